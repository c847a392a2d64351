// SPDX-License-Identifier: GPL-2.0
/*
 * printk: formatting, the log ring buffer (dmesg) and the console.
 *
 * Every message is kept in log_buf as records, one per line:
 *
 *   | struct log_rec | text (text_len bytes) | pad to 8 |
 *
 * Positions are logical byte counters that only grow (log_tail <= log_head,
 * log_head - log_tail <= LOG_BUF_LEN); a record lives at pos % LOG_BUF_LEN and
 * never wraps: when it would not fit before the end of the array, a marker
 * record of length 0 fills the rest and the record starts at offset 0. The
 * oldest records are dropped to make room. A line printed in pieces
 * (KERN_CONT, or a message without a trailing newline) is gathered in
 * cont_buf and stored when it ends.
 *
 * The console is the serial port: a record whose level is below
 * console_loglevel is written there at once as "[seconds.micro] text".
 * raw_printk() text (KTAP, shell output) goes to the console without prefix
 * and is logged with level LOG_RAW.
 *
 * /dev/kmsg (kmsg_fops) reads the records one at a time by sequence
 * number, in Linux's "LEVEL,SEQ,TS_USEC,-;text" format; syslog(2) (at
 * the end: busybox's dmesg) reads them as "<PRI>[seconds] text" lines.
 *
 * Locking: logbuf_lock (irqsave) protects everything here. On the oops path
 * (oops_in_progress) a lock that cannot be taken is broken rather than
 * waited for: a report of a crash under the lock must still come out.
 */
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/spinlock.h>
#include <linux/serial.h>
#include <linux/kernel.h>
#include <linux/shell.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/tsc.h>
#include <asm/uaccess.h>

#define LOG_BUF_LEN	(1 << 17)
#define LOG_LINE_MAX	1024
#define LOG_RAW		15	/* level of raw_printk text */

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
static const int default_message_loglevel = LOGLEVEL_WARNING;
int oops_in_progress;

struct log_rec {
	u64 seq;		/* records ever stored before this one */
	u64 ts_nsec;
	u16 len;		/* whole record, 8-aligned; 0 marks a wrap */
	u16 text_len;
	u8 level;
	u8 facility;		/* syslog's: 0 the kernel's, 1 (LOG_USER) /dev/kmsg writers' */
};

static DEFINE_SPINLOCK(logbuf_lock);
/* All below: protected by logbuf_lock. */
static char log_buf[LOG_BUF_LEN] __aligned(8);
static u64 log_head, log_tail;
static u64 log_next_seq;
static char cont_buf[LOG_LINE_MAX];
static size_t cont_len;
static int cont_level;
static int cont_facility;
static u64 cont_ts;
static bool console_line_open;	/* the console's last line has no newline yet */
static char fmt_buf[LOG_LINE_MAX];
/*
 * Readers of /dev/kmsg waiting for a record. printk wakes it only when
 * someone waits (a wake-up takes the queue's and the run queue's locks,
 * which a printk from inside the scheduler or lockdep may hold); the
 * reader's prepare_to_wait() before its check pairs with that test.
 * While a reader does wait, such a printk could still deadlock: Linux
 * defers the wake-up to irq_work, which does not exist here yet.
 */
static DECLARE_WAIT_QUEUE_HEAD(log_wait);

static struct log_rec *rec_at(u64 pos)
{
	return (struct log_rec *)&log_buf[pos % LOG_BUF_LEN];
}

/* Advance past the record at @pos (a wrap marker jumps to the next lap). */
static u64 rec_next(u64 pos)
{
	struct log_rec *r = rec_at(pos);

	if (!r->len)
		return pos + LOG_BUF_LEN - pos % LOG_BUF_LEN;
	return pos + r->len;
}

static void log_make_room(size_t size)
{
	while (log_head + size - log_tail > LOG_BUF_LEN)
		log_tail = rec_next(log_tail);
}

static void log_store(int facility, int level, u64 ts, const char *text, size_t len)
{
	size_t size = ALIGN(sizeof(struct log_rec) + len, 8);
	size_t off = log_head % LOG_BUF_LEN;
	struct log_rec *r;

	if (off + size > LOG_BUF_LEN) {
		log_make_room(LOG_BUF_LEN - off);
		rec_at(log_head)->len = 0;
		log_head += LOG_BUF_LEN - off;
	}
	log_make_room(size);
	r = rec_at(log_head);
	r->seq = log_next_seq++;
	r->ts_nsec = ts;
	r->len = (u16)size;
	r->text_len = (u16)len;
	r->level = (u8)level;
	r->facility = (u8)facility;
	memcpy(r + 1, text, len);
	log_head += size;
}

