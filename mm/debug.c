// SPDX-License-Identifier: GPL-2.0
/*
 * Printing mm state for reports: dump_page(), dump_vma() and dump_mm() in
 * Linux's layout (what VM_BUG_ON_PAGE, VM_BUG_ON_VMA and VM_BUG_ON_MM print
 * first), and the names of GFP, page and VMA flags (Linux's %pGg, %pGp
 * and %pGv, here as functions:
 * lib/vsprintf.c stays free of mm).
 */
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include "internal.h"

struct flag_name {
	unsigned long mask;
	const char *name;
};

/* Composite names first, as Linux's gfpflag_names: the first match wins its bits. */
static const struct flag_name gfp_names[] = {
	{ GFP_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE" },
	{ GFP_HIGHUSER, "GFP_HIGHUSER" },
	{ GFP_USER, "GFP_USER" },
	{ GFP_KERNEL_ACCOUNT, "GFP_KERNEL_ACCOUNT" },
	{ GFP_KERNEL, "GFP_KERNEL" },
	{ GFP_NOFS, "GFP_NOFS" },
	{ GFP_ATOMIC, "GFP_ATOMIC" },
	{ GFP_NOIO, "GFP_NOIO" },
	{ GFP_NOWAIT, "GFP_NOWAIT" },
	{ GFP_DMA, "GFP_DMA" },
	{ __GFP_HIGHMEM, "__GFP_HIGHMEM" },
	{ GFP_DMA32, "GFP_DMA32" },
	{ __GFP_HIGH, "__GFP_HIGH" },
	{ __GFP_ATOMIC, "__GFP_ATOMIC" },
	{ __GFP_IO, "__GFP_IO" },
	{ __GFP_FS, "__GFP_FS" },
	{ __GFP_NOWARN, "__GFP_NOWARN" },
	{ __GFP_RETRY_MAYFAIL, "__GFP_RETRY_MAYFAIL" },
	{ __GFP_NOFAIL, "__GFP_NOFAIL" },
	{ __GFP_NORETRY, "__GFP_NORETRY" },
	{ __GFP_COMP, "__GFP_COMP" },
	{ __GFP_ZERO, "__GFP_ZERO" },
	{ __GFP_NOMEMALLOC, "__GFP_NOMEMALLOC" },
	{ __GFP_MEMALLOC, "__GFP_MEMALLOC" },
	{ __GFP_HARDWALL, "__GFP_HARDWALL" },
	{ __GFP_THISNODE, "__GFP_THISNODE" },
	{ __GFP_RECLAIMABLE, "__GFP_RECLAIMABLE" },
	{ __GFP_MOVABLE, "__GFP_MOVABLE" },
	{ __GFP_ACCOUNT, "__GFP_ACCOUNT" },
	{ __GFP_WRITE, "__GFP_WRITE" },
	{ __GFP_RECLAIM, "__GFP_RECLAIM" },
	{ __GFP_DIRECT_RECLAIM, "__GFP_DIRECT_RECLAIM" },
	{ __GFP_KSWAPD_RECLAIM, "__GFP_KSWAPD_RECLAIM" },
};

static const char *const pageflag_names[__NR_PAGEFLAGS] = {
	[PG_locked] = "locked",		[PG_referenced] = "referenced",
	[PG_uptodate] = "uptodate",	[PG_dirty] = "dirty",
	[PG_lru] = "lru",		[PG_active] = "active",
	[PG_slab] = "slab",		[PG_reserved] = "reserved",
	[PG_private] = "private",	[PG_writeback] = "writeback",
	[PG_head] = "head",		[PG_reclaim] = "reclaim",
	[PG_swapbacked] = "swapbacked",	[PG_unevictable] = "unevictable",
	[PG_workingset] = "workingset",
	[PG_anon_exclusive] = "anon_exclusive",
	[PG_mlocked] = "mlocked",
};

static const struct flag_name vmaflag_names[] = {
	{ VM_READ, "read" },		{ VM_WRITE, "write" },
	{ VM_EXEC, "exec" },		{ VM_SHARED, "shared" },
	{ VM_MAYREAD, "mayread" },	{ VM_MAYWRITE, "maywrite" },
	{ VM_MAYEXEC, "mayexec" },	{ VM_MAYSHARE, "mayshare" },
	{ VM_GROWSDOWN, "growsdown" },	{ VM_UFFD_MISSING, "uffd_missing" },
	{ VM_PFNMAP, "pfnmap" },	{ VM_UFFD_WP, "uffd_wp" },
	{ VM_LOCKED, "locked" },	{ VM_IO, "io" },
	{ VM_SEQ_READ, "seqread" },	{ VM_RAND_READ, "randread" },
	{ VM_DONTCOPY, "dontcopy" },	{ VM_DONTEXPAND, "dontexpand" },
	{ VM_LOCKONFAULT, "lockonfault" }, { VM_ACCOUNT, "account" },
	{ VM_NORESERVE, "noreserve" },	{ VM_HUGETLB, "hugetlb" },
	{ VM_SYNC, "sync" },		{ VM_ARCH_1, "arch_1" },
	{ VM_WIPEONFORK, "wipeonfork" }, { VM_DONTDUMP, "dontdump" },
	{ VM_SOFTDIRTY, "softdirty" },	{ VM_MIXEDMAP, "mixedmap" },
	{ VM_HUGEPAGE, "hugepage" },	{ VM_NOHUGEPAGE, "nohugepage" },
	{ VM_MERGEABLE, "mergeable" },
};

static int format_names(char *buf, size_t size, unsigned long flags,
			const struct flag_name *names, size_t n)
{
	int len = 0;
	size_t i;

	for (i = 0; i < n && flags; i++) {
		if ((flags & names[i].mask) != names[i].mask)
			continue;
		flags &= ~names[i].mask;
		len += scnprintf(buf + len, size - len, "%s%s", len ? "|" : "",
				 names[i].name);
	}
	if (flags)
		len += scnprintf(buf + len, size - len, "%s%#lx", len ? "|" : "", flags);
	return len;
}

int format_gfp_flags(char *buf, size_t size, gfp_t gfp)
{
	if (!size)
		return 0;
	buf[0] = '\0';
	if (!gfp)
		return scnprintf(buf, size, "none");
	return format_names(buf, size, gfp, gfp_names, ARRAY_SIZE(gfp_names));
}

/* "read|write|mayread|maywrite", as Linux's %pGv. */
static int format_vma_flags(char *buf, size_t size, unsigned long flags)
{
	buf[0] = '\0';
	return format_names(buf, size, flags, vmaflag_names, ARRAY_SIZE(vmaflag_names));
}

/* "referenced|head|node=0|zone=1", as Linux's %pGp. */
int format_page_flags(char *buf, size_t size, unsigned long flags)
{
	int len = 0;
	unsigned int bit;

	buf[0] = '\0';
	for (bit = 0; bit < __NR_PAGEFLAGS; bit++)
		if (flags & (1UL << bit))
			len += scnprintf(buf + len, size - len, "%s%s", len ? "|" : "",
					 pageflag_names[bit]);
	len += scnprintf(buf + len, size - len, "%snode=%lu|zone=%lu", len ? "|" : "",
			 (flags >> NODES_PGSHIFT) & NODES_MASK,
			 (flags >> ZONES_PGSHIFT) & ZONES_MASK);
	return len;
}

void dump_page(const struct page *page, const char *reason)
{
	const unsigned long *raw = (const unsigned long *)page;
	const struct page *head = compound_head(page);
	char flags[192];

	pr_warn("page:%p refcount:%d mapcount:%d mapping:%p index:%#lx pfn:%#lx\n",
		page, page_ref_count(head), page_mapcount(page), page->mapping,
		page->index, page_to_pfn(page));
	if (head != page || PageHead(page)) {
		const struct folio *folio = (const struct folio *)head;

		pr_warn("head:%p order:%u entire_mapcount:%d nr_pages_mapped:%d pincount:%d\n",
			head, folio_order(folio), atomic_read(&folio->_entire_mapcount) + 1,
			atomic_read(&folio->_nr_pages_mapped), atomic_read(&folio->_pincount));
	}
	if (PageBuddy(page))
		pr_warn("page_type: buddy order:%lu\n", page->private);
	format_page_flags(flags, sizeof(flags), page->flags);
	pr_warn("flags: %#lx(%s)\n", page->flags, flags);
	pr_warn("raw: %016lx %016lx %016lx %016lx\n", raw[0], raw[1], raw[2], raw[3]);
	pr_warn("raw: %016lx %016lx %016lx %016lx\n", raw[4], raw[5], raw[6], raw[7]);
	if (reason)
		pr_warn("page dumped because: %s\n", reason);
	dump_page_owner(page);
}

void dump_vma(const struct vm_area_struct *vma)
{
	char flags[256];

	format_vma_flags(flags, sizeof(flags), vma->vm_flags);
	pr_emerg("vma %p start %p end %p\n"
		 "next %p prev %p mm %p\n"
		 "prot %lx anon_vma %p vm_ops %p\n"
		 "pgoff %lx file %p private_data %p\n"
		 "flags: %#lx(%s)\n",
		 vma, (void *)vma->vm_start, (void *)vma->vm_end, vma->vm_next, vma->vm_prev,
		 vma->vm_mm, (unsigned long)pgprot_val(vma->vm_page_prot), vma->anon_vma,
		 vma->vm_ops, vma->vm_pgoff, vma->vm_file, vma->vm_private_data,
		 vma->vm_flags, flags);
}

void dump_mm(const struct mm_struct *mm)
{
	pr_emerg("mm %p pgd %p mm_users %d mm_count %d pgtables_bytes %lu\n", mm, mm->pgd,
		 atomic_read(&mm->mm_users), atomic_read(&mm->mm_count),
		 (unsigned long)atomic_long_read(&mm->pgtables_bytes));
	pr_emerg("mmap %p map_count %d mmap_base %lx task_size %lx highest_vm_end %lx\n"
		 "total_vm %lx locked_vm %lx data_vm %lx exec_vm %lx stack_vm %lx\n",
		 mm->mmap, mm->map_count, mm->mmap_base, mm->task_size, mm->highest_vm_end,
		 mm->total_vm, mm->locked_vm, mm->data_vm, mm->exec_vm, mm->stack_vm);
}
