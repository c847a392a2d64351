// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the preemption count, might_sleep(), lockdep-lite
 * (kernel/lockdep.c) and rwlock_t. The lockdep cases turn it on for
 * themselves (lockdep_reset()) and leave it as the boot found it.
 */
#include <linux/ktest.h>
#include <linux/spinlock.h>
#include <linux/lockdep.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/gfp.h>
#include <linux/atomic.h>
#include <asm/apic.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/processor.h>

static bool lockdep_at_boot;

static int lockdep_suite_init(struct ktest_suite *suite)
{
	lockdep_at_boot = lockdep_enabled;
	return 0;
}

static void lockdep_suite_exit(struct ktest_suite *suite)
{
	lockdep_reset();
	lockdep_enabled = lockdep_at_boot;
}

static DEFINE_SPINLOCK(lock_a);
static DEFINE_SPINLOCK(lock_b);
static DEFINE_SPINLOCK(lock_c);

static void spinlock_disables_preemption(struct ktest *test)
{
	unsigned int before = preempt_count();

	spin_lock(&lock_a);
	KTEST_EXPECT_EQ(test, preempt_count(), before + 1);
	KTEST_EXPECT_TRUE(test, in_atomic());
	KTEST_EXPECT_FALSE(test, in_interrupt());
	spin_unlock(&lock_a);
	KTEST_EXPECT_EQ(test, preempt_count(), before);
	KTEST_EXPECT_TRUE(test, spin_trylock(&lock_a));
	KTEST_EXPECT_FALSE(test, spin_trylock(&lock_a));	/* held: fails, no count */
	KTEST_EXPECT_EQ(test, preempt_count(), before + 1);
	spin_unlock(&lock_a);
}

static volatile unsigned int seen_count;

static void record_preempt_count(struct pt_regs *regs)
{
	seen_count = preempt_count();
}

static void interrupt_handlers_run_in_hardirq_context(struct ktest *test)
{
	unsigned long flags;
	unsigned long long t0;

	seen_count = 0;
	set_vector_handler(0x42, record_preempt_count);
	local_irq_save(flags);
	apic_send_IPI(0, APIC_DEST_SELF | APIC_DM_FIXED | 0x42);
	local_irq_enable();
	for (t0 = rdtsc_ordered(); !seen_count && rdtsc_ordered() - t0 < 1000000000ULL;)
		cpu_relax();
	local_irq_restore(flags);
	set_vector_handler(0x42, NULL);
	KTEST_EXPECT_EQ(test, seen_count & HARDIRQ_MASK, HARDIRQ_OFFSET);
	KTEST_EXPECT_EQ(test, preempt_count() & HARDIRQ_MASK, 0u);
}

static void might_sleep_is_quiet_without_locks(struct ktest *test)
{
	might_sleep();
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "sleeping function called"));
}

static void might_sleep_with_a_spinlock_held_is_reported(struct ktest *test)
{
	spin_lock(&lock_a);
	might_sleep();
	spin_unlock(&lock_a);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
		"BUG: sleeping function called from invalid context at tests/kernel/lockdep_test.c"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "preempt_count: 1, expected: 0"));
}

static void might_sleep_with_interrupts_off_is_reported(struct ktest *test)
{
	unsigned long flags;

	local_irq_save(flags);
	might_sleep();
	local_irq_restore(flags);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "in_atomic(): 0, irqs_disabled(): 1"));
}

static void blocking_allocation_under_a_spinlock_is_reported(struct ktest *test)
{
	struct page *page;

	spin_lock(&lock_b);
	page = alloc_page(GFP_KERNEL);
	spin_unlock(&lock_b);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "at mm/page_alloc.c"));
	if (page)
		__free_page(page);
}

static void lockdep_reports_recursive_locking(struct ktest *test)
{
	static struct lock_class_key key;
	struct lockdep_map map = STATIC_LOCKDEP_MAP_INIT("test_map", &key);

	lockdep_reset();
	lock_acquire(&map, false, _THIS_IP_);
	KTEST_EXPECT_EQ(test, lockdep_depth(), 1u);
	lock_acquire(&map, false, _THIS_IP_);	/* would deadlock: not taken for real */
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "possible recursive locking detected"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "(test_map)"));
	KTEST_EXPECT_FALSE(test, lockdep_enabled);	/* first report turns it off */
	lock_release(&map, _THIS_IP_);
	KTEST_EXPECT_EQ(test, lockdep_depth(), 0u);
}

static void lockdep_accepts_a_consistent_order(struct ktest *test)
{
	int i;

	lockdep_reset();
	for (i = 0; i < 3; i++) {
		spin_lock(&lock_a);
		spin_lock(&lock_b);
		KTEST_EXPECT_EQ(test, lockdep_depth(), 2u);
		spin_unlock(&lock_b);
		spin_unlock(&lock_a);
	}
	KTEST_EXPECT_TRUE(test, lockdep_enabled);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "WARNING: possible"));
}

static void lockdep_reports_ab_ba(struct ktest *test)
{
	lockdep_reset();
	spin_lock(&lock_a);
	spin_lock(&lock_b);
	spin_unlock(&lock_b);
	spin_unlock(&lock_a);
	/* The other order: on one CPU it cannot deadlock, but it could on two. */
	spin_lock(&lock_b);
	spin_lock(&lock_a);
	spin_unlock(&lock_a);
	spin_unlock(&lock_b);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
		"possible circular locking dependency detected"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "(lock_a)"));
}

