// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: the VMAs of an address space (include/linux/mm.h declares them)
 *
 * An mm_struct's VMAs are kept twice, as in Linux up to 6.0:
 *
 *   mm->mmap  -> [A] <-> [B] <-> [C] <-> [D]      vm_next / vm_prev, by address
 *
 *   mm->mm_rb           [B]                       vm_rb, keyed by vm_start;
 *                      /   \                      each node's rb_subtree_gap is
 *                    [A]   [D]                    the largest gap below any VMA
 *                          /                      of its subtree
 *                        [C]
 *
 * The gap below a VMA runs from vm_end_gap(vm_prev) (0 for the first) to
 * vm_start_gap(vma), which leaves a VM_GROWSDOWN VMA its stack guard gap.
 * A VMA's own gap thus depends on its predecessor: whoever changes a
 * vm_end updates the gap of the VMA after it (vma_gap_update()), and
 * whoever changes a vm_start updates the VMA's own. The space above the
 * last VMA is not in the tree: mm->highest_vm_end marks where it begins.
 *
 * Invariants (validate_mm() checks them all after every change in a
 * CONFIG_DEBUG_VM build):
 *   - the list and an in-order walk of the tree give the same VMAs
 *   - vm_start < vm_end, both page aligned; prev->vm_end <= vm_start
 *   - rb_subtree_gap = max(own gap, children's rb_subtree_gap)
 *   - map_count = the number of VMAs; highest_vm_end = vm_end_gap(last)
 *
 * Changing a VMA's bounds in place keeps the tree ordered as long as the
 * result overlaps nothing: a merge first unlinks the VMAs it absorbs,
 * then widens the survivor; a split first narrows the old VMA, then links
 * the new one.
 *
 * vm_unmapped_area() finds a gap in O(log n): it descends only into
 * subtrees whose rb_subtree_gap can hold the length, and skips a subtree
 * whose gaps all lie on the wrong side of the limits.
 *
 * The reverse mapping follows every change (mm/rmap.c): a linked file VMA
 * is on its file's i_mmap, a split copy gets the anon_vma chains of the
 * original (anon_vma_clone()), a merge survivor without an anon_vma takes
 * the chains of the VMA whose pages it takes over (Linux's importer and
 * exporter), and remove_vma() unlinks both. rmap walkers read a VMA's
 * vm_start/vm_end/vm_pgoff under i_mmap_rwsem or the anon_vma lock, so
 * vma_set_range() changes them under those locks. Unlike Linux, a merge
 * or split holds them per VMA changed, not across the whole operation: a
 * walk may, for an instant, find a page in neither of two VMAs trading
 * it (nothing that walks depends on finding every pte yet: reclaim and
 * migration do, and must come with the locks widened).
 *
 * Locking: mm->mmap_lock, held for writing by every function here that
 * changes anything and at least for reading by the lookups.
 */
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/rmap.h>
#include <linux/fs.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/resource.h>
#include <linux/file.h>
#include <linux/shmem_fs.h>
#include <linux/syscalls.h>
#include <linux/printk.h>
#include <linux/rbtree_augmented.h>
#include <linux/kstrtox.h>
#include <linux/init.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <asm/tlb.h>

unsigned long stack_guard_gap = 256UL << PAGE_SHIFT;
unsigned long mmap_min_addr = 65536;
int sysctl_max_map_count = DEFAULT_MAX_MAP_COUNT;

/* stack_guard_gap=PAGES, as Linux's. */
static int cmdline_parse_stack_guard_gap(char *str)
{
	unsigned long pages;
	int err = kstrtoul(str, 0, &pages);

	if (err)
		return err;
	stack_guard_gap = pages << PAGE_SHIFT;
	return 0;
}
__setup("stack_guard_gap=", cmdline_parse_stack_guard_gap);

/* The free space below @vma, in bytes. */
static unsigned long vma_compute_gap(struct vm_area_struct *vma)
{
	unsigned long end = vm_start_gap(vma);
	unsigned long start = vma->vm_prev ? vm_end_gap(vma->vm_prev) : 0;

	return end > start ? end - start : 0;
}

RB_DECLARE_CALLBACKS_MAX(static, vma_gap_callbacks, struct vm_area_struct, vm_rb,
			 unsigned long, rb_subtree_gap, vma_compute_gap)

/* @vma's own gap changed (its vm_start, or its predecessor's vm_end): fix the path up. */
static void vma_gap_update(struct vm_area_struct *vma)
{
	vma_gap_callbacks_propagate(&vma->vm_rb, NULL);
}

/* The last VMA's end moved, or the last VMA changed. */
static void update_highest_vm_end(struct mm_struct *mm, struct vm_area_struct *last)
{
	mm->highest_vm_end = last ? vm_end_gap(last) : 0;
}

/* The neighbours of a VMA whose bounds changed see it: gaps and highest_vm_end. */
static void vma_bounds_changed(struct mm_struct *mm, struct vm_area_struct *vma)
{
	vma_gap_update(vma);
	if (vma->vm_next)
		vma_gap_update(vma->vm_next);
	else
		update_highest_vm_end(mm, vma);
}

#ifdef CONFIG_DEBUG_VM
static void validate_vma_gaps(struct mm_struct *mm, struct vm_area_struct *vma)
{
	unsigned long max = vma_compute_gap(vma);
	struct rb_node *child[2] = { vma->vm_rb.rb_left, vma->vm_rb.rb_right };
	int i;

	for (i = 0; i < 2; i++) {
		if (!child[i])
			continue;
		max = max(max, rb_entry(child[i], struct vm_area_struct, vm_rb)->rb_subtree_gap);
	}
	VM_BUG_ON_VMA(vma->rb_subtree_gap != max, vma);
}

void validate_mm(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *prev = NULL;
	struct rb_node *node = rb_first(&mm->mm_rb);
	int count = 0;

	for (vma = mm->mmap; vma; prev = vma, vma = vma->vm_next, node = rb_next(node)) {
		VM_BUG_ON_VMA(node != &vma->vm_rb, vma);	/* list and tree differ */
		VM_BUG_ON_VMA(vma->vm_mm != mm || vma->vm_prev != prev, vma);
		VM_BUG_ON_VMA(vma->vm_start >= vma->vm_end, vma);
		VM_BUG_ON_VMA((vma->vm_start | vma->vm_end) & ~PAGE_MASK, vma);
		VM_BUG_ON_VMA(prev && prev->vm_end > vma->vm_start, vma);	/* overlap */
		validate_vma_gaps(mm, vma);
		count++;
	}
	VM_BUG_ON_MM(node != NULL, mm);		/* the tree has more */
	VM_BUG_ON_MM(count != mm->map_count, mm);
	VM_BUG_ON_MM(mm->highest_vm_end != (prev ? vm_end_gap(prev) : 0), mm);
}
#endif

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	mmap_assert_locked(mm);
	while (node) {
		struct vm_area_struct *vma = rb_entry(node, struct vm_area_struct, vm_rb);

		if (vma->vm_end > addr) {
			found = vma;
			if (vma->vm_start <= addr)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return found;
}

struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	struct rb_node *last;

	if (vma) {
		*pprev = vma->vm_prev;
	} else {
		last = rb_last(&mm->mm_rb);
		*pprev = last ? rb_entry(last, struct vm_area_struct, vm_rb) : NULL;
	}
	return vma;
}

struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start_addr,
					     unsigned long end_addr)
{
	struct vm_area_struct *vma = find_vma(mm, start_addr);

	if (vma && end_addr <= vma->vm_start)
		return NULL;
	return vma;
}

struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (vma && addr < vma->vm_start)
		return NULL;
	return vma;
}

/*
 * Where [addr, end) would be linked: *pprev gets the VMA before it, and
 * *rb_link / *rb_parent the tree slot. Return: -ENOMEM if a VMA overlaps it.
 */
static int find_vma_links(struct mm_struct *mm, unsigned long addr, unsigned long end,
			  struct vm_area_struct **pprev, struct rb_node ***rb_link,
			  struct rb_node **rb_parent)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL, *prev = NULL;

	while (*link) {
		struct vm_area_struct *vma = rb_entry(*link, struct vm_area_struct, vm_rb);

		parent = *link;
		if (vma->vm_end > addr) {
			if (vma->vm_start < end)
				return -ENOMEM;
			link = &parent->rb_left;
		} else {
			prev = parent;
			link = &parent->rb_right;
		}
	}
	*pprev = prev ? rb_entry(prev, struct vm_area_struct, vm_rb) : NULL;
	*rb_link = link;
	*rb_parent = parent;
	return 0;
}

/* @vma joins its file's i_mmap (Linux's __vma_link_file, under the lock). */
static void vma_link_file(struct vm_area_struct *vma)
{
	struct address_space *mapping;

	if (!vma->vm_file)
		return;
	mapping = vma->vm_file->f_mapping;
	i_mmap_lock_write(mapping);
	list_add_tail(&vma->shared, &mapping->i_mmap);
	i_mmap_unlock_write(mapping);
}

void unlink_file_vma(struct vm_area_struct *vma)
{
	struct address_space *mapping;

	if (!vma->vm_file || list_empty(&vma->shared))
		return;
	mapping = vma->vm_file->f_mapping;
	i_mmap_lock_write(mapping);
	list_del_init(&vma->shared);
	i_mmap_unlock_write(mapping);
}

/* Put @vma on the list after @prev (first if NULL). */
static void __vma_link_list(struct mm_struct *mm, struct vm_area_struct *vma,
			    struct vm_area_struct *prev)
{
	struct vm_area_struct *next = prev ? prev->vm_next : mm->mmap;

	vma->vm_prev = prev;
	vma->vm_next = next;
	if (prev)
		prev->vm_next = vma;
	else
		mm->mmap = vma;
	if (next)
		next->vm_prev = vma;
}

/*
 * List first (the gap needs vm_prev), then the tree slot found by
 * find_vma_links(). The ancestors' gaps could not be updated on the way
 * down (vm_prev was not known): the node is hung with a gap of 0, which
 * they agree with, then given its own and propagated, and only then is
 * the tree rebalanced, so that the rotations start from exact values.
 */
static void __vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
		       struct vm_area_struct *prev, struct rb_node **rb_link,
		       struct rb_node *rb_parent)
{
	__vma_link_list(mm, vma, prev);
	if (vma->vm_next)
		vma_gap_update(vma->vm_next);
	else
		update_highest_vm_end(mm, vma);
	rb_link_node(&vma->vm_rb, rb_parent, rb_link);
	vma->rb_subtree_gap = 0;
	vma_gap_update(vma);
	rb_insert_augmented(&vma->vm_rb, &mm->mm_rb, &vma_gap_callbacks);
	mm->map_count++;
	vma_link_file(vma);
}

/* Take @vma off the list and out of the tree; its neighbours' gaps follow. */
static void __vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma->vm_prev, *next = vma->vm_next;

	rb_erase_augmented(&vma->vm_rb, &mm->mm_rb, &vma_gap_callbacks);
	RB_CLEAR_NODE(&vma->vm_rb);
	if (prev)
		prev->vm_next = next;
	else
		mm->mmap = next;
	if (next) {
		next->vm_prev = prev;
		vma_gap_update(next);
	} else {
		update_highest_vm_end(mm, prev);
	}
	vma->vm_next = vma->vm_prev = NULL;
	mm->map_count--;
}

int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev;
	struct rb_node **rb_link, *rb_parent;

	mmap_assert_write_locked(mm);
	VM_BUG_ON_VMA(vma->vm_mm != mm || vma->vm_start >= vma->vm_end, vma);
	if (mm->map_count >= sysctl_max_map_count)
		return -ENOMEM;
	if (find_vma_links(mm, vma->vm_start, vma->vm_end, &prev, &rb_link, &rb_parent))
		return -ENOMEM;
	if (vma_is_anonymous(vma) && !vma->vm_file && !vma->vm_pgoff)
		vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT;
	__vma_link(mm, vma, prev, rb_link, rb_parent);
	validate_mm(mm);
	return 0;
}

void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += npages;
	if (is_exec_mapping(flags))
		mm->exec_vm += npages;
	else if (is_stack_mapping(flags))
		mm->stack_vm += npages;
	else if (is_data_mapping(flags))
		mm->data_vm += npages;
}

/*
 * The VMA, unlinked from the mm, goes for good: it leaves the reverse
 * mapping (both calls do nothing if free_pgtables() did it already, as
 * in Linux), its backer is told, its file reference dropped.
 */
static void remove_vma(struct vm_area_struct *vma)
{
	unlink_anon_vmas(vma);
	unlink_file_vma(vma);
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	vm_area_free(vma);
}

/* Unlink and free @vma, which a merge has absorbed (its pages now belong to the survivor). */
static void vma_absorb(struct mm_struct *mm, struct vm_area_struct *vma)
{
	__vma_unlink(mm, vma);
	remove_vma(vma);
}

/* Set @vma's bounds and pgoff in place, under the rmap locks; the caller has made room. */
static void vma_set_range(struct mm_struct *mm, struct vm_area_struct *vma,
			  unsigned long start, unsigned long end, pgoff_t pgoff)
{
	struct address_space *mapping = vma->vm_file ? vma->vm_file->f_mapping : NULL;
	struct anon_vma *anon_vma = vma->anon_vma;

	if (mapping)
		i_mmap_lock_write(mapping);
	if (anon_vma)
		anon_vma_lock_write(anon_vma);
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_pgoff = pgoff;
	if (anon_vma)
		anon_vma_unlock_write(anon_vma);
	if (mapping)
		i_mmap_unlock_write(mapping);
	vma_bounds_changed(mm, vma);
}

