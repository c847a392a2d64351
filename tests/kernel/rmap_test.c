// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the reverse mapping (mm/rmap.c): anon_vma life cycles, the
 * mapcounts, rmap_walk() and what uses it, and the invariant checker.
 *
 * Each case builds address spaces with mm_alloc() and insert_vm_struct(),
 * and maps pages into them the way the fault handler does (a page, its
 * pte, the rmap call, the rss counter: map_anon(), map_file()). Shares
 * between "parent" and "child" are made with anon_vma_fork() and
 * share_pte(), fork's copy of one pte, or with dup_mm() itself. mmput()
 * takes every pte down again (through the rmap calls), and the suite's exit
 * compares the anon_vma, anon_vma_chain, VMA and mm objects in use, the
 * free pages and the page-table pages with what they were before the case.
 */
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/mmap_lock.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/vmstat.h>
#include <linux/fault-inject.h>
#include <linux/errno.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>
#include "../../mm/slab.h"
#include "mm_test.h"

#define FLAGS		(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE)
#define BASE		0x20000000UL
#define P(n)		(BASE + (n) * PAGE_SIZE)
#define PROT		__pgprot(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_NX)
#define MAX_MMS		6

struct baseline {
	unsigned long anon_vmas, chains, vmas, mms, free, tables, anon_mapped, file_mapped;
};

static struct baseline case_baseline;

static void take_baseline(struct baseline *b)
{
	b->anon_vmas = objects_in_use(anon_vma_cachep);
	b->chains = objects_in_use(anon_vma_chain_cachep);
	b->vmas = objects_in_use(vm_area_cachep);
	b->mms = objects_in_use(mm_cachep);
	b->free = free_pages_shrunk();
	b->tables = global_zone_page_state(NR_PAGETABLE);
	b->anon_mapped = global_zone_page_state(NR_ANON_MAPPED);
	b->file_mapped = global_zone_page_state(NR_FILE_MAPPED);
}

static void expect_baseline(struct ktest *test, const struct baseline *b)
{
	KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_cachep), b->anon_vmas);
	KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_chain_cachep), b->chains);
	KTEST_EXPECT_EQ(test, objects_in_use(vm_area_cachep), b->vmas);
	KTEST_EXPECT_EQ(test, objects_in_use(mm_cachep), b->mms);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_PAGETABLE), b->tables);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_ANON_MAPPED), b->anon_mapped);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_FILE_MAPPED), b->file_mapped);
	KTEST_EXPECT_EQ(test, free_pages_shrunk(), b->free);
}

/* A stand-in open file whose page cache holds the file pages the cases map. */
static struct address_space test_mapping;
static struct file test_file = { .f_count = ATOMIC_INIT(1), .f_mapping = &test_mapping };

/*
 * rmap_check_mms() counts ptes in an XArray, whose nodes come from the
 * radix_tree_node cache; SLUB keeps up to min_partial empty slabs of it.
 * Filling and emptying a sparse XArray first leaves that cache in the
 * state every case leaves it in, so that free pages compare.
 */
static void warm_xa_node_cache(void)
{
	DEFINE_XARRAY(xa);
	unsigned long i;

	for (i = 0; i < 256; i++)
		if (xa_err(xa_store(&xa, i * 64, xa_mk_value(i), GFP_KERNEL)))
			break;
	xa_destroy(&xa);
}

static int rmap_test_init(struct ktest *test)
{
	warm_xa_node_cache();
	address_space_init_once(&test_mapping);
	ktest_pause_fault_injection(test);
	take_baseline(&case_baseline);
	return 0;
}

static void rmap_test_exit(struct ktest *test)
{
	expect_baseline(test, &case_baseline);
	ktest_resume_fault_injection(test);
}

/* ---- address spaces, VMAs and ptes ---- */

static struct mm_struct *new_mm(struct ktest *test)
{
	struct mm_struct *mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(test, mm);
	mm->task_size = TASK_SIZE;
	mmap_write_lock(mm);
	return mm;
}

static struct vm_area_struct *new_vma(struct ktest *test, struct mm_struct *mm,
				      unsigned long start, unsigned long end,
				      unsigned long flags, struct file *file)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);

	KTEST_ASSERT_NOT_NULL(test, vma);
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	vma->vm_page_prot = PROT;
	if (file) {
		vma->vm_file = get_file(file);
		vma->vm_pgoff = 0;
	}
	KTEST_ASSERT_EQ(test, insert_vm_struct(mm, vma), 0);
	return vma;
}

/* The pte of @addr, tables allocated as needed. */
static pte_t *test_pte(struct ktest *test, struct mm_struct *mm, unsigned long addr)
{
	pud_t *pud = pud_alloc(mm, p4d_alloc(mm, pgd_offset(mm, addr), addr), addr);
	pmd_t *pmd = pud ? pmd_alloc(mm, pud, addr) : NULL;

	KTEST_ASSERT_TRUE(test, pmd && !pte_alloc(mm, pmd));
	return pte_offset_map(pmd, addr);
}

static pte_t pte_at(struct ktest *test, struct mm_struct *mm, unsigned long addr)
{
	return ptep_get(test_pte(test, mm, addr));
}

/* A write fault's work: a new anonymous page at @addr of @vma. */
static struct page *map_anon(struct ktest *test, struct vm_area_struct *vma, unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	pte_t *pte;

	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_ASSERT_EQ(test, anon_vma_prepare(vma), 0);
	pte = test_pte(test, mm, addr);
	spin_lock(&mm->page_table_lock);
	folio_add_new_anon_rmap(page_folio(page), vma, addr);
	set_pte_at(mm, addr, pte, pte_mkdirty(pte_mkyoung(pfn_pte(page_to_pfn(page), PROT))));
	inc_mm_counter(mm, MM_ANONPAGES);
	spin_unlock(&mm->page_table_lock);
	return page;
}

/* A read fault's work on a file VMA: @page (of the file, index set) at @addr, young. */
static void map_file(struct ktest *test, struct vm_area_struct *vma, unsigned long addr,
		     struct page *page, pgprot_t prot)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pte = test_pte(test, mm, addr);

	get_page(page);
	spin_lock(&mm->page_table_lock);
	folio_add_file_rmap_pte(page_folio(page), page, vma);
	set_pte_at(mm, addr, pte, pte_mkyoung(pfn_pte(page_to_pfn(page), prot)));
	inc_mm_counter(mm, MM_FILEPAGES);
	spin_unlock(&mm->page_table_lock);
}

