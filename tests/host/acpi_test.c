// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the ACPI table checks and the MADT walk
 * (arch/x86_64/acpi_tables.c) on synthetic tables, good and corrupt.
 */
#include "htest.h"
#include <linux/acpi.h>
#include <linux/kernel.h>
#include <linux/errno.h>

static void fix_checksum(void *p, size_t len, u8 *field)
{
	const u8 *b = p;
	u8 sum = 0;
	size_t i;

	*field = 0;
	for (i = 0; i < len; i++)
		sum += b[i];
	*field = (u8)-sum;
}

static void make_rsdp(struct acpi_table_rsdp *r, u8 revision)
{
	memset(r, 0, sizeof(*r));
	memcpy(r->signature, ACPI_SIG_RSDP, 8);
	memcpy(r->oem_id, "BOCHS ", 6);
	r->revision = revision;
	r->rsdt_physical_address = 0x1000;
	fix_checksum(r, 20, &r->checksum);
	if (revision >= 2) {
		r->length = sizeof(*r);
		r->xsdt_physical_address = 0x2000;
		fix_checksum(r, sizeof(*r), &r->extended_checksum);
	}
}

HTEST(acpi_checksum_sums_to_zero)
{
	u8 b[4] = { 1, 2, 3, (u8)-6 };

	HT_EXPECT_TRUE(acpi_checksum_ok(b, 4));
	b[1] ^= 1;
	HT_EXPECT_FALSE(acpi_checksum_ok(b, 4));
	HT_EXPECT_TRUE(acpi_checksum_ok(b, 0));
}

HTEST(acpi_rsdp_v1_and_v2_validate)
{
	struct acpi_table_rsdp r;

	make_rsdp(&r, 0);
	HT_EXPECT_TRUE(acpi_rsdp_valid(&r));
	make_rsdp(&r, 2);
	HT_EXPECT_TRUE(acpi_rsdp_valid(&r));
}

HTEST(acpi_rsdp_with_bad_checksums_is_refused)
{
	struct acpi_table_rsdp r;

	make_rsdp(&r, 0);
	r.checksum++;
	HT_EXPECT_FALSE(acpi_rsdp_valid(&r));
	make_rsdp(&r, 2);
	r.extended_checksum++;
	HT_EXPECT_FALSE(acpi_rsdp_valid(&r));
	make_rsdp(&r, 2);
	r.signature[0] = 'X';
	HT_EXPECT_FALSE(acpi_rsdp_valid(&r));
}

HTEST(acpi_rsdp_v2_with_absurd_length_is_refused)
{
	struct acpi_table_rsdp r;

	make_rsdp(&r, 2);
	r.length = 8;
	fix_checksum(&r, 20, &r.checksum);
	HT_EXPECT_FALSE(acpi_rsdp_valid(&r));
}

/* A MADT in @buf with the subtables given as raw bytes. */
static struct acpi_table_madt *make_madt(u8 *buf, const u8 *entries, size_t len)
{
	struct acpi_table_madt *m = (void *)buf;

	memset(buf, 0, sizeof(*m));
	memcpy(m->header.signature, ACPI_SIG_MADT, 4);
	m->header.length = sizeof(*m) + len;
	m->address = 0xfee00000;
	memcpy(buf + sizeof(*m), entries, len);
	fix_checksum(m, m->header.length, &m->header.checksum);
	return m;
}

static const u8 qemu_like[] = {
	0, 8, 0, 0, 1, 0, 0, 0,		/* LAPIC acpi 0 apic 0 enabled */
	0, 8, 1, 1, 1, 0, 0, 0,		/* LAPIC acpi 1 apic 1 enabled */
	0, 8, 2, 5, 0, 0, 0, 0,		/* LAPIC acpi 2 apic 5 disabled */
	0, 8, 3, 7, 2, 0, 0, 0,		/* LAPIC acpi 3 apic 7 online-capable */
	1, 12, 0, 0, 0, 0, 0xc0, 0xfe, 0, 0, 0, 0,	/* IOAPIC 0 at 0xfec00000 */
	2, 10, 0, 0, 2, 0, 0, 0, 0, 0,	/* override irq 0 -> gsi 2 */
	9, 16, 0, 0, 9, 0, 0, 0, 1, 0, 0, 0, 9, 0, 0, 0,	/* x2APIC 9 */
};

