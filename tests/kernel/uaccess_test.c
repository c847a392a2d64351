// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the user-memory accessors (asm/uaccess.h, arch/x86_64/usercopy.c)
 * and of SMEP/SMAP (arch/x86_64/smap.c).
 *
 * There is no user space yet, so the lower half of the address space is
 * empty: the accessors are tried on unmapped user addresses, on kernel
 * addresses (refused by access_ok()), on non-canonical ones, and on one
 * user page a case maps for itself:
 *
 *   USER_PAGE (1 GiB)     present, U=1, RW, executable: a private chain of
 *                         tables hung from init_mm's pgd slot 0 for the
 *                         case, removed by the suite's exit
 *   USER_PAGE + 4 KiB...  not mapped: copies that cross into it stop there
 *
 * Every bad pointer must give an error, never an oops: the cases compare
 * oops_count before and after.
 */
#include <linux/ktest.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/fault-inject.h>
#include <linux/init.h>
#include <linux/sprintf.h>
#include <linux/printk.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/smap.h>
#include <asm/tlbflush.h>
#include <asm/traps.h>
#include <asm/uaccess.h>
#include "user_page.h"

#define USER_PAGE	0x40000000UL
#define USER_HOLE	(USER_PAGE + PAGE_SIZE)
static struct user_page the_user_page;

static u8 *map_user_page_at(struct ktest *test, unsigned long addr)
{
	test->priv = &the_user_page;
	return user_page_map(test, &the_user_page, addr);
}

static u8 *map_user_page(struct ktest *test)
{
	return map_user_page_at(test, USER_PAGE);
}

static void uaccess_test_exit(struct ktest *test)
{
	if (test->priv)
		user_page_unmap(test->priv);
}

static void *user_ptr(unsigned long addr)
{
	return (void *)addr;
}

/* The lower half of init_mm is empty: every user address is unmapped. */
static void nothing_is_mapped_in_the_lower_half(struct ktest *test)
{
	unsigned long addr;

	for (addr = 0; addr < TASK_SIZE_MAX; addr += PGDIR_SIZE)
		KTEST_EXPECT_TRUE(test, p4d_none(*p4d_offset(pgd_offset_k(addr), addr)));
}

/*
 * SMEP and SMAP act on pages whose entries have the user bit at every
 * level: with none in the kernel half's top-level entries, nothing the
 * kernel runs or touches there can fault for them.
 */
static void the_kernel_half_has_no_user_entries(struct ktest *test)
{
	unsigned long addr;

	for (addr = -(PTRS_PER_PGD / 2 * PGDIR_SIZE); addr; addr += PGDIR_SIZE)
		KTEST_EXPECT_EQ(test, p4d_val(*p4d_offset(pgd_offset_k(addr), addr)) &
				_PAGE_USER, 0UL);
}

static void access_ok_stops_at_task_size_max(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, TASK_SIZE_MAX, 0x00007ffffffff000UL);
	KTEST_EXPECT_TRUE(test, access_ok(user_ptr(0), 0));
	KTEST_EXPECT_TRUE(test, access_ok(user_ptr(0x1000), PAGE_SIZE));
	KTEST_EXPECT_TRUE(test, access_ok(user_ptr(TASK_SIZE_MAX - 8), 8));
	KTEST_EXPECT_FALSE(test, access_ok(user_ptr(TASK_SIZE_MAX - 8), 9));
	KTEST_EXPECT_FALSE(test, access_ok(user_ptr(TASK_SIZE_MAX), 1));
	KTEST_EXPECT_FALSE(test, access_ok(user_ptr(0x1000), ~0UL));	/* wraps */
	KTEST_EXPECT_FALSE(test, access_ok(user_ptr(0x8000000000000000UL), 1));
	KTEST_EXPECT_FALSE(test, access_ok(user_ptr(PAGE_OFFSET), 1));
	KTEST_EXPECT_FALSE(test, access_ok(user_ptr(__START_KERNEL_map), 1));
}

static const unsigned long unmapped_user_addrs[] = { 0x1000, 0x7fff00000000UL,
						      TASK_SIZE_MAX - 64 };

