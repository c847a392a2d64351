// SPDX-License-Identifier: GPL-2.0
/*
 * mprotect(2) (Linux's mm/mprotect.c): new access rights for a range.
 *
 * VMAs: each VMA of the range gets the new VM_READ/WRITE/EXEC, split off
 * or merged with its neighbours (vma_modify_flags()); the range must be
 * mapped without holes (-ENOMEM) and each VMA must allow the rights
 * (VM_MAY*, else -EACCES: a shared mapping of a file opened read-only
 * cannot become writable). A private mapping that becomes writable for
 * the first time is charged to overcommit (VM_ACCOUNT), and the data
 * counters (RLIMIT_DATA) follow the flags.
 *
 * ptes: change_protection() rewrites the present ptes of the range to
 * vma->vm_page_prot (pte_modify() keeps pfn, dirty, accessed, soft-dirty)
 * and flushes the TLB of the range if any changed. PROT_NONE entries stay
 * "present" to the mm (_PAGE_PROTNONE). When access returns, a pte is
 * made writable at once only where the write fault would do nothing else
 * (Linux 6.1's can_change_pte_writable()): a dirty pte of a shared
 * mapping, or a dirty pte of an exclusive anonymous page in a private one
 * (no COW possible), and not while soft-dirty tracking wants the fault.
 * Everything else stays read-only and the fault decides.
 *
 * Locking: mmap_lock for writing; the ptes under the pte lock
 * (mm->page_table_lock), the TLB flushed after it is dropped but before
 * mmap_lock is (a racing fault cannot see a stale writable entry: it
 * takes the pte lock and rechecks).
 */
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/pagewalk.h>
#include <linux/rmap.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <asm/tlbflush.h>
#include "internal.h"

struct change_prot {
	pgprot_t newprot;
	bool try_writable;	/* the VMA may upgrade ptes to writable itself */
	unsigned long changed;	/* ptes rewritten */
};

/* Would the write fault on this read-only pte just make it writable? (can_change_pte_writable()) */
static bool can_change_pte_writable(struct vm_area_struct *vma, pte_t pte)
{
	struct page *page;

	if (!(pte_flags(pte) & _PAGE_PRESENT) || !pte_dirty(pte))
		return false;
	if (!(vma->vm_flags & VM_SOFTDIRTY) && !(pte_flags(pte) & _PAGE_SOFT_DIRTY))
		return false;	/* soft-dirty tracking wants the fault */
	if (vma->vm_flags & VM_SHARED)
		return true;
	if (pte_special(pte))
		return false;
	page = pfn_to_page(pte_pfn(pte));
	return PageAnon(page) && PageAnonExclusive(page);
}

static int change_pte_entry(pte_t *ptep, unsigned long addr, unsigned long next,
			    struct mm_walk *walk)
{
	struct change_prot *cp = walk->private;
	pte_t old = ptep_get(ptep), new;

	if (!pte_present(old))
		return 0;
	new = pte_modify(old, cp->newprot);
	if (cp->try_writable && !pte_write(new) && can_change_pte_writable(walk->vma, new))
		new = pte_mkwrite(new);
	if (!pte_same(old, new)) {
		set_pte_at(walk->mm, addr, ptep, new);
		cp->changed++;
	}
	return 0;
}

static const struct mm_walk_ops change_prot_ops = {
	.pte_entry = change_pte_entry,
};

/* Should writable ptes be made by mprotect itself (Linux's vma_wants_manual_pte_write_upgrade())? */
static bool vma_wants_manual_pte_write_upgrade(struct vm_area_struct *vma)
{
	/* Shared: tmpfs needs no write notification (no dirty accounting yet). */
	return vma->vm_flags & VM_WRITE;
}

unsigned long change_protection(struct vm_area_struct *vma, unsigned long start,
				unsigned long end, pgprot_t newprot)
{
	struct change_prot cp = {
		.newprot = newprot,
		.try_writable = vma_wants_manual_pte_write_upgrade(vma),
	};
	struct mm_struct *mm = vma->vm_mm;

	spin_lock(&mm->page_table_lock);
	walk_page_range(mm, start, end, &change_prot_ops, &cp);
	spin_unlock(&mm->page_table_lock);
	if (cp.changed)
		flush_tlb_range(vma, start, end);
	return cp.changed;
}

