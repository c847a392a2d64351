// SPDX-License-Identifier: GPL-2.0
/*
 * sysctl values as text (Linux's kernel/sysctl.c): the proc_dointvec
 * family of handlers, and the base tables of /proc/sys/vm, /proc/sys/fs
 * and /proc/sys/kernel (sysctl_init_bases(), from proc_sys_init()).
 *
 * A read prints the table's values, tab-separated, with a "\n"; a write
 * takes whitespace-separated decimal integers (a '-' allowed), at most
 * maxlen / sizeof(int) of them: every value is parsed and range-checked
 * before any is stored, so a bad one (-EINVAL) leaves all old values.
 * Linux stores the values before a bad one; all-or-nothing is the
 * simpler promise and the single-value files behave the same.
 *
 * Locking: none here; a handler that recomputes state from the values
 * (mm's) serialises itself.
 */
#include <linux/sysctl.h>
#include <linux/kernel.h>
#include <linux/sprintf.h>
#include <linux/kstrtox.h>
#include <linux/ctype.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mmzone.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/file.h>
#include <linux/sched/mm.h>

const int sysctl_vals[] = { 0, 1, 3000, 2 };

#define SYSCTL_MAX_VALUES	8	/* the longest table row (lowmem_reserve_ratio) */

/*
 * Print @n values (ints or longs) tab-separated with "\n"; as much as fits
 * in *@lenp bytes is copied to @buffer, *@lenp and *@ppos advance by it.
 */
static int sysctl_print(const void *data, unsigned int n, bool is_long, char *buffer,
			size_t *lenp, loff_t *ppos)
{
	char text[SYSCTL_MAX_VALUES * 24];	/* a tab and 20 digits a value */
	size_t len = 0;
	unsigned int i;

	if (*ppos) {		/* Linux: a read goes at offset 0 only */
		*lenp = 0;
		return 0;
	}
	for (i = 0; i < n; i++) {
		const char *sep = i ? "\t" : "";

		if (is_long)
			len += (size_t)scnprintf(text + len, sizeof(text) - len, "%s%lu", sep,
						 ((const unsigned long *)data)[i]);
		else
			len += (size_t)scnprintf(text + len, sizeof(text) - len, "%s%d", sep,
						 ((const int *)data)[i]);
	}
	len += (size_t)scnprintf(text + len, sizeof(text) - len, "\n");
	*lenp = min(len, *lenp);
	memcpy(buffer, text, *lenp);
	*ppos += (loff_t)*lenp;
	return 0;
}

/*
 * Parse up to @max values of @buffer into @vals: ints, or with @is_long
 * unsigned longs (no sign, as Linux's proc_doulongvec_minmax() refuses
 * one). Return: how many, or -EINVAL.
 */
static int sysctl_parse(const char *buffer, void *vals, unsigned int max, bool is_long)
{
	unsigned int n = 0;
	unsigned long long u;
	long long v;
	char word[24];
	size_t len;

	for (;;) {
		while (isspace(*buffer))
			buffer++;
		if (!*buffer)
			return (int)n;
		for (len = 0; buffer[len] && !isspace(buffer[len]); len++)
			;
		if (n == max || len >= sizeof(word))
			return -EINVAL;
		memcpy(word, buffer, len);
		word[len] = '\0';
		if (is_long) {
			if (word[0] == '-' || kstrtoull(word, 10, &u))
				return -EINVAL;
			((unsigned long *)vals)[n++] = (unsigned long)u;
		} else {
			if (kstrtoll(word, 10, &v) || v < -(long long)INT_MAX - 1 || v > INT_MAX)
				return -EINVAL;
			((int *)vals)[n++] = (int)v;
		}
		buffer += len;
	}
}

static int do_proc_dointvec(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			    loff_t *ppos, const int *min, const int *max)
{
	unsigned int i, n = (unsigned int)table->maxlen / sizeof(int);
	int vals[SYSCTL_MAX_VALUES];
	int count;

	if (WARN_ON_ONCE(n > SYSCTL_MAX_VALUES))
		return -EINVAL;
	if (!write)
		return sysctl_print(table->data, n, false, buffer, lenp, ppos);
	if (*ppos) {		/* sysctl_writes_strict: a write goes at 0 only */
		*lenp = 0;
		return 0;
	}
	count = sysctl_parse(buffer, vals, n, false);
	if (count <= 0)
		return -EINVAL;
	for (i = 0; i < (unsigned int)count; i++)
		if ((min && vals[i] < *min) || (max && vals[i] > *max))
			return -EINVAL;
	memcpy(table->data, vals, (size_t)count * sizeof(int));
	*ppos += (loff_t)*lenp;
	return 0;
}

int proc_dointvec(struct ctl_table *table, int write, void *buffer, size_t *lenp, loff_t *ppos)
{
	return do_proc_dointvec(table, write, buffer, lenp, ppos, NULL, NULL);
}

int proc_dointvec_minmax(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			 loff_t *ppos)
{
	return do_proc_dointvec(table, write, buffer, lenp, ppos, table->extra1, table->extra2);
}

int proc_doulongvec_minmax(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			   loff_t *ppos)
{
	unsigned int i, n = (unsigned int)table->maxlen / sizeof(long);
	const unsigned long *min = table->extra1, *max = table->extra2;
	unsigned long vals[SYSCTL_MAX_VALUES];
	int count;

	if (WARN_ON_ONCE(n > SYSCTL_MAX_VALUES))
		return -EINVAL;
	if (!write)
		return sysctl_print(table->data, n, true, buffer, lenp, ppos);
	if (*ppos) {
		*lenp = 0;
		return 0;
	}
	count = sysctl_parse(buffer, vals, n, true);
	if (count <= 0)
		return -EINVAL;
	for (i = 0; i < (unsigned int)count; i++)
		if ((min && vals[i] < *min) || (max && vals[i] > *max))
			return -EINVAL;
	memcpy(table->data, vals, (size_t)count * sizeof(long));
	*ppos += (loff_t)*lenp;
	return 0;
}

