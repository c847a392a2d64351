// SPDX-License-Identifier: GPL-2.0
/*
 * The tmpfs and page-cache suite: mm/shmem.c's data and mm/filemap.c.
 * Writes and reads through kernel_write/read, pread/pwrite, vectored
 * kernel buffers and O_APPEND; holes that read as zeroes and allocate
 * nothing; truncate, fallocate and hole punching; SEEK_DATA/SEEK_HOLE;
 * i_blocks, size= with -ENOSPC and meminfo's Cached:/Shmem: counters;
 * the page-cache calls themselves; memfd_create; a run under fault injection; and a
 * torture run on every CPU against a model of each file, every byte
 * checked. Each case runs in its own tmpfs at VT (vfs_test.h).
 *
 * And the file layer's benchmarks (Documentation/benchmarks.md):
 * tmpfs_write_4K, tmpfs_read_4K, open_close, stat_path.
 */
#include <linux/pagemap.h>
#include <linux/shmem_fs.h>
#include <linux/falloc.h>
#include <linux/uio.h>
#include <linux/vmstat.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/fault-inject.h>
#include <linux/bench.h>
#include <linux/memfd.h>
#include <linux/seq_file.h>
#include "vfs_test.h"

static struct file *vt_open(struct ktest *test, const char *name, int flags)
{
	struct file *f = filp_open(name, flags, 0644);

	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	return f;
}

static loff_t vt_stat_size(const char *name)
{
	struct kstat st;
	int err = init_stat(name, &st, 0);

	return err ? err : st.size;
}

static bool all_bytes(const u8 *p, u8 c, size_t n)
{
	return !memchr_inv(p, c, n);
}

static void written_data_reads_back_and_counts_blocks(struct ktest *test)
{
	u8 *buf = kmalloc(3 * PAGE_SIZE, GFP_KERNEL), *back = kzalloc(3 * PAGE_SIZE, GFP_KERNEL);
	struct file *f = vt_open(test, VT "/f", O_CREAT | O_RDWR);
	loff_t pos = 0;
	size_t i;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_ASSERT_NOT_NULL(test, back);
	for (i = 0; i < 3 * PAGE_SIZE; i++)
		buf[i] = (u8)(i * 7 + 3);
	KTEST_EXPECT_EQ(test, kernel_write(f, buf, 2 * PAGE_SIZE + 100, &pos),
			(ssize_t)(2 * PAGE_SIZE + 100));
	KTEST_EXPECT_EQ(test, pos, (loff_t)(2 * PAGE_SIZE + 100));
	KTEST_EXPECT_EQ(test, i_size_read(file_inode(f)), (loff_t)(2 * PAGE_SIZE + 100));
	KTEST_EXPECT_EQ(test, file_inode(f)->i_mapping->nrpages, 3UL);
	KTEST_EXPECT_EQ(test, file_inode(f)->i_blocks, 3 * PAGE_SIZE / 512ULL);
	pos = 0;
	KTEST_EXPECT_EQ(test, kernel_read(f, back, 3 * PAGE_SIZE, &pos),
			(ssize_t)(2 * PAGE_SIZE + 100));
	KTEST_EXPECT_MEMEQ(test, back, buf, 2 * PAGE_SIZE + 100);
	KTEST_EXPECT_EQ(test, kernel_read(f, back, 10, &pos), 0);	/* at the end */
	/* an overwrite across a page boundary */
	pos = PAGE_SIZE - 5;
	KTEST_EXPECT_EQ(test, kernel_write(f, "0123456789", 10, &pos), 10);
	pos = PAGE_SIZE - 6;
	KTEST_EXPECT_EQ(test, kernel_read(f, back, 12, &pos), 12);
	KTEST_EXPECT_EQ(test, back[0], buf[PAGE_SIZE - 6]);
	KTEST_EXPECT_MEMEQ(test, back + 1, "0123456789", 10);
	KTEST_EXPECT_EQ(test, back[11], buf[PAGE_SIZE + 5]);
	filp_close(f, NULL);
	kfree(buf);
	kfree(back);
}

