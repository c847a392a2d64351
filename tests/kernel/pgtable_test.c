// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the x86-64 page-table helpers (asm/pgtable.h, asm/pgtable_types.h)
 * and the kernel TLB flushes (asm/tlbflush.h): Linux's DEBUG_VM_PGTABLE idea.
 * For each table of Documentation/mm's "Architecture Page Table Helpers"
 * (PTE, PMD, PUD, HugeTLB) the cases build entries in memory and check each
 * helper's documented meaning; none needs a live mapping.
 *
 * Then walks: through tables built here in static page-aligned arrays (the
 * helpers follow physical addresses through the direct map, and __va(__pa())
 * of an image address is a valid alias of it), and through the live tables
 * from CR3. The TLB cases hook the same arrays into an unused slot of the
 * live top-level table (PML4 slot 256, Linux's guard hole), change a mapping
 * under a cached translation and check that each flush makes the new one
 * visible; ->exit unhooks the slot and restores CR4, even after a failure.
 */
#include <linux/ktest.h>
#include <linux/kernel.h>
#include <linux/pfn.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/pgalloc.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>

/* The highest pfn a 52-bit physical address allows. */
#define MAX_PFN_52		((1UL << (__PHYSICAL_MASK_SHIFT - PAGE_SHIFT)) - 1)
#define PFNS_PER_PMD		(PMD_SIZE >> PAGE_SHIFT)
#define PFNS_PER_PUD		(PUD_SIZE >> PAGE_SHIFT)

/* PML4 slot 256: no region of Documentation/virtual-memory-map.md lives there. */
#define TLB_TEST_VADDR		0xffff800000000000UL
#define MAGIC_A			0xaaaaaaaa5a5a5a5aUL
#define MAGIC_B			0xbbbbbbbb5b5b5b5bUL

static pgd_t test_pgd[PTRS_PER_PGD] __aligned(PAGE_SIZE);
static pud_t test_pud[PTRS_PER_PUD] __aligned(PAGE_SIZE);
static pmd_t test_pmd[PTRS_PER_PMD] __aligned(PAGE_SIZE);
static pte_t test_pte[PTRS_PER_PTE] __aligned(PAGE_SIZE);
static unsigned long page_a[PAGE_SIZE / sizeof(unsigned long)] __aligned(PAGE_SIZE);
static unsigned long page_b[PAGE_SIZE / sizeof(unsigned long)] __aligned(PAGE_SIZE);

/* What a TLB case changed in the live machine; ->exit undoes it. */
static struct {
	p4d_t *hooked;		/* live PML4 entry pointing to test_pud */
	unsigned long cr4;	/* CR4 to restore, when changed */
	bool cr4_changed;
} live;

static unsigned long pfn_of(const void *image_addr)
{
	return PHYS_PFN(__pa(image_addr));
}

/* ---- parameters --------------------------------------------------------- */

struct prot_param {
	const char *name;
	pgprotval_t prot;
};

static const struct prot_param prots[] = {
	{ "PAGE_KERNEL", __PAGE_KERNEL },
	{ "PAGE_KERNEL_EXEC", __PAGE_KERNEL_EXEC },
	{ "PAGE_KERNEL_RO", __PAGE_KERNEL_RO },
	{ "PAGE_KERNEL_ROX", __PAGE_KERNEL_ROX },
	{ "PAGE_KERNEL_NOCACHE", __PAGE_KERNEL_NOCACHE },
	{ "PAGE_NONE", ___A | _PAGE_PROTNONE },
};

static void prot_desc(const struct prot_param *p, char *desc)
{
	strscpy(desc, p->name, KTEST_PARAM_DESC_SIZE);
}
KTEST_ARRAY_PARAM(prots, prots, prot_desc);

static pgprot_t param_prot(struct ktest *test)
{
	return __pgprot(((const struct prot_param *)test->param_value)->prot);
}

static const unsigned long pfns[] = {
	0, 1, 0x9f, 0x100, 0xfffff, 0x123456789UL, MAX_PFN_52,
};

static void pfn_desc(const unsigned long *pfn, char *desc)
{
	snprintf(desc, KTEST_PARAM_DESC_SIZE, "pfn 0x%lx", *pfn);
}
KTEST_ARRAY_PARAM(pfns, pfns, pfn_desc);

struct index_param {
	const char *name;
	unsigned long addr;
	unsigned int pgd, pud, pmd, pte;
};

static const struct index_param indices[] = {
	{ "PAGE_OFFSET", PAGE_OFFSET, 273, 0, 0, 0 },
	{ "__START_KERNEL_map", __START_KERNEL_map, 511, 510, 0, 0 },
	{ "kernel text", 0xffffffff81234567UL, 511, 510, 9, 52 },
	{ "VMALLOC_START", VMALLOC_START, 402, 0, 0, 0 },
	{ "VMEMMAP_START", VMEMMAP_START, 468, 0, 0, 0 },
	{ "zero", 0, 0, 0, 0, 0 },
	{ "top of user space", 0x00007fffffffffffUL, 255, 511, 511, 511 },
	{ "top of memory", ~0UL, 511, 511, 511, 511 },
	{ "indices 5 6 7 8", (5UL << 39) | (6UL << 30) | (7UL << 21) | (8UL << 12) | 0x123,
	  5, 6, 7, 8 },
};

static void index_desc(const struct index_param *p, char *desc)
{
	strscpy(desc, p->name, KTEST_PARAM_DESC_SIZE);
}
KTEST_ARRAY_PARAM(indices, indices, index_desc);

/* ---- layout ------------------------------------------------------------- */

static void page_bits_have_linux_positions(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, _PAGE_PRESENT, 0x001UL);
	KTEST_EXPECT_EQ(test, _PAGE_RW, 0x002UL);
	KTEST_EXPECT_EQ(test, _PAGE_USER, 0x004UL);
	KTEST_EXPECT_EQ(test, _PAGE_PWT, 0x008UL);
	KTEST_EXPECT_EQ(test, _PAGE_PCD, 0x010UL);
	KTEST_EXPECT_EQ(test, _PAGE_ACCESSED, 0x020UL);
	KTEST_EXPECT_EQ(test, _PAGE_DIRTY, 0x040UL);
	KTEST_EXPECT_EQ(test, _PAGE_PSE, 0x080UL);
	KTEST_EXPECT_EQ(test, _PAGE_PAT, _PAGE_PSE);
	KTEST_EXPECT_EQ(test, _PAGE_GLOBAL, 0x100UL);
	KTEST_EXPECT_EQ(test, _PAGE_PAT_LARGE, 0x1000UL);
	KTEST_EXPECT_EQ(test, _PAGE_NX, 1UL << 63);
	/* Software bits sit where the CPU ignores them. */
	KTEST_EXPECT_EQ(test, _PAGE_SPECIAL, _PAGE_SOFTW1);
	KTEST_EXPECT_EQ(test, _PAGE_SOFTW1, 0x200UL);
	KTEST_EXPECT_EQ(test, _PAGE_SOFT_DIRTY, _PAGE_SOFTW3);
	KTEST_EXPECT_EQ(test, _PAGE_SOFTW3, 0x800UL);
	KTEST_EXPECT_EQ(test, _PAGE_DEVMAP, _PAGE_SOFTW4);
	KTEST_EXPECT_EQ(test, _PAGE_SOFTW4, 1UL << 57);
	KTEST_EXPECT_EQ(test, _PAGE_PROTNONE, _PAGE_GLOBAL);
	KTEST_EXPECT_EQ(test, _PAGE_SWP_SOFT_DIRTY, _PAGE_RW);
	KTEST_EXPECT_EQ(test, PTE_PFN_MASK, 0x000ffffffffff000UL);
	KTEST_EXPECT_EQ(test, PHYSICAL_PAGE_MASK, PTE_PFN_MASK);
	KTEST_EXPECT_EQ(test, PTE_FLAGS_MASK & PTE_PFN_MASK, 0UL);
	KTEST_EXPECT_EQ(test, _PAGE_UNUSED_HIGH & (_PAGE_DEVMAP | PTE_PFN_MASK), 0UL);
}

