// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the fault handler and the teardown of user address spaces
 * (mm/memory.c, mm/mmu_gather.c, arch/x86_64/fault.c's user path,
 * expand_stack() and unmap_region() in mm/mmap.c, mm_cpumask shootdowns).
 *
 * Each case builds an mm with mm_alloc() and VMAs (insert_vm_struct()),
 * protections as Linux's protection_map gives them (a private writable
 * mapping has no RW in vm_page_prot: the fault adds it). Faults are taken
 * two ways: handle_mm_fault() called directly under mmap_lock (fault_at()),
 * or by a kthread that becomes a user task in the mm and runs a stub of
 * machine code in ring 3 (run_user(), as tests/kernel/entry_test.c does),
 * whose exit code is its fate: 0 when it finished, the signal number when
 * a fault killed it. Every case ends with mmput() and checks that the
 * free pages (and, where it matters, NR_PAGETABLE) are back where they
 * started: exit_mmap() must return every page and page table.
 *
 * The user layout:
 *
 *   CODE   0x400000  1 page    r-x  private: the stubs, copied in
 *   NONE   0x500000  1 page    ---  PROT_NONE
 *   DATA   0x600000  16 pages  rw-  private anonymous, demand-zero
 *   FLAG   0x700000  1 page    rw-  a word the test sets to end a loop
 *   STACK  0xff0000 - 0x1000000 rw- VM_GROWSDOWN, 8 MiB above FLAG: room
 *                                   to grow before the guard gap
 *
 * Fault injection is paused (the suite counts pages); the out-of-memory
 * cases inject their own failures.
 */
#include <linux/ktest.h>
#include <linux/kthread.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/rmap.h>
#include <linux/pagemap.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/errno.h>
#include <linux/vmstat.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/signal.h>
#include <asm/tlb.h>
#include <asm/tlbflush.h>
#include <asm/uaccess.h>
#include <asm/unistd_64.h>
#include "mm_test.h"
#include "../../mm/internal.h"

#define CODE		0x400000UL
#define NONE		0x500000UL
#define DATA		0x600000UL
#define DATA_PAGES	16
#define FLAG		0x700000UL
#define STACK		0xff0000UL
#define STACK_TOP	0x1000000UL
#define UNMAPPED	0x10000000UL

#define VM_RW		(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define VM_RX		(VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)

#define __S(x)	#x
#define S(x)	__S(x)

/* The ring-3 stubs: rdi and rsi are their arguments; each ends in exit_group(0). */
__asm__(
	".pushsection .rodata, \"a\"\n"
	".balign 16\n"
	"mem_stubs:\n"
	"mem_exit0:\n\t"
	"xor %edi, %edi\n\tmov $" S(__NR_exit_group) ", %eax\n\tsyscall\n\tud2\n"
	/* Write 0x5a to the first byte of rsi pages from rdi. */
	"mem_touch:\n\t"
	"1:\tmovb $0x5a, (%rdi)\n\tadd $4096, %rdi\n\tdec %rsi\n\tjnz 1b\n\tjmp mem_exit0\n"
	"mem_read:\n\tmov (%rdi), %rax\n\tjmp mem_exit0\n"
	"mem_write:\n\tmovb $1, (%rdi)\n\tjmp mem_exit0\n"
	/* Read (rdi) until the word at rsi is set. */
	"mem_spin_read:\n\t"
	"1:\tmov (%rdi), %rax\n\tcmpq $0, (%rsi)\n\tje 1b\n\tjmp mem_exit0\n"
	/* Write the byte rdi below the stack pointer. */
	"mem_below_sp:\n\tmov %rsp, %rax\n\tsub %rdi, %rax\n\tmovb $1, (%rax)\n\tjmp mem_exit0\n"
	"mem_jump:\n\tjmp *%rdi\n"
	"mem_stubs_end:\n"
	".popsection\n");

extern const char mem_stubs[], mem_stubs_end[], mem_touch[], mem_read[], mem_write[],
	mem_spin_read[], mem_below_sp[], mem_jump[];

static unsigned long stub_ip(const char *stub)
{
	return CODE + (stub - mem_stubs);
}

/* Linux's protection_map for @vm_flags: private mappings never get RW here. */
static pgprot_t test_prot(unsigned long vm_flags)
{
	pteval_t v = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED;

	if (!(vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return PAGE_NONE;
	if ((vm_flags & VM_SHARED) && (vm_flags & VM_WRITE))
		v |= _PAGE_RW;
	if (!(vm_flags & VM_EXEC))
		v |= _PAGE_NX;
	return __pgprot(v);
}

static struct vm_area_struct *add_vma(struct mm_struct *mm, unsigned long start,
				      unsigned long end, unsigned long flags,
				      const struct vm_operations_struct *ops)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);

	if (!vma)
		return NULL;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	/* A shared mapping with ->page_mkwrite is write-notified: no RW either. */
	vma->vm_page_prot = test_prot(ops && ops->page_mkwrite ? flags & ~VM_SHARED : flags);
	vma->vm_ops = ops;
	mmap_write_lock(mm);
	if (insert_vm_struct(mm, vma)) {
		mmap_write_unlock(mm);
		vm_area_free(vma);
		return NULL;
	}
	vm_stat_account(mm, flags, vma_pages(vma));
	mmap_write_unlock(mm);
	return vma;
}

/* handle_mm_fault() at @addr as a fault of @flags would call it (its VM_FAULT_* as an int). */
static int fault_at(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	struct vm_area_struct *vma;
	vm_fault_t ret = VM_FAULT_SIGSEGV;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (vma)
		ret = handle_mm_fault(vma, addr, flags, NULL);
	mmap_read_unlock(mm);
	return (int)ret;
}

static long rss(struct mm_struct *mm, int member)
{
	return atomic_long_read(&mm->rss_stat[member]);
}

/* The pte of @addr in @mm, or NULL where a table is missing. */
static pte_t *test_ptep(struct mm_struct *mm, unsigned long addr)
{
	enum pg_level level;
	pte_t *pte = lookup_address_in_pgd(mm->pgd, addr, &level);

	return level == PG_LEVEL_4K ? pte : NULL;
}

static pte_t pte_at(struct mm_struct *mm, unsigned long addr)
{
	pte_t *ptep = test_ptep(mm, addr);

	return ptep ? ptep_get(ptep) : __pte(0);
}

static struct page *page_at(struct mm_struct *mm, unsigned long addr)
{
	pte_t pte = pte_at(mm, addr);

