// SPDX-License-Identifier: GPL-2.0
/*
 * ACPI table checks and the MADT walk (include/linux/acpi.h): pure code on
 * tables already in memory, shared with the host tests, which feed it
 * corrupt tables. Nothing here trusts a length it has not checked against
 * the enclosing table.
 */
#include <linux/acpi.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/errno.h>

bool acpi_checksum_ok(const void *p, size_t len)
{
	const u8 *b = p;
	u8 sum = 0;

	while (len--)
		sum += *b++;
	return sum == 0;
}

/*
 * The extended checksum covers the 36 bytes of the ACPI 2.0 structure, not
 * @length bytes, as in Linux (ACPI_RSDP_XCHECKSUM_LENGTH): a corrupt length
 * must not make the check read past the copy or mapping it was given.
 */
bool acpi_rsdp_valid(const struct acpi_table_rsdp *rsdp)
{
	if (memcmp(rsdp->signature, ACPI_SIG_RSDP, 8) ||
	    !acpi_checksum_ok(rsdp, ACPI_RSDP_CHECKSUM_LENGTH))
		return false;
	if (rsdp->revision < 2)
		return true;
	return rsdp->length >= sizeof(*rsdp) && acpi_checksum_ok(rsdp, sizeof(*rsdp));
}

u64 acpi_rsdp_root_table(const struct acpi_table_rsdp *rsdp, unsigned int *entry_size)
{
	if (rsdp->revision >= 2 && rsdp->xsdt_physical_address) {
		*entry_size = sizeof(u64);
		return rsdp->xsdt_physical_address;
	}
	*entry_size = sizeof(u32);
	return rsdp->rsdt_physical_address;
}

unsigned int acpi_root_table_entries(const struct acpi_table_header *root,
				     unsigned int entry_size)
{
	return (root->length - sizeof(*root)) / entry_size;
}

/* XSDT entries sit at offset 36: unaligned, hence the memcpy. */
u64 acpi_root_table_entry(const struct acpi_table_header *root, unsigned int entry_size,
			  unsigned int i)
{
	const u8 *p = (const u8 *)(root + 1) + (size_t)i * entry_size;
	u32 addr32;
	u64 addr64;

	if (entry_size == sizeof(u64)) {
		memcpy(&addr64, p, sizeof(addr64));
		return addr64;
	}
	memcpy(&addr32, p, sizeof(addr32));
	return addr32;
}

bool acpi_table_valid(const struct acpi_table_header *table)
{
	if (table->length < sizeof(*table) || table->length > ACPI_MAX_TABLE_LENGTH)
		return false;
	return acpi_checksum_ok(table, table->length);
}

static void madt_add_cpu(struct acpi_madt_info *info, u32 apic_id, u32 flags,
			 u32 boot_apicid)
{
	unsigned int i;

	if (!(flags & (ACPI_MADT_ENABLED | ACPI_MADT_ONLINE_CAPABLE)))
		return;
	for (i = 0; i < info->nr_cpus; i++)
		if (info->apic_ids[i] == apic_id)
			return;		/* listed twice (LAPIC and x2APIC) */
	if (info->nr_cpus == NR_CPUS) {
		info->nr_ignored++;
		return;
	}
	info->apic_ids[info->nr_cpus++] = apic_id;
	/* The boot CPU is CPU 0. */
	if (apic_id == boot_apicid)
		swap(info->apic_ids[0], info->apic_ids[info->nr_cpus - 1]);
}

static void madt_add_ioapic(struct acpi_madt_info *info, const struct acpi_madt_io_apic *io)
{
	if (info->nr_ioapics == ACPI_MAX_IOAPICS)
		return;
	info->ioapics[info->nr_ioapics].id = io->id;
	info->ioapics[info->nr_ioapics].address = io->address;
	info->ioapics[info->nr_ioapics].gsi_base = io->global_irq_base;
	info->nr_ioapics++;
	pr_info("ACPI: IOAPIC (id[0x%02x] address[0x%08x] gsi_base[%u])\n", io->id,
		io->address, io->global_irq_base);
}

/* MPS INTI flags: polarity in bits 1:0, trigger mode in bits 3:2 (Linux's words). */
static const char *const inti_polarity[] = { "dfl", "high", "res", "low" };
static const char *const inti_trigger[] = { "dfl", "edge", "res", "level" };

