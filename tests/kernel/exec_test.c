// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of exec (fs/exec.c, fs/binfmt_elf.c) and of the layout it
 * chooses (arch/x86_64/mmap.c).
 *
 * exec: each case writes small ELF programs, made here byte by byte, into
 * the case's tmpfs (vfs_test.h) and runs them in kthreads through
 * kernel_execve(), as init runs /init. An image:
 *
 *   file 0x0000  Elf64_Ehdr, the program headers, a PT_INTERP path
 *        0x1000  code (one of the blobs below): text PT_LOAD R+X over
 *                [0, 0x1000 + code), so the headers are mapped (AT_PHDR)
 *        0x2000  a page of 0x5a: data PT_LOAD R+W at base + 0x2000 with
 *                filesz 0x100, memsz 0x3000 (the rest of the page, which
 *                padzero() clears, and two pages of bss)
 *
 * After a successful kernel_execve() the kthread, still in the kernel but
 * on the new mm, records what the image looks like (its VMAs, its stack
 * from rsp: argc, argv, envp, auxv, the strings, AT_RANDOM's bytes), then
 * returns into the program, whose exit code the case checks. A failing
 * exec leaves the kthread as it was, and its exit code is the error.
 * Every case ends with the mm and VMA objects, files, inodes and pages
 * back where they were.
 *
 * layout: mmap_base and its gap, the random parts and their bounds,
 * PF_RANDOMIZE deciding them, /proc/sys/kernel/randomize_va_space. A case
 * that randomises sets PF_RANDOMIZE on the test's own task for its
 * duration, as exec sets it on the task it runs in.
 */
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/resource.h>
#include <asm/elf.h>
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/kthread.h>
#include <linux/mmap_lock.h>
#include <linux/fcntl.h>
#include <linux/sched/task.h>
#include <linux/sched/signal.h>
#include <linux/vmstat.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/uaccess.h>
#include <asm/signal.h>
#include "../../mm/slab.h"
#include <linux/fault-inject.h>
#include "mm_test.h"
#include "vfs_test.h"

#define SZ_128M		(128UL << 20)
#define STACK_RND_MAX	(STACK_RND_MASK << PAGE_SHIFT)

struct layout_state {
	unsigned int flags;		/* current->flags before the case */
	int randomize_va_space;
};

static int layout_init(struct ktest *test)
{
	static struct layout_state st;

	st.flags = current->flags;
	st.randomize_va_space = randomize_va_space;
	/* The sysctl case opens a file: it tests the file, not failing allocations. */
	ktest_pause_fault_injection(test);
	test->priv = &st;
	return 0;
}

static void layout_exit(struct ktest *test)
{
	struct layout_state *st = test->priv;

	current->flags = st->flags;
	randomize_va_space = st->randomize_va_space;
	ktest_resume_fault_injection(test);
}

static void randomizing(bool on)
{
	if (on)
		current->flags |= PF_RANDOMIZE;
	else
		current->flags &= ~PF_RANDOMIZE;
}

static void mmap_base_gap_is_the_stack_limit_clamped(struct ktest *test)
{
	struct rlimit r = { _STK_LIM, RLIM_INFINITY };
	unsigned long guard = stack_guard_gap;

	randomizing(false);
	/* 8 MiB + the guard gap is below the 128 MiB minimum */
	KTEST_EXPECT_EQ(test, mmap_base(0, TASK_SIZE, &r), TASK_SIZE - SZ_128M);
	r.rlim_cur = 1UL << 30;
	KTEST_EXPECT_EQ(test, mmap_base(0, TASK_SIZE, &r), TASK_SIZE - (1UL << 30) - guard);
	KTEST_EXPECT_EQ(test, mmap_base(5 * PAGE_SIZE, TASK_SIZE, &r),
			TASK_SIZE - (1UL << 30) - guard - 5 * PAGE_SIZE);
	/* no limit: 5/6 of user space, without wrapping */
	r.rlim_cur = RLIM_INFINITY;
	KTEST_EXPECT_EQ(test, mmap_base(0, TASK_SIZE, &r),
			PAGE_ALIGN(TASK_SIZE - TASK_SIZE / 6 * 5));
	/* randomising, the gap leaves room for the stack top's move */
	randomizing(true);
	r.rlim_cur = 1UL << 30;
	KTEST_EXPECT_EQ(test, mmap_base(0, TASK_SIZE, &r),
			TASK_SIZE - (1UL << 30) - guard - STACK_RND_MAX);
}

static void pick_mmap_layout_randomises_only_with_pf_randomize(struct ktest *test)
{
	struct rlimit r = { _STK_LIM, RLIM_INFINITY };
	struct mm_struct a = { }, b = { };
	unsigned long top = TASK_SIZE - SZ_128M;	/* + stack pad < 128 MiB */
	int tries;

	randomizing(false);
	arch_pick_mmap_layout(&a, &r);
	KTEST_EXPECT_EQ(test, a.task_size, TASK_SIZE);
	KTEST_EXPECT_EQ(test, a.mmap_base, top);
	randomizing(true);
	for (tries = 0; tries < 3; tries++) {
		arch_pick_mmap_layout(&a, &r);
		arch_pick_mmap_layout(&b, &r);
		if (a.mmap_base != b.mmap_base)
			break;
	}
	KTEST_EXPECT_LT(test, tries, 3);
	KTEST_EXPECT_EQ(test, a.mmap_base & ~PAGE_MASK, 0UL);
	/* Randomising, the gap also holds the stack top's random pad (16 GiB). */
	top = mmap_base(0, TASK_SIZE, &r);
	KTEST_EXPECT_LE(test, a.mmap_base, top);
	KTEST_EXPECT_GT(test, a.mmap_base, top - (1UL << (MMAP_RND_BITS + PAGE_SHIFT)));
}

static void stack_top_moves_down_at_most_16g(struct ktest *test)
{
	unsigned long t1, t2;
	int tries;

	randomizing(false);
	KTEST_EXPECT_EQ(test, randomize_stack_top(STACK_TOP), STACK_TOP);
	KTEST_EXPECT_EQ(test, randomize_stack_top(STACK_TOP - 10), STACK_TOP);
	randomizing(true);
	for (tries = 0; tries < 3; tries++) {
		t1 = randomize_stack_top(STACK_TOP);
		t2 = randomize_stack_top(STACK_TOP);
		if (t1 != t2)
			break;
	}
	KTEST_EXPECT_LT(test, tries, 3);
	KTEST_EXPECT_EQ(test, t1 & ~PAGE_MASK, 0UL);
	KTEST_EXPECT_LE(test, t1, STACK_TOP);
	KTEST_EXPECT_GE(test, t1, STACK_TOP - STACK_RND_MAX);
}

static void randomize_page_stays_in_its_range(struct ktest *test)
{
	unsigned long a;
	int i;

	KTEST_EXPECT_EQ(test, randomize_page(0x10000, PAGE_SIZE - 1), 0x10000UL);
	KTEST_EXPECT_EQ(test, randomize_page(0x10001, PAGE_SIZE), 0x11000UL);
	for (i = 0; i < 100; i++) {
		a = randomize_page(0x10001, 5 * PAGE_SIZE);
		KTEST_EXPECT_EQ(test, a & ~PAGE_MASK, 0UL);
		KTEST_EXPECT_GE(test, a, 0x11000UL);
		KTEST_EXPECT_LT(test, a, 0x15000UL);
	}
	/* near the top of the address space the range is cut, not wrapped */
	a = randomize_page(-2 * PAGE_SIZE, 16 * PAGE_SIZE);
	KTEST_EXPECT_GE(test, a, -2 * PAGE_SIZE);
}

static void brk_and_stack_alignment_are_random_within_bounds(struct ktest *test)
{
	struct mm_struct mm = { .brk = 0x600000 };
	unsigned long b, sp;
	int i;

	for (i = 0; i < 50; i++) {
		b = arch_randomize_brk(&mm);
		KTEST_EXPECT_EQ(test, b & ~PAGE_MASK, 0UL);
		KTEST_EXPECT_GE(test, b, mm.brk);
		KTEST_EXPECT_LT(test, b, mm.brk + BRK_RND_RANGE);
	}
	randomizing(false);
	KTEST_EXPECT_EQ(test, arch_align_stack(0x7fff0000123fUL), 0x7fff00001230UL);
	randomizing(true);
	for (i = 0; i < 50; i++) {
		sp = arch_align_stack(0x7fff00010000UL);
		KTEST_EXPECT_EQ(test, sp & 0xf, 0UL);
		KTEST_EXPECT_GT(test, sp, 0x7fff00010000UL - 8192 - 16);
	}
	randomize_va_space = 0;
	KTEST_EXPECT_EQ(test, arch_align_stack(0x7fff0000123fUL), 0x7fff00001230UL);
}

static void randomize_va_space_sysctl_reads_and_writes(struct ktest *test)
{
	static const char path[] = "/proc/sys/kernel/randomize_va_space";
	char buf[16] = "";

	randomize_va_space = 2;
	KTEST_ASSERT_EQ(test, vt_read_file(path, buf, sizeof(buf)), 2L);
	KTEST_EXPECT_STREQ(test, buf, "2\n");
	KTEST_EXPECT_EQ(test, vt_write_file(path, "0\n"), 2L);
	KTEST_EXPECT_EQ(test, randomize_va_space, 0);
	KTEST_EXPECT_EQ(test, vt_write_file(path, "x"), (long)-EINVAL);
	KTEST_EXPECT_EQ(test, randomize_va_space, 0);
}

static struct ktest_case exec_layout_cases[] = {
	KTEST_CASE(mmap_base_gap_is_the_stack_limit_clamped),
	KTEST_CASE(pick_mmap_layout_randomises_only_with_pf_randomize),
	KTEST_CASE(stack_top_moves_down_at_most_16g),
	KTEST_CASE(randomize_page_stays_in_its_range),
	KTEST_CASE(brk_and_stack_alignment_are_random_within_bounds),
	KTEST_CASE(randomize_va_space_sysctl_reads_and_writes),
	{}
};

static struct ktest_suite exec_layout_suite = {
	.name = "exec_layout",
	.init = layout_init,
	.exit = layout_exit,
	.test_cases = exec_layout_cases,
};
ktest_register_suite(exec_layout_suite);

/* ---- exec ----------------------------------------------------------------- */

#define PROG_BASE	0x400000UL
#define CODE_OFF	0x1000UL
#define DATA_OFF	0x2000UL
#define DATA_FILESZ	0x100UL
#define DATA_MEMSZ	0x3000UL
#define INTERP_OFF	0x200UL
#define IMAGE_SIZE	(DATA_OFF + PAGE_SIZE)	/* 0x5a past p_filesz too: padzero() must clear it */
#define MAX_VMAS	12
#define MAX_AUXV	32

/* exit(42) */
static const u8 code_exit42[] = {
	0xbf, 0x2a, 0x00, 0x00, 0x00,		/* mov $42, %edi */
	0xb8, 0x3c, 0x00, 0x00, 0x00,		/* mov $60, %eax (exit) */
	0x0f, 0x05,				/* syscall */
};

/* exit(7): the interpreter's code */
static const u8 code_exit7[] = {
	0xbf, 0x07, 0x00, 0x00, 0x00, 0xb8, 0x3c, 0x00, 0x00, 0x00, 0x0f, 0x05,
};

/* exit(-execve(path, NULL, NULL)), path right after the code: the old image survives. */
#define EXECVE_THEN_EXIT(...)						\
	0x48, 0x8d, 0x3d, 0x16, 0x00, 0x00, 0x00, /* lea path(%rip), %rdi */	\
	0x31, 0xf6,				/* xor %esi, %esi */		\
	0x31, 0xd2,				/* xor %edx, %edx */		\
	0xb8, 0x3b, 0x00, 0x00, 0x00,		/* mov $59, %eax (execve) */	\
	0x0f, 0x05,				/* syscall */			\
	0xf7, 0xd8,				/* neg %eax */			\
	0x89, 0xc7,				/* mov %eax, %edi */		\
	0xb8, 0x3c, 0x00, 0x00, 0x00,		/* mov $60, %eax (exit) */	\
	0x0f, 0x05,				/* syscall */			\
	__VA_ARGS__
static const u8 code_execve_bad[] = { EXECVE_THEN_EXIT('/', 'v', 't', '/', 'b', 'a', 'd', 0) };
static const u8 code_execve_exit42[] = { EXECVE_THEN_EXIT('/', 'v', 't', '/', 'e', '4', '2', 0) };

struct image_spec {
	u16 type;			/* ET_EXEC or ET_DYN */
	const u8 *code;
	size_t code_len;
	const char *interp;		/* PT_INTERP, or NULL */
	u32 stack_flags;		/* PT_GNU_STACK's p_flags */
};

/* Build @spec's image into @buf (IMAGE_SIZE bytes); return its header for spoiling. */
static Elf64_Ehdr *image_build(u8 *buf, const struct image_spec *spec)
{
	unsigned long base = spec->type == ET_EXEC ? PROG_BASE : 0;
	Elf64_Ehdr *eh = (Elf64_Ehdr *)buf;
	Elf64_Phdr *ph = (Elf64_Phdr *)(buf + sizeof(*eh));

	memset(buf, 0, IMAGE_SIZE);
	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	eh->e_type = spec->type;
	eh->e_machine = EM_X86_64;
	eh->e_version = EV_CURRENT;
	eh->e_entry = base + CODE_OFF;
	eh->e_phoff = sizeof(*eh);
	eh->e_ehsize = sizeof(*eh);
	eh->e_phentsize = sizeof(*ph);
	ph[0] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_vaddr = base,
			      .p_filesz = CODE_OFF + spec->code_len,
			      .p_memsz = CODE_OFF + spec->code_len, .p_align = PAGE_SIZE };
	ph[1] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_W, .p_offset = DATA_OFF,
			      .p_vaddr = base + DATA_OFF, .p_filesz = DATA_FILESZ,
			      .p_memsz = DATA_MEMSZ, .p_align = PAGE_SIZE };
	ph[2] = (Elf64_Phdr){ .p_type = PT_GNU_STACK, .p_flags = spec->stack_flags };
	eh->e_phnum = 3;
	if (spec->interp) {
		ph[3] = (Elf64_Phdr){ .p_type = PT_INTERP, .p_offset = INTERP_OFF,
				      .p_filesz = strlen(spec->interp) + 1 };
		strscpy((char *)buf + INTERP_OFF, spec->interp, 256);
		eh->e_phnum = 4;
	}
	memcpy(buf + CODE_OFF, spec->code, spec->code_len);
	memset(buf + DATA_OFF, 0x5a, PAGE_SIZE);
	return eh;
}

