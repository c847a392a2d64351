// SPDX-License-Identifier: GPL-2.0
/*
 * CPU exceptions: the per-vector handlers, the report (an "oops") and what
 * follows it.
 *
 * entry.S saves a struct pt_regs and calls do_exception(), which sends
 * vectors 32-255 to do_irq() and looks each exception vector up in
 * exception_handlers[]:
 *
 *   vector            handler                 what it does
 *   #PF  (14)         exc_page_fault()        fault.c: spurious faults,
 *                                             fixups, stack guards, oops
 *   #DF  (8)          exc_double_fault()      on its IST stack: a stack
 *                                             overflow or a fatal oops
 *   NMI  (2)          exc_nmi()               reported, then resumed
 *   anything else     do_error_trap()         from user mode: the
 *                                             signal (force_sig_fault());
 *                                             a fixup for the ip, or the oops
 *
 * A return to user mode first lets the scheduler run if it asks to
 * (syscall_exit_to_user_mode()); entry_64.S swaps GS around all this.
 *
 * The oops (die_addr()) prints the exception's name and error code, every
 * register and a symbolised stack trace, in the shape of Linux's oops so
 * that people and scripts read it as they would Linux's, and then panics.
 * A fault in a guard page of the task's stack (kernel/fork.c has the
 * stacks) is reported first as Linux's handle_stack_overflow() does.
 *
 * catch_exception() is the one way back: a caller (a test that must fault)
 * runs a function with the catch armed; an oops inside is reported in full,
 * then execution resumes in catch_exception() through kernel_longjmp.
 * Double fault, machine check and NMI are never caught: the state they
 * leave is not one to continue from. The catch state is per CPU, and
 * catch_exception() keeps its task on the CPU (preemption off) while
 * armed, so two CPUs may catch at the same time.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/string.h>
#include <linux/percpu.h>
#include <asm/traps.h>
#include <asm/irq.h>
#include <linux/smp.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <asm/desc.h>
#include <asm/extable.h>
#include <asm/processor.h>
#include <asm/setjmp.h>
#include <asm/smap.h>
#include <asm/fpu.h>
#include <asm/syscall.h>
#include <asm/stacktrace.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <linux/bug.h>
#include <linux/ratelimit.h>
#include <linux/sched/task.h>
#include <asm/signal.h>
#include <linux/signal.h>
#include <linux/sched/signal.h>

unsigned long oops_count;

static const char *const exception_names[NR_EXCEPTION_VECTORS] = {
	[X86_TRAP_DE] = "divide error",
	[X86_TRAP_DB] = "debug",
	[X86_TRAP_NMI] = "NMI",
	[X86_TRAP_BP] = "int3",
	[X86_TRAP_OF] = "overflow",
	[X86_TRAP_BR] = "bounds",
	[X86_TRAP_UD] = "invalid opcode",
	[X86_TRAP_NM] = "device not available",
	[X86_TRAP_DF] = "double fault",
	[X86_TRAP_OLD_MF] = "coprocessor segment overrun",
	[X86_TRAP_TS] = "invalid TSS",
	[X86_TRAP_NP] = "segment not present",
	[X86_TRAP_SS] = "stack segment",
	[X86_TRAP_GP] = "general protection fault",
	[X86_TRAP_PF] = "page fault",
	[X86_TRAP_SPURIOUS] = "spurious interrupt",
	[X86_TRAP_MF] = "coprocessor error",
	[X86_TRAP_AC] = "alignment check",
	[X86_TRAP_MC] = "machine check",
	[X86_TRAP_XF] = "SIMD exception",
	[X86_TRAP_VE] = "virtualization exception",
	[X86_TRAP_CP] = "control protection fault",
};

const char *exception_name(int vector)
{
	if (vector < 0 || vector >= NR_EXCEPTION_VECTORS || !exception_names[vector])
		return "reserved exception";
	return exception_names[vector];
}

/* This CPU's catch_exception(); only this CPU reads or writes it. */
struct catch_state {
	bool armed;
	struct jmp_buf env;
	struct exception_info *info;
};
static DEFINE_PER_CPU(struct catch_state, catch_state);

