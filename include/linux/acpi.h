/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ACPI tables the kernel reads at boot, with the ACPI specification's
 * layouts and Linux's names: the RSDP, the RSDT/XSDT, and the MADT (CPUs
 * and interrupt controllers). SRAT and SLIT are located for NUMA later.
 *
 * arch/x86_64/acpi_tables.c checks and parses tables in memory (pure code,
 * also built for the host tests); arch/x86_64/acpi.c finds and maps them.
 */
#ifndef _LINUX_ACPI_H
#define _LINUX_ACPI_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/threads.h>

#define ACPI_SIG_RSDP	"RSD PTR "
#define ACPI_SIG_RSDT	"RSDT"
#define ACPI_SIG_XSDT	"XSDT"
#define ACPI_SIG_MADT	"APIC"
#define ACPI_SIG_SRAT	"SRAT"
#define ACPI_SIG_SLIT	"SLIT"

/* Tables longer than this are taken for corrupt. */
#define ACPI_MAX_TABLE_LENGTH	(1U << 20)

/* The ACPI 1.0 RSDP: what its checksum covers. */
#define ACPI_RSDP_CHECKSUM_LENGTH	20

struct acpi_table_rsdp {
	char signature[8];
	u8 checksum;		/* of the first 20 bytes */
	char oem_id[6];
	u8 revision;		/* 0: ACPI 1.0 (20 bytes); 2: the fields below */
	u32 rsdt_physical_address;
	u32 length;
	u64 xsdt_physical_address;
	u8 extended_checksum;	/* of the 36 bytes of this structure */
	u8 reserved[3];
} __packed;

struct acpi_table_header {
	char signature[4];
	u32 length;
	u8 revision;
	u8 checksum;
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	char asl_compiler_id[4];
	u32 asl_compiler_revision;
} __packed;

struct acpi_table_madt {
	struct acpi_table_header header;
	u32 address;		/* the local APIC's physical address */
	u32 flags;
} __packed;

enum acpi_madt_type {
	ACPI_MADT_TYPE_LOCAL_APIC = 0,
	ACPI_MADT_TYPE_IO_APIC = 1,
	ACPI_MADT_TYPE_INTERRUPT_OVERRIDE = 2,
	ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE = 5,
	ACPI_MADT_TYPE_LOCAL_X2APIC = 9,
};

struct acpi_subtable_header {
	u8 type;
	u8 length;
} __packed;

#define ACPI_MADT_ENABLED		1
#define ACPI_MADT_ONLINE_CAPABLE	2

struct acpi_madt_local_apic {
	struct acpi_subtable_header header;
	u8 processor_id;
	u8 id;
	u32 lapic_flags;
} __packed;

struct acpi_madt_io_apic {
	struct acpi_subtable_header header;
	u8 id;
	u8 reserved;
	u32 address;
	u32 global_irq_base;
} __packed;

struct acpi_madt_interrupt_override {
	struct acpi_subtable_header header;
	u8 bus;
	u8 source_irq;
	u32 global_irq;
	u16 inti_flags;
} __packed;

struct acpi_madt_local_apic_override {
	struct acpi_subtable_header header;
	u16 reserved;
	u64 address;
} __packed;

struct acpi_madt_local_x2apic {
	struct acpi_subtable_header header;
	u16 reserved;
	u32 local_apic_id;
	u32 lapic_flags;
	u32 uid;
} __packed;

#define ACPI_MAX_IOAPICS	8
#define ACPI_MAX_OVERRIDES	16

/* What the MADT says, in the kernel's terms. */
struct acpi_madt_info {
	u64 lapic_address;
	unsigned int nr_cpus;		/* usable CPUs found, boot CPU first */
	u32 apic_ids[NR_CPUS];
	unsigned int nr_ignored;	/* beyond NR_CPUS */
	unsigned int nr_ioapics;
	struct {
		u8 id;
		u32 address, gsi_base;
	} ioapics[ACPI_MAX_IOAPICS];
	unsigned int nr_overrides;
	struct {
		u8 source_irq;
		u32 gsi;
		u16 flags;
	} overrides[ACPI_MAX_OVERRIDES];
};

/* The sum of @len bytes is 0 mod 256. */
bool acpi_checksum_ok(const void *p, size_t len);

/*
 * A usable RSDP: signature and checksum, and for revision >= 2 a length of
 * at least 36 and the extended checksum. Reads 36 bytes at most.
 */
bool acpi_rsdp_valid(const struct acpi_table_rsdp *rsdp);

/*
 * acpi_rsdp_root_table - the root table a valid @rsdp points to: the XSDT
 * (8-byte entries) for revision 2 and later when its address is nonzero,
 * else the RSDT (4-byte entries). Return: its physical address; the entry
 * size in *@entry_size.
 */
u64 acpi_rsdp_root_table(const struct acpi_table_rsdp *rsdp, unsigned int *entry_size);

/* The number of whole entries of a valid RSDT/XSDT, and entry @i's address. */
unsigned int acpi_root_table_entries(const struct acpi_table_header *root,
				     unsigned int entry_size);
u64 acpi_root_table_entry(const struct acpi_table_header *root, unsigned int entry_size,
			  unsigned int i);

/* A table whose header says a sane length and whose bytes sum to 0. */
bool acpi_table_valid(const struct acpi_table_header *table);

/*
 * acpi_parse_madt - read a validated MADT into @info; the CPU with APIC ID
 * @boot_apicid becomes entry 0. Disabled CPUs are skipped; a subtable that
 * is too short or runs past the table ends the walk with a warning.
 * Return: 0, or -EINVAL when the table is too short to be an MADT.
 */
int acpi_parse_madt(const struct acpi_table_madt *madt, u32 boot_apicid,
		    struct acpi_madt_info *info);

/* Physical addresses of SRAT and SLIT (0: absent), for NUMA. */
extern u64 acpi_srat_phys, acpi_slit_phys;

/*
 * The boot MADT as parsed by acpi_boot_init(), all zero when there was no
 * usable one: the IOAPICs and interrupt overrides for IOAPIC setup. CPUs
 * not allowed by nosmp/maxcpus= are still listed. Written once at boot.
 */
extern struct acpi_madt_info acpi_madt;

/*
 * acpi_boot_init - find the tables, parse the MADT, size nr_cpu_ids and
 * the CPU masks (nosmp, maxcpus=), and enable the boot CPU's local APIC.
 * Without usable tables: a warning, one CPU. Context: boot, after
 * init_mem_mapping() (early_memremap), before the per-CPU data is sized.
 */
void acpi_boot_init(void);

#endif /* _LINUX_ACPI_H */
