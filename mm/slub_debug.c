// SPDX-License-Identifier: GPL-2.0
/*
 * slub_debug: the slab allocator's debugging, as Linux's (the seed's
 * "Short users guide for SLUB").
 *
 * slub_debug=<options>[,<cache>,...][;<options>,<cache>,...]... sets, for
 * every cache or for the caches named (a trailing '*' matches a prefix):
 *   F  sanity checks (SLAB_CONSISTENCY_CHECKS)   Z  red zones (SLAB_RED_ZONE)
 *   P  poisoning (SLAB_POISON)                   U  owner tracking (SLAB_STORE_USER)
 *   T  tracing (SLAB_TRACE)                      A  failslab filter (SLAB_FAILSLAB)
 *   O  no debugging that raises a cache's order (the guide spells it '0')
 *   -  off
 * "slub_debug" alone is FZPU for every cache. Unknown letters are reported
 * and skipped.
 *
 * A debug cache (mm/slab.h) passes every allocation and free through
 * alloc_debug_processing() and free_debug_processing() under list_lock.
 * What its object slots hold (mm/slab.h shows the layout):
 *   - red zones (Z): 0xbb while the object is free, 0xcc while allocated;
 *   - the object (P, no constructor): 0x6b with a last byte of 0xa5, from
 *     its free until it is allocated again (an allocation leaves the poison
 *     for the caller to overwrite, as Linux does);
 *   - alignment and object padding (P): 0x5a, as the slab's tail;
 *   - tracks (U): who allocated and freed the object, with stacks.
 * With F, an allocation checks that the object is a valid one whose red
 * zones and poison are intact (a write after free), and a free checks that
 * the pointer is an object's start, not already free, with intact red
 * zones (a write past either end).
 *
 * A corruption is reported in Linux's shape: "BUG <cache> (<taint>):
 * <what>", the bytes, the tracks, the slab and object with a hex dump of
 * the slot and a stack trace; then "FIX <cache>: <what was done>". The
 * bytes are restored and the kernel goes on; a corrupt object on the
 * freelist makes its slab's free objects unusable ("Marking all objects
 * used"), a bad free is not done ("Object at ... not freed"). Every report
 * counts in slub_debug_reports and taints the kernel ('B').
 *
 * validate_slab_cache() (the shell's slabinfo -v) checks every slab on the
 * cache's lists, after flushing the CPU slabs: counters, freelists and
 * every object's red zones and poison. Full slabs are on a list only for
 * debug caches, as in Linux.
 *
 * Locking: the checks run under the cache's list_lock; validation holds
 * validate_mutex around it for the object map.
 */
#include "slab.h"
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/sprintf.h>
#include <asm/stacktrace.h>
#include "internal.h"

/* What "slub_debug" with no options, or a block without options, turns on. */
#define DEBUG_DEFAULT_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | \
				 SLAB_STORE_USER)

atomic_long_t slub_debug_reports;
bool disable_higher_order_debug;

/* The boot's slub_debug=; written by the early parameter only. */
static struct slub_debug_options slub_debug_opts;

/* ---- slub_debug= ----------------------------------------------------------- */

/*
 * Parse the block at @str: its option letters into *@flags (a block that
 * starts with ',' means DEBUG_DEFAULT_FLAGS), *@caches to the start of its
 * cache list (NULL if it has none). @report: print unknown letters, and
 * note 'O' in *@no_higher_order. Return: the next block, or NULL.
 */
static const char *parse_block(const char *str, slab_flags_t *flags, const char **caches,
			       bool *no_higher_order, bool report)
{
	while (*str == ';')
		str++;
	*flags = *str == ',' ? DEBUG_DEFAULT_FLAGS : 0;
	for (; *str && *str != ',' && *str != ';'; str++) {
		switch (tolower(*str)) {
		case '-':
			*flags = 0;
			break;
		case 'f':
			*flags |= SLAB_CONSISTENCY_CHECKS;
			break;
		case 'z':
			*flags |= SLAB_RED_ZONE;
			break;
		case 'p':
			*flags |= SLAB_POISON;
			break;
		case 'u':
			*flags |= SLAB_STORE_USER;
			break;
		case 't':
			*flags |= SLAB_TRACE;
			break;
		case 'a':
			*flags |= SLAB_FAILSLAB;
			break;
		case 'o':
		case '0':
			if (report)
				*no_higher_order = true;
			break;
		default:
			if (report)
				pr_err("slub_debug option '%c' unknown. skipped\n", *str);
		}
	}
	*caches = *str == ',' ? str + 1 : NULL;
	str += strcspn(str, ";");
	while (*str == ';')
		str++;
	return *str ? str : NULL;
}