static void kernel_protections_have_linux_values(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, pgprot_val(PAGE_NONE), 0x120UL);
	KTEST_EXPECT_EQ(test, pgprot_val(PAGE_KERNEL), 0x8000000000000163UL);
	KTEST_EXPECT_EQ(test, pgprot_val(PAGE_KERNEL_EXEC), 0x163UL);
	KTEST_EXPECT_EQ(test, pgprot_val(PAGE_KERNEL_RO), 0x8000000000000121UL);
	KTEST_EXPECT_EQ(test, pgprot_val(PAGE_KERNEL_ROX), 0x121UL);
	KTEST_EXPECT_EQ(test, pgprot_val(PAGE_KERNEL_NOCACHE), 0x800000000000017bUL);
	KTEST_EXPECT_EQ(test, pgprot_val(PAGE_KERNEL_LARGE), 0x80000000000001e3UL);
	KTEST_EXPECT_EQ(test, pgprot_val(PAGE_KERNEL_LARGE_EXEC), 0x1e3UL);
	KTEST_EXPECT_EQ(test, (unsigned long)_KERNPG_TABLE, 0x063UL);
	KTEST_EXPECT_EQ(test, (unsigned long)_PAGE_TABLE, 0x067UL);
}

static void level_shifts_and_sizes_cover_48_bits(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, PMD_SIZE, SZ_2M);
	KTEST_EXPECT_EQ(test, PUD_SIZE, SZ_1G);
	KTEST_EXPECT_EQ(test, PGDIR_SIZE, 512 * SZ_1G);
	KTEST_EXPECT_EQ(test, P4D_SIZE, PGDIR_SIZE);
	KTEST_EXPECT_EQ(test, PTRS_PER_P4D, 1);
	KTEST_EXPECT_EQ(test, PGDIR_SHIFT + 9, 48);
	KTEST_EXPECT_EQ(test, PMD_MASK, ~(SZ_2M - 1));
	KTEST_EXPECT_EQ(test, PUD_MASK, ~(SZ_1G - 1));
	KTEST_EXPECT_EQ(test, PGDIR_MASK, ~(PGDIR_SIZE - 1));
	KTEST_EXPECT_EQ(test, PHYSICAL_PMD_PAGE_MASK, 0x000fffffffe00000UL);
	KTEST_EXPECT_EQ(test, PHYSICAL_PUD_PAGE_MASK, 0x000fffffc0000000UL);
	KTEST_EXPECT_EQ(test, sizeof(pte_t), 8UL);
	KTEST_EXPECT_EQ(test, sizeof(pmd_t), 8UL);
	KTEST_EXPECT_EQ(test, sizeof(pud_t), 8UL);
	KTEST_EXPECT_EQ(test, sizeof(p4d_t), 8UL);
	KTEST_EXPECT_EQ(test, sizeof(pgd_t), 8UL);
}

static void index_helpers_split_the_address(struct ktest *test)
{
	const struct index_param *p = test->param_value;

	KTEST_EXPECT_EQ(test, pgd_index(p->addr), p->pgd);
	KTEST_EXPECT_EQ(test, pud_index(p->addr), p->pud);
	KTEST_EXPECT_EQ(test, pmd_index(p->addr), p->pmd);
	KTEST_EXPECT_EQ(test, pte_index(p->addr), p->pte);
}

static void pat_bit_moves_between_4k_and_large_protections(struct ktest *test)
{
	pgprotval_t uc_minus_4k = __PAGE_KERNEL | _PAGE_PAT;
	pgprotval_t large = protval_4k_2_large(uc_minus_4k);

	KTEST_EXPECT_EQ(test, large & _PAGE_PAT, 0UL);
	KTEST_EXPECT_NE(test, large & _PAGE_PAT_LARGE, 0UL);
	KTEST_EXPECT_EQ(test, protval_large_2_4k(large), uc_minus_4k);
	KTEST_EXPECT_EQ(test, pgprot_val(pgprot_4k_2_large(PAGE_KERNEL)), __PAGE_KERNEL);
	KTEST_EXPECT_EQ(test, pgprot_val(pgprot_large_2_4k(__pgprot(large))), uc_minus_4k);
}

/* ---- PTE ---------------------------------------------------------------- */

static void pte_none_only_for_empty_entries(struct ktest *test)
{
	KTEST_EXPECT_TRUE(test, pte_none(__pte(0)));
	/* ACCESSED/DIRTY alone: the Knights Landing erratum, still empty. */
	KTEST_EXPECT_TRUE(test, pte_none(__pte(_PAGE_ACCESSED | _PAGE_DIRTY)));
	KTEST_EXPECT_FALSE(test, pte_none(pfn_pte(1, __pgprot(0))));
	KTEST_EXPECT_FALSE(test, pte_none(pfn_pte(0, PAGE_KERNEL)));
	KTEST_EXPECT_FALSE(test, pte_none(pfn_pte(0, PAGE_NONE)));
	KTEST_EXPECT_FALSE(test, pte_present(__pte(0)));
}

static void pte_same_compares_whole_entry(struct ktest *test)
{
	pte_t pte = pfn_pte(0x1234, PAGE_KERNEL);

	KTEST_EXPECT_TRUE(test, pte_same(pte, pfn_pte(0x1234, PAGE_KERNEL)));
	KTEST_EXPECT_FALSE(test, pte_same(pte, pfn_pte(0x1235, PAGE_KERNEL)));
	KTEST_EXPECT_FALSE(test, pte_same(pte, pte_mkold(pte)));
	KTEST_EXPECT_FALSE(test, pte_same(pte, pte_mkspecial(pte)));
}

static void pfn_pte_round_trips_pfn_and_protection(struct ktest *test)
{
	unsigned long pfn = *(const unsigned long *)test->param_value;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(prots); i++) {
		pte_t pte = pfn_pte(pfn, __pgprot(prots[i].prot));

		KTEST_EXPECT_EQ(test, pte_pfn(pte), pfn);
		KTEST_EXPECT_EQ(test, pgprot_val(pte_pgprot(pte)), prots[i].prot);
		KTEST_EXPECT_TRUE(test, pte_present(pte));
	}
}

static void pte_mkyoung_and_mkold_toggle_young(struct ktest *test)
{
	pte_t pte = pfn_pte(0x42, param_prot(test));

	KTEST_EXPECT_TRUE(test, pte_young(pte_mkyoung(pte)));
	KTEST_EXPECT_FALSE(test, pte_young(pte_mkold(pte)));
	KTEST_EXPECT_TRUE(test, pte_young(pte_mkyoung(pte_mkold(pte))));
	KTEST_EXPECT_EQ(test, pte_pfn(pte_mkold(pte)), 0x42UL);
}

static void pte_mkdirty_is_soft_dirty_and_mkclean_keeps_it(struct ktest *test)
{
	pte_t pte = pte_mkclean(pte_clear_flags(pfn_pte(0x42, param_prot(test)), _PAGE_SOFT_DIRTY));

	KTEST_EXPECT_FALSE(test, pte_dirty(pte));
	KTEST_EXPECT_TRUE(test, pte_dirty(pte_mkdirty(pte)));
	KTEST_EXPECT_TRUE(test, pte_flags(pte_mkdirty(pte)) & _PAGE_SOFT_DIRTY);
	KTEST_EXPECT_FALSE(test, pte_dirty(pte_mkclean(pte_mkdirty(pte))));
	KTEST_EXPECT_TRUE(test, pte_flags(pte_mkclean(pte_mkdirty(pte))) & _PAGE_SOFT_DIRTY);
}

