// SPDX-License-Identifier: GPL-2.0
/*
 * reboot(2) and the kernel's ways out, as Linux's kernel/reboot.c:
 *
 *   reboot(MAGIC1, MAGIC2, cmd, arg)
 *     CAP_SYS_BOOT                                 else -EPERM
 *     MAGIC1 and one of the four MAGIC2s           else -EINVAL
 *     RESTART, RESTART2 (arg: a string, logged)    kernel_restart()
 *     HALT                                          kernel_halt()
 *     POWER_OFF                                     kernel_power_off()
 *     CAD_ON, CAD_OFF                               0 (no Ctrl-Alt-Del to act on)
 *     anything else (SW_SUSPEND and KEXEC: not     -EINVAL
 *     built, as in a Linux without them)
 *
 * Halt and power-off end a test boot that went on to user space with the
 * in-kernel suites' verdict (ktest_power_off(), kernel/ktest.c): the test
 * runner's last call. There is no orderly shutdown to do first: no
 * devices need it and the file systems are in memory.
 */
#include <linux/reboot.h>
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/ktest.h>
#include <asm/reboot.h>
#include <asm/processor.h>
#include <asm/uaccess.h>

void kernel_restart(const char *cmd)
{
	if (cmd)
		pr_emerg("Restarting system with command '%s'\n", cmd);
	else
		pr_emerg("Restarting system\n");
	machine_restart();
}

void kernel_halt(void)
{
	ktest_power_off();
	pr_emerg("System halted\n");
	halt_forever();
}

void kernel_power_off(void)
{
	ktest_power_off();
	pr_emerg("Power down\n");
	machine_power_off();
}

static bool reboot_magic_ok(unsigned int magic1, unsigned int magic2)
{
	return magic1 == LINUX_REBOOT_MAGIC1 &&
	       (magic2 == LINUX_REBOOT_MAGIC2 || magic2 == LINUX_REBOOT_MAGIC2A ||
		magic2 == LINUX_REBOOT_MAGIC2B || magic2 == LINUX_REBOOT_MAGIC2C);
}

SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd, void __user *, arg)
{
	char buffer[256];
	long len;

	if (!capable(CAP_SYS_BOOT))
		return -EPERM;
	if (!reboot_magic_ok(magic1, magic2))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
		kernel_restart(NULL);
	case LINUX_REBOOT_CMD_RESTART2:
		len = strncpy_from_user(buffer, arg, sizeof(buffer) - 1);
		if (len < 0)
			return -EFAULT;
		buffer[len] = '\0';
		kernel_restart(buffer);
	case LINUX_REBOOT_CMD_HALT:
		kernel_halt();
	case LINUX_REBOOT_CMD_POWER_OFF:
		kernel_power_off();
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	default:
		return -EINVAL;
	}
}