/*
 * Could the two anon_vmas serve one VMA? Equal ones, or one none when the
 * existing @vma (if given) has exactly one chain: as Linux 6.1, a VMA that
 * inherited chains from a parent does not grow over anon-less ranges
 * (which would widen the parent's rmap walks for no gain), and a VMA
 * without an anon_vma does not take in a range that has one.
 */
static bool is_mergeable_anon_vma(struct anon_vma *a, struct anon_vma *b,
				  struct vm_area_struct *vma)
{
	if ((!a || !b) && (!vma || list_is_singular(&vma->anon_vma_chain)))
		return true;
	return a == b;
}

/*
 * Linux's anon_vma_compatible(): could @a and @b (@a just below @b) share
 * an anon_vma? Adjacent, alike but for their access flags, same file,
 * contiguous offsets.
 */
static bool anon_vma_compatible(struct vm_area_struct *a, struct vm_area_struct *b)
{
	return a->vm_end == b->vm_start && a->vm_file == b->vm_file &&
	       !((a->vm_flags ^ b->vm_flags) & ~(VM_READ | VM_WRITE | VM_EXEC | VM_SOFTDIRTY)) &&
	       b->vm_pgoff == a->vm_pgoff + ((b->vm_start - a->vm_start) >> PAGE_SHIFT);
}

/* @old's anon_vma, if @a and @b are compatible and @old has no inherited chains. */
static struct anon_vma *reusable_anon_vma(struct vm_area_struct *old, struct vm_area_struct *a,
					  struct vm_area_struct *b)
{
	struct anon_vma *anon_vma = READ_ONCE(old->anon_vma);

	if (anon_vma_compatible(a, b) && anon_vma && list_is_singular(&old->anon_vma_chain))
		return anon_vma;
	return NULL;
}

struct anon_vma *find_mergeable_anon_vma(struct vm_area_struct *vma)
{
	struct anon_vma *anon_vma = NULL;

	if (vma->vm_next)
		anon_vma = reusable_anon_vma(vma->vm_next, vma, vma->vm_next);
	if (!anon_vma && vma->vm_prev)
		anon_vma = reusable_anon_vma(vma->vm_prev, vma->vm_prev, vma);
	return anon_vma;
}

/*
 * The merge survivor, if it has no anon_vma, takes the chains of the
 * first other VMA in [@lo, @hi) (the range it will cover) that has one:
 * their pages become its own. Linux's importer/exporter in __vma_adjust().
 * Return: 0 or -ENOMEM (nothing changed).
 */
static int merge_import_anon_vma(struct mm_struct *mm, struct vm_area_struct *survivor,
				 unsigned long lo, unsigned long hi)
{
	struct vm_area_struct *vma;

	if (survivor->anon_vma)
		return 0;
	for (vma = find_vma(mm, lo); vma && vma->vm_start < hi; vma = vma->vm_next) {
		if (vma == survivor || !vma->anon_vma)
			continue;
		survivor->anon_vma = vma->anon_vma;
		return anon_vma_clone(survivor, vma);
	}
	return 0;
}

static bool is_mergeable_vma(struct vm_area_struct *vma, struct file *file,
			     unsigned long vm_flags)
{
	if ((vma->vm_flags ^ vm_flags) & ~VM_SOFTDIRTY)
		return false;
	if (vma->vm_file != file)
		return false;
	return !(vma->vm_ops && vma->vm_ops->close);
}

/* May a range with these properties, ending where @vma begins, join it? */
static bool can_vma_merge_before(struct vm_area_struct *vma, unsigned long vm_flags,
				 struct anon_vma *anon_vma, struct file *file, pgoff_t end_pgoff)
{
	return is_mergeable_vma(vma, file, vm_flags) &&
	       is_mergeable_anon_vma(anon_vma, vma->anon_vma, vma) && vma->vm_pgoff == end_pgoff;
}

/* May a range with these properties, starting where @vma ends, join it? */
static bool can_vma_merge_after(struct vm_area_struct *vma, unsigned long vm_flags,
				struct anon_vma *anon_vma, struct file *file, pgoff_t pgoff)
{
	return is_mergeable_vma(vma, file, vm_flags) &&
	       is_mergeable_anon_vma(anon_vma, vma->anon_vma, vma) &&
	       vma->vm_pgoff + vma_pages(vma) == pgoff;
}

/* Cases 1, 2, 5, 6, 7: @prev grows to @end, absorbing or trimming what lies there. */
static void merge_into_prev(struct mm_struct *mm, struct vm_area_struct *prev,
			    unsigned long end)
{
	struct vm_area_struct *next;

	while ((next = prev->vm_next) && next->vm_end <= end)
		vma_absorb(mm, next);			/* cases 1, 6, 7 */
	if (next && next->vm_start < end) {		/* case 5 */
		vma_set_range(mm, next, end, next->vm_end,
			      next->vm_pgoff + ((end - next->vm_start) >> PAGE_SHIFT));
	}
	vma_set_range(mm, prev, prev->vm_start, end, prev->vm_pgoff);
}

/* Cases 3, 4, 8: @next grows down to @addr; @prev (case 4) gives up its tail. */
static void merge_into_next(struct mm_struct *mm, struct vm_area_struct *prev,
			    struct vm_area_struct *next, unsigned long addr)
{
	pgoff_t pgoff = next->vm_pgoff - ((next->vm_start - addr) >> PAGE_SHIFT);

	if (prev && prev->vm_end > addr)		/* case 4 */
		vma_set_range(mm, prev, prev->vm_start, addr, prev->vm_pgoff);
	if (next->vm_prev && next->vm_prev != prev)	/* case 8: the range was a VMA */
		vma_absorb(mm, next->vm_prev);
	vma_set_range(mm, next, addr, next->vm_end, pgoff);
}

struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end, unsigned long vm_flags,
				 struct anon_vma *anon_vma, struct file *file, pgoff_t pgoff)
{
	pgoff_t pglen = (end - addr) >> PAGE_SHIFT;
	struct vm_area_struct *area, *next;
	bool merge_prev, merge_next;

	mmap_assert_write_locked(mm);
	if (vm_flags & VM_SPECIAL)
		return NULL;
	/* area: the VMA at or after addr; next: the first VMA from end on. */
	next = area = prev ? prev->vm_next : mm->mmap;
	if (area && area->vm_end == end)		/* cases 6, 7, 8 */
		next = area->vm_next;
	VM_BUG_ON_VMA(prev && addr <= prev->vm_start, prev);
	VM_BUG_ON_VMA(area && end > area->vm_end, area);
	VM_BUG_ON(addr >= end);

	merge_prev = prev && prev->vm_end == addr &&
		     can_vma_merge_after(prev, vm_flags, anon_vma, file, pgoff);
	merge_next = next && end == next->vm_start &&
		     can_vma_merge_before(next, vm_flags, anon_vma, file, pgoff + pglen);
	if (merge_prev && merge_next &&
	    !is_mergeable_anon_vma(prev->anon_vma, next->anon_vma, NULL))
		merge_next = false;			/* prev alone: cases 2, 5, 7 */

