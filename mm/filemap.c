// SPDX-License-Identifier: GPL-2.0
/*
 * The page cache (Linux's mm/filemap.c and mm/truncate.c; interface in
 * include/linux/pagemap.h).
 *
 *   inode->i_mapping = &inode->i_data: address_space
 *        i_pages: XArray, index (page offset) -> folio
 *        nrpages: folios in it
 *
 * A folio in the cache: ->mapping and ->index point back, one reference
 * is the cache's, PG_lru is set (folio_add_lru()), and it counts in
 * NR_FILE_PAGES, and in NR_SHMEM when PG_swapbacked (tmpfs), which
 * meminfo shows as Cached: and Shmem:. Today's folios are order 0.
 *
 * Locking: PG_locked (folio_lock(), a sleeping bit lock) is held to
 * insert a folio, to remove it, and to change its contents against those;
 * a waiter sleeps on one of FOLIO_WAIT_TABLE wait queues chosen by
 * hashing the folio's address (Linux's folio_waitqueue()). The XArray's
 * own lock (xa_lock) orders the stores into i_pages and guards nrpages
 * and the counters with them: a page fault adds folios without the
 * inode's i_rwsem (which write() holds while it copies from user memory
 * that may fault), so nothing else serialises the adders. A lookup takes its reference under the XArray's lock (no RCU):
 * a folio found is alive, though it may be removed from the cache
 * meanwhile, which a locked lookup checks (->mapping) and retries.
 *
 * Holes: a missing folio reads as zeroes (filemap_read()). That is
 * tmpfs's meaning of a hole; a file system with a backing store will add
 * ->read_folio for it.
 */
#include <linux/pagemap.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/wait.h>
#include <linux/hash.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <linux/mmdebug.h>
#include <linux/err.h>
#include <asm/barrier.h>
#include "internal.h"

#define FOLIO_WAIT_TABLE_BITS	6
#define FOLIO_WAIT_TABLE	(1U << FOLIO_WAIT_TABLE_BITS)

static struct wait_queue_head folio_wait_table[FOLIO_WAIT_TABLE];

static struct wait_queue_head *folio_waitqueue(struct folio *folio)
{
	return &folio_wait_table[hash_64((unsigned long)folio, FOLIO_WAIT_TABLE_BITS)];
}

void address_space_init_once(struct address_space *mapping)
{
	xa_init(&mapping->i_pages);
	INIT_LIST_HEAD(&mapping->i_mmap);
	init_rwsem(&mapping->i_mmap_rwsem);
}

bool folio_trylock(struct folio *folio)
{
	return !(__atomic_fetch_or(&folio->flags, 1UL << PG_locked, __ATOMIC_ACQUIRE) &
		 (1UL << PG_locked));
}

void folio_lock(struct folio *folio)
{
	might_sleep();
	if (!folio_trylock(folio))
		wait_event(*folio_waitqueue(folio), folio_trylock(folio));
}

void folio_unlock(struct folio *folio)
{
	VM_BUG_ON_FOLIO(!folio_test_locked(folio), folio);
	/* a locked instruction: a full barrier before wake_up() looks for sleepers */
	__atomic_fetch_and(&folio->flags, ~(1UL << PG_locked), __ATOMIC_SEQ_CST);
	wake_up(folio_waitqueue(folio));
}

void folio_wait_locked(struct folio *folio)
{
	wait_event(*folio_waitqueue(folio), !folio_test_locked(folio));
}

void folio_add_lru(struct folio *folio)
{
	folio_set_lru(folio);
}

static void filemap_account(struct folio *folio, int sign)
{
	long nr = sign * (long)folio_nr_pages(folio);
	struct zone *zone = page_zone(&folio->page);

	mod_zone_page_state(zone, NR_FILE_PAGES, nr);
	if (folio_test_swapbacked(folio))
		mod_zone_page_state(zone, NR_SHMEM, nr);
}

struct folio *filemap_alloc_folio(gfp_t gfp, unsigned int order)
{
	return folio_alloc(gfp, order);
}

int filemap_add_folio(struct address_space *mapping, struct folio *folio, pgoff_t index,
		      gfp_t gfp)
{
	int err;

	VM_BUG_ON_FOLIO(folio->mapping, folio);
	__folio_set_locked(folio);
	folio_get(folio);		/* the cache's reference */
	folio->mapping = mapping;
	folio->index = index;
	xa_lock(&mapping->i_pages);
	err = __xa_insert(&mapping->i_pages, index, folio, gfp);
	if (!err) {
		mapping->nrpages += folio_nr_pages(folio);
		filemap_account(folio, 1);
	}
	xa_unlock(&mapping->i_pages);
	if (err) {
		folio->mapping = NULL;
		folio_put(folio);
		__folio_clear_locked(folio);
		return err == -EBUSY ? -EEXIST : err;	/* xa_insert()'s "taken" */
	}
	folio_add_lru(folio);
	return 0;
}

