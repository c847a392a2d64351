// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of get_user_pages and pins (mm/gup.c) and of the page faults of
 * file mappings (mm/filemap.c, mm/shmem.c), without user mode: each case
 * makes address spaces with mm_alloc(), maps VMAs into them with gt_map()
 * (anonymous, or a file whose f_op->mmap sets the VMA up, as do_mmap()
 * would), and calls GUP or handle_mm_fault() under mmap_lock as a
 * driver or the page-fault entry would. Data is checked through the
 * direct map of the pages GUP hands out.
 *
 * Files are tmpfs's nameless ones (shmem_file_setup()), written and read
 * with kernel_write()/kernel_read(). Each file VMA holds a reference of
 * its own, as do_mmap() gives it (remove_vma() puts it).
 *
 * Fork is one VMA copied as dup_mmap() copies it (gt_fork_vma():
 * anon_vma_fork(), copy_page_range()), after which rmap_check_mms()
 * must find every mapcount equal to the ptes of the two mms. One case
 * makes the page and slab allocators fail under GUP, at every step.
 *
 * The suite's ->exit compares free pages, page-table pages, VMAs, mms,
 * anon_vmas and their chains with what they were before the case, so every case proves its pages,
 * pins and tables all went back.
 */
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/pagemap.h>
#include <linux/shmem_fs.h>
#include <linux/sched/mm.h>
#include <linux/fs.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/init_syscalls.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <linux/fault-inject.h>
#include <linux/kthread.h>
#include <linux/smp.h>
#include <linux/completion.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>
#include "../../mm/slab.h"
#include "../../mm/internal.h"
#include "mm_test.h"

#define BASE		0x10000000UL	/* where the cases map */
#define P(n)		(BASE + (n) * PAGE_SIZE)
#define ANON_RW		(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE)
#define SHARED_RW	(ANON_RW | VM_SHARED | VM_MAYSHARE)

/* ---- the suite's baseline ------------------------------------------------ */

struct gup_baseline {
	unsigned long free, tables, vmas, mms, anon_vmas, chains;
};

static void gup_baseline_take(struct gup_baseline *b)
{
	b->free = free_pages_shrunk();
	b->anon_vmas = objects_in_use(anon_vma_cachep);
	b->chains = objects_in_use(anon_vma_chain_cachep);
	b->vmas = objects_in_use(vm_area_cachep);
	b->mms = objects_in_use(mm_cachep);
	b->tables = global_zone_page_state(NR_PAGETABLE);
}

static struct gup_baseline gup_before;

static int gup_test_init(struct ktest *test)
{
	ktest_pause_fault_injection(test);
	gup_baseline_take(&gup_before);
	return 0;
}

static void gup_test_exit(struct ktest *test)
{
	struct gup_baseline now;

	gup_baseline_take(&now);
	KTEST_EXPECT_EQ(test, now.anon_vmas, gup_before.anon_vmas);
	KTEST_EXPECT_EQ(test, now.chains, gup_before.chains);
	KTEST_EXPECT_EQ(test, now.vmas, gup_before.vmas);
	KTEST_EXPECT_EQ(test, now.mms, gup_before.mms);
	KTEST_EXPECT_EQ(test, now.tables, gup_before.tables);
	KTEST_EXPECT_EQ(test, now.free, gup_before.free);
	ktest_resume_fault_injection(test);
}

/* ---- address spaces, mappings, files ------------------------------------- */

static struct mm_struct *gt_mm(struct ktest *test)
{
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(test, mm);
	mm->task_size = TASK_SIZE;
	mm->mmap_base = TASK_SIZE / 2;
	return mm;
}

/* The user pte protection of a VMA with @flags (x86's protection_map, as mmap builds it). */
static pgprot_t gt_prot(unsigned long flags)
{
	pgprotval_t prot = _PAGE_USER | _PAGE_ACCESSED | _PAGE_NX;

	if (!(flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return PAGE_NONE;
	prot |= _PAGE_PRESENT;
	if ((flags & (VM_WRITE | VM_SHARED)) == (VM_WRITE | VM_SHARED))
		prot |= _PAGE_RW;	/* private writable: read-only until COW */
	return __pgprot(prot);
}

typedef int (*gt_mmap_fn)(struct file *file, struct vm_area_struct *vma);

/*
 * Map [@addr, @addr + @npages pages) of @mm with @flags: anonymous, or
 * @file from page @pgoff set up by @mmap (the VMA takes a reference).
 * Takes mmap_lock for writing.
 */
static struct vm_area_struct *gt_map_with(struct ktest *test, struct mm_struct *mm,
					  unsigned long addr, unsigned long npages,
					  unsigned long flags, struct file *file, pgoff_t pgoff,
					  gt_mmap_fn mmap)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);
	int err = 0;

	KTEST_ASSERT_NOT_NULL(test, vma);
	vma->vm_start = addr;
	vma->vm_end = addr + npages * PAGE_SIZE;
	vma->vm_flags = flags;
	vma->vm_page_prot = gt_prot(flags);
	vma->vm_pgoff = file ? pgoff : addr >> PAGE_SHIFT;
	vma->vm_file = file ? get_file(file) : NULL;
	if (file)
		err = mmap(file, vma);
	/* a backer that wants to hear of writes gets read-only ptes (mmap's write notify) */
	if (vma->vm_ops && vma->vm_ops->page_mkwrite)
		vma->vm_page_prot = __pgprot(pgprot_val(vma->vm_page_prot) & ~_PAGE_RW);
	mmap_write_lock(mm);
	if (!err)
		err = insert_vm_struct(mm, vma);
	mmap_write_unlock(mm);
	if (err) {
		if (file)
			fput(file);
		vm_area_free(vma);
	}
	KTEST_ASSERT_EQ(test, err, 0);
	return vma;
}

/* gt_map_with() through the file's own f_op->mmap. */
static struct vm_area_struct *gt_map(struct ktest *test, struct mm_struct *mm,
				     unsigned long addr, unsigned long npages,
				     unsigned long flags, struct file *file, pgoff_t pgoff)
{
	return gt_map_with(test, mm, addr, npages, flags, file, pgoff,
			   file ? file->f_op->mmap : NULL);
}

/* A nameless tmpfs file of @size bytes holding @len bytes of @data at 0. */
static struct file *gt_file(struct ktest *test, loff_t size, const void *data, size_t len)
{
	struct file *file = shmem_file_setup("gup-test", size, 0);
	loff_t pos = 0;

	KTEST_ASSERT_FALSE(test, IS_ERR(file));
	if (len && kernel_write(file, data, len, &pos) != (ssize_t)len) {
		fput(file);
		KTEST_FAIL(test, "kernel_write failed");
	}
	return file;
}