	if (merge_prev) {
		end = merge_next ? next->vm_end : end;
		if (merge_import_anon_vma(mm, prev, prev->vm_start, end))
			return NULL;
		merge_into_prev(mm, prev, end);
		area = prev;
	} else if (merge_next) {
		if (merge_import_anon_vma(mm, next, addr, next->vm_end))
			return NULL;
		merge_into_next(mm, prev, next, addr);
		area = next;
	} else {
		return NULL;
	}
	validate_mm(mm);
	return area;
}

int __split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
		int new_below)
{
	struct vm_area_struct *new, *prev;
	struct rb_node **rb_link, *rb_parent;
	pgoff_t off = (addr - vma->vm_start) >> PAGE_SHIFT;

	mmap_assert_write_locked(mm);
	VM_BUG_ON_VMA(addr <= vma->vm_start || addr >= vma->vm_end || (addr & ~PAGE_MASK), vma);
	new = vm_area_dup(vma);
	if (!new)
		return -ENOMEM;
	if (anon_vma_clone(new, vma)) {
		vm_area_free(new);
		return -ENOMEM;
	}
	if (new->vm_file)
		get_file(new->vm_file);
	if (new_below) {
		new->vm_end = addr;
		vma_set_range(mm, vma, addr, vma->vm_end, vma->vm_pgoff + off);
	} else {
		new->vm_start = addr;
		new->vm_pgoff += off;
		vma_set_range(mm, vma, vma->vm_start, addr, vma->vm_pgoff);
	}
	if (new->vm_ops && new->vm_ops->open)
		new->vm_ops->open(new);
	/* Cannot fail: the old VMA has just made room. */
	BUG_ON(find_vma_links(mm, new->vm_start, new->vm_end, &prev, &rb_link, &rb_parent));
	__vma_link(mm, new, prev, rb_link, rb_parent);
	validate_mm(mm);
	return 0;
}

int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
	      int new_below)
{
	if (mm->map_count >= sysctl_max_map_count)
		return -ENOMEM;
	return __split_vma(mm, vma, addr, new_below);
}

struct vm_area_struct *vma_modify_flags(struct mm_struct *mm, struct vm_area_struct *prev,
					struct vm_area_struct *vma, unsigned long start,
					unsigned long end, unsigned long new_flags)
{
	pgoff_t pgoff = vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT);
	struct vm_area_struct *merged;
	int err;

	VM_BUG_ON_VMA(start < vma->vm_start || end > vma->vm_end || start >= end, vma);
	merged = vma_merge(mm, prev, start, end, new_flags, vma->anon_vma, vma->vm_file, pgoff);
	if (merged)
		return merged;
	if (start != vma->vm_start) {
		err = split_vma(mm, vma, start, 1);
		if (err)
			return ERR_PTR(err);
	}
	if (end != vma->vm_end) {
		err = split_vma(mm, vma, end, 0);
		if (err)
			return ERR_PTR(err);
	}
	return vma;
}

/*
 * Take the VMAs from @vma up to @end off the list and out of the tree,
 * keeping them chained by vm_next (the last one's NULL) for
 * unmap_region() and remove_vma_list().
 */
static void detach_vmas_to_be_unmapped(struct mm_struct *mm, struct vm_area_struct *vma,
				       unsigned long end)
{
	struct vm_area_struct *tail = NULL;

	while (vma && vma->vm_start < end) {
		struct vm_area_struct *next = vma->vm_next;

		__vma_unlink(mm, vma);
		if (tail)
			tail->vm_next = vma;
		vma->vm_prev = tail;
		tail = vma;
		vma = next;
	}
}

/*
 * Unmap the pages of the detached VMAs from @vma on, in [start, end), and
 * free the page tables only they used: @prev and the VMA after it (the
 * neighbours still in @mm) keep theirs.
 */
static void unmap_region(struct mm_struct *mm, struct vm_area_struct *vma,
			 struct vm_area_struct *prev, unsigned long start, unsigned long end)
{
	struct vm_area_struct *next = prev ? prev->vm_next : mm->mmap;
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, mm);
	unmap_vmas(&tlb, vma, start, end);
	free_pgtables(&tlb, vma, prev ? prev->vm_end : FIRST_USER_ADDRESS,
		      next ? next->vm_start : USER_PGTABLES_CEILING);
	tlb_finish_mmu(&tlb);
}

/* Uncount, uncharge and free the detached VMAs chained from @vma. */
static void remove_vma_list(struct mm_struct *mm, struct vm_area_struct *vma)
{
	long nr_accounted = 0;

	while (vma) {
		struct vm_area_struct *next = vma->vm_next;
		long pages = vma_pages(vma);

		if (vma->vm_flags & VM_LOCKED)
			mm->locked_vm -= pages;
		if (vma->vm_flags & VM_ACCOUNT)
			nr_accounted += pages;
		vm_stat_account(mm, vma->vm_flags, -pages);
		remove_vma(vma);
		vma = next;
	}
	vm_unacct_memory(nr_accounted);
}

int __do_munmap(struct mm_struct *mm, unsigned long start, size_t len, bool downgrade)
{
	struct vm_area_struct *vma, *last, *prev, *next;
	unsigned long end;
	int err;

	mmap_assert_write_locked(mm);
	if ((start & ~PAGE_MASK) || start > TASK_SIZE || len > TASK_SIZE - start)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (!len)
		return -EINVAL;
	vma = find_vma_intersection(mm, start, end);
	if (!vma)
		return 0;
	if (start > vma->vm_start) {
		/* Cutting a hole in one VMA makes one more: Linux's limit check. */
		if (end < vma->vm_end && mm->map_count >= sysctl_max_map_count)
			return -ENOMEM;
		err = __split_vma(mm, vma, start, 0);
		if (err)
			return err;
		vma = vma->vm_next;
	}
	last = find_vma(mm, end);
	if (last && end > last->vm_start) {
		err = __split_vma(mm, last, end, 1);
		if (err)
			return err;
		if (last == vma)	/* the new lower part is the one to remove */
			vma = last->vm_prev;
	}
	prev = vma->vm_prev;
	detach_vmas_to_be_unmapped(mm, vma, end);
	validate_mm(mm);
	/*
	 * A stack above may grow (expand_stack(), under the read lock) into
	 * the tables free_pgtables() is about to free: keep the write lock.
	 */
	next = prev ? prev->vm_next : mm->mmap;
	if (next && (next->vm_flags & VM_GROWSDOWN))
		downgrade = false;
	if (downgrade)
		mmap_write_downgrade(mm);
	unmap_region(mm, vma, prev, start, end);
	remove_vma_list(mm, vma);
	return downgrade;
}

int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	return __do_munmap(mm, start, len, false);
}

