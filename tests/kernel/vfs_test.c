// SPDX-License-Identifier: GPL-2.0
/*
 * The VFS suite: the name operations (mkdir, rmdir, unlink, link,
 * symlink, readlink, mknod, rename with its flags), open and its flags,
 * fd tables, getdents64, stat and statfs, chmod/chown/utimes with their
 * permission checks as root and as an ordinary user, and a run of failing
 * calls that must leave nothing behind. Each case runs in its own tmpfs
 * at VT (vfs_test.h), whose ->exit checks the counts.
 */
#include <linux/namei.h>
#include <linux/dirent.h>
#include <linux/fdtable.h>
#include <linux/shmem_fs.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/kdev_t.h>
#include <linux/uio.h>
#include <linux/mm.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/seq_file.h>
#include <linux/cpumask.h>
#include <linux/fs_struct.h>
#include "vfs_test.h"

static struct kstat vt_stat(struct ktest *test, const char *name, int flags)
{
	struct kstat st;

	KTEST_EXPECT_EQ(test, init_stat(name, &st, flags), 0);
	return st;
}

static void mkdir_and_rmdir_keep_link_counts(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, vt_stat(test, VT, 0).nlink, 2U);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/d", 0755), 0);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT, 0).nlink, 3U);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/d", 0).nlink, 2U);
	KTEST_EXPECT_TRUE(test, S_ISDIR(vt_stat(test, VT "/d", 0).mode));
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/d", 0).mode & 07777, 0755);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/d/e", 0700), 0);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/d", 0).nlink, 3U);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/d/e"), 0);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/d", 0).nlink, 2U);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/d"), 0);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT, 0).nlink, 2U);
}

static void mkdir_and_rmdir_errors_are_linuxs(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/d", 0755), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/d/f"), 0);
	KTEST_EXPECT_EQ(test, init_mkdir(VT "/d", 0755), -EEXIST);
	KTEST_EXPECT_EQ(test, init_mkdir(VT "/d/f", 0755), -EEXIST);
	KTEST_EXPECT_EQ(test, init_mkdir(VT "/nope/x", 0755), -ENOENT);
	KTEST_EXPECT_EQ(test, init_mkdir(VT "/d/f/x", 0755), -ENOTDIR);
	KTEST_EXPECT_EQ(test, init_mkdir(VT "/d/.", 0755), -EEXIST);
	KTEST_EXPECT_EQ(test, init_mkdir(VT "/new/", 0755), 0);		/* a trailing slash is fine */
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/d"), -ENOTEMPTY);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/d/f"), -ENOTDIR);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/d/."), -EINVAL);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/d/.."), -ENOTEMPTY);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/nope"), -ENOENT);
	KTEST_EXPECT_EQ(test, init_rmdir("/"), -EBUSY);
	KTEST_EXPECT_EQ(test, init_rmdir(VT), -EBUSY);		/* a mount point */
}

static void unlink_removes_names_and_the_last_frees_the_inode(struct ktest *test)
{
	long inodes;

	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/d", 0755), 0);
	KTEST_ASSERT_EQ(test, init_link(VT "/f", VT "/g"), 0);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/f", 0).nlink, 2U);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/f", 0).ino, vt_stat(test, VT "/g", 0).ino);
	inodes = get_nr_inodes();
	KTEST_EXPECT_EQ(test, init_unlink(VT "/f"), 0);
	KTEST_EXPECT_EQ(test, get_nr_inodes(), inodes);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/g", 0).nlink, 1U);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/g"), 0);
	KTEST_EXPECT_EQ(test, get_nr_inodes(), inodes - 1);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/g"), -ENOENT);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/d"), -EISDIR);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/."), -EISDIR);
	KTEST_ASSERT_EQ(test, vt_create(VT "/h"), 0);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/h/"), -ENOTDIR);
}

static void an_open_file_outlives_its_last_name(struct ktest *test)
{
	long inodes = get_nr_inodes();
	char buf[8] = {}, buf2[32];
	struct file *f;
	loff_t pos = 0;

	f = filp_open(VT "/f", O_CREAT | O_RDWR, 0600);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	KTEST_EXPECT_EQ(test, kernel_write(f, "gone", 4, &pos), 4);
	KTEST_EXPECT_STREQ(test, d_path(&f->f_path, buf2, sizeof(buf2)), VT "/f");
	KTEST_EXPECT_EQ(test, init_unlink(VT "/f"), 0);
	KTEST_EXPECT_STREQ(test, d_path(&f->f_path, buf2, sizeof(buf2)), VT "/f (deleted)");
	KTEST_EXPECT_EQ(test, get_nr_inodes(), inodes + 1);
	pos = 0;
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 4);
	KTEST_EXPECT_MEMEQ(test, buf, "gone", 4);
	KTEST_EXPECT_EQ(test, file_inode(f)->i_nlink, 0U);
	filp_close(f, NULL);
	KTEST_EXPECT_EQ(test, get_nr_inodes(), inodes);
}

static void link_errors_are_linuxs(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/d", 0755), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/m", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mount("none", VT "/m", "tmpfs", 0, NULL), 0);
	KTEST_EXPECT_EQ(test, init_link(VT "/d", VT "/d2"), -EPERM);
	KTEST_EXPECT_EQ(test, init_link(VT "/f", VT "/d"), -EEXIST);
	KTEST_EXPECT_EQ(test, init_link(VT "/nope", VT "/x"), -ENOENT);
	KTEST_EXPECT_EQ(test, init_link(VT "/f", VT "/m/f"), -EXDEV);
	KTEST_EXPECT_EQ(test, init_umount(VT "/m", 0), 0);
}

static void symlink_and_readlink_round_trip(struct ktest *test)
{
	char buf[64];

	KTEST_ASSERT_EQ(test, init_symlink("some/where/../else", VT "/l"), 0);
	KTEST_EXPECT_EQ(test, do_readlinkat(AT_FDCWD, VT "/l", buf, sizeof(buf)), 18);
	KTEST_EXPECT_MEMEQ(test, buf, "some/where/../else", 18);
	KTEST_EXPECT_EQ(test, do_readlinkat(AT_FDCWD, VT "/l", buf, 4), 4);	/* truncated */
	KTEST_EXPECT_EQ(test, do_readlinkat(AT_FDCWD, VT, buf, sizeof(buf)), -EINVAL);
	KTEST_EXPECT_EQ(test, do_readlinkat(AT_FDCWD, VT "/l", buf, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, init_symlink("x", VT "/l"), -EEXIST);
	KTEST_EXPECT_EQ(test, init_symlink("", VT "/e"), -ENOENT);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/l", AT_SYMLINK_NOFOLLOW).mode, S_IFLNK | 0777);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/l"), 0);
}