/* GUP of one page of @mm at @addr with @flags. Return: the page, or ERR_PTR. */
static struct page *gt_get_page(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	struct page *page;
	long ret;

	mmap_read_lock(mm);
	if (flags & FOLL_PIN)
		ret = pin_user_pages_remote(mm, addr, 1, flags & ~FOLL_PIN, &page, NULL, NULL);
	else
		ret = get_user_pages_remote(mm, addr, 1, flags, &page, NULL, NULL);
	mmap_read_unlock(mm);
	if (ret == 1)
		return page;
	return ERR_PTR(ret < 0 ? ret : -EIO);
}

/* The page mapped at @addr of @mm now, without faulting (a reference dropped again), or NULL. */
static struct page *gt_mapped_page(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = gt_get_page(mm, addr, FOLL_NOFAULT);

	if (IS_ERR(page))
		return NULL;
	put_page(page);
	return page;
}

/* handle_mm_fault() at @addr of @mm. Return: its VM_FAULT_* bits. */
static vm_fault_t gt_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	vm_fault_t ret;

	mmap_read_lock(mm);
	ret = handle_mm_fault(find_vma(mm, addr), addr, flags, NULL);
	mmap_read_unlock(mm);
	return ret;
}

/* Did a fault at @addr of @mm succeed (VM_FAULT_LOCKED or _MAJOR may come with it, as Linux)? */
static bool gt_fault_ok(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	return !(gt_fault(mm, addr, flags) & VM_FAULT_ERROR);
}

static u8 *page_bytes(struct page *page)
{
	return page_address(page);
}

/* ---- GUP's refusals ------------------------------------------------------- */

static void gup_of_a_hole_is_efault_and_a_partial_range_counts(struct ktest *test)
{
	struct mm_struct *mm = gt_mm(test);
	struct page *pages[3];
	long ret;

	gt_map(test, mm, P(0), 2, ANON_RW, NULL, 0);
	KTEST_EXPECT_PTR_EQ(test, gt_get_page(mm, P(4), 0), ERR_PTR(-EFAULT));
	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, P(0), 3, FOLL_WRITE, pages, NULL, NULL);
	mmap_read_unlock(mm);
	KTEST_EXPECT_EQ(test, ret, 2L);		/* the third page is a hole */
	if (ret == 2) {
		KTEST_EXPECT_NE(test, pages[0], pages[1]);
		KTEST_EXPECT_TRUE(test, PageAnon(pages[0]));
		put_page(pages[0]);
		put_page(pages[1]);
	}
	mmput(mm);
}

static void gup_write_of_a_read_only_vma_is_efault_unless_forced(struct ktest *test)
{
	struct mm_struct *mm = gt_mm(test);
	struct page *page;

	gt_map(test, mm, P(0), 1, VM_READ | VM_MAYREAD | VM_MAYWRITE, NULL, 0);
	KTEST_EXPECT_PTR_EQ(test, gt_get_page(mm, P(0), FOLL_WRITE), ERR_PTR(-EFAULT));
	page = gt_get_page(mm, P(0), 0);	/* a read maps the zero page */
	KTEST_ASSERT_FALSE(test, IS_ERR(page));
	KTEST_EXPECT_PTR_EQ(test, page, ZERO_PAGE(0));
	put_page(page);
	/* ptrace's poke: a private copy, exclusive, the pte still read-only */
	page = gt_get_page(mm, P(0), FOLL_WRITE | FOLL_FORCE);
	KTEST_ASSERT_FALSE(test, IS_ERR(page));
	KTEST_EXPECT_PTR_NE(test, page, ZERO_PAGE(0));
	KTEST_EXPECT_TRUE(test, PageAnon(page) && PageAnonExclusive(page));
	KTEST_EXPECT_PTR_EQ(test, gt_mapped_page(mm, P(0)), page);
	put_page(page);
	mmput(mm);
}

static void gup_of_prot_none_and_pfnmap_vmas_is_efault(struct ktest *test)
{
	struct mm_struct *mm = gt_mm(test);

	gt_map(test, mm, P(0), 1, VM_MAYREAD | VM_MAYWRITE, NULL, 0);
	gt_map(test, mm, P(2), 1, ANON_RW | VM_IO | VM_PFNMAP, NULL, 0);
	KTEST_EXPECT_PTR_EQ(test, gt_get_page(mm, P(0), 0), ERR_PTR(-EFAULT));
	KTEST_EXPECT_PTR_EQ(test, gt_get_page(mm, P(0), FOLL_WRITE), ERR_PTR(-EFAULT));
	KTEST_EXPECT_PTR_EQ(test, gt_get_page(mm, P(2), 0), ERR_PTR(-EFAULT));
	KTEST_EXPECT_PTR_EQ(test, gt_get_page(mm, P(2), FOLL_PIN), ERR_PTR(-EFAULT));
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 0UL);
	mmput(mm);
}

static void foll_dump_reports_holes_and_the_zero_page(struct ktest *test)
{
	struct mm_struct *mm = gt_mm(test);

	gt_map(test, mm, P(0), 1, ANON_RW, NULL, 0);
	KTEST_EXPECT_TRUE(test, gt_fault_ok(mm, P(0), 0));	/* the zero page */
	KTEST_EXPECT_PTR_EQ(test, gt_get_page(mm, P(0), FOLL_DUMP), ERR_PTR(-EFAULT));
	KTEST_EXPECT_PTR_EQ(test, gt_get_page(mm, P(0), FOLL_NOFAULT | FOLL_WRITE),
			    ERR_PTR(-EFAULT));
	mmput(mm);
}

/* ---- references and pins ------------------------------------------------ */

static void pins_count_in_bias_units_and_unpin_restores(struct ktest *test)
{
	struct mm_struct *mm = gt_mm(test);
	struct page *page, *pinned;
	int refs;

	gt_map(test, mm, P(0), 1, ANON_RW, NULL, 0);
	page = gt_get_page(mm, P(0), FOLL_WRITE);
	KTEST_ASSERT_FALSE(test, IS_ERR(page));
	refs = page_ref_count(page);		/* the mapping's and ours */
	KTEST_EXPECT_EQ(test, refs, 2);
	KTEST_EXPECT_FALSE(test, page_maybe_dma_pinned(page));
	pinned = gt_get_page(mm, P(0), FOLL_PIN | FOLL_WRITE);
	KTEST_ASSERT_PTR_EQ(test, pinned, page);
	KTEST_EXPECT_EQ(test, page_ref_count(page), refs + (int)GUP_PIN_COUNTING_BIAS);
	KTEST_EXPECT_TRUE(test, page_maybe_dma_pinned(page));
	KTEST_EXPECT_PTR_EQ(test, gt_get_page(mm, P(0), FOLL_PIN), page);	/* read pin */
	KTEST_EXPECT_EQ(test, page_ref_count(page), refs + 2 * (int)GUP_PIN_COUNTING_BIAS);
	unpin_user_pages(&pinned, 1);
	unpin_user_page(page);
	KTEST_EXPECT_EQ(test, page_ref_count(page), refs);
	KTEST_EXPECT_FALSE(test, page_maybe_dma_pinned(page));
	put_page(page);
	mmput(mm);
}