/* A page of the stand-in file at @index (its cache reference is the caller's). */
static struct page *file_page(struct ktest *test, pgoff_t index)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	KTEST_ASSERT_NOT_NULL(test, page);
	page->mapping = &test_mapping;
	page->index = index;
	return page;
}

static void put_file_page(struct page *page)
{
	page->mapping = NULL;
	put_page(page);
}

/* fork's copy of the pte of @addr from @src to @dst (same address): COW-shared. */
static int share_pte(struct ktest *test, struct vm_area_struct *dst, struct vm_area_struct *src,
		     unsigned long addr)
{
	pte_t *spte = test_pte(test, src->vm_mm, addr), *dpte = test_pte(test, dst->vm_mm, addr);
	pte_t pte = ptep_get(spte);
	struct page *page = pfn_to_page(pte_pfn(pte));
	struct folio *folio = page_folio(page);
	int err;

	spin_lock(&src->vm_mm->page_table_lock);
	err = folio_try_dup_anon_rmap_ptes(folio, page, 1, src);
	if (!err) {
		get_page(page);
		ptep_set_wrprotect(src->vm_mm, addr, spte);
		set_pte_at(dst->vm_mm, addr, dpte, pte_wrprotect(pte));
		inc_mm_counter(dst->vm_mm, MM_ANONPAGES);
	}
	spin_unlock(&src->vm_mm->page_table_lock);
	return err;
}

/* A child's copy of @pvma in @mm, with the anon_vmas fork gives it. */
static struct vm_area_struct *fork_vma(struct ktest *test, struct mm_struct *mm,
				       struct vm_area_struct *pvma)
{
	struct vm_area_struct *vma = vm_area_dup(pvma);

	KTEST_ASSERT_NOT_NULL(test, vma);
	vma->vm_mm = mm;
	KTEST_ASSERT_EQ(test, anon_vma_fork(vma, pvma), 0);
	KTEST_ASSERT_EQ(test, insert_vm_struct(mm, vma), 0);
	return vma;
}

/* The end of a case's mm: exit_mmap() unmaps the pages (through the rmap) and frees the tables. */
static void put_mm(struct ktest *test, struct mm_struct *mm)
{
	mmap_write_unlock(mm);
	mmput(mm);
}

static unsigned int chain_length(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc;
	unsigned int n = 0;

	list_for_each_entry(avc, &vma->anon_vma_chain, same_vma)
		n++;
	return n;
}

/* ---- walks ---- */

struct walk_seen {
	struct mm_struct *mm[MAX_MMS];
	unsigned long addr[MAX_MMS];
	unsigned int n;
};

/* rmap_one(): record the VMAs where a pte really maps the folio. */
static bool record_mapping(struct folio *folio, struct vm_area_struct *vma,
			   unsigned long address, void *arg)
{
	DEFINE_FOLIO_VMA_WALK(pvmw, folio, vma, address, 0);
	struct walk_seen *seen = arg;

	while (page_vma_mapped_walk(&pvmw)) {
		if (seen->n < MAX_MMS) {
			seen->mm[seen->n] = vma->vm_mm;
			seen->addr[seen->n] = pvmw.address;
		}
		seen->n++;
	}
	return true;
}

static void walk(struct folio *folio, struct walk_seen *seen)
{
	struct rmap_walk_control rwc = { .rmap_one = record_mapping, .arg = seen };

	seen->n = 0;
	rmap_walk(folio, &rwc);
}

static bool seen_in(const struct walk_seen *seen, struct mm_struct *mm, unsigned long addr)
{
	unsigned int i;

	for (i = 0; i < seen->n && i < MAX_MMS; i++)
		if (seen->mm[i] == mm && seen->addr[i] == addr)
			return true;
	return false;
}

/* How many ptes of @vma map @folio (0 or 1 for a small folio). */
static int folio_vma_mapped(struct folio *folio, struct vm_area_struct *vma)
{
	struct walk_seen seen = { 0 };
	unsigned long addr = vma->vm_start +
			     ((folio->index - vma->vm_pgoff) << PAGE_SHIFT);

	if (addr < vma->vm_start || addr >= vma->vm_end)
		return 0;
	record_mapping(folio, vma, addr, &seen);
	return seen.n;
}

static unsigned int i_mmap_vmas(struct address_space *mapping)
{
	struct vm_area_struct *vma;
	unsigned int n = 0;

	list_for_each_entry(vma, &mapping->i_mmap, shared)
		n++;
	return n;
}

/* ---- anon_vma life cycles ---- */

static void prepare_makes_a_root_and_shares_a_neighbours(struct ktest *test)
{
	unsigned long avs = objects_in_use(anon_vma_cachep);
	struct mm_struct *mm = new_mm(test);
	struct vm_area_struct *a, *b, *c, *d;
	struct anon_vma *root;

	a = new_vma(test, mm, P(0), P(2), FLAGS, NULL);
	b = new_vma(test, mm, P(2), P(4), FLAGS | VM_EXEC, NULL);	/* access flags differ */
	c = new_vma(test, mm, P(6), P(8), FLAGS, NULL);			/* not adjacent */
	d = new_vma(test, mm, P(8), P(9), FLAGS | VM_SHARED, NULL);	/* unlike */
	KTEST_ASSERT_EQ(test, anon_vma_prepare(a), 0);
	root = a->anon_vma;
	KTEST_EXPECT_PTR_EQ(test, root->root, root);
	KTEST_EXPECT_PTR_EQ(test, root->parent, root);
	KTEST_EXPECT_EQ(test, root->num_children, 1ul);		/* itself */
	KTEST_EXPECT_EQ(test, root->num_active_vmas, 1ul);
	KTEST_EXPECT_EQ(test, chain_length(a), 1u);
	KTEST_ASSERT_EQ(test, anon_vma_prepare(b), 0);
	KTEST_EXPECT_PTR_EQ(test, b->anon_vma, root);			/* reused */
	KTEST_EXPECT_EQ(test, root->num_active_vmas, 2ul);
	KTEST_ASSERT_EQ(test, anon_vma_prepare(c), 0);
	KTEST_EXPECT_PTR_NE(test, c->anon_vma, root);
	KTEST_ASSERT_EQ(test, anon_vma_prepare(d), 0);
	KTEST_EXPECT_PTR_NE(test, d->anon_vma, c->anon_vma);
	KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_cachep), avs + 3);
	KTEST_ASSERT_EQ(test, anon_vma_prepare(a), 0);			/* has one: nothing */
	KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_cachep), avs + 3);
	KTEST_EXPECT_EQ(test, do_munmap(mm, P(0), 2 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, root->num_active_vmas, 1ul);		/* b's still */
	KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_cachep), avs + 3);
	KTEST_EXPECT_EQ(test, do_munmap(mm, P(2), 7 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_cachep), avs);
	put_mm(test, mm);
}

