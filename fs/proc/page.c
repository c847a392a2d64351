// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/kpagecount and /proc/kpageflags (Linux's fs/proc/page.c): one
 * u64 per page frame, at offset 8 * PFN, for root only (mode 0400):
 *
 *   kpagecount  how many times the page is mapped (its mapcount; 0 for
 *               pages that are not mapped or have a type, as buddy pages)
 *   kpageflags  Linux's KPF_* bits (Documentation/admin-guide/mm/
 *               pagemap.rst; the numbers are ABI)
 *
 * Frames without a struct page read as 0 (kpageflags: KPF_NOPAGE). The
 * files end at the highest frame of any zone. The values are read without
 * locks: a snapshot that may be stale by the time it is read, as Linux's.
 */
#include <linux/proc_fs.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/rmap.h>
#include <linux/page-flags.h>
#include <linux/uio.h>
#include <linux/fs.h>
#include <linux/errno.h>
#include <linux/panic.h>
#include "internal.h"

#define KPF_LOCKED		0
#define KPF_REFERENCED		2
#define KPF_UPTODATE		3
#define KPF_DIRTY		4
#define KPF_LRU			5
#define KPF_ACTIVE		6
#define KPF_SLAB		7
#define KPF_WRITEBACK		8
#define KPF_RECLAIM		9
#define KPF_BUDDY		10
#define KPF_MMAP		11
#define KPF_ANON		12
#define KPF_SWAPBACKED		14
#define KPF_COMPOUND_HEAD	15
#define KPF_COMPOUND_TAIL	16
#define KPF_UNEVICTABLE		18
#define KPF_NOPAGE		20
#define KPF_ZERO_PAGE		24

#define KPMSIZE			sizeof(u64)

/* One past the highest frame of any zone (Linux's max_pfn). */
static unsigned long kpage_end_pfn(void)
{
	unsigned long end = 0;
	struct zone *zone;

	for_each_populated_zone(zone)
		end = max(end, zone_end_pfn(zone));
	return end;
}

static u64 kpf(bool cond, int bit)
{
	return cond ? 1ULL << bit : 0;
}

static u64 stable_page_flags(struct page *page)
{
	struct folio *folio;
	u64 k;

	if (!page)
		return 1ULL << KPF_NOPAGE;
	if (PageBuddy(page))
		return 1ULL << KPF_BUDDY;
	folio = page_folio(page);
	k = kpf(PageSlab(page), KPF_SLAB);
	if (PageSlab(page))
		return k;
	k |= kpf(page_mapcount(page) > 0, KPF_MMAP);
	k |= kpf(folio_test_anon(folio), KPF_ANON);
	k |= kpf(is_zero_pfn(page_to_pfn(page)), KPF_ZERO_PAGE);
	k |= kpf(PageHead(page), KPF_COMPOUND_HEAD);
	k |= kpf(PageTail(page), KPF_COMPOUND_TAIL);
	k |= kpf(folio_test_locked(folio), KPF_LOCKED);
	k |= kpf(folio_test_referenced(folio), KPF_REFERENCED);
	k |= kpf(folio_test_uptodate(folio), KPF_UPTODATE);
	k |= kpf(folio_test_dirty(folio), KPF_DIRTY);
	k |= kpf(folio_test_lru(folio), KPF_LRU);
	k |= kpf(folio_test_active(folio), KPF_ACTIVE);
	k |= kpf(folio_test_writeback(folio), KPF_WRITEBACK);
	k |= kpf(folio_test_reclaim(folio), KPF_RECLAIM);
	k |= kpf(folio_test_swapbacked(folio), KPF_SWAPBACKED);
	k |= kpf(folio_test_unevictable(folio), KPF_UNEVICTABLE);
	return k;
}

static u64 kpagecount_of(struct page *page)
{
	if (!page || PageBuddy(page) || PageSlab(page))
		return 0;
	return page_mapcount(page) > 0 ? page_mapcount(page) : 0;
}

/* Entries from *ppos on, one u64 per frame, from @get. */
static ssize_t kpage_read(struct kiocb *iocb, struct iov_iter *to, u64 (*get)(struct page *))
{
	unsigned long pfn = iocb->ki_pos / KPMSIZE, end = kpage_end_pfn();
	size_t count = iov_iter_count(to);
	ssize_t done = 0;

	if ((iocb->ki_pos % KPMSIZE) || (count % KPMSIZE))
		return -EINVAL;
	for (; count && pfn < end; pfn++, count -= KPMSIZE) {
		u64 v = get(pfn_valid(pfn) ? pfn_to_page(pfn) : NULL);

		if (copy_to_iter(&v, KPMSIZE, to) != KPMSIZE) {
			if (!done)
				done = -EFAULT;
			break;
		}
		done += KPMSIZE;
	}
	if (done > 0)
		iocb->ki_pos += done;
	return done;
}

static ssize_t kpagecount_read(struct kiocb *iocb, struct iov_iter *to)
{
	return kpage_read(iocb, to, kpagecount_of);
}

static ssize_t kpageflags_read(struct kiocb *iocb, struct iov_iter *to)
{
	return kpage_read(iocb, to, stable_page_flags);
}

static const struct proc_ops kpagecount_proc_ops = {
	.proc_read_iter = kpagecount_read,
	.proc_lseek = generic_file_llseek,
};

static const struct proc_ops kpageflags_proc_ops = {
	.proc_read_iter = kpageflags_read,
	.proc_lseek = generic_file_llseek,
};

void proc_page_init(void)
{
	if (!proc_create("kpagecount", 0400, NULL, &kpagecount_proc_ops) ||
	    !proc_create("kpageflags", 0400, NULL, &kpageflags_proc_ops))
		panic("Could not make /proc/kpagecount and /proc/kpageflags");
}
