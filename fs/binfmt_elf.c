// SPDX-License-Identifier: GPL-2.0
/*
 * The ELF64 x86-64 loader (Linux's fs/binfmt_elf.c, for what this kernel
 * runs): static ET_EXEC programs at their own addresses, ET_DYN programs
 * (static-PIE, or PIE with an interpreter) at ELF_ET_DYN_BASE plus a
 * random offset, and a PT_INTERP interpreter at an address mmap()
 * chooses below mmap_base.
 *
 *   before the point of no return      after it
 *   ------------------------------     -----------------------------------
 *   header and program headers read    begin_new_exec(); a segment that
 *   and checked (binfmt_elf_check.c):  failed its check: EINVAL, the task
 *   ENOEXEC                            dies (Linux finds it there, mapping)
 *   the interpreter opened, read and   setup_new_exec(), setup_arg_pages()
 *   checked: ELIBBAD (ENOENT...)       the program's PT_LOADs mapped, bss
 *   PT_GNU_STACK                       the interpreter's likewise
 *                                      brk after the highest segment
 *                                      create_elf_tables(), start_thread()
 *
 * A PT_LOAD is mapped from the file, private, with its p_flags as
 * protections: [p_vaddr, + p_filesz) rounded out to pages; the rest of
 * the last file page zeroed (padzero()), the whole pages up to p_memsz
 * anonymous (vm_brk_flags()). The first PT_LOAD of an ET_DYN object is
 * mapped over the whole span of its segments, then cut to its own size,
 * which reserves the span for the others (MAP_FIXED after that); an
 * ET_EXEC's first segment uses MAP_FIXED_NOREPLACE, as Linux.
 *
 * The stack the program starts with (create_elf_tables(), the psABI's):
 *
 *   strings (fs/exec.c)       argv and envp strings, the file name
 *   "x86_64\0"                AT_PLATFORM
 *   16 random bytes           AT_RANDOM
 *   auxv: type, value pairs   ... AT_NULL, 0
 *   NULL, envp[envc-1]..[0]
 *   NULL, argv[argc-1]..[0]
 *   argc                      <- rsp, 16-byte aligned
 *
 * Locking: the task works on its own new mm (vm_mmap() and vm_brk_flags()
 * take its mmap_lock); the files are its own references.
 */
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/fs.h>
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/random.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <asm/elf.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/uaccess.h>

/* One ELF object being loaded: the program or its interpreter. */
struct elf_image {
	struct file *file;
	Elf64_Ehdr eh;
	Elf64_Phdr *phdrs;		/* eh.e_phnum of them, kmalloc()ed */
	unsigned long bias;		/* added to every p_vaddr once mapped */
};

/* Linux's elf_read(): all of @len bytes at @pos, or -EIO (or the read's error). */
static int elf_read(struct file *file, void *buf, size_t len, loff_t pos)
{
	ssize_t n = kernel_read(file, buf, len, &pos);

	if (n == (ssize_t)len)
		return 0;
	return n < 0 ? n : -EIO;
}

/*
 * Read and check @img's program headers (its header checked already).
 * Return: 0; -ENOMEM; -ENOEXEC (unreadable, or a bad PT_INTERP: before
 * the point of no return, as Linux); -EINVAL in *@late for segments that
 * cannot be mapped, which Linux finds while mapping them, after the
 * point of no return: the caller fails there, and the task dies as on
 * Linux.
 */
static int elf_read_phdrs(struct elf_image *img, int *late)
{
	size_t size = img->eh.e_phnum * sizeof(Elf64_Phdr);
	int err;

	img->phdrs = kmalloc(size, GFP_KERNEL);
	if (!img->phdrs)
		return -ENOMEM;
	err = elf_read(img->file, img->phdrs, size, img->eh.e_phoff);
	if (err)
		return -ENOEXEC;	/* Linux's load_elf_phdrs() failing */
	err = elf_check_phdrs(&img->eh, img->phdrs, TASK_SIZE);
	if (err == -EINVAL) {
		*late = err;
		return 0;
	}
	return err;
}

static const Elf64_Phdr *elf_find_phdr(const struct elf_image *img, u32 type)
{
	const Elf64_Phdr *ph;

	for (ph = img->phdrs; ph < img->phdrs + img->eh.e_phnum; ph++)
		if (ph->p_type == type)
			return ph;
	return NULL;
}

/*
 * Open @prog's interpreter into @interp, and check it: its header and
 * program headers must pass as the program's (ELIBBAD, as Linux), and it
 * may not ask for an interpreter itself (Linux ignores such a PT_INTERP;
 * an interpreted interpreter is refused here, as the issue asks).
 */
