// SPDX-License-Identifier: GPL-2.0
/*
 * The tree of registered /proc names (Linux's fs/proc/generic.c):
 * proc_create*(), proc_mkdir(), proc_symlink() add a struct
 * proc_dir_entry under a parent (NULL: /proc itself, proc_root);
 * remove_proc_entry() takes one out. Names may be paths ("sys/vm/x"):
 * every part but the last must exist.
 *
 * Lifetime: an entry starts with the tree's reference; each inode made
 * for it (proc_get_inode()) holds one more, so a file open on a removed
 * entry keeps its entry (and the creator's ops, which live for ever:
 * there are no modules) until closed.
 *
 * Lookup and readdir of a registered directory walk its subdir list
 * under proc_subdir_lock; readdir copies each name out and emits it
 * without the lock, as fs/libfs.c's dcache_readdir() (positions are
 * indexes into the list, stable while the directory does not change).
 */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/bug.h>
#include <linux/mmdebug.h>
#include "internal.h"

DEFINE_SPINLOCK(proc_subdir_lock);

struct proc_dir_entry proc_root = {
	.refcnt = ATOMIC_INIT(1),	/* never dropped */
	.low_ino = PROC_ROOT_INO,
	.mode = S_IFDIR | 0555,
	.parent = &proc_root,
	.subdir = LIST_HEAD_INIT(proc_root.subdir),
	.subdir_node = LIST_HEAD_INIT(proc_root.subdir_node),
	.namelen = 5,
	.name = "/proc",
};

void pde_get(struct proc_dir_entry *de)
{
	atomic_inc(&de->refcnt);
}

void pde_put(struct proc_dir_entry *de)
{
	if (!atomic_dec_and_test(&de->refcnt))
		return;
	VM_BUG_ON(de == &proc_root);
	if (S_ISLNK(de->mode))
		kfree(de->data);
	kfree(de);
}

/* The child @name of @de; proc_subdir_lock held. */
static struct proc_dir_entry *__proc_lookup_de(struct proc_dir_entry *de, const char *name,
					       unsigned int len)
{
	struct proc_dir_entry *child;

	list_for_each_entry(child, &de->subdir, subdir_node)
		if (child->namelen == len && !memcmp(child->name, name, len))
			return child;
	return NULL;
}

struct proc_dir_entry *proc_lookup_de(struct proc_dir_entry *de, const char *name,
				      unsigned int len)
{
	struct proc_dir_entry *child;

	spin_lock(&proc_subdir_lock);
	child = __proc_lookup_de(de, name, len);
	if (child)
		pde_get(child);
	spin_unlock(&proc_subdir_lock);
	return child;
}

struct dentry *proc_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags)
{
	struct proc_dir_entry *de = proc_lookup_de(PROC_I(dir)->pde,
						   (const char *)dentry->d_name.name,
						   dentry->d_name.len);
	struct inode *inode;

	if (!de)
		return ERR_PTR(-ENOENT);
	inode = proc_get_inode(dir->i_sb, de);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	d_add(dentry, inode);
	return NULL;
}

/* The @n-th child of @de: its name copied to @name, its number and type. */
static bool proc_nth_child(struct proc_dir_entry *de, loff_t n, char *name, unsigned int *len,
			   unsigned long *ino, unsigned int *type)
{
	struct proc_dir_entry *child;

	spin_lock(&proc_subdir_lock);
	list_for_each_entry(child, &de->subdir, subdir_node) {
		if (n--)
			continue;
		*len = child->namelen;
		memcpy(name, child->name, child->namelen);
		*ino = child->low_ino;
		*type = (child->mode >> 12) & 15;
		spin_unlock(&proc_subdir_lock);
		return true;
	}
	spin_unlock(&proc_subdir_lock);
	return false;
}

bool proc_readdir_de(struct file *file, struct dir_context *ctx, struct proc_dir_entry *de)
{
	char name[NAME_MAX + 1];
	unsigned int len, type;
	unsigned long ino;

	if (!dir_emit_dots(file, ctx))
		return false;
	while (proc_nth_child(de, ctx->pos - 2, name, &len, &ino, &type)) {
		if (!dir_emit(ctx, name, (int)len, ino, type))
			return false;
		ctx->pos++;
	}
	return true;
}

/* The directory @*name's last part goes in: walk the parts before it. */
static struct proc_dir_entry *proc_parent_of(const char **name, struct proc_dir_entry *parent)
{
	const char *slash;

	if (!parent)
		parent = &proc_root;
	spin_lock(&proc_subdir_lock);
	while ((slash = strchr(*name, '/'))) {
		parent = __proc_lookup_de(parent, *name, (unsigned int)(slash - *name));
		if (!parent || !S_ISDIR(parent->mode)) {
			parent = NULL;
			break;
		}
		*name = slash + 1;
	}
	spin_unlock(&proc_subdir_lock);
	return parent;
}