HTEST(acpi_madt_lists_usable_cpus_and_controllers)
{
	static u8 buf[256];
	static struct acpi_madt_info info;
	struct acpi_table_madt *m = make_madt(buf, qemu_like, sizeof(qemu_like));

	HT_ASSERT_TRUE(acpi_table_valid(&m->header));
	HT_ASSERT_EQ(acpi_parse_madt(m, 0, &info), 0);
	HT_EXPECT_EQ(info.lapic_address, 0xfee00000ULL);
	HT_ASSERT_EQ(info.nr_cpus, 4u);
	HT_EXPECT_EQ(info.apic_ids[0], 0u);
	HT_EXPECT_EQ(info.apic_ids[1], 1u);
	HT_EXPECT_EQ(info.apic_ids[2], 7u);
	HT_EXPECT_EQ(info.apic_ids[3], 9u);
	HT_EXPECT_EQ(info.nr_ioapics, 1u);
	HT_EXPECT_EQ(info.ioapics[0].address, 0xfec00000u);
	HT_EXPECT_EQ(info.nr_overrides, 1u);
	HT_EXPECT_EQ(info.overrides[0].gsi, 2u);
}

HTEST(acpi_madt_puts_the_boot_cpu_first)
{
	static u8 buf[256];
	static struct acpi_madt_info info;
	struct acpi_table_madt *m = make_madt(buf, qemu_like, sizeof(qemu_like));

	HT_ASSERT_EQ(acpi_parse_madt(m, 7, &info), 0);
	HT_ASSERT_EQ(info.nr_cpus, 4u);
	HT_EXPECT_EQ(info.apic_ids[0], 7u);
}

HTEST(acpi_madt_truncated_subtable_stops_the_walk)
{
	static const u8 bad[] = {
		0, 8, 0, 0, 1, 0, 0, 0,
		0, 0, 1, 1, 1, 0, 0, 0,		/* length 0: would loop forever */
	};
	static const u8 overrun[] = {
		0, 8, 0, 0, 1, 0, 0, 0,
		1, 40, 0, 0, 0, 0, 0xc0, 0xfe,	/* runs past the table */
	};
	static u8 buf[256];
	static struct acpi_madt_info info;

	HT_ASSERT_EQ(acpi_parse_madt(make_madt(buf, bad, sizeof(bad)), 0, &info), 0);
	HT_EXPECT_EQ(info.nr_cpus, 1u);
	HT_EXPECT_TRUE(htest_log_contains("bad length 0"));
	HT_ASSERT_EQ(acpi_parse_madt(make_madt(buf, overrun, sizeof(overrun)), 0, &info), 0);
	HT_EXPECT_EQ(info.nr_ioapics, 0u);
}

HTEST(acpi_madt_too_short_is_refused)
{
	static u8 buf[256];
	static struct acpi_madt_info info;
	struct acpi_table_madt *m = make_madt(buf, qemu_like, 0);

	m->header.length = sizeof(m->header);
	HT_EXPECT_EQ(acpi_parse_madt(m, 0, &info), -EINVAL);
}

HTEST(acpi_madt_lapic_override_and_duplicates)
{
	static const u8 e[] = {
		0, 8, 0, 0, 1, 0, 0, 0,
		5, 12, 0, 0, 0, 0, 0xd0, 0xfe, 0, 0, 0, 0,	/* APIC at 0xfed00000 */
		9, 16, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,	/* x2APIC 0 again */
	};
	static u8 buf[256];
	static struct acpi_madt_info info;

	HT_ASSERT_EQ(acpi_parse_madt(make_madt(buf, e, sizeof(e)), 0, &info), 0);
	HT_EXPECT_EQ(info.lapic_address, 0xfed00000ULL);
	HT_EXPECT_EQ(info.nr_cpus, 1u);
}

HTEST(acpi_table_lengths_are_checked)
{
	static u8 buf[256];
	struct acpi_table_madt *m = make_madt(buf, qemu_like, sizeof(qemu_like));

	HT_EXPECT_TRUE(acpi_table_valid(&m->header));
	m->header.length = 10;
	HT_EXPECT_FALSE(acpi_table_valid(&m->header));
	m->header.length = ACPI_MAX_TABLE_LENGTH + 1;
	HT_EXPECT_FALSE(acpi_table_valid(&m->header));
	m = make_madt(buf, qemu_like, sizeof(qemu_like));
	buf[50] ^= 0x40;
	HT_EXPECT_FALSE(acpi_table_valid(&m->header));
}