void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	struct mmu_gather tlb;
	long nr_accounted = 0;

	mmap_write_lock(mm);
	if (mm->mmap) {
		tlb_gather_mmu_fullmm(&tlb, mm);
		unmap_vmas(&tlb, mm->mmap, 0, ULONG_MAX);
		free_pgtables(&tlb, mm->mmap, FIRST_USER_ADDRESS, USER_PGTABLES_CEILING);
		tlb_finish_mmu(&tlb);
	}
	while ((vma = mm->mmap)) {
		if (vma->vm_flags & VM_ACCOUNT)
			nr_accounted += vma_pages(vma);
		__vma_unlink(mm, vma);
		remove_vma(vma);
	}
	vm_unacct_memory(nr_accounted);
	VM_BUG_ON_MM(mm->map_count || !RB_EMPTY_ROOT(&mm->mm_rb), mm);
	mmap_write_unlock(mm);
}

/* ---- stack growth --------------------------------------------------------- */

/* Linux's acct_stack_growth(): may @vma become @size bytes, @grow pages more? */
static int acct_stack_growth(struct vm_area_struct *vma, unsigned long size, unsigned long grow)
{
	struct mm_struct *mm = vma->vm_mm;

	if (!may_expand_vm(mm, vma->vm_flags, grow))
		return -ENOMEM;
	if (size > rlimit(RLIMIT_STACK))
		return -ENOMEM;
	if ((vma->vm_flags & VM_LOCKED) &&
	    mm->locked_vm + grow > rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT)
		return -ENOMEM;
	/* The last check: it charges overcommit, which the VMA's teardown gives back. */
	if ((vma->vm_flags & VM_ACCOUNT) && security_vm_enough_memory_mm(mm, grow))
		return -ENOMEM;
	return 0;
}

int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *prev = vma->vm_prev;
	unsigned long grow;
	int err;

	address &= PAGE_MASK;
	if (address < mmap_min_addr)
		return -EPERM;
	if (WARN_ON_ONCE(!(vma->vm_flags & VM_GROWSDOWN)))
		return -EFAULT;
	/* The guard gap: only another stack or a PROT_NONE VMA may come closer. */
	if (prev && !(prev->vm_flags & VM_GROWSDOWN) && vma_is_accessible(prev) &&
	    address - prev->vm_end < stack_guard_gap)
		return -ENOMEM;
	if (anon_vma_prepare(vma))
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	err = 0;
	if (address < vma->vm_start) {
		grow = (vma->vm_start - address) >> PAGE_SHIFT;
		err = grow > vma->vm_pgoff ? -ENOMEM :
		      acct_stack_growth(vma, vma->vm_end - address, grow);
		if (!err) {
			if (vma->vm_flags & VM_LOCKED)
				mm->locked_vm += grow;
			vm_stat_account(mm, vma->vm_flags, grow);
			vma->vm_start = address;
			vma->vm_pgoff -= grow;
			vma_gap_update(vma);
		}
	}
	spin_unlock(&mm->page_table_lock);
	validate_mm(mm);
	return err;
}

/*
 * DOC: searching for a free range
 *
 * Both directions look for a gap of at least info->length + align_mask
 * bytes (room for the alignment), then place the range in it. With
 * @length the padded length:
 *   bottom-up: the lowest gap whose end is >= low_limit + length and
 *              whose start is <= high_limit - length
 *   top-down:  the highest such gap
 * The space above the last VMA (from highest_vm_end) is the last gap
 * bottom-up and the first one top-down.
 */
struct gap_search {
	unsigned long length;		/* padded */
	unsigned long low;		/* low_limit + length: a gap must end at or above */
	unsigned long high;		/* high_limit - length: a gap must start at or below */
	bool stop;			/* no gap further on can fit */
	unsigned long gap_start, gap_end;	/* the gap found */
};

static unsigned long gap_below_start(struct vm_area_struct *vma)
{
	return vma->vm_prev ? vm_end_gap(vma->vm_prev) : 0;
}

/* Does the gap below @vma fit? If so, record it. */
static bool gap_fits(struct gap_search *s, struct vm_area_struct *vma)
{
	unsigned long start = gap_below_start(vma), end = vm_start_gap(vma);

	if (end < s->low || start > s->high || end <= start || end - start < s->length)
		return false;
	s->gap_start = start;
	s->gap_end = end;
	return true;
}

static struct vm_area_struct *node_vma(struct rb_node *node)
{
	return node ? rb_entry(node, struct vm_area_struct, vm_rb) : NULL;
}

/*
 * The lowest fitting gap in @vma's subtree (recorded in @s). Two bounds
 * prune it: the gaps left of @vma end below its predecessor's end
 * (gap_below_start()), and the gaps after it start at or above its end.
 */
static bool lowest_gap(struct gap_search *s, struct vm_area_struct *vma)
{
	if (!vma || s->stop || vma->rb_subtree_gap < s->length)
		return false;
	if (gap_below_start(vma) > s->low && lowest_gap(s, node_vma(vma->vm_rb.rb_left)))
		return true;
	if (s->stop)
		return false;
	if (gap_fits(s, vma))
		return true;
	if (vm_end_gap(vma) > s->high) {	/* no gap after this one starts low enough */
		s->stop = true;
		return false;
	}
	return lowest_gap(s, node_vma(vma->vm_rb.rb_right));
}

/* The highest fitting gap in @vma's subtree, lowest_gap() mirrored. */
static bool highest_gap(struct gap_search *s, struct vm_area_struct *vma)
{
	if (!vma || s->stop || vma->rb_subtree_gap < s->length)
		return false;
	if (vm_end_gap(vma) <= s->high && highest_gap(s, node_vma(vma->vm_rb.rb_right)))
		return true;
	if (s->stop)
		return false;
	if (gap_fits(s, vma))
		return true;
	if (gap_below_start(vma) <= s->low) {	/* no gap before this one ends high enough */
		s->stop = true;
		return false;
	}
	return highest_gap(s, node_vma(vma->vm_rb.rb_left));
}

static unsigned long unmapped_area(struct mm_struct *mm, struct vm_unmapped_area_info *info,
				   struct gap_search *s)
{
	unsigned long addr;

	if (!lowest_gap(s, node_vma(mm->mm_rb.rb_node))) {
		s->gap_start = mm->highest_vm_end;	/* the space above every VMA */
		if (s->gap_start > s->high)
			return -ENOMEM;
	}
	addr = max(s->gap_start, info->low_limit);
	addr += (info->align_offset - addr) & info->align_mask;
	return addr;
}

static unsigned long unmapped_area_topdown(struct mm_struct *mm,
					   struct vm_unmapped_area_info *info,
					   struct gap_search *s)
{
	unsigned long addr;

	if (mm->highest_vm_end <= s->high) {
		s->gap_end = info->high_limit;		/* the space above every VMA */
	} else if (!highest_gap(s, node_vma(mm->mm_rb.rb_node))) {
		return -ENOMEM;
	}
	addr = min(s->gap_end, info->high_limit) - info->length;
	addr -= (addr - info->align_offset) & info->align_mask;
	return addr;
}

