// SPDX-License-Identifier: GPL-2.0
/*
 * exec_calls: execve(2) as Linux x86-64 answers it.
 *
 * The program execs itself (argv[0], the path the runner gave it) with
 * "--child MODE" to check what the new image receives: argv and envp
 * intact, the auxiliary vector (AT_PAGESZ, AT_RANDOM, AT_EXECFN, AT_PHDR,
 * AT_ENTRY, AT_UID...), an empty argv turned into one empty argument.
 * Two execs must differ in their stack and mmap addresses, and, in the
 * static-PIE build (make's pie/ flavour), in the program's own. Then the
 * refusals, each leaving the caller running: E2BIG (one string
 * over MAX_ARG_STRLEN, the total over a quarter of RLIMIT_STACK),
 * ENOENT, EACCES (a directory, a file without x), EFAULT (bad pointers),
 * and a malformed-ELF suite written to /tmp: ENOEXEC or EINVAL (or, for
 * an interpreter that is not there, ENOENT) and the process goes on.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <stddef.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include "utest.h"

extern char **environ;
static const char *self;

static int child_main(int argc, char **argv, char **envp)
{
	const char *mode = argv[2];

	if (!strcmp(mode, "args"))
		return argc == 5 && !strcmp(argv[3], "one") && !strcmp(argv[4], "two words") &&
		       envp[0] && !strcmp(envp[0], "A=1") && envp[1] &&
		       !strcmp(envp[1], "B=x y") && !envp[2] ? 0 : 1;
	if (!strcmp(mode, "auxv")) {
		const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
		const char *fn = (const char *)getauxval(AT_EXECFN);
		Elf64_Ehdr *eh;

		if (getauxval(AT_PAGESZ) != 4096)
			return 1;
		if (!rnd || !fn || strcmp(fn, argv[0]))
			return 2;
		if (!getauxval(AT_PHDR) || getauxval(AT_PHENT) != sizeof(Elf64_Phdr) ||
		    !getauxval(AT_PHNUM) || !getauxval(AT_ENTRY))
			return 3;
		if (getauxval(AT_UID) != getuid() || getauxval(AT_EUID) != geteuid() ||
		    getauxval(AT_GID) != getgid() || getauxval(AT_SECURE) != 0)
			return 4;
		/* AT_PHDR is inside the loaded image: its ELF header is a page-aligned ELF. */
		eh = (Elf64_Ehdr *)((getauxval(AT_PHDR) - sizeof(Elf64_Ehdr)) & ~(PAGE - 1));
		if (memcmp(eh->e_ident, ELFMAG, SELFMAG))
			return 5;
		return 0;
	}
	if (!strcmp(mode, "layout")) {
		/* The stack's and an mmap's addresses, and whether maps names [stack]. */
		struct maps_entry e[256];
		int n = maps_read(e, 256), i, fd, named = 0;
		char line[64];
		void *m = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		for (i = 0; i < n; i++)
			named |= !strcmp(e[i].name, "[stack]");
		fd = open(argv[3], O_WRONLY | O_CREAT | O_TRUNC, 0644);
		snprintf(line, sizeof(line), "%lx %lx %d %lx\n", (unsigned long)&n, (unsigned long)m,
			 named, (unsigned long)child_main);
		return fd >= 0 && write(fd, line, strlen(line)) > 0 ? 0 : 1;
	}
	return 100;
}