static void pte_mkwrite_and_wrprotect_toggle_write(struct ktest *test)
{
	pte_t pte = pfn_pte(0x42, param_prot(test));

	KTEST_EXPECT_TRUE(test, pte_write(pte_mkwrite(pte)));
	KTEST_EXPECT_FALSE(test, pte_write(pte_wrprotect(pte)));
	KTEST_EXPECT_TRUE(test, pte_write(pte_mkwrite(pte_wrprotect(pte))));
	KTEST_EXPECT_EQ(test, pte_dirty(pte_wrprotect(pte)), pte_dirty(pte));
}

static void pte_exec_follows_nx(struct ktest *test)
{
	KTEST_EXPECT_FALSE(test, pte_exec(pfn_pte(1, PAGE_KERNEL)));
	KTEST_EXPECT_FALSE(test, pte_exec(pfn_pte(1, PAGE_KERNEL_RO)));
	KTEST_EXPECT_TRUE(test, pte_exec(pfn_pte(1, PAGE_KERNEL_EXEC)));
	KTEST_EXPECT_TRUE(test, pte_exec(pfn_pte(1, PAGE_KERNEL_ROX)));
	KTEST_EXPECT_TRUE(test, pte_exec(pte_mkexec(pfn_pte(1, PAGE_KERNEL))));
	KTEST_EXPECT_TRUE(test, pte_write(pte_mkexec(pfn_pte(1, PAGE_KERNEL))));
}

static void pte_mkspecial_makes_special(struct ktest *test)
{
	pte_t pte = pfn_pte(0x42, param_prot(test));

	KTEST_EXPECT_FALSE(test, pte_special(pte));
	KTEST_EXPECT_TRUE(test, pte_special(pte_mkspecial(pte)));
	KTEST_EXPECT_EQ(test, pte_pfn(pte_mkspecial(pte)), 0x42UL);
}

static void protnone_pte_is_present_but_not_accessible(struct ktest *test)
{
	pte_t pte = pfn_pte(0x42, PAGE_NONE);

	KTEST_EXPECT_TRUE(test, pte_present(pte));
	KTEST_EXPECT_EQ(test, pte_val(pte) & _PAGE_PRESENT, 0UL);
	KTEST_EXPECT_FALSE(test, pte_write(pte));
	KTEST_EXPECT_EQ(test, pte_pfn(pte), 0x42UL);
}

static void pte_bad_catches_virtual_address_in_entry(struct ktest *test)
{
	unsigned long va = (unsigned long)__va(0x1234000UL);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(prots); i++) {
		pgprotval_t prot = prots[i].prot;

		KTEST_EXPECT_FALSE(test, pte_bad(pfn_pte(MAX_PFN_52, __pgprot(prot))));
		KTEST_EXPECT_TRUE(test, pte_bad(__pte(va | prot)));
	}
	/* Not a mapping, not judged: swap entries use the high bits. */
	KTEST_EXPECT_FALSE(test, pte_bad(__pte(va)));
}

static void pte_modify_changes_protection_keeps_pfn_and_state(struct ktest *test)
{
	pte_t pte = pte_mkspecial(pte_mkdirty(pte_mkyoung(pfn_pte(0x1234, PAGE_KERNEL))));
	pte_t rox = pte_modify(pte, PAGE_KERNEL_ROX);
	pte_t none = pte_modify(pte, PAGE_NONE);
	pte_t uc = pfn_pte(0x1234, PAGE_KERNEL_NOCACHE);

	KTEST_EXPECT_EQ(test, pte_pfn(rox), 0x1234UL);
	KTEST_EXPECT_FALSE(test, pte_write(rox));
	KTEST_EXPECT_TRUE(test, pte_exec(rox));
	KTEST_EXPECT_TRUE(test, pte_dirty(rox));
	KTEST_EXPECT_TRUE(test, pte_flags(rox) & _PAGE_SOFT_DIRTY);
	KTEST_EXPECT_TRUE(test, pte_young(rox));
	KTEST_EXPECT_TRUE(test, pte_special(rox));

	KTEST_EXPECT_TRUE(test, pte_present(none));
	KTEST_EXPECT_EQ(test, pte_val(none) & _PAGE_PRESENT, 0UL);
	KTEST_EXPECT_TRUE(test, pte_present(none));
	KTEST_EXPECT_EQ(test, pte_pfn(none), 0x1234UL);
	KTEST_EXPECT_NE(test, pte_val(pte_modify(none, PAGE_KERNEL)) & _PAGE_PRESENT, 0UL);
	KTEST_EXPECT_TRUE(test, pte_write(pte_modify(none, PAGE_KERNEL)));

	/* The cache type belongs to the mapping, not to the protection. */
	KTEST_EXPECT_EQ(test, pte_val(pte_modify(uc, PAGE_KERNEL_RO)) & _PAGE_CACHE_MASK,
			_PAGE_NOCACHE);
}

static void set_pte_at_ptep_get_and_pte_clear(struct ktest *test)
{
	pte_t slot = __pte(0), pte = pfn_pte(0x42, PAGE_KERNEL);

	set_pte_at(NULL, 0, &slot, pte);
	KTEST_EXPECT_TRUE(test, pte_same(ptep_get(&slot), pte));
	pte_clear(NULL, 0, &slot);
	KTEST_EXPECT_TRUE(test, pte_none(ptep_get(&slot)));
	set_pte(&slot, pte);
	KTEST_EXPECT_TRUE(test, pte_same(ptep_get(&slot), pte));
}

static void ptep_get_and_clear_returns_old_and_leaves_none(struct ktest *test)
{
	pte_t slot, pte = pte_mkdirty(pfn_pte(0x42, PAGE_KERNEL));
	int full;

	set_pte(&slot, pte);
	KTEST_EXPECT_TRUE(test, pte_same(ptep_get_and_clear(NULL, 0, &slot), pte));
	KTEST_EXPECT_TRUE(test, pte_none(ptep_get(&slot)));
	for (full = 0; full <= 1; full++) {
		set_pte(&slot, pte);
		KTEST_EXPECT_TRUE(test, pte_same(ptep_get_and_clear_full(NULL, 0, &slot, full), pte));
		KTEST_EXPECT_TRUE(test, pte_none(ptep_get(&slot)));
	}
	set_pte(&slot, pte);
	ptep_clear(NULL, 0, &slot);
	KTEST_EXPECT_TRUE(test, pte_none(ptep_get(&slot)));
}

static void ptep_test_and_clear_young_reports_and_clears(struct ktest *test)
{
	pte_t slot, pte = pte_mkyoung(pfn_pte(0x42, PAGE_KERNEL));

	set_pte(&slot, pte);
	KTEST_EXPECT_EQ(test, ptep_test_and_clear_young(NULL, 0, &slot), 1);
	KTEST_EXPECT_TRUE(test, pte_same(ptep_get(&slot), pte_mkold(pte)));
	KTEST_EXPECT_EQ(test, ptep_test_and_clear_young(NULL, 0, &slot), 0);
	KTEST_EXPECT_TRUE(test, pte_same(ptep_get(&slot), pte_mkold(pte)));
}

static void ptep_set_wrprotect_clears_only_write(struct ktest *test)
{
	pte_t slot, pte = pte_mkdirty(pfn_pte(0x42, PAGE_KERNEL));

	set_pte(&slot, pte);
	ptep_set_wrprotect(NULL, 0, &slot);
	KTEST_EXPECT_FALSE(test, pte_write(ptep_get(&slot)));
	KTEST_EXPECT_TRUE(test, pte_same(ptep_get(&slot), pte_wrprotect(pte)));
}