static void cont_flush(void)
{
	if (!cont_len)
		return;
	log_store(cont_facility, cont_level, cont_ts, cont_buf, cont_len);
	cont_len = 0;
}

static void console_emit(int level, u64 ts, const char *text, size_t len,
			 bool is_cont, bool ends_line)
{
	char prefix[32];
	int n;

	if (level != LOG_RAW && level >= console_loglevel)
		return;
	if (console_line_open && !is_cont)
		serial_write("\n", 1);
	if (!is_cont && level != LOG_RAW) {
		n = scnprintf(prefix, sizeof(prefix), "[%5llu.%06llu] ",
			      ts / 1000000000ULL, (ts % 1000000000ULL) / 1000);
		serial_write(prefix, n);
	}
	serial_write(text, len);
	if (ends_line)
		serial_write("\n", 1);
	console_line_open = !ends_line;
}

/*
 * One line (or the start or middle of one). @is_cont: continues the line
 * gathered in cont_buf; @ends_line: the text ended with a newline.
 */
static void emit_line(int facility, int level, u64 ts, const char *text, size_t len,
		      bool is_cont, bool ends_line)
{
	if (!is_cont || !cont_len) {
		cont_flush();
		cont_facility = facility;
		cont_level = level;
		cont_ts = ts;
		is_cont = false;
	} else {
		level = cont_level;
	}
	console_emit(level, ts, text, len, is_cont, ends_line);
	len = min(len, sizeof(cont_buf) - cont_len);
	memcpy(cont_buf + cont_len, text, len);
	cont_len += len;
	if (ends_line)
		cont_flush();
}

/* Split @text into lines; the first may continue the gathered line. */
static void log_text(int facility, int level, bool is_cont, char *text, size_t len)
{
	u64 ts = local_clock();

	while (len) {
		char *nl = memchr(text, '\n', len);
		size_t n = nl ? (size_t)(nl - text) : len;

		emit_line(facility, level, ts, text, n, is_cont, nl != NULL);
		is_cont = false;
		text += n + (nl ? 1 : 0);
		len -= n + (nl ? 1 : 0);
	}
}

static bool logbuf_lock_irqsave(unsigned long *flags)
{
	local_irq_save(*flags);
	if (spin_trylock(&logbuf_lock))
		return true;
	if (READ_ONCE(oops_in_progress))
		return false;	/* broken, not waited for: see the top */
	spin_lock(&logbuf_lock);
	return true;
}

static void logbuf_unlock_irqrestore(bool locked, unsigned long flags)
{
	if (locked)
		spin_unlock(&logbuf_lock);
	local_irq_restore(flags);
}

static int vprintk_level(int facility, int level, const char *fmt, va_list args)
{
	unsigned long flags;
	bool locked = logbuf_lock_irqsave(&flags);
	size_t len = vscnprintf(fmt_buf, sizeof(fmt_buf), fmt, args);
	char *text = fmt_buf;
	bool is_cont = false;

	if (text[0] == KERN_SOH[0] && text[1]) {
		if (text[1] >= '0' && text[1] <= '7')
			level = text[1] - '0';
		else if (text[1] == 'c')
			is_cont = true;
		text += 2;
		len -= 2;
	}
	if (level < 0)
		level = is_cont ? cont_level : default_message_loglevel;
	log_text(facility, level, is_cont, text, len);
	logbuf_unlock_irqrestore(locked, flags);
	if (!list_empty(&log_wait.head) && !READ_ONCE(oops_in_progress))
		wake_up(&log_wait);
	return (int)len;
}

int vprintk(const char *fmt, va_list args)
{
	return vprintk_level(0, -1, fmt, args);
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk_level(0, -1, fmt, ap);
	va_end(ap);
	return n;
}

