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
 *   user address                  do_user_addr_fault(): a reserved-bit
 *                                 fault is a bad page table; a kernel-mode
 *                                 SMAP violation (no stac) oopses; a
 *                                 kernel-mode fault outside the uaccess
 *                                 routines (no exception-table entry), in
 *                                 atomic context or with no mm goes to the
 *                                 fixup or the oops. Otherwise, with
 *                                 interrupts on and mmap_lock held for
 *                                 reading: find_vma(), expand_stack() for
 *                                 a VM_GROWSDOWN VMA below, access_error()
 *                                 against vm_flags, handle_mm_fault().
 *                                 What stays unresolved is bad_area():
 *                                 from user mode bad_user_fault() (the
 *                                 "segfault at" line and SIGSEGV with
 *                                 SEGV_MAPERR/SEGV_ACCERR, or SIGBUS),
 *                                 from a uaccess routine its fixup
 *                                 (-EFAULT)
 *   kernel address, user mode     bad_user_fault(), SEGV_MAPERR
 *   kernel address, kernel mode   do_kern_addr_fault(): a spurious fault (the
 *                                 entry already allows the access: a stale
 *                                 TLB entry) is flushed and retried; else
 *                                 the fixup or the oops
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
 * Context: exception, interrupts off, on the interrupted stack. The
 * kernel-address paths take no lock: lookup_address() and
 * dump_pagetable() read the kernel's tables locklessly, as Linux's fault
 * path does. A table page may only be freed after a TLB shootdown, whose
 * IPI this CPU cannot acknowledge while it is in here with interrupts
 * off, so no table goes away under the walk. The user-address path turns
 * interrupts on (the interrupted context had them on) and may sleep, on
 * mmap_lock and in the allocator; it turns them off again before the
 * exception returns.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/mmzone.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/preempt.h>
#include <linux/ratelimit.h>
#include <asm/extable.h>
#include <asm/signal.h>
#include <linux/sched/signal.h>
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

/* Linux's print_vma_addr(): " in NAME[start+size]" when @ip lies in a file mapping. */
static void print_vma_addr(struct mm_struct *mm, unsigned long ip)
{
	struct vm_area_struct *vma;

	if (!mm || !mmap_read_trylock(mm))
		return;
	vma = vma_lookup(mm, ip);
	if (vma && vma->vm_file) {
		spin_lock(&dcache_lock);
		pr_cont(" in %s[%lx+%lx]", vma->vm_file->f_path.dentry->d_name.name,
			vma->vm_start, vma->vm_end - vma->vm_start);
		spin_unlock(&dcache_lock);
	}
	mmap_read_unlock(mm);
}

/*
 * A user task's bad access: @sig is SIGSEGV (11) with @si_code SEGV_MAPERR
 * (1: nothing mapped), SEGV_ACCERR (2: the mapping forbids the access) or
 * SEGV_PKUERR (4: a protection key does), or SIGBUS (7) with BUS_ADRERR
 * (2: beyond the end of the file); si_addr is @address. A SIGSEGV that
 * nothing handles prints Linux's show_signal_msg() line first. The signal
 * is delivered on the way back to user mode (force_sig_fault()). Context:
 * user-mode fault, interrupts on, mmap_lock not held.
 */
static void bad_user_fault(struct pt_regs *regs, unsigned long error_code,
			   unsigned long address, int sig, int si_code)
{
	static DEFINE_RATELIMIT_STATE(rs, DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST);

	if (sig == SIGSEGV && unhandled_signal(current, sig) && __ratelimit(&rs)) {
		pr_info("%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx", current->comm,
			current->pid, address, regs->ip, regs->sp, error_code);
		print_vma_addr(current->mm, regs->ip);
		pr_cont("\n");
	}
	force_sig_fault(sig, si_code, (void __user *)address);
}

/*
 * A fault that handle_mm_fault() cannot resolve, or no VMA allows: the
 * user task gets the signal, kernel code its exception-table fixup.
 */
static void bad_area(struct pt_regs *regs, unsigned long error_code, unsigned long address,
		     int sig, int si_code)
{
	if (user_mode(regs)) {
		bad_user_fault(regs, error_code, address, sig, si_code);
		return;
	}
	kernelmode_fixup_or_oops(regs, error_code, address);
}

/*
 * Linux's access_error(): does @vma forbid the access @error_code
 * describes? A protection-key fault always; a write to a VMA without
 * VM_WRITE; a read of a present page (so a protection fault: an
 * instruction fetch of an NX page lands here too); a read of a PROT_NONE
 * VMA. An instruction fetch of a not-present page of a VMA without
 * VM_EXEC maps the page NX, and the retried fetch takes the protection
 * path, as in Linux.
 */
