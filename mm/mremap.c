// SPDX-License-Identifier: GPL-2.0
/*
 * mremap(2) (Linux 6.1's mm/mremap.c): resize a mapping, or move it.
 *
 * Shrinking unmaps the tail. Growing first tries in place: the VMA is
 * extended (vma_merge() of the extension) when the range after it is
 * free. Otherwise, with MREMAP_MAYMOVE (or to MREMAP_FIXED's address),
 * the mapping moves:
 *
 *   move_vma()         a VMA for the new place (copy_vma(): the old one's
 *                      flags, file and anon_vma chains; vm_pgoff of the
 *                      moved part, so each page's index stays valid for
 *                      rmap),
 *                      then the page tables, then the old range unmapped
 *                      (MREMAP_DONTUNMAP: kept, empty, and unlocked)
 *   move_page_tables() the entries move, the pages do not: per 2 MiB
 *                      extent, a whole pte table is handed from the old
 *                      pmd entry to the new one when both ends are aligned
 *                      and the new entry is empty (move_normal_pmd());
 *                      else each pte is moved (move_ptes()). Moved present
 *                      ptes become soft-dirty and the old range's TLB is
 *                      flushed before the lock that covers them is dropped.
 *
 * Accounting: a VM_ACCOUNT mapping is charged for the growth only (the
 * whole new length with DONTUNMAP, whose old range stays); while the old
 * range is unmapped, VM_ACCOUNT is hidden from its VMA so that the charge
 * is not given back, and restored on what is left of it. locked_vm and
 * total_vm follow, and a VM_LOCKED mapping's new part is populated after
 * the lock is dropped.
 *
 * Locking: mmap_lock for writing; ptes moved under mm->page_table_lock
 * (one lock for all of an mm's tables), tables allocated before it is
 * taken.
 */
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/fs.h>
#include <linux/rmap.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/printk.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <asm/pgalloc.h>
#include <asm/tlbflush.h>

/* The pmd entry of @addr if a pte table hangs there, else NULL (nothing to move). */
static pmd_t *get_old_pmd(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd))
		return NULL;
	p4d = p4d_offset(pgd, addr);
	if (p4d_none(p4dp_get(p4d)))
		return NULL;
	pud = pud_offset(p4d, addr);
	if (pud_none(pudp_get(pud)) || pud_leaf(pudp_get(pud)))
		return NULL;
	pmd = pmd_offset(pud, addr);
	if (pmd_none(pmdp_get(pmd)) || pmd_leaf(pmdp_get(pmd)))
		return NULL;
	return pmd;
}

/* The pmd entry of @addr, the levels above allocated. NULL: no memory. */
static pmd_t *alloc_new_pmd(struct mm_struct *mm, unsigned long addr)
{
	p4d_t *p4d = p4d_alloc(mm, pgd_offset(mm, addr), addr);
	pud_t *pud = p4d ? pud_alloc(mm, p4d, addr) : NULL;

	return pud ? pmd_alloc(mm, pud, addr) : NULL;
}

/*
 * A moved pte is soft-dirty: the tracker must see it at its new address.
 * Linux marks present entries (PROT_NONE ones too) and swap entries in
 * their own bit; there are no swap entries here, so every entry that is
 * not none is present.
 */
static pte_t move_soft_dirty_pte(pte_t pte)
{
	VM_BUG_ON(!pte_present(pte));
	return pte_set_flags(pte, _PAGE_SOFT_DIRTY);
}

/*
 * Move the ptes of [@old_addr, @old_end) to @new_pmd's table at @new_addr.
 * The loop is the hot part of a move that is not PMD-aligned, so it is
 * kept tight: the exchange itself tells a none entry (an exchange of 0
 * with 0 changes nothing, and none entries are written only under the
 * lock held here), and the range is flushed once if anything moved (a
 * moved non-present entry makes the flush merely unnecessary).
 */