/* A corrupt length must not make the extended checksum read past 36 bytes. */
HTEST(acpi_rsdp_v2_checksum_reads_only_the_structure)
{
	static struct acpi_table_rsdp r;	/* ASan redzones around it */

	make_rsdp(&r, 2);
	r.length = 4096;
	fix_checksum(&r, 20, &r.checksum);
	fix_checksum(&r, sizeof(r), &r.extended_checksum);
	HT_EXPECT_TRUE(acpi_rsdp_valid(&r));
}

HTEST(acpi_rsdp_root_table_prefers_the_xsdt)
{
	struct acpi_table_rsdp r;
	unsigned int entry_size;

	make_rsdp(&r, 0);
	HT_EXPECT_EQ(acpi_rsdp_root_table(&r, &entry_size), 0x1000ULL);
	HT_EXPECT_EQ(entry_size, 4u);
	make_rsdp(&r, 2);
	HT_EXPECT_EQ(acpi_rsdp_root_table(&r, &entry_size), 0x2000ULL);
	HT_EXPECT_EQ(entry_size, 8u);
	r.xsdt_physical_address = 0;
	HT_EXPECT_EQ(acpi_rsdp_root_table(&r, &entry_size), 0x1000ULL);
	HT_EXPECT_EQ(entry_size, 4u);
}

/* A root table in @buf listing @n addresses of @entry_size bytes, plus @tail bytes. */
static struct acpi_table_header *make_root(u8 *buf, const u64 *addrs, unsigned int n,
					   unsigned int entry_size, unsigned int tail)
{
	struct acpi_table_header *h = (void *)buf;
	unsigned int i;

	memset(buf, 0, sizeof(*h));
	memcpy(h->signature, entry_size == 8 ? ACPI_SIG_XSDT : ACPI_SIG_RSDT, 4);
	h->length = sizeof(*h) + n * entry_size + tail;
	for (i = 0; i < n; i++)
		memcpy(buf + sizeof(*h) + i * entry_size, &addrs[i], entry_size);
	fix_checksum(h, h->length, &h->checksum);
	return h;
}

HTEST(acpi_root_table_entries_are_whole_and_unaligned)
{
	static const u64 addrs[] = { 0x7ffe1000, 0x17ffe2000ULL, 0x7ffe3000 };
	static u8 buf[128];
	struct acpi_table_header *h = make_root(buf, addrs, 3, 8, 5);

	HT_ASSERT_TRUE(acpi_table_valid(h));
	HT_ASSERT_EQ(acpi_root_table_entries(h, 8), 3u);
	HT_EXPECT_EQ(acpi_root_table_entry(h, 8, 1), 0x17ffe2000ULL);
	HT_EXPECT_EQ(acpi_root_table_entry(h, 8, 2), 0x7ffe3000ULL);
	h = make_root(buf, addrs, 2, 4, 3);
	HT_ASSERT_EQ(acpi_root_table_entries(h, 4), 2u);
	HT_EXPECT_EQ(acpi_root_table_entry(h, 4, 0), 0x7ffe1000ULL);
	HT_EXPECT_EQ(acpi_root_table_entry(h, 4, 1), 0x7ffe2000ULL);
	h = make_root(buf, addrs, 0, 4, 0);
	HT_EXPECT_EQ(acpi_root_table_entries(h, 4), 0u);
}

HTEST(acpi_madt_override_flags_print_as_linux)
{
	static const u8 e[] = {
		2, 10, 0, 9, 9, 0, 0, 0, 0xd, 0,	/* irq 9: active high, level */
		2, 10, 0, 4, 4, 0, 0, 0, 0x7, 0,	/* irq 4: active low, edge */
	};
	static u8 buf[256];
	static struct acpi_madt_info info;

	HT_ASSERT_EQ(acpi_parse_madt(make_madt(buf, e, sizeof(e)), 0, &info), 0);
	HT_EXPECT_EQ(info.nr_overrides, 2u);
	HT_EXPECT_EQ(info.overrides[0].flags, 0xd);
	HT_EXPECT_TRUE(htest_log_contains("bus_irq 9 global_irq 9 high level"));
	HT_EXPECT_TRUE(htest_log_contains("bus_irq 4 global_irq 4 low edge"));
}
