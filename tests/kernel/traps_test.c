// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the exception path (arch/x86_64/traps.c), BUG/WARN
 * (kernel/panic.c), the symbol table (kernel/kallsyms.c) and stack traces
 * (arch/x86_64/stacktrace.c). Each deliberate fault runs under
 * catch_exception(), which reports it as a real oops would and resumes; the
 * cases check both what was caught and what the report said. The page-fault
 * dispatch (arch/x86_64/fault.c) is also driven directly, with a made-up
 * exception frame, for the faults the machine cannot be made to raise here
 * (a user-mode fault, a spurious one).
 */
#include <linux/ktest.h>
#include <linux/kallsyms.h>
#include <linux/bug.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <asm/traps.h>
#include <asm/stacktrace.h>
#include <asm/page.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/smp.h>

static noinline void fault_null_deref(void *arg)
{
	volatile unsigned long *p = arg;

	(void)*p;
}

static noinline void fault_write_unmapped(void *arg)
{
	/* Page 0 is never RAM (the BIOS owns it): its direct-map address faults. */
	*(volatile unsigned long *)PAGE_OFFSET = 1;
}

static noinline void fault_invalid_opcode(void *arg)
{
	__asm__ __volatile__("ud2");
}

static noinline void fault_divide_error(void *arg)
{
	volatile unsigned int zero = 0;
	volatile unsigned int x = 1;

	x = x / zero;
}

static noinline void fault_non_canonical(void *arg)
{
	(void)*(volatile unsigned long *)0x8000000000000000UL;
}

static noinline void fault_int3(void *arg)
{
	__asm__ __volatile__("int3");
}

static noinline void bug_on_true(void *arg)
{
	BUG_ON(arg != NULL);
}

static noinline void no_fault(void *arg)
{
	*(int *)arg = 42;
}

static void page_fault_on_null_is_caught(struct ktest *test)
{
	struct exception_info info;
	unsigned long before = oops_count;

	KTEST_EXPECT_EXCEPTION(test, fault_null_deref, NULL, X86_TRAP_PF, &info);
	KTEST_EXPECT_EQ(test, info.address, 0UL);
	KTEST_EXPECT_EQ(test, info.error_code & X86_PF_PROT, 0UL);
	KTEST_EXPECT_EQ(test, info.error_code & X86_PF_WRITE, 0UL);
	KTEST_EXPECT_EQ(test, oops_count, before + 1);
}

static void fault_report_names_the_faulting_function(struct ktest *test)
{
	struct exception_info info;
	char sym[KSYM_NAME_LEN];

	KTEST_ASSERT_TRUE(test, ktest_catch_exception(fault_null_deref, NULL, &info));
	sprint_symbol(sym, sizeof(sym), info.ip, false);
	KTEST_EXPECT_STREQ(test, sym, "fault_null_deref");
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "RIP: 0010:fault_null_deref+0x"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  "BUG: kernel NULL pointer dereference, address: 0000000000000000"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "#PF: supervisor read access in kernel mode"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Oops: 0000 [#"));
}

static void fault_report_has_registers_and_trace(struct ktest *test)
{
	struct exception_info info;

	KTEST_ASSERT_TRUE(test, ktest_catch_exception(fault_null_deref, NULL, &info));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "RAX: "));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "R15: "));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "CR2: 0000000000000000"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "Call Trace:"));
	/*
	 * The unwinder went through the fault into the callers. (The frameless
	 * leaf that faulted hides its direct caller, catch_exception: a
	 * frame-pointer unwinder's known blind spot, Linux's too.)
	 */
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, " fault_null_deref+0x0/0x"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  " fault_report_has_registers_and_trace+0x"));
}

static void write_fault_reports_write_access(struct ktest *test)
{
	struct exception_info info;

	KTEST_EXPECT_EXCEPTION(test, fault_write_unmapped, NULL, X86_TRAP_PF, &info);
	KTEST_EXPECT_NE(test, info.error_code & X86_PF_WRITE, 0UL);
	KTEST_EXPECT_EQ(test, info.address, PAGE_OFFSET);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "#PF: supervisor write access in kernel mode"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "BUG: unable to handle page fault for address: ffff888000000000"));
}

static void invalid_opcode_is_caught(struct ktest *test)
{
	struct exception_info info;

	KTEST_EXPECT_EXCEPTION(test, fault_invalid_opcode, NULL, X86_TRAP_UD, &info);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "invalid opcode: 0000 [#"));
}

static void divide_error_is_caught(struct ktest *test)
{
	struct exception_info info;

	KTEST_EXPECT_EXCEPTION(test, fault_divide_error, NULL, X86_TRAP_DE, &info);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "divide error: 0000 [#"));
}

static void non_canonical_access_is_general_protection(struct ktest *test)
{
	struct exception_info info;

	KTEST_EXPECT_EXCEPTION(test, fault_non_canonical, NULL, X86_TRAP_GP, &info);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "general protection fault: 0000 [#"));
}

static void int3_is_caught(struct ktest *test)
{
	struct exception_info info;

	KTEST_EXPECT_EXCEPTION(test, fault_int3, NULL, X86_TRAP_BP, &info);
}

