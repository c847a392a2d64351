// SPDX-License-Identifier: GPL-2.0
/*
 * cred_calls: credentials with Linux's rules. The set*id calls as root
 * and as a user (each case in a child that drops root first, so the
 * parent stays root), setfsuid, getgroups/setgroups and what groups
 * grant, capget/capset and the capabilities the uid changes take away,
 * prctl's options (name, parent-death signal, dumpable, THP-disable,
 * no_new_privs, the bounding set), raising a hard limit as a user, and
 * exec's rules: a setuid-root copy of this program run by a user gets
 * euid 0 and AT_SECURE, unless no_new_privs is set; THP-disable survives
 * exec. The exec'd copy reports through its exit code (--report).
 * /proc/self/exe; process_vm_readv/writev and /proc/PID/mem with the
 * ptrace access rule (same user and dumpable, or CAP_SYS_PTRACE);
 * pidfd_open and process_madvise through a pidfd; clone(CLONE_PIDFD) and
 * waitid(P_PIDFD); pidfd_send_signal; the parent-death signal delivered;
 * process_mrelease; pidfd_getfd.
 */
#define _GNU_SOURCE
#include <grp.h>
#include <sched.h>
#include <sys/auxv.h>
#include <sys/fsuid.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include "utest.h"

#define USER		1000
#define GROUP		1000
#define SUID_COPY	"/tmp/cred_calls_suid"
#define GROUP_FILE	"/tmp/cred_calls_group"

/* The capget()/capset() ABI (linux/capability.h), here so musl builds it too. */
#define CAP_V1		0x19980330
#define CAP_V3		0x20080522
#define CAP_SETUID_BIT	7
#define CAP_SYS_ADMIN_N	21
#define CAP_SYS_BOOT_N	22
#define CAP_DAC_OVERRIDE_N 1
#define CAP_LAST	40

struct cap_header {
	unsigned int version;
	int pid;
};

struct cap_data {
	unsigned int effective, permitted, inheritable;
};

static const char *self;	/* this program's path (argv[0]) */

static void child_case(int (*fn)(void *), const char *desc);

static long capget_raw(struct cap_header *h, struct cap_data *d)
{
	return syscall(SYS_capget, h, d);
}

static long capset_raw(struct cap_header *h, const struct cap_data *d)
{
	return syscall(SYS_capset, h, d);
}

/* The caller's three sets as 64-bit masks; false if capget fails. */
static bool caps(unsigned long long *eff, unsigned long long *prm, unsigned long long *inh)
{
	struct cap_header h = { CAP_V3, 0 };
	struct cap_data d[2];

	if (capget_raw(&h, d))
		return false;
	*eff = d[0].effective | (unsigned long long)d[1].effective << 32;
	*prm = d[0].permitted | (unsigned long long)d[1].permitted << 32;
	*inh = d[0].inheritable | (unsigned long long)d[1].inheritable << 32;
	return true;
}

static bool has_cap(int cap)
{
	unsigned long long e, p, i;

	return caps(&e, &p, &i) && (e >> cap & 1);
}

static bool resuid_is(uid_t r, uid_t e, uid_t s)
{
	uid_t a, b, c;

	return !getresuid(&a, &b, &c) && a == r && b == e && c == s;
}

static bool resgid_is(gid_t r, gid_t e, gid_t s)
{
	gid_t a, b, c;

	return !getresgid(&a, &b, &c) && a == r && b == e && c == s;
}