static void mknod_makes_device_fifo_and_socket_inodes(struct ktest *test)
{
	const struct cred *old;
	struct kstat st;
	struct file *f;

	/* The number in the user's form, as mknod(2) takes it. */
	KTEST_EXPECT_EQ(test, init_mknod(VT "/c", S_IFCHR | 0600, new_encode_dev(MKDEV(1, 3))), 0);
	KTEST_EXPECT_EQ(test, init_mknod(VT "/b", S_IFBLK | 0600, new_encode_dev(MKDEV(8, 1))), 0);
	KTEST_EXPECT_EQ(test, init_mknod(VT "/p", S_IFIFO | 0600, 0), 0);
	KTEST_EXPECT_EQ(test, init_mknod(VT "/s", S_IFSOCK | 0600, 0), 0);
	KTEST_EXPECT_EQ(test, init_mknod(VT "/r", 0600, 0), 0);		/* no type: regular */
	st = vt_stat(test, VT "/c", 0);
	KTEST_EXPECT_TRUE(test, S_ISCHR(st.mode));
	KTEST_EXPECT_EQ(test, st.rdev, (dev_t)MKDEV(1, 3));
	st = vt_stat(test, VT "/b", 0);
	KTEST_EXPECT_TRUE(test, S_ISBLK(st.mode));
	KTEST_EXPECT_EQ(test, st.rdev, (dev_t)MKDEV(8, 1));
	KTEST_EXPECT_TRUE(test, S_ISFIFO(vt_stat(test, VT "/p", 0).mode));
	KTEST_EXPECT_TRUE(test, S_ISSOCK(vt_stat(test, VT "/s", 0).mode));
	KTEST_EXPECT_TRUE(test, S_ISREG(vt_stat(test, VT "/r", 0).mode));
	KTEST_EXPECT_EQ(test, init_mknod(VT "/d", S_IFDIR | 0600, 0), -EPERM);
	KTEST_EXPECT_EQ(test, init_mknod(VT "/x", 0170000, 0), -EINVAL);
	/* 1:3 is null's number, answered by the mem driver; no block drivers yet */
	f = filp_open(VT "/c", O_RDONLY, 0);
	KTEST_EXPECT_FALSE(test, IS_ERR(f));
	if (!IS_ERR(f))
		fput(f);
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/b", O_RDONLY, 0), ERR_PTR(-ENXIO));
	old = override_creds(&vfs_test_user_cred);
	KTEST_EXPECT_EQ(test, init_chmod(VT, 0777), -EPERM);
	revert_creds(old);
	KTEST_ASSERT_EQ(test, init_chmod(VT, 0777), 0);
	old = override_creds(&vfs_test_user_cred);
	KTEST_EXPECT_EQ(test, init_mknod(VT "/c2", S_IFCHR | 0600, new_encode_dev(MKDEV(1, 3))),
			-EPERM);
	KTEST_EXPECT_EQ(test, init_mknod(VT "/p2", S_IFIFO | 0600, 0), 0);
	revert_creds(old);
}

static void rename_moves_and_replaces(struct ktest *test)
{
	long inodes;

	KTEST_ASSERT_EQ(test, init_mkdir(VT "/a", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/b", 0755), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/a/f"), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/b/g"), 0);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/a/f", AT_FDCWD, VT "/b/f", 0), 0);
	KTEST_EXPECT_EQ(test, init_stat(VT "/a/f", &(struct kstat){}, 0), -ENOENT);
	KTEST_EXPECT_EQ(test, init_stat(VT "/b/f", &(struct kstat){}, 0), 0);
	inodes = get_nr_inodes();
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/b/f", AT_FDCWD, VT "/b/g", 0), 0);
	KTEST_EXPECT_EQ(test, get_nr_inodes(), inodes - 1);		/* g's inode is gone */
	/* a directory moves with its ".." link */
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/b", AT_FDCWD, VT "/a/b", 0), 0);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT, 0).nlink, 3U);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/a", 0).nlink, 3U);
	KTEST_EXPECT_EQ(test, init_stat(VT "/a/b/g", &(struct kstat){}, 0), 0);
	/* over an empty directory */
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/e", 0755), 0);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/a/b", AT_FDCWD, VT "/e", 0), 0);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT, 0).nlink, 4U);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/a", 0).nlink, 2U);
	/* onto itself: nothing */
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/e", AT_FDCWD, VT "/e", 0), 0);
}

static void rename_errors_and_flags_are_linuxs(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/d", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/d/sub", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/full", 0755), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/full/x"), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/g"), 0);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/d", AT_FDCWD, VT "/d/sub/x", 0), -EINVAL);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/d/sub", AT_FDCWD, VT "/d/sub/x", 0),
			-EINVAL);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/d", AT_FDCWD, VT "/full", 0), -ENOTEMPTY);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/d", AT_FDCWD, VT "/f", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/f", AT_FDCWD, VT "/d", 0), -EISDIR);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/nope", AT_FDCWD, VT "/x", 0), -ENOENT);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/f", AT_FDCWD, VT "/g/", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/f", AT_FDCWD, VT "/g", RENAME_NOREPLACE),
			-EEXIST);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/f", AT_FDCWD, VT "/h", RENAME_EXCHANGE),
			-ENOENT);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/f", AT_FDCWD, VT "/g",
					   RENAME_EXCHANGE | RENAME_NOREPLACE), -EINVAL);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/f", AT_FDCWD, VT "/g", 1 << 7), -EINVAL);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/.", AT_FDCWD, VT "/x", 0), -EBUSY);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/f", AT_FDCWD, VT "/..", 0), -EBUSY);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/f", AT_FDCWD, "/f", 0), -EXDEV);
}

static void rename_exchange_swaps_two_names(struct ktest *test)
{
	u64 ino_f, ino_d;

	KTEST_ASSERT_EQ(test, init_mkdir(VT "/p", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/p/d", 0755), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	ino_f = vt_stat(test, VT "/f", 0).ino;
	ino_d = vt_stat(test, VT "/p/d", 0).ino;
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/f", AT_FDCWD, VT "/p/d",
					   RENAME_EXCHANGE), 0);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/f", 0).ino, ino_d);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/p/d", 0).ino, ino_f);
	KTEST_EXPECT_TRUE(test, S_ISDIR(vt_stat(test, VT "/f", 0).mode));
	/* the directory's ".." moved from p to VT */
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/p", 0).nlink, 2U);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT, 0).nlink, 4U);
}

static void rename_needs_write_permission_and_respects_sticky(struct ktest *test)
{
	const struct cred *old;

	KTEST_ASSERT_EQ(test, init_mkdir(VT "/tmp", 01777), 0);
	KTEST_ASSERT_EQ(test, init_chmod(VT "/tmp", 01777), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/tmp/roots"), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/rootonly"), 0);
	old = override_creds(&vfs_test_user_cred);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/rootonly", AT_FDCWD, VT "/tmp/x", 0),
			-EACCES);
	KTEST_EXPECT_EQ(test, vt_create(VT "/tmp/mine"), 0);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/tmp/roots"), -EPERM);	/* sticky */
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/tmp/mine", AT_FDCWD, VT "/tmp/m2", 0), 0);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/tmp/m2"), 0);
	revert_creds(old);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/tmp/roots"), 0);
}

