// SPDX-License-Identifier: GPL-2.0
/*
 * tmpfs (Linux's mm/shmem.c): a file system whose tree is the dcache
 * (fs/libfs.c's model: every positive dentry pinned) and whose file data
 * is page-cache folios only (mm/filemap.c), PG_swapbacked, so they count
 * in meminfo's Shmem: as well as Cached:.
 *
 * Data: a write allocates the folios it touches (zeroed, uptodate: there
 * is nothing to read them from) through write_begin/write_end; a read of
 * a hole copies zeroes and allocates nothing; truncate and
 * FALLOC_FL_PUNCH_HOLE free the folios inside the range and zero the
 * edges; fallocate allocates; SEEK_DATA/SEEK_HOLE look at which folios
 * exist. i_blocks counts 512-byte sectors of the folios held (8 per
 * page), as Linux reports. Every data change holds the inode's i_rwsem.
 *
 * What exists: directories, regular files, symlinks (the body in a
 * kmalloc'd i_link; Linux puts long ones in a page), device nodes, fifos
 * and sockets (only the inode); link counts, rename with
 * RENAME_NOREPLACE/RENAME_EXCHANGE, attributes and times, statfs, and
 * the mount options size= (bytes, k/m/g suffixes, or % of RAM),
 * nr_blocks= (pages), nr_inodes=, mode=, uid=, gid=.
 *
 * Limits: each page of data takes one of size= (-ENOSPC past it); each inode and each extra hard link takes one of nr_inodes
 * (as Linux, so links cannot grow the dcache without bound); -ENOSPC
 * when none is left. The defaults are half of RAM in pages for both, as
 * Linux; the internal mount (kern_mount, SB_KERNMOUNT) has no limits.
 * Directory sizes count BOGO_DIRENT_SIZE per entry, as Linux's.
 *
 * Mappings (shmem_mmap(), f_op->mmap of tmpfs files and memfds; and
 * shmem_zero_setup() for MAP_SHARED|MAP_ANONYMOUS): a page fault finds
 * the file's folio or allocates it as a write would (shmem_fault()),
 * fault-around maps the cached ones (filemap_map_pages()); the mapped
 * pages count as MM_SHMEMPAGES. Faults add folios without i_rwsem, so
 * the pages charged to size= (info->alloced, under info->lock) trail
 * the cache's and shmem_recalc_inode() settles them after removals.
 *
 * Nameless files (shmem_file_setup(): memfd_create, shared anonymous
 * memory, and SysV shared memory to come) are inodes of shm_mnt, an internal tmpfs without limits
 * mounted nowhere, on a dentry of no directory (alloc_file_pseudo()):
 * the last fput() frees them.
 *
 * Locking: the VFS's (i_rwsem of the directories); the sb's stat_lock
 * (a spinlock) for its counts; info->lock for alloced.
 */
#include <linux/shmem_fs.h>
#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/uio.h>
#include <linux/falloc.h>
#include <linux/mount.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/cmdline.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/seq_file.h>
#include <linux/file.h>
#include <linux/panic.h>

#define BOGO_DIRENT_SIZE	20

static struct kmem_cache *shmem_inode_cachep;
static struct vfsmount *shm_mnt;	/* the internal mount of nameless files */
static const struct super_operations shmem_ops;
static const struct inode_operations shmem_inode_operations;
static const struct inode_operations shmem_dir_inode_operations;
static const struct inode_operations shmem_symlink_inode_operations;
static const struct file_operations shmem_file_operations;
static const struct address_space_operations shmem_aops;

/* Take one of the mount's inode slots. Return: 0 or -ENOSPC. */
static int shmem_reserve_inode(struct super_block *sb)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);
	int err = 0;

	if (!sbinfo->max_inodes)
		return 0;
	spin_lock(&sbinfo->stat_lock);
	if (!sbinfo->free_inodes)
		err = -ENOSPC;
	else
		sbinfo->free_inodes--;
	spin_unlock(&sbinfo->stat_lock);
	return err;
}

