// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of ACPI table discovery on QEMU's firmware tables
 * (arch/x86_64/acpi.c): the MADT was found and its CPUs, IOAPIC and timer
 * override are what QEMU's PC machine describes. The CPU count is checked
 * against QEMU's own word for it, the fw_cfg item FW_CFG_NB_CPUS (QEMU's
 * docs/specs/fw_cfg.rst), so that it tracks -smp without the test knowing
 * how the kernel was started.
 */
#include <linux/ktest.h>
#include <linux/acpi.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/smp.h>

#define FW_CFG_PORT_SEL		0x510
#define FW_CFG_PORT_DATA	0x511
#define FW_CFG_SIGNATURE	0x00
#define FW_CFG_NB_CPUS		0x05

static void fw_cfg_read(u16 key, void *buf, size_t len)
{
	u8 *p = buf;

	outw(key, FW_CFG_PORT_SEL);
	while (len--)
		*p++ = inb(FW_CFG_PORT_DATA);
}

/* The number of CPUs QEMU started (-smp), or 0 without fw_cfg. */
static unsigned int qemu_nr_cpus(void)
{
	char sig[4];
	u16 n;

	fw_cfg_read(FW_CFG_SIGNATURE, sig, sizeof(sig));
	if (memcmp(sig, "QEMU", 4))
		return 0;
	fw_cfg_read(FW_CFG_NB_CPUS, &n, sizeof(n));
	return n;
}

static void madt_lists_every_cpu_qemu_started(struct ktest *test)
{
	unsigned int n = qemu_nr_cpus();

	if (!n)
		KTEST_SKIP(test, "no QEMU fw_cfg");
	KTEST_EXPECT_EQ(test, acpi_madt.nr_cpus, n);
	KTEST_EXPECT_EQ(test, cpumask_weight(cpu_present_mask), n);
	KTEST_EXPECT_LE(test, nr_cpu_ids, n);
	KTEST_EXPECT_EQ(test, acpi_madt.lapic_address, (u64)APIC_DEFAULT_PHYS_BASE);
}

static void boot_cpu_is_cpu0_by_cpuid(struct ktest *test)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	KTEST_EXPECT_EQ(test, x86_cpu_to_apicid[0], b >> 24);
	KTEST_EXPECT_EQ(test, acpi_madt.apic_ids[0], b >> 24);
}

static void present_cpus_keep_madt_order(struct ktest *test)
{
	unsigned int cpu;

	for_each_present_cpu(cpu)
		KTEST_EXPECT_EQ(test, x86_cpu_to_apicid[cpu], acpi_madt.apic_ids[cpu]);
}

/* QEMU's PC: one IOAPIC at 0xfec00000 from GSI 0, and IRQ 0 routed to GSI 2. */
static void madt_has_qemu_ioapic_and_timer_override(struct ktest *test)
{
	bool timer = false;
	unsigned int i;

	KTEST_ASSERT_GE(test, acpi_madt.nr_ioapics, 1u);
	KTEST_EXPECT_EQ(test, acpi_madt.ioapics[0].address, 0xfec00000u);
	KTEST_EXPECT_EQ(test, acpi_madt.ioapics[0].gsi_base, 0u);
	for (i = 0; i < acpi_madt.nr_overrides; i++)
		if (acpi_madt.overrides[i].source_irq == 0)
			timer = acpi_madt.overrides[i].gsi == 2;
	KTEST_EXPECT_TRUE(test, timer);
}

static struct ktest_case acpi_cases[] = {
	KTEST_CASE(madt_lists_every_cpu_qemu_started),
	KTEST_CASE(boot_cpu_is_cpu0_by_cpuid),
	KTEST_CASE(present_cpus_keep_madt_order),
	KTEST_CASE(madt_has_qemu_ioapic_and_timer_override),
	{}
};

static struct ktest_suite acpi_suite = {
	.name = "acpi",
	.test_cases = acpi_cases,
};
ktest_register_suite(acpi_suite);
