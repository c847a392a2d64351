// SPDX-License-Identifier: GPL-2.0
/*
 * Finding the ACPI tables at boot (include/linux/acpi.h) and turning the
 * MADT into the kernel's CPU list.
 *
 * The RSDP comes from the loader's multiboot2 tag, else from a scan of the
 * first KiB of the EBDA and of 0xE0000-0xFFFFF, as Linux does. The XSDT is
 * used for revision 2 and later, the RSDT otherwise. Tables are read
 * through early_memremap(): they lie in firmware-reserved memory, outside
 * the direct map. Every table is checked (length, checksum) before use;
 * anything unusable is reported and the machine boots with one CPU. The
 * parsed MADT stays in acpi_madt (IOAPICs, interrupt overrides).
 *
 * Boot parameters (early, as Linux): nosmp, maxcpus=N (0: as nosmp).
 */
#include <linux/acpi.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include <linux/errno.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <asm/fixmap.h>
#include <asm/setup.h>
#include <asm/apic.h>
#include <asm/smp.h>
#include <asm/processor.h>

u64 acpi_srat_phys, acpi_slit_phys;
struct acpi_madt_info acpi_madt;
static unsigned int setup_max_cpus = NR_CPUS;

static int nosmp_setup(char *val)
{
	setup_max_cpus = 1;
	return 0;
}
early_param("nosmp", nosmp_setup);

static int maxcpus_setup(char *val)
{
	unsigned int n;

	if (!val || kstrtouint(val, 0, &n))
		return -EINVAL;
	setup_max_cpus = n ? n : 1;
	return 0;
}
early_param("maxcpus", maxcpus_setup);

/* A copy of the RSDP at @phys if valid there (up to its 36 bytes). */
static bool rsdp_at(u64 phys, struct acpi_table_rsdp *rsdp)
{
	const struct acpi_table_rsdp *p = early_memremap(phys, sizeof(*p));
	bool ok;

	if (!p)
		return false;
	ok = acpi_rsdp_valid(p);
	if (ok)
		memcpy(rsdp, p, p->revision >= 2 ? sizeof(*rsdp) : ACPI_RSDP_CHECKSUM_LENGTH);
	early_memunmap((void *)p, sizeof(*p));
	return ok;
}

static u64 scan_for_rsdp(u64 start, u64 len, struct acpi_table_rsdp *rsdp)
{
	u64 a;

	for (a = start; a + ACPI_RSDP_CHECKSUM_LENGTH <= start + len; a += 16)
		if (rsdp_at(a, rsdp))
			return a;
	return 0;
}

/* The loader's copy is whole for its revision and valid. */
static bool loader_rsdp_valid(void)
{
	const struct acpi_table_rsdp *r = (const void *)boot_info.rsdp;

	if (boot_info.rsdp_len < ACPI_RSDP_CHECKSUM_LENGTH)
		return false;
	if (r->revision >= 2 && boot_info.rsdp_len < sizeof(*r))
		return false;
	return acpi_rsdp_valid(r);
}

static u64 find_rsdp(struct acpi_table_rsdp *rsdp)
{
	const u16 *ebda_seg;
	u64 ebda = 0, found;

	if (loader_rsdp_valid()) {
		memset(rsdp, 0, sizeof(*rsdp));
		memcpy(rsdp, boot_info.rsdp, min((size_t)boot_info.rsdp_len, sizeof(*rsdp)));
		return boot_info.rsdp_phys;
	}
	if (boot_info.rsdp_len)
		pr_warn("ACPI: the loader's RSDP is invalid, scanning for one\n");
	ebda_seg = early_memremap(0x40e, 2);
	if (ebda_seg) {
		ebda = (u64)*ebda_seg << 4;
		early_memunmap((void *)ebda_seg, 2);
	}
	if (ebda >= 0x80000 && ebda < 0xa0000 && (found = scan_for_rsdp(ebda, 1024, rsdp)))
		return found;
	return scan_for_rsdp(0xe0000, 0x20000, rsdp);
}

/* Map, check and announce the table at @phys; NULL (and a warning) if bad. */
static struct acpi_table_header *map_table(u64 phys)
{
	struct acpi_table_header *h = early_memremap(phys, sizeof(*h));
	u32 len;

