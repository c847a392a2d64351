// SPDX-License-Identifier: GPL-2.0
/*
 * The initramfs suite: init/initramfs.c in the running kernel. The boot's
 * archive is make test's build/initramfs-test.cpio (tests/initramfs/: a
 * newc part with every entry kind, a crc part, then a gzip'd part, all with
 * the mtime 1700000000); the cases check what populate_rootfs() made of it through
 * init_stat() and filp_open() + kernel_read(), that the initrd's pages went
 * back to the page allocator, and unpack_to_rootfs() on small archives of
 * their own (a truncated one, a corrupt one) against the real tmpfs, with
 * inodes, dentries and files back at their counts once those are removed. Booted
 * with another archive (make run KTEST=1), the tree cases skip.
 */
#include <linux/ktest.h>
#include <linux/initrd.h>
#include <linux/init_syscalls.h>
#include <linux/fs.h>
#include <linux/stat.h>
#include <linux/kdev_t.h>
#include <linux/memblock.h>
#include <linux/fault-inject.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sprintf.h>
#include <asm/page.h>
#include "vfs_test.h"

#define TEST_MTIME	1700000000

/*
 * Whether the tree cases apply: the test archive unpacked to its last
 * entry, or at least in part (then they fail, naming what is missing).
 * Not at all: booted with another archive. Cut short while fault injection
 * was failing allocations at boot: the log says where, and the unpacker's
 * failure paths are the host tests' business.
 */
static bool have_test_tree(struct ktest *test)
{
	struct kstat st;

	if (!init_stat("/itest/gz/link", &st, AT_SYMLINK_NOFOLLOW))
		return true;
	if (fail_page_alloc.attr.failures || failslab.attr.failures) {
		ktest_skip(test, "fault injection failed allocations while the initramfs unpacked");
		return false;
	}
	if (init_stat("/itest", &st, 0)) {
		ktest_skip(test, "not booted with the test initramfs (build/initramfs-test.cpio)");
		return false;
	}
	return true;
}

static int stat_nofollow(const char *path, struct kstat *st)
{
	memset(st, 0, sizeof(*st));
	return init_stat(path, st, AT_SYMLINK_NOFOLLOW);
}

/* The text of @path (vt_read_file()), or "(error N)", for string checks. */
static const char *read_file(const char *path, char *buf, size_t size)
{
	ssize_t n = vt_read_file(path, buf, size);

	if (n < 0)
		snprintf(buf, size, "(error %ld)", (long)n);
	return buf;
}

static void initramfs_directories_have_modes_owners_and_mtimes(struct ktest *test)
{
	struct kstat st;

	if (!have_test_tree(test))
		return;
	KTEST_ASSERT_EQ(test, stat_nofollow("/itest", &st), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFDIR | 0750);
	KTEST_EXPECT_EQ(test, st.uid, 1000U);
	KTEST_EXPECT_EQ(test, st.gid, 100U);
	/* Set after the entries made inside it. */
	KTEST_EXPECT_EQ(test, st.mtime.tv_sec, TEST_MTIME);
	KTEST_ASSERT_EQ(test, stat_nofollow("/itest/empty", &st), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFDIR | 0700);
	KTEST_ASSERT_EQ(test, stat_nofollow("/dev", &st), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFDIR | 0755);
}

static void initramfs_regular_files_have_contents_and_attributes(struct ktest *test)
{
	char buf[64];
	struct kstat st;

	if (!have_test_tree(test))
		return;
	KTEST_ASSERT_EQ(test, stat_nofollow("/itest/hello.link2", &st), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFREG | 0644);
	KTEST_EXPECT_EQ(test, st.uid, 1000U);
	KTEST_EXPECT_EQ(test, st.gid, 100U);
	KTEST_EXPECT_EQ(test, st.size, 25LL);
	KTEST_EXPECT_EQ(test, st.mtime.tv_sec, TEST_MTIME);
	KTEST_EXPECT_STREQ(test, read_file("/itest/hello.link2", buf, sizeof(buf)),
			   "hello from the initramfs\n");
	KTEST_ASSERT_EQ(test, stat_nofollow("/init", &st), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFREG | 0755);
}