static int write_image(const char *path, const void *buf, size_t len, umode_t mode)
{
	struct file *f = filp_open(path, O_CREAT | O_TRUNC | O_WRONLY, mode);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, buf, len, &pos);
	filp_close(f, NULL);
	return n == (ssize_t)len ? 0 : -EIO;
}

/* Build and write @spec's image at @path (mode 0755). */
static int make_program(const char *path, const struct image_spec *spec)
{
	u8 *buf = kmalloc(IMAGE_SIZE, GFP_KERNEL);
	int err;

	if (!buf)
		return -ENOMEM;
	image_build(buf, spec);
	err = write_image(path, buf, IMAGE_SIZE, 0755);
	kfree(buf);
	return err;
}

static const struct image_spec prog_exit42 = {
	.type = ET_EXEC, .code = code_exit42, .code_len = sizeof(code_exit42),
	.stack_flags = PF_R | PF_W,
};

struct vma_rec {
	unsigned long start, end, flags;
	bool file;
};

/* What a kthread saw of its new image before it returned into it. */
struct exec_run {
	const char *path;
	const char *const *argv;
	const char *const *envp;
	int err;			/* kernel_execve()'s */
	long fail_slab_at, fail_pages_at;	/* > 0: one allocation fails after that many bytes */
	bool still_kthread;		/* after a failure: no mm, the same comm */
	unsigned long sp, argc, auxv[MAX_AUXV][2];
	char strings[256];		/* argv then envp strings, NULs kept */
	size_t strings_len;
	bool argv_ptrs_ok;		/* argv[i], envp[i] point at arg_start.., NULLs after */
	u8 random[16];
	char execfn[32], platform[16];
	unsigned char data[2];		/* the data segment's first byte, the bss's first */
	unsigned long bss_last;		/* a long from the last bss page */
	int nr_vmas;
	struct vma_rec vmas[MAX_VMAS];
	int sp_pte_exec;		/* the pte of the strings' page: executable? -1: none */
	unsigned long start_code, start_brk, mmap_base, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
};

