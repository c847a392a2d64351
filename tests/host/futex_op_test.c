// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of kernel/futex/op.c, FUTEX_WAKE_OP's decoder: each field of
 * the op word lands where Linux's ABI puts it, the 12-bit arguments are
 * signed, FUTEX_OP_OPARG_SHIFT shifts (modulo 32), every op computes its
 * value, every comparison is signed, and bad ops and comparisons answer
 * -ENOSYS. A model of all op/cmp pairs over a grid of values checks the
 * whole table.
 */
#include <linux/errno.h>
#include "../../kernel/futex/futex.h"
#include "htest.h"

HTEST(futex_op_decode_splits_the_four_fields)
{
	struct futex_op fop;

	HT_EXPECT_EQ(futex_op_decode(FUTEX_OP(FUTEX_OP_XOR, 0x123, FUTEX_OP_CMP_GE, 0x456), &fop),
		     0);
	HT_EXPECT_EQ(fop.op, (unsigned int)FUTEX_OP_XOR);
	HT_EXPECT_EQ(fop.cmp, (unsigned int)FUTEX_OP_CMP_GE);
	HT_EXPECT_EQ(fop.oparg, 0x123u);
	HT_EXPECT_EQ(fop.cmparg, 0x456);
}

HTEST(futex_op_decode_sign_extends_twelve_bits)
{
	struct futex_op fop;

	futex_op_decode(FUTEX_OP(FUTEX_OP_ADD, -1, FUTEX_OP_CMP_EQ, -2048), &fop);
	HT_EXPECT_EQ(fop.oparg, 0xffffffffu);
	HT_EXPECT_EQ(fop.cmparg, -2048);
	futex_op_decode(FUTEX_OP(FUTEX_OP_ADD, 2047, FUTEX_OP_CMP_EQ, 0x800), &fop);
	HT_EXPECT_EQ(fop.oparg, 2047u);
	HT_EXPECT_EQ(fop.cmparg, -2048);
}

HTEST(futex_op_oparg_shift_takes_the_count_modulo_32)
{
	struct futex_op fop;

	futex_op_decode(FUTEX_OP(FUTEX_OP_SET | FUTEX_OP_OPARG_SHIFT, 31, 0, 0), &fop);
	HT_EXPECT_EQ(fop.op, (unsigned int)FUTEX_OP_SET);
	HT_EXPECT_EQ(fop.oparg, 0x80000000u);
	futex_op_decode(FUTEX_OP(FUTEX_OP_OR | FUTEX_OP_OPARG_SHIFT, 33, 0, 0), &fop);
	HT_EXPECT_EQ(fop.oparg, 2u);
	futex_op_decode(FUTEX_OP(FUTEX_OP_OR | FUTEX_OP_OPARG_SHIFT, -1, 0, 0), &fop);
	HT_EXPECT_EQ(fop.oparg, 0x80000000u);
}

HTEST(futex_op_decode_refuses_ops_5_to_7)
{
	struct futex_op fop;
	unsigned int op;

	for (op = 5; op < 8; op++)
		HT_EXPECT_EQ(futex_op_decode(FUTEX_OP(op, 1, 0, 0), &fop), -ENOSYS);
	HT_EXPECT_EQ(futex_op_decode(FUTEX_OP(FUTEX_OP_OPARG_SHIFT | 5, 1, 0, 0), &fop), -ENOSYS);
}

/* The model: what each op makes of @old, what each cmp says of @old. */
static u32 model_op(unsigned int op, u32 old, u32 arg)
{
	u32 ops[5] = { arg, old + arg, old | arg, old & ~arg, old ^ arg };

	return ops[op];
}

static int model_cmp(unsigned int cmp, int old, int arg)
{
	int res[6] = { old == arg, old != arg, old < arg, old <= arg, old > arg, old >= arg };

	return cmp < 6 ? res[cmp] : -ENOSYS;
}

HTEST(futex_op_every_op_and_cmp_matches_the_model)
{
	static const u32 olds[] = { 0, 1, 2, 5, 0x7ff, 0x800, 0x80000000u, 0xfffff800u,
				    0xffffffffu, 0x12345678 };
	static const int args[] = { 0, 1, -1, 5, 2047, -2048, 100 };
	struct futex_op fop;
	unsigned int op, cmp, i, j;

	for (op = 0; op < 5; op++)
		for (cmp = 0; cmp < 16; cmp++)
			for (i = 0; i < ARRAY_SIZE(olds); i++)
				for (j = 0; j < ARRAY_SIZE(args); j++) {
					u32 enc = FUTEX_OP(op, (u32)args[j], cmp, (u32)args[j]);

					HT_ASSERT_EQ(futex_op_decode(enc, &fop), 0);
					HT_ASSERT_EQ(futex_op_apply(&fop, olds[i]),
						     model_op(op, olds[i], args[j]));
					HT_ASSERT_EQ(futex_op_cmp(&fop, olds[i]),
						     model_cmp(cmp, (int)olds[i], args[j]));
				}
}
