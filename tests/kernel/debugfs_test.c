// SPDX-License-Identifier: GPL-2.0
/*
 * The debugfs suite: fs/debugfs/ over fs/kernfs/, read through the VFS as
 * a user would: debugfs_create_dir/_file/_u32 and debugfs_remove(), the
 * top's mode, a second mount sharing the tree; memblock/{memory,reserved}
 * field by field against memblock's lists; provoke-crash/DIRECT's list
 * and its refusal of unknown types (crashing is for the boot matrix);
 * page_owner's records in page_owner_sort's format when page_owner=on;
 * kernel_page_tables' runs covering the address space in x86 ptdump's
 * layout; ktest/run running a suite (its KTAP nested in this case's) and
 * ktest/SUITE/results keeping that run's KTAP.
 * The suite runs in vfs_test.h's frame, whose ->exit checks that inodes,
 * dentries, files and mounts are back at their counts.
 */
#include <linux/debugfs.h>
#include <linux/memblock.h>
#include <linux/sprintf.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/pageblock-flags.h>
#include <linux/vmalloc.h>
#include "../../mm/internal.h"
#include "vfs_test.h"

#define DEBUG	"/sys/kernel/debug/"
#define BUFSZ	8192

static char *test_buf(struct ktest *test)
{
	char *buf = kmalloc(BUFSZ, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, buf);
	return buf;
}

/* Check @text against @type's regions, a line each: "%4d: %pa..%pa %4d FLAGNAME". */
static void check_memblock_lines(struct ktest *test, const char *text,
				 const struct memblock_type *type)
{
	unsigned long i;

	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];
		unsigned long long base, last;
		char want[96];

		/* "   N: " */
		snprintf(want, sizeof(want), "%4lu: ", i);
		KTEST_ASSERT_EQ(test, strncmp(text, want, 6), 0);
		/* "0x" and 16 hex digits, "..", the same for the last byte */
		KTEST_EXPECT_EQ(test, strncmp(text + 6, "0x", 2), 0);
		KTEST_EXPECT_EQ(test, strncmp(text + 24, "..0x", 4), 0);
		memcpy(want, text + 8, 16);
		want[16] = '\0';
		KTEST_EXPECT_EQ(test, kstrtoull(want, 16, &base), 0);
		memcpy(want, text + 28, 16);
		KTEST_EXPECT_EQ(test, kstrtoull(want, 16, &last), 0);
		KTEST_EXPECT_EQ(test, base, (unsigned long long)r->base);
		KTEST_EXPECT_EQ(test, last, (unsigned long long)(r->base + r->size - 1));
		/* " %4d " node, or "    x" for none; then the flag's name */
		if (r->nid >= 0 && r->nid < MAX_NUMNODES)
			snprintf(want, sizeof(want), " %4d %s\n", r->nid, r->flags ? "" : "NONE");
		else
			snprintf(want, sizeof(want), "    x %s\n", r->flags ? "" : "NONE");
		KTEST_EXPECT_EQ(test, strncmp(text + 44, want, r->flags ? 6 : strlen(want)), 0);
		text = strchr(text, '\n');
		KTEST_ASSERT_NOT_NULL(test, text);
		text++;
	}
	KTEST_EXPECT_STREQ(test, text, "");
}

static void memblock_files_list_the_regions(struct ktest *test)
{
	char *buf = test_buf(test);

	KTEST_ASSERT_GT(test, vt_read_file(DEBUG "memblock/memory", buf, BUFSZ), 0);
	check_memblock_lines(test, buf, &memblock.memory);
	KTEST_ASSERT_GT(test, vt_read_file(DEBUG "memblock/reserved", buf, BUFSZ), 0);
	check_memblock_lines(test, buf, &memblock.reserved);
	KTEST_EXPECT_EQ(test, vt_write_file(DEBUG "memblock/memory", "0"), -EINVAL);
	kfree(buf);
}

static void direct_lists_the_crash_types(struct ktest *test)
{
	char *buf = test_buf(test);

	KTEST_ASSERT_GT(test, vt_read_file(DEBUG "provoke-crash/DIRECT", buf, BUFSZ), 0);
	KTEST_EXPECT_STREQ(test, buf, "Available crash types:\nPANIC\nBUG\nWARNING\nEXCEPTION\n"
			   "DOUBLE_FAULT\nEXHAUST_STACK\nSTACK_GUARD_PAGE_LEADING\n"
			   "STACK_GUARD_PAGE_TRAILING\n");
	kfree(buf);
}

