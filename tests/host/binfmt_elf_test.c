// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the ELF loader's checks (fs/binfmt_elf_check.c): a good
 * static program (two PT_LOADs: text, then data with bss) is built here,
 * each case spoils one field and expects Linux's error.
 */
#include "htest.h"
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/mm.h>

#define TEXT	0x400000UL
#define DATA	0x401000UL
#define FSIZE	0x3000UL	/* the file: headers, text, data */
#define TOP	TASK_SIZE

struct image {
	Elf64_Ehdr eh;
	Elf64_Phdr ph[4];
};

/* A good ET_EXEC: a PT_LOAD of text, a PT_LOAD of data + bss, PT_GNU_STACK. */
static void good(struct image *im)
{
	memset(im, 0, sizeof(*im));
	memcpy(im->eh.e_ident, ELFMAG, SELFMAG);
	im->eh.e_ident[EI_CLASS] = ELFCLASS64;
	im->eh.e_ident[EI_DATA] = ELFDATA2LSB;
	im->eh.e_ident[EI_VERSION] = EV_CURRENT;
	im->eh.e_type = ET_EXEC;
	im->eh.e_machine = EM_X86_64;
	im->eh.e_version = EV_CURRENT;
	im->eh.e_entry = TEXT + 0x100;
	im->eh.e_phoff = sizeof(Elf64_Ehdr);
	im->eh.e_phentsize = sizeof(Elf64_Phdr);
	im->eh.e_phnum = 3;
	im->ph[0] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = 0,
				  .p_vaddr = TEXT, .p_filesz = 0x1000, .p_memsz = 0x1000,
				  .p_align = 0x1000 };
	im->ph[1] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_W,
				  .p_offset = 0x1100, .p_vaddr = DATA + 0x100, .p_filesz = 0x200,
				  .p_memsz = 0x5000, .p_align = 0x1000 };
	im->ph[2] = (Elf64_Phdr){ .p_type = PT_GNU_STACK, .p_flags = PF_R | PF_W };
}

static int check(struct image *im)
{
	int err = elf_check_ehdr(&im->eh, FSIZE);

	return err ?: elf_check_phdrs(&im->eh, im->ph, TOP);
}

HTEST(elf_good_static_and_pie_pass)
{
	struct image im;

	good(&im);
	HT_EXPECT_EQ(check(&im), 0);
	im.eh.e_type = ET_DYN;
	im.ph[0].p_vaddr = 0;
	im.ph[1].p_vaddr = 0x1100;
	HT_EXPECT_EQ(check(&im), 0);
}

HTEST(elf_bad_ident_is_enoexec)
{
	struct image im;
	static const int bytes[] = { 0, 1, 2, 3, EI_CLASS, EI_DATA, EI_VERSION };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bytes); i++) {
		good(&im);
		im.eh.e_ident[bytes[i]] ^= 0x40;
		HT_EXPECT_EQ(check(&im), -ENOEXEC);
	}
	good(&im);
	im.eh.e_ident[EI_CLASS] = 1;	/* ELFCLASS32 */
	HT_EXPECT_EQ(check(&im), -ENOEXEC);
	good(&im);
	im.eh.e_ident[EI_DATA] = 2;	/* big-endian */
	HT_EXPECT_EQ(check(&im), -ENOEXEC);
}

HTEST(elf_bad_type_or_machine_is_enoexec)
{
	struct image im;

	good(&im);
	im.eh.e_type = 1;		/* ET_REL */
	HT_EXPECT_EQ(check(&im), -ENOEXEC);
	im.eh.e_type = 4;		/* ET_CORE */
	HT_EXPECT_EQ(check(&im), -ENOEXEC);
	good(&im);
	im.eh.e_machine = 3;		/* EM_386 */
	HT_EXPECT_EQ(check(&im), -ENOEXEC);
}

HTEST(elf_bad_phentsize_or_phnum_is_enoexec)
{
	struct image im;

	good(&im);
	im.eh.e_phentsize = sizeof(Elf64_Phdr) - 1;
	HT_EXPECT_EQ(check(&im), -ENOEXEC);
	im.eh.e_phentsize = 32;		/* an Elf32_Phdr */
	HT_EXPECT_EQ(check(&im), -ENOEXEC);
	good(&im);
	im.eh.e_phnum = 0;
	HT_EXPECT_EQ(check(&im), -ENOEXEC);
	/* One page of headers at most: 73 fit, 74 do not; 65536 bytes never. */
	im.eh.e_phnum = PAGE_SIZE / sizeof(Elf64_Phdr);
	HT_EXPECT_EQ(elf_check_ehdr(&im.eh, 1UL << 20), 0);
	im.eh.e_phnum++;
	HT_EXPECT_EQ(elf_check_ehdr(&im.eh, 1UL << 20), -ENOEXEC);
	im.eh.e_phnum = 65535;
	HT_EXPECT_EQ(elf_check_ehdr(&im.eh, 1UL << 30), -ENOEXEC);
}

HTEST(elf_phdrs_beyond_the_file_are_enoexec)
{
	struct image im;
	u64 end;

	good(&im);
	end = im.eh.e_phoff + 3 * sizeof(Elf64_Phdr);
	HT_EXPECT_EQ(elf_check_ehdr(&im.eh, end), 0);
	HT_EXPECT_EQ(elf_check_ehdr(&im.eh, end - 1), -ENOEXEC);
	HT_EXPECT_EQ(elf_check_ehdr(&im.eh, sizeof(Elf64_Ehdr)), -ENOEXEC);
	im.eh.e_phoff = FSIZE + 1;
	HT_EXPECT_EQ(check(&im), -ENOEXEC);
	im.eh.e_phoff = ~0ULL - 8;	/* phoff + size wraps */
	HT_EXPECT_EQ(check(&im), -ENOEXEC);
}