/* The four ids of /proc/self/status's @field ("Uid:" or "Gid:") match? */
static bool status_ids(const char *field, unsigned int r, unsigned int e, unsigned int s,
		       unsigned int fs)
{
	char buf[4096], *p;
	unsigned int a, b, c, d;
	int fd = open("/proc/self/status", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return false;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	p = strstr(buf, field);
	if (!p || sscanf(p + strlen(field), "%u %u %u %u", &a, &b, &c, &d) != 4)
		return false;
	return a == r && b == e && c == s && d == fs;
}

/* Become the user: groups, gids, then uids. */
static int become_user(void)
{
	if (setgroups(0, NULL) || setresgid(GROUP, GROUP, GROUP) ||
	    setresuid(USER, USER, USER))
		return -1;
	return 0;
}

#define CHECK(step, cond) do { if (!(cond)) return (step); } while (0)

/* ---- set*id ---- */

static int user_cannot_regain_root(void *arg)
{
	unsigned long long e, p, i;

	CHECK(1, !become_user());
	CHECK(2, resuid_is(USER, USER, USER) && resgid_is(GROUP, GROUP, GROUP));
	CHECK(3, setuid(0) == -1 && errno == EPERM);
	CHECK(4, setresuid(-1, 0, -1) == -1 && errno == EPERM);
	CHECK(5, setreuid(0, -1) == -1 && errno == EPERM);
	CHECK(6, setgid(0) == -1 && errno == EPERM);
	CHECK(7, setresgid(0, -1, -1) == -1 && errno == EPERM);
	CHECK(8, caps(&e, &p, &i) && !e && !p && !i);
	CHECK(9, setuid(USER) == 0 && resuid_is(USER, USER, USER));
	return 0;
}

static int saved_root_regains_caps(void *arg)
{
	unsigned long long e, p, i;

	CHECK(1, setresuid(USER, USER, 0) == 0);
	CHECK(2, caps(&e, &p, &i) && !e && p);		/* a root saved uid keeps permitted */
	CHECK(3, setreuid(-1, 0) == 0 && geteuid() == 0);
	CHECK(4, caps(&e, &p, &i) && e == p && (e >> CAP_SETUID_BIT & 1));
	CHECK(5, setresuid(-1, -1, USER) == 0);	/* privileged again: allowed */
	CHECK(6, setuid(USER) == 0 && resuid_is(USER, USER, USER));
	CHECK(7, caps(&e, &p, &i) && !e && !p);
	return 0;
}

static int setreuid_rules(void *arg)
{
	CHECK(1, setreuid(USER, 2000) == 0 && resuid_is(USER, 2000, 2000));
	CHECK(2, setreuid(-1, USER) == 0 && resuid_is(USER, USER, 2000));
	CHECK(3, setreuid(-1, 2000) == 0 && resuid_is(USER, 2000, 2000));
	CHECK(4, setreuid(3000, -1) == -1 && errno == EPERM);
	CHECK(5, setreuid(2000, -1) == 0 && resuid_is(2000, 2000, 2000));
	return 0;
}

static int setuid_as_user_sets_euid_only(void *arg)
{
	CHECK(1, setresuid(USER, 2000, 3000) == 0);
	CHECK(2, status_ids("Uid:", USER, 2000, 3000, 2000));
	CHECK(3, setuid(3000) == 0 && resuid_is(USER, 3000, 3000));
	CHECK(4, setuid(2000) == -1 && errno == EPERM);
	CHECK(5, setuid(USER) == 0 && resuid_is(USER, USER, 3000));
	return 0;
}

static int setresgid_rules(void *arg)
{
	CHECK(1, setresgid(GROUP, 2000, 3000) == 0 && resgid_is(GROUP, 2000, 3000));
	CHECK(2, status_ids("Gid:", GROUP, 2000, 3000, 2000));
	CHECK(3, setresuid(USER, USER, USER) == 0);
	CHECK(4, setresgid(3000, GROUP, 2000) == 0 && resgid_is(3000, GROUP, 2000));
	CHECK(5, setresgid(4000, -1, -1) == -1 && errno == EPERM);
	CHECK(6, setregid(-1, 2000) == 0 && resgid_is(3000, 2000, 2000));
	CHECK(7, setgid(3000) == 0 && resgid_is(3000, 3000, 2000));
	CHECK(8, setgid(4000) == -1 && errno == EPERM);
	return 0;
}

static int setfsuid_rules(void *arg)
{
	CHECK(1, setfsuid(1234) == 0);
	CHECK(2, setfsuid(-1) == 1234);		/* a query: no change */
	CHECK(3, status_ids("Uid:", 0, 0, 0, 1234));
	CHECK(4, !has_cap(CAP_DAC_OVERRIDE_N) && has_cap(CAP_SYS_ADMIN_N));
	CHECK(5, setfsuid(0) == 1234 && has_cap(CAP_DAC_OVERRIDE_N));
	CHECK(6, !become_user());
	CHECK(7, setfsuid(0) == USER && setfsuid(-1) == USER);	/* refused: unchanged */
	CHECK(8, setfsgid(0) == GROUP && setfsgid(-1) == GROUP);
	return 0;
}

/* ---- groups ---- */

static int groups_rules(void *arg)
{
	gid_t set[3] = { 50, 30, 70 }, got[4];

	CHECK(1, setgroups(3, set) == 0);
	CHECK(2, getgroups(0, NULL) == 3);
	CHECK(3, getgroups(4, got) == 3);
	CHECK(4, (got[0] == 30 && got[1] == 50 && got[2] == 70) ||
		 (got[0] == 50 && got[1] == 30 && got[2] == 70));
	CHECK(5, getgroups(1, got) == -1 && errno == EINVAL);
	CHECK(6, syscall(SYS_getgroups, -1, got) == -1 && errno == EINVAL);
	CHECK(7, syscall(SYS_setgroups, 65537, got) == -1 && errno == EINVAL);
	CHECK(8, !become_user());
	CHECK(9, setgroups(0, NULL) == -1 && errno == EPERM);
	return 0;
}

/* A file of group 4242, mode 0640: readable by a member of the group only. */
static int group_grants_access(void *arg)
{
	gid_t g = 4242;
	int fd;

	CHECK(1, setgroups(1, &g) == 0 && !setresgid(GROUP, GROUP, GROUP) &&
		 !setresuid(USER, USER, USER));
	fd = open(GROUP_FILE, O_RDONLY);
	CHECK(2, fd >= 0);
	close(fd);
	CHECK(3, open(GROUP_FILE, O_WRONLY) == -1 && errno == EACCES);
	return 0;
}

static int no_group_no_access(void *arg)
{
	CHECK(1, !become_user());
	CHECK(2, open(GROUP_FILE, O_RDONLY) == -1 && errno == EACCES);
	return 0;
}

/* ---- capget/capset ---- */

static void capget_calls(void)
{
	struct cap_header h = { 0, 0 };
	struct cap_data d[2];
	unsigned long long e, p, i;

	ksft_test_result(capget_raw(&h, NULL) == 0 && h.version == CAP_V3,
			 "capget with an unknown version and no data: 0, the kernel's version back");
	h.version = 0x12345678;
	expect_errno(capget_raw(&h, d), EINVAL, "capget with an unknown version: EINVAL");
	ksft_test_result(caps(&e, &p, &i) && e == (1ULL << (CAP_LAST + 1)) - 1 && e == p && !i,
			 "root's capabilities: every one effective and permitted, none inheritable");
	h = (struct cap_header){ CAP_V3, -1 };
	expect_errno(capget_raw(&h, d), EINVAL, "capget of pid -1: EINVAL");
	h = (struct cap_header){ CAP_V3, 0x3fffffff };
	expect_errno(capget_raw(&h, d), ESRCH, "capget of a pid that does not exist: ESRCH");
	h = (struct cap_header){ CAP_V3, getppid() };
	ksft_test_result(capget_raw(&h, d) == 0 && d[0].effective == ~0U,
			 "capget of another process (the parent) reads its sets");
}

static int capset_rules(void *arg)
{
	struct cap_header h = { CAP_V3, 0 };
	struct cap_data d[2];
	unsigned long long e, p, i;

	CHECK(1, capget_raw(&h, d) == 0);
	d[0].effective &= ~(1U << CAP_SYS_BOOT_N);
	CHECK(2, capset_raw(&h, d) == 0 && !has_cap(CAP_SYS_BOOT_N));
	CHECK(3, syscall(SYS_reboot, 0xfee1dead, 672274793, 0, NULL) == -1 && errno == EPERM);
	d[0].effective |= 1U << CAP_SYS_BOOT_N;
	CHECK(4, capset_raw(&h, d) == 0 && has_cap(CAP_SYS_BOOT_N));	/* still permitted */
	d[0].permitted &= ~(1U << CAP_SYS_BOOT_N);
	CHECK(5, capset_raw(&h, d) == -1 && errno == EPERM);	/* effective beyond permitted */
	d[0].effective &= ~(1U << CAP_SYS_BOOT_N);
	CHECK(6, capset_raw(&h, d) == 0);
	d[0].permitted |= 1U << CAP_SYS_BOOT_N;
	CHECK(7, capset_raw(&h, d) == -1 && errno == EPERM);	/* permitted cannot grow */
	h.pid = getppid();
	CHECK(8, capset_raw(&h, d) == -1 && errno == EPERM);	/* only oneself */
	h = (struct cap_header){ CAP_V1, 0 };
	CHECK(9, capget_raw(&h, d) == 0 && d[0].permitted == ~(1U << CAP_SYS_BOOT_N));
	CHECK(10, capset_raw(&h, d) == 0);	/* v1: the upper capabilities go */
	CHECK(11, caps(&e, &p, &i) && !(p >> 32));
	return 0;
}

static int capset_inheritable_needs_permitted(void *arg)
{
	struct cap_header h = { CAP_V3, 0 };
	struct cap_data d[2];

	CHECK(1, capget_raw(&h, d) == 0);
	d[0].inheritable = 1U << CAP_SYS_BOOT_N;
	CHECK(2, capset_raw(&h, d) == 0);
	CHECK(3, !become_user());
	CHECK(4, capget_raw(&h, d) == 0 && !d[0].permitted &&
		 d[0].inheritable == 1U << CAP_SYS_BOOT_N);	/* inheritable survives setuid */
	d[0].inheritable |= 1U << CAP_SYS_ADMIN_N;
	CHECK(5, capset_raw(&h, d) == -1 && errno == EPERM);
	return 0;
}

/* ---- prctl ---- */

static void prctl_name(void)
{
	char name[32] = "";

	ksft_test_result(prctl(PR_SET_NAME, "cred-calls-name-too-long") == 0 &&
			 prctl(PR_GET_NAME, name) == 0 && !strcmp(name, "cred-calls-name"),
			 "PR_SET_NAME keeps 15 bytes, PR_GET_NAME reads them");
	prctl(PR_SET_NAME, "cred_calls");
}

static int pdeath_not_inherited(void *arg)
{
	int sig = -1;

	return prctl(PR_GET_PDEATHSIG, &sig) == 0 && sig == 0 ? 0 : 1;
}

static void prctl_pdeathsig(void)
{
	int sig = 0;

	ksft_test_result(prctl(PR_SET_PDEATHSIG, SIGUSR1) == 0 &&
			 prctl(PR_GET_PDEATHSIG, &sig) == 0 && sig == SIGUSR1,
			 "PR_SET_PDEATHSIG / PR_GET_PDEATHSIG");
	ksft_test_result(exited_with(child_status(pdeath_not_inherited, NULL), 0),
			 "the parent-death signal is not inherited by fork");
	expect_errno(prctl(PR_SET_PDEATHSIG, 65), EINVAL, "PR_SET_PDEATHSIG 65: EINVAL");
	prctl(PR_SET_PDEATHSIG, 0);
}

static int dumpable_cleared_by_setuid(void *arg)
{
	CHECK(1, prctl(PR_GET_DUMPABLE) == 1);
	CHECK(2, setresuid(USER, USER, USER) == 0);
	CHECK(3, prctl(PR_GET_DUMPABLE) == 0);
	CHECK(4, prctl(PR_SET_DUMPABLE, 1) == 0 && prctl(PR_GET_DUMPABLE) == 1);
	return 0;
}

static void prctl_dumpable(void)
{
	ksft_test_result(prctl(PR_GET_DUMPABLE) == 1 && prctl(PR_SET_DUMPABLE, 0) == 0 &&
			 prctl(PR_GET_DUMPABLE) == 0 && prctl(PR_SET_DUMPABLE, 1) == 0,
			 "PR_SET_DUMPABLE / PR_GET_DUMPABLE");
	expect_errno(prctl(PR_SET_DUMPABLE, 2), EINVAL, "PR_SET_DUMPABLE 2: EINVAL");
	ksft_test_result(exited_with(child_status(dumpable_cleared_by_setuid, NULL), 0),
			 "a change of euid makes the process non-dumpable");
}

static int thp_inherited(void *arg)
{
	return prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0) == 1 ? 0 : 1;
}