/* A new entry @name (a path) of @mode, not yet in the tree, or NULL. */
static struct proc_dir_entry *proc_alloc_de(const char **name, umode_t mode,
					    struct proc_dir_entry **parent)
{
	struct proc_dir_entry *de;
	size_t len;

	*parent = proc_parent_of(name, *parent);
	len = strlen(*name);
	if (!*parent || !len || len > NAME_MAX)
		return NULL;
	de = kzalloc(sizeof(*de) + len + 1, GFP_KERNEL);
	if (!de)
		return NULL;
	atomic_set(&de->refcnt, 1);
	de->low_ino = get_next_ino();
	de->mode = mode;
	INIT_LIST_HEAD(&de->subdir);
	de->namelen = (unsigned int)len;
	memcpy(de->name, *name, len + 1);
	return de;
}

/* Put @de in @parent, unless the name is taken. Return: @de, or NULL (freed). */
static struct proc_dir_entry *proc_register(struct proc_dir_entry *parent,
					    struct proc_dir_entry *de)
{
	spin_lock(&proc_subdir_lock);
	if (__proc_lookup_de(parent, de->name, de->namelen)) {
		spin_unlock(&proc_subdir_lock);
		WARN_ON_ONCE(1);	/* Linux warns of a duplicate name too */
		pde_put(de);
		return NULL;
	}
	de->parent = parent;
	list_add_tail(&de->subdir_node, &parent->subdir);
	spin_unlock(&proc_subdir_lock);
	return de;
}

/* A regular file @name (mode 0444 if none given), to be filled in and registered. */
static struct proc_dir_entry *proc_alloc_reg(const char **name, umode_t mode,
					     struct proc_dir_entry **parent, void *data)
{
	struct proc_dir_entry *de;

	if (!(mode & S_IALLUGO))
		mode |= 0444;
	de = proc_alloc_de(name, S_IFREG | (mode & S_IALLUGO), parent);
	if (de)
		de->data = data;
	return de;
}

struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops, void *data)
{
	struct proc_dir_entry *de = proc_alloc_reg(&name, mode, &parent, data);

	if (!de)
		return NULL;
	de->proc_ops = proc_ops;
	return proc_register(parent, de);
}

struct proc_dir_entry *proc_create(const char *name, umode_t mode, struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops)
{
	return proc_create_data(name, mode, parent, proc_ops, NULL);
}

struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode,
					       struct proc_dir_entry *parent,
					       int (*show)(struct seq_file *, void *), void *data)
{
	struct proc_dir_entry *de = proc_alloc_reg(&name, mode, &parent, data);

	if (!de)
		return NULL;
	de->single_show = show;
	return proc_register(parent, de);
}

struct proc_dir_entry *proc_mkdir_mode(const char *name, umode_t mode,
				       struct proc_dir_entry *parent)
{
	struct proc_dir_entry *de = proc_alloc_de(&name, S_IFDIR | (mode & S_IALLUGO), &parent);

	return de ? proc_register(parent, de) : NULL;
}

struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent)
{
	return proc_mkdir_mode(name, 0555, parent);
}

struct proc_dir_entry *proc_symlink(const char *name, struct proc_dir_entry *parent,
				    const char *dest)
{
	struct proc_dir_entry *de = proc_alloc_de(&name, S_IFLNK | 0777, &parent);

	if (!de)
		return NULL;
	de->data = kstrdup(dest, GFP_KERNEL);
	if (!de->data) {
		pde_put(de);
		return NULL;
	}
	return proc_register(parent, de);
}

void remove_proc_entry(const char *name, struct proc_dir_entry *parent)
{
	struct proc_dir_entry *de;

	parent = proc_parent_of(&name, parent);
	if (!parent)
		return;
	spin_lock(&proc_subdir_lock);
	de = __proc_lookup_de(parent, name, (unsigned int)strlen(name));
	if (de && WARN_ON_ONCE(!list_empty(&de->subdir)))
		de = NULL;	/* Linux refuses a directory with entries left too */
	if (de)
		list_del_init(&de->subdir_node);
	spin_unlock(&proc_subdir_lock);
	if (de)
		pde_put(de);	/* the tree's reference */
}

bool pde_is_removed(struct proc_dir_entry *de)
{
	bool removed;

	spin_lock(&proc_subdir_lock);
	removed = list_empty(&de->subdir_node);
	spin_unlock(&proc_subdir_lock);
	return removed;
}

void *pde_data(const struct inode *inode)
{
	return PROC_I(inode)->pde->data;
}
