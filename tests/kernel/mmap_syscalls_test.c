// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the memory system calls (mm/mmap.c, mprotect.c, mremap.c,
 * madvise.c, mlock.c, mincore.c, msync.c, util.c's overcommit), called as
 * a process calls them: through sys_call_table with the registers of the
 * x86-64 convention, from a kthread that has become a user task in a
 * fresh mm (begin_user_task()), with its own copy of the rlimits.
 *
 * Each case's body runs in that task (run_case()); it checks return
 * values, errno values and, after each step, the VMA list against the
 * layout it expects (layout(): "START-END:FLAGS" per VMA, in pages from
 * BASE, flags "rwxs" then "l" for VM_LOCKED and "f" for VM_LOCKONFAULT).
 * The bodies only use KTEST_EXPECT_*: the ASSERTs long-jump, which only
 * the runner's own task may do.
 *
 * Page-level cases fault pages in with handle_mm_fault() (install_pages()),
 * as a write from user mode would. The suite counts free pages, VMAs and
 * committed memory around every case (the checks run with fault
 * injection paused).
 */
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/rmap.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/resource.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/vmstat.h>
#include <asm/processor.h>
#include <asm/syscall.h>
#include <asm/unistd_64.h>
#include <asm/ptrace.h>
#include <asm/tlbflush.h>
#include <asm/uaccess.h>
#include <asm/pgalloc.h>
#include "../../mm/slab.h"
#include "mm_test.h"
#include "vfs_test.h"

#define BASE		0x10000000UL		/* where the cases map with MAP_FIXED */
#define P(n)		(BASE + (unsigned long)(n) * PAGE_SIZE)
#define MMAP_BASE	0x7f0000000000UL	/* the top-down search's start */
#define BRK_BASE	0x20000000UL
#define RW		(PROT_READ | PROT_WRITE)
#define PRIV_ANON	(MAP_PRIVATE | MAP_ANONYMOUS)
#define FIXED_ANON	(MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)

/* A system call through the table, as entry_SYSCALL_64 makes it. */
static long sys(int nr, unsigned long a0, unsigned long a1, unsigned long a2,
		unsigned long a3, unsigned long a4, unsigned long a5)
{
	struct pt_regs regs = { .di = a0, .si = a1, .dx = a2, .r10 = a3, .r8 = a4, .r9 = a5 };

	return sys_call_table[nr](&regs);
}

#define SYS_MMAP(a, l, p, f)	sys(__NR_mmap, a, l, p, f, -1UL, 0)
#define SYS2(nr, a, b)		sys(__NR_##nr, a, b, 0, 0, 0, 0)
#define SYS3(nr, a, b, c)	sys(__NR_##nr, a, b, c, 0, 0, 0)

/* The VMAs of current's mm as "S-E:flags" in pages from BASE, space separated. */
static const char *layout(void)
{
	static char buf[512];
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	size_t n = 0;

	buf[0] = '\0';
	mmap_read_lock(mm);
	for (vma = mm->mmap; vma && n < sizeof(buf); vma = vma->vm_next) {
		unsigned long f = vma->vm_flags;

		if (vma->vm_start < BASE || vma->vm_start >= BRK_BASE)
			continue;
		n += (size_t)scnprintf(buf + n, sizeof(buf) - n, "%s%lu-%lu:%c%c%c%c%s%s",
				       n ? " " : "", (vma->vm_start - BASE) >> PAGE_SHIFT,
				       (vma->vm_end - BASE) >> PAGE_SHIFT,
				       f & VM_READ ? 'r' : '-', f & VM_WRITE ? 'w' : '-',
				       f & VM_EXEC ? 'x' : '-', f & VM_SHARED ? 's' : 'p',
				       f & VM_LOCKED ? "l" : "", f & VM_LOCKONFAULT ? "f" : "");
	}
	mmap_read_unlock(mm);
	return buf;
}

static struct vm_area_struct *vma_at(unsigned long addr)
{
	struct vm_area_struct *vma;

	mmap_read_lock(current->mm);
	vma = vma_lookup(current->mm, addr);
	mmap_read_unlock(current->mm);
	return vma;
}

/* ---- page-level helpers ---- */

/* Write-fault a page in at each of @nr pages from @addr, @step pages apart. */
static int install_pages(unsigned long addr, unsigned long nr, unsigned long step)
{
	struct mm_struct *mm = current->mm;
	unsigned long i;
	int err = 0;

	mmap_read_lock(mm);
	for (i = 0; i < nr && !err; i++) {
		unsigned long a = addr + i * step * PAGE_SIZE;
		struct vm_area_struct *vma = vma_lookup(mm, a);

		if (!vma || (handle_mm_fault(vma, a, FAULT_FLAG_WRITE, NULL) & VM_FAULT_ERROR))
			err = -EFAULT;
	}
	mmap_read_unlock(mm);
	return err;
}

/* The pte entry of @addr in current's mm, or NULL if no table. */
static pte_t *ptep_at(unsigned long addr)
{
	struct mm_struct *mm = current->mm;
	pgd_t *pgd = pgd_offset(mm, addr);
	p4d_t *p4d = p4d_offset(pgd, addr);
	pud_t *pud;
	pmd_t *pmd;

	if (p4d_none(p4dp_get(p4d)))
		return NULL;
	pud = pud_offset(p4d, addr);
	if (pud_none(pudp_get(pud)))
		return NULL;
	pmd = pmd_offset(pud, addr);
	if (pmd_none(pmdp_get(pmd)))
		return NULL;
	return pte_offset_kernel(pmd, addr);
}

/* The pte of @addr in current's mm (0 if no table). */
static pte_t pte_at(unsigned long addr)
{
	pte_t *ptep = ptep_at(addr);

	return ptep ? ptep_get(ptep) : __pte(0);
}

/* ---- the case runner ---- */

/* The page cache all test files share: the rmap code links file VMAs on its i_mmap. */
static struct address_space test_mapping;

struct sys_case {
	struct ktest *test;
	struct mm_struct *mm;
	void (*body)(struct ktest *test);
};

static int sys_case_thread(void *arg)
{
	struct sys_case *c = arg;
	struct signal_struct sig = *current->signal;	/* its own rlimits */
	int err = begin_user_task(c->mm);

	if (err)
		return err;
	current->signal = &sig;
	c->body(c->test);
	current->signal = &init_signal;
	do_exit(0);
}

static struct {
	unsigned long free, vmas, committed, stack_kb;
} baseline;

/*
 * Caches the cases use besides the VMA and mm caches (a tmpfs file's
 * filp, inode and dentry caches, found by the suite's warm-up): their
 * empty slabs are given back before the free pages are counted, whichever
 * CPU a case ran on.
 */
static struct kmem_cache *case_caches[3];

static void note_cache_of(unsigned int i, const void *obj)
{
	struct slab *slab = virt_to_slab(obj);

	case_caches[i] = slab ? slab->slab_cache : NULL;
}

static void shrink_case_caches(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(case_caches); i++)
		if (case_caches[i])
			kmem_cache_shrink(case_caches[i]);
	kmem_cache_shrink(anon_vma_cachep);
	kmem_cache_shrink(anon_vma_chain_cachep);
}

static int sys_test_init(struct ktest *test)
{
	ktest_pause_fault_injection(test);
	baseline.stack_kb = kernel_stack_kb();
	shrink_case_caches();
	kmem_cache_shrink(vm_area_cachep);
	kmem_cache_shrink(mm_cachep);
	baseline.free = free_pages_settled();
	baseline.vmas = atomic_long_read(&vm_area_cachep->total_objects);
	baseline.committed = vm_memory_committed();
	return 0;
}

static void sys_test_exit(struct ktest *test)
{
	KTEST_EXPECT_TRUE(test, wait_for_stacks_freed(baseline.stack_kb));
	shrink_case_caches();
	kmem_cache_shrink(vm_area_cachep);
	kmem_cache_shrink(mm_cachep);
	KTEST_EXPECT_EQ(test, vm_memory_committed(), baseline.committed);
	KTEST_EXPECT_EQ(test, free_pages_settled(), baseline.free);
	ktest_resume_fault_injection(test);
}

/*
 * Run @body (with @test) in a user task of a new mm; then the mm goes,
 * pages and tables and all. Return: the task's exit code, or -ENOMEM.
 */
static int run_in_new_mm(struct ktest *test, void (*body)(struct ktest *test))
{
	struct sys_case c = { .test = test, .body = body };
	struct task_struct *k;
	int ret;

	c.mm = mm_alloc();
	if (!c.mm)
		return -ENOMEM;
	c.mm->mmap_base = MMAP_BASE;
	c.mm->task_size = TASK_SIZE;
	c.mm->start_brk = c.mm->brk = BRK_BASE;
	k = kthread_create(sys_case_thread, &c, "mmap-sys");
	if (!k) {
		mmput(c.mm);
		return -ENOMEM;
	}
	wake_up_process(k);
	wait_for_completion(&k->exited);
	ret = kthread_stop(k);
	mmput(c.mm);		/* exit_mmap(): every page and table */
	return ret;
}

static void run_case(struct ktest *test, void (*body)(struct ktest *test))
{
	KTEST_EXPECT_EQ(test, run_in_new_mm(test, body), 0);
}

static void warm_up_body(struct ktest *test)
{
	struct vm_area_struct *vma;

	SYS2(munmap, SYS_MMAP(0, PAGE_SIZE, RW, PRIV_ANON), PAGE_SIZE);
	SYS_MMAP(P(0), PAGE_SIZE, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED);
	vma = vma_at(P(0));
	if (vma && vma->vm_file) {
		note_cache_of(0, vma->vm_file);
		note_cache_of(1, vma->vm_file->f_inode);
		note_cache_of(2, vma->vm_file->f_path.dentry);
	}
	SYS2(munmap, P(0), PAGE_SIZE);
}