void filemap_remove_folio(struct folio *folio)
{
	struct address_space *mapping = folio->mapping;

	VM_BUG_ON_FOLIO(!folio_test_locked(folio), folio);
	xa_lock(&mapping->i_pages);
	__xa_erase(&mapping->i_pages, folio->index);
	mapping->nrpages -= folio_nr_pages(folio);
	filemap_account(folio, -1);
	xa_unlock(&mapping->i_pages);
	folio_clear_lru(folio);
	folio->mapping = NULL;
	folio_put(folio);		/* the cache's reference */
}

/* The folio at @index with a reference, or NULL. */
static struct folio *filemap_get_entry(struct address_space *mapping, pgoff_t index)
{
	XA_STATE(xas, &mapping->i_pages, index);
	struct folio *folio;

	xa_lock(&mapping->i_pages);
	folio = xas_load(&xas);
	if (folio)
		folio_get(folio);
	xa_unlock(&mapping->i_pages);
	return folio;
}

/* The first folio at or after *@index, up to @last, with a reference; *@index is set to it. */
static struct folio *filemap_find_entry(struct address_space *mapping, pgoff_t *index,
					pgoff_t last)
{
	XA_STATE(xas, &mapping->i_pages, *index);
	struct folio *folio;

	xa_lock(&mapping->i_pages);
	folio = xas_find(&xas, last);
	if (folio) {
		folio_get(folio);
		*index = xas.xa_index;
	}
	xa_unlock(&mapping->i_pages);
	return folio;
}

struct folio *__filemap_get_folio(struct address_space *mapping, pgoff_t index,
				  unsigned int fgp_flags, gfp_t gfp)
{
	struct folio *folio;
	int err;

repeat:
	folio = filemap_get_entry(mapping, index);
	if (folio && (fgp_flags & FGP_LOCK)) {
		folio_lock(folio);
		if (unlikely(folio->mapping != mapping)) {	/* truncated meanwhile */
			folio_unlock(folio);
			folio_put(folio);
			goto repeat;
		}
	}
	if (folio) {
		if (fgp_flags & FGP_ACCESSED)
			folio_set_referenced(folio);
		return folio;
	}
	if (!(fgp_flags & FGP_CREAT))
		return ERR_PTR(-ENOENT);
	folio = filemap_alloc_folio(gfp, 0);
	if (!folio)
		return ERR_PTR(-ENOMEM);
	err = filemap_add_folio(mapping, folio, index, gfp);
	if (err) {
		folio_put(folio);
		if (err == -EEXIST)
			goto repeat;
		return ERR_PTR(err);
	}
	if (!(fgp_flags & FGP_LOCK))
		folio_unlock(folio);
	return folio;
}

/* Zero the bytes [@start, @end) of @folio. */
static void folio_zero_range(struct folio *folio, size_t start, size_t end)
{
	memset((char *)folio_address(folio) + start, 0, end - start);
}

void truncate_inode_pages_range(struct address_space *mapping, loff_t lstart, loff_t lend)
{
	pgoff_t index = lstart >> PAGE_SHIFT, last;
	struct folio *folio;

	if (lend < 0)
		lend = LLONG_MAX;
	last = lend >> PAGE_SHIFT;
	for (;;) {
		loff_t pos, end;

		folio = filemap_find_entry(mapping, &index, last);
		if (!folio)
			break;
		folio_lock(folio);
		pos = folio_pos(folio);
		end = pos + folio_size(folio) - 1;
		if (folio->mapping != mapping)
			;		/* gone meanwhile */
		else if (pos >= lstart && end <= lend)
			filemap_remove_folio(folio);
		else		/* an edge: zero the part inside the range */
			folio_zero_range(folio, max(lstart, pos) - pos, min(lend, end) - pos + 1);
		folio_unlock(folio);
		folio_put(folio);
		if (index == last)
			break;
		index++;
	}
}

void truncate_inode_pages(struct address_space *mapping, loff_t lstart)
{
	truncate_inode_pages_range(mapping, lstart, -1);
}