static int elf_open_interp(const struct elf_image *prog, const Elf64_Phdr *ph,
			   struct elf_image *interp, int *late)
{
	char *path = kmalloc(ph->p_filesz, GFP_KERNEL);
	struct file *file;
	int err;

	if (!path)
		return -ENOMEM;
	err = elf_read(prog->file, path, ph->p_filesz, ph->p_offset);
	if (!err && path[ph->p_filesz - 1])
		err = -ENOEXEC;
	file = err ? ERR_PTR(err) : open_exec(path);
	kfree(path);
	if (IS_ERR(file))
		return PTR_ERR(file);
	interp->file = file;
	err = elf_read(file, &interp->eh, sizeof(interp->eh), 0);
	if (err)
		return err;
	if (elf_check_ehdr(&interp->eh, i_size_read(file_inode(file))))
		return -ELIBBAD;
	err = elf_read_phdrs(interp, late);
	if (err == -ENOMEM)
		return err;
	if (err || elf_find_phdr(interp, PT_INTERP))
		return -ELIBBAD;
	return 0;
}

static void elf_image_release(struct elf_image *img)
{
	kfree(img->phdrs);
	if (img->file)
		fput(img->file);
}

/* ---- mapping ---------------------------------------------------------------- */

static unsigned long elf_prot(u32 p_flags)
{
	return ((p_flags & PF_R) ? PROT_READ : 0) | ((p_flags & PF_W) ? PROT_WRITE : 0) |
	       ((p_flags & PF_X) ? PROT_EXEC : 0);
}

/* Zero the user bytes from @addr to the end of its page (the bss's first part). */
static int padzero(unsigned long addr)
{
	unsigned long n = PAGE_ALIGN(addr) - addr;

	return n && clear_user((void __user *)addr, n) ? -EFAULT : 0;
}

/*
 * Map one PT_LOAD at p_vaddr + @bias with the MAP_FIXED* @mflags; @span,
 * when nonzero, is what to reserve for the whole object (its first
 * segment, @bias then chosen by mmap() unless @mflags fix it).
 * Return: the address of its first page, or -errno.
 */
static long elf_load(struct file *file, const Elf64_Phdr *ph, unsigned long bias,
		     unsigned long mflags, unsigned long span)
{
	unsigned long addr = ph->p_vaddr + bias, start = addr & PAGE_MASK;
	unsigned long file_end = addr + ph->p_filesz, mem_end = addr + ph->p_memsz;
	unsigned long map_len = PAGE_ALIGN(file_end) - start;
	unsigned long anon = ph->p_filesz ? PAGE_ALIGN(file_end) : PAGE_ALIGN(addr);
	unsigned long map;
	int err = 0;

	if (ph->p_filesz || span) {
		map = vm_mmap(file, start, span ?: map_len, elf_prot(ph->p_flags),
			      MAP_PRIVATE | mflags, ph->p_offset - (addr - start));
		if (IS_ERR_VALUE(map))
			return map;
		if (span && span > map_len)
			vm_munmap(map + map_len, span - map_len);
		if (map != start) {		/* placed by mmap(): the segment moves with it */
			addr += map - start;
			file_end += map - start;
			mem_end += map - start;
			anon += map - start;
			start = map;
		}
	}
	if (ph->p_memsz > ph->p_filesz && (ph->p_flags & PF_W))
		err = padzero(ph->p_filesz ? file_end : addr);
	if (!err && PAGE_ALIGN(mem_end) > anon)
		err = vm_brk_flags(anon, PAGE_ALIGN(mem_end) - anon,
				   (ph->p_flags & PF_X) ? VM_EXEC : 0);
	return err ?: (long)start;
}

/*
 * Map every PT_LOAD of @img: at their own addresses (ET_EXEC), at
 * @base (an ET_DYN program: MAP_FIXED_NOREPLACE), or where mmap() puts
 * them (@base 0: the interpreter). Sets img->bias.
 */
static int elf_map_image(struct elf_image *img, unsigned long base)
{
	const Elf64_Phdr *ph;
	unsigned long first, span = elf_load_span(img->phdrs, img->eh.e_phnum, &first);
	unsigned long mflags = base ? MAP_FIXED_NOREPLACE : 0;
	bool dyn = img->eh.e_type == ET_DYN, mapped = false;
	long addr;

	img->bias = dyn && base ? base - first : 0;
	if (!dyn)
		mflags = MAP_FIXED_NOREPLACE;
	for (ph = img->phdrs; ph < img->phdrs + img->eh.e_phnum; ph++) {
		if (ph->p_type != PT_LOAD)
			continue;
		addr = elf_load(img->file, ph, img->bias, mapped ? MAP_FIXED : mflags,
				!mapped && dyn ? span : 0);
		if (addr < 0)
			return addr;
		if (!mapped && dyn)
			img->bias = addr - first;
		mapped = true;
	}
	return 0;
}