/* What the first user task allocates once for good (caches, per-CPU lists) is not a leak. */
static int sys_suite_init(struct ktest_suite *suite)
{
	struct fault_injection_state paused;
	int ret;

	address_space_init_once(&test_mapping);
	fault_injection_pause(&paused);		/* the warm-up must find every cache */
	ret = run_in_new_mm(NULL, warm_up_body);
	fault_injection_resume(&paused);
	return ret;
}

#define SYS_CASE(name)							\
	static void name##_body(struct ktest *test);			\
	static void name(struct ktest *test) { run_case(test, name##_body); } \
	static void name##_body(struct ktest *test)

static void set_rlimit(unsigned int which, unsigned long cur)
{
	current->signal->rlim[which].rlim_cur = cur;
}

static const struct cred user_cred = {
	.uid = 1000, .euid = 1000, .fsuid = 1000, .gid = 1000, .egid = 1000, .fsgid = 1000,
};

/* ---- mmap ---- */

SYS_CASE(mmap_places_anonymous_memory_top_down)
{
	struct mm_struct *mm = current->mm;
	long a = SYS_MMAP(0, 3 * PAGE_SIZE, RW, PRIV_ANON);
	long b = SYS_MMAP(0, PAGE_SIZE, PROT_READ, PRIV_ANON);
	struct vm_area_struct *vma;

	KTEST_EXPECT_EQ(test, a, (long)(MMAP_BASE - 3 * PAGE_SIZE));
	KTEST_EXPECT_EQ(test, b, a - (long)PAGE_SIZE);
	vma = vma_at(a);
	KTEST_EXPECT_TRUE(test, vma && vma->vm_start == (unsigned long)a);
	if (vma) {
		KTEST_EXPECT_EQ(test, vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED |
						       VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC |
						       VM_ACCOUNT),
				VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC |
				VM_ACCOUNT);
		KTEST_EXPECT_EQ(test, vma->vm_pgoff, (unsigned long)a >> PAGE_SHIFT);
		/* Private writable: read-only ptes (COW decides), no exec. */
		KTEST_EXPECT_EQ(test, pgprot_val(vma->vm_page_prot),
				_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED | _PAGE_NX);
	}
	KTEST_EXPECT_EQ(test, mm->total_vm, 4ul);
	KTEST_EXPECT_EQ(test, mm->data_vm, 3ul);
	/* A hint that is free is taken; one below mmap_min_addr moves up to it. */
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(40), PAGE_SIZE, RW, PRIV_ANON), (long)P(40));
	KTEST_EXPECT_EQ(test, SYS_MMAP(PAGE_SIZE, PAGE_SIZE, RW, PRIV_ANON), (long)mmap_min_addr);
	KTEST_EXPECT_EQ(test, SYS2(munmap, mmap_min_addr, PAGE_SIZE), 0L);
	/* A hint in use is not: the search decides. */
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(40), PAGE_SIZE, RW, PRIV_ANON), b - (long)PAGE_SIZE);
}

SYS_CASE(mmap_merges_alike_neighbours)
{
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 2 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(4), 2 * PAGE_SIZE, RW, FIXED_ANON), (long)P(4));
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(2), 2 * PAGE_SIZE, RW, FIXED_ANON), (long)P(2));
	KTEST_EXPECT_STREQ(test, layout(), "0-6:rw-p");
	KTEST_EXPECT_EQ(test, current->mm->map_count, 1);
	/* Other protections, shared memory and MAP_NORESERVE make their own VMAs. */
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(6), PAGE_SIZE, PROT_READ, FIXED_ANON), (long)P(6));
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(7), PAGE_SIZE, RW, FIXED_ANON | MAP_NORESERVE), (long)P(7));
	KTEST_EXPECT_STREQ(test, layout(), "0-6:rw-p 6-7:r--p 7-8:rw-p");
	KTEST_EXPECT_EQ(test, vma_at(P(7))->vm_flags & (VM_NORESERVE | VM_ACCOUNT), VM_NORESERVE);
}

SYS_CASE(mmap_refuses_bad_arguments)
{
	long map_count = current->mm->map_count;

	KTEST_EXPECT_EQ(test, SYS_MMAP(0, 0, RW, PRIV_ANON), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS_MMAP(0, -1UL, RW, PRIV_ANON), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, SYS_MMAP(0, TASK_SIZE, RW, PRIV_ANON), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, SYS_MMAP(0, PAGE_SIZE, RW, MAP_ANONYMOUS), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS_MMAP(0, PAGE_SIZE, RW, MAP_ANONYMOUS | MAP_SHARED_VALIDATE),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS_MMAP(0, PAGE_SIZE, RW, MAP_ANONYMOUS | 0xf), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0) + 1, PAGE_SIZE, RW, FIXED_ANON), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS_MMAP(PAGE_SIZE, PAGE_SIZE, RW, FIXED_ANON), (long)-EPERM);
	KTEST_EXPECT_EQ(test, SYS_MMAP(TASK_SIZE - PAGE_SIZE, 2 * PAGE_SIZE, RW, FIXED_ANON),
			(long)-ENOMEM);
	KTEST_EXPECT_EQ(test, sys(__NR_mmap, 0, PAGE_SIZE, RW, PRIV_ANON, -1UL, 100),
			(long)-EINVAL);		/* an offset not page aligned */
	KTEST_EXPECT_EQ(test, sys(__NR_mmap, 0, PAGE_SIZE, RW, MAP_PRIVATE, 1000, 0),
			(long)-EBADF);
	KTEST_EXPECT_EQ(test, SYS_MMAP(0, PAGE_SIZE, RW, PRIV_ANON | MAP_HUGETLB), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS_MMAP(0, PAGE_SIZE, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_GROWSDOWN),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(test, current->mm->map_count, map_count);
}

SYS_CASE(map_fixed_replaces_and_noreplace_refuses)
{
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 4 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(1), 2 * PAGE_SIZE, PROT_READ, FIXED_ANON), (long)P(1));
	KTEST_EXPECT_STREQ(test, layout(), "0-1:rw-p 1-3:r--p 3-4:rw-p");
	KTEST_EXPECT_EQ(test, current->mm->total_vm, 4ul);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(3), 2 * PAGE_SIZE, PROT_EXEC,
				       PRIV_ANON | MAP_FIXED_NOREPLACE), (long)-EEXIST);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(4), 2 * PAGE_SIZE, PROT_READ | PROT_EXEC,
				       PRIV_ANON | MAP_FIXED_NOREPLACE), (long)P(4));
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(8) + 8, PAGE_SIZE, PROT_READ,
				       PRIV_ANON | MAP_FIXED_NOREPLACE), (long)-EINVAL);
	KTEST_EXPECT_STREQ(test, layout(), "0-1:rw-p 1-3:r--p 3-4:rw-p 4-6:r-xp");
	KTEST_EXPECT_EQ(test, pgprot_val(vma_at(P(4))->vm_page_prot) & _PAGE_NX, 0ul);
	KTEST_EXPECT_EQ(test, current->mm->exec_vm, 2ul);
	/* Replacing keeps the counts and the charge exact. */
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 6 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_STREQ(test, layout(), "0-6:rw-p");
	KTEST_EXPECT_EQ(test, current->mm->total_vm, 6ul);
	KTEST_EXPECT_EQ(test, current->mm->exec_vm, 0ul);
}

SYS_CASE(munmap_splits_and_checks_its_range)
{
	unsigned long committed = vm_memory_committed();

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 8 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, vm_memory_committed(), committed + 8);
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(2), 2 * PAGE_SIZE), 0L);
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(5), 1), 0L);		/* rounded up */
	KTEST_EXPECT_STREQ(test, layout(), "0-2:rw-p 4-5:rw-p 6-8:rw-p");
	KTEST_EXPECT_EQ(test, vm_memory_committed(), committed + 5);
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(0) + 1, PAGE_SIZE), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(0), 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS2(munmap, TASK_SIZE - PAGE_SIZE, 2 * PAGE_SIZE), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(100), PAGE_SIZE), 0L);	/* nothing there */
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(1), 6 * PAGE_SIZE), 0L);
	KTEST_EXPECT_STREQ(test, layout(), "0-1:rw-p 7-8:rw-p");
	KTEST_EXPECT_EQ(test, current->mm->total_vm, 2ul);
	KTEST_EXPECT_EQ(test, current->mm->data_vm, 2ul);
	KTEST_EXPECT_EQ(test, vm_memory_committed(), committed + 2);
}

SYS_CASE(mmap_limits_address_space_and_data)
{
	set_rlimit(RLIMIT_AS, 4 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 4 * PAGE_SIZE, PROT_READ, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(8), PAGE_SIZE, PROT_READ, FIXED_ANON), (long)-ENOMEM);
	/* Replacing what is mapped counts only the growth. */
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(2), 2 * PAGE_SIZE, PROT_READ, FIXED_ANON), (long)P(2));
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(3), 2 * PAGE_SIZE, PROT_READ, FIXED_ANON), (long)-ENOMEM);
	set_rlimit(RLIMIT_AS, RLIM_INFINITY);
	set_rlimit(RLIMIT_DATA, 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(8), 3 * PAGE_SIZE, RW, FIXED_ANON), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(8), 2 * PAGE_SIZE, RW, FIXED_ANON), (long)P(8));
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(12), 2 * PAGE_SIZE, PROT_READ, FIXED_ANON), (long)P(12));
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(16), PAGE_SIZE, RW, FIXED_ANON), (long)-ENOMEM);
	/* A soft limit of 0 lets the hard one count (Linux's exception for Valgrind). */
	set_rlimit(RLIMIT_DATA, 0);
	current->signal->rlim[RLIMIT_DATA].rlim_max = 3 * PAGE_SIZE;
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(16), PAGE_SIZE, RW, FIXED_ANON), (long)P(16));
	KTEST_EXPECT_STREQ(test, layout(), "0-4:r--p 8-10:rw-p 12-14:r--p 16-17:rw-p");
}