static void holes_read_as_zeroes_and_allocate_nothing(struct ktest *test)
{
	unsigned long cached = global_zone_page_state(NR_FILE_PAGES);
	unsigned long shmem = global_zone_page_state(NR_SHMEM);
	struct file *f = vt_open(test, VT "/sparse", O_CREAT | O_RDWR);
	u8 *back = kmalloc(2 * PAGE_SIZE, GFP_KERNEL);
	loff_t pos = 100 * PAGE_SIZE + 10;

	KTEST_ASSERT_NOT_NULL(test, back);
	KTEST_EXPECT_EQ(test, kernel_write(f, "x", 1, &pos), 1);
	KTEST_EXPECT_EQ(test, i_size_read(file_inode(f)), (loff_t)(100 * PAGE_SIZE + 11));
	KTEST_EXPECT_EQ(test, file_inode(f)->i_mapping->nrpages, 1UL);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_FILE_PAGES), cached + 1);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_SHMEM), shmem + 1);
	memset(back, 0x55, 2 * PAGE_SIZE);
	pos = 5 * PAGE_SIZE + 3;
	KTEST_EXPECT_EQ(test, kernel_read(f, back, 2 * PAGE_SIZE, &pos), (ssize_t)(2 * PAGE_SIZE));
	KTEST_EXPECT_TRUE(test, all_bytes(back, 0, 2 * PAGE_SIZE));
	KTEST_EXPECT_EQ(test, file_inode(f)->i_mapping->nrpages, 1UL);	/* still */
	pos = 100 * PAGE_SIZE;
	KTEST_EXPECT_EQ(test, kernel_read(f, back, PAGE_SIZE, &pos), 11);
	KTEST_EXPECT_TRUE(test, all_bytes(back, 0, 10));
	KTEST_EXPECT_EQ(test, back[10], 'x');
	filp_close(f, NULL);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/sparse"), 0);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_FILE_PAGES), cached);
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_SHMEM), shmem);
	kfree(back);
}

static void append_pread_pwrite_and_the_file_position(struct ktest *test)
{
	char buf[16] = {};
	long fd;

	fd = do_sys_open(AT_FDCWD, VT "/f", O_CREAT | O_RDWR, 0600);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, ksys_write(fd, "hello", 5), 5);
	KTEST_EXPECT_EQ(test, ksys_pwrite64(fd, "J", 1, 0), 1);
	KTEST_EXPECT_EQ(test, ksys_lseek(fd, 0, SEEK_CUR), 5);	/* pwrite left it */
	KTEST_EXPECT_EQ(test, ksys_pread64(fd, buf, 16, 0), 5);
	KTEST_EXPECT_MEMEQ(test, buf, "Jello", 5);
	KTEST_EXPECT_EQ(test, ksys_pread64(fd, buf, 16, -1), -EINVAL);
	KTEST_EXPECT_EQ(test, ksys_close(fd), 0);
	fd = do_sys_open(AT_FDCWD, VT "/f", O_WRONLY | O_APPEND, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, ksys_lseek(fd, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(test, ksys_write(fd, " world", 6), 6);		/* at the end anyway */
	KTEST_EXPECT_EQ(test, ksys_read(fd, buf, 1), -EBADF);		/* write-only */
	KTEST_EXPECT_EQ(test, ksys_close(fd), 0);
	fd = do_sys_open(AT_FDCWD, VT "/f", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, ksys_read(fd, buf, 16), 11);
	KTEST_EXPECT_MEMEQ(test, buf, "Jello world", 11);
	KTEST_EXPECT_EQ(test, ksys_write(fd, "x", 1), -EBADF);		/* read-only */
	KTEST_EXPECT_EQ(test, ksys_close(fd), 0);
	/* O_TRUNC empties it */
	fd = do_sys_open(AT_FDCWD, VT "/f", O_WRONLY | O_TRUNC, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, vt_stat_size(VT "/f"), 0);
	KTEST_EXPECT_EQ(test, ksys_close(fd), 0);
}

static void vectored_kernel_buffers_are_filled_in_order(struct ktest *test)
{
	char a[3], b[5], c[4];
	struct kvec out[3] = { { "abc", 3 }, { "", 0 }, { "defghij", 7 } };
	struct kvec in[3] = { { a, 3 }, { b, 5 }, { c, 4 } };
	struct file *f = vt_open(test, VT "/v", O_CREAT | O_RDWR);
	struct iov_iter iter;
	loff_t pos = 0;

	iov_iter_kvec(&iter, ITER_SOURCE, out, 3, 10);
	KTEST_EXPECT_EQ(test, vfs_iter_write(f, &iter, &pos), 10);
	KTEST_EXPECT_EQ(test, iov_iter_count(&iter), 0UL);
	pos = 0;
	iov_iter_kvec(&iter, ITER_DEST, in, 3, 12);
	KTEST_EXPECT_EQ(test, vfs_iter_read(f, &iter, &pos), 10);
	KTEST_EXPECT_MEMEQ(test, a, "abc", 3);
	KTEST_EXPECT_MEMEQ(test, b, "defgh", 5);
	KTEST_EXPECT_MEMEQ(test, c, "ij", 2);
	KTEST_EXPECT_EQ(test, iov_iter_count(&iter), 2UL);
	filp_close(f, NULL);
}

static void truncate_frees_pages_and_zeroes_the_tail(struct ktest *test)
{
	u8 *buf = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	struct file *f = vt_open(test, VT "/t", O_CREAT | O_RDWR);
	struct address_space *mapping = f->f_mapping;
	loff_t pos = 0;
	long fd;

	KTEST_ASSERT_NOT_NULL(test, buf);
	memset(buf, 0xab, 3 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, kernel_write(f, buf, 3 * PAGE_SIZE, &pos), (ssize_t)(3 * PAGE_SIZE));
	KTEST_EXPECT_EQ(test, do_sys_truncate(VT "/t", PAGE_SIZE + 100), 0);
	KTEST_EXPECT_EQ(test, mapping->nrpages, 2UL);
	KTEST_EXPECT_EQ(test, file_inode(f)->i_blocks, 2 * PAGE_SIZE / 512ULL);
	/* grow again: the old bytes past the cut read as zeroes */
	KTEST_EXPECT_EQ(test, do_sys_truncate(VT "/t", 3 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, mapping->nrpages, 2UL);
	pos = 0;
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, 3 * PAGE_SIZE, &pos), (ssize_t)(3 * PAGE_SIZE));
	KTEST_EXPECT_TRUE(test, all_bytes(buf, 0xab, PAGE_SIZE + 100));
	KTEST_EXPECT_TRUE(test, all_bytes(buf + PAGE_SIZE + 100, 0, 2 * PAGE_SIZE - 100));
	KTEST_EXPECT_EQ(test, do_sys_truncate(VT "/t", 0), 0);
	KTEST_EXPECT_EQ(test, mapping->nrpages, 0UL);
	KTEST_EXPECT_EQ(test, file_inode(f)->i_blocks, 0ULL);
	KTEST_EXPECT_EQ(test, do_sys_truncate(VT "/t", -1), -EINVAL);
	KTEST_EXPECT_EQ(test, do_sys_truncate(VT, 0), -EISDIR);
	fd = do_sys_open(AT_FDCWD, VT "/t", O_RDONLY, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, do_sys_ftruncate(fd, 10), -EINVAL);	/* not open for writing */
	ksys_close(fd);
	fd = do_sys_open(AT_FDCWD, VT "/t", O_RDWR, 0);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_EQ(test, do_sys_ftruncate(fd, 10), 0);
	KTEST_EXPECT_EQ(test, vt_stat_size(VT "/t"), 10);
	KTEST_EXPECT_EQ(test, do_sys_ftruncate(99999, 10), -EBADF);
	ksys_close(fd);
	filp_close(f, NULL);
	kfree(buf);
}