/* Where an ET_DYN program goes: ELF_ET_DYN_BASE, randomised, at its alignment. */
static unsigned long elf_dyn_base(const struct elf_image *img)
{
	unsigned long base = ELF_ET_DYN_BASE;

	if (current->flags & PF_RANDOMIZE)
		base += arch_mmap_rnd();
	return base & ~(elf_max_alignment(img->phdrs, img->eh.e_phnum) - 1);
}

/* The code, data and brk bounds of the mm, from the program's segments. */
static void elf_set_mm_bounds(struct mm_struct *mm, const struct elf_image *img)
{
	unsigned long start_code = ~0UL, end_code = 0, start_data = 0, end_data = 0, brk = 0;
	const Elf64_Phdr *ph;

	for (ph = img->phdrs; ph < img->phdrs + img->eh.e_phnum; ph++) {
		unsigned long k = ph->p_vaddr + img->bias;

		if (ph->p_type != PT_LOAD)
			continue;
		start_code = min(start_code, k);
		start_data = max(start_data, k);
		if ((ph->p_flags & PF_X) && k + ph->p_filesz > end_code)
			end_code = k + ph->p_filesz;
		end_data = max(end_data, k + ph->p_filesz);
		brk = max(brk, k + ph->p_memsz);
	}
	mm->start_code = start_code;
	mm->end_code = end_code;
	mm->start_data = start_data;
	mm->end_data = end_data;
	mm->start_brk = mm->brk = PAGE_ALIGN(brk);
	if ((current->flags & PF_RANDOMIZE) && READ_ONCE(randomize_va_space) > 1)
		mm->start_brk = mm->brk = arch_randomize_brk(mm);
}

/* AT_PHDR: PT_PHDR's address, else where the segment holding e_phoff puts them. */
static unsigned long elf_phdr_addr(const struct elf_image *img)
{
	const Elf64_Phdr *ph = elf_find_phdr(img, PT_PHDR);
	u64 off = img->eh.e_phoff;

	if (ph)
		return ph->p_vaddr + img->bias;
	for (ph = img->phdrs; ph < img->phdrs + img->eh.e_phnum; ph++)
		if (ph->p_type == PT_LOAD && ph->p_offset <= off && off < ph->p_offset + ph->p_filesz)
			return off - ph->p_offset + ph->p_vaddr + img->bias;
	return 0;
}

/* ---- the initial stack ---------------------------------------------------- */

#define AUXV_ENTRIES	21	/* the pairs create_elf_tables() writes, AT_NULL included */

/* Copy @len bytes of @src below *@p. Return: the user address, or 0 on a fault. */
static unsigned long push_bytes(unsigned long *p, const void *src, size_t len)
{
	*p -= len;
	return copy_to_user((void __user *)*p, src, len) ? 0 : *p;
}

/* The user pointers to @n strings starting at *@str, NULL after them, at @out. */
static int put_string_ptrs(unsigned long __user *out, unsigned long *str, int n)
{
	long len;

	while (n-- > 0) {
		if (put_user(*str, out++))
			return -EFAULT;
		len = strnlen_user((const char __user *)*str, MAX_ARG_STRLEN);
		if (!len || len > (long)MAX_ARG_STRLEN)
			return -EINVAL;
		*str += len;
	}
	return put_user(0UL, out) ? -EFAULT : 0;
}

static u32 elf_hwcap(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	return d;
}

static int create_elf_tables(struct linux_binprm *bprm, const struct elf_image *prog,
			     unsigned long interp_base)
{
	struct mm_struct *mm = current->mm;
	const struct cred *cred = current_cred();
	unsigned long p = arch_align_stack(bprm->p), u_platform, u_rand, sp, str;
	unsigned long auxv[AUXV_ENTRIES * 2], *a = auxv;
	unsigned long __user *up;
	u8 rand[16];
	int items, err;

	u_platform = push_bytes(&p, ELF_PLATFORM, sizeof(ELF_PLATFORM));
	get_random_bytes(rand, sizeof(rand));
	u_rand = push_bytes(&p, rand, sizeof(rand));
	if (!u_platform || !u_rand)
		return -EFAULT;
#define AUX(type, val)	do { *a++ = (type); *a++ = (val); } while (0)
	AUX(AT_MINSIGSTKSZ, ELF_MINSIGSTKSZ);
	AUX(AT_HWCAP, elf_hwcap());
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_CLKTCK, 100);		/* USER_HZ */
	AUX(AT_PHDR, elf_phdr_addr(prog));
	AUX(AT_PHENT, sizeof(Elf64_Phdr));
	AUX(AT_PHNUM, prog->eh.e_phnum);
	AUX(AT_BASE, interp_base);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, prog->eh.e_entry + prog->bias);
	AUX(AT_UID, cred->uid);
	AUX(AT_EUID, cred->euid);
	AUX(AT_GID, cred->gid);
	AUX(AT_EGID, cred->egid);
	AUX(AT_SECURE, bprm->secureexec);
	AUX(AT_RANDOM, u_rand);
	AUX(AT_HWCAP2, 0);
	AUX(AT_EXECFN, bprm->exec);
	AUX(AT_PLATFORM, u_platform);
	AUX(AT_NULL, 0);