ssize_t filemap_read(struct kiocb *iocb, struct iov_iter *iter, ssize_t already_read)
{
	struct address_space *mapping = iocb->ki_filp->f_mapping;
	struct inode *inode = mapping->host;

	while (iov_iter_count(iter)) {
		loff_t isize = i_size_read(inode), pos = iocb->ki_pos;
		size_t offset = pos & (PAGE_SIZE - 1), nr, copied;
		struct folio *folio;

		if (pos >= isize)
			break;
		nr = min_t(loff_t, min_t(loff_t, PAGE_SIZE - offset, isize - pos),
			   iov_iter_count(iter));
		folio = filemap_get_folio(mapping, pos >> PAGE_SHIFT);
		if (IS_ERR(folio)) {
			copied = iov_iter_zero(nr, iter);
		} else {
			copied = copy_to_iter((char *)folio_address(folio) + offset, nr, iter);
			folio_put(folio);
		}
		iocb->ki_pos += copied;
		already_read += copied;
		if (copied < nr) {
			if (!already_read)
				return -EFAULT;
			break;
		}
	}
	return already_read;
}

ssize_t generic_perform_write(struct kiocb *iocb, struct iov_iter *i)
{
	struct file *file = iocb->ki_filp;
	struct address_space *mapping = file->f_mapping;
	const struct address_space_operations *a_ops = mapping->a_ops;
	ssize_t written = 0;
	int err = 0;

	while (iov_iter_count(i)) {
		loff_t pos = iocb->ki_pos;
		size_t offset = pos & (PAGE_SIZE - 1);
		unsigned int bytes = min_t(size_t, PAGE_SIZE - offset, iov_iter_count(i));
		struct folio *folio;
		void *fsdata = NULL;
		size_t copied;

		err = a_ops->write_begin(file, mapping, pos, bytes, &folio, &fsdata);
		if (err)
			break;
		copied = copy_from_iter((char *)folio_address(folio) + offset, bytes, i);
		err = a_ops->write_end(file, mapping, pos, bytes, copied, folio, fsdata);
		if (err < 0)
			break;
		iocb->ki_pos += err;
		written += err;
		err = 0;
		if (copied < bytes) {
			err = -EFAULT;
			break;
		}
	}
	return written ? written : err;
}

/* ---- mappings: page faults on page-cache files -------------------------- */

/* Pages of @inode up to i_size, rounded up: a mapping's page at or past it is a SIGBUS. */
static pgoff_t filemap_size_pages(struct inode *inode)
{
	return DIV_ROUND_UP(i_size_read(inode), PAGE_SIZE);
}

/*
 * Read the folio at @index of @file's cache from the backing store:
 * a new folio, added locked, given to ->read_folio(), which unlocks it.
 * Return: the folio, locked again and referenced, or ERR_PTR (-ENOMEM,
 * -EIO when the read failed). Another fault adding it first is waited for.
 */
static struct folio *filemap_read_folio_locked(struct file *file, pgoff_t index)
{
	struct address_space *mapping = file->f_mapping;
	struct folio *folio;
	int err;

	folio = filemap_alloc_folio(GFP_HIGHUSER_MOVABLE, 0);
	if (!folio)
		return ERR_PTR(-ENOMEM);
	err = filemap_add_folio(mapping, folio, index, GFP_KERNEL);
	if (err) {
		folio_put(folio);
		return err == -EEXIST ? filemap_lock_folio(mapping, index) : ERR_PTR(err);
	}
	err = mapping->a_ops->read_folio(file, folio);
	folio_lock(folio);
	if (!err && !folio_test_uptodate(folio))
		err = -EIO;
	if (err) {
		folio_unlock(folio);
		folio_put(folio);
		return ERR_PTR(err);
	}
	return folio;
}

vm_fault_t filemap_fault(struct vm_fault *vmf)
{
	struct file *file = vmf->vma->vm_file;
	struct address_space *mapping = file->f_mapping;
	struct inode *inode = mapping->host;
	struct folio *folio;
	vm_fault_t ret = 0;

	if (vmf->pgoff >= filemap_size_pages(inode))
		return VM_FAULT_SIGBUS;
	folio = filemap_lock_folio(mapping, vmf->pgoff);
	if (IS_ERR(folio)) {
		count_vm_event(PGMAJFAULT);
		ret = VM_FAULT_MAJOR;
		folio = filemap_read_folio_locked(file, vmf->pgoff);
		if (IS_ERR(folio))
			return PTR_ERR(folio) == -ENOMEM ? VM_FAULT_OOM : VM_FAULT_SIGBUS;
	}
	if (unlikely(!folio_test_uptodate(folio) ||
		     vmf->pgoff >= filemap_size_pages(inode))) {	/* truncated meanwhile */
		folio_unlock(folio);
		folio_put(folio);
		return VM_FAULT_SIGBUS;
	}
	vmf->page = folio_page(folio, vmf->pgoff - folio->index);
	return ret | VM_FAULT_LOCKED;
}