static void move_ptes(struct vm_area_struct *vma, pmd_t *old_pmd, unsigned long old_addr,
		      unsigned long old_end, pmd_t *new_pmd, unsigned long new_addr)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *old_pte = pte_offset_map(old_pmd, old_addr);
	pte_t *old_stop = old_pte + ((old_end - old_addr) >> PAGE_SHIFT);
	pte_t *new_pte = pte_offset_map(new_pmd, new_addr);
	bool moved = false;

	spin_lock(&mm->page_table_lock);
	for (; old_pte < old_stop; old_pte++, new_pte++) {
		pte_t pte = ptep_get_and_clear(mm, old_addr, old_pte);

		if (pte_none(pte))
			continue;
		VM_BUG_ON(!pte_none(ptep_get(new_pte)));
		moved = true;
		set_pte_at(mm, new_addr, new_pte, move_soft_dirty_pte(pte));
	}
	if (moved)
		flush_tlb_range(vma, old_addr, old_end);
	spin_unlock(&mm->page_table_lock);
}

/*
 * Hand the whole pte table of an aligned 2 MiB extent to @new_pmd
 * (Linux's move_normal_pmd()). Return: false if @new_pmd holds a table
 * already (one left behind by an earlier unmap): the ptes move then.
 */
static bool move_normal_pmd(struct vm_area_struct *vma, unsigned long old_addr,
			    pmd_t *old_pmd, pmd_t *new_pmd)
{
	struct mm_struct *mm = vma->vm_mm;
	pmd_t pmd;

	spin_lock(&mm->page_table_lock);
	if (!pmd_none(pmdp_get(new_pmd))) {
		spin_unlock(&mm->page_table_lock);
		return false;
	}
	pmd = pmdp_get(old_pmd);
	pmd_clear(old_pmd);
	set_pmd(new_pmd, pmd);
	flush_tlb_range(vma, old_addr, old_addr + PMD_SIZE);
	spin_unlock(&mm->page_table_lock);
	return true;
}

unsigned long move_page_tables(struct vm_area_struct *vma, unsigned long old_addr,
			       struct vm_area_struct *new_vma, unsigned long new_addr,
			       unsigned long len)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long extent, old_end = old_addr + len;
	pmd_t *old_pmd, *new_pmd;

	for (; old_addr < old_end; old_addr += extent, new_addr += extent) {
		extent = min(pmd_addr_end(old_addr, old_end) - old_addr,
			     pmd_addr_end(new_addr, new_addr + (old_end - old_addr)) - new_addr);
		old_pmd = get_old_pmd(mm, old_addr);
		if (!old_pmd)
			continue;
		new_pmd = alloc_new_pmd(mm, new_addr);
		if (!new_pmd)
			break;
		if (extent == PMD_SIZE && move_normal_pmd(vma, old_addr, old_pmd, new_pmd))
			continue;
		if (pte_alloc(mm, new_pmd))
			break;
		move_ptes(vma, old_pmd, old_addr, old_addr + extent, new_pmd, new_addr);
	}
	return len + old_addr - old_end;	/* how much was moved */
}

/*
 * A VMA for [addr, addr + len) like *@vmap, with @pgoff: merged with a
 * neighbour if one is alike, else a copy linked in. An anonymous VMA
 * without pages takes the new address's pgoff (so it may merge there);
 * if that merges it into the old one itself, *@vmap follows.
 */
static struct vm_area_struct *copy_vma(struct vm_area_struct **vmap, unsigned long addr,
				       unsigned long len, pgoff_t pgoff)
{
	struct vm_area_struct *vma = *vmap, *new_vma, *prev;
	struct mm_struct *mm = vma->vm_mm;
	unsigned long vma_start = vma->vm_start;

	if (vma_is_anonymous(vma) && !vma->anon_vma)
		pgoff = addr >> PAGE_SHIFT;
	find_vma_prev(mm, addr, &prev);
	new_vma = vma_merge(mm, prev, addr, addr + len, vma->vm_flags, vma->anon_vma,
			    vma->vm_file, pgoff);
	if (new_vma) {
		if (vma_start >= new_vma->vm_start && vma_start < new_vma->vm_end) {
			VM_BUG_ON_VMA(vma->anon_vma, new_vma);	/* only without pages */
			*vmap = new_vma;
		}
		return new_vma;
	}
	new_vma = vm_area_dup(vma);
	if (!new_vma)
		return NULL;
	if (anon_vma_clone(new_vma, vma)) {	/* the pages keep their anon_vma */
		vm_area_free(new_vma);
		return NULL;
	}
	new_vma->vm_start = addr;
	new_vma->vm_end = addr + len;
	new_vma->vm_pgoff = pgoff;
	if (new_vma->vm_file)
		get_file(new_vma->vm_file);
	if (new_vma->vm_ops && new_vma->vm_ops->open)
		new_vma->vm_ops->open(new_vma);
	if (insert_vm_struct(mm, new_vma)) {	/* cannot fail: the range is free */
		WARN_ON_ONCE(1);
		if (new_vma->vm_ops && new_vma->vm_ops->close)
			new_vma->vm_ops->close(new_vma);
		if (new_vma->vm_file)
			fput(new_vma->vm_file);
		unlink_anon_vmas(new_vma);
		vm_area_free(new_vma);
		return NULL;
	}
	return new_vma;
}