static unsigned long auxv_get(const struct exec_run *r, unsigned long type)
{
	int i;

	for (i = 0; i < MAX_AUXV && r->auxv[i][0] != AT_NULL; i++)
		if (r->auxv[i][0] == type)
			return r->auxv[i][1];
	return ~0UL;	/* absent */
}

/* Is the pte of @addr in @mm executable (1), not (0), or absent (-1)? */
static int pte_exec_of(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	p4d_t *p4d = p4d_offset(pgd, addr);
	pud_t *pud;
	pmd_t *pmd;
	pte_t pte;

	if (p4d_none(p4dp_get(p4d)))
		return -1;
	pud = pud_offset(p4d, addr);
	if (pud_none(pudp_get(pud)))
		return -1;
	pmd = pmd_offset(pud, addr);
	if (pmd_none(pmdp_get(pmd)))
		return -1;
	pte = ptep_get(pte_offset_kernel(pmd, addr));
	return pte_present(pte) ? pte_exec(pte) : -1;
}

static void record_vmas(struct exec_run *r, struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	mmap_read_lock(mm);
	r->sp_pte_exec = pte_exec_of(mm, mm->arg_start);
	for (vma = mm->mmap; vma && r->nr_vmas < MAX_VMAS; vma = vma->vm_next)
		r->vmas[r->nr_vmas++] = (struct vma_rec){ vma->vm_start, vma->vm_end,
							  vma->vm_flags, vma->vm_file };
	r->start_code = mm->start_code;
	r->start_brk = mm->start_brk;
	r->mmap_base = mm->mmap_base;
	r->start_stack = mm->start_stack;
	r->arg_start = mm->arg_start;
	r->arg_end = mm->arg_end;
	r->env_start = mm->env_start;
	r->env_end = mm->env_end;
	mmap_read_unlock(mm);
}

