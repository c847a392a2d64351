// SPDX-License-Identifier: GPL-2.0
/*
 * The path-walk suite: fs/namei.c's lookups. Absolute, relative (to a
 * directory fd) and dotted names, ".." at the root and across a mount,
 * slashes, symlinks (in the middle, at the end, loops, the limit of 40),
 * over-long names, search permission, mount crossing and umount.
 */
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/stat.h>
#include "vfs_test.h"

/* kern_path(@name) found the same dentry as kern_path(@want)? */
static bool same_place(const char *name, const char *want)
{
	struct path a, b;
	bool same;

	if (kern_path(name, LOOKUP_FOLLOW, &a))
		return false;
	if (kern_path(want, LOOKUP_FOLLOW, &b)) {
		path_put(&a);
		return false;
	}
	same = path_equal(&a, &b);
	path_put(&a);
	path_put(&b);
	return same;
}

static int lookup_err(const char *name, unsigned int flags)
{
	struct path p;
	int err = kern_path(name, flags, &p);

	if (!err)
		path_put(&p);
	return err;
}

static void absolute_relative_and_dotted_names_find_the_same_file(struct ktest *test)
{
	struct path rel, abs;
	long dfd;

	KTEST_ASSERT_EQ(test, init_mkdir(VT "/a", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/a/b", 0755), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/a/b/f"), 0);
	dfd = do_sys_open(AT_FDCWD, VT "/a", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_GE(test, dfd, 0);
	KTEST_EXPECT_EQ(test, user_path_at(dfd, "b/f", 0, &rel), 0);
	KTEST_EXPECT_EQ(test, kern_path(VT "/a/b/f", 0, &abs), 0);
	KTEST_EXPECT_TRUE(test, path_equal(&rel, &abs));
	path_put(&rel);
	path_put(&abs);
	KTEST_EXPECT_TRUE(test, same_place(VT "/a/./b/../b/f", VT "/a/b/f"));
	KTEST_EXPECT_TRUE(test, same_place(VT "/a/b/./.", VT "/a/b"));
	KTEST_EXPECT_EQ(test, ksys_close(dfd), 0);
}

static void dotdot_stays_at_the_root_and_leaves_a_mount(struct ktest *test)
{
	KTEST_EXPECT_TRUE(test, same_place("/..", "/"));
	KTEST_EXPECT_TRUE(test, same_place("/../../..", "/"));
	KTEST_EXPECT_TRUE(test, same_place("/../.." VT, VT));
	/* VT's root is a mount: ".." of it is the directory it is mounted in */
	KTEST_EXPECT_TRUE(test, same_place(VT "/..", "/"));
	KTEST_EXPECT_TRUE(test, same_place(VT "/../" VT, VT));
}

static void repeated_and_trailing_slashes_work_as_linux(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/d", 0755), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/d/f"), 0);
	KTEST_EXPECT_TRUE(test, same_place("//vt///d//", VT "/d"));
	KTEST_EXPECT_TRUE(test, same_place(VT "/d//f", VT "/d/f"));
	/* a trailing slash needs a directory */
	KTEST_EXPECT_EQ(test, lookup_err(VT "/d/f/", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/d/f/.", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/d/f//", 0), -ENOTDIR);
}

static void missing_names_and_files_in_the_middle_fail(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/nope", 0), -ENOENT);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/nope/x", 0), -ENOENT);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/f/x", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(test, lookup_err("", 0), -ENOENT);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/f", LOOKUP_DIRECTORY), -ENOTDIR);
}

static void symlinks_are_followed_in_the_middle_and_at_the_end(struct ktest *test)
{
	struct kstat st;

	KTEST_ASSERT_EQ(test, init_mkdir(VT "/dir", 0755), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/dir/f"), 0);
	KTEST_ASSERT_EQ(test, init_symlink("dir", VT "/rel"), 0);
	KTEST_ASSERT_EQ(test, init_symlink(VT "/dir", VT "/abs"), 0);
	KTEST_ASSERT_EQ(test, init_symlink("../../vt/dir/f", VT "/dir/up"), 0);
	KTEST_EXPECT_TRUE(test, same_place(VT "/rel/f", VT "/dir/f"));
	KTEST_EXPECT_TRUE(test, same_place(VT "/abs/f", VT "/dir/f"));
	KTEST_EXPECT_TRUE(test, same_place(VT "/rel", VT "/dir"));
	KTEST_EXPECT_TRUE(test, same_place(VT "/abs/up", VT "/dir/f"));
	KTEST_EXPECT_TRUE(test, same_place(VT "/rel/", VT "/dir"));
	/* not followed at the end without LOOKUP_FOLLOW */
	KTEST_EXPECT_EQ(test, init_stat(VT "/rel", &st, AT_SYMLINK_NOFOLLOW), 0);
	KTEST_EXPECT_TRUE(test, S_ISLNK(st.mode));
	KTEST_EXPECT_EQ(test, st.size, 3);
	KTEST_EXPECT_EQ(test, init_stat(VT "/rel", &st, 0), 0);
	KTEST_EXPECT_TRUE(test, S_ISDIR(st.mode));
	/* a dangling link */
	KTEST_ASSERT_EQ(test, init_symlink("nowhere", VT "/dangling"), 0);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/dangling", LOOKUP_FOLLOW), -ENOENT);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/dangling", 0), 0);
}