static void pin_of_a_large_folio_counts_in_pincount(struct ktest *test)
{
	struct folio *folio = folio_alloc(GFP_KERNEL, 2);
	struct page *page;

	KTEST_ASSERT_NOT_NULL(test, folio);
	page = folio_page(folio, 1);
	/* the pin rules apply to any folio GUP finds: take one as GUP would */
	folio_ref_inc(folio);
	atomic_inc(&folio->_pincount);
	KTEST_EXPECT_TRUE(test, folio_maybe_dma_pinned(folio));
	KTEST_EXPECT_EQ(test, folio_ref_count(folio), 2);
	unpin_user_page(page);
	KTEST_EXPECT_FALSE(test, folio_maybe_dma_pinned(folio));
	KTEST_EXPECT_EQ(test, folio_ref_count(folio), 1);
	folio_put(folio);
}

static void bad_flag_combinations_are_einval(struct ktest *test)
{
	struct mm_struct *mm = gt_mm(test);
	struct page *page;
	long ret;

	gt_map(test, mm, P(0), 1, ANON_RW, NULL, 0);
	mmap_read_lock(mm);
	ret = pin_user_pages_remote(mm, P(0), 1, FOLL_GET, &page, NULL, NULL);
	KTEST_EXPECT_EQ(test, ret, -EINVAL);
	ret = get_user_pages_remote(mm, P(0), 1, FOLL_PIN, &page, NULL, NULL);
	KTEST_EXPECT_EQ(test, ret, -EINVAL);
	mmap_read_unlock(mm);
	mmput(mm);
}

/* ---- COW, pins and fork --------------------------------------------------- */

/*
 * Fork @src (of its mm) into @child as dup_mmap() does for one VMA: a
 * copy joining the anon_vmas, linked, its ptes copied (COW).
 */
static struct vm_area_struct *gt_fork_vma(struct ktest *test, struct mm_struct *child,
					  struct vm_area_struct *src)
{
	struct vm_area_struct *vma = vm_area_dup(src);
	int err;

	KTEST_ASSERT_NOT_NULL(test, vma);
	vma->vm_mm = child;
	/* one mmap_lock at a time (no lockdep nesting annotation): the child runs nothing */
	mmap_write_lock(src->vm_mm);
	err = anon_vma_fork(vma, src);
	mmap_write_unlock(src->vm_mm);
	if (err)
		vm_area_free(vma);
	KTEST_ASSERT_EQ(test, err, 0);
	mmap_write_lock(child);
	err = insert_vm_struct(child, vma);
	mmap_write_unlock(child);
	KTEST_ASSERT_EQ(test, err, 0);
	mmap_write_lock(src->vm_mm);
	err = copy_page_range(vma, src);
	flush_tlb_mm(src->vm_mm);
	mmap_write_unlock(src->vm_mm);
	KTEST_ASSERT_EQ(test, err, 0);
	return vma;
}

/* rmap_check_mms() over @parent and @child: every mapcount equals the ptes mapping the page. */
static int gt_rmap_check(struct mm_struct *parent, struct mm_struct *child)
{
	struct mm_struct *mms[2] = { parent, child };
	int bad;

	mmap_read_lock(parent);
	if (!mmap_read_trylock(child)) {	/* trylock: no nesting of one lock class */
		mmap_read_unlock(parent);
		return -EBUSY;
	}
	bad = rmap_check_mms(mms, 2);
	mmap_read_unlock(child);
	mmap_read_unlock(parent);
	return bad;
}

/* Write @text at @addr of @mm through GUP (breaking COW as a store would). */
static struct page *gt_store(struct ktest *test, struct mm_struct *mm, unsigned long addr,
			     const char *text)
{
	struct page *page = gt_get_page(mm, addr, FOLL_WRITE);

	KTEST_ASSERT_FALSE(test, IS_ERR(page));
	memcpy(page_bytes(page), text, strlen(text) + 1);
	put_page(page);
	return page;
}

static void foll_write_breaks_cow_of_a_shared_anonymous_page(struct ktest *test)
{
	struct mm_struct *parent = gt_mm(test), *child = gt_mm(test);
	struct vm_area_struct *vma = gt_map(test, parent, P(0), 1, ANON_RW, NULL, 0);
	struct page *old, *copy;

	old = gt_store(test, parent, P(0), "parent");
	gt_fork_vma(test, child, vma);
	KTEST_EXPECT_PTR_EQ(test, gt_mapped_page(child, P(0)), old);	/* shared */
	KTEST_EXPECT_FALSE(test, PageAnonExclusive(old));
	copy = gt_store(test, child, P(0), "child");
	KTEST_EXPECT_PTR_NE(test, copy, old);
	KTEST_EXPECT_TRUE(test, PageAnonExclusive(copy));
	KTEST_EXPECT_PTR_EQ(test, gt_mapped_page(child, P(0)), copy);
	KTEST_EXPECT_PTR_EQ(test, gt_mapped_page(parent, P(0)), old);
	KTEST_EXPECT_STREQ(test, (char *)page_bytes(old), "parent");
	KTEST_EXPECT_EQ(test, gt_rmap_check(parent, child), 0);
	mmput(child);
	mmput(parent);
}

static void read_pin_of_a_shared_anonymous_page_unshares_it_first(struct ktest *test)
{
	struct mm_struct *parent = gt_mm(test), *child = gt_mm(test);
	struct vm_area_struct *vma = gt_map(test, parent, P(0), 1, ANON_RW, NULL, 0);
	struct page *shared, *pinned;

	shared = gt_store(test, parent, P(0), "before fork");
	gt_fork_vma(test, child, vma);
	pinned = gt_get_page(parent, P(0), FOLL_PIN);	/* read-only pin */
	KTEST_ASSERT_FALSE(test, IS_ERR(pinned));
	KTEST_EXPECT_PTR_NE(test, pinned, shared);	/* the parent's own copy */
	KTEST_EXPECT_TRUE(test, PageAnonExclusive(pinned));
	KTEST_EXPECT_PTR_EQ(test, gt_mapped_page(parent, P(0)), pinned);
	KTEST_EXPECT_STREQ(test, (char *)page_bytes(pinned), "before fork");
	/* neither's next write can take the pinned page away from the parent */
	gt_store(test, child, P(0), "child");
	KTEST_EXPECT_PTR_EQ(test, gt_store(test, parent, P(0), "parent"), pinned);
	KTEST_EXPECT_STREQ(test, (char *)page_bytes(pinned), "parent");
	unpin_user_page(pinned);
	KTEST_EXPECT_EQ(test, gt_rmap_check(parent, child), 0);
	mmput(child);
	mmput(parent);
}

