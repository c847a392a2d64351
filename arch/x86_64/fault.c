// SPDX-License-Identifier: GPL-2.0
/*
 * The page-fault handler, in the shape of Linux's x86 one.
 *
 * exc_page_fault() reads CR2 and calls do_page_fault(), which decodes the
 * error code (asm/traps.h):
 *
 *   X86_PF_PROT   0: the entry was not present; 1: a protection violation
 *   X86_PF_WRITE  a write (else a read)
 *   X86_PF_USER   the CPU was in user mode
 *   X86_PF_RSVD   a reserved bit was set in an entry: a corrupt table
 *   X86_PF_INSTR  an instruction fetch
 *   X86_PF_PK     a protection-key violation
 *
 * and dispatches, in Linux's order:
 *
 *   user mode (X86_PF_USER)       no VMAs exist yet: Linux's "segfault
 *                                 at" line, and the task ends by SIGSEGV
 *   kernel mode, kernel address   do_kern_addr_fault(): a spurious fault (the
 *                                 entry already allows the access: a stale
 *                                 TLB entry) is flushed and retried; else
 *                                 the fixup or the oops
 *   kernel mode, user address     do_user_addr_fault(): a reserved-bit fault
 *                                 is a bad page table; a SMAP violation (no
 *                                 stac) oopses without looking for a fixup;
 *                                 else the fixup or the oops (no address
 *                                 space to fault pages into yet)
 *
 * kernelmode_fixup_or_oops() resumes at the faulting ip's exception-table
 * fixup (arch/x86_64/extable.c: the uaccess functions' way of returning
 * -EFAULT) and only then reports: page_fault_oops() treats a fault in a
 * guard page of the task's stack as a stack overflow (traps.c's
 * handle_stack_overflow()), names the free page a debug_pagealloc use after
 * free touched (mm/debug_page_alloc.c unmaps free pages), prints Linux's
 * "#PF:" lines with the page-table walk, and oopses.
 *
 * There are no vmalloc-space faults to fix up: every CPU runs on init_mm's
 * top-level table, so a vmalloc mapping is visible everywhere as soon as
 * it is made (as on Linux x86-64, whose kernel half of every pgd shares
 * init_mm's entries). Process page tables will copy those entries when
 * they are created.
 *
 * Context: exception, interrupts off, on the interrupted stack. Nothing
 * here takes a lock: lookup_address() and dump_pagetable() read the
 * kernel's tables locklessly, as Linux's fault path does. A table page
 * may only be freed after a TLB shootdown, whose IPI this CPU cannot
 * acknowledge while it is in here with interrupts off, so no table goes
 * away under the walk.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/ratelimit.h>
#include <asm/extable.h>
#include <asm/signal.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/smap.h>
#include <asm/tlbflush.h>
#include <asm/traps.h>

static bool fault_in_kernel_space(unsigned long address)
{
	return address >= TASK_SIZE_MAX;
}

/* The leaf entry mapping @address in the kernel's tables, if present. */
static pte_t *present_leaf(unsigned long address)
{
	enum pg_level level;
	pte_t *pte = lookup_address(address, &level);

	return pte && (pte_val(*pte) & _PAGE_PRESENT) ? pte : NULL;
}

/* Linux's warnings about instruction fetches the kernel must never do. */
static void show_fetch_violation(unsigned long error_code, unsigned long address)
{
	pte_t *pte = present_leaf(address);

	if (!(error_code & X86_PF_INSTR) || !pte)
		return;
	if (pte_val(*pte) & _PAGE_NX)
		pr_crit("kernel tried to execute NX-protected page - exploit attempt? (uid: 0)\n");
	else if (address < TASK_SIZE_MAX && (read_cr4() & X86_CR4_SMEP))
		pr_crit("unable to execute userspace code (SMEP?) (uid: 0)\n");
}

/* The "#PF:" lines Linux prints before the oops header, and the walk. */
static void show_fault_oops(unsigned long error_code, unsigned long address)
{
	show_fetch_violation(error_code, address);
	if (address < PAGE_SIZE && !(error_code & X86_PF_USER))
		pr_alert("BUG: kernel NULL pointer dereference, address: %016lx\n", address);
	else
		pr_alert("BUG: unable to handle page fault for address: %016lx\n", address);
	pr_alert("#PF: %s %s in %s mode\n",
		 (error_code & X86_PF_USER) ? "user" : "supervisor",
		 (error_code & X86_PF_INSTR) ? "instruction fetch" :
		 (error_code & X86_PF_WRITE) ? "write access" : "read access",
		 (error_code & X86_PF_USER) ? "user" : "kernel");
	pr_alert("#PF: error_code(0x%04lx) - %s\n", error_code,
		 !(error_code & X86_PF_PROT) ? "not-present page" :
		 (error_code & X86_PF_RSVD) ? "reserved bit violation" :
		 (error_code & X86_PF_PK) ? "protection keys violation" :
		 "permissions violation");
	dump_pagetable(address);
}