static void split_clones_the_chain_and_merge_keeps_one(struct ktest *test)
{
	unsigned long chains = objects_in_use(anon_vma_chain_cachep);
	struct mm_struct *mm = new_mm(test);
	struct vm_area_struct *vma = new_vma(test, mm, P(0), P(8), FLAGS, NULL), *hi;
	struct anon_vma *av;
	struct page *page;

	page = map_anon(test, vma, P(6));
	av = vma->anon_vma;
	KTEST_ASSERT_EQ(test, split_vma(mm, vma, P(4), 0), 0);
	hi = vma->vm_next;
	KTEST_EXPECT_PTR_EQ(test, hi->anon_vma, av);
	KTEST_EXPECT_EQ(test, chain_length(hi), 1u);
	KTEST_EXPECT_EQ(test, av->num_active_vmas, 2ul);
	KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_chain_cachep), chains + 2);
	KTEST_EXPECT_EQ(test, rmap_check_mms(&mm, 1), 0);
	/* the split half still finds its page through the shared anon_vma */
	KTEST_EXPECT_EQ(test, folio_vma_mapped(page_folio(page), hi), 1);
	KTEST_EXPECT_PTR_EQ(test, vma_merge(mm, vma, P(4), P(8), FLAGS, av, NULL,
					    P(4) >> PAGE_SHIFT), vma);	/* case 6-like */
	KTEST_EXPECT_EQ(test, mm->map_count, 1);
	KTEST_EXPECT_EQ(test, av->num_active_vmas, 1ul);
	KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_chain_cachep), chains + 1);
	KTEST_EXPECT_EQ(test, rmap_check_mms(&mm, 1), 0);
	put_mm(test, mm);
}

/* G forks at depth 1..5; every generation's VMA chains to all its ancestors'. */
static void fork_chains_grow_with_depth_and_free_in_any_order(struct ktest *test)
{
	unsigned long avs = objects_in_use(anon_vma_cachep);
	unsigned long chains = objects_in_use(anon_vma_chain_cachep);
	struct vm_area_struct *vma[MAX_MMS];
	struct mm_struct *mm[MAX_MMS];
	unsigned int d, total = 1;

	mm[0] = new_mm(test);
	vma[0] = new_vma(test, mm[0], P(0), P(4), FLAGS, NULL);
	KTEST_ASSERT_EQ(test, anon_vma_prepare(vma[0]), 0);
	for (d = 1; d < MAX_MMS; d++) {
		mm[d] = new_mm(test);
		vma[d] = fork_vma(test, mm[d], vma[d - 1]);
		KTEST_EXPECT_EQ(test, chain_length(vma[d]), d + 1);
		KTEST_EXPECT_PTR_EQ(test, vma[d]->anon_vma->root, vma[0]->anon_vma);
		KTEST_EXPECT_PTR_EQ(test, vma[d]->anon_vma->parent, vma[d - 1]->anon_vma);
		KTEST_EXPECT_EQ(test, vma[d - 1]->anon_vma->num_children,
				d == 1 ? 2ul : 1ul);	/* the root counts itself */
		total += d + 1;
	}
	KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_cachep), avs + MAX_MMS);
	KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_chain_cachep), chains + total);
	/* The root's refcount: its chains' 1, and one per other member of the family. */
	KTEST_EXPECT_EQ(test, atomic_read(&vma[0]->anon_vma->refcount), MAX_MMS);
	/* the middle first, then the root's mm, then the rest */
	put_mm(test, mm[2]);
	put_mm(test, mm[0]);
	KTEST_EXPECT_EQ(test, vma[1]->anon_vma->num_children, 1ul);	/* 2's went with 2 */
	for (d = 1; d < MAX_MMS; d++)
		if (d != 2)
			put_mm(test, mm[d]);
	KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_cachep), avs);
	KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_chain_cachep), chains);
}

/* Linux's reuse: an anon_vma no VMA owns any more, with one child, serves a new fork. */
static void fork_reuses_an_abandoned_anon_vma(struct ktest *test)
{
	struct mm_struct *p = new_mm(test), *c = new_mm(test), *g = new_mm(test), *g2;
	struct vm_area_struct *pv, *cv, *gv, *g2v;
	struct anon_vma *b;

	pv = new_vma(test, p, P(0), P(1), FLAGS, NULL);
	KTEST_ASSERT_EQ(test, anon_vma_prepare(pv), 0);
	cv = fork_vma(test, c, pv);
	b = cv->anon_vma;
	gv = fork_vma(test, g, cv);
	put_mm(test, c);				/* b: no VMA of its own, one child */
	KTEST_EXPECT_EQ(test, b->num_active_vmas, 0ul);
	KTEST_EXPECT_EQ(test, b->num_children, 1ul);
	g2 = new_mm(test);
	g2v = fork_vma(test, g2, gv);
	KTEST_EXPECT_PTR_EQ(test, g2v->anon_vma, b);	/* reused, no new anon_vma */
	KTEST_EXPECT_EQ(test, b->num_active_vmas, 1ul);
	KTEST_EXPECT_EQ(test, chain_length(g2v), 3u);
	put_mm(test, g2);
	put_mm(test, g);
	put_mm(test, p);
}