static void catch_returns_false_without_fault(struct ktest *test)
{
	struct exception_info info;
	int value = 0;

	KTEST_EXPECT_FALSE(test, ktest_catch_exception(no_fault, &value, &info));
	KTEST_EXPECT_EQ(test, value, 42);
}

static void bug_on_reports_file_and_line(struct ktest *test)
{
	struct exception_info info;

	KTEST_EXPECT_EXCEPTION(test, bug_on_true, (void *)1, X86_TRAP_UD, &info);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "kernel BUG at tests/kernel/traps_test.c:"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "BUG_ON(arg != NULL)"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "RIP: 0010:bug_on_true+0x"));
}

static void bug_on_false_does_nothing(struct ktest *test)
{
	struct exception_info info;

	KTEST_EXPECT_FALSE(test, ktest_catch_exception(bug_on_true, NULL, &info));
}

static void warn_on_reports_and_returns_condition(struct ktest *test)
{
	unsigned long before = warn_count;

	KTEST_EXPECT_TRUE(test, WARN_ON(before + 1 > before));
	KTEST_EXPECT_FALSE(test, WARN_ON(0));
	KTEST_EXPECT_EQ(test, warn_count, before + 1);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "WARNING: CPU: 0 PID: 1 at tests/kernel/traps_test.c:"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "---[ end trace"));
}

static void warn_on_once_warns_once(struct ktest *test)
{
	unsigned long before = warn_count;
	int i, fired = 0;

	for (i = 0; i < 3; i++)
		fired += WARN_ON_ONCE(true);
	KTEST_EXPECT_EQ(test, fired, 3);		/* the condition, every time */
	KTEST_EXPECT_EQ(test, warn_count, before + 1);	/* the report, once */
}

static void exception_names_match_linux(struct ktest *test)
{
	KTEST_EXPECT_STREQ(test, exception_name(X86_TRAP_PF), "page fault");
	KTEST_EXPECT_STREQ(test, exception_name(X86_TRAP_GP), "general protection fault");
	KTEST_EXPECT_STREQ(test, exception_name(X86_TRAP_DF), "double fault");
	KTEST_EXPECT_STREQ(test, exception_name(31), "reserved exception");
	KTEST_EXPECT_STREQ(test, exception_name(-1), "reserved exception");
}

static void kallsyms_finds_function_start(struct ktest *test)
{
	unsigned long size = 0, offset = 1;
	const char *name = kallsyms_lookup((unsigned long)fault_null_deref, &size, &offset);

	KTEST_ASSERT_NOT_NULL(test, name);
	KTEST_EXPECT_STREQ(test, name, "fault_null_deref");
	KTEST_EXPECT_EQ(test, offset, 0UL);
	KTEST_EXPECT_GT(test, size, 0UL);
	KTEST_EXPECT_EQ(test, kallsyms_lookup_name("fault_null_deref"),
			(unsigned long)fault_null_deref);
}

static void kallsyms_rejects_non_text(struct ktest *test)
{
	static int data_object;

	KTEST_EXPECT_NULL(test, kallsyms_lookup((unsigned long)&data_object, NULL, NULL));
	KTEST_EXPECT_NULL(test, kallsyms_lookup(0, NULL, NULL));
	KTEST_EXPECT_EQ(test, kallsyms_lookup_name("no_such_symbol_here"), 0UL);
}

/* noipa: no clone (save_trace_here.constprop.0) may replace it. */
static noinline __attribute__((__noipa__)) unsigned int save_trace_here(unsigned long *store, unsigned int n)
{
	unsigned int got = stack_trace_save(store, n, 0);

	barrier();	/* not a tail call: this frame must exist */
	return got;
}

static void stack_trace_save_sees_callers(struct ktest *test)
{
	unsigned long trace[8];
	unsigned int n = save_trace_here(trace, ARRAY_SIZE(trace));
	char sym[KSYM_NAME_LEN];

	KTEST_ASSERT_GE(test, n, 2U);
	sprint_symbol(sym, sizeof(sym), trace[0], false);
	KTEST_EXPECT_STREQ(test, sym, "save_trace_here");
	sprint_symbol(sym, sizeof(sym), trace[1], false);
	KTEST_EXPECT_STREQ(test, sym, "stack_trace_save_sees_callers");
}

static void dump_stack_prints_task_markers(struct ktest *test)
{
	dump_stack();
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, " <TASK>"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, " dump_stack_prints_task_markers+0x"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, " </TASK>"));
}

/*
 * An exception frame as entry.S builds it: the frame {rbp, rip} of the
 * "interrupted" code just below pt_regs, so the report's trace starts in
 * the caller.
 */
struct fake_fault {
	struct stack_frame frame;
	struct pt_regs regs;
	unsigned long error_code, address;
};

static noinline void raise_fake_page_fault(void *arg)
{
	struct fake_fault *f = arg;

	f->frame.next = __builtin_frame_address(0);
	f->frame.return_address = (unsigned long)raise_fake_page_fault;
	f->regs.vector = X86_TRAP_PF;
	f->regs.error_code = f->error_code;
	f->regs.cs = __KERNEL_CS;
	f->regs.ip = (unsigned long)raise_fake_page_fault;
	f->regs.sp = current_stack_pointer();
	do_page_fault(&f->regs, f->error_code, f->address);
}

