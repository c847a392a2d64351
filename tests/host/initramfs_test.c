// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the cpio unpacker (init/initramfs.c) against a fake file
 * layer: the init_* calls, filp_open, kernel_write, vfs_fchown/vfs_fchmod
 * and fput act on a small table of names and inodes below, and each call is
 * appended to a log ("mkdir dev 40755;chown dev 0 0 0;...") that the tests
 * search. Archives are built here, entry by entry, in the newc/crc formats.
 *
 * The fake keeps what the unpacker must get right: a missing parent is
 * ENOENT, an existing name EEXIST, a hard link shares its inode, creating
 * an entry touches its directory's mtime (so the deferred directory times
 * show), and no file may stay open. A struct file of the fake holds its
 * inode in private_data.
 */
#include "htest.h"
#include <linux/initrd.h>
#include <linux/init_syscalls.h>
#include <linux/fs.h>
#include <linux/stat.h>
#include <linux/kdev_t.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sprintf.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/crc32.h>
#include <asm/page.h>

/* ---- the fake file layer ----------------------------------------------------- */

#define FAKE_INODES	32
#define FAKE_NAMES	48
#define FAKE_DATA	8192
#define NOW		999

struct finode {
	bool used;
	umode_t mode;
	uid_t uid;
	gid_t gid;
	unsigned int rdev;		/* as init_mknod got it (new_encode_dev form) */
	unsigned int nlink;
	time64_t mtime;
	size_t size;
	char data[FAKE_DATA];		/* a file's contents or a symlink's target */
};

struct fname {
	char path[256];
	struct finode *inode;		/* NULL: a free slot */
};

static struct finode inodes[FAKE_INODES];
static struct fname names[FAKE_NAMES];
static struct file files[4];
static int open_files;
static bool fail_writes;
static char calls[16384];

static void call(const char *fmt, ...) __printf(1, 2);
static void call(const char *fmt, ...)
{
	size_t len = strlen(calls);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(calls + len, sizeof(calls) - len, fmt, ap);
	va_end(ap);
	len = strlen(calls);
	if (len + 1 < sizeof(calls))
		memcpy(calls + len, ";", 2);
}

static void fake_reset(void)
{
	memset(inodes, 0, sizeof(inodes));
	memset(names, 0, sizeof(names));
	open_files = 0;
	fail_writes = false;
	calls[0] = '\0';
}

static struct fname *lookup(const char *path)
{
	unsigned int i;

	for (i = 0; i < FAKE_NAMES; i++)
		if (names[i].inode && !strcmp(names[i].path, path))
			return &names[i];
	return NULL;
}

static struct finode *inode_of(const char *path)
{
	struct fname *n = lookup(path);

	return n ? n->inode : NULL;
}

/* The directory holding @path ("" is the root), or NULL if it is missing. */
static struct finode *parent_of(const char *path, bool *root)
{
	char dir[256];
	char *slash;

	strscpy(dir, path, sizeof(dir));
	slash = strrchr(dir, '/');
	*root = !slash;
	if (!slash)
		return NULL;
	*slash = '\0';
	return inode_of(dir);
}

/* A new name for @inode (or a new inode when NULL); -errno as the VFS. */
static int add_name(const char *path, umode_t mode, struct finode *inode)
{
	bool root;
	struct finode *dir = parent_of(path, &root);
	unsigned int i, j;

	if (!root && (!dir || !S_ISDIR(dir->mode)))
		return -ENOENT;
	if (lookup(path))
		return -EEXIST;
	for (i = 0; i < FAKE_NAMES && names[i].inode; i++)
		;
	HT_ASSERT_TRUE(i < FAKE_NAMES);
	if (!inode) {
		for (j = 0; j < FAKE_INODES && inodes[j].used; j++)
			;
		HT_ASSERT_TRUE(j < FAKE_INODES);
		inode = &inodes[j];
		memset(inode, 0, sizeof(*inode));
		inode->used = true;
		inode->mode = mode;
		inode->mtime = NOW;
	}
	inode->nlink++;
	strscpy(names[i].path, path, sizeof(names[i].path));
	names[i].inode = inode;
	if (dir)
		dir->mtime = NOW;
	return 0;
}

static int remove_name(const char *path)
{
	struct fname *n = lookup(path);

	if (!n)
		return -ENOENT;
	if (!--n->inode->nlink)
		n->inode->used = false;
	n->inode = NULL;
	return 0;
}

int init_mkdir(const char *pathname, umode_t mode)
{
	call("mkdir %s %o", pathname, mode);
	return add_name(pathname, S_IFDIR | (mode & S_IALLUGO), NULL);
}

int init_mknod(const char *filename, umode_t mode, unsigned int dev)
{
	int ret;

	call("mknod %s %o %x", filename, mode, dev);
	ret = add_name(filename, mode, NULL);
	if (!ret)
		inode_of(filename)->rdev = dev;
	return ret;
}