/* VM_ACCOUNT back on the parts of the old VMA left around [old_addr, old_addr + old_len). */
static void restore_account(struct mm_struct *mm, unsigned long account_start,
			    unsigned long account_end)
{
	struct vm_area_struct *vma;

	if (account_start) {
		vma = find_vma(mm, account_start);
		vma->vm_flags |= VM_ACCOUNT;
	}
	if (account_end) {
		vma = find_vma(mm, account_end - 1);
		vma->vm_flags |= VM_ACCOUNT;
	}
}

static unsigned long move_vma(struct vm_area_struct *vma, unsigned long old_addr,
			      unsigned long old_len, unsigned long new_len,
			      unsigned long new_addr, bool *locked, unsigned long flags)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long vm_flags = vma->vm_flags, moved_len, account_start = 0, account_end = 0;
	long to_account = (long)(new_len - old_len) >> PAGE_SHIFT;
	struct vm_area_struct *new_vma;
	int err = 0;

	/* do_munmap() below may split a VMA into three: stay clear of the limit. */
	if (mm->map_count >= sysctl_max_map_count - 3)
		return -ENOMEM;
	if (flags & MREMAP_DONTUNMAP)
		to_account = (long)new_len >> PAGE_SHIFT;
	if ((vm_flags & VM_ACCOUNT) && to_account > 0 &&
	    security_vm_enough_memory_mm(mm, to_account))
		return -ENOMEM;
	new_vma = copy_vma(&vma, new_addr, new_len,
			   vma->vm_pgoff + ((old_addr - vma->vm_start) >> PAGE_SHIFT));
	if (!new_vma) {
		if ((vm_flags & VM_ACCOUNT) && to_account > 0)
			vm_unacct_memory(to_account);
		return -ENOMEM;
	}
	moved_len = move_page_tables(vma, old_addr, new_vma, new_addr, old_len);
	if (moved_len < old_len) {
		/* Out of memory for tables: move back (the old ones are there) and drop the new. */
		err = -ENOMEM;
		move_page_tables(new_vma, new_addr, vma, old_addr, moved_len);
		vma = new_vma;
		old_len = new_len;
		old_addr = new_addr;
		new_addr = (unsigned long)err;
	}
	/* Hide VM_ACCOUNT so that unmapping the old range keeps the charge. */
	if ((vm_flags & VM_ACCOUNT) && !(flags & MREMAP_DONTUNMAP)) {
		vma->vm_flags &= ~VM_ACCOUNT;
		if (vma->vm_start < old_addr)
			account_start = vma->vm_start;
		if (vma->vm_end > old_addr + old_len)
			account_end = vma->vm_end;
	}
	/* do_munmap() takes old_len off again (new_len == old_len on failure). */
	vm_stat_account(mm, vma->vm_flags, (long)new_len >> PAGE_SHIFT);
	if (!err && (flags & MREMAP_DONTUNMAP)) {
		vma->vm_flags &= VM_LOCKED_CLEAR_MASK;	/* the old range stays, unlocked */
		/* Wholly moved: its pages are the new VMA's; a new fault gets a new anon_vma. */
		if (new_vma != vma && vma->vm_start == old_addr &&
		    vma->vm_end == old_addr + old_len)
			unlink_anon_vmas(vma);
		return new_addr;
	}
	if (do_munmap(mm, old_addr, old_len) < 0) {
		/* No memory to split: at least keep the counts right. */
		if ((vm_flags & VM_ACCOUNT) && !(flags & MREMAP_DONTUNMAP))
			vm_acct_memory((long)old_len >> PAGE_SHIFT);
		account_start = account_end = 0;
	}
	if (vm_flags & VM_LOCKED) {
		mm->locked_vm += new_len >> PAGE_SHIFT;
		*locked = true;
	}
	restore_account(mm, account_start, account_end);
	return new_addr;
}

