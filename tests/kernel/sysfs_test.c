// SPDX-License-Identifier: GPL-2.0
/*
 * The sysfs suite: fs/sysfs/ over fs/kernfs/, and the files in /sys read
 * through the VFS as a user would, each checked against Linux's layout:
 * /sys/devices/system/cpu/{online,possible,present},
 * /sys/devices/system/node/node0/{meminfo,cpulist}, /sys/kernel/mm, and
 * /sys/kernel/slab/CACHE/ATTR following kmem_cache_create() and
 * kmem_cache_destroy(); writes refused as Linux refuses them; a file of a
 * removed kobject answering -ENODEV. The suite runs in vfs_test.h's
 * frame: its ->exit checks that inodes, dentries, files and mounts are
 * back at their counts.
 */
#include <linux/sysfs.h>
#include <linux/kobject.h>
#include <linux/cpumask.h>
#include <linux/threads.h>
#include <linux/seq_file.h>
#include <linux/sprintf.h>
#include <linux/kstrtox.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/mm.h>
#include "../../mm/slab.h"
#include "vfs_test.h"

#define SLAB	"/sys/kernel/slab/"
#define BUFSZ	4096

static char *test_buf(struct ktest *test)
{
	char *buf = kmalloc(BUFSZ, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, buf);
	return buf;
}

/* The text of @path, which must be readable; in the caller's @buf. */
static const char *read_ok(struct ktest *test, const char *path, char *buf)
{
	ssize_t n = vt_read_file(path, buf, BUFSZ);

	if (n < 0)
		KTEST_FAIL(test, "reading %s: %ld", path, (long)n);
	KTEST_EXPECT_GE(test, n, 0);
	return buf;
}

/* The number in the file @path ("N\\n"), or -1 after reporting a failure. */
static long read_number(struct ktest *test, const char *path)
{
	char buf[64];
	ssize_t n = vt_read_file(path, buf, sizeof(buf));
	long v;

	if (n <= 0 || buf[n - 1] != '\n' || kstrtol(buf, 10, &v)) {
		KTEST_FAIL(test, "%s: \"%s\" (%ld) is not a number and a newline", path, buf,
			   (long)n);
		return -1;
	}
	return v;
}

static void cpu_masks_are_cpulists(struct ktest *test)
{
	static const char *const files[] = { "online", "possible", "present" };
	const struct cpumask *masks[] = { cpu_online_mask, cpu_possible_mask, cpu_present_mask };
	char *buf = test_buf(test), want[64], path[64];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(files); i++) {
		unsigned int n = cpumask_weight(masks[i]);

		/* CPUs here are numbered from 0 without holes: "0" or "0-N". */
		if (n == 1)
			snprintf(want, sizeof(want), "0\n");
		else
			snprintf(want, sizeof(want), "0-%u\n", n - 1);
		snprintf(path, sizeof(path), "/sys/devices/system/cpu/%s", files[i]);
		KTEST_EXPECT_STREQ(test, read_ok(test, path, buf), want);
	}
	kfree(buf);
}

static void node0_cpulist_is_the_online_cpus(struct ktest *test)
{
	char *buf = test_buf(test), want[64];

	snprintf(want, sizeof(want), "%*pbl\n", NR_CPUS, cpu_online_mask->bits);
	KTEST_EXPECT_STREQ(test, read_ok(test, "/sys/devices/system/node/node0/cpulist", buf),
			   want);
	kfree(buf);
}

/* Linux 6.1's node_read_meminfo() lines, in order (no HIGHMEM, CMA, shadow stacks). */
static const char *const node_meminfo_names[] = {
	"MemTotal", "MemFree", "MemUsed", "SwapCached", "Active", "Inactive",
	"Active(anon)", "Inactive(anon)", "Active(file)", "Inactive(file)", "Unevictable",
	"Mlocked", "Dirty", "Writeback", "FilePages", "Mapped", "AnonPages", "Shmem",
	"KernelStack", "PageTables", "SecPageTables", "NFS_Unstable", "Bounce",
	"WritebackTmp", "KReclaimable", "Slab", "SReclaimable", "SUnreclaim",
	"AnonHugePages", "ShmemHugePages", "ShmemPmdMapped", "FileHugePages", "FilePmdMapped",
};

