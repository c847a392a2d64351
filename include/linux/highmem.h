/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Temporary kernel mappings of pages (mm/highmem.c), with Linux's names and
 * semantics ("High Memory Handling" in the Linux mm documentation).
 *
 * x86-64 has no highmem: the direct map covers every page, so by default
 * kmap_local_page(), kmap_atomic() and kmap() return page_address() and
 * their unmaps do nothing. With the boot parameter kmap_local.force_map=1
 * (Linux's CONFIG_DEBUG_KMAP_LOCAL_FORCE_MAP idea) every one of them maps
 * the page for real, as a 32-bit kernel does for a highmem page:
 *
 *   kmap_local_page()  a per-CPU fixmap slot, stack-ordered; survives
 *                      preemption (the slots are saved in the task and
 *                      restored when it runs again), pins the task to its
 *                      CPU until the last slot is unmapped
 *   kmap_atomic()      the same with preemption off until kunmap_atomic()
 *   kmap()             an entry of the global pkmap pool (LAST_PKMAP pages
 *                      at PKMAP_BASE); may sleep until an entry is free
 *
 * __kmap_local_pfn_prot(), kmap_high() and kunmap_high() are the mapping
 * paths themselves, which map whatever force_map says.
 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/preempt.h>
#include <asm/page.h>
#include <asm/fixmap.h>

#define LAST_PKMAP_MASK		(LAST_PKMAP - 1)
#define PKMAP_NR(virt)		(((unsigned long)(virt) - PKMAP_BASE) >> PAGE_SHIFT)
#define PKMAP_ADDR(nr)		(PKMAP_BASE + ((unsigned long)(nr) << PAGE_SHIFT))

/* kmap_local.force_map=1: map through the fixmap and pkmap slots (read-only after boot). */
extern bool kmap_local_force_map;

/* Is @addr in some CPU's kmap_local slots? */
static inline bool is_kmap_local_addr(unsigned long addr)
{
	return addr >= fix_to_virt(FIX_KMAP_END) && addr < fix_to_virt(FIX_KMAP_BEGIN) + PAGE_SIZE;
}

/**
 * __kmap_local_pfn_prot - map @pfn with @prot in this CPU's next kmap_local slot
 * @pfn: a page of RAM
 * @prot: the protection (PAGE_KERNEL for kmap_local_page())
 *
 * Always maps, whatever kmap_local.force_map says. Nesting deeper than
 * KM_MAX_IDX is a bug that Linux BUG()s on; here it is reported (WARN with
 * a stack trace) and the direct-map address returned instead, which is a
 * valid mapping of every page of RAM on x86-64 (kunmap_local() of it does
 * nothing).
 *
 * Return: the slot's address. Context: any; the mapping is valid only in
 * the calling task (or interrupt) and is undone with kunmap_local().
 */
void *__kmap_local_pfn_prot(unsigned long pfn, pgprot_t prot);

/*
 * kunmap_local_indexed - unmap the kmap_local slot holding @vaddr. An
 * unmap that is not of the innermost mapping is reported (WARN) and then
 * done anyway: the slot is cleared at once and freed when the slots above
 * it are. An address that is no live slot of this task is reported and
 * left alone. Context: the one that mapped it.
 */
void kunmap_local_indexed(const void *vaddr);

/* The scheduler's hooks (context_switch): save/restore a task's slots. */
void __kmap_local_sched_out(struct task_struct *prev);
void __kmap_local_sched_in(struct task_struct *next);

static inline void kmap_local_sched_out(struct task_struct *prev)
{
	if (unlikely(prev->kmap_ctrl.idx))
		__kmap_local_sched_out(prev);
}

static inline void kmap_local_sched_in(struct task_struct *next)
{
	if (unlikely(next->kmap_ctrl.idx))
		__kmap_local_sched_in(next);
}

static inline void *__kmap_local_page_prot(struct page *page, pgprot_t prot)
{
	if (likely(!kmap_local_force_map))
		return page_address(page);
	return __kmap_local_pfn_prot(page_to_pfn(page), prot);
}

/**
 * kmap_local_page - map a page for temporary use
 * @page: the page
 *
 * Mappings nest, strictly: unmap in the reverse order of mapping.
 * Preemption stays on; the address is valid only in the calling context.
 * Return: the address of the page. Context: any.
 */
static inline void *kmap_local_page(struct page *page)
{
	return __kmap_local_page_prot(page, PAGE_KERNEL);
}

/**
 * kmap_local_folio - map the page of @folio holding byte @offset
 * @folio: the folio
 * @offset: a byte offset within it
 *
 * Return: the address of byte @offset. As kmap_local_page() otherwise.
 */
static inline void *kmap_local_folio(struct folio *folio, size_t offset)
{
	struct page *page = folio_page(folio, offset / PAGE_SIZE);

	return (char *)kmap_local_page(page) + offset % PAGE_SIZE;
}

static inline void __kunmap_local(const void *vaddr)
{
	if (unlikely(is_kmap_local_addr((unsigned long)vaddr)))
		kunmap_local_indexed(vaddr);
}

/*
 * kunmap_local - undo kmap_local_page(); @addr is any address inside the
 * mapped page. Passing the struct page is a compile error, as in Linux.
 */
#define kunmap_local(addr) do {							\
	BUILD_BUG_ON(__builtin_types_compatible_p(__typeof__(addr), struct page *)); \
	__kunmap_local(addr);							\
} while (0)

