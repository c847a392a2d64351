// SPDX-License-Identifier: GPL-2.0
/*
 * The dentry cache (include/linux/dcache.h has the picture and the rules).
 *
 * dentry_hashtable: D_HASHSIZE buckets of list_heads, a dentry in the one
 * of hash_64(its name's hash); the name hash is salted with the parent's
 * address (full_name_hash()), so one bucket search finds (parent, name).
 * Only hashed dentries are found by d_lookup(); a dentry is unhashed when
 * it is deleted while in use (d_delete()), replaced by a rename (d_move()),
 * or dying.
 *
 * Lifetime: d_alloc() gives one reference; dput() of the last one frees
 * the dentry at once: it leaves the hash and its parent's d_subdirs,
 * drops its inode (iput()) and then its parent, iteratively so a long
 * chain does not recurse. A drop that leaves references is a cmpxchg
 * without the lock; all drops to zero happen under dcache_lock, and
 * every lookup that takes a new reference (d_lookup(), the walks over
 * d_subdirs or up d_parent) does so under it, so no one ever revives a
 * dentry that is being freed.
 *
 * nr_dentry counts allocated dentries (the first number of Linux's
 * /proc/sys/fs/dentry-state); tests compare it before and after.
 */
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/mount.h>
#include <linux/fs_struct.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/hash.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/bug.h>
#include <linux/mmdebug.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>
#include "internal.h"
#include "mount.h"

#define D_HASHBITS	12
#define D_HASHSIZE	(1U << D_HASHBITS)

DEFINE_SPINLOCK(dcache_lock);
static struct list_head dentry_hashtable[D_HASHSIZE];
static struct kmem_cache *dentry_cache;
static atomic_long_t nr_dentry;

long get_nr_dentry(void)
{
	return atomic_long_read(&nr_dentry);
}

/* FNV-1a over the bytes, seeded with the parent's address, folded to 32 bits. */
u32 full_name_hash(const void *salt, const char *name, unsigned int len)
{
	u64 h = 0xcbf29ce484222325ULL ^ (unsigned long)salt;
	unsigned int i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)name[i]) * 0x100000001b3ULL;
	return (u32)(h ^ (h >> 32));
}

static struct list_head *d_hash_bucket(u32 hash)
{
	return &dentry_hashtable[hash_64(hash, D_HASHBITS)];
}

static bool d_name_is_inline(const struct dentry *dentry)
{
	return dentry->d_name.name == dentry->d_iname;
}

/* A dentry with no parent yet (d_parent: itself), one reference, named @name. */
static struct dentry *__d_alloc(struct super_block *sb, const struct qstr *name)
{
	struct dentry *dentry = kmem_cache_alloc(dentry_cache, GFP_KERNEL);
	unsigned char *dname = NULL;

	if (!dentry)
		return NULL;
	if (name->len >= DNAME_INLINE_LEN) {
		dname = kmalloc(name->len + 1, GFP_KERNEL);
		if (!dname) {
			kmem_cache_free(dentry_cache, dentry);
			return NULL;
		}
	}
	memset(dentry, 0, sizeof(*dentry));
	if (!dname)
		dname = dentry->d_iname;
	memcpy(dname, name->name, name->len);
	dname[name->len] = '\0';
	dentry->d_name.name = dname;
	dentry->d_name.len = name->len;
	dentry->d_name.hash = name->hash;
	atomic_set(&dentry->d_count, 1);
	dentry->d_parent = dentry;
	dentry->d_sb = sb;
	dentry->d_op = sb->s_d_op;
	INIT_LIST_HEAD(&dentry->d_hash);
	INIT_LIST_HEAD(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	atomic_long_add(1, &nr_dentry);
	return dentry;
}

static void dentry_free(struct dentry *dentry)
{
	if (!d_name_is_inline(dentry))
		kfree(dentry->d_name.name);
	kmem_cache_free(dentry_cache, dentry);
	atomic_long_sub(1, &nr_dentry);
}

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct qstr q = *name;
	struct dentry *dentry;

	q.hash = full_name_hash(parent, (const char *)name->name, name->len);
	dentry = __d_alloc(parent->d_sb, &q);
	if (!dentry)
		return NULL;
	spin_lock(&dcache_lock);
	dentry->d_parent = dget(parent);
	list_add(&dentry->d_child, &parent->d_subdirs);
	spin_unlock(&dcache_lock);
	return dentry;
}

struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name)
{
	return __d_alloc(sb, name);
}

struct dentry *d_make_root(struct inode *inode)
{
	static const struct qstr slash = QSTR_INIT("/", 1);
	struct dentry *root;

	if (!inode)
		return NULL;
	root = __d_alloc(inode->i_sb, &slash);
	if (!root) {
		iput(inode);
		return NULL;
	}
	d_instantiate(root, inode);
	return root;
}

void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	VM_BUG_ON(dentry->d_inode);
	spin_lock(&dcache_lock);
	dentry->d_inode = inode;
	spin_unlock(&dcache_lock);
}

static void __d_rehash(struct dentry *dentry)
{
	list_add(&dentry->d_hash, d_hash_bucket(dentry->d_name.hash));
}

void d_add(struct dentry *dentry, struct inode *inode)
{
	spin_lock(&dcache_lock);
	dentry->d_inode = inode;
	if (d_unhashed(dentry))
		__d_rehash(dentry);
	spin_unlock(&dcache_lock);
}

void d_rehash(struct dentry *dentry)
{
	spin_lock(&dcache_lock);
	if (d_unhashed(dentry))
		__d_rehash(dentry);
	spin_unlock(&dcache_lock);
}

void d_drop(struct dentry *dentry)
{
	spin_lock(&dcache_lock);
	list_del_init(&dentry->d_hash);
	spin_unlock(&dcache_lock);
}

void d_delete(struct dentry *dentry)
{
	struct inode *inode = NULL;

	spin_lock(&dcache_lock);
	if (d_count(dentry) == 1) {
		inode = dentry->d_inode;
		dentry->d_inode = NULL;
	} else {
		list_del_init(&dentry->d_hash);
	}
	spin_unlock(&dcache_lock);
	if (inode)
		iput(inode);
}

struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name)
{
	struct list_head *bucket = d_hash_bucket(name->hash);
	struct dentry *dentry;

	spin_lock(&dcache_lock);
	list_for_each_entry(dentry, bucket, d_hash) {
		if (dentry->d_parent != parent || dentry->d_name.hash != name->hash ||
		    dentry->d_name.len != name->len ||
		    memcmp(dentry->d_name.name, name->name, name->len))
			continue;
		dget(dentry);
		spin_unlock(&dcache_lock);
		return dentry;
	}
	spin_unlock(&dcache_lock);
	return NULL;
}

/*
 * Take @dentry (its count just reached zero, dcache_lock held) out of the
 * tree. Return: its parent, whose reference the caller now drops, or NULL
 * for a root.
 */
static struct dentry *dentry_unlink(struct dentry *dentry)
{
	struct dentry *parent = dentry->d_parent;

	list_del_init(&dentry->d_hash);
	list_del_init(&dentry->d_child);
	VM_WARN_ON_ONCE(!list_empty(&dentry->d_subdirs));
	return parent == dentry ? NULL : parent;
}

/* Drop a reference that is not the last, without the lock. Return: false if it may be. */
static bool dput_fast(struct dentry *dentry)
{
	int old = atomic_read(&dentry->d_count);

	while (old > 1)
		if (atomic_try_cmpxchg(&dentry->d_count, &old, old - 1))
			return true;
	return false;
}

void dput(struct dentry *dentry)
{
	while (dentry) {
		struct dentry *parent;
		struct inode *inode;

		if (dput_fast(dentry))
			return;
		spin_lock(&dcache_lock);
		VM_BUG_ON(d_count(dentry) <= 0);
		if (!atomic_dec_and_test(&dentry->d_count)) {
			spin_unlock(&dcache_lock);
			return;
		}
		parent = dentry_unlink(dentry);
		inode = dentry->d_inode;
		dentry->d_inode = NULL;
		spin_unlock(&dcache_lock);
		if (inode)
			iput(inode);
		dentry_free(dentry);
		dentry = parent;
	}
}