/* The VMA of [addr, addr + old_len) if it may become new_len long; ERR_PTR as Linux. */
static struct vm_area_struct *vma_to_resize(unsigned long addr, unsigned long old_len,
					    unsigned long new_len, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = vma_lookup(mm, addr);
	pgoff_t pgoff;

	if (!vma)
		return ERR_PTR(-EFAULT);
	/* old_len 0 duplicates a shared mapping; a private one would not be a copy. */
	if (!old_len && !(vma->vm_flags & (VM_SHARED | VM_MAYSHARE))) {
		pr_warn_once("%s (%d): attempted to duplicate a private mapping with mremap.  This is not supported.\n",
			     current->comm, current->pid);
		return ERR_PTR(-EINVAL);
	}
	if ((flags & MREMAP_DONTUNMAP) && (vma->vm_flags & (VM_DONTEXPAND | VM_PFNMAP)))
		return ERR_PTR(-EINVAL);
	if (vma->vm_flags & VM_HUGETLB)
		return ERR_PTR(-EINVAL);
	if (old_len > vma->vm_end - addr)	/* across VMAs */
		return ERR_PTR(-EFAULT);
	if (new_len == old_len)
		return vma;
	pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	if (pgoff + (new_len >> PAGE_SHIFT) < pgoff)
		return ERR_PTR(-EINVAL);
	if (vma->vm_flags & (VM_DONTEXPAND | VM_PFNMAP))
		return ERR_PTR(-EFAULT);
	if (mlock_future_check(mm, vma->vm_flags, new_len - old_len))
		return ERR_PTR(-EAGAIN);
	if (!may_expand_vm(mm, vma->vm_flags, (new_len - old_len) >> PAGE_SHIFT))
		return ERR_PTR(-ENOMEM);
	return vma;
}

/* Where to move [addr, addr + new_len): a free range for the VMA's file and offset, or new_addr. */
static unsigned long mremap_target(struct vm_area_struct *vma, unsigned long addr,
				   unsigned long new_addr, unsigned long new_len,
				   unsigned long map_flags)
{
	if (vma->vm_flags & VM_MAYSHARE)
		map_flags |= MAP_SHARED;
	return mm_get_unmapped_area(vma->vm_mm, vma->vm_file, new_addr, new_len,
				    vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT),
				    map_flags);
}

/* MREMAP_FIXED or MREMAP_DONTUNMAP: the move to @new_addr (or to a free place). */
static unsigned long mremap_to(unsigned long addr, unsigned long old_len,
			       unsigned long new_addr, unsigned long new_len, bool *locked,
			       unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long ret;

	if (new_addr & ~PAGE_MASK)
		return -EINVAL;
	if (new_len > TASK_SIZE || new_addr > TASK_SIZE - new_len)
		return -EINVAL;
	if (addr + old_len > new_addr && new_addr + new_len > addr)	/* overlap */
		return -EINVAL;
	/* Both ends may split in three before the move: keep four maps in hand. */
	if (mm->map_count + 2 >= sysctl_max_map_count - 3)
		return -ENOMEM;
	if (flags & MREMAP_FIXED) {
		ret = (unsigned long)do_munmap(mm, new_addr, new_len);
		if (ret)
			return ret;
	}
	if (old_len > new_len) {
		ret = (unsigned long)do_munmap(mm, addr + new_len, old_len - new_len);
		if (ret)
			return ret;
		old_len = new_len;
	}
	vma = vma_to_resize(addr, old_len, new_len, flags);
	if (IS_ERR(vma))
		return (unsigned long)PTR_ERR(vma);
	if ((flags & MREMAP_DONTUNMAP) &&
	    !may_expand_vm(mm, vma->vm_flags, old_len >> PAGE_SHIFT))
		return -ENOMEM;
	ret = mremap_target(vma, addr, new_addr, new_len, flags & MREMAP_FIXED ? MAP_FIXED : 0);
	if (IS_ERR_VALUE(ret))
		return ret;
	if (!(flags & MREMAP_FIXED))
		new_addr = ret;
	return move_vma(vma, addr, old_len, new_len, new_addr, locked, flags);
}