static void fork_failing_allocations_leak_nothing(struct ktest *test)
{
	unsigned long avs = objects_in_use(anon_vma_cachep);
	unsigned long chains = objects_in_use(anon_vma_chain_cachep);
	struct mm_struct *mm[3] = { new_mm(test), new_mm(test), new_mm(test) };
	struct vm_area_struct *pv, *cv, *vma;
	struct failslab_attr saved = failslab;
	u8 saved_slow = slab_alloc_slow;
	unsigned int space, failures = 0;
	int err;

	pv = new_vma(test, mm[0], P(0), P(1), FLAGS, NULL);
	KTEST_ASSERT_EQ(test, anon_vma_prepare(pv), 0);
	cv = fork_vma(test, mm[1], pv);
	/* A grandchild's fork allocates 3 chains and an anon_vma: fail each in turn. */
	for (space = 0; space < 3 * sizeof(struct anon_vma_chain) + sizeof(struct anon_vma) + 16;
	     space += 16) {
		vma = vm_area_dup(cv);
		KTEST_ASSERT_NOT_NULL(test, vma);
		vma->vm_mm = mm[2];
		/* Every allocation asks failslab, SLUB's fast path included. */
		fail_slab_always(space);
		slab_alloc_slow |= SLAB_ALLOC_SLOW_FAILSLAB;
		err = anon_vma_fork(vma, cv);
		failslab_enabled = false;
		slab_alloc_slow = saved_slow;
		failslab = saved;
		if (err) {
			failures++;
			KTEST_EXPECT_EQ(test, err, -ENOMEM);
			KTEST_EXPECT_NULL(test, vma->anon_vma);
			KTEST_EXPECT_TRUE(test, list_empty(&vma->anon_vma_chain));
		} else {
			unlink_anon_vmas(vma);
		}
		vm_area_free(vma);
		KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_cachep), avs + 2);
		KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_chain_cachep), chains + 3);
	}
	KTEST_EXPECT_GT(test, failures, 0u);
	put_mm(test, mm[2]);
	put_mm(test, mm[1]);
	put_mm(test, mm[0]);
}

/* ---- mapcounts ---- */

static void new_anon_page_is_exclusive_and_counted(struct ktest *test)
{
	unsigned long anon = global_zone_page_state(NR_ANON_MAPPED);
	struct mm_struct *mm = new_mm(test);
	struct vm_area_struct *vma = new_vma(test, mm, P(0), P(4), FLAGS, NULL);
	struct page *page = map_anon(test, vma, P(3));
	struct folio *folio = page_folio(page);

	KTEST_EXPECT_EQ(test, page_mapcount(page), 1);
	KTEST_EXPECT_TRUE(test, PageAnonExclusive(page));
	KTEST_EXPECT_TRUE(test, folio_test_anon(folio));
	KTEST_EXPECT_TRUE(test, folio_test_swapbacked(folio));
	KTEST_EXPECT_PTR_EQ(test, folio_anon_vma(folio), vma->anon_vma);
	KTEST_EXPECT_EQ(test, page->index, (unsigned long)(P(3) >> PAGE_SHIFT));
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_ANON_MAPPED), anon + 1);
	put_mm(test, mm);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_ANON_MAPPED), anon);
}

/* An order-2 anonymous folio mapped by four ptes: per-page mapcounts, _nr_pages_mapped. */
static void large_anon_folio_counts_each_page_and_walks_every_pte(struct ktest *test)
{
	unsigned long anon = global_zone_page_state(NR_ANON_MAPPED);
	struct mm_struct *mm = new_mm(test);
	struct vm_area_struct *vma = new_vma(test, mm, P(0), P(8), FLAGS, NULL);
	struct page *head = alloc_pages(GFP_KERNEL | __GFP_ZERO | __GFP_COMP, 2);
	struct folio *folio;
	struct walk_seen seen;
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(test, head);
	folio = page_folio(head);
	KTEST_ASSERT_EQ(test, anon_vma_prepare(vma), 0);
	folio_ref_add(folio, 3);			/* one reference per pte */
	spin_lock(&mm->page_table_lock);
	folio_add_new_anon_rmap(folio, vma, P(4));
	spin_unlock(&mm->page_table_lock);
	for (i = 0; i < 4; i++) {
		set_pte_at(mm, P(4 + i), test_pte(test, mm, P(4 + i)),
			   pfn_pte(page_to_pfn(head + i), PROT));
		KTEST_EXPECT_TRUE(test, PageAnonExclusive(head + i));
	}
	add_mm_counter(mm, MM_ANONPAGES, 4);
	KTEST_EXPECT_EQ(test, atomic_read(&folio->_nr_pages_mapped), 4);
	KTEST_EXPECT_EQ(test, folio_mapcount(folio), 4);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_ANON_MAPPED), anon + 4);
	walk(folio, &seen);
	KTEST_EXPECT_EQ(test, seen.n, 4u);			/* every pte, in one VMA */
	KTEST_EXPECT_TRUE(test, seen_in(&seen, mm, P(7)));
	KTEST_EXPECT_EQ(test, rmap_check_mms(&mm, 1), 0);
	/* half of it unmapped (MADV_DONTNEED of two pages) */
	zap_page_range(vma, P(4), 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, atomic_read(&folio->_nr_pages_mapped), 2);
	KTEST_EXPECT_EQ(test, page_mapcount(head), 0);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_ANON_MAPPED), anon + 2);
	walk(folio, &seen);
	KTEST_EXPECT_EQ(test, seen.n, 2u);
	KTEST_EXPECT_EQ(test, rmap_check_mms(&mm, 1), 0);
	put_mm(test, mm);				/* the last ptes: the folio is freed */
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_ANON_MAPPED), anon);
}

static void dup_refuses_a_pinned_exclusive_page(struct ktest *test)
{
	struct mm_struct *p = new_mm(test), *c = new_mm(test);
	struct vm_area_struct *pv = new_vma(test, p, P(0), P(1), FLAGS, NULL), *cv;
	struct page *page = map_anon(test, pv, P(0));

	cv = fork_vma(test, c, pv);
	page_ref_add(page, GUP_PIN_COUNTING_BIAS);		/* what pin_user_pages() does */
	KTEST_EXPECT_TRUE(test, folio_maybe_dma_pinned(page_folio(page)));
	KTEST_EXPECT_EQ(test, share_pte(test, cv, pv, P(0)), -EBUSY);
	KTEST_EXPECT_TRUE(test, PageAnonExclusive(page));	/* unchanged */
	KTEST_EXPECT_EQ(test, page_mapcount(page), 1);
	page_ref_sub(page, GUP_PIN_COUNTING_BIAS);
	KTEST_EXPECT_FALSE(test, folio_maybe_dma_pinned(page_folio(page)));
	KTEST_EXPECT_EQ(test, share_pte(test, cv, pv, P(0)), 0);
	KTEST_EXPECT_FALSE(test, PageAnonExclusive(page));
	KTEST_EXPECT_EQ(test, page_mapcount(page), 2);
	{
		struct mm_struct *both[2] = { p, c };

		KTEST_EXPECT_EQ(test, rmap_check_mms(both, 2), 0);
	}
	put_mm(test, c);
	put_mm(test, p);
}

/* ---- rmap_walk ---- */

/*
 * An anonymous page shared by a chain of forks (P -> C1 -> C2, P -> C3)
 * is found in each mm that maps it, and not in an mm that forked before
 * the page existed nor in one whose copy was replaced (a COW).
 */
