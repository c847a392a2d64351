// SPDX-License-Identifier: GPL-2.0
/*
 * debug_pagealloc=on: free pages are unmapped from the direct map, so that
 * a use after free through PAGE_OFFSET + phys faults at the access instead
 * of corrupting whoever gets the page next (Linux's DEBUG_PAGEALLOC).
 *
 * A page's direct-map entry over its life:
 *
 *   free_pages_prepare()   checks, init_on_free, poisoning (they write the
 *                          page), then debug_pagealloc_unmap_pages()
 *   buddy and per-CPU lists: not present
 *   prep_new_page()        debug_pagealloc_map_pages() first, then the
 *                          unpoisoning and zeroing (they read and write it)
 *
 * So nothing may read a free page through the direct map; a walker that
 * must (the mm_init test that reads every page of RAM) asks
 * kernel_page_present() first. The pages of the page tables themselves come
 * from memblock and are never freed, so table walks (dump_pagetable, ptdump)
 * always find them mapped.
 *
 * The mapping side is arch code: __kernel_map_pages() (arch/x86_64/init_64.c)
 * rewrites the page's 4 KiB PTE and flushes its TLB entry. That needs a
 * direct map of 4 KiB pages only, which init_mem_mapping() builds when this
 * early parameter is set; no large page is ever split at run time, so the
 * option cannot be switched on later and debug_pagealloc_enabled is
 * read-only after parse_early_param(). Cost: 2 MiB of page tables per GiB
 * of RAM, and a PTE write and TLB flush per allocation and per free.
 *
 * Locking: none of its own. A page's PTE is changed only by whoever owns the
 * page (the freeing path before the page reaches a free list, the allocating
 * path after it left one), and the direct map's tables are never freed or
 * split at run time.
 */
#include <linux/init.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include "internal.h"

bool debug_pagealloc_enabled;

static int early_debug_pagealloc(char *buf)
{
	return kstrtobool(buf, &debug_pagealloc_enabled);
}
early_param("debug_pagealloc", early_debug_pagealloc);
