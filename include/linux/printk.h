/* SPDX-License-Identifier: GPL-2.0 */
/*
 * printk with Linux's log levels (kernel/printk.c).
 *
 * A message may start with a level, KERN_EMERG ("\0010") .. KERN_DEBUG
 * ("\0017"); without one it gets default_message_loglevel (KERN_WARNING).
 * KERN_CONT continues the previous line. Messages whose level is numerically
 * below console_loglevel (loglevel=, default 7) reach the serial console as
 * "[seconds.micro] text"; every message is kept in the log ring buffer
 * (dmesg) whatever its level.
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <linux/types.h>
#include <linux/compiler.h>

#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"
#define KERN_DEFAULT	""
#define KERN_CONT	KERN_SOH "c"

#define LOGLEVEL_EMERG		0
#define LOGLEVEL_ERR		3
#define LOGLEVEL_WARNING	4
#define LOGLEVEL_INFO		6
#define LOGLEVEL_DEBUG		7
#define CONSOLE_LOGLEVEL_DEFAULT 7

extern int console_loglevel;
/* Set while an oops or panic is being reported: printk then breaks its lock. */
extern int oops_in_progress;

int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list args);

/*
 * raw_printk - console and log buffer, without a level or timestamp prefix.
 * KTAP output and shell output use it: Linux's KTAP parser wants its lines
 * unprefixed.
 */
int raw_printk(const char *fmt, ...) __printf(1, 2);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)
#ifdef DEBUG
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#else
/* Type-checked, never printed. */
#define pr_debug(fmt, ...) \
	({ if (0) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__); 0; })
#endif

#define pr_warn_once(fmt, ...) ({				\
	static bool __warned;					\
	if (!__warned) {					\
		__warned = true;				\
		pr_warn(fmt, ##__VA_ARGS__);			\
	}							\
})

enum { DUMP_PREFIX_NONE, DUMP_PREFIX_ADDRESS, DUMP_PREFIX_OFFSET };

/**
 * print_hex_dump - print @len bytes of @buf, @rowsize (16 or 32) a line
 * @level: KERN_ERR and the like
 * @prefix_str: printed at the start of each line
 * @prefix_type: DUMP_PREFIX_ADDRESS, _OFFSET or _NONE before the bytes
 * @groupsize: 1, 2, 4 or 8 bytes a group, each read as a little-endian number
 * @ascii: add the bytes as text (dots for the unprintable)
 */
void print_hex_dump(const char *level, const char *prefix_str, int prefix_type,
		    int rowsize, int groupsize, const void *buf, size_t len, bool ascii);

/* Print the log ring buffer (the shell's dmesg). */
void dmesg_dump(void);

/*
 * log_buf_for_each_line - walk the log buffer's records, oldest first.
 * @fn receives the timestamp in ns, the level and the text (no newline).
 */
void log_buf_for_each_line(void (*fn)(u64 ts_nsec, int level, const char *text,
				      void *arg), void *arg);

/*
 * log_buf_seq - the sequence number the next stored line will get; with
 * log_buf_for_each_line_from() a caller walks only what was logged after a
 * point (a test looking for the report its own action caused).
 */
u64 log_buf_seq(void);
void log_buf_for_each_line_from(u64 seq, void (*fn)(u64 ts_nsec, int level,
						     const char *text, void *arg),
				void *arg);

/*
 * /dev/kmsg (1:11, opened through drivers/char/mem.c), as Linux's: each
 * read returns one record "LEVEL,SEQ,TS_USEC,-;text\n" (LEVEL: facility
 * << 3 | level, the kernel's facility 0; text's non-printable bytes as
 * \xNN), blocking for
 * the next one unless O_NONBLOCK (-EAGAIN); -EPIPE once when records the
 * reader had not read were overwritten, the next read then starting at
 * the oldest; -EINVAL for a buffer smaller than the record. lseek(0,
 * SEEK_SET or SEEK_DATA): back to the oldest record; (0, SEEK_END): only
 * new ones; other offsets -ESPIPE. A write logs one printk line at
 * facility LOG_USER (1), "<N>" first setting level N & 7 and a facility
 * N >> 3 other than 0. The shell's and KTAP's raw text is not shown.
 */
struct file_operations;
extern const struct file_operations kmsg_fops;

#endif /* _LINUX_PRINTK_H */