SYS_CASE(map_locked_is_limited_by_rlimit_memlock)
{
	const struct cred *old;

	set_rlimit(RLIMIT_MEMLOCK, 2 * PAGE_SIZE);
	old = override_creds(&user_cred);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 3 * PAGE_SIZE, PROT_NONE, FIXED_ANON | MAP_LOCKED),
			(long)-EAGAIN);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 2 * PAGE_SIZE, PROT_NONE, FIXED_ANON | MAP_LOCKED),
			(long)P(0));
	KTEST_EXPECT_EQ(test, current->mm->locked_vm, 2ul);
	set_rlimit(RLIMIT_MEMLOCK, 0);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(4), PAGE_SIZE, PROT_NONE, FIXED_ANON | MAP_LOCKED),
			(long)-EPERM);
	revert_creds(old);
	/* Root has CAP_IPC_LOCK. */
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(4), PAGE_SIZE, PROT_NONE, FIXED_ANON | MAP_LOCKED),
			(long)P(4));
	KTEST_EXPECT_STREQ(test, layout(), "0-2:---pl 4-5:---pl");
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(0), 8 * PAGE_SIZE), 0L);
	KTEST_EXPECT_EQ(test, current->mm->locked_vm, 0ul);
}

SYS_CASE(mmap_growsdown_and_stack_flags)
{
	struct vm_area_struct *vma;

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(300), 2 * PAGE_SIZE, RW, FIXED_ANON | MAP_GROWSDOWN |
				       MAP_STACK), (long)P(300));
	vma = vma_at(P(300));
	KTEST_EXPECT_TRUE(test, vma && (vma->vm_flags & VM_GROWSDOWN));
	KTEST_EXPECT_EQ(test, current->mm->stack_vm, 2ul);
	/* The guard gap below it is not free for the search. */
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(299), PAGE_SIZE, RW, PRIV_ANON) == (long)P(299), false);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(301) - stack_guard_gap, PAGE_SIZE, RW, PRIV_ANON) ==
			(long)(P(301) - stack_guard_gap), false);
}

/* ---- file mappings, through a file with a test ->mmap() ---- */

static int test_mmap_calls;
static const struct vm_operations_struct test_vm_ops = { };

static int test_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	test_mmap_calls++;
	vma->vm_ops = &test_vm_ops;
	return vma->vm_pgoff == 1000 ? -ENXIO : 0;	/* a backer's refusal */
}

static const struct file_operations mmap_fops = { .mmap = test_file_mmap };
static const struct file_operations no_mmap_fops = { };

static struct file test_file(const struct file_operations *fops, unsigned int mode)
{
	struct file f = { .f_op = fops, .f_mode = mode, .f_mapping = &test_mapping };

	atomic_long_set(&f.f_count, 1);
	return f;
}

SYS_CASE(mmap_of_files_checks_modes_and_the_backer)
{
	struct file rw = test_file(&mmap_fops, FMODE_READ | FMODE_WRITE);
	struct file ro = test_file(&mmap_fops, FMODE_READ);
	struct file wo = test_file(&mmap_fops, FMODE_WRITE);
	struct file none = test_file(&no_mmap_fops, FMODE_READ | FMODE_WRITE);
	struct vm_area_struct *vma;

	KTEST_EXPECT_EQ(test, (long)vm_mmap(&rw, P(0), PAGE_SIZE, RW, MAP_SHARED | MAP_FIXED, 0),
			(long)P(0));
	vma = vma_at(P(0));
	KTEST_EXPECT_TRUE(test, vma && vma->vm_file == &rw && (vma->vm_flags & VM_SHARED));
	KTEST_EXPECT_EQ(test, atomic_long_read(&rw.f_count), 2L);
	/* A read-only file: shared writable is EACCES, shared read-only may never write. */
	KTEST_EXPECT_EQ(test, (long)vm_mmap(&ro, P(2), PAGE_SIZE, RW, MAP_SHARED | MAP_FIXED, 0),
			(long)-EACCES);
	KTEST_EXPECT_EQ(test, (long)vm_mmap(&ro, P(2), PAGE_SIZE, PROT_READ,
					    MAP_SHARED | MAP_FIXED, PAGE_SIZE), (long)P(2));
	vma = vma_at(P(2));
	KTEST_EXPECT_TRUE(test, vma && !(vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) &&
			  (vma->vm_flags & VM_MAYSHARE) && vma->vm_pgoff == 1);
	/* Private mappings need read access; a file without ->mmap() is ENODEV. */
	KTEST_EXPECT_EQ(test, (long)vm_mmap(&wo, P(4), PAGE_SIZE, PROT_READ,
					    MAP_PRIVATE | MAP_FIXED, 0), (long)-EACCES);
	KTEST_EXPECT_EQ(test, (long)vm_mmap(&none, P(4), PAGE_SIZE, PROT_READ,
					    MAP_PRIVATE | MAP_FIXED, 0), (long)-ENODEV);
	KTEST_EXPECT_EQ(test, (long)vm_mmap(&rw, P(4), PAGE_SIZE, PROT_READ,
					    MAP_PRIVATE | MAP_FIXED | MAP_GROWSDOWN, 0), (long)-EINVAL);
	/* Unknown flags: ignored by MAP_SHARED, refused by MAP_SHARED_VALIDATE. */
	KTEST_EXPECT_EQ(test, (long)vm_mmap(&rw, P(4), PAGE_SIZE, PROT_READ,
					    MAP_SHARED_VALIDATE | MAP_FIXED | MAP_SYNC, 0),
			(long)-EOPNOTSUPP);
	KTEST_EXPECT_EQ(test, (long)vm_mmap(&rw, P(4), PAGE_SIZE, PROT_READ,
					    MAP_SHARED | MAP_FIXED | MAP_SYNC, 0), (long)P(4));
	/* As Linux: VM_SYNC comes from the flags before MAP_SHARED drops MAP_SYNC. */
	KTEST_EXPECT_EQ(test, vma_at(P(4))->vm_flags & VM_SYNC, VM_SYNC);
	/* Offsets: page aligned, and the backer's refusal leaves nothing behind. */
	KTEST_EXPECT_EQ(test, (long)vm_mmap(&rw, P(6), PAGE_SIZE, PROT_READ,
					    MAP_SHARED | MAP_FIXED, 10), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, (long)vm_mmap(&rw, P(6), PAGE_SIZE, PROT_READ,
					    MAP_SHARED | MAP_FIXED, 1000 * PAGE_SIZE), (long)-ENXIO);
	KTEST_EXPECT_STREQ(test, layout(), "0-1:rw-s 2-3:r--p 4-5:r--s");
	KTEST_EXPECT_EQ(test, atomic_long_read(&rw.f_count), 3L);
	/* Private writable file memory is charged, shared is not. */
	KTEST_EXPECT_EQ(test, vma_at(P(0))->vm_flags & VM_ACCOUNT, 0ul);
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(0), 8 * PAGE_SIZE), 0L);
	KTEST_EXPECT_EQ(test, atomic_long_read(&rw.f_count), 1L);
	KTEST_EXPECT_EQ(test, atomic_long_read(&ro.f_count), 1L);
	KTEST_EXPECT_EQ(test, test_mmap_calls, 4);
	test_mmap_calls = 0;
}

/* ---- overcommit ---- */

SYS_CASE(overcommit_policies_limit_private_writable_memory)
{
	int policy = sysctl_overcommit_memory;
	unsigned long kbytes = sysctl_overcommit_kbytes;
	int ratio = sysctl_overcommit_ratio;
	unsigned long committed = vm_memory_committed();
	unsigned long ram = totalram_pages(), big = (ram + 1) * PAGE_SIZE;
	const struct cred *old;

	/* 0: one request may not exceed RAM; read-only and MAP_NORESERVE are not charged. */
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), big, RW, FIXED_ANON), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), big, PROT_READ, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), big, RW, FIXED_ANON | MAP_NORESERVE), (long)P(0));
	KTEST_EXPECT_EQ(test, vm_memory_committed(), committed);
	/* 1: anything. */
	sysctl_overcommit_memory = OVERCOMMIT_ALWAYS;
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), big, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, vm_memory_committed(), committed + ram + 1);
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(0), big), 0L);
	/*
	 * 2: CommitLimit, less the admin reserve for all but root (and, for an
	 * mm of total_vm pages, min(total_vm / 32, the user reserve): none here).
	 * MAP_NORESERVE is charged too.
	 */
	sysctl_overcommit_memory = OVERCOMMIT_NEVER;
	sysctl_overcommit_kbytes = ((committed + 64) << (PAGE_SHIFT - 10)) +
				   sysctl_admin_reserve_kbytes;
	KTEST_EXPECT_EQ(test, vm_commit_limit(), sysctl_overcommit_kbytes >> (PAGE_SHIFT - 10));
	old = override_creds(&user_cred);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 32 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(32), 32 * PAGE_SIZE, RW, FIXED_ANON | MAP_NORESERVE),
			(long)-ENOMEM);
	KTEST_EXPECT_EQ(test, vm_memory_committed(), committed + 32);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(32), 64 * PAGE_SIZE, PROT_READ, FIXED_ANON), (long)P(32));
	/* Turning it writable charges it now. */
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(32), 64 * PAGE_SIZE, RW), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(32), 16 * PAGE_SIZE, RW), 0L);
	KTEST_EXPECT_EQ(test, vm_memory_committed(), committed + 48);
	KTEST_EXPECT_STREQ(test, layout(), "0-48:rw-p 48-96:r--p");
	revert_creds(old);
	/* Root may use the admin reserve. */
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(48), 48 * PAGE_SIZE, RW), 0L);
	KTEST_EXPECT_EQ(test, vm_memory_committed(), committed + 96);
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(0), 96 * PAGE_SIZE), 0L);
	KTEST_EXPECT_EQ(test, vm_memory_committed(), committed);
	sysctl_overcommit_memory = policy;
	sysctl_overcommit_kbytes = kbytes;
	sysctl_overcommit_ratio = ratio;
}