int slub_debug_parse(struct slub_debug_options *opt, const char *str)
{
	slab_flags_t flags, global = DEBUG_DEFAULT_FLAGS;
	bool global_set = false, lists = false;
	const char *caches, *p = str;

	memset(opt, 0, sizeof(*opt));
	if (!str || !*str) {
		opt->flags = DEBUG_DEFAULT_FLAGS;
		return 0;
	}
	if (strlen(str) >= sizeof(opt->blocks)) {
		pr_err("slub_debug: '%.32s...' is longer than %zu characters\n", str,
		       sizeof(opt->blocks) - 1);
		return -EINVAL;
	}
	while (p) {
		p = parse_block(p, &flags, &caches, &opt->disable_higher_order, true);
		if (caches) {
			lists = true;
		} else {
			global = flags;
			global_set = true;
		}
	}
	if (lists) {
		/* Lists alone leave the other caches as they were: no debugging. */
		if (!global_set)
			global = 0;
		strscpy(opt->blocks, str, sizeof(opt->blocks));
	}
	opt->flags = global;
	return 0;
}

/* Does @name match the list entry [@entry, @end): the whole name, or a prefix before '*'? */
static bool cache_name_matches(const char *name, const char *entry, const char *end)
{
	const char *glob = memchr(entry, '*', end - entry);

	if (glob)
		return !strncmp(name, entry, glob - entry);
	return strlen(name) == (size_t)(end - entry) && !strncmp(name, entry, end - entry);
}

slab_flags_t slub_debug_cache_flags(const struct slub_debug_options *opt, const char *name,
				    slab_flags_t flags)
{
	const char *next = opt->blocks[0] ? opt->blocks : NULL, *entry;
	slab_flags_t block_flags;

	/* The first block whose list names the cache wins. */
	while (next) {
		next = parse_block(next, &block_flags, &entry, NULL, false);
		while (entry && *entry && *entry != ';') {
			const char *end = entry + strcspn(entry, ",;");

			if (cache_name_matches(name, entry, end))
				return flags | block_flags;
			entry = *end == ',' ? end + 1 : end;
		}
	}
	return flags | opt->flags;
}

slab_flags_t kmem_cache_flags(const char *name, slab_flags_t flags)
{
	return slub_debug_cache_flags(&slub_debug_opts, name, flags);
}

/* Does any block of @opt ask for @flag? */
static bool slub_debug_wants(const struct slub_debug_options *opt, slab_flags_t flag)
{
	const char *next = opt->blocks[0] ? opt->blocks : NULL, *caches;
	slab_flags_t block_flags;

	if (opt->flags & flag)
		return true;
	while (next) {
		next = parse_block(next, &block_flags, &caches, NULL, false);
		if (block_flags & flag)
			return true;
	}
	return false;
}

static int setup_slub_debug(char *str)
{
	struct slub_debug_options opt;

	if (slub_debug_parse(&opt, str))
		return -EINVAL;
	slub_debug_opts = opt;
	disable_higher_order_debug = opt.disable_higher_order;
	if (slub_debug_wants(&opt, SLAB_STORE_USER))
		stack_depot_request_early_init();
	return 0;
}
early_param("slub_debug", setup_slub_debug);

/* ---- reports ---------------------------------------------------------------- */

/* A free object's bytes are poison: SLAB_POISON without a constructor (Linux's __OBJECT_POISON). */
static inline bool object_poisoned(const struct kmem_cache *s)
{
	return (s->flags & SLAB_POISON) && !s->ctor;
}

/* Bytes from the object to the end of its slot. */
static inline unsigned int size_from_object(const struct kmem_cache *s)
{
	return s->size - s->red_left_pad;
}

static struct track *get_track(struct kmem_cache *s, void *object, enum track_item item)
{
	return (struct track *)((char *)object + get_info_end(s)) + item;
}

static void print_section(const char *level, const char *text, const void *addr,
			  unsigned int length)
{
	print_hex_dump(level, text, DUMP_PREFIX_ADDRESS, 16, 1, addr, length, true);
}