static size_t spaces(const char *s)
{
	size_t n = 0;

	while (s[n] == ' ')
		n++;
	return n;
}

/* Parse "Node 0 NAME:<pad to 16>%8lu kB". Return: the value, or -1. */
static long node_kb_line(struct ktest *test, const char *line, const char *name)
{
	char label[32];
	unsigned long v;
	char num[9];

	snprintf(label, sizeof(label), "%-16s", name);
	label[strlen(name)] = ':';
	if (strncmp(line, "Node 0 ", 7) || strncmp(line + 7, label, 16) ||
	    strncmp(line + 23 + 8, " kB\n", 4)) {
		KTEST_FAIL(test, "line \"%.40s\" is not Node 0 %s in Linux's layout", line, name);
		return -1;
	}
	memcpy(num, line + 23, 8);
	num[8] = '\0';
	if (kstrtoul(num + spaces(num), 10, &v)) {
		KTEST_FAIL(test, "%s: \"%s\" is not a number", name, num);
		return -1;
	}
	return (long)v;
}

static void node0_meminfo_has_linux_lines(struct ktest *test)
{
	char *buf = test_buf(test);
	const char *line = read_ok(test, "/sys/devices/system/node/node0/meminfo", buf);
	long total = -1, free = -1, used = -1, v;
	struct sysinfo si;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(node_meminfo_names); i++) {
		v = node_kb_line(test, line, node_meminfo_names[i]);
		if (v < 0)
			goto out;
		if (i == 0)
			total = v;
		else if (i == 1)
			free = v;
		else if (i == 2)
			used = v;
		line = strchr(line, '\n') + 1;
	}
	KTEST_EXPECT_STREQ(test, line, "Node 0 HugePages_Total:     0\n"
				       "Node 0 HugePages_Free:      0\n"
				       "Node 0 HugePages_Surp:      0\n");
	si_meminfo(&si);
	KTEST_EXPECT_EQ(test, total, (long)(si.totalram << (PAGE_SHIFT - 10)));
	KTEST_EXPECT_EQ(test, used, total - free);
	KTEST_EXPECT_GT(test, free, 0);
out:
	kfree(buf);
}

struct dir_list {
	struct dir_context ctx;
	int entries;
	char names[256];
};

static bool dir_list_actor(struct dir_context *ctx, const char *name, int namelen,
			   loff_t offset, u64 ino, unsigned int d_type)
{
	struct dir_list *l = container_of(ctx, struct dir_list, ctx);
	size_t len = strlen(l->names);

	l->entries++;
	snprintf(l->names + len, sizeof(l->names) - len, "%.*s/", namelen, name);
	return true;
}

/* The entries of directory @path as "name/name/..." (with . and ..); the count, or -errno. */
static int list_dir(const char *path, struct dir_list *l)
{
	struct file *f = filp_open(path, O_RDONLY | O_DIRECTORY, 0);
	int err;

	memset(l, 0, sizeof(*l));
	l->ctx.actor = dir_list_actor;
	if (IS_ERR(f))
		return PTR_ERR(f);
	err = iterate_dir(f, &l->ctx);
	filp_close(f, NULL);
	return err ?: l->entries;
}

static void kernel_mm_is_an_empty_directory(struct ktest *test)
{
	struct dir_list l;

	KTEST_EXPECT_EQ(test, list_dir("/sys/kernel/mm", &l), 2);
	KTEST_EXPECT_STREQ(test, l.names, "./../");
	KTEST_EXPECT_EQ(test, list_dir("/sys/devices/system/node/node0", &l), 4);
	KTEST_EXPECT_NOT_NULL(test, strstr(l.names, "/meminfo/"));
	KTEST_EXPECT_NOT_NULL(test, strstr(l.names, "/cpulist/"));
	KTEST_EXPECT_GE(test, list_dir("/sys", &l), 4);
	KTEST_EXPECT_NOT_NULL(test, strstr(l.names, "/kernel/"));
	KTEST_EXPECT_NOT_NULL(test, strstr(l.names, "/devices/"));
}