static void overcommit_sysctls_validate_and_exclude_each_other(struct ktest *test)
{
	int policy = sysctl_overcommit_memory, ratio = sysctl_overcommit_ratio;
	char buf[64];

	KTEST_EXPECT_EQ(test, vt_write_file("/proc/sys/vm/overcommit_memory", "3"), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, vt_write_file("/proc/sys/vm/overcommit_memory", "-1"),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(test, vt_write_file("/proc/sys/vm/overcommit_memory", "2"), 1L);
	KTEST_EXPECT_EQ(test, sysctl_overcommit_memory, 2);
	KTEST_EXPECT_EQ(test, vt_write_file("/proc/sys/vm/overcommit_kbytes", "-5"), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, vt_write_file("/proc/sys/vm/overcommit_kbytes", "4096"), 4L);
	KTEST_EXPECT_EQ(test, sysctl_overcommit_ratio, 0);
	KTEST_EXPECT_GT(test, vt_read_file("/proc/sys/vm/overcommit_kbytes", buf, sizeof(buf)), 0L);
	KTEST_EXPECT_STREQ(test, buf, "4096\n");
	KTEST_EXPECT_EQ(test, vm_commit_limit(), 4096UL >> (PAGE_SHIFT - 10));
	KTEST_EXPECT_EQ(test, vt_write_file("/proc/sys/vm/overcommit_ratio", "50"), 2L);
	KTEST_EXPECT_EQ(test, sysctl_overcommit_kbytes, 0ul);
	KTEST_EXPECT_EQ(test, vm_commit_limit(), totalram_pages() / 2);
	sysctl_overcommit_memory = policy;
	sysctl_overcommit_ratio = ratio;
}

static void meminfo_shows_commit_limit_and_committed(struct ktest *test)
{
	char *text = kmalloc(4096, GFP_KERNEL), line[64];

	KTEST_ASSERT_NOT_NULL(test, text);
	KTEST_EXPECT_GT(test, vt_read_file("/proc/meminfo", text, 4096), 0L);
	snprintf(line, sizeof(line), "\nCommitLimit:    %8lu kB\n", vm_commit_limit() << 2);
	KTEST_EXPECT_TRUE(test, strstr(text, line) != NULL);
	/* After Bounce:, before VmallocTotal:, as Linux orders them. */
	KTEST_EXPECT_TRUE(test, strstr(text, "kB\nCommitted_AS:") &&
			  strstr(text, "Bounce:") < strstr(text, "CommitLimit:") &&
			  strstr(text, "Committed_AS:") < strstr(text, "VmallocTotal:"));
	kfree(text);
}

/* ---- brk ---- */

SYS_CASE(brk_grows_shrinks_and_refuses_as_linux)
{
	struct mm_struct *mm = current->mm;
	unsigned long start = BRK_BASE;

	KTEST_EXPECT_EQ(test, SYS2(brk, 0, 0), (long)start);
	KTEST_EXPECT_EQ(test, SYS2(brk, start + 3 * PAGE_SIZE + 10, 0),
			(long)(start + 3 * PAGE_SIZE + 10));
	KTEST_EXPECT_TRUE(test, vma_at(start) && vma_at(start)->vm_end == start + 4 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, mm->data_vm, 4ul);
	/* Within the same page: only the break moves. */
	KTEST_EXPECT_EQ(test, SYS2(brk, start + 3 * PAGE_SIZE + 100, 0),
			(long)(start + 3 * PAGE_SIZE + 100));
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
	/* Growing again extends the same VMA. */
	KTEST_EXPECT_EQ(test, SYS2(brk, start + 6 * PAGE_SIZE, 0), (long)(start + 6 * PAGE_SIZE));
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
	KTEST_EXPECT_EQ(test, vma_at(start)->vm_end, start + 6 * PAGE_SIZE);
	/* Shrinking unmaps. */
	KTEST_EXPECT_EQ(test, SYS2(brk, start + PAGE_SIZE, 0), (long)(start + PAGE_SIZE));
	KTEST_EXPECT_EQ(test, vma_at(start)->vm_end, start + PAGE_SIZE);
	KTEST_EXPECT_EQ(test, mm->total_vm, 1ul);
	/* Below the start, into another mapping, past RLIMIT_DATA: the break stays. */
	KTEST_EXPECT_EQ(test, SYS2(brk, start - PAGE_SIZE, 0), (long)(start + PAGE_SIZE));
	KTEST_EXPECT_EQ(test, SYS_MMAP(start + 8 * PAGE_SIZE, PAGE_SIZE, PROT_READ, FIXED_ANON),
			(long)(start + 8 * PAGE_SIZE));
	/* The heap must end a page below the next mapping. */
	KTEST_EXPECT_EQ(test, SYS2(brk, start + 7 * PAGE_SIZE + 1, 0), (long)(start + PAGE_SIZE));
	KTEST_EXPECT_EQ(test, SYS2(brk, start + 7 * PAGE_SIZE - 1, 0),
			(long)(start + 7 * PAGE_SIZE - 1));
	set_rlimit(RLIMIT_DATA, 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, SYS2(brk, start + 2 * PAGE_SIZE + 1, 0),
			(long)(start + 7 * PAGE_SIZE - 1));	/* shrinking too: over the limit */
	set_rlimit(RLIMIT_DATA, RLIM_INFINITY);
	KTEST_EXPECT_EQ(test, SYS2(brk, start, 0), (long)start);
	KTEST_EXPECT_NULL(test, vma_at(start));
	KTEST_EXPECT_EQ(test, mm->total_vm, 1ul);
}

SYS_CASE(vm_brk_flags_maps_fixed_anonymous_memory)
{
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 4 * PAGE_SIZE, PROT_READ, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, vm_brk_flags(P(1), PAGE_SIZE, VM_WRITE), -EINVAL);
	KTEST_EXPECT_EQ(test, vm_brk_flags(P(1), 0, 0), 0);
	KTEST_EXPECT_EQ(test, vm_brk_flags(P(1), -1UL, 0), -ENOMEM);
	KTEST_EXPECT_EQ(test, vm_brk_flags(P(1), PAGE_SIZE + 1, VM_EXEC), 0);
	KTEST_EXPECT_STREQ(test, layout(), "0-1:r--p 1-3:rwxp 3-4:r--p");
	KTEST_EXPECT_EQ(test, vm_brk_flags(P(3), PAGE_SIZE, VM_EXEC), 0);	/* merged */
	KTEST_EXPECT_STREQ(test, layout(), "0-1:r--p 1-4:rwxp");
	KTEST_EXPECT_EQ(test, vm_brk_flags(PAGE_SIZE, PAGE_SIZE, 0), -EPERM);
	KTEST_EXPECT_EQ(test, current->mm->total_vm, 4ul);
}

/* ---- mprotect ---- */

SYS_CASE(mprotect_splits_and_merges)
{
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 3 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(1), PAGE_SIZE, PROT_READ), 0L);
	KTEST_EXPECT_STREQ(test, layout(), "0-1:rw-p 1-2:r--p 2-3:rw-p");
	KTEST_EXPECT_EQ(test, current->mm->data_vm, 2ul);
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(1), PAGE_SIZE, RW), 0L);
	KTEST_EXPECT_STREQ(test, layout(), "0-3:rw-p");
	KTEST_EXPECT_EQ(test, current->mm->map_count, 1);
	/* Across VMAs, and partly: each part follows. */
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(3), 3 * PAGE_SIZE, PROT_READ, FIXED_ANON), (long)P(3));
	/* VM_ACCOUNT stays on what was writable (Linux never lowers the charge): no merge. */
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(2), 2 * PAGE_SIZE, PROT_NONE), 0L);
	KTEST_EXPECT_STREQ(test, layout(), "0-2:rw-p 2-3:---p 3-4:---p 4-6:r--p");
	KTEST_EXPECT_EQ(test, pgprot_val(vma_at(P(2))->vm_page_prot),
			_PAGE_PROTNONE | _PAGE_ACCESSED);
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(0), 6 * PAGE_SIZE, PROT_READ | PROT_EXEC), 0L);
	KTEST_EXPECT_STREQ(test, layout(), "0-3:r-xp 3-6:r-xp");
	KTEST_EXPECT_EQ(test, current->mm->exec_vm, 6ul);
	KTEST_EXPECT_EQ(test, current->mm->data_vm, 0ul);
}

SYS_CASE(mprotect_refuses_as_linux)
{
	struct file ro = test_file(&mmap_fops, FMODE_READ);

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 2 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(3), PAGE_SIZE, RW, FIXED_ANON), (long)P(3));
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(0) + 1, PAGE_SIZE, PROT_READ), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(0), PAGE_SIZE, 0x10), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(0), PAGE_SIZE, PROT_READ | PROT_SEM), 0L);
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(0), 0, PROT_READ), 0L);
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(0), -PAGE_SIZE, PROT_READ), (long)-ENOMEM);
	/* A hole: what comes before it is changed, then ENOMEM. */
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(1), 3 * PAGE_SIZE, PROT_NONE), (long)-ENOMEM);
	KTEST_EXPECT_STREQ(test, layout(), "0-1:r--p 1-2:---p 3-4:rw-p");
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(5), PAGE_SIZE, PROT_NONE), (long)-ENOMEM);
	/* PROT_GROWSDOWN only on a VM_GROWSDOWN VMA; PROT_GROWSUP never on x86. */
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(3), PAGE_SIZE, PROT_READ | PROT_GROWSDOWN),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(3), PAGE_SIZE, PROT_READ | PROT_GROWSUP),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(3), PAGE_SIZE,
				   PROT_READ | PROT_GROWSUP | PROT_GROWSDOWN), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(10), 4 * PAGE_SIZE, RW, FIXED_ANON | MAP_GROWSDOWN),
			(long)P(10));
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(12), PAGE_SIZE, PROT_READ | PROT_GROWSDOWN), 0L);
	KTEST_EXPECT_STREQ(test, layout(), "0-1:r--p 1-2:---p 3-4:rw-p 10-13:r--p 13-14:rw-p");
	/* A shared mapping of a read-only file may not become writable. */
	KTEST_EXPECT_EQ(test, (long)vm_mmap(&ro, P(20), PAGE_SIZE, PROT_READ,
					    MAP_SHARED | MAP_FIXED, 0), (long)P(20));
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(20), PAGE_SIZE, RW), (long)-EACCES);
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(20), PAGE_SIZE, PROT_READ | PROT_EXEC), 0L);
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(20), PAGE_SIZE), 0L);
	KTEST_EXPECT_EQ(test, atomic_long_read(&ro.f_count), 1L);
	test_mmap_calls = 0;
}

