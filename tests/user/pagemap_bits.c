// SPDX-License-Identifier: GPL-2.0
/*
 * pagemap_bits: /proc/self/pagemap's entries as Linux 6.1 fills them (one
 * 64-bit word per page: PFN in bits 0-54, soft-dirty 55, exclusively
 * mapped 56, file-page or shared-anonymous 61, swapped 62, present 63),
 * /proc/self/clear_refs's 4 clearing the soft-dirty bits, and
 * /proc/kpagecount and /proc/kpageflags (root's) for the pages found.
 */
#define _GNU_SOURCE
#include "utest.h"

#define PM_PFN		((1ULL << 55) - 1)
#define PM_SOFT_DIRTY	(1ULL << 55)
#define PM_EXCLUSIVE	(1ULL << 56)
#define PM_FILE		(1ULL << 61)
#define PM_SWAP		(1ULL << 62)
#define PM_PRESENT	(1ULL << 63)

static int pm_fd;

static uint64_t entry(const void *addr)
{
	uint64_t e = 0;

	if (pread(pm_fd, &e, sizeof(e), (uintptr_t)addr / PAGE * 8) != sizeof(e))
		return ~0ULL;
	return e;
}

static int clear_refs(const char *what)
{
	int fd = open("/proc/self/clear_refs", O_WRONLY), ok;

	if (fd < 0)
		return -1;
	ok = write(fd, what, strlen(what)) == (ssize_t)strlen(what) ? 0 : -1;
	close(fd);
	return ok;
}

static int child_checks_shared(void *p)
{
	uint64_t e = entry(p);

	return (e & PM_PRESENT) && !(e & PM_EXCLUSIVE) ? 0 : 1;
}

#define KPF_MMAP	11
#define KPF_ANON	12
#define KPF_ZERO_PAGE	24

/* The 64-bit word for @pfn in /proc/@file (kpagecount, kpageflags), or ~0. */
static uint64_t kpage(const char *file, uint64_t pfn)
{
	char path[32];
	uint64_t v = ~0ULL;
	int fd;

	snprintf(path, sizeof(path), "/proc/%s", file);
	fd = open(path, O_RDONLY);
	if (fd < 0 || pread(fd, &v, sizeof(v), pfn * 8) != sizeof(v))
		v = ~0ULL;
	if (fd >= 0)
		close(fd);
	return v;
}

static int child_counts_two(void *p)
{
	return kpage("kpagecount", entry(p) & PM_PFN) == 2 ? 0 : 1;
}

static int user_opens_kpagecount(void *unused)
{
	if (setuid(65534))
		return 2;
	return open("/proc/kpagecount", O_RDONLY) == -1 && errno == EACCES ? 0 : 1;
}

/* /proc/kpagecount and /proc/kpageflags for the pages of @p (written) and @z (read only). */
static void kpage_files(char *p, char *z)
{
	uint64_t pfn = entry(p) & PM_PFN, flags = kpage("kpageflags", pfn);

	ksft_test_result(kpage("kpagecount", pfn) == 1, "kpagecount of a private page: 1");
	ksft_test_result(flags != ~0ULL && (flags & (1ULL << KPF_ANON)) &&
			 (flags & (1ULL << KPF_MMAP)), "kpageflags: ANON and MMAP");
	ksft_test_result(exited_with(child_status(child_counts_two, p), 0),
			 "after fork the page is mapped twice: kpagecount 2");
	ksft_test_result(kpage("kpageflags", entry(z) & PM_PFN) & (1ULL << KPF_ZERO_PAGE),
			 "kpageflags of the shared zero page: ZERO_PAGE");
	ksft_test_result(exited_with(child_status(user_opens_kpagecount, NULL), 0),
			 "kpagecount is root's: EACCES for a user");
}

int main(void)
{
	char *p, *s;
	int fd;
	uint64_t e, x;

	ksft_print_header();
	ksft_set_plan(17);
	pm_fd = open("/proc/self/pagemap", O_RDONLY);
	if (pm_fd < 0)
		ksft_exit_fail_msg("open /proc/self/pagemap: %s", strerror(errno));
	p = map_anon(4 * PAGE, PROT_READ | PROT_WRITE);
	/* A new VMA is soft-dirty as a whole (VM_SOFTDIRTY): its holes show bit 55. */
	ksft_test_result((entry(p) & ~PM_SOFT_DIRTY) == 0, "an untouched page: not present");
	p[0] = 1;
	e = entry(p);
	ksft_test_result((e & PM_PRESENT) && !(e & (PM_SWAP | PM_FILE)),
			 "a written anonymous page: present, not file, not swapped");
	ksft_test_result(e & PM_EXCLUSIVE, "a written private page is exclusively mapped");
	ksft_test_result((e & PM_PFN) != 0, "root reads its PFN");
	ksft_test_result(e & PM_SOFT_DIRTY, "a new page is soft-dirty");
	ksft_test_result(clear_refs("4") == 0 && !(entry(p) & PM_SOFT_DIRTY),
			 "clear_refs 4 clears soft-dirty");
	p[1] = 2;
	ksft_test_result(entry(p) & PM_SOFT_DIRTY, "a write sets soft-dirty again");
	x = entry(p + PAGE);
	(void)*(volatile char *)(p + PAGE);
	e = entry(p + PAGE);
	ksft_test_result(x == 0 && (e & PM_PRESENT) && !(e & PM_EXCLUSIVE),
			 "a read of an untouched page maps the shared zero page");
	ksft_test_result(exited_with(child_status(child_checks_shared, p), 0),
			 "after fork the page is no longer exclusive in the child");
	kpage_files(p, p + PAGE);
	fd = memfd_create("pagemap", 0);
	ftruncate(fd, PAGE);
	s = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	s[0] = 1;
	e = entry(s);
	ksft_test_result((e & PM_PRESENT) && (e & PM_FILE), "a shared memfd page: present, file");
	ksft_test_result(pread(pm_fd, &e, 8, 4) == -1 && errno == EINVAL,
			 "a read at an unaligned offset: EINVAL");
	munmap(p + 2 * PAGE, 2 * PAGE);
	ksft_test_result(entry(p + 3 * PAGE) == 0, "an unmapped page: 0");
	ksft_finished();
}