static void shmem_free_inode(struct super_block *sb)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);

	if (!sbinfo->max_inodes)
		return;
	spin_lock(&sbinfo->stat_lock);
	sbinfo->free_inodes++;
	spin_unlock(&sbinfo->stat_lock);
}

/* Take @pages of the mount's size= for @inode's data. Return: 0 or -ENOSPC. */
static int shmem_inode_acct_blocks(struct inode *inode, long pages)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(inode->i_sb);
	int err = 0;

	spin_lock(&sbinfo->stat_lock);
	if (sbinfo->max_blocks && sbinfo->used_blocks + pages > sbinfo->max_blocks)
		err = -ENOSPC;
	else
		sbinfo->used_blocks += pages;
	spin_unlock(&sbinfo->stat_lock);
	if (!err)
		inode_add_bytes(inode, pages * PAGE_SIZE);
	return err;
}

static void shmem_inode_unacct_blocks(struct inode *inode, long pages)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(inode->i_sb);

	spin_lock(&sbinfo->stat_lock);
	sbinfo->used_blocks -= pages;
	spin_unlock(&sbinfo->stat_lock);
	inode_sub_bytes(inode, pages * PAGE_SIZE);
}

/*
 * Give back the blocks of the folios that left @inode's cache: those
 * charged (alloced) beyond the ones still there. A folio being added
 * is in nrpages before it is in alloced, so the difference is never
 * more than what really left.
 */
static void shmem_recalc_inode(struct inode *inode)
{
	struct shmem_inode_info *info = SHMEM_I(inode);
	long freed;

	spin_lock(&info->lock);
	freed = info->alloced - READ_ONCE(inode->i_mapping->nrpages);
	if (freed > 0)
		info->alloced -= freed;
	spin_unlock(&info->lock);
	if (freed > 0)
		shmem_inode_unacct_blocks(inode, freed);
}

/* A new zeroed folio at @index of @inode, charged and locked in its cache; -EEXIST if beaten. */
static int shmem_add_folio(struct inode *inode, pgoff_t index, gfp_t gfp,
			   struct folio **foliop)
{
	struct shmem_inode_info *info = SHMEM_I(inode);
	struct folio *folio;
	int err;

	err = shmem_inode_acct_blocks(inode, 1);
	if (err)
		return err;
	folio = filemap_alloc_folio(gfp | __GFP_ZERO, 0);
	err = -ENOMEM;
	if (!folio)
		goto unacct;
	__folio_set_swapbacked(folio);
	folio_mark_uptodate(folio);
	err = filemap_add_folio(inode->i_mapping, folio, index, gfp);
	if (err)
		goto put;
	spin_lock(&info->lock);
	info->alloced++;
	spin_unlock(&info->lock);
	*foliop = folio;	/* with the allocation's reference, the caller's now */
	return 0;
put:
	folio_put(folio);
unacct:
	shmem_inode_unacct_blocks(inode, 1);
	return err;
}

/*
 * The locked folio at @index of @inode, allocated (zeroed, uptodate,
 * accounted) if it does not exist. Return: 0 or -ENOSPC / -ENOMEM.
 * Context: process; i_rwsem held or not (page faults add folios
 * without it: whoever loses the race to add one takes the winner's).
 */
static int shmem_get_folio(struct inode *inode, pgoff_t index, gfp_t gfp,
			   struct folio **foliop)
{
	struct folio *folio;
	int err;

	do {
		folio = filemap_lock_folio(inode->i_mapping, index);
		if (!IS_ERR(folio)) {
			*foliop = folio;
			return 0;
		}
		err = shmem_add_folio(inode, index, gfp, foliop);
	} while (err == -EEXIST);
	return err;
}

/* Drop the data in [@lstart, @lend] and give back its blocks. Context: i_rwsem held. */
static void shmem_truncate_range(struct inode *inode, loff_t lstart, loff_t lend)
{
	truncate_inode_pages_range(inode->i_mapping, lstart, lend);
	shmem_recalc_inode(inode);
}