static int sys_mounts_show(struct seq_file *m, void *v)
{
	return mounts_show(m, v);
}

static void sys_and_debug_are_mounted(struct ktest *test)
{
	struct seq_file m = {};
	const char *text = KTEST_SHOW(test, &m, sys_mounts_show, NULL);

	KTEST_EXPECT_NOT_NULL(test, strstr(text, "\nsysfs /sys sysfs rw"));
	KTEST_EXPECT_NOT_NULL(test, strstr(text, "\ndebugfs /sys/kernel/debug debugfs rw"));
	seq_file_free(&m);
}

static void a_second_mount_shares_the_tree(struct ktest *test)
{
	char *buf = test_buf(test), *again = test_buf(test);

	KTEST_ASSERT_EQ(test, init_mkdir(VT "/sys", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mount("sysfs", VT "/sys", "sysfs", 0, NULL), 0);
	read_ok(test, "/sys/devices/system/cpu/possible", buf);
	KTEST_EXPECT_STREQ(test, read_ok(test, VT "/sys/devices/system/cpu/possible", again), buf);
	KTEST_EXPECT_EQ(test, init_umount(VT "/sys", 0), 0);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/sys"), 0);
	kfree(again);
	kfree(buf);
}

static void names_cannot_be_made_or_removed(struct ktest *test)
{
	struct file *f;

	KTEST_EXPECT_EQ(test, init_mkdir("/sys/kernel/mm/x", 0755), -EPERM);
	KTEST_EXPECT_EQ(test, init_rmdir("/sys/kernel/mm"), -EPERM);
	KTEST_EXPECT_EQ(test, init_unlink("/sys/devices/system/cpu/online"), -EPERM);
	f = filp_open("/sys/kernel/mm/new", O_CREAT | O_WRONLY, 0644);
	KTEST_EXPECT_PTR_EQ(test, f, ERR_PTR(-EACCES));
	f = filp_open("/sys/kernel/nothing", O_RDONLY, 0);
	KTEST_EXPECT_PTR_EQ(test, f, ERR_PTR(-ENOENT));
}

static void read_only_files_refuse_writes(struct ktest *test)
{
	const struct cred *old;
	char buf[64];

	/* Root opens them (it overrides modes), and the store is -EIO, as Linux's. */
	KTEST_EXPECT_EQ(test, vt_write_file("/sys/devices/system/cpu/online", "0-1\n"), -EIO);
	KTEST_EXPECT_EQ(test, vt_write_file(SLAB "kmalloc-64/object_size", "8\n"), -EIO);
	old = override_creds(&vfs_test_user_cred);
	KTEST_EXPECT_EQ(test, vt_write_file("/sys/devices/system/cpu/online", "0\n"), -EACCES);
	/* slab files are 0400 / 0600: not even readable by others */
	KTEST_EXPECT_GT(test, vt_read_file("/sys/devices/system/cpu/possible", buf, sizeof(buf)), 0);
	KTEST_EXPECT_PTR_EQ(test, filp_open(SLAB "kmalloc-64/object_size", O_RDONLY, 0),
			    ERR_PTR(-EACCES));
	revert_creds(old);
}

static void files_read_the_same_in_pieces(struct ktest *test)
{
	char *whole = test_buf(test), *pieces = test_buf(test);

	read_ok(test, "/sys/devices/system/node/node0/meminfo", whole);
	KTEST_EXPECT_GT(test, vt_read_file_chunked("/sys/devices/system/node/node0/meminfo",
						   pieces, BUFSZ, 7), 0);
	/* One open, one snapshot: MemFree cannot move between the pieces. */
	KTEST_EXPECT_EQ(test, strlen(pieces), strlen(whole));
	KTEST_EXPECT_EQ(test, strncmp(pieces, whole, 7 + 16 + 8), 0);
	kfree(pieces);
	kfree(whole);
}

/* ---- /sys/kernel/slab ---------------------------------------------------- */

static long slab_number(struct ktest *test, const char *cache, const char *attr)
{
	char path[128];

	snprintf(path, sizeof(path), SLAB "%s/%s", cache, attr);
	return read_number(test, path);
}

static const char *slab_text(struct ktest *test, const char *cache, const char *attr,
			     char *buf)
{
	char path[128];

	snprintf(path, sizeof(path), SLAB "%s/%s", cache, attr);
	return read_ok(test, path, buf);
}

static void sysfs_test_ctor(void *obj)
{
	memset(obj, 0x5a, 8);
}

static void every_cache_has_a_directory(struct ktest *test)
{
	static const char *const caches[] = { "kmalloc-8", "kmalloc-64", "kmalloc-4k", "dentry",
					      "kmem_cache", "dma-kmalloc-512" };
	struct dir_list l;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(caches); i++)
		KTEST_EXPECT_GT(test, slab_number(test, caches[i], "object_size"), 0);
	KTEST_EXPECT_EQ(test, slab_number(test, "kmalloc-64", "object_size"), 64);
	/* The object and its metadata: 4096 unless slub_debug= adds red zones and tracks. */
	KTEST_EXPECT_EQ(test, slab_number(test, "kmalloc-4k", "slab_size"),
			(long)kmalloc_caches[KMALLOC_NORMAL][12]->size);
	if (!kmem_cache_debug(kmalloc_caches[KMALLOC_NORMAL][12]))
		KTEST_EXPECT_EQ(test, slab_number(test, "kmalloc-4k", "slab_size"), 4096);
	KTEST_EXPECT_EQ(test, list_dir(SLAB "kmalloc-64", &l), 2 + 24);
	KTEST_EXPECT_STREQ(test, l.names,
			   "./../validate/shrink/min_partial/store_user/poison/red_zone/trace/"
			   "sanity_checks/cache_dma/reclaim_account/hwcache_align/cpu_slabs/"
			   "objects_partial/partial/objects/total_objects/slabs/aliases/ctor/"
			   "align/order/objs_per_slab/object_size/slab_size/");
}