static void addr_desc(const unsigned long *addr, char *desc)
{
	snprintf(desc, KTEST_PARAM_DESC_SIZE, "%#lx", *addr);
}
KTEST_ARRAY_PARAM(unmapped, unmapped_user_addrs, addr_desc);

/* An unmapped user address: nothing copied, everything reported, no oops. */
static void unmapped_user_memory_gives_efault(struct ktest *test)
{
	unsigned long addr = *(const unsigned long *)test->param_value, before = oops_count;
	char buf[64], dst[16];
	u64 v = 0x1234;

	memset(buf, 0xaa, sizeof(buf));
	KTEST_EXPECT_EQ(test, copy_from_user(buf, user_ptr(addr), sizeof(buf)), sizeof(buf));
	KTEST_EXPECT_NULL(test, memchr_inv(buf, 0, sizeof(buf)));	/* zero-filled */
	KTEST_EXPECT_EQ(test, copy_to_user(user_ptr(addr), buf, sizeof(buf)), sizeof(buf));
	KTEST_EXPECT_EQ(test, clear_user(user_ptr(addr), 40), 40UL);
	KTEST_EXPECT_EQ(test, get_user(v, (u64 *)user_ptr(addr)), -EFAULT);
	KTEST_EXPECT_EQ(test, v, 0ULL);
	KTEST_EXPECT_EQ(test, put_user(v, (u32 *)user_ptr(addr)), -EFAULT);
	KTEST_EXPECT_EQ(test, strncpy_from_user(dst, user_ptr(addr), sizeof(dst)), (long)-EFAULT);
	KTEST_EXPECT_EQ(test, strnlen_user(user_ptr(addr), 100), 0L);
	KTEST_EXPECT_EQ(test, oops_count, before);
}

/* A kernel address passed as a user pointer is refused before any access. */
static void kernel_addresses_are_refused(struct ktest *test)
{
	static char secret[16] = "kernel secret";
	unsigned long before = oops_count;
	char buf[16];
	u8 c = 1;

	memset(buf, 0xaa, sizeof(buf));
	KTEST_EXPECT_EQ(test, copy_from_user(buf, user_ptr((unsigned long)secret), 16), 16UL);
	KTEST_EXPECT_NULL(test, memchr_inv(buf, 0, sizeof(buf)));
	KTEST_EXPECT_EQ(test, copy_to_user(user_ptr((unsigned long)secret), "xxxx", 4), 4UL);
	KTEST_EXPECT_EQ(test, clear_user(user_ptr((unsigned long)secret), 4), 4UL);
	KTEST_EXPECT_EQ(test, get_user(c, (u8 *)user_ptr((unsigned long)secret)), -EFAULT);
	KTEST_EXPECT_EQ(test, c, 0);
	KTEST_EXPECT_EQ(test, put_user(c, (u8 *)user_ptr((unsigned long)secret)), -EFAULT);
	KTEST_EXPECT_EQ(test, strncpy_from_user(buf, user_ptr((unsigned long)secret), 16),
			(long)-EFAULT);
	KTEST_EXPECT_EQ(test, strnlen_user(user_ptr((unsigned long)secret), 16), 0L);
	KTEST_EXPECT_STREQ(test, secret, "kernel secret");
	KTEST_EXPECT_EQ(test, copy_from_user(buf, user_ptr(PAGE_OFFSET), 8), 8UL);
	KTEST_EXPECT_EQ(test, oops_count, before);
}

/*
 * A non-canonical pointer that skips access_ok() raises #GP, not #PF: the
 * uaccess fixup takes that too (with Linux's one warning).
 */
static void non_canonical_pointer_faults_cleanly(struct ktest *test)
{
	u64 *bad = user_ptr(0x8000000000001000UL);
	unsigned long before = oops_count;
	u64 v = 7;

	KTEST_EXPECT_EQ(test, get_user(v, bad), -EFAULT);
	KTEST_EXPECT_EQ(test, __get_user(v, bad), -EFAULT);
	KTEST_EXPECT_EQ(test, v, 0ULL);
	KTEST_EXPECT_EQ(test, __put_user(v, bad), -EFAULT);
	KTEST_EXPECT_EQ(test, oops_count, before);
}

