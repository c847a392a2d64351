/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page cache (mm/filemap.c): an address_space's folios in its
 * i_pages XArray, indexed by page offset in the file. A folio in the cache
 * holds one reference of the cache's, points back with ->mapping and
 * ->index, and counts in NR_FILE_PAGES (and NR_SHMEM when swap-backed:
 * tmpfs's). Design, locking and lifetimes are at the top of mm/filemap.c.
 */
#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/xarray.h>
#include <linux/page-flags.h>

struct kiocb;
struct iov_iter;

/* __filemap_get_folio() flags, Linux's values. */
#define FGP_ACCESSED	0x00000001	/* mark it referenced */
#define FGP_LOCK	0x00000002	/* return it locked */
#define FGP_CREAT	0x00000004	/* allocate and add one if there is none */

/* linear_page_index - the page offset of @address in @vma's file (or anonymous pgoff). */
static inline pgoff_t linear_page_index(const struct vm_area_struct *vma, unsigned long address)
{
	return ((address - vma->vm_start) >> PAGE_SHIFT) + vma->vm_pgoff;
}

static inline loff_t folio_pos(const struct folio *folio)
{
	return (loff_t)folio->index << PAGE_SHIFT;
}

/* folio_mark_uptodate - its contents are valid (set after they are written). */
static inline void folio_mark_uptodate(struct folio *folio)
{
	__atomic_thread_fence(__ATOMIC_RELEASE);	/* the contents before the flag */
	folio_set_uptodate(folio);
}

/*
 * folio_mark_dirty - its contents differ from the backing store. tmpfs
 * has none (until swap): its folios stay dirty, as in Linux.
 */
static inline void folio_mark_dirty(struct folio *folio)
{
	folio_set_dirty(folio);
}

/* folio_lock - take PG_locked, sleeping while another holds it. Context: process. */
void folio_lock(struct folio *folio);
/* folio_trylock - take PG_locked if free. Return: true if taken. */
bool folio_trylock(struct folio *folio);
/* folio_unlock - release PG_locked and wake its waiters. */
void folio_unlock(struct folio *folio);
/* folio_wait_locked - sleep until nobody holds PG_locked. */
void folio_wait_locked(struct folio *folio);

/**
 * __filemap_get_folio - find, and with FGP_CREAT make, the folio at @index
 * @mapping: the page cache
 * @index: page offset in the file
 * @fgp_flags: FGP_LOCK, FGP_CREAT, FGP_ACCESSED
 * @gfp: for a new folio (FGP_CREAT)
 *
 * A locked folio is still in @mapping (one truncated meanwhile is
 * dropped and looked for again). Return: the folio with a reference,
 * ERR_PTR(-ENOENT) if there is none (no FGP_CREAT), ERR_PTR(-ENOMEM).
 * Context: process; sleeps for FGP_LOCK and FGP_CREAT.
 */
struct folio *__filemap_get_folio(struct address_space *mapping, pgoff_t index,
				  unsigned int fgp_flags, gfp_t gfp);

static inline struct folio *filemap_get_folio(struct address_space *mapping, pgoff_t index)
{
	return __filemap_get_folio(mapping, index, 0, 0);
}

static inline struct folio *filemap_lock_folio(struct address_space *mapping, pgoff_t index)
{
	return __filemap_get_folio(mapping, index, FGP_LOCK, 0);
}

/*
 * filemap_add_folio - put the new @folio in @mapping at @index, locked,
 * with the cache's reference, on the LRU hook. Return: 0, -EEXIST (a
 * folio is there already) or -ENOMEM; on failure @folio is as it was.
 */
int filemap_add_folio(struct address_space *mapping, struct folio *folio, pgoff_t index,
		      gfp_t gfp);
/* filemap_remove_folio - take locked @folio out of its mapping and drop the cache's reference. */
void filemap_remove_folio(struct folio *folio);
/* filemap_alloc_folio - a new folio for the page cache (order 0 today). */
struct folio *filemap_alloc_folio(gfp_t gfp, unsigned int order);

/*
 * truncate_inode_pages_range - drop the folios wholly inside the bytes
 * [@lstart, @lend] (@lend inclusive, -1: to the end) and zero the parts of
 * the folios at either edge that fall inside. Context: process; the
 * caller holds the inode's i_rwsem.
 */
void truncate_inode_pages_range(struct address_space *mapping, loff_t lstart, loff_t lend);
void truncate_inode_pages(struct address_space *mapping, loff_t lstart);
/* filemap_read - read from the page cache at iocb->ki_pos up to i_size; holes read as zeroes. */
ssize_t filemap_read(struct kiocb *iocb, struct iov_iter *iter, ssize_t already_read);
/*
 * generic_perform_write - copy @i into the page cache at iocb->ki_pos
 * through the mapping's write_begin/write_end. Return: bytes written, or
 * -errno if none. Context: i_rwsem held.
 */
ssize_t generic_perform_write(struct kiocb *iocb, struct iov_iter *i);

/*
 * folio_add_lru - the hook where a new page-cache folio joins the LRU
 * lists. There are none yet (reclaim comes later): it only sets PG_lru
 * so the state is what reclaim will expect; filemap_remove_folio()
 * clears it.
 */
void folio_add_lru(struct folio *folio);

/*
 * DOC: page faults on page-cache files (mm/filemap.c)
 *
 * The vm_operations of a file mapping (generic_file_vm_ops) and pieces
 * that tmpfs's reuse. Context of all: mmap_lock held for reading; they
 * may sleep except filemap_map_pages(), which runs under the pte lock.
 *
 * filemap_fault - ->fault: the cached folio of vmf->pgoff, read through
 * ->read_folio when missing (VM_FAULT_MAJOR, counted in pgmajfault),
 * returned locked in vmf->page (VM_FAULT_LOCKED). VM_FAULT_SIGBUS at or
 * beyond i_size or when the read fails, VM_FAULT_OOM without memory.
 *
 * filemap_map_pages - ->map_pages (fault-around): map the cached,
 * uptodate, unlocked folios of [@start_pgoff, @end_pgoff] into the empty
 * ptes of their addresses, read-only, without sleeping (do_set_pte()).
 * Return: VM_FAULT_NOPAGE if vmf->address was among them, else 0.
 *
 * filemap_page_mkwrite - ->page_mkwrite: a shared mapping will write
 * vmf->page: stamp the file's mtime, lock the folio, check it is still
 * in the file (VM_FAULT_NOPAGE if truncated) and mark it dirty.
 * Return: VM_FAULT_LOCKED.
 */
vm_fault_t filemap_fault(struct vm_fault *vmf);
vm_fault_t filemap_map_pages(struct vm_fault *vmf, pgoff_t start_pgoff, pgoff_t end_pgoff);
vm_fault_t filemap_page_mkwrite(struct vm_fault *vmf);
extern const struct vm_operations_struct generic_file_vm_ops;

/* pagecache_init - the folio wait queues (vfs_caches_init()). */
void pagecache_init(void);

#endif /* _LINUX_PAGEMAP_H */