static void initramfs_hard_links_share_one_inode(struct ktest *test)
{
	static const char *const names[] = {
		"/itest/hello", "/itest/hello.link1", "/itest/hello.link2",
	};
	char buf[64];
	struct kstat st, first;
	unsigned int i;

	if (!have_test_tree(test))
		return;
	KTEST_ASSERT_EQ(test, stat_nofollow(names[0], &first), 0);
	KTEST_EXPECT_EQ(test, first.nlink, 3U);
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		KTEST_ASSERT_EQ(test, stat_nofollow(names[i], &st), 0);
		KTEST_EXPECT_EQ(test, st.ino, first.ino);
		KTEST_EXPECT_STREQ(test, read_file(names[i], buf, sizeof(buf)),
				   "hello from the initramfs\n");
	}
}

static void initramfs_symlinks_keep_their_targets(struct ktest *test)
{
	char buf[64];
	struct kstat st;

	if (!have_test_tree(test))
		return;
	KTEST_ASSERT_EQ(test, stat_nofollow("/itest/sym", &st), 0);
	KTEST_EXPECT_TRUE(test, S_ISLNK(st.mode));
	KTEST_EXPECT_EQ(test, st.size, (loff_t)strlen("hello"));
	KTEST_EXPECT_EQ(test, st.uid, 1000U);
	KTEST_EXPECT_STREQ(test, read_file("/itest/sym", buf, sizeof(buf)),
			   "hello from the initramfs\n");
	KTEST_ASSERT_EQ(test, stat_nofollow("/itest/dangling", &st), 0);
	KTEST_EXPECT_TRUE(test, S_ISLNK(st.mode));
	KTEST_EXPECT_EQ(test, st.size, (loff_t)strlen("/nowhere/at/all"));
	KTEST_EXPECT_EQ(test, init_stat("/itest/dangling", &st, 0), -ENOENT);
}

static void initramfs_device_nodes_have_their_numbers(struct ktest *test)
{
	struct kstat st;

	if (!have_test_tree(test))
		return;
	KTEST_ASSERT_EQ(test, stat_nofollow("/dev/console", &st), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFCHR | 0600);
	KTEST_EXPECT_EQ(test, st.rdev, MKDEV(5U, 1U));
	KTEST_ASSERT_EQ(test, stat_nofollow("/dev/sda1", &st), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFBLK | 0660);
	KTEST_EXPECT_EQ(test, st.rdev, MKDEV(8U, 1U));
	KTEST_EXPECT_EQ(test, st.gid, 6U);
	/* A major above 255 and a minor above 65535: both halves of new_encode_dev(). */
	KTEST_ASSERT_EQ(test, stat_nofollow("/dev/big", &st), 0);
	KTEST_EXPECT_EQ(test, MAJOR(st.rdev), 300U);
	KTEST_EXPECT_EQ(test, MINOR(st.rdev), 70000U);
	KTEST_ASSERT_EQ(test, stat_nofollow("/itest/fifo", &st), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFIFO | 0620);
	KTEST_ASSERT_EQ(test, stat_nofollow("/itest/sock", &st), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFSOCK | 0755);
}

static void initramfs_crc_part_is_unpacked(struct ktest *test)
{
	char buf[64];
	struct kstat st;

	if (!have_test_tree(test))
		return;
	KTEST_ASSERT_EQ(test, stat_nofollow("/itest/crc/file", &st), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFREG | 0600);
	KTEST_EXPECT_STREQ(test, read_file("/itest/crc/file", buf, sizeof(buf)),
			   "checked by its sum\n");
}

static void initramfs_gzip_part_is_unpacked(struct ktest *test)
{
	char buf[64];
	struct kstat st;

	if (!have_test_tree(test))
		return;
	KTEST_ASSERT_EQ(test, stat_nofollow("/itest/gz/file", &st), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFREG | 0640);
	KTEST_EXPECT_EQ(test, st.mtime.tv_sec, TEST_MTIME);
	KTEST_EXPECT_STREQ(test, read_file("/itest/gz/link", buf, sizeof(buf)),
			   "unpacked from the gzip part\n");
}

static void initramfs_initrd_memory_is_freed(struct ktest *test)
{
	phys_addr_t start = PAGE_ALIGN(phys_initrd_start);
	phys_addr_t end = ALIGN_DOWN(phys_initrd_start + phys_initrd_size, PAGE_SIZE);
	phys_addr_t pa;

	if (!phys_initrd_size) {
		ktest_skip(test, "booted without an initrd");
		return;
	}
	KTEST_EXPECT_EQ(test, initrd_start, 0UL);
	KTEST_EXPECT_EQ(test, initrd_end, 0UL);
	if (start >= end)
		return;
	KTEST_EXPECT_FALSE(test, memblock_is_region_reserved(start, end - start));
	for (pa = start; pa < end; pa += PAGE_SIZE)
		KTEST_EXPECT_FALSE(test, PageReserved(pfn_to_page(PHYS_PFN(pa))));
}