static void rmap_walk_finds_anon_page_in_every_mm_mapping_it(struct ktest *test)
{
	struct mm_struct *mm[5];
	struct vm_area_struct *v[5];
	struct page *page, *copy;
	struct walk_seen seen;
	unsigned int i;

	for (i = 0; i < 5; i++)
		mm[i] = new_mm(test);
	v[0] = new_vma(test, mm[0], P(0), P(4), FLAGS, NULL);
	KTEST_ASSERT_EQ(test, anon_vma_prepare(v[0]), 0);
	v[4] = fork_vma(test, mm[4], v[0]);		/* forked before the page */
	page = map_anon(test, v[0], P(2));
	v[1] = fork_vma(test, mm[1], v[0]);
	KTEST_ASSERT_EQ(test, share_pte(test, v[1], v[0], P(2)), 0);
	v[2] = fork_vma(test, mm[2], v[1]);
	KTEST_ASSERT_EQ(test, share_pte(test, v[2], v[1], P(2)), 0);
	v[3] = fork_vma(test, mm[3], v[0]);
	KTEST_ASSERT_EQ(test, share_pte(test, v[3], v[0], P(2)), 0);
	KTEST_EXPECT_EQ(test, page_mapcount(page), 4);
	walk(page_folio(page), &seen);
	KTEST_EXPECT_EQ(test, seen.n, 4u);
	for (i = 0; i < 4; i++)
		KTEST_EXPECT_TRUE(test, seen_in(&seen, mm[i], P(2)));
	KTEST_EXPECT_FALSE(test, seen_in(&seen, mm[4], P(2)));
	KTEST_EXPECT_EQ(test, rmap_check_mms(mm, 5), 0);

	/* C1 writes: its copy goes to its own anon_vma; the walks see each apart. */
	{
		pte_t *pte = test_pte(test, mm[1], P(2));

		spin_lock(&mm[1]->page_table_lock);
		ptep_get_and_clear(mm[1], P(2), pte);
		folio_remove_rmap_pte(page_folio(page), page, v[1]);
		dec_mm_counter(mm[1], MM_ANONPAGES);
		spin_unlock(&mm[1]->page_table_lock);
		put_page(page);
		copy = map_anon(test, v[1], P(2));
	}
	KTEST_EXPECT_PTR_EQ(test, folio_anon_vma(page_folio(copy)), v[1]->anon_vma);
	walk(page_folio(page), &seen);
	KTEST_EXPECT_EQ(test, seen.n, 3u);
	KTEST_EXPECT_FALSE(test, seen_in(&seen, mm[1], P(2)));
	KTEST_EXPECT_TRUE(test, seen_in(&seen, mm[2], P(2)));
	walk(page_folio(copy), &seen);
	KTEST_EXPECT_EQ(test, seen.n, 1u);
	KTEST_EXPECT_TRUE(test, seen_in(&seen, mm[1], P(2)));
	KTEST_EXPECT_EQ(test, rmap_check_mms(mm, 5), 0);
	for (i = 0; i < 5; i++)
		put_mm(test, mm[i]);
}

static void rmap_walk_finds_file_page_through_i_mmap(struct ktest *test)
{
	unsigned long mapped = global_zone_page_state(NR_FILE_MAPPED);
	struct mm_struct *mm[3] = { new_mm(test), new_mm(test), new_mm(test) };
	struct vm_area_struct *a, *b;
	struct page *page = file_page(test, 5);
	struct walk_seen seen;

	a = new_vma(test, mm[0], P(0), P(8), VM_READ | VM_MAYREAD, &test_file);
	b = new_vma(test, mm[1], P(16), P(20), VM_READ | VM_MAYREAD, &test_file);
	b->vm_pgoff = 4;				/* file pages 4..7 */
	new_vma(test, mm[2], P(0), P(4), VM_READ | VM_MAYREAD, &test_file);	/* pages 0..3 */
	KTEST_EXPECT_TRUE(test, mapping_mapped(&test_mapping));
	map_file(test, a, P(5), page, PROT);
	map_file(test, b, P(17), page, PROT);
	KTEST_EXPECT_EQ(test, page_mapcount(page), 2);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_FILE_MAPPED), mapped + 1);
	walk(page_folio(page), &seen);
	KTEST_EXPECT_EQ(test, seen.n, 2u);
	KTEST_EXPECT_TRUE(test, seen_in(&seen, mm[0], P(5)));
	KTEST_EXPECT_TRUE(test, seen_in(&seen, mm[1], P(17)));
	KTEST_EXPECT_EQ(test, rmap_check_mms(mm, 3), 0);
	/* a split VMA is on i_mmap twice, each half for its own pages */
	KTEST_ASSERT_EQ(test, split_vma(mm[0], a, P(4), 1), 0);
	walk(page_folio(page), &seen);
	KTEST_EXPECT_EQ(test, seen.n, 2u);
	KTEST_EXPECT_TRUE(test, seen_in(&seen, mm[0], P(5)));
	put_mm(test, mm[0]);
	put_mm(test, mm[1]);
	put_mm(test, mm[2]);
	KTEST_EXPECT_FALSE(test, mapping_mapped(&test_mapping));
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_FILE_MAPPED), mapped);
	KTEST_EXPECT_EQ(test, page_ref_count(page), 1);
	put_file_page(page);
}

/* ---- folio_referenced, folio_mkclean, try_to_unmap ---- */

static void folio_referenced_counts_and_clears_young_ptes(struct ktest *test)
{
	struct mm_struct *mm[2] = { new_mm(test), new_mm(test) };
	struct vm_area_struct *a, *b;
	struct page *page = file_page(test, 1);
	unsigned long vm_flags;

	a = new_vma(test, mm[0], P(0), P(4), VM_READ | VM_MAYREAD, &test_file);
	b = new_vma(test, mm[1], P(0), P(4), VM_READ | VM_EXEC | VM_MAYREAD, &test_file);
	map_file(test, a, P(1), page, PROT);
	map_file(test, b, P(1), page, PROT);
	KTEST_EXPECT_EQ(test, folio_referenced(page_folio(page), 0, &vm_flags), 2);
	KTEST_EXPECT_EQ(test, vm_flags & (VM_READ | VM_EXEC), VM_READ | VM_EXEC);
	KTEST_EXPECT_FALSE(test, pte_young(pte_at(test, mm[0], P(1))));
	KTEST_EXPECT_FALSE(test, pte_young(pte_at(test, mm[1], P(1))));
	KTEST_EXPECT_EQ(test, folio_referenced(page_folio(page), 0, &vm_flags), 0);
	/* one accessed again */
	set_pte_at(mm[1], P(1), test_pte(test, mm[1], P(1)), pte_mkyoung(pte_at(test, mm[1], P(1))));
	KTEST_EXPECT_EQ(test, folio_referenced(page_folio(page), 0, &vm_flags), 1);
	KTEST_EXPECT_TRUE(test, vm_flags & VM_EXEC);
	/* a locked VMA ends the walk and says so */
	b->vm_flags |= VM_LOCKED;
	folio_referenced(page_folio(page), 0, &vm_flags);
	KTEST_EXPECT_EQ(test, vm_flags & VM_LOCKED, VM_LOCKED);
	b->vm_flags &= ~VM_LOCKED;
	put_mm(test, mm[0]);
	put_mm(test, mm[1]);
	put_file_page(page);
}

