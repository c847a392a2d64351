// SPDX-License-Identifier: GPL-2.0
/*
 * Provoking crashes on purpose, Linux's lkdtm idea: proof that a fatal
 * error is reported, not a silent hang or triple fault. The boot matrix of
 * `make test` boots with lkdtm.cpoint_type=TYPE and checks the report;
 * `provoke-crash TYPE` does the same from the shell.
 *
 * Linux's lkdtm fires at a named crash point (cpoint_name); here the one
 * point is "boot finished" (right after ready:). The types are Linux's where
 * Linux has them; DOUBLE_FAULT is ours: a page fault whose exception frame
 * cannot be pushed because the stack pointer is unmapped, which the CPU turns
 * into a double fault on its IST stack.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/bug.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/shell.h>
#include <linux/lkdtm.h>

static char cpoint_type[32];

static void lkdtm_panic(void)
{
	panic("dumptest");
}

static void lkdtm_bug(void)
{
	BUG();
}

static void lkdtm_warning(void)
{
	WARN_ON(1);
}

static void lkdtm_exception(void)
{
	*(volatile int *)NULL = 0;
}

static void lkdtm_double_fault(void)
{
	/* Any unmapped, canonical address will do as the stack. */
	__asm__ __volatile__("movq $0xffffc7fffffff000, %%rsp\n\t"
			     "pushq $0" : : : "memory");
}

static const struct {
	const char *name;
	void (*fn)(void);
} crashtypes[] = {
	{ "PANIC", lkdtm_panic },
	{ "BUG", lkdtm_bug },
	{ "WARNING", lkdtm_warning },
	{ "EXCEPTION", lkdtm_exception },
	{ "DOUBLE_FAULT", lkdtm_double_fault },
};

int lkdtm_provoke(const char *type)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(crashtypes); i++) {
		if (strcmp(crashtypes[i].name, type))
			continue;
		pr_info("lkdtm: Performing direct entry %s\n", type);
		crashtypes[i].fn();
		return 0;
	}
	return -EINVAL;
}

static int lkdtm_cpoint_setup(char *val)
{
	size_t i;

	if (!val)
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(crashtypes); i++)
		if (!strcmp(crashtypes[i].name, val))
			return strscpy(cpoint_type, val, sizeof(cpoint_type)) < 0 ? -EINVAL : 0;
	return -EINVAL;
}
__setup("lkdtm.cpoint_type=", lkdtm_cpoint_setup);

void lkdtm_boot(void)
{
	if (cpoint_type[0])
		lkdtm_provoke(cpoint_type);
}

static int cmd_provoke_crash(int argc, char **argv)
{
	size_t i;

	if (argc == 2 && !lkdtm_provoke(argv[1]))
		return 0;
	raw_printk("usage: provoke-crash TYPE, TYPE one of:");
	for (i = 0; i < ARRAY_SIZE(crashtypes); i++)
		raw_printk(" %s", crashtypes[i].name);
	raw_printk("\n");
	return -EINVAL;
}
SHELL_CMD(provoke-crash, "crash the kernel on purpose (lkdtm): PANIC BUG WARNING EXCEPTION DOUBLE_FAULT", cmd_provoke_crash);