	if (!h)
		return NULL;
	len = h->length;
	early_memunmap(h, sizeof(*h));
	if (len < sizeof(*h) || len > NR_FIX_BTMAPS * PAGE_SIZE - PAGE_SIZE) {
		pr_warn("ACPI: table at %#llx has a bad length %u, ignored\n", phys, len);
		return NULL;
	}
	h = early_memremap(phys, len);
	if (h && !acpi_table_valid(h)) {
		pr_warn("ACPI: %.4s at %#llx: bad checksum, ignored\n", h->signature, phys);
		early_memunmap(h, len);
		return NULL;
	}
	if (h)
		pr_info("ACPI: %.4s 0x%016llX %06X (v%02u %.6s %.8s %08X %.4s %08X)\n",
			h->signature, phys, h->length, h->revision, h->oem_id,
			h->oem_table_id, h->oem_revision, h->asl_compiler_id,
			h->asl_compiler_revision);
	return h;
}

static u32 boot_cpu_apicid(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	return b >> 24;
}

static void use_madt(const struct acpi_table_madt *madt)
{
	struct acpi_madt_info *info = &acpi_madt;
	unsigned int cpu;

	if (acpi_parse_madt(madt, boot_cpu_apicid(), info) || !info->nr_cpus ||
	    info->apic_ids[0] != boot_cpu_apicid()) {
		pr_warn("ACPI: MADT unusable (no entry for the boot CPU), one CPU\n");
		memset(info, 0, sizeof(*info));
		return;
	}
	if (info->nr_ignored)
		pr_warn("ACPI: %u CPUs beyond NR_CPUS=%u ignored\n", info->nr_ignored, NR_CPUS);
	nr_cpu_ids = min(info->nr_cpus, setup_max_cpus);
	for (cpu = 0; cpu < info->nr_cpus; cpu++) {
		x86_cpu_to_apicid[cpu] = info->apic_ids[cpu];
		set_cpu_present(cpu, true);
		if (cpu < nr_cpu_ids)
			set_cpu_possible(cpu, true);
	}
	pr_info("smpboot: Allowing %u CPUs, 0 hotplug CPUs\n", nr_cpu_ids);
	init_bsp_APIC(info->lapic_address);
}

/* Walk the RSDT (4-byte entries) or XSDT (8-byte entries). */
static void walk_root_table(const struct acpi_table_header *root, unsigned int entry_size)
{
	unsigned int i, n = acpi_root_table_entries(root, entry_size);

	for (i = 0; i < n; i++) {
		u64 phys = acpi_root_table_entry(root, entry_size, i);
		struct acpi_table_header *h = map_table(phys);

		if (!h)
			continue;
		if (!memcmp(h->signature, ACPI_SIG_MADT, 4))
			use_madt((const struct acpi_table_madt *)h);
		else if (!memcmp(h->signature, ACPI_SIG_SRAT, 4))
			acpi_srat_phys = phys;
		else if (!memcmp(h->signature, ACPI_SIG_SLIT, 4))
			acpi_slit_phys = phys;
		early_memunmap(h, h->length);
	}
}

void acpi_boot_init(void)
{
	struct acpi_table_rsdp rsdp;
	struct acpi_table_header *root;
	unsigned int entry_size;
	u64 phys;

	nr_cpu_ids = 1;
	x86_cpu_to_apicid[0] = boot_cpu_apicid();
	set_cpu_possible(0, true);
	set_cpu_present(0, true);
	phys = find_rsdp(&rsdp);
	if (!phys) {
		pr_warn("ACPI: no RSDP found, booting one CPU\n");
		goto no_madt;
	}
	pr_info("ACPI: RSDP 0x%016llX %06X (v%02u %.6s)\n", phys,
		rsdp.revision >= 2 ? rsdp.length : ACPI_RSDP_CHECKSUM_LENGTH, rsdp.revision,
		rsdp.oem_id);
	root = map_table(acpi_rsdp_root_table(&rsdp, &entry_size));
	if (!root)
		goto no_madt;
	walk_root_table(root, entry_size);
	early_memunmap(root, root->length);
no_madt:
	/* No usable MADT: the APIC is where every PC has it. */
	if (!lapic_timer_ticks_per_ms)
		init_bsp_APIC(APIC_DEFAULT_PHYS_BASE);
}