static void prctl_caps_and_misc(void)
{
	ksft_test_result(prctl(PR_CAPBSET_READ, CAP_SYS_ADMIN_N) == 1,
			 "PR_CAPBSET_READ: root's bounding set holds CAP_SYS_ADMIN");
	expect_errno(prctl(PR_CAPBSET_READ, CAP_LAST + 1), EINVAL, "PR_CAPBSET_READ 41: EINVAL");
	expect_errno(prctl(9999, 0, 0, 0, 0), EINVAL, "an unknown prctl option: EINVAL");
	ksft_test_result(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 0,
			 "PR_GET_NO_NEW_PRIVS: 0 to begin with");
	expect_errno(prctl(PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0), EINVAL,
		     "PR_SET_NO_NEW_PRIVS with 0: EINVAL (it cannot be unset)");
	expect_errno(prctl(PR_GET_THP_DISABLE, 1, 0, 0, 0), EINVAL,
		     "PR_GET_THP_DISABLE with an argument: EINVAL");
	ksft_test_result(prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0) == 0 &&
			 prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0) == 1 &&
			 exited_with(child_status(thp_inherited, NULL), 0),
			 "PR_SET_THP_DISABLE: set, read back, inherited by fork");
}

static int capbset_drop(void *arg)
{
	CHECK(1, prctl(PR_CAPBSET_DROP, CAP_SYS_BOOT_N, 0, 0, 0) == 0);
	CHECK(2, prctl(PR_CAPBSET_READ, CAP_SYS_BOOT_N) == 0);
	CHECK(3, has_cap(CAP_SYS_BOOT_N));	/* the bounding set limits exec only */
	CHECK(4, !become_user());
	CHECK(5, prctl(PR_CAPBSET_DROP, CAP_SYS_ADMIN_N, 0, 0, 0) == -1 && errno == EPERM);
	return 0;
}