SYS_CASE(mprotect_rewrites_ptes_writable_only_where_safe)
{
	pte_t pte;

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 4 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, install_pages(P(0), 4, 1), 0);
	pte = pte_at(P(1));
	KTEST_EXPECT_TRUE(test, pte_present(pte) && pte_write(pte) && pte_dirty(pte));
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(1), 2 * PAGE_SIZE, PROT_READ), 0L);
	KTEST_EXPECT_FALSE(test, pte_write(pte_at(P(1))));
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(1), 2 * PAGE_SIZE, PROT_NONE), 0L);
	pte = pte_at(P(1));
	KTEST_EXPECT_TRUE(test, pte_present(pte) && !(pte_flags(pte) & _PAGE_PRESENT) &&
			  (pte_flags(pte) & _PAGE_PROTNONE));
	KTEST_EXPECT_EQ(test, pte_pfn(pte), pte_pfn(pte_at(P(1))));
	/* Back to writable: dirty exclusive anonymous ptes need no fault. */
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(1), 2 * PAGE_SIZE, RW), 0L);
	pte = pte_at(P(1));
	KTEST_EXPECT_TRUE(test, (pte_flags(pte) & _PAGE_PRESENT) && pte_write(pte) &&
			  (pte_flags(pte) & _PAGE_NX));
	/* A page that may be shared (as after fork) stays read-only for COW to decide. */
	ClearPageAnonExclusive(pfn_to_page(pte_pfn(pte_at(P(3)))));
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(3), PAGE_SIZE, PROT_READ), 0L);
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(3), PAGE_SIZE, RW), 0L);
	KTEST_EXPECT_FALSE(test, pte_write(pte_at(P(3))));
	/* Executable: NX goes, and comes back. */
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(0), PAGE_SIZE, PROT_READ | PROT_EXEC), 0L);
	KTEST_EXPECT_FALSE(test, pte_flags(pte_at(P(0))) & _PAGE_NX);
	KTEST_EXPECT_FALSE(test, pte_write(pte_at(P(0))));
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(0), PAGE_SIZE, PROT_READ), 0L);
	KTEST_EXPECT_TRUE(test, pte_flags(pte_at(P(0))) & _PAGE_NX);
	KTEST_EXPECT_STREQ(test, layout(), "0-1:r--p 1-4:rw-p");
}

/* ---- madvise ---- */

SYS_CASE(madvise_sets_vma_flags_with_split_and_merge)
{
	struct file rw = test_file(&mmap_fops, FMODE_READ | FMODE_WRITE);
	static const struct { int advice; unsigned long set, clear; } flag_advice[] = {
		{ MADV_DONTFORK, VM_DONTCOPY, 0 }, { MADV_DOFORK, 0, VM_DONTCOPY },
		{ MADV_WIPEONFORK, VM_WIPEONFORK, 0 }, { MADV_KEEPONFORK, 0, VM_WIPEONFORK },
		{ MADV_DONTDUMP, VM_DONTDUMP, 0 }, { MADV_DODUMP, 0, VM_DONTDUMP },
		{ MADV_RANDOM, VM_RAND_READ, VM_SEQ_READ },
		{ MADV_SEQUENTIAL, VM_SEQ_READ, VM_RAND_READ },
		{ MADV_NORMAL, 0, VM_SEQ_READ | VM_RAND_READ },
	};
	unsigned int i;

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 3 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	for (i = 0; i < ARRAY_SIZE(flag_advice); i++) {
		struct vm_area_struct *vma;

		KTEST_EXPECT_EQ(test, SYS3(madvise, P(1), PAGE_SIZE, flag_advice[i].advice), 0L);
		vma = vma_at(P(1));
		KTEST_EXPECT_TRUE(test, vma && (vma->vm_flags & flag_advice[i].set) ==
					   flag_advice[i].set &&
				  !(vma->vm_flags & flag_advice[i].clear));
		/* Setting splits the middle off; clearing merges it back. */
		KTEST_EXPECT_EQ(test, current->mm->map_count, flag_advice[i].set ? 3 : 1);
	}
	KTEST_EXPECT_STREQ(test, layout(), "0-3:rw-p");
	/* WIPEONFORK is for anonymous private memory only. */
	KTEST_EXPECT_EQ(test, (long)vm_mmap(&rw, P(4), PAGE_SIZE, RW, MAP_SHARED | MAP_FIXED, 0),
			(long)P(4));
	KTEST_EXPECT_EQ(test, SYS3(madvise, P(4), PAGE_SIZE, MADV_WIPEONFORK), (long)-EINVAL);
	/* A hole: the rest is advised, then ENOMEM. */
	KTEST_EXPECT_EQ(test, SYS3(madvise, P(0), 6 * PAGE_SIZE, MADV_DONTDUMP), (long)-ENOMEM);
	KTEST_EXPECT_TRUE(test, vma_at(P(4))->vm_flags & VM_DONTDUMP);
	KTEST_EXPECT_EQ(test, SYS3(madvise, P(10), PAGE_SIZE, MADV_DONTDUMP), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(4), PAGE_SIZE), 0L);
	test_mmap_calls = 0;
}

SYS_CASE(madvise_refuses_unknown_and_disabled_advice)
{
	static const int invalid[] = {
		5, 6, 7, 26, 99, MADV_MERGEABLE, MADV_UNMERGEABLE, MADV_HUGEPAGE,
		MADV_NOHUGEPAGE, MADV_COLLAPSE, MADV_HWPOISON, MADV_SOFT_OFFLINE, -1,
	};
	unsigned int i;

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 2 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	for (i = 0; i < ARRAY_SIZE(invalid); i++)
		KTEST_EXPECT_EQ(test, SYS3(madvise, P(0), PAGE_SIZE, invalid[i]), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS3(madvise, P(0) + 1, PAGE_SIZE, MADV_NORMAL), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS3(madvise, P(0), -1UL, MADV_NORMAL), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS3(madvise, P(0), 0, MADV_NORMAL), 0L);
	KTEST_EXPECT_EQ(test, SYS3(madvise, P(0), PAGE_SIZE, MADV_WILLNEED), 0L);
	KTEST_EXPECT_EQ(test, SYS3(madvise, P(0), PAGE_SIZE, MADV_COLD), 0L);
	KTEST_EXPECT_EQ(test, SYS3(madvise, P(0), PAGE_SIZE, MADV_PAGEOUT), 0L);
	/* REMOVE needs a shared writable file mapping; FREE anonymous memory. */
	KTEST_EXPECT_EQ(test, SYS3(madvise, P(0), PAGE_SIZE, MADV_REMOVE), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(4), PAGE_SIZE, RW, FIXED_ANON | MAP_LOCKED), (long)P(4));
	KTEST_EXPECT_EQ(test, SYS3(madvise, P(4), PAGE_SIZE, MADV_DONTNEED), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS3(madvise, P(4), PAGE_SIZE, MADV_FREE), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS3(madvise, P(4), PAGE_SIZE, MADV_REMOVE), (long)-EINVAL);
	KTEST_EXPECT_STREQ(test, layout(), "0-2:rw-p 4-5:rw-pl");
}

SYS_CASE(madvise_dontneed_frees_pages_and_refaults_zeroes)
{
	unsigned long free;
	unsigned char c = 1;

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 4 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, install_pages(P(0), 4, 1), 0);
	KTEST_EXPECT_EQ(test, copy_to_user((void __user *)P(1), "x", 1), 0ul);
	free = free_pages_settled();
	KTEST_EXPECT_EQ(test, SYS3(madvise, P(1), 2 * PAGE_SIZE, MADV_DONTNEED), 0L);
	KTEST_EXPECT_EQ(test, free_pages_settled(), free + 2);
	KTEST_EXPECT_EQ(test, pte_val(pte_at(P(1))) | pte_val(pte_at(P(2))), 0ul);
	KTEST_EXPECT_TRUE(test, pte_present(pte_at(P(0))) && pte_present(pte_at(P(3))));
	/* The next fault brings zeroes. */
	KTEST_EXPECT_EQ(test, install_pages(P(1), 1, 1), 0);
	KTEST_EXPECT_EQ(test, copy_from_user(&c, (void __user *)P(1), 1), 0ul);
	KTEST_EXPECT_EQ(test, c, 0);
	KTEST_EXPECT_STREQ(test, layout(), "0-4:rw-p");
}

SYS_CASE(madvise_free_makes_pages_clean_and_lazy)
{
	struct page *page;

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 2 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, install_pages(P(0), 2, 1), 0);
	page = pfn_to_page(pte_pfn(pte_at(P(0))));
	SetPageSwapBacked(page);
	SetPageDirty(page);
	KTEST_EXPECT_EQ(test, SYS3(madvise, P(0), PAGE_SIZE, MADV_FREE), 0L);
	KTEST_EXPECT_FALSE(test, pte_dirty(pte_at(P(0))) || pte_young(pte_at(P(0))));
	KTEST_EXPECT_FALSE(test, PageSwapBacked(page) || PageDirty(page));
	KTEST_EXPECT_TRUE(test, pte_dirty(pte_at(P(1))));	/* outside the range */
	KTEST_EXPECT_EQ(test, pte_pfn(pte_at(P(0))), page_to_pfn(page));	/* still mapped */
}

