/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sysfs (fs/sysfs/): /sys, the kobjects' directories with their attribute
 * files, over the kernfs core (include/linux/kernfs.h). An attribute file
 * is a kernfs file whose i_private is its struct attribute; its
 * directory's i_private is the kobject, whose ktype's sysfs_ops show and
 * store it.
 *
 * Reading: the text is made at open by show() into a page (as Linux's
 * sysfs, one page at most) and every read of that open file sees it.
 * Writing: one write of at most a page, NUL-terminated, goes to store().
 * As Linux's kernfs, opening for reading a file without show, or for
 * writing one without store, fails with -EACCES, root or not; a file whose
 * kobject was removed answers -ENODEV.
 */
#ifndef _LINUX_SYSFS_H
#define _LINUX_SYSFS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kobject.h>

struct attribute {
	const char *name;
	umode_t mode;
};

/* A named group of attributes: a subdirectory @name, or the kobject's own if NULL. */
struct attribute_group {
	const char *name;
	struct attribute **attrs;	/* NULL-terminated */
};

struct kobj_attribute {
	struct attribute attr;
	ssize_t (*show)(struct kobject *kobj, struct kobj_attribute *attr, char *buf);
	ssize_t (*store)(struct kobject *kobj, struct kobj_attribute *attr, const char *buf,
			 size_t count);
};

#define __ATTR(_name, _mode, _show, _store) {				\
	.attr = { .name = #_name, .mode = _mode },			\
	.show = _show, .store = _store,					\
}
#define __ATTR_RO(_name)	__ATTR(_name, 0444, _name##_show, NULL)
#define __ATTR_RW(_name)	__ATTR(_name, 0644, _name##_show, _name##_store)

/**
 * sysfs_emit - printf into a show()'s @buf (PAGE_SIZE bytes, page-aligned)
 * Return: the bytes written (truncated to what fits).
 */
int sysfs_emit(char *buf, const char *fmt, ...) __printf(2, 3);

/**
 * sysfs_create_file - the attribute file @attr in @kobj's directory
 * Return: 0, -EEXIST, -ENOMEM, or -ENOENT if @kobj has no directory.
 * Context: may sleep.
 */
int sysfs_create_file(struct kobject *kobj, const struct attribute *attr);
/* sysfs_create_group - every file of @grp (in its own subdirectory if named); all or none. */
int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp);

/* Internal to kobject.c: make and remove @kobj's directory. */
int sysfs_create_dir(struct kobject *kobj);
void sysfs_remove_dir(struct kobject *kobj);

/* sysfs_init - register sysfs and make its super block and /sys/kernel. Context: boot. */
void sysfs_init(void);

#endif /* _LINUX_SYSFS_H */
