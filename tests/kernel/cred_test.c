// SPDX-License-Identifier: GPL-2.0
/*
 * The cred suite: kernel/cred.c's refcounts and commit protocol,
 * kernel/groups.c's sorted groups and in_group_p(), and
 * kernel/capability.c's rules (capable(), the set*id fix-ups, exec's
 * creds), kernel/ptrace.c's ptrace_may_access(), with the set*id calls through their table entries as the
 * system-call entry calls them. Each case that changes the running
 * thread's creds puts root's back (restore_root()), so the suites after
 * it run as init_cred's equal.
 */
#include <linux/ktest.h>
#include <linux/cred.h>
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/ptrace.h>
#include <asm/ptrace.h>

long __x64_sys_setuid(const struct pt_regs *regs);
long __x64_sys_setreuid(const struct pt_regs *regs);
long __x64_sys_setresuid(const struct pt_regs *regs);
long __x64_sys_setresgid(const struct pt_regs *regs);
long __x64_sys_setfsuid(const struct pt_regs *regs);
long __x64_sys_setgroups(const struct pt_regs *regs);

#define NOCHG	((unsigned long)(u32)-1)

static long call3(long (*fn)(const struct pt_regs *), unsigned long a, unsigned long b,
		  unsigned long c)
{
	struct pt_regs regs = { .di = a, .si = b, .dx = c };

	return fn(&regs);
}

/* Back to root's ids, capabilities and (no) groups, through a commit. */
static void restore_root(struct ktest *test)
{
	struct cred *new = prepare_creds();

	KTEST_ASSERT_NOT_NULL(test, new);
	new->uid = new->euid = new->suid = new->fsuid = 0;
	new->gid = new->egid = new->sgid = new->fsgid = 0;
	new->securebits = 0;
	new->cap_permitted = new->cap_effective = new->cap_bset = CAP_FULL_SET;
	new->cap_inheritable = new->cap_ambient = CAP_EMPTY_SET;
	set_groups(new, &init_groups);
	commit_creds(new);
}

static bool ids_are(const struct cred *c, uid_t r, uid_t e, uid_t s, uid_t fs)
{
	return c->uid == r && c->euid == e && c->suid == s && c->fsuid == fs;
}

static void prepare_creds_copies_with_its_own_count(struct ktest *test)
{
	const struct cred *cur = current_cred();
	int groups = atomic_read(&cur->group_info->usage);
	struct cred *new = prepare_creds();

	KTEST_ASSERT_NOT_NULL(test, new);
	KTEST_EXPECT_EQ(test, atomic_read(&new->usage), 1);
	KTEST_EXPECT_TRUE(test, ids_are(new, cur->uid, cur->euid, cur->suid, cur->fsuid));
	KTEST_EXPECT_EQ(test, new->cap_effective.val, cur->cap_effective.val);
	KTEST_EXPECT_PTR_EQ(test, new->group_info, cur->group_info);
	KTEST_EXPECT_EQ(test, atomic_read(&cur->group_info->usage), groups + 1);
	abort_creds(new);
	KTEST_EXPECT_EQ(test, atomic_read(&cur->group_info->usage), groups);
}

static void commit_creds_installs_new_and_puts_old(struct ktest *test)
{
	const struct cred *old = get_cred(current->real_cred);
	int before = atomic_read(&old->usage);
	struct cred *new = prepare_creds();

	KTEST_ASSERT_NOT_NULL(test, new);
	new->fsuid = 77;
	commit_creds(new);
	KTEST_EXPECT_PTR_EQ(test, current->real_cred, (const struct cred *)new);
	KTEST_EXPECT_PTR_EQ(test, current->cred, (const struct cred *)new);
	KTEST_EXPECT_EQ(test, current_fsuid(), 77u);
	KTEST_EXPECT_EQ(test, atomic_read(&old->usage), before - 1);
	restore_root(test);
	put_cred(old);
}

static void get_task_cred_holds_a_reference(struct ktest *test)
{
	const struct cred *c = get_task_cred(current);
	int n = atomic_read(&c->usage);

	KTEST_EXPECT_PTR_EQ(test, c, current->real_cred);
	KTEST_EXPECT_GE(test, n, 2);
	put_cred(c);
	KTEST_EXPECT_EQ(test, atomic_read(&c->usage), n - 1);
}