static void a_new_cache_shows_its_geometry(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sysfs-geom", 200, 0,
						 SLAB_NO_MERGE | SLAB_HWCACHE_ALIGN, NULL);
	char *buf = test_buf(test);

	KTEST_ASSERT_NOT_NULL(test, s);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-geom", "object_size"), 200);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-geom", "slab_size"), (long)s->size);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-geom", "objs_per_slab"), (long)s->objects);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-geom", "order"), (long)s->order);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-geom", "align"), (long)s->align);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-geom", "aliases"), 0);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-geom", "hwcache_align"), 1);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-geom", "reclaim_account"), 0);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-geom", "min_partial"),
			(long)s->min_partial);
	KTEST_EXPECT_STREQ(test, slab_text(test, "sysfs-geom", "ctor", buf), "");
	KTEST_EXPECT_STREQ(test, slab_text(test, "sysfs-geom", "shrink", buf), "");
	kmem_cache_destroy(s);
	kfree(buf);
}

static void a_destroyed_cache_leaves_sysfs(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sysfs-gone", 72, 0, SLAB_NO_MERGE, NULL);
	struct dir_list l;

	KTEST_ASSERT_NOT_NULL(test, s);
	KTEST_EXPECT_EQ(test, list_dir(SLAB "sysfs-gone", &l), 2 + 24);
	kmem_cache_destroy(s);
	KTEST_EXPECT_EQ(test, list_dir(SLAB "sysfs-gone", &l), -ENOENT);
	KTEST_EXPECT_PTR_EQ(test, filp_open(SLAB "sysfs-gone/order", O_RDONLY, 0),
			    ERR_PTR(-ENOENT));
}