static void ptep_set_access_flags_upgrades_on_write_fault(struct ktest *test)
{
	pte_t old = pte_mkold(pte_mkclean(pte_wrprotect(pfn_pte(0x42, PAGE_KERNEL))));
	pte_t entry = pte_mkyoung(pte_mkdirty(pte_mkwrite(old)));
	pte_t slot, now;

	set_pte(&slot, old);
	KTEST_EXPECT_EQ(test, ptep_set_access_flags(NULL, 0, &slot, entry, 1), 1);
	now = ptep_get(&slot);
	KTEST_EXPECT_TRUE(test, pte_write(now));
	KTEST_EXPECT_TRUE(test, pte_dirty(now));
	KTEST_EXPECT_TRUE(test, pte_young(now));
	KTEST_EXPECT_EQ(test, pte_pfn(now), 0x42UL);
	/* More permissive only: nothing the old entry had is lost. */
	KTEST_EXPECT_EQ(test, pte_val(old) & ~pte_val(now), 0UL);
	KTEST_EXPECT_EQ(test, ptep_set_access_flags(NULL, 0, &slot, entry, 1), 0);
}

static void ptep_set_access_flags_leaves_accessed_to_cpu(struct ktest *test)
{
	pte_t old = pte_mkold(pfn_pte(0x42, PAGE_KERNEL));
	pte_t slot;

	set_pte(&slot, old);
	KTEST_EXPECT_EQ(test, ptep_set_access_flags(NULL, 0, &slot, pte_mkyoung(old), 0), 1);
	KTEST_EXPECT_TRUE(test, pte_same(ptep_get(&slot), old));
}

/* ---- HugeTLB ------------------------------------------------------------ */

static void pte_mkhuge_makes_huge(struct ktest *test)
{
	pte_t pte = pfn_pte(PFNS_PER_PMD, PAGE_KERNEL);

	KTEST_EXPECT_FALSE(test, pte_huge(pte));
	KTEST_EXPECT_TRUE(test, pte_huge(pte_mkhuge(pte)));
	KTEST_EXPECT_TRUE(test, pmd_leaf(__pmd(pte_val(pte_mkhuge(pte)))));
}

static void huge_pte_dirty_and_write_helpers(struct ktest *test)
{
	pte_t pte = pte_mkhuge(pte_mkclean(pte_wrprotect(pfn_pte(PFNS_PER_PMD, PAGE_KERNEL))));

	KTEST_EXPECT_FALSE(test, huge_pte_dirty(pte));
	KTEST_EXPECT_FALSE(test, huge_pte_write(pte));
	KTEST_EXPECT_TRUE(test, huge_pte_dirty(huge_pte_mkdirty(pte)));
	KTEST_EXPECT_TRUE(test, huge_pte_write(huge_pte_mkwrite(pte)));
	KTEST_EXPECT_FALSE(test, huge_pte_write(huge_pte_wrprotect(huge_pte_mkwrite(pte))));
	KTEST_EXPECT_TRUE(test, pte_huge(huge_pte_mkwrite(huge_pte_mkdirty(pte))));
}

static void huge_ptep_helpers_clear_wrprotect_and_upgrade(struct ktest *test)
{
	pte_t huge = pte_mkhuge(pfn_pte(PFNS_PER_PMD, PAGE_KERNEL));
	pte_t slot, entry;

	set_pte(&slot, huge);
	huge_ptep_set_wrprotect(NULL, 0, &slot);
	KTEST_EXPECT_FALSE(test, huge_pte_write(ptep_get(&slot)));
	KTEST_EXPECT_TRUE(test, pte_huge(ptep_get(&slot)));

	entry = huge_pte_mkdirty(huge_pte_mkwrite(ptep_get(&slot)));
	KTEST_EXPECT_EQ(test, huge_ptep_set_access_flags(NULL, 0, &slot, entry, 1), 1);
	KTEST_EXPECT_TRUE(test, pte_same(ptep_get(&slot), entry));

	KTEST_EXPECT_TRUE(test, pte_same(huge_ptep_get_and_clear(NULL, 0, &slot), entry));
	KTEST_EXPECT_TRUE(test, pte_none(ptep_get(&slot)));
}

/* ---- PMD ---------------------------------------------------------------- */

static void pmd_table_entry_is_present_not_leaf_not_bad(struct ktest *test)
{
	pmd_t kern = __pmd(__pa(test_pte) | _KERNPG_TABLE);
	pmd_t user = __pmd(__pa(test_pte) | _PAGE_TABLE);

	KTEST_EXPECT_TRUE(test, pmd_present(kern));
	KTEST_EXPECT_FALSE(test, pmd_leaf(kern));
	KTEST_EXPECT_FALSE(test, pmd_huge(kern));
	KTEST_EXPECT_FALSE(test, pmd_trans_huge(kern));
	KTEST_EXPECT_FALSE(test, pmd_bad(kern));
	KTEST_EXPECT_FALSE(test, pmd_bad(user));
	KTEST_EXPECT_FALSE(test, pmd_bad(pmd_mkold(kern)));
	KTEST_EXPECT_EQ(test, __pa(pmd_page_vaddr(kern)), __pa(test_pte));
	KTEST_EXPECT_EQ(test, pmd_pfn(kern), pfn_of(test_pte));
}

static void pmd_huge_leaf_is_leaf_huge_thp_and_bad(struct ktest *test)
{
	pmd_t pmd = pmd_mkhuge(pfn_pmd(PFNS_PER_PMD, PAGE_KERNEL));

	KTEST_EXPECT_TRUE(test, pmd_present(pmd));
	KTEST_EXPECT_TRUE(test, pmd_leaf(pmd));
	KTEST_EXPECT_TRUE(test, pmd_huge(pmd));
	KTEST_EXPECT_TRUE(test, pmd_trans_huge(pmd));
	KTEST_EXPECT_TRUE(test, pmd_bad(pmd));
	/* ZONE_DEVICE memory is a leaf but not a THP. */
	KTEST_EXPECT_FALSE(test, pmd_trans_huge(pmd_set_flags(pmd, _PAGE_DEVMAP)));
	KTEST_EXPECT_TRUE(test, pmd_leaf(pmd_set_flags(pmd, _PAGE_DEVMAP)));
	/* A non-present huge entry (hugetlb migration) is still huge. */
	KTEST_EXPECT_TRUE(test, pmd_huge(__pmd((0x5UL << PMD_SHIFT) | _PAGE_PSE)));
	KTEST_EXPECT_FALSE(test, pmd_huge(__pmd(0)));
}

static void pmd_bad_rejects_wrong_table_flags(struct ktest *test)
{
	unsigned long pa = __pa(test_pte);

	KTEST_EXPECT_TRUE(test, pmd_bad(__pmd(pa | (_KERNPG_TABLE & ~_PAGE_PRESENT))));
	KTEST_EXPECT_TRUE(test, pmd_bad(__pmd(pa | (_KERNPG_TABLE & ~_PAGE_RW))));
	KTEST_EXPECT_TRUE(test, pmd_bad(__pmd(pa | (_KERNPG_TABLE & ~_PAGE_DIRTY))));
	KTEST_EXPECT_TRUE(test, pmd_bad(__pmd(pa | _KERNPG_TABLE | _PAGE_NX)));
	KTEST_EXPECT_TRUE(test, pmd_bad(__pmd(pa | _KERNPG_TABLE | _PAGE_GLOBAL)));
	KTEST_EXPECT_TRUE(test, pmd_bad(__pmd(pa | _KERNPG_TABLE | _PAGE_PSE)));
}

static void pfn_pmd_round_trips_2m_pfns(struct ktest *test)
{
	unsigned long pfn = ALIGN_DOWN(*(const unsigned long *)test->param_value, PFNS_PER_PMD);
	pmd_t pmd = pmd_mkhuge(pfn_pmd(pfn, PAGE_KERNEL));
	pmd_t pat = pfn_pmd(pfn, __pgprot(__PAGE_KERNEL_LARGE | _PAGE_PAT_LARGE));

	KTEST_EXPECT_EQ(test, pmd_pfn(pmd), pfn);
	KTEST_EXPECT_EQ(test, pmd_pfn(pat), pfn);
	KTEST_EXPECT_NE(test, pmd_flags(pat) & _PAGE_PAT_LARGE, 0UL);
	/* Not 2 MiB aligned: rounded down to the 2 MiB page holding it. */
	KTEST_EXPECT_EQ(test, pmd_pfn(pmd_mkhuge(pfn_pmd(pfn + 1, PAGE_KERNEL))), pfn);
}

