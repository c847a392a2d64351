// SPDX-License-Identifier: GPL-2.0
/*
 * panic, BUG and WARN.
 *
 * BUG() prints "kernel BUG at file:line!" and then executes ud2 at the call
 * site, as Linux does: the invalid-opcode exception produces the oops with every register
 * and the stack, and a test that provokes a BUG on purpose can catch it with
 * catch_exception(). WARN prints its report with a stack trace and returns.
 *
 * panic=N: 0 (default) halts after the report; any other value reboots at
 * once (Linux waits N seconds; nothing here needs the wait). The test runner
 * boots with panic=-1 so a crashed kernel ends QEMU (-no-reboot) instead of
 * waiting for the timeout.
 */
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <linux/bug.h>
#include <linux/init.h>
#include <linux/sprintf.h>
#include <linux/kstrtox.h>
#include <linux/errno.h>
#include <linux/bitops.h>
#include <asm/processor.h>
#include <asm/stacktrace.h>
#include <asm/reboot.h>
#include <asm/traps.h>

unsigned long warn_count;
static int panic_timeout;
static unsigned long tainted_mask;

/* Linux's taint letters, by bit: set, and clear (' ', except 'G' for P). */
static const char taint_true[TAINT_FLAGS_COUNT + 1] = "PFSRMBUDAWCIOELKXT";
static const char taint_false[TAINT_FLAGS_COUNT + 1] = "G                 ";

void add_taint(unsigned int flag)
{
	if (!WARN_ON_ONCE(flag >= TAINT_FLAGS_COUNT))
		set_bit(flag, &tainted_mask);
}

bool test_taint(unsigned int flag)
{
	return test_bit(flag, &tainted_mask);
}

const char *print_tainted(void)
{
	static char buf[sizeof("Tainted: ") + TAINT_FLAGS_COUNT];
	unsigned long mask = READ_ONCE(tainted_mask);
	char *s = buf;
	unsigned int i;

	if (!mask)
		return "Not tainted";
	s += scnprintf(buf, sizeof(buf), "Tainted: ");
	for (i = 0; i < TAINT_FLAGS_COUNT; i++)
		*s++ = (mask & BIT(i)) ? taint_true[i] : taint_false[i];
	*s = '\0';
	return buf;
}

static int panic_setup(char *val)
{
	int v;

	if (!val || kstrtoint(val, 0, &v))
		return -EINVAL;
	panic_timeout = v;
	return 0;
}
early_param("panic", panic_setup);

void panic(const char *fmt, ...)
{
	static bool in_panic;
	static char buf[512];
	va_list ap;

	local_irq_disable();
	if (in_panic)
		halt_forever();
	in_panic = true;
	oops_in_progress = 1;
	va_start(ap, fmt);
	vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	if (!oops_count)
		dump_stack_lvl(KERN_EMERG);
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	if (panic_timeout)
		machine_restart();
	halt_forever();
}

void __bug_report(const char *file, int line, const char *cond)
{
	pr_crit("------------[ cut here ]------------\n");
	pr_crit("kernel BUG at %s:%d!\n", file, line);
	if (cond)
		pr_crit("BUG_ON(%s)\n", cond);
}

void __warn(const char *file, int line, const char *func, const char *cond)
{
	warn_count++;
	add_taint(TAINT_WARN);
	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: CPU: %u PID: %d at %s:%d %s\n", smp_processor_id(), current->pid,
		file, line, func);
	if (cond)
		pr_warn("WARN_ON(%s)\n", cond);
	dump_stack_lvl(KERN_WARNING);
	pr_warn("---[ end trace 0000000000000000 ]---\n");
}