int init_symlink(const char *oldname, const char *newname)
{
	int ret;

	call("symlink %s %s", oldname, newname);
	ret = add_name(newname, S_IFLNK | 0777, NULL);
	if (!ret) {
		strscpy(inode_of(newname)->data, oldname, FAKE_DATA);
		inode_of(newname)->size = strlen(oldname);
	}
	return ret;
}

int init_link(const char *oldname, const char *newname)
{
	struct finode *old = inode_of(oldname);

	call("link %s %s", oldname, newname);
	if (!old)
		return -ENOENT;
	return add_name(newname, 0, old);
}

int init_unlink(const char *pathname)
{
	call("unlink %s", pathname);
	return remove_name(pathname);
}

int init_rmdir(const char *pathname)
{
	call("rmdir %s", pathname);
	return remove_name(pathname);
}

int init_chown(const char *filename, uid_t user, gid_t group, int flags)
{
	struct finode *inode = inode_of(filename);

	call("chown %s %u %u %x", filename, user, group, flags);
	if (!inode)
		return -ENOENT;
	inode->uid = user;
	inode->gid = group;
	return 0;
}

int init_chmod(const char *filename, umode_t mode)
{
	struct finode *inode = inode_of(filename);

	call("chmod %s %o", filename, mode);
	if (!inode)
		return -ENOENT;
	inode->mode = (inode->mode & S_IFMT) | (mode & S_IALLUGO);
	return 0;
}

int init_utimes(const char *filename, struct timespec64 *ts)
{
	struct finode *inode = inode_of(filename);

	call("utimes %s %lld", filename, (long long)ts[1].tv_sec);
	if (!inode)
		return -ENOENT;
	inode->mtime = ts[1].tv_sec;
	return 0;
}

int init_stat(const char *filename, struct kstat *stat, int flags)
{
	struct finode *inode = inode_of(filename);

	if (!inode)
		return -ENOENT;
	memset(stat, 0, sizeof(*stat));
	stat->mode = inode->mode;
	stat->nlink = inode->nlink;
	return 0;
}

struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	struct finode *inode = inode_of(filename);
	int ret;

	call("open %s %x %o", filename, flags, mode);
	if (!inode) {
		ret = add_name(filename, S_IFREG | (mode & S_IALLUGO), NULL);
		if (ret)
			return ERR_PTR(ret);
		inode = inode_of(filename);
	} else if (flags & O_TRUNC) {
		inode->size = 0;
	}
	HT_ASSERT_TRUE(open_files < (int)ARRAY_SIZE(files));
	files[open_files].private_data = inode;
	return &files[open_files++];
}

void fput(struct file *file)
{
	call("fput");
	HT_EXPECT_EQ(file, &files[open_files - 1]);
	open_files--;
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	struct finode *inode = file->private_data;

	if (fail_writes)
		return -ENOSPC;
	HT_ASSERT_TRUE(*pos + count <= FAKE_DATA);
	memcpy(inode->data + *pos, buf, count);
	*pos += count;
	inode->size = max(inode->size, (size_t)*pos);
	return count;
}

int vfs_fchown(struct file *file, uid_t user, gid_t group)
{
	struct finode *inode = file->private_data;

	inode->uid = user;
	inode->gid = group;
	return 0;
}

int vfs_fchmod(struct file *file, umode_t mode)
{
	struct finode *inode = file->private_data;

	inode->mode = S_IFREG | (mode & S_IALLUGO);
	return 0;
}

static void *freed_start, *freed_end;

unsigned long free_reserved_area(void *start, void *end, int poison, const char *s)
{
	freed_start = start;
	freed_end = end;
	printk("Freeing %s memory: %luK\n", s, (unsigned long)(end - start) >> 10);
	return (end - start) >> PAGE_SHIFT;
}

/* ---- archives ---------------------------------------------------------------- */

struct entry {
	const char *name;
	umode_t mode;
	const char *data;		/* a file's contents or a symlink's target */
	unsigned long ino, nlink, mtime;
	unsigned int uid, gid, rmajor, rminor;
	bool crc;
	bool bad_sum;			/* crc: write a wrong checksum */
	const char *magic;		/* instead of the format's */
};

static char archive[1 << 17];
static size_t alen;