static void pin_before_fork_keeps_the_parent_and_the_pin_in_agreement(struct ktest *test)
{
	struct mm_struct *parent = gt_mm(test), *child = gt_mm(test);
	struct vm_area_struct *vma = gt_map(test, parent, P(0), 1, ANON_RW, NULL, 0);
	struct page *pinned, *childs;

	gt_store(test, parent, P(0), "pinned data");
	pinned = gt_get_page(parent, P(0), FOLL_PIN | FOLL_WRITE | FOLL_LONGTERM);
	KTEST_ASSERT_FALSE(test, IS_ERR(pinned));
	gt_fork_vma(test, child, vma);
	childs = gt_mapped_page(child, P(0));
	KTEST_EXPECT_PTR_NE(test, childs, pinned);	/* copied at fork, not shared */
	KTEST_EXPECT_PTR_EQ(test, gt_mapped_page(parent, P(0)), pinned);
	KTEST_EXPECT_PTR_EQ(test, gt_store(test, child, P(0), "child"), childs);
	KTEST_EXPECT_STREQ(test, (char *)page_bytes(pinned), "pinned data");
	/* the parent writes where the DMA reads */
	KTEST_EXPECT_PTR_EQ(test, gt_store(test, parent, P(0), "parent"), pinned);
	unpin_user_page(pinned);
	KTEST_EXPECT_EQ(test, gt_rmap_check(parent, child), 0);
	mmput(child);
	mmput(parent);
}

/* ---- populating --------------------------------------------------------- */

static void populate_faults_in_a_range_breaking_cow_in_private_writable_vmas(struct ktest *test)
{
	struct mm_struct *mm = gt_mm(test);
	struct vm_area_struct *rw, *ro;
	long ret;
	int i;

	rw = gt_map(test, mm, P(0), 4, ANON_RW, NULL, 0);
	ro = gt_map(test, mm, P(4), 2, VM_READ | VM_MAYREAD | VM_MAYWRITE, NULL, 0);
	mmap_read_lock(mm);
	ret = populate_vma_page_range(rw, P(0), P(4));
	KTEST_EXPECT_EQ(test, ret, 4L);
	ret = populate_vma_page_range(ro, P(4), P(6));
	KTEST_EXPECT_EQ(test, ret, 2L);
	mmap_read_unlock(mm);
	for (i = 0; i < 4; i++) {
		struct page *page = gt_mapped_page(mm, P(i));

		KTEST_EXPECT_TRUE(test, page && PageAnon(page));
	}
	KTEST_EXPECT_PTR_EQ(test, gt_mapped_page(mm, P(4)), ZERO_PAGE(0));	/* read */
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 4UL);
	mmput(mm);
}

/* __mm_populate() works on current->mm: run it in a kthread that enters @mm. */
struct gt_populate {
	struct mm_struct *mm;
	unsigned long start, len;
	int ignore_errors, ret;
	struct completion done;
};

static int gt_populate_fn(void *arg)
{
	struct gt_populate *p = arg;

	p->ret = begin_user_task(p->mm);
	if (!p->ret) {
		p->ret = __mm_populate(p->start, p->len, p->ignore_errors);
		exit_user_task();
		mmput(p->mm);
	}
	complete(&p->done);
	return 0;
}

/* __mm_populate(@start, @len, @ignore_errors) in @mm. Return: its result, or -ENOMEM. */
static int gt_populate_run(struct mm_struct *mm, unsigned long start, unsigned long len,
			   int ignore_errors)
{
	struct gt_populate p = { .mm = mm, .start = start, .len = len,
				 .ignore_errors = ignore_errors };
	struct task_struct *k;

	init_completion(&p.done);
	k = kthread_create(gt_populate_fn, &p, "gup-populate");
	if (!k)
		return -ENOMEM;
	/* our CPU: its per-CPU slabs are the ones the suite's warm-up filled */
	kthread_bind(k, raw_smp_processor_id());
	wake_up_process(k);
	wait_for_completion(&p.done);
	kthread_stop(k);
	return p.ret;
}

static int gt_mm_populate(struct ktest *test, struct mm_struct *mm, unsigned long start,
			  unsigned long len, int ignore_errors)
{
	unsigned long stacks = kernel_stack_kb();
	int ret = gt_populate_run(mm, start, len, ignore_errors);

	KTEST_EXPECT_TRUE(test, wait_for_stacks_freed(stacks));
	return ret;
}

static void mm_populate_fills_each_vma_and_stops_at_prot_none(struct ktest *test)
{
	struct file *file = gt_file(test, 2 * PAGE_SIZE, NULL, 0);
	struct mm_struct *mm = gt_mm(test);

	gt_map(test, mm, P(0), 2, ANON_RW, NULL, 0);
	gt_map(test, mm, P(3), 1, VM_MAYREAD | VM_MAYWRITE, NULL, 0);	/* PROT_NONE */
	gt_map(test, mm, P(4), 2, SHARED_RW, file, 0);
	/* the hole at P(2) is skipped; PROT_NONE ends it with -EFAULT */
	KTEST_EXPECT_EQ(test, gt_mm_populate(test, mm, P(0), 6 * PAGE_SIZE, 0), -EFAULT);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 2UL);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_SHMEMPAGES), 0UL);
	/* MAP_POPULATE's way goes on past it */
	KTEST_EXPECT_EQ(test, gt_mm_populate(test, mm, P(0), 6 * PAGE_SIZE, 1), 0);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_SHMEMPAGES), 2UL);
	KTEST_EXPECT_EQ(test, file->f_mapping->nrpages, 2UL);
	KTEST_EXPECT_NULL(test, gt_mapped_page(mm, P(3)));
	mmput(mm);
	fput(file);
}

static void madv_populate_write_of_a_read_only_vma_is_einval(struct ktest *test)
{
	struct mm_struct *mm = gt_mm(test);
	struct vm_area_struct *vma;

	vma = gt_map(test, mm, P(0), 2, VM_READ | VM_MAYREAD | VM_MAYWRITE, NULL, 0);
	mmap_read_lock(mm);
	KTEST_EXPECT_EQ(test, faultin_vma_page_range(vma, P(0), P(2), true), -EINVAL);
	KTEST_EXPECT_EQ(test, faultin_vma_page_range(vma, P(0), P(2), false), 2L);
	mmap_read_unlock(mm);
	mmput(mm);
}

/* ---- out of memory ------------------------------------------------------- */