static int shmem_write_begin(struct file *file, struct address_space *mapping, loff_t pos,
			     unsigned int len, struct folio **foliop, void **fsdata)
{
	return shmem_get_folio(mapping->host, pos >> PAGE_SHIFT, GFP_KERNEL, foliop);
}

static int shmem_write_end(struct file *file, struct address_space *mapping, loff_t pos,
			   unsigned int len, unsigned int copied, struct folio *folio,
			   void *fsdata)
{
	struct inode *inode = mapping->host;

	if (pos + copied > i_size_read(inode))
		i_size_write(inode, pos + copied);
	folio_mark_dirty(folio);
	folio_unlock(folio);
	folio_put(folio);
	return copied;
}

static ssize_t shmem_file_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	return filemap_read(iocb, to, 0);
}

static ssize_t shmem_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	loff_t limit = inode->i_sb->s_maxbytes;
	ssize_t ret;

	inode_lock(inode);
	if (iocb->ki_flags & IOCB_APPEND)
		iocb->ki_pos = i_size_read(inode);
	ret = -EFBIG;
	if (iocb->ki_pos >= limit)
		goto out;
	if (iov_iter_count(from) > (size_t)(limit - iocb->ki_pos))
		from->count = limit - iocb->ki_pos;	/* write what fits, as Linux */
	inode->i_mtime = inode->i_ctime = current_time(inode);
	ret = generic_perform_write(iocb, from);
out:
	inode_unlock(inode);
	return ret;
}

/* SEEK_DATA / SEEK_HOLE: the next folio held, or the next index without one, from @offset. */
static loff_t shmem_seek_hole_data(struct inode *inode, loff_t offset, int whence)
{
	struct address_space *mapping = inode->i_mapping;
	loff_t isize = i_size_read(inode);
	pgoff_t index = offset >> PAGE_SHIFT, last;
	struct folio *folio;

	if (offset < 0 || offset >= isize)
		return -ENXIO;
	last = (isize - 1) >> PAGE_SHIFT;
	for (; index <= last; index++) {
		folio = filemap_get_folio(mapping, index);
		if (!IS_ERR(folio))
			folio_put(folio);
		if (IS_ERR(folio) == (whence == SEEK_HOLE))
			break;
	}
	if (index > last)
		return whence == SEEK_DATA ? -ENXIO : isize;
	return max(offset, (loff_t)index << PAGE_SHIFT);
}

static loff_t shmem_file_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file_inode(file);

	if (whence != SEEK_DATA && whence != SEEK_HOLE)
		return generic_file_llseek(file, offset, whence);
	inode_lock(inode);
	offset = shmem_seek_hole_data(inode, offset, whence);
	if (offset >= 0)
		offset = vfs_setpos(file, offset, inode->i_sb->s_maxbytes);
	inode_unlock(inode);
	return offset;
}

/* Allocate the folios of [@offset, @offset + @len), then grow i_size unless KEEP_SIZE. */
static long shmem_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file_inode(file);
	pgoff_t index, end = (offset + len - 1) >> PAGE_SHIFT;
	struct folio *folio;
	long err = 0;

	inode_lock(inode);
	if (mode & FALLOC_FL_PUNCH_HOLE) {
		/*
		 * Whole pages leave every shared mapping too (the edges are only
		 * zeroed), before and again after they leave the page cache, for
		 * a fault that mapped one meanwhile (Linux's truncate_pagecache_range()).
		 */
		pgoff_t first = DIV_ROUND_UP(offset, PAGE_SIZE);
		pgoff_t end_index = (pgoff_t)((offset + len) >> PAGE_SHIFT);

		if (end_index > first)
			unmap_mapping_pages(inode->i_mapping, first, end_index - 1);
		shmem_truncate_range(inode, offset, offset + len - 1);
		if (end_index > first)
			unmap_mapping_pages(inode->i_mapping, first, end_index - 1);
		goto out;
	}
	for (index = offset >> PAGE_SHIFT; index <= end; index++) {
		err = shmem_get_folio(inode, index, GFP_KERNEL, &folio);
		if (err)
			break;	/* what was allocated stays: zeroes, as written data would */
		folio_unlock(folio);
		folio_put(folio);
	}
	if (!err && !(mode & FALLOC_FL_KEEP_SIZE) && offset + len > i_size_read(inode))
		i_size_write(inode, offset + len);