static void add(const struct entry *e)
{
	size_t dlen = e->data ? strlen(e->data) : 0, nlen = strlen(e->name) + 1;
	unsigned long sum = 0, i;

	HT_ASSERT_TRUE(alen + 120 + nlen + dlen < sizeof(archive) - 512);
	for (i = 0; i < dlen; i++)
		sum += (unsigned char)e->data[i];
	if (e->bad_sum)
		sum++;
	alen += scnprintf(archive + alen, sizeof(archive) - alen,
			  "%s%08lX%08X%08X%08X%08lX%08lX%08lX%08X%08X%08X%08X%08lX%08lX",
			  e->magic ?: (e->crc ? "070702" : "070701"), e->ino ?: 1 + alen,
			  e->mode, e->uid, e->gid, e->nlink ?: 1, e->mtime, (unsigned long)dlen,
			  0U, 0U, e->rmajor, e->rminor, (unsigned long)nlen,
			  e->crc ? sum : 0UL);
	memcpy(archive + alen, e->name, nlen);
	alen += nlen;
	while (alen & 3)
		archive[alen++] = '\0';
	memcpy(archive + alen, e->data, dlen);
	alen += dlen;
	while (alen & 3)
		archive[alen++] = '\0';
}

#define ADD(...) add(&(struct entry){ __VA_ARGS__ })

static void trailer(void)
{
	ADD(.name = "TRAILER!!!", .ino = 0xffffffff);
}

/* Heap blocks live before the case: other suites' may remain. */
static long heap_base;

static void start(void)
{
	fake_reset();
	alen = 0;
	heap_base = htest_heap_live();
}

/*
 * Unpack the first @len bytes from a buffer of exactly that size (ASan
 * sees overruns), with the @nth allocation of the unpacker failing (0:
 * none).
 */
static char *unpack_failing(size_t len, unsigned int nth)
{
	char *buf = htest_malloc(len ?: 1);
	char *err;

	HT_ASSERT_TRUE(buf);
	memcpy(buf, archive, len);
	htest_fail_nth_alloc(nth);
	err = unpack_to_rootfs(buf, len);
	htest_fail_nth_alloc(0);
	htest_free(buf);
	HT_EXPECT_EQ(open_files, 0);
	return err;
}

static char *unpack_len(size_t len)
{
	return unpack_failing(len, 0);
}

static char *unpack(void)
{
	return unpack_len(alen);
}

static const char *contents(const char *path)
{
	struct finode *inode = inode_of(path);
	static char buf[FAKE_DATA + 1];

	if (!inode)
		return "(missing)";
	memcpy(buf, inode->data, inode->size);
	buf[inode->size] = '\0';
	return buf;
}

#define HT_EXPECT_LOGGED(s)	HT_EXPECT_TRUE(strstr(calls, s) != NULL)
#define HT_EXPECT_ERR(err, s)	HT_EXPECT_STREQ((err) ?: "(none)", s)

/* ---- every entry kind -------------------------------------------------------- */

static void add_every_kind(void)
{
	ADD(.name = "dev", .mode = S_IFDIR | 0755, .mtime = 100);
	ADD(.name = "dev/console", .mode = S_IFCHR | 0600, .rmajor = 5, .rminor = 1, .mtime = 7);
	ADD(.name = "dev/sda", .mode = S_IFBLK | 0660, .rmajor = 8, .rminor = 0x12345, .gid = 6);
	ADD(.name = "fifo", .mode = S_IFIFO | 0644);
	ADD(.name = "sock", .mode = S_IFSOCK | 0777);
	ADD(.name = "init", .mode = S_IFREG | 04755, .data = "#!/bin/sh\necho hi\n",
	    .uid = 1000, .gid = 100, .mtime = 1234567890);
	ADD(.name = "empty", .mode = S_IFREG | 0600);
	ADD(.name = "sh", .mode = S_IFLNK | 0777, .data = "bin/busybox", .uid = 3, .mtime = 55);
}

HTEST(initramfs_unpacks_every_entry_kind)
{
	struct finode *i;

	start();
	add_every_kind();
	trailer();
	HT_EXPECT_ERR(unpack(), "(none)");

	i = inode_of("dev");
	HT_ASSERT_TRUE(i);
	HT_EXPECT_EQ(i->mode, S_IFDIR | 0755);
	i = inode_of("dev/console");
	HT_ASSERT_TRUE(i);
	HT_EXPECT_EQ(i->mode, S_IFCHR | 0600);
	HT_EXPECT_EQ(new_decode_dev(i->rdev), MKDEV(5U, 1U));
	HT_EXPECT_EQ(i->mtime, 7);
	i = inode_of("dev/sda");
	HT_ASSERT_TRUE(i);
	HT_EXPECT_EQ(i->mode, S_IFBLK | 0660);
	HT_EXPECT_EQ(MAJOR(new_decode_dev(i->rdev)), 8U);
	HT_EXPECT_EQ(MINOR(new_decode_dev(i->rdev)), 0x12345U);
	HT_EXPECT_EQ(i->gid, 6U);
	HT_EXPECT_EQ(inode_of("fifo")->mode, S_IFIFO | 0644);
	HT_EXPECT_EQ(inode_of("sock")->mode, S_IFSOCK | 0777);
	i = inode_of("init");
	HT_ASSERT_TRUE(i);
	HT_EXPECT_EQ(i->mode, S_IFREG | 04755);
	HT_EXPECT_EQ(i->uid, 1000U);
	HT_EXPECT_EQ(i->gid, 100U);
	HT_EXPECT_EQ(i->mtime, 1234567890);
	HT_EXPECT_STREQ(contents("init"), "#!/bin/sh\necho hi\n");
	HT_EXPECT_EQ(inode_of("empty")->size, 0U);
	i = inode_of("sh");
	HT_ASSERT_TRUE(i);
	HT_EXPECT_TRUE(S_ISLNK(i->mode));
	HT_EXPECT_STREQ(contents("sh"), "bin/busybox");
	HT_EXPECT_EQ(i->uid, 3U);
	HT_EXPECT_EQ(i->mtime, 55);
	HT_EXPECT_LOGGED("chown sh 3 0 100;");	/* AT_SYMLINK_NOFOLLOW */
	HT_EXPECT_LOGGED("open init 8241 104755;");	/* O_WRONLY|O_CREAT|O_TRUNC|O_LARGEFILE */
	HT_EXPECT_EQ(htest_heap_live(), heap_base);
}