	return pte_present(pte) ? pfn_to_page(pte_pfn(pte)) : NULL;
}

/* The bytes at @addr of @mm, through the direct map (the pte must be present). */
static u8 *user_bytes(struct mm_struct *mm, unsigned long addr)
{
	return (u8 *)page_address(page_at(mm, addr)) + (addr & ~PAGE_MASK);
}

static unsigned long present_ptes(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned long n = 0;

	for (; start < end; start += PAGE_SIZE)
		n += pte_present(pte_at(mm, start));
	return n;
}

/*
 * The free pages with the slab caches an mm needs warmed up (one mm with
 * a VMA made and freed), so that a case's own mm takes no new slab page.
 */
static unsigned long baseline_pages(void)
{
	struct mm_struct *mm = mm_alloc();

	if (mm) {
		if (add_vma(mm, DATA, DATA + PAGE_SIZE, VM_RW, NULL))
			fault_at(mm, DATA, FAULT_FLAG_WRITE);
		mmput(mm);
	}
	return free_pages_shrunk();
}

static struct mm_struct *new_mm(struct ktest *test)
{
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(test, mm);
	return mm;
}

/* An mm with the DATA VMA alone. */
static struct mm_struct *data_mm(struct ktest *test)
{
	struct mm_struct *mm = new_mm(test);

	if (!add_vma(mm, DATA, DATA + DATA_PAGES * PAGE_SIZE, VM_RW, NULL)) {
		mmput(mm);
		KTEST_ASSERT_TRUE(test, false);
	}
	return mm;
}

/* An mm with the whole layout above, the stubs in CODE. */
static struct mm_struct *user_mm(struct ktest *test)
{
	struct mm_struct *mm = new_mm(test);

	if (!add_vma(mm, CODE, CODE + PAGE_SIZE, VM_RX, NULL) ||
	    !add_vma(mm, NONE, NONE + PAGE_SIZE, VM_MAYREAD | VM_MAYWRITE, NULL) ||
	    !add_vma(mm, DATA, DATA + DATA_PAGES * PAGE_SIZE, VM_RW, NULL) ||
	    !add_vma(mm, FLAG, FLAG + PAGE_SIZE, VM_RW, NULL) ||
	    !add_vma(mm, STACK, STACK_TOP, VM_RW | VM_GROWSDOWN, NULL) ||
	    fault_at(mm, CODE, FAULT_FLAG_WRITE) || fault_at(mm, FLAG, FAULT_FLAG_WRITE)) {
		mmput(mm);
		KTEST_ASSERT_TRUE(test, false);
	}
	/* The private code page was broken out for writing; the pte stays read-only. */
	memcpy(user_bytes(mm, CODE), mem_stubs, mem_stubs_end - mem_stubs);
	return mm;
}

struct user_start {
	struct mm_struct *mm;
	unsigned long ip, di, si;
};

static int user_thread(void *arg)
{
	struct user_start *st = arg;
	struct pt_regs *regs = task_pt_regs(current);
	int err = begin_user_task(st->mm);

	if (err)
		return err;
	start_thread(regs, st->ip, STACK_TOP);
	regs->di = st->di;
	regs->si = st->si;
	return 0;
}

static struct task_struct *start_user(struct ktest *test, struct user_start *st, int cpu)
{
	struct task_struct *k = kthread_create(user_thread, st, "mem-user");

	KTEST_ASSERT_NOT_NULL(test, k);
	if (cpu >= 0)
		kthread_bind(k, cpu);
	wake_up_process(k);
	return k;
}

static int wait_user(struct task_struct *k)
{
	wait_for_completion(&k->exited);
	return kthread_stop(k);
}

/* Run @stub(@di, @si) in @mm; its exit code (a signal number if a fault ended it). */
static int run_user(struct ktest *test, struct mm_struct *mm, const char *stub,
		    unsigned long di, unsigned long si, int *pid)
{
	struct user_start st = { mm, stub_ip(stub), di, si };
	struct task_struct *k = start_user(test, &st, -1);

	if (pid)
		*pid = k->pid;
	return wait_user(k);
}

/*
 * baseline_pages() with a user task run and gone first (its stack, FPU
 * area and per-CPU caches warmed up), for the cases that run user tasks.
 */
static unsigned long baseline_user_pages(struct ktest *test)
{
	unsigned long kb = kernel_stack_kb();
	struct mm_struct *mm = user_mm(test);

	KTEST_EXPECT_EQ(test, run_user(test, mm, mem_read, DATA, 0, NULL), 0);
	mmput(mm);
	KTEST_EXPECT_TRUE(test, wait_for_stacks_freed(kb));
	return baseline_pages();
}

/* The free pages are back at @pages once the tasks' stacks are freed. */
static void expect_user_pages_back(struct ktest *test, unsigned long pages)
{
	KTEST_EXPECT_TRUE(test, ktest_wait_for(free_pages_shrunk() == pages, 2000));
	KTEST_EXPECT_EQ(test, free_pages_shrunk(), pages);
}

/* ---- anonymous faults ------------------------------------------------------ */

static void a_write_fault_maps_a_new_zeroed_page(struct ktest *test)
{
	unsigned long pages = baseline_pages();
	unsigned long faults = sum_vm_event(PGFAULT), min_flt = current->min_flt;
	struct mm_struct *mm = data_mm(test);
	struct page *page;
	pte_t pte;

	KTEST_EXPECT_EQ(test, fault_at(mm, DATA + 123, FAULT_FLAG_WRITE), 0);
	pte = pte_at(mm, DATA);
	KTEST_EXPECT_TRUE(test, pte_present(pte) && pte_write(pte) && pte_dirty(pte));
	KTEST_EXPECT_FALSE(test, pte_special(pte) || pte_exec(pte));
	page = page_at(mm, DATA);
	KTEST_EXPECT_TRUE(test, PageAnon(page) && PageAnonExclusive(page));
	KTEST_EXPECT_EQ(test, page_mapcount(page), 1);
	KTEST_EXPECT_EQ(test, memchr_inv(page_address(page), 0, PAGE_SIZE), NULL);
	KTEST_EXPECT_EQ(test, rss(mm, MM_ANONPAGES), 1);
	KTEST_EXPECT_EQ(test, sum_vm_event(PGFAULT), faults + 1);
	KTEST_EXPECT_EQ(test, current->min_flt, min_flt + 1);
	KTEST_EXPECT_FALSE(test, pte_present(pte_at(mm, DATA + PAGE_SIZE)));
	mmput(mm);
	KTEST_EXPECT_EQ(test, free_pages_shrunk(), pages);
}