out:
	if (!err)
		inode->i_ctime = current_time(inode);
	inode_unlock(inode);
	return err;
}

/* ---- mappings: page faults on tmpfs files ------------------------------ */

/* Pages of @inode's data, up to i_size (rounded up): a fault at or beyond it is a SIGBUS. */
static pgoff_t shmem_size_pages(struct inode *inode)
{
	return DIV_ROUND_UP(i_size_read(inode), PAGE_SIZE);
}

/*
 * The folio of a mapping's page: the file's, allocated for a hole as a
 * write would (zeroed, charged to size=), returned locked. As Linux:
 * beyond i_size or with the mount full VM_FAULT_SIGBUS, without memory
 * VM_FAULT_OOM. A folio made while a truncate moved i_size below it goes
 * again. Context: mmap_lock held for reading; not i_rwsem (a write()
 * holding it may be faulting on this very mapping).
 */
static vm_fault_t shmem_fault(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);
	struct folio *folio;
	int err;

	if (vmf->pgoff >= shmem_size_pages(inode))
		return VM_FAULT_SIGBUS;
	err = shmem_get_folio(inode, vmf->pgoff, GFP_HIGHUSER_MOVABLE, &folio);
	if (err)
		return err == -ENOMEM ? VM_FAULT_OOM : VM_FAULT_SIGBUS;
	if (unlikely(vmf->pgoff >= shmem_size_pages(inode))) {
		filemap_remove_folio(folio);	/* still ours: we hold its lock */
		folio_unlock(folio);
		folio_put(folio);
		shmem_recalc_inode(inode);
		return VM_FAULT_SIGBUS;
	}
	vmf->page = folio_page(folio, vmf->pgoff - folio->index);
	return VM_FAULT_LOCKED;
}

/*
 * No page_mkwrite: a tmpfs folio needs nothing before it is written
 * (there is no backing store to reserve); the fault handler marks it
 * dirty when a shared mapping writes it.
 */
static const struct vm_operations_struct shmem_vm_ops = {
	.fault = shmem_fault,
	.map_pages = filemap_map_pages,
};

/* tmpfs's and memfd's f_op->mmap: the VMA's pages are the file's. */
static int shmem_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &shmem_vm_ops;
	return 0;
}

int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct file *file = shmem_file_setup("dev/zero", vma->vm_end - vma->vm_start,
					     vma->vm_flags);

	if (IS_ERR(file))
		return PTR_ERR(file);
	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = file;
	vma->vm_ops = &shmem_vm_ops;
	return 0;
}

static struct inode *shmem_get_inode(struct super_block *sb, struct inode *dir,
				     umode_t mode, dev_t dev)
{
	struct inode *inode;
	int err = shmem_reserve_inode(sb);

	if (err)
		return ERR_PTR(err);
	inode = new_inode(sb);
	if (!inode) {
		shmem_free_inode(sb);
		return ERR_PTR(-ENOMEM);
	}
	spin_lock_init(&SHMEM_I(inode)->lock);
	SHMEM_I(inode)->alloced = 0;
	inode->i_ino = get_next_ino();
	inode_init_owner(inode, dir, mode);
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &shmem_inode_operations;
		inode->i_fop = &shmem_file_operations;
		inode->i_mapping->a_ops = &shmem_aops;
		break;
	case S_IFDIR:
		inc_nlink(inode);		/* "." */
		inode->i_size = 2 * BOGO_DIRENT_SIZE;
		inode->i_op = &shmem_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		break;
	case S_IFLNK:
		inode->i_op = &shmem_symlink_inode_operations;
		break;
	default:
		inode->i_op = &shmem_inode_operations;
		init_special_inode(inode, inode->i_mode, dev);
		break;
	}
	return inode;
}

