// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/slab: SLUB's caches in sysfs, as Linux's (the attributes of
 * Documentation/ABI/testing/sysfs-kernel-slab that apply here), one
 * directory per cache under its name, made with the cache and removed
 * with it. Each is the kobject embedded in struct kmem_cache; its files
 * are slab_attributes, whose show/store take the cache.
 *
 * Choices:
 *  - A cache merged into another (kmem_cache_create() found a compatible
 *    one) gets no entry of its own: its objects are the other's, whose
 *    "aliases" file counts it. Linux shows aliases as symlinks to a
 *    directory with a made-up unique name (":0000064"); here the real
 *    cache keeps its own name.
 *  - A second unmergeable cache with a name already shown is made without
 *    an entry (logged), where Linux would fail kmem_cache_create().
 *  - One node and no CONFIG_NUMA: the counts have no " N0=..." suffix.
 *  - Modes as Linux's: 0400 read-only, 0600 writable (min_partial,
 *    shrink, validate); writing a read-only one answers -EIO, as Linux's
 *    slab_attr_store().
 *
 * The kobject's release frees nothing: kmem_cache_destroy() frees the
 * cache after sysfs_slab_remove(), which has deactivated the files, so
 * no open file reaches the cache afterwards.
 *
 * Locking: the caller's slab_caches_mutex around add and remove; a show
 * or store runs under kernfs's active reference (include/linux/kernfs.h)
 * and reads the counters as /proc/slabinfo does, racily but each field
 * atomically.
 */
#include "slab.h"
#include <linux/sysfs.h>
#include <linux/kobject.h>
#include <linux/kstrtox.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/printk.h>
#include <linux/errno.h>
#include <linux/err.h>

struct slab_attribute {
	struct attribute attr;
	ssize_t (*show)(struct kmem_cache *s, char *buf);
	ssize_t (*store)(struct kmem_cache *s, const char *buf, size_t count);
};

#define SLAB_ATTR_RO(_name)						\
	static struct slab_attribute _name##_attr = {			\
		.attr = { .name = #_name, .mode = 0400 },		\
		.show = _name##_show,					\
	}
#define SLAB_ATTR(_name)						\
	static struct slab_attribute _name##_attr = {			\
		.attr = { .name = #_name, .mode = 0600 },		\
		.show = _name##_show, .store = _name##_store,		\
	}

static bool slab_sysfs_ready;	/* slab_caches_mutex */
static struct kobject *slab_kobj;

static ssize_t show_uint(char *buf, unsigned int v)
{
	return sysfs_emit(buf, "%u\n", v);
}

static ssize_t show_ulong(char *buf, unsigned long v)
{
	return sysfs_emit(buf, "%lu\n", v);
}

static ssize_t show_flag(char *buf, struct kmem_cache *s, slab_flags_t flag)
{
	return sysfs_emit(buf, "%d\n", !!(s->flags & flag));
}

/* ---- geometry ---------------------------------------------------------- */

static ssize_t slab_size_show(struct kmem_cache *s, char *buf)
{
	return show_uint(buf, s->size);
}
SLAB_ATTR_RO(slab_size);

static ssize_t object_size_show(struct kmem_cache *s, char *buf)
{
	return show_uint(buf, s->object_size);
}
SLAB_ATTR_RO(object_size);

static ssize_t objs_per_slab_show(struct kmem_cache *s, char *buf)
{
	return show_uint(buf, s->objects);
}
SLAB_ATTR_RO(objs_per_slab);

static ssize_t order_show(struct kmem_cache *s, char *buf)
{
	return show_uint(buf, s->order);
}
SLAB_ATTR_RO(order);

static ssize_t align_show(struct kmem_cache *s, char *buf)
{
	return show_uint(buf, s->align);
}
SLAB_ATTR_RO(align);

static ssize_t ctor_show(struct kmem_cache *s, char *buf)
{
	return s->ctor ? sysfs_emit(buf, "%pS\n", s->ctor) : 0;
}
SLAB_ATTR_RO(ctor);

static ssize_t aliases_show(struct kmem_cache *s, char *buf)
{
	int refcount = READ_ONCE(s->refcount);

	return sysfs_emit(buf, "%d\n", refcount < 0 ? 0 : refcount - 1);
}
SLAB_ATTR_RO(aliases);

/* ---- counts ------------------------------------------------------------ */

static ssize_t slabs_show(struct kmem_cache *s, char *buf)
{
	return show_ulong(buf, atomic_long_read(&s->nr_slabs));
}
SLAB_ATTR_RO(slabs);

static ssize_t total_objects_show(struct kmem_cache *s, char *buf)
{
	return show_ulong(buf, atomic_long_read(&s->total_objects));
}
SLAB_ATTR_RO(total_objects);

/* Objects in use: all but the free ones of node partial slabs, as Linux's (SO_ALL). */
static ssize_t objects_show(struct kmem_cache *s, char *buf)
{
	return show_ulong(buf, atomic_long_read(&s->total_objects) - count_partial(s, count_free));
}
SLAB_ATTR_RO(objects);

static ssize_t partial_show(struct kmem_cache *s, char *buf)
{
	return show_ulong(buf, READ_ONCE(s->nr_partial));
}
SLAB_ATTR_RO(partial);

static ssize_t objects_partial_show(struct kmem_cache *s, char *buf)
{
	return show_ulong(buf, count_partial(s, count_inuse));
}
SLAB_ATTR_RO(objects_partial);