static void copy_creds_shares_the_parents(struct ktest *test)
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);
	const struct cred *mine = current->real_cred;
	int n = atomic_read(&mine->usage);

	KTEST_ASSERT_NOT_NULL(test, p);
	copy_creds(p);
	KTEST_EXPECT_PTR_EQ(test, p->real_cred, mine);
	KTEST_EXPECT_PTR_EQ(test, p->cred, mine);
	KTEST_EXPECT_EQ(test, atomic_read(&mine->usage), n + 1);
	exit_creds(p);
	KTEST_EXPECT_EQ(test, atomic_read(&mine->usage), n);
	KTEST_EXPECT_NULL(test, p->real_cred);
	kfree(p);
}

static void override_creds_changes_what_capable_sees(struct ktest *test)
{
	static struct cred user = { .uid = 1000, .euid = 1000, .fsuid = 1000,
				    .group_info = &init_groups };
	const struct cred *old;

	KTEST_EXPECT_TRUE(test, capable(CAP_SYS_ADMIN));
	old = override_creds(&user);
	KTEST_EXPECT_FALSE(test, capable(CAP_SYS_ADMIN));
	KTEST_EXPECT_TRUE(test, has_capability(current, CAP_SYS_ADMIN));	/* objective */
	revert_creds(old);
	KTEST_EXPECT_TRUE(test, capable(CAP_SYS_ADMIN));
}

/* ---- set*id through the calls ---- */

static void setresuid_to_a_user_drops_every_capability(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setresuid, 1000, 1000, 1000), 0L);
	KTEST_EXPECT_TRUE(test, ids_are(current_cred(), 1000, 1000, 1000, 1000));
	KTEST_EXPECT_TRUE(test, cap_isclear(current_cred()->cap_permitted));
	KTEST_EXPECT_TRUE(test, cap_isclear(current_cred()->cap_effective));
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setuid, 0, 0, 0), (long)-EPERM);
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setresuid, NOCHG, 0, NOCHG), (long)-EPERM);
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setresgid, 5, NOCHG, NOCHG), (long)-EPERM);
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setgroups, 0, 0, 0), (long)-EPERM);
	restore_root(test);
}

static void saved_root_uid_brings_capabilities_back(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setresuid, 1000, 1000, 0), 0L);
	KTEST_EXPECT_TRUE(test, cap_isclear(current_cred()->cap_effective));
	KTEST_EXPECT_EQ(test, current_cred()->cap_permitted.val, CAP_FULL_SET.val);
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setreuid, NOCHG, 0, 0), 0L);
	KTEST_EXPECT_TRUE(test, ids_are(current_cred(), 1000, 0, 0, 0));
	KTEST_EXPECT_EQ(test, current_cred()->cap_effective.val, CAP_FULL_SET.val);
	restore_root(test);
}

static void setreuid_moves_the_saved_uid(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setreuid, 1000, 2000, 0), 0L);
	KTEST_EXPECT_TRUE(test, ids_are(current_cred(), 1000, 2000, 2000, 2000));
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setreuid, NOCHG, 1000, 0), 0L);
	KTEST_EXPECT_TRUE(test, ids_are(current_cred(), 1000, 1000, 2000, 1000));
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setreuid, 3000, NOCHG, 0), (long)-EPERM);
	restore_root(test);
}

static void setuid_of_a_user_changes_the_effective_uid_only(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setresuid, 1000, 2000, 3000), 0L);
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setuid, 3000, 0, 0), 0L);
	KTEST_EXPECT_TRUE(test, ids_are(current_cred(), 1000, 3000, 3000, 3000));
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setuid, 2000, 0, 0), (long)-EPERM);
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setuid, NOCHG, 0, 0), (long)-EINVAL);
	restore_root(test);
}