#undef AUX
	BUILD_BUG_ON(sizeof(auxv) != AUXV_ENTRIES * 2 * sizeof(long));
	items = (bprm->argc + 1) + (bprm->envc + 1) + 1;
	sp = (p - items * sizeof(long) - sizeof(auxv)) & ~0xfUL;
	bprm->p = sp;
	up = (unsigned long __user *)sp;
	if (put_user((unsigned long)bprm->argc, up))
		return -EFAULT;
	str = mm->arg_start;
	err = put_string_ptrs(up + 1, &str, bprm->argc);
	if (err)
		return err;
	mm->arg_end = mm->env_start = str;
	err = put_string_ptrs(up + 1 + bprm->argc + 1, &str, bprm->envc);
	if (err)
		return err;
	mm->env_end = str;
	if (copy_to_user(up + items, auxv, sizeof(auxv)))
		return -EFAULT;
	return 0;
}

/* ---- load_binary ------------------------------------------------------------ */

/*
 * What can fail with the old image intact: the header, the program
 * headers, the interpreter; *@late: an error for after the point of no
 * return (elf_read_phdrs()).
 */
static int elf_prepare(struct linux_binprm *bprm, struct elf_image *prog,
		       struct elf_image *interp, bool *exec_stack, int *late)
{
	const Elf64_Phdr *ph;
	int err;

	memcpy(&prog->eh, bprm->buf, sizeof(prog->eh));
	prog->file = bprm->file;
	err = elf_check_ehdr(&prog->eh, i_size_read(file_inode(bprm->file)));
	if (err)
		return err;
	if (!bprm->file->f_op->mmap)
		return -ENOEXEC;
	err = elf_read_phdrs(prog, late);
	if (err)
		return err;
	ph = elf_find_phdr(prog, PT_GNU_STACK);
	/* x86-64: no PT_GNU_STACK means a stack without exec, as Linux since 5.8 */
	*exec_stack = ph && (ph->p_flags & PF_X);
	ph = elf_find_phdr(prog, PT_INTERP);
	return ph ? elf_open_interp(prog, ph, interp, late) : 0;
}

/* After the point of no return: map it all and set up the registers. */
static int elf_install(struct linux_binprm *bprm, struct elf_image *prog,
		       struct elf_image *interp, bool exec_stack)
{
	unsigned long entry, first, interp_base = 0;
	int err;

	setup_new_exec(bprm);
	err = setup_arg_pages(bprm, exec_stack);
	if (err)
		return err;
	err = elf_map_image(prog, prog->eh.e_type == ET_DYN ? elf_dyn_base(prog) : 0);
	if (err)
		return err;
	elf_set_mm_bounds(current->mm, prog);
	entry = prog->eh.e_entry + prog->bias;
	if (interp->file) {
		err = elf_map_image(interp, 0);
		if (err)
			return err;
		elf_load_span(interp->phdrs, interp->eh.e_phnum, &first);
		interp_base = interp->bias + first;
		entry = interp->eh.e_entry + interp->bias;
	}
	if (entry >= TASK_SIZE)
		return -EINVAL;
	err = create_elf_tables(bprm, prog, interp_base);
	if (err)
		return err;
	current->mm->start_stack = bprm->p;
	start_thread(task_pt_regs(current), entry, bprm->p);
	return 0;
}

static int load_elf_binary(struct linux_binprm *bprm)
{
	struct elf_image prog = { }, interp = { };
	bool exec_stack = false;
	int err, late = 0;

	err = elf_prepare(bprm, &prog, &interp, &exec_stack, &late);
	if (!err)
		err = begin_new_exec(bprm);
	if (!err)
		err = late ?: elf_install(bprm, &prog, &interp, exec_stack);
	prog.file = NULL;		/* bprm's reference */
	elf_image_release(&prog);
	elf_image_release(&interp);
	return err;
}

struct linux_binfmt elf_format = {
	.name = "elf",
	.load_binary = load_elf_binary,
};
