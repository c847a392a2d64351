/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The memory system calls' constants, Linux x86-64's values (its uapi
 * asm-generic/mman-common.h, mman.h and linux/mman.h): mmap()'s PROT_*
 * and MAP_*, mlock2()'s and mlockall()'s, madvise()'s MADV_*, mremap()'s
 * MREMAP_*, msync()'s MS_*, and the overcommit policies. The conversions
 * from PROT_* / MAP_* to VM_* flags (calc_vm_prot_bits(), ...) and the
 * overcommit accounting (mm/util.c) are declared here too, as in Linux.
 */
#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H

#include <linux/types.h>
#include <linux/atomic.h>

#define PROT_NONE		0x0
#define PROT_READ		0x1
#define PROT_WRITE		0x2
#define PROT_EXEC		0x4
#define PROT_SEM		0x8		/* accepted, meaningless on x86 */
#define PROT_GROWSDOWN		0x01000000	/* mprotect(): down to the VM_GROWSDOWN start */
#define PROT_GROWSUP		0x02000000	/* no VM_GROWSUP on x86: EINVAL */

#define MAP_SHARED		0x01
#define MAP_PRIVATE		0x02
#define MAP_SHARED_VALIDATE	0x03		/* MAP_SHARED, refusing unknown flags */
#define MAP_TYPE		0x0f
#define MAP_FIXED		0x10		/* exactly at addr */
#define MAP_ANONYMOUS		0x20
#define MAP_32BIT		0x40
#define MAP_GROWSDOWN		0x0100
#define MAP_DENYWRITE		0x0800		/* ignored */
#define MAP_EXECUTABLE		0x1000		/* ignored */
#define MAP_LOCKED		0x2000
#define MAP_NORESERVE		0x4000
#define MAP_POPULATE		0x8000
#define MAP_NONBLOCK		0x10000		/* with MAP_POPULATE: do not populate */
#define MAP_STACK		0x20000
#define MAP_HUGETLB		0x40000
#define MAP_SYNC		0x80000		/* DAX only: EOPNOTSUPP elsewhere */
#define MAP_FIXED_NOREPLACE	0x100000
#define MAP_UNINITIALIZED	0x4000000	/* ignored without CONFIG_MMAP_ALLOW_UNINITIALIZED */
#define MAP_HUGE_SHIFT		26
#define MAP_HUGE_MASK		0x3f

/* The flags every file's mmap() understands: anything else fails MAP_SHARED_VALIDATE. */
#define LEGACY_MAP_MASK	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | \
			 MAP_DENYWRITE | MAP_EXECUTABLE | MAP_UNINITIALIZED | \
			 MAP_GROWSDOWN | MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | \
			 MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB)

#define MLOCK_ONFAULT		0x01		/* mlock2(): lock pages as they fault in */
#define MCL_CURRENT		1
#define MCL_FUTURE		2
#define MCL_ONFAULT		4

#define MADV_NORMAL		0
#define MADV_RANDOM		1
#define MADV_SEQUENTIAL		2
#define MADV_WILLNEED		3
#define MADV_DONTNEED		4
#define MADV_FREE		8
#define MADV_REMOVE		9
#define MADV_DONTFORK		10
#define MADV_DOFORK		11
#define MADV_MERGEABLE		12
#define MADV_UNMERGEABLE	13
#define MADV_HUGEPAGE		14
#define MADV_NOHUGEPAGE		15
#define MADV_DONTDUMP		16
#define MADV_DODUMP		17
#define MADV_WIPEONFORK		18
#define MADV_KEEPONFORK		19
#define MADV_COLD		20
#define MADV_PAGEOUT		21
#define MADV_POPULATE_READ	22
#define MADV_POPULATE_WRITE	23
#define MADV_DONTNEED_LOCKED	24
#define MADV_COLLAPSE		25
#define MADV_HWPOISON		100
#define MADV_SOFT_OFFLINE	101

#define MREMAP_MAYMOVE		1
#define MREMAP_FIXED		2
#define MREMAP_DONTUNMAP	4

#define MS_ASYNC		1
#define MS_INVALIDATE		2
#define MS_SYNC			4

#define OVERCOMMIT_GUESS	0
#define OVERCOMMIT_ALWAYS	1
#define OVERCOMMIT_NEVER	2

struct mm_struct;

/*
 * DOC: overcommit accounting (mm/util.c)
 *
 * vm_committed_as counts the pages promised to private writable mappings
 * (VM_ACCOUNT) and to shared memory: charged by __vm_enough_memory() when
 * a mapping is made or grows, given back by vm_unacct_memory() when it
 * goes. vm.overcommit_memory decides how far the promises may go: 0
 * (guess: one request may not exceed RAM + swap), 1 (always), 2 (never
 * beyond CommitLimit, vm_commit_limit()). Locking: atomic.
 */
extern int sysctl_overcommit_memory;
extern int sysctl_overcommit_ratio;
extern unsigned long sysctl_overcommit_kbytes;
extern unsigned long sysctl_user_reserve_kbytes;
extern unsigned long sysctl_admin_reserve_kbytes;
extern atomic_long_t vm_committed_as;

/**
 * __vm_enough_memory - charge @pages to vm_committed_as if the policy allows
 * @mm: the address space asking (its size shrinks the reserve), or NULL
 * @pages: how many
 * @cap_sys_admin: the caller may use the admin reserve
 *
 * Return: 0 (charged) or -ENOMEM (not charged, and a rate-limited warning
 * naming the task, as Linux's). Context: any.
 */
int __vm_enough_memory(struct mm_struct *mm, long pages, int cap_sys_admin);
/* security_vm_enough_memory_mm - __vm_enough_memory() with current's privilege. */
int security_vm_enough_memory_mm(struct mm_struct *mm, long pages);

static inline void vm_acct_memory(long pages)
{
	atomic_long_add(pages, &vm_committed_as);
}

static inline void vm_unacct_memory(long pages)
{
	vm_acct_memory(-pages);
}

struct ctl_table;
/*
 * The sysctl handlers of vm.overcommit_ratio and vm.overcommit_kbytes:
 * setting one clears the other, as Linux (the limit is one or the other).
 */
int overcommit_ratio_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			     loff_t *ppos);
int overcommit_kbytes_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			      loff_t *ppos);

/* The pages committed now (Committed_AS). */
unsigned long vm_memory_committed(void);
/* The policy-2 limit in pages (CommitLimit): overcommit_kbytes, or ratio % of RAM, plus swap. */
unsigned long vm_commit_limit(void);

/* PROT_READ/WRITE/EXEC -> VM_READ/WRITE/EXEC (the same bits). */
static inline unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return prot & (PROT_READ | PROT_WRITE | PROT_EXEC);
}

/* The MAP_* that become VM_* flags: GROWSDOWN, LOCKED, SYNC. */
unsigned long calc_vm_flag_bits(unsigned long flags);

#endif /* _LINUX_MMAN_H */