static void gup_out_of_memory_is_enomem_and_leaks_nothing(struct ktest *test)
{
	struct fail_page_alloc_attr saved = fail_page_alloc;
	bool was_enabled = fail_page_alloc_enabled;
	struct mm_struct *mm = gt_mm(test);
	struct page *pages[8];
	long ret;

	gt_map(test, mm, P(0), 8, ANON_RW, NULL, 0);
	KTEST_ASSERT_TRUE(test, gt_fault_ok(mm, P(0), FAULT_FLAG_WRITE));	/* tables exist */
	fail_pages_always(0, 0);
	mmap_read_lock(mm);
	ret = get_user_pages_remote(mm, P(1), 7, FOLL_WRITE, pages, NULL, NULL);
	mmap_read_unlock(mm);
	fail_page_alloc = saved;
	fail_page_alloc_enabled = was_enabled;
	KTEST_EXPECT_EQ(test, ret, -ENOMEM);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 1UL);
	mmput(mm);
}

/*
 * GUP of anonymous and tmpfs pages with the page allocator failing after
 * @i pages and, for odd @i, every slab allocation failing after @i
 * objects' worth: whatever it got is counted and released, and the
 * suite's ->exit finds nothing left behind.
 */
static void gup_with_failing_allocations_leaks_nothing(struct ktest *test)
{
	struct fail_page_alloc_attr saved_pages = fail_page_alloc;
	struct failslab_attr saved_slab = failslab;
	struct file *file = gt_file(test, 4 * PAGE_SIZE, NULL, 0);
	struct page *pages[8];
	unsigned int i, failed = 0;

	for (i = 0; i < 12; i++) {
		struct mm_struct *mm = gt_mm(test);
		long ret;

		gt_map(test, mm, P(0), 4, ANON_RW, NULL, 0);
		gt_map(test, mm, P(4), 4, SHARED_RW, file, 0);
		fail_pages_always((long)i * PAGE_SIZE, 0);
		if (i & 1)
			fail_slab_always((long)i * 64);
		mmap_read_lock(mm);
		ret = pin_user_pages_remote(mm, P(0), 8, FOLL_WRITE, pages, NULL, NULL);
		mmap_read_unlock(mm);
		fail_page_alloc_enabled = false;
		failslab_enabled = false;
		fail_page_alloc = saved_pages;
		failslab = saved_slab;
		KTEST_EXPECT_TRUE(test, ret == -ENOMEM || (ret > 0 && ret <= 8));
		failed += ret != 8;
		if (ret > 0)
			unpin_user_pages(pages, ret);
		mmput(mm);
	}
	KTEST_EXPECT_GT(test, failed, 0u);
	fput(file);
}

/* ---- tmpfs file mappings -------------------------------------------------- */

static void file_mapping_reads_the_page_cache(struct ktest *test)
{
	static const char text[] = "page cache through a mapping";
	struct file *file = gt_file(test, 3 * PAGE_SIZE, text, sizeof(text));
	struct mm_struct *mm = gt_mm(test);
	struct folio *cached;
	struct page *page;

	gt_map(test, mm, P(0), 3, VM_READ | VM_MAYREAD | VM_SHARED | VM_MAYSHARE, file, 0);
	page = gt_get_page(mm, P(0), 0);
	KTEST_ASSERT_FALSE(test, IS_ERR(page));
	KTEST_EXPECT_MEMEQ(test, page_bytes(page), text, sizeof(text));
	cached = filemap_get_folio(file->f_mapping, 0);
	KTEST_EXPECT_PTR_EQ(test, &cached->page, page);	/* the cache's own page */
	folio_put(cached);
	KTEST_EXPECT_FALSE(test, PageAnon(page));
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_SHMEMPAGES), 1UL);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_FILEPAGES), 0UL);
	put_page(page);
	/* a hole of the file is allocated by the fault, zeroed */
	page = gt_get_page(mm, P(2), 0);
	KTEST_ASSERT_FALSE(test, IS_ERR(page));
	KTEST_EXPECT_EQ(test, page_bytes(page)[0] | page_bytes(page)[PAGE_SIZE - 1], 0);
	KTEST_EXPECT_EQ(test, file->f_mapping->nrpages, 2UL);
	put_page(page);
	mmput(mm);
	fput(file);
}

static void fault_around_maps_the_cached_neighbours(struct ktest *test)
{
	struct file *file = gt_file(test, 8 * PAGE_SIZE, NULL, 0);
	struct mm_struct *mm = gt_mm(test);
	loff_t pos = 0;
	char *buf;
	int i;

	buf = kzalloc(6 * PAGE_SIZE, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < 6; i++)
		buf[i * PAGE_SIZE] = 'a' + i;
	KTEST_EXPECT_EQ(test, kernel_write(file, buf, 6 * PAGE_SIZE, &pos), 6 * (ssize_t)PAGE_SIZE);
	kfree(buf);
	gt_map(test, mm, P(0), 8, VM_READ | VM_MAYREAD, file, 0);
	/* all done by fault-around, ->fault() not called */
	KTEST_EXPECT_EQ(test, gt_fault(mm, P(2), 0), (vm_fault_t)VM_FAULT_NOPAGE);
	for (i = 0; i < 6; i++) {
		struct page *page = gt_mapped_page(mm, P(i));

		KTEST_EXPECT_NOT_NULL(test, page);
		if (page)
			KTEST_EXPECT_EQ(test, page_bytes(page)[0], 'a' + i);
	}
	KTEST_EXPECT_NULL(test, gt_mapped_page(mm, P(6)));	/* holes stay unmapped */
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_SHMEMPAGES), 6UL);
	KTEST_EXPECT_EQ(test, file->f_mapping->nrpages, 6UL);
	mmput(mm);
	fput(file);
}

static void fault_beyond_the_end_of_the_file_is_sigbus(struct ktest *test)
{
	struct file *file = gt_file(test, PAGE_SIZE + 1, NULL, 0);
	struct mm_struct *mm = gt_mm(test);

	gt_map(test, mm, P(0), 4, VM_READ | VM_MAYREAD, file, 0);
	KTEST_EXPECT_TRUE(test, gt_fault_ok(mm, P(1), 0));	/* the page holding the end */
	KTEST_EXPECT_EQ(test, gt_fault(mm, P(2), 0), (vm_fault_t)VM_FAULT_SIGBUS);
	KTEST_EXPECT_PTR_EQ(test, gt_get_page(mm, P(3), 0), ERR_PTR(-EFAULT));
	KTEST_EXPECT_EQ(test, file->f_mapping->nrpages, 1UL);
	mmput(mm);
	fput(file);
}

