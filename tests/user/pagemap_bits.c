// SPDX-License-Identifier: GPL-2.0
/*
 * pagemap_bits: /proc/self/pagemap's entries as Linux 6.1 fills them (one
 * 64-bit word per page: PFN in bits 0-54, soft-dirty 55, exclusively
 * mapped 56, file-page or shared-anonymous 61, swapped 62, present 63),
 * and /proc/self/clear_refs's 4 clearing the soft-dirty bits.
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

int main(void)
{
	char *p, *s;
	int fd;
	uint64_t e, x;

	ksft_print_header();
	ksft_set_plan(12);
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