static void symlink_loops_end_in_eloop(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, init_symlink("b", VT "/a"), 0);
	KTEST_ASSERT_EQ(test, init_symlink("a", VT "/b"), 0);
	KTEST_ASSERT_EQ(test, init_symlink("self/x", VT "/self"), 0);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/a", LOOKUP_FOLLOW), -ELOOP);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/a/x", 0), -ELOOP);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/self", LOOKUP_FOLLOW), -ELOOP);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/a", 0), 0);
}

/* l0 -> l1 -> ... -> l(n-1) -> f: @n links to follow from l0. */
static void make_chain(struct ktest *test, int n)
{
	char name[32], target[32];
	int i;

	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), VT "/l%d", i);
		if (i == n - 1)
			snprintf(target, sizeof(target), "f");
		else
			snprintf(target, sizeof(target), "l%d", i + 1);
		KTEST_ASSERT_EQ(test, init_symlink(target, name), 0);
	}
}

static void forty_symlinks_resolve_and_forty_one_are_eloop(struct ktest *test)
{
	make_chain(test, 41);
	KTEST_EXPECT_TRUE(test, same_place(VT "/l1", VT "/f"));		/* 40 links */
	KTEST_EXPECT_EQ(test, lookup_err(VT "/l0", LOOKUP_FOLLOW), -ELOOP);	/* 41 */
}

static void long_names_are_enametoolong(struct ktest *test)
{
	char *name = kmalloc(PATH_MAX + 16, GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(test, name);
	strscpy(name, VT "/", PATH_MAX);
	memset(name + 4, 'x', NAME_MAX + 1);
	name[4 + NAME_MAX + 1] = '\0';
	KTEST_EXPECT_EQ(test, lookup_err(name, 0), -ENAMETOOLONG);
	KTEST_EXPECT_EQ(test, init_mkdir(name, 0755), -ENAMETOOLONG);
	name[4 + NAME_MAX] = '\0';			/* 255 bytes: a legal name */
	KTEST_EXPECT_EQ(test, lookup_err(name, 0), -ENOENT);
	KTEST_EXPECT_EQ(test, init_mkdir(name, 0755), 0);
	KTEST_EXPECT_EQ(test, init_rmdir(name), 0);
	/* PATH_MAX bytes with the NUL is too long; one less is a name again */
	memset(name, '/', PATH_MAX);
	name[PATH_MAX] = '\0';
	KTEST_EXPECT_EQ(test, lookup_err(name, 0), -ENAMETOOLONG);
	name[PATH_MAX - 1] = '\0';
	KTEST_EXPECT_EQ(test, lookup_err(name, 0), 0);
	kfree(name);
}

static void search_permission_is_checked_for_users_not_root(struct ktest *test)
{
	const struct cred *old;

	KTEST_ASSERT_EQ(test, init_mkdir(VT "/private", 0700), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/private/f"), 0);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/open", 0755), 0);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/private/f", 0), 0);	/* root */
	old = override_creds(&vfs_test_user_cred);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/private/f", 0), -EACCES);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/private", 0), 0);		/* the dir itself */
	KTEST_EXPECT_EQ(test, lookup_err(VT "/open", 0), 0);
	KTEST_EXPECT_EQ(test, init_mkdir(VT "/open/x", 0755), -EACCES);	/* no write */
	revert_creds(old);
	/* the owner passes, others need the x bit */
	KTEST_EXPECT_EQ(test, init_chown(VT "/private", 1000, 1000, 0), 0);
	old = override_creds(&vfs_test_user_cred);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/private/f", 0), 0);
	revert_creds(old);
}