HTEST(initramfs_sets_directory_mtime_after_its_entries)
{
	start();
	ADD(.name = "d", .mode = S_IFDIR | 0700, .mtime = 100);
	ADD(.name = "d/e", .mode = S_IFDIR | 0700, .mtime = 200);
	ADD(.name = "d/e/f", .mode = S_IFREG | 0600, .data = "x", .mtime = 300);
	trailer();
	HT_EXPECT_ERR(unpack(), "(none)");
	/* The fake sets a directory's mtime to NOW when an entry is made in it. */
	HT_EXPECT_EQ(inode_of("d")->mtime, 100);
	HT_EXPECT_EQ(inode_of("d/e")->mtime, 200);
	HT_EXPECT_EQ(inode_of("d/e/f")->mtime, 300);
	HT_EXPECT_LOGGED("utimes d/e 200;utimes d 100;");
}

HTEST(initramfs_replaces_an_entry_of_another_type)
{
	start();
	ADD(.name = "x", .mode = S_IFREG | 0600, .data = "file");
	ADD(.name = "y", .mode = S_IFDIR | 0700);
	ADD(.name = "x", .mode = S_IFDIR | 0755);
	ADD(.name = "y", .mode = S_IFLNK | 0777, .data = "x");
	ADD(.name = "z", .mode = S_IFREG | 0600, .data = "old contents");
	ADD(.name = "z", .mode = S_IFREG | 0600, .data = "new");
	trailer();
	HT_EXPECT_ERR(unpack(), "(none)");
	HT_EXPECT_EQ(inode_of("x")->mode, S_IFDIR | 0755);
	HT_EXPECT_TRUE(S_ISLNK(inode_of("y")->mode));
	HT_EXPECT_LOGGED("unlink x;mkdir x");
	HT_EXPECT_LOGGED("rmdir y;symlink x y");
	HT_EXPECT_STREQ(contents("z"), "new");	/* O_TRUNC */
}

/* ---- hard links -------------------------------------------------------------- */

HTEST(initramfs_hard_links_share_the_inode_and_the_data)
{
	start();
	/* newc stores the data once, with the last name. */
	ADD(.name = "a", .mode = S_IFREG | 0644, .ino = 5, .nlink = 3);
	ADD(.name = "b", .mode = S_IFREG | 0644, .ino = 5, .nlink = 3);
	ADD(.name = "c", .mode = S_IFREG | 0644, .ino = 5, .nlink = 3, .data = "shared");
	ADD(.name = "n1", .mode = S_IFCHR | 0600, .ino = 6, .nlink = 2, .rmajor = 1, .rminor = 3);
	ADD(.name = "n2", .mode = S_IFCHR | 0600, .ino = 6, .nlink = 2, .rmajor = 1, .rminor = 3);
	ADD(.name = "other", .mode = S_IFREG | 0644, .ino = 7, .nlink = 2, .data = "o");
	trailer();
	HT_EXPECT_ERR(unpack(), "(none)");
	HT_ASSERT_TRUE(inode_of("a") && inode_of("a") == inode_of("b"));
	HT_EXPECT_EQ(inode_of("a"), inode_of("c"));
	HT_EXPECT_EQ(inode_of("a")->nlink, 3U);
	HT_EXPECT_STREQ(contents("a"), "shared");
	HT_EXPECT_LOGGED("link a b;");
	HT_EXPECT_LOGGED("link a c;open c 8041");	/* no O_TRUNC */
	HT_EXPECT_EQ(inode_of("n1"), inode_of("n2"));
	HT_EXPECT_EQ(inode_of("n1")->nlink, 2U);
	HT_EXPECT_NE(inode_of("other"), inode_of("a"));
	HT_EXPECT_EQ(htest_heap_live(), heap_base);
}