static bool access_error(unsigned long error_code, struct vm_area_struct *vma)
{
	if (error_code & X86_PF_PK)
		return true;
	if (error_code & X86_PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (error_code & X86_PF_PROT)
		return true;
	return !vma_is_accessible(vma);
}

static unsigned int fault_flags(struct pt_regs *regs, unsigned long error_code)
{
	unsigned int flags = 0;

	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	if (error_code & X86_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (error_code & X86_PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;
	return flags;
}

/*
 * The VMA the access at @address may use, growing a stack down to it;
 * NULL with *@si_code set when there is none or it forbids the access.
 * Context: mmap_lock held for reading.
 */
static struct vm_area_struct *fault_vma(struct mm_struct *mm, unsigned long error_code,
					unsigned long address, int *si_code)
{
	struct vm_area_struct *vma = find_vma(mm, address);

	*si_code = SEGV_MAPERR;
	if (!vma)
		return NULL;
	if (vma->vm_start > address &&
	    (!(vma->vm_flags & VM_GROWSDOWN) || expand_stack(vma, address)))
		return NULL;
	*si_code = (error_code & X86_PF_PK) ? SEGV_PKUERR : SEGV_ACCERR;
	return access_error(error_code, vma) ? NULL : vma;
}

/*
 * Resolve a fault on a user address of current's mm (Linux's
 * do_user_addr_fault()), from user mode or from a uaccess routine.
 * The signal of an unresolved one follows VM_FAULT_*: SIGBUS for
 * VM_FAULT_SIGBUS, SIGSEGV otherwise (an out-of-memory fault too, until
 * the OOM killer exists: Linux's pagefault_out_of_memory() would retry).
 */
static void handle_user_fault(struct pt_regs *regs, unsigned long error_code,
			      unsigned long address)
{
	struct mm_struct *mm = current->mm;
	unsigned int flags = fault_flags(regs, error_code);
	struct vm_area_struct *vma;
	vm_fault_t fault;
	int si_code;

	mmap_read_lock(mm);
	vma = fault_vma(mm, error_code, address, &si_code);
	if (!vma) {
		mmap_read_unlock(mm);
		bad_area(regs, error_code, address, SIGSEGV, si_code);
		return;
	}
	fault = handle_mm_fault(vma, address, flags, regs);
	mmap_read_unlock(mm);
	if (likely(!(fault & VM_FAULT_ERROR)))
		return;
	if (fault & (VM_FAULT_SIGBUS | VM_FAULT_HWPOISON | VM_FAULT_HWPOISON_LARGE))
		bad_area(regs, error_code, address, SIGBUS, BUS_ADRERR);
	else
		bad_area(regs, error_code, address, SIGSEGV,
			 (fault & VM_FAULT_OOM) ? SEGV_MAPERR : si_code);
}

/*
 * A fault on a user address. From kernel mode only the uaccess routines
 * (which have an exception-table entry, and under SMAP run with
 * EFLAGS.AC) may touch user memory, and only where they may sleep:
 * anything else goes straight to the fixup or the oops.
 */
static void do_user_addr_fault(struct pt_regs *regs, unsigned long error_code,
			       unsigned long address)
{
	bool user = user_mode(regs);

	if (unlikely(error_code & X86_PF_RSVD))
		pgtable_bad(regs, error_code, address);
	/* No stac: the kernel touched a user page it was not told to. */
	if (unlikely(!user && smap_enabled && (error_code & X86_PF_PROT) &&
		     !(regs->flags & X86_EFLAGS_AC)))
		page_fault_oops(regs, error_code, address);
	if (!user && (!current->mm || !search_exception_tables(regs->ip) ||
		      !(regs->flags & X86_EFLAGS_IF) || in_atomic())) {
		kernelmode_fixup_or_oops(regs, error_code, address);
		return;
	}
	local_irq_enable();
	handle_user_fault(regs, error_code, address);
	local_irq_disable();
}

void do_page_fault(struct pt_regs *regs, unsigned long error_code, unsigned long address)
{
	if (!fault_in_kernel_space(address)) {
		do_user_addr_fault(regs, error_code, address);
		return;
	}
	if (unlikely(user_mode(regs))) {
		local_irq_enable();
		bad_user_fault(regs, error_code, address, SIGSEGV, SEGV_MAPERR);
		local_irq_disable();
		return;
	}
	do_kern_addr_fault(regs, error_code, address);
}

void exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	do_page_fault(regs, error_code, read_cr2());
}