static void get_user_and_put_user_move_every_size(struct ktest *test)
{
	u8 *k = map_user_page(test);
	u8 v8 = 0;
	u16 v16 = 0;
	u32 v32 = 0;
	u64 v64 = 0;

	KTEST_EXPECT_EQ(test, put_user((u8)0x81, (u8 *)user_ptr(USER_PAGE)), 0);
	KTEST_EXPECT_EQ(test, put_user((u16)0x8222, (u16 *)user_ptr(USER_PAGE + 2)), 0);
	KTEST_EXPECT_EQ(test, put_user(0x83333333U, (u32 *)user_ptr(USER_PAGE + 4)), 0);
	KTEST_EXPECT_EQ(test, put_user(0x8444444444444444ULL, (u64 *)user_ptr(USER_PAGE + 8)), 0);
	KTEST_EXPECT_EQ(test, k[0], 0x81);
	KTEST_EXPECT_EQ(test, *(u16 *)(k + 2), 0x8222);
	KTEST_EXPECT_EQ(test, *(u32 *)(k + 4), 0x83333333U);
	KTEST_EXPECT_EQ(test, *(u64 *)(k + 8), 0x8444444444444444ULL);
	KTEST_EXPECT_EQ(test, get_user(v8, (u8 *)user_ptr(USER_PAGE)), 0);
	KTEST_EXPECT_EQ(test, get_user(v16, (u16 *)user_ptr(USER_PAGE + 2)), 0);
	KTEST_EXPECT_EQ(test, get_user(v32, (u32 *)user_ptr(USER_PAGE + 4)), 0);
	KTEST_EXPECT_EQ(test, get_user(v64, (u64 *)user_ptr(USER_PAGE + 8)), 0);
	KTEST_EXPECT_EQ(test, v8, 0x81);
	KTEST_EXPECT_EQ(test, v16, 0x8222);
	KTEST_EXPECT_EQ(test, v32, 0x83333333U);
	KTEST_EXPECT_EQ(test, v64, 0x8444444444444444ULL);
	/* The last 8 bytes of the page are readable; one byte further is not. */
	KTEST_EXPECT_EQ(test, get_user(v64, (u64 *)user_ptr(USER_HOLE - 8)), 0);
	KTEST_EXPECT_EQ(test, get_user(v64, (u64 *)user_ptr(USER_HOLE - 7)), -EFAULT);
	KTEST_EXPECT_EQ(test, put_user(v16, (u16 *)user_ptr(USER_HOLE - 1)), -EFAULT);
}

/* A copy that runs off the mapping returns exactly the bytes it did not do. */
static void copies_across_the_end_of_a_mapping_stop_there(struct ktest *test)
{
	u8 *k = map_user_page(test);
	unsigned long before = oops_count;
	u8 buf[32], src[32];
	unsigned int i;

	for (i = 0; i < sizeof(src); i++)
		src[i] = i + 1;
	memset(k + PAGE_SIZE - 8, 0x5a, 8);
	memset(buf, 0xaa, sizeof(buf));
	KTEST_EXPECT_EQ(test, copy_from_user(buf, user_ptr(USER_HOLE - 8), 32), 24UL);
	KTEST_EXPECT_NULL(test, memchr_inv(buf, 0x5a, 8));
	KTEST_EXPECT_NULL(test, memchr_inv(buf + 8, 0, 24));
	KTEST_EXPECT_EQ(test, copy_to_user(user_ptr(USER_HOLE - 5), src, 20), 15UL);
	KTEST_EXPECT_MEMEQ(test, k + PAGE_SIZE - 5, src, 5);
	KTEST_EXPECT_EQ(test, clear_user(user_ptr(USER_HOLE - 3), 10), 7UL);
	KTEST_EXPECT_NULL(test, memchr_inv(k + PAGE_SIZE - 3, 0, 3));
	KTEST_EXPECT_EQ(test, k[PAGE_SIZE - 4], 2);	/* src[1], left alone */
	/* Wholly inside: everything copied. */
	KTEST_EXPECT_EQ(test, copy_to_user(user_ptr(USER_PAGE + 100), src, 32), 0UL);
	KTEST_EXPECT_EQ(test, copy_from_user(buf, user_ptr(USER_PAGE + 100), 32), 0UL);
	KTEST_EXPECT_MEMEQ(test, buf, src, 32);
	KTEST_EXPECT_EQ(test, oops_count, before);
}