static void a_read_fault_maps_the_zero_page_and_a_write_copies_it(struct ktest *test)
{
	unsigned long pages = baseline_pages();
	struct mm_struct *mm = data_mm(test);
	pte_t pte;

	KTEST_EXPECT_EQ(test, fault_at(mm, DATA, 0), 0);
	pte = pte_at(mm, DATA);
	KTEST_EXPECT_TRUE(test, pte_present(pte) && pte_special(pte) && is_zero_pfn(pte_pfn(pte)));
	KTEST_EXPECT_FALSE(test, pte_write(pte));
	KTEST_EXPECT_EQ(test, rss(mm, MM_ANONPAGES), 0);
	KTEST_EXPECT_EQ(test, fault_at(mm, DATA, FAULT_FLAG_WRITE), 0);
	pte = pte_at(mm, DATA);
	KTEST_EXPECT_TRUE(test, pte_write(pte) && !pte_special(pte) && !is_zero_pfn(pte_pfn(pte)));
	KTEST_EXPECT_EQ(test, rss(mm, MM_ANONPAGES), 1);
	*user_bytes(mm, DATA) = 7;
	KTEST_EXPECT_EQ(test, memchr_inv(page_address(ZERO_PAGE(0)), 0, PAGE_SIZE), NULL);
	mmput(mm);
	KTEST_EXPECT_EQ(test, free_pages_shrunk(), pages);
}

/* Write-protect the pte of @addr, as fork or mprotect would, and flush it. */
static void wrprotect(struct mm_struct *mm, unsigned long addr)
{
	ptep_set_wrprotect(mm, addr, test_ptep(mm, addr));
	flush_tlb_mm(mm);
}

static void a_write_reuses_a_page_this_mm_alone_holds(struct ktest *test)
{
	unsigned long pages = baseline_pages();
	struct mm_struct *mm = data_mm(test);
	struct page *page;

	KTEST_ASSERT_EQ(test, fault_at(mm, DATA, FAULT_FLAG_WRITE), 0);
	page = page_at(mm, DATA);
	/* Exclusive: reused. */
	wrprotect(mm, DATA);
	KTEST_EXPECT_EQ(test, fault_at(mm, DATA, FAULT_FLAG_WRITE), 0);
	KTEST_EXPECT_PTR_EQ(test, page_at(mm, DATA), page);
	KTEST_EXPECT_TRUE(test, pte_write(pte_at(mm, DATA)));
	/* Not exclusive, but the only reference is the pte's: reused, exclusive again. */
	wrprotect(mm, DATA);
	ClearPageAnonExclusive(page);
	KTEST_EXPECT_EQ(test, fault_at(mm, DATA, FAULT_FLAG_WRITE), 0);
	KTEST_EXPECT_PTR_EQ(test, page_at(mm, DATA), page);
	KTEST_EXPECT_TRUE(test, PageAnonExclusive(page));
	/* Not exclusive and referenced elsewhere: copied, the old page unchanged. */
	wrprotect(mm, DATA);
	ClearPageAnonExclusive(page);
	get_page(page);
	*user_bytes(mm, DATA) = 0x11;
	KTEST_EXPECT_EQ(test, fault_at(mm, DATA, FAULT_FLAG_WRITE), 0);
	KTEST_EXPECT_PTR_NE(test, page_at(mm, DATA), page);
	KTEST_EXPECT_EQ(test, *user_bytes(mm, DATA), 0x11);
	KTEST_EXPECT_EQ(test, page_mapcount(page), 0);
	KTEST_EXPECT_EQ(test, rss(mm, MM_ANONPAGES), 1);
	put_page(page);
	mmput(mm);
	KTEST_EXPECT_EQ(test, free_pages_shrunk(), pages);
}

static void unshare_breaks_cow_but_leaves_the_pte_read_only(struct ktest *test)
{
	unsigned long pages = baseline_pages();
	struct mm_struct *mm = data_mm(test);
	struct page *page;

	KTEST_ASSERT_EQ(test, fault_at(mm, DATA, 0), 0);
	KTEST_EXPECT_EQ(test, fault_at(mm, DATA, FAULT_FLAG_UNSHARE), 0);
	page = page_at(mm, DATA);
	KTEST_EXPECT_FALSE(test, is_zero_pfn(page_to_pfn(page)));
	KTEST_EXPECT_TRUE(test, PageAnonExclusive(page));
	KTEST_EXPECT_FALSE(test, pte_write(pte_at(mm, DATA)));
	/* An exclusive page needs no unsharing. */
	KTEST_EXPECT_EQ(test, fault_at(mm, DATA, FAULT_FLAG_UNSHARE), 0);
	KTEST_EXPECT_PTR_EQ(test, page_at(mm, DATA), page);
	mmput(mm);
	KTEST_EXPECT_EQ(test, free_pages_shrunk(), pages);
}

/* ---- fork ------------------------------------------------------------------ */

/* A child of @mm's VMA at DATA with its ptes copied (dup_mmap()'s part for one VMA). */
static int fork_data(struct ktest *test, struct mm_struct *mm, struct mm_struct *child)
{
	struct vm_area_struct *src, *dst;
	int err = -ENOMEM;

	mmap_write_lock(mm);
	mmap_write_lock(child);
	src = vma_lookup(mm, DATA);
	dst = vm_area_dup(src);
	if (dst) {
		dst->vm_mm = child;
		err = anon_vma_fork(dst, src);
		if (err)
			vm_area_free(dst);
	}
	if (!err) {
		KTEST_EXPECT_EQ(test, insert_vm_struct(child, dst), 0);
		vm_stat_account(child, dst->vm_flags, vma_pages(dst));
		err = copy_page_range(dst, src);
		flush_tlb_mm(mm);
	}
	mmap_write_unlock(child);
	mmap_write_unlock(mm);
	return err;
}

