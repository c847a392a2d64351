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
#include <linux/sched.h>
#include <linux/errno.h>
#include <asm/fpu.h>
#include <asm/processor.h>
#include <asm/uaccess.h>

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
#define FXSAVE_MXCSR_MASK	28
#define FXSAVE_SW_BYTES		464	/* software-available bytes: the signal frame's _fpx_sw_bytes */
#define XSAVE_HDR_OFFSET	512
#define XSAVE_HDR_SIZE		64
#define FP_XSTATE_MAGIC1	0x46505853U
#define FP_XSTATE_MAGIC2	0x46505845U
#define FCW_INIT		0x037f
#define MXCSR_INIT		0x1f80

static bool decided, use_xsave, use_xsaveopt;
static u32 mxcsr_feature_mask = 0xffbf;	/* FXSAVE's MXCSR_MASK, or the SDM's default */
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

/* MXCSR_MASK from an FXSAVE image (SDM vol. 1, 11.6.6): 0 means the default 0xffbf. */
static void fpu_read_mxcsr_mask(void)
{
	u8 image[FXSAVE_SIZE] __aligned(16);
	u32 mask;

	__asm__ __volatile__("fxsave64 %0" : "=m"(image));
	memcpy(&mask, image + FXSAVE_MXCSR_MASK, sizeof(mask));
	if (mask)
		mxcsr_feature_mask = mask;
}

void fpu__init_system(void)
{
	fpu_read_mxcsr_mask();
	fpstate_cachep = kmem_cache_create("fpstate", state_size, FPU_ALIGN, SLAB_PANIC, NULL);
	pr_info("x86/fpu: %s, xstate_features %#llx, context size is %u bytes\n",
		use_xsaveopt ? "XSAVEOPT" : use_xsave ? "XSAVE" : "FXSAVE",
		xfeatures_mask, state_size);
}

unsigned int fpu_state_size(void)
{
	return state_size;
}

/* A zeroed area's FCW and MXCSR to their initial values: see the top. */
static void fpu_init_words(u8 *state)
{
	u16 fcw = FCW_INIT;
	u32 mxcsr = MXCSR_INIT;

	memcpy(state + FXSAVE_FCW, &fcw, sizeof(fcw));
	memcpy(state + FXSAVE_MXCSR, &mxcsr, sizeof(mxcsr));
}

struct fpu *fpu_alloc(void)
{
	u8 *state = kmem_cache_zalloc(fpstate_cachep, GFP_KERNEL);

	if (!state)
		return NULL;
	fpu_init_words(state);
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

/* ---- the signal frame's copy (arch/x86_64/signal.c) ------------------ */

/* Linux's struct _fpx_sw_bytes: what the frame's XSAVE image holds, in its spare bytes. */
struct fpx_sw_bytes {
	u32 magic1;		/* FP_XSTATE_MAGIC1 */
	u32 extended_size;	/* the image plus FP_XSTATE_MAGIC2 */
	u64 xfeatures;		/* XCR0 */
	u32 xstate_size;	/* the image */
	u32 padding[7];
};

unsigned int fpu_sigframe_size(void)
{
	return state_size + (use_xsave ? sizeof(u32) : 0);
}

int copy_fpstate_to_sigframe(void __user *buf)
{
	struct fpu *fpu = current->thread.fpu;
	struct fpx_sw_bytes sw = {
		.magic1 = FP_XSTATE_MAGIC1,
		.extended_size = state_size + sizeof(u32),
		.xfeatures = xfeatures_mask,
		.xstate_size = state_size,
	};
	u32 magic2 = FP_XSTATE_MAGIC2;

	/* The registers are live (eager switching): the task's area catches up first. */
	preempt_disable();
	fpu_save(fpu);
	preempt_enable();
	if (copy_to_user(buf, fpu, state_size))
		return -EFAULT;
	if (use_xsave && (copy_to_user((u8 __user *)buf + FXSAVE_SW_BYTES, &sw, sizeof(sw)) ||
			  copy_to_user((u8 __user *)buf + state_size, &magic2, sizeof(magic2))))
		return -EFAULT;
	return 0;
}

/* Would FXRSTOR or XRSTOR take @state without a #GP (SDM vol. 1, 10.5.1 and 13.8)? */
static bool fpstate_valid(const u8 *state)
{
	u64 hdr[XSAVE_HDR_SIZE / sizeof(u64)];
	u32 mxcsr;
	unsigned int i;

	memcpy(&mxcsr, state + FXSAVE_MXCSR, sizeof(mxcsr));
	if (mxcsr & ~mxcsr_feature_mask)
		return false;
	if (!use_xsave)
		return true;
	memcpy(hdr, state + XSAVE_HDR_OFFSET, sizeof(hdr));
	if (hdr[0] & ~xfeatures_mask)		/* XSTATE_BV */
		return false;
	for (i = 1; i < ARRAY_SIZE(hdr); i++)	/* XCOMP_BV (standard form) and reserved */
		if (hdr[i])
			return false;
	return true;
}

/* Make @fpu the task's area and load it; the old one is freed. */
static void fpu_install(struct fpu *fpu)
{
	struct fpu *old;

	preempt_disable();
	old = current->thread.fpu;
	current->thread.fpu = fpu;
	fpu_restore(fpu);
	preempt_enable();
	fpu_free(old);
}

int fpu_restore_sig(const void __user *buf)
{
	/* Not zeroed: the copy below fills all of it. */
	struct fpu *fpu = buf ? kmem_cache_alloc(fpstate_cachep, GFP_KERNEL) : fpu_alloc();

	if (!fpu)
		return -ENOMEM;
	if (buf && copy_from_user(fpu, buf, state_size)) {
		fpu_free(fpu);
		return -EFAULT;
	}
	if (!fpstate_valid((const u8 *)fpu)) {
		fpu_free(fpu);
		return -EINVAL;
	}
	fpu_install(fpu);
	return 0;
}

void fpu_reset_user(void)
{
	/*
	 * The legacy region and the XSAVE header are enough: XRSTOR puts every
	 * component whose XSTATE_BV bit is clear into its initial state.
	 */
	preempt_disable();
	memset(current->thread.fpu, 0, min_t(unsigned int, state_size,
					     XSAVE_HDR_OFFSET + XSAVE_HDR_SIZE));
	fpu_init_words((u8 *)current->thread.fpu);
	fpu_restore(current->thread.fpu);
	preempt_enable();
}