/*
 * The next folio of @mapping from *@index to @last that fault-around may
 * map without sleeping: cached, uptodate, not locked by anyone (we take
 * the lock by trylock), still in @mapping and inside i_size. Returned
 * locked and referenced, *@index set to it; NULL when there is none.
 */
static struct folio *next_uptodate_folio(struct address_space *mapping, pgoff_t *index,
					 pgoff_t last)
{
	pgoff_t max_idx = filemap_size_pages(mapping->host);
	struct folio *folio;

	for (; *index <= last && *index < max_idx; (*index)++) {
		folio = filemap_find_entry(mapping, index, min(last, max_idx - 1));
		if (!folio)
			return NULL;
		if (folio_trylock(folio)) {
			if (folio->mapping == mapping && folio_test_uptodate(folio))
				return folio;
			folio_unlock(folio);
		}
		folio_put(folio);
	}
	return NULL;
}

/*
 * Map the folios of [@start_pgoff, @end_pgoff] (inclusive, within the VMA
 * and the pte table of vmf->address) that are ready, read-only as a read
 * fault would, into the empty ptes among them. The pte table comes from
 * vmf->prealloc_pte when the pmd has none. Return: VM_FAULT_NOPAGE when
 * vmf->address itself got mapped (the fault is done), else 0.
 */
vm_fault_t filemap_map_pages(struct vm_fault *vmf, pgoff_t start_pgoff, pgoff_t end_pgoff)
{
	struct vm_area_struct *vma = vmf->vma;
	struct address_space *mapping = vma->vm_file->f_mapping;
	pgoff_t index = start_pgoff;
	unsigned long addr;
	vm_fault_t ret = 0;
	struct folio *folio;
	pte_t *first;

	if (pmd_none(pmdp_get(vmf->pmd))) {
		if (!vmf->prealloc_pte)
			return 0;
		pmd_install(vma->vm_mm, vmf->pmd, &vmf->prealloc_pte);
	}
	addr = vma->vm_start + ((start_pgoff - vma->vm_pgoff) << PAGE_SHIFT);
	first = pte_offset_map_lock(vma->vm_mm, vmf->pmd, addr, &vmf->ptl);
	/* end_pgoff is exclusive (the window ends at the VMA's or the table's end). */
	while ((folio = next_uptodate_folio(mapping, &index, end_pgoff - 1))) {
		unsigned long at = addr + ((index - start_pgoff) << PAGE_SHIFT);

		vmf->pte = first + (index - start_pgoff);
		if (pte_none(ptep_get(vmf->pte))) {
			if (at == vmf->address)
				ret = VM_FAULT_NOPAGE;
			do_set_pte(vmf, folio_page(folio, index - folio->index), at);
		} else {
			folio_put(folio);	/* mapped already: keep nothing */
		}
		folio_unlock(folio);
		index++;
	}
	pte_unmap_unlock(first, vmf->ptl);
	vmf->pte = NULL;
	return ret;
}

vm_fault_t filemap_page_mkwrite(struct vm_fault *vmf)
{
	struct address_space *mapping = vmf->vma->vm_file->f_mapping;
	struct folio *folio = page_folio(vmf->page);

	file_update_time(vmf->vma->vm_file);
	folio_lock(folio);
	if (folio->mapping != mapping) {	/* truncated meanwhile: fault again */
		folio_unlock(folio);
		return VM_FAULT_NOPAGE;
	}
	folio_mark_dirty(folio);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct generic_file_vm_ops = {
	.fault = filemap_fault,
	.map_pages = filemap_map_pages,
	.page_mkwrite = filemap_page_mkwrite,
};

int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!file->f_mapping->a_ops->read_folio)
		return -ENOEXEC;
	vma->vm_ops = &generic_file_vm_ops;
	return 0;
}

void pagecache_init(void)
{
	unsigned int i;

	for (i = 0; i < FOLIO_WAIT_TABLE; i++)
		init_waitqueue_head(&folio_wait_table[i]);
}
