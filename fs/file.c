// SPDX-License-Identifier: GPL-2.0
/*
 * fd tables (the picture is in include/linux/fdtable.h): reserving the
 * lowest free fd, installing a file, fget(), close, dup/dup2/dup3, the
 * close-on-exec bits, and growing the table; copying a whole table for
 * fork (dup_fd()), closing the close-on-exec fds for exec, and the end of
 * a table with its last user.
 *
 * Growing: the new table (fd array and both bitmaps in one allocation)
 * is allocated without the lock, at twice the size (or what the fd
 * needs); under file_lock the old one is copied into it and replaced, or
 * the new one is dropped if another grower got there first. A replaced
 * table is freed unless it is the embedded first one.
 *
 * RLIMIT_NOFILE bounds the fds handed out, as Linux's: a new fd at or
 * above the caller's soft limit is -EMFILE, dup2/dup3 to one is -EBADF,
 * F_DUPFD from one is -EINVAL (NR_OPEN stays the table's own bound).
 */
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/bitops.h>
#include <linux/bitmap.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/resource.h>
#include <linux/sched/signal.h>
#include "internal.h"

struct files_struct init_files = {
	.count = ATOMIC_INIT(1),
	.file_lock = __SPIN_LOCK_UNLOCKED(init_files.file_lock),
	.fdt = &init_files.fdtab,
	.fdtab = {
		.max_fds = NR_OPEN_DEFAULT,
		.fd = init_files.fd_array,
		.close_on_exec = init_files.close_on_exec_init,
		.open_fds = init_files.open_fds_init,
	},
};

unsigned int files_fdtable_max(struct files_struct *files)
{
	return READ_ONCE(files->fdt->max_fds);
}

/* A table of @nr slots: the struct, the file pointers and the two bitmaps together. */
static struct fdtable *alloc_fdtable(unsigned int nr)
{
	size_t bitmap = BITS_TO_LONGS(nr) * sizeof(long);
	struct fdtable *fdt;

	fdt = kvmalloc(sizeof(*fdt) + nr * sizeof(struct file *) + 2 * bitmap,
		      GFP_KERNEL | __GFP_ZERO);
	if (!fdt)
		return NULL;
	fdt->max_fds = nr;
	fdt->fd = (struct file **)(fdt + 1);
	fdt->open_fds = (unsigned long *)(fdt->fd + nr);
	fdt->close_on_exec = (unsigned long *)((char *)fdt->open_fds + bitmap);
	return fdt;
}

static void copy_fdtable(struct fdtable *nfdt, const struct fdtable *ofdt)
{
	memcpy(nfdt->fd, ofdt->fd, ofdt->max_fds * sizeof(struct file *));
	memcpy(nfdt->open_fds, ofdt->open_fds, BITS_TO_LONGS(ofdt->max_fds) * sizeof(long));
	memcpy(nfdt->close_on_exec, ofdt->close_on_exec,
	       BITS_TO_LONGS(ofdt->max_fds) * sizeof(long));
}

/* Make room for fd @nr. Return: 0, -EMFILE past NR_OPEN, -ENOMEM. Called and returns unlocked. */
static int expand_files(struct files_struct *files, unsigned int nr)
{
	struct fdtable *nfdt, *ofdt;
	unsigned int size;

	if (nr >= NR_OPEN)
		return -EMFILE;
	if (nr < files_fdtable_max(files))
		return 0;		/* it only grows: room already */
	size = max(2 * files_fdtable_max(files), nr + 1);
	size = ALIGN(min_t(unsigned int, size, NR_OPEN), BITS_PER_LONG);
	nfdt = alloc_fdtable(size);
	if (!nfdt)
		return -ENOMEM;
	spin_lock(&files->file_lock);
	ofdt = files->fdt;
	if (ofdt->max_fds >= size) {
		spin_unlock(&files->file_lock);
		kvfree(nfdt);
		return 0;
	}
	copy_fdtable(nfdt, ofdt);
	files->fdt = nfdt;
	spin_unlock(&files->file_lock);
	if (ofdt != &files->fdtab)
		kvfree(ofdt);
	return 0;
}

/*
 * The lowest free fd at or above @start and below @end, reserved for the
 * caller (O_CLOEXEC in @flags). Return: it, -EMFILE, -ENOMEM.
 */
