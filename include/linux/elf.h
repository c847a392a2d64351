/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ELF64 as the x86-64 psABI and the gABI define it: the file header, the
 * program headers the loader reads (fs/binfmt_elf.c), the auxiliary
 * vector's types, and the checks the loader makes of a file before it
 * maps anything (fs/binfmt_elf_check.c: pure code, also built for the
 * host tests).
 *
 *   offset 0        Elf64_Ehdr (64 bytes): e_ident, type, machine, entry,
 *                   e_phoff -> e_phnum program headers of e_phentsize
 *   e_phoff         Elf64_Phdr[e_phnum] (56 bytes each): PT_LOAD segments
 *                   (file [p_offset, + p_filesz) at [p_vaddr, + p_memsz),
 *                   the rest zero), PT_INTERP (the interpreter's path),
 *                   PT_GNU_STACK (p_flags: is the stack executable?)
 */
#ifndef _LINUX_ELF_H
#define _LINUX_ELF_H

#include <linux/types.h>

typedef u64 Elf64_Addr;
typedef u16 Elf64_Half;
typedef u64 Elf64_Off;
typedef s32 Elf64_Sword;
typedef u32 Elf64_Word;
typedef u64 Elf64_Xword;

#define EI_NIDENT	16
#define EI_CLASS	4
#define EI_DATA		5
#define EI_VERSION	6
#define ELFMAG		"\177ELF"
#define SELFMAG		4
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define EV_CURRENT	1

#define ET_EXEC		2
#define ET_DYN		3
#define EM_X86_64	62

#define PT_NULL		0
#define PT_LOAD		1
#define PT_DYNAMIC	2
#define PT_INTERP	3
#define PT_NOTE		4
#define PT_PHDR		6
#define PT_GNU_STACK	0x6474e551

#define PF_X		0x1
#define PF_W		0x2
#define PF_R		0x4

typedef struct {
	unsigned char e_ident[EI_NIDENT];
	Elf64_Half e_type;
	Elf64_Half e_machine;
	Elf64_Word e_version;
	Elf64_Addr e_entry;
	Elf64_Off e_phoff;
	Elf64_Off e_shoff;
	Elf64_Word e_flags;
	Elf64_Half e_ehsize;
	Elf64_Half e_phentsize;
	Elf64_Half e_phnum;
	Elf64_Half e_shentsize;
	Elf64_Half e_shnum;
	Elf64_Half e_shstrndx;
} Elf64_Ehdr;

typedef struct {
	Elf64_Word p_type;
	Elf64_Word p_flags;
	Elf64_Off p_offset;
	Elf64_Addr p_vaddr;
	Elf64_Addr p_paddr;
	Elf64_Xword p_filesz;
	Elf64_Xword p_memsz;
	Elf64_Xword p_align;
} Elf64_Phdr;

_Static_assert(sizeof(Elf64_Ehdr) == 64, "Elf64_Ehdr is 64 bytes");
_Static_assert(sizeof(Elf64_Phdr) == 56, "Elf64_Phdr is 56 bytes");

/* The names the loader uses, as Linux's for a 64-bit kernel. */
#define elfhdr		Elf64_Ehdr
#define elf_phdr	Elf64_Phdr

/* The auxiliary vector's entry types (Linux's uapi/linux/auxvec.h). */
#define AT_NULL		0
#define AT_PHDR		3	/* the program headers in memory */
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_BASE		7	/* the interpreter's load address */
#define AT_FLAGS	8
#define AT_ENTRY	9	/* the program's entry point */
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_PLATFORM	15	/* a string: "x86_64" */
#define AT_HWCAP	16	/* CPUID.1:EDX */
#define AT_CLKTCK	17	/* times()'s ticks per second */
#define AT_SECURE	23
#define AT_RANDOM	25	/* 16 random bytes on the stack */
#define AT_HWCAP2	26
#define AT_EXECFN	31	/* the file name execve() was given */
#define AT_MINSIGSTKSZ	51

/* Bytes of an interpreter's path at most (PT_INTERP), Linux's PATH_MAX. */
#define ELF_INTERP_MAX	4096

/**
 * elf_check_ehdr - is @ehdr the header of a program this kernel runs?
 * @ehdr: the first bytes of the file (zeroes past its end)
 * @i_size: the file's size in bytes
 *
 * The magic, ELFCLASS64, ELFDATA2LSB, EV_CURRENT, ET_EXEC or ET_DYN,
 * EM_X86_64, e_phentsize of an Elf64_Phdr, between 1 and 65536 bytes of
 * program headers that fit in one page (Linux's load_elf_phdrs()) and
 * lie within the file.
 *
 * Return: 0, or -ENOEXEC. Context: any (pure).
 */
int elf_check_ehdr(const Elf64_Ehdr *ehdr, u64 i_size);

/**
 * elf_check_phdrs - are @ehdr's program headers @phdrs mappable?
 * @ehdr: a header that passed elf_check_ehdr()
 * @phdrs: its e_phnum program headers
 * @task_size: the top of user space
 *
 * Every PT_LOAD: p_filesz <= p_memsz <= @task_size; file and memory
 * ranges (the page-rounded end too) that do not wrap; p_align 0, 1 or a
 * power of two, with p_vaddr and p_offset
 * congruent modulo the page size (an mmap() could not place it
 * otherwise); in address order and not overlapping the one before. The
 * lowest and highest addresses (p_vaddr of the first, the end of the
 * last) stay below @task_size for ET_EXEC, and the span between them
 * does for ET_DYN (placed anywhere). At least one PT_LOAD; at most one
 * PT_INTERP, of 2 to ELF_INTERP_MAX bytes (whether they are in the file,
 * and end with a NUL, the loader sees when it reads them). ET_EXEC's
 * e_entry lies below @task_size.
 *
 * Return: 0, -ENOEXEC (no PT_LOAD, two PT_INTERPs, a bad PT_INTERP
 * size), or -EINVAL (a segment that cannot be mapped: Linux's error when
 * its mapping fails or exceeds TASK_SIZE). Context: any (pure).
 */
int elf_check_phdrs(const Elf64_Ehdr *ehdr, const Elf64_Phdr *phdrs, unsigned long task_size);

/**
 * elf_load_span - the addresses the PT_LOADs of @phdrs cover
 * @phdrs: program headers that passed elf_check_phdrs()
 * @phnum: their number
 * @first: set to the first PT_LOAD's p_vaddr, rounded down to a page
 *
 * Return: the bytes from *@first to the page-rounded end of the last
 * PT_LOAD (Linux's total_mapping_size()), 0 if there is none.
 */
unsigned long elf_load_span(const Elf64_Phdr *phdrs, unsigned int phnum, unsigned long *first);

/*
 * elf_max_alignment - the largest power-of-two p_align of the PT_LOADs,
 * at least a page (Linux's maximum_alignment()): an ET_DYN program's
 * base is rounded to it.
 */
unsigned long elf_max_alignment(const Elf64_Phdr *phdrs, unsigned int phnum);

#endif /* _LINUX_ELF_H */