HTEST(elf_filesz_above_memsz_is_einval)
{
	struct image im;

	good(&im);
	im.ph[1].p_filesz = im.ph[1].p_memsz + 1;
	HT_EXPECT_EQ(check(&im), -EINVAL);
}

HTEST(elf_wrapping_segments_are_einval)
{
	struct image im;

	good(&im);
	im.eh.e_type = ET_DYN;
	im.ph[0].p_vaddr = 0;
	im.ph[1].p_vaddr = ~0UL - 0xeff;	/* ends past 2^64 */
	im.ph[1].p_offset = 0x100;
	HT_EXPECT_EQ(check(&im), -EINVAL);
	im.ph[1].p_vaddr = ~0UL - 0x5fff + 0x100;	/* the page-rounded end wraps */
	im.ph[1].p_memsz = 0x5000 + 0xeff;
	HT_EXPECT_EQ(check(&im), -EINVAL);
	good(&im);
	im.ph[1].p_offset = ~0UL - 0xff;	/* file range wraps */
	HT_EXPECT_EQ(check(&im), -EINVAL);
	good(&im);
	im.ph[1].p_memsz = TOP + 1;
	HT_EXPECT_EQ(check(&im), -EINVAL);
}

HTEST(elf_segments_beyond_task_size_are_einval)
{
	struct image im;

	good(&im);
	im.ph[1].p_vaddr = TOP - 0x4f00;	/* ends at TOP + 0x100 */
	im.ph[1].p_offset = 0x1100;
	HT_EXPECT_EQ(check(&im), -EINVAL);
	im.ph[1].p_vaddr = TOP - 0x5000 + 0x100;	/* ends at TOP: fits */
	im.ph[1].p_memsz = 0x4f00;
	HT_EXPECT_EQ(check(&im), 0);
	good(&im);
	im.eh.e_entry = TOP;
	HT_EXPECT_EQ(check(&im), -EINVAL);
	/* ET_DYN: only the span counts; one wider than user space is refused. */
	good(&im);
	im.eh.e_type = ET_DYN;
	im.ph[0].p_vaddr = 0;
	im.ph[1].p_vaddr = TOP + 0x100;
	im.ph[1].p_memsz = 0x1000;
	im.ph[1].p_filesz = 0x100;
	HT_EXPECT_EQ(check(&im), -EINVAL);
}

HTEST(elf_overlapping_or_unordered_loads_are_einval)
{
	struct image im;
	Elf64_Phdr t;

	good(&im);
	im.ph[1].p_vaddr = TEXT + 0xf00;	/* inside the text segment */
	im.ph[1].p_offset = 0xf00;
	HT_EXPECT_EQ(check(&im), -EINVAL);
	good(&im);
	t = im.ph[0];
	im.ph[0] = im.ph[1];
	im.ph[1] = t;
	HT_EXPECT_EQ(check(&im), -EINVAL);
	/* Sharing a page without overlapping is fine (old linkers do it). */
	good(&im);
	im.ph[0].p_filesz = im.ph[0].p_memsz = 0x1100;
	HT_EXPECT_EQ(check(&im), 0);
}

HTEST(elf_bad_alignment_is_einval)
{
	struct image im;

	good(&im);
	im.ph[1].p_align = 0x3000;
	HT_EXPECT_EQ(check(&im), -EINVAL);
	good(&im);
	im.ph[1].p_offset = 0x1200;		/* vaddr and offset disagree mod 4096 */
	HT_EXPECT_EQ(check(&im), -EINVAL);
	good(&im);
	im.ph[0].p_align = 0;
	im.ph[1].p_align = 1;
	HT_EXPECT_EQ(check(&im), 0);
}

HTEST(elf_interp_and_missing_loads_are_enoexec)
{
	struct image im;

	good(&im);
	im.ph[2] = (Elf64_Phdr){ .p_type = PT_INTERP, .p_offset = 0x200, .p_filesz = 1 };
	HT_EXPECT_EQ(check(&im), -ENOEXEC);
	im.ph[2].p_filesz = ELF_INTERP_MAX + 1;
	HT_EXPECT_EQ(check(&im), -ENOEXEC);
	im.ph[2].p_filesz = 28;
	HT_EXPECT_EQ(check(&im), 0);
	im.ph[3] = im.ph[2];
	im.eh.e_phnum = 4;
	HT_EXPECT_EQ(check(&im), -ENOEXEC);
	good(&im);
	im.ph[0].p_type = PT_NULL;
	im.ph[1].p_type = PT_NOTE;
	HT_EXPECT_EQ(check(&im), -ENOEXEC);
}

HTEST(elf_load_span_and_alignment)
{
	struct image im;
	unsigned long first;

	good(&im);
	HT_EXPECT_EQ(elf_load_span(im.ph, 3, &first), 0x7000UL);	/* to 0x406100, rounded */
	HT_EXPECT_EQ(first, TEXT);
	HT_EXPECT_EQ(elf_load_span(&im.ph[2], 1, &first), 0UL);
	HT_EXPECT_EQ(elf_max_alignment(im.ph, 3), PAGE_SIZE);
	im.ph[1].p_align = 0x200000;
	HT_EXPECT_EQ(elf_max_alignment(im.ph, 3), 0x200000UL);
	im.ph[0].p_align = 0x300000;	/* not a power of two: ignored, as Linux */
	HT_EXPECT_EQ(elf_max_alignment(im.ph, 3), 0x200000UL);
}
