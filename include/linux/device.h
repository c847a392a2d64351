/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The device model's part that exists (drivers/base/): no struct device,
 * buses or classes yet; the sysfs directories Linux's devices show memory
 * and CPUs through (/sys/devices/system/cpu, /sys/devices/system/node),
 * and what drivers call to appear in /dev (drivers/base/devtmpfs.c): a
 * driver names its node itself when it registers, as Linux's
 * device_add() does through devtmpfs.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/types.h>

/**
 * devtmpfs_create_node - make the node /dev/@name for device @dev
 * @name: a single path component ("null", "ttyS0")
 * @mode: S_IFCHR or S_IFBLK and the permissions (no umask applied)
 * @dev: the device number
 *
 * Owned by root, in devtmpfs's own tmpfs, whether or not it is mounted
 * yet. Return: 0, -EEXIST if the name is taken, -ENOMEM, -ENODEV before
 * devtmpfs_init(). Context: process, may sleep.
 */
int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev);

/* devtmpfs_init - register "devtmpfs" and make its instance. Return: 0 or -errno. Context: boot. */
int devtmpfs_init(void);
/*
 * devtmpfs_mount - mount devtmpfs on /dev (made if missing), as Linux's
 * CONFIG_DEVTMPFS_MOUNT. Return: 0 or -errno. Context: init, before the
 * initramfs is unpacked (see drivers/base/devtmpfs.c).
 */
int devtmpfs_mount(void);

/* chr_dev_init - the memory devices, major 1 (drivers/char/mem.c). Return: 0 or -errno. Context: boot. */
int chr_dev_init(void);

/*
 * driver_init - make /sys/devices/system with its cpu and node
 * directories (Linux's driver_init() and the cpu/node subsystems).
 * Context: boot, after sysfs_init(). Failures are logged; the files are
 * then missing.
 */
void driver_init(void);

#endif /* _LINUX_DEVICE_H */