static void pmd_flag_helpers_set_and_clear(struct ktest *test)
{
	pmd_t pmd = pmd_mkhuge(pfn_pmd(PFNS_PER_PMD, PAGE_KERNEL));

	KTEST_EXPECT_TRUE(test, pmd_same(pmd, pmd_mkhuge(pfn_pmd(PFNS_PER_PMD, PAGE_KERNEL))));
	KTEST_EXPECT_FALSE(test, pmd_same(pmd, pmd_mkold(pmd)));
	KTEST_EXPECT_TRUE(test, pmd_young(pmd_mkyoung(pmd_mkold(pmd))));
	KTEST_EXPECT_FALSE(test, pmd_young(pmd_mkold(pmd)));
	KTEST_EXPECT_TRUE(test, pmd_dirty(pmd_mkdirty(pmd_mkclean(pmd))));
	KTEST_EXPECT_TRUE(test, pmd_flags(pmd_mkdirty(pmd)) & _PAGE_SOFT_DIRTY);
	KTEST_EXPECT_FALSE(test, pmd_dirty(pmd_mkclean(pmd)));
	KTEST_EXPECT_TRUE(test, pmd_write(pmd_mkwrite(pmd_wrprotect(pmd))));
	KTEST_EXPECT_FALSE(test, pmd_write(pmd_wrprotect(pmd)));
	KTEST_EXPECT_FALSE(test, pmd_special(pmd));
	KTEST_EXPECT_TRUE(test, pmd_special(pmd_mkspecial(pmd)));
	KTEST_EXPECT_EQ(test, pmd_pfn(pmd_wrprotect(pmd_mkold(pmd_mkspecial(pmd)))),
			PFNS_PER_PMD);
}

static void pmd_mkinvalid_hides_thp_but_keeps_it_present(struct ktest *test)
{
	pmd_t pmd = pmd_mkhuge(pfn_pmd(PFNS_PER_PMD, PAGE_KERNEL));
	pmd_t inval = pmd_mkinvalid(pmd);

	KTEST_EXPECT_EQ(test, pmd_val(inval) & _PAGE_PRESENT, 0UL);
	KTEST_EXPECT_TRUE(test, pmd_present(inval));
	KTEST_EXPECT_TRUE(test, pmd_trans_huge(inval));
	KTEST_EXPECT_TRUE(test, pmd_leaf(inval));
	KTEST_EXPECT_EQ(test, pmd_val(inval) & _PAGE_PROTNONE, 0UL);
	KTEST_EXPECT_EQ(test, pmd_pfn(inval), PFNS_PER_PMD);
	/* Of a PROT_NONE leaf too. */
	KTEST_EXPECT_EQ(test, pmd_val(pmd_mkinvalid(pmd_mkhuge(pfn_pmd(0, PAGE_NONE)))) &
			(_PAGE_PRESENT | _PAGE_PROTNONE), 0UL);
}

static void pmd_set_huge_maps_2m_and_refuses_tables(struct ktest *test)
{
	pmd_t slot = __pmd(0), table = __pmd(__pa(test_pte) | _KERNPG_TABLE);
	phys_addr_t pa = 3 * PMD_SIZE;

	KTEST_ASSERT_EQ(test, pmd_set_huge(&slot, pa, PAGE_KERNEL), 1);
	KTEST_EXPECT_TRUE(test, pmd_leaf(slot));
	KTEST_EXPECT_EQ(test, PFN_PHYS(pmd_pfn(slot)), pa);
	KTEST_EXPECT_EQ(test, pmd_flags(slot), __PAGE_KERNEL_LARGE);
	/* The 4 KiB PAT bit becomes PAT_LARGE. */
	KTEST_EXPECT_EQ(test, pmd_set_huge(&slot, pa, __pgprot(__PAGE_KERNEL | _PAGE_PAT)), 1);
	KTEST_EXPECT_EQ(test, pmd_flags(slot), __PAGE_KERNEL_LARGE | _PAGE_PAT_LARGE);
	KTEST_EXPECT_EQ(test, PFN_PHYS(pmd_pfn(slot)), pa);

	KTEST_EXPECT_EQ(test, pmd_set_huge(&slot, pa + PAGE_SIZE, PAGE_KERNEL), 0);
	KTEST_EXPECT_EQ(test, PFN_PHYS(pmd_pfn(slot)), pa);
	set_pmd(&slot, table);
	KTEST_EXPECT_EQ(test, pmd_set_huge(&slot, pa, PAGE_KERNEL), 0);
	KTEST_EXPECT_TRUE(test, pmd_same(slot, table));
}

static void pmd_clear_huge_clears_only_leaves(struct ktest *test)
{
	pmd_t slot = __pmd(0), table = __pmd(__pa(test_pte) | _KERNPG_TABLE);

	KTEST_ASSERT_EQ(test, pmd_set_huge(&slot, PMD_SIZE, PAGE_KERNEL), 1);
	KTEST_EXPECT_EQ(test, pmd_clear_huge(&slot), 1);
	KTEST_EXPECT_TRUE(test, pmd_none(slot));
	KTEST_EXPECT_EQ(test, pmd_clear_huge(&slot), 0);
	set_pmd(&slot, table);
	KTEST_EXPECT_EQ(test, pmd_clear_huge(&slot), 0);
	KTEST_EXPECT_TRUE(test, pmd_same(slot, table));
	pmd_clear(&slot);
	KTEST_EXPECT_TRUE(test, pmd_none(pmdp_get(&slot)));
}

static void pmdp_huge_get_and_clear_returns_old_and_leaves_none(struct ktest *test)
{
	pmd_t slot, pmd = pmd_mkhuge(pfn_pmd(PFNS_PER_PMD, PAGE_KERNEL));

	set_pmd_at(NULL, 0, &slot, pmd);
	KTEST_EXPECT_TRUE(test, pmd_same(pmdp_huge_get_and_clear(NULL, 0, &slot), pmd));
	KTEST_EXPECT_TRUE(test, pmd_none(pmdp_get(&slot)));
	set_pmd(&slot, pmd);
	KTEST_EXPECT_TRUE(test, pmd_same(pmdp_huge_get_and_clear_full(NULL, 0, &slot, 1), pmd));
	KTEST_EXPECT_TRUE(test, pmd_none(pmdp_get(&slot)));
}

static void pmdp_test_and_clear_young_and_set_wrprotect(struct ktest *test)
{
	pmd_t slot, pmd = pmd_mkyoung(pmd_mkhuge(pfn_pmd(PFNS_PER_PMD, PAGE_KERNEL)));

	set_pmd(&slot, pmd);
	KTEST_EXPECT_EQ(test, pmdp_test_and_clear_young(NULL, 0, &slot), 1);
	KTEST_EXPECT_EQ(test, pmdp_test_and_clear_young(NULL, 0, &slot), 0);
	KTEST_EXPECT_TRUE(test, pmd_same(slot, pmd_mkold(pmd)));
	pmdp_set_wrprotect(NULL, 0, &slot);
	KTEST_EXPECT_TRUE(test, pmd_same(slot, pmd_wrprotect(pmd_mkold(pmd))));
}

