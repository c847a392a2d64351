// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of /proc/PID's address-space files (fs/proc/task_mmu.c) and of
 * /proc/kpagecount and /proc/kpageflags (fs/proc/page.c).
 *
 * Each case builds an mm of its own (mm_alloc()) with VMAs where it wants
 * them, and a holder kthread that adopts it (begin_user_task()) and waits:
 * the case then reads /proc/<holder's pid>/... through the VFS, as a user
 * would, and compares the text with what Linux prints for that layout.
 * The holder lets go of the mm (exit_user_task()) and exits before the
 * case drops it.
 */
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/task.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <asm/processor.h>
#include "vfs_test.h"

#define TM_BUF_SIZE	8192

/* The holder of a case's mm: a kthread that is that mm's task while the case reads. */
struct mm_holder {
	struct mm_struct *mm;
	struct task_struct *task;
	struct completion ready, release;
	int err;
};

static int holder_thread(void *arg)
{
	struct mm_holder *h = arg;

	h->err = begin_user_task(h->mm);
	complete(&h->ready);
	if (h->err)
		return h->err;
	wait_for_completion(&h->release);
	exit_user_task();
	mmput(h->mm);	/* begin_user_task()'s reference */
	return 0;
}

struct tm_case {
	struct mm_struct *mm;
	struct mm_holder holder;
	char path[64];
	char *buf;
};

/* Map [start, end) with @flags in @mm (mmap_lock held for writing), counted as mmap() would. */
static int tm_map(struct mm_struct *mm, unsigned long start, unsigned long end,
		  unsigned long flags)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);
	int err;

	if (!vma)
		return -ENOMEM;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	vma->vm_page_prot = vm_get_page_prot(flags);
	err = insert_vm_struct(mm, vma);
	if (err) {
		vm_area_free(vma);
		return err;
	}
	vm_stat_account(mm, flags, (end - start) >> PAGE_SHIFT);
	return 0;
}

/* The running case's state: the suite's ->exit ends it if an assertion left early. */
static struct tm_case tm_cur;

static bool tm_start(struct ktest *test, struct tm_case *c)
{
	memset(c, 0, sizeof(*c));
	c->buf = kmalloc(TM_BUF_SIZE, GFP_KERNEL);
	c->mm = mm_alloc();
	if (!c->buf || !c->mm) {
		kfree(c->buf);
		if (c->mm)
			mmput(c->mm);
		memset(c, 0, sizeof(*c));
		KTEST_SKIP(test, "no memory for the case");
		return false;
	}
	return true;
}

/* Give the mm to a holder and name its /proc directory in c->path. */
static bool tm_hold(struct ktest *test, struct tm_case *c)
{
	struct mm_holder *h = &c->holder;

	h->mm = c->mm;
	init_completion(&h->ready);
	init_completion(&h->release);
	h->task = kthread_run(holder_thread, h, "tm_holder");
	if (!h->task) {
		KTEST_FAIL(test, "no holder thread");
		return false;
	}
	get_task_struct(h->task);
	wait_for_completion(&h->ready);
	if (h->err) {
		KTEST_FAIL(test, "begin_user_task: %d", h->err);
		return false;
	}
	snprintf(c->path, sizeof(c->path), "/proc/%d", h->task->pid);
	return true;
}

static void tm_end(struct tm_case *c)
{
	struct mm_holder *h = &c->holder;

	if (!c->mm)
		return;
	if (h->task) {
		complete(&h->release);
		wait_for_completion(&h->task->exited);
		put_task_struct(h->task);
	}
	mmput(c->mm);
	kfree(c->buf);
	memset(c, 0, sizeof(*c));
}

/* Read /proc/<holder>/@file into c->buf. Return: the bytes, or -errno. */
static ssize_t tm_read(struct tm_case *c, const char *file)
{
	char name[96];

	snprintf(name, sizeof(name), "%s/%s", c->path, file);
	return vt_read_file(name, c->buf, TM_BUF_SIZE);
}

/* Read @count bytes of the binary file /proc/<holder>/@file at @pos. */
static ssize_t tm_pread(struct tm_case *c, const char *file, void *to, size_t count,
			loff_t pos)
{
	char name[96];
	struct file *f;
	ssize_t r;

	snprintf(name, sizeof(name), "%s/%s", c->path, file);
	f = filp_open(name, O_RDONLY, 0);
	if (IS_ERR(f))
		return PTR_ERR(f);
	r = kernel_read(f, to, count, &pos);
	filp_close(f, NULL);
	return r;
}