static void direct_refuses_unknown_types(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, vt_write_file(DEBUG "provoke-crash/DIRECT", "NOPE\n"), -EINVAL);
	KTEST_EXPECT_EQ(test, vt_write_file(DEBUG "provoke-crash/DIRECT", " PANIC_NOT\n"),
			-EINVAL);
	KTEST_EXPECT_EQ(test, vt_write_file(DEBUG "provoke-crash/DIRECT", "\n"), -EINVAL);
}

static void the_top_is_for_root_only(struct ktest *test)
{
	const struct cred *old;
	struct kstat st;

	KTEST_ASSERT_EQ(test, init_stat("/sys/kernel/debug", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFDIR | 0700);
	old = override_creds(&vfs_test_user_cred);
	KTEST_EXPECT_PTR_EQ(test, filp_open(DEBUG "memblock/memory", O_RDONLY, 0),
			    ERR_PTR(-EACCES));
	revert_creds(old);
}

static u32 test_u32 = 42;

static void u32_files_read_and_write_decimal(struct ktest *test)
{
	struct dentry *dir = debugfs_create_dir("ktest-debugfs", NULL);
	char buf[32];

	KTEST_ASSERT_FALSE(test, IS_ERR(dir));
	debugfs_create_u32("rw", 0644, dir, &test_u32);
	debugfs_create_u32("ro", 0444, dir, &test_u32);
	KTEST_EXPECT_GT(test, vt_read_file(DEBUG "ktest-debugfs/rw", buf, sizeof(buf)), 0);
	KTEST_EXPECT_STREQ(test, buf, "42\n");
	KTEST_EXPECT_EQ(test, vt_write_file(DEBUG "ktest-debugfs/rw", "0x10\n"), 5);
	KTEST_EXPECT_EQ(test, test_u32, 16U);
	KTEST_EXPECT_EQ(test, vt_write_file(DEBUG "ktest-debugfs/rw", "ten"), -EINVAL);
	KTEST_EXPECT_EQ(test, test_u32, 16U);
	KTEST_EXPECT_GT(test, vt_read_file(DEBUG "ktest-debugfs/ro", buf, sizeof(buf)), 0);
	KTEST_EXPECT_STREQ(test, buf, "16\n");
	KTEST_EXPECT_EQ(test, vt_write_file(DEBUG "ktest-debugfs/ro", "1"), -EINVAL);
	KTEST_EXPECT_EQ(test, test_u32, 16U);
	debugfs_remove(dir);
	KTEST_EXPECT_PTR_EQ(test, filp_open(DEBUG "ktest-debugfs/rw", O_RDONLY, 0),
			    ERR_PTR(-ENOENT));
	test_u32 = 42;
}

static void create_twice_is_eexist_and_remove_takes_the_tree(struct ktest *test)
{
	struct dentry *dir = debugfs_create_dir("ktest-tree", NULL), *sub;
	struct kstat st;

	KTEST_ASSERT_FALSE(test, IS_ERR(dir));
	KTEST_EXPECT_PTR_EQ(test, debugfs_create_dir("ktest-tree", NULL), ERR_PTR(-EEXIST));
	sub = debugfs_create_dir("sub", dir);
	KTEST_ASSERT_FALSE(test, IS_ERR(sub));
	debugfs_create_u32("deep", 0600, sub, &test_u32);
	KTEST_EXPECT_PTR_EQ(test, debugfs_create_file("deep", 0600, sub, NULL, NULL),
			    ERR_PTR(-EEXIST));
	KTEST_EXPECT_FALSE(test, IS_ERR(debugfs_create_file("none", 0600, sub, NULL, NULL)));
	KTEST_EXPECT_EQ(test, vt_write_file(DEBUG "ktest-tree/sub/none", "x"), -EINVAL);
	KTEST_ASSERT_EQ(test, init_stat(DEBUG "ktest-tree/sub/deep", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.mode, S_IFREG | 0600);
	KTEST_ASSERT_EQ(test, init_stat(DEBUG "ktest-tree", &st, 0), 0);
	KTEST_EXPECT_EQ(test, st.nlink, 3U);	/* ".", its name, sub's ".." */
	debugfs_remove(dir);
	KTEST_EXPECT_EQ(test, init_stat(DEBUG "ktest-tree", &st, 0), -ENOENT);
	debugfs_remove(NULL);
	debugfs_remove(ERR_PTR(-ENOMEM));
}

static void names_cannot_be_made_by_users_of_the_vfs(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, init_mkdir(DEBUG "x", 0755), -EPERM);
	KTEST_EXPECT_EQ(test, init_unlink(DEBUG "memblock/memory"), -EPERM);
	KTEST_EXPECT_PTR_EQ(test, filp_open(DEBUG "new", O_CREAT | O_WRONLY, 0600),
			    ERR_PTR(-EACCES));
}

static void a_second_mount_shares_the_tree(struct ktest *test)
{
	char *buf = test_buf(test), *again = test_buf(test);

	KTEST_ASSERT_EQ(test, init_mkdir(VT "/d", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mount("debugfs", VT "/d", "debugfs", 0, NULL), 0);
	KTEST_EXPECT_GT(test, vt_read_file(DEBUG "memblock/memory", buf, BUFSZ), 0);
	KTEST_EXPECT_GT(test, vt_read_file(VT "/d/memblock/memory", again, BUFSZ), 0);
	KTEST_EXPECT_STREQ(test, again, buf);
	KTEST_EXPECT_EQ(test, init_umount(VT "/d", 0), 0);
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/d"), 0);
	kfree(again);
	kfree(buf);
}

/* One page_owner record: Linux 6.1's two lines, the stack a frame a line, an empty line. */
static void check_page_owner_record(struct ktest *test, const char *rec)
{
	static const char tail[] = "), pid 0, tgid 0 (swapper/0), ts 0 ns, free_ts 0 ns\n";
	const char *line = strchr(rec, '\n');
	unsigned long order, pfn;
	char word[64], *p;

	KTEST_ASSERT_EQ(test, strncmp(rec, "Page allocated via order ", 25), 0);
	order = simple_strtoul(rec + 25, &p, 10);
	KTEST_EXPECT_LT(test, order, (unsigned long)MAX_ORDER);
	KTEST_EXPECT_EQ(test, strncmp(p, ", mask 0x", 9), 0);
	KTEST_ASSERT_NOT_NULL(test, line);
	line++;
	KTEST_EXPECT_EQ(test, strncmp(line - strlen(tail), tail, strlen(tail)), 0);
	KTEST_ASSERT_EQ(test, strncmp(line, "PFN ", 4), 0);
	pfn = simple_strtoul(line + 4, &p, 10);
	KTEST_EXPECT_EQ(test, pfn & ((1UL << order) - 1), 0UL);
	KTEST_EXPECT_EQ(test, strncmp(p, " type ", 6), 0);
	snprintf(word, sizeof(word), " Block %lu type ", pfn >> pageblock_order);
	KTEST_EXPECT_NOT_NULL(test, strstr(line, word));
	KTEST_EXPECT_NOT_NULL(test, strstr(line, " Flags 0x"));
	line = strchr(line, '\n') + 1;
	KTEST_EXPECT_EQ(test, line[0], ' ');	/* the first frame */
	KTEST_EXPECT_STREQ(test, rec + strlen(rec) - 2, "\n\n");
}

static void page_owner_streams_records(struct ktest *test)
{
	char *buf = test_buf(test);
	struct file *f;
	loff_t pos = 0, last = 0;
	ssize_t n;
	int records = 0;

	if (!page_owner_enabled) {
		KTEST_EXPECT_PTR_EQ(test, filp_open(DEBUG "page_owner", O_RDONLY, 0),
				    ERR_PTR(-ENOENT));
		kfree(buf);
		KTEST_SKIP(test, "boot with page_owner=on");
	}
	f = filp_open(DEBUG "page_owner", O_RDONLY, 0);
	KTEST_ASSERT_FALSE(test, IS_ERR(f));
	/* One record a read; the position is the next pfn to look at. */
	while (records < 50 && (n = kernel_read(f, buf, BUFSZ - 1, &pos)) > 0) {
		buf[n] = '\0';
		check_page_owner_record(test, buf);
		KTEST_EXPECT_GT(test, pos, last);
		last = pos;
		records++;
	}
	KTEST_EXPECT_EQ(test, records, 50);
	pos = 0;
	KTEST_EXPECT_EQ(test, kernel_read(f, buf, 16, &pos), -ENOMEM);	/* too small */
	filp_close(f, NULL);
	kfree(buf);
}

/*
 * The run of @line ("0x%016lx-0x%016lx   %9lu%c FLAGS LEVEL"): its bounds
 * and flags (30 columns). Return: false (reported) if the layout is not Linux's.
 */
static bool parse_ptdump_line(struct ktest *test, const char *line, unsigned long *start,
			      unsigned long *end, char *flags)
{
	static const char units[] = "BKMGTPE";
	unsigned long size, shift;
	const char *unit;
	char *p;

	*start = simple_strtoul(line + 2, &p, 16);
	if (strncmp(line, "0x", 2) || p != line + 18 || strncmp(p, "-0x", 3))
		goto bad;
	*end = simple_strtoul(line + 21, &p, 16);
	if (p != line + 37 || strncmp(p, "   ", 3) || line[40 + 9 + 1] != ' ')
		goto bad;
	for (p = (char *)line + 40; *p == ' '; p++)
		;
	size = simple_strtoul(p, &p, 10);
	unit = strchr(units, line[49]);
	if (p != line + 49 || !unit)
		goto bad;
	shift = (unit - units) * 10;
	KTEST_EXPECT_EQ(test, size << shift, *end - *start);
	memcpy(flags, line + 51, 30);
	flags[30] = '\0';
	p = strchr(line + 81, '\n');
	if (!p || (p - (line + 81) != 3))
		goto bad;
	return true;
bad:
	KTEST_FAIL(test, "not a ptdump line: \"%.90s\"", line);
	return false;
}

static void kernel_page_tables_cover_the_address_space(struct ktest *test)
{
	static const char *const markers[] = {
		"User Space", "Kernel Space", "Low Kernel Mapping", "vmalloc() Area", "Vmemmap",
		"High Kernel Mapping", "Persistent kmap() Area", "Fixmap Area",
	};
	unsigned long text = (unsigned long)kernel_page_tables_cover_the_address_space;
	unsigned long data = (unsigned long)test, start, end, next = 0;
	size_t size = 256 * 1024, nmarkers = 0, lines = 0;
	char *buf = vmalloc(size), *line, flags[31];
	bool text_seen = false, data_seen = false;

	KTEST_ASSERT_NOT_NULL(test, buf);
	KTEST_ASSERT_GT(test, vt_read_file(DEBUG "kernel_page_tables", buf, size), 0);
	KTEST_EXPECT_LT(test, strlen(buf), size - 1);	/* all of it */
	for (line = buf; *line; line = strchr(line, '\n') + 1) {
		if (!strncmp(line, "---[ ", 5)) {
			KTEST_ASSERT_LT(test, nmarkers, ARRAY_SIZE(markers));
			KTEST_EXPECT_EQ(test, strncmp(line + 5, markers[nmarkers],
						      strlen(markers[nmarkers])), 0);
			nmarkers++;
			continue;
		}
		if (!parse_ptdump_line(test, line, &start, &end, flags))
			break;
		KTEST_EXPECT_EQ(test, start, next);	/* runs follow each other */
		next = end;
		lines++;
		if (text >= start && text - start < end - start) {
			text_seen = true;
			KTEST_EXPECT_EQ(test, strncmp(flags + 4, "ro ", 3), 0);
			KTEST_EXPECT_STREQ(test, flags + 27, "x  ");
		}
		if (data >= start && data - start < end - start) {
			data_seen = true;
			KTEST_EXPECT_EQ(test, strncmp(flags + 4, "RW ", 3), 0);
			KTEST_EXPECT_STREQ(test, flags + 27, "NX ");
		}
	}
	KTEST_EXPECT_EQ(test, nmarkers, ARRAY_SIZE(markers));
	KTEST_EXPECT_EQ(test, next, 0UL);	/* the last run ends past the top */
	KTEST_EXPECT_GT(test, lines, 8UL);
	KTEST_EXPECT_TRUE(test, text_seen);
	KTEST_EXPECT_TRUE(test, data_seen);
	vfree(buf);
}

static void ktest_run_runs_a_glob_and_results_keep_its_ktap(struct ktest *test)
{
	/* Whatever the suite's number of cases: its plan, results and totals. */
	static const char head[] = "KTAP version 1\n1..1\n    KTAP version 1\n"
				   "    # Subtest: seq_file\n    1..";
	static const char tail[] = " fail:0 skip:0 total:%u\nok 1 seq_file\n";
	char want[64];
	unsigned int cases;
	char *buf = test_buf(test);
	ssize_t n;

	KTEST_ASSERT_GT(test, vt_read_file(DEBUG "ktest/run", buf, BUFSZ), 0);
	KTEST_EXPECT_STREQ(test, buf,
			   "write a glob (SUITE or SUITE.CASE) to run the suites it matches\n");
	KTEST_EXPECT_EQ(test, vt_write_file(DEBUG "ktest/run", "no-such-suite*\n"), -ENOENT);
	KTEST_EXPECT_EQ(test, vt_write_file(DEBUG "ktest/run", " seq_file\n"), 10);
	n = vt_read_file(DEBUG "ktest/seq_file/results", buf, BUFSZ);
	KTEST_ASSERT_GT(test, n, (ssize_t)(sizeof(head) + sizeof(tail)));
	KTEST_ASSERT_EQ(test, strncmp(buf, head, sizeof(head) - 1), 0);
	cases = simple_strtoull(buf + sizeof(head) - 1, NULL, 10);
	KTEST_EXPECT_GT(test, cases, 0u);
	snprintf(want, sizeof(want), tail, cases);
	KTEST_ASSERT_GT(test, n, (ssize_t)strlen(want));
	KTEST_EXPECT_STREQ(test, buf + n - strlen(want), want);
	snprintf(want, sizeof(want), "\n    ok %u ", cases);
	KTEST_EXPECT_NOT_NULL(test, strstr(buf, want));
	kfree(buf);
}

/* debugfs_create_*() and reads with allocations failing: nothing leaks or stays. */
static void calls_under_fault_injection_survive_and_leak_nothing(struct ktest *test)
{
	struct vfs_counts before, after;
	unsigned int i, failures = 0;
	struct kstat st;
	char buf[32];

	vfs_counts_get(&before);
	ktest_resume_fault_injection(test);
	for (i = 0; i < 100; i++) {
		struct dentry *dir = debugfs_create_dir("ktest-fi", NULL);

		failures += IS_ERR(dir);
		if (IS_ERR(dir))
			continue;
		debugfs_create_u32("v", 0644, dir, &test_u32);
		failures += vt_read_file(DEBUG "ktest-fi/v", buf, sizeof(buf)) < 0;
		failures += vt_read_file(DEBUG "provoke-crash/DIRECT", buf, sizeof(buf)) < 0;
		debugfs_remove(dir);
	}
	ktest_pause_fault_injection(test);
	ktest_info(test, "%u steps failed", failures);
	KTEST_EXPECT_EQ(test, init_stat(DEBUG "ktest-fi", &st, 0), -ENOENT);
	vfs_counts_get(&after);
	KTEST_EXPECT_COUNTS_EQ(test, &after, &before);
}

static struct ktest_case debugfs_cases[] = {
	KTEST_CASE(memblock_files_list_the_regions),
	KTEST_CASE(direct_lists_the_crash_types),
	KTEST_CASE(direct_refuses_unknown_types),
	KTEST_CASE(the_top_is_for_root_only),
	KTEST_CASE(u32_files_read_and_write_decimal),
	KTEST_CASE(create_twice_is_eexist_and_remove_takes_the_tree),
	KTEST_CASE(names_cannot_be_made_by_users_of_the_vfs),
	KTEST_CASE(a_second_mount_shares_the_tree),
	KTEST_CASE(page_owner_streams_records),
	KTEST_CASE(kernel_page_tables_cover_the_address_space),
	KTEST_CASE(ktest_run_runs_a_glob_and_results_keep_its_ktap),
	KTEST_CASE(calls_under_fault_injection_survive_and_leak_nothing),
	{}
};

static struct ktest_suite debugfs_suite = {
	.name = "debugfs",
	.init = vfs_suite_init,
	.exit = vfs_suite_exit,
	.test_cases = debugfs_cases,
};
ktest_register_suite(debugfs_suite);