static void lockdep_reports_a_longer_cycle(struct ktest *test)
{
	lockdep_reset();
	spin_lock(&lock_a);
	spin_lock(&lock_b);
	spin_unlock(&lock_b);
	spin_unlock(&lock_a);
	spin_lock(&lock_b);
	spin_lock(&lock_c);
	spin_unlock(&lock_c);
	spin_unlock(&lock_b);
	KTEST_EXPECT_TRUE(test, lockdep_enabled);
	spin_lock(&lock_c);
	spin_lock(&lock_a);
	spin_unlock(&lock_a);
	spin_unlock(&lock_c);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test,
		"possible circular locking dependency detected"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "lock_a -> ... -> lock_c"));
}

static void locks_of_one_init_site_share_a_class(struct ktest *test)
{
	spinlock_t locks[2];
	int i;

	for (i = 0; i < 2; i++)
		spin_lock_init(&locks[i]);
	KTEST_EXPECT_PTR_EQ(test, locks[0].dep_map.key, locks[1].dep_map.key);
	KTEST_EXPECT_PTR_NE(test, lock_a.dep_map.key, lock_b.dep_map.key);
}

/*
 * A lock taken with lockdep on and released after a report turned it off
 * (on another CPU, say) is no longer held when lockdep is on again:
 * otherwise its next acquisition would be "recursive".
 */
static void a_release_after_a_report_still_counts(struct ktest *test)
{
	static struct lock_class_key key;
	struct lockdep_map map = STATIC_LOCKDEP_MAP_INIT("test_map", &key);

	lockdep_reset();
	spin_lock(&lock_a);
	lock_acquire(&map, false, _THIS_IP_);
	lock_acquire(&map, false, _THIS_IP_);	/* the report: lockdep off */
	KTEST_EXPECT_FALSE(test, lockdep_enabled);
	spin_unlock(&lock_a);
	lock_release(&map, _THIS_IP_);
	KTEST_EXPECT_EQ(test, lockdep_depth(), 0u);
}

/* Two locks of one class, nested: a deadlock if another CPU nests them the other way. */
static void nesting_one_class_is_reported_unless_annotated(struct ktest *test)
{
	spinlock_t locks[2];
	int i;

	for (i = 0; i < 2; i++)
		spin_lock_init(&locks[i]);
	lockdep_reset();
	spin_lock(&locks[0]);
	spin_lock_nested(&locks[1], SINGLE_DEPTH_NESTING);
	KTEST_EXPECT_EQ(test, lockdep_depth(), 2u);
	spin_unlock(&locks[1]);
	spin_unlock(&locks[0]);
	KTEST_EXPECT_TRUE(test, lockdep_enabled);
	KTEST_EXPECT_FALSE(test, ktest_log_contains(test, "WARNING: possible"));
	spin_lock(&locks[0]);
	spin_lock(&locks[1]);
	spin_unlock(&locks[1]);
	spin_unlock(&locks[0]);
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "possible recursive locking detected"));
	KTEST_EXPECT_TRUE(test, ktest_log_contains(test, "(&locks[i])"));
}

/* rwlock: writers keep x == y; readers must never see them differ. */
static DEFINE_RWLOCK(test_rwlock);
static unsigned long rw_x, rw_y;
static atomic_t rw_torn, rw_done;

static void rw_worker(void *arg)
{
	unsigned int i;

	for (i = 0; i < 5000; i++) {
		if ((i + smp_processor_id()) % 4 == 0) {
			write_lock(&test_rwlock);
			rw_x++;
			cpu_relax();
			rw_y++;
			write_unlock(&test_rwlock);
		} else {
			read_lock(&test_rwlock);
			if (READ_ONCE(rw_x) != READ_ONCE(rw_y))
				atomic_inc(&rw_torn);
			read_unlock(&test_rwlock);
		}
	}
	atomic_inc(&rw_done);
}

static void rwlock_excludes_writers_from_readers(struct ktest *test)
{
	rw_x = rw_y = 0;
	atomic_set(&rw_torn, 0);
	atomic_set(&rw_done, 0);
	smp_call_function_many(cpu_online_mask, rw_worker, NULL, false);
	rw_worker(NULL);
	while ((unsigned int)atomic_read(&rw_done) < num_online_cpus())
		cpu_relax();
	KTEST_EXPECT_EQ(test, atomic_read(&rw_torn), 0);
	KTEST_EXPECT_EQ(test, rw_x, rw_y);
	KTEST_EXPECT_EQ(test, rw_x, 1250UL * num_online_cpus());
	KTEST_EXPECT_EQ(test, test_rwlock.cnt, 0u);
}

static struct ktest_case lockdep_cases[] = {
	KTEST_CASE(spinlock_disables_preemption),
	KTEST_CASE(interrupt_handlers_run_in_hardirq_context),
	KTEST_CASE(might_sleep_is_quiet_without_locks),
	KTEST_CASE(might_sleep_with_a_spinlock_held_is_reported),
	KTEST_CASE(might_sleep_with_interrupts_off_is_reported),
	KTEST_CASE(blocking_allocation_under_a_spinlock_is_reported),
	KTEST_CASE(lockdep_reports_recursive_locking),
	KTEST_CASE(lockdep_accepts_a_consistent_order),
	KTEST_CASE(lockdep_reports_ab_ba),
	KTEST_CASE(lockdep_reports_a_longer_cycle),
	KTEST_CASE(locks_of_one_init_site_share_a_class),
	KTEST_CASE(nesting_one_class_is_reported_unless_annotated),
	KTEST_CASE(a_release_after_a_report_still_counts),
	KTEST_CASE(rwlock_excludes_writers_from_readers),
	{}
};

static struct ktest_suite lockdep_suite = {
	.name = "lockdep",
	.suite_init = lockdep_suite_init,
	.suite_exit = lockdep_suite_exit,
	.test_cases = lockdep_cases,
};
ktest_register_suite(lockdep_suite);