/* Read argc, argv, envp and auxv from the new stack, as the program will. */
static void record_stack(struct exec_run *r)
{
	unsigned long __user *sp = (unsigned long __user *)task_pt_regs(current)->sp;
	unsigned long p, want, i, n;

	r->sp = (unsigned long)sp;
	if (get_user(r->argc, sp++))
		return;
	r->argv_ptrs_ok = true;
	want = r->arg_start;
	for (n = 0; n < 2; n++) {	/* argv, then envp */
		for (;;) {
			if (get_user(p, sp++)) {
				r->argv_ptrs_ok = false;
				return;
			}
			if (!p)
				break;
			if (p != want)
				r->argv_ptrs_ok = false;
			want += strnlen_user((const char __user *)p, 4096);
		}
	}
	for (i = 0; i < MAX_AUXV; i++, sp += 2)
		if (copy_from_user(r->auxv[i], sp, sizeof(r->auxv[i])) || r->auxv[i][0] == AT_NULL)
			break;
	r->strings_len = min(r->env_end - r->arg_start, sizeof(r->strings));
	if (copy_from_user(r->strings, (void __user *)r->arg_start, r->strings_len))
		r->strings_len = 0;
	if (auxv_get(r, AT_RANDOM) != ~0UL &&
	    copy_from_user(r->random, (void __user *)auxv_get(r, AT_RANDOM), 16))
		memset(r->random, 0, 16);
	if (strncpy_from_user(r->execfn, (void __user *)auxv_get(r, AT_EXECFN),
			      sizeof(r->execfn)) < 0)
		r->execfn[0] = 0;
	if (strncpy_from_user(r->platform, (void __user *)auxv_get(r, AT_PLATFORM),
			      sizeof(r->platform)) < 0)
		r->platform[0] = 0;
}

static int exec_thread(void *arg)
{
	struct exec_run *r = arg;
	char comm[TASK_COMM_LEN];
	unsigned long bss;

	memcpy(comm, current->comm, sizeof(comm));
	if (r->fail_slab_at) {
		fail_slab_always(r->fail_slab_at);
		failslab.attr.times = 1;
	}
	if (r->fail_pages_at) {
		fail_pages_always(r->fail_pages_at, 0);
		fail_page_alloc.attr.times = 1;
	}
	r->err = kernel_execve(r->path, r->argv, r->envp);
	failslab_enabled = false;
	fail_page_alloc_enabled = false;
	if (r->err) {
		r->still_kthread = !current->mm && !strcmp(comm, current->comm);
		return r->err;
	}
	record_vmas(r, current->mm);
	record_stack(r);
	bss = r->start_code == PROG_BASE ? PROG_BASE + DATA_OFF : 0;
	if (bss && (copy_from_user(&r->data[0], (void __user *)bss, 1) ||
		    copy_from_user(&r->data[1], (void __user *)(bss + DATA_FILESZ), 1) ||
		    copy_from_user(&r->bss_last, (void __user *)(bss + DATA_MEMSZ - 8), 8)))
		r->data[0] = 0;
	return 0;	/* into the program */
}

/* Run @r in a new kthread; return its exit code. */
static int exec_run(struct ktest *test, struct exec_run *r)
{
	struct task_struct *k = kthread_create(exec_thread, r, "exec-test");

	if (!k) {
		KTEST_FAIL(test, "kthread_create() failed");
		return -1;
	}
	wake_up_process(k);
	wait_for_completion(&k->exited);
	return kthread_stop(k);
}

static const char *const no_strings[] = { NULL };

struct exec_baseline {
	struct vfs_counts vfs;
	unsigned long mms, vmas, stack_kb;
};

static struct exec_baseline exec_base;

static int exec_init(struct ktest *test)
{
	int err = vfs_suite_init(test);

	if (err)
		return err;
	exec_base.stack_kb = kernel_stack_kb();
	exec_base.mms = objects_in_use(mm_cachep);
	exec_base.vmas = objects_in_use(vm_area_cachep);
	return 0;
}

static void exec_exit(struct ktest *test)
{
	KTEST_EXPECT_TRUE(test, wait_for_stacks_freed(exec_base.stack_kb));
	KTEST_EXPECT_EQ(test, objects_in_use(mm_cachep), exec_base.mms);
	KTEST_EXPECT_EQ(test, objects_in_use(vm_area_cachep), exec_base.vmas);
	vfs_suite_exit(test);
}

