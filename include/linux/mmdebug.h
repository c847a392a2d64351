/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CONFIG_DEBUG_VM tier of assertions (STYLE.md rule 13), Linux's
 * mmdebug.h: invariants of the memory manager that are worth checking in a
 * debug build but too costly, or too hot, to check in every build.
 *
 * With CONFIG_DEBUG_VM (make EXTRA_CFLAGS=-DCONFIG_DEBUG_VM, or the
 * Makefile's DEBUG_VM=1 switch):
 *   VM_BUG_ON(cond)                  BUG when cond holds
 *   VM_BUG_ON_PAGE/_FOLIO/_VMA/_MM(c, o)  dump_page()/dump_vma()/dump_mm() of o first
 *   VM_WARN_ON(cond), _ONCE          WARN, every time or the first time
 *   VM_WARN_ON_ONCE_PAGE, VM_WARN_ON_FOLIO, VM_WARN_ON_ONCE_FOLIO
 *   VM_WARN_ONCE(cond, fmt...), VM_WARN(cond, fmt...)
 * A BUG report dumps the object, then names the function and the broken
 * invariant ("free_the_page: VM_BUG_ON_PAGE(...)"), then the usual
 * "kernel BUG at file:line!" oops.
 *
 * Without it every one of them is BUILD_BUG_ON_INVALID(cond): the
 * expression is type-checked but never evaluated and generates no code, so
 * a check may call functions or read shared state without costing the fast
 * paths anything. Nothing may depend on a check's side effects.
 */
#ifndef _LINUX_MMDEBUG_H
#define _LINUX_MMDEBUG_H

#include <linux/bug.h>
#include <linux/printk.h>

struct page;
struct folio;
struct mm_struct;
struct vm_area_struct;

/* dump_page - print a struct page, Linux's format, and why (mm/debug.c). */
void dump_page(const struct page *page, const char *reason);
/* dump_vma - print a VMA's fields, Linux's format (mm/debug.c). */
void dump_vma(const struct vm_area_struct *vma);
/* dump_mm - print the fields of an address space, Linux's format (mm/debug.c). */
void dump_mm(const struct mm_struct *mm);

#ifdef CONFIG_DEBUG_VM

/* The report's own line, then the oops: the caller has dumped the object. */
#define __VM_BUG(what) do {						\
	pr_crit("%s: %s\n", __func__, what);				\
	BUG();								\
} while (0)

#define VM_BUG_ON(cond) do {						\
	if (unlikely(cond))						\
		__VM_BUG("VM_BUG_ON(" #cond ")");			\
} while (0)

#define VM_BUG_ON_PAGE(cond, page) do {					\
	if (unlikely(cond)) {						\
		dump_page(page, "VM_BUG_ON_PAGE(" #cond ")");		\
		__VM_BUG("VM_BUG_ON_PAGE(" #cond ")");			\
	}								\
} while (0)

#define VM_BUG_ON_FOLIO(cond, folio) do {				\
	if (unlikely(cond)) {						\
		dump_page(&(folio)->page, "VM_BUG_ON_FOLIO(" #cond ")");	\
		__VM_BUG("VM_BUG_ON_FOLIO(" #cond ")");			\
	}								\
} while (0)

#define VM_BUG_ON_VMA(cond, vma) do {					\
	if (unlikely(cond)) {						\
		dump_vma(vma);						\
		__VM_BUG("VM_BUG_ON_VMA(" #cond ")");			\
	}								\
} while (0)

#define VM_BUG_ON_MM(cond, mm) do {					\
	if (unlikely(cond)) {						\
		dump_mm(mm);						\
		__VM_BUG("VM_BUG_ON_MM(" #cond ")");			\
	}								\
} while (0)

#define VM_WARN_ON(cond)		(void)WARN_ON(cond)
#define VM_WARN_ON_ONCE(cond)		(void)WARN_ON_ONCE(cond)
#define VM_WARN_ONCE(cond, fmt...)	(void)WARN_ONCE(cond, fmt)
#define VM_WARN(cond, fmt...)		(void)WARN(cond, fmt)

/* Dump @page, then WARN naming the check @what; @once: only the first time. */
#define __VM_WARN_PAGE(cond, page, what, once) ({			\
	static bool __warned;						\
	bool __c = !!(cond);						\
	if (unlikely(__c) && !(once && __warned)) {			\
		__warned = true;					\
		dump_page(page, what);					\
		__warn(__FILE__, __LINE__, __func__, what);		\
	}								\
	unlikely(__c);							\
})

#define VM_WARN_ON_ONCE_PAGE(cond, page)				\
	__VM_WARN_PAGE(cond, page, "VM_WARN_ON_ONCE_PAGE(" #cond ")", true)
#define VM_WARN_ON_FOLIO(cond, folio)					\
	__VM_WARN_PAGE(cond, &(folio)->page, "VM_WARN_ON_FOLIO(" #cond ")", false)
#define VM_WARN_ON_ONCE_FOLIO(cond, folio)				\
	__VM_WARN_PAGE(cond, &(folio)->page, "VM_WARN_ON_ONCE_FOLIO(" #cond ")", true)

#else /* !CONFIG_DEBUG_VM */

#define VM_BUG_ON(cond)			BUILD_BUG_ON_INVALID(cond)
#define VM_BUG_ON_PAGE(cond, page)	VM_BUG_ON(cond)
#define VM_BUG_ON_FOLIO(cond, folio)	VM_BUG_ON(cond)
#define VM_BUG_ON_VMA(cond, vma)	VM_BUG_ON(cond)
#define VM_BUG_ON_MM(cond, mm)		VM_BUG_ON(cond)
#define VM_WARN_ON(cond)		BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON_ONCE(cond)		BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ONCE(cond, fmt...)	BUILD_BUG_ON_INVALID(cond)
#define VM_WARN(cond, fmt...)		BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON_ONCE_PAGE(cond, page) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON_FOLIO(cond, folio)	BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON_ONCE_FOLIO(cond, folio) BUILD_BUG_ON_INVALID(cond)

#endif /* CONFIG_DEBUG_VM */

#endif /* _LINUX_MMDEBUG_H */
