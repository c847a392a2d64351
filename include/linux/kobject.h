/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kobjects (fs/sysfs/kobject.c): what a directory of /sys stands for, as
 * Linux's, cut down to that role: a name, a parent, a kobj_type whose
 * sysfs_ops show and store the attribute files, and a reference count
 * whose last kobject_put() removes the directory and calls the type's
 * release(). There are no ksets, uevents or kobject_rename().
 *
 *   kernel_kobj (/sys/kernel) --> mm_kobj (/sys/kernel/mm)
 *   struct kmem_cache { ..., struct kobject kobj; }   /sys/kernel/slab/NAME
 *
 * Locking: the count is atomic; kobject_add() and kobject_del() sleep
 * (they take the parent directory's i_rwsem) and are the owner's to
 * serialise for one kobject.
 */
#ifndef _LINUX_KOBJECT_H
#define _LINUX_KOBJECT_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/compiler.h>

struct dentry;
struct kobject;
struct attribute;

/* How a kobject's attribute files read and write (Linux's struct sysfs_ops). */
struct sysfs_ops {
	/* Print @attr into @buf (PAGE_SIZE bytes). Return: the length or -errno. */
	ssize_t (*show)(struct kobject *kobj, struct attribute *attr, char *buf);
	/* Take @count bytes (NUL-terminated) written. Return: bytes used or -errno. */
	ssize_t (*store)(struct kobject *kobj, struct attribute *attr, const char *buf,
			 size_t count);
};

struct kobj_type {
	void (*release)(struct kobject *kobj);	/* the last kobject_put() */
	const struct sysfs_ops *sysfs_ops;
};

struct kobject {
	const char *name;		/* kstrdup'd by kobject_add() */
	struct kobject *parent;		/* NULL: at the top of /sys */
	const struct kobj_type *ktype;
	struct dentry *sd;		/* its directory; NULL when not in sysfs */
	atomic_t refcount;
};

/* A kobject's attribute with show/store taking it (Linux's kobj_attribute). */
struct kobj_attribute;

extern const struct sysfs_ops kobj_sysfs_ops;
/* /sys/kernel and /sys/kernel/mm, made by sysfs_init() and mm_sysfs_init(). */
extern struct kobject *kernel_kobj;
extern struct kobject *mm_kobj;

/* kobject_init - set @kobj up with @ktype and one reference. */
void kobject_init(struct kobject *kobj, const struct kobj_type *ktype);

/**
 * kobject_add - name @kobj and make its directory under @parent's
 * @kobj: initialised by kobject_init()
 * @parent: NULL for the top of /sys
 * @fmt: printf format of the name
 *
 * Return: 0, -EEXIST if the name is taken, -ENOMEM.
 * Context: may sleep.
 */
int kobject_add(struct kobject *kobj, struct kobject *parent, const char *fmt, ...)
	__printf(3, 4);
/* kobject_init_and_add - both of the above. */
int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
			 struct kobject *parent, const char *fmt, ...) __printf(4, 5);
/* kobject_del - remove @kobj's directory and everything in it; the reference stays. */
void kobject_del(struct kobject *kobj);

struct kobject *kobject_get(struct kobject *kobj);
/* kobject_put - drop a reference; the last one deletes and releases @kobj. NULL is allowed. */
void kobject_put(struct kobject *kobj);

/**
 * kobject_create_and_add - a new kobject @name under @parent, with
 * kobj_sysfs_ops for its kobj_attribute files; kobject_put() frees it.
 * Return: it, or NULL on failure. Context: may sleep.
 */
struct kobject *kobject_create_and_add(const char *name, struct kobject *parent);

static inline const char *kobject_name(const struct kobject *kobj)
{
	return kobj->name;
}

#endif /* _LINUX_KOBJECT_H */