static void madt_add_override(struct acpi_madt_info *info,
			      const struct acpi_madt_interrupt_override *o)
{
	if (info->nr_overrides == ACPI_MAX_OVERRIDES)
		return;
	info->overrides[info->nr_overrides].source_irq = o->source_irq;
	info->overrides[info->nr_overrides].gsi = o->global_irq;
	info->overrides[info->nr_overrides].flags = o->inti_flags;
	info->nr_overrides++;
	pr_info("ACPI: INT_SRC_OVR (bus %u bus_irq %u global_irq %u %s %s)\n", o->bus,
		o->source_irq, o->global_irq, inti_polarity[o->inti_flags & 3],
		inti_trigger[(o->inti_flags >> 2) & 3]);
}

/* The subtable's minimum length for its type, 2 for unknown types. */
static unsigned int madt_entry_min_length(u8 type)
{
	switch (type) {
	case ACPI_MADT_TYPE_LOCAL_APIC:
		return sizeof(struct acpi_madt_local_apic);
	case ACPI_MADT_TYPE_IO_APIC:
		return sizeof(struct acpi_madt_io_apic);
	case ACPI_MADT_TYPE_INTERRUPT_OVERRIDE:
		return sizeof(struct acpi_madt_interrupt_override);
	case ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE:
		return sizeof(struct acpi_madt_local_apic_override);
	case ACPI_MADT_TYPE_LOCAL_X2APIC:
		return sizeof(struct acpi_madt_local_x2apic);
	default:
		return sizeof(struct acpi_subtable_header);
	}
}

static void madt_entry(const struct acpi_subtable_header *h, u32 boot_apicid,
		       struct acpi_madt_info *info)
{
	const struct acpi_madt_local_apic *lapic = (const void *)h;
	const struct acpi_madt_local_x2apic *x2apic = (const void *)h;

	switch (h->type) {
	case ACPI_MADT_TYPE_LOCAL_APIC:
		pr_info("ACPI: LAPIC (acpi_id[0x%02x] lapic_id[0x%02x] %s)\n",
			lapic->processor_id, lapic->id,
			lapic->lapic_flags & ACPI_MADT_ENABLED ? "enabled" : "disabled");
		madt_add_cpu(info, lapic->id, lapic->lapic_flags, boot_apicid);
		break;
	case ACPI_MADT_TYPE_LOCAL_X2APIC:
		pr_info("ACPI: X2APIC (apic_id[0x%02x] uid[0x%02x] %s)\n",
			x2apic->local_apic_id, x2apic->uid,
			x2apic->lapic_flags & ACPI_MADT_ENABLED ? "enabled" : "disabled");
		madt_add_cpu(info, x2apic->local_apic_id, x2apic->lapic_flags, boot_apicid);
		break;
	case ACPI_MADT_TYPE_IO_APIC:
		madt_add_ioapic(info, (const void *)h);
		break;
	case ACPI_MADT_TYPE_INTERRUPT_OVERRIDE:
		madt_add_override(info, (const void *)h);
		break;
	case ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE:
		info->lapic_address = ((const struct acpi_madt_local_apic_override *)h)->address;
		break;
	}
}

int acpi_parse_madt(const struct acpi_table_madt *madt, u32 boot_apicid,
		    struct acpi_madt_info *info)
{
	const u8 *p = (const u8 *)(madt + 1), *end = (const u8 *)madt + madt->header.length;

	memset(info, 0, sizeof(*info));
	if (madt->header.length < sizeof(*madt))
		return -EINVAL;
	info->lapic_address = madt->address;
	while (p + sizeof(struct acpi_subtable_header) <= end) {
		const struct acpi_subtable_header *h = (const void *)p;

		if (h->length < madt_entry_min_length(h->type) || p + h->length > end) {
			pr_warn("ACPI: MADT subtable of type %u at offset %u has a bad length %u, "
				"ignoring the rest\n", h->type, (unsigned int)(p - (const u8 *)madt),
				h->length);
			break;
		}
		madt_entry(h, boot_apicid, info);
		p += h->length;
	}
	return 0;
}
