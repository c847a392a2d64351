/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The stack depot (kernel/stackdepot.c): stack traces stored once each,
 * named by a 32-bit handle, for debugging features that record a stack per
 * object (page_owner; later slub_debug's alloc/free tracking). Linux's
 * interface, without the gfp argument of stack_depot_save(): the depot's
 * memory is set aside at boot and it never allocates.
 */
#ifndef _LINUX_STACKDEPOT_H
#define _LINUX_STACKDEPOT_H

#include <linux/types.h>

/* 0 means "no stack" (none recorded, or the depot was full). */
typedef u32 depot_stack_handle_t;

#define STACK_DEPOT_MAX_FRAMES	16

/* Saves that found the depot full. */
extern unsigned long stack_depot_dropped;

/*
 * stack_depot_request_early_init - have the depot set up at boot.
 * Context: early parameters (before mm_core_init()).
 */
void stack_depot_request_early_init(void);

/*
 * stack_depot_early_init - allocate the depot from memblock if it was
 * requested. Return: 0, or -ENOMEM (the depot then stays off and every
 * save returns 0). Context: boot, before memblock_free_all().
 */
int stack_depot_early_init(void);

/* Is the depot set up (requested and allocated)? */
bool stack_depot_initialized(void);

/**
 * stack_depot_save - store a stack trace, or find it already stored
 * @entries: return addresses, innermost first
 * @nr_entries: how many (the first STACK_DEPOT_MAX_FRAMES are kept)
 *
 * Return: the handle of the trace; equal traces get equal handles. 0 when
 * the depot is off or full (stack_depot_dropped counts the latter).
 * Context: any; takes depot_lock with interrupts off.
 */
depot_stack_handle_t stack_depot_save(const unsigned long *entries,
				      unsigned int nr_entries);

/*
 * stack_depot_fetch - point *@entries at the trace of @handle. Return: its
 * number of entries, 0 for handle 0. Context: any, lockless (a record never
 * changes once stored).
 */
unsigned int stack_depot_fetch(depot_stack_handle_t handle, unsigned long **entries);

/* Print the trace of @handle, one " symbol+0xoff/0xsize" line a frame. */
void stack_depot_print(depot_stack_handle_t handle);

#endif /* _LINUX_STACKDEPOT_H */
