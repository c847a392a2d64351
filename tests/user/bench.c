// SPDX-License-Identifier: GPL-2.0
/*
 * bench: the user-space rows of the benchmark suite (/work/shared/BENCH.md,
 * Documentation/benchmarks.md), a static program without libc: raw system
 * calls, rdtsc read in user mode. Under QEMU's -icount shift=0 the TSC
 * advances by one per guest instruction, so every row is instructions
 * per operation, user and kernel together, printed as the kernel's rows:
 *
 *   bench: NAME VALUE cycles/op          VALUE with two decimals
 *   bench: done
 *
 * The loops are BENCH.md's, name for name; a row's timing covers the
 * whole loop (mmap and munmap included) unless the table says what is
 * timed (madv_dontneed_4K: the madvise; cow_fault_4K: the child's writes,
 * timed and printed by the child). As init (pid 1, rdinit=/tests/bench) it
 * powers the machine off at the end; "bench --exit" exits at once (the
 * image fork_exec_exit execs).
 */
#include <stddef.h>
#include <stdint.h>

#define __NR_read		0
#define __NR_write		1
#define __NR_mmap		9
#define __NR_mprotect		10
#define __NR_munmap		11
#define __NR_brk		12
#define __NR_mremap		25
#define __NR_madvise		28
#define __NR_getpid		39
#define __NR_fork		57
#define __NR_execve		59
#define __NR_wait4		61
#define __NR_ftruncate		77
#define __NR_close		3
#define __NR_reboot		169
#define __NR_pipe2		293
#define __NR_exit_group		231
#define __NR_memfd_create	319

#define PROT_READ	1
#define PROT_WRITE	2
#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MREMAP_MAYMOVE	1
#define MREMAP_FIXED	2
#define MADV_DONTNEED	4
#define MADV_HUGEPAGE	14
#define MADV_NOHUGEPAGE	15
#define MADV_POPULATE_WRITE	23

#define PAGE		4096UL
#define MIB		(1UL << 20)

static long syscall6(long nr, long a, long b, long c, long d, long e, long f)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10),
			 "r"(r8), "r"(r9) : "rcx", "r11", "memory");
	return ret;
}

#define sys(nr, ...) sys_n(nr, __VA_ARGS__, 0, 0, 0, 0, 0, 0)
#define sys_n(nr, a, b, c, d, e, f, ...) \
	syscall6(nr, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

static inline uint64_t now(void)
{
	uint32_t lo, hi;

	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((uint64_t)hi << 32) | lo;
}

static size_t str_len(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

static char *put_u64(char *p, uint64_t v, int min_digits)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = '0' + v % 10;
		v /= 10;
	} while (v || n < min_digits);
	while (n)
		*p++ = tmp[--n];
	return p;
}

/* "bench: NAME VALUE cycles/op", VALUE = cycles / ops rounded to hundredths. */
static void report(const char *name, uint64_t cycles, uint64_t ops)
{
	char line[128], *p = line;
	uint64_t hundredths = (cycles * 100 + ops / 2) / ops;
	const char *s;

	for (s = "bench: "; *s; s++)
		*p++ = *s;
	for (s = name; *s; s++)
		*p++ = *s;
	*p++ = ' ';
	p = put_u64(p, hundredths / 100, 1);
	*p++ = '.';
	p = put_u64(p, hundredths % 100, 2);
	for (s = " cycles/op\n"; *s; s++)
		*p++ = *s;
	sys(__NR_write, 1, line, p - line);
}

static void say(const char *s)
{
	sys(__NR_write, 1, s, str_len(s));
}

static char *map(size_t len, int flags, int fd)
{
	long p = sys(__NR_mmap, 0, len, PROT_READ | PROT_WRITE, flags, fd, 0);

	return p < 0 && p > -4096 ? NULL : (char *)p;
}

static char *map_anon(size_t len)
{
	return map(len, MAP_PRIVATE | MAP_ANONYMOUS, -1);
}

static void touch(char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i += PAGE)
		((volatile char *)p)[i] = 1;
}

static void anon_fault(const char *name, int write)
{
	uint64_t t = now(), sum = 0;
	size_t i;
	int r;

	for (r = 0; r < 4; r++) {
		char *p = map_anon(32 * MIB);

		sys(__NR_madvise, p, 32 * MIB, MADV_NOHUGEPAGE);
		for (i = 0; i < 32 * MIB; i += PAGE) {
			if (write)
				((volatile char *)p)[i] = 1;
			else
				sum += ((volatile char *)p)[i];
		}
		sys(__NR_munmap, p, 32 * MIB);
	}
	report(name, now() - t + sum, 4 * 32 * MIB / PAGE);
}

