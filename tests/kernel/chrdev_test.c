// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of character devices (fs/char_dev.c), devtmpfs
 * (drivers/base/devtmpfs.c) and vfs_ioctl() (fs/ioctl.c): number
 * reservations and their conflicts, opens routed by a node's i_rdev to
 * the cdev covering it (-ENXIO with none, and again after cdev_del()),
 * the boot's /dev nodes with Linux's numbers. Major 240 is in Linux's
 * "local/experimental" range, which nothing here registers. Nodes are
 * made in the suite's own tmpfs (vfs_test.h), which also checks that
 * nothing is leaked.
 */
#include "vfs_test.h"
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/uio.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#define TEST_MAJOR	240

static void register_chrdev_region_refuses_overlaps_and_bad_ranges(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, register_chrdev_region(MKDEV(TEST_MAJOR, 0), 4, "t0"), 0);
	KTEST_EXPECT_EQ(test, register_chrdev_region(MKDEV(TEST_MAJOR, 2), 4, "t1"), -EBUSY);
	KTEST_EXPECT_EQ(test, register_chrdev_region(MKDEV(TEST_MAJOR, 3), 1, "t1"), -EBUSY);
	KTEST_EXPECT_EQ(test, register_chrdev_region(MKDEV(TEST_MAJOR, 4), 4, "t1"), 0);
	KTEST_EXPECT_EQ(test, register_chrdev_region(MKDEV(1, 3), 1, "t2"), -EBUSY);
	KTEST_EXPECT_EQ(test, register_chrdev_region(MKDEV(TEST_MAJOR, 8), 0, "t2"), -EINVAL);
	KTEST_EXPECT_EQ(test, register_chrdev_region(MKDEV(0, 8), 1, "t2"), -EINVAL);
	KTEST_EXPECT_EQ(test, register_chrdev_region(MKDEV(CHRDEV_MAJOR_MAX, 0), 1, "t2"), -EINVAL);
	KTEST_EXPECT_EQ(test, register_chrdev_region(MKDEV(TEST_MAJOR, MINORMASK), 2, "t2"), -EINVAL);
	unregister_chrdev_region(MKDEV(TEST_MAJOR, 4), 4);
	unregister_chrdev_region(MKDEV(TEST_MAJOR, 0), 4);
	KTEST_EXPECT_EQ(test, register_chrdev_region(MKDEV(TEST_MAJOR, 2), 4, "t1"), 0);
	unregister_chrdev_region(MKDEV(TEST_MAJOR, 2), 4);
}

static void alloc_chrdev_region_takes_free_dynamic_majors(struct ktest *test)
{
	dev_t a, b;

	KTEST_ASSERT_EQ(test, alloc_chrdev_region(&a, 5, 2, "dyn-a"), 0);
	KTEST_ASSERT_EQ(test, alloc_chrdev_region(&b, 0, 1, "dyn-b"), 0);
	KTEST_EXPECT_GE(test, MAJOR(a), 234U);
	KTEST_EXPECT_LE(test, MAJOR(a), 254U);
	KTEST_EXPECT_EQ(test, MINOR(a), 5U);
	KTEST_EXPECT_NE(test, MAJOR(a), MAJOR(b));
	unregister_chrdev_region(b, 1);
	unregister_chrdev_region(a, 2);
}

static void chrdev_show_lists_the_regions_as_proc_devices(struct ktest *test)
{
	struct seq_file m = {};
	const char *text;

	KTEST_ASSERT_EQ(test, register_chrdev_region(MKDEV(TEST_MAJOR, 0), 1, "t0"), 0);
	text = KTEST_SHOW(test, &m, chrdev_show, NULL);
	KTEST_EXPECT_TRUE(test, !strncmp(text, "Character devices:\n  1 mem\n", 27));
	KTEST_EXPECT_NOT_NULL(test, strstr(text, "\n240 t0\n"));
	seq_file_free(&m);
	unregister_chrdev_region(MKDEV(TEST_MAJOR, 0), 1);
}

