// SPDX-License-Identifier: GPL-2.0
/*
 * The registered file systems (Linux's fs/filesystems.c): a singly linked
 * list, file_systems, in registration order, under file_systems_lock (a
 * spinlock). A file_system_type is static and never goes away while
 * registered; mount() finds one by name with get_fs_type().
 */
#include <linux/fs.h>
#include <linux/string.h>
#include <linux/spinlock.h>
#include <linux/errno.h>

static struct file_system_type *file_systems;
static DEFINE_SPINLOCK(file_systems_lock);

/* The link that points at @name's entry, or at the NULL that ends the list. */
static struct file_system_type **find_filesystem(const char *name, size_t len)
{
	struct file_system_type **p;

	for (p = &file_systems; *p; p = &(*p)->next)
		if (strlen((*p)->name) == len && !strncmp((*p)->name, name, len))
			break;
	return p;
}

int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;
	int ret = 0;

	if (WARN_ON_ONCE(fs->next || strchr(fs->name, '.')))
		return -EINVAL;
	spin_lock(&file_systems_lock);
	p = find_filesystem(fs->name, strlen(fs->name));
	if (*p)
		ret = -EBUSY;
	else
		*p = fs;
	spin_unlock(&file_systems_lock);
	return ret;
}

int unregister_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;
	int ret = -EINVAL;

	spin_lock(&file_systems_lock);
	for (p = &file_systems; *p; p = &(*p)->next) {
		if (*p == fs) {
			*p = fs->next;
			fs->next = NULL;
			ret = 0;
			break;
		}
	}
	spin_unlock(&file_systems_lock);
	return ret;
}

struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *fs;

	spin_lock(&file_systems_lock);
	fs = *find_filesystem(name, strlen(name));
	spin_unlock(&file_systems_lock);
	return fs;
}
