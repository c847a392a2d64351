// SPDX-License-Identifier: GPL-2.0
/*
 * The ELF loader's checks of a file, made before the point of no return
 * of execve() (fs/exec.c), so that a malformed program fails with an
 * error and the caller's image survives. Pure functions of the headers
 * (include/linux/elf.h has their contracts); fs/binfmt_elf.c calls them,
 * and tests/host/binfmt_elf_test.c runs them on the host.
 *
 * The errors are Linux's: what Linux's load_elf_binary() and
 * load_elf_phdrs() refuse while reading the headers is -ENOEXEC (a file
 * that is not an ELF program of this machine, or whose program headers
 * cannot be read); a segment that cannot be mapped where it asks to be
 * (Linux finds out when mmap() fails or the segment passes TASK_SIZE, and
 * says -EINVAL) is -EINVAL. Linux meets the segment errors while
 * mapping, after the point of no return, and the task dies of them; the
 * loader checks them all here first, before anything is mapped, and
 * fails there as Linux does (a task killed, no half-mapped image left to
 * run).
 */
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/bitops.h>
#include <linux/kernel.h>
#include <linux/mm.h>

/* Linux's bound on the program headers: 64 KiB, and one page (ELF_MIN_ALIGN). */
#define ELF_PHDRS_MAX	min(65536UL, PAGE_SIZE)

int elf_check_ehdr(const Elf64_Ehdr *ehdr, u64 i_size)
{
	u64 size = (u64)ehdr->e_phnum * sizeof(Elf64_Phdr);

	if (memcmp(ehdr->e_ident, ELFMAG, SELFMAG) ||
	    ehdr->e_ident[EI_CLASS] != ELFCLASS64 ||
	    ehdr->e_ident[EI_DATA] != ELFDATA2LSB ||
	    ehdr->e_ident[EI_VERSION] != EV_CURRENT)
		return -ENOEXEC;
	if (ehdr->e_type != ET_EXEC && ehdr->e_type != ET_DYN)
		return -ENOEXEC;
	if (ehdr->e_machine != EM_X86_64)
		return -ENOEXEC;
	if (ehdr->e_phentsize != sizeof(Elf64_Phdr))
		return -ENOEXEC;
	if (size == 0 || size > ELF_PHDRS_MAX)
		return -ENOEXEC;
	/* Linux's elf_read() of them comes up short. */
	if (ehdr->e_phoff > i_size || size > i_size - ehdr->e_phoff)
		return -ENOEXEC;
	return 0;
}

/* A PT_LOAD on its own: sizes, wrapping (of its page-rounded end too), alignment. */
static int elf_check_load(const Elf64_Phdr *ph, unsigned long task_size)
{
	unsigned long end = ph->p_vaddr + ph->p_memsz;

	if (ph->p_filesz > ph->p_memsz || ph->p_memsz > task_size)
		return -EINVAL;
	if (end < ph->p_vaddr || PAGE_ALIGN(end) < end ||
	    ph->p_offset + ph->p_filesz < ph->p_offset)
		return -EINVAL;
	if (ph->p_align > 1 && !is_power_of_2(ph->p_align))
		return -EINVAL;
	if ((ph->p_vaddr - ph->p_offset) & ~PAGE_MASK)
		return -EINVAL;
	return 0;
}

int elf_check_phdrs(const Elf64_Ehdr *ehdr, const Elf64_Phdr *phdrs, unsigned long task_size)
{
	const Elf64_Phdr *ph, *prev = NULL;
	unsigned long first = 0, span;
	unsigned int interps = 0;
	int err;

	for (ph = phdrs; ph < phdrs + ehdr->e_phnum; ph++) {
		if (ph->p_type == PT_INTERP) {
			if (++interps > 1 || ph->p_filesz < 2 || ph->p_filesz > ELF_INTERP_MAX)
				return -ENOEXEC;
			continue;
		}
		if (ph->p_type != PT_LOAD)
			continue;
		err = elf_check_load(ph, task_size);
		if (err)
			return err;
		if (prev && ph->p_vaddr < prev->p_vaddr + prev->p_memsz)
			return -EINVAL;		/* out of order or overlapping */
		if (ehdr->e_type == ET_EXEC && ph->p_vaddr + ph->p_memsz > task_size)
			return -EINVAL;
		prev = ph;
	}
	if (!prev)
		return -ENOEXEC;
	span = elf_load_span(phdrs, ehdr->e_phnum, &first);
	if (span > task_size || (ehdr->e_type == ET_EXEC && ehdr->e_entry >= task_size))
		return -EINVAL;
	return 0;
}

unsigned long elf_load_span(const Elf64_Phdr *phdrs, unsigned int phnum, unsigned long *first)
{
	const Elf64_Phdr *ph, *lo = NULL, *hi = NULL;

	for (ph = phdrs; ph < phdrs + phnum; ph++) {
		if (ph->p_type != PT_LOAD)
			continue;
		if (!lo)
			lo = ph;
		hi = ph;
	}
	*first = lo ? lo->p_vaddr & PAGE_MASK : 0;
	if (!lo)
		return 0;
	return PAGE_ALIGN(hi->p_vaddr + hi->p_memsz) - *first;
}

unsigned long elf_max_alignment(const Elf64_Phdr *phdrs, unsigned int phnum)
{
	unsigned long align = PAGE_SIZE;
	const Elf64_Phdr *ph;

	for (ph = phdrs; ph < phdrs + phnum; ph++)
		if (ph->p_type == PT_LOAD && is_power_of_2(ph->p_align) && ph->p_align > align)
			align = ph->p_align;
	return align;
}
