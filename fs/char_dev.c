// SPDX-License-Identifier: GPL-2.0
/*
 * Character device numbers and their drivers (Linux's fs/char_dev.c).
 *
 *   chrdevs:  char_device_struct (major, minors [baseminor, +minorct), name)
 *             a list sorted by (major, baseminor); the reservations
 *   cdev_map: struct cdev (dev, count, ops); which driver answers a number
 *
 * A node's inode gets def_chr_fops from init_special_inode(); its open,
 * chrdev_open(), looks the node's i_rdev up in cdev_map and swaps the
 * file's operations for the driver's, then calls the driver's open.
 * Linux keeps reservations in a hash of 255 chains and cdevs in a kobj_map
 * by major; a handful of drivers makes a sorted list as fast here.
 *
 * Invariants: reservations never overlap; cdevs never overlap (cdev_add
 * refuses, where Linux would let the newest hide the older).
 * Locking: chrdevs_lock (mutex) protects chrdevs; cdev_lock (spinlock)
 * protects cdev_map and each cdev's list linkage. A cdev is never freed
 * here: drivers own it (see cdev.h).
 */
#include <linux/cdev.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/seq_file.h>
#include <linux/errno.h>
#include <linux/bug.h>
#include <linux/mmdebug.h>

#define CHRDEV_MAJOR_DYN_END	234	/* the dynamic majors: 254 down to this */
#define CHRDEV_MAJOR_DYN_START	254

struct char_device_struct {
	struct list_head list;		/* chrdevs; chrdevs_lock */
	unsigned int major;
	unsigned int baseminor;
	unsigned int minorct;
	const char *name;
};

static DEFINE_MUTEX(chrdevs_lock);
static LIST_HEAD(chrdevs);		/* chrdevs_lock */
static DEFINE_SPINLOCK(cdev_lock);
static LIST_HEAD(cdev_map);		/* cdev_lock */

static bool ranges_overlap(unsigned int a, unsigned int alen, unsigned int b, unsigned int blen)
{
	return a < b + blen && b < a + alen;
}

/* The first reservation sorting after (@major, @baseminor); chrdevs_lock held. */
static struct list_head *chrdev_insert_point(unsigned int major, unsigned int baseminor)
{
	struct char_device_struct *cd;

	list_for_each_entry(cd, &chrdevs, list)
		if (cd->major > major || (cd->major == major && cd->baseminor > baseminor))
			return &cd->list;
	return &chrdevs;
}

static bool chrdev_range_free(unsigned int major, unsigned int baseminor, unsigned int count)
{
	struct char_device_struct *cd;

	list_for_each_entry(cd, &chrdevs, list)
		if (cd->major == major &&
		    ranges_overlap(cd->baseminor, cd->minorct, baseminor, count))
			return false;
	return true;
}

static bool chrdev_major_unused(unsigned int major)
{
	struct char_device_struct *cd;

	list_for_each_entry(cd, &chrdevs, list)
		if (cd->major == major)
			return false;
	return true;
}

/* Reserve a range; @major 0 picks a free dynamic major. Return: the major or -errno. */
static int __register_chrdev_region(unsigned int major, unsigned int baseminor,
				    unsigned int count, const char *name)
{
	struct char_device_struct *cd;
	int ret = -EBUSY;

	if (!count || major >= CHRDEV_MAJOR_MAX || baseminor > MINORMASK ||
	    count > MINORMASK + 1 - baseminor)
		return -EINVAL;
	cd = kzalloc(sizeof(*cd), GFP_KERNEL);
	if (!cd)
		return -ENOMEM;
	mutex_lock(&chrdevs_lock);
	if (!major) {
		for (major = CHRDEV_MAJOR_DYN_START; major >= CHRDEV_MAJOR_DYN_END; major--)
			if (chrdev_major_unused(major))
				break;
		if (major < CHRDEV_MAJOR_DYN_END)
			goto out_free;
	} else if (!chrdev_range_free(major, baseminor, count)) {
		goto out_free;
	}
	*cd = (struct char_device_struct){ .major = major, .baseminor = baseminor,
					   .minorct = count, .name = name };
	list_add_tail(&cd->list, chrdev_insert_point(major, baseminor));
	mutex_unlock(&chrdevs_lock);
	return major;

out_free:
	mutex_unlock(&chrdevs_lock);
	kfree(cd);
	return ret;
}

int register_chrdev_region(dev_t from, unsigned int count, const char *name)
{
	if (!MAJOR(from))
		return -EINVAL;
	return min(__register_chrdev_region(MAJOR(from), MINOR(from), count, name), 0);
}

int alloc_chrdev_region(dev_t *dev, unsigned int baseminor, unsigned int count,
			const char *name)
{
	int major = __register_chrdev_region(0, baseminor, count, name);

	if (major < 0)
		return major;
	*dev = MKDEV((unsigned int)major, baseminor);
	return 0;
}

void unregister_chrdev_region(dev_t from, unsigned int count)
{
	struct char_device_struct *cd, *found = NULL;

	mutex_lock(&chrdevs_lock);
	list_for_each_entry(cd, &chrdevs, list) {
		if (cd->major == MAJOR(from) && cd->baseminor == MINOR(from) &&
		    cd->minorct == count) {
			found = cd;
			list_del(&cd->list);
			break;
		}
	}
	mutex_unlock(&chrdevs_lock);
	WARN_ON_ONCE(!found);
	kfree(found);
}

int chrdev_show(struct seq_file *m, void *v)
{
	struct char_device_struct *cd;

	seq_puts(m, "Character devices:\n");
	mutex_lock(&chrdevs_lock);
	list_for_each_entry(cd, &chrdevs, list)
		seq_printf(m, "%3u %s\n", cd->major, cd->name);
	mutex_unlock(&chrdevs_lock);
	return 0;
}

void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
	*cdev = (struct cdev){ .ops = fops };
	INIT_LIST_HEAD(&cdev->list);
}

/* The cdev covering @dev; cdev_lock held. */
static struct cdev *cdev_lookup(dev_t dev)
{
	struct cdev *p;

	list_for_each_entry(p, &cdev_map, list)
		if (dev >= p->dev && dev - p->dev < p->count)
			return p;
	return NULL;
}

int cdev_add(struct cdev *p, dev_t dev, unsigned int count)
{
	struct cdev *other;
	int ret = 0;

	if (!count || MINOR(dev) + (u64)count > MINORMASK + 1)
		return -EINVAL;
	VM_BUG_ON(!list_empty(&p->list));
	spin_lock(&cdev_lock);
	list_for_each_entry(other, &cdev_map, list)
		if (ranges_overlap(other->dev, other->count, dev, count))
			ret = -EBUSY;
	if (!ret) {
		p->dev = dev;
		p->count = count;
		list_add_tail(&p->list, &cdev_map);
	}
	spin_unlock(&cdev_lock);
	return ret;
}

void cdev_del(struct cdev *p)
{
	spin_lock(&cdev_lock);
	list_del_init(&p->list);
	spin_unlock(&cdev_lock);
}

/* Open of a character device node: the driver of i_rdev takes the file over. */
static int chrdev_open(struct inode *inode, struct file *filp)
{
	const struct file_operations *fops = NULL;
	struct cdev *p;

	spin_lock(&cdev_lock);
	p = cdev_lookup(inode->i_rdev);
	if (p)
		fops = p->ops;
	spin_unlock(&cdev_lock);
	if (!fops)
		return -ENXIO;
	filp->f_op = fops;
	return fops->open ? fops->open(inode, filp) : 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};