/*
 * A write-protection fault on an entry that is writable now (a stale TLB
 * entry) is flushed and retried: do_page_fault() returns, no oops. The
 * same fault on a read-only entry is a real one.
 */
static void spurious_protection_fault_is_retried(struct ktest *test)
{
	static const unsigned long read_only = 1;
	static unsigned long writable;
	struct fake_fault f = { .error_code = X86_PF_WRITE | X86_PF_PROT };
	struct exception_info info;
	unsigned long before = oops_count;

	f.address = (unsigned long)&writable;
	KTEST_EXPECT_FALSE(test, ktest_catch_exception(raise_fake_page_fault, &f, &info));
	KTEST_EXPECT_EQ(test, oops_count, before);
	f.address = (unsigned long)&read_only;
	KTEST_EXPECT_EXCEPTION(test, raise_fake_page_fault, &f, X86_TRAP_PF, &info);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  "#PF: error_code(0x0003) - permissions violation"));
}

static void protection_key_fault_is_named(struct ktest *test)
{
	struct fake_fault f = { .error_code = X86_PF_PK | X86_PF_PROT, .address = PAGE_OFFSET };
	struct exception_info info;

	KTEST_EXPECT_EXCEPTION(test, raise_fake_page_fault, &f, X86_TRAP_PF, &info);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  "#PF: error_code(0x0021) - protection keys violation"));
}

/* Two CPUs inside catch_exception() at once, each faulting at its own address. */
struct catch_pair {
	atomic_t armed;
	struct {
		unsigned long address;
		bool caught;
		struct exception_info info;
	} cpu[2];
};

static struct catch_pair pair;

static noinline void meet_then_fault(void *arg)
{
	unsigned long end = jiffies + msecs_to_jiffies(2000);

	atomic_inc(&pair.armed);
	while (atomic_read(&pair.armed) < 2 && (long)(jiffies - end) < 0)
		cpu_relax();
	(void)*(volatile unsigned long *)arg;
}

static int catch_on_this_cpu(void *data)
{
	unsigned long i = (unsigned long)data;

	pair.cpu[i].caught = catch_exception(meet_then_fault, (void *)pair.cpu[i].address,
					     &pair.cpu[i].info);
	return 0;
}

static void catch_state_is_per_cpu(struct ktest *test)
{
	struct task_struct *k[2];
	unsigned long i;

	if (num_online_cpus() < 2)
		KTEST_SKIP(test, "needs two CPUs");
	memset(&pair, 0, sizeof(pair));
	for (i = 0; i < 2; i++) {
		pair.cpu[i].address = 0x100 * (i + 1);
		k[i] = kthread_create(catch_on_this_cpu, (void *)i, "catch/%lu", i);
	}
	ktest_require_kthreads(test, k, 2);
	for (i = 0; i < 2; i++) {
		kthread_bind(k[i], i);
		wake_up_process(k[i]);
	}
	for (i = 0; i < 2; i++) {
		wait_for_completion(&k[i]->exited);
		kthread_stop(k[i]);
	}
	KTEST_EXPECT_EQ(test, atomic_read(&pair.armed), 2);
	for (i = 0; i < 2; i++) {
		KTEST_EXPECT_TRUE(test, pair.cpu[i].caught);
		KTEST_EXPECT_EQ(test, pair.cpu[i].info.vector, X86_TRAP_PF);
		KTEST_EXPECT_EQ(test, pair.cpu[i].info.address, pair.cpu[i].address);
	}
}

static struct ktest_case traps_cases[] = {
	KTEST_CASE(page_fault_on_null_is_caught),
	KTEST_CASE(fault_report_names_the_faulting_function),
	KTEST_CASE(fault_report_has_registers_and_trace),
	KTEST_CASE(write_fault_reports_write_access),
	KTEST_CASE(invalid_opcode_is_caught),
	KTEST_CASE(divide_error_is_caught),
	KTEST_CASE(non_canonical_access_is_general_protection),
	KTEST_CASE(int3_is_caught),
	KTEST_CASE(catch_returns_false_without_fault),
	KTEST_CASE(bug_on_reports_file_and_line),
	KTEST_CASE(bug_on_false_does_nothing),
	KTEST_CASE(warn_on_reports_and_returns_condition),
	KTEST_CASE(warn_on_once_warns_once),
	KTEST_CASE(exception_names_match_linux),
	KTEST_CASE(kallsyms_finds_function_start),
	KTEST_CASE(kallsyms_rejects_non_text),
	KTEST_CASE(stack_trace_save_sees_callers),
	KTEST_CASE(dump_stack_prints_task_markers),
	KTEST_CASE(spurious_protection_fault_is_retried),
	KTEST_CASE(protection_key_fault_is_named),
	KTEST_CASE(catch_state_is_per_cpu),
	{}
};

static struct ktest_suite traps_suite = {
	.name = "traps",
	.test_cases = traps_cases,
};
ktest_register_suite(traps_suite);