static void strncpy_from_user_lengths_and_limits(struct ktest *test)
{
	u8 *k = map_user_page(test);
	char dst[16];

	memcpy(k + 16, "hello", 6);
	memcpy(k + PAGE_SIZE - 3, "abc", 3);	/* no NUL before the hole */
	memset(dst, 'x', sizeof(dst));
	KTEST_EXPECT_EQ(test, strncpy_from_user(dst, user_ptr(USER_PAGE + 16), 16), 5L);
	KTEST_EXPECT_STREQ(test, dst, "hello");
	memset(dst, 'x', sizeof(dst));
	KTEST_EXPECT_EQ(test, strncpy_from_user(dst, user_ptr(USER_PAGE + 16), 6), 5L);
	KTEST_EXPECT_EQ(test, strncpy_from_user(dst, user_ptr(USER_PAGE + 16), 5), 5L);
	KTEST_EXPECT_EQ(test, dst[4], 'o');
	memset(dst, 'x', sizeof(dst));
	KTEST_EXPECT_EQ(test, strncpy_from_user(dst, user_ptr(USER_PAGE + 16), 3), 3L);
	KTEST_EXPECT_EQ(test, dst[3], 'x');	/* nothing past @count */
	KTEST_EXPECT_EQ(test, strncpy_from_user(dst, user_ptr(USER_PAGE + 16), 0), 0L);
	KTEST_EXPECT_EQ(test, strncpy_from_user(dst, user_ptr(USER_HOLE - 3), 16), (long)-EFAULT);
	KTEST_EXPECT_EQ(test, strncpy_from_user(dst, user_ptr(USER_HOLE - 3), 3), 3L);
}

static void strnlen_user_lengths_and_limits(struct ktest *test)
{
	u8 *k = map_user_page(test);

	memcpy(k + 16, "hello", 6);
	memcpy(k + PAGE_SIZE - 3, "abc", 3);
	KTEST_EXPECT_EQ(test, strnlen_user(user_ptr(USER_PAGE + 16), 100), 6L);
	KTEST_EXPECT_EQ(test, strnlen_user(user_ptr(USER_PAGE + 16), 6), 6L);
	KTEST_EXPECT_EQ(test, strnlen_user(user_ptr(USER_PAGE + 16), 3), 4L);	/* > n */
	KTEST_EXPECT_EQ(test, strnlen_user(user_ptr(USER_PAGE + 16), 0), 0L);
	KTEST_EXPECT_EQ(test, strnlen_user(user_ptr(USER_HOLE - 3), 100), 0L);
	KTEST_EXPECT_EQ(test, strnlen_user(user_ptr(USER_HOLE - 3), 3), 4L);
}

/* A string that runs into the end of user space is a fault, as Linux's. */
static void strings_stop_at_the_end_of_user_space(struct ktest *test)
{
	u8 *k = map_user_page_at(test, TASK_SIZE_MAX - PAGE_SIZE);
	char *top = user_ptr(TASK_SIZE_MAX - 3), dst[16];

	memcpy(k + PAGE_SIZE - 3, "abc", 3);
	KTEST_EXPECT_EQ(test, strncpy_from_user(dst, top, 16), (long)-EFAULT);
	KTEST_EXPECT_EQ(test, strncpy_from_user(dst, top, 3), 3L);
	KTEST_EXPECT_EQ(test, strnlen_user(top, 16), 0L);
	KTEST_EXPECT_EQ(test, strnlen_user(top, 3), 4L);
	KTEST_EXPECT_EQ(test, copy_from_user(dst, top, 3), 0UL);
	KTEST_EXPECT_EQ(test, copy_from_user(dst, top, 4), 4UL);	/* access_ok */
}

static unsigned long cr4_of_cpu[NR_CPUS];

static void read_this_cr4(void *unused)
{
	cr4_of_cpu[smp_processor_id()] = read_cr4();
}