static void fork_shares_anonymous_pages_and_cow_gives_each_its_own(struct ktest *test)
{
	unsigned long pages = baseline_pages();
	struct mm_struct *mm = data_mm(test), *child = new_mm(test);
	struct page *page;

	KTEST_ASSERT_EQ(test, fault_at(mm, DATA, FAULT_FLAG_WRITE), 0);
	KTEST_ASSERT_EQ(test, fault_at(mm, DATA + PAGE_SIZE, 0), 0);	/* the zero page */
	page = page_at(mm, DATA);
	*user_bytes(mm, DATA) = 'p';
	KTEST_EXPECT_EQ(test, fork_data(test, mm, child), 0);
	/* Shared read-only, counted in both. */
	KTEST_EXPECT_PTR_EQ(test, page_at(child, DATA), page);
	KTEST_EXPECT_FALSE(test, pte_write(pte_at(mm, DATA)) || pte_write(pte_at(child, DATA)));
	KTEST_EXPECT_FALSE(test, PageAnonExclusive(page));
	KTEST_EXPECT_EQ(test, page_mapcount(page), 2);
	KTEST_EXPECT_EQ(test, rss(child, MM_ANONPAGES), 1);
	KTEST_EXPECT_TRUE(test, is_zero_pfn(pte_pfn(pte_at(child, DATA + PAGE_SIZE))));
	/* The child writes: its own copy. */
	KTEST_EXPECT_EQ(test, fault_at(child, DATA, FAULT_FLAG_WRITE), 0);
	KTEST_EXPECT_PTR_NE(test, page_at(child, DATA), page);
	KTEST_EXPECT_EQ(test, *user_bytes(child, DATA), 'p');
	*user_bytes(child, DATA) = 'c';
	KTEST_EXPECT_EQ(test, *user_bytes(mm, DATA), 'p');
	KTEST_EXPECT_EQ(test, page_mapcount(page), 1);
	/* The parent writes: the page is its alone again, reused. */
	KTEST_EXPECT_EQ(test, fault_at(mm, DATA, FAULT_FLAG_WRITE), 0);
	KTEST_EXPECT_PTR_EQ(test, page_at(mm, DATA), page);
	KTEST_EXPECT_EQ(test, *user_bytes(child, DATA), 'c');
	mmput(child);
	mmput(mm);
	KTEST_EXPECT_EQ(test, free_pages_shrunk(), pages);
}

static void fork_copies_a_pinned_page_at_once(struct ktest *test)
{
	unsigned long pages = baseline_pages();
	struct mm_struct *mm = data_mm(test), *child = new_mm(test);
	struct page *page;

	KTEST_ASSERT_EQ(test, fault_at(mm, DATA, FAULT_FLAG_WRITE), 0);
	page = page_at(mm, DATA);
	*user_bytes(mm, DATA) = 'q';
	page_ref_add(page, GUP_PIN_COUNTING_BIAS);	/* as pin_user_pages() would */
	KTEST_EXPECT_EQ(test, fork_data(test, mm, child), 0);
	/* The parent keeps its pinned page writable; the child has a copy. */
	KTEST_EXPECT_PTR_EQ(test, page_at(mm, DATA), page);
	KTEST_EXPECT_TRUE(test, pte_write(pte_at(mm, DATA)) && PageAnonExclusive(page));
	KTEST_EXPECT_PTR_NE(test, page_at(child, DATA), page);
	KTEST_EXPECT_TRUE(test, pte_write(pte_at(child, DATA)));
	KTEST_EXPECT_EQ(test, *user_bytes(child, DATA), 'q');
	KTEST_EXPECT_EQ(test, rss(child, MM_ANONPAGES), 1);
	page_ref_sub(page, GUP_PIN_COUNTING_BIAS);
	mmput(child);
	mmput(mm);
	KTEST_EXPECT_EQ(test, free_pages_shrunk(), pages);
}

/* ---- file faults ------------------------------------------------------------ */

#define FILE_PAGES	32

/* A fake file: FILE_PAGES cached pages, ->fault and ->map_pages counted. */
static struct test_file {
	struct address_space mapping;
	struct page *pages[FILE_PAGES];
	int faults, mkwrites;
} tf;

static vm_fault_t tf_fault(struct vm_fault *vmf)
{
	struct page *page;

	if (vmf->pgoff >= FILE_PAGES)
		return VM_FAULT_SIGBUS;
	page = tf.pages[vmf->pgoff];
	tf.faults++;
	get_page(page);
	folio_lock(page_folio(page));
	vmf->page = page;
	return VM_FAULT_LOCKED;
}

/* filemap_map_pages()'s part: map what is cached in [start, end). */
static vm_fault_t tf_map_pages(struct vm_fault *vmf, pgoff_t start, pgoff_t end)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long addr = vma->vm_start + ((start - vma->vm_pgoff) << PAGE_SHIFT);
	vm_fault_t ret = 0;

	if (pmd_none(pmdp_get(vmf->pmd)))
		pmd_install(vma->vm_mm, vmf->pmd, &vmf->prealloc_pte);
	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, addr, &vmf->ptl);
	for (; start < end && start < FILE_PAGES; start++, addr += PAGE_SIZE, vmf->pte++) {
		if (!pte_none(ptep_get(vmf->pte)))
			continue;
		get_page(tf.pages[start]);
		do_set_pte(vmf, tf.pages[start], addr);
		if (addr == vmf->address)
			ret = VM_FAULT_NOPAGE;
	}
	spin_unlock(vmf->ptl);
	return ret;
}

static vm_fault_t tf_page_mkwrite(struct vm_fault *vmf)
{
	if (vmf->flags & FAULT_FLAG_MKWRITE)
		tf.mkwrites++;
	folio_lock(page_folio(vmf->page));
	return VM_FAULT_LOCKED;
}

static const struct vm_operations_struct tf_ops = {
	.fault = tf_fault,
	.map_pages = tf_map_pages,
	.page_mkwrite = tf_page_mkwrite,
};

static int tf_init(struct ktest *test)
{
	int i;

	memset(&tf, 0, sizeof(tf));
	for (i = 0; i < FILE_PAGES; i++) {
		tf.pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!tf.pages[i])
			return -ENOMEM;
		tf.pages[i]->mapping = &tf.mapping;
		tf.pages[i]->index = i;
		memset(page_address(tf.pages[i]), 'a' + i % 26, PAGE_SIZE);
	}
	return 0;
}

static void tf_exit(void)
{
	int i;

	for (i = 0; i < FILE_PAGES; i++) {
		if (!tf.pages[i])
			continue;
		tf.pages[i]->mapping = NULL;
		ClearPageDirty(tf.pages[i]);
		ClearPageReferenced(tf.pages[i]);
		__free_page(tf.pages[i]);
	}
}