/* argv[0] is the path of the image: exec'd with "--child MODE" and @extra. */
static int run_self(const char *mode, char *const extra[], char *const envp[])
{
	char *argv[8] = { (char *)self, "--child", (char *)mode };
	int i, st;
	pid_t pid;

	for (i = 0; extra && extra[i] && i < 4; i++)
		argv[3 + i] = extra[i];
	pid = fork();
	if (pid == 0) {
		execve(self, argv, envp);
		_exit(99);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return -1;
	return st;
}

/* Two execs of the same image: with randomize_va_space 2 their layouts differ. */
static void exec_layout(void)
{
	unsigned long stack[2] = { 0, 0 }, map[2] = { 0, 0 }, code[2] = { 0, 0 };
	int named[2] = { 0, 0 }, i;
	char path[2][32] = { "/tmp/exec_calls.layout0", "/tmp/exec_calls.layout1" };

	for (i = 0; i < 2; i++) {
		char *extra[] = { path[i], NULL };
		char *envp[] = { NULL };
		FILE *f;

		if (!exited_with(run_self("layout", extra, envp), 0))
			continue;
		f = fopen(path[i], "r");
		if (f && fscanf(f, "%lx %lx %d %lx", &stack[i], &map[i], &named[i], &code[i]) != 4)
			stack[i] = 0;
		if (f)
			fclose(f);
	}
	ksft_test_result(stack[0] && stack[1] && named[0] && named[1],
			 "the new image's maps name its [stack]");
	ksft_test_result(stack[0] && stack[1] && stack[0] != stack[1] && map[0] != map[1],
			 "two execs: stack and mmap bases randomised (randomize_va_space 2)");
#ifdef USER_STATIC_PIE
	/* Built -static-pie (the pie/ flavour): ET_DYN, loaded at a random base. */
	ksft_test_result(code[0] && code[1] && code[0] != code[1] &&
			 (code[0] & (PAGE - 1)) == (code[1] & (PAGE - 1)),
			 "a static PIE is loaded at a randomised base");
#else
	ksft_test_result(code[0] && code[0] == code[1], "a static ET_EXEC loads where it says");
#endif
}

static void exec_ok(void)
{
	char *extra[] = { "one", "two words", NULL };
	char *envp[] = { "A=1", "B=x y", NULL };
	int st;

	ksft_test_result(exited_with(run_self("args", extra, envp), 0),
			 "the new image gets argv and envp intact");
	st = run_self("auxv", NULL, envp);
	if (!exited_with(st, 0))
		ksft_print_msg("auxv child: status %#x", st);
	ksft_test_result(exited_with(st, 0), "the auxiliary vector: AT_PAGESZ, AT_RANDOM, "
			 "AT_EXECFN, AT_PHDR, AT_PHENT, AT_PHNUM, AT_ENTRY, AT_UID...");
}

/* execve in a child; its errno as exit status (0 if the exec succeeded... it cannot here). */
static int exec_errno(const char *path, char *const argv[], char *const envp[])
{
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		execve(path, argv, envp);
		_exit(errno);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1000 + WTERMSIG(st);
}

static void expect_exec(int got, int err, const char *desc)
{
	if (got != err)
		ksft_print_msg("%s: got %d (%s), expected %d (%s)", desc, got,
			       got > 0 && got < 200 ? strerror(got) : "status", err, strerror(err));
	ksft_test_result(got == err, "%s", desc);
}

static void exec_refusals(void)
{
	static char big[140000];
	char *argv[] = { "x", big, NULL }, **many;
	char *plain[] = { "x", NULL };
	/* Hidden from the compiler, which would see through a constant. */
	char **volatile bad_argv = (char **)8;
	char *volatile bad_path = (char *)8;
	int fd, i, n;

	memset(big, 'a', sizeof(big) - 1);
	expect_exec(exec_errno(self, argv, environ), E2BIG,
		    "an argument longer than MAX_ARG_STRLEN: E2BIG");
	/* 1.5 MiB of arguments with RLIMIT_STACK at 4 MiB: over a quarter. */
	n = 1600;
	many = calloc(n + 1, sizeof(*many));
	big[1000] = '\0';
	for (i = 0; i < n; i++)
		many[i] = big;
	{
		int st;
		pid_t pid = fork();

		if (pid == 0) {
			struct rlimit small = { 4 << 20, 4 << 20 };

			setrlimit(RLIMIT_STACK, &small);
			execve(self, many, environ);
			_exit(errno);
		}
		waitpid(pid, &st, 0);
		expect_exec(WIFEXITED(st) ? WEXITSTATUS(st) : -1, E2BIG,
			    "arguments over a quarter of RLIMIT_STACK: E2BIG");
	}
	free(many);
	expect_exec(exec_errno("/nonexistent/prog", plain, environ), ENOENT, "no such file: ENOENT");
	expect_exec(exec_errno("/tmp", plain, environ), EACCES, "a directory: EACCES");
	fd = open("/tmp/exec_calls.noexec", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(fd, "#!/bin/sh\n", 10);
	close(fd);
	expect_exec(exec_errno("/tmp/exec_calls.noexec", plain, environ), EACCES,
		    "a file without execute permission: EACCES");
	expect_exec(exec_errno(self, bad_argv, environ), EFAULT, "a bad argv pointer: EFAULT");
	expect_exec(exec_errno(bad_path, plain, environ), EFAULT, "a bad path pointer: EFAULT");
}

/* A valid minimal static ELF: header, one PT_LOAD, code that exits 0. */
struct mini_elf {
	Elf64_Ehdr eh;
	Elf64_Phdr ph[2];
	unsigned char code[16];
} __attribute__((packed));

static void mini_elf(struct mini_elf *e)
{
	/* mov $60, %eax; xor %edi, %edi; syscall */
	static const unsigned char code[] = { 0xb8, 60, 0, 0, 0, 0x31, 0xff, 0x0f, 0x05 };

	memset(e, 0, sizeof(*e));
	memcpy(e->eh.e_ident, ELFMAG, SELFMAG);
	e->eh.e_ident[EI_CLASS] = ELFCLASS64;
	e->eh.e_ident[EI_DATA] = ELFDATA2LSB;
	e->eh.e_ident[EI_VERSION] = EV_CURRENT;
	e->eh.e_type = ET_EXEC;
	e->eh.e_machine = EM_X86_64;
	e->eh.e_version = EV_CURRENT;
	e->eh.e_entry = 0x400000 + offsetof(struct mini_elf, code);
	e->eh.e_phoff = offsetof(struct mini_elf, ph);
	e->eh.e_ehsize = sizeof(Elf64_Ehdr);
	e->eh.e_phentsize = sizeof(Elf64_Phdr);
	e->eh.e_phnum = 1;
	e->ph[0].p_type = PT_LOAD;
	e->ph[0].p_flags = PF_R | PF_X;
	e->ph[0].p_vaddr = 0x400000;
	e->ph[0].p_filesz = e->ph[0].p_memsz = sizeof(*e);
	e->ph[0].p_align = 0x1000;
	memcpy(e->code, code, sizeof(code));
}

/* Write @len bytes of @e to /tmp/bad.elf (mode 0755); exec it in a child: errno or status. */
static int exec_image(const void *e, size_t len)
{
	char *argv[] = { "bad.elf", NULL };
	int fd = open("/tmp/bad.elf", O_WRONLY | O_CREAT | O_TRUNC, 0755);

	if (fd < 0 || write(fd, e, len) != (ssize_t)len)
		return -1;
	close(fd);
	return exec_errno("/tmp/bad.elf", argv, environ);
}

static void malformed_elf(void)
{
	struct mini_elf e;
	int got;

	mini_elf(&e);
	got = exec_image(&e, sizeof(e));
	ksft_test_result(got == 0, "a minimal valid ELF runs and exits 0 (status %d)", got);
	expect_exec(exec_image(&e, 0), ENOEXEC, "an empty file: ENOEXEC");
	expect_exec(exec_image(&e, 20), ENOEXEC, "a truncated ELF header: ENOEXEC");
	mini_elf(&e);
	e.eh.e_machine = EM_AARCH64;
	expect_exec(exec_image(&e, sizeof(e)), ENOEXEC, "another machine: ENOEXEC");
	mini_elf(&e);
	e.eh.e_type = ET_REL;
	expect_exec(exec_image(&e, sizeof(e)), ENOEXEC, "ET_REL: ENOEXEC");
	mini_elf(&e);
	e.eh.e_phentsize = 40;
	expect_exec(exec_image(&e, sizeof(e)), ENOEXEC, "a wrong e_phentsize: ENOEXEC");
	mini_elf(&e);
	e.eh.e_phnum = 0;
	expect_exec(exec_image(&e, sizeof(e)), ENOEXEC, "no program headers: ENOEXEC");
	mini_elf(&e);
	e.eh.e_phnum = 0xffff;
	expect_exec(exec_image(&e, sizeof(e)), ENOEXEC, "65535 program headers: ENOEXEC");
	mini_elf(&e);
	e.eh.e_phoff = 0x100000;
	got = exec_image(&e, sizeof(e));
	expect_exec(got, got == EIO ? EIO : ENOEXEC, "program headers beyond the file: ENOEXEC or EIO");
	/* Found only while mapping, past the point of no return: Linux kills the process. */
	mini_elf(&e);
	e.ph[0].p_filesz = e.ph[0].p_memsz + 1;
	expect_exec(exec_image(&e, sizeof(e)), 1000 + SIGSEGV,
		    "p_filesz > p_memsz: killed by SIGSEGV past the point of no return");
	mini_elf(&e);
	e.ph[0].p_vaddr = 0xfffffffffffff000UL;
	e.ph[0].p_memsz = 0x2000;
	expect_exec(exec_image(&e, sizeof(e)), 1000 + SIGSEGV,
		    "a segment wrapping the address space: killed by SIGSEGV");
	mini_elf(&e);
	e.ph[0].p_vaddr = 0x400100;
	expect_exec(exec_image(&e, sizeof(e)), 1000 + SIGSEGV,
		    "p_vaddr and p_offset disagreeing modulo the page: killed by SIGSEGV");
	mini_elf(&e);
	e.eh.e_phnum = 2;
	e.ph[1].p_type = PT_INTERP;
	e.ph[1].p_offset = offsetof(struct mini_elf, code);
	e.ph[1].p_filesz = 1;
	expect_exec(exec_image(&e, sizeof(e)), ENOEXEC, "a PT_INTERP of 1 byte: ENOEXEC");
	e.ph[1].p_filesz = 6;	/* b8 3c 00 00 00 31: the last byte is not NUL */
	expect_exec(exec_image(&e, sizeof(e)), ENOEXEC, "a PT_INTERP not NUL-terminated: ENOEXEC");
	memcpy(e.code, "/no/ld.so", 10);
	e.ph[1].p_filesz = 10;
	expect_exec(exec_image(&e, sizeof(e)), ENOENT, "a PT_INTERP that does not exist: ENOENT");
	memcpy(e.code, "/tmp", 5);
	e.ph[1].p_filesz = 5;
	expect_exec(exec_image(&e, sizeof(e)), EACCES, "a PT_INTERP that is a directory: EACCES");
	ksft_test_result(getpid() > 0, "the caller survived every refusal");
}

int main(int argc, char **argv, char **envp)
{
	if (argc >= 3 && !strcmp(argv[1], "--child"))
		return child_main(argc, argv, envp);
	self = argv[0];
	ksft_print_header();
	ksft_set_plan(29);
	exec_ok();
	exec_layout();
	exec_refusals();
	malformed_elf();
	ksft_finished();
}