HTEST(initramfs_link_hash_is_per_archive)
{
	start();
	ADD(.name = "a", .mode = S_IFREG | 0644, .ino = 5, .nlink = 2, .data = "1");
	trailer();
	ADD(.name = "b", .mode = S_IFREG | 0644, .ino = 5, .nlink = 2, .data = "2");
	trailer();
	HT_EXPECT_ERR(unpack(), "(none)");
	HT_EXPECT_NE(inode_of("a"), inode_of("b"));
	HT_EXPECT_STREQ(contents("a"), "1");
	HT_EXPECT_STREQ(contents("b"), "2");
}

/* ---- the crc format ---------------------------------------------------------- */

HTEST(initramfs_crc_format_checks_the_data_sum)
{
	start();
	ADD(.name = "good", .mode = S_IFREG | 0644, .crc = true, .data = "\xff\xfe payload");
	trailer();
	HT_EXPECT_ERR(unpack(), "(none)");
	HT_EXPECT_STREQ(contents("good"), "\xff\xfe payload");
}

HTEST(initramfs_crc_mismatch_is_reported_and_the_file_removed)
{
	char want[64];
	size_t bad;

	start();
	ADD(.name = "first", .mode = S_IFREG | 0644, .crc = true, .data = "ok");
	bad = alen;
	ADD(.name = "bad", .mode = S_IFREG | 0644, .crc = true, .data = "abc", .bad_sum = true);
	ADD(.name = "after", .mode = S_IFREG | 0644, .crc = true, .data = "z");
	trailer();
	snprintf(want, sizeof(want), "bad data checksum at offset %zu", bad);
	HT_EXPECT_ERR(unpack(), want);
	HT_EXPECT_STREQ(contents("first"), "ok");
	HT_EXPECT_TRUE(!inode_of("bad"));
	HT_EXPECT_TRUE(!inode_of("after"));
	HT_EXPECT_EQ(htest_heap_live(), heap_base);
}

/* ---- concatenation and padding ---------------------------------------------- */

HTEST(initramfs_concatenated_archives_with_zero_padding)
{
	start();
	ADD(.name = "one", .mode = S_IFREG | 0644, .data = "1");
	trailer();
	memset(archive + alen, 0, 512);		/* cpio's block padding */
	alen += 512;
	ADD(.name = "two", .mode = S_IFREG | 0644, .crc = true, .data = "22");
	trailer();
	memset(archive + alen, 0, 12);
	alen += 12;
	HT_EXPECT_ERR(unpack(), "(none)");
	HT_EXPECT_STREQ(contents("one"), "1");
	HT_EXPECT_STREQ(contents("two"), "22");
}

HTEST(initramfs_misaligned_next_archive_is_broken_padding)
{
	char want[64];
	size_t at;

	start();
	ADD(.name = "one", .mode = S_IFREG | 0644, .data = "1");
	trailer();
	archive[alen++] = '\0';
	at = alen;
	ADD(.name = "two", .mode = S_IFREG | 0644, .data = "2");
	trailer();
	snprintf(want, sizeof(want), "broken padding at offset %zu", at);
	HT_EXPECT_ERR(unpack(), want);
	HT_EXPECT_STREQ(contents("one"), "1");
	HT_EXPECT_TRUE(!inode_of("two"));
}

HTEST(initramfs_zeros_alone_are_an_empty_archive)
{
	start();
	memset(archive, 0, 64);
	alen = 64;
	HT_EXPECT_ERR(unpack(), "(none)");
	HT_EXPECT_ERR(unpack_len(0), "(none)");
	HT_EXPECT_EQ(calls[0], '\0');
}

/* ---- truncation -------------------------------------------------------------- */

/*
 * Cut the archive at every length: each cut is reported as truncated (even
 * in the trailer's padding), every entry that ends before the cut is
 * there, and no file holds part of its data.
 */