static int test_opens;
static unsigned int test_minor_opened;

static int test_dev_open(struct inode *inode, struct file *file)
{
	test_opens++;
	test_minor_opened = iminor(inode);
	return 0;
}

static ssize_t test_dev_read(struct kiocb *iocb, struct iov_iter *to)
{
	return copy_to_iter("dev", 3, to);
}

static const struct file_operations test_dev_fops = {
	.open = test_dev_open,
	.read_iter = test_dev_read,
};

static int mknod_test(const char *name, umode_t type, unsigned int minor)
{
	return init_mknod(name, type | 0600, new_encode_dev(MKDEV(TEST_MAJOR, minor)));
}

static void opens_reach_the_cdev_of_the_node_number_until_cdev_del(struct ktest *test)
{
	struct cdev cdev, other;
	struct file *f;
	char buf[8] = {};
	loff_t pos = 0;

	KTEST_ASSERT_EQ(test, mknod_test(VT "/c1", S_IFCHR, 1), 0);
	KTEST_ASSERT_EQ(test, mknod_test(VT "/c2", S_IFCHR, 2), 0);
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/c1", O_RDONLY, 0), ERR_PTR(-ENXIO));
	cdev_init(&cdev, &test_dev_fops);
	KTEST_ASSERT_EQ(test, cdev_add(&cdev, MKDEV(TEST_MAJOR, 0), 2), 0);
	cdev_init(&other, &test_dev_fops);
	KTEST_EXPECT_EQ(test, cdev_add(&other, MKDEV(TEST_MAJOR, 1), 1), -EBUSY);
	KTEST_EXPECT_EQ(test, cdev_add(&other, MKDEV(TEST_MAJOR, 3), 0), -EINVAL);
	test_opens = 0;
	f = filp_open(VT "/c1", O_RDONLY, 0);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	KTEST_EXPECT_EQ(test, test_opens, 1);
	KTEST_EXPECT_EQ(test, test_minor_opened, 1U);
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 3L);
	KTEST_EXPECT_STREQ(test, buf, "dev");
	/* Outside the cdev's two minors: no driver. */
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/c2", O_RDONLY, 0), ERR_PTR(-ENXIO));
	cdev_del(&cdev);
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/c1", O_RDONLY, 0), ERR_PTR(-ENXIO));
	/* The file opened before cdev_del() still works. */
	pos = 0;
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 3L);
	fput(f);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/c1"), 0);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/c2"), 0);
}

static void block_fifo_and_unknown_mem_nodes_open_to_enxio(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, mknod_test(VT "/b", S_IFBLK, 1), 0);
	KTEST_ASSERT_EQ(test, init_mknod(VT "/p", S_IFIFO | 0600, 0), 0);
	KTEST_ASSERT_EQ(test, init_mknod(VT "/port", S_IFCHR | 0600, new_encode_dev(MKDEV(1, 4))), 0);
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/b", O_RDONLY, 0), ERR_PTR(-ENXIO));
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/p", O_RDONLY, 0), ERR_PTR(-ENXIO));
	KTEST_EXPECT_PTR_EQ(test, filp_open(VT "/port", O_RDONLY, 0), ERR_PTR(-ENXIO));
	KTEST_EXPECT_EQ(test, init_unlink(VT "/b"), 0);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/p"), 0);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/port"), 0);
}

static void dev_has_the_mem_nodes_with_linux_numbers(struct ktest *test)
{
	static const struct { const char *path; unsigned int minor; umode_t mode; } nodes[] = {
		{ "/dev/null", 3, 0666 }, { "/dev/zero", 5, 0666 }, { "/dev/full", 7, 0666 },
		{ "/dev/random", 8, 0666 }, { "/dev/urandom", 9, 0666 }, { "/dev/kmsg", 11, 0644 },
	};
	struct kstat st;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nodes); i++) {
		KTEST_ASSERT_EQ(test, init_stat(nodes[i].path, &st, 0), 0);
		KTEST_EXPECT_EQ(test, st.rdev, MKDEV(1, nodes[i].minor));
		KTEST_EXPECT_EQ(test, st.mode, S_IFCHR | nodes[i].mode);
	}
	KTEST_EXPECT_EQ(test, devtmpfs_create_node("null", S_IFCHR | 0666, MKDEV(1, 3)), -EEXIST);
}

