// SPDX-License-Identifier: GPL-2.0
/*
 * lockdep-lite: see include/linux/lockdep.h for what it reports.
 *
 * State:
 *  - classes[]: one per lock_class_key seen, up to MAX_LOCK_CLASSES;
 *  - after[a]: bitmap of the classes taken while a class-a lock was held
 *    (the "a before b" order); a cycle through it is a possible deadlock;
 *  - per task, the stack of locks held (task_struct.lockdep): a mutex is
 *    held across sleeps and migrations; an interrupt handler's spinlocks
 *    stack on the interrupted task's.
 *
 * Locking: lockdep_lock (an arch spinlock, invisible to lockdep itself,
 * taken with interrupts off) protects classes[] and after[]; the held
 * stack is its task's, touched with interrupts off.
 *
 * Cost: nothing but one test of lockdep_enabled (lockdep_tracking for a
 * release) per lock operation when never on; when on, a search of at
 * most MAX_LOCK_CLASSES classes per new order; after a report turned it
 * off, a release still searches the task's held locks.
 */
#include <linux/lockdep.h>
#include <linux/spinlock.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include <linux/bitops.h>
#include <linux/bug.h>
#include <asm/irqflags.h>
#include <asm/stacktrace.h>

#define MAX_LOCK_CLASSES	256

struct lock_class {
	const struct lock_class_key *key;
	const char *name;
};

bool lockdep_enabled;
bool lockdep_tracking;
static spinlock_t lockdep_lock;
static struct lock_class classes[MAX_LOCK_CLASSES];
static unsigned int nr_classes;
static unsigned long after[MAX_LOCK_CLASSES][BITS_TO_LONGS(MAX_LOCK_CLASSES)];

static int lockdep_setup(char *val)
{
	int err = kstrtobool(val, &lockdep_enabled);

	lockdep_tracking = lockdep_enabled;
	return err;
}
early_param("lockdep", lockdep_setup);

/* First report wins: as Linux's debug_locks_off(). */
static bool lockdep_off(void)
{
	return __atomic_exchange_n(&lockdep_enabled, false, __ATOMIC_SEQ_CST);
}

/*
 * The class of @map taken as @subclass, registered on first sight; -1
 * when the table is full. Lock held.
 */
static int map_class(const struct lockdep_map *map, unsigned int subclass)
{
	const struct lock_class_key *key = (const void *)&map->key->subkeys[subclass];
	unsigned int i;

	for (i = 0; i < nr_classes; i++)
		if (classes[i].key == key)
			return (int)i;
	if (nr_classes == MAX_LOCK_CLASSES)
		return -1;
	classes[nr_classes].key = key;
	classes[nr_classes].name = map->name;
	return (int)nr_classes++;
}

/* Is there a chain from class @from to class @to in after[]? Lock held. */
static bool reachable(unsigned int from, unsigned int to)
{
	static unsigned long seen[BITS_TO_LONGS(MAX_LOCK_CLASSES)];
	static unsigned int queue[MAX_LOCK_CLASSES];
	unsigned int head = 0, tail = 0, c, next;

	memset(seen, 0, sizeof(seen));
	queue[tail++] = from;
	__set_bit(from, seen);
	while (head < tail) {
		c = queue[head++];
		if (c == to)
			return true;
		for_each_set_bit(next, after[c], MAX_LOCK_CLASSES) {
			if (__test_and_set_bit(next, seen))
				continue;
			queue[tail++] = next;
		}
	}
	return false;
}

static void print_lock(const char *what, const struct lockdep_map *map, unsigned long ip)
{
	if (*what)
		pr_warn("%s\n", what);
	pr_warn(" (%s){....}-{2:2}, at: %pS\n", map->name, (void *)ip);
}

/* The banner, both locks, as Linux's reports start. */
static void report_header(const char *title, const struct held_lock *held,
			  const struct lockdep_map *map, unsigned long ip)
{
	pr_warn("\n======================================================\n");
	pr_warn("WARNING: %s\n", title);
	pr_warn("------------------------------------------------------\n");
	pr_warn("%s/%d is trying to acquire lock:\n", current->comm, current->pid);
	print_lock("", map, ip);
	print_lock("but task is already holding lock:", held->map, held->ip);
}

static void report_recursion(const struct held_lock *held, const struct lockdep_map *map,
			     unsigned long ip)
{
	report_header("possible recursive locking detected", held, map, ip);
	pr_warn("*** DEADLOCK ***\n");
	dump_stack();
}