static void chmod_chown_and_their_permissions(struct ktest *test)
{
	const struct cred *old;
	struct kstat st;

	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	KTEST_EXPECT_EQ(test, init_chmod(VT "/f", 04751), 0);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/f", 0).mode, S_IFREG | 04751);
	KTEST_EXPECT_EQ(test, init_chown(VT "/f", 1000, 2000, 0), 0);
	st = vt_stat(test, VT "/f", 0);
	KTEST_EXPECT_EQ(test, st.uid, 1000U);
	KTEST_EXPECT_EQ(test, st.gid, 2000U);
	KTEST_EXPECT_EQ(test, st.mode, S_IFREG | 0751);		/* chown drops setuid */
	KTEST_EXPECT_EQ(test, init_chmod(VT "/f", 02750), 0);
	KTEST_EXPECT_EQ(test, init_chown(VT "/f", -1, 2000, 0), 0);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/f", 0).mode, S_IFREG | 0750);	/* and setgid */
	KTEST_EXPECT_EQ(test, init_chown(VT "/f", -1, -1, 0), 0);	/* no change */
	old = override_creds(&vfs_test_user_cred);
	KTEST_EXPECT_EQ(test, init_chmod(VT "/f", 0600), 0);		/* the owner */
	KTEST_EXPECT_EQ(test, init_chown(VT "/f", 0, -1, 0), -EPERM);	/* give away */
	KTEST_EXPECT_EQ(test, init_chown(VT "/f", -1, 1000, 0), 0);	/* to its group */
	KTEST_EXPECT_EQ(test, init_chown(VT "/f", -1, 3000, 0), -EPERM);
	KTEST_EXPECT_EQ(test, init_chmod(VT, 0777), -EPERM);		/* not its own */
	revert_creds(old);
	st = vt_stat(test, VT "/f", 0);
	KTEST_EXPECT_EQ(test, st.mode & 07777, 0600);
	KTEST_EXPECT_EQ(test, st.gid, 1000U);
	KTEST_EXPECT_EQ(test, init_chmod(VT "/nope", 0600), -ENOENT);
}