static int alloc_fd(unsigned int start, unsigned int end, unsigned int flags)
{
	struct files_struct *files = current->files;

	for (;;) {
		struct fdtable *fdt;
		unsigned int fd;
		int err;

		spin_lock(&files->file_lock);
		fdt = files->fdt;
		fd = start < fdt->max_fds ? find_next_zero_bit(fdt->open_fds, fdt->max_fds, start) :
					    start;
		if (fd >= end) {
			spin_unlock(&files->file_lock);
			return -EMFILE;
		}
		if (fd < fdt->max_fds) {
			__set_bit(fd, fdt->open_fds);
			if (flags & O_CLOEXEC)
				__set_bit(fd, fdt->close_on_exec);
			else
				__clear_bit(fd, fdt->close_on_exec);
			spin_unlock(&files->file_lock);
			return fd;
		}
		spin_unlock(&files->file_lock);
		err = expand_files(files, fd);
		if (err)
			return err;
	}
}

/* The caller's RLIMIT_NOFILE, as an fd bound (never above NR_OPEN). */
static unsigned int nofile_limit(void)
{
	return min_t(unsigned long, rlimit(RLIMIT_NOFILE), NR_OPEN);
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, nofile_limit(), flags);
}

int f_dupfd(unsigned int from, struct file *file, unsigned int flags)
{
	unsigned int end = nofile_limit();
	int fd;

	if (from >= end)
		return -EINVAL;
	fd = alloc_fd(from, end, flags);
	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

int ksys_dup(unsigned int fildes)
{
	struct file *file = fget(fildes);
	int fd;

	if (!file)
		return -EBADF;
	fd = f_dupfd(0, file, 0);
	fput(file);
	return fd;
}

int ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct files_struct *files = current->files;
	struct file *file, *tofree;
	struct fdtable *fdt;
	int err;

	if ((flags & ~O_CLOEXEC) || oldfd == newfd)
		return -EINVAL;
	if (newfd >= nofile_limit())
		return -EBADF;
	err = expand_files(files, newfd);
	if (err)
		return err;
	file = fget(oldfd);
	if (!file)
		return -EBADF;
	spin_lock(&files->file_lock);
	fdt = files->fdt;
	tofree = fdt->fd[newfd];
	if (!tofree && test_bit(newfd, fdt->open_fds)) {
		/* reserved by an open that has not installed its file yet */
		spin_unlock(&files->file_lock);
		fput(file);
		return -EBUSY;
	}
	fdt->fd[newfd] = file;		/* fget()'s reference is the table's now */
	__set_bit(newfd, fdt->open_fds);
	if (flags & O_CLOEXEC)
		__set_bit(newfd, fdt->close_on_exec);
	else
		__clear_bit(newfd, fdt->close_on_exec);
	spin_unlock(&files->file_lock);
	if (tofree)
		filp_close(tofree, files);
	return newfd;
}

int ksys_dup2(unsigned int oldfd, unsigned int newfd)
{
	struct file *file;

	if (oldfd != newfd)
		return ksys_dup3(oldfd, newfd, 0);
	file = fget(oldfd);
	if (!file)
		return -EBADF;
	fput(file);
	return newfd;
}

void set_close_on_exec(unsigned int fd, bool flag)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	if (fd < files->fdt->max_fds) {
		if (flag)
			__set_bit(fd, files->fdt->close_on_exec);
		else
			__clear_bit(fd, files->fdt->close_on_exec);
	}
	spin_unlock(&files->file_lock);
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	__clear_bit(fd, files->fdt->open_fds);
	spin_unlock(&files->file_lock);
}

void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	WARN_ON_ONCE(files->fdt->fd[fd]);
	files->fdt->fd[fd] = file;
	spin_unlock(&files->file_lock);
}

struct file *fget_task(struct task_struct *task, unsigned int fd)
{
	struct files_struct *files;
	struct file *file = NULL;

	task_lock(task);
	files = task->files;
	if (files) {
		spin_lock(&files->file_lock);
		if (fd < files->fdt->max_fds) {
			file = files->fdt->fd[fd];
			if (file)
				get_file(file);
		}
		spin_unlock(&files->file_lock);
	}
	task_unlock(task);
	return file;
}

struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file = NULL;

	spin_lock(&files->file_lock);
	if (fd < files->fdt->max_fds) {
		file = files->fdt->fd[fd];
		if (file)
			get_file(file);
	}
	spin_unlock(&files->file_lock);
	return file;
}