static void print_track(const char *what, const struct track *t, unsigned long now)
{
	if (!t->addr)
		return;
	pr_err("%s in %pS age=%lu cpu=%u pid=%d\n", what, (void *)t->addr, now - t->when,
	       t->cpu, t->pid);
	if (t->handle)
		stack_depot_print(t->handle);
	else
		pr_err("no stack trace available\n");
}

static void print_tracking(struct kmem_cache *s, void *object)
{
	unsigned long now = jiffies;

	if (!(s->flags & SLAB_STORE_USER))
		return;
	print_track("Allocated", get_track(s, object, TRACK_ALLOC), now);
	print_track("Freed", get_track(s, object, TRACK_FREE), now);
}

static void print_slab_info(const struct slab *slab)
{
	unsigned long c = READ_ONCE(slab->counters);
	char flags[128];

	format_page_flags(flags, sizeof(flags), slab->__page_flags);
	pr_err("Slab 0x%p objects=%u used=%u fp=0x%p flags=%#lx(%s)\n", slab, SLAB_OBJECTS(c),
	       SLAB_INUSE(c), slab->freelist, slab->__page_flags, flags);
}

/* The head of every report; each counts once. */
static void vslab_bug(struct kmem_cache *s, const char *fmt, va_list ap)
{
	char buf[128];

	vscnprintf(buf, sizeof(buf), fmt, ap);
	pr_err("=============================================================================\n");
	pr_err("BUG %s (%s): %s\n", s->name, print_tainted(), buf);
	pr_err("-----------------------------------------------------------------------------\n\n");
	atomic_long_add(1, &slub_debug_reports);
}

static void __printf(2, 3) slab_bug(struct kmem_cache *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vslab_bug(s, fmt, ap);
	va_end(ap);
}

static void __printf(2, 3) slab_fix(struct kmem_cache *s, const char *fmt, ...)
{
	char buf[128];
	va_list ap;

	va_start(ap, fmt);
	vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	pr_err("FIX %s: %s\n", s->name, buf);
}

/* The object in full: tracks, slab, and a dump of its slot. */
static void print_trailer(struct kmem_cache *s, struct slab *slab, u8 *p)
{
	u8 *addr = slab_address(slab);
	unsigned int off;

	print_tracking(s, p);
	print_slab_info(slab);
	pr_err("Object 0x%p @offset=%tu fp=0x%p\n\n", p, p - addr, get_freepointer(s, p));
	if (s->flags & SLAB_RED_ZONE)
		print_section(KERN_ERR, "Redzone  ", p - s->red_left_pad, s->red_left_pad);
	else if (p > addr + 16)
		print_section(KERN_ERR, "Bytes b4 ", p - 16, 16);
	print_section(KERN_ERR, "Object   ", p, min_t(unsigned int, s->object_size, PAGE_SIZE));
	if (s->flags & SLAB_RED_ZONE)
		print_section(KERN_ERR, "Redzone  ", p + s->object_size, s->inuse - s->object_size);
	off = get_info_end(s);
	if (s->flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track);
	if (off != size_from_object(s))
		print_section(KERN_ERR, "Padding  ", p + off, size_from_object(s) - off);
	dump_stack_lvl(KERN_ERR);
}

static void object_err(struct kmem_cache *s, struct slab *slab, void *object, const char *reason)
{
	slab_bug(s, "%s", reason);
	print_trailer(s, slab, object);
	add_taint(TAINT_BAD_PAGE);
}

static void __printf(3, 4) slab_err(struct kmem_cache *s, struct slab *slab, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vslab_bug(s, fmt, ap);
	va_end(ap);
	print_slab_info(slab);
	dump_stack_lvl(KERN_ERR);
	add_taint(TAINT_BAD_PAGE);
}

static void restore_bytes(struct kmem_cache *s, const char *what, u8 value, u8 *from, u8 *to)
{
	slab_fix(s, "Restoring %s 0x%p-0x%p=0x%x", what, from, to - 1, value);
	memset(from, value, to - from);
}

/*
 * Are the @bytes at @start all @value? If not, report the overwritten
 * range of @object's slot as @what and restore it. Return: intact.
 */
