// SPDX-License-Identifier: GPL-2.0
/*
 * seq_file: the text buffer of the /proc-format printers
 * (include/linux/seq_file.h). The writers copy what fits and, when it does
 * not, mark the buffer full (count = size) so that nothing later lands
 * after a hole; seq_file_show() sees the mark and reruns the show into a
 * buffer twice the size, as Linux's seq_read() does.
 *
 * Buffers are whole blocks from the page allocator, a page first, rather
 * than Linux's kvmalloc(): freeing one gives every page back at once, where
 * a kmalloc slab would stay cached, so a test counting free pages around a
 * shell command sees them all return.
 *
 * Files: single_open() keeps a seq_file in file->private_data;
 * seq_read_iter() fills it with one run of the show on first use and
 * copies out of it at the position asked, so reads in pieces, at odd
 * offsets or by pread see one consistent text. seq_lseek() to 0 drops
 * the text. m->lock serialises the reads and seeks of one open file.
 */
#include <linux/seq_file.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/slab.h>

#define SEQ_FILE_MAX_SIZE	(PAGE_SIZE << (MAX_ORDER - 1))

static void seq_set_overflow(struct seq_file *m)
{
	m->count = m->size;
}

void seq_vprintf(struct seq_file *m, const char *fmt, va_list args)
{
	size_t room = m->size - m->count;
	int len;

	if (!room)
		return;
	len = vsnprintf(m->buf + m->count, room, fmt, args);
	/* vsnprintf needs room for its NUL too: exactly full counts as overflow. */
	if ((size_t)len < room)
		m->count += (size_t)len;
	else
		seq_set_overflow(m);
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	seq_vprintf(m, fmt, args);
	va_end(args);
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len < m->size) {
		memcpy(m->buf + m->count, data, len);
		m->count += len;
	} else {
		seq_set_overflow(m);
	}
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}

void seq_setwidth(struct seq_file *m, size_t size)
{
	m->pad_until = m->count + size;
}

void seq_pad(struct seq_file *m, char c)
{
	if (m->count < m->pad_until)
		seq_printf(m, "%*s", (int)(m->pad_until - m->count), "");
	if (c)
		seq_putc(m, c);
}

void seq_escape(struct seq_file *m, const char *s, const char *esc)
{
	for (; *s; s++) {
		if (strchr(esc, *s))
			seq_printf(m, "\\%03o", (unsigned char)*s);
		else
			seq_putc(m, *s);
	}
}

void seq_put_decimal_ull(struct seq_file *m, const char *delimiter, unsigned long long num)
{
	char digits[20];	/* 2^64 - 1 has 20 */
	int n = sizeof(digits);

	if (delimiter && delimiter[0])
		seq_puts(m, delimiter);
	do {
		digits[--n] = (char)('0' + num % 10);
		num /= 10;
	} while (num);
	seq_write(m, digits + n, sizeof(digits) - n);
}

void seq_file_free(struct seq_file *m)
{
	if (m->buf)
		free_pages((unsigned long)m->buf, get_order(m->size));
	m->buf = NULL;
	m->size = m->count = 0;
}

int seq_file_show(struct seq_file *m, seq_show_fn show, void *v)
{
	size_t size;
	int err;

	for (size = PAGE_SIZE; size <= SEQ_FILE_MAX_SIZE; size <<= 1) {
		m->buf = (char *)__get_free_pages(GFP_KERNEL | __GFP_NOWARN, get_order(size));
		if (!m->buf)
			break;
		m->size = size;
		m->count = 0;
		err = show(m, v);
		if (err) {
			seq_file_free(m);
			return err;
		}
		if (!seq_has_overflowed(m)) {
			m->buf[m->count] = '\0';	/* count < size: there is room */
			return 0;
		}
		seq_file_free(m);
	}
	return -ENOMEM;
}

int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data)
{
	struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	m->show = show;
	m->private = data;
	mutex_init(&m->lock);
	file->private_data = m;
	return 0;
}

int single_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	seq_file_free(m);
	kfree(m);
	file->private_data = NULL;
	return 0;
}

ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	struct seq_file *m = iocb->ki_filp->private_data;
	ssize_t ret = 0;
	size_t n;

	mutex_lock(&m->lock);
	if (!m->buf)
		ret = seq_file_show(m, m->show, m->private);
	if (!ret && iocb->ki_pos < (loff_t)m->count) {
		n = min(m->count - (size_t)iocb->ki_pos, iov_iter_count(iter));
		ret = (ssize_t)copy_to_iter(m->buf + iocb->ki_pos, n, iter);
		iocb->ki_pos += ret;
	}
	mutex_unlock(&m->lock);
	return ret;
}

loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	struct seq_file *m = file->private_data;
	loff_t ret = -EINVAL;

	mutex_lock(&m->lock);
	if (whence == SEEK_CUR)
		offset += file->f_pos;
	if ((whence == SEEK_SET || whence == SEEK_CUR) && offset >= 0) {
		file->f_pos = ret = offset;
		if (!offset)
			seq_file_free(m);
	}
	mutex_unlock(&m->lock);
	return ret;
}
