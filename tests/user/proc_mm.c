// SPDX-License-Identifier: GPL-2.0
/*
 * proc_mm: what /proc shows of a process's memory, as Linux 6.1 formats
 * it: /proc/self/smaps (Size, Rss, Anonymous, Locked, VmFlags) and
 * smaps_rollup, status (VmData, VmRSS), statm, the fault counters
 * (/proc/self/stat's minflt, /proc/vmstat's pgfault), and the commit
 * accounting of /proc/meminfo (Committed_AS, and CommitLimit enforced
 * with vm.overcommit_memory=2, restored after).
 */
#define _GNU_SOURCE
#include "utest.h"

static char text[1 << 16];

static const char *read_text(const char *path)
{
	int fd = open(path, O_RDONLY);
	ssize_t n, len = 0;

	text[0] = '\0';
	if (fd < 0)
		return text;
	while ((n = read(fd, text + len, sizeof(text) - 1 - len)) > 0)
		len += n;
	text[len] = '\0';
	close(fd);
	return text;
}

/* "Name: N kB" inside the smaps block of the VMA starting at @addr, or -1. */
static long smaps_field(void *addr, const char *name)
{
	char head[32], *p, *end;
	size_t len = strlen(name);

	read_text("/proc/self/smaps");
	snprintf(head, sizeof(head), "%lx-", (unsigned long)addr);
	p = strstr(text, head);
	if (!p)
		return -1;
	end = strchr(p, '\n');
	while (end && end[1] && !strchr("0123456789abcdef", end[1])) {
		p = end + 1;
		if (!strncmp(p, name, len) && p[len] == ':')
			return strtol(p + len + 1, NULL, 10);
		end = strchr(p, '\n');
	}
	return -1;
}

static bool smaps_vmflags_has(void *addr, const char *flag)
{
	char head[32], *p, *vf, *nl;

	read_text("/proc/self/smaps");
	snprintf(head, sizeof(head), "%lx-", (unsigned long)addr);
	p = strstr(text, head);
	vf = p ? strstr(p, "VmFlags:") : NULL;
	nl = vf ? strchr(vf, '\n') : NULL;
	if (!nl)
		return false;
	*nl = '\0';
	return strstr(vf, flag) != NULL;
}

static long meminfo_kb(const char *name)
{
	char *p;

	read_text("/proc/meminfo");
	p = strstr(text, name);
	return p ? strtol(p + strlen(name) + 1, NULL, 10) : -1;
}

static int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY), ret;

	if (fd < 0)
		return -1;
	ret = write(fd, s, strlen(s)) == (ssize_t)strlen(s) ? 0 : -1;
	close(fd);
	return ret;
}

/* Field 10 of /proc/self/stat (minflt), after the ")" of the name. */
static long minflt(void)
{
	char *p = strrchr(read_text("/proc/self/stat"), ')');
	long v = -1;

	if (p && sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %ld", &v) != 1)
		v = -1;
	return v;
}

static long vmstat(const char *name)
{
	char *p = strstr(read_text("/proc/vmstat"), name);

	return p ? strtol(p + strlen(name), NULL, 10) : -1;
}

static bool fault_counters_grow(void)
{
	long m0 = minflt(), v0 = vmstat("\npgfault "), m1, v1;
	char *p = map_anon(64 * PAGE, PROT_READ | PROT_WRITE);
	int i;

	for (i = 0; p && i < 64; i++)
		p[i * PAGE] = 1;
	m1 = minflt();
	v1 = vmstat("\npgfault ");
	munmap(p, 64 * PAGE);
	ksft_print_msg("minflt %ld -> %ld, pgfault %ld -> %ld", m0, m1, v0, v1);
	return m0 >= 0 && v0 >= 0 && m1 - m0 >= 64 && v1 - v0 >= 64;
}

int main(void)
{
	char *p;
	long rss0, rss1, size, pages, resident, committed0, committed1;
	unsigned long limit;

	ksft_print_header();
	ksft_set_plan(14);
	rss0 = status_kb("VmData");
	p = map_anon(16 * PAGE, PROT_READ | PROT_WRITE);
	rss1 = status_kb("VmData");
	memset(p, 1, 8 * PAGE);
	ksft_test_result(smaps_field(p, "Size") == 64, "smaps: Size of a 16-page VMA is 64 kB");
	ksft_test_result(smaps_field(p, "Rss") == 32 && smaps_field(p, "Anonymous") == 32,
			 "smaps: Rss and Anonymous count the 8 written pages");
	ksft_test_result(smaps_field(p, "KernelPageSize") == 4 &&
			 smaps_field(p, "MMUPageSize") == 4, "smaps: KernelPageSize, MMUPageSize 4 kB");
	ksft_test_result(smaps_vmflags_has(p, " rd") && smaps_vmflags_has(p, " wr") &&
			 smaps_vmflags_has(p, " mr") && smaps_vmflags_has(p, " ac"),
			 "smaps VmFlags: rd wr mr ... ac");
	mlock(p, 16 * PAGE);
	ksft_test_result(smaps_field(p, "Locked") == 64 && smaps_vmflags_has(p, " lo"),
			 "smaps after mlock: Locked 64 kB, VmFlags lo");
	munlock(p, 16 * PAGE);
	/* Not RssAnon: Linux 6.1 folds a task's RSS counts in every 64 faults. */
	ksft_test_result(rss1 - rss0 == 64, "status: VmData grew by the 64 kB mapping (%ld kB)",
			 rss1 - rss0);
	ksft_test_result(strstr(read_text("/proc/self/smaps_rollup"), "Rss:") &&
			 strstr(text, "Pss_Anon:"), "smaps_rollup has Rss: and Pss_Anon:");
	ksft_test_result(sscanf(read_text("/proc/self/statm"), "%ld %ld", &size, &pages) == 2 &&
			 size >= 16 && pages > 0, "statm: size and resident in pages");
	resident = pages;
	ksft_test_result(resident * 4 >= status_kb("VmRSS") - 8 &&
			 resident * 4 <= status_kb("VmRSS") + 8, "statm's resident is VmRSS");
	munmap(p, 16 * PAGE);
	ksft_test_result(fault_counters_grow(), "64 faults count in /proc/self/stat's minflt "
			 "and /proc/vmstat's pgfault");
	committed0 = meminfo_kb("Committed_AS:");
	p = map_anon(64UL << 20, PROT_READ | PROT_WRITE);
	committed1 = meminfo_kb("Committed_AS:");
	ksft_test_result(committed1 - committed0 >= 65536 - 1024 &&
			 committed1 - committed0 <= 65536 + 1024,
			 "Committed_AS grows by a 64 MiB private writable mapping (%ld kB)",
			 committed1 - committed0);
	munmap(p, 64UL << 20);
	limit = meminfo_kb("CommitLimit:");
	ksft_test_result(write_file("/proc/sys/vm/overcommit_memory", "2") == 0,
			 "vm.overcommit_memory=2");
	p = mmap(NULL, (limit + 65536) << 10, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ksft_test_result(p == MAP_FAILED && errno == ENOMEM,
			 "overcommit 2: a mapping beyond CommitLimit is ENOMEM");
	p = mmap(NULL, (limit + 65536) << 10, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	write_file("/proc/sys/vm/overcommit_memory", "0");
	ksft_test_result(p != MAP_FAILED, "overcommit 2: a read-only one is not charged");
	ksft_finished();
}