static void shmem_fault_past_the_size_limit_is_sigbus(struct ktest *test)
{
	struct mm_struct *mm;
	struct file *file;

	KTEST_ASSERT_EQ(test, init_mkdir("/gup", 0755), 0);
	if (init_mount("tmpfs", "/gup", "tmpfs", 0, "size=4k")) {
		init_rmdir("/gup");
		KTEST_FAIL(test, "mount failed");
		return;
	}
	file = filp_open("/gup/f", O_CREAT | O_RDWR, 0644);
	if (IS_ERR(file))
		goto umount;
	mm = gt_mm(test);
	KTEST_EXPECT_EQ(test, vfs_truncate(&file->f_path, 4 * PAGE_SIZE), 0);
	gt_map(test, mm, P(0), 4, SHARED_RW, file, 0);
	KTEST_EXPECT_TRUE(test, gt_fault_ok(mm, P(0), FAULT_FLAG_WRITE));
	KTEST_EXPECT_EQ(test, gt_fault(mm, P(1), FAULT_FLAG_WRITE), (vm_fault_t)VM_FAULT_SIGBUS);
	mmput(mm);
	filp_close(file, NULL);
umount:
	KTEST_EXPECT_FALSE(test, IS_ERR(file));
	KTEST_EXPECT_EQ(test, init_umount("/gup", 0), 0);
	KTEST_EXPECT_EQ(test, init_rmdir("/gup"), 0);
}

static void shared_write_dirties_the_folio_and_read_sees_it(struct ktest *test)
{
	struct file *file = gt_file(test, 2 * PAGE_SIZE, NULL, 0);
	struct mm_struct *mm = gt_mm(test);
	struct page *page;
	char buf[8] = "";
	loff_t pos = PAGE_SIZE;

	gt_map(test, mm, P(0), 2, SHARED_RW, file, 0);
	KTEST_EXPECT_TRUE(test, gt_fault_ok(mm, P(0), 0));		/* read: clean */
	page = gt_mapped_page(mm, P(0));
	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_FALSE(test, PageDirty(page));
	KTEST_EXPECT_TRUE(test, gt_fault_ok(mm, P(1), FAULT_FLAG_WRITE));	/* write: dirty */
	page = gt_mapped_page(mm, P(1));
	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_TRUE(test, PageDirty(page));
	page = gt_get_page(mm, P(1), FOLL_WRITE);
	KTEST_ASSERT_FALSE(test, IS_ERR(page));
	memcpy(page_bytes(page), "shared", 7);
	put_page(page);
	KTEST_EXPECT_EQ(test, kernel_read(file, buf, 7, &pos), 7L);
	KTEST_EXPECT_STREQ(test, buf, "shared");
	mmput(mm);
	fput(file);
}

static void private_write_cows_without_changing_the_file(struct ktest *test)
{
	static const char text[] = "original";
	struct file *file = gt_file(test, PAGE_SIZE, text, sizeof(text));
	struct mm_struct *mm = gt_mm(test);
	struct page *page, *cached;
	char buf[sizeof(text)] = "";
	loff_t pos = 0;

	gt_map(test, mm, P(0), 1, ANON_RW, file, 0);
	cached = gt_get_page(mm, P(0), 0);
	KTEST_ASSERT_FALSE(test, IS_ERR(cached));
	KTEST_EXPECT_FALSE(test, PageAnon(cached));
	page = gt_get_page(mm, P(0), FOLL_WRITE);	/* breaks COW */
	KTEST_ASSERT_FALSE(test, IS_ERR(page));
	KTEST_EXPECT_PTR_NE(test, page, cached);
	KTEST_EXPECT_TRUE(test, PageAnon(page));
	KTEST_EXPECT_MEMEQ(test, page_bytes(page), text, sizeof(text));
	memcpy(page_bytes(page), "changed", 8);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 1UL);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_SHMEMPAGES), 0UL);
	put_page(page);
	put_page(cached);
	KTEST_EXPECT_EQ(test, kernel_read(file, buf, sizeof(text), &pos), (ssize_t)sizeof(text));
	KTEST_EXPECT_STREQ(test, buf, text);
	mmput(mm);
	fput(file);
}

static void shmem_zero_setup_pages_are_shared_between_two_mms(struct ktest *test)
{
	struct mm_struct *a = gt_mm(test), *b = gt_mm(test);
	struct vm_area_struct *va, *vb;
	struct page *pa, *pb;
	struct file *file;

	va = gt_map(test, a, P(0), 4, SHARED_RW, NULL, 0);
	va->vm_pgoff = 0;
	KTEST_ASSERT_EQ(test, shmem_zero_setup(va), 0);
	file = va->vm_file;	/* the VMA's reference: it goes with the VMA */
	KTEST_EXPECT_EQ(test, i_size_read(file_inode(file)), (loff_t)(4 * PAGE_SIZE));
	vb = gt_map(test, b, P(8), 4, SHARED_RW, file, 0);	/* as fork's copy would */
	pa = gt_get_page(a, P(2), FOLL_WRITE);
	KTEST_ASSERT_FALSE(test, IS_ERR(pa));
	memcpy(page_bytes(pa), "zero", 5);
	pb = gt_get_page(b, P(10), 0);
	KTEST_ASSERT_FALSE(test, IS_ERR(pb));
	KTEST_EXPECT_PTR_EQ(test, pa, pb);
	KTEST_EXPECT_STREQ(test, (char *)page_bytes(pb), "zero");
	KTEST_EXPECT_EQ(test, get_mm_counter(a, MM_SHMEMPAGES), 1UL);
	KTEST_EXPECT_EQ(test, get_mm_counter(b, MM_SHMEMPAGES), 1UL);
	KTEST_EXPECT_EQ(test, get_mm_counter(a, MM_ANONPAGES), 0UL);
	KTEST_EXPECT_PTR_EQ(test, vb->vm_ops, va->vm_ops);
	put_page(pa);
	put_page(pb);
	mmput(b);
	mmput(a);
}

/*
 * A backing store for filemap_fault(): each page reads as its index in
 * its first byte and 'r' in the rest. Counted, to see which faults read.
 */
static unsigned int gt_reads;

static int gt_read_folio(struct file *file, struct folio *folio)
{
	u8 *data = folio_address(folio);

	memset(data, 'r', PAGE_SIZE);
	data[0] = folio->index;
	gt_reads++;
	folio_mark_uptodate(folio);
	folio_unlock(folio);
	return 0;
}

static const struct address_space_operations gt_read_aops = {
	.read_folio = gt_read_folio,
};