static void static_program_runs_and_exits_with_its_code(struct ktest *test)
{
	static const char *const argv[] = { "/vt/e42", NULL };
	struct exec_run r = { .path = "/vt/e42", .argv = argv, .envp = no_strings };
	unsigned long i, stack_end = 0;

	KTEST_ASSERT_EQ(test, make_program("/vt/e42", &prog_exit42), 0);
	KTEST_EXPECT_EQ(test, exec_run(test, &r), 42 << 8);
	KTEST_ASSERT_EQ(test, r.err, 0);
	/* text, data (file), bss (anonymous), stack */
	KTEST_ASSERT_EQ(test, r.nr_vmas, 4);
	KTEST_EXPECT_EQ(test, r.vmas[0].start, PROG_BASE);
	KTEST_EXPECT_EQ(test, r.vmas[0].end, PROG_BASE + 2 * PAGE_SIZE);
	KTEST_EXPECT_EQ(test, r.vmas[0].flags & (VM_READ | VM_WRITE | VM_EXEC), VM_READ | VM_EXEC);
	KTEST_EXPECT_TRUE(test, r.vmas[0].file);
	KTEST_EXPECT_EQ(test, r.vmas[1].start, PROG_BASE + DATA_OFF);
	KTEST_EXPECT_EQ(test, r.vmas[1].end, PROG_BASE + DATA_OFF + PAGE_SIZE);
	KTEST_EXPECT_EQ(test, r.vmas[1].flags & (VM_READ | VM_WRITE | VM_EXEC), VM_READ | VM_WRITE);
	KTEST_EXPECT_TRUE(test, r.vmas[1].file);
	KTEST_EXPECT_EQ(test, r.vmas[2].start, PROG_BASE + DATA_OFF + PAGE_SIZE);
	KTEST_EXPECT_EQ(test, r.vmas[2].end, PROG_BASE + DATA_OFF + DATA_MEMSZ);
	KTEST_EXPECT_FALSE(test, r.vmas[2].file);
	KTEST_EXPECT_EQ(test, r.vmas[3].flags & (VM_READ | VM_WRITE | VM_EXEC | VM_GROWSDOWN),
			VM_READ | VM_WRITE | VM_GROWSDOWN);
	KTEST_EXPECT_EQ(test, r.sp_pte_exec, 0);
	stack_end = r.vmas[3].end;
	KTEST_EXPECT_GE(test, r.vmas[3].end - r.vmas[3].start, 128UL << 10);
	KTEST_EXPECT_LE(test, stack_end, STACK_TOP);
	KTEST_EXPECT_GT(test, stack_end, STACK_TOP - (STACK_RND_MASK << PAGE_SHIFT) - PAGE_SIZE);
	KTEST_EXPECT_LT(test, r.vmas[3].start, r.start_stack);
	KTEST_EXPECT_EQ(test, r.start_stack, r.sp);
	/* the data is the file's, its page's tail and the bss are zero */
	KTEST_EXPECT_EQ(test, r.data[0], 0x5a);
	KTEST_EXPECT_EQ(test, r.data[1], 0);
	KTEST_EXPECT_EQ(test, r.bss_last, 0UL);
	/* brk after the bss, up to 32 MiB further with randomize_va_space 2 */
	KTEST_EXPECT_GE(test, r.start_brk, PROG_BASE + DATA_OFF + DATA_MEMSZ);
	KTEST_EXPECT_LT(test, r.start_brk, PROG_BASE + DATA_OFF + DATA_MEMSZ + BRK_RND_RANGE);
	for (i = 0; i + 1 < (unsigned long)r.nr_vmas; i++)
		KTEST_EXPECT_LE(test, r.vmas[i].end, r.vmas[i + 1].start);
	KTEST_EXPECT_LT(test, r.vmas[2].end, r.mmap_base);
}

static void stack_is_drawn_as_the_psabi_says(struct ktest *test)
{
	static const char *const argv[] = { "/vt/e42", "a1", "a22", NULL };
	static const char *const envp[] = { "E=1", "F=22", NULL };
	static const char strings[] = "/vt/e42\0a1\0a22\0E=1\0F=22";
	struct exec_run r = { .path = "/vt/e42", .argv = argv, .envp = envp };
	struct exec_run r2 = { .path = "/vt/e42", .argv = argv, .envp = envp };
	u32 a, b, c, d;

	KTEST_ASSERT_EQ(test, make_program("/vt/e42", &prog_exit42), 0);
	KTEST_EXPECT_EQ(test, exec_run(test, &r), 42 << 8);
	KTEST_ASSERT_EQ(test, r.err, 0);
	KTEST_EXPECT_EQ(test, r.sp & 0xf, 0UL);
	KTEST_EXPECT_EQ(test, r.argc, 3UL);
	KTEST_EXPECT_TRUE(test, r.argv_ptrs_ok);
	KTEST_EXPECT_EQ(test, r.strings_len, sizeof(strings));
	KTEST_EXPECT_EQ(test, memcmp(r.strings, strings, sizeof(strings)), 0);
	KTEST_EXPECT_EQ(test, r.arg_end - r.arg_start, 15UL);
	KTEST_EXPECT_EQ(test, r.env_start, r.arg_end);
	KTEST_EXPECT_EQ(test, r.env_end - r.env_start, 9UL);
	cpuid(1, &a, &b, &c, &d);
	KTEST_EXPECT_EQ(test, auxv_get(&r, AT_HWCAP), (unsigned long)d);
	KTEST_EXPECT_EQ(test, auxv_get(&r, AT_PAGESZ), PAGE_SIZE);
	KTEST_EXPECT_EQ(test, auxv_get(&r, AT_CLKTCK), 100UL);
	KTEST_EXPECT_EQ(test, auxv_get(&r, AT_PHDR), PROG_BASE + sizeof(Elf64_Ehdr));
	KTEST_EXPECT_EQ(test, auxv_get(&r, AT_PHENT), sizeof(Elf64_Phdr));
	KTEST_EXPECT_EQ(test, auxv_get(&r, AT_PHNUM), 3UL);
	KTEST_EXPECT_EQ(test, auxv_get(&r, AT_BASE), 0UL);
	KTEST_EXPECT_EQ(test, auxv_get(&r, AT_FLAGS), 0UL);
	KTEST_EXPECT_EQ(test, auxv_get(&r, AT_ENTRY), PROG_BASE + CODE_OFF);
	KTEST_EXPECT_EQ(test, auxv_get(&r, AT_UID), 0UL);
	KTEST_EXPECT_EQ(test, auxv_get(&r, AT_EUID), 0UL);
	KTEST_EXPECT_EQ(test, auxv_get(&r, AT_GID), 0UL);
	KTEST_EXPECT_EQ(test, auxv_get(&r, AT_EGID), 0UL);
	KTEST_EXPECT_EQ(test, auxv_get(&r, AT_SECURE), 0UL);
	KTEST_EXPECT_NE(test, auxv_get(&r, AT_MINSIGSTKSZ), ~0UL);
	KTEST_EXPECT_NE(test, auxv_get(&r, AT_HWCAP2), ~0UL);
	KTEST_EXPECT_EQ(test, auxv_get(&r, 33 /* AT_SYSINFO_EHDR */), ~0UL);
	KTEST_EXPECT_STREQ(test, r.execfn, "/vt/e42");
	KTEST_EXPECT_STREQ(test, r.platform, "x86_64");
	/* AT_RANDOM: 16 bytes above rsp, below the strings, new each exec */
	KTEST_EXPECT_GT(test, auxv_get(&r, AT_RANDOM), r.sp);
	KTEST_EXPECT_LT(test, auxv_get(&r, AT_RANDOM), r.arg_start);
	KTEST_EXPECT_EQ(test, exec_run(test, &r2), 42 << 8);
	KTEST_EXPECT_NE(test, memcmp(r.random, r2.random, 16), 0);
}