static void setfsuid_returns_the_old_and_moves_fs_capabilities(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setfsuid, 500, 0, 0), 0L);
	KTEST_EXPECT_EQ(test, current_fsuid(), 500u);
	KTEST_EXPECT_FALSE(test, capable(CAP_DAC_OVERRIDE));
	KTEST_EXPECT_TRUE(test, capable(CAP_SYS_ADMIN));
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setfsuid, NOCHG, 0, 0), 500L);
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setfsuid, 0, 0, 0), 500L);
	KTEST_EXPECT_TRUE(test, capable(CAP_DAC_OVERRIDE));
	restore_root(test);
}

static void setgroups_over_ngroups_max_is_einval(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setgroups, NGROUPS_MAX + 1, 0, 0), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, call3(__x64_sys_setgroups, (unsigned long)-1, 0, 0), (long)-EINVAL);
}

/* ---- groups ---- */

static void groups_are_sorted_and_searched(struct ktest *test)
{
	static const gid_t gids[] = { 900, 5, 77, 5000, 6 };
	struct group_info *gi = groups_alloc(ARRAY_SIZE(gids));
	struct cred *new;
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(test, gi);
	for (i = 0; i < ARRAY_SIZE(gids); i++)
		gi->gid[i] = gids[i];
	groups_sort(gi);
	for (i = 1; i < ARRAY_SIZE(gids); i++)
		KTEST_EXPECT_LT(test, gi->gid[i - 1], gi->gid[i]);
	for (i = 0; i < ARRAY_SIZE(gids); i++)
		KTEST_EXPECT_TRUE(test, groups_search(gi, gids[i]));
	KTEST_EXPECT_FALSE(test, groups_search(gi, 78));
	KTEST_EXPECT_FALSE(test, groups_search(NULL, 5));
	new = prepare_creds();
	KTEST_ASSERT_NOT_NULL(test, new);
	set_groups(new, gi);
	put_group_info(gi);
	new->fsgid = 42;
	commit_creds(new);
	KTEST_EXPECT_TRUE(test, in_group_p(42));
	KTEST_EXPECT_TRUE(test, in_group_p(5000));
	KTEST_EXPECT_FALSE(test, in_group_p(0));
	KTEST_EXPECT_FALSE(test, in_egroup_p(42));	/* egid is still 0 */
	KTEST_EXPECT_TRUE(test, in_egroup_p(0));
	restore_root(test);
}

/* ---- the rules of commoncap ---- */

static void fix_setuid_rules(struct ktest *test)
{
	struct cred old = init_cred, new = init_cred;

	new.uid = new.euid = new.suid = 1000;
	cap_task_fix_setuid(&new, &old, LSM_SETID_RES);
	KTEST_EXPECT_TRUE(test, cap_isclear(new.cap_permitted));
	KTEST_EXPECT_TRUE(test, cap_isclear(new.cap_effective));

	new = init_cred;
	new.securebits = issecure_mask(SECURE_KEEP_CAPS);
	new.uid = new.euid = new.suid = 1000;
	cap_task_fix_setuid(&new, &old, LSM_SETID_RES);
	KTEST_EXPECT_EQ(test, new.cap_permitted.val, CAP_FULL_SET.val);	/* kept */
	KTEST_EXPECT_TRUE(test, cap_isclear(new.cap_effective));	/* euid left 0 */

	new = init_cred;
	new.fsuid = 1000;
	cap_task_fix_setuid(&new, &old, LSM_SETID_FS);
	KTEST_EXPECT_FALSE(test, cap_raised(new.cap_effective, CAP_CHOWN));
	KTEST_EXPECT_FALSE(test, cap_raised(new.cap_effective, CAP_FOWNER));
	KTEST_EXPECT_TRUE(test, cap_raised(new.cap_effective, CAP_KILL));
}