static bool check_bytes_and_report(struct kmem_cache *s, struct slab *slab, u8 *object,
				   const char *what, u8 *start, u8 value, unsigned int bytes)
{
	u8 *fault = memchr_inv(start, value, bytes), *end = start + bytes;

	if (!fault)
		return true;
	while (end > fault && end[-1] == value)
		end--;
	slab_bug(s, "%s overwritten", what);
	pr_err("0x%p-0x%p @offset=%tu. First byte 0x%x instead of 0x%x\n", fault, end - 1,
	       fault - (u8 *)slab_address(slab), fault[0], value);
	print_trailer(s, slab, object);
	add_taint(TAINT_BAD_PAGE);
	restore_bytes(s, what, value, fault, end);
	return false;
}

/* ---- objects ------------------------------------------------------------------ */

/* Red zones to @val, and poison if the object is poisoned. */
static void init_object(struct kmem_cache *s, void *object, u8 val)
{
	u8 *p = object;

	if (s->flags & SLAB_RED_ZONE) {
		memset(p - s->red_left_pad, val, s->red_left_pad);
		memset(p + s->object_size, val, s->inuse - s->object_size);
	}
	if (object_poisoned(s)) {
		memset(p, POISON_FREE, s->object_size - 1);
		p[s->object_size - 1] = POISON_END;
	}
}

void setup_object_debug(struct kmem_cache *s, void *object)
{
	if (!(s->flags & (SLAB_STORE_USER | SLAB_RED_ZONE)) && !object_poisoned(s))
		return;
	init_object(s, object, SLUB_RED_INACTIVE);
	if (s->flags & SLAB_STORE_USER)
		memset(get_track(s, object, TRACK_ALLOC), 0, 2 * sizeof(struct track));
}

/* Record the caller and the stack (from the allocator in) of an alloc or free. */
static noinline void set_track(struct kmem_cache *s, void *object, enum track_item item,
			       unsigned long addr)
{
	struct track *t = get_track(s, object, item);
	unsigned long entries[STACK_DEPOT_MAX_FRAMES];
	unsigned int nr = stack_trace_save(entries, ARRAY_SIZE(entries), 0);

	t->addr = addr;
	t->handle = stack_depot_save(entries, nr);
	t->cpu = smp_processor_id();
	t->pid = current->pid;
	t->when = jiffies;
}

/* The bytes after the tracks up to the end of the slot: 0x5a. */
static bool check_pad_bytes(struct kmem_cache *s, struct slab *slab, u8 *p)
{
	unsigned int off = get_info_end(s);

	if (s->flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track);
	if (off == size_from_object(s))
		return true;
	return check_bytes_and_report(s, slab, p, "Object padding", p + off, POISON_INUSE,
				      size_from_object(s) - off);
}

/*
 * Check @object's red zones (expected @val: SLUB_RED_ACTIVE or _INACTIVE),
 * its poison when free, its padding, and its free pointer when it is not
 * inside an allocated object. Return: all intact (what was not is now
 * restored; a corrupt free pointer is cut to NULL).
 */
static bool check_object(struct kmem_cache *s, struct slab *slab, void *object, u8 val)
{
	u8 *p = object, *endobject = p + s->object_size;

	if (s->flags & SLAB_RED_ZONE) {
		if (!check_bytes_and_report(s, slab, p, "Left Redzone", p - s->red_left_pad, val,
					    s->red_left_pad))
			return false;
		if (!check_bytes_and_report(s, slab, p, "Right Redzone", endobject, val,
					    s->inuse - s->object_size))
			return false;
	} else if ((s->flags & SLAB_POISON) && s->object_size < s->inuse) {
		check_bytes_and_report(s, slab, p, "Alignment padding", endobject, POISON_INUSE,
				       s->inuse - s->object_size);
	}
	if (s->flags & SLAB_POISON) {
		if (val != SLUB_RED_ACTIVE && object_poisoned(s) &&
		    (!check_bytes_and_report(s, slab, p, "Poison", p, POISON_FREE,
					     s->object_size - 1) ||
		     !check_bytes_and_report(s, slab, p, "End Poison", endobject - 1, POISON_END, 1)))
			return false;
		check_pad_bytes(s, slab, p);
	}
	/* An allocated object owns the bytes of a free pointer inside it. */
	if (s->offset < s->inuse && val == SLUB_RED_ACTIVE)
		return true;
	if (!check_valid_pointer(s, slab, get_freepointer(s, p))) {
		object_err(s, slab, p, "Freepointer corrupt");
		set_freepointer(s, p, NULL);
		return false;
	}
	return true;
}