/* ---- limits ---- */

static int user_cannot_raise_hard_limit(void *arg)
{
	struct rlimit r;

	CHECK(1, getrlimit(RLIMIT_NOFILE, &r) == 0);
	CHECK(2, !become_user());
	r.rlim_max -= 1;
	if (r.rlim_cur > r.rlim_max)
		r.rlim_cur = r.rlim_max;
	CHECK(3, setrlimit(RLIMIT_NOFILE, &r) == 0);	/* lowering: anyone */
	r.rlim_max += 1;
	CHECK(4, setrlimit(RLIMIT_NOFILE, &r) == -1 && errno == EPERM);
	CHECK(5, prlimit(getppid(), RLIMIT_NOFILE, NULL, &r) == -1 && errno == EPERM);
	return 0;
}

/* ---- exec ---- */

/* What the exec'd copy reports: bits of its exit code. */
#define R_SECURE	1	/* AT_SECURE */
#define R_EUID0		2	/* euid 0 */
#define R_THP		4	/* THP disabled */
#define R_NNP		8	/* no_new_privs */
#define R_DUMPABLE	16
#define R_CAPEFF	32	/* CAP_SYS_ADMIN effective */

static int report(void)
{
	return (getauxval(AT_SECURE) ? R_SECURE : 0) | (geteuid() == 0 ? R_EUID0 : 0) |
	       (prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0) == 1 ? R_THP : 0) |
	       (prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1 ? R_NNP : 0) |
	       (prctl(PR_GET_DUMPABLE) == 1 ? R_DUMPABLE : 0) |
	       (has_cap(CAP_SYS_ADMIN_N) ? R_CAPEFF : 0);
}

/* Run @path --report (after @setup, in a child); its report, or -1. */
static int exec_report(const char *path, int (*setup)(void))
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		char *argv[] = { (char *)path, "--report", NULL };

		int fd;

		/* musl's start-up in a secure exec wants fds 0-2 open (or /dev/null) */
		for (fd = 0; fd < 3; fd++)
			if (fcntl(fd, F_GETFD) < 0 && open(self, O_RDONLY) != fd)
				_exit(99);
		if (setup && setup())
			_exit(100);
		execv(path, argv);
		_exit(101);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static int as_user(void)
{
	return become_user();
}

static int as_user_nnp(void)
{
	return become_user() || prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
}

/* A copy of this program, root's, mode @mode. */
static bool make_copy(const char *dst, mode_t mode)
{
	char buf[65536];
	int in = open(self, O_RDONLY), out;
	ssize_t n;
	bool ok = in >= 0;

	mkdir("/tmp", 01777);
	out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0700);
	ok = ok && out >= 0;
	while (ok && (n = read(in, buf, sizeof(buf))) > 0)
		ok = write(out, buf, n) == n;
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	return ok && chmod(dst, mode) == 0;
}