/* A newc entry for @name with @data, padded; returns its length. */
static size_t put_entry(char *buf, const char *name, umode_t mode, const char *data)
{
	size_t nlen = strlen(name) + 1, dlen = data ? strlen(data) : 0, len;

	len = scnprintf(buf, 111, "070701%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX%08X",
			1U, mode, 0U, 0U, 1U, 0U, dlen, 0U, 0U, 0U, 0U, nlen, 0U);
	memcpy(buf + len, name, nlen);
	len = ALIGN(len + nlen, 4);
	memcpy(buf + len, data, dlen);
	return ALIGN(len + dlen, 4);
}

static void unpack_to_rootfs_reports_truncation_and_keeps_what_came_before(struct ktest *test)
{
	static char archive[1024];
	struct vfs_counts before, after;
	size_t len = 0, dir_end;
	struct kstat st;
	char want[64];
	char *err;

	vfs_counts_get(&before);
	memset(archive, 0, sizeof(archive));
	len += put_entry(archive + len, "ktest-initramfs", S_IFDIR | 0755, NULL);
	dir_end = len;
	len += put_entry(archive + len, "ktest-initramfs/file", S_IFREG | 0644, "data");
	err = unpack_to_rootfs(archive, len - 4);
	KTEST_ASSERT_NOT_NULL(test, err);
	snprintf(want, sizeof(want), "truncated archive at offset %zu", dir_end);
	KTEST_EXPECT_STREQ(test, err, want);
	KTEST_EXPECT_EQ(test, init_stat("/ktest-initramfs", &st, 0), 0);
	KTEST_EXPECT_EQ(test, init_stat("/ktest-initramfs/file", &st, 0), -ENOENT);
	KTEST_EXPECT_EQ(test, init_rmdir("/ktest-initramfs"), 0);
	/* The removed file and the closed one are gone for good. */
	vfs_counts_get(&after);
	KTEST_EXPECT_COUNTS_EQ(test, &after, &before);
}

static void unpack_to_rootfs_reports_a_corrupt_header(struct ktest *test)
{
	static char archive[512];
	struct vfs_counts before, after;
	size_t len;
	struct kstat st;
	char want[64];

	vfs_counts_get(&before);
	memset(archive, 0, sizeof(archive));
	len = put_entry(archive, "ktest-initramfs-file", S_IFREG | 0600, "kept");
	put_entry(archive + len, "x", S_IFREG | 0600, NULL);
	archive[len + 5] = '9';			/* magic 070709 */
	snprintf(want, sizeof(want), "no cpio magic at offset %zu", len);
	KTEST_EXPECT_STREQ(test, unpack_to_rootfs(archive, len + 128) ?: "(none)", want);
	KTEST_EXPECT_EQ(test, init_stat("/ktest-initramfs-file", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.size, 4LL);
	KTEST_EXPECT_EQ(test, init_unlink("/ktest-initramfs-file"), 0);
	vfs_counts_get(&after);
	KTEST_EXPECT_COUNTS_EQ(test, &after, &before);
}

static struct ktest_case initramfs_cases[] = {
	KTEST_CASE(initramfs_directories_have_modes_owners_and_mtimes),
	KTEST_CASE(initramfs_regular_files_have_contents_and_attributes),
	KTEST_CASE(initramfs_hard_links_share_one_inode),
	KTEST_CASE(initramfs_symlinks_keep_their_targets),
	KTEST_CASE(initramfs_device_nodes_have_their_numbers),
	KTEST_CASE(initramfs_crc_part_is_unpacked),
	KTEST_CASE(initramfs_gzip_part_is_unpacked),
	KTEST_CASE(initramfs_initrd_memory_is_freed),
	KTEST_CASE(unpack_to_rootfs_reports_truncation_and_keeps_what_came_before),
	KTEST_CASE(unpack_to_rootfs_reports_a_corrupt_header),
	{}
};

static struct ktest_suite initramfs_suite = {
	.name = "initramfs",
	.init = ktest_pause_fault_injection,
	.exit = ktest_resume_fault_injection,
	.test_cases = initramfs_cases,
};
ktest_register_suite(initramfs_suite);