static void folio_mkclean_cleans_shared_ptes_only(struct ktest *test)
{
	struct mm_struct *mm[2] = { new_mm(test), new_mm(test) };
	struct vm_area_struct *shared, *private;
	struct page *page = file_page(test, 2);
	pgprot_t dirty = __pgprot(pgprot_val(PROT) | _PAGE_DIRTY);

	shared = new_vma(test, mm[0], P(0), P(4), FLAGS | VM_SHARED | VM_MAYSHARE, &test_file);
	private = new_vma(test, mm[1], P(0), P(4), FLAGS, &test_file);
	map_file(test, shared, P(2), page, dirty);
	map_file(test, private, P(2), page, dirty);
	folio_lock(page_folio(page));
	KTEST_EXPECT_EQ(test, folio_mkclean(page_folio(page)), 1);
	KTEST_EXPECT_FALSE(test, pte_dirty(pte_at(test, mm[0], P(2))));
	KTEST_EXPECT_FALSE(test, pte_write(pte_at(test, mm[0], P(2))));
	KTEST_EXPECT_TRUE(test, pte_present(pte_at(test, mm[0], P(2))));
	KTEST_EXPECT_TRUE(test, pte_dirty(pte_at(test, mm[1], P(2))));	/* private: left */
	KTEST_EXPECT_EQ(test, folio_mkclean(page_folio(page)), 0);
	folio_unlock(page_folio(page));
	put_mm(test, mm[0]);
	put_mm(test, mm[1]);
	put_file_page(page);
}

static void try_to_unmap_clears_every_pte_of_a_file_page(struct ktest *test)
{
	struct mm_struct *mm[2] = { new_mm(test), new_mm(test) };
	struct vm_area_struct *a, *b;
	struct page *page = file_page(test, 3);
	pgprot_t dirty = __pgprot(pgprot_val(PROT) | _PAGE_DIRTY);

	a = new_vma(test, mm[0], P(0), P(4), VM_READ | VM_MAYREAD, &test_file);
	b = new_vma(test, mm[1], P(0), P(4), FLAGS | VM_SHARED | VM_MAYSHARE, &test_file);
	map_file(test, a, P(3), page, PROT);
	map_file(test, b, P(3), page, dirty);
	folio_lock(page_folio(page));
	try_to_unmap(page_folio(page), 0);
	folio_unlock(page_folio(page));
	KTEST_EXPECT_EQ(test, atomic_read(&page->_mapcount), -1);
	KTEST_EXPECT_TRUE(test, pte_none(pte_at(test, mm[0], P(3))));
	KTEST_EXPECT_TRUE(test, pte_none(pte_at(test, mm[1], P(3))));
	KTEST_EXPECT_EQ(test, get_mm_counter(mm[0], MM_FILEPAGES), 0ul);
	KTEST_EXPECT_EQ(test, get_mm_counter(mm[1], MM_FILEPAGES), 0ul);
	KTEST_EXPECT_TRUE(test, PageDirty(page));		/* from the dirty pte */
	KTEST_EXPECT_EQ(test, page_ref_count(page), 1);		/* the ptes' references put */
	ClearPageDirty(page);
	put_mm(test, mm[0]);
	put_mm(test, mm[1]);
	put_file_page(page);
}

static void try_to_unmap_keeps_swap_backed_and_mlocked_pages(struct ktest *test)
{
	struct mm_struct *mm = new_mm(test);
	struct vm_area_struct *vma = new_vma(test, mm, P(0), P(4), FLAGS, NULL);
	struct page *page = map_anon(test, vma, P(0));
	struct folio *folio = page_folio(page);

	folio_get(folio);				/* the reference reclaim would hold */
	folio_lock(folio);
	try_to_unmap(folio, 0);				/* no swap: stays */
	KTEST_EXPECT_EQ(test, page_mapcount(page), 1);
	/* MADV_FREE'd and clean, but in a locked VMA: stays */
	folio_clear_swapbacked(folio);
	set_pte_at(mm, P(0), test_pte(test, mm, P(0)), pte_mkclean(pte_at(test, mm, P(0))));
	vma->vm_flags |= VM_LOCKED;
	try_to_unmap(folio, 0);
	KTEST_EXPECT_EQ(test, page_mapcount(page), 1);
	/* TTU_IGNORE_MLOCK: a clean lazily freed page is discarded */
	try_to_unmap(folio, TTU_IGNORE_MLOCK);
	KTEST_EXPECT_EQ(test, atomic_read(&page->_mapcount), -1);
	KTEST_EXPECT_TRUE(test, pte_none(pte_at(test, mm, P(0))));
	KTEST_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 0ul);
	folio_unlock(folio);
	folio_put(folio);				/* frees it */
	vma->vm_flags &= ~VM_LOCKED;
	put_mm(test, mm);
}

static void try_to_unmap_keeps_a_redirtied_lazyfree_page(struct ktest *test)
{
	struct mm_struct *mm = new_mm(test);
	struct vm_area_struct *vma = new_vma(test, mm, P(0), P(4), FLAGS, NULL);
	struct page *page = map_anon(test, vma, P(1));	/* its pte is dirty */
	struct folio *folio = page_folio(page);

	folio_clear_swapbacked(folio);
	folio_get(folio);
	folio_lock(folio);
	try_to_unmap(folio, 0);
	folio_unlock(folio);
	KTEST_EXPECT_EQ(test, page_mapcount(page), 1);
	KTEST_EXPECT_TRUE(test, pte_present(pte_at(test, mm, P(1))));
	KTEST_EXPECT_TRUE(test, folio_test_swapbacked(folio));	/* memory again */
	folio_put(folio);
	put_mm(test, mm);
}