/* ---- mlock ---- */

SYS_CASE(mlock_locks_splits_and_counts)
{
	struct mm_struct *mm = current->mm;

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 6 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, SYS2(mlock, P(1) + 100, PAGE_SIZE), 0L);	/* 2 pages touched */
	KTEST_EXPECT_STREQ(test, layout(), "0-1:rw-p 1-3:rw-pl 3-6:rw-p");
	KTEST_EXPECT_EQ(test, mm->locked_vm, 2ul);
	/* Locking again counts nothing twice; mlock2's ONFAULT is a flag of its own. */
	KTEST_EXPECT_EQ(test, SYS2(mlock, P(0), 3 * PAGE_SIZE), 0L);
	KTEST_EXPECT_EQ(test, mm->locked_vm, 3ul);
	KTEST_EXPECT_EQ(test, SYS3(mlock2, P(4), PAGE_SIZE, MLOCK_ONFAULT), 0L);
	KTEST_EXPECT_STREQ(test, layout(), "0-3:rw-pl 3-4:rw-p 4-5:rw-plf 5-6:rw-p");
	KTEST_EXPECT_EQ(test, mm->locked_vm, 4ul);
	KTEST_EXPECT_EQ(test, SYS3(mlock2, P(4), PAGE_SIZE, 2), (long)-EINVAL);
	/*
	 * munlock merges back, but only where Linux 6.1 would: the populated
	 * 0-3 has an anon_vma, and a VMA with none may not grow over it.
	 * Holes are ENOMEM, after what is mapped was done.
	 */
	KTEST_EXPECT_EQ(test, SYS2(munlock, P(0), 6 * PAGE_SIZE), 0L);
	KTEST_EXPECT_STREQ(test, layout(), "0-3:rw-p 3-6:rw-p");
	KTEST_EXPECT_EQ(test, mm->locked_vm, 0ul);
	KTEST_EXPECT_EQ(test, SYS2(mlock, P(4), 4 * PAGE_SIZE), (long)-ENOMEM);
	KTEST_EXPECT_STREQ(test, layout(), "0-3:rw-p 3-4:rw-p 4-6:rw-pl");
	KTEST_EXPECT_EQ(test, SYS2(munlock, P(8), PAGE_SIZE), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(5), PAGE_SIZE), 0L);
	KTEST_EXPECT_EQ(test, mm->locked_vm, 1ul);
}

SYS_CASE(mlock_limits_follow_rlimit_memlock)
{
	const struct cred *old;

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 8 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	set_rlimit(RLIMIT_MEMLOCK, 3 * PAGE_SIZE);
	old = override_creds(&user_cred);
	KTEST_EXPECT_EQ(test, SYS2(mlock, P(0), 4 * PAGE_SIZE), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, SYS2(mlock, P(0), 2 * PAGE_SIZE), 0L);
	/* What is locked already is not counted twice. */
	KTEST_EXPECT_EQ(test, SYS2(mlock, P(0), 3 * PAGE_SIZE), 0L);
	KTEST_EXPECT_EQ(test, SYS2(mlock, P(3), PAGE_SIZE), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, current->mm->locked_vm, 3ul);
	/* mlockall(MCL_CURRENT) needs all of total_vm within the limit. */
	KTEST_EXPECT_EQ(test, SYS2(mlockall, MCL_CURRENT, 0), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, SYS2(mlockall, MCL_FUTURE, 0), 0L);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(10), PAGE_SIZE, RW, FIXED_ANON), (long)-EAGAIN);
	KTEST_EXPECT_EQ(test, SYS2(munlockall, 0, 0), 0L);
	set_rlimit(RLIMIT_MEMLOCK, 0);
	KTEST_EXPECT_EQ(test, SYS2(mlock, P(0), PAGE_SIZE), (long)-EPERM);
	KTEST_EXPECT_EQ(test, SYS2(mlockall, MCL_FUTURE, 0), (long)-EPERM);
	revert_creds(old);
	KTEST_EXPECT_EQ(test, SYS2(mlock, P(0), 8 * PAGE_SIZE), 0L);	/* root: CAP_IPC_LOCK */
	KTEST_EXPECT_EQ(test, current->mm->locked_vm, 8ul);
}

SYS_CASE(mlockall_sets_current_and_future_mappings)
{
	struct mm_struct *mm = current->mm;

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 2 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(3), PAGE_SIZE, PROT_READ, FIXED_ANON), (long)P(3));
	KTEST_EXPECT_EQ(test, SYS2(mlockall, 0, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS2(mlockall, MCL_ONFAULT, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS2(mlockall, 8, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS2(mlockall, MCL_CURRENT | MCL_ONFAULT, 0), 0L);
	KTEST_EXPECT_STREQ(test, layout(), "0-2:rw-plf 3-4:r--plf");
	KTEST_EXPECT_EQ(test, mm->def_flags & VM_LOCKED_MASK, 0ul);
	KTEST_EXPECT_EQ(test, SYS2(mlockall, MCL_FUTURE, 0), 0L);
	KTEST_EXPECT_STREQ(test, layout(), "0-2:rw-plf 3-4:r--plf");	/* current ones kept */
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(5), PAGE_SIZE, RW, FIXED_ANON), (long)P(5));
	KTEST_EXPECT_EQ(test, SYS2(brk, BRK_BASE + PAGE_SIZE, 0), (long)(BRK_BASE + PAGE_SIZE));
	KTEST_EXPECT_TRUE(test, vma_at(BRK_BASE)->vm_flags & VM_LOCKED);
	KTEST_EXPECT_EQ(test, mm->locked_vm, 5ul);
	KTEST_EXPECT_EQ(test, SYS2(munlockall, 0, 0), 0L);
	KTEST_EXPECT_STREQ(test, layout(), "0-2:rw-p 3-4:r--p 5-6:rw-p");
	KTEST_EXPECT_EQ(test, mm->locked_vm, 0ul);
	KTEST_EXPECT_EQ(test, mm->def_flags, 0ul);
}

SYS_CASE(mlock_marks_present_pages_mlocked)
{
	unsigned long mlocked = global_zone_page_state(NR_MLOCK);
	unsigned long unevictable = global_zone_page_state(NR_ZONE_UNEVICTABLE);
	struct page *page;

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 4 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, install_pages(P(0), 3, 1), 0);
	page = pfn_to_page(pte_pfn(pte_at(P(1))));
	KTEST_EXPECT_EQ(test, SYS2(mlock, P(1), 3 * PAGE_SIZE), 0L);
	KTEST_EXPECT_TRUE(test, PageMlocked(page));
	KTEST_EXPECT_FALSE(test, PageMlocked(pfn_to_page(pte_pfn(pte_at(P(0))))));
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_MLOCK), mlocked + 2);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_ZONE_UNEVICTABLE), unevictable + 2);
	KTEST_EXPECT_EQ(test, SYS2(munlock, P(2), PAGE_SIZE), 0L);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_MLOCK), mlocked + 1);
	/* A page freed while mlocked is uncounted on its way out. */
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(0), 4 * PAGE_SIZE), 0L);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_MLOCK), mlocked);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_ZONE_UNEVICTABLE), unevictable);
}

SYS_CASE(shared_anonymous_memory_is_a_tmpfs_file)
{
	struct vm_area_struct *vma;

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 2 * PAGE_SIZE, RW, MAP_SHARED | MAP_ANONYMOUS |
				       MAP_FIXED), (long)P(0));
	vma = vma_at(P(0));
	KTEST_EXPECT_TRUE(test, vma && vma->vm_file && vma->vm_ops && vma->vm_pgoff == 0 &&
			  (vma->vm_flags & (VM_SHARED | VM_MAYSHARE)) == (VM_SHARED | VM_MAYSHARE));
	KTEST_EXPECT_EQ(test, pgprot_val(vma->vm_page_prot) & _PAGE_RW, _PAGE_RW);
	/* Each keeps its own file: no merging of two. */
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(2), PAGE_SIZE, RW, MAP_SHARED | MAP_ANONYMOUS |
				       MAP_FIXED), (long)P(2));
	KTEST_EXPECT_STREQ(test, layout(), "0-2:rw-s 2-3:rw-s");
	/* A split keeps the file and the offset. */
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(1), PAGE_SIZE, PROT_READ), 0L);
	KTEST_EXPECT_TRUE(test, vma_at(P(1))->vm_file == vma_at(P(0))->vm_file &&
			  vma_at(P(1))->vm_pgoff == 1);
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(0), 3 * PAGE_SIZE), 0L);
}

/* ---- mremap ---- */

SYS_CASE(mremap_shrinks_grows_and_moves)
{
	long r;

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 4 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(0), 4 * PAGE_SIZE, 2 * PAGE_SIZE, 0, 0, 0),
			(long)P(0));
	KTEST_EXPECT_STREQ(test, layout(), "0-2:rw-p");
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(0), 2 * PAGE_SIZE, 6 * PAGE_SIZE, 0, 0, 0),
			(long)P(0));				/* in place */
	KTEST_EXPECT_STREQ(test, layout(), "0-6:rw-p");
	KTEST_EXPECT_EQ(test, current->mm->total_vm, 6ul);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(8), PAGE_SIZE, PROT_READ, FIXED_ANON), (long)P(8));
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(0), 6 * PAGE_SIZE, 10 * PAGE_SIZE, 0, 0, 0),
			(long)-ENOMEM);				/* no room, may not move */
	r = sys(__NR_mremap, P(0), 6 * PAGE_SIZE, 10 * PAGE_SIZE, MREMAP_MAYMOVE, 0, 0);
	KTEST_EXPECT_GT(test, r, (long)BRK_BASE);		/* moved, top-down */
	KTEST_EXPECT_STREQ(test, layout(), "8-9:r--p");
	KTEST_EXPECT_TRUE(test, vma_at(r) && vma_at(r)->vm_end == r + 10 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, current->mm->total_vm, 11ul);
	/* MREMAP_FIXED, replacing what is there; the old part of a VMA goes. */
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, r, 2 * PAGE_SIZE, 2 * PAGE_SIZE,
				  MREMAP_MAYMOVE | MREMAP_FIXED, P(7), 0), (long)P(7));
	KTEST_EXPECT_STREQ(test, layout(), "7-9:rw-p");
	KTEST_EXPECT_EQ(test, current->mm->total_vm, 10ul);
	KTEST_EXPECT_EQ(test, SYS2(munmap, r, 10 * PAGE_SIZE), 0L);
}