/* Swap the names of @a and @b (their hashes too); dcache_lock held. */
static void swap_names(struct dentry *a, struct dentry *b)
{
	if (!d_name_is_inline(a) && !d_name_is_inline(b)) {
		swap(a->d_name.name, b->d_name.name);
	} else if (!d_name_is_inline(a)) {
		memcpy(a->d_iname, b->d_iname, b->d_name.len + 1);
		b->d_name.name = a->d_name.name;
		a->d_name.name = a->d_iname;
	} else if (!d_name_is_inline(b)) {
		swap_names(b, a);
		return;
	} else {
		unsigned char tmp[DNAME_INLINE_LEN];

		memcpy(tmp, a->d_iname, DNAME_INLINE_LEN);
		memcpy(a->d_iname, b->d_iname, DNAME_INLINE_LEN);
		memcpy(b->d_iname, tmp, DNAME_INLINE_LEN);
	}
	swap(a->d_name.len, b->d_name.len);
	swap(a->d_name.hash, b->d_name.hash);
}

/* @a and @b trade names and places; each keeps its reference on the parent it gets. */
static void __d_switch(struct dentry *a, struct dentry *b)
{
	struct dentry *pa = a->d_parent, *pb = b->d_parent;

	swap_names(a, b);
	list_del_init(&a->d_hash);
	list_del_init(&b->d_hash);
	list_del(&a->d_child);
	list_del(&b->d_child);
	a->d_parent = pb;
	b->d_parent = pa;
	list_add(&a->d_child, &pb->d_subdirs);
	list_add(&b->d_child, &pa->d_subdirs);
}

void d_move(struct dentry *dentry, struct dentry *target)
{
	spin_lock(&dcache_lock);
	__d_switch(dentry, target);
	__d_rehash(dentry);
	spin_unlock(&dcache_lock);
}

void d_exchange(struct dentry *dentry1, struct dentry *dentry2)
{
	spin_lock(&dcache_lock);
	__d_switch(dentry1, dentry2);
	__d_rehash(dentry1);
	__d_rehash(dentry2);
	spin_unlock(&dcache_lock);
}

struct dentry *d_ancestor(struct dentry *p1, struct dentry *p2)
{
	struct dentry *p, *found = NULL;

	spin_lock(&dcache_lock);
	for (p = p2; !IS_ROOT(p); p = p->d_parent) {
		if (p->d_parent == p1) {
			found = p;
			break;
		}
	}
	spin_unlock(&dcache_lock);
	return found;
}

bool is_subdir(struct dentry *new_dentry, struct dentry *ancestor)
{
	struct dentry *p;
	bool ret = false;

	spin_lock(&dcache_lock);
	for (p = new_dentry;; p = p->d_parent) {
		if (p == ancestor) {
			ret = true;
			break;
		}
		if (IS_ROOT(p))
			break;
	}
	spin_unlock(&dcache_lock);
	return ret;
}

/* The first child of @dentry that d_genocide() has not visited; dcache_lock held. */
static struct dentry *first_unvisited_child(struct dentry *dentry)
{
	struct dentry *child;

	list_for_each_entry(child, &dentry->d_subdirs, d_child)
		if (!(child->d_flags & DCACHE_GENOCIDE))
			return child;
	return NULL;
}

/*
 * Post-order, without recursion: go down to a dentry whose children are
 * all visited, mark it, drop its pin (which may free it), go back up.
 * Nothing else runs in a dying super block's tree.
 */
void d_genocide(struct dentry *root)
{
	struct dentry *dentry = root;

	spin_lock(&dcache_lock);
	for (;;) {
		struct dentry *child = first_unvisited_child(dentry);
		struct dentry *parent;
		bool pinned;

		if (child) {
			dentry = child;
			continue;
		}
		if (dentry == root)
			break;
		dentry->d_flags |= DCACHE_GENOCIDE;
		parent = dentry->d_parent;
		pinned = dentry->d_inode != NULL;
		spin_unlock(&dcache_lock);
		if (pinned)
			dput(dentry);
		spin_lock(&dcache_lock);
		dentry = parent;
	}
	spin_unlock(&dcache_lock);
}

/* Put @name before *@end in the buffer starting at @start. */
static int prepend(char **end, const char *start, const char *name, int len)
{
	if (*end - start < len)
		return -ENAMETOOLONG;
	*end -= len;
	memcpy(*end, name, len);
	return 0;
}

/* Prepend "/name" for @dentry and its ancestors up to @stop (exclusive); dcache_lock held. */
static int prepend_dentries(char **end, const char *buf, const struct dentry *dentry,
			    const struct dentry *stop)
{
	for (; dentry != stop && !IS_ROOT(dentry); dentry = dentry->d_parent) {
		if (prepend(end, buf, (const char *)dentry->d_name.name, dentry->d_name.len) ||
		    prepend(end, buf, "/", 1))
			return -ENAMETOOLONG;
	}
	return 0;
}