static void counts_follow_allocations(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sysfs-count", 512, 0, SLAB_NO_MERGE, NULL);
	void *objs[40];
	long per_slab;
	int i;

	KTEST_ASSERT_NOT_NULL(test, s);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-count", "objects"), 0);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-count", "slabs"), 0);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-count", "cpu_slabs"), 0);
	for (i = 0; i < 40; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, objs[i]);
	}
	per_slab = s->objects;
	/* As Linux's: the objects of CPU slabs all count as in use, free or not. */
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-count", "objects"),
			atomic_long_read(&s->total_objects) - (long)count_partial(s, count_free));
	KTEST_EXPECT_GE(test, slab_number(test, "sysfs-count", "objects"), 40);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-count", "slabs"),
			atomic_long_read(&s->nr_slabs));
	KTEST_EXPECT_GE(test, slab_number(test, "sysfs-count", "slabs"),
			(40 + per_slab - 1) / per_slab);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-count", "total_objects"),
			atomic_long_read(&s->nr_slabs) * per_slab);
	/* A debug cache (slub_debug=) allocates without CPU slabs, as Linux's. */
	if (!kmem_cache_debug(s))
		KTEST_EXPECT_GE(test, slab_number(test, "sysfs-count", "cpu_slabs"), 1);
	for (i = 0; i < 40; i++)
		kmem_cache_free(s, objs[i]);
	kmem_cache_shrink(s);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-count", "objects"), 0);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-count", "objects_partial"), 0);
	kmem_cache_destroy(s);
}

static void ctor_shows_its_symbol(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sysfs-ctor", 64, 0, 0, sysfs_test_ctor);
	char *buf = test_buf(test);

	KTEST_ASSERT_NOT_NULL(test, s);
	KTEST_EXPECT_EQ(test, strncmp(slab_text(test, "sysfs-ctor", "ctor", buf),
				      "sysfs_test_ctor+0x0/0x", 22), 0);
	KTEST_EXPECT_EQ(test, buf[strlen(buf) - 1], '\n');
	kmem_cache_destroy(s);
	kfree(buf);
}

static void a_merged_cache_counts_as_an_alias(struct ktest *test)
{
	struct kmem_cache *a = kmem_cache_create("sysfs-alias-a", 3000, 0, 0, NULL), *b;
	const char *name;
	long before;

	KTEST_ASSERT_NOT_NULL(test, a);
	name = kmem_cache_name(a);	/* the cache it merged into, or itself */
	before = slab_number(test, name, "aliases");
	b = kmem_cache_create("sysfs-alias-b", 3000, 0, 0, NULL);
	KTEST_ASSERT_NOT_NULL(test, b);
	/* slab_nomerge and slub_debug= keep caches apart (the slub suite checks that). */
	if (b != a && (kmem_cache_debug(a) || strstr(boot_command_line, "slab_nomerge"))) {
		kmem_cache_destroy(b);
		kmem_cache_destroy(a);
		KTEST_SKIP(test, "caches do not merge on this boot");
	}
	KTEST_ASSERT_PTR_EQ(test, b, a);
	KTEST_EXPECT_EQ(test, slab_number(test, name, "aliases"), before + 1);
	KTEST_EXPECT_PTR_EQ(test, filp_open(SLAB "sysfs-alias-b", O_RDONLY, 0),
			    ERR_PTR(-ENOENT));
	kmem_cache_destroy(b);
	KTEST_EXPECT_EQ(test, slab_number(test, name, "aliases"), before);
	kmem_cache_destroy(a);
}