SYS_CASE(mremap_refuses_as_linux)
{
	struct file rw = test_file(&mmap_fops, FMODE_READ | FMODE_WRITE);

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 4 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(0), PAGE_SIZE, PAGE_SIZE, 8, 0, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(0), PAGE_SIZE, PAGE_SIZE, MREMAP_FIXED, P(8), 0),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(0), PAGE_SIZE, 2 * PAGE_SIZE,
				  MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(0), PAGE_SIZE, PAGE_SIZE, MREMAP_DONTUNMAP, 0, 0),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(0) + 1, PAGE_SIZE, PAGE_SIZE, 0, 0, 0),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(0), PAGE_SIZE, 0, 0, 0, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(10), PAGE_SIZE, PAGE_SIZE, 0, 0, 0),
			(long)-EFAULT);
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(0), 5 * PAGE_SIZE, 6 * PAGE_SIZE, 0, 0, 0),
			(long)-EFAULT);			/* across the VMA's end */
	/* old_len 0 duplicates shared mappings only. */
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(0), 0, PAGE_SIZE, MREMAP_MAYMOVE, 0, 0),
			(long)-EINVAL);
	/* MREMAP_FIXED: aligned, inside user space, not overlapping. */
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(0), PAGE_SIZE, PAGE_SIZE,
				  MREMAP_MAYMOVE | MREMAP_FIXED, P(8) + 1, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(0), 2 * PAGE_SIZE, 2 * PAGE_SIZE,
				  MREMAP_MAYMOVE | MREMAP_FIXED, P(1), 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(0), PAGE_SIZE, PAGE_SIZE,
				  MREMAP_MAYMOVE | MREMAP_FIXED, TASK_SIZE, 0), (long)-EINVAL);
	/* RLIMIT_AS counts the growth. */
	set_rlimit(RLIMIT_AS, 5 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(0), 4 * PAGE_SIZE, 6 * PAGE_SIZE, 0, 0, 0),
			(long)-ENOMEM);
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(0), 4 * PAGE_SIZE, 5 * PAGE_SIZE, 0, 0, 0),
			(long)P(0));
	set_rlimit(RLIMIT_AS, RLIM_INFINITY);
	/* A shared mapping may be duplicated with old_len 0. */
	KTEST_EXPECT_EQ(test, (long)vm_mmap(&rw, P(20), 2 * PAGE_SIZE, RW,
					    MAP_SHARED | MAP_FIXED, 0), (long)P(20));
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(20), 0, PAGE_SIZE, MREMAP_MAYMOVE | MREMAP_FIXED,
				  P(30), 0), (long)P(30));
	KTEST_EXPECT_STREQ(test, layout(), "0-5:rw-p 20-22:rw-s 30-31:rw-s");
	KTEST_EXPECT_EQ(test, vma_at(P(30))->vm_pgoff, 0ul);
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(20), 12 * PAGE_SIZE), 0L);
	KTEST_EXPECT_EQ(test, atomic_long_read(&rw.f_count), 1L);
	test_mmap_calls = 0;
}

/* mremap moves page tables: the same pages at the new place, and no page copied. */
SYS_CASE(mremap_moves_page_tables_not_pages)
{
	unsigned long from = 1UL << 32, to = 1UL << 33, len = 1UL << 30;
	unsigned long i, nr = len / PMD_SIZE, pfn0, pfn_last, free;

	/* 1 GiB with one page in each 2 MiB: 512 pte tables to move. */
	KTEST_EXPECT_EQ(test, SYS_MMAP(from, len, RW, FIXED_ANON | MAP_NORESERVE), (long)from);
	KTEST_EXPECT_EQ(test, install_pages(from, nr, PMD_SIZE / PAGE_SIZE), 0);
	pfn0 = pte_pfn(pte_at(from));
	pfn_last = pte_pfn(pte_at(from + len - PMD_SIZE));
	free = free_pages_settled();
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, from, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, to,
				  0), (long)to);
	/* At most a pud and a pmd table for the new place; the pte tables were handed over. */
	KTEST_EXPECT_LE(test, free - free_pages_settled(), 2ul);
	KTEST_EXPECT_EQ(test, pte_pfn(pte_at(to)), pfn0);
	KTEST_EXPECT_EQ(test, pte_pfn(pte_at(to + len - PMD_SIZE)), pfn_last);
	for (i = 0; i < nr; i += 37)
		KTEST_EXPECT_EQ(test, pte_val(pte_at(from + i * PMD_SIZE)), 0ul);
	KTEST_EXPECT_TRUE(test, pte_flags(pte_at(to)) & _PAGE_SOFT_DIRTY);
	/* The pages keep their index: the moved VMA keeps the old pgoff and anon_vma. */
	KTEST_EXPECT_TRUE(test, vma_at(to) && vma_at(to)->vm_pgoff == from >> PAGE_SHIFT &&
			  vma_at(to)->anon_vma);
	KTEST_EXPECT_NULL(test, vma_at(from));
	/* Unaligned: the ptes move one by one. */
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, to, 2 * PMD_SIZE, 2 * PMD_SIZE,
				  MREMAP_MAYMOVE | MREMAP_FIXED, from + PAGE_SIZE, 0),
			(long)(from + PAGE_SIZE));
	KTEST_EXPECT_EQ(test, pte_pfn(pte_at(from + PAGE_SIZE)), pfn0);
	KTEST_EXPECT_EQ(test, current->mm->total_vm, len >> PAGE_SHIFT);
}

/* Linux's move_soft_dirty_pte(): every moved present pte, PROT_NONE ones too. */
SYS_CASE(mremap_makes_moved_ptes_soft_dirty)
{
	unsigned long i;

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 2 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, install_pages(P(0), 2, 1), 0);
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(1), PAGE_SIZE, PROT_NONE), 0L);
	spin_lock(&current->mm->page_table_lock);
	for (i = 0; i < 2; i++)
		set_pte(ptep_at(P(i)), pte_clear_soft_dirty(pte_at(P(i))));
	spin_unlock(&current->mm->page_table_lock);
	flush_tlb_mm(current->mm);
	for (i = 0; i < 2; i++)		/* two VMAs now: one call each */
		KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(i), PAGE_SIZE, PAGE_SIZE,
					  MREMAP_MAYMOVE | MREMAP_FIXED, P(5 + i), 0), (long)P(5 + i));
	KTEST_EXPECT_TRUE(test, pte_present(pte_at(P(5))) && pte_soft_dirty(pte_at(P(5))));
	KTEST_EXPECT_FALSE(test, pte_flags(pte_at(P(6))) & _PAGE_PRESENT);	/* PROT_NONE */
	KTEST_EXPECT_TRUE(test, pte_present(pte_at(P(6))) && pte_soft_dirty(pte_at(P(6))));
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(5), 2 * PAGE_SIZE), 0L);
}

SYS_CASE(mremap_dontunmap_leaves_the_old_range_empty)
{
	unsigned long pfn;
	long r;

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 2 * PAGE_SIZE, RW, FIXED_ANON | MAP_LOCKED), (long)P(0));
	KTEST_EXPECT_EQ(test, install_pages(P(0), 2, 1), 0);
	pfn = pte_pfn(pte_at(P(1)));
	r = sys(__NR_mremap, P(0), 2 * PAGE_SIZE, 2 * PAGE_SIZE,
		MREMAP_MAYMOVE | MREMAP_DONTUNMAP | MREMAP_FIXED, P(10), 0);
	KTEST_EXPECT_EQ(test, r, (long)P(10));
	KTEST_EXPECT_STREQ(test, layout(), "0-2:rw-p 10-12:rw-pl");
	KTEST_EXPECT_EQ(test, pte_val(pte_at(P(1))), 0ul);
	KTEST_EXPECT_EQ(test, pte_pfn(pte_at(P(11))), pfn);
	KTEST_EXPECT_EQ(test, current->mm->total_vm, 4ul);
	KTEST_EXPECT_EQ(test, current->mm->locked_vm, 2ul);
}

/* ---- msync, mincore ---- */

SYS_CASE(msync_checks_flags_holes_and_locks)
{
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 2 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(3), PAGE_SIZE, RW, FIXED_ANON | MAP_LOCKED), (long)P(3));
	KTEST_EXPECT_EQ(test, SYS3(msync, P(0), 2 * PAGE_SIZE, MS_SYNC), 0L);
	KTEST_EXPECT_EQ(test, SYS3(msync, P(0), 2 * PAGE_SIZE, MS_ASYNC | MS_INVALIDATE), 0L);
	KTEST_EXPECT_EQ(test, SYS3(msync, P(0), PAGE_SIZE, 8), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS3(msync, P(0), PAGE_SIZE, MS_SYNC | MS_ASYNC), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS3(msync, P(0) + 1, PAGE_SIZE, MS_SYNC), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS3(msync, P(0), 0, MS_SYNC), 0L);
	KTEST_EXPECT_EQ(test, SYS3(msync, P(0), 3 * PAGE_SIZE, MS_SYNC), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, SYS3(msync, P(0), 3 * PAGE_SIZE, MS_ASYNC), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, SYS3(msync, P(3), PAGE_SIZE, MS_INVALIDATE), (long)-EBUSY);
	KTEST_EXPECT_EQ(test, SYS3(msync, P(3), PAGE_SIZE, MS_SYNC), 0L);
	KTEST_EXPECT_EQ(test, SYS3(msync, P(5), PAGE_SIZE, MS_SYNC), (long)-ENOMEM);
}