static void populate_write(void)
{
	uint64_t t = now();
	int r;

	for (r = 0; r < 4; r++) {
		char *p = map_anon(32 * MIB);

		sys(__NR_madvise, p, 32 * MIB, MADV_NOHUGEPAGE);
		sys(__NR_madvise, p, 32 * MIB, MADV_POPULATE_WRITE);
		sys(__NR_munmap, p, 32 * MIB);
	}
	report("populate_write_4K", now() - t, 4 * 32 * MIB / PAGE);
}

static void anon_fault_thp(void)
{
	uint64_t t = now();
	size_t i;
	int r;

	for (r = 0; r < 2; r++) {
		char *p = map_anon(66 * MIB);
		char *a = (char *)(((uintptr_t)p + 2 * MIB - 1) & ~(2 * MIB - 1));

		sys(__NR_madvise, a, 64 * MIB, MADV_HUGEPAGE);
		for (i = 0; i < 64 * MIB; i += 2 * MIB)
			((volatile char *)a)[i] = 1;
		sys(__NR_munmap, p, 66 * MIB);
	}
	report("anon_fault_thp_2M", now() - t, 2 * 32);
}

static int wait_child(long pid)
{
	int status = -1;

	sys(__NR_wait4, pid, &status, 0, 0);
	return status;
}

static void cow_fault(void)
{
	char *p = map_anon(32 * MIB);
	long pid;

	sys(__NR_madvise, p, 32 * MIB, MADV_NOHUGEPAGE);
	touch(p, 32 * MIB);
	pid = sys(__NR_fork, 0);
	if (pid == 0) {
		uint64_t t = now();

		touch(p, 32 * MIB);
		report("cow_fault_4K", now() - t, 32 * MIB / PAGE);
		sys(__NR_exit_group, 0);
	}
	wait_child(pid);
	sys(__NR_munmap, p, 32 * MIB);
}

static void fork_exit(void)
{
	char *p = map_anon(32 * MIB);
	uint64_t t;
	int i;

	sys(__NR_madvise, p, 32 * MIB, MADV_NOHUGEPAGE);
	touch(p, 32 * MIB);
	t = now();
	for (i = 0; i < 50; i++) {
		long pid = sys(__NR_fork, 0);

		if (pid == 0)
			sys(__NR_exit_group, 0);
		wait_child(pid);
	}
	report("fork_exit_32M", now() - t, 50);
	sys(__NR_munmap, p, 32 * MIB);
}

static void mmap_munmap(void)
{
	uint64_t t = now();
	int i;

	for (i = 0; i < 20000; i++)
		sys(__NR_munmap, map_anon(128 * MIB), 128 * MIB);
	report("mmap_munmap_128M", now() - t, 20000);
}

static void brk_pair(void)
{
	long base = sys(__NR_brk, 0);
	uint64_t t = now();
	int i;

	for (i = 0; i < 20000; i++) {
		sys(__NR_brk, base + PAGE);
		sys(__NR_brk, base);
	}
	report("brk_pair", now() - t, 20000);
}

static void mprotect_split_merge(void)
{
	char *p = map_anon(3 * PAGE);
	uint64_t t = now();
	int i;

	for (i = 0; i < 20000; i++) {
		sys(__NR_mprotect, p + PAGE, PAGE, PROT_READ);
		sys(__NR_mprotect, p + PAGE, PAGE, PROT_READ | PROT_WRITE);
	}
	report("mprotect_split_merge", now() - t, 20000);
	sys(__NR_munmap, p, 3 * PAGE);
}

static void madv_dontneed(void)
{
	char *p = map_anon(32 * MIB);
	uint64_t total = 0, t;
	int r;

	sys(__NR_madvise, p, 32 * MIB, MADV_NOHUGEPAGE);
	for (r = 0; r < 4; r++) {
		touch(p, 32 * MIB);
		t = now();
		sys(__NR_madvise, p, 32 * MIB, MADV_DONTNEED);
		total += now() - t;
	}
	report("madv_dontneed_4K", total, 4 * 32 * MIB / PAGE);
	sys(__NR_munmap, p, 32 * MIB);
}