/* Each CPU's active slab and its partial slabs (Linux's SO_CPU count). */
static ssize_t cpu_slabs_show(struct kmem_cache *s, char *buf)
{
	unsigned long total = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);

		if (READ_ONCE(c->slab))
			total++;
		if (READ_ONCE(c->partial))
			total += READ_ONCE(c->partial_slabs);
	}
	return show_ulong(buf, total);
}
SLAB_ATTR_RO(cpu_slabs);

/* ---- flags ------------------------------------------------------------- */

#define SLAB_FLAG_ATTR(_name, _flag)					\
	static ssize_t _name##_show(struct kmem_cache *s, char *buf)	\
	{								\
		return show_flag(buf, s, _flag);			\
	}								\
	SLAB_ATTR_RO(_name)

SLAB_FLAG_ATTR(hwcache_align, SLAB_HWCACHE_ALIGN);
SLAB_FLAG_ATTR(reclaim_account, SLAB_RECLAIM_ACCOUNT);
SLAB_FLAG_ATTR(cache_dma, SLAB_CACHE_DMA);
SLAB_FLAG_ATTR(sanity_checks, SLAB_CONSISTENCY_CHECKS);
SLAB_FLAG_ATTR(trace, SLAB_TRACE);
SLAB_FLAG_ATTR(red_zone, SLAB_RED_ZONE);
SLAB_FLAG_ATTR(poison, SLAB_POISON);
SLAB_FLAG_ATTR(store_user, SLAB_STORE_USER);

/* ---- writable ---------------------------------------------------------- */

static ssize_t min_partial_show(struct kmem_cache *s, char *buf)
{
	return show_ulong(buf, READ_ONCE(s->min_partial));
}

static ssize_t min_partial_store(struct kmem_cache *s, const char *buf, size_t count)
{
	unsigned long min;
	int err = kstrtoul(buf, 10, &min);

	if (err)
		return err;
	WRITE_ONCE(s->min_partial, min);
	return count;
}
SLAB_ATTR(min_partial);

static ssize_t shrink_show(struct kmem_cache *s, char *buf)
{
	return 0;
}

static ssize_t shrink_store(struct kmem_cache *s, const char *buf, size_t count)
{
	if (buf[0] != '1')
		return -EINVAL;
	kmem_cache_shrink(s);
	return count;
}
SLAB_ATTR(shrink);

static ssize_t validate_show(struct kmem_cache *s, char *buf)
{
	return 0;
}

/* As Linux's: only "1", and only for a debug cache; the errors go to the log. */
static ssize_t validate_store(struct kmem_cache *s, const char *buf, size_t count)
{
	if (buf[0] != '1' || !kmem_cache_debug(s))
		return -EINVAL;
	validate_slab_cache(s);
	return count;
}
SLAB_ATTR(validate);

static struct attribute *slab_attrs[] = {
	&slab_size_attr.attr, &object_size_attr.attr, &objs_per_slab_attr.attr,
	&order_attr.attr, &align_attr.attr, &ctor_attr.attr, &aliases_attr.attr,
	&slabs_attr.attr, &total_objects_attr.attr, &objects_attr.attr,
	&partial_attr.attr, &objects_partial_attr.attr, &cpu_slabs_attr.attr,
	&hwcache_align_attr.attr, &reclaim_account_attr.attr, &cache_dma_attr.attr,
	&sanity_checks_attr.attr, &trace_attr.attr, &red_zone_attr.attr,
	&poison_attr.attr, &store_user_attr.attr, &min_partial_attr.attr,
	&shrink_attr.attr, &validate_attr.attr,
	NULL
};

static const struct attribute_group slab_attr_group = {
	.attrs = slab_attrs,
};

/* ---- the kobject ------------------------------------------------------- */

static ssize_t slab_attr_show(struct kobject *kobj, struct attribute *attr, char *buf)
{
	struct slab_attribute *a = container_of(attr, struct slab_attribute, attr);

	return a->show(container_of(kobj, struct kmem_cache, kobj), buf);
}

static ssize_t slab_attr_store(struct kobject *kobj, struct attribute *attr, const char *buf,
			       size_t count)
{
	struct slab_attribute *a = container_of(attr, struct slab_attribute, attr);

	if (!a->store)
		return -EIO;
	return a->store(container_of(kobj, struct kmem_cache, kobj), buf, count);
}

static const struct sysfs_ops slab_sysfs_ops = {
	.show = slab_attr_show,
	.store = slab_attr_store,
};

/* The cache is freed by kmem_cache_destroy() (see the top). */
static void kmem_cache_kobj_release(struct kobject *kobj)
{
}

static const struct kobj_type slab_ktype = {
	.release = kmem_cache_kobj_release,
	.sysfs_ops = &slab_sysfs_ops,
};

static int __sysfs_slab_add(struct kmem_cache *s)
{
	int err = kobject_init_and_add(&s->kobj, &slab_ktype, slab_kobj, "%s", s->name);

	if (err == -EEXIST) {
		pr_warn("SLUB: a second cache named %s: not in /sys/kernel/slab\n", s->name);
		return 0;
	}
	if (err)
		return err;
	err = sysfs_create_group(&s->kobj, &slab_attr_group);
	if (err)
		kobject_put(&s->kobj);
	return err;
}

int sysfs_slab_add(struct kmem_cache *s)
{
	return slab_sysfs_ready ? __sysfs_slab_add(s) : 0;
}

void sysfs_slab_remove(struct kmem_cache *s)
{
	if (s->kobj.sd)
		kobject_put(&s->kobj);
}

int slab_sysfs_start(void)
{
	slab_kobj = kobject_create_and_add("slab", kernel_kobj);
	if (!slab_kobj)
		return -ENOMEM;
	slab_sysfs_ready = true;
	return 0;
}