static void min_partial_takes_numbers_only(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sysfs-minp", 96, 0, SLAB_NO_MERGE, NULL);
	unsigned long old;

	KTEST_ASSERT_NOT_NULL(test, s);
	old = s->min_partial;
	KTEST_EXPECT_EQ(test, vt_write_file(SLAB "sysfs-minp/min_partial", "abc\n"), -EINVAL);
	KTEST_EXPECT_EQ(test, vt_write_file(SLAB "sysfs-minp/min_partial", "-1\n"), -EINVAL);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-minp", "min_partial"), (long)old);
	KTEST_EXPECT_EQ(test, vt_write_file(SLAB "sysfs-minp/min_partial", "7\n"), 2);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-minp", "min_partial"), 7);
	KTEST_EXPECT_EQ(test, s->min_partial, 7UL);
	kmem_cache_destroy(s);
}

static void shrink_and_validate_take_1(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sysfs-shrink", 128, 0, SLAB_NO_MERGE, NULL);
	void *obj;

	KTEST_ASSERT_NOT_NULL(test, s);
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(test, obj);
	kmem_cache_free(s, obj);
	KTEST_EXPECT_EQ(test, vt_write_file(SLAB "sysfs-shrink/shrink", "0\n"), -EINVAL);
	KTEST_EXPECT_EQ(test, vt_write_file(SLAB "sysfs-shrink/shrink", "1\n"), 2);
	KTEST_EXPECT_EQ(test, slab_number(test, "sysfs-shrink", "slabs"), 0);
	/* validate: only for debug caches, as Linux's (all of them under slub_debug=) */
	KTEST_EXPECT_EQ(test, vt_write_file(SLAB "sysfs-shrink/validate", "1\n"),
			kmem_cache_debug(s) ? 2L : (long)-EINVAL);
	kmem_cache_destroy(s);
}

static void a_file_outliving_its_cache_answers_enodev(struct ktest *test)
{
	struct kmem_cache *s = kmem_cache_create("sysfs-stale", 80, 0, SLAB_NO_MERGE, NULL);
	struct file *f;
	loff_t pos = 0;

	KTEST_ASSERT_NOT_NULL(test, s);
	f = filp_open(SLAB "sysfs-stale/min_partial", O_WRONLY, 0);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	kmem_cache_destroy(s);
	KTEST_EXPECT_EQ(test, kernel_write(f, "3\n", 2, &pos), -ENODEV);
	filp_close(f, NULL);
}

static void a_kobject_attribute_shows_and_stores(struct ktest *test);
static void calls_under_fault_injection_survive_and_leak_nothing(struct ktest *test);

static struct ktest_case sysfs_cases[] = {
	KTEST_CASE(sys_and_debug_are_mounted),
	KTEST_CASE(cpu_masks_are_cpulists),
	KTEST_CASE(node0_cpulist_is_the_online_cpus),
	KTEST_CASE(node0_meminfo_has_linux_lines),
	KTEST_CASE(kernel_mm_is_an_empty_directory),
	KTEST_CASE(a_second_mount_shares_the_tree),
	KTEST_CASE(names_cannot_be_made_or_removed),
	KTEST_CASE(read_only_files_refuse_writes),
	KTEST_CASE(files_read_the_same_in_pieces),
	KTEST_CASE(every_cache_has_a_directory),
	KTEST_CASE(a_new_cache_shows_its_geometry),
	KTEST_CASE(a_destroyed_cache_leaves_sysfs),
	KTEST_CASE(counts_follow_allocations),
	KTEST_CASE(ctor_shows_its_symbol),
	KTEST_CASE(a_merged_cache_counts_as_an_alias),
	KTEST_CASE(min_partial_takes_numbers_only),
	KTEST_CASE(shrink_and_validate_take_1),
	KTEST_CASE(a_file_outliving_its_cache_answers_enodev),
	KTEST_CASE(a_kobject_attribute_shows_and_stores),
	KTEST_CASE(calls_under_fault_injection_survive_and_leak_nothing),
	{}
};

/* ---- a kobject of the test's own ------------------------------------------ */

static unsigned int test_value = 5;

static ssize_t value_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u\n", test_value);
}