/* Give @dentry its new @inode, pinned, and count the entry in @dir. */
static void shmem_instantiate(struct inode *dir, struct dentry *dentry, struct inode *inode)
{
	dir->i_size += BOGO_DIRENT_SIZE;
	dir->i_mtime = dir->i_ctime = current_time(dir);
	d_instantiate(dentry, inode);
	dget(dentry);		/* the pin: the dcache is the directory */
}

static int shmem_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	struct inode *inode = shmem_get_inode(dir->i_sb, dir, mode, dev);

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	shmem_instantiate(dir, dentry, inode);
	return 0;
}

static int shmem_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = shmem_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (!err)
		inc_nlink(dir);		/* the new directory's ".." */
	return err;
}

static int shmem_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	return shmem_mknod(dir, dentry, mode | S_IFREG, 0);
}

static int shmem_link(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry)
{
	int err = shmem_reserve_inode(dir->i_sb);

	if (err)
		return err;
	dir->i_size += BOGO_DIRENT_SIZE;
	return simple_link(old_dentry, dir, dentry);
}

static int shmem_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	if (inode->i_nlink > 1 && !S_ISDIR(inode->i_mode))
		shmem_free_inode(dir->i_sb);	/* an extra link's slot */
	dir->i_size -= BOGO_DIRENT_SIZE;
	return simple_unlink(dir, dentry);
}

static int shmem_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	drop_nlink(dentry->d_inode);	/* "." */
	drop_nlink(dir);		/* ".." */
	return shmem_unlink(dir, dentry);
}

/* simple_rename(), and the slot of a replaced extra link and the directory sizes. */
static int shmem_rename2(struct inode *old_dir, struct dentry *old_dentry,
			 struct inode *new_dir, struct dentry *new_dentry, unsigned int flags)
{
	struct inode *target = new_dentry->d_inode;
	bool extra_link = target && target->i_nlink > 1 && !S_ISDIR(target->i_mode);
	int err = simple_rename(old_dir, old_dentry, new_dir, new_dentry, flags);

	if (err || (flags & RENAME_EXCHANGE))
		return err;
	if (extra_link)
		shmem_free_inode(old_dir->i_sb);
	old_dir->i_size -= BOGO_DIRENT_SIZE;
	if (!target)
		new_dir->i_size += BOGO_DIRENT_SIZE;
	return 0;
}

static int shmem_symlink(struct inode *dir, struct dentry *dentry, const char *symname)
{
	size_t len = strlen(symname) + 1;
	struct inode *inode;

	if (len > PAGE_SIZE)
		return -ENAMETOOLONG;
	inode = shmem_get_inode(dir->i_sb, dir, S_IFLNK | 0777, 0);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	inode->i_link = kmemdup(symname, len, GFP_KERNEL);
	if (!inode->i_link) {
		iput(inode);
		return -ENOMEM;
	}
	inode->i_size = len - 1;
	shmem_instantiate(dir, dentry, inode);
	return 0;
}

static int shmem_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;

	loff_t oldsize = i_size_read(inode);

	if ((attr->ia_valid & ATTR_SIZE) && attr->ia_size != oldsize) {
		i_size_write(inode, attr->ia_size);
		if (attr->ia_size < oldsize)
			shmem_truncate_range(inode, attr->ia_size, -1);
	}
	setattr_copy(inode, attr);
	return 0;
}

static void shmem_evict_inode(struct inode *inode)
{
	if (S_ISREG(inode->i_mode))
		shmem_truncate_range(inode, 0, -1);
	kfree(inode->i_link);
	shmem_free_inode(inode->i_sb);
}

static int shmem_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(dentry->d_sb);

	buf->f_type = TMPFS_MAGIC;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	spin_lock(&sbinfo->stat_lock);
	if (sbinfo->max_blocks) {
		buf->f_blocks = sbinfo->max_blocks;
		buf->f_bavail = buf->f_bfree = sbinfo->max_blocks - sbinfo->used_blocks;
	}
	if (sbinfo->max_inodes) {
		buf->f_files = sbinfo->max_inodes;
		buf->f_ffree = sbinfo->free_inodes;
	}
	spin_unlock(&sbinfo->stat_lock);
	return 0;
}