unsigned long vm_unmapped_area(struct mm_struct *mm, struct vm_unmapped_area_info *info)
{
	struct gap_search s = { .length = info->length + info->align_mask };
	unsigned long addr;

	mmap_assert_locked(mm);
	if (s.length < info->length || info->high_limit < s.length)
		return -ENOMEM;
	s.high = info->high_limit - s.length;
	if (info->low_limit > s.high)
		return -ENOMEM;
	s.low = info->low_limit + s.length;
	if (info->flags & VM_UNMAPPED_AREA_TOPDOWN)
		addr = unmapped_area_topdown(mm, info, &s);
	else
		addr = unmapped_area(mm, info, &s);
	VM_BUG_ON(!IS_ERR_VALUE(addr) &&
		  (addr < info->low_limit || addr + info->length > info->high_limit));
	return addr;
}

/* Is [addr, addr + len) free, guard gaps included, and allowed? */
static bool hint_is_free(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	struct vm_area_struct *vma, *prev;

	if (TASK_SIZE - len < addr || addr < mmap_min_addr)
		return false;
	vma = find_vma_prev(mm, addr, &prev);
	return (!vma || addr + len <= vm_start_gap(vma)) && (!prev || addr >= vm_end_gap(prev));
}

unsigned long arch_get_unmapped_area_topdown(struct mm_struct *mm, struct file *filp,
					     unsigned long addr, unsigned long len,
					     unsigned long pgoff, unsigned long flags)
{
	struct vm_unmapped_area_info info = {
		.flags = VM_UNMAPPED_AREA_TOPDOWN,
		.length = len,
		.low_limit = max(PAGE_SIZE, mmap_min_addr),
		.high_limit = mm->mmap_base,
		.align_offset = pgoff << PAGE_SHIFT,
	};

	if (len > TASK_SIZE - mmap_min_addr)
		return -ENOMEM;
	if (flags & MAP_FIXED)
		return addr;
	if (addr) {
		addr = PAGE_ALIGN(addr);
		if (hint_is_free(mm, addr, len))
			return addr;
	}
	addr = vm_unmapped_area(mm, &info);
	if (!IS_ERR_VALUE(addr))
		return addr;
	/* Nothing below mmap_base: Linux falls back to a bottom-up search. */
	info.flags = 0;
	info.low_limit = TASK_UNMAPPED_BASE;
	info.high_limit = TASK_SIZE;
	return vm_unmapped_area(mm, &info);
}

