/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The device model's part that exists (drivers/base/): no struct device
 * or buses yet, only the sysfs directories Linux's devices show memory
 * and CPUs through: /sys/devices/system/cpu and /sys/devices/system/node.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

/*
 * driver_init - make /sys/devices/system with its cpu and node
 * directories (Linux's driver_init() and the cpu/node subsystems).
 * Context: boot, after sysfs_init(). Failures are logged; the files are
 * then missing.
 */
void driver_init(void);

#endif /* _LINUX_DEVICE_H */