static void exec_creds_rules(struct ktest *test)
{
	struct cred user = init_cred, new;
	const struct cred *saved;

	user.uid = user.euid = user.suid = user.fsuid = 1000;
	user.gid = user.egid = user.sgid = user.fsgid = 1000;
	user.cap_permitted = user.cap_effective = CAP_EMPTY_SET;

	new = init_cred;	/* root, a plain file: everything, not secure */
	KTEST_EXPECT_FALSE(test, cap_bprm_creds(&new, 0755, 1000, 1000, false));
	KTEST_EXPECT_EQ(test, new.cap_effective.val, CAP_FULL_SET.val);

	saved = override_creds(&user);
	new = user;		/* a user, a plain file: nothing */
	KTEST_EXPECT_FALSE(test, cap_bprm_creds(&new, 0755, 0, 0, false));
	KTEST_EXPECT_TRUE(test, cap_isclear(new.cap_permitted));

	new = user;		/* a user, setuid root: euid 0, every capability, secure */
	KTEST_EXPECT_TRUE(test, cap_bprm_creds(&new, S_ISUID | 0755, 0, 0, false));
	KTEST_EXPECT_TRUE(test, ids_are(&new, 1000, 0, 0, 0));
	KTEST_EXPECT_EQ(test, new.cap_effective.val, CAP_FULL_SET.val);

	new = user;		/* no_new_privs: the bit is ignored */
	KTEST_EXPECT_FALSE(test, cap_bprm_creds(&new, S_ISUID | 0755, 0, 0, true));
	KTEST_EXPECT_TRUE(test, ids_are(&new, 1000, 1000, 1000, 1000));

	new = user;		/* setgid without group execute: not a setgid program */
	KTEST_EXPECT_FALSE(test, cap_bprm_creds(&new, S_ISGID | 0705, 0, 50, false));
	KTEST_EXPECT_EQ(test, new.egid, 1000u);
	new = user;
	KTEST_EXPECT_TRUE(test, cap_bprm_creds(&new, S_ISGID | 0755, 0, 50, false));
	KTEST_EXPECT_EQ(test, new.egid, 50u);
	KTEST_EXPECT_EQ(test, new.sgid, 50u);
	revert_creds(saved);
}

static void ptrace_may_access_needs_same_user_or_cap_sys_ptrace(struct ktest *test)
{
	static struct cred user = { .uid = 1000, .euid = 1000, .fsuid = 1000,
				    .group_info = &init_groups };
	struct task_struct *init = find_get_task_by_vpid(2);	/* kthreadd: root, not us */
	const struct cred *old;

	KTEST_ASSERT_NOT_NULL(test, init);
	KTEST_EXPECT_TRUE(test, ptrace_may_access(current, PTRACE_MODE_READ_FSCREDS));
	KTEST_EXPECT_TRUE(test, ptrace_may_access(init, PTRACE_MODE_ATTACH_REALCREDS));
	old = override_creds(&user);
	KTEST_EXPECT_TRUE(test, ptrace_may_access(current, PTRACE_MODE_READ_FSCREDS));
	KTEST_EXPECT_FALSE(test, ptrace_may_access(init, PTRACE_MODE_READ_FSCREDS));
	KTEST_EXPECT_FALSE(test, ptrace_may_access(init, PTRACE_MODE_ATTACH_REALCREDS));
	revert_creds(old);
	put_task_struct(init);
}

static struct ktest_case cred_cases[] = {
	KTEST_CASE(prepare_creds_copies_with_its_own_count),
	KTEST_CASE(commit_creds_installs_new_and_puts_old),
	KTEST_CASE(get_task_cred_holds_a_reference),
	KTEST_CASE(copy_creds_shares_the_parents),
	KTEST_CASE(override_creds_changes_what_capable_sees),
	KTEST_CASE(setresuid_to_a_user_drops_every_capability),
	KTEST_CASE(saved_root_uid_brings_capabilities_back),
	KTEST_CASE(setreuid_moves_the_saved_uid),
	KTEST_CASE(setuid_of_a_user_changes_the_effective_uid_only),
	KTEST_CASE(setfsuid_returns_the_old_and_moves_fs_capabilities),
	KTEST_CASE(setgroups_over_ngroups_max_is_einval),
	KTEST_CASE(groups_are_sorted_and_searched),
	KTEST_CASE(fix_setuid_rules),
	KTEST_CASE(exec_creds_rules),
	KTEST_CASE(ptrace_may_access_needs_same_user_or_cap_sys_ptrace),
	{}
};

static struct ktest_suite cred_suite = {
	.name = "cred",
	/* exact reference counts, and a thread that must get root back: no injected failures */
	.init = ktest_pause_fault_injection,
	.exit = ktest_resume_fault_injection,
	.test_cases = cred_cases,
};
ktest_register_suite(cred_suite);