static void filemap_fault_reads_a_missing_folio_as_a_major_fault(struct ktest *test)
{
	struct file *file = gt_file(test, 4 * PAGE_SIZE, NULL, 0);
	const struct address_space_operations *aops = file->f_mapping->a_ops;
	struct mm_struct *a = gt_mm(test), *b = gt_mm(test);
	unsigned long majflt = sum_vm_event(PGMAJFAULT);
	struct timespec64 mtime;
	struct page *page;
	vm_fault_t ret;

	KTEST_EXPECT_EQ(test, generic_file_mmap(file, &(struct vm_area_struct){}), -ENOEXEC);
	file->f_mapping->a_ops = &gt_read_aops;	/* the file system of this case */
	gt_reads = 0;
	gt_map_with(test, a, P(0), 4, VM_READ | VM_MAYREAD, file, 0, generic_file_mmap);
	gt_map_with(test, b, P(0), 4, SHARED_RW, file, 0, generic_file_mmap);
	ret = gt_fault(a, P(1), 0);
	KTEST_EXPECT_TRUE(test, ret & VM_FAULT_MAJOR);	/* read from the store */
	KTEST_EXPECT_FALSE(test, ret & VM_FAULT_ERROR);
	KTEST_EXPECT_EQ(test, sum_vm_event(PGMAJFAULT), majflt + 1);
	page = gt_mapped_page(a, P(1));
	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_EQ(test, page_bytes(page)[0], 1);
	KTEST_EXPECT_EQ(test, page_bytes(page)[1], 'r');
	KTEST_EXPECT_EQ(test, get_mm_counter(a, MM_FILEPAGES), 1UL);	/* not tmpfs's */
	/* the second mm finds it cached: a minor fault, no read */
	ret = gt_fault(b, P(1), 0);
	KTEST_EXPECT_FALSE(test, ret & (VM_FAULT_MAJOR | VM_FAULT_ERROR));
	KTEST_EXPECT_PTR_EQ(test, gt_mapped_page(b, P(1)), page);
	KTEST_EXPECT_EQ(test, gt_reads, 1u);
	/* a shared write goes through ->page_mkwrite: dirty, and the file's mtime moves */
	mtime = file_inode(file)->i_mtime;
	KTEST_EXPECT_FALSE(test, PageDirty(page));
	KTEST_EXPECT_TRUE(test, gt_fault_ok(b, P(1), FAULT_FLAG_WRITE));
	KTEST_EXPECT_TRUE(test, PageDirty(page));
	KTEST_EXPECT_TRUE(test, file_inode(file)->i_mtime.tv_sec > mtime.tv_sec ||
			  (file_inode(file)->i_mtime.tv_sec == mtime.tv_sec &&
			   file_inode(file)->i_mtime.tv_nsec > mtime.tv_nsec));
	mmput(b);
	mmput(a);
	file->f_mapping->a_ops = aops;
	fput(file);
}

/*
 * The first mappings of a boot take slab pages that stay (anon_vmas,
 * XArray nodes, tmpfs inodes and files, what a write allocates, a
 * mount, a task entering an mm): make them once, before the cases count pages, so that a count measures only
 * its case.
 */
static void gup_warm_up(void)
{
	struct mm_struct *mm = mm_alloc();
	struct file *file = shmem_file_setup("gup-warm", 2 * PAGE_SIZE, 0);
	struct vm_area_struct *anon = vm_area_alloc(mm), *shm = vm_area_alloc(mm);
	struct page *pages[3];
	loff_t pos = 0;

	if (!mm || IS_ERR(file) || !anon || !shm || kernel_write(file, "w", 1, &pos) != 1)
		goto out;
	anon->vm_start = P(0);
	anon->vm_end = shm->vm_start = P(1);
	shm->vm_end = P(3);
	anon->vm_flags = ANON_RW;
	shm->vm_flags = SHARED_RW;
	anon->vm_page_prot = gt_prot(ANON_RW);
	shm->vm_page_prot = gt_prot(SHARED_RW);
	anon->vm_pgoff = P(0) >> PAGE_SHIFT;
	shm->vm_file = get_file(file);
	file->f_op->mmap(file, shm);
	mmap_write_lock(mm);
	if (insert_vm_struct(mm, anon))
		vm_area_free(anon);
	if (insert_vm_struct(mm, shm)) {
		fput(file);
		vm_area_free(shm);
	}
	anon = shm = NULL;
	mmap_write_downgrade(mm);
	/* zero page, fault-around, a hole; then COW and shared writes */
	if (get_user_pages_remote(mm, P(0), 3, 0, pages, NULL, NULL) == 3)
		release_pages(pages, 3);
	mmap_read_unlock(mm);
	gt_populate_run(mm, P(0), PAGE_SIZE, 1);	/* a task entering an mm */
	mmap_read_lock(mm);
	if (get_user_pages_remote(mm, P(0), 3, FOLL_WRITE, pages, NULL, NULL) == 3)
		release_pages(pages, 3);
	mmap_read_unlock(mm);
out:
	if (anon)
		vm_area_free(anon);
	if (shm)
		vm_area_free(shm);
	if (!IS_ERR(file))
		fput(file);
	if (mm)
		mmput(mm);
}

static int gup_suite_init(struct ktest_suite *suite)
{
	unsigned long stacks = kernel_stack_kb();
	struct fault_injection_state saved;

	fault_injection_pause(&saved);
	gup_warm_up();
	wait_for_stacks_freed(stacks);		/* the warm-up's task */
	if (!init_mkdir("/gup", 0755)) {	/* and a mount of tmpfs, as one case makes */
		if (!init_mount("tmpfs", "/gup", "tmpfs", 0, "size=4k")) {
			struct file *file = filp_open("/gup/f", O_CREAT | O_RDWR, 0644);

			if (!IS_ERR(file))
				filp_close(file, NULL);
			init_umount("/gup", 0);
		}
		init_rmdir("/gup");
	}
	fault_injection_resume(&saved);
	return 0;
}

/* ---- get_user_pages_fast(), pin_user_pages_fast() ------------------------- */

/* One call of the fast GUP in a kthread that entered @mm (it works on current->mm). */
struct gt_fast {
	struct mm_struct *mm;
	unsigned long start;
	int nr_pages, ret;
	unsigned int flags;	/* FOLL_PIN: pin_user_pages_fast() */
	struct page **pages;
	struct completion done;
};

static int gt_fast_fn(void *arg)
{
	struct gt_fast *f = arg;

	f->ret = begin_user_task(f->mm);
	if (!f->ret) {
		if (f->flags & FOLL_PIN)
			f->ret = pin_user_pages_fast(f->start, f->nr_pages, f->flags & ~FOLL_PIN,
						     f->pages);
		else
			f->ret = get_user_pages_fast(f->start, f->nr_pages, f->flags, f->pages);
		exit_user_task();
		mmput(f->mm);
	}
	complete(&f->done);
	return 0;
}

static int gt_fast(struct ktest *test, struct mm_struct *mm, unsigned long start, int nr_pages,
		   unsigned int flags, struct page **pages)
{
	struct gt_fast f = { .mm = mm, .start = start, .nr_pages = nr_pages, .flags = flags,
			     .pages = pages };
	unsigned long stacks = kernel_stack_kb();
	struct task_struct *k;

	init_completion(&f.done);
	k = kthread_create(gt_fast_fn, &f, "gup-fast");
	KTEST_ASSERT_NOT_NULL(test, k);
	kthread_bind(k, raw_smp_processor_id());
	wake_up_process(k);
	wait_for_completion(&f.done);
	kthread_stop(k);
	KTEST_EXPECT_TRUE(test, wait_for_stacks_freed(stacks));
	return f.ret;
}

