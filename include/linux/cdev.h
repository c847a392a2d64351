/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Character devices (fs/char_dev.c), Linux's two-step shape: a driver
 * reserves a range of device numbers (register_chrdev_region(), or
 * alloc_chrdev_region() for a free major), then adds a struct cdev over
 * (part of) the range with its file operations. Opening a character
 * device node runs chrdev_open() (def_chr_fops), which finds the cdev of
 * the node's i_rdev and hands the file to the driver's operations:
 * -ENXIO when no cdev covers the number.
 */
#ifndef _LINUX_CDEV_H
#define _LINUX_CDEV_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/kdev_t.h>

struct file_operations;
struct seq_file;

#define CHRDEV_MAJOR_MAX	512	/* majors are below this, as Linux's */

/*
 * struct cdev - a driver's character device: @count numbers from @dev.
 * Drivers embed it or make it static; it must outlive every file opened
 * through it (drivers here are never unloaded: cdev_del() only stops new
 * opens). list: on cdev_map, under cdev_lock (fs/char_dev.c).
 */
struct cdev {
	const struct file_operations *ops;
	dev_t dev;
	unsigned int count;
	struct list_head list;
};

/**
 * register_chrdev_region - reserve @count device numbers from @from
 * @from: the first number (its major chosen by the caller)
 * @count: how many; the range must stay within @from's major
 * @name: the driver's name (/proc/devices)
 *
 * Return: 0, -EBUSY if any of them is taken, -EINVAL for a bad range,
 * -ENOMEM. Context: process, may sleep (chrdevs_lock).
 */
int register_chrdev_region(dev_t from, unsigned int count, const char *name);
/**
 * alloc_chrdev_region - reserve @count numbers of a free major
 * @dev: gets the first number
 * @baseminor: the first minor
 * @count: how many
 * @name: the driver's name
 *
 * Majors are taken from 254 down to 234, as Linux's dynamic range.
 * Return: 0, -EBUSY when none is free, -EINVAL, -ENOMEM. Context: process.
 */
int alloc_chrdev_region(dev_t *dev, unsigned int baseminor, unsigned int count,
			const char *name);
/* unregister_chrdev_region - give back a range reserved with @from and @count exactly. */
void unregister_chrdev_region(dev_t from, unsigned int count);

/* cdev_init - an unattached cdev with file operations @fops. */
void cdev_init(struct cdev *cdev, const struct file_operations *fops);
/**
 * cdev_add - make @p the driver of @count numbers from @dev
 * @p: a cdev_init()ed cdev, not added yet
 * @dev: the first number
 * @count: how many
 *
 * From now on opening a node with one of the numbers reaches @p->ops.
 * Return: 0, -EBUSY if another cdev covers one of them, -EINVAL for
 * @count 0. Context: any (cdev_lock, a spinlock).
 */
int cdev_add(struct cdev *p, dev_t dev, unsigned int count);
/* cdev_del - stop new opens through @p; files already open keep working. */
void cdev_del(struct cdev *p);

/* chrdev_show - the "Character devices:" part of /proc/devices: "%3d %s" a region. */
int chrdev_show(struct seq_file *m, void *v);

#endif /* _LINUX_CDEV_H */