SYS_CASE(mincore_reports_resident_pages)
{
	unsigned char *vec = (unsigned char *)P(100);
	unsigned char got[8];

	/* The vector: a page of our own, faulted in writable (mprotect keeps it so). */
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(100), PAGE_SIZE, RW, FIXED_ANON), (long)P(100));
	KTEST_EXPECT_EQ(test, install_pages(P(100), 1, 1), 0);
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(100), PAGE_SIZE, PROT_READ), 0L);
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(100), PAGE_SIZE, RW), 0L);
	KTEST_EXPECT_TRUE(test, pte_write(pte_at(P(100))));
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 6 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	KTEST_EXPECT_EQ(test, install_pages(P(1), 2, 3), 0);		/* pages 1 and 4 */
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(4), PAGE_SIZE, PROT_NONE), 0L);
	KTEST_EXPECT_EQ(test, SYS3(mincore, P(0), 6 * PAGE_SIZE - 1, (unsigned long)vec), 0L);
	KTEST_EXPECT_EQ(test, copy_from_user(got, vec, 6), 0ul);
	KTEST_EXPECT_MEMEQ(test, got, "\0\1\0\0\1\0", 6);
	KTEST_EXPECT_EQ(test, SYS3(mincore, P(0) + 1, PAGE_SIZE, (unsigned long)vec),
			(long)-EINVAL);
	KTEST_EXPECT_EQ(test, SYS3(mincore, P(0), 8 * PAGE_SIZE, (unsigned long)vec),
			(long)-ENOMEM);
	KTEST_EXPECT_EQ(test, SYS3(mincore, P(0), PAGE_SIZE, TASK_SIZE), (long)-EFAULT);
	/* The vector in a writable page not yet faulted: the copy faults it in, as Linux's. */
	KTEST_EXPECT_EQ(test, SYS3(mincore, P(0), PAGE_SIZE, P(0)), 0L);
	KTEST_EXPECT_EQ(test, copy_from_user(got, (void *)P(0), 1), 0ul);
	KTEST_EXPECT_EQ(test, got[0], 0);
	KTEST_EXPECT_EQ(test, SYS3(mincore, TASK_SIZE - PAGE_SIZE, 2 * PAGE_SIZE,
				   (unsigned long)vec), (long)-ENOMEM);
}

/* ---- allocation failures ---- */

/*
 * Every slab allocation fails once @space bytes have passed
 * (restore_slab() undoes it). failslab acts on SLUB's slow path: the
 * VMA cache's CPU slabs are flushed so that its next allocation takes it.
 */
static struct failslab_attr saved_slab;
static bool saved_slab_enabled;

static void fail_slab_from(long space)
{
	saved_slab = failslab;
	saved_slab_enabled = failslab_enabled;
	flush_all(vm_area_cachep);
	fail_slab_always(space);
}

static void restore_slab(void)
{
	failslab_enabled = saved_slab_enabled;
	failslab = saved_slab;
}

SYS_CASE(allocation_failures_change_nothing)
{
	struct mm_struct *mm = current->mm;
	unsigned long committed;
	const char *before;
	char saved[64];

	KTEST_EXPECT_EQ(test, SYS_MMAP(P(0), 4 * PAGE_SIZE, RW, FIXED_ANON), (long)P(0));
	committed = vm_memory_committed();
	before = layout();
	strscpy(saved, before, sizeof(saved));
	fail_slab_from(0);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(8), PAGE_SIZE, PROT_READ, FIXED_ANON), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, SYS_MMAP(P(8), PAGE_SIZE, RW, MAP_SHARED | MAP_ANONYMOUS |
				       MAP_FIXED), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, SYS3(mprotect, P(1), PAGE_SIZE, PROT_READ), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, SYS3(madvise, P(1), PAGE_SIZE, MADV_DONTFORK), (long)-EAGAIN);
	KTEST_EXPECT_EQ(test, SYS2(mlock, P(1), PAGE_SIZE), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, SYS2(munmap, P(1), PAGE_SIZE), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, sys(__NR_mremap, P(1), PAGE_SIZE, PAGE_SIZE,
				  MREMAP_MAYMOVE | MREMAP_FIXED, P(20), 0), (long)-ENOMEM);
	KTEST_EXPECT_EQ(test, SYS2(brk, BRK_BASE + 4 * PAGE_SIZE, 0), (long)BRK_BASE);
	restore_slab();
	KTEST_EXPECT_STREQ(test, layout(), saved);
	KTEST_EXPECT_EQ(test, vm_memory_committed(), committed);
	KTEST_EXPECT_EQ(test, mm->locked_vm, 0ul);
	KTEST_EXPECT_EQ(test, mm->total_vm, 4ul);
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
}

/* Fail every allocation after a growing number of bytes: each attempt ends in a state as good as before. */
SYS_CASE(allocation_failures_anywhere_leak_nothing)
{
	struct mm_struct *mm = current->mm;
	unsigned long committed = vm_memory_committed();
	long space;

	for (space = 0; space < 4096; space += 128) {
		long r;

		fail_slab_from(space);
		r = SYS_MMAP(P(0), 8 * PAGE_SIZE, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED);
		SYS_MMAP(P(8), 8 * PAGE_SIZE, RW, FIXED_ANON);
		SYS3(mprotect, P(2), 2 * PAGE_SIZE, PROT_READ);
		SYS3(mprotect, P(10), 2 * PAGE_SIZE, PROT_READ);
		SYS2(mlock, P(9), 4 * PAGE_SIZE);
		sys(__NR_mremap, P(3), 2 * PAGE_SIZE, 4 * PAGE_SIZE, MREMAP_MAYMOVE | MREMAP_FIXED,
		    P(40), 0);
		sys(__NR_mremap, P(12), 2 * PAGE_SIZE, 2 * PAGE_SIZE,
		    MREMAP_MAYMOVE | MREMAP_DONTUNMAP | MREMAP_FIXED, P(50), 0);
		SYS3(madvise, P(13), PAGE_SIZE, MADV_DONTDUMP);
		restore_slab();
		KTEST_EXPECT_TRUE(test, r == (long)P(0) || r == -ENOMEM);
		KTEST_EXPECT_EQ(test, SYS2(munmap, P(0), 64 * PAGE_SIZE), 0L);
		KTEST_EXPECT_EQ(test, mm->map_count, 0);
		KTEST_EXPECT_EQ(test, mm->total_vm | mm->locked_vm | mm->data_vm, 0ul);
		KTEST_EXPECT_EQ(test, vm_memory_committed(), committed);
	}
}

static struct ktest_case mmap_syscalls_cases[] = {
	KTEST_CASE(mmap_places_anonymous_memory_top_down),
	KTEST_CASE(mmap_merges_alike_neighbours),
	KTEST_CASE(mmap_refuses_bad_arguments),
	KTEST_CASE(map_fixed_replaces_and_noreplace_refuses),
	KTEST_CASE(munmap_splits_and_checks_its_range),
	KTEST_CASE(mmap_limits_address_space_and_data),
	KTEST_CASE(map_locked_is_limited_by_rlimit_memlock),
	KTEST_CASE(mmap_growsdown_and_stack_flags),
	KTEST_CASE(mmap_of_files_checks_modes_and_the_backer),
	KTEST_CASE(overcommit_policies_limit_private_writable_memory),
	KTEST_CASE(overcommit_sysctls_validate_and_exclude_each_other),
	KTEST_CASE(meminfo_shows_commit_limit_and_committed),
	KTEST_CASE(brk_grows_shrinks_and_refuses_as_linux),
	KTEST_CASE(vm_brk_flags_maps_fixed_anonymous_memory),
	KTEST_CASE(mprotect_splits_and_merges),
	KTEST_CASE(mprotect_refuses_as_linux),
	KTEST_CASE(mprotect_rewrites_ptes_writable_only_where_safe),
	KTEST_CASE(madvise_sets_vma_flags_with_split_and_merge),
	KTEST_CASE(madvise_refuses_unknown_and_disabled_advice),
	KTEST_CASE(madvise_dontneed_frees_pages_and_refaults_zeroes),
	KTEST_CASE(madvise_free_makes_pages_clean_and_lazy),
	KTEST_CASE(mlock_locks_splits_and_counts),
	KTEST_CASE(mlock_limits_follow_rlimit_memlock),
	KTEST_CASE(mlockall_sets_current_and_future_mappings),
	KTEST_CASE(mlock_marks_present_pages_mlocked),
	KTEST_CASE(shared_anonymous_memory_is_a_tmpfs_file),
	KTEST_CASE(mremap_shrinks_grows_and_moves),
	KTEST_CASE(mremap_refuses_as_linux),
	KTEST_CASE(mremap_moves_page_tables_not_pages),
	KTEST_CASE(mremap_makes_moved_ptes_soft_dirty),
	KTEST_CASE(mremap_dontunmap_leaves_the_old_range_empty),
	KTEST_CASE(msync_checks_flags_holes_and_locks),
	KTEST_CASE(mincore_reports_resident_pages),
	KTEST_CASE(allocation_failures_change_nothing),
	KTEST_CASE(allocation_failures_anywhere_leak_nothing),
	{}
};

static struct ktest_suite mmap_syscalls_suite = {
	.name = "mmap_syscalls",
	.suite_init = sys_suite_init,
	.init = sys_test_init,
	.exit = sys_test_exit,
	.test_cases = mmap_syscalls_cases,
};
ktest_register_suite(mmap_syscalls_suite);