static void a_read_fault_maps_the_cached_pages_around_it(struct ktest *test)
{
	unsigned long pages = baseline_pages(), window = fault_around_bytes >> PAGE_SHIFT;
	struct mm_struct *mm = new_mm(test);

	KTEST_ASSERT_EQ(test, tf_init(test), 0);
	KTEST_ASSERT_EQ(test, window, 16UL);
	KTEST_ASSERT_NOT_NULL(test, add_vma(mm, DATA, DATA + FILE_PAGES * PAGE_SIZE,
					    VM_READ | VM_MAYREAD, &tf_ops));
	KTEST_EXPECT_EQ(test, fault_at(mm, DATA + 5 * PAGE_SIZE, 0), VM_FAULT_NOPAGE);
	KTEST_EXPECT_EQ(test, present_ptes(mm, DATA, DATA + window * PAGE_SIZE), window);
	KTEST_EXPECT_EQ(test, present_ptes(mm, DATA + window * PAGE_SIZE,
					   DATA + FILE_PAGES * PAGE_SIZE), 0UL);
	KTEST_EXPECT_EQ(test, tf.faults, 0);
	KTEST_EXPECT_EQ(test, rss(mm, MM_FILEPAGES), (long)window);
	KTEST_EXPECT_EQ(test, *user_bytes(mm, DATA + 5 * PAGE_SIZE), 'f');
	KTEST_EXPECT_EQ(test, page_mapcount(tf.pages[5]), 1);
	/* The second window, and nothing of the first twice. */
	KTEST_EXPECT_EQ(test, fault_at(mm, DATA + 20 * PAGE_SIZE, 0), VM_FAULT_NOPAGE);
	KTEST_EXPECT_EQ(test, present_ptes(mm, DATA, DATA + FILE_PAGES * PAGE_SIZE), (unsigned long)FILE_PAGES);
	KTEST_EXPECT_EQ(test, rss(mm, MM_FILEPAGES), FILE_PAGES);
	/* Without fault-around, ->fault maps the one page. */
	mmap_write_lock(mm);
	zap_page_range(vma_lookup(mm, DATA), DATA, FILE_PAGES * PAGE_SIZE);
	mmap_write_unlock(mm);
	KTEST_EXPECT_EQ(test, rss(mm, MM_FILEPAGES), 0);
	KTEST_EXPECT_EQ(test, page_mapcount(tf.pages[5]), 0);
	fault_around_bytes = PAGE_SIZE;
	KTEST_EXPECT_EQ(test, fault_at(mm, DATA + 5 * PAGE_SIZE, 0), VM_FAULT_LOCKED);
	fault_around_bytes = window << PAGE_SHIFT;
	KTEST_EXPECT_EQ(test, tf.faults, 1);
	KTEST_EXPECT_EQ(test, present_ptes(mm, DATA, DATA + FILE_PAGES * PAGE_SIZE), 1UL);
	mmput(mm);
	KTEST_EXPECT_EQ(test, page_ref_count(tf.pages[5]), 1);
	tf_exit();
	KTEST_EXPECT_EQ(test, free_pages_shrunk(), pages);
}

static void a_private_file_write_copies_and_a_shared_one_dirties(struct ktest *test)
{
	unsigned long pages = baseline_pages();
	struct mm_struct *mm = new_mm(test);
	unsigned long shared = DATA + FILE_PAGES * PAGE_SIZE;
	pte_t pte;

	KTEST_ASSERT_EQ(test, tf_init(test), 0);
	KTEST_ASSERT_NOT_NULL(test, add_vma(mm, DATA, DATA + FILE_PAGES * PAGE_SIZE, VM_RW, &tf_ops));
	KTEST_ASSERT_NOT_NULL(test, add_vma(mm, shared, shared + FILE_PAGES * PAGE_SIZE,
					    VM_RW | VM_SHARED | VM_MAYSHARE, &tf_ops));
	/* Private: an anonymous copy of the file page; the file page untouched. */
	KTEST_EXPECT_EQ(test, fault_at(mm, DATA + 2 * PAGE_SIZE, FAULT_FLAG_WRITE) & VM_FAULT_ERROR, 0);
	KTEST_EXPECT_TRUE(test, PageAnon(page_at(mm, DATA + 2 * PAGE_SIZE)));
	KTEST_EXPECT_EQ(test, *user_bytes(mm, DATA + 2 * PAGE_SIZE), 'c');
	*user_bytes(mm, DATA + 2 * PAGE_SIZE) = 'X';
	KTEST_EXPECT_EQ(test, *(u8 *)page_address(tf.pages[2]), 'c');
	KTEST_EXPECT_EQ(test, rss(mm, MM_ANONPAGES), 1);
	KTEST_EXPECT_EQ(test, rss(mm, MM_FILEPAGES), 0);
	/* Private, read then written: the file page is replaced by a copy. */
	fault_around_bytes = PAGE_SIZE;
	KTEST_EXPECT_EQ(test, fault_at(mm, DATA + 3 * PAGE_SIZE, 0) & VM_FAULT_ERROR, 0);
	KTEST_EXPECT_PTR_EQ(test, page_at(mm, DATA + 3 * PAGE_SIZE), tf.pages[3]);
	KTEST_EXPECT_EQ(test, fault_at(mm, DATA + 3 * PAGE_SIZE, FAULT_FLAG_WRITE), 0);
	KTEST_EXPECT_PTR_NE(test, page_at(mm, DATA + 3 * PAGE_SIZE), tf.pages[3]);
	KTEST_EXPECT_EQ(test, page_mapcount(tf.pages[3]), 0);
	KTEST_EXPECT_EQ(test, rss(mm, MM_ANONPAGES), 2);
	KTEST_EXPECT_EQ(test, rss(mm, MM_FILEPAGES), 0);
	/* Shared, written: ->page_mkwrite, the page itself mapped writable and dirty. */
	KTEST_EXPECT_EQ(test, fault_at(mm, shared + 4 * PAGE_SIZE, FAULT_FLAG_WRITE) & VM_FAULT_ERROR, 0);
	KTEST_EXPECT_EQ(test, tf.mkwrites, 1);
	KTEST_EXPECT_PTR_EQ(test, page_at(mm, shared + 4 * PAGE_SIZE), tf.pages[4]);
	pte = pte_at(mm, shared + 4 * PAGE_SIZE);
	KTEST_EXPECT_TRUE(test, pte_write(pte) && pte_dirty(pte));
	KTEST_EXPECT_TRUE(test, PageDirty(tf.pages[4]) && !PageLocked(tf.pages[4]));
	/* Shared, read then written: a write-protect fault through ->page_mkwrite. */
	KTEST_EXPECT_EQ(test, fault_at(mm, shared + 6 * PAGE_SIZE, 0) & VM_FAULT_ERROR, 0);
	KTEST_EXPECT_FALSE(test, pte_write(pte_at(mm, shared + 6 * PAGE_SIZE)) ||
			   PageDirty(tf.pages[6]));
	KTEST_EXPECT_EQ(test, fault_at(mm, shared + 6 * PAGE_SIZE, FAULT_FLAG_WRITE), 0);
	KTEST_EXPECT_EQ(test, tf.mkwrites, 2);
	KTEST_EXPECT_TRUE(test, pte_write(pte_at(mm, shared + 6 * PAGE_SIZE)) &&
			  PageDirty(tf.pages[6]));
	fault_around_bytes = 65536;
	KTEST_EXPECT_EQ(test, rss(mm, MM_FILEPAGES), 2);
	mmput(mm);
	KTEST_EXPECT_EQ(test, page_ref_count(tf.pages[4]), 1);
	KTEST_EXPECT_EQ(test, page_ref_count(tf.pages[3]), 1);
	tf_exit();
	KTEST_EXPECT_EQ(test, free_pages_shrunk(), pages);
}