/* Bad programs: the error, and the kthread that asked is as it was. */
static void expect_exec_error(struct ktest *test, const char *path, int err)
{
	static const char *const argv[] = { "x", NULL };
	struct exec_run r = { .path = path, .argv = argv, .envp = no_strings };

	KTEST_EXPECT_EQ(test, exec_run(test, &r), err);
	KTEST_EXPECT_EQ(test, r.err, err);
	KTEST_EXPECT_TRUE(test, r.still_kthread);
}

/* A program whose segments fail their checks: the exec'ing task dies (SIGSEGV). */
static void expect_exec_killed(struct ktest *test, const char *path)
{
	static const char *const argv[] = { "x", NULL };
	struct exec_run r = { .path = path, .argv = argv, .envp = no_strings };

	KTEST_EXPECT_EQ(test, exec_run(test, &r), SIGSEGV);
	KTEST_EXPECT_EQ(test, r.nr_vmas, 0);	/* never reached its image */
}

/* Write @spec's image spoiled by @spoil at @path. */
static int make_spoiled(const char *path, const struct image_spec *spec,
			void (*spoil)(Elf64_Ehdr *eh, Elf64_Phdr *ph))
{
	u8 *buf = kmalloc(IMAGE_SIZE, GFP_KERNEL);
	Elf64_Ehdr *eh;
	int err;

	if (!buf)
		return -ENOMEM;
	eh = image_build(buf, spec);
	spoil(eh, (Elf64_Phdr *)(buf + eh->e_phoff));
	err = write_image(path, buf, IMAGE_SIZE, 0755);
	kfree(buf);
	return err;
}

static void spoil_magic(Elf64_Ehdr *eh, Elf64_Phdr *ph) { eh->e_ident[1] = 'X'; }
static void spoil_phentsize(Elf64_Ehdr *eh, Elf64_Phdr *ph) { eh->e_phentsize = 32; }
static void spoil_overlap(Elf64_Ehdr *eh, Elf64_Phdr *ph) { ph[1].p_vaddr = PROG_BASE + 0x800; }
static void spoil_filesz(Elf64_Ehdr *eh, Elf64_Phdr *ph) { ph[1].p_filesz = DATA_MEMSZ + 1; }

static void malformed_programs_fail_and_the_caller_survives_until_the_point_of_no_return(struct ktest *test)
{
	static const struct image_spec ld_interp = {
		.type = ET_DYN, .code = code_exit7, .code_len = sizeof(code_exit7),
		.interp = "/vt/ld", .stack_flags = PF_R | PF_W,
	};
	static const struct image_spec uses_missing = {
		.type = ET_EXEC, .code = code_exit42, .code_len = sizeof(code_exit42),
		.interp = "/vt/none", .stack_flags = PF_R | PF_W,
	};
	static const struct image_spec uses_ld = {
		.type = ET_EXEC, .code = code_exit42, .code_len = sizeof(code_exit42),
		.interp = "/vt/ld", .stack_flags = PF_R | PF_W,
	};
	u8 *buf;

	KTEST_ASSERT_EQ(test, make_spoiled("/vt/magic", &prog_exit42, spoil_magic), 0);
	KTEST_ASSERT_EQ(test, make_spoiled("/vt/phent", &prog_exit42, spoil_phentsize), 0);
	KTEST_ASSERT_EQ(test, make_spoiled("/vt/overlap", &prog_exit42, spoil_overlap), 0);
	KTEST_ASSERT_EQ(test, make_spoiled("/vt/filesz", &prog_exit42, spoil_filesz), 0);
	KTEST_ASSERT_EQ(test, make_program("/vt/ld", &ld_interp), 0);
	KTEST_ASSERT_EQ(test, make_program("/vt/needs-none", &uses_missing), 0);
	KTEST_ASSERT_EQ(test, make_program("/vt/needs-ld", &uses_ld), 0);
	buf = kzalloc(IMAGE_SIZE, GFP_KERNEL);
	KTEST_ASSERT_TRUE(test, buf);
	image_build(buf, &prog_exit42);
	KTEST_EXPECT_EQ(test, write_image("/vt/short", buf, 100, 0755), 0);
	KTEST_EXPECT_EQ(test, write_image("/vt/noexec", buf, IMAGE_SIZE, 0644), 0);
	kfree(buf);
	KTEST_EXPECT_EQ(test, init_mkdir("/vt/dir", 0755), 0);

	expect_exec_error(test, "/vt/magic", -ENOEXEC);
	expect_exec_error(test, "/vt/phent", -ENOEXEC);
	expect_exec_error(test, "/vt/short", -ENOEXEC);	/* headers past the end */
	/* Segments that cannot be mapped: past the point of no return, as Linux */
	expect_exec_killed(test, "/vt/overlap");
	expect_exec_killed(test, "/vt/filesz");
	expect_exec_error(test, "/vt/noexec", -EACCES);
	expect_exec_error(test, "/vt/dir", -EACCES);
	expect_exec_error(test, "/vt/missing", -ENOENT);
	expect_exec_error(test, "/vt/needs-none", -ENOENT);
	expect_exec_error(test, "/vt/needs-ld", -ELIBBAD);	/* an interpreted interpreter */
}

