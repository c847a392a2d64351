// SPDX-License-Identifier: GPL-2.0
/*
 * SMEP and SMAP on every CPU (asm/smap.h), and UMIP (setup_umip()).
 *
 * The boot CPU decides, the first time setup_smep_smap() runs, from CPUID
 * leaf 7 (EBX bit 7 SMEP, bit 20 SMAP) and the boot parameters nosmep and
 * nosmap; every CPU then sets the same CR4 bits. The kernel's own tables
 * never set the user bit (the direct map, the image, vmalloc space, the
 * AP trampoline's identity map), so with both on the kernel faults only
 * on a user page it was not told to touch.
 */
#include <linux/init.h>
#include <linux/printk.h>
#include <asm/processor.h>
#include <asm/smap.h>

#define CPUID_7_EBX_SMEP	(1U << 7)
#define CPUID_7_EBX_SMAP	(1U << 20)
#define CPUID_7_ECX_UMIP	(1U << 2)

bool smep_enabled, smap_enabled;
static bool nosmep, nosmap, decided;

static int setup_disable_smep(char *val)
{
	nosmep = true;
	return 0;
}
early_param("nosmep", setup_disable_smep);

static int setup_disable_smap(char *val)
{
	nosmap = true;
	return 0;
}
early_param("nosmap", setup_disable_smap);

/* CPUID leaf 7's EBX and ECX (zero where the leaf does not exist). */
static void cpuid_7(u32 *b, u32 *c)
{
	u32 a, d;

	cpuid(0, &a, b, c, &d);
	if (a < 7) {
		*b = *c = 0;
		return;
	}
	cpuid(7, &a, b, c, &d);
}

static u32 cpuid_7_ebx(void)
{
	u32 b, c;

	cpuid_7(&b, &c);
	return b;
}

bool cpu_has_smep(void)
{
	return cpuid_7_ebx() & CPUID_7_EBX_SMEP;
}

bool cpu_has_smap(void)
{
	return cpuid_7_ebx() & CPUID_7_EBX_SMAP;
}

static void decide(void)
{
	smep_enabled = cpu_has_smep() && !nosmep;
	smap_enabled = cpu_has_smap() && !nosmap;
	decided = true;
	pr_info("x86: SMEP %s, SMAP %s\n",
		smep_enabled ? "on" : cpu_has_smep() ? "off (nosmep)" : "not supported",
		smap_enabled ? "on" : cpu_has_smap() ? "off (nosmap)" : "not supported");
}

void setup_smep_smap(void)
{
	unsigned long cr4;

	if (!decided)
		decide();
	cr4 = read_cr4();
	if (smep_enabled)
		cr4 |= X86_CR4_SMEP;
	if (smap_enabled)
		cr4 |= X86_CR4_SMAP;
	write_cr4(cr4);
}

/*
 * UMIP: SGDT, SIDT, SLDT, SMSW and STR raise #GP in ring 3, so user code
 * cannot learn where the kernel keeps its tables (Linux turns it on
 * whenever the CPU has it, and emulates the instructions for old programs;
 * here they simply fault). Every CPU, when CPUID leaf 7 ECX bit 2 says so.
 */
void setup_umip(void)
{
	u32 b, c;

	cpuid_7(&b, &c);
	if (c & CPUID_7_ECX_UMIP)
		write_cr4(read_cr4() | X86_CR4_UMIP);
}
