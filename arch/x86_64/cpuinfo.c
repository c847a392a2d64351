// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/cpuinfo's text (Linux's arch/x86/kernel/cpu/proc.c): one block
 * per online CPU in Linux's x86 layout, from CPUID.
 *
 * Linux reads CPUID once per CPU at bring-up into struct cpuinfo_x86;
 * here the text is made from CPUID on the reading CPU (every CPU of a
 * machine reports the same features), with each CPU's own APIC ID. The
 * "flags" are Linux's names for the CPUID bits this CPU has, in Linux's
 * word order (x86_cap_flags: 1.EDX, 0x80000001.EDX, 1.ECX, 0x80000001.ECX,
 * 7.EBX, 7.ECX, 7.EDX); Linux's synthetic flags (constant_tsc,
 * rep_good, ...) and "bugs" come from its own probing and are not made
 * up here. "microcode" is left out, as Linux does when the revision is
 * unknown (reading it needs a fault-safe rdmsr). bogomips is Linux's
 * value for a TSC-calibrated loops_per_jiffy: tsc_khz * 1000 / HZ.
 *
 * Topology: one package, each online CPU a core (QEMU's -smp N default).
 */
#include <linux/seq_file.h>
#include <linux/cpumask.h>
#include <linux/jiffies.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include <asm/smp.h>

struct cpuid_word {
	u32 leaf;
	int reg;		/* 0 eax, 1 ebx, 2 ecx, 3 edx */
	const char *const names[32];
};

static const struct cpuid_word x86_cap_flags[] = {
	{ 1, 3, { "fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce", "cx8", "apic", NULL,
		  "sep", "mtrr", "pge", "mca", "cmov", "pat", "pse36", "pn", "clflush", NULL,
		  "dts", "acpi", "mmx", "fxsr", "sse", "sse2", "ss", "ht", "tm", "ia64", "pbe" } },
	{ 0x80000001, 3, { [11] = "syscall", [19] = "mp", [20] = "nx", [22] = "mmxext",
			   [25] = "fxsr_opt", [26] = "pdpe1gb", [27] = "rdtscp", [29] = "lm",
			   [30] = "3dnowext", [31] = "3dnow" } },
	{ 1, 2, { "pni", "pclmulqdq", "dtes64", "monitor", "ds_cpl", "vmx", "smx", "est", "tm2",
		  "ssse3", "cid", "sdbg", "fma", "cx16", "xtpr", "pdcm", NULL, "pcid", "dca",
		  "sse4_1", "sse4_2", "x2apic", "movbe", "popcnt", "tsc_deadline_timer", "aes",
		  "xsave", NULL, "avx", "f16c", "rdrand", "hypervisor" } },
	{ 0x80000001, 2, { "lahf_lm", "cmp_legacy", "svm", "extapic", "cr8_legacy", "abm",
			   "sse4a", "misalignsse", "3dnowprefetch", "osvw", "ibs", "xop",
			   "skinit", "wdt", NULL, "lwp", "fma4", "tce", NULL, "nodeid_msr",
			   NULL, "tbm", "topoext", "perfctr_core", "perfctr_nb", NULL, "bpext",
			   "ptsc", "perfctr_llc", "mwaitx" } },
	{ 7, 1, { "fsgsbase", "tsc_adjust", "sgx", "bmi1", "hle", "avx2", NULL, "smep", "bmi2",
		  "erms", "invpcid", "rtm", "cqm", NULL, "mpx", "rdt_a", "avx512f", "avx512dq",
		  "rdseed", "adx", "smap", "avx512ifma", NULL, "clflushopt", "clwb", "intel_pt",
		  "avx512pf", "avx512er", "avx512cd", "sha_ni", "avx512bw", "avx512vl" } },
	{ 7, 2, { [1] = "avx512vbmi", [2] = "umip", [3] = "pku", [4] = "ospke", [5] = "waitpkg",
		  [6] = "avx512_vbmi2", [8] = "gfni", [9] = "vaes", [10] = "vpclmulqdq",
		  [11] = "avx512_vnni", [12] = "avx512_bitalg", [13] = "tme",
		  [14] = "avx512_vpopcntdq", [16] = "la57", [22] = "rdpid",
		  [24] = "bus_lock_detect", [25] = "cldemote", [27] = "movdiri",
		  [28] = "movdir64b", [29] = "enqcmd", [30] = "sgx_lc" } },
	{ 7, 3, { [2] = "avx512_4vnniw", [3] = "avx512_4fmaps", [4] = "fsrm",
		  [8] = "avx512_vp2intersect", [10] = "md_clear", [14] = "serialize",
		  [16] = "tsxldtrk", [18] = "pconfig", [19] = "arch_lbr", [22] = "amx_bf16",
		  [23] = "avx512_fp16", [24] = "amx_tile", [25] = "amx_int8",
		  [28] = "flush_l1d", [29] = "arch_capabilities" } },
};

/* CPUID @leaf's register @reg, 0 for a leaf above the CPU's maximum. */
static u32 cpuid_reg(u32 leaf, int reg)
{
	u32 r[4], max;

	cpuid(leaf & 0x80000000, &max, &r[1], &r[2], &r[3]);
	if (leaf > max)
		return 0;
	cpuid(leaf, &r[0], &r[1], &r[2], &r[3]);
	return r[reg];
}

static void show_cpuinfo_flags(struct seq_file *m)
{
	unsigned int w, bit;

	seq_puts(m, "flags\t\t:");
	for (w = 0; w < ARRAY_SIZE(x86_cap_flags); w++) {
		u32 bits = cpuid_reg(x86_cap_flags[w].leaf, x86_cap_flags[w].reg);

		for (bit = 0; bit < 32; bit++)
			if ((bits & (1U << bit)) && x86_cap_flags[w].names[bit])
				seq_printf(m, " %s", x86_cap_flags[w].names[bit]);
	}
	seq_putc(m, '\n');
}

/* The brand string of leaves 0x80000002-4, without its padding spaces. */
static void cpu_model_name(char *name)
{
	u32 *v = (u32 *)name;
	char *p = name;
	unsigned int i;
	size_t len;

	if (cpuid_reg(0x80000000, 0) < 0x80000004) {
		strscpy(name, "unknown", 49);
		return;
	}
	for (i = 0; i < 3; i++)
		cpuid(0x80000002 + i, &v[4 * i], &v[4 * i + 1], &v[4 * i + 2], &v[4 * i + 3]);
	name[48] = '\0';
	while (*p == ' ')
		p++;
	memmove(name, p, strlen(p) + 1);
	for (len = strlen(name); len && name[len - 1] == ' '; len--)
		name[len - 1] = '\0';
}

/* Family, model and stepping from CPUID 1.EAX, with the extended fields as Linux. */
static void cpu_signature(unsigned int *family, unsigned int *model, unsigned int *stepping)
{
	u32 eax = cpuid_reg(1, 0);

	*family = (eax >> 8) & 0xf;
	*model = (eax >> 4) & 0xf;
	*stepping = eax & 0xf;
	if (*family == 0xf)
		*family += (eax >> 20) & 0xff;
	if (*family >= 6)
		*model += ((eax >> 16) & 0xf) << 4;
}

static void show_cpuinfo_cpu(struct seq_file *m, unsigned int cpu, const char *vendor,
			     const char *model_name)
{
	unsigned int family, model, stepping;
	unsigned long lpj = tsc_khz * 1000 / HZ;
	u32 clflush = ((cpuid_reg(1, 1) >> 8) & 0xff) * 8;
	u32 sizes = cpuid_reg(0x80000008, 0);

	cpu_signature(&family, &model, &stepping);
	seq_printf(m, "processor\t: %u\nvendor_id\t: %s\ncpu family\t: %u\nmodel\t\t: %u\n",
		   cpu, vendor, family, model);
	seq_printf(m, "model name\t: %s\nstepping\t: %u\n", model_name, stepping);
	seq_printf(m, "cpu MHz\t\t: %lu.%03lu\n", tsc_khz / 1000, tsc_khz % 1000);
	seq_printf(m, "cache size\t: %u KB\n", cpuid_reg(0x80000006, 2) >> 16);
	seq_printf(m, "physical id\t: 0\nsiblings\t: %u\ncore id\t\t: %u\ncpu cores\t: %u\n",
		   num_online_cpus(), cpu, num_online_cpus());
	seq_printf(m, "apicid\t\t: %u\ninitial apicid\t: %u\n", x86_cpu_to_apicid[cpu],
		   x86_cpu_to_apicid[cpu]);
	seq_printf(m, "fpu\t\t: yes\nfpu_exception\t: yes\ncpuid level\t: %u\nwp\t\t: yes\n",
		   cpuid_reg(0, 0));
	show_cpuinfo_flags(m);
	seq_puts(m, "bugs\t\t:\n");
	seq_printf(m, "bogomips\t: %lu.%02lu\n", lpj / (500000 / HZ), (lpj / (5000 / HZ)) % 100);
	seq_printf(m, "clflush size\t: %u\ncache_alignment\t: %u\n", clflush, clflush);
	seq_printf(m, "address sizes\t: %u bits physical, %u bits virtual\n", sizes & 0xff,
		   (sizes >> 8) & 0xff);
	seq_puts(m, "power management:\n\n");
}

int show_cpuinfo(struct seq_file *m, void *v)
{
	char vendor[13], model_name[49];
	unsigned int cpu;
	u32 max;

	cpuid(0, &max, (u32 *)&vendor[0], (u32 *)&vendor[8], (u32 *)&vendor[4]);
	vendor[12] = '\0';
	cpu_model_name(model_name);
	for_each_online_cpu(cpu)
		show_cpuinfo_cpu(m, cpu, vendor, model_name);
	return 0;
}