static void lseek_and_seek_data_and_hole(struct ktest *test)
{
	struct file *f = vt_open(test, VT "/s", O_CREAT | O_RDWR);
	loff_t pos;

	/* data in pages 2 and 3 and 6; size 7 pages - 1 */
	pos = 2 * PAGE_SIZE;
	KTEST_EXPECT_EQ(test, kernel_write(f, "d", 1, &pos), 1);
	pos = 3 * PAGE_SIZE + 9;
	KTEST_EXPECT_EQ(test, kernel_write(f, "d", 1, &pos), 1);
	pos = 7 * PAGE_SIZE - 2;
	KTEST_EXPECT_EQ(test, kernel_write(f, "d", 1, &pos), 1);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_DATA), (loff_t)(2 * PAGE_SIZE));
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 2 * PAGE_SIZE + 5, SEEK_DATA), (loff_t)(2 * PAGE_SIZE + 5));
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 2 * PAGE_SIZE, SEEK_HOLE), (loff_t)(4 * PAGE_SIZE));
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 4 * PAGE_SIZE, SEEK_DATA), (loff_t)(6 * PAGE_SIZE));
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 6 * PAGE_SIZE, SEEK_HOLE), (loff_t)(7 * PAGE_SIZE - 1));
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_HOLE), 0);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 7 * PAGE_SIZE, SEEK_DATA), -ENXIO);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, -1, SEEK_HOLE), -ENXIO);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 10, SEEK_SET), 10);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 5, SEEK_CUR), 15);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, -1, SEEK_END), (loff_t)(7 * PAGE_SIZE - 2));
	KTEST_EXPECT_EQ(test, vfs_llseek(f, -100, SEEK_SET), -EINVAL);
	KTEST_EXPECT_EQ(test, vfs_llseek(f, 0, 7), -EINVAL);
	KTEST_EXPECT_EQ(test, f->f_pos, (loff_t)(7 * PAGE_SIZE - 2));	/* failures leave it */
	filp_close(f, NULL);
}