static void e2big_for_a_long_string_or_too_many_bytes(struct ktest *test)
{
	struct rlimit *stack = &current->signal->rlim[RLIMIT_STACK], saved = *stack;
	const char *argv[3] = { "/vt/e42", NULL, NULL };
	struct exec_run r = { .path = "/vt/e42", .argv = argv, .envp = no_strings };
	char *s = kmalloc(MAX_ARG_STRLEN + 1, GFP_KERNEL);

	KTEST_ASSERT_TRUE(test, s);
	KTEST_ASSERT_EQ(test, make_program("/vt/e42", &prog_exit42), 0);
	memset(s, 'x', MAX_ARG_STRLEN);
	s[MAX_ARG_STRLEN] = 0;
	argv[1] = s;			/* MAX_ARG_STRLEN + its NUL: one byte too long */
	KTEST_EXPECT_EQ(test, exec_run(test, &r), -E2BIG);
	KTEST_EXPECT_TRUE(test, r.still_kthread);
	s[MAX_ARG_STRLEN - 1] = 0;	/* exactly MAX_ARG_STRLEN: fine */
	KTEST_EXPECT_EQ(test, exec_run(test, &r), 42 << 8);
	/*
	 * A 256 KiB stack limit leaves ARG_MAX (128 KiB) for the strings and
	 * pointers: 2 pointers (16 bytes), the name twice (16), and a string
	 * of ARG_MAX - 32 bytes with its NUL fits exactly; one more does not.
	 */
	stack->rlim_cur = 256UL << 10;
	memset(s, 'x', ARG_MAX);
	s[ARG_MAX - 31] = 0;
	KTEST_EXPECT_EQ(test, exec_run(test, &r), -E2BIG);
	s[ARG_MAX - 31] = 'x';
	s[ARG_MAX - 33] = 0;
	KTEST_EXPECT_EQ(test, exec_run(test, &r), 42 << 8);
	*stack = saved;
	kfree(s);
}

static void a_user_program_survives_a_failed_execve_and_can_exec_again(struct ktest *test)
{
	static const struct image_spec bad_then_exit = {
		.type = ET_EXEC, .code = code_execve_bad, .code_len = sizeof(code_execve_bad),
		.stack_flags = PF_R | PF_W,
	};
	static const struct image_spec exec_e42 = {
		.type = ET_EXEC, .code = code_execve_exit42, .code_len = sizeof(code_execve_exit42),
		.stack_flags = PF_R | PF_W,
	};
	static const char *const argv[] = { "p", NULL };
	struct exec_run r = { .path = "/vt/p", .argv = argv, .envp = no_strings };

	KTEST_ASSERT_EQ(test, make_spoiled("/vt/bad", &prog_exit42, spoil_magic), 0);
	KTEST_ASSERT_EQ(test, make_program("/vt/e42", &prog_exit42), 0);
	KTEST_ASSERT_EQ(test, make_program("/vt/p", &bad_then_exit), 0);
	KTEST_EXPECT_EQ(test, exec_run(test, &r), ENOEXEC << 8);
	KTEST_ASSERT_EQ(test, make_program("/vt/p", &exec_e42), 0);
	KTEST_EXPECT_EQ(test, exec_run(test, &r), 42 << 8);
}

/* Where the static-PIE program went, in @runs execs. */
static void pie_starts(struct ktest *test, unsigned long *starts, int runs)
{
	static const char *const argv[] = { "pie", NULL };
	int i;

	for (i = 0; i < runs; i++) {
		struct exec_run r = { .path = "/vt/pie", .argv = argv, .envp = no_strings };

		KTEST_EXPECT_EQ(test, exec_run(test, &r), 42 << 8);
		starts[i] = r.start_code;
		KTEST_EXPECT_EQ(test, auxv_get(&r, AT_ENTRY), r.start_code + CODE_OFF);
		KTEST_EXPECT_EQ(test, auxv_get(&r, AT_PHDR), r.start_code + sizeof(Elf64_Ehdr));
	}
}

static void static_pie_loads_at_a_random_base_unless_randomize_va_space_is_0(struct ktest *test)
{
	static const struct image_spec pie = {
		.type = ET_DYN, .code = code_exit42, .code_len = sizeof(code_exit42),
		.stack_flags = PF_R | PF_W,
	};
	int saved = randomize_va_space;
	unsigned long s[3];

	KTEST_ASSERT_EQ(test, make_program("/vt/pie", &pie), 0);
	randomize_va_space = 2;
	pie_starts(test, s, 3);
	KTEST_EXPECT_TRUE(test, s[0] != s[1] || s[1] != s[2]);
	KTEST_EXPECT_GE(test, s[0], ELF_ET_DYN_BASE & PAGE_MASK);
	KTEST_EXPECT_LT(test, s[0], ELF_ET_DYN_BASE + (1UL << (MMAP_RND_BITS + PAGE_SHIFT)));
	randomize_va_space = 0;
	pie_starts(test, s, 2);
	KTEST_EXPECT_EQ(test, s[0], s[1]);
	KTEST_EXPECT_EQ(test, s[0], ELF_ET_DYN_BASE & PAGE_MASK);
	randomize_va_space = saved;
}

