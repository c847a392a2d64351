// SPDX-License-Identifier: GPL-2.0
/*
 * The reboot suite: kernel/reboot.c's reboot(2), through its table entry
 * with a frame of registers as the system-call entry builds it. Only the
 * answers that do not end the machine: the permission check, the magic
 * numbers, the commands that are refused or only set a flag, a bad
 * RESTART2 string. Halt, power-off and restart end the boot: the user
 * tests' runner powers off at the end of every test boot that runs it.
 */
#include <linux/ktest.h>
#include <linux/reboot.h>
#include <linux/errno.h>
#include <linux/cred.h>
#include <asm/ptrace.h>
#include "vfs_test.h"

long __x64_sys_reboot(const struct pt_regs *regs);

static long reboot_call(unsigned int magic1, unsigned int magic2, unsigned int cmd,
			unsigned long arg)
{
	struct pt_regs regs = { .di = magic1, .si = magic2, .dx = cmd, .r10 = arg };

	return __x64_sys_reboot(&regs);
}

static void reboot_refuses_a_wrong_magic(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, reboot_call(0xfee1deaf, LINUX_REBOOT_MAGIC2,
					  LINUX_REBOOT_CMD_CAD_ON, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, reboot_call(LINUX_REBOOT_MAGIC1, 1234,
					  LINUX_REBOOT_CMD_CAD_ON, 0), -EINVAL);
}

static void reboot_takes_every_magic2(struct ktest *test)
{
	static const unsigned int magic2[] = { LINUX_REBOOT_MAGIC2, LINUX_REBOOT_MAGIC2A,
					       LINUX_REBOOT_MAGIC2B, LINUX_REBOOT_MAGIC2C };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(magic2); i++) {
		KTEST_EXPECT_EQ(test, reboot_call(LINUX_REBOOT_MAGIC1, magic2[i],
						  LINUX_REBOOT_CMD_CAD_OFF, 0), 0);
		KTEST_EXPECT_EQ(test, reboot_call(LINUX_REBOOT_MAGIC1, magic2[i],
						  LINUX_REBOOT_CMD_CAD_ON, 0), 0);
	}
}

static void reboot_refuses_unknown_and_unbuilt_commands(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, reboot_call(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
					  0x12345678, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, reboot_call(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
					  LINUX_REBOOT_CMD_SW_SUSPEND, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, reboot_call(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
					  LINUX_REBOOT_CMD_KEXEC, 0), -EINVAL);
}

static void reboot_is_root_only(struct ktest *test)
{
	const struct cred *old = override_creds(&vfs_test_user_cred);

	KTEST_EXPECT_EQ(test, reboot_call(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
					  LINUX_REBOOT_CMD_POWER_OFF, 0), -EPERM);
	KTEST_EXPECT_EQ(test, reboot_call(0, 0, LINUX_REBOOT_CMD_CAD_ON, 0), -EPERM);
	revert_creds(old);
}

static void reboot_restart2_with_a_bad_string_is_efault(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, reboot_call(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
					  LINUX_REBOOT_CMD_RESTART2, 0x10), -EFAULT);
}

static void reboot_test_boot_goes_to_user_space_only_when_asked(struct ktest *test)
{
	/* make test's in-kernel boots do not pass ktest.user=1. */
	if (ktest_user_boot())
		KTEST_SKIP(test, "booted with ktest.user=1");
	KTEST_EXPECT_FALSE(test, ktest_user_boot());
}

static struct ktest_case reboot_cases[] = {
	KTEST_CASE(reboot_refuses_a_wrong_magic),
	KTEST_CASE(reboot_takes_every_magic2),
	KTEST_CASE(reboot_refuses_unknown_and_unbuilt_commands),
	KTEST_CASE(reboot_is_root_only),
	KTEST_CASE(reboot_restart2_with_a_bad_string_is_efault),
	KTEST_CASE(reboot_test_boot_goes_to_user_space_only_when_asked),
	{}
};

static struct ktest_suite reboot_suite = {
	.name = "reboot",
	.test_cases = reboot_cases,
};
ktest_register_suite(reboot_suite);