static void fallocate_allocates_and_punches_holes(struct ktest *test)
{
	struct file *f = vt_open(test, VT "/fa", O_CREAT | O_RDWR), *ro;
	u8 *buf = kmalloc(4 * PAGE_SIZE, GFP_KERNEL);
	loff_t pos = 0;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_EXPECT_EQ(test, vfs_fallocate(f, 0, 0, 2 * PAGE_SIZE + 1), 0);
	KTEST_EXPECT_EQ(test, i_size_read(file_inode(f)), (loff_t)(2 * PAGE_SIZE + 1));
	KTEST_EXPECT_EQ(test, f->f_mapping->nrpages, 3UL);
	KTEST_EXPECT_EQ(test, vfs_fallocate(f, FALLOC_FL_KEEP_SIZE, 0, 4 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, i_size_read(file_inode(f)), (loff_t)(2 * PAGE_SIZE + 1));
	KTEST_EXPECT_EQ(test, f->f_mapping->nrpages, 4UL);
	KTEST_EXPECT_EQ(test, file_inode(f)->i_blocks, 4 * PAGE_SIZE / 512ULL);
	memset(buf, 0xcd, 4 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, kernel_write(f, buf, 4 * PAGE_SIZE, &pos), (ssize_t)(4 * PAGE_SIZE));
	/* punch the middle: pages 1 and 2 go, the edges are zeroed */
	KTEST_EXPECT_EQ(test, vfs_fallocate(f, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
					    PAGE_SIZE - 10, 2 * PAGE_SIZE + 20), 0);
	KTEST_EXPECT_EQ(test, f->f_mapping->nrpages, 2UL);
	KTEST_EXPECT_EQ(test, i_size_read(file_inode(f)), (loff_t)(4 * PAGE_SIZE));
	pos = 0;
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, 4 * PAGE_SIZE, &pos), (ssize_t)(4 * PAGE_SIZE));
	KTEST_EXPECT_TRUE(test, all_bytes(buf, 0xcd, PAGE_SIZE - 10));
	KTEST_EXPECT_TRUE(test, all_bytes(buf + PAGE_SIZE - 10, 0, 2 * PAGE_SIZE + 20));
	KTEST_EXPECT_TRUE(test, all_bytes(buf + 3 * PAGE_SIZE + 10, 0xcd, PAGE_SIZE - 10));
	KTEST_EXPECT_EQ(test, vfs_fallocate(f, FALLOC_FL_PUNCH_HOLE, 0, 10), -EOPNOTSUPP);
	KTEST_EXPECT_EQ(test, vfs_fallocate(f, 0x40, 0, 10), -EOPNOTSUPP);
	KTEST_EXPECT_EQ(test, vfs_fallocate(f, 0, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, vfs_fallocate(f, 0, -1, 10), -EINVAL);
	KTEST_EXPECT_EQ(test, vfs_fallocate(f, 0, LLONG_MAX - 5, 10), -EFBIG);
	ro = vt_open(test, VT "/fa", O_RDONLY);
	KTEST_EXPECT_EQ(test, vfs_fallocate(ro, 0, 0, 10), -EBADF);
	filp_close(ro, NULL);
	filp_close(f, NULL);
	kfree(buf);
}