static void exec_rules(void)
{
	bool copied = make_copy(SUID_COPY, 04755);
	int r;

	r = exec_report(self, NULL);
	ksft_test_result(r == (R_EUID0 | R_THP | R_DUMPABLE | R_CAPEFF),
			 "root's exec: full capabilities, no AT_SECURE, THP-disable kept (%d)", r);
	r = exec_report(self, as_user);
	ksft_test_result(r == (R_THP | R_DUMPABLE),
			 "a user's exec: no capabilities, dumpable again (%d)", r);
	r = copied ? exec_report(SUID_COPY, as_user) : -1;
	if (r == -1 && syscall(SYS_poll, NULL, 0, 0) == -1 && errno == ENOSYS)
		/* musl's start-up polls fds 0-2 in a secure exec, and crashes without poll */
		ksft_test_result_skip("a user's exec of a setuid-root file: needs poll()");
	else
		ksft_test_result(r == (R_SECURE | R_EUID0 | R_THP | R_CAPEFF),
			 "a user's exec of a setuid-root file: euid 0, capabilities, AT_SECURE, not dumpable (%d)",
			 r);
	r = copied ? exec_report(SUID_COPY, as_user_nnp) : -1;
	ksft_test_result(r == (R_THP | R_NNP | R_DUMPABLE),
			 "no_new_privs: the setuid bit is ignored and kept over exec (%d)", r);
	unlink(SUID_COPY);
}

/* ---- /proc/PID/exe, process_vm_readv/writev, /proc/PID/mem ---- */

static void proc_exe(void)
{
	char link[256] = "", want[256] = "";
	ssize_t n = readlink("/proc/self/exe", link, sizeof(link) - 1);
	char magic[4] = "";
	int fd = open("/proc/self/exe", O_RDONLY);

	ksft_test_result(n > 0 && realpath(self, want) && !strcmp(link, want),
			 "readlink /proc/self/exe: this program's path (%s)", link);
	ksft_test_result(fd >= 0 && read(fd, magic, 4) == 4 && !memcmp(magic, "\177ELF", 4),
			 "open /proc/self/exe: the program's file");
	if (fd >= 0)
		close(fd);
}

static int exe_of_another_user(void *arg)
{
	char link[256];

	CHECK(1, !become_user());
	CHECK(2, readlink("/proc/1/exe", link, sizeof(link)) == -1 && errno == EACCES);
	CHECK(3, readlink("/proc/self/exe", link, sizeof(link)) > 0);
	CHECK(4, open("/proc/1/mem", O_RDONLY) == -1 && errno == EACCES);
	return 0;
}

static char shared_buf[2 * PAGE] __attribute__((aligned(4096)));

static ssize_t vm_rw(pid_t pid, void *local, size_t llen, void *remote, size_t rlen, bool write)
{
	struct iovec l = { local, llen }, r = { remote, rlen };

	return write ? process_vm_writev(pid, &l, 1, &r, 1, 0) :
		       process_vm_readv(pid, &l, 1, &r, 1, 0);
}