/* ---- the stack ---------------------------------------------------------------- */

static void the_stack_grows_down_to_the_guard_gap_and_its_limit(struct ktest *test)
{
	struct rlimit *rlim = &current->signal->rlim[RLIMIT_STACK], saved = *rlim;
	unsigned long pages = baseline_pages(), gap = stack_guard_gap;
	unsigned long low = STACK - gap - 4 * PAGE_SIZE;
	struct mm_struct *mm = new_mm(test);
	struct vm_area_struct *stack;

	KTEST_ASSERT_NOT_NULL(test, add_vma(mm, low - PAGE_SIZE, low, VM_RW, NULL));
	stack = add_vma(mm, STACK, STACK_TOP, VM_RW | VM_GROWSDOWN, NULL);
	KTEST_ASSERT_NOT_NULL(test, stack);
	mmap_read_lock(mm);
	KTEST_EXPECT_EQ(test, expand_stack(stack, STACK - 2 * PAGE_SIZE + 8), 0);
	KTEST_EXPECT_EQ(test, stack->vm_start, STACK - 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, mm->stack_vm, (STACK_TOP - STACK) / PAGE_SIZE + 2);
	/* Beyond RLIMIT_STACK: refused. */
	rlim->rlim_cur = STACK_TOP - stack->vm_start;
	KTEST_EXPECT_EQ(test, expand_stack(stack, stack->vm_start - PAGE_SIZE), -ENOMEM);
	*rlim = saved;
	KTEST_EXPECT_EQ(test, stack->vm_start, STACK - 2 * PAGE_SIZE);
	/* Into the guard gap of the VMA below: refused; to its edge: allowed. */
	KTEST_EXPECT_EQ(test, expand_stack(stack, low + gap - PAGE_SIZE), -ENOMEM);
	KTEST_EXPECT_EQ(test, expand_stack(stack, low + gap), 0);
	mmap_read_unlock(mm);
	KTEST_EXPECT_EQ(test, stack->vm_start, low + gap);
	mmput(mm);
	KTEST_EXPECT_EQ(test, free_pages_shrunk(), pages);
}

/* ---- ring 3 ----------------------------------------------------------------- */

static void user_code_faults_in_its_data_and_grows_its_stack(struct ktest *test)
{
	unsigned long pages = baseline_user_pages(test);
	struct mm_struct *mm = user_mm(test);
	int i;

	KTEST_EXPECT_EQ(test, run_user(test, mm, mem_touch, DATA, DATA_PAGES, NULL), 0);
	for (i = 0; i < DATA_PAGES; i++)
		KTEST_EXPECT_EQ(test, *user_bytes(mm, DATA + i * PAGE_SIZE), 0x5a);
	KTEST_EXPECT_EQ(test, rss(mm, MM_ANONPAGES), DATA_PAGES + 2);
	/* 96 KiB below the stack pointer, 32 KiB below the stack: it grows. */
	KTEST_EXPECT_EQ(test, run_user(test, mm, mem_below_sp, 0x18000, 0, NULL), 0);
	mmap_read_lock(mm);
	KTEST_EXPECT_EQ(test, find_vma(mm, STACK)->vm_start, STACK_TOP - 0x18000);
	mmap_read_unlock(mm);
	KTEST_EXPECT_EQ(test, *user_bytes(mm, STACK_TOP - 0x18000), 1);
	mmput(mm);
	expect_user_pages_back(test, pages);
}

/*
 * @stub at @addr in ring 3 ends by SIGSEGV and Linux's line with @error
 * (the ip is the stub's, or @addr itself for a jump there).
 */
static void expect_segv(struct ktest *test, const char *stub, unsigned long addr, int error)
{
	struct mm_struct *mm = user_mm(test);
	unsigned long ip = stub == mem_jump ? addr : stub_ip(stub);
	char line[96];
	int pid = 0;

	KTEST_EXPECT_EQ(test, run_user(test, mm, stub, addr, 0, &pid), SIGSEGV);
	snprintf(line, sizeof(line), "mem-user[%d]: segfault at %lx ip %016lx sp %016lx error %x",
		 pid, addr, ip, STACK_TOP, error);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, line));
	mmput(mm);
}

static void bad_user_accesses_end_in_sigsegv(struct ktest *test)
{
	unsigned long pages = baseline_user_pages(test);

	/* Nothing mapped (SEGV_MAPERR): a read, error 4 (user). */
	expect_segv(test, mem_read, UNMAPPED, 4);
	/* PROT_NONE (SEGV_ACCERR): a read of a not-present page, error 4. */
	expect_segv(test, mem_read, NONE, 4);
	/* A write to read-only code (SEGV_ACCERR): present, error 7. */
	expect_segv(test, mem_write, CODE, 7);
	/* A write between the stack and its guard: error 6, not present. */
	expect_segv(test, mem_write, FLAG + PAGE_SIZE, 6);
	/*
	 * A jump into data (no VM_EXEC): the fetch maps the page NX, the
	 * retried fetch is a protection fault (SEGV_ACCERR), error 0x15.
	 */
	expect_segv(test, mem_jump, DATA, 0x15);
	expect_user_pages_back(test, pages);
}

struct uaccess_result {
	struct mm_struct *mm;
	unsigned long unmapped, demand, readonly;
	int get_unmapped;
	unsigned long val;	/* get_user() zeroes it on a fault */
};