unsigned long mm_get_unmapped_area(struct mm_struct *mm, struct file *file, unsigned long addr,
				   unsigned long len, unsigned long pgoff, unsigned long flags)
{
	if (len > TASK_SIZE)
		return -ENOMEM;
	addr = arch_get_unmapped_area_topdown(mm, file, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if (addr > TASK_SIZE - len)
		return -ENOMEM;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	if (addr < mmap_min_addr)
		return -EPERM;
	return addr;
}

/*
 * DOC: mmap(), munmap() and brk()
 *
 * do_mmap() turns the arguments into VM_* flags with Linux's checks (in
 * Linux's order, so the same bad call gets the same errno), picks the
 * address (mm_get_unmapped_area()) and hands over to mmap_region(),
 * which makes the range: the limits (RLIMIT_AS, RLIMIT_DATA:
 * may_expand_vm()), whatever was mapped there removed (MAP_FIXED), the
 * overcommit charge (VM_ACCOUNT: private writable memory), then either
 * an anonymous private range merged into a neighbour or a new VMA set up
 * by its backer (the file's ->mmap(), or shared anonymous memory's
 * tmpfs file), linked and counted (vm_stat_account(), locked_vm).
 *
 * The heap: mm->start_brk..mm->brk is the program break; brk() moves it
 * by growing or shrinking the anonymous VMA that ends at the page after
 * the old break (do_brk_flags(), which also serves the ELF loader's bss
 * through vm_brk_flags()).
 *
 * Locking: do_mmap(), mmap_region() and do_brk_flags() run with
 * mmap_lock held for writing; the system calls take it.
 */

unsigned long calc_vm_flag_bits(unsigned long flags)
{
	return (flags & MAP_GROWSDOWN ? VM_GROWSDOWN : 0) |
	       (flags & MAP_LOCKED ? VM_LOCKED : 0) |
	       (flags & MAP_SYNC ? VM_SYNC : 0);
}

void vma_set_page_prot(struct vm_area_struct *vma)
{
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
}

bool may_expand_vm(struct mm_struct *mm, unsigned long flags, unsigned long npages)
{
	unsigned long data_limit = rlimit(RLIMIT_DATA) >> PAGE_SHIFT;

	if (mm->total_vm + npages > rlimit(RLIMIT_AS) >> PAGE_SHIFT)
		return false;
	if (!is_data_mapping(flags) || mm->data_vm + npages <= data_limit)
		return true;
	/* Linux's exception for Valgrind: a soft limit of 0 means the hard one. */
	if (!data_limit && mm->data_vm + npages <= rlimit_max(RLIMIT_DATA) >> PAGE_SHIFT)
		return true;
	pr_warn_once("%s (%d): VmData %lu exceed data ulimit %lu. Update limits.\n",
		     current->comm, current->pid, (mm->data_vm + npages) << PAGE_SHIFT,
		     rlimit(RLIMIT_DATA));
	return false;
}

/* The pages of [addr, end) that some VMA maps already. */
static unsigned long count_vma_pages_range(struct mm_struct *mm, unsigned long addr,
					   unsigned long end)
{
	struct vm_area_struct *vma = find_vma_intersection(mm, addr, end);
	unsigned long pages = 0;

	for (; vma && vma->vm_start < end; vma = vma->vm_next)
		pages += (min(end, vma->vm_end) - max(addr, vma->vm_start)) >> PAGE_SHIFT;
	return pages;
}

/* Is a mapping with these flags charged to overcommit? Private writable memory is. */
static bool accountable_mapping(unsigned long vm_flags)
{
	return (vm_flags & (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE;
}

/* Give the new @vma to its backer: the file's ->mmap(), or tmpfs for shared anonymous memory. */
static int mmap_backing_setup(struct file *file, struct vm_area_struct *vma)
{
	if (file) {
		vma->vm_file = get_file(file);
		return file->f_op->mmap(file, vma);
	}
	if (vma->vm_flags & VM_SHARED)
		return shmem_zero_setup(vma);
	vma_set_anonymous(vma);
	return 0;
}

/* Drop what mmap_backing_setup() took, if it failed. */
static void mmap_backing_undo(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		fput(vma->vm_file);
}

/*
 * A new VMA for [addr, addr + len), set up by its backer and linked.
 * Return: it, or an ERR_PTR (nothing linked, nothing held).
 */
static struct vm_area_struct *mmap_new_vma(struct mm_struct *mm, struct file *file,
					   unsigned long addr, unsigned long len,
					   unsigned long vm_flags, unsigned long pgoff)
{
	struct vm_area_struct *vma = vm_area_alloc(mm), *prev;
	struct rb_node **rb_link, *rb_parent;
	int err;

	if (!vma)
		return ERR_PTR(-ENOMEM);
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
	vma->vm_pgoff = pgoff;
	err = mmap_backing_setup(file, vma);
	if (err)
		goto free_vma;
	/* A backer may change the flags but never the range. */
	if (WARN_ON_ONCE(vma->vm_start != addr || vma->vm_end != addr + len)) {
		err = -EINVAL;
		goto close_vma;
	}
	if (find_vma_links(mm, addr, addr + len, &prev, &rb_link, &rb_parent)) {
		err = -ENOMEM;		/* cannot happen: the range was unmapped */
		goto close_vma;
	}
	__vma_link(mm, vma, prev, rb_link, rb_parent);
	return vma;

close_vma:
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
free_vma:
	mmap_backing_undo(vma);
	vm_area_free(vma);
	return ERR_PTR(err);
}

/* The new VMA is in: count it in the mm's totals and locked_vm, soft-dirty, protections. */
static void mmap_account_vma(struct mm_struct *mm, struct vm_area_struct *vma,
			     unsigned long vm_flags, unsigned long len)
{
	vm_stat_account(mm, vm_flags, len >> PAGE_SHIFT);
	if (vm_flags & VM_LOCKED) {
		if (vma->vm_flags & VM_SPECIAL)
			vma->vm_flags &= VM_LOCKED_CLEAR_MASK;
		else
			mm->locked_vm += len >> PAGE_SHIFT;
	}
	vma->vm_flags |= VM_SOFTDIRTY;
	vma_set_page_prot(vma);
}

unsigned long mmap_region(struct file *file, unsigned long addr, unsigned long len,
			  unsigned long vm_flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long pages = len >> PAGE_SHIFT, charged = 0;
	struct vm_area_struct *vma = NULL, *prev;

	if (!may_expand_vm(mm, vm_flags, pages) &&
	    !may_expand_vm(mm, vm_flags, pages - count_vma_pages_range(mm, addr, addr + len)))
		return -ENOMEM;
	if (do_munmap(mm, addr, len))
		return -ENOMEM;
	if (accountable_mapping(vm_flags)) {
		charged = pages;
		if (security_vm_enough_memory_mm(mm, charged))
			return -ENOMEM;
		vm_flags |= VM_ACCOUNT;
	}
	find_vma_prev(mm, addr, &prev);
	if (!file && !(vm_flags & VM_SHARED))
		vma = vma_merge(mm, prev, addr, addr + len, vm_flags, NULL, NULL, pgoff);
	if (!vma)
		vma = mmap_new_vma(mm, file, addr, len, vm_flags, pgoff);
	if (IS_ERR(vma)) {
		if (charged)
			vm_unacct_memory(charged);
		return PTR_ERR(vma);
	}
	mmap_account_vma(mm, vma, vm_flags, len);
	validate_mm(mm);
	return addr;
}

/* Linux's round_hint_to_min(): a hint below mmap_min_addr moves up to it. */
static unsigned long round_hint_to_min(unsigned long hint)
{
	hint &= PAGE_MASK;
	if (hint && hint < mmap_min_addr)
		return PAGE_ALIGN(mmap_min_addr);
	return hint;
}

/* The VM_* a file mapping gets from MAP_* and the file's mode; -errno if refused. */
static long file_mmap_flags(struct file *file, unsigned long prot, unsigned long flags,
			    unsigned long vm_flags)
{
	switch (flags & MAP_TYPE) {
	case MAP_SHARED:
		flags &= LEGACY_MAP_MASK;
		/* fall through */
	case MAP_SHARED_VALIDATE:
		if (flags & ~LEGACY_MAP_MASK)
			return -EOPNOTSUPP;
		if ((prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
			return -EACCES;
		vm_flags |= VM_SHARED | VM_MAYSHARE;
		if (!(file->f_mode & FMODE_WRITE))
			vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
		/* fall through */
	case MAP_PRIVATE:
		if (!(file->f_mode & FMODE_READ))
			return -EACCES;
		if (!file->f_op->mmap)
			return -ENODEV;
		if (vm_flags & VM_GROWSDOWN)
			return -EINVAL;
		return (long)vm_flags;
	default:
		return -EINVAL;
	}
}

/* The same for anonymous memory; *pgoff becomes the address's page (private) or 0 (shared). */
static long anon_mmap_flags(unsigned long addr, unsigned long flags, unsigned long vm_flags,
			    unsigned long *pgoff)
{
	switch (flags & MAP_TYPE) {
	case MAP_SHARED:
		if (vm_flags & VM_GROWSDOWN)
			return -EINVAL;
		*pgoff = 0;
		return (long)(vm_flags | VM_SHARED | VM_MAYSHARE);
	case MAP_PRIVATE:
		*pgoff = addr >> PAGE_SHIFT;
		return (long)vm_flags;
	default:
		return -EINVAL;
	}
}

unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long pgoff,
		      unsigned long *populate)
{
	struct mm_struct *mm = current->mm;
	unsigned long vm_flags;
	long ret;

	mmap_assert_write_locked(mm);
	*populate = 0;
	if (!len)
		return -EINVAL;
	if (flags & MAP_FIXED_NOREPLACE)	/* placed as MAP_FIXED, then checked */
		flags |= MAP_FIXED;
	if (!(flags & MAP_FIXED))
		addr = round_hint_to_min(addr);
	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (mm->map_count > sysctl_max_map_count)
		return -ENOMEM;
	addr = mm_get_unmapped_area(mm, file, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if ((flags & MAP_FIXED_NOREPLACE) && find_vma_intersection(mm, addr, addr + len))
		return -EEXIST;

	vm_flags = calc_vm_prot_bits(prot) | calc_vm_flag_bits(flags) | mm->def_flags |
		   VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	if ((flags & MAP_LOCKED) && !can_do_mlock())
		return -EPERM;
	if (mlock_future_check(mm, vm_flags, len))
		return -EAGAIN;
	if (file)
		ret = file_mmap_flags(file, prot, flags, vm_flags);
	else
		ret = anon_mmap_flags(addr, flags, vm_flags, &pgoff);
	if (ret < 0)
		return ret;
	vm_flags = ret;
	if ((flags & MAP_NORESERVE) && sysctl_overcommit_memory != OVERCOMMIT_NEVER)
		vm_flags |= VM_NORESERVE;

	addr = mmap_region(file, addr, len, vm_flags, pgoff);
	if (!IS_ERR_VALUE(addr) &&
	    ((vm_flags & VM_LOCKED) || (flags & (MAP_POPULATE | MAP_NONBLOCK)) == MAP_POPULATE))
		*populate = len;
	return addr;
}

unsigned long ksys_mmap_pgoff(unsigned long addr, unsigned long len, unsigned long prot,
			      unsigned long flags, unsigned long fd, unsigned long pgoff)
{
	struct file *file = NULL;
	unsigned long ret;

	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
	}
	/* No hugetlbfs: no huge page size exists, which Linux answers with EINVAL. */
	if (flags & MAP_HUGETLB)
		ret = -EINVAL;
	else
		ret = vm_mmap_pgoff(file, addr, len, prot, flags, pgoff);
	if (file)
		fput(file);
	return ret;
}

/* x86-64's mmap(2): the offset in bytes, page aligned. */
SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, off)
{
	if (off & ~PAGE_MASK)
		return -EINVAL;
	return ksys_mmap_pgoff(addr, len, prot, flags, fd, off >> PAGE_SHIFT);
}

/* munmap() and vm_munmap(): the lock is downgraded for the teardown once the VMAs are out. */
static int __vm_munmap(unsigned long start, size_t len, bool downgrade)
{
	struct mm_struct *mm = current->mm;
	int ret;

	if (mmap_write_lock_killable(mm))
		return -EINTR;
	ret = __do_munmap(mm, start, len, downgrade);
	if (ret == 1) {
		mmap_read_unlock(mm);
		return 0;
	}
	mmap_write_unlock(mm);
	return ret;
}

int vm_munmap(unsigned long start, size_t len)
{
	return __vm_munmap(start, len, false);
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	return __vm_munmap(addr, len, true);
}

/* x86's VM_DATA_DEFAULT_FLAGS: the heap and the bss, readable and writable. */
#define VM_DATA_DEFAULT_FLAGS	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)

/*
 * Map [addr, addr + len) anonymous, after @prev (the VMA below), growing
 * @prev when it is the heap's and alike. The range is free.
 * Return: 0, -EINVAL (@flags other than VM_EXEC), -ENOMEM (limits, overcommit, memory).
 */
static int do_brk_flags(struct mm_struct *mm, struct vm_area_struct *prev, unsigned long addr,
			unsigned long len, unsigned long flags)
{
	unsigned long pages = len >> PAGE_SHIFT;
	struct vm_area_struct *vma;

	if (flags & ~VM_EXEC)
		return -EINVAL;
	flags |= VM_DATA_DEFAULT_FLAGS | VM_ACCOUNT | mm->def_flags;
	if (!may_expand_vm(mm, flags, pages))
		return -ENOMEM;
	if (mm->map_count > sysctl_max_map_count)
		return -ENOMEM;
	if (security_vm_enough_memory_mm(mm, pages))
		return -ENOMEM;
	vma = vma_merge(mm, prev, addr, addr + len, flags, NULL, NULL, addr >> PAGE_SHIFT);
	if (!vma)
		vma = mmap_new_vma(mm, NULL, addr, len, flags, addr >> PAGE_SHIFT);
	if (IS_ERR(vma)) {
		vm_unacct_memory(pages);
		return PTR_ERR(vma);
	}
	mm->total_vm += pages;
	mm->data_vm += pages;
	if (flags & VM_LOCKED)
		mm->locked_vm += pages;
	vma->vm_flags |= VM_SOFTDIRTY;
	validate_mm(mm);
	return 0;
}

/* What Linux's check_brk_limits() checks: the range is allowed, mlock's limit. */
static int check_brk_limits(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	unsigned long mapped = mm_get_unmapped_area(mm, NULL, addr, len, 0, MAP_FIXED);

	if (IS_ERR_VALUE(mapped))
		return (int)mapped;
	return mlock_future_check(mm, mm->def_flags, len);
}

int vm_brk_flags(unsigned long addr, unsigned long request, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long len = PAGE_ALIGN(request);
	struct vm_area_struct *prev;
	bool populate;
	int ret;

	if (len < request)
		return -ENOMEM;
	if (!len)
		return 0;
	if (mmap_write_lock_killable(mm))
		return -EINTR;
	if (flags & ~VM_EXEC)
		ret = -EINVAL;
	else
		ret = check_brk_limits(mm, addr, len) ?: do_munmap(mm, addr, len);
	if (!ret) {
		find_vma_prev(mm, addr, &prev);
		ret = do_brk_flags(mm, prev, addr, len, flags);
	}
	populate = mm->def_flags & VM_LOCKED;
	mmap_write_unlock(mm);
	if (populate && !ret)
		mm_populate(addr, len);
	return ret;
}

/* Linux's check_data_rlimit(): the heap and the data segment together within RLIMIT_DATA. */
static bool brk_within_data_rlimit(struct mm_struct *mm, unsigned long brk)
{
	unsigned long limit = rlimit(RLIMIT_DATA);

	return limit == RLIM_INFINITY ||
	       (brk - mm->start_brk) + (mm->end_data - mm->start_data) <= limit;
}

/*
 * Move the break of @mm to @brk. Return: true if it moved; *downgraded
 * when mmap_lock is now held for reading only.
 */
static bool brk_move(struct mm_struct *mm, unsigned long brk, bool *downgraded)
{
	unsigned long newbrk = PAGE_ALIGN(brk), oldbrk = PAGE_ALIGN(mm->brk), origbrk = mm->brk;
	struct vm_area_struct *next, *prev;
	int ret;

	if (brk < mm->start_brk || !brk_within_data_rlimit(mm, brk))
		return false;
	if (oldbrk == newbrk)
		goto moved;
	if (brk <= mm->brk) {		/* shrinking is always allowed */
		mm->brk = brk;
		ret = __do_munmap(mm, newbrk, oldbrk - newbrk, true);
		if (ret < 0) {
			mm->brk = origbrk;
			return false;
		}
		*downgraded = ret == 1;
		return true;
	}
	/* The new top must leave a page and the next VMA's guard gap free. */
	next = find_vma_prev(mm, oldbrk, &prev);
	if (next && newbrk + PAGE_SIZE > vm_start_gap(next))
		return false;
	if (check_brk_limits(mm, oldbrk, newbrk - oldbrk) ||
	    do_brk_flags(mm, prev, oldbrk, newbrk - oldbrk, 0))
		return false;
moved:
	mm->brk = brk;
	return true;
}

/* brk(2): the new break, or the unchanged one when it cannot move. */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long oldbrk, ret;
	bool downgraded = false, populate;

	if (mmap_write_lock_killable(mm))
		return -EINTR;
	oldbrk = PAGE_ALIGN(mm->brk);
	if (!brk_move(mm, brk, &downgraded)) {
		ret = mm->brk;
		mmap_write_unlock(mm);
		return ret;
	}
	populate = PAGE_ALIGN(brk) > oldbrk && (mm->def_flags & VM_LOCKED);
	if (downgraded)
		mmap_read_unlock(mm);
	else
		mmap_write_unlock(mm);
	if (populate)
		mm_populate(oldbrk, PAGE_ALIGN(brk) - oldbrk);
	return brk;
}