int raw_printk(const char *fmt, ...)
{
	unsigned long flags;
	bool locked;
	va_list ap;
	size_t len;

	locked = logbuf_lock_irqsave(&flags);
	va_start(ap, fmt);
	len = vscnprintf(fmt_buf, sizeof(fmt_buf), fmt, ap);
	va_end(ap);
	log_text(0, LOG_RAW, cont_len && cont_level == LOG_RAW, fmt_buf, len);
	logbuf_unlock_irqrestore(locked, flags);
	return (int)len;
}

u64 log_buf_seq(void)
{
	return READ_ONCE(log_next_seq);
}

void log_buf_for_each_line(void (*fn)(u64 ts_nsec, int level, const char *text,
				      void *arg), void *arg)
{
	log_buf_for_each_line_from(0, fn, arg);
}

void log_buf_for_each_line_from(u64 seq, void (*fn)(u64 ts_nsec, int level,
						     const char *text, void *arg),
				void *arg)
{
	char line[LOG_LINE_MAX + 1];
	unsigned long flags;
	bool locked = logbuf_lock_irqsave(&flags);
	u64 end = log_head, pos = log_tail;

	/*
	 * The callback runs with the lock dropped (it may printk, which adds
	 * records past @end and may drop old ones): each record is copied out
	 * first, and a position overtaken by log_tail restarts at log_tail.
	 */
	while (pos < end) {
		struct log_rec *r = rec_at(pos);
		u64 next = rec_next(pos), ts = r->ts_nsec;
		int level = r->level;

		if (r->len && r->seq >= seq) {
			memcpy(line, r + 1, r->text_len);
			line[r->text_len] = '\0';
			logbuf_unlock_irqrestore(locked, flags);
			fn(ts, level, line, arg);
			locked = logbuf_lock_irqsave(&flags);
		}
		pos = max(next, log_tail);
	}
	logbuf_unlock_irqrestore(locked, flags);
}

static void dmesg_line(u64 ts, int level, const char *text, void *arg)
{
	if (level == LOG_RAW)
		raw_printk("%s\n", text);
	else
		raw_printk("[%5llu.%06llu] %s\n", ts / 1000000000ULL,
			   (ts % 1000000000ULL) / 1000, text);
}

void dmesg_dump(void)
{
	log_buf_for_each_line(dmesg_line, NULL);
}

static int cmd_dmesg(int argc, char **argv)
{
	dmesg_dump();
	return 0;
}
SHELL_CMD(dmesg, "print the kernel log buffer", cmd_dmesg);

/* ---- /dev/kmsg ---------------------------------------------------------- */

/* The oldest record's sequence number (log_next_seq when empty); logbuf_lock held. */
static u64 log_first_seq(void)
{
	u64 pos;

	for (pos = log_tail; pos < log_head; pos = rec_next(pos))
		if (rec_at(pos)->len)
			return rec_at(pos)->seq;
	return log_next_seq;
}

/*
 * Copy the first kernel record numbered *@seq or later (found by a walk
 * from the oldest: records are not indexed by number) (raw_printk text,
 * the shell's and KTAP's, is not a kernel message and is passed over) into
 * @rec and @text. Return: 0 with *@seq the record's number, -EPIPE when
 * *@seq was overwritten (*@seq set to the oldest record), -EAGAIN when
 * there is none yet.
 */
static int log_read_record(u64 *seq, struct log_rec *rec, char *text)
{
	unsigned long flags;
	bool locked = logbuf_lock_irqsave(&flags);
	u64 first = log_first_seq(), pos;
	int ret = -EAGAIN;

	if (*seq < first) {
		*seq = first;
		ret = -EPIPE;
		goto out;
	}
	for (pos = log_tail; pos < log_head; pos = rec_next(pos)) {
		struct log_rec *r = rec_at(pos);

		if (!r->len || r->seq < *seq || r->level == LOG_RAW)
			continue;
		*rec = *r;
		memcpy(text, r + 1, r->text_len);
		*seq = r->seq;
		ret = 0;
		break;
	}
out:
	logbuf_unlock_irqrestore(locked, flags);
	return ret;
}

static bool log_has_records_from(u64 seq)
{
	return READ_ONCE(log_next_seq) > seq;
}

/*
 * struct devkmsg_user - an open /dev/kmsg: the next record to read. lock
 * serialises read and lseek through the file; buf holds one formatted record.
 */
struct devkmsg_user {
	struct mutex lock;
	u64 seq;			/* lock */
	char text[LOG_LINE_MAX];	/* lock */
	char buf[LOG_LINE_MAX * 4 + 64];	/* lock; text escaped as \xNN at worst */
};

