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
 *
 * The stack types (EXHAUST_STACK, STACK_GUARD_PAGE_LEADING/TRAILING) need a
 * stack with guard pages, which the boot context "init" does not have
 * (kernel/fork.c): they run in a kthread, "lkdtm-stack", while the caller
 * waits for it; a report that never comes ends in "lkdtm: FAIL".
 *
 * /sys/kernel/debug/provoke-crash/DIRECT, as Linux's: reading lists the
 * types ("Available crash types:" and a name a line), writing a type's
 * name (surrounding white space ignored) provokes it; an unknown name is
 * -EINVAL.
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
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/uio.h>
#include <linux/mm.h>

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

/* Linux's sizes: a frame of an eighth of the stack, twice as deep as it holds. */
#define REC_STACK_SIZE	(THREAD_SIZE / 8)
#define REC_NUM		(THREAD_SIZE / REC_STACK_SIZE * 2)

/* Each level fills its frame from the bottom up: the first write past the stack is in the guard. */
static noinline int recursive_loop(int remaining)
{
	volatile char buf[REC_STACK_SIZE];

	memset((char *)buf, remaining & 0xff, sizeof(buf));
	if (!remaining)
		return 0;
	/* Using buf after the call keeps the frame and the call (no tail call). */
	return recursive_loop(remaining - 1) + buf[remaining % sizeof(buf)];
}

static void lkdtm_exhaust_stack(void)
{
	pr_info("lkdtm: Calling function with %lu frame size to depth %lu ...\n",
		(unsigned long)REC_STACK_SIZE, (unsigned long)REC_NUM);
	recursive_loop(REC_NUM);
	pr_err("lkdtm: FAIL: survived without exhausting stack?!\n");
}

static void lkdtm_stack_guard_page_leading(void)
{
	const volatile unsigned char *ptr = (unsigned char *)task_stack_page(current) - 1;

	pr_info("lkdtm: attempting bad read from page below current stack\n");
	pr_err("lkdtm: FAIL: accessed page before stack! (byte: %x)\n", *ptr);
}

static void lkdtm_stack_guard_page_trailing(void)
{
	const volatile unsigned char *ptr =
		(unsigned char *)task_stack_page(current) + THREAD_SIZE;

	pr_info("lkdtm: attempting bad read from page above current stack\n");
	pr_err("lkdtm: FAIL: accessed page after stack! (byte: %x)\n", *ptr);
}

static int lkdtm_kthread_fn(void *fn)
{
	((void (*)(void))fn)();
	return 0;
}

/* Run @fn on a vmalloc'd stack with guard pages: in a kthread, waited for. */
static void lkdtm_in_kthread(void (*fn)(void))
{
	struct task_struct *k = kthread_create(lkdtm_kthread_fn, fn, "lkdtm-stack");

	if (!k) {
		pr_err("lkdtm: FAIL: no kthread to run the crash in\n");
		return;
	}
	wake_up_process(k);
	wait_for_completion(&k->exited);
	kthread_stop(k);
}

static const struct {
	const char *name;
	void (*fn)(void);
	bool kthread;		/* needs a stack with guard pages: lkdtm_in_kthread() */
} crashtypes[] = {
	{ "PANIC", lkdtm_panic, false },
	{ "BUG", lkdtm_bug, false },
	{ "WARNING", lkdtm_warning, false },
	{ "EXCEPTION", lkdtm_exception, false },
	{ "DOUBLE_FAULT", lkdtm_double_fault, false },
	{ "EXHAUST_STACK", lkdtm_exhaust_stack, true },
	{ "STACK_GUARD_PAGE_LEADING", lkdtm_stack_guard_page_leading, true },
	{ "STACK_GUARD_PAGE_TRAILING", lkdtm_stack_guard_page_trailing, true },
};

int lkdtm_provoke(const char *type)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(crashtypes); i++) {
		if (strcmp(crashtypes[i].name, type))
			continue;
		pr_info("lkdtm: Performing direct entry %s\n", type);
		if (crashtypes[i].kthread)
			lkdtm_in_kthread(crashtypes[i].fn);
		else
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
SHELL_CMD(provoke-crash, "crash the kernel on purpose (lkdtm); without TYPE, list the types",
	  cmd_provoke_crash);

static int lkdtm_types_show(struct seq_file *m, void *v)
{
	size_t i;

	seq_puts(m, "Available crash types:\n");
	for (i = 0; i < ARRAY_SIZE(crashtypes); i++)
		seq_printf(m, "%s\n", crashtypes[i].name);
	return 0;
}

static int direct_entry_open(struct inode *inode, struct file *file)
{
	return single_open(file, lkdtm_types_show, NULL);
}

static ssize_t direct_entry_write(struct kiocb *iocb, struct iov_iter *from)
{
	size_t count = iov_iter_count(from);
	ssize_t ret = -EINVAL;
	char *buf;

	if (count < 1 || count >= PAGE_SIZE)
		return -EINVAL;
	buf = kmalloc(count + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (copy_from_iter(buf, count, from) != count) {
		ret = -EFAULT;
		goto out;
	}
	buf[count] = '\0';
	if (!lkdtm_provoke(strim(buf))) {
		iocb->ki_pos += count;
		ret = count;
	}
out:
	kfree(buf);
	return ret;
}

static const struct file_operations direct_entry_fops = {
	.open = direct_entry_open,
	.read_iter = seq_read_iter,
	.write_iter = direct_entry_write,
	.llseek = seq_lseek,
	.release = single_release,
};

void lkdtm_debugfs_init(void)
{
	struct dentry *root = debugfs_create_dir("provoke-crash", NULL);

	if (IS_ERR(root) ||
	    IS_ERR(debugfs_create_file("DIRECT", 0644, root, NULL, &direct_entry_fops)))
		pr_warn("lkdtm: no debugfs files\n");
}