/* A read-only row of @n longs computed by @fill at each read (the fs counters). */
static int proc_nr_values(struct ctl_table *table, int write, void *buffer, size_t *lenp,
			  loff_t *ppos, void (*fill)(unsigned long *vals), unsigned int n)
{
	unsigned long vals[6] = {};
	struct ctl_table t = { .data = vals, .maxlen = (int)(n * sizeof(long)) };

	fill(vals);
	return proc_doulongvec_minmax(&t, write, buffer, lenp, ppos);
}

/* inode-nr: allocated, free (no LRU of unused inodes yet: 0). */
static void fill_nr_inodes(unsigned long *vals)
{
	vals[0] = (unsigned long)get_nr_inodes();
}

/* dentry-state: nr_dentry, nr_unused, age_limit, want_pages, nr_negative, dummy. */
static void fill_dentry_state(unsigned long *vals)
{
	vals[0] = (unsigned long)get_nr_dentry();
	vals[2] = 45;		/* Linux's age_limit */
}

/* file-nr: allocated, 0 (Linux's always-0 free count), the maximum (none here: LONG_MAX). */
static void fill_file_nr(unsigned long *vals)
{
	vals[0] = (unsigned long)get_nr_files();
	vals[2] = LONG_MAX;
}

static int proc_nr_inodes(struct ctl_table *t, int w, void *b, size_t *l, loff_t *p)
{
	return proc_nr_values(t, w, b, l, p, fill_nr_inodes, 2);
}

static int proc_nr_dentry(struct ctl_table *t, int w, void *b, size_t *l, loff_t *p)
{
	return proc_nr_values(t, w, b, l, p, fill_dentry_state, 6);
}

static int proc_nr_files(struct ctl_table *t, int w, void *b, size_t *l, loff_t *p)
{
	return proc_nr_values(t, w, b, l, p, fill_file_nr, 3);
}

static struct ctl_table vm_table[] = {
	{ .procname = "min_free_kbytes", .data = &min_free_kbytes, .maxlen = sizeof(int),
	  .mode = 0644, .proc_handler = min_free_kbytes_sysctl_handler, .extra1 = SYSCTL_ZERO },
	{ .procname = "watermark_scale_factor", .data = &watermark_scale_factor,
	  .maxlen = sizeof(int), .mode = 0644, .proc_handler = watermark_scale_factor_sysctl_handler,
	  .extra1 = SYSCTL_ONE, .extra2 = SYSCTL_THREE_THOUSAND },
	{ .procname = "percpu_pagelist_high_fraction", .data = &percpu_pagelist_high_fraction,
	  .maxlen = sizeof(int), .mode = 0644,
	  .proc_handler = percpu_pagelist_high_fraction_sysctl_handler, .extra1 = SYSCTL_ZERO },
	{ .procname = "lowmem_reserve_ratio", .data = &sysctl_lowmem_reserve_ratio,
	  .maxlen = sizeof(sysctl_lowmem_reserve_ratio), .mode = 0644,
	  .proc_handler = lowmem_reserve_ratio_sysctl_handler },
	{ .procname = "overcommit_memory", .data = &sysctl_overcommit_memory,
	  .maxlen = sizeof(int), .mode = 0644, .proc_handler = proc_dointvec_minmax,
	  .extra1 = SYSCTL_ZERO, .extra2 = SYSCTL_TWO },
	{ .procname = "overcommit_ratio", .data = &sysctl_overcommit_ratio,
	  .maxlen = sizeof(int), .mode = 0644, .proc_handler = overcommit_ratio_handler },
	{ .procname = "overcommit_kbytes", .data = &sysctl_overcommit_kbytes,
	  .maxlen = sizeof(long), .mode = 0644, .proc_handler = overcommit_kbytes_handler },
	{ .procname = "user_reserve_kbytes", .data = &sysctl_user_reserve_kbytes,
	  .maxlen = sizeof(long), .mode = 0644, .proc_handler = proc_doulongvec_minmax },
	{ .procname = "admin_reserve_kbytes", .data = &sysctl_admin_reserve_kbytes,
	  .maxlen = sizeof(long), .mode = 0644, .proc_handler = proc_doulongvec_minmax },
	{ .procname = "max_map_count", .data = &sysctl_max_map_count,
	  .maxlen = sizeof(int), .mode = 0644, .proc_handler = proc_dointvec_minmax,
	  .extra1 = SYSCTL_ZERO },
	{ }
};

static struct ctl_table fs_table[] = {
	{ .procname = "inode-nr", .maxlen = 2 * sizeof(long), .mode = 0444,
	  .proc_handler = proc_nr_inodes },
	{ .procname = "dentry-state", .maxlen = 6 * sizeof(long), .mode = 0444,
	  .proc_handler = proc_nr_dentry },
	{ .procname = "file-nr", .maxlen = 3 * sizeof(long), .mode = 0444,
	  .proc_handler = proc_nr_files },
	{ }
};

static struct ctl_table kern_table[] = {
	/* Linux's handler takes any int; exec reads 0 as off, 1 as partial, more as full. */
	{ .procname = "randomize_va_space", .data = &randomize_va_space, .maxlen = sizeof(int),
	  .mode = 0644, .proc_handler = proc_dointvec },
	{ }
};

int sysctl_init_bases(void)
{
	return register_sysctl("vm", vm_table) ?: register_sysctl("fs", fs_table) ?:
	       register_sysctl("kernel", kern_table);
}
