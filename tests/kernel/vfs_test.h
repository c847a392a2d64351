/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the file-layer suites share: each case runs in a tmpfs of its own (root mode 0755)
 * mounted at VT ("/vt"), made by the suite's ->init and removed by its
 * ->exit, which also checks that inodes, dentries, files and mounts are
 * back where they were before the case: whatever a case did, failed
 * calls included, must leave nothing behind. Fault injection is paused
 * around the cases (one case turns it back on for itself).
 */
#ifndef _TESTS_KERNEL_VFS_TEST_H
#define _TESTS_KERNEL_VFS_TEST_H

#include <linux/ktest.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/mount.h>
#include <linux/init_syscalls.h>
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/fault-inject.h>

#define VT	"/vt"

struct vfs_counts {
	long inodes, dentries, files, mounts;
};

static inline void vfs_counts_get(struct vfs_counts *c)
{
	c->inodes = get_nr_inodes();
	c->dentries = get_nr_dentry();
	c->files = get_nr_files();
	c->mounts = get_nr_mounts();
}

#define KTEST_EXPECT_COUNTS_EQ(test, a, b) do {					\
	KTEST_EXPECT_EQ(test, (a)->inodes, (b)->inodes);			\
	KTEST_EXPECT_EQ(test, (a)->dentries, (b)->dentries);			\
	KTEST_EXPECT_EQ(test, (a)->files, (b)->files);				\
	KTEST_EXPECT_EQ(test, (a)->mounts, (b)->mounts);			\
} while (0)

/* Make the next slab allocation after @space bytes fail, once (cases that unwind). */
static inline void failslab_once_after(long space)
{
	failslab.attr.interval = 1;
	failslab.attr.probability = 100;
	failslab.attr.space = space;
	failslab.attr.times = 1;
	failslab.ignore_gfp_wait = false;
	failslab.cache_filter = false;
	failslab_enabled = true;
}

/* Mount a tmpfs with @opts at VT. Return: 0 or -errno. */
static inline int vt_mount(const char *opts)
{
	int err = init_mkdir(VT, 0755);

	if (err)
		return err;
	err = init_mount("tmpfs", VT, "tmpfs", 0, (void *)opts);
	if (err)
		init_rmdir(VT);
	return err;
}

/*
 * Lazily, so that a case that failed with something still open or mounted
 * below does not leave VT in the way of the next case (the counts still
 * tell).
 */
static inline int vt_umount(void)
{
	return init_umount(VT, MNT_DETACH) ?: init_rmdir(VT);
}

static inline int vfs_suite_init(struct ktest *test)
{
	struct vfs_counts *before;
	int err;

	ktest_pause_fault_injection(test);
	before = kmalloc(sizeof(*before), GFP_KERNEL);
	err = -ENOMEM;
	if (!before)
		goto resume;
	vfs_counts_get(before);
	test->priv = before;
	err = vt_mount("mode=755");
	if (!err)
		return 0;
	kfree(before);
resume:
	ktest_resume_fault_injection(test);	/* no ->exit after a failed ->init */
	return err;
}

static inline void vfs_suite_exit(struct ktest *test)
{
	struct vfs_counts *before = test->priv, after;

	KTEST_EXPECT_EQ(test, vt_umount(), 0);
	vfs_counts_get(&after);
	KTEST_EXPECT_COUNTS_EQ(test, &after, before);
	kfree(before);
	ktest_resume_fault_injection(test);
}

/* Credentials of an ordinary user for a case: uid and gid 1000. */
static const struct cred vfs_test_user_cred = {
	.uid = 1000, .euid = 1000, .fsuid = 1000,
	.gid = 1000, .egid = 1000, .fsgid = 1000,
};

/* Create the empty file @name (mode 0644). Return: 0 or -errno. */
static inline int vt_create(const char *name)
{
	long fd = do_sys_open(AT_FDCWD, name, O_CREAT | O_EXCL | O_WRONLY, 0644);

	if (fd < 0)
		return fd;
	return ksys_close(fd);
}

/*
 * Read the file @name from its start into @buf (NUL-terminated), in reads
 * of @chunk bytes. Return: the bytes read, or -errno of the open or a read.
 */
static inline ssize_t vt_read_file_chunked(const char *name, char *buf, size_t size, size_t chunk)
{
	struct file *f = filp_open(name, O_RDONLY, 0);
	ssize_t n = 0, r = 0;
	loff_t pos = 0;

	if (IS_ERR(f))
		return PTR_ERR(f);
	while (n + 1 < (ssize_t)size) {
		r = kernel_read(f, buf + n, min(chunk, size - 1 - n), &pos);
		if (r <= 0)
			break;
		n += r;
	}
	buf[n] = '\0';
	filp_close(f, NULL);
	return r < 0 ? r : n;
}

static inline ssize_t vt_read_file(const char *name, char *buf, size_t size)
{
	return vt_read_file_chunked(name, buf, size, size);
}

/* Write @text to the file @name in one write. Return: its result, or the open's -errno. */
static inline ssize_t vt_write_file(const char *name, const char *text)
{
	struct file *f = filp_open(name, O_WRONLY, 0);
	loff_t pos = 0;
	ssize_t r;

	if (IS_ERR(f))
		return PTR_ERR(f);
	r = kernel_write(f, text, strlen(text), &pos);
	filp_close(f, NULL);
	return r;
}

#endif /* _TESTS_KERNEL_VFS_TEST_H */