bool get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current->files;
	bool ret = false;

	spin_lock(&files->file_lock);
	if (fd < files->fdt->max_fds)
		ret = test_bit(fd, files->fdt->close_on_exec);
	spin_unlock(&files->file_lock);
	return ret;
}

int close_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file = NULL;

	spin_lock(&files->file_lock);
	if (fd < files->fdt->max_fds) {
		file = files->fdt->fd[fd];
		if (file) {
			files->fdt->fd[fd] = NULL;
			__clear_bit(fd, files->fdt->open_fds);
			__clear_bit(fd, files->fdt->close_on_exec);
		}
	}
	spin_unlock(&files->file_lock);
	if (!file)
		return -EBADF;
	return filp_close(file, files);
}

static struct kmem_cache *files_cachep;

struct files_struct *dup_fd(struct files_struct *oldf)
{
	struct files_struct *newf = kmem_cache_alloc(files_cachep, GFP_KERNEL | __GFP_ZERO);
	struct fdtable *nfdt, *ofdt;
	unsigned int i, max;

	if (!newf)
		return ERR_PTR(-ENOMEM);
	atomic_set(&newf->count, 1);
	spin_lock_init(&newf->file_lock);
	newf->fdtab = (struct fdtable){ .max_fds = NR_OPEN_DEFAULT, .fd = newf->fd_array,
					.close_on_exec = newf->close_on_exec_init,
					.open_fds = newf->open_fds_init };
	newf->fdt = &newf->fdtab;
retry:
	/* a table as big as the old one, which can only grow meanwhile */
	max = files_fdtable_max(oldf);
	if (max > newf->fdt->max_fds) {
		nfdt = alloc_fdtable(max);
		if (!nfdt) {
			put_files_struct(newf);
			return ERR_PTR(-ENOMEM);
		}
		if (newf->fdt != &newf->fdtab)
			kvfree(newf->fdt);
		newf->fdt = nfdt;
	}
	spin_lock(&oldf->file_lock);
	ofdt = oldf->fdt;
	if (ofdt->max_fds > newf->fdt->max_fds) {
		spin_unlock(&oldf->file_lock);
		goto retry;
	}
	nfdt = newf->fdt;
	for (i = 0; i < ofdt->max_fds; i++) {
		struct file *f = ofdt->fd[i];

		/* a reserved fd whose file is not installed yet stays free in the copy */
		if (!f)
			continue;
		nfdt->fd[i] = get_file(f);
		__set_bit(i, nfdt->open_fds);
		if (test_bit(i, ofdt->close_on_exec))
			__set_bit(i, nfdt->close_on_exec);
	}
	spin_unlock(&oldf->file_lock);
	return newf;
}

/* Close the fds of @files for which @pick(fdt, fd) is true. */
static void close_files_if(struct files_struct *files,
			   bool (*pick)(const struct fdtable *fdt, unsigned int fd))
{
	unsigned int fd;

	for (fd = 0;; fd++) {
		struct fdtable *fdt;
		struct file *file = NULL;

		spin_lock(&files->file_lock);
		fdt = files->fdt;
		if (fd >= fdt->max_fds) {
			spin_unlock(&files->file_lock);
			return;
		}
		if (fdt->fd[fd] && pick(fdt, fd)) {
			file = fdt->fd[fd];
			fdt->fd[fd] = NULL;
			__clear_bit(fd, fdt->open_fds);
			__clear_bit(fd, fdt->close_on_exec);
		}
		spin_unlock(&files->file_lock);
		if (file)
			filp_close(file, files);
	}
}

static bool fd_is_cloexec(const struct fdtable *fdt, unsigned int fd)
{
	return test_bit(fd, fdt->close_on_exec);
}

static bool fd_any(const struct fdtable *fdt, unsigned int fd)
{
	return true;
}

void do_close_on_exec(struct files_struct *files)
{
	close_files_if(files, fd_is_cloexec);
}

void put_files_struct(struct files_struct *files)
{
	if (WARN_ON_ONCE(files == &init_files) || !atomic_dec_and_test(&files->count))
		return;
	close_files_if(files, fd_any);
	if (files->fdt != &files->fdtab)
		kvfree(files->fdt);
	kmem_cache_free(files_cachep, files);
}

void files_cache_init(void)
{
	files_cachep = kmem_cache_create("files_cache", sizeof(struct files_struct), 0,
					 SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	return ksys_dup(fildes);
}

SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	return ksys_dup2(oldfd, newfd);
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	return ksys_dup3(oldfd, newfd, flags);
}