void show_regs(const struct pt_regs *regs)
{
	printk(KERN_DEFAULT "RIP: %04lx:%pS\n", regs->cs & 0xffff, (void *)regs->ip);
	printk(KERN_DEFAULT "RSP: %04lx:%016lx EFLAGS: %08lx\n", regs->ss & 0xffff,
	       regs->sp, regs->flags);
	printk(KERN_DEFAULT "RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->ax, regs->bx, regs->cx);
	printk(KERN_DEFAULT "RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->dx, regs->si, regs->di);
	printk(KERN_DEFAULT "RBP: %016lx R08: %016lx R09: %016lx\n", regs->bp, regs->r8, regs->r9);
	printk(KERN_DEFAULT "R10: %016lx R11: %016lx R12: %016lx\n", regs->r10, regs->r11, regs->r12);
	printk(KERN_DEFAULT "R13: %016lx R14: %016lx R15: %016lx\n", regs->r13, regs->r14, regs->r15);
	printk(KERN_DEFAULT "CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n",
	       read_cr0(), read_cr2(), read_cr3(), read_cr4());
}

static bool catchable(int vector)
{
	return vector != X86_TRAP_DF && vector != X86_TRAP_MC && vector != X86_TRAP_NMI;
}

/* Will this CPU's catch_exception() take the oops for @regs? */
static bool oops_will_be_caught(const struct pt_regs *regs)
{
	return this_cpu_ptr(&catch_state)->armed && catchable(regs->vector);
}

void oops_begin(const struct pt_regs *regs)
{
	if (!oops_will_be_caught(regs))
		oops_in_progress = 1;
}

/* Back into catch_exception(), with what the caller asked to know. */
static void __noreturn resume_caught(const struct pt_regs *regs, unsigned long address)
{
	struct catch_state *c = this_cpu_ptr(&catch_state);

	c->armed = false;
	printk(KERN_DEFAULT "---[ exception caught by catch_exception(), resuming ]---\n");
	c->info->vector = regs->vector;
	c->info->error_code = regs->error_code;
	c->info->address = address;
	c->info->ip = regs->ip;
	kernel_longjmp(&c->env, 1);
}

void __noreturn die_addr(const char *str, struct pt_regs *regs, unsigned long err,
			 unsigned long address)
{
	oops_begin(regs);
	oops_count++;
	printk(KERN_DEFAULT "%s: %04lx [#%lu] SMP\n", str, err & 0xffff, oops_count);
	printk(KERN_DEFAULT "CPU: %u PID: %d Comm: %s\n", smp_processor_id(), current->pid,
	       current->comm);
	show_regs(regs);
	printk(KERN_DEFAULT "Call Trace:\n");
	/* entry.S built a frame {rbp, rip} of the interrupted code below regs. */
	show_trace((unsigned long)regs - sizeof(struct stack_frame), KERN_DEFAULT);
	if (oops_will_be_caught(regs))
		resume_caught(regs, address);
	panic("Fatal exception");
}

bool stack_guard_hit(const struct task_struct *tsk, unsigned long address)
{
	unsigned long lo = (unsigned long)task_stack_page(tsk), hi = lo + THREAD_SIZE;

	if (!task_stack_vm_area(tsk))
		return false;
	return (address < lo && lo - address <= PAGE_SIZE) ||
	       (address >= hi && address - hi < PAGE_SIZE);
}

void __noreturn handle_stack_overflow(const char *message, struct pt_regs *regs,
				      unsigned long fault_address)
{
	oops_begin(regs);
	pr_emerg("BUG: stack guard page was hit at %p (stack is %p..%p)\n", (void *)fault_address,
		 task_stack_page(current), (char *)task_stack_page(current) + THREAD_SIZE - 1);
	die_addr(message, regs, regs->error_code, fault_address);
}

/*
 * The signal Linux sends for each exception a user task raises (its
 * traps.c): the signal (0: SIGSEGV) and, where Linux gives one, the
 * si_code with si_addr the faulting ip; without, SI_KERNEL.
 */
struct user_trap {
	u8 sig;
	u8 si_code;
};

static const struct user_trap user_traps[NR_EXCEPTION_VECTORS] = {
	[X86_TRAP_DE] = { SIGFPE, FPE_INTDIV },
	[X86_TRAP_DB] = { SIGTRAP, TRAP_TRACE },
	[X86_TRAP_BP] = { SIGTRAP },
	[X86_TRAP_UD] = { SIGILL, ILL_ILLOPN },
	[X86_TRAP_OLD_MF] = { SIGFPE },
	[X86_TRAP_NP] = { SIGBUS },
	[X86_TRAP_SS] = { SIGBUS },
	[X86_TRAP_MF] = { SIGFPE },
	[X86_TRAP_AC] = { SIGBUS, BUS_ADRALN },
	[X86_TRAP_XF] = { SIGFPE },
};

/*
 * A user task's exception: Linux's "traps:" line when nothing handles the
 * signal, and the signal, delivered on the way back to user mode.
 */
static void do_user_trap(struct pt_regs *regs, unsigned long error_code)
{
	static DEFINE_RATELIMIT_STATE(rs, DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST);
	const struct user_trap *trap = &user_traps[regs->vector];
	int sig = trap->sig ?: SIGSEGV;

	local_irq_enable();
	if (unhandled_signal(current, sig) && __ratelimit(&rs)) {
		if (regs->vector == X86_TRAP_GP)
			pr_info("traps: %s[%d] general protection fault ip:%lx sp:%lx error:%lx\n",
				current->comm, current->pid, regs->ip, regs->sp, error_code);
		else
			pr_info("traps: %s[%d] trap %s ip:%lx sp:%lx error:%lx\n", current->comm,
				current->pid, exception_name(regs->vector), regs->ip, regs->sp,
				error_code);
	}
	if (trap->si_code && regs->vector != X86_TRAP_AC)
		force_sig_fault(sig, trap->si_code, (void __user *)regs->ip);
	else if (trap->si_code)
		force_sig_fault(sig, trap->si_code, NULL);
	else
		force_sig(sig);
	local_irq_disable();
}

/*
 * The default: a user task's exception ends it; a kernel-mode one with a
 * fixup resumes there, else oops.
 */
static void do_error_trap(struct pt_regs *regs, unsigned long error_code)
{
	if (user_mode(regs)) {
		do_user_trap(regs, error_code);
		return;
	}
	if (fixup_exception(regs, regs->vector, error_code, 0))
		return;
	die_addr(exception_name(regs->vector), regs, error_code, 0);
}

static void exc_nmi(struct pt_regs *regs, unsigned long error_code)
{
	nmi_enter();
	pr_emerg("Uhhuh. NMI received for unknown reason on CPU %u.\n", smp_processor_id());
	nmi_exit();
}

/*
 * A double fault is what a page fault that could not push its frame
 * becomes: CR2 is the address of that push (SDM vol. 3A, 6.15 "Interrupt
 * 14"). In a guard page of the task's stack it is an overflow; this runs
 * on its IST stack and only reads the overflowed stack, above its guard,
 * for the call trace.
 */
static void exc_double_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long cr2 = read_cr2();

	if (stack_guard_hit(current, cr2))
		handle_stack_overflow("kernel stack overflow (double-fault)", regs, cr2);
	oops_begin(regs);
	pr_emerg("double fault: the kernel stack may have overflowed\n");
	die_addr("double fault", regs, error_code, 0);
}

/* Each exception vector's handler; NULL: do_error_trap(). Read-only. */
static const exception_handler_t exception_handlers[NR_EXCEPTION_VECTORS] = {
	[X86_TRAP_NMI] = exc_nmi,
	[X86_TRAP_DF] = exc_double_fault,
	[X86_TRAP_PF] = exc_page_fault,
};

void do_exception(struct pt_regs *regs);
void do_exception(struct pt_regs *regs)
{
	exception_handler_t handler;

	/* An interrupted user access (stac) must not leak into the handler. */
	clac();
	if (regs->vector >= FIRST_EXTERNAL_VECTOR) {
		do_irq(regs);
	} else {
		handler = exception_handlers[regs->vector] ?: do_error_trap;
		handler(regs, regs->error_code);
	}
	/* Back to user mode: the scheduler first, unless in an NMI or #MC. */
	if (user_mode(regs) && regs->vector != X86_TRAP_NMI && regs->vector != X86_TRAP_MC)
		syscall_exit_to_user_mode(regs);
}

/* Arm this CPU's catch and run @fn; the caller keeps preemption off. */
static bool __catch_exception(struct catch_state *c, void (*fn)(void *), void *arg,
			      struct exception_info *info)
{
	unsigned long flags;

	local_irq_save(flags);
	memset(info, 0, sizeof(*info));
	c->info = info;
	if (kernel_setjmp(&c->env)) {
		local_irq_restore(flags);
		return true;
	}
	c->armed = true;
	local_irq_restore(flags);
	fn(arg);
	c->armed = false;
	return false;
}

bool catch_exception(void (*fn)(void *), void *arg, struct exception_info *info)
{
	struct catch_state *c;
	bool caught = false;

	preempt_disable();
	c = this_cpu_ptr(&catch_state);
	if (!WARN_ON(c->armed))
		caught = __catch_exception(c, fn, arg, info);
	preempt_enable();
	return caught;
}

void trap_init(void)
{
	sort_main_extable();
	gdt_init();
	idt_init();
	syscall_init();
	fpu__init_cpu();
	setup_umip();
}