static int uaccess_thread(void *arg)
{
	struct uaccess_result *r = arg;
	unsigned long val;
	char buf[8];
	int err = begin_user_task(r->mm);

	if (err)
		return err;
	r->unmapped = copy_from_user(buf, (const void __user *)UNMAPPED, sizeof(buf));
	r->get_unmapped = get_user(val, (unsigned long __user *)(NONE + 8));
	r->val = val;
	r->demand = copy_to_user((void __user *)(DATA + 5 * PAGE_SIZE), "fault", 6);
	r->readonly = copy_to_user((void __user *)CODE, "x", 1);
	/* A kernel thread again: off the mm, and the task's reference (begin_user_task()'s) dropped. */
	exit_user_task();
	mmput(r->mm);
	return 0;
}

static void kernel_user_copies_fault_pages_in_or_return_efault(struct ktest *test)
{
	unsigned long pages = baseline_user_pages(test);
	struct uaccess_result r = { .mm = user_mm(test) };
	struct task_struct *k = kthread_create(uaccess_thread, &r, "mem-uaccess");

	KTEST_ASSERT_NOT_NULL(test, k);
	wake_up_process(k);
	KTEST_EXPECT_EQ(test, wait_user(k), 0);
	KTEST_EXPECT_EQ(test, r.unmapped, 8UL);
	KTEST_EXPECT_EQ(test, r.get_unmapped, -EFAULT);
	KTEST_EXPECT_EQ(test, r.demand, 0UL);
	KTEST_EXPECT_STREQ(test, (char *)user_bytes(r.mm, DATA + 5 * PAGE_SIZE), "fault");
	KTEST_EXPECT_EQ(test, r.readonly, 1UL);
	mmput(r.mm);
	expect_user_pages_back(test, pages);
}

/* ---- teardown ------------------------------------------------------------------ */

static void munmap_and_exit_mmap_free_every_page_and_table(struct ktest *test)
{
	unsigned long pages = baseline_pages();
	unsigned long tables = global_zone_page_state(NR_PAGETABLE);
	struct mm_struct *mm = new_mm(test);
	unsigned long a = 0x40000000UL, i;
	long bytes;

	/* Two pmds' worth, each half touched, with a hole in between. */
	KTEST_ASSERT_NOT_NULL(test, add_vma(mm, a, a + PMD_SIZE, VM_RW, NULL));
	KTEST_ASSERT_NOT_NULL(test, add_vma(mm, a + 2 * PMD_SIZE, a + 3 * PMD_SIZE, VM_RW, NULL));
	for (i = 0; i < PMD_SIZE / 2; i += PAGE_SIZE) {
		KTEST_ASSERT_EQ(test, fault_at(mm, a + i, FAULT_FLAG_WRITE), 0);
		KTEST_ASSERT_EQ(test, fault_at(mm, a + 2 * PMD_SIZE + i, FAULT_FLAG_WRITE), 0);
	}
	KTEST_EXPECT_EQ(test, rss(mm, MM_ANONPAGES), (long)(PMD_SIZE / PAGE_SIZE));
	/* pud, pmd and two pte tables. */
	bytes = atomic_long_read(&mm->pgtables_bytes);
	KTEST_EXPECT_EQ(test, bytes, (long)(4 * PAGE_SIZE));
	/* Half of the first VMA: its pages go, its pte table stays (the rest uses it). */
	mmap_write_lock(mm);
	KTEST_EXPECT_EQ(test, do_munmap(mm, a, PMD_SIZE / 4), 0);
	mmap_write_unlock(mm);
	KTEST_EXPECT_EQ(test, rss(mm, MM_ANONPAGES), (long)(3 * PMD_SIZE / 4 / PAGE_SIZE));
	KTEST_EXPECT_EQ(test, atomic_long_read(&mm->pgtables_bytes), bytes);
	/* The whole second VMA: its pte table goes; the pmd table is shared. */
	mmap_write_lock(mm);
	KTEST_EXPECT_EQ(test, do_munmap(mm, a + 2 * PMD_SIZE, PMD_SIZE), 0);
	mmap_write_unlock(mm);
	KTEST_EXPECT_EQ(test, atomic_long_read(&mm->pgtables_bytes), bytes - (long)PAGE_SIZE);
	KTEST_EXPECT_EQ(test, rss(mm, MM_ANONPAGES), (long)(PMD_SIZE / 4 / PAGE_SIZE));
	KTEST_EXPECT_FALSE(test, pte_present(pte_at(mm, a)));
	KTEST_EXPECT_TRUE(test, pte_present(pte_at(mm, a + PMD_SIZE / 4)));
	mmput(mm);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_PAGETABLE), tables);
	KTEST_EXPECT_EQ(test, free_pages_shrunk(), pages);
}

/* munmap's downgrade to the read lock: refused below a stack, which could grow meanwhile. */
static void munmap_keeps_the_write_lock_below_a_stack(struct ktest *test)
{
	struct mm_struct *mm = data_mm(test);
	int ret;

	KTEST_ASSERT_NOT_NULL(test, add_vma(mm, FLAG, FLAG + PAGE_SIZE, VM_RW, NULL));
	KTEST_ASSERT_NOT_NULL(test, add_vma(mm, STACK, STACK_TOP, VM_RW | VM_GROWSDOWN, NULL));
	mmap_write_lock(mm);
	ret = __do_munmap(mm, DATA, PAGE_SIZE, true);
	KTEST_EXPECT_EQ(test, ret, 1);
	if (ret == 1)
		mmap_read_unlock(mm);
	else
		mmap_write_unlock(mm);
	mmap_write_lock(mm);
	ret = __do_munmap(mm, FLAG, PAGE_SIZE, true);
	KTEST_EXPECT_EQ(test, ret, 0);
	if (ret == 1)
		mmap_read_unlock(mm);
	else
		mmap_write_unlock(mm);
	mmput(mm);
}

static void mmu_gather_releases_pages_only_after_the_flush(struct ktest *test)
{
	struct mm_struct *mm = new_mm(test);
	struct page *page = alloc_page(GFP_KERNEL);
	struct mmu_gather tlb;

	KTEST_ASSERT_NOT_NULL(test, page);
	get_page(page);
	tlb_gather_mmu(&tlb, mm);
	tlb_remove_tlb_entry(&tlb, NULL, 0x5000);
	tlb_remove_tlb_entry(&tlb, NULL, 0x2000);
	KTEST_EXPECT_EQ(test, tlb.start, 0x2000UL);
	KTEST_EXPECT_EQ(test, tlb.end, 0x6000UL);
	KTEST_EXPECT_FALSE(test, __tlb_remove_page(&tlb, page));
	KTEST_EXPECT_EQ(test, page_ref_count(page), 2);
	tlb_finish_mmu(&tlb);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 1);
	KTEST_EXPECT_EQ(test, tlb.nr, 0U);
	KTEST_EXPECT_GT(test, tlb.start, tlb.end);
	__free_page(page);
	mmput(mm);
}