/* CR4.SMEP/SMAP on every online CPU exactly when the CPU has them. */
static void smep_and_smap_are_on_when_the_cpu_has_them(struct ktest *test)
{
	bool smep = cpu_has_smep() && !strstr(boot_command_line, "nosmep");
	bool smap = cpu_has_smap() && !strstr(boot_command_line, "nosmap");
	unsigned int cpu;

	KTEST_EXPECT_EQ(test, smep_enabled, smep);
	KTEST_EXPECT_EQ(test, smap_enabled, smap);
	on_each_cpu(read_this_cr4, NULL, true);
	for_each_online_cpu(cpu) {
		KTEST_EXPECT_EQ(test, !!(cr4_of_cpu[cpu] & X86_CR4_SMEP), smep);
		KTEST_EXPECT_EQ(test, !!(cr4_of_cpu[cpu] & X86_CR4_SMAP), smap);
	}
}

static u64 read_user_word_result;

static noinline void read_user_word(void *addr)
{
	read_user_word_result = *(volatile u64 *)addr;
}

static noinline void read_user_word_with_stac(void *addr)
{
	stac();
	read_user_word_result = *(volatile u64 *)addr;
	clac();
}

/* SMAP: a plain kernel load from a user page faults; inside stac it works. */
static void kernel_access_to_a_user_page_needs_stac(struct ktest *test)
{
	struct exception_info info;
	u8 *k;

	if (!smap_enabled)
		KTEST_SKIP(test, "no SMAP (CPU or nosmap)");
	k = map_user_page(test);
	*(u64 *)(k + 64) = 0x5eed;
	KTEST_EXPECT_EXCEPTION(test, read_user_word, user_ptr(USER_PAGE + 64), X86_TRAP_PF,
			       &info);
	KTEST_EXPECT_EQ(test, info.address, USER_PAGE + 64);
	KTEST_EXPECT_EQ(test, info.error_code, X86_PF_PROT);	/* present, read, kernel */
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "#PF: error_code(0x0001) - "
						   "permissions violation"));
	read_user_word_result = 0;
	KTEST_EXPECT_FALSE(test, ktest_catch_exception(read_user_word_with_stac,
						       user_ptr(USER_PAGE + 64), &info));
	KTEST_EXPECT_EQ(test, read_user_word_result, 0x5eedULL);
}

static noinline void call_user_code(void *addr)
{
	((void (*)(void))addr)();
}

/* SMEP: the kernel may not run code from a user page, whatever it holds. */
static void kernel_cannot_execute_a_user_page(struct ktest *test)
{
	struct exception_info info;
	u8 *k;

	if (!smep_enabled)
		KTEST_SKIP(test, "no SMEP (CPU or nosmep)");
	k = map_user_page(test);
	k[0x800] = 0xc3;	/* ret */
	KTEST_EXPECT_EXCEPTION(test, call_user_code, user_ptr(USER_PAGE + 0x800), X86_TRAP_PF,
			       &info);
	KTEST_EXPECT_EQ(test, info.address, USER_PAGE + 0x800);
	KTEST_EXPECT_EQ(test, info.error_code, X86_PF_INSTR | X86_PF_PROT);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "unable to execute userspace code (SMEP?)"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
			  "#PF: supervisor instruction fetch in kernel mode"));
}

static struct ktest_case uaccess_cases[] = {
	KTEST_CASE(nothing_is_mapped_in_the_lower_half),
	KTEST_CASE(the_kernel_half_has_no_user_entries),
	KTEST_CASE(access_ok_stops_at_task_size_max),
	KTEST_CASE_PARAM(unmapped_user_memory_gives_efault, unmapped_gen_params),
	KTEST_CASE(kernel_addresses_are_refused),
	KTEST_CASE(non_canonical_pointer_faults_cleanly),
	KTEST_CASE(get_user_and_put_user_move_every_size),
	KTEST_CASE(copies_across_the_end_of_a_mapping_stop_there),
	KTEST_CASE(strncpy_from_user_lengths_and_limits),
	KTEST_CASE(strnlen_user_lengths_and_limits),
	KTEST_CASE(strings_stop_at_the_end_of_user_space),
	KTEST_CASE(smep_and_smap_are_on_when_the_cpu_has_them),
	KTEST_CASE(kernel_access_to_a_user_page_needs_stac),
	KTEST_CASE(kernel_cannot_execute_a_user_page),
	{}
};

static struct ktest_suite uaccess_suite = {
	.name = "uaccess",
	.exit = uaccess_test_exit,
	.test_cases = uaccess_cases,
};
ktest_register_suite(uaccess_suite);
