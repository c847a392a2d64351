/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sysctl tables (kernel/sysctl.c, fs/proc/proc_sysctl.c): each struct
 * ctl_table row is a file of /proc/sys/<path>/ holding an int (or an int
 * array of maxlen bytes) at ->data, read and written through its
 * ->proc_handler, as Linux's.
 *
 *   static struct ctl_table vm_table[] = {
 *           { .procname = "min_free_kbytes", .data = &min_free_kbytes,
 *             .maxlen = sizeof(int), .mode = 0644,
 *             .proc_handler = min_free_kbytes_sysctl_handler,
 *             .extra1 = SYSCTL_ZERO },
 *           { }
 *   };
 *   register_sysctl("vm", vm_table);
 *
 * Text: values in decimal, separated by a tab, then "\n"; a read at a
 * position other than 0 reads nothing, and a write at one is ignored
 * (Linux's default sysctl_writes_strict=1). A write parses every value
 * first and stores none if one is bad (-EINVAL): the old values stay.
 */
#ifndef _LINUX_SYSCTL_H
#define _LINUX_SYSCTL_H

#include <linux/types.h>

struct ctl_table;

/*
 * A handler: @write 0 to print the value(s) into @buffer (*@lenp bytes of
 * room; *@lenp set to the bytes printed), 1 to parse *@lenp bytes of
 * @buffer (a kernel buffer, NUL-terminated). *@ppos advances by *@lenp.
 * Return: 0 or -errno (-EINVAL for a bad or out-of-range value).
 */
typedef int proc_handler(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			 loff_t *ppos);

struct ctl_table {
	const char *procname;	/* NULL ends a table */
	void *data;
	int maxlen;		/* bytes at data */
	umode_t mode;
	proc_handler *proc_handler;
	void *extra1;		/* proc_dointvec_minmax: the least value, or NULL */
	void *extra2;		/* and the largest, or NULL */
};

extern const int sysctl_vals[];
#define SYSCTL_ZERO	((void *)&sysctl_vals[0])
#define SYSCTL_ONE	((void *)&sysctl_vals[1])
#define SYSCTL_THREE_THOUSAND	((void *)&sysctl_vals[2])
#define SYSCTL_TWO	((void *)&sysctl_vals[3])

/* proc_dointvec - the ints at table->data, any value. */
int proc_dointvec(struct ctl_table *table, int write, void *buffer, size_t *lenp, loff_t *ppos);
/* proc_dointvec_minmax - the same, each written value within *extra1 .. *extra2 or -EINVAL. */
int proc_dointvec_minmax(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			 loff_t *ppos);
/* proc_doulongvec_minmax - the unsigned longs at table->data, each within *extra1 .. *extra2 (unsigned long). */
int proc_doulongvec_minmax(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			   loff_t *ppos);

/**
 * register_sysctl - make a file of /proc/sys/@path/ for each row of @table
 * @path: the directory below /proc/sys ("vm", "fs": one level), made if missing
 * @table: rows ending with an empty one; must outlive the files
 *
 * Return: 0 or -ENOMEM (the files made so far are removed again).
 * Context: process, after proc_root_init().
 */
int register_sysctl(const char *path, struct ctl_table *table);

/* sysctl_init_bases - /proc/sys/vm and /proc/sys/fs (proc_sys_init()). Return: 0 or -ENOMEM. */
int sysctl_init_bases(void);

#endif /* _LINUX_SYSCTL_H */
