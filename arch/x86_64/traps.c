// SPDX-License-Identifier: GPL-2.0
/*
 * CPU exceptions: the report (an "oops") and what follows it.
 *
 * Every exception except NMI is fatal for now: do_exception() prints the
 * exception's name and error code, the faulting address for a page fault,
 * every register and a symbolised stack trace, in the shape of Linux's
 * oops so that people and scripts read it as they would Linux's, and then
 * panics. A page fault or double fault in a guard page of the task's
 * stack is reported as a kernel stack overflow (kernel/fork.c has the
 * stacks; the double fault, on its own IST stack, is what an overflow
 * becomes). Until the memory layer installs the real page-fault handler
 * (demand paging, oops with the page-table walk), a page fault is no
 * different.
 *
 * catch_exception() is the one way back: a caller (a test that must fault)
 * runs a function with the catch armed; an exception inside is reported in
 * full, then execution resumes in catch_exception() through kernel_longjmp.
 * Double fault and machine check are never caught: the state they leave is
 * not one to continue from. The catch state is the boot CPU's; SMP makes it
 * per-CPU.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/string.h>
#include <asm/traps.h>
#include <asm/irq.h>
#include <linux/smp.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/setjmp.h>
#include <asm/stacktrace.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <linux/bug.h>

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

static struct {
	bool armed;
	struct jmp_buf env;
	struct exception_info *info;
} catch_state;

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

/* The "#PF:" lines Linux prints before the oops header. */
static void show_fault_oops(const struct pt_regs *regs, unsigned long address)
{
	unsigned long ec = regs->error_code;

	if (address < PAGE_SIZE)
		pr_alert("BUG: kernel NULL pointer dereference, address: %016lx\n", address);
	else
		pr_alert("BUG: unable to handle page fault for address: %016lx\n", address);
	pr_alert("#PF: %s %s in %s mode\n",
		 (ec & X86_PF_USER) ? "user" : "supervisor",
		 (ec & X86_PF_INSTR) ? "instruction fetch" :
		 (ec & X86_PF_WRITE) ? "write access" : "read access",
		 (ec & X86_PF_USER) ? "user" : "kernel");
	pr_alert("#PF: error_code(0x%04lx) - %s\n", ec,
		 !(ec & X86_PF_PROT) ? "not-present page" :
		 (ec & X86_PF_RSVD) ? "reserved bit violation" :
		 "permissions violation");
	dump_pagetable(address);
}

/*
 * Did @address hit a guard page of @tsk's stack: the page below it (an
 * overflow) or the one above it (running off the top)? Only the stacks
 * kernel/fork.c vmallocs have guard pages.
 */
static bool stack_guard_hit(const struct task_struct *tsk, unsigned long address)
{
	unsigned long lo = (unsigned long)task_stack_page(tsk), hi = lo + THREAD_SIZE;

	if (!task_stack_vm_area(tsk))
		return false;
	return (address < lo && lo - address <= PAGE_SIZE) ||
	       (address >= hi && address - hi < PAGE_SIZE);
}

/*
 * The oops for @regs. A page fault, or a double fault (a page fault that
 * could not push its frame: CR2 is the address of that push, SDM vol. 3A,
 * 6.15 "Interrupt 14"), in a guard page of the current task's stack is a
 * kernel stack overflow, reported as Linux's handle_stack_overflow() does.
 * A double fault runs on its IST stack and only reads the overflowed
 * stack, above its guard, for the call trace. Return: whether it was one.
 */
static bool report_exception(const struct pt_regs *regs, unsigned long address)
{
	const char *what = regs->vector == X86_TRAP_PF ? "Oops" : exception_name(regs->vector);
	unsigned long cr2 = regs->vector == X86_TRAP_DF ? read_cr2() : address;
	bool overflow = (regs->vector == X86_TRAP_PF || regs->vector == X86_TRAP_DF) &&
			stack_guard_hit(current, cr2);

	oops_count++;
	if (overflow) {
		pr_emerg("BUG: stack guard page was hit at %p (stack is %p..%p)\n", (void *)cr2,
			 task_stack_page(current), (char *)task_stack_page(current) + THREAD_SIZE - 1);
		what = regs->vector == X86_TRAP_DF ? "kernel stack overflow (double-fault)" :
						     "kernel stack overflow (page fault)";
	} else if (regs->vector == X86_TRAP_PF) {
		show_fault_oops(regs, address);
	}
	printk(KERN_DEFAULT "%s: %04lx [#%lu] SMP\n", what, regs->error_code & 0xffff,
	       oops_count);
	printk(KERN_DEFAULT "CPU: %u PID: %d Comm: %s\n", smp_processor_id(), current->pid,
	       current->comm);
	show_regs(regs);
	printk(KERN_DEFAULT "Call Trace:\n");
	/* entry.S built a frame {rbp, rip} of the interrupted code below regs. */
	show_trace((unsigned long)regs - sizeof(struct stack_frame), KERN_DEFAULT);
	return overflow;
}

static bool catchable(int vector)
{
	return vector != X86_TRAP_DF && vector != X86_TRAP_MC && vector != X86_TRAP_NMI;
}

void do_exception(struct pt_regs *regs);
void do_exception(struct pt_regs *regs)
{
	unsigned long address = regs->vector == X86_TRAP_PF ? read_cr2() : 0;

	if (regs->vector >= FIRST_EXTERNAL_VECTOR) {
		do_irq(regs);
		return;
	}
	if (regs->vector == X86_TRAP_NMI) {
		nmi_enter();
		pr_emerg("Uhhuh. NMI received for unknown reason on CPU %u.\n",
			 smp_processor_id());
		nmi_exit();
		return;
	}
	if (catch_state.armed && catchable(regs->vector)) {
		struct exception_info *info = catch_state.info;

		catch_state.armed = false;
		report_exception(regs, address);
		printk(KERN_DEFAULT "---[ exception caught by catch_exception(), resuming ]---\n");
		info->vector = regs->vector;
		info->error_code = regs->error_code;
		info->address = address;
		info->ip = regs->ip;
		kernel_longjmp(&catch_state.env, 1);
	}
	oops_in_progress = 1;
	if (!report_exception(regs, address) && regs->vector == X86_TRAP_DF)
		pr_emerg("double fault: the kernel stack may have overflowed\n");
	panic("Fatal exception");
}

bool catch_exception(void (*fn)(void *), void *arg, struct exception_info *info)
{
	unsigned long flags;

	if (WARN_ON(catch_state.armed))
		return false;
	local_irq_save(flags);
	memset(info, 0, sizeof(*info));
	catch_state.info = info;
	if (kernel_setjmp(&catch_state.env)) {
		local_irq_restore(flags);
		return true;
	}
	catch_state.armed = true;
	local_irq_restore(flags);
	fn(arg);
	catch_state.armed = false;
	return false;
}

void trap_init(void)
{
	gdt_init();
	idt_init();
}