static void mounts_are_crossed_and_hide_what_is_below(struct ktest *test)
{
	struct kstatfs st;
	struct path p;

	KTEST_ASSERT_EQ(test, init_mkdir(VT "/m", 0755), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/m/under"), 0);
	KTEST_ASSERT_EQ(test, init_mount("none", VT "/m", "tmpfs", 0, "nr_inodes=7"), 0);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/m/under", 0), -ENOENT);
	KTEST_EXPECT_EQ(test, vt_create(VT "/m/over"), 0);
	KTEST_EXPECT_EQ(test, ksys_statfs(VT "/m", &st), 0);
	KTEST_EXPECT_EQ(test, st.f_files, 7ULL);
	KTEST_EXPECT_TRUE(test, same_place(VT "/m/..", VT));
	KTEST_EXPECT_EQ(test, init_mkdir(VT "/m/sub", 0755), 0);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/m/over/..", 0), -ENOTDIR);
	KTEST_EXPECT_TRUE(test, same_place(VT "/m/sub/..", VT "/m"));
	KTEST_EXPECT_TRUE(test, same_place(VT "/m/sub/../..", VT));
	KTEST_EXPECT_TRUE(test, same_place(VT "/m/sub/../../m/over", VT "/m/over"));
	/* busy while something holds it, or something is mounted on it */
	KTEST_ASSERT_EQ(test, kern_path(VT "/m/over", 0, &p), 0);
	KTEST_EXPECT_EQ(test, init_umount(VT "/m", 0), -EBUSY);
	path_put(&p);
	KTEST_EXPECT_EQ(test, init_umount(VT "/m/over", 0), -EINVAL);	/* not a mount */
	KTEST_EXPECT_EQ(test, init_rmdir(VT "/m"), -EBUSY);
	KTEST_EXPECT_EQ(test, init_umount(VT "/m", 0), 0);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/m/under", 0), 0);
	KTEST_EXPECT_EQ(test, init_umount("/", 0), -EINVAL);
}

static void mount_errors_are_linuxs(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/m", 0755), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/f"), 0);
	KTEST_EXPECT_EQ(test, init_mount("x", VT "/m", "nosuchfs", 0, NULL), -ENODEV);
	KTEST_EXPECT_EQ(test, init_mount("x", VT "/m", "tmpfs", 0, "bogus=1"), -EINVAL);
	KTEST_EXPECT_EQ(test, init_mount("x", VT "/m", "tmpfs", 0, "size=1q"), -EINVAL);
	KTEST_EXPECT_EQ(test, init_mount("x", VT "/f", "tmpfs", 0, NULL), -ENOTDIR);
	KTEST_EXPECT_EQ(test, init_mount("x", VT "/nope", "tmpfs", 0, NULL), -ENOENT);
}

static void bind_mounts_show_the_same_tree(struct ktest *test)
{
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/src", 0755), 0);
	KTEST_ASSERT_EQ(test, init_mkdir(VT "/dst", 0755), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/src/f"), 0);
	KTEST_ASSERT_EQ(test, init_mount(VT "/src", VT "/dst", NULL, MS_BIND, NULL), 0);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/dst/f", 0), 0);
	KTEST_EXPECT_EQ(test, init_umount(VT "/dst", 0), 0);
	KTEST_EXPECT_EQ(test, lookup_err(VT "/dst/f", 0), -ENOENT);
}

static void d_path_names_a_file_across_mounts(struct ktest *test)
{
	char buf[64];
	struct path p;
	char *s;

	KTEST_ASSERT_EQ(test, init_mkdir(VT "/a", 0755), 0);
	KTEST_ASSERT_EQ(test, vt_create(VT "/a/f"), 0);
	KTEST_ASSERT_EQ(test, kern_path(VT "/a/f", 0, &p), 0);
	s = d_path(&p, buf, sizeof(buf));
	KTEST_EXPECT_FALSE(test, IS_ERR(s));
	if (!IS_ERR(s))
		KTEST_EXPECT_STREQ(test, s, VT "/a/f");
	s = dentry_path_raw(p.dentry, buf, sizeof(buf));
	if (!IS_ERR(s))
		KTEST_EXPECT_STREQ(test, s, "/a/f");
	KTEST_EXPECT_PTR_EQ(test, d_path(&p, buf, 6), ERR_PTR(-ENAMETOOLONG));
	path_put(&p);
	KTEST_ASSERT_EQ(test, kern_path("/", 0, &p), 0);
	s = d_path(&p, buf, sizeof(buf));
	if (!IS_ERR(s))
		KTEST_EXPECT_STREQ(test, s, "/");
	path_put(&p);
}

static struct ktest_case namei_cases[] = {
	KTEST_CASE(absolute_relative_and_dotted_names_find_the_same_file),
	KTEST_CASE(dotdot_stays_at_the_root_and_leaves_a_mount),
	KTEST_CASE(repeated_and_trailing_slashes_work_as_linux),
	KTEST_CASE(missing_names_and_files_in_the_middle_fail),
	KTEST_CASE(symlinks_are_followed_in_the_middle_and_at_the_end),
	KTEST_CASE(symlink_loops_end_in_eloop),
	KTEST_CASE(forty_symlinks_resolve_and_forty_one_are_eloop),
	KTEST_CASE(long_names_are_enametoolong),
	KTEST_CASE(search_permission_is_checked_for_users_not_root),
	KTEST_CASE(mounts_are_crossed_and_hide_what_is_below),
	KTEST_CASE(mount_errors_are_linuxs),
	KTEST_CASE(bind_mounts_show_the_same_tree),
	KTEST_CASE(d_path_names_a_file_across_mounts),
	{}
};

static struct ktest_suite namei_suite = {
	.name = "namei",
	.init = vfs_suite_init,
	.exit = vfs_suite_exit,
	.test_cases = namei_cases,
};
ktest_register_suite(namei_suite);