char *dentry_path_raw(const struct dentry *dentry, char *buf, int buflen)
{
	char *end = buf + buflen;
	int err;

	if (prepend(&end, buf, "", 1))
		return ERR_PTR(-ENAMETOOLONG);
	spin_lock(&dcache_lock);
	err = prepend_dentries(&end, buf, dentry, NULL);
	spin_unlock(&dcache_lock);
	if (!err && *end == '\0')
		err = prepend(&end, buf, "/", 1);
	return err ? ERR_PTR(err) : end;
}

/* Is @dentry of @mnt a pseudo dentry (d_alloc_pseudo()), in no tree? dcache_lock held. */
static bool d_is_pseudo(const struct dentry *dentry, const struct mount *mnt)
{
	return IS_ROOT(dentry) && dentry != mnt->mnt.mnt_root;
}

char *d_path(const struct path *path, char *buf, int buflen)
{
	struct mount *mnt = real_mount(path->mnt);
	const struct dentry *dentry = path->dentry;
	char *end = buf + buflen;
	struct path root;
	int err;

	if (dentry->d_op && dentry->d_op->d_dname)
		return dentry->d_op->d_dname(path->dentry, buf, buflen);
	get_fs_root(current->fs, &root);
	err = prepend(&end, buf, "", 1);
	spin_lock(&mount_lock);
	spin_lock(&dcache_lock);
	/* removed while open, or never in a directory: as Linux, " (deleted)" */
	if (!err && (d_is_pseudo(dentry, mnt) || (d_unhashed(dentry) && !IS_ROOT(dentry))))
		err = prepend(&end, buf, " (deleted)", 10);
	if (!err && d_is_pseudo(dentry, mnt))
		err = prepend(&end, buf, (const char *)dentry->d_name.name, dentry->d_name.len) ?:
		      prepend(&end, buf, "/", 1);
	while (!err && !d_is_pseudo(dentry, mnt) &&
	       !(dentry == root.dentry && &mnt->mnt == root.mnt)) {
		if (dentry == mnt->mnt.mnt_root) {
			if (mnt_is_top(mnt))
				break;		/* outside the caller's root: stop at it */
			dentry = mnt->mnt_mountpoint;
			mnt = mnt->mnt_parent;
			continue;
		}
		err = prepend_dentries(&end, buf, dentry, dentry->d_parent);
		dentry = dentry->d_parent;
	}
	spin_unlock(&dcache_lock);
	spin_unlock(&mount_lock);
	path_put(&root);
	if (!err && *end == '\0')
		err = prepend(&end, buf, "/", 1);
	return err ? ERR_PTR(err) : end;
}

/*
 * getcwd(2): the working directory's d_path(), NUL included. -ENOENT when
 * it was removed, -ERANGE when @size is too small, -ENAMETOOLONG past
 * PATH_MAX, -EFAULT. Return: the length copied, NUL included.
 */
SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	struct path pwd;
	long len;
	char *cwd;

	if (!page)
		return -ENOMEM;
	get_fs_pwd(current->fs, &pwd);
	len = -ENOENT;
	if (d_unhashed(pwd.dentry) && !IS_ROOT(pwd.dentry))
		goto out;
	cwd = d_path(&pwd, page, PATH_MAX);
	len = PTR_ERR(cwd);
	if (IS_ERR(cwd))
		goto out;
	len = strlen(cwd) + 1;
	if ((unsigned long)len > size)
		len = -ERANGE;
	else if (copy_to_user(buf, cwd, len))
		len = -EFAULT;
out:
	path_put(&pwd);
	kfree(page);
	return len;
}

/* dentry_cache and the hash table (vfs_caches_init()). */
void dcache_init(void)
{
	unsigned int i;

	dentry_cache = kmem_cache_create("dentry", sizeof(struct dentry), 0,
					 SLAB_PANIC | SLAB_RECLAIM_ACCOUNT, NULL);
	for (i = 0; i < D_HASHSIZE; i++)
		INIT_LIST_HEAD(&dentry_hashtable[i]);
}

void vfs_caches_init(void)
{
	pagecache_init();
	names_cache_init();
	dcache_init();
	inode_init();
	files_init();
	files_cache_init();
	fs_cache_init();
	mnt_init();
}
