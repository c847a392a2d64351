// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the ASID scheme's decisions (asm/tlb_asid.h): a CPU's
 * table of TLB_NR_DYN_ASIDS ASIDs played through switches between mms
 * and shootdowns, checking which ASID each mm gets, when a switch must
 * flush, and what a shootdown flushes.
 */
#include <asm/tlb_asid.h>
#include "htest.h"

struct cpu {
	struct tlb_context ctxs[TLB_NR_DYN_ASIDS];
	u16 next_asid;
};

/* Switch @c to mm @id at generation @gen. Return: the ASID; *@flushed: whether it flushed. */
static u16 sw(struct cpu *c, u64 id, u64 gen, bool *flushed)
{
	return tlb_asid_choose(c->ctxs, &c->next_asid, id, gen, flushed);
}

HTEST(tlb_asid_a_switch_back_to_an_unchanged_mm_keeps_its_asid_unflushed)
{
	struct cpu c = { 0 };
	bool flushed;
	u16 a = sw(&c, 10, 1, &flushed);

	HT_EXPECT_TRUE(flushed);		/* new to this CPU */
	HT_EXPECT_NE(sw(&c, 11, 1, &flushed), a);
	HT_EXPECT_TRUE(flushed);
	HT_EXPECT_EQ(sw(&c, 10, 1, &flushed), a);
	HT_EXPECT_FALSE(flushed);		/* the TLB kept mm 10's translations */
}

HTEST(tlb_asid_a_switch_back_after_the_generation_moved_flushes)
{
	struct cpu c = { 0 };
	bool flushed;
	u16 a = sw(&c, 10, 1, &flushed);

	sw(&c, 11, 1, &flushed);
	/* mm 10 changed while this CPU ran mm 11: its generation is now 2 */
	HT_EXPECT_EQ(sw(&c, 10, 2, &flushed), a);
	HT_EXPECT_TRUE(flushed);
	HT_EXPECT_EQ(c.ctxs[a].tlb_gen, 2ULL);
	sw(&c, 11, 1, &flushed);
	HT_EXPECT_EQ(sw(&c, 10, 2, &flushed), a);
	HT_EXPECT_FALSE(flushed);		/* flushed up to 2 already */
}

HTEST(tlb_asid_a_seventh_mm_takes_the_oldest_asid_round_robin)
{
	struct cpu c = { 0 };
	bool flushed;
	u16 asids[TLB_NR_DYN_ASIDS + 1];
	u64 id;

	for (id = 1; id <= TLB_NR_DYN_ASIDS; id++)
		asids[id - 1] = sw(&c, id, 1, &flushed);
	for (id = 1; id <= TLB_NR_DYN_ASIDS; id++)
		HT_EXPECT_EQ(asids[id - 1], (u16)(id - 1));
	asids[TLB_NR_DYN_ASIDS] = sw(&c, 100, 1, &flushed);
	HT_EXPECT_EQ(asids[TLB_NR_DYN_ASIDS], (u16)0);
	HT_EXPECT_TRUE(flushed);
	HT_EXPECT_EQ(c.ctxs[0].ctx_id, 100ULL);
	/* mm 1 lost its ASID: back, it takes the next one, flushed */
	HT_EXPECT_EQ(sw(&c, 1, 1, &flushed), 1);
	HT_EXPECT_TRUE(flushed);
	HT_EXPECT_EQ(sw(&c, 100, 1, &flushed), 0);
	HT_EXPECT_FALSE(flushed);
}

HTEST(tlb_asid_a_reused_asid_never_keeps_another_mms_translations)
{
	struct cpu c = { 0 };
	bool flushed;
	u64 id;

	/* a long run of mms through few ASIDs: each new owner flushes */
	for (id = 1; id < 100; id++) {
		u16 asid = sw(&c, id, 5, &flushed);

		HT_ASSERT_TRUE(flushed);
		HT_EXPECT_EQ(c.ctxs[asid].ctx_id, id);
	}
}

HTEST(tlb_flush_kind_follows_the_generations)
{
	/* the one change it lacks, a small range: page by page */
	HT_EXPECT_EQ((int)tlb_flush_kind(4, 5, 5, true), (int)TLB_FLUSH_PAGES);
	/* large: everything */
	HT_EXPECT_EQ((int)tlb_flush_kind(4, 5, 5, false), (int)TLB_FLUSH_ASID);
	/* another change came after this one: everything */
	HT_EXPECT_EQ((int)tlb_flush_kind(4, 6, 5, true), (int)TLB_FLUSH_ASID);
	/* it lacks an older change too: everything */
	HT_EXPECT_EQ((int)tlb_flush_kind(3, 5, 5, true), (int)TLB_FLUSH_ASID);
	/* a full flush since took this change: nothing */
	HT_EXPECT_EQ((int)tlb_flush_kind(6, 6, 5, true), (int)TLB_FLUSH_NOTHING);
	HT_EXPECT_EQ((int)tlb_flush_kind(5, 5, 5, true), (int)TLB_FLUSH_NOTHING);
}

HTEST(tlb_asid_lacks_only_this_change)
{
	struct tlb_context ctx = { .ctx_id = 7, .tlb_gen = 4 };

	HT_EXPECT_TRUE(tlb_asid_lacks_only(&ctx, 7, 5));
	HT_EXPECT_FALSE(tlb_asid_lacks_only(&ctx, 7, 6));	/* lacks 5 too */
	HT_EXPECT_FALSE(tlb_asid_lacks_only(&ctx, 8, 5));	/* not its mm */
	HT_EXPECT_FALSE(tlb_asid_lacks_only(&ctx, 7, 4));	/* has it */
}
