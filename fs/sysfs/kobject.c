// SPDX-License-Identifier: GPL-2.0
/*
 * kobjects, as include/linux/kobject.h describes them: a reference count
 * and a directory in /sys. kobject_add() names the kobject and makes the
 * directory (sysfs_create_dir()); kobject_del() removes it with its files,
 * which deactivates them (open ones answer -ENODEV); the last
 * kobject_put() does kobject_del() if still needed and calls the ktype's
 * release(), which frees the object around it.
 */
#include <linux/kobject.h>
#include <linux/sysfs.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/fs.h>

void kobject_init(struct kobject *kobj, const struct kobj_type *ktype)
{
	memset(kobj, 0, sizeof(*kobj));
	kobj->ktype = ktype;
	atomic_set(&kobj->refcount, 1);
}

static int kobject_add_varg(struct kobject *kobj, struct kobject *parent, const char *fmt,
			    va_list args)
{
	char name[NAME_MAX + 1];
	int err;

	if (WARN_ON_ONCE(kobj->sd))
		return -EINVAL;
	vsnprintf(name, sizeof(name), fmt, args);
	kobj->name = kstrdup(name, GFP_KERNEL);
	if (!kobj->name)
		return -ENOMEM;
	kobj->parent = parent;
	err = sysfs_create_dir(kobj);
	if (err) {
		kfree(kobj->name);
		kobj->name = NULL;
		kobj->parent = NULL;
	}
	return err;
}

int kobject_add(struct kobject *kobj, struct kobject *parent, const char *fmt, ...)
{
	va_list args;
	int err;

	va_start(args, fmt);
	err = kobject_add_varg(kobj, parent, fmt, args);
	va_end(args);
	return err;
}

int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
			 struct kobject *parent, const char *fmt, ...)
{
	va_list args;
	int err;

	kobject_init(kobj, ktype);
	va_start(args, fmt);
	err = kobject_add_varg(kobj, parent, fmt, args);
	va_end(args);
	return err;
}

void kobject_del(struct kobject *kobj)
{
	if (!kobj->sd)
		return;
	sysfs_remove_dir(kobj);
}

struct kobject *kobject_get(struct kobject *kobj)
{
	if (kobj)
		atomic_inc(&kobj->refcount);
	return kobj;
}

void kobject_put(struct kobject *kobj)
{
	const char *name;

	if (!kobj || !atomic_dec_and_test(&kobj->refcount))
		return;
	kobject_del(kobj);
	name = kobj->name;
	kobj->ktype->release(kobj);
	kfree(name);
}

/* ---- kobjects of kobject_create_and_add(), with kobj_attribute files ---- */

static ssize_t kobj_attr_show(struct kobject *kobj, struct attribute *attr, char *buf)
{
	struct kobj_attribute *ka = container_of(attr, struct kobj_attribute, attr);

	return ka->show ? ka->show(kobj, ka, buf) : -EIO;
}

static ssize_t kobj_attr_store(struct kobject *kobj, struct attribute *attr, const char *buf,
			       size_t count)
{
	struct kobj_attribute *ka = container_of(attr, struct kobj_attribute, attr);

	return ka->store ? ka->store(kobj, ka, buf, count) : -EIO;
}

const struct sysfs_ops kobj_sysfs_ops = {
	.show = kobj_attr_show,
	.store = kobj_attr_store,
};

static void dynamic_kobj_release(struct kobject *kobj)
{
	kfree(kobj);
}

static const struct kobj_type dynamic_kobj_ktype = {
	.release = dynamic_kobj_release,
	.sysfs_ops = &kobj_sysfs_ops,
};

struct kobject *kobject_create_and_add(const char *name, struct kobject *parent)
{
	struct kobject *kobj = kmalloc(sizeof(*kobj), GFP_KERNEL);

	if (!kobj)
		return NULL;
	if (kobject_init_and_add(kobj, &dynamic_kobj_ktype, parent, "%s", name)) {
		kfree(kobj);
		return NULL;
	}
	return kobj;
}