HTEST(initramfs_truncated_at_every_length)
{
	size_t ends[16], len;
	unsigned int n = 0, i;
	char *err;

	start();
	ADD(.name = "dir", .mode = S_IFDIR | 0755);
	ends[n++] = alen;
	ADD(.name = "dir/file", .mode = S_IFREG | 0644, .data = "contents of a file");
	ends[n++] = alen;
	ADD(.name = "link", .mode = S_IFLNK | 0777, .data = "dir/file");
	ends[n++] = alen;
	ADD(.name = "null", .mode = S_IFCHR | 0666, .rmajor = 1, .rminor = 3);
	ends[n++] = alen;
	ADD(.name = "crc", .mode = S_IFREG | 0644, .crc = true, .data = "checked");
	ends[n++] = alen;
	trailer();

	for (len = 0; len < alen; len++) {
		const char *paths[] = { "dir", "dir/file", "link", "null", "crc" };

		fake_reset();
		err = unpack_len(len);
		if (len == 0)
			HT_EXPECT_ERR(err, "(none)");
		else
			HT_EXPECT_TRUE(err && strstr(err, "truncated archive at offset"));
		for (i = 0; i < n; i++)
			if (ends[i] <= len)
				HT_EXPECT_TRUE(inode_of(paths[i]) != NULL);
		if (inode_of("dir/file"))
			HT_EXPECT_STREQ(contents("dir/file"), "contents of a file");
		if (inode_of("crc"))
			HT_EXPECT_STREQ(contents("crc"), "checked");
		if (inode_of("link"))
			HT_EXPECT_STREQ(contents("link"), "dir/file");
		HT_EXPECT_EQ(htest_heap_live(), heap_base);
	}
}

HTEST(initramfs_file_size_beyond_the_buffer_is_truncated)
{
	start();
	ADD(.name = "big", .mode = S_IFREG | 0644, .data = "0123456789abcdef");
	alen -= 8;
	HT_EXPECT_ERR(unpack(), "truncated archive at offset 0");
	HT_EXPECT_TRUE(!inode_of("big"));
}

/* ---- corrupt headers --------------------------------------------------------- */

static void expect_corrupt_second_entry(const struct entry *e, const char *what)
{
	char want[96];
	size_t at;

	start();
	ADD(.name = "first", .mode = S_IFREG | 0644, .data = "kept");
	at = alen;
	add(e);
	ADD(.name = "third", .mode = S_IFREG | 0644, .data = "3");
	trailer();
	snprintf(want, sizeof(want), "%s at offset %zu", what, at);
	HT_EXPECT_ERR(unpack(), want);
	HT_EXPECT_STREQ(contents("first"), "kept");
	HT_EXPECT_TRUE(!inode_of("third"));
	HT_EXPECT_EQ(htest_heap_live(), heap_base);
}

HTEST(initramfs_bad_magic_is_reported)
{
	expect_corrupt_second_entry(&(struct entry){ .name = "x", .mode = S_IFREG,
			.magic = "070703" }, "no cpio magic");
	expect_corrupt_second_entry(&(struct entry){ .name = "x", .mode = S_IFREG,
			.magic = "070707" },
			"incorrect cpio method used: use -H newc option");
}

HTEST(initramfs_bad_hex_digit_is_reported)
{
	char want[64];
	size_t at;

	start();
	ADD(.name = "first", .mode = S_IFREG | 0644, .data = "kept");
	at = alen;
	ADD(.name = "x", .mode = S_IFREG | 0644);
	archive[at + 6 + 8 + 3] = 'g';		/* in the mode field */
	trailer();
	snprintf(want, sizeof(want), "bad hex digits in header at offset %zu", at);
	HT_EXPECT_ERR(unpack(), want);
	HT_EXPECT_STREQ(contents("first"), "kept");
	HT_EXPECT_TRUE(!inode_of("x"));
}

/* Rewrite the namesize field (the 12th) of the entry at @at. */
static void set_namesize(size_t at, unsigned long size)
{
	char field[9];

	snprintf(field, sizeof(field), "%08lX", size);
	memcpy(archive + at + 6 + 11 * 8, field, 8);
}

HTEST(initramfs_name_size_zero_or_huge_is_reported)
{
	unsigned long sizes[] = { 0, 4097, 0xffffffff };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		start();
		ADD(.name = "x", .mode = S_IFREG | 0644, .data = "data");
		set_namesize(0, sizes[i]);
		trailer();
		HT_EXPECT_ERR(unpack(), "bad name size in header at offset 0");
		HT_EXPECT_TRUE(!inode_of("x"));
	}
}

HTEST(initramfs_name_without_nul_is_reported)
{
	start();
	ADD(.name = "abc", .mode = S_IFREG | 0644, .data = "data");
	set_namesize(0, 3);		/* "abc" without its NUL */
	trailer();
	HT_EXPECT_ERR(unpack(), "malformed archive: name without NUL at offset 0");
	HT_EXPECT_EQ(calls[0], '\0');

	start();
	ADD(.name = "abc", .mode = S_IFLNK | 0777, .data = "target");
	set_namesize(0, 3);
	trailer();
	HT_EXPECT_ERR(unpack(), "malformed archive: name without NUL at offset 0");
}

HTEST(initramfs_symlink_target_too_long_is_reported)
{
	static char target[4200];

	start();
	memset(target, 't', sizeof(target) - 1);
	ADD(.name = "l", .mode = S_IFLNK | 0777, .data = target);
	trailer();
	HT_EXPECT_ERR(unpack(), "symlink target too long at offset 0");
}

