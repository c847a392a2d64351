// SPDX-License-Identifier: GPL-2.0
/*
 * fd tables (the picture is in include/linux/fdtable.h): reserving the
 * lowest free fd, installing a file, fget(), close, and growing the table.
 *
 * Growing: the new table (fd array and both bitmaps in one allocation)
 * is allocated without the lock, at twice the size (or what the fd
 * needs); under file_lock the old one is copied into it and replaced, or
 * the new one is dropped if another grower got there first. A replaced
 * table is freed unless it is the embedded first one.
 */
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/bitops.h>
#include <linux/bitmap.h>
#include <linux/errno.h>

struct files_struct init_files = {
	.count = 1,
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

int get_unused_fd_flags(unsigned int flags)
{
	struct files_struct *files = current->files;

	for (;;) {
		struct fdtable *fdt;
		unsigned int fd;
		int err;

		spin_lock(&files->file_lock);
		fdt = files->fdt;
		fd = find_next_zero_bit(fdt->open_fds, fdt->max_fds, 0);
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