static void gup_fast_takes_present_pages_and_stops_at_a_hole(struct ktest *test)
{
	struct mm_struct *mm = gt_mm(test);
	struct page *pages[3] = { NULL }, *mapped[2];
	int refs[2], i, n;

	gt_map(test, mm, P(0), 3, ANON_RW, NULL, 0);
	for (i = 0; i < 2; i++) {
		KTEST_ASSERT_TRUE(test, gt_fault_ok(mm, P(i), FAULT_FLAG_WRITE));
		mapped[i] = gt_mapped_page(mm, P(i));
		refs[i] = page_ref_count(mapped[i]);
	}
	/* the lockless walk alone: two present pages, then the hole, not faulted in */
	n = gt_fast(test, mm, P(0), 3, FOLL_WRITE | FOLL_FAST_ONLY, pages);
	KTEST_EXPECT_EQ(test, n, 2);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 2UL);
	for (i = 0; i < n; i++) {
		KTEST_EXPECT_PTR_EQ(test, pages[i], mapped[i]);
		KTEST_EXPECT_EQ(test, page_ref_count(mapped[i]), refs[i] + 1);
		put_page(pages[i]);
	}
	/* without FOLL_FAST_ONLY the slow path faults the hole in */
	n = gt_fast(test, mm, P(0), 3, FOLL_WRITE, pages);
	KTEST_EXPECT_EQ(test, n, 3);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 3UL);
	for (i = 0; i < n; i++) {
		KTEST_EXPECT_PTR_EQ(test, pages[i], gt_mapped_page(mm, P(i)));
		put_page(pages[i]);
	}
	mmput(mm);
}

static void pin_user_pages_fast_write_of_the_zero_page_goes_the_slow_way(struct ktest *test)
{
	struct mm_struct *mm = gt_mm(test);
	struct page *page = NULL;
	int refs;

	gt_map(test, mm, P(0), 1, ANON_RW, NULL, 0);
	KTEST_ASSERT_TRUE(test, gt_fault_ok(mm, P(0), 0));	/* the zero page, special */
	KTEST_EXPECT_EQ(test, gt_fast(test, mm, P(0), 1, FOLL_PIN | FOLL_WRITE | FOLL_FAST_ONLY,
				      &page), 0);
	KTEST_EXPECT_EQ(test, gt_fast(test, mm, P(0), 1, FOLL_PIN | FOLL_WRITE, &page), 1);
	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_PTR_EQ(test, page, gt_mapped_page(mm, P(0)));
	KTEST_EXPECT_TRUE(test, PageAnon(page) && PageAnonExclusive(page));
	KTEST_EXPECT_TRUE(test, folio_maybe_dma_pinned(page_folio(page)));
	refs = page_ref_count(page);
	/* a second pin takes the fast walk: the pte is writable now */
	if (gt_fast(test, mm, P(0), 1, FOLL_PIN | FOLL_WRITE | FOLL_FAST_ONLY, &page) == 1) {
		KTEST_EXPECT_EQ(test, page_ref_count(page), refs + (int)GUP_PIN_COUNTING_BIAS);
		unpin_user_page(page);
	} else {
		KTEST_FAIL(test, "the second pin did not take the fast walk");
	}
	unpin_user_page(page);
	KTEST_EXPECT_FALSE(test, folio_maybe_dma_pinned(page_folio(page)));
	mmput(mm);
}

static void gup_fast_outside_user_space_or_without_an_mm_is_efault(struct ktest *test)
{
	struct mm_struct *mm = gt_mm(test);
	struct page *pages[2];

	KTEST_EXPECT_EQ(test, gt_fast(test, mm, TASK_SIZE_MAX - PAGE_SIZE, 2, 0, pages), -EFAULT);
	KTEST_EXPECT_EQ(test, gt_fast(test, mm, P(0), 0, 0, pages), 0);
	KTEST_EXPECT_EQ(test, gt_fast(test, mm, P(0), 1, 0, pages), -EFAULT);	/* a hole */
	KTEST_ASSERT_NULL(test, current->mm);
	KTEST_EXPECT_EQ(test, get_user_pages_fast(P(0), 1, 0, pages), -EFAULT);
	mmput(mm);
}

static struct ktest_case gup_cases[] = {
	KTEST_CASE(gup_of_a_hole_is_efault_and_a_partial_range_counts),
	KTEST_CASE(gup_write_of_a_read_only_vma_is_efault_unless_forced),
	KTEST_CASE(gup_of_prot_none_and_pfnmap_vmas_is_efault),
	KTEST_CASE(foll_dump_reports_holes_and_the_zero_page),
	KTEST_CASE(pins_count_in_bias_units_and_unpin_restores),
	KTEST_CASE(pin_of_a_large_folio_counts_in_pincount),
	KTEST_CASE(bad_flag_combinations_are_einval),
	KTEST_CASE(foll_write_breaks_cow_of_a_shared_anonymous_page),
	KTEST_CASE(read_pin_of_a_shared_anonymous_page_unshares_it_first),
	KTEST_CASE(pin_before_fork_keeps_the_parent_and_the_pin_in_agreement),
	KTEST_CASE(populate_faults_in_a_range_breaking_cow_in_private_writable_vmas),
	KTEST_CASE(mm_populate_fills_each_vma_and_stops_at_prot_none),
	KTEST_CASE(madv_populate_write_of_a_read_only_vma_is_einval),
	KTEST_CASE(gup_out_of_memory_is_enomem_and_leaks_nothing),
	KTEST_CASE(gup_with_failing_allocations_leaks_nothing),
	KTEST_CASE(file_mapping_reads_the_page_cache),
	KTEST_CASE(fault_around_maps_the_cached_neighbours),
	KTEST_CASE(fault_beyond_the_end_of_the_file_is_sigbus),
	KTEST_CASE(shmem_fault_past_the_size_limit_is_sigbus),
	KTEST_CASE(shared_write_dirties_the_folio_and_read_sees_it),
	KTEST_CASE(private_write_cows_without_changing_the_file),
	KTEST_CASE(shmem_zero_setup_pages_are_shared_between_two_mms),
	KTEST_CASE(filemap_fault_reads_a_missing_folio_as_a_major_fault),
	KTEST_CASE(gup_fast_takes_present_pages_and_stops_at_a_hole),
	KTEST_CASE(pin_user_pages_fast_write_of_the_zero_page_goes_the_slow_way),
	KTEST_CASE(gup_fast_outside_user_space_or_without_an_mm_is_efault),
	{}
};

static struct ktest_suite gup_suite = {
	.name = "gup",
	.suite_init = gup_suite_init,
	.init = gup_test_init,
	.exit = gup_test_exit,
	.test_cases = gup_cases,
};
ktest_register_suite(gup_suite);