/* Linux's record format: "LEVEL,SEQ,TS_USEC,-;" the text, non-printables as \xNN, "\n". */
static size_t devkmsg_format(char *buf, size_t size, const struct log_rec *r, const char *text)
{
	size_t len = scnprintf(buf, size, "%u,%llu,%llu,-;", (r->facility << 3) | r->level,
			       r->seq, r->ts_nsec / 1000);
	unsigned int i;

	for (i = 0; i < r->text_len; i++) {
		unsigned char c = text[i];

		if (c < ' ' || c >= 127 || c == '\\')
			len += scnprintf(buf + len, size - len, "\\x%02x", c);
		else
			buf[len++] = c;
	}
	buf[len++] = '\n';
	return len;
}

static int devkmsg_open(struct inode *inode, struct file *file)
{
	struct devkmsg_user *user;
	unsigned long flags;
	bool locked;

	/* Write-only openers only log: no reader state (as Linux). */
	if ((file->f_flags & O_ACCMODE) == O_WRONLY)
		return 0;
	user = kmalloc(sizeof(*user), GFP_KERNEL);
	if (!user)
		return -ENOMEM;
	mutex_init(&user->lock);
	locked = logbuf_lock_irqsave(&flags);
	user->seq = log_first_seq();
	logbuf_unlock_irqrestore(locked, flags);
	file->private_data = user;
	return 0;
}

static int devkmsg_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

/*
 * One record a read; a buffer too small for it is -EINVAL, as Linux's.
 * A write-only opener has no devkmsg_user, but vfs_iter_read() refuses
 * it (-EBADF) before this is reached.
 */
static ssize_t devkmsg_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct devkmsg_user *user = iocb->ki_filp->private_data;
	struct log_rec rec;
	size_t len;
	ssize_t ret;

	mutex_lock(&user->lock);
	for (;;) {
		ret = log_read_record(&user->seq, &rec, user->text);
		if (ret != -EAGAIN || (iocb->ki_filp->f_flags & O_NONBLOCK))
			break;
		mutex_unlock(&user->lock);
		wait_event(log_wait, log_has_records_from(READ_ONCE(user->seq)));
		mutex_lock(&user->lock);
	}
	if (ret)
		goto out;
	len = devkmsg_format(user->buf, sizeof(user->buf), &rec, user->text);
	ret = -EINVAL;
	if (len > iov_iter_count(to))
		goto out;
	ret = -EFAULT;
	if (copy_to_iter(user->buf, len, to) != len)
		goto out;
	user->seq++;
	ret = len;
out:
	mutex_unlock(&user->lock);
	return ret;
}

/* Only offset 0: SEEK_SET the oldest record, SEEK_DATA the same (no syslog clear here), SEEK_END past the newest. */
static loff_t devkmsg_llseek(struct file *file, loff_t offset, int whence)
{
	struct devkmsg_user *user = file->private_data;
	unsigned long flags;
	loff_t ret = 0;
	bool locked;

	if (!user)
		return -EBADF;
	if (offset)
		return -ESPIPE;
	mutex_lock(&user->lock);
	locked = logbuf_lock_irqsave(&flags);
	switch (whence) {
	case SEEK_SET:
	case SEEK_DATA:
		user->seq = log_first_seq();
		break;
	case SEEK_END:
		user->seq = log_next_seq;
		break;
	default:
		ret = -EINVAL;
	}
	logbuf_unlock_irqrestore(locked, flags);
	mutex_unlock(&user->lock);
	return ret;
}

/* printk with a syslog facility (the kernel's printk() logs facility 0). */
static __printf(3, 4) int printk_emit(int facility, int level, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk_level(facility, level, fmt, ap);
	va_end(ap);
	return n;
}

/*
 * A write is one message, logged as a printk line, as Linux's: a leading
 * "<N>" sets the level N & 7 and, when N >> 3 is not 0, the facility;
 * else the default level, and the facility is LOG_USER (1).
 */