static void dev_is_a_devtmpfs_mount_in_proc_mounts(struct ktest *test)
{
	struct seq_file m = {};
	const char *text = KTEST_SHOW(test, &m, mounts_show, NULL);

	KTEST_EXPECT_NOT_NULL(test, strstr(text, "\ndevtmpfs /dev devtmpfs rw,relatime,mode=755 0 0\n"));
	seq_file_free(&m);
}

/* The test initramfs (tests/initramfs/newc_list) has /dev/console, /dev/sda1, /dev/big. */
static void initramfs_dev_entries_join_the_drivers_nodes_in_devtmpfs(struct ktest *test)
{
	struct kstat root, dev, null, sda1, console;

	if (init_stat("/dev/sda1", &sda1, 0))
		KTEST_SKIP(test, "not booted with the test initramfs (build/initramfs-test.cpio)");
	KTEST_ASSERT_EQ(test, init_stat("/", &root, 0), 0);
	KTEST_ASSERT_EQ(test, init_stat("/dev", &dev, 0), 0);
	KTEST_ASSERT_EQ(test, init_stat("/dev/null", &null, 0), 0);
	KTEST_ASSERT_EQ(test, init_stat("/dev/console", &console, 0), 0);
	KTEST_EXPECT_NE(test, dev.dev, root.dev);	/* /dev is a mount of its own */
	KTEST_EXPECT_EQ(test, sda1.dev, dev.dev);
	KTEST_EXPECT_EQ(test, null.dev, dev.dev);
	KTEST_EXPECT_EQ(test, sda1.rdev, (dev_t)MKDEV(8, 1));
	KTEST_EXPECT_EQ(test, console.rdev, (dev_t)MKDEV(5, 1));
}

static void ioctl_of_a_file_without_ioctls_is_enotty(struct ktest *test)
{
	long fd;

	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	fd = do_sys_open(AT_FDCWD, VT "/f", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, fd, 0L);
	KTEST_EXPECT_EQ(test, ksys_ioctl(fd, 0x5401, 0), (long)-ENOTTY);
	KTEST_EXPECT_EQ(test, ksys_close(fd), 0);
	KTEST_EXPECT_EQ(test, ksys_ioctl(fd, 0x5401, 0), (long)-EBADF);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/f"), 0);
}

static struct ktest_case chrdev_cases[] = {
	KTEST_CASE(register_chrdev_region_refuses_overlaps_and_bad_ranges),
	KTEST_CASE(alloc_chrdev_region_takes_free_dynamic_majors),
	KTEST_CASE(chrdev_show_lists_the_regions_as_proc_devices),
	KTEST_CASE(opens_reach_the_cdev_of_the_node_number_until_cdev_del),
	KTEST_CASE(block_fifo_and_unknown_mem_nodes_open_to_enxio),
	KTEST_CASE(dev_has_the_mem_nodes_with_linux_numbers),
	KTEST_CASE(dev_is_a_devtmpfs_mount_in_proc_mounts),
	KTEST_CASE(initramfs_dev_entries_join_the_drivers_nodes_in_devtmpfs),
	KTEST_CASE(ioctl_of_a_file_without_ioctls_is_enotty),
	{}
};

static struct ktest_suite chrdev_suite = {
	.name = "chrdev",
	.init = vfs_suite_init,
	.exit = vfs_suite_exit,
	.test_cases = chrdev_cases,
};
ktest_register_suite(chrdev_suite);
