// SPDX-License-Identifier: GPL-2.0
/*
 * FUTEX_WAKE_OP's arithmetic (Linux's futex_atomic_op_inuser() without
 * the memory access): decode the 32-bit op word, compute the new value of
 * the second futex from its old one, and compare the old one with cmparg.
 * Pure code, built for the host too (tests/host/futex_op_test.c);
 * waitwake.c does the atomic update of user memory around it.
 *
 *   bit 31     FUTEX_OP_OPARG_SHIFT: the operand is 1 << oparg
 *   bits 28-30 op: SET, ADD, OR, ANDN, XOR (5-7: -ENOSYS)
 *   bits 24-27 cmp: EQ, NE, LT, LE, GT, GE (6-15: -ENOSYS)
 *   bits 12-23 oparg, signed
 *   bits 0-11  cmparg, signed
 *
 * As Linux's, a bad op is refused before the word is touched, but a bad
 * cmp only after the word was updated: the update stays and the call
 * answers -ENOSYS. A shift count out of 0..31 is taken modulo 32 (Linux
 * also logs it).
 */
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/mmdebug.h>
#include "futex.h"

int futex_op_decode(u32 encoded, struct futex_op *fop)
{
	int oparg = sign_extend32(encoded >> 12, 11);

	fop->op = (encoded >> 28) & 7;
	fop->cmp = (encoded >> 24) & 15;
	fop->cmparg = sign_extend32(encoded, 11);
	if (encoded & ((u32)FUTEX_OP_OPARG_SHIFT << 28))
		oparg = 1U << (oparg & 31);
	fop->oparg = oparg;
	return fop->op > FUTEX_OP_XOR ? -ENOSYS : 0;
}

u32 futex_op_apply(const struct futex_op *fop, u32 oldval)
{
	switch (fop->op) {
	case FUTEX_OP_SET:
		return fop->oparg;
	case FUTEX_OP_ADD:
		return oldval + fop->oparg;
	case FUTEX_OP_OR:
		return oldval | fop->oparg;
	case FUTEX_OP_ANDN:
		return oldval & ~fop->oparg;
	default:
		VM_WARN_ON_ONCE(fop->op != FUTEX_OP_XOR);	/* futex_op_decode() refused it */
		return oldval ^ fop->oparg;
	}
}

int futex_op_cmp(const struct futex_op *fop, u32 oldval)
{
	int old = (int)oldval;

	switch (fop->cmp) {
	case FUTEX_OP_CMP_EQ:
		return old == fop->cmparg;
	case FUTEX_OP_CMP_NE:
		return old != fop->cmparg;
	case FUTEX_OP_CMP_LT:
		return old < fop->cmparg;
	case FUTEX_OP_CMP_LE:
		return old <= fop->cmparg;
	case FUTEX_OP_CMP_GT:
		return old > fop->cmparg;
	case FUTEX_OP_CMP_GE:
		return old >= fop->cmparg;
	default:
		return -ENOSYS;
	}
}