/* The slab's tail after its last object: 0x5a with poisoning. */
static void slab_pad_check(struct kmem_cache *s, struct slab *slab)
{
	unsigned int length = PAGE_SIZE << slab_order(slab);
	unsigned int remainder = length % s->size;
	u8 *start = slab_address(slab), *end = start + length, *pad = end - remainder, *fault;

	if (!(s->flags & SLAB_POISON) || !remainder)
		return;
	fault = memchr_inv(pad, POISON_INUSE, remainder);
	if (!fault)
		return;
	while (end > fault && end[-1] == POISON_INUSE)
		end--;
	slab_err(s, slab, "Padding overwritten. 0x%p-0x%p @offset=%tu", fault, end - 1,
		 fault - start);
	print_section(KERN_ERR, "Padding ", pad, remainder);
	restore_bytes(s, "slab padding", POISON_INUSE, fault, end);
}

static bool check_slab(struct kmem_cache *s, struct slab *slab)
{
	unsigned long c = READ_ONCE(slab->counters);
	unsigned int maxobj;

	if (!folio_test_slab(slab_folio(slab))) {
		slab_err(s, slab, "Not a valid slab page");
		return false;
	}
	maxobj = order_objects(slab_order(slab), s->size);
	if (SLAB_OBJECTS(c) > maxobj) {
		slab_err(s, slab, "objects %u > max %u", SLAB_OBJECTS(c), maxobj);
		return false;
	}
	if (SLAB_INUSE(c) > SLAB_OBJECTS(c)) {
		slab_err(s, slab, "inuse %u > max %u", SLAB_INUSE(c), SLAB_OBJECTS(c));
		return false;
	}
	slab_pad_check(s, slab);
	return true;
}

/*
 * Is @search on @slab's freelist? Walking it also checks the list and
 * the counters, and repairs what is wrong. @search NULL: return whether
 * the walk found the freelist sound. Context: list_lock (debug caches).
 */
static bool on_freelist(struct kmem_cache *s, struct slab *slab, void *search)
{
	unsigned long c = slab->counters;
	unsigned int objects = SLAB_OBJECTS(c), nr = 0, max_objects;
	void *fp = slab->freelist, *object = NULL;

	while (fp && nr <= objects) {
		if (fp == search)
			return true;
		if (!check_valid_pointer(s, slab, fp)) {
			if (object) {
				object_err(s, slab, object, "Freechain corrupt");
				set_freepointer(s, object, NULL);
			} else {
				slab_err(s, slab, "Freepointer corrupt");
				slab->freelist = NULL;
				slab->counters = slab_counters(objects, objects, c & SLAB_FROZEN);
				slab_fix(s, "Freelist cleared");
				return false;
			}
			break;
		}
		object = fp;
		fp = get_freepointer(s, object);
		nr++;
	}
	max_objects = order_objects(slab_order(slab), s->size);
	if (objects != max_objects) {
		slab_err(s, slab, "Wrong number of objects. Found %u but should be %u", objects,
			 max_objects);
		objects = max_objects;
		slab->counters = slab_counters(objects, SLAB_INUSE(c), c & SLAB_FROZEN);
		slab_fix(s, "Number of objects adjusted");
	}
	if (nr > objects || slab->inuse != objects - nr) {
		slab_err(s, slab, "Wrong object count. Counter is %u but counted were %d",
			 slab->inuse, (int)objects - (int)nr);
		slab->counters = slab_counters(objects, nr > objects ? objects : objects - nr,
					       c & SLAB_FROZEN);
		slab_fix(s, "Object count adjusted");
	}
	return !search;
}

static void trace(struct kmem_cache *s, struct slab *slab, void *object, bool alloc)
{
	if (!(s->flags & SLAB_TRACE))
		return;
	pr_info("TRACE %s %s 0x%p inuse=%u fp=0x%p\n", s->name, alloc ? "alloc" : "free", object,
		slab->inuse, slab->freelist);
	if (!alloc)
		print_section(KERN_INFO, "Object ", object, s->object_size);
	dump_stack_lvl(KERN_INFO);
}

/* ---- the hooks -------------------------------------------------------------- */