static void pmdp_set_access_flags_upgrades_on_write_fault(struct ktest *test)
{
	pmd_t old = pmd_mkold(pmd_mkclean(pmd_wrprotect(pmd_mkhuge(pfn_pmd(PFNS_PER_PMD,
									   PAGE_KERNEL)))));
	pmd_t entry = pmd_mkyoung(pmd_mkdirty(pmd_mkwrite(old)));
	pmd_t slot;

	set_pmd(&slot, old);
	KTEST_EXPECT_EQ(test, pmdp_set_access_flags(NULL, 0, &slot, pmd_mkyoung(old), 0), 1);
	KTEST_EXPECT_TRUE(test, pmd_same(slot, old));
	KTEST_EXPECT_EQ(test, pmdp_set_access_flags(NULL, 0, &slot, entry, 1), 1);
	KTEST_EXPECT_TRUE(test, pmd_write(slot));
	KTEST_EXPECT_TRUE(test, pmd_dirty(slot));
	KTEST_EXPECT_TRUE(test, pmd_young(slot));
	KTEST_EXPECT_EQ(test, pmd_val(old) & ~pmd_val(slot), 0UL);
	KTEST_EXPECT_EQ(test, pmdp_set_access_flags(NULL, 0, &slot, entry, 1), 0);
}

/* ---- PUD ---------------------------------------------------------------- */

static void pud_table_entry_is_present_not_leaf_not_bad(struct ktest *test)
{
	pud_t pud = __pud(__pa(test_pmd) | _KERNPG_TABLE);

	KTEST_EXPECT_TRUE(test, pud_present(pud));
	KTEST_EXPECT_FALSE(test, pud_leaf(pud));
	KTEST_EXPECT_FALSE(test, pud_huge(pud));
	KTEST_EXPECT_FALSE(test, pud_bad(pud));
	KTEST_EXPECT_FALSE(test, pud_bad(__pud(__pa(test_pmd) | _PAGE_TABLE)));
	/* Linux x86 only rejects extra flags at this level. */
	KTEST_EXPECT_FALSE(test, pud_bad(__pud(__pa(test_pmd) | _PAGE_PRESENT | _PAGE_RW)));
	KTEST_EXPECT_TRUE(test, pud_bad(__pud(__pa(test_pmd) | _KERNPG_TABLE | _PAGE_NX)));
	KTEST_EXPECT_EQ(test, __pa(pud_pgtable(pud)), __pa(test_pmd));
	KTEST_EXPECT_EQ(test, pud_pfn(pud), pfn_of(test_pmd));
	KTEST_EXPECT_TRUE(test, pud_none(__pud(0)));
	KTEST_EXPECT_FALSE(test, pud_none(pud));
}

static void pud_huge_leaf_is_leaf_huge_and_bad(struct ktest *test)
{
	pud_t pud = pud_mkhuge(pfn_pud(PFNS_PER_PUD, PAGE_KERNEL));

	KTEST_EXPECT_TRUE(test, pud_present(pud));
	KTEST_EXPECT_TRUE(test, pud_leaf(pud));
	KTEST_EXPECT_TRUE(test, pud_huge(pud));
	KTEST_EXPECT_TRUE(test, pud_bad(pud));
	KTEST_EXPECT_TRUE(test, pud_same(pud, pud_mkhuge(pfn_pud(PFNS_PER_PUD, PAGE_KERNEL))));
}

static void pfn_pud_round_trips_1g_pfns(struct ktest *test)
{
	unsigned long pfn = ALIGN_DOWN(*(const unsigned long *)test->param_value, PFNS_PER_PUD);
	pud_t pud = pud_mkhuge(pfn_pud(pfn, PAGE_KERNEL));

	KTEST_EXPECT_EQ(test, pud_pfn(pud), pfn);
	KTEST_EXPECT_EQ(test, pud_pfn(pfn_pud(pfn, __pgprot(__PAGE_KERNEL_LARGE | _PAGE_PAT_LARGE))), pfn);
	KTEST_EXPECT_EQ(test, pud_pfn(pud_mkhuge(pfn_pud(pfn + PFNS_PER_PMD, PAGE_KERNEL))), pfn);
}

static void pud_set_huge_maps_1g_and_refuses_tables(struct ktest *test)
{
	pud_t slot = __pud(0), table = __pud(__pa(test_pmd) | _KERNPG_TABLE);

	KTEST_ASSERT_EQ(test, pud_set_huge(&slot, 2 * PUD_SIZE, PAGE_KERNEL), 1);
	KTEST_EXPECT_TRUE(test, pud_leaf(slot));
	KTEST_EXPECT_EQ(test, PFN_PHYS(pud_pfn(slot)), 2 * PUD_SIZE);
	KTEST_EXPECT_EQ(test, pud_flags(slot), __PAGE_KERNEL_LARGE);
	KTEST_EXPECT_EQ(test, pud_set_huge(&slot, 2 * PUD_SIZE + PMD_SIZE, PAGE_KERNEL), 0);
	pud_clear(&slot);
	KTEST_EXPECT_TRUE(test, pud_none(slot));

	set_pud(&slot, table);
	KTEST_EXPECT_EQ(test, pud_set_huge(&slot, 2 * PUD_SIZE, PAGE_KERNEL), 0);
	KTEST_EXPECT_TRUE(test, pud_same(slot, table));
	pud_clear(&slot);
	KTEST_EXPECT_TRUE(test, pud_none(pudp_get(&slot)));
}

/* ---- walks -------------------------------------------------------------- */

/*
 * Translates @addr through the tables at @pgd_base, as a kernel walker
 * would: stops at an empty or bad entry (false) or a leaf at any level.
 */
static bool walk_translate(pgd_t *pgd_base, unsigned long addr, phys_addr_t *phys)
{
	p4d_t *p4d = p4d_offset(pgd_offset_pgd(pgd_base, addr), addr);
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;

	if (p4d_none(p4dp_get(p4d)) || p4d_bad(p4dp_get(p4d)))
		return false;
	pud = pud_offset(p4d, addr);
	if (pud_leaf(pudp_get(pud))) {
		*phys = PFN_PHYS(pud_pfn(pudp_get(pud))) + (addr & ~PUD_MASK);
		return pud_present(pudp_get(pud));
	}
	if (pud_none(pudp_get(pud)) || pud_bad(pudp_get(pud)))
		return false;
	pmd = pmd_offset(pud, addr);
	if (pmd_leaf(pmdp_get(pmd))) {
		*phys = PFN_PHYS(pmd_pfn(pmdp_get(pmd))) + (addr & ~PMD_MASK);
		return pmd_present(pmdp_get(pmd));
	}
	if (pmd_none(pmdp_get(pmd)) || pmd_bad(pmdp_get(pmd)))
		return false;
	pte = pte_offset_kernel(pmd, addr);
	if (!pte_present(ptep_get(pte)))
		return false;
	*phys = PFN_PHYS(pte_pfn(ptep_get(pte))) + (addr & ~PAGE_MASK);
	return true;
}

/*
 * @pgd -> test_pud -> test_pmd -> test_pte, for @addr, with the kernel's
 * table entries (init_mm's populate helpers). The top entry is written
 * last, so a walker never finds a half-built path.
 */
static void build_tables(pgd_t *pgd, unsigned long addr)
{
	pmd_populate_kernel(&init_mm, &test_pmd[pmd_index(addr)], test_pte);
	pud_populate(&init_mm, &test_pud[pud_index(addr)], test_pmd);
	p4d_populate(&init_mm, p4d_offset(pgd_offset_pgd(pgd, addr), addr), test_pud);
}

static void p4d_is_folded_into_pgd(struct ktest *test)
{
	unsigned long addr = VMALLOC_START;
	pgd_t *pgd = pgd_offset_pgd(test_pgd, addr);

	KTEST_EXPECT_PTR_EQ(test, pgd, &test_pgd[402]);
	KTEST_EXPECT_PTR_EQ(test, p4d_offset(pgd, addr), (p4d_t *)pgd);
	KTEST_EXPECT_PTR_EQ(test, p4d_offset(pgd, addr + 7 * PUD_SIZE), (p4d_t *)pgd);
	KTEST_EXPECT_FALSE(test, pgd_none(*pgd));
	KTEST_EXPECT_TRUE(test, pgd_present(*pgd));
	KTEST_EXPECT_FALSE(test, pgd_bad(*pgd));
	KTEST_EXPECT_TRUE(test, p4d_none(p4dp_get(p4d_offset(pgd, addr))));

	build_tables(test_pgd, addr);
	KTEST_EXPECT_TRUE(test, p4d_present(*p4d_offset(pgd, addr)));
	KTEST_EXPECT_FALSE(test, p4d_bad(*p4d_offset(pgd, addr)));
	KTEST_EXPECT_TRUE(test, p4d_bad(__p4d(__pa(test_pud) | _KERNPG_TABLE | _PAGE_PSE)));
	KTEST_EXPECT_EQ(test, pgd_val(*pgd), __pa(test_pud) | _KERNPG_TABLE);
	p4d_clear(p4d_offset(pgd, addr));
	KTEST_EXPECT_EQ(test, pgd_val(*pgd), 0UL);
}