static void size_limit_gives_enospc_and_space_comes_back(struct ktest *test)
{
	u8 *buf = kzalloc(5 * PAGE_SIZE, GFP_KERNEL);
	struct kstatfs st;
	struct file *f;
	loff_t pos = 0;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/lim", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mount("t", VT "/lim", "tmpfs", 0, "size=16k"), 0);
	f = vt_open(test, VT "/lim/f", O_CREAT | O_RDWR);
	/* a short write: what fits, then -ENOSPC */
	KTEST_EXPECT_EQ(test, kernel_write(f, buf, 5 * PAGE_SIZE, &pos), (ssize_t)(4 * PAGE_SIZE));
	KTEST_EXPECT_EQ(test, kernel_write(f, buf, 1, &pos), -ENOSPC);
	KTEST_EXPECT_EQ(test, ksys_statfs(VT "/lim", &st), 0);
	KTEST_EXPECT_EQ(test, st.f_bfree, 0ULL);
	KTEST_EXPECT_EQ(test, vfs_fallocate(f, 0, 5 * PAGE_SIZE, 1), -ENOSPC);
	/* rewriting allocated pages needs no space */
	pos = 0;
	KTEST_EXPECT_EQ(test, kernel_write(f, buf, PAGE_SIZE, &pos), (ssize_t)PAGE_SIZE);
	KTEST_EXPECT_EQ(test, vfs_fallocate(f, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
					    0, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, ksys_statfs(VT "/lim", &st), 0);
	KTEST_EXPECT_EQ(test, st.f_bfree, 1ULL);
	filp_close(f, NULL);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/lim/f"), 0);
	KTEST_EXPECT_EQ(test, ksys_statfs(VT "/lim", &st), 0);
	KTEST_EXPECT_EQ(test, st.f_bfree, 4ULL);
	KTEST_EXPECT_EQ(test, init_umount(VT "/lim", 0), 0);
	kfree(buf);
}

static void page_cache_calls_find_add_lock_and_truncate(struct ktest *test)
{
	struct file *f = vt_open(test, VT "/pc", O_CREAT | O_RDWR);
	struct address_space *mapping = f->f_mapping;
	struct folio *folio, *other;

	KTEST_EXPECT_PTR_EQ(test, filemap_get_folio(mapping, 3), ERR_PTR(-ENOENT));
	folio = __filemap_get_folio(mapping, 3, FGP_LOCK | FGP_CREAT, GFP_KERNEL | __GFP_ZERO);
	KTEST_ASSERT_FALSE(test, IS_ERR(folio));
	KTEST_EXPECT_TRUE(test, folio_test_locked(folio));
	KTEST_EXPECT_TRUE(test, folio_test_lru(folio));
	KTEST_EXPECT_PTR_EQ(test, folio->mapping, mapping);
	KTEST_EXPECT_EQ(test, folio->index, 3UL);
	KTEST_EXPECT_FALSE(test, folio_trylock(folio));
	folio_unlock(folio);
	folio_wait_locked(folio);			/* returns at once */
	KTEST_EXPECT_TRUE(test, folio_trylock(folio));
	folio_unlock(folio);
	other = filemap_alloc_folio(GFP_KERNEL, 0);
	KTEST_ASSERT_NOT_NULL(test, other);
	KTEST_EXPECT_EQ(test, filemap_add_folio(mapping, other, 3, GFP_KERNEL), -EEXIST);
	KTEST_EXPECT_NULL(test, other->mapping);
	KTEST_EXPECT_FALSE(test, folio_test_locked(other));
	folio_put(other);
	other = filemap_get_folio(mapping, 3);
	KTEST_EXPECT_PTR_EQ(test, other, folio);
	folio_put(other);
	KTEST_EXPECT_EQ(test, mapping->nrpages, 1UL);
	inode_lock(mapping->host);
	truncate_inode_pages_range(mapping, 0, -1);
	inode_unlock(mapping->host);
	KTEST_EXPECT_EQ(test, mapping->nrpages, 0UL);
	KTEST_EXPECT_NULL(test, folio->mapping);	/* ours is the last reference */
	KTEST_EXPECT_FALSE(test, folio_test_lru(folio));
	folio_put(folio);
	filp_close(f, NULL);
}

/*
 * Random calls with allocations failing (under fail_page_alloc= or
 * failslab=; without them, the same calls succeed): each may fail, none
 * may leak or break.
 */
static void calls_under_fault_injection_survive_and_leak_nothing(struct ktest *test)
{
	static const char *const names[] = { VT "/a", VT "/b", VT "/d/c", VT "/d/e" };
	unsigned int seed = 12345, i, failures = 0;
	u8 *buf = kzalloc(2 * PAGE_SIZE, GFP_KERNEL);
	struct vfs_counts before, after;

	KTEST_ASSERT_NOT_NULL(test, buf);
	vfs_counts_get(&before);
	ktest_resume_fault_injection(test);
	for (i = 0; i < 400; i++) {
		const char *name = names[(seed = seed * 1103515245 + 12345) >> 8 & 3];
		unsigned int op = (seed >> 16) % 6;
		struct file *f;
		loff_t pos = (seed >> 4) % (3 * PAGE_SIZE);
		long err = 0;

		switch (op) {
		case 0:
			err = init_mkdir(VT "/d", 0755);
			break;
		case 1:
			f = filp_open(name, O_CREAT | O_RDWR, 0600);
			err = PTR_ERR_OR_ZERO(f);
			if (!err) {
				err = kernel_write(f, buf, PAGE_SIZE + 17, &pos);
				filp_close(f, NULL);
			}
			break;
		case 2:
			err = init_unlink(name);
			break;
		case 3:
			err = do_renameat2(AT_FDCWD, name, AT_FDCWD, names[(seed >> 12) & 3], 0);
			break;
		case 4:
			err = do_sys_truncate(name, pos);
			break;
		default:
			err = init_symlink("target", name);
			break;
		}
		failures += err == -ENOMEM;
	}
	ktest_pause_fault_injection(test);
	ktest_info(test, "%u calls failed with -ENOMEM", failures);
	for (i = 0; i < ARRAY_SIZE(names); i++)
		init_unlink(names[i]);
	init_unlink(VT "/target");	/* created through a dangling symlink */
	init_unlink(VT "/d/target");
	init_rmdir(VT "/d");
	vfs_counts_get(&after);
	KTEST_EXPECT_COUNTS_EQ(test, &after, &before);
	kfree(buf);
}

/* The "NAME:   N kB" value of meminfo's line @name. */
static unsigned long meminfo_kb(struct ktest *test, const char *name)
{
	struct seq_file m = {};
	const char *text = KTEST_SHOW(test, &m, meminfo_proc_show, NULL), *line;
	unsigned long kb = ~0UL;

	line = strstr(text, name);
	if (line) {
		line = skip_spaces(line + strlen(name));
		kb = 0;
		while (*line >= '0' && *line <= '9')
			kb = kb * 10 + (*line++ - '0');
	}
	seq_file_free(&m);
	return kb;
}

static void meminfo_counts_tmpfs_pages_in_cached_and_shmem(struct ktest *test)
{
	unsigned long cached = meminfo_kb(test, "\nCached:"), shmem = meminfo_kb(test, "\nShmem:");
	struct file *f = vt_open(test, VT "/big", O_CREAT | O_RDWR);

	KTEST_ASSERT_NE(test, shmem, ~0UL);
	KTEST_EXPECT_EQ(test, vfs_fallocate(f, 0, 0, 64 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, meminfo_kb(test, "\nCached:"), cached + 64 * PAGE_SIZE / 1024);
	KTEST_EXPECT_EQ(test, meminfo_kb(test, "\nShmem:"), shmem + 64 * PAGE_SIZE / 1024);
	filp_close(f, NULL);
	KTEST_EXPECT_EQ(test, init_unlink(VT "/big"), 0);
	KTEST_EXPECT_EQ(test, meminfo_kb(test, "\nCached:"), cached);
	KTEST_EXPECT_EQ(test, meminfo_kb(test, "\nShmem:"), shmem);
}

static void memfd_create_gives_a_nameless_tmpfs_file(struct ktest *test)
{
	struct vfs_counts before, after;
	char name[MFD_NAME_MAX_LEN + 2], buf[8] = {};
	struct kstat st;
	struct file *f;
	long fd;

	vfs_counts_get(&before);
	fd = do_memfd_create("test", MFD_CLOEXEC);
	KTEST_ASSERT_GE(test, fd, 0);
	KTEST_EXPECT_TRUE(test, get_close_on_exec(fd));
	KTEST_EXPECT_EQ(test, vfs_fstat(fd, &st), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFREG | 0777);
	KTEST_EXPECT_EQ(test, st.nlink, 0U);
	KTEST_EXPECT_EQ(test, st.size, 0);
	KTEST_EXPECT_EQ(test, ksys_write(fd, "memfd", 5), 5);
	KTEST_EXPECT_EQ(test, do_sys_ftruncate(fd, 3 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(test, ksys_pread64(fd, buf, 8, 0), 8);
	KTEST_EXPECT_MEMEQ(test, buf, "memfd\0\0\0", 8);
	KTEST_EXPECT_EQ(test, ksys_lseek(fd, 0, SEEK_HOLE), (off_t)PAGE_SIZE);
	f = fget(fd);
	KTEST_ASSERT_NOT_NULL(test, f);
	KTEST_EXPECT_STREQ(test, (const char *)f->f_path.dentry->d_name.name, "memfd:test");
	KTEST_EXPECT_EQ(test, f->f_path.dentry->d_sb->s_magic, (unsigned long)TMPFS_MAGIC);
	KTEST_EXPECT_STREQ(test, d_path(&f->f_path, name, sizeof(name)), "/memfd:test (deleted)");
	fput(f);
	KTEST_EXPECT_EQ(test, ksys_close(fd), 0);
	vfs_counts_get(&after);
	KTEST_EXPECT_COUNTS_EQ(test, &after, &before);		/* the last close frees it */
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	KTEST_EXPECT_EQ(test, do_memfd_create(name, 0), -EINVAL);	/* one byte too long */
	name[MFD_NAME_MAX_LEN] = '\0';
	fd = do_memfd_create(name, 0);
	KTEST_EXPECT_GE(test, fd, 0);
	KTEST_EXPECT_FALSE(test, get_close_on_exec(fd));
	ksys_close(fd);
	KTEST_EXPECT_EQ(test, do_memfd_create("x", MFD_HUGETLB), -EINVAL);
	KTEST_EXPECT_EQ(test, do_memfd_create("x", MFD_ALLOW_SEALING), -EINVAL);	/* no seals */
	KTEST_EXPECT_EQ(test, do_memfd_create("x", 0x100), -EINVAL);
}

/* ---- the torture run ------------------------------------------------------ */

#define TORTURE_FILES	4
#define TORTURE_MAX	(5 * PAGE_SIZE)
#define TORTURE_STEPS	250

struct torture {
	unsigned int cpu, seed;
	unsigned long bad, errors;
	u8 *model[TORTURE_FILES];	/* each file's expected bytes */
	loff_t size[TORTURE_FILES];	/* -1: no such file */
	u8 *scratch;
	struct completion done;
};

static unsigned int next_rand(unsigned int *s)
{
	*s = *s * 1103515245 + 12345;
	return *s >> 8;
}

static void torture_name(struct torture *t, int i, char *name, size_t len)
{
	snprintf(name, len, VT "/t%u/%s%d", t->cpu, i & 1 ? "sub/f" : "f", i);
}

/* Read file @i whole and compare it with its model. */
static void torture_check(struct torture *t, int i)
{
	char name[32];
	struct file *f;
	loff_t pos = 0;

	torture_name(t, i, name, sizeof(name));
	f = filp_open(name, O_RDONLY, 0);
	if (IS_ERR(f)) {
		t->bad += t->size[i] >= 0 || PTR_ERR(f) != -ENOENT;
		return;
	}
	if (t->size[i] < 0 || i_size_read(file_inode(f)) != t->size[i] ||
	    kernel_read(f, t->scratch, TORTURE_MAX, &pos) != t->size[i] ||
	    memcmp(t->scratch, t->model[i], t->size[i]))
		t->bad++;
	filp_close(f, NULL);
}

static void torture_step(struct torture *t)
{
	unsigned int r = next_rand(&t->seed), i = r % TORTURE_FILES, j = (r >> 4) % TORTURE_FILES;
	loff_t off = next_rand(&t->seed) % TORTURE_MAX, len = next_rand(&t->seed) % 3000 + 1;
	char name[32], name2[32];
	struct file *f;
	long err;

	torture_name(t, i, name, sizeof(name));
	switch ((r >> 8) % 6) {
	case 0:		/* write */
	case 1:
		len = min(len, (loff_t)TORTURE_MAX - off);
		memset(t->scratch, (u8)r | 1, len);
		f = filp_open(name, O_CREAT | O_WRONLY, 0600);
		if (IS_ERR(f)) {
			t->errors++;
			return;
		}
		if (t->size[i] < 0)
			t->size[i] = 0;
		err = kernel_write(f, t->scratch, len, &off);
		filp_close(f, NULL);
		if (err != len) {
			t->errors++;
			return;
		}
		memset(t->model[i] + off - len, (u8)r | 1, len);
		if (off - len > t->size[i])	/* the gap reads as zeroes */
			memset(t->model[i] + t->size[i], 0, off - len - t->size[i]);
		t->size[i] = max(t->size[i], off);
		break;
	case 2:		/* truncate */
		if (do_sys_truncate(name, off) != (t->size[i] < 0 ? -ENOENT : 0))
			t->errors++;
		if (t->size[i] < 0)
			break;
		if (off > t->size[i])
			memset(t->model[i] + t->size[i], 0, off - t->size[i]);
		t->size[i] = off;
		break;
	case 3:		/* punch a hole */
		f = filp_open(name, O_WRONLY, 0);
		if (IS_ERR(f))
			break;
		if (vfs_fallocate(f, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, off, len))
			t->errors++;
		else if (off < t->size[i])
			memset(t->model[i] + off, 0, min(len, t->size[i] - off));
		filp_close(f, NULL);
		break;
	case 4:		/* rename over another slot */
		torture_name(t, j, name2, sizeof(name2));
		err = do_renameat2(AT_FDCWD, name, AT_FDCWD, name2, 0);
		if (err != (t->size[i] < 0 ? -ENOENT : 0))
			t->errors++;
		if (t->size[i] < 0 || i == j)
			break;
		swap(t->model[i], t->model[j]);
		t->size[j] = t->size[i];
		t->size[i] = -1;
		break;
	default:	/* unlink */
		if (init_unlink(name) != (t->size[i] < 0 ? -ENOENT : 0))
			t->errors++;
		t->size[i] = -1;
		break;
	}
	torture_check(t, i);
}

static int torture_fn(void *arg)
{
	struct torture *t = arg;
	char name[32];
	int i, step;

	for (step = 0; step < TORTURE_STEPS; step++)
		torture_step(t);
	for (i = 0; i < TORTURE_FILES; i++) {
		torture_check(t, i);
		torture_name(t, i, name, sizeof(name));
		init_unlink(name);
	}
	complete(&t->done);
	return 0;
}

static void torture_on_every_cpu_matches_the_model(struct ktest *test)
{
	static struct torture tt[NR_CPUS];
	static struct task_struct *k[NR_CPUS];
	unsigned long cached = global_zone_page_state(NR_FILE_PAGES);
	unsigned int cpu;
	char name[32];
	int i;

	for_each_online_cpu(cpu) {
		struct torture *t = &tt[cpu];

		*t = (struct torture){ .cpu = cpu, .seed = 7919 * (cpu + 1) };
		init_completion(&t->done);
		t->scratch = kvmalloc(TORTURE_MAX, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, t->scratch);
		for (i = 0; i < TORTURE_FILES; i++) {
			t->model[i] = kvzalloc(TORTURE_MAX, GFP_KERNEL);
			KTEST_ASSERT_NOT_NULL(test, t->model[i]);
			t->size[i] = -1;
		}
		snprintf(name, sizeof(name), VT "/t%u", cpu);
		KTEST_ASSERT_EQ(test, init_mkdir(name, 0755), 0);
		snprintf(name, sizeof(name), VT "/t%u/sub", cpu);
		KTEST_ASSERT_EQ(test, init_mkdir(name, 0755), 0);
	}
	for_each_online_cpu(cpu) {
		k[cpu] = kthread_create(torture_fn, &tt[cpu], "tmpfs_torture/%u", cpu);
		KTEST_ASSERT_NOT_NULL(test, k[cpu]);
		kthread_bind(k[cpu], cpu);
		wake_up_process(k[cpu]);
	}
	for_each_online_cpu(cpu) {
		struct torture *t = &tt[cpu];

		wait_for_completion(&t->done);
		kthread_stop(k[cpu]);
		KTEST_EXPECT_EQ(test, t->bad, 0UL);
		KTEST_EXPECT_EQ(test, t->errors, 0UL);
		snprintf(name, sizeof(name), VT "/t%u/sub", cpu);
		KTEST_EXPECT_EQ(test, init_rmdir(name), 0);
		snprintf(name, sizeof(name), VT "/t%u", cpu);
		KTEST_EXPECT_EQ(test, init_rmdir(name), 0);
		for (i = 0; i < TORTURE_FILES; i++)
			kvfree(t->model[i]);
		kvfree(t->scratch);
	}
	KTEST_EXPECT_EQ(test, global_zone_page_state(NR_FILE_PAGES), cached);
}

/* ---- benchmarks ---------------------------------------------------------- */

#define BENCH_FILE_PAGES	((32 << 20) / PAGE_SIZE)	/* 32 MiB */
#define BENCH_PATH_LOOPS	20000

/* 32 MiB of 4 KiB writes to fresh offsets of a new file, then read back. */
static void bench_tmpfs_rw(void)
{
	void *buf = kzalloc(PAGE_SIZE, GFP_KERNEL);
	struct file *f = filp_open("/bench/rw", O_CREAT | O_RDWR, 0600);
	unsigned long i;
	loff_t pos = 0;
	u64 t0;

	if (!buf || IS_ERR(f))
		goto out;
	t0 = bench_now();
	for (i = 0; i < BENCH_FILE_PAGES; i++)
		kernel_write(f, buf, PAGE_SIZE, &pos);
	bench_report("tmpfs_write_4K", bench_now() - t0, BENCH_FILE_PAGES);
	pos = 0;
	t0 = bench_now();
	for (i = 0; i < BENCH_FILE_PAGES; i++)
		kernel_read(f, buf, PAGE_SIZE, &pos);
	bench_report("tmpfs_read_4K", bench_now() - t0, BENCH_FILE_PAGES);
out:
	if (!IS_ERR(f))
		filp_close(f, NULL);
	init_unlink("/bench/rw");
	kfree(buf);
}

static void bench_paths(void)
{
	struct kstat st;
	unsigned int i;
	u64 t0;

	if (vt_create("/bench/a/f") || vt_create("/bench/a/b/f"))
		return;
	t0 = bench_now();
	for (i = 0; i < BENCH_PATH_LOOPS; i++) {
		struct file *f = filp_open("/bench/a/f", O_RDONLY, 0);

		bench_hide(f);
		filp_close(f, NULL);
	}
	bench_report("open_close", bench_now() - t0, BENCH_PATH_LOOPS);
	t0 = bench_now();
	for (i = 0; i < BENCH_PATH_LOOPS; i++)
		vfs_fstatat(AT_FDCWD, "/bench/a/b/f", &st, 0);
	bench_report("stat_path", bench_now() - t0, BENCH_PATH_LOOPS);
	init_unlink("/bench/a/b/f");
	init_unlink("/bench/a/f");
}

/* In a tmpfs of its own at /bench, with /bench/a/b. */
static void bench_tmpfs(void)
{
	if (init_mkdir("/bench", 0755))
		return;
	if (!init_mount("tmpfs", "/bench", "tmpfs", 0, NULL)) {
		if (!init_mkdir("/bench/a", 0755) && !init_mkdir("/bench/a/b", 0755)) {
			bench_tmpfs_rw();
			bench_paths();
		}
		init_rmdir("/bench/a/b");
		init_rmdir("/bench/a");
		init_umount("/bench", 0);
	}
	init_rmdir("/bench");
}
BENCH(tmpfs, bench_tmpfs);

static struct ktest_case tmpfs_cases[] = {
	KTEST_CASE(written_data_reads_back_and_counts_blocks),
	KTEST_CASE(holes_read_as_zeroes_and_allocate_nothing),
	KTEST_CASE(append_pread_pwrite_and_the_file_position),
	KTEST_CASE(vectored_kernel_buffers_are_filled_in_order),
	KTEST_CASE(truncate_frees_pages_and_zeroes_the_tail),
	KTEST_CASE(lseek_and_seek_data_and_hole),
	KTEST_CASE(fallocate_allocates_and_punches_holes),
	KTEST_CASE(size_limit_gives_enospc_and_space_comes_back),
	KTEST_CASE(page_cache_calls_find_add_lock_and_truncate),
	KTEST_CASE(meminfo_counts_tmpfs_pages_in_cached_and_shmem),
	KTEST_CASE(memfd_create_gives_a_nameless_tmpfs_file),
	KTEST_CASE(calls_under_fault_injection_survive_and_leak_nothing),
	KTEST_CASE(torture_on_every_cpu_matches_the_model),
	{}
};

static struct ktest_suite tmpfs_suite = {
	.name = "tmpfs",
	.init = vfs_suite_init,
	.exit = vfs_suite_exit,
	.test_cases = tmpfs_cases,
};
ktest_register_suite(tmpfs_suite);