static void report_circular(const struct held_lock *held, const struct lockdep_map *map,
			    unsigned long ip)
{
	report_header("possible circular locking dependency detected", held, map, ip);
	pr_warn("which lock already depends on the new lock: %s -> ... -> %s was seen before\n",
		map->name, held->map->name);
	dump_stack();
}

/*
 * Check @map against the held locks and record the new orders. Returns
 * the class, or -1 after a report (lockdep is then off). Lock held.
 */
static int check_acquire(struct lockdep_task *hl, const struct lockdep_map *map,
			 unsigned int subclass, bool trylock, unsigned long ip)
{
	int class = map_class(map, subclass);
	unsigned int i;

	if (class < 0)
		return -1;
	for (i = 0; i < hl->depth; i++) {
		const struct held_lock *h = &hl->lock[i];

		/* The lock itself, or one of its class: as Linux, unless annotated. */
		if ((h->map == map || h->class == (unsigned int)class) && !trylock) {
			if (lockdep_off())
				report_recursion(h, map, ip);
			return -1;
		}
		if (h->class == (unsigned int)class || test_bit(class, after[h->class]))
			continue;
		/* A trylock cannot deadlock, but its order still counts for others. */
		if (!trylock && reachable((unsigned int)class, h->class)) {
			if (lockdep_off())
				report_circular(h, map, ip);
			return -1;
		}
		__set_bit(class, after[h->class]);
	}
	return class;
}

void __lock_acquire(struct lockdep_map *map, unsigned int subclass, bool trylock,
		    unsigned long ip)
{
	struct lockdep_task *hl;
	unsigned long flags;
	int class;

	/* Before lockdep_lock: the warning takes locks of its own. */
	if (WARN_ON_ONCE(subclass >= MAX_LOCKDEP_SUBCLASSES))
		subclass = 0;
	local_irq_save(flags);
	hl = &current->lockdep;
	arch_spin_lock(&lockdep_lock);
	class = lockdep_enabled ? check_acquire(hl, map, subclass, trylock, ip) : -1;
	arch_spin_unlock(&lockdep_lock);
	if (class >= 0 && hl->depth < MAX_LOCK_DEPTH) {
		hl->lock[hl->depth].map = map;
		hl->lock[hl->depth].class = (unsigned int)class;
		hl->lock[hl->depth].ip = ip;
		hl->depth++;
	}
	local_irq_restore(flags);
}

void lock_release(struct lockdep_map *map, unsigned long ip)
{
	struct lockdep_task *hl;
	unsigned long flags;
	int i;

	local_irq_save(flags);
	hl = &current->lockdep;
	/* Locks may be released out of order: find it from the top. */
	for (i = (int)hl->depth - 1; i >= 0; i--) {
		if (hl->lock[i].map != map)
			continue;
		memmove(&hl->lock[i], &hl->lock[i + 1],
			(hl->depth - i - 1) * sizeof(hl->lock[0]));
		hl->depth--;
		break;
	}
	local_irq_restore(flags);
}

unsigned int lockdep_depth(void)
{
	return current->lockdep.depth;
}

void lockdep_reset(void)
{
	unsigned long flags;

	local_irq_save(flags);
	arch_spin_lock(&lockdep_lock);
	nr_classes = 0;
	memset(after, 0, sizeof(after));
	current->lockdep.depth = 0;
	lockdep_tracking = true;
	lockdep_enabled = true;
	arch_spin_unlock(&lockdep_lock);
	local_irq_restore(flags);
}

/* Report smp_processor_id() from code that may migrate, once. */
void check_preemption_disabled(void)
{
	static bool reported;
	struct task_struct *me = current;

	if (preempt_count() || irqs_disabled() || (me->flags & PF_NO_SETAFFINITY) ||
	    reported)
		return;
	reported = true;
	pr_err("BUG: using smp_processor_id() in preemptible [%08x] code: %s/%d\n",
	       preempt_count(), me->comm, me->pid);
	dump_stack();
}

void __might_sleep(const char *file, int line, bool *reported)
{
	unsigned int count = preempt_count();

	if (*reported || (!count && !(irqs_disabled() && system_state == SYSTEM_RUNNING)))
		return;
	*reported = true;
	pr_err("BUG: sleeping function called from invalid context at %s:%d\n", file, line);
	pr_err("in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s\n",
	       count != 0, irqs_disabled(), current->pid, current->comm);
	pr_err("preempt_count: %x, expected: 0\n", count);
	if (lockdep_enabled && lockdep_depth())
		pr_err("%u lock%s held by %s/%d\n", lockdep_depth(),
		       lockdep_depth() > 1 ? "s" : "", current->comm, current->pid);
	dump_stack();
}