static ssize_t value_store(struct kobject *kobj, struct kobj_attribute *attr, const char *buf,
			   size_t count)
{
	int err = kstrtouint(buf, 10, &test_value);

	return err ?: (ssize_t)count;
}

static struct kobj_attribute value_attr = __ATTR_RW(value);
static struct attribute *group_attrs[] = { &value_attr.attr, NULL };
static const struct attribute_group named_group = { .name = "grp", .attrs = group_attrs };

static void a_kobject_attribute_shows_and_stores(struct ktest *test)
{
	struct kobject *kobj = kobject_create_and_add("sysfs-test", mm_kobj);
	struct dir_list l;

	KTEST_ASSERT_NOT_NULL(test, kobj);
	KTEST_EXPECT_NULL(test, kobject_create_and_add("sysfs-test", mm_kobj));	/* -EEXIST */
	KTEST_EXPECT_EQ(test, sysfs_create_file(kobj, &value_attr.attr), 0);
	KTEST_EXPECT_EQ(test, sysfs_create_file(kobj, &value_attr.attr), -EEXIST);
	KTEST_EXPECT_EQ(test, sysfs_create_group(kobj, &named_group), 0);
	KTEST_EXPECT_EQ(test, read_number(test, "/sys/kernel/mm/sysfs-test/value"), 5);
	KTEST_EXPECT_EQ(test, vt_write_file("/sys/kernel/mm/sysfs-test/grp/value", "9"), 1);
	KTEST_EXPECT_EQ(test, read_number(test, "/sys/kernel/mm/sysfs-test/value"), 9);
	KTEST_EXPECT_EQ(test, vt_write_file("/sys/kernel/mm/sysfs-test/value", "x"), -EINVAL);
	KTEST_EXPECT_EQ(test, test_value, 9U);
	kobject_put(kobj);
	KTEST_EXPECT_EQ(test, list_dir("/sys/kernel/mm", &l), 2);
	test_value = 5;
}

/*
 * Caches and kobjects made, read, written and removed with allocations
 * failing (under fail_page_alloc= or failslab=; without them, all
 * succeed): each step may fail, nothing may leak or stay behind.
 */
static void calls_under_fault_injection_survive_and_leak_nothing(struct ktest *test)
{
	struct vfs_counts before, after;
	unsigned int i, failures = 0;
	struct dir_list l;
	char buf[64];

	vfs_counts_get(&before);
	ktest_resume_fault_injection(test);
	for (i = 0; i < 100; i++) {
		struct kmem_cache *s = kmem_cache_create("sysfs-fi", 136, 0, SLAB_NO_MERGE, NULL);
		struct kobject *kobj = kobject_create_and_add("sysfs-fi", mm_kobj);

		failures += !s + !kobj;
		if (s) {
			failures += vt_read_file(SLAB "sysfs-fi/object_size", buf, sizeof(buf)) < 0;
			failures += vt_write_file(SLAB "sysfs-fi/min_partial", "3") < 0;
			kmem_cache_destroy(s);
		}
		if (kobj) {
			failures += sysfs_create_group(kobj, &named_group) < 0;
			failures += vt_read_file("/sys/kernel/mm/sysfs-fi/grp/value", buf,
						 sizeof(buf)) < 0;
			kobject_put(kobj);
		}
	}
	ktest_pause_fault_injection(test);
	ktest_info(test, "%u steps failed", failures);
	KTEST_EXPECT_EQ(test, list_dir(SLAB "sysfs-fi", &l), -ENOENT);
	KTEST_EXPECT_EQ(test, list_dir("/sys/kernel/mm", &l), 2);
	vfs_counts_get(&after);
	KTEST_EXPECT_COUNTS_EQ(test, &after, &before);
}

static struct ktest_suite sysfs_suite = {
	.name = "sysfs",
	.init = vfs_suite_init,
	.exit = vfs_suite_exit,
	.test_cases = sysfs_cases,
};
ktest_register_suite(sysfs_suite);