/* ---- the invariant checker ---- */

static void checker_catches_a_broken_mapcount_and_a_lost_anon_vma(struct ktest *test)
{
	struct mm_struct *mm[2] = { new_mm(test), new_mm(test) };
	struct vm_area_struct *a = new_vma(test, mm[0], P(0), P(4), FLAGS, NULL);
	struct vm_area_struct *b = new_vma(test, mm[1], P(0), P(4), FLAGS, NULL);
	struct page *page = map_anon(test, a, P(1));
	struct address_space *saved;

	map_anon(test, b, P(1));
	KTEST_EXPECT_EQ(test, rmap_check_mms(mm, 2), 0);
	/* one mapping too many: the count, and "exclusive but shared" */
	atomic_inc(&page->_mapcount);
	KTEST_EXPECT_EQ(test, rmap_check_mms(mm, 2), 2);
	atomic_dec(&page->_mapcount);
	/* one too few (the page looks unmapped) */
	atomic_dec(&page->_mapcount);
	KTEST_EXPECT_GT(test, rmap_check_mms(mm, 2), 0);
	atomic_inc(&page->_mapcount);
	/* the page points at an anon_vma its VMA is not chained to */
	saved = page->mapping;
	page->mapping = (struct address_space *)((unsigned long)b->anon_vma | PAGE_MAPPING_ANON);
	KTEST_EXPECT_EQ(test, rmap_check_mms(mm, 2), 1);
	page->mapping = saved;
	KTEST_EXPECT_EQ(test, rmap_check_mms(mm, 2), 0);
	put_mm(test, mm[0]);
	put_mm(test, mm[1]);
}

/* ---- dup_mm ---- */

/* fork's copy of @parent (whose lock the case holds: dropped around the copy), locked. */
static struct mm_struct *fork_mm(struct mm_struct *parent)
{
	struct mm_struct *child;

	mmap_write_unlock(parent);
	child = dup_mm(NULL, parent);
	mmap_write_lock(parent);
	if (child)
		mmap_write_lock(child);
	return child;
}

/* A write fault at @addr of @mm, as the CPU's would be handled. */
static vm_fault_t write_fault(struct mm_struct *mm, unsigned long addr)
{
	return handle_mm_fault(find_vma(mm, addr), addr, FAULT_FLAG_WRITE | FAULT_FLAG_USER, NULL);
}

/*
 * P's page is found in P and its descendants at depth 1..5 (each forked
 * from the last), then not in the one that wrote to it (COW), whose copy
 * is found there alone.
 */
static void dup_mm_shares_anon_pages_and_rmap_finds_every_mm(struct ktest *test)
{
	struct mm_struct *mm[MAX_MMS];
	struct page *page, *copy;
	struct walk_seen seen;
	pte_t *ptep;
	unsigned int d;

	mm[0] = new_mm(test);
	new_vma(test, mm[0], P(0), P(8), FLAGS, NULL);
	vm_stat_account(mm[0], FLAGS, 8);
	page = map_anon(test, mm[0]->mmap, P(3));
	for (d = 1; d < MAX_MMS; d++) {
		mm[d] = fork_mm(mm[d - 1]);
		KTEST_ASSERT_NOT_NULL(test, mm[d]);
		KTEST_EXPECT_EQ(test, mm[d]->total_vm, 8ul);
		KTEST_EXPECT_EQ(test, chain_length(mm[d]->mmap), d + 1);
		KTEST_EXPECT_EQ(test, get_mm_counter(mm[d], MM_ANONPAGES), 1ul);
	}
	KTEST_EXPECT_EQ(test, page_mapcount(page), MAX_MMS);
	KTEST_EXPECT_FALSE(test, PageAnonExclusive(page));
	KTEST_EXPECT_FALSE(test, pte_write(pte_at(test, mm[0], P(3))));	/* COW in the parent */
	walk(page_folio(page), &seen);
	KTEST_EXPECT_EQ(test, seen.n, (unsigned int)MAX_MMS);
	for (d = 0; d < MAX_MMS; d++)
		KTEST_EXPECT_TRUE(test, seen_in(&seen, mm[d], P(3)));
	KTEST_EXPECT_EQ(test, rmap_check_mms(mm, MAX_MMS), 0);

	KTEST_EXPECT_EQ(test, write_fault(mm[2], P(3)), 0u);
	ptep = test_pte(test, mm[2], P(3));
	copy = pfn_to_page(pte_pfn(ptep_get(ptep)));
	KTEST_EXPECT_PTR_NE(test, copy, page);
	KTEST_EXPECT_EQ(test, page_mapcount(page), MAX_MMS - 1);
	walk(page_folio(page), &seen);
	KTEST_EXPECT_EQ(test, seen.n, (unsigned int)MAX_MMS - 1);
	KTEST_EXPECT_FALSE(test, seen_in(&seen, mm[2], P(3)));
	walk(page_folio(copy), &seen);
	KTEST_EXPECT_EQ(test, seen.n, 1u);
	KTEST_EXPECT_TRUE(test, seen_in(&seen, mm[2], P(3)));
	KTEST_EXPECT_EQ(test, rmap_check_mms(mm, MAX_MMS), 0);
	for (d = 0; d < MAX_MMS; d++)
		put_mm(test, mm[d]);
}

