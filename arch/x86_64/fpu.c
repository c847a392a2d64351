// SPDX-License-Identifier: GPL-2.0
/*
 * User FPU/SSE/AVX state (asm/fpu.h has the model): the CPU setup, the
 * per-task areas, save and restore.
 *
 * The boot CPU decides once (fpu_decide()) from CPUID: XSAVE (leaf 1 ECX
 * bit 26) or only FXSR; for XSAVE, XCR0 = the CPU's features (leaf 0xD
 * EAX) among x87, SSE, AVX and AVX-512 (all three of its components, or
 * none: SDM vol. 1, 13.3), XSAVEOPT if leaf 0xD subleaf 1 EAX bit 0, and
 * the area size from leaf 0xD EBX once XCR0 is set. Every CPU then sets
 * the same CR0, CR4 and XCR0.
 *
 * An area's initial state: zero, but FCW 0x037f (FNINIT's) and MXCSR
 * 0x1f80 (every exception masked) in the legacy region, and an XSAVE
 * header of zeroes: XRSTOR puts every component whose XSTATE_BV bit is
 * clear into its initial state, and loads MXCSR from memory when SSE or
 * AVX is requested (SDM vol. 1, 13.8.1).
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/preempt.h>
#include <asm/fpu.h>
#include <asm/processor.h>

#define X86_CR0_MP	(1UL << 1)
#define X86_CR0_EM	(1UL << 2)
#define X86_CR0_TS	(1UL << 3)

#define CPUID_1_ECX_XSAVE	(1U << 26)
#define CPUID_D1_EAX_XSAVEOPT	(1U << 0)

#define XFEATURE_MASK_FP	(1ULL << 0)
#define XFEATURE_MASK_SSE	(1ULL << 1)
#define XFEATURE_MASK_YMM	(1ULL << 2)
#define XFEATURE_MASK_AVX512	(7ULL << 5)	/* opmask, ZMM_Hi256, Hi16_ZMM */

#define FXSAVE_SIZE		512
#define FPU_ALIGN		64	/* XSAVE's; FXSAVE needs 16 */
#define FXSAVE_FCW		0	/* offsets in the legacy region */
#define FXSAVE_MXCSR		24
#define FCW_INIT		0x037f
#define MXCSR_INIT		0x1f80

static bool decided, use_xsave, use_xsaveopt;
static u64 xfeatures_mask;		/* XCR0 */
static unsigned int state_size = FXSAVE_SIZE;
static struct kmem_cache *fpstate_cachep;

static inline void xsetbv(u32 index, u64 value)
{
	__asm__ __volatile__("xsetbv" : : "c"(index), "a"((u32)value), "d"((u32)(value >> 32)));
}

static void fpu_decide(void)
{
	u32 a, b, c, d;
	u64 mask;

	cpuid(1, &a, &b, &c, &d);
	use_xsave = c & CPUID_1_ECX_XSAVE;
	decided = true;
	if (!use_xsave)
		return;
	cpuid_count(0xd, 0, &a, &b, &c, &d);
	mask = (((u64)d << 32) | a) &
	       (XFEATURE_MASK_FP | XFEATURE_MASK_SSE | XFEATURE_MASK_YMM | XFEATURE_MASK_AVX512);
	if ((mask & XFEATURE_MASK_AVX512) != XFEATURE_MASK_AVX512)
		mask &= ~XFEATURE_MASK_AVX512;
	xfeatures_mask = mask;
	cpuid_count(0xd, 1, &a, &b, &c, &d);
	use_xsaveopt = a & CPUID_D1_EAX_XSAVEOPT;
}

void fpu__init_cpu(void)
{
	u32 a, b, c, d;

	if (!decided)
		fpu_decide();
	write_cr0((read_cr0() | X86_CR0_MP) & ~(X86_CR0_EM | X86_CR0_TS));
	write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT |
		  (use_xsave ? X86_CR4_OSXSAVE : 0));
	if (!use_xsave)
		return;
	xsetbv(0, xfeatures_mask);
	cpuid_count(0xd, 0, &a, &b, &c, &d);
	state_size = b;		/* the same on every CPU: the same XCR0 */
}

void fpu__init_system(void)
{
	fpstate_cachep = kmem_cache_create("fpstate", state_size, FPU_ALIGN, SLAB_PANIC, NULL);
	pr_info("x86/fpu: %s, xstate_features %#llx, context size is %u bytes\n",
		use_xsaveopt ? "XSAVEOPT" : use_xsave ? "XSAVE" : "FXSAVE",
		xfeatures_mask, state_size);
}

unsigned int fpu_state_size(void)
{
	return state_size;
}

struct fpu *fpu_alloc(void)
{
	u8 *state = kmem_cache_zalloc(fpstate_cachep, GFP_KERNEL);
	u16 fcw = FCW_INIT;
	u32 mxcsr = MXCSR_INIT;

	if (!state)
		return NULL;
	memcpy(state + FXSAVE_FCW, &fcw, sizeof(fcw));
	memcpy(state + FXSAVE_MXCSR, &mxcsr, sizeof(mxcsr));
	return (struct fpu *)state;
}

/*
 * The registers are live (eager switching): XSAVE them straight into the
 * new area. XSAVEOPT's modified optimisation never applies to an area
 * other than the one last restored, so every component in use is written.
 */
struct fpu *fpu_clone(void)
{
	struct fpu *fpu = fpu_alloc();

	if (!fpu)
		return NULL;
	preempt_disable();
	fpu_save(fpu);
	preempt_enable();
	return fpu;
}

void fpu_free(struct fpu *fpu)
{
	if (fpu)
		kmem_cache_free(fpstate_cachep, fpu);
}

/* edx:eax = -1: every component XCR0 enables. */
void fpu_save(struct fpu *fpu)
{
	if (use_xsaveopt)
		__asm__ __volatile__("xsaveopt64 %0" : "+m"(*(u8 (*)[FXSAVE_SIZE])fpu)
				     : "a"(-1), "d"(-1) : "memory");
	else if (use_xsave)
		__asm__ __volatile__("xsave64 %0" : "+m"(*(u8 (*)[FXSAVE_SIZE])fpu)
				     : "a"(-1), "d"(-1) : "memory");
	else
		__asm__ __volatile__("fxsave64 %0" : "+m"(*(u8 (*)[FXSAVE_SIZE])fpu) : : "memory");
}

void fpu_restore(struct fpu *fpu)
{
	if (use_xsave)
		__asm__ __volatile__("xrstor64 %0" : : "m"(*(u8 (*)[FXSAVE_SIZE])fpu),
				     "a"(-1), "d"(-1) : "memory");
	else
		__asm__ __volatile__("fxrstor64 %0" : : "m"(*(u8 (*)[FXSAVE_SIZE])fpu) : "memory");
}