/**
 * kmap_atomic - map a page with preemption off (deprecated: kmap_local_page)
 * @page: the page
 *
 * Linux also disables page faults here; this kernel has no
 * pagefault_disable() (no user faults to refuse yet).
 * Return: the address of the page. Context: any; unmap with kunmap_atomic().
 */
static inline void *kmap_atomic(struct page *page)
{
	preempt_disable();
	return kmap_local_page(page);
}

#define kunmap_atomic(addr) do {						\
	kunmap_local(addr);							\
	preempt_enable();							\
} while (0)

/**
 * kmap_high - map @page through the pkmap pool, whatever force_map says
 * @page: the page
 *
 * A page already in the pool gets its existing address (and one more
 * user). When every entry is taken, sleeps until kunmap_high() frees one.
 * Return: the address. Context: task, may sleep; takes kmap_lock.
 */
void *kmap_high(struct page *page);

/*
 * kunmap_high - drop one user of @page's pkmap entry, waking a kmap_high()
 * that waits for one. The entry stays mapped (and the page's address
 * stays the same) until the pool wraps. A page with no user is reported.
 * Context: task; takes kmap_lock.
 */
void kunmap_high(struct page *page);

/*
 * kmap_flush_unused - unmap every pkmap entry without users now, with one
 * TLB flush on every CPU, rather than when the pool wraps.
 * Context: task (it waits for the other CPUs).
 */
void kmap_flush_unused(void);

/**
 * kmap - map a page for a longer time, visible to every CPU and task
 * @page: the page
 *
 * Return: the address, valid until kunmap(@page).
 * Context: task, may sleep (the pool may be full).
 */
static inline void *kmap(struct page *page)
{
	might_sleep();
	if (likely(!kmap_local_force_map))
		return page_address(page);
	return kmap_high(page);
}

/* kunmap - undo kmap(@page): takes the page, not the address. Context: task. */
static inline void kunmap(struct page *page)
{
	might_sleep();
	if (likely(!kmap_local_force_map))
		return;
	kunmap_high(page);
}

/**
 * kmap_to_page - the page a kmap, kmap_local or direct-map address maps
 * @addr: the address
 *
 * Return: the page, or NULL (with a warning) for an unmapped pkmap or
 * kmap_local slot. Context: any; a kmap_local address only in the context
 * that mapped it.
 */
struct page *kmap_to_page(void *addr);

/*
 * The copy helpers: each maps what it touches with kmap_local_page() for
 * the duration of the copy. @offset + @len must stay within the page.
 */
static inline void memcpy_page(struct page *dst_page, size_t dst_off,
			       struct page *src_page, size_t src_off, size_t len)
{
	char *dst, *src;

	VM_BUG_ON(dst_off + len > PAGE_SIZE || src_off + len > PAGE_SIZE);
	dst = kmap_local_page(dst_page);
	src = kmap_local_page(src_page);
	memcpy(dst + dst_off, src + src_off, len);
	kunmap_local(src);
	kunmap_local(dst);
}

static inline void memset_page(struct page *page, size_t offset, int val, size_t len)
{
	char *addr;

	VM_BUG_ON(offset + len > PAGE_SIZE);
	addr = kmap_local_page(page);
	memset(addr + offset, val, len);
	kunmap_local(addr);
}

static inline void memcpy_from_page(char *to, struct page *page, size_t offset, size_t len)
{
	char *from;

	VM_BUG_ON(offset + len > PAGE_SIZE);
	from = kmap_local_page(page);
	memcpy(to, from + offset, len);
	kunmap_local(from);
}

static inline void memcpy_to_page(struct page *page, size_t offset, const char *from, size_t len)
{
	char *to;

	VM_BUG_ON(offset + len > PAGE_SIZE);
	to = kmap_local_page(page);
	memcpy(to + offset, from, len);
	kunmap_local(to);
}

static inline void memzero_page(struct page *page, size_t offset, size_t len)
{
	memset_page(page, offset, 0, len);
}

static inline void clear_highpage(struct page *page)
{
	void *addr = kmap_local_page(page);

	clear_page(addr);
	kunmap_local(addr);
}

static inline void copy_highpage(struct page *to, struct page *from)
{
	char *vto = kmap_local_page(to);
	char *vfrom = kmap_local_page(from);

	copy_page(vto, vfrom);
	kunmap_local(vfrom);
	kunmap_local(vto);
}

/**
 * zero_user_segments - zero two byte ranges of a page or compound page
 * @page: the page (a head page: the ranges may cross its subpages)
 * @start1: first byte of the first range
 * @end1: one past its last byte
 * @start2: first byte of the second range
 * @end2: one past its last byte
 *
 * An empty range (start >= end) is skipped; a range past the end of the
 * (compound) page is a BUG, as in Linux. Context: any.
 */
void zero_user_segments(struct page *page, unsigned int start1, unsigned int end1,
			unsigned int start2, unsigned int end2);

static inline void zero_user_segment(struct page *page, unsigned int start, unsigned int end)
{
	zero_user_segments(page, start, end, 0, 0);
}

static inline void zero_user(struct page *page, unsigned int start, unsigned int size)
{
	zero_user_segments(page, start, start + size, 0, 0);
}

#endif /* _LINUX_HIGHMEM_H */