static bool alloc_consistency_checks(struct kmem_cache *s, struct slab *slab, void *object)
{
	if (!check_slab(s, slab))
		return false;
	if (!check_valid_pointer(s, slab, object)) {
		object_err(s, slab, object, "Freelist Pointer check fails");
		return false;
	}
	return check_object(s, slab, object, SLUB_RED_INACTIVE);
}

bool alloc_debug_processing(struct kmem_cache *s, struct slab *slab, void *object,
			    unsigned long addr)
{
	if ((s->flags & SLAB_CONSISTENCY_CHECKS) && !alloc_consistency_checks(s, slab, object)) {
		/* The caller stops using the slab's free objects. */
		slab_fix(s, "Marking all objects used");
		return false;
	}
	if (s->flags & SLAB_STORE_USER)
		set_track(s, object, TRACK_ALLOC, addr);
	trace(s, slab, object, true);
	init_object(s, object, SLUB_RED_ACTIVE);
	return true;
}

static bool free_consistency_checks(struct kmem_cache *s, struct slab *slab, void *object)
{
	if (!check_valid_pointer(s, slab, object)) {
		slab_err(s, slab, "Invalid object pointer 0x%p", object);
		return false;
	}
	if (on_freelist(s, slab, object)) {
		object_err(s, slab, object, "Object already free");
		return false;
	}
	return check_object(s, slab, object, SLUB_RED_ACTIVE);
}

bool free_debug_processing(struct kmem_cache *s, struct slab *slab, void *object,
			   unsigned long addr)
{
	if ((s->flags & SLAB_CONSISTENCY_CHECKS) &&
	    (!check_slab(s, slab) || !free_consistency_checks(s, slab, object))) {
		slab_fix(s, "Object at 0x%p not freed", object);
		return false;
	}
	if (s->flags & SLAB_STORE_USER)
		set_track(s, object, TRACK_FREE, addr);
	trace(s, slab, object, false);
	init_object(s, object, SLUB_RED_INACTIVE);
	return true;
}

/* ---- validation ------------------------------------------------------------- */

/* Which objects of the slab being validated are free. */
static DEFINE_MUTEX(validate_mutex);
static unsigned long object_map[BITS_TO_LONGS(MAX_OBJS_PER_PAGE)];

static void validate_slab(struct kmem_cache *s, struct slab *slab)
{
	u8 *addr = (u8 *)slab_address(slab) + s->red_left_pad, *p;
	unsigned int i, objects;

	if (!check_slab(s, slab) || !on_freelist(s, slab, NULL))
		return;
	objects = slab->objects;
	bitmap_zero(object_map, objects);
	/* on_freelist() checked every pointer; a cycle (a double free) is cut short. */
	for (p = slab->freelist, i = 0; p && i < objects; p = get_freepointer(s, p), i++)
		__set_bit((p - addr) / s->size, object_map);
	for (i = 0, p = addr; i < objects; i++, p += s->size)
		if (!check_object(s, slab, p, test_bit(i, object_map) ? SLUB_RED_INACTIVE :
									 SLUB_RED_ACTIVE))
			break;
}

static unsigned long validate_list(struct kmem_cache *s, struct list_head *list)
{
	unsigned long count = 0;
	struct slab *slab;

	list_for_each_entry(slab, list, slab_list) {
		validate_slab(s, slab);
		count++;
	}
	return count;
}

unsigned long validate_slab_cache(struct kmem_cache *s)
{
	long before = atomic_long_read(&slub_debug_reports);
	unsigned long flags, partial, full;

	might_sleep();
	flush_all(s);
	mutex_lock(&validate_mutex);
	spin_lock_irqsave(&s->list_lock, flags);
	partial = validate_list(s, &s->partial);
	if (partial != s->nr_partial) {
		pr_err("SLUB %s: %lu partial slabs counted but counter=%lu\n", s->name, partial,
		       s->nr_partial);
		atomic_long_add(1, &slub_debug_reports);
	}
	if (kmem_cache_debug(s)) {
		full = validate_list(s, &s->full);
		if (partial + full != (unsigned long)atomic_long_read(&s->nr_slabs)) {
			pr_err("SLUB: %s %lu slabs counted but counter=%ld\n", s->name,
			       partial + full, atomic_long_read(&s->nr_slabs));
			atomic_long_add(1, &slub_debug_reports);
		}
	}
	spin_unlock_irqrestore(&s->list_lock, flags);
	mutex_unlock(&validate_mutex);
	return atomic_long_read(&slub_debug_reports) - before;
}