/* In a child of the test (same user, root): read and write the parent's shared_buf. */
static int vm_rw_parent(void *arg)
{
	pid_t parent = getppid();
	char got[2 * PAGE];
	void *hole;

	CHECK(1, vm_rw(parent, got, 16, shared_buf, 16, false) == 16);
	CHECK(2, !memcmp(got, "parent's bytes!", 16));
	CHECK(3, vm_rw(parent, "child's bytes!!", 16, shared_buf + PAGE, 16, true) == 16);
	CHECK(4, process_vm_readv(parent, NULL, 0, NULL, 0, 1) == -1 && errno == EINVAL);
	CHECK(5, vm_rw(0x3fffffff, got, 16, shared_buf, 16, false) == -1 && errno == ESRCH);
	hole = mmap(NULL, 2 * PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(6, hole != MAP_FAILED && !munmap((char *)hole + PAGE, PAGE));
	/* our own memory: one readable page then a hole: the page, then stop */
	CHECK(7, vm_rw(getpid(), got, 2 * PAGE, hole, 2 * PAGE, false) == (ssize_t)PAGE);
	CHECK(8, vm_rw(getpid(), got, PAGE, (char *)hole + PAGE, PAGE, false) == -1 &&
		 errno == EFAULT);
	return 0;
}

/*
 * A child of the caller that sets itself @dumpable and waits, alive, until
 * told to go (through a shared page: no signals or pipes needed).
 */
struct waiter {
	pid_t pid;
	volatile int *flags;	/* [0]: ready, [1]: go */
};

static bool waiter_start(struct waiter *w, int dumpable)
{
	w->flags = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (w->flags == MAP_FAILED)
		return false;
	w->pid = fork();
	if (w->pid == 0) {
		prctl(PR_SET_DUMPABLE, dumpable);
		w->flags[0] = 1;
		while (!w->flags[1])
			sched_yield();
		_exit(0);
	}
	while (w->pid > 0 && !w->flags[0])
		sched_yield();
	return w->pid > 0;
}

static void waiter_stop(struct waiter *w)
{
	int status;

	w->flags[1] = 1;
	waitpid(w->pid, &status, 0);
	munmap((void *)w->flags, PAGE);
}

static int vm_rw_as_user(void *arg)
{
	char got[16];
	struct waiter w;
	bool ok;

	CHECK(1, !become_user());
	CHECK(2, vm_rw(getppid(), got, 16, shared_buf, 16, false) == -1 && errno == EPERM);
	CHECK(3, waiter_start(&w, 1));
	ok = vm_rw(w.pid, got, 16, shared_buf, 16, false) == 16;	/* the same user's */
	waiter_stop(&w);
	CHECK(4, ok);
	return 0;
}

static int vm_rw_not_dumpable(void *arg)
{
	char got[16];
	struct waiter w;
	bool ok;

	CHECK(1, !become_user());
	CHECK(2, waiter_start(&w, 0));
	ok = vm_rw(w.pid, got, 16, shared_buf, 16, false) == -1 && errno == EPERM;
	waiter_stop(&w);
	CHECK(3, ok);
	return 0;
}

static void process_vm_cases(void)
{
	memcpy(shared_buf, "parent's bytes!", 16);
	child_case(vm_rw_parent, "process_vm_readv/writev: another process's memory, EINVAL, ESRCH, a hole");
	ksft_test_result(!memcmp(shared_buf + PAGE, "child's bytes!!", 16),
			 "process_vm_writev: the parent sees what its child wrote");
	child_case(vm_rw_as_user, "process_vm_readv: EPERM on root's process, allowed on the same user's");
	child_case(vm_rw_not_dumpable, "process_vm_readv: EPERM on a non-dumpable process of the same user");
}

static void proc_mem(void)
{
	static const char ro[16] = "read-only bytes";
	char *p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char got[16] = "";
	int fd = open("/proc/self/mem", O_RDWR);

	ksft_test_result(fd >= 0 && pread(fd, got, 16, (off_t)(unsigned long)ro) == 16 &&
			 !memcmp(got, ro, 16), "/proc/self/mem: pread at an address");
	ksft_test_result(fd >= 0 && p != MAP_FAILED &&
			 pwrite(fd, "forced", 6, (off_t)(unsigned long)p) == 6 && !memcmp(p, "forced", 6),
			 "/proc/self/mem: pwrite into a read-only private mapping (FOLL_FORCE)");
	if (p != MAP_FAILED)
		munmap(p, PAGE);
	errno = 0;
	ksft_test_result(fd >= 0 && pread(fd, got, 16, (off_t)(unsigned long)p) == -1 && errno == EIO,
			 "/proc/self/mem: an unmapped address is EIO");
	if (fd >= 0)
		close(fd);
}

/* ---- pidfd_open, process_madvise ---- */

static long madvise_via(int pidfd, void *addr, size_t len)
{
	struct iovec iov = { addr, len };

	return syscall(SYS_process_madvise, pidfd, &iov, 1, MADV_WILLNEED, 0);
}

static int pidfd_as_user(void *arg)
{
	int root_fd = syscall(SYS_pidfd_open, getppid(), 0), own;

	CHECK(1, root_fd >= 0 && !become_user());
	own = syscall(SYS_pidfd_open, getpid(), 0);
	CHECK(2, own >= 0);
	CHECK(3, madvise_via(own, shared_buf, PAGE) == -1 && errno == EPERM);	/* CAP_SYS_NICE */
	CHECK(4, madvise_via(root_fd, shared_buf, PAGE) == -1 && errno == EACCES);
	return 0;
}

#ifndef CLONE_PIDFD
#define CLONE_PIDFD	0x00001000
#endif
#ifndef P_PIDFD
#define P_PIDFD		3
#endif

/* clone(CLONE_PIDFD), then waitid(P_PIDFD) on the pidfd it gave. */
static void clone_pidfd_cases(void)
{
	int pidfd = -1, other = syscall(SYS_pidfd_open, getpid(), 0);
	siginfo_t info = { 0 };
	long pid = syscall(SYS_clone, CLONE_PIDFD | SIGCHLD, NULL, &pidfd, NULL, 0);

	if (pid == 0)
		_exit(7);
	ksft_test_result(pid > 0 && pidfd >= 0 && (fcntl(pidfd, F_GETFD) & FD_CLOEXEC),
			 "clone(CLONE_PIDFD): the child's pidfd, close-on-exec");
	ksft_test_result(pid > 0 && !waitid(P_PIDFD, pidfd, &info, WEXITED) &&
			 info.si_pid == pid && info.si_code == CLD_EXITED && info.si_status == 7,
			 "waitid(P_PIDFD): that child's exit");
	expect_errno(waitid(P_PIDFD, other, &info, WEXITED), ECHILD,
		     "waitid(P_PIDFD) of a process that is not a child: ECHILD");
	expect_errno(waitid(P_PIDFD, 0, &info, WEXITED), EBADF,
		     "waitid(P_PIDFD) of an fd that is not a pidfd: EBADF");
	expect_errno(syscall(SYS_clone, CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD, NULL, &pidfd,
			     NULL, 0), EINVAL, "clone(CLONE_PIDFD | CLONE_PARENT_SETTID): EINVAL");
	close(pidfd);
	close(other);
}

static long pidfd_signal(int pidfd, int sig, siginfo_t *info, unsigned int flags)
{
	return syscall(SYS_pidfd_send_signal, pidfd, sig, info, flags);
}

static int signal_root_as_user(void *arg)
{
	int root_fd = syscall(SYS_pidfd_open, getppid(), 0);

	CHECK(1, root_fd >= 0 && !become_user());
	CHECK(2, pidfd_signal(root_fd, 0, NULL, 0) == -1 && errno == EPERM);
	return 0;
}

static void pidfd_send_signal_cases(void)
{
	siginfo_t info = { .si_signo = SIGUSR1, .si_code = SI_QUEUE };
	int fd, status = -1;
	pid_t kid = fork();

	if (kid == 0)
		for (;;)
			sched_yield();
	fd = kid > 0 ? syscall(SYS_pidfd_open, kid, 0) : -1;
	expect_errno(pidfd_signal(fd, SIGKILL, NULL, 1), EINVAL, "pidfd_send_signal with flags: EINVAL");
	expect_errno(pidfd_signal(fd, SIGKILL, &info, 0), EINVAL,
		     "pidfd_send_signal with a siginfo of another signal: EINVAL");
	expect_errno(pidfd_signal(0, SIGKILL, NULL, 0), EBADF,
		     "pidfd_send_signal on an fd that is not a pidfd: EBADF");
	ksft_test_result(pidfd_signal(fd, SIGKILL, NULL, 0) == 0 && waitpid(kid, &status, 0) == kid &&
			 killed_by(status, SIGKILL), "pidfd_send_signal SIGKILL: the child dies of it");
	expect_errno(pidfd_signal(fd, SIGKILL, NULL, 0), ESRCH,
		     "pidfd_send_signal to a reaped child: ESRCH");
	close(fd);
	child_case(signal_root_as_user, "pidfd_send_signal as a user to root's process: EPERM");
}

static volatile int *pdeath_flag;

static void pdeath_handler(int sig)
{
	pdeath_flag[1] = sig;
}

/* The middle process: its child asks for SIGUSR1 at its death, then it dies. */
static int pdeath_parent(void *arg)
{
	pid_t kid = fork();

	if (kid == 0) {
		signal(SIGUSR1, pdeath_handler);
		prctl(PR_SET_PDEATHSIG, SIGUSR1);
		pdeath_flag[0] = 1;
		while (!pdeath_flag[1] && pdeath_flag[2] < 2000000)
			pdeath_flag[2]++, sched_yield();
		_exit(0);
	}
	while (kid > 0 && !pdeath_flag[0])
		sched_yield();
	return 0;
}

static void pdeath_signal_case(void)
{
	int i;

	pdeath_flag = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (pdeath_flag == MAP_FAILED) {
		ksft_test_result_fail("the parent-death signal: mmap");
		return;
	}
	child_case(pdeath_parent, "a child that set PR_SET_PDEATHSIG, then its parent exits");
	for (i = 0; i < 2000 && !pdeath_flag[1]; i++)
		usleep(1000);
	ksft_test_result(pdeath_flag[1] == SIGUSR1, "the orphan gets its parent-death signal");
}

#ifndef SYS_process_mrelease
#define SYS_process_mrelease	448
#endif

/* process_mrelease(): refused for a live process, done for one SIGKILL is ending. */
static void mrelease_cases(void)
{
	volatile int *ready = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
				   -1, 0);
	int fd = -1, status = -1;
	pid_t kid = ready == MAP_FAILED ? -1 : fork();

	if (kid == 0) {
		char *mem = mmap(NULL, 64 * PAGE, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		memset(mem, 1, 64 * PAGE);
		*ready = 1;
		for (;;)
			sched_yield();
	}
	while (kid > 0 && !*ready)
		sched_yield();
	fd = kid > 0 ? syscall(SYS_pidfd_open, kid, 0) : -1;
	expect_errno(syscall(SYS_process_mrelease, -1, 0), EBADF, "process_mrelease of fd -1: EBADF");
	expect_errno(syscall(SYS_process_mrelease, fd, 1), EINVAL,
		     "process_mrelease with flags: EINVAL");
	expect_errno(syscall(SYS_process_mrelease, fd, 0), EINVAL,
		     "process_mrelease of a live process: EINVAL");
	ksft_test_result(fd >= 0 && !kill(kid, SIGKILL) &&
			 syscall(SYS_process_mrelease, fd, 0) == 0 &&
			 waitpid(kid, &status, 0) == kid && killed_by(status, SIGKILL),
			 "process_mrelease of a process SIGKILL is ending: 0");
	close(fd);
}

#ifndef SYS_pidfd_getfd
#define SYS_pidfd_getfd		438
#endif

static int getfd_as_user(void *arg)
{
	int root_fd = syscall(SYS_pidfd_open, getppid(), 0);

	CHECK(1, root_fd >= 0 && !become_user());
	CHECK(2, syscall(SYS_pidfd_getfd, root_fd, 1, 0) == -1 && errno == EPERM);
	return 0;
}

/* pidfd_getfd(): the same open file, as a new close-on-exec fd. */
static void pidfd_getfd_cases(void)
{
	int pidfd = syscall(SYS_pidfd_open, getpid(), 0);
	int fd = open(self, O_RDONLY), dup;

	dup = syscall(SYS_pidfd_getfd, pidfd, fd, 0);
	ksft_test_result(dup >= 0 && dup != fd && (fcntl(dup, F_GETFD) & FD_CLOEXEC) &&
			 lseek(fd, 100, SEEK_SET) == 100 && lseek(dup, 0, SEEK_CUR) == 100,
			 "pidfd_getfd: the same open file (one offset), close-on-exec");
	expect_errno(syscall(SYS_pidfd_getfd, pidfd, fd, 1), EINVAL, "pidfd_getfd with flags: EINVAL");
	expect_errno(syscall(SYS_pidfd_getfd, pidfd, 1000, 0), EBADF,
		     "pidfd_getfd of a closed fd: EBADF");
	close(dup);
	close(fd);
	close(pidfd);
	child_case(getfd_as_user, "pidfd_getfd as a user from root's process: EPERM");
}

static void pidfd_cases(void)
{
	int fd = syscall(SYS_pidfd_open, getpid(), 0), status;
	pid_t kid;

	ksft_test_result(fd >= 0 && (fcntl(fd, F_GETFD) & FD_CLOEXEC),
			 "pidfd_open of oneself: a close-on-exec fd");
	ksft_test_result(fd >= 0 && madvise_via(fd, shared_buf, 2 * PAGE) == 2 * PAGE,
			 "process_madvise through it: the bytes advised");
	expect_errno(syscall(SYS_pidfd_open, 0, 0), EINVAL, "pidfd_open(0): EINVAL");
	expect_errno(syscall(SYS_pidfd_open, getpid(), 1), EINVAL, "pidfd_open with flags 1: EINVAL");
	expect_errno(syscall(SYS_pidfd_open, 0x3fffffff, 0), ESRCH,
		     "pidfd_open of a pid nobody has: ESRCH");
	expect_errno(madvise_via(0, shared_buf, PAGE), EBADF,
		     "process_madvise on an fd that is not a pidfd: EBADF");
	kid = fork();
	if (kid == 0)
		_exit(0);
	close(fd);
	fd = kid > 0 ? syscall(SYS_pidfd_open, kid, 0) : -1;
	waitpid(kid, &status, 0);
	expect_errno(madvise_via(fd, shared_buf, PAGE), ESRCH,
		     "process_madvise on a reaped child's pidfd: ESRCH");
	close(fd);
	child_case(pidfd_as_user, "process_madvise as a user: EPERM (CAP_SYS_NICE), EACCES on root's");
	clone_pidfd_cases();
	pidfd_send_signal_cases();
	pdeath_signal_case();
	mrelease_cases();
	pidfd_getfd_cases();
}

static void child_case(int (*fn)(void *), const char *desc)
{
	int st = child_status(fn, NULL);

	if (!exited_with(st, 0))
		ksft_print_msg("%s: status %#x (failed step %d)", desc, st,
			       WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	ksft_test_result(exited_with(st, 0), "%s", desc);
}

static void group_cases(void)
{
	int fd = open(GROUP_FILE, O_WRONLY | O_CREAT | O_TRUNC, 0640);

	if (fd >= 0)
		close(fd);
	if (fd < 0 || chown(GROUP_FILE, 0, 4242))
		ksft_print_msg("setting up %s: %s", GROUP_FILE, strerror(errno));
	child_case(group_grants_access, "a supplementary group grants its permission bits");
	child_case(no_group_no_access, "without the group: EACCES");
	unlink(GROUP_FILE);
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc > 1 && !strcmp(argv[1], "--report"))
		return report();
	ksft_print_header();
	ksft_set_plan(80);
	ksft_test_result(resuid_is(0, 0, 0) && resgid_is(0, 0, 0) &&
			 status_ids("Uid:", 0, 0, 0, 0),
			 "root: every uid and gid 0, /proc/self/status agrees");
	expect_errno(setuid(-1), EINVAL, "setuid(-1): EINVAL");
	expect_errno(setgid(-1), EINVAL, "setgid(-1): EINVAL");
	ksft_test_result(setresuid(-1, -1, -1) == 0 && resuid_is(0, 0, 0),
			 "setresuid(-1, -1, -1) changes nothing");
	child_case(user_cannot_regain_root, "a user cannot regain root; its capabilities are gone");
	child_case(saved_root_regains_caps, "a saved uid 0 keeps permitted; euid 0 again makes them effective");
	child_case(setreuid_rules, "setreuid: real and effective rules, the saved uid follows");
	child_case(setuid_as_user_sets_euid_only, "setuid as a user: the effective uid only, to real or saved");
	child_case(setresgid_rules, "setresgid, setregid, setgid: Linux's rules as root and as a user");
	child_case(setfsuid_rules, "setfsuid: returns the old; fsuid moves CAP_DAC_OVERRIDE; a user is refused");
	child_case(groups_rules, "getgroups/setgroups: counts, EINVAL, EPERM for a user");
	group_cases();
	capget_calls();
	child_case(capset_rules, "capset: effective within permitted, permitted never grows, v1");
	child_case(capset_inheritable_needs_permitted,
		   "capset: a user adds to inheritable only what it holds");
	prctl_name();
	prctl_pdeathsig();
	prctl_dumpable();
	prctl_caps_and_misc();
	child_case(capbset_drop, "PR_CAPBSET_DROP: root drops from the bounding set, a user may not");
	child_case(user_cannot_raise_hard_limit,
		   "a user lowers a hard limit but cannot raise it, nor touch another's");
	exec_rules();
	proc_exe();
	child_case(exe_of_another_user, "/proc/1/exe and /proc/1/mem of root's process: EACCES for a user");
	process_vm_cases();
	proc_mem();
	pidfd_cases();
	ksft_finished();
}