static void interpreter_is_mapped_beside_the_program_and_runs_first(struct ktest *test)
{
	static const struct image_spec ld = {
		.type = ET_DYN, .code = code_exit7, .code_len = sizeof(code_exit7),
		.stack_flags = PF_R | PF_W,
	};
	static const struct image_spec prog = {
		.type = ET_EXEC, .code = code_exit42, .code_len = sizeof(code_exit42),
		.interp = "/vt/ld", .stack_flags = PF_R | PF_W,
	};
	static const char *const argv[] = { "prog", NULL };
	struct exec_run r = { .path = "/vt/prog", .argv = argv, .envp = no_strings };
	unsigned long base;
	int i, found = -1;

	KTEST_ASSERT_EQ(test, make_program("/vt/ld", &ld), 0);
	KTEST_ASSERT_EQ(test, make_program("/vt/prog", &prog), 0);
	KTEST_EXPECT_EQ(test, exec_run(test, &r), 7 << 8);	/* the interpreter's exit */
	KTEST_ASSERT_EQ(test, r.err, 0);
	base = auxv_get(&r, AT_BASE);
	KTEST_EXPECT_EQ(test, auxv_get(&r, AT_ENTRY), PROG_BASE + CODE_OFF);
	KTEST_EXPECT_EQ(test, auxv_get(&r, AT_PHNUM), 4UL);
	KTEST_EXPECT_EQ(test, base & ~PAGE_MASK, 0UL);
	KTEST_EXPECT_LT(test, base, r.mmap_base);
	KTEST_EXPECT_GT(test, base, PROG_BASE + DATA_OFF + DATA_MEMSZ);
	for (i = 0; i < r.nr_vmas; i++)
		if (r.vmas[i].start == base)
			found = i;
	KTEST_ASSERT_GE(test, found, 0);
	KTEST_EXPECT_TRUE(test, r.vmas[found].file);
	KTEST_EXPECT_TRUE(test, r.vmas[found].flags & VM_EXEC);
	KTEST_EXPECT_EQ(test, r.vmas[0].start, PROG_BASE);
}

static void executable_stack_follows_pt_gnu_stack(struct ktest *test)
{
	static const struct image_spec xstack = {
		.type = ET_EXEC, .code = code_exit42, .code_len = sizeof(code_exit42),
		.stack_flags = PF_R | PF_W | PF_X,
	};
	static const char *const argv[] = { "x", NULL };
	struct exec_run r = { .path = "/vt/x", .argv = argv, .envp = no_strings };

	KTEST_ASSERT_EQ(test, make_program("/vt/x", &xstack), 0);
	KTEST_EXPECT_EQ(test, exec_run(test, &r), 42 << 8);
	KTEST_ASSERT_GT(test, r.nr_vmas, 0);
	KTEST_EXPECT_TRUE(test, r.vmas[r.nr_vmas - 1].flags & VM_EXEC);
	KTEST_EXPECT_TRUE(test, r.vmas[r.nr_vmas - 1].flags & VM_GROWSDOWN);
	/* the page written before the flags were known is executable too */
	KTEST_EXPECT_EQ(test, r.sp_pte_exec, 1);
}

/*
 * One slab or page allocation of the exec failing, at each point in turn:
 * the kthread either runs the program, or gets -ENOMEM (-E2BIG when the
 * stack could not grow, as Linux) as it was, or dies past the point of no
 * return; the suite's ->exit finds nothing left behind.
 */
static void exec_with_an_allocation_failing_leaks_nothing(struct ktest *test)
{
	struct fail_page_alloc_attr saved_pages = fail_page_alloc;
	struct failslab_attr saved_slab = failslab;
	static const char *const argv[] = { "/vt/e42", "arg", NULL };
	unsigned int i, ran = 0, refused = 0, killed = 0;
	int code;

	KTEST_ASSERT_EQ(test, make_program("/vt/e42", &prog_exit42), 0);
	for (i = 1; i <= 60; i++) {
		struct exec_run r = { .path = "/vt/e42", .argv = argv, .envp = no_strings };

		if (i & 1)
			r.fail_slab_at = (long)i * 96;
		else
			r.fail_pages_at = (long)i * PAGE_SIZE / 4;
		code = exec_run(test, &r);
		failslab_enabled = false;
		fail_page_alloc_enabled = false;
		fail_page_alloc = saved_pages;
		failslab = saved_slab;
		if (code == 42 << 8) {
			ran++;
		} else if (code == -ENOMEM || code == -E2BIG) {
			refused++;
			KTEST_EXPECT_TRUE(test, r.still_kthread);
		} else {
			KTEST_EXPECT_EQ(test, code, SIGSEGV);
			killed++;
		}
	}
	KTEST_EXPECT_GT(test, refused, 0u);
	KTEST_EXPECT_GT(test, ran, 0u);
	(void)killed;
}

static struct ktest_case exec_cases[] = {
	KTEST_CASE(static_program_runs_and_exits_with_its_code),
	KTEST_CASE(stack_is_drawn_as_the_psabi_says),
	KTEST_CASE(malformed_programs_fail_and_the_caller_survives_until_the_point_of_no_return),
	KTEST_CASE(e2big_for_a_long_string_or_too_many_bytes),
	KTEST_CASE(a_user_program_survives_a_failed_execve_and_can_exec_again),
	KTEST_CASE(static_pie_loads_at_a_random_base_unless_randomize_va_space_is_0),
	KTEST_CASE(interpreter_is_mapped_beside_the_program_and_runs_first),
	KTEST_CASE(executable_stack_follows_pt_gnu_stack),
	KTEST_CASE(exec_with_an_allocation_failing_leaks_nothing),
	{}
};

static struct ktest_suite exec_suite = {
	.name = "exec",
	.init = exec_init,
	.exit = exec_exit,
	.test_cases = exec_cases,
};
ktest_register_suite(exec_suite);