static ssize_t devkmsg_write(struct kiocb *iocb, struct iov_iter *from)
{
	size_t len = iov_iter_count(from);
	int level = default_message_loglevel, facility = 1;
	char *buf, *text, *end;
	ssize_t ret = len;

	if (len > LOG_LINE_MAX)
		return -EINVAL;
	buf = kmalloc(len + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (copy_from_iter(buf, len, from) != len) {
		ret = -EFAULT;
		goto out;
	}
	buf[len] = '\0';
	text = buf;
	if (text[0] == '<') {
		unsigned int prefix = 0;

		for (end = text + 1; *end >= '0' && *end <= '9' && end < text + 4; end++)
			prefix = prefix * 10 + (*end - '0');
		if (end > text + 1 && *end == '>') {
			level = prefix & 7;
			if (prefix >> 3)
				facility = prefix >> 3;
			text = end + 1;
		}
	}
	/* A write is a whole record: end the line if the writer did not. */
	printk_emit(facility, level, "%s%s", text, len && buf[len - 1] == '\n' ? "" : "\n");
out:
	kfree(buf);
	return ret;
}

const struct file_operations kmsg_fops = {
	.open = devkmsg_open,
	.release = devkmsg_release,
	.read_iter = devkmsg_read,
	.write_iter = devkmsg_write,
	.llseek = devkmsg_llseek,
};

/* ---- syslog(2) ---------------------------------------------------------- */

/*
 * syslog() (klogctl() in C libraries, busybox's dmesg) reads the same
 * records as "<PRI>[seconds.micro] text\n" lines, PRI being facility << 3
 * | level; raw_printk text is left out, as for /dev/kmsg. READ_ALL gives
 * the newest lines that fit, from clear_seq on (CLEAR moves it to the
 * end); READ consumes lines from syslog_seq, waiting for one. Both
 * sequence numbers are under logbuf_lock. CONSOLE_OFF/ON/LEVEL set
 * console_loglevel (OFF saves it for ON).
 */
#define SYSLOG_ACTION_CLOSE		0
#define SYSLOG_ACTION_OPEN		1
#define SYSLOG_ACTION_READ		2
#define SYSLOG_ACTION_READ_ALL		3
#define SYSLOG_ACTION_READ_CLEAR	4
#define SYSLOG_ACTION_CLEAR		5
#define SYSLOG_ACTION_CONSOLE_OFF	6
#define SYSLOG_ACTION_CONSOLE_ON	7
#define SYSLOG_ACTION_CONSOLE_LEVEL	8
#define SYSLOG_ACTION_SIZE_UNREAD	9
#define SYSLOG_ACTION_SIZE_BUFFER	10

#define MINIMUM_CONSOLE_LOGLEVEL	1	/* CONSOLE_OFF still shows KERN_EMERG */

static u64 clear_seq, syslog_seq;	/* logbuf_lock */
static int saved_console_loglevel = -1;	/* syslog_mutex; -1: none saved */
static DEFINE_MUTEX(syslog_mutex);

/* Format @r as a syslog line into @buf (NULL: only measure). logbuf_lock held. */
static size_t syslog_format(char *buf, size_t size, const struct log_rec *r)
{
	char prefix[48];
	size_t len = scnprintf(prefix, sizeof(prefix), "<%u>[%5llu.%06llu] ",
			       (r->facility << 3) | r->level, r->ts_nsec / 1000000000ULL,
			       (r->ts_nsec % 1000000000ULL) / 1000);

	if (buf && len + r->text_len + 1 <= size) {
		memcpy(buf, prefix, len);
		memcpy(buf + len, r + 1, r->text_len);
		buf[len + r->text_len] = '\n';
	}
	return len + r->text_len + 1;
}

/* Is @pos a kernel record numbered @seq or later? logbuf_lock held. */
static bool syslog_record(u64 pos, u64 seq)
{
	struct log_rec *r = rec_at(pos);

	return r->len && r->seq >= seq && r->level != LOG_RAW;
}

/* The bytes of the lines from @seq on. logbuf_lock held. */
static size_t syslog_size_from(u64 seq)
{
	size_t total = 0;
	u64 pos;

	for (pos = log_tail; pos < log_head; pos = rec_next(pos))
		if (syslog_record(pos, seq))
			total += syslog_format(NULL, 0, rec_at(pos));
	return total;
}

/*
 * READ_ALL: the newest lines from clear_seq that fit in @size into @buf;
 * with @clear, clear_seq moves past them. Return: the bytes.
 */
static size_t syslog_read_all(char *buf, size_t size, bool clear)
{
	unsigned long flags;
	bool locked = logbuf_lock_irqsave(&flags);
	size_t total = syslog_size_from(clear_seq), len = 0;
	u64 pos;

	for (pos = log_tail; pos < log_head; pos = rec_next(pos)) {
		if (!syslog_record(pos, clear_seq))
			continue;
		if (total > size) {	/* the oldest lines give way */
			total -= syslog_format(NULL, 0, rec_at(pos));
			continue;
		}
		len += syslog_format(buf + len, size - len, rec_at(pos));
	}
	if (clear)
		clear_seq = log_next_seq;
	logbuf_unlock_irqrestore(locked, flags);
	return len;
}

/* READ: lines from syslog_seq into @buf, at least one (waiting for it). */
static ssize_t syslog_read(char *buf, size_t size)
{
	unsigned long flags;
	size_t len = 0, n;
	bool locked;
	u64 pos;

	wait_event(log_wait, log_has_records_from(READ_ONCE(syslog_seq)));
	locked = logbuf_lock_irqsave(&flags);
	for (pos = log_tail; pos < log_head; pos = rec_next(pos)) {
		if (!syslog_record(pos, syslog_seq))
			continue;
		n = syslog_format(buf + len, size - len, rec_at(pos));
		if (len + n > size)
			break;
		len += n;
		syslog_seq = rec_at(pos)->seq + 1;
	}
	if (syslog_seq < log_next_seq && !len)
		syslog_seq = log_next_seq;	/* only raw text, or a line longer than @size */
	logbuf_unlock_irqrestore(locked, flags);
	return len;
}

static int syslog_console(int type, int level)
{
	int ret = 0;

	mutex_lock(&syslog_mutex);
	switch (type) {
	case SYSLOG_ACTION_CONSOLE_OFF:
		if (saved_console_loglevel == -1)
			saved_console_loglevel = console_loglevel;
		console_loglevel = MINIMUM_CONSOLE_LOGLEVEL;
		break;
	case SYSLOG_ACTION_CONSOLE_ON:
		if (saved_console_loglevel != -1) {
			console_loglevel = saved_console_loglevel;
			saved_console_loglevel = -1;
		}
		break;
	default:
		if (level < 1 || level > 8) {
			ret = -EINVAL;
			break;
		}
		console_loglevel = max(level, MINIMUM_CONSOLE_LOGLEVEL);
		saved_console_loglevel = -1;	/* an explicit level ends CONSOLE_OFF */
	}
	mutex_unlock(&syslog_mutex);
	return ret;
}

/* The reads: @len bytes at most through a kernel buffer to @ubuf. */
static int syslog_copy_out(int type, char __user *ubuf, int len)
{
	size_t size = min_t(size_t, len, LOG_BUF_LEN);
	char *kbuf;
	ssize_t n;

	if (!ubuf || len < 0)
		return -EINVAL;
	if (!len)
		return 0;
	kbuf = kvmalloc(size, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	if (type == SYSLOG_ACTION_READ)
		n = syslog_read(kbuf, size);
	else
		n = syslog_read_all(kbuf, size, type == SYSLOG_ACTION_READ_CLEAR);
	if (n > 0 && copy_to_user(ubuf, kbuf, n))
		n = -EFAULT;
	kvfree(kbuf);
	return n;
}

static int do_syslog(int type, char __user *buf, int len)
{
	unsigned long flags;
	bool locked;
	int ret;

	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		return syslog_copy_out(type, buf, len);
	case SYSLOG_ACTION_CLEAR:
		locked = logbuf_lock_irqsave(&flags);
		clear_seq = log_next_seq;
		logbuf_unlock_irqrestore(locked, flags);
		return 0;
	case SYSLOG_ACTION_CONSOLE_OFF:
	case SYSLOG_ACTION_CONSOLE_ON:
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		return syslog_console(type, len);
	case SYSLOG_ACTION_SIZE_UNREAD:
		locked = logbuf_lock_irqsave(&flags);
		ret = syslog_size_from(syslog_seq);
		logbuf_unlock_irqrestore(locked, flags);
		return ret;
	case SYSLOG_ACTION_SIZE_BUFFER:
		return LOG_BUF_LEN;
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE3(syslog, int, type, char __user *, buf, int, len)
{
	return do_syslog(type, buf, len);
}