HTEST(initramfs_unknown_leading_bytes_are_not_an_archive)
{
	start();
	memcpy(archive, "\x42\x01ZZ", 4);
	alen = 4;
	HT_EXPECT_ERR(unpack(), "invalid magic at start of compressed archive at offset 0");
	memcpy(archive, "BZh9", 4);
	HT_EXPECT_ERR(unpack(), "compression method bzip2 not configured at offset 0");
}

/* ---- compressed parts -------------------------------------------------------- */

static void put_le(u8 *p, u32 v, unsigned int bytes)
{
	while (bytes--) {
		*p++ = v & 0xff;
		v >>= 8;
	}
}

/*
 * Replace archive[@from, alen) by a gzip member holding it: DEFLATE stored
 * blocks of at most @block bytes, then gzip's CRC32 and size. Returns
 * where the member starts.
 */
static size_t gzip_tail(size_t from, size_t block)
{
	static u8 plain[sizeof(archive)];
	size_t n = alen - from, done = 0;
	u8 *out = (u8 *)archive + from;

	memcpy(plain, archive + from, n);
	memcpy(out, "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
	out += 10;
	do {
		size_t k = min(block, n - done);

		*out++ = done + k == n;			/* BFINAL, BTYPE 00: stored */
		put_le(out, k, 2);
		put_le(out + 2, ~k & 0xffff, 2);
		memcpy(out + 4, plain + done, k);
		out += 4 + k;
		done += k;
	} while (done < n);
	put_le(out, crc32_le(~0U, plain, n) ^ ~0U, 4);
	put_le(out + 4, n, 4);
	alen = out + 8 - (u8 *)archive;
	HT_ASSERT_TRUE(alen < sizeof(archive));
	return from;
}

HTEST(initramfs_gzip_part_between_plain_parts)
{
	size_t z;

	start();
	ADD(.name = "plain1", .mode = S_IFREG | 0644, .data = "p1");
	trailer();
	z = alen;
	ADD(.name = "zdir", .mode = S_IFDIR | 0755, .mtime = 42);
	ADD(.name = "zdir/f", .mode = S_IFREG | 0600, .crc = true, .data = "compressed");
	ADD(.name = "zdir/l", .mode = S_IFLNK | 0777, .data = "f");
	trailer();
	gzip_tail(z, 7);		/* many blocks: the headers straddle them */
	memset(archive + alen, 0, 3);	/* then zeros up to a 4-byte boundary */
	alen = ALIGN(alen, 4);
	ADD(.name = "plain2", .mode = S_IFREG | 0644, .data = "p2");
	trailer();
	HT_EXPECT_ERR(unpack(), "(none)");
	HT_EXPECT_STREQ(contents("plain1"), "p1");
	HT_EXPECT_STREQ(contents("zdir/f"), "compressed");
	HT_EXPECT_STREQ(contents("zdir/l"), "f");
	HT_EXPECT_EQ(inode_of("zdir")->mtime, 42);
	HT_EXPECT_STREQ(contents("plain2"), "p2");
	HT_EXPECT_EQ(htest_heap_live(), heap_base);
}

HTEST(initramfs_gzip_output_in_pieces_feeds_one_state_machine)
{
	static char big[6000];
	char name[16];
	unsigned int i;

	start();
	memset(big, 'b', sizeof(big) - 1);
	/* Over 64 KiB of output: gunzip flushes it in pieces of its window. */
	for (i = 0; i < 12; i++) {
		snprintf(name, sizeof(name), "big%u", i);
		ADD(.name = name, .mode = S_IFREG | 0644, .data = big);
	}
	trailer();
	gzip_tail(0, 65535);
	HT_EXPECT_ERR(unpack(), "(none)");
	for (i = 0; i < 12; i++) {
		snprintf(name, sizeof(name), "big%u", i);
		HT_EXPECT_EQ(inode_of(name) ? inode_of(name)->size : 0, sizeof(big) - 1);
	}
}

HTEST(initramfs_gzip_errors_name_the_part)
{
	size_t z;

	start();
	ADD(.name = "kept", .mode = S_IFREG | 0644, .data = "k");
	trailer();
	z = alen;
	ADD(.name = "lost", .mode = S_IFREG | 0644, .data = "l");
	trailer();
	gzip_tail(z, 1000);
	archive[alen - 8] ^= 1;		/* the CRC32 */
	/* Found after all 244 bytes of output; the member starts at 244 too. */
	HT_EXPECT_ERR(unpack(), "CRC32 mismatch at offset 244 of the gzip data at offset 244");
	HT_EXPECT_EQ(z, 244UL);
	HT_EXPECT_STREQ(contents("kept"), "k");

	/* Junk after the member: not a cpio archive, no known compression. */
	archive[alen - 8] ^= 1;
	memcpy(archive + alen, "junk", 4);
	alen += 4;
	fake_reset();
	HT_EXPECT_TRUE(strstr(unpack() ?: "", "invalid magic at start of compressed archive"));
	HT_EXPECT_STREQ(contents("lost"), "l");
}

HTEST(initramfs_gzip_header_error_is_at_the_start_of_the_part)
{
	start();
	ADD(.name = "kept", .mode = S_IFREG | 0644, .data = "k");
	trailer();
	/* Method 7, not deflate, in a header followed by enough bytes to read it. */
	memcpy(archive + alen, "\x1f\x8b\x07\x00\0\0\0\0\0\x03" "abcdefghij", 20);
	alen += 20;
	HT_EXPECT_ERR(unpack(), "unsupported gzip compression method at offset 0 "
				"of the gzip data at offset 244");
	HT_EXPECT_STREQ(contents("kept"), "k");
}

HTEST(initramfs_gzip_part_holding_an_unfinished_archive_is_truncated)
{
	start();
	ADD(.name = "a", .mode = S_IFREG | 0644, .data = "a");
	gzip_tail(0, 1000);
	HT_EXPECT_ERR(unpack(), "truncated archive at offset 116 of the gzip data at offset 0");
	HT_EXPECT_STREQ(contents("a"), "a");
}

HTEST(initramfs_gzip_truncated_at_every_length)
{
	size_t len, full;
	char *err;

	start();
	ADD(.name = "d", .mode = S_IFDIR | 0755);
	ADD(.name = "d/f", .mode = S_IFREG | 0644, .data = "data in the gzip part");
	trailer();
	gzip_tail(0, 50);
	full = alen;
	for (len = 1; len < full; len++) {
		fake_reset();
		err = unpack_len(len);
		HT_EXPECT_TRUE(err != NULL);
		if (inode_of("d/f"))
			HT_EXPECT_STREQ(contents("d/f"), "data in the gzip part");
		HT_EXPECT_EQ(htest_heap_live(), heap_base);
	}
}

/* ---- failures of the layers below ------------------------------------------- */

HTEST(initramfs_write_error_is_reported_and_the_file_removed)
{
	start();
	ADD(.name = "f", .mode = S_IFREG | 0644, .data = "data");
	trailer();
	fail_writes = true;
	HT_EXPECT_ERR(unpack(), "write error at offset 0");
	HT_EXPECT_TRUE(!inode_of("f"));
	HT_EXPECT_EQ(htest_heap_live(), heap_base);
}

/* Every allocation failing in turn: an error, nothing leaked, no file open. */
HTEST(initramfs_allocation_failures_unwind)
{
	unsigned int nth;
	char *err;

	for (nth = 1; nth < 100; nth++) {
		start();
		add_every_kind();
		ADD(.name = "h1", .mode = S_IFREG | 0644, .ino = 9, .nlink = 2);
		ADD(.name = "h2", .mode = S_IFREG | 0644, .ino = 9, .nlink = 2, .data = "h");
		trailer();
		err = unpack_failing(alen, nth);
		HT_EXPECT_EQ(htest_heap_live(), heap_base);
		if (!err)
			break;
		HT_EXPECT_TRUE(strstr(err, "out of memory") != NULL);
	}
	HT_EXPECT_GT(nth, 5U);
	HT_EXPECT_LT(nth, 100U);
}

/* ---- populate_rootfs --------------------------------------------------------- */

HTEST(populate_rootfs_unpacks_and_frees_the_initrd)
{
	phys_addr_t pa = 0x200100;	/* not page-aligned, as a module may be */
	char want[80];

	start();
	ADD(.name = "init", .mode = S_IFREG | 0755, .data = "x");
	trailer();
	memcpy(__va(pa), archive, alen);
	phys_initrd_start = pa;
	phys_initrd_size = alen;
	populate_rootfs();
	HT_EXPECT_STREQ(contents("init"), "x");
	HT_EXPECT_EQ(freed_start, __va(pa));
	HT_EXPECT_EQ(freed_end, __va(pa + alen));
	HT_EXPECT_EQ(initrd_start, 0UL);
	HT_EXPECT_EQ(initrd_end, 0UL);
	HT_EXPECT_TRUE(htest_log_contains("Trying to unpack rootfs image as initramfs"));
	HT_EXPECT_FALSE(htest_log_contains("Initramfs unpacking failed"));

	start();
	ADD(.name = "init", .mode = S_IFREG | 0755, .data = "x");
	memcpy(__va(pa), archive, alen);
	phys_initrd_size = alen;
	populate_rootfs();
	snprintf(want, sizeof(want), "Initramfs unpacking failed: truncated archive at offset %zu",
		 alen);
	HT_EXPECT_TRUE(htest_log_contains(want));
	HT_EXPECT_STREQ(contents("init"), "x");
	phys_initrd_start = 0;
	phys_initrd_size = 0;
}