/*
 * Charge [start, end) of @vma when it turns writable (Linux's rules).
 * Return: the pages charged (0 if none needed), or -ENOMEM.
 */
static long mprotect_charge(struct mm_struct *mm, unsigned long oldflags,
			    unsigned long *newflags, unsigned long nrpages)
{
	if (!(*newflags & VM_WRITE))
		return 0;
	if (!may_expand_vm(mm, *newflags, nrpages) && may_expand_vm(mm, oldflags, nrpages))
		return -ENOMEM;
	if (oldflags & (VM_ACCOUNT | VM_WRITE | VM_HUGETLB | VM_SHARED | VM_NORESERVE))
		return 0;
	if (security_vm_enough_memory_mm(mm, (long)nrpages))
		return -ENOMEM;
	*newflags |= VM_ACCOUNT;
	return (long)nrpages;
}

/* [start, end) of @vma gets @newflags; *@pprev becomes the VMA now ending at @end. */
static int mprotect_fixup(struct vm_area_struct *vma, struct vm_area_struct **pprev,
			  unsigned long start, unsigned long end, unsigned long newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long oldflags = vma->vm_flags, nrpages = (end - start) >> PAGE_SHIFT;
	long charged;

	if (newflags == oldflags) {
		*pprev = vma;
		return 0;
	}
	charged = mprotect_charge(mm, oldflags, &newflags, nrpages);
	if (charged < 0)
		return (int)charged;
	vma = vma_modify_flags(mm, *pprev, vma, start, end, newflags);
	if (IS_ERR(vma)) {
		vm_unacct_memory(charged);
		return PTR_ERR(vma);
	}
	*pprev = vma;
	vma->vm_flags = newflags;
	vma_set_page_prot(vma);
	change_protection(vma, start, end, vma->vm_page_prot);
	/* A private locked VMA turning writable: break COW now, not at the first write. */
	if ((oldflags & (VM_WRITE | VM_SHARED | VM_LOCKED)) == VM_LOCKED && (newflags & VM_WRITE))
		populate_vma_page_range(vma, start, end);
	vm_stat_account(mm, oldflags, -(long)nrpages);
	vm_stat_account(mm, newflags, (long)nrpages);
	return 0;
}

/* The first VMA to change and where the range really starts; -errno if the range is not right. */
static int mprotect_first_vma(struct mm_struct *mm, unsigned long *start, unsigned long end,
			      unsigned long grows, struct vm_area_struct **pvma)
{
	struct vm_area_struct *vma = find_vma(mm, *start);

	if (!vma)
		return -ENOMEM;
	if (grows & PROT_GROWSDOWN) {
		if (vma->vm_start >= end)
			return -ENOMEM;
		*start = vma->vm_start;
		if (!(vma->vm_flags & VM_GROWSDOWN))
			return -EINVAL;
	} else if (vma->vm_start > *start) {
		return -ENOMEM;
	} else if (grows & PROT_GROWSUP) {
		return -EINVAL;		/* no VM_GROWSUP on x86 */
	}
	*pvma = vma;
	return 0;
}

static int do_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long nstart, end, tmp, grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	struct vm_area_struct *vma, *prev;
	int error;

	prot &= ~(PROT_GROWSDOWN | PROT_GROWSUP);
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
		return -EINVAL;		/* x86's arch_validate_prot() */
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	error = mprotect_first_vma(mm, &start, end, grows, &vma);
	if (error)
		goto out;
	prev = start > vma->vm_start ? vma : vma->vm_prev;
	for (nstart = start;;) {
		unsigned long newflags = calc_vm_prot_bits(prot) |
					 (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC));

		/* newflags >> 4 puts VM_MAY* where VM_* are: nothing beyond what is allowed. */
		if ((newflags & ~(newflags >> 4)) & (VM_READ | VM_WRITE | VM_EXEC)) {
			error = -EACCES;
			break;
		}
		tmp = min(vma->vm_end, end);
		error = mprotect_fixup(vma, &prev, nstart, tmp, newflags);
		if (error)
			break;
		nstart = max(tmp, prev->vm_end);
		if (nstart >= end)
			break;
		vma = prev->vm_next;
		if (!vma || vma->vm_start != nstart) {
			error = -ENOMEM;
			break;
		}
	}
out:
	mmap_write_unlock(mm);
	return error;
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	return do_mprotect(start, len, prot);
}
