// SPDX-License-Identifier: GPL-2.0
/*
 * The stack depot: every distinct stack trace stored once, named by a
 * 32-bit handle (Linux's lib/stackdepot.c, reduced; it lives in kernel/
 * because lib/ stays pure host-buildable code). A user that records a
 * stack per object keeps 4 bytes instead of 16 return addresses, and the
 * few distinct call paths of a kernel are stored once each.
 *
 *   stack_table[hash & (STACK_HASH_SIZE - 1)] -> handle -> handle -> 0
 *
 *   pool: | record | record | record | ...free...                |
 *         ^ handle 1                 ^ pool_used        ^ pool_size
 *
 *   struct stack_record { next, hash, size, entries[size] }
 *
 * A handle is the record's offset in the pool in 8-byte units, plus one,
 * so that 0 means "no stack". Records are appended and never freed or
 * changed, which makes fetching lockless. Both the hash table and the pool
 * are allocated once from memblock, only when a user asked for the depot
 * at boot (stack_depot_request_early_init()): 16 KiB of buckets and a
 * pool of 1/256 of memory, from 256 KiB to 4 MiB (Linux grows its pool
 * by 16 KiB pieces instead; one block keeps fetching a single addition,
 * and with slub_debug=U on every cache of a test boot 256 KiB ran out).
 * A full pool makes saves return 0 and count stack_depot_dropped.
 *
 * Locking: depot_lock (interrupts off) protects the chains and pool_used;
 * a record is complete before its handle is linked or returned.
 */
#include <linux/stackdepot.h>
#include <linux/hash.h>
#include <linux/memblock.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/kernel.h>

#define STACK_HASH_ORDER	12
#define STACK_HASH_SIZE		(1U << STACK_HASH_ORDER)
#define POOL_SIZE_MIN		(256UL << 10)
#define POOL_SIZE_MAX		(4UL << 20)
#define POOL_UNIT		8UL

struct stack_record {
	depot_stack_handle_t next;	/* next record of the hash chain, or 0 */
	u32 hash;
	u32 size;			/* entries */
	u32 pad;
	unsigned long entries[];
};

static bool depot_requested;
static DEFINE_SPINLOCK(depot_lock);
/* Protected by depot_lock once set up: */
static depot_stack_handle_t *stack_table;
static u8 *pool;
static unsigned long pool_size;	/* set once, at boot */
static unsigned long pool_used;
unsigned long stack_depot_dropped;

void stack_depot_request_early_init(void)
{
	depot_requested = true;
}

int stack_depot_early_init(void)
{
	if (!depot_requested || pool)
		return 0;
	pool_size = clamp(ALIGN(memblock_phys_mem_size() / 256, PAGE_SIZE),
			  POOL_SIZE_MIN, POOL_SIZE_MAX);
	/* One allocation: the pool, then the hash table. */
	pool = memblock_alloc(pool_size + STACK_HASH_SIZE * sizeof(*stack_table), PAGE_SIZE);
	if (!pool) {
		pr_err("stackdepot: cannot allocate the depot, stack traces will be missing\n");
		return -ENOMEM;
	}
	stack_table = (depot_stack_handle_t *)(pool + pool_size);
	pr_info("stackdepot: %u hash buckets, %lu KiB pool\n", STACK_HASH_SIZE, pool_size >> 10);
	return 0;
}

bool stack_depot_initialized(void)
{
	return pool != NULL;
}

static struct stack_record *handle_to_record(depot_stack_handle_t handle)
{
	return (struct stack_record *)(pool + (handle - 1) * POOL_UNIT);
}

static u32 hash_stack(const unsigned long *entries, unsigned int nr)
{
	u64 h = nr;
	unsigned int i;

	for (i = 0; i < nr; i++)
		h = (h ^ entries[i]) * GOLDEN_RATIO_64 + (h >> 29);
	return hash_64(h, 32);
}

/* The handle of an equal trace on @bucket's chain, or 0. Context: depot_lock. */
static depot_stack_handle_t find_stack(depot_stack_handle_t bucket, u32 hash,
				       const unsigned long *entries, unsigned int nr)
{
	depot_stack_handle_t h;

	for (h = bucket; h; h = handle_to_record(h)->next) {
		const struct stack_record *r = handle_to_record(h);

		if (r->hash == hash && r->size == nr &&
		    !memcmp(r->entries, entries, nr * sizeof(*entries)))
			return h;
	}
	return 0;
}

/* Append a record to the pool; 0 when it is full. Context: depot_lock. */
static depot_stack_handle_t depot_alloc_stack(u32 hash, const unsigned long *entries,
					      unsigned int nr)
{
	size_t size = ALIGN(sizeof(struct stack_record) + nr * sizeof(*entries), POOL_UNIT);
	struct stack_record *r;

	if (pool_used + size > pool_size) {
		stack_depot_dropped++;
		return 0;
	}
	r = (struct stack_record *)(pool + pool_used);
	r->hash = hash;
	r->size = nr;
	memcpy(r->entries, entries, nr * sizeof(*entries));
	pool_used += size;
	return (depot_stack_handle_t)((pool_used - size) / POOL_UNIT + 1);
}

depot_stack_handle_t stack_depot_save(const unsigned long *entries, unsigned int nr_entries)
{
	depot_stack_handle_t *bucket, handle;
	unsigned long flags;
	u32 hash;

	if (!pool || !nr_entries)
		return 0;
	nr_entries = min(nr_entries, (unsigned int)STACK_DEPOT_MAX_FRAMES);
	hash = hash_stack(entries, nr_entries);
	bucket = &stack_table[hash & (STACK_HASH_SIZE - 1)];
	spin_lock_irqsave(&depot_lock, flags);
	handle = find_stack(*bucket, hash, entries, nr_entries);
	if (!handle) {
		handle = depot_alloc_stack(hash, entries, nr_entries);
		if (handle) {
			handle_to_record(handle)->next = *bucket;
			*bucket = handle;
		}
	}
	spin_unlock_irqrestore(&depot_lock, flags);
	return handle;
}

unsigned int stack_depot_fetch(depot_stack_handle_t handle, unsigned long **entries)
{
	struct stack_record *r;

	*entries = NULL;
	if (!handle || !pool)
		return 0;
	r = handle_to_record(handle);
	*entries = r->entries;
	return r->size;
}

void stack_depot_print(depot_stack_handle_t handle)
{
	unsigned long *entries;
	unsigned int i, nr = stack_depot_fetch(handle, &entries);

	for (i = 0; i < nr; i++)
		printk(" %pS\n", (void *)entries[i]);
}
