/* SPDX-License-Identifier: GPL-2.0 */
/*
 * POSIX capabilities as Linux 6.1 has them (include/uapi/linux/capability.h
 * for the numbers and the capget()/capset() ABI; kernel/capability.c for
 * the calls, capable() and the rules exec and the set*id calls apply).
 *
 * A set is a kernel_cap_t: one bit per capability, CAP_CHOWN (0) to
 * CAP_LAST_CAP (40, CAP_CHECKPOINT_RESTORE). Linux 6.1 keeps it as two
 * u32 words; one u64 says the same and the ABI's two-word structs are
 * converted at the capget()/capset() boundary. A task's creds carry five
 * sets (linux/cred.h): permitted, effective, inheritable, the bounding
 * set and the ambient set. Bits above CAP_LAST_CAP are never set.
 */
#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H

#include <linux/types.h>

#define CAP_CHOWN		0
#define CAP_DAC_OVERRIDE	1
#define CAP_DAC_READ_SEARCH	2
#define CAP_FOWNER		3
#define CAP_FSETID		4
#define CAP_KILL		5
#define CAP_SETGID		6
#define CAP_SETUID		7
#define CAP_SETPCAP		8
#define CAP_LINUX_IMMUTABLE	9
#define CAP_NET_BIND_SERVICE	10
#define CAP_NET_BROADCAST	11
#define CAP_NET_ADMIN		12
#define CAP_NET_RAW		13
#define CAP_IPC_LOCK		14
#define CAP_IPC_OWNER		15
#define CAP_SYS_MODULE		16
#define CAP_SYS_RAWIO		17
#define CAP_SYS_CHROOT		18
#define CAP_SYS_PTRACE		19
#define CAP_SYS_PACCT		20
#define CAP_SYS_ADMIN		21
#define CAP_SYS_BOOT		22
#define CAP_SYS_NICE		23
#define CAP_SYS_RESOURCE	24
#define CAP_SYS_TIME		25
#define CAP_SYS_TTY_CONFIG	26
#define CAP_MKNOD		27
#define CAP_LEASE		28
#define CAP_AUDIT_WRITE		29
#define CAP_AUDIT_CONTROL	30
#define CAP_SETFCAP		31
#define CAP_MAC_OVERRIDE	32
#define CAP_MAC_ADMIN		33
#define CAP_SYSLOG		34
#define CAP_WAKE_ALARM		35
#define CAP_BLOCK_SUSPEND	36
#define CAP_AUDIT_READ		37
#define CAP_PERFMON		38
#define CAP_BPF			39
#define CAP_CHECKPOINT_RESTORE	40
#define CAP_LAST_CAP		CAP_CHECKPOINT_RESTORE

#define cap_valid(x)		((unsigned long)(x) <= CAP_LAST_CAP)

typedef struct kernel_cap_struct {
	u64 val;
} kernel_cap_t;

#define CAP_EMPTY_SET		((kernel_cap_t){ 0 })
#define CAP_FULL_SET		((kernel_cap_t){ (1ULL << (CAP_LAST_CAP + 1)) - 1 })
#define CAP_TO_MASK(x)		(1ULL << (x))

/* The file-system capabilities setfsuid() moves with fsuid 0 (Linux's CAP_FS_MASK). */
#define CAP_FS_SET ((kernel_cap_t){ CAP_TO_MASK(CAP_CHOWN) | CAP_TO_MASK(CAP_DAC_OVERRIDE) | \
	CAP_TO_MASK(CAP_DAC_READ_SEARCH) | CAP_TO_MASK(CAP_FOWNER) | CAP_TO_MASK(CAP_FSETID) | \
	CAP_TO_MASK(CAP_LINUX_IMMUTABLE) | CAP_TO_MASK(CAP_MAC_OVERRIDE) })

static inline bool cap_raised(kernel_cap_t c, int flag)
{
	return c.val & CAP_TO_MASK(flag);
}

static inline void cap_raise(kernel_cap_t *c, int flag)
{
	c->val |= CAP_TO_MASK(flag);
}

static inline void cap_lower(kernel_cap_t *c, int flag)
{
	c->val &= ~CAP_TO_MASK(flag);
}

static inline kernel_cap_t cap_combine(kernel_cap_t a, kernel_cap_t b)
{
	return (kernel_cap_t){ a.val | b.val };
}

static inline kernel_cap_t cap_intersect(kernel_cap_t a, kernel_cap_t b)
{
	return (kernel_cap_t){ a.val & b.val };
}

static inline kernel_cap_t cap_drop(kernel_cap_t a, kernel_cap_t drop)
{
	return (kernel_cap_t){ a.val & ~drop.val };
}

static inline bool cap_isclear(kernel_cap_t c)
{
	return !c.val;
}

/* Is every capability of @a in @set? */
static inline bool cap_issubset(kernel_cap_t a, kernel_cap_t set)
{
	return !(a.val & ~set.val);
}

/* The capget()/capset() ABI: a header, then 1 (v1) or 2 (v2, v3) data words. */
#define _LINUX_CAPABILITY_VERSION_1	0x19980330
#define _LINUX_CAPABILITY_U32S_1	1
#define _LINUX_CAPABILITY_VERSION_2	0x20071026	/* deprecated, as v3 */
#define _LINUX_CAPABILITY_VERSION_3	0x20080522
#define _LINUX_CAPABILITY_U32S_3	2
#define _KERNEL_CAPABILITY_VERSION	_LINUX_CAPABILITY_VERSION_3

struct __user_cap_header_struct {
	u32 version;
	int pid;
};

struct __user_cap_data_struct {
	u32 effective;
	u32 permitted;
	u32 inheritable;
};

struct task_struct;

/**
 * capable - may the caller use capability @cap?
 * @cap: CAP_*
 *
 * Return: whether @cap is in current's effective set (its subjective
 * creds, which override_creds() may have swapped). Context: process.
 */
bool capable(int cap);

/**
 * has_capability - is @cap in @t's effective set (its objective creds)?
 * Context: process; takes task_lock(@t).
 */
bool has_capability(struct task_struct *t, int cap);

#endif /* _LINUX_CAPABILITY_H */