static void mremap_move(void)
{
	char *a = map_anon(4 * MIB), *b = a + 2 * MIB;
	uint64_t t;
	int i;

	sys(__NR_madvise, a, 4 * MIB, MADV_NOHUGEPAGE);
	sys(__NR_munmap, b, 2 * MIB);
	touch(a, 2 * MIB);
	t = now();
	for (i = 0; i < 2000; i++) {
		char *from = i & 1 ? b : a, *to = i & 1 ? a : b;

		sys(__NR_mremap, from, 2 * MIB, 2 * MIB, MREMAP_MAYMOVE | MREMAP_FIXED, to);
	}
	report("mremap_move_2M", now() - t, 2000);
	sys(__NR_munmap, a, 4 * MIB);
}

/*
 * One memfd, 32 MiB, for both shmem rows (private first), as Linux's
 * figures were taken: the private row's first round allocates the pages,
 * every later round finds them in the page cache (a private write copies
 * one, a shared write maps it). A fresh memfd per row or per round costs
 * Linux 6.1 23 % to 74 % more.
 */
static void shmem_fault(const char *name, int flags, long fd)
{
	uint64_t t;
	int r;

	t = now();
	for (r = 0; r < 2; r++) {
		char *p = map(32 * MIB, flags, fd);

		touch(p, 32 * MIB);
		sys(__NR_munmap, p, 32 * MIB);
	}
	report(name, now() - t, 2 * 32 * MIB / PAGE);
}

static void fork_exec_exit(const char *self)
{
	static char exit_arg[] = "--exit";
	char *argv[] = { (char *)self, exit_arg, NULL }, *envp[] = { NULL };
	uint64_t t = now();
	int i;

	for (i = 0; i < 50; i++) {
		long pid = sys(__NR_fork, 0);

		if (pid == 0) {
			sys(__NR_execve, self, argv, envp);
			sys(__NR_exit_group, 127);
		}
		wait_child(pid);
	}
	report("fork_exec_exit", now() - t, 50);
}

/* One byte to a child and one back through two pipes, per round trip. */
static void pipe_pingpong(void)
{
	int to_child[2], to_parent[2];
	char c = 0;
	uint64_t t;
	long pid;
	int i;

	sys(__NR_pipe2, to_child, 0);
	sys(__NR_pipe2, to_parent, 0);
	pid = sys(__NR_fork, 0);
	if (pid == 0) {
		sys(__NR_close, to_child[1]);	/* so the parent's close is its EOF */
		while (sys(__NR_read, to_child[0], &c, 1) == 1)
			sys(__NR_write, to_parent[1], &c, 1);
		sys(__NR_exit_group, 0);
	}
	t = now();
	for (i = 0; i < 10000; i++) {
		sys(__NR_write, to_child[1], &c, 1);
		sys(__NR_read, to_parent[0], &c, 1);
	}
	report("pipe_pingpong", now() - t, 10000);
	sys(__NR_close, to_child[1]);
	wait_child(pid);
	sys(__NR_close, to_child[0]);
	sys(__NR_close, to_parent[0]);
	sys(__NR_close, to_parent[1]);
}

static int bench_main(int argc, char **argv)
{
	if (argc > 1 && argv[1][0] == '-' && argv[1][1] == '-' && argv[1][2] == 'e')
		return 0;
	anon_fault("anon_fault_4K", 1);
	anon_fault("anon_read_fault_4K", 0);
	populate_write();
	anon_fault_thp();
	cow_fault();
	fork_exit();
	mmap_munmap();
	brk_pair();
	mprotect_split_merge();
	madv_dontneed();
	mremap_move();
	{
		long fd = sys(__NR_memfd_create, "bench", 0);

		sys(__NR_ftruncate, fd, 32 * MIB);
		shmem_fault("shmem_private_fault_4K", MAP_PRIVATE, fd);
		shmem_fault("shmem_shared_fault_4K", MAP_SHARED, fd);
	}
	fork_exec_exit(argv[0]);
	pipe_pingpong();
	say("bench: done\n");
	if (sys(__NR_getpid, 0) == 1)	/* init: LINUX_REBOOT_CMD_POWER_OFF */
		sys(__NR_reboot, 0xfee1dead, 672274793, 0x4321FEDC, 0);
	return 0;
}

/* The entry: argc, argv on the stack as the psABI draws it. */
void __attribute__((used)) bench_start(long *sp)
{
	sys(__NR_exit_group, bench_main((int)sp[0], (char **)(sp + 1)));
}

__asm__(".globl _start\n"
	"_start:\n"
	"	xor %ebp, %ebp\n"
	"	mov %rsp, %rdi\n"
	"	and $-16, %rsp\n"
	"	call bench_start\n"
	"	hlt\n");