/* One "name=value" option into @sbinfo. Return: 0 or -EINVAL. */
static int shmem_parse_one(struct shmem_sb_info *sbinfo, const char *opt, size_t len)
{
	char buf[64], *val, *end;
	unsigned long long size;

	if (len >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, opt, len);
	buf[len] = '\0';
	val = strchr(buf, '=');
	if (!val)
		return -EINVAL;
	*val++ = '\0';
	if (!strcmp(buf, "size")) {
		size = memparse(val, &end);
		if (*end == '%' && !end[1])
			size = (u64)totalram_pages() * PAGE_SIZE / 100 * size;
		else if (*end)
			return -EINVAL;
		sbinfo->max_blocks = DIV_ROUND_UP(size, PAGE_SIZE);
		return 0;
	}
	if (!strcmp(buf, "nr_blocks")) {
		size = memparse(val, &end);
		if (*end)
			return -EINVAL;
		sbinfo->max_blocks = size;
		return 0;
	}
	if (!strcmp(buf, "nr_inodes")) {
		size = memparse(val, &end);
		if (*end)
			return -EINVAL;
		sbinfo->max_inodes = size;
		return 0;
	}
	if (!strcmp(buf, "mode")) {
		unsigned int mode;

		if (kstrtouint(val, 8, &mode))
			return -EINVAL;
		sbinfo->mode = mode & 07777;
		return 0;
	}
	if (!strcmp(buf, "uid"))
		return kstrtouint(val, 0, &sbinfo->uid) ? -EINVAL : 0;
	if (!strcmp(buf, "gid"))
		return kstrtouint(val, 0, &sbinfo->gid) ? -EINVAL : 0;
	return -EINVAL;
}

static int shmem_parse_options(struct shmem_sb_info *sbinfo, const char *data)
{
	while (data && *data) {
		size_t len = strcspn(data, ",");
		int err = len ? shmem_parse_one(sbinfo, data, len) : 0;

		if (err)
			return err;
		data += len;
		if (*data == ',')
			data++;
	}
	return 0;
}

static int shmem_fill_super(struct super_block *sb, void *data, int silent)
{
	struct shmem_sb_info *sbinfo = kzalloc(sizeof(*sbinfo), GFP_KERNEL);
	struct inode *inode;
	int err;

	if (!sbinfo)
		return -ENOMEM;
	sb->s_fs_info = sbinfo;
	sb->s_op = &shmem_ops;
	sb->s_magic = TMPFS_MAGIC;
	spin_lock_init(&sbinfo->stat_lock);
	sbinfo->mode = 01777;
	if (!(sb->s_flags & SB_KERNMOUNT))
		sbinfo->default_max = totalram_pages() / 2;
	sbinfo->max_blocks = sbinfo->max_inodes = sbinfo->default_max;
	err = shmem_parse_options(sbinfo, data);
	if (err)
		return err;
	sbinfo->free_inodes = sbinfo->max_inodes;
	inode = shmem_get_inode(sb, NULL, S_IFDIR | sbinfo->mode, 0);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	inode->i_uid = sbinfo->uid;
	inode->i_gid = sbinfo->gid;
	sb->s_root = d_make_root(inode);
	return sb->s_root ? 0 : -ENOMEM;
}

struct dentry *shmem_mount(struct file_system_type *fs_type, int flags,
			   const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, shmem_fill_super);
}

/* The options that differ from the defaults, as Linux's shmem_show_options(). */
static int shmem_show_options(struct seq_file *m, struct dentry *root)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(root->d_sb);

	if (sbinfo->max_blocks != sbinfo->default_max)
		seq_printf(m, ",size=%luk", sbinfo->max_blocks << (PAGE_SHIFT - 10));
	if (sbinfo->max_inodes != sbinfo->default_max)
		seq_printf(m, ",nr_inodes=%lu", sbinfo->max_inodes);
	if (sbinfo->mode != 01777)
		seq_printf(m, ",mode=%03o", sbinfo->mode);
	if (sbinfo->uid)
		seq_printf(m, ",uid=%u", sbinfo->uid);
	if (sbinfo->gid)
		seq_printf(m, ",gid=%u", sbinfo->gid);
	return 0;
}