static void walk_built_tables_finds_4k_pfn(struct ktest *test)
{
	unsigned long addr = VMALLOC_START + 5 * PUD_SIZE + 6 * PMD_SIZE + 7 * PAGE_SIZE + 0x123;
	pgd_t *pgd = pgd_offset_pgd(test_pgd, addr);
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;
	phys_addr_t phys = 0;

	build_tables(test_pgd, addr);
	set_pte(&test_pte[pte_index(addr)], pfn_pte(0x12345, PAGE_KERNEL));

	pud = pud_offset(p4d_offset(pgd, addr), addr);
	KTEST_EXPECT_EQ(test, __pa(pud), __pa(&test_pud[5]));
	pmd = pmd_offset(pud, addr);
	KTEST_EXPECT_EQ(test, __pa(pmd), __pa(&test_pmd[6]));
	pte = pte_offset_kernel(pmd, addr);
	KTEST_ASSERT_EQ(test, __pa(pte), __pa(&test_pte[7]));
	KTEST_EXPECT_EQ(test, pte_pfn(ptep_get(pte)), 0x12345UL);

	KTEST_ASSERT_TRUE(test, walk_translate(test_pgd, addr, &phys));
	KTEST_EXPECT_EQ(test, phys, PFN_PHYS(0x12345UL) + 0x123);
	KTEST_EXPECT_FALSE(test, walk_translate(test_pgd, addr + PAGE_SIZE, &phys));
	KTEST_EXPECT_FALSE(test, walk_translate(test_pgd, addr + PMD_SIZE, &phys));
	KTEST_EXPECT_FALSE(test, walk_translate(test_pgd, addr + PGDIR_SIZE, &phys));
}

static void walk_built_tables_stops_at_2m_and_1g_leaves(struct ktest *test)
{
	unsigned long addr = VMALLOC_START + 3 * PUD_SIZE;
	unsigned long in_2m = addr + 4 * PMD_SIZE + 0x12345;
	unsigned long in_1g = addr + PUD_SIZE + 0x2345678;
	phys_addr_t phys = 0;

	build_tables(test_pgd, addr);
	KTEST_ASSERT_EQ(test, pmd_set_huge(&test_pmd[pmd_index(in_2m)], 10 * PMD_SIZE,
					   PAGE_KERNEL), 1);
	KTEST_ASSERT_EQ(test, pud_set_huge(&test_pud[pud_index(in_1g)], 7 * PUD_SIZE,
					   PAGE_KERNEL), 1);

	KTEST_ASSERT_TRUE(test, walk_translate(test_pgd, in_2m, &phys));
	KTEST_EXPECT_EQ(test, phys, 10 * PMD_SIZE + 0x12345);
	KTEST_ASSERT_TRUE(test, walk_translate(test_pgd, in_1g, &phys));
	KTEST_EXPECT_EQ(test, phys, 7 * PUD_SIZE + 0x2345678);

	/* A hidden THP is still found by the mm, though not by the CPU. */
	set_pmd(&test_pmd[pmd_index(in_2m)], pmd_mkinvalid(test_pmd[pmd_index(in_2m)]));
	KTEST_EXPECT_TRUE(test, walk_translate(test_pgd, in_2m, &phys));
}

/*
 * The live tables, from CR3: the kernel image and its direct-map alias
 * translate to the same physical address. (Kernel tables must be built with
 * _KERNPG_TABLE, or pmd_bad() stops the walk: as in Linux.)
 */
static void walk_live_tables_translates_kernel_addresses(struct ktest *test)
{
	pgd_t *live = __va(read_cr3() & PTE_PFN_MASK);
	unsigned long image = (unsigned long)&page_a[3];
	unsigned long text = (unsigned long)walk_translate;
	phys_addr_t phys = 0;

	KTEST_ASSERT_TRUE(test, walk_translate(live, image, &phys));
	KTEST_EXPECT_EQ(test, phys, __pa(image));
	KTEST_ASSERT_TRUE(test, walk_translate(live, (unsigned long)__va(__pa(image)), &phys));
	KTEST_EXPECT_EQ(test, phys, __pa(image));
	KTEST_ASSERT_TRUE(test, walk_translate(live, text, &phys));
	KTEST_EXPECT_EQ(test, phys, __pa(text));
	KTEST_EXPECT_FALSE(test, walk_translate(live, TLB_TEST_VADDR, &phys));
}

/* ---- TLB flushes -------------------------------------------------------- */

/*
 * Hooks test_pud into the live PML4 at TLB_TEST_VADDR and maps @npages
 * 4 KiB pages from there, all to page_a. Returns the first pte.
 */
static pte_t *tlb_test_map(struct ktest *test, unsigned int npages)
{
	pgd_t *pgd = pgd_offset_pgd(__va(read_cr3() & PTE_PFN_MASK), TLB_TEST_VADDR);
	p4d_t *p4d = p4d_offset(pgd, TLB_TEST_VADDR);
	unsigned int i;

	if (!p4d_none(p4dp_get(p4d)))
		KTEST_SKIP(test, "PML4 slot %lu is in use", pgd_index(TLB_TEST_VADDR));
	page_a[0] = MAGIC_A;
	page_b[0] = MAGIC_B;
	for (i = 0; i < npages; i++)
		set_pte(&test_pte[pte_index(TLB_TEST_VADDR) + i],
			pfn_pte(pfn_of(page_a), PAGE_KERNEL));
	build_tables(__va(read_cr3() & PTE_PFN_MASK), TLB_TEST_VADDR);
	live.hooked = p4d;
	return &test_pte[pte_index(TLB_TEST_VADDR)];
}

static unsigned long tlb_test_read(unsigned long addr)
{
	return READ_ONCE(*(unsigned long *)addr);
}

/*
 * Reads @addr (caching its translation), points @ptep to page_b, and reads
 * again: a stale value shows the TLB kept the old translation, so the flush
 * the caller does next is what makes the new one visible.
 */
static void tlb_test_remap(struct ktest *test, unsigned long addr, pte_t *ptep)
{
	KTEST_ASSERT_EQ(test, tlb_test_read(addr), MAGIC_A);
	set_pte(ptep, pfn_pte(pfn_of(page_b), PAGE_KERNEL));
	if (tlb_test_read(addr) == MAGIC_A)
		ktest_info(test, "stale translation of %lx seen before the flush", addr);
}

static void flush_tlb_one_kernel_drops_old_translation(struct ktest *test)
{
	pte_t *ptep = tlb_test_map(test, 1);

	tlb_test_remap(test, TLB_TEST_VADDR, ptep);
	__flush_tlb_one_kernel(TLB_TEST_VADDR);
	KTEST_EXPECT_EQ(test, tlb_test_read(TLB_TEST_VADDR), MAGIC_B);
}

/* Below the ceiling: one invlpg per page, from an unaligned start. */
static void flush_tlb_kernel_range_flushes_each_page(struct ktest *test)
{
	pte_t *ptep = tlb_test_map(test, 3);
	unsigned long last = TLB_TEST_VADDR + 2 * PAGE_SIZE;

	tlb_test_remap(test, TLB_TEST_VADDR, &ptep[0]);
	tlb_test_remap(test, last, &ptep[2]);
	flush_tlb_kernel_range(TLB_TEST_VADDR + 0x800, last + 0x800);
	KTEST_EXPECT_EQ(test, tlb_test_read(TLB_TEST_VADDR), MAGIC_B);
	KTEST_EXPECT_EQ(test, tlb_test_read(last), MAGIC_B);
}

