/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The decisions of the ASID scheme (arch/x86_64/tlb.c), as pure functions
 * of a CPU's ASID table, so that they can be proven on the host too
 * (tests/host/tlb_asid_test.c): which ASID an mm runs under and whether
 * that ASID must be flushed first, and what a shootdown must flush.
 *
 * A CPU's table is TLB_NR_DYN_ASIDS struct tlb_context, each naming the
 * mm (by ctx_id, 0 for none) whose translations that ASID may hold and
 * the mm's TLB generation those translations are flushed up to. An mm's
 * generation only grows; every change of its ptes that needs a flush
 * bumps it before any CPU is told.
 */
#ifndef _ASM_TLB_ASID_H
#define _ASM_TLB_ASID_H

#include <linux/types.h>

/* ASIDs per CPU for user mms (Linux's TLB_NR_DYN_ASIDS); the PCID is ASID + 1. */
#define TLB_NR_DYN_ASIDS	6

/**
 * struct tlb_context - one ASID of a CPU
 * @ctx_id: the mm_context_t.ctx_id of the mm that owns it (0: none)
 * @tlb_gen: the mm's generation this ASID's translations are flushed up to
 */
struct tlb_context {
	u64 ctx_id;
	u64 tlb_gen;
};

/**
 * tlb_asid_choose - the ASID an mm runs under next (Linux's choose_new_asid())
 * @ctxs: the CPU's table
 * @next_asid: the CPU's round-robin cursor (advanced when an ASID is taken)
 * @ctx_id: the mm's ctx_id
 * @gen: the mm's generation, read after the CPU joined mm_cpumask()
 * @need_flush: set: the ASID must be loaded flushing (its translations
 *              are another mm's, or older than @gen)
 *
 * The ASID the mm owns here if any; else the next in turn, taken over.
 * A flushed ASID is recorded as the mm's, current up to @gen.
 * Return: the ASID.
 */
static inline u16 tlb_asid_choose(struct tlb_context *ctxs, u16 *next_asid, u64 ctx_id,
				  u64 gen, bool *need_flush)
{
	u16 asid;

	for (asid = 0; asid < TLB_NR_DYN_ASIDS; asid++)
		if (ctxs[asid].ctx_id == ctx_id)
			break;
	if (asid == TLB_NR_DYN_ASIDS) {
		asid = *next_asid;
		*next_asid = (asid + 1) % TLB_NR_DYN_ASIDS;
	}
	*need_flush = ctxs[asid].ctx_id != ctx_id || ctxs[asid].tlb_gen < gen;
	if (*need_flush) {
		ctxs[asid].ctx_id = ctx_id;
		ctxs[asid].tlb_gen = gen;
	}
	return asid;
}

/* What a CPU running the mm does for one shootdown. */
enum tlb_flush_kind {
	TLB_FLUSH_NOTHING,	/* its ASID is flushed up to the mm's generation already */
	TLB_FLUSH_PAGES,	/* this change is all it lacks: the range, page by page */
	TLB_FLUSH_ASID,		/* it lacks more, or the range is large: all of the ASID */
};

/**
 * tlb_flush_kind - the flush a shootdown needs on a CPU running the mm
 * @local_gen: the generation the CPU's ASID is flushed up to
 * @mm_gen: the mm's generation now
 * @new_gen: the generation the shootdown's own change made
 * @by_page: the range is small enough to go page by page
 *
 * The caller then records @mm_gen as its ASID's generation (Linux's
 * flush_tlb_func()).
 */
static inline enum tlb_flush_kind tlb_flush_kind(u64 local_gen, u64 mm_gen, u64 new_gen,
						 bool by_page)
{
	if (local_gen >= mm_gen)
		return TLB_FLUSH_NOTHING;
	if (by_page && new_gen == local_gen + 1 && new_gen == mm_gen)
		return TLB_FLUSH_PAGES;
	return TLB_FLUSH_ASID;
}

/*
 * tlb_asid_lacks_only - does @ctx, an ASID of an mm not loaded, lack only
 * the change that made @new_gen of the mm @ctx_id? Then flushing that
 * change's pages (INVPCID) brings it up to @new_gen.
 */
static inline bool tlb_asid_lacks_only(const struct tlb_context *ctx, u64 ctx_id, u64 new_gen)
{
	return ctx->ctx_id == ctx_id && ctx->tlb_gen + 1 == new_gen;
}

#endif /* _ASM_TLB_ASID_H */