static void shmem_put_super(struct super_block *sb)
{
	kfree(sb->s_fs_info);
	sb->s_fs_info = NULL;
}

static struct inode *shmem_alloc_inode(struct super_block *sb)
{
	struct shmem_inode_info *info = kmem_cache_alloc(shmem_inode_cachep, GFP_KERNEL);

	return info ? &info->vfs_inode : NULL;
}

static void shmem_free_in_core_inode(struct inode *inode)
{
	kmem_cache_free(shmem_inode_cachep, SHMEM_I(inode));
}

static const struct super_operations shmem_ops = {
	.alloc_inode = shmem_alloc_inode,
	.free_inode = shmem_free_in_core_inode,
	.evict_inode = shmem_evict_inode,
	.put_super = shmem_put_super,
	.statfs = shmem_statfs,
	.show_options = shmem_show_options,
};

static const struct inode_operations shmem_inode_operations = {
	.setattr = shmem_setattr,
	.getattr = simple_getattr,
};

static const struct inode_operations shmem_dir_inode_operations = {
	.create = shmem_create,
	.lookup = simple_lookup,
	.link = shmem_link,
	.unlink = shmem_unlink,
	.symlink = shmem_symlink,
	.mkdir = shmem_mkdir,
	.rmdir = shmem_rmdir,
	.mknod = shmem_mknod,
	.rename = shmem_rename2,
	.setattr = shmem_setattr,
};

static const struct inode_operations shmem_symlink_inode_operations = {
	.get_link = simple_get_link,
	.setattr = shmem_setattr,
};

static const struct file_operations shmem_file_operations = {
	.llseek = shmem_file_llseek,
	.read_iter = shmem_file_read_iter,
	.write_iter = shmem_file_write_iter,
	.fallocate = shmem_fallocate,
	.mmap = shmem_mmap,
};

static const struct address_space_operations shmem_aops = {
	.write_begin = shmem_write_begin,
	.write_end = shmem_write_end,
};

static struct file_system_type shmem_fs_type = {
	.name = "tmpfs",
	.mount = shmem_mount,
	.kill_sb = kill_litter_super,
};

/* The root's tmpfs, under the name Linux's init_rootfs() gives it ("rootfs" in /proc/mounts). */
static struct file_system_type rootfs_fs_type = {
	.name = "rootfs",
	.mount = shmem_mount,
	.kill_sb = kill_litter_super,
};

struct file *shmem_file_setup(const char *name, loff_t size, unsigned long flags)
{
	struct inode *inode;
	struct file *file;

	if (size < 0 || size > MAX_LFS_FILESIZE)
		return ERR_PTR(-EINVAL);
	inode = shmem_get_inode(shm_mnt->mnt_sb, NULL, S_IFREG | 0777, 0);
	if (IS_ERR(inode))
		return ERR_CAST(inode);
	inode->i_size = size;
	clear_nlink(inode);	/* in no directory */
	file = alloc_file_pseudo(inode, shm_mnt, name, O_RDWR, &shmem_file_operations);
	if (IS_ERR(file))
		iput(inode);
	return file;
}

void shmem_init(void)
{
	shmem_inode_cachep = kmem_cache_create("shmem_inode_cache",
					       sizeof(struct shmem_inode_info), 0,
					       SLAB_PANIC | SLAB_RECLAIM_ACCOUNT, NULL);
	BUG_ON(register_filesystem(&shmem_fs_type) || register_filesystem(&rootfs_fs_type));
	shm_mnt = kern_mount(&shmem_fs_type);
	if (IS_ERR(shm_mnt))
		panic("Could not kern_mount tmpfs");
}