/* Above the ceiling: one full flush. */
static void flush_tlb_kernel_range_flushes_all_when_large(struct ktest *test)
{
	unsigned int npages = tlb_single_page_flush_ceiling * 2;
	pte_t *ptep = tlb_test_map(test, npages);
	unsigned long last = TLB_TEST_VADDR + (npages - 1) * PAGE_SIZE;

	tlb_test_remap(test, TLB_TEST_VADDR, &ptep[0]);
	tlb_test_remap(test, last, &ptep[npages - 1]);
	flush_tlb_kernel_range(TLB_TEST_VADDR, last + PAGE_SIZE);
	KTEST_EXPECT_EQ(test, tlb_test_read(TLB_TEST_VADDR), MAGIC_B);
	KTEST_EXPECT_EQ(test, tlb_test_read(last), MAGIC_B);
}

static const bool pge_modes[] = { false, true };

static void pge_desc(const bool *pge, char *desc)
{
	strscpy(desc, *pge ? "CR4.PGE on" : "CR4.PGE off", KTEST_PARAM_DESC_SIZE);
}
KTEST_ARRAY_PARAM(pge_modes, pge_modes, pge_desc);

/* Sets CR4.PGE as asked, for the case; ->exit puts it back. */
static void tlb_test_set_pge(struct ktest *test, bool on)
{
	unsigned long cr4 = read_cr4();
	u32 eax, ebx, ecx, edx;

	cpuid(1, &eax, &ebx, &ecx, &edx);
	if (on && !(edx & (1U << 13)))
		KTEST_SKIP(test, "no global pages (CPUID.1:EDX.PGE)");
	live.cr4 = cr4;
	live.cr4_changed = true;
	write_cr4(on ? cr4 | X86_CR4_PGE : cr4 & ~X86_CR4_PGE);
}

/* With PGE on the mapping is global (PAGE_KERNEL): a CR3 load may keep it. */
static void flush_tlb_all_drops_translation(struct ktest *test)
{
	bool pge = *(const bool *)test->param_value;
	pte_t *ptep;

	tlb_test_set_pge(test, pge);
	ptep = tlb_test_map(test, 1);
	tlb_test_remap(test, TLB_TEST_VADDR, ptep);
	write_cr3(read_cr3());
	if (tlb_test_read(TLB_TEST_VADDR) == MAGIC_A)
		ktest_info(test, "translation survived a CR3 load");
	__flush_tlb_all();
	KTEST_EXPECT_EQ(test, tlb_test_read(TLB_TEST_VADDR), MAGIC_B);
}

/* ---- suite -------------------------------------------------------------- */

static int pgtable_test_init(struct ktest *test)
{
	memset(test_pgd, 0, sizeof(test_pgd));
	memset(test_pud, 0, sizeof(test_pud));
	memset(test_pmd, 0, sizeof(test_pmd));
	memset(test_pte, 0, sizeof(test_pte));
	return 0;
}

static void pgtable_test_exit(struct ktest *test)
{
	if (live.hooked) {
		p4d_clear(live.hooked);
		live.hooked = NULL;
		__flush_tlb_all();
	}
	if (live.cr4_changed) {
		write_cr4(live.cr4);
		live.cr4_changed = false;
	}
}

static struct ktest_case pgtable_cases[] = {
	KTEST_CASE(page_bits_have_linux_positions),
	KTEST_CASE(kernel_protections_have_linux_values),
	KTEST_CASE(level_shifts_and_sizes_cover_48_bits),
	KTEST_CASE_PARAM(index_helpers_split_the_address, indices_gen_params),
	KTEST_CASE(pat_bit_moves_between_4k_and_large_protections),

	KTEST_CASE(pte_none_only_for_empty_entries),
	KTEST_CASE(pte_same_compares_whole_entry),
	KTEST_CASE_PARAM(pfn_pte_round_trips_pfn_and_protection, pfns_gen_params),
	KTEST_CASE_PARAM(pte_mkyoung_and_mkold_toggle_young, prots_gen_params),
	KTEST_CASE_PARAM(pte_mkdirty_is_soft_dirty_and_mkclean_keeps_it, prots_gen_params),
	KTEST_CASE_PARAM(pte_mkwrite_and_wrprotect_toggle_write, prots_gen_params),
	KTEST_CASE(pte_exec_follows_nx),
	KTEST_CASE_PARAM(pte_mkspecial_makes_special, prots_gen_params),
	KTEST_CASE(protnone_pte_is_present_but_not_accessible),
	KTEST_CASE(pte_bad_catches_virtual_address_in_entry),
	KTEST_CASE(pte_modify_changes_protection_keeps_pfn_and_state),
	KTEST_CASE(set_pte_at_ptep_get_and_pte_clear),
	KTEST_CASE(ptep_get_and_clear_returns_old_and_leaves_none),
	KTEST_CASE(ptep_test_and_clear_young_reports_and_clears),
	KTEST_CASE(ptep_set_wrprotect_clears_only_write),
	KTEST_CASE(ptep_set_access_flags_upgrades_on_write_fault),
	KTEST_CASE(ptep_set_access_flags_leaves_accessed_to_cpu),

	KTEST_CASE(pte_mkhuge_makes_huge),
	KTEST_CASE(huge_pte_dirty_and_write_helpers),
	KTEST_CASE(huge_ptep_helpers_clear_wrprotect_and_upgrade),

	KTEST_CASE(pmd_table_entry_is_present_not_leaf_not_bad),
	KTEST_CASE(pmd_huge_leaf_is_leaf_huge_thp_and_bad),
	KTEST_CASE(pmd_bad_rejects_wrong_table_flags),
	KTEST_CASE_PARAM(pfn_pmd_round_trips_2m_pfns, pfns_gen_params),
	KTEST_CASE(pmd_flag_helpers_set_and_clear),
	KTEST_CASE(pmd_mkinvalid_hides_thp_but_keeps_it_present),
	KTEST_CASE(pmd_set_huge_maps_2m_and_refuses_tables),
	KTEST_CASE(pmd_clear_huge_clears_only_leaves),
	KTEST_CASE(pmdp_huge_get_and_clear_returns_old_and_leaves_none),
	KTEST_CASE(pmdp_test_and_clear_young_and_set_wrprotect),
	KTEST_CASE(pmdp_set_access_flags_upgrades_on_write_fault),

	KTEST_CASE(pud_table_entry_is_present_not_leaf_not_bad),
	KTEST_CASE(pud_huge_leaf_is_leaf_huge_and_bad),
	KTEST_CASE_PARAM(pfn_pud_round_trips_1g_pfns, pfns_gen_params),
	KTEST_CASE(pud_set_huge_maps_1g_and_refuses_tables),

	KTEST_CASE(p4d_is_folded_into_pgd),
	KTEST_CASE(walk_built_tables_finds_4k_pfn),
	KTEST_CASE(walk_built_tables_stops_at_2m_and_1g_leaves),
	KTEST_CASE(walk_live_tables_translates_kernel_addresses),

	KTEST_CASE(flush_tlb_one_kernel_drops_old_translation),
	KTEST_CASE(flush_tlb_kernel_range_flushes_each_page),
	KTEST_CASE(flush_tlb_kernel_range_flushes_all_when_large),
	KTEST_CASE_PARAM(flush_tlb_all_drops_translation, pge_modes_gen_params),
	{}
};

static struct ktest_suite pgtable_suite = {
	.name = "pgtable",
	.init = pgtable_test_init,
	.exit = pgtable_test_exit,
	.test_cases = pgtable_cases,
};
ktest_register_suite(pgtable_suite);