#define RW	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE)
#define RX	(VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYEXEC)

/* Lay out text, heap, an anonymous mapping and a stack, as a small static program has. */
static int tm_layout(struct mm_struct *mm)
{
	int err;

	mm->start_code = 0x400000;
	mm->end_code = 0x401800;
	mm->start_brk = 0x600000;
	mm->brk = 0x602000;
	mm->start_stack = 0x7ffffff1f000;
	mmap_write_lock(mm);
	err = tm_map(mm, 0x400000, 0x402000, RX);
	if (!err)
		err = tm_map(mm, 0x600000, 0x602000, RW);
	if (!err)
		err = tm_map(mm, 0x7f0000000000, 0x7f0000003000, RW | VM_SHARED | VM_MAYSHARE);
	if (!err)
		err = tm_map(mm, 0x7ffffff00000, 0x7ffffff21000, RW | VM_GROWSDOWN);
	mmap_write_unlock(mm);
	return err;
}

/* maps: Linux's columns, padding to column 73 before a name, none without one. */
static void tm_maps_text(struct ktest *test)
{
	static const char expect[] =
		"00400000-00402000 r-xp 00000000 00:00 0 \n"
		"00600000-00602000 rw-p 00000000 00:00 0"
		"                                  [heap]\n"
		"7f0000000000-7f0000003000 rw-s 00000000 00:00 0 \n"
		"7ffffff00000-7ffffff21000 rw-p 00000000 00:00 0"
		"                          [stack]\n";
	struct tm_case *c = &tm_cur;

	if (!tm_start(test, c))
		return;
	KTEST_ASSERT_EQ(test, tm_layout(c->mm), 0);
	if (!tm_hold(test, c))
		return;
	KTEST_EXPECT_EQ(test, tm_read(c, "maps"), (ssize_t)strlen(expect));
	KTEST_EXPECT_STREQ(test, c->buf, expect);
	tm_end(c);
}