static void dup_mm_skips_dontfork_wipes_wipeonfork_and_unlocks(struct ktest *test)
{
	struct mm_struct *parent = new_mm(test), *child;
	struct vm_area_struct *vma;

	new_vma(test, parent, P(0), P(2), FLAGS | VM_DONTCOPY, NULL);
	new_vma(test, parent, P(4), P(6), FLAGS | VM_WIPEONFORK, NULL);
	new_vma(test, parent, P(8), P(10), FLAGS | VM_LOCKED, NULL);
	new_vma(test, parent, P(12), P(14), VM_READ | VM_MAYREAD, &test_file);
	vm_stat_account(parent, FLAGS, 8);
	map_anon(test, find_vma(parent, P(0)), P(0));
	map_anon(test, find_vma(parent, P(4)), P(5));
	map_anon(test, find_vma(parent, P(8)), P(8));
	parent->def_flags = VM_LOCKED | VM_NOHUGEPAGE;	/* mlockall(MCL_FUTURE) and a THP hint */
	child = fork_mm(parent);
	KTEST_ASSERT_NOT_NULL(test, child);
	KTEST_EXPECT_EQ(test, child->map_count, 3);
	KTEST_EXPECT_NULL(test, vma_lookup(child, P(0)));	/* DONTFORK: not there */
	KTEST_EXPECT_EQ(test, child->total_vm, 6ul);
	/* the file VMA's copy is on i_mmap beside the parent's, and holds the file */
	KTEST_EXPECT_EQ(test, i_mmap_vmas(&test_mapping), 2u);
	KTEST_EXPECT_EQ(test, atomic_long_read(&test_file.f_count), 3l);
	vma = vma_lookup(child, P(4));
	KTEST_ASSERT_NOT_NULL(test, vma);			/* WIPEONFORK: there, empty */
	KTEST_EXPECT_NULL(test, vma->anon_vma);
	KTEST_EXPECT_TRUE(test, list_empty(&vma->anon_vma_chain));
	KTEST_EXPECT_TRUE(test, pte_none(pte_at(test, child, P(5))));
	vma = vma_lookup(child, P(8));
	KTEST_ASSERT_NOT_NULL(test, vma);
	KTEST_EXPECT_FALSE(test, vma->vm_flags & VM_LOCKED);	/* mlock is not inherited */
	KTEST_EXPECT_TRUE(test, pte_present(pte_at(test, child, P(8))));
	KTEST_EXPECT_EQ(test, child->def_flags, VM_NOHUGEPAGE);
	KTEST_EXPECT_EQ(test, get_mm_counter(child, MM_ANONPAGES), 1ul);
	{
		struct mm_struct *both[2] = { parent, child };

		KTEST_EXPECT_EQ(test, rmap_check_mms(both, 2), 0);
	}
	put_mm(test, child);
	put_mm(test, parent);
}

/* dup_mm() under failslab and fail_page_alloc, failing at each point in turn. */
static void dup_mm_failing_allocations_leak_nothing(struct ktest *test)
{
	struct failslab_attr saved_slab = failslab;
	struct fail_page_alloc_attr saved_page = fail_page_alloc;
	u8 saved_slow = slab_alloc_slow;
	struct mm_struct *parent = new_mm(test), *child, *both[2] = { parent };
	struct page *fpage = file_page(test, 1);
	unsigned long base_avs, base_chains, base_vmas, base_mms, base_free;
	unsigned int space, failures = 0, successes = 0, i;
	pgprot_t prot = PROT;

	new_vma(test, parent, P(0), P(4), FLAGS, NULL);
	new_vma(test, parent, P(512), P(516), VM_READ | VM_MAYREAD, &test_file);
	new_vma(test, parent, P(1024), P(1026), FLAGS | VM_SHARED | VM_MAYSHARE, NULL);
	for (i = 0; i < 4; i++)
		map_anon(test, parent->mmap, P(i));
	map_file(test, find_vma(parent, P(512)), P(513), fpage, prot);
	base_avs = objects_in_use(anon_vma_cachep);
	base_chains = objects_in_use(anon_vma_chain_cachep);
	base_vmas = objects_in_use(vm_area_cachep);
	base_mms = objects_in_use(mm_cachep);
	base_free = free_pages_shrunk();
	for (space = 0; space < 16 * 1024; space += 256) {
		bool page_fail = space & 256;

		if (page_fail)
			fail_pages_always((space / 512) * PAGE_SIZE, 0);
		else
			fail_slab_always(space);
		slab_alloc_slow |= SLAB_ALLOC_SLOW_FAILSLAB;
		mmap_write_unlock(parent);
		child = dup_mm(NULL, parent);
		mmap_write_lock(parent);
		failslab_enabled = false;
		fail_page_alloc_enabled = false;
		slab_alloc_slow = saved_slow;
		failslab = saved_slab;
		fail_page_alloc = saved_page;
		if (child) {
			successes++;
			both[1] = child;
			mmap_write_lock(child);
			KTEST_EXPECT_EQ(test, rmap_check_mms(both, 2), 0);
			put_mm(test, child);
		} else {
			failures++;
		}
		KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_cachep), base_avs);
		KTEST_EXPECT_EQ(test, objects_in_use(anon_vma_chain_cachep), base_chains);
		KTEST_EXPECT_EQ(test, objects_in_use(vm_area_cachep), base_vmas);
		KTEST_EXPECT_EQ(test, objects_in_use(mm_cachep), base_mms);
		KTEST_EXPECT_EQ(test, free_pages_shrunk(), base_free);
	}
	KTEST_EXPECT_GT(test, failures, 0u);
	KTEST_EXPECT_GT(test, successes, 0u);
	KTEST_EXPECT_EQ(test, rmap_check_mms(&parent, 1), 0);
	put_mm(test, parent);
	put_file_page(fpage);
}

static struct ktest_case rmap_cases[] = {
	KTEST_CASE(prepare_makes_a_root_and_shares_a_neighbours),
	KTEST_CASE(split_clones_the_chain_and_merge_keeps_one),
	KTEST_CASE(fork_chains_grow_with_depth_and_free_in_any_order),
	KTEST_CASE(fork_reuses_an_abandoned_anon_vma),
	KTEST_CASE(fork_failing_allocations_leak_nothing),
	KTEST_CASE(new_anon_page_is_exclusive_and_counted),
	KTEST_CASE(large_anon_folio_counts_each_page_and_walks_every_pte),
	KTEST_CASE(dup_refuses_a_pinned_exclusive_page),
	KTEST_CASE(rmap_walk_finds_anon_page_in_every_mm_mapping_it),
	KTEST_CASE(rmap_walk_finds_file_page_through_i_mmap),
	KTEST_CASE(folio_referenced_counts_and_clears_young_ptes),
	KTEST_CASE(folio_mkclean_cleans_shared_ptes_only),
	KTEST_CASE(try_to_unmap_clears_every_pte_of_a_file_page),
	KTEST_CASE(try_to_unmap_keeps_swap_backed_and_mlocked_pages),
	KTEST_CASE(try_to_unmap_keeps_a_redirtied_lazyfree_page),
	KTEST_CASE(checker_catches_a_broken_mapcount_and_a_lost_anon_vma),
	KTEST_CASE(dup_mm_shares_anon_pages_and_rmap_finds_every_mm),
	KTEST_CASE(dup_mm_skips_dontfork_wipes_wipeonfork_and_unlocks),
	KTEST_CASE(dup_mm_failing_allocations_leak_nothing),
	{}
};

static struct ktest_suite rmap_suite = {
	.name = "rmap",
	.init = rmap_test_init,
	.exit = rmap_test_exit,
	.test_cases = rmap_cases,
};
ktest_register_suite(rmap_suite);
