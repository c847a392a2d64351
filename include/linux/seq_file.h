/* SPDX-License-Identifier: GPL-2.0 */
/*
 * seq_file (fs/seq_file.c): a text buffer that the *_show() printers of
 * the /proc-format files write into, so that the same function serves the
 * shell today and procfs later. Linux's writers: seq_printf(), seq_puts(),
 * seq_putc(), seq_write(), seq_put_decimal_ull().
 *
 *   static int frag_show(struct seq_file *m, void *v)
 *   {
 *           seq_printf(m, "Node %d, zone %8s ", ...);
 *           return 0;
 *   }
 *
 * Overflow is handled as Linux's seq_read(): a writer that does not fit
 * marks the buffer full (count == size) and writes nothing more;
 * seq_file_show() then frees the buffer, doubles it and runs the show
 * again from the start, so a show must be able to run twice (read state,
 * print it, change nothing). A caller may also hand a fixed buffer in
 * ->buf/->size and check seq_has_overflowed() itself.
 *
 *   struct seq_file m = {};
 *
 *   if (!seq_file_show(&m, frag_show, NULL))
 *           use m.buf[0 .. m.count), then seq_file_free(&m);
 *
 * As a file's text (procfs): single_open() hangs a seq_file on an open
 * file; the first read runs the show once into a buffer (the open file's
 * snapshot), and seq_read_iter() serves any offset of that text, in any
 * piece size; seq_lseek() moves within it, and a seek back to 0 drops the
 * snapshot so the next read takes a fresh one (Linux's seq_read restarts
 * its walk there too).
 *
 * DEFINE_SHOW_ATTRIBUTE() writes the three into a file_operations.
 *
 * Locking: none for the writers (a seq_file belongs to one caller); an
 * open file's seq_file is under its ->lock (reads, pread and lseek).
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/mutex.h>

struct file;
struct inode;
struct kiocb;
struct iov_iter;

struct seq_file {
	char *buf;		/* the text, not NUL-terminated */
	size_t size;		/* of buf */
	size_t count;		/* bytes written; == size after an overflow */
	void *private;		/* for the show */
	/* An open file's (single_open()): its printer and the lock of all the above. */
	int (*show)(struct seq_file *m, void *v);
	struct mutex lock;
	size_t pad_until;	/* seq_setwidth()'s column, for seq_pad() */
};

/* Run by seq_file_show(): @v is the data the caller passed. */
typedef int (*seq_show_fn)(struct seq_file *m, void *v);

/* Did a write not fit? The output is then incomplete. */
static inline bool seq_has_overflowed(const struct seq_file *m)
{
	return m->count == m->size;
}

void seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);
void seq_vprintf(struct seq_file *m, const char *fmt, va_list args);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
/* seq_setwidth - the record begun here is @size bytes wide up to seq_pad(). */
void seq_setwidth(struct seq_file *m, size_t size);
/* seq_pad - spaces up to seq_setwidth()'s width, then @c (unless '\0'). */
void seq_pad(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
/* seq_escape - @s, each byte of @esc in it written as \ooo (octal), as /proc/mounts needs. */
void seq_escape(struct seq_file *m, const char *s, const char *esc);

/* seq_put_decimal_ull - @delimiter (NULL or "" for none), then @num in decimal. */
void seq_put_decimal_ull(struct seq_file *m, const char *delimiter, unsigned long long num);

/**
 * seq_file_show - run @show into a buffer that grows until the text fits
 * @m: a zeroed seq_file (->private may be set); on success ->buf holds
 *     ->count bytes of text and a NUL after them, to be freed with
 *     seq_file_free()
 * @show: the printer
 * @v: passed to @show
 *
 * As Linux's single_open() and seq_read() together: the first buffer is a
 * page; after an overflow it is freed, doubled and @show run again, up to
 * SEQ_FILE_MAX_SIZE (fs/seq_file.c: 4 MiB, the largest block of the
 * page allocator).
 *
 * Return: @show's error, -ENOMEM if no buffer large enough could be had,
 * else 0. Context: may sleep (GFP_KERNEL); @show's own context.
 */
int seq_file_show(struct seq_file *m, seq_show_fn show, void *v);

/* seq_file_free - free what seq_file_show() allocated; @m may be reused. */
void seq_file_free(struct seq_file *m);

/**
 * single_open - make @file's text the output of @show
 * @file: the file being opened (its ->private_data gets the seq_file)
 * @show: the printer, called as show(m, @data) with m->private = @data
 * @data: for @show
 *
 * Nothing is printed yet: the first read takes the snapshot.
 * Return: 0 or -ENOMEM. Context: process (an ->open()).
 */
int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data);
/* single_release - free what single_open() and the reads allocated (a ->release()). */
int single_release(struct inode *inode, struct file *file);
/**
 * seq_read_iter - read the open file's text from iocb->ki_pos
 * @iocb: the file (single_open()'d) and the position, advanced by the bytes read
 * @iter: where to copy
 *
 * Return: bytes read (0 at or past the end), or the show's error /
 * -ENOMEM if the snapshot could not be taken. Context: process, takes m->lock.
 */
ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *iter);
/*
 * seq_lseek - SEEK_SET or SEEK_CUR to a position >= 0 (-EINVAL otherwise,
 * as Linux's); at 0 the snapshot is dropped. Return: the new position.
 */
loff_t seq_lseek(struct file *file, loff_t offset, int whence);

/*
 * DEFINE_SHOW_ATTRIBUTE(foo) - foo_fops, the read-only file_operations of
 * the text of foo_show(m, inode->i_private), as Linux's.
 */
#define DEFINE_SHOW_ATTRIBUTE(__name)						\
static int __name##_open(struct inode *inode, struct file *file)		\
{										\
	return single_open(file, __name##_show, inode->i_private);		\
}										\
static const struct file_operations __name##_fops = {				\
	.open = __name##_open,							\
	.read_iter = seq_read_iter,						\
	.llseek = seq_lseek,							\
	.release = single_release,						\
}

#endif /* _LINUX_SEQ_FILE_H */