/* A kernel thread has no mm: its maps, smaps and pagemap are empty, statm zeros. */
static void tm_kthread_files(struct ktest *test)
{
	struct tm_case *c = &tm_cur;
	u64 entry;

	if (!tm_start(test, c))
		return;
	KTEST_EXPECT_EQ(test, vt_read_file("/proc/2/maps", c->buf, TM_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, vt_read_file("/proc/2/smaps", c->buf, TM_BUF_SIZE), 0L);
	KTEST_EXPECT_EQ(test, vt_read_file("/proc/2/statm", c->buf, TM_BUF_SIZE), 14L);
	KTEST_EXPECT_STREQ(test, c->buf, "0 0 0 0 0 0 0\n");
	KTEST_EXPECT_GT(test, vt_read_file("/proc/2/status", c->buf, TM_BUF_SIZE), 0L);
	KTEST_EXPECT_NULL(test, strstr(c->buf, "VmSize:"));
	snprintf(c->path, sizeof(c->path), "/proc/2");
	KTEST_EXPECT_EQ(test, tm_pread(c, "pagemap", &entry, sizeof(entry), 0), 0L);
	tm_end(c);
}

/* The value of "@key:" in @text (kB or a count), or -1. */
static long field(const char *text, const char *key)
{
	const char *p = strstr(text, key);
	long v = 0;

	if (!p)
		return -1;
	p += strlen(key);
	while (*p == ' ' || *p == '\t')
		p++;
	while (*p >= '0' && *p <= '9')
		v = v * 10 + (*p++ - '0');
	return v;
}

/* status and statm count the VMAs as Linux's task_mem()/task_statm() do. */
static void tm_status_statm(struct ktest *test)
{
	struct tm_case *c = &tm_cur;
	char expect[64];

	if (!tm_start(test, c))
		return;
	KTEST_ASSERT_EQ(test, tm_layout(c->mm), 0);
	if (!tm_hold(test, c))
		return;
	KTEST_ASSERT_GT(test, tm_read(c, "status"), 0L);
	/* 2 + 2 + 3 + 33 pages */
	KTEST_EXPECT_EQ(test, field(c->buf, "VmSize:"), 160L);
	KTEST_EXPECT_EQ(test, field(c->buf, "VmPeak:"), 160L);
	KTEST_EXPECT_EQ(test, field(c->buf, "VmRSS:"), 0L);
	KTEST_EXPECT_EQ(test, field(c->buf, "VmData:"), 8L);
	KTEST_EXPECT_EQ(test, field(c->buf, "VmStk:"), 132L);
	KTEST_EXPECT_EQ(test, field(c->buf, "VmExe:"), 8L);	/* end_code rounded up */
	KTEST_EXPECT_EQ(test, field(c->buf, "VmLib:"), 0L);
	KTEST_EXPECT_EQ(test, field(c->buf, "VmSwap:"), 0L);
	KTEST_EXPECT_NOT_NULL(test, strstr(c->buf, "VmLck:\t       0 kB\n"));
	/* status's order: the Vm lines after NSsid, before Threads */
	KTEST_EXPECT_TRUE(test, strstr(c->buf, "NSsid:") < strstr(c->buf, "VmPeak:") &&
				strstr(c->buf, "HugetlbPages:") < strstr(c->buf, "Threads:"));
	KTEST_ASSERT_GT(test, tm_read(c, "statm"), 0L);
	/* size resident shared text lib data dt */
	snprintf(expect, sizeof(expect), "%d %d %d %d 0 %d 0\n", 40, 0, 0, 2, 2 + 33);
	KTEST_EXPECT_STREQ(test, c->buf, expect);
	tm_end(c);
}

/* smaps: each VMA's line, then its counts and VmFlags; smaps_rollup one record. */
static void tm_smaps_layout(struct ktest *test)
{
	struct tm_case *c = &tm_cur;
	char *stack;

	if (!tm_start(test, c))
		return;
	KTEST_ASSERT_EQ(test, tm_layout(c->mm), 0);
	if (!tm_hold(test, c))
		return;
	KTEST_ASSERT_GT(test, tm_read(c, "smaps"), 0L);
	KTEST_EXPECT_TRUE(test, !strncmp(c->buf, "00400000-00402000 r-xp 00000000 00:00 0 \n"
					   "Size:                  8 kB\n"
					   "KernelPageSize:        4 kB\n"
					   "MMUPageSize:           4 kB\n"
					   "Rss:                   0 kB\n", 137));
	stack = strstr(c->buf, "[stack]\n");
	KTEST_ASSERT_NOT_NULL(test, stack);
	KTEST_EXPECT_EQ(test, field(stack, "Size:"), 132L);
	KTEST_EXPECT_NOT_NULL(test, strstr(stack, "THPeligible:    0\n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(stack, "VmFlags: rd wr mr mw gd \n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(c->buf, "VmFlags: rd ex mr me \n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(c->buf, "VmFlags: rd wr sh mr mw ms \n"));
	KTEST_ASSERT_GT(test, tm_read(c, "smaps_rollup"), 0L);
	KTEST_EXPECT_TRUE(test, !strncmp(c->buf, "00400000-7ffffff21000 ---p 00000000 00:00 0"
					   "                              [rollup]\n"
					   "Rss:                   0 kB\n", 104));
	KTEST_EXPECT_EQ(test, field(c->buf, "Pss_Anon:"), 0L);
	KTEST_EXPECT_EQ(test, field(c->buf, "Pss_Shmem:"), 0L);
	tm_end(c);
}

/* pagemap of unpopulated VMAs: zero entries, soft-dirty where VM_SOFTDIRTY; EINVAL unaligned. */
static void tm_pagemap_holes(struct ktest *test)
{
	struct tm_case *c = &tm_cur;
	u64 e[4] = { 1, 1, 1, 1 };

	if (!tm_start(test, c))
		return;
	KTEST_ASSERT_EQ(test, tm_layout(c->mm), 0);
	mmap_write_lock(c->mm);
	find_vma(c->mm, 0x600000)->vm_flags |= VM_SOFTDIRTY;
	mmap_write_unlock(c->mm);
	if (!tm_hold(test, c))
		return;
	/* 0x3ff000..0x402000: below the text, then its two pages */
	KTEST_EXPECT_EQ(test, tm_pread(c, "pagemap", e, sizeof(e), (0x3ff000 >> 12) * 8), 32L);
	KTEST_EXPECT_EQ(test, e[0] | e[1] | e[2] | e[3], 0ULL);
	KTEST_EXPECT_EQ(test, tm_pread(c, "pagemap", e, 2 * sizeof(u64), (0x601000 >> 12) * 8),
			16L);
	KTEST_EXPECT_EQ(test, e[0], 1ULL << 55);	/* VM_SOFTDIRTY VMA */
	KTEST_EXPECT_EQ(test, e[1], 0ULL);		/* past its end */
	KTEST_EXPECT_EQ(test, tm_pread(c, "pagemap", e, 8, 4), (ssize_t)-EINVAL);
	KTEST_EXPECT_EQ(test, tm_pread(c, "pagemap", e, 4, 0), (ssize_t)-EINVAL);
	/* the last entry of user space, then nothing */
	KTEST_EXPECT_EQ(test, tm_pread(c, "pagemap", e, 16, ((TASK_SIZE_MAX >> 12) - 1) * 8),
			8L);
	tm_end(c);
}

/* clear_refs takes 1..5 and refuses the rest as Linux; 5 resets VmHWM. */
static void tm_clear_refs_values(struct ktest *test)
{
	static const char *const bad[] = { "0", "6", "x", "-1", "1x" };
	struct tm_case *c = &tm_cur;
	char name[96];
	unsigned int i;

	if (!tm_start(test, c))
		return;
	KTEST_ASSERT_EQ(test, tm_layout(c->mm), 0);
	c->mm->hiwater_rss = 1234;
	if (!tm_hold(test, c))
		return;
	snprintf(name, sizeof(name), "%s/clear_refs", c->path);
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KTEST_EXPECT_EQ(test, vt_write_file(name, bad[i]), (ssize_t)-EINVAL);
	KTEST_ASSERT_GT(test, tm_read(c, "status"), 0L);
	KTEST_EXPECT_EQ(test, field(c->buf, "VmHWM:"), 1234L * 4);
	KTEST_EXPECT_EQ(test, vt_write_file(name, "5\n"), 2L);
	KTEST_ASSERT_GT(test, tm_read(c, "status"), 0L);
	KTEST_EXPECT_EQ(test, field(c->buf, "VmHWM:"), 0L);
	for (i = 1; i <= 4; i++) {
		char v[2] = { (char)('0' + i), 0 };

		KTEST_EXPECT_EQ(test, vt_write_file(name, v), 1L);
	}
	/* "4" cleared VM_SOFTDIRTY everywhere */
	KTEST_ASSERT_GT(test, tm_read(c, "smaps"), 0L);
	KTEST_EXPECT_NULL(test, strstr(c->buf, " sd "));
	tm_end(c);
}

/* kpageflags/kpagecount: a slab page, a free page, 0400, EINVAL unaligned. */
static void tm_kpageflags(struct ktest *test)
{
	void *obj = kmalloc(64, GFP_KERNEL);
	struct page *free_page = alloc_page(GFP_KERNEL);
	unsigned long slab_pfn, free_pfn;
	struct file *f;
	loff_t pos;
	u64 v;

	if (!obj || !free_page) {
		kfree(obj);
		if (free_page)
			__free_page(free_page);
		KTEST_SKIP(test, "no memory");
		return;
	}
	slab_pfn = page_to_pfn(virt_to_page(obj));
	free_pfn = page_to_pfn(free_page);
	__free_page(free_page);	/* now in the buddy allocator (or a per-CPU list) */
	f = filp_open("/proc/kpageflags", O_RDONLY, 0);
	if (IS_ERR(f)) {
		KTEST_FAIL(test, "open /proc/kpageflags: %ld", PTR_ERR(f));
		goto out;
	}
	pos = slab_pfn * 8;
	KTEST_EXPECT_EQ(test, kernel_read(f, &v, 8, &pos), 8L);
	KTEST_EXPECT_EQ(test, v, 1ULL << 7);	/* KPF_SLAB */
	pos = free_pfn * 8;
	KTEST_EXPECT_EQ(test, kernel_read(f, &v, 8, &pos), 8L);
	/* KPF_BUDDY, or nothing while it waits on a per-CPU list */
	KTEST_EXPECT_TRUE(test, v == (1ULL << 10) || v == 0);
	pos = 4;
	KTEST_EXPECT_EQ(test, kernel_read(f, &v, 8, &pos), (ssize_t)-EINVAL);
	pos = 1ULL << 50;
	KTEST_EXPECT_EQ(test, kernel_read(f, &v, 8, &pos), 0L);
	filp_close(f, NULL);
	f = filp_open("/proc/kpagecount", O_RDONLY, 0);
	if (IS_ERR(f)) {
		KTEST_FAIL(test, "open /proc/kpagecount: %ld", PTR_ERR(f));
		goto out;
	}
	pos = slab_pfn * 8;
	KTEST_EXPECT_EQ(test, kernel_read(f, &v, 8, &pos), 8L);
	KTEST_EXPECT_EQ(test, v, 0ULL);
	filp_close(f, NULL);
	{
		struct kstat st;

		KTEST_EXPECT_EQ(test, vfs_fstatat(AT_FDCWD, "/proc/kpageflags", &st, 0), 0);
		KTEST_EXPECT_EQ(test, st.mode & 0777, 0400);
	}
out:
	kfree(obj);
}


/* Fault @addr of @mm in as a user access would (write or read). */
static vm_fault_t tm_fault(struct mm_struct *mm, unsigned long addr, bool write)
{
	vm_fault_t ret;

	mmap_read_lock(mm);
	ret = handle_mm_fault(find_vma(mm, addr), addr, write ? FAULT_FLAG_WRITE : 0, NULL);
	mmap_read_unlock(mm);
	return ret;
}

/* One heap page written, one read (the zero page): what smaps, status and pagemap count. */
static void tm_populated(struct ktest *test)
{
	struct tm_case *c = &tm_cur;
	char *heap;
	u64 e[2];

	if (!tm_start(test, c))
		return;
	KTEST_ASSERT_EQ(test, tm_layout(c->mm), 0);
	KTEST_ASSERT_EQ(test, tm_fault(c->mm, 0x600000, true), 0u);
	KTEST_ASSERT_EQ(test, tm_fault(c->mm, 0x601000, false), 0u);
	if (!tm_hold(test, c))
		return;
	KTEST_ASSERT_GT(test, tm_read(c, "smaps"), 0L);
	heap = strstr(c->buf, "[heap]\n");
	KTEST_ASSERT_NOT_NULL(test, heap);
	KTEST_EXPECT_EQ(test, field(heap, "Rss:"), 4L);	/* the zero page is not counted */
	KTEST_EXPECT_EQ(test, field(heap, "Pss:"), 4L);
	KTEST_EXPECT_EQ(test, field(heap, "Private_Dirty:"), 4L);
	KTEST_EXPECT_EQ(test, field(heap, "Shared_Dirty:"), 0L);
	KTEST_EXPECT_EQ(test, field(heap, "Anonymous:"), 4L);
	KTEST_EXPECT_EQ(test, field(heap, "Referenced:"), 4L);
	KTEST_ASSERT_GT(test, tm_read(c, "status"), 0L);
	KTEST_EXPECT_EQ(test, field(c->buf, "VmRSS:"), 4L);
	KTEST_EXPECT_EQ(test, field(c->buf, "RssAnon:"), 4L);
	KTEST_EXPECT_EQ(test, field(c->buf, "RssFile:"), 0L);
	KTEST_EXPECT_GE(test, field(c->buf, "VmPTE:"), 4L);
	KTEST_ASSERT_GT(test, tm_read(c, "statm"), 0L);
	KTEST_EXPECT_STREQ(test, c->buf, "40 1 0 2 0 35 0\n");
	/* pagemap: present, exclusive, soft-dirty (a new page is dirty), the PFN (root) */
	KTEST_ASSERT_EQ(test, tm_pread(c, "pagemap", e, sizeof(e), (0x600000 >> 12) * 8), 16L);
	KTEST_EXPECT_EQ(test, e[0] >> 55, (1ULL << 8) | (1ULL << 1) | 1);
	KTEST_EXPECT_NE(test, e[0] & ((1ULL << 55) - 1), 0ULL);
	KTEST_EXPECT_EQ(test, e[1] >> 55, 1ULL << 8);	/* the zero page: present only */
	KTEST_EXPECT_EQ(test, e[1] & ((1ULL << 55) - 1), (u64)my_zero_pfn(0x601000));
	tm_end(c);
}

/* clear_refs: "1" clears Referenced; "4" clears soft-dirty until the next write fault. */
static void tm_clear_refs_bits(struct ktest *test)
{
	struct tm_case *c = &tm_cur;
	char name[96];
	u64 e;

	if (!tm_start(test, c))
		return;
	KTEST_ASSERT_EQ(test, tm_layout(c->mm), 0);
	KTEST_ASSERT_EQ(test, tm_fault(c->mm, 0x600000, true), 0u);
	if (!tm_hold(test, c))
		return;
	snprintf(name, sizeof(name), "%s/clear_refs", c->path);
	KTEST_EXPECT_EQ(test, vt_write_file(name, "1"), 1L);
	KTEST_ASSERT_GT(test, tm_read(c, "smaps"), 0L);
	KTEST_EXPECT_EQ(test, field(strstr(c->buf, "[heap]"), "Referenced:"), 0L);
	KTEST_EXPECT_EQ(test, vt_write_file(name, "4"), 1L);
	KTEST_ASSERT_EQ(test, tm_pread(c, "pagemap", &e, 8, (0x600000 >> 12) * 8), 8L);
	KTEST_EXPECT_EQ(test, e >> 55, (1ULL << 8) | (1ULL << 1));	/* soft-dirty gone */
	/* the pte is write-protected now: the next write faults and marks it again */
	KTEST_ASSERT_EQ(test, tm_fault(c->mm, 0x600000, true), 0u);
	KTEST_ASSERT_EQ(test, tm_pread(c, "pagemap", &e, 8, (0x600000 >> 12) * 8), 8L);
	KTEST_EXPECT_EQ(test, e >> 55, (1ULL << 8) | (1ULL << 1) | 1);
	tm_end(c);
}

/* After a fork (dup_mm) the page is shared: Shared_Dirty, half of it in Pss, not exclusive. */
static void tm_shared_after_fork(struct ktest *test)
{
	struct tm_case *c = &tm_cur;
	struct mm_struct *child;
	char *heap;
	u64 e;

	if (!tm_start(test, c))
		return;
	KTEST_ASSERT_EQ(test, tm_layout(c->mm), 0);
	KTEST_ASSERT_EQ(test, tm_fault(c->mm, 0x600000, true), 0u);
	child = dup_mm(NULL, c->mm);
	KTEST_ASSERT_NOT_NULL(test, child);
	if (!tm_hold(test, c)) {
		mmput(child);
		return;
	}
	KTEST_EXPECT_GT(test, tm_read(c, "smaps"), 0L);
	heap = strstr(c->buf, "[heap]\n");
	KTEST_EXPECT_NOT_NULL(test, heap);
	if (heap) {
		KTEST_EXPECT_EQ(test, field(heap, "Rss:"), 4L);
		KTEST_EXPECT_EQ(test, field(heap, "Pss:"), 2L);
		KTEST_EXPECT_EQ(test, field(heap, "Shared_Dirty:"), 4L);
		KTEST_EXPECT_EQ(test, field(heap, "Private_Dirty:"), 0L);
	}
	KTEST_EXPECT_EQ(test, tm_pread(c, "pagemap", &e, 8, (0x600000 >> 12) * 8), 8L);
	KTEST_EXPECT_EQ(test, e >> 55, (1ULL << 8) | 1);	/* present, soft-dirty */
	mmput(child);
	/* the child is gone: the page is the parent's alone again */
	KTEST_EXPECT_EQ(test, tm_pread(c, "pagemap", &e, 8, (0x600000 >> 12) * 8), 8L);
	KTEST_EXPECT_EQ(test, e >> 55, (1ULL << 8) | (1ULL << 1) | 1);
	tm_end(c);
}

static struct ktest_case task_mmu_cases[] = {
	KTEST_CASE(tm_maps_text),
	KTEST_CASE(tm_kthread_files),
	KTEST_CASE(tm_status_statm),
	KTEST_CASE(tm_smaps_layout),
	KTEST_CASE(tm_pagemap_holes),
	KTEST_CASE(tm_clear_refs_values),
	KTEST_CASE(tm_kpageflags),
	KTEST_CASE(tm_populated),
	KTEST_CASE(tm_clear_refs_bits),
	KTEST_CASE(tm_shared_after_fork),
	{}
};

static void task_mmu_exit(struct ktest *test)
{
	tm_end(&tm_cur);
	ktest_resume_fault_injection(test);
}

static struct ktest_suite task_mmu_suite = {
	.name = "task_mmu",
	.test_cases = task_mmu_cases,
	.init = ktest_pause_fault_injection,
	.exit = task_mmu_exit,
};
ktest_register_suite(task_mmu_suite);