static void timestamps_move_and_utimes_sets_them(struct ktest *test)
{
	struct timespec64 ts[2] = { { .tv_sec = 1000, .tv_nsec = 5 }, { .tv_sec = 2000 } };
	const struct cred *old;
	struct kstat before, st;

	before = vt_stat(test, VT, 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	st = vt_stat(test, VT, 0);
	KTEST_EXPECT_TRUE(test, st.mtime.tv_sec > before.mtime.tv_sec ||
			  (st.mtime.tv_sec == before.mtime.tv_sec &&
			   st.mtime.tv_nsec > before.mtime.tv_nsec));
	KTEST_EXPECT_EQ(test, init_utimes(VT "/f", ts), 0);
	st = vt_stat(test, VT "/f", 0);
	KTEST_EXPECT_EQ(test, st.atime.tv_sec, 1000);
	KTEST_EXPECT_EQ(test, st.atime.tv_nsec, 5);
	KTEST_EXPECT_EQ(test, st.mtime.tv_sec, 2000);
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_nsec = NSEC_PER_SEC;
	KTEST_EXPECT_EQ(test, init_utimes(VT "/f", ts), -EINVAL);
	ts[1] = (struct timespec64){ .tv_sec = 3000 };
	KTEST_EXPECT_EQ(test, init_utimes(VT "/f", ts), 0);
	st = vt_stat(test, VT "/f", 0);
	KTEST_EXPECT_EQ(test, st.atime.tv_sec, 1000);
	KTEST_EXPECT_EQ(test, st.mtime.tv_sec, 3000);
	old = override_creds(&vfs_test_user_cred);
	KTEST_EXPECT_EQ(test, init_utimes(VT "/f", ts), -EPERM);		/* not the owner */
	KTEST_EXPECT_EQ(test, do_utimes(AT_FDCWD, VT "/f", NULL, 0), -EACCES);	/* no write */
	revert_creds(old);
	KTEST_EXPECT_EQ(test, init_chmod(VT "/f", 0666), 0);
	old = override_creds(&vfs_test_user_cred);
	KTEST_EXPECT_EQ(test, do_utimes(AT_FDCWD, VT "/f", NULL, 0), 0);	/* may write */
	revert_creds(old);
}

static void open_flags_are_linuxs(struct ktest *test)
{
	struct file *f;

	KTEST_ASSERT_EQ(test, init_mkdir(VT "/d", 0755), 0);
	KTEST_ASSERT_EQ(test, init_symlink("f", VT "/l"), 0);
	KTEST_ASSERT_EQ(test, init_symlink("missing", VT "/dangling"), 0);
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/f", O_RDONLY, 0), ERR_PTR(-ENOENT));
	f = filp_open(VT "/f", O_CREAT | O_EXCL | O_WRONLY, 0640);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	KTEST_EXPECT_EQ(test, file_inode(f)->i_mode, S_IFREG | 0640);
	KTEST_EXPECT_EQ(test, f->f_flags & (O_CREAT | O_EXCL), 0U);
	filp_close(f, NULL);
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/f", O_CREAT | O_EXCL, 0600), ERR_PTR(-EEXIST));
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/l", O_CREAT | O_EXCL, 0600), ERR_PTR(-EEXIST));
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/f", O_DIRECTORY, 0), ERR_PTR(-ENOTDIR));
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/l", O_NOFOLLOW, 0), ERR_PTR(-ELOOP));
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/d", O_WRONLY, 0), ERR_PTR(-EISDIR));
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/d", O_CREAT, 0600), ERR_PTR(-EISDIR));
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/g/", O_CREAT, 0600), ERR_PTR(-EISDIR));
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/f/", O_RDONLY, 0), ERR_PTR(-ENOTDIR));
	f = filp_open(VT "/l", O_RDONLY, 0);			/* followed */
	KTEST_EXPECT_FALSE(test, IS_ERR(f));
	if (!IS_ERR(f))
		filp_close(f, NULL);
	/* O_CREAT through a dangling symlink creates its target */
	f = filp_open(VT "/dangling", O_CREAT | O_WRONLY, 0600);
	KTEST_EXPECT_FALSE(test, IS_ERR(f));
	if (!IS_ERR(f))
		filp_close(f, NULL);
	KTEST_EXPECT_EQ(test, init_stat(VT "/missing", &(struct kstat){}, 0), 0);
	f = filp_open(VT "/d", O_RDONLY | O_DIRECTORY, 0);
	KTEST_EXPECT_FALSE(test, IS_ERR(f));
	if (!IS_ERR(f))
		filp_close(f, NULL);
}

static void open_checks_permissions_for_users_not_root(struct ktest *test)
{
	const struct cred *old;
	struct file *f;

	KTEST_ASSERT_EQ(test, vt_create(VT "/secret"), 0);
	KTEST_ASSERT_EQ(test, init_chmod(VT "/secret", 0600), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/ro"), 0);
	KTEST_ASSERT_EQ(test, init_chmod(VT "/ro", 0644), 0);
	KTEST_ASSERT_EQ(test, init_chmod(VT "/secret", 0), 0);
	f = filp_open(VT "/secret", O_RDWR, 0);			/* root passes */
	KTEST_EXPECT_FALSE(test, IS_ERR(f));
	if (!IS_ERR(f))
		filp_close(f, NULL);
	old = override_creds(&vfs_test_user_cred);
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/secret", O_RDONLY, 0), ERR_PTR(-EACCES));
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/ro", O_WRONLY, 0), ERR_PTR(-EACCES));
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/ro", O_RDONLY | O_TRUNC, 0), ERR_PTR(-EACCES));
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/new", O_CREAT | O_WRONLY, 0600),
			    ERR_PTR(-EACCES));
	f = filp_open(VT "/ro", O_RDONLY, 0);
	KTEST_EXPECT_FALSE(test, IS_ERR(f));
	if (!IS_ERR(f))
		filp_close(f, NULL);
	KTEST_EXPECT_EQ(test, do_faccessat(AT_FDCWD, VT "/ro", R_OK, 0), 0);
	KTEST_EXPECT_EQ(test, do_faccessat(AT_FDCWD, VT "/ro", W_OK, 0), -EACCES);
	KTEST_EXPECT_EQ(test, do_faccessat(AT_FDCWD, VT "/ro", 8, 0), -EINVAL);
	revert_creds(old);
	/* root may not execute a file nobody may execute */
	KTEST_EXPECT_EQ(test, init_eaccess(VT "/ro"), -EACCES);
	KTEST_EXPECT_EQ(test, init_chmod(VT "/ro", 0744), 0);
	KTEST_EXPECT_EQ(test, init_eaccess(VT "/ro"), 0);
}

static void fds_are_given_lowest_first_with_cloexec(struct ktest *test)
{
	struct file *zero = fget(0);
	long a, b, c, d;

	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	a = do_sys_open(AT_FDCWD, VT "/f", O_RDONLY, 0);
	if (zero)
		fput(zero);
	else
		KTEST_EXPECT_EQ(test, a, 0);		/* the lowest free one */
	b = do_sys_open(AT_FDCWD, VT "/f", O_RDONLY | O_CLOEXEC, 0);
	c = do_sys_open(AT_FDCWD, VT "/f", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, a, 0);
	KTEST_EXPECT_EQ(test, b, a + 1);
	KTEST_EXPECT_EQ(test, c, a + 2);
	KTEST_EXPECT_FALSE(test, get_close_on_exec(a));
	KTEST_EXPECT_TRUE(test, get_close_on_exec(b));
	KTEST_EXPECT_EQ(test, ksys_close(b), 0);
	KTEST_EXPECT_EQ(test, ksys_close(b), -EBADF);
	d = do_sys_open(AT_FDCWD, VT "/f", O_RDONLY, 0);
	KTEST_EXPECT_EQ(test, d, b);				/* the hole is reused */
	KTEST_EXPECT_FALSE(test, get_close_on_exec(d));
	KTEST_EXPECT_EQ(test, do_sys_open(AT_FDCWD, VT "/nope", O_RDONLY, 0), -ENOENT);
	KTEST_EXPECT_EQ(test, do_sys_open(AT_FDCWD, VT "/nope", O_RDONLY, 0), -ENOENT);
	KTEST_EXPECT_EQ(test, do_sys_open(AT_FDCWD, VT "/f", O_RDONLY, 0), c + 1);
	KTEST_EXPECT_EQ(test, ksys_close(c + 1), 0);
	KTEST_EXPECT_EQ(test, ksys_close(a), 0);
	KTEST_EXPECT_EQ(test, ksys_close(c), 0);
	KTEST_EXPECT_EQ(test, ksys_close(d), 0);
	KTEST_EXPECT_EQ(test, ksys_close(100000), -EBADF);
	KTEST_EXPECT_EQ(test, ksys_read(100000, NULL, 0), -EBADF);
}

static void dup_dup2_dup3_and_fcntl_share_the_open_file(struct ktest *test)
{
	long fd, d1, d2;
	char c;

	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	fd = do_sys_open(AT_FDCWD, VT "/f", O_RDWR | O_CLOEXEC, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, ksys_write(fd, "ab", 2), 2);
	d1 = ksys_dup(fd);
	KTEST_ASSERT_GE(test, d1, 0);
	KTEST_EXPECT_FALSE(test, get_close_on_exec(d1));	/* dup clears it */
	/* one open file: one position */
	KTEST_EXPECT_EQ(test, ksys_lseek(d1, 0, SEEK_CUR), 2);
	KTEST_EXPECT_EQ(test, ksys_lseek(d1, 1, SEEK_SET), 1);
	KTEST_EXPECT_EQ(test, ksys_read(fd, &c, 1), 1);
	KTEST_EXPECT_EQ(test, c, 'b');
	d2 = d1 + 10;
	KTEST_EXPECT_EQ(test, ksys_dup3(fd, d2, O_CLOEXEC), d2);
	KTEST_EXPECT_TRUE(test, get_close_on_exec(d2));
	KTEST_EXPECT_EQ(test, do_fcntl(d2, F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(test, do_fcntl(d2, F_SETFD, 0), 0);
	KTEST_EXPECT_EQ(test, do_fcntl(d2, F_GETFD, 0), 0);
	KTEST_EXPECT_EQ(test, ksys_dup2(d1, d2), d2);		/* replaces, closing the old */
	KTEST_EXPECT_EQ(test, ksys_dup2(d2, d2), d2);
	KTEST_EXPECT_EQ(test, ksys_dup3(d2, d2, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, ksys_dup3(fd, d2, O_RDWR), -EINVAL);
	KTEST_EXPECT_EQ(test, ksys_dup2(99999, d2), -EBADF);
	KTEST_EXPECT_EQ(test, ksys_dup2(fd, NR_OPEN), -EBADF);
	KTEST_EXPECT_EQ(test, ksys_dup(99999), -EBADF);
	KTEST_EXPECT_EQ(test, do_fcntl(fd, F_DUPFD, d2), d2 + 1);	/* at or above */
	KTEST_EXPECT_EQ(test, do_fcntl(fd, F_DUPFD_CLOEXEC, 0), d1 + 1);
	KTEST_EXPECT_TRUE(test, get_close_on_exec(d1 + 1));
	KTEST_EXPECT_EQ(test, do_fcntl(fd, F_GETFL, 0) & (O_ACCMODE | O_APPEND), O_RDWR);
	KTEST_EXPECT_EQ(test, do_fcntl(fd, F_SETFL, O_APPEND | O_RDONLY), 0);
	KTEST_EXPECT_EQ(test, do_fcntl(fd, F_GETFL, 0) & (O_ACCMODE | O_APPEND), O_RDWR | O_APPEND);
	KTEST_EXPECT_EQ(test, ksys_lseek(fd, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(test, ksys_write(d1, "z", 1), 1);		/* appends, through any dup */
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/f", 0).size, 3);
	KTEST_EXPECT_EQ(test, do_fcntl(fd, 12345, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, do_fcntl(99999, F_GETFD, 0), -EBADF);
	ksys_close(d1 + 1);
	ksys_close(d2 + 1);
	ksys_close(d2);
	ksys_close(d1);
	KTEST_EXPECT_EQ(test, ksys_close(fd), 0);
}

/* What fork and exec will do with a task's files: copy the table, close the cloexec fds. */
static void fd_tables_copy_for_fork_and_close_on_exec(struct ktest *test)
{
	struct files_struct *old = current->files, *copy;
	struct fs_struct *oldfs = current->fs, *fscopy;
	long a, b;
	int i;

	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/d", 0755), 0);
	a = do_sys_open(AT_FDCWD, VT "/f", O_RDONLY | O_CLOEXEC, 0);
	b = do_sys_open(AT_FDCWD, VT "/f", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, a, 0);
	KTEST_ASSERT_GE(test, b, 0);
	for (i = 0; i < 2 * NR_OPEN_DEFAULT; i++)	/* a grown table to copy */
		KTEST_ASSERT_GE(test, ksys_dup(b), 0);
	copy = dup_fd(old);
	KTEST_ASSERT_FALSE(test, IS_ERR(copy));
	KTEST_EXPECT_GE(test, files_fdtable_max(copy), files_fdtable_max(old));
	current->files = copy;
	KTEST_EXPECT_TRUE(test, get_close_on_exec(a));
	KTEST_EXPECT_FALSE(test, get_close_on_exec(b));
	KTEST_EXPECT_EQ(test, ksys_close(b), 0);		/* in the copy only */
	do_close_on_exec(copy);
	KTEST_EXPECT_EQ(test, ksys_close(a), -EBADF);		/* exec closed it */
	current->files = old;
	KTEST_EXPECT_EQ(test, ksys_close(a), 0);
	KTEST_EXPECT_EQ(test, ksys_close(b), 0);
	for (i = 0; i < 2 * NR_OPEN_DEFAULT; i++)
		KTEST_EXPECT_EQ(test, ksys_close(b + 1 + i), 0);
	put_files_struct(copy);			/* closes the copy's dups: ->exit counts */
	/* the root and cwd */
	fscopy = copy_fs_struct(oldfs);
	KTEST_ASSERT_NOT_NULL(test, fscopy);
	current->fs = fscopy;
	KTEST_EXPECT_EQ(test, init_chdir(VT "/d"), 0);
	KTEST_EXPECT_EQ(test, vt_create("mine"), 0);
	current->fs = oldfs;
	KTEST_EXPECT_EQ(test, init_stat(VT "/d/mine", &(struct kstat){}, 0), 0);
	KTEST_EXPECT_EQ(test, init_stat("mine", &(struct kstat){}, 0), -ENOENT);
	free_fs_struct(fscopy);
}

static void the_fd_table_grows_past_its_first_size(struct ktest *test)
{
	enum { N = 3 * NR_OPEN_DEFAULT };
	long *fds = kmalloc_array(N, sizeof(*fds), GFP_KERNEL);
	int i;

	KTEST_ASSERT_NOT_NULL(test, fds);
	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	for (i = 0; i < N; i++) {
		fds[i] = do_sys_open(AT_FDCWD, VT "/f", O_RDONLY, 0);
		if (fds[i] < 0)
			break;
	}
	KTEST_EXPECT_EQ(test, i, N);
	KTEST_EXPECT_GE(test, files_fdtable_max(current->files), (unsigned int)N);
	while (i-- > 1)
		KTEST_EXPECT_EQ(test, fds[i], fds[i - 1] + 1);
	for (i = 0; i < N && fds[i] >= 0; i++)
		ksys_close(fds[i]);
	kfree(fds);
}

struct dent {
	char name[32];
	unsigned char type;
	u64 ino;
};

/* Read the directory @name with a @bufsize-byte buffer into @out (at most @max). */
static int list_dir(struct ktest *test, const char *name, size_t bufsize, struct dent *out,
		    int max)
{
	char *buf = kmalloc(bufsize, GFP_KERNEL);
	long fd = do_sys_open(AT_FDCWD, name, O_RDONLY | O_DIRECTORY, 0);
	int n = 0, len;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_ASSERT_GE(test, fd, 0);
	while ((len = ksys_getdents64(fd, buf, bufsize)) > 0) {
		int off = 0;

		while (off < len) {
			struct linux_dirent64 *d = (void *)(buf + off);

			KTEST_EXPECT_EQ(test, d->d_reclen % 8, 0);
			if (n < max) {
				strscpy(out[n].name, d->d_name, sizeof(out[n].name));
				out[n].type = d->d_type;
				out[n].ino = d->d_ino;
			}
			n++;
			off += d->d_reclen;
		}
	}
	KTEST_EXPECT_EQ(test, len, 0);
	ksys_close(fd);
	kfree(buf);
	return n;
}

static const struct dent *find_dent(const struct dent *d, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(d[i].name, name))
			return &d[i];
	return NULL;
}

static void getdents64_lists_every_entry_once(struct ktest *test)
{
	struct dent d[16];
	int n, i;

	KTEST_ASSERT_EQ(test, init_mkdir(VT "/dir", 0755), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/file"), 0);
	KTEST_ASSERT_EQ(test, init_symlink("x", VT "/link"), 0);
	KTEST_ASSERT_EQ(test, init_mknod(VT "/fifo", S_IFIFO | 0600, 0), 0);
	for (i = 0; i < 2; i++) {
		/* a roomy buffer, then one that takes a record or two per call */
		n = list_dir(test, VT, i ? 48 : 4096, d, 16);
		KTEST_EXPECT_EQ(test, n, 6);
		KTEST_EXPECT_NOT_NULL(test, find_dent(d, n, "."));
		KTEST_EXPECT_NOT_NULL(test, find_dent(d, n, ".."));
		if (find_dent(d, n, "dir"))
			KTEST_EXPECT_EQ(test, find_dent(d, n, "dir")->type, DT_DIR);
		if (find_dent(d, n, "file")) {
			KTEST_EXPECT_EQ(test, find_dent(d, n, "file")->type, DT_REG);
			KTEST_EXPECT_EQ(test, find_dent(d, n, "file")->ino,
					vt_stat(test, VT "/file", 0).ino);
		}
		if (find_dent(d, n, "link"))
			KTEST_EXPECT_EQ(test, find_dent(d, n, "link")->type, DT_LNK);
		if (find_dent(d, n, "fifo"))
			KTEST_EXPECT_EQ(test, find_dent(d, n, "fifo")->type, DT_FIFO);
	}
}

static void getdents64_errors_are_linuxs(struct ktest *test)
{
	char buf[16];
	long fd;

	KTEST_ASSERT_EQ(test, vt_create(VT "/file"), 0);
	fd = do_sys_open(AT_FDCWD, VT, O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, ksys_getdents64(fd, buf, sizeof(buf)), -EINVAL);	/* too small */
	KTEST_EXPECT_EQ(test, ksys_read(fd, buf, sizeof(buf)), -EISDIR);
	ksys_close(fd);
	fd = do_sys_open(AT_FDCWD, VT "/file", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, ksys_getdents64(fd, buf, sizeof(buf)), -ENOTDIR);
	ksys_close(fd);
	KTEST_EXPECT_EQ(test, ksys_getdents64(9999, buf, sizeof(buf)), -EBADF);
}

static void stat_and_statfs_report_linuxs_fields(struct ktest *test)
{
	struct kstatfs sfs;
	struct kstat st;
	long fd;

	KTEST_ASSERT_EQ(test, init_mkdir(VT "/lim", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mount("t", VT "/lim", "tmpfs", 0,
					 "size=64k,nr_inodes=10,mode=710,uid=5,gid=6"), 0);
	st = vt_stat(test, VT "/lim", 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFDIR | 0710);
	KTEST_EXPECT_EQ(test, st.uid, 5U);
	KTEST_EXPECT_EQ(test, st.gid, 6U);
	KTEST_EXPECT_EQ(test, st.blksize, (u32)PAGE_SIZE);
	KTEST_EXPECT_EQ(test, st.result_mask & STATX_BASIC_STATS, STATX_BASIC_STATS);
	KTEST_EXPECT_EQ(test, ksys_statfs(VT "/lim", &sfs), 0);
	KTEST_EXPECT_EQ(test, sfs.f_type, TMPFS_MAGIC);
	KTEST_EXPECT_EQ(test, sfs.f_bsize, (long)PAGE_SIZE);
	KTEST_EXPECT_EQ(test, sfs.f_blocks, 16ULL);
	KTEST_EXPECT_EQ(test, sfs.f_bfree, 16ULL);
	KTEST_EXPECT_EQ(test, sfs.f_files, 10ULL);
	KTEST_EXPECT_EQ(test, sfs.f_ffree, 9ULL);		/* the root's */
	KTEST_EXPECT_EQ(test, sfs.f_namelen, (long)NAME_MAX);
	KTEST_ASSERT_EQ(test, vt_create(VT "/lim/f"), 0);
	fd = do_sys_open(AT_FDCWD, VT "/lim/f", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, vfs_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(test, st.ino, vt_stat(test, VT "/lim/f", 0).ino);
	KTEST_EXPECT_EQ(test, st.dev, vt_stat(test, VT "/lim", 0).dev);
	KTEST_EXPECT_NE(test, st.dev, vt_stat(test, VT, 0).dev);
	KTEST_EXPECT_EQ(test, st.nlink, 1U);
	KTEST_EXPECT_EQ(test, st.size, 0);
	KTEST_EXPECT_EQ(test, ksys_fstatfs(fd, &sfs), 0);
	KTEST_EXPECT_EQ(test, sfs.f_ffree, 8ULL);
	ksys_close(fd);
	KTEST_EXPECT_EQ(test, vfs_statx(AT_FDCWD, VT, 0x8000, &st, STATX_BASIC_STATS), -EINVAL);
	/* no options: half of RAM in pages for both limits, as Linux */
	KTEST_EXPECT_EQ(test, ksys_statfs(VT, &sfs), 0);
	KTEST_EXPECT_EQ(test, sfs.f_blocks, (u64)totalram_pages() / 2);
	KTEST_EXPECT_EQ(test, sfs.f_files, (u64)totalram_pages() / 2);
	KTEST_EXPECT_EQ(test, init_umount(VT "/lim", 0), 0);
}

static void nr_inodes_limits_files_and_links(struct ktest *test)
{
	char name[32];
	int i;

	KTEST_ASSERT_EQ(test, init_mkdir(VT "/lim", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mount("t", VT "/lim", "tmpfs", 0, "nr_inodes=4"), 0);
	for (i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), VT "/lim/f%d", i);
		KTEST_EXPECT_EQ(test, vt_create(name), 0);
	}
	KTEST_EXPECT_EQ(test, vt_create(VT "/lim/more"), -ENOSPC);
	KTEST_EXPECT_EQ(test, init_mkdir(VT "/lim/dir", 0755), -ENOSPC);
	KTEST_EXPECT_EQ(test, init_symlink("x", VT "/lim/l"), -ENOSPC);
	KTEST_EXPECT_EQ(test, init_link(VT "/lim/f0", VT "/lim/h"), -ENOSPC);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/lim/f2"), 0);
	KTEST_EXPECT_EQ(test, init_link(VT "/lim/f0", VT "/lim/h"), 0);	/* a link takes one */
	KTEST_EXPECT_EQ(test, vt_create(VT "/lim/more"), -ENOSPC);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/lim/h"), 0);
	KTEST_EXPECT_EQ(test, vt_create(VT "/lim/more"), 0);
	KTEST_EXPECT_EQ(test, init_umount(VT "/lim", 0), 0);
}

static void chdir_and_relative_names(struct ktest *test)
{
	struct path pwd;

	KTEST_ASSERT_EQ(test, init_mkdir(VT "/d", 0755), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/d/f"), 0);
	get_fs_pwd(current->fs, &pwd);
	KTEST_ASSERT_EQ(test, init_chdir(VT "/d"), 0);
	KTEST_EXPECT_EQ(test, init_stat("f", &(struct kstat){}, 0), 0);
	KTEST_EXPECT_EQ(test, init_mkdir("sub", 0755), 0);
	KTEST_EXPECT_EQ(test, init_stat(VT "/d/sub", &(struct kstat){}, 0), 0);
	KTEST_EXPECT_EQ(test, init_chdir("f"), -ENOTDIR);
	KTEST_EXPECT_EQ(test, init_chdir("nope"), -ENOENT);
	set_fs_pwd(current->fs, &pwd);
	path_put(&pwd);
	KTEST_EXPECT_EQ(test, init_stat("f", &(struct kstat){}, 0), -ENOENT);
}

/* Vectored calls with user buffers: there is no user memory yet, so the bad cases. */
static void readv_and_writev_check_their_vectors_and_fault(struct ktest *test)
{
	struct iovec bad[2] = { { (void __user *)0x1000, 8 }, { (void __user *)0x2000, 8 } };
	struct iovec neg[1] = { { (void __user *)0x1000, (size_t)-1 } };
	struct iovec kern[1] = { { (void __user *)&bad, 8 } };
	long fd;

	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	fd = do_sys_open(AT_FDCWD, VT "/f", O_RDWR, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, ksys_write(fd, "0123456789", 10), 10);
	KTEST_EXPECT_EQ(test, ksys_lseek(fd, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(test, do_readv(fd, bad, 2), -EFAULT);		/* unmapped */
	KTEST_EXPECT_EQ(test, do_readv(fd, kern, 1), -EFAULT);		/* not user memory */
	KTEST_EXPECT_EQ(test, do_writev(fd, bad, 2), -EFAULT);
	KTEST_EXPECT_EQ(test, do_writev(fd, neg, 1), -EINVAL);
	KTEST_EXPECT_EQ(test, do_readv(fd, bad, UIO_MAXIOV + 1), -EINVAL);
	KTEST_EXPECT_EQ(test, do_readv(fd, bad, 0), 0);
	KTEST_EXPECT_EQ(test, ksys_lseek(fd, 0, SEEK_CUR), 0);		/* nothing moved */
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/f", 0).size, 10);
	KTEST_EXPECT_EQ(test, do_readv(99999, bad, 1), -EBADF);
	ksys_close(fd);
}

/* Every call here fails; none may leave an inode, dentry, file or mount. */
static void failed_calls_leak_nothing(struct ktest *test)
{
	struct vfs_counts before, after;
	const struct cred *old;
	char buf[8];

	KTEST_ASSERT_EQ(test, init_mkdir(VT "/d", 0700), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/d/f"), 0);
	KTEST_ASSERT_EQ(test, init_symlink("loop", VT "/loop"), 0);
	vfs_counts_get(&before);
	KTEST_EXPECT_EQ(test, init_mkdir(VT "/d/f/x", 0755), -ENOTDIR);
	KTEST_EXPECT_EQ(test, init_mkdir(VT "/nope/x", 0755), -ENOENT);
	KTEST_EXPECT_EQ(test, init_mkdir(VT "/loop/x", 0755), -ELOOP);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/d/nope"), -ENOENT);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/d"), -ENOTEMPTY);
	KTEST_EXPECT_EQ(test, init_link(VT "/d", VT "/x"), -EPERM);
	KTEST_EXPECT_EQ(test, do_renameat2(AT_FDCWD, VT "/d", AT_FDCWD, VT "/d/x", 0), -EINVAL);
	KTEST_EXPECT_EQ(test, do_sys_open(AT_FDCWD, VT "/d/nope", O_RDONLY, 0), -ENOENT);
	KTEST_EXPECT_EQ(test, do_sys_open(AT_FDCWD, VT "/d/f", O_CREAT | O_EXCL, 0600), -EEXIST);
	KTEST_EXPECT_EQ(test, do_readlinkat(AT_FDCWD, VT "/d", buf, sizeof(buf)), -EINVAL);
	KTEST_EXPECT_EQ(test, init_mount("x", VT "/d", "tmpfs", 0, "bad=1"), -EINVAL);
	old = override_creds(&vfs_test_user_cred);
	KTEST_EXPECT_EQ(test, init_mkdir(VT "/d/x", 0755), -EACCES);
	KTEST_EXPECT_EQ(test, do_sys_open(AT_FDCWD, VT "/d/f", O_RDONLY, 0), -EACCES);
	KTEST_EXPECT_EQ(test, vt_create(VT "/mine"), -EACCES);
	revert_creds(old);
	vfs_counts_get(&after);
	KTEST_EXPECT_COUNTS_EQ(test, &after, &before);
}

/* ---- name operations from every CPU at once -------------------------------- */

#define SHARED_NAMES	8
#define SHARED_STEPS	300

struct shared_run {
	unsigned int seed;
	unsigned long bad;		/* errors no interleaving explains */
	long last_bad;
	struct completion done;
};

static void shared_name(unsigned int r, char *name, size_t len)
{
	snprintf(name, len, VT "/%c/%u", r & 1 ? 'x' : 'y', (r >> 1) % SHARED_NAMES);
}

/* What another CPU's call may make any of these return. */
static bool shared_err_ok(long err)
{
	return err >= 0 || err == -ENOENT || err == -EEXIST || err == -ENOTEMPTY ||
	       err == -EISDIR || err == -ENOTDIR || err == -EPERM;
}

static int shared_fn(void *arg)
{
	struct shared_run *run = arg;
	char a[24], b[24];
	int step;

	for (step = 0; step < SHARED_STEPS; step++) {
		unsigned int r = run->seed = run->seed * 1103515245 + 12345;
		long err;

		shared_name(r >> 8, a, sizeof(a));
		shared_name(r >> 16, b, sizeof(b));
		switch ((r >> 24) % 6) {
		case 0:
			err = vt_create(a);
			break;
		case 1:
			err = init_mkdir(a, 0755);
			break;
		case 2:
			err = do_renameat2(AT_FDCWD, a, AT_FDCWD, b, 0);
			break;
		case 3:
			err = init_link(a, b);
			break;
		case 4:
			err = init_unlink(a);
			break;
		default:
			err = init_rmdir(a);
			break;
		}
		if (!shared_err_ok(err)) {
			run->bad++;
			run->last_bad = err;
		}
	}
	complete(&run->done);
	return 0;
}

static void name_operations_on_every_cpu_keep_the_tree_whole(struct ktest *test)
{
	static struct shared_run runs[NR_CPUS];
	static struct task_struct *k[NR_CPUS];
	unsigned int cpu, i;
	char name[24];

	KTEST_ASSERT_EQ(test, init_mkdir(VT "/x", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/y", 0755), 0);
	for_each_online_cpu(cpu) {
		runs[cpu] = (struct shared_run){ .seed = 104729 * (cpu + 1) };
		init_completion(&runs[cpu].done);
		k[cpu] = kthread_create(shared_fn, &runs[cpu], "vfs_shared/%u", cpu);
		KTEST_ASSERT_NOT_NULL(test, k[cpu]);
		kthread_bind(k[cpu], cpu);
		wake_up_process(k[cpu]);
	}
	for_each_online_cpu(cpu) {
		wait_for_completion(&runs[cpu].done);
		kthread_stop(k[cpu]);
		KTEST_EXPECT_EQ(test, runs[cpu].bad, 0UL);
		if (runs[cpu].bad)
			ktest_info(test, "CPU %u: last unexpected error %ld", cpu, runs[cpu].last_bad);
	}
	/* every directory left is empty; link counts add up */
	for (i = 0; i < 2 * SHARED_NAMES; i++) {
		shared_name(i, name, sizeof(name));
		if (init_unlink(name) == -EISDIR)
			KTEST_EXPECT_EQ(test, init_rmdir(name), 0);
	}
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/x", 0).nlink, 2U);
	KTEST_EXPECT_EQ(test, vt_stat(test, VT "/y", 0).nlink, 2U);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/x"), 0);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/y"), 0);
}

/* ---- a file system of the test's own: registration and the inode hash ------- */

static int vfstest_fill_super(struct super_block *sb, void *data, int silent)
{
	static const struct super_operations ops = { .statfs = simple_statfs };
	struct inode *root;

	sb->s_op = &ops;
	sb->s_magic = 0x76667374;
	root = new_inode(sb);
	if (!root)
		return -ENOMEM;
	root->i_ino = get_next_ino();
	root->i_mode = S_IFDIR | 0755;
	root->i_op = &simple_dir_inode_operations;
	root->i_fop = &simple_dir_operations;
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *vfstest_mount(struct file_system_type *type, int flags,
				    const char *dev_name, void *data)
{
	return mount_nodev(type, flags, data, vfstest_fill_super);
}

static struct file_system_type vfstest_fs = {
	.name = "vfstestfs",
	.mount = vfstest_mount,
	.kill_sb = kill_litter_super,
};

static void registered_file_systems_mount_and_hash_inodes(struct ktest *test)
{
	struct seq_file sm = {};
	struct inode *a, *b;
	struct kstatfs st;
	const char *text;
	struct path m;
	long inodes;

	KTEST_ASSERT_EQ(test, register_filesystem(&vfstest_fs), 0);
	KTEST_EXPECT_EQ(test, register_filesystem(&vfstest_fs), -EBUSY);
	KTEST_EXPECT_PTR_EQ(test, get_fs_type("vfstestfs"), &vfstest_fs);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/m", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mount("x", VT "/m", "vfstestfs", 0, NULL), 0);
	KTEST_EXPECT_EQ(test, ksys_statfs(VT "/m", &st), 0);
	KTEST_EXPECT_EQ(test, st.f_type, 0x76667374L);
	text = KTEST_SHOW(test, &sm, filesystems_proc_show, NULL);
	KTEST_EXPECT_NOT_NULL(test, strstr(text, "nodev\ttmpfs\n"));
	KTEST_EXPECT_NOT_NULL(test, strstr(text, "nodev\tvfstestfs\n"));
	seq_file_free(&sm);
	KTEST_ASSERT_EQ(test, kern_path(VT "/m", 0, &m), 0);
	inodes = get_nr_inodes();
	a = iget_locked(m.dentry->d_sb, 42);
	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_EXPECT_EQ(test, a->i_ino, 42UL);
	KTEST_EXPECT_TRUE(test, a->i_state & I_NEW);
	a->i_mode = S_IFREG | 0644;
	unlock_new_inode(a);
	KTEST_EXPECT_FALSE(test, a->i_state & I_NEW);
	b = iget_locked(m.dentry->d_sb, 42);
	KTEST_EXPECT_PTR_EQ(test, b, a);
	KTEST_EXPECT_EQ(test, atomic_read(&a->i_count), 2);
	KTEST_EXPECT_PTR_EQ(test, ilookup(m.dentry->d_sb, 42), a);
	iput(a);
	KTEST_EXPECT_NULL(test, ilookup(m.dentry->d_sb, 43));
	KTEST_EXPECT_EQ(test, get_nr_inodes(), inodes + 1);
	iput(b);
	iput(a);
	KTEST_EXPECT_EQ(test, get_nr_inodes(), inodes);		/* the last iput evicts */
	KTEST_EXPECT_NULL(test, ilookup(m.dentry->d_sb, 42));
	a = iget_locked(m.dentry->d_sb, 44);
	KTEST_ASSERT_NOT_NULL(test, a);
	iget_failed(a);
	KTEST_EXPECT_NULL(test, ilookup(m.dentry->d_sb, 44));
	KTEST_EXPECT_EQ(test, get_nr_inodes(), inodes);
	path_put(&m);
	KTEST_EXPECT_EQ(test, init_umount(VT "/m", 0), 0);
	KTEST_EXPECT_EQ(test, unregister_filesystem(&vfstest_fs), 0);
	KTEST_EXPECT_NULL(test, get_fs_type("vfstestfs"));
	KTEST_EXPECT_EQ(test, init_mount("x", VT "/m", "vfstestfs", 0, NULL), -ENODEV);
	KTEST_EXPECT_EQ(test, unregister_filesystem(&vfstest_fs), -EINVAL);
}

static struct ktest_case vfs_cases[] = {
	KTEST_CASE(mkdir_and_rmdir_keep_link_counts),
	KTEST_CASE(mkdir_and_rmdir_errors_are_linuxs),
	KTEST_CASE(unlink_removes_names_and_the_last_frees_the_inode),
	KTEST_CASE(an_open_file_outlives_its_last_name),
	KTEST_CASE(link_errors_are_linuxs),
	KTEST_CASE(symlink_and_readlink_round_trip),
	KTEST_CASE(mknod_makes_device_fifo_and_socket_inodes),
	KTEST_CASE(rename_moves_and_replaces),
	KTEST_CASE(rename_errors_and_flags_are_linuxs),
	KTEST_CASE(rename_exchange_swaps_two_names),
	KTEST_CASE(rename_needs_write_permission_and_respects_sticky),
	KTEST_CASE(chmod_chown_and_their_permissions),
	KTEST_CASE(timestamps_move_and_utimes_sets_them),
	KTEST_CASE(open_flags_are_linuxs),
	KTEST_CASE(open_checks_permissions_for_users_not_root),
	KTEST_CASE(fds_are_given_lowest_first_with_cloexec),
	KTEST_CASE(dup_dup2_dup3_and_fcntl_share_the_open_file),
	KTEST_CASE(the_fd_table_grows_past_its_first_size),
	KTEST_CASE(fd_tables_copy_for_fork_and_close_on_exec),
	KTEST_CASE(getdents64_lists_every_entry_once),
	KTEST_CASE(getdents64_errors_are_linuxs),
	KTEST_CASE(stat_and_statfs_report_linuxs_fields),
	KTEST_CASE(nr_inodes_limits_files_and_links),
	KTEST_CASE(chdir_and_relative_names),
	KTEST_CASE(readv_and_writev_check_their_vectors_and_fault),
	KTEST_CASE(failed_calls_leak_nothing),
	KTEST_CASE(name_operations_on_every_cpu_keep_the_tree_whole),
	KTEST_CASE(registered_file_systems_mount_and_hash_inodes),
	{}
};

static struct ktest_suite vfs_suite = {
	.name = "vfs",
	.init = vfs_suite_init,
	.exit = vfs_suite_exit,
	.test_cases = vfs_cases,
};
ktest_register_suite(vfs_suite);