/*
 * debug_pagealloc unmapped this direct-map page when it was freed: say
 * which page the use after free touched before the oops.
 */
static void report_free_page_access(unsigned long error_code, unsigned long address)
{
	unsigned long pfn;

	if (!debug_pagealloc_enabled || (error_code & X86_PF_PROT) ||
	    address < PAGE_OFFSET || address >= VMALLOC_START)
		return;
	pfn = __pa(address) >> PAGE_SHIFT;
	if (pfn_valid(pfn) && !kernel_page_present(pfn_to_page(pfn)))
		dump_page(pfn_to_page(pfn), "debug_pagealloc: access to a free page");
}

static void __noreturn page_fault_oops(struct pt_regs *regs, unsigned long error_code,
				       unsigned long address)
{
	oops_begin(regs);
	if (stack_guard_hit(current, address))
		handle_stack_overflow("kernel stack overflow (page fault)", regs, address);
	report_free_page_access(error_code, address);
	show_fault_oops(error_code, address);
	die_addr("Oops", regs, error_code, address);
}

static void kernelmode_fixup_or_oops(struct pt_regs *regs, unsigned long error_code,
				     unsigned long address)
{
	if (fixup_exception(regs, X86_TRAP_PF, error_code, address))
		return;
	page_fault_oops(regs, error_code, address);
}

/* Does a present leaf entry allow the access the error code describes? */
static bool spurious_kernel_fault_check(unsigned long error_code, pte_t pte)
{
	if ((error_code & X86_PF_WRITE) && !(pte_val(pte) & _PAGE_RW))
		return false;
	if ((error_code & X86_PF_INSTR) && (pte_val(pte) & _PAGE_NX))
		return false;
	return true;
}

/*
 * A protection fault on an entry that now allows the access: another CPU
 * (or this one, without a flush) relaxed the entry after this CPU cached the
 * old one. The kernel's tables set RW and clear NX on every non-leaf entry,
 * so the leaf decides. Not-present entries are never cached (SDM vol. 3A,
 * 4.10.2.3), so a not-present fault is never spurious.
 */
static bool spurious_kernel_fault(unsigned long error_code, unsigned long address)
{
	pte_t *pte;

	if (error_code != (X86_PF_WRITE | X86_PF_PROT) &&
	    error_code != (X86_PF_INSTR | X86_PF_PROT))
		return false;
	pte = present_leaf(address);
	if (!pte || !spurious_kernel_fault_check(error_code, *pte))
		return false;
	__flush_tlb_one_kernel(address);
	return true;
}

static void do_kern_addr_fault(struct pt_regs *regs, unsigned long error_code,
			       unsigned long address)
{
	if (spurious_kernel_fault(error_code, address))
		return;
	kernelmode_fixup_or_oops(regs, error_code, address);
}

/* Linux's pgtable_bad(): a reserved bit set in an entry of the walk. */
static void __noreturn pgtable_bad(struct pt_regs *regs, unsigned long error_code,
				   unsigned long address)
{
	oops_begin(regs);
	pr_alert("%s: Corrupted page table at address %lx\n", current->comm, address);
	dump_pagetable(address);
	die_addr("Bad pagetable", regs, error_code, address);
}

/* A kernel-mode fault on a user address. */
static void do_user_addr_fault(struct pt_regs *regs, unsigned long error_code,
			       unsigned long address)
{
	if (unlikely(error_code & X86_PF_RSVD))
		pgtable_bad(regs, error_code, address);
	/* No stac: the kernel touched a user page it was not told to. */
	if (unlikely(smap_enabled && (error_code & X86_PF_PROT) &&
		     !(regs->flags & X86_EFLAGS_AC)))
		page_fault_oops(regs, error_code, address);
	kernelmode_fixup_or_oops(regs, error_code, address);
}

/*
 * A user task's fault: Linux's show_signal_msg() line, and the task ends
 * by SIGSEGV. There are no VMAs to fault pages into yet, so every user
 * fault is a bad access.
 */
static void __noreturn bad_user_fault(struct pt_regs *regs, unsigned long error_code,
				      unsigned long address)
{
	static DEFINE_RATELIMIT_STATE(rs, DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST);

	if (__ratelimit(&rs))
		pr_info("%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx\n", current->comm,
			current->pid, address, regs->ip, regs->sp, error_code);
	force_sig_exit(SIGSEGV);
}

void do_page_fault(struct pt_regs *regs, unsigned long error_code, unsigned long address)
{
	if (unlikely(error_code & X86_PF_USER))
		bad_user_fault(regs, error_code, address);
	if (fault_in_kernel_space(address))
		do_kern_addr_fault(regs, error_code, address);
	else
		do_user_addr_fault(regs, error_code, address);
}

void exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	do_page_fault(regs, error_code, read_cr2());
}