/* Can @vma grow by @delta bytes where it is? */
static bool vma_expandable(struct vm_area_struct *vma, unsigned long delta)
{
	unsigned long end = vma->vm_end + delta;

	if (end < vma->vm_end)
		return false;
	if (find_vma_intersection(vma->vm_mm, vma->vm_end, end))
		return false;
	return !IS_ERR_VALUE(mm_get_unmapped_area(vma->vm_mm, NULL, vma->vm_start,
						  end - vma->vm_start, 0, MAP_FIXED));
}

/* Grow @vma at its end from addr + old_len to addr + new_len. Return: addr or -ENOMEM. */
static unsigned long mremap_expand(struct vm_area_struct *vma, unsigned long addr,
				   unsigned long old_len, unsigned long new_len, bool *locked)
{
	struct mm_struct *mm = vma->vm_mm;
	long pages = (long)(new_len - old_len) >> PAGE_SHIFT;
	unsigned long ext_start = addr + old_len, vm_flags = vma->vm_flags;
	pgoff_t ext_pgoff = vma->vm_pgoff + ((ext_start - vma->vm_start) >> PAGE_SHIFT);

	if ((vm_flags & VM_ACCOUNT) && security_vm_enough_memory_mm(mm, pages))
		return -ENOMEM;
	vma = vma_merge(mm, vma, ext_start, addr + new_len, vm_flags, vma->anon_vma,
			vma->vm_file, ext_pgoff);
	if (!vma) {	/* a VMA with close() or special flags: Linux refuses as well */
		if (vm_flags & VM_ACCOUNT)
			vm_unacct_memory(pages);
		return -ENOMEM;
	}
	vm_stat_account(mm, vma->vm_flags, pages);
	if (vma->vm_flags & VM_LOCKED) {
		mm->locked_vm += (unsigned long)pages;
		*locked = true;
	}
	return addr;
}

static unsigned long do_mremap(unsigned long addr, unsigned long old_len,
			       unsigned long new_len, unsigned long flags,
			       unsigned long new_addr, bool *locked, bool *downgraded)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long ret;

	if (!vma_lookup(mm, addr))
		return -EFAULT;
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP))
		return mremap_to(addr, old_len, new_addr, new_len, locked, flags);
	if (old_len >= new_len) {	/* shrinking is always allowed */
		int retval = __do_munmap(mm, addr + new_len, old_len - new_len, true);

		if (retval < 0 && old_len != new_len)
			return (unsigned long)retval;
		*downgraded = retval == 1;
		return addr;
	}
	vma = vma_to_resize(addr, old_len, new_len, flags);
	if (IS_ERR(vma))
		return (unsigned long)PTR_ERR(vma);
	if (old_len == vma->vm_end - addr && vma_expandable(vma, new_len - old_len))
		return mremap_expand(vma, addr, old_len, new_len, locked);
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	ret = mremap_target(vma, addr, 0, new_len, 0);
	if (IS_ERR_VALUE(ret))
		return ret;
	return move_vma(vma, addr, old_len, new_len, ret, locked, flags);
}

SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len, unsigned long, new_len,
		unsigned long, flags, unsigned long, new_addr)
{
	struct mm_struct *mm = current->mm;
	bool locked = false, downgraded = false;
	unsigned long ret;

	if (flags & ~(MREMAP_FIXED | MREMAP_MAYMOVE | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	/* DONTUNMAP always moves, and never resizes. */
	if ((flags & MREMAP_DONTUNMAP) && (!(flags & MREMAP_MAYMOVE) || old_len != new_len))
		return -EINVAL;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len)
		return -EINVAL;
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	ret = do_mremap(addr, old_len, new_len, flags, new_addr, &locked, &downgraded);
	if (ret & ~PAGE_MASK)
		locked = false;
	if (downgraded)
		mmap_read_unlock(mm);
	else
		mmap_write_unlock(mm);
	if (locked && new_len > old_len)
		mm_populate(ret + old_len, new_len - old_len);
	return ret;
}