/*
 * A user task on another CPU reads a page in a loop; the test unmaps it.
 * The shootdown must reach that CPU: its next read faults (SIGSEGV). If it
 * did not, the task would read its stale TLB entry until the flag ends it
 * with 0.
 */
static void munmap_shoots_down_the_tlb_of_a_cpu_running_the_mm(struct ktest *test)
{
	unsigned long pages = baseline_user_pages(test);
	struct user_start st = { NULL, stub_ip(mem_spin_read), DATA, FLAG };
	struct mm_struct *mm;
	unsigned int cpu = 1;
	struct task_struct *k;
	bool ended;

	/* On one CPU the runner's own switches empty the mask: nothing to show. */
	if (num_online_cpus() < 2)
		KTEST_SKIP(test, "needs a second CPU");
	mm = st.mm = user_mm(test);
	KTEST_ASSERT_EQ(test, fault_at(mm, DATA, FAULT_FLAG_WRITE), 0);
	k = start_user(test, &st, cpu);
	KTEST_EXPECT_TRUE(test, ktest_wait_for(cpumask_test_cpu(cpu, mm_cpumask(mm)), 2000));
	msleep(20);
	mmap_write_lock(mm);
	KTEST_EXPECT_EQ(test, do_munmap(mm, DATA, DATA_PAGES * PAGE_SIZE), 0);
	mmap_write_unlock(mm);
	ended = ktest_wait_for(READ_ONCE(k->exited.done), 2000);
	KTEST_EXPECT_TRUE(test, ended);
	*(unsigned long *)user_bytes(mm, FLAG) = 1;
	KTEST_EXPECT_EQ(test, wait_user(k), SIGSEGV);
	KTEST_EXPECT_FALSE(test, cpumask_test_cpu(cpu, mm_cpumask(mm)));
	mmput(mm);
	expect_user_pages_back(test, pages);
}

/* ---- out of memory ----------------------------------------------------------- */

static void a_fault_without_memory_is_vm_fault_oom_and_leaks_nothing(struct ktest *test)
{
	struct fail_page_alloc_attr saved = fail_page_alloc;
	bool enabled = fail_page_alloc_enabled;
	unsigned long pages = baseline_pages();
	struct mm_struct *mm = data_mm(test), *child = new_mm(test);
	unsigned long far = 0x40000000UL;
	int ret[3];
	int err;

	KTEST_ASSERT_NOT_NULL(test, add_vma(mm, far, far + PAGE_SIZE, VM_RW, NULL));
	KTEST_ASSERT_EQ(test, fault_at(mm, DATA, 0), 0);
	fail_pages_always(0, 0);
	ret[0] = fault_at(mm, DATA, FAULT_FLAG_WRITE);			/* the COW copy */
	ret[1] = fault_at(mm, far, FAULT_FLAG_WRITE);			/* a page table */
	ret[2] = fault_at(mm, DATA + PAGE_SIZE, FAULT_FLAG_WRITE);	/* a new page */
	fail_page_alloc = saved;
	fail_page_alloc_enabled = enabled;
	KTEST_EXPECT_EQ(test, ret[0], VM_FAULT_OOM);
	KTEST_EXPECT_EQ(test, ret[1], VM_FAULT_OOM);
	KTEST_EXPECT_EQ(test, ret[2], VM_FAULT_OOM);
	KTEST_EXPECT_TRUE(test, is_zero_pfn(pte_pfn(pte_at(mm, DATA))));
	KTEST_EXPECT_EQ(test, rss(mm, MM_ANONPAGES), 0);
	/*
	 * A fork whose copy of a pinned page fails (its three tables
	 * allowed): -ENOMEM, and both mms still go cleanly.
	 */
	KTEST_ASSERT_EQ(test, fault_at(mm, DATA + PAGE_SIZE, FAULT_FLAG_WRITE), 0);
	page_ref_add(page_at(mm, DATA + PAGE_SIZE), GUP_PIN_COUNTING_BIAS);
	fail_pages_always(3 * PAGE_SIZE, 0);
	err = fork_data(test, mm, child);
	fail_page_alloc = saved;
	fail_page_alloc_enabled = enabled;
	KTEST_EXPECT_EQ(test, err, -ENOMEM);
	page_ref_sub(page_at(mm, DATA + PAGE_SIZE), GUP_PIN_COUNTING_BIAS);
	mmput(child);
	mmput(mm);
	KTEST_EXPECT_EQ(test, free_pages_shrunk(), pages);
}

static struct ktest_case memory_cases[] = {
	KTEST_CASE(a_write_fault_maps_a_new_zeroed_page),
	KTEST_CASE(a_read_fault_maps_the_zero_page_and_a_write_copies_it),
	KTEST_CASE(a_write_reuses_a_page_this_mm_alone_holds),
	KTEST_CASE(unshare_breaks_cow_but_leaves_the_pte_read_only),
	KTEST_CASE(fork_shares_anonymous_pages_and_cow_gives_each_its_own),
	KTEST_CASE(fork_copies_a_pinned_page_at_once),
	KTEST_CASE(a_read_fault_maps_the_cached_pages_around_it),
	KTEST_CASE(a_private_file_write_copies_and_a_shared_one_dirties),
	KTEST_CASE(the_stack_grows_down_to_the_guard_gap_and_its_limit),
	KTEST_CASE(user_code_faults_in_its_data_and_grows_its_stack),
	KTEST_CASE(bad_user_accesses_end_in_sigsegv),
	KTEST_CASE(kernel_user_copies_fault_pages_in_or_return_efault),
	KTEST_CASE(munmap_and_exit_mmap_free_every_page_and_table),
	KTEST_CASE(munmap_keeps_the_write_lock_below_a_stack),
	KTEST_CASE(mmu_gather_releases_pages_only_after_the_flush),
	KTEST_CASE(munmap_shoots_down_the_tlb_of_a_cpu_running_the_mm),
	KTEST_CASE(a_fault_without_memory_is_vm_fault_oom_and_leaks_nothing),
	{}
};

static struct ktest_suite memory_suite = {
	.name = "memory",
	.init = ktest_pause_fault_injection,
	.exit = ktest_resume_fault_injection,
	.test_cases = memory_cases,
};
ktest_register_suite(memory_suite);
