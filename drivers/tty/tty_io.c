// SPDX-License-Identifier: GPL-2.0
/*
 * The TTY core (Linux's drivers/tty/tty_io.c and tty_ioctl.c): terminal
 * drivers, the tty_struct of an open terminal, and the file operations of
 * every terminal node.
 *
 *   tty_drivers: list of tty_driver (numbers, ops, ttys[])
 *   open of MAJOR:MINOR -> its driver -> ttys[MINOR - minor_start],
 *                          made on the first open (ops->install), freed
 *                          on the last close (ops->shutdown)
 *   /dev/console (5:1)  -> the console's number, 4:64 (ttyS0)
 *   /dev/tty (5:0)      -> the caller's controlling terminal (-ENXIO
 *                          without one), tty_jobctrl.c's
 *
 * Reads and writes go through the line discipline (n_tty.c); ioctls are
 * the termios and window-size ones (TCGETS, TCSETS, TCSETSW, TCSETSF,
 * TCFLSH, TIOCGWINSZ, TIOCSWINSZ, FIONREAD, TIOCSTI) and the job-control ones
 * (TIOCSCTTY, TIOCNOTTY, TIOCGPGRP, TIOCSPGRP, TIOCGSID: tty_jobctrl.c)
 * with user pointers, as Linux's; others are -ENOTTY. Setting termios
 * or flushing from a background process group stops it first (SIGTTOU,
 * tty_check_change()). There is no output queue: TCSETSW has nothing to
 * wait for.
 *
 * Locking: tty_mutex protects tty_drivers, every driver's ttys[] and
 * each tty's count, and is held while a process's signal->tty changes, so
 * /dev/tty's open and the last close (which takes the terminal from every
 * process) agree; see tty.h for tty->lock.
 */
#include <linux/tty.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <asm/uaccess.h>

#define INIT_C_CC "\003\034\177\025\004\0\1\0\021\023\032\0\022\017\027\026\0"

const struct termios tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_cc = INIT_C_CC,
};

DEFINE_MUTEX(tty_mutex);
static LIST_HEAD(tty_drivers);		/* tty_mutex */

/* The console's terminal: what /dev/console opens. */
#define CONSOLE_DEV	MKDEV(TTY_MAJOR, 64)

static struct tty_driver *tty_lookup_driver(dev_t dev)
{
	struct tty_driver *d;

	list_for_each_entry(d, &tty_drivers, list)
		if (MAJOR(dev) == d->major && MINOR(dev) >= d->minor_start &&
		    MINOR(dev) - d->minor_start < d->num)
			return d;
	return NULL;
}

static struct tty_struct *alloc_tty_struct(struct tty_driver *driver, unsigned int index)
{
	struct tty_struct *tty = kzalloc(sizeof(*tty), GFP_KERNEL);

	if (!tty)
		return NULL;
	tty->driver = driver;
	tty->index = index;
	spin_lock_init(&tty->lock);
	init_waitqueue_head(&tty->read_wait);
	tty->termios = driver->init_termios;
	scnprintf(tty->name, sizeof(tty->name), "%s%u", driver->name, index);
	return tty;
}

/* The open terminal @index of @driver, made on first use; tty_mutex held. */
static struct tty_struct *tty_get(struct tty_driver *driver, unsigned int index)
{
	struct tty_struct *tty = driver->ttys[index];
	int err;

	if (tty) {
		tty->count++;
		return tty;
	}
	tty = alloc_tty_struct(driver, index);
	if (!tty)
		return ERR_PTR(-ENOMEM);
	err = driver->ops->install ? driver->ops->install(tty) : 0;
	if (err) {
		kfree(tty);
		return ERR_PTR(err);
	}
	tty->count = 1;
	driver->ttys[index] = tty;
	return tty;
}

/* /dev/tty: the caller's terminal, one more open of it. tty_mutex held. */
static struct tty_struct *tty_open_current_tty(void)
{
	struct tty_struct *tty = current->signal->tty;

	if (!tty)
		return ERR_PTR(-ENXIO);
	tty->count++;
	return tty;
}

static int tty_open(struct inode *inode, struct file *file)
{
	dev_t dev = inode->i_rdev == MKDEV(TTYAUX_MAJOR, 1) ? CONSOLE_DEV : inode->i_rdev;
	struct tty_driver *driver;
	struct tty_struct *tty;

	mutex_lock(&tty_mutex);
	if (dev == MKDEV(TTYAUX_MAJOR, 0)) {
		tty = tty_open_current_tty();
	} else {
		driver = tty_lookup_driver(dev);
		tty = driver ? tty_get(driver, MINOR(dev) - driver->minor_start) :
			       ERR_PTR(-ENODEV);
		/* /dev/console never becomes a controlling terminal, as Linux's. */
		if (!IS_ERR(tty) && !(file->f_flags & O_NOCTTY) && dev == inode->i_rdev)
			tty_open_proc_set_tty(file, tty);
	}
	mutex_unlock(&tty_mutex);
	if (IS_ERR(tty))
		return PTR_ERR(tty);
	file->private_data = tty;
	return nonseekable_open(inode, file);
}

static int tty_release(struct inode *inode, struct file *file)
{
	struct tty_struct *tty = file_tty(file);
	struct tty_driver *driver = tty->driver;

	mutex_lock(&tty_mutex);
	if (--tty->count == 0) {
		session_clear_tty(tty);
		driver->ttys[tty->index] = NULL;
		if (driver->ops->shutdown)
			driver->ops->shutdown(tty);
		kfree(tty);
	}
	mutex_unlock(&tty_mutex);
	return 0;
}

struct tty_struct *file_tty(struct file *file)
{
	return file->private_data;
}

static ssize_t tty_read(struct kiocb *iocb, struct iov_iter *to)
{
	return n_tty_read(file_tty(iocb->ki_filp), iocb->ki_filp, to);
}

static ssize_t tty_write(struct kiocb *iocb, struct iov_iter *from)
{
	return n_tty_write(file_tty(iocb->ki_filp), from);
}

static __poll_t tty_poll(struct file *file, struct poll_table_struct *wait)
{
	return n_tty_poll(file_tty(file), file, wait);
}

static long tty_get_termios_user(struct tty_struct *tty, void __user *arg)
{
	struct termios t;
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	t = tty->termios;
	spin_unlock_irqrestore(&tty->lock, flags);
	return copy_to_user(arg, &t, sizeof(t)) ? -EFAULT : 0;
}

static long tty_set_termios_user(struct tty_struct *tty, void __user *arg, bool flush)
{
	struct termios t;

	if (copy_from_user(&t, arg, sizeof(t)))
		return -EFAULT;
	if (flush)
		n_tty_flush_input(tty);
	tty_set_termios(tty, &t);
	return 0;
}

static long tty_winsize_user(struct tty_struct *tty, void __user *arg, bool set)
{
	struct winsize ws;
	unsigned long flags;

	if (set && copy_from_user(&ws, arg, sizeof(ws)))
		return -EFAULT;
	spin_lock_irqsave(&tty->lock, flags);
	if (set)
		tty->winsize = ws;
	else
		ws = tty->winsize;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (!set && copy_to_user(arg, &ws, sizeof(ws)))
		return -EFAULT;
	return 0;
}

/* TCFLSH: there is no output queue, so only input is dropped. */
static long tty_flush(struct tty_struct *tty, unsigned long arg)
{
	switch (arg) {
	case TCIFLUSH:
	case TCIOFLUSH:
		n_tty_flush_input(tty);
		return 0;
	case TCOFLUSH:
		return 0;
	default:
		return -EINVAL;
	}
}

/*
 * TIOCSTI: one byte as if typed (Linux's; root may push into any
 * terminal, and every task is root here: CAP_SYS_ADMIN).
 */
static long tiocsti(struct tty_struct *tty, const char __user *p)
{
	u8 c;

	if (get_user(c, p))
		return -EFAULT;
	tty_receive_buf(tty, &c, 1);
	return 0;
}

/* The calls that change the terminal's state: a background group stops first. */
static long tty_change_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg)
{
	void __user *p = (void __user *)arg;
	long ret = tty_check_change(tty);

	if (ret)
		return ret;
	switch (cmd) {
	case TCSETS:
	case TCSETSW:
		return tty_set_termios_user(tty, p, false);
	case TCSETSF:
		return tty_set_termios_user(tty, p, true);
	default:
		return tty_flush(tty, arg);
	}
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file_tty(file);
	void __user *p = (void __user *)arg;

	switch (cmd) {
	case TCGETS:
		return tty_get_termios_user(tty, p);
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
	case TCFLSH:
		return tty_change_ioctl(tty, cmd, arg);
	case TIOCGWINSZ:
		return tty_winsize_user(tty, p, false);
	case TIOCSWINSZ:
		return tty_winsize_user(tty, p, true);
	case FIONREAD:
		return put_user((int)n_tty_chars_in_buffer(tty), (int __user *)p);
	case TIOCSTI:
		return tiocsti(tty, p);
	case TIOCSCTTY:
	case TIOCNOTTY:
	case TIOCGPGRP:
	case TIOCSPGRP:
	case TIOCGSID:
		return tty_jobctrl_ioctl(tty, file, cmd, arg);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations tty_fops = {
	.open = tty_open,
	.release = tty_release,
	.read_iter = tty_read,
	.write_iter = tty_write,
	.poll = tty_poll,
	.unlocked_ioctl = tty_ioctl,
};

int tty_register_driver(struct tty_driver *driver)
{
	dev_t dev = MKDEV(driver->major, driver->minor_start);
	int err;

	driver->ttys = kcalloc(driver->num, sizeof(*driver->ttys), GFP_KERNEL);
	if (!driver->ttys)
		return -ENOMEM;
	err = register_chrdev_region(dev, driver->num, driver->name);
	if (err)
		goto out_free;
	cdev_init(&driver->cdev, &tty_fops);
	err = cdev_add(&driver->cdev, dev, driver->num);
	if (err)
		goto out_unregister;
	mutex_lock(&tty_mutex);
	list_add_tail(&driver->list, &tty_drivers);
	mutex_unlock(&tty_mutex);
	return 0;

out_unregister:
	unregister_chrdev_region(dev, driver->num);
out_free:
	kfree(driver->ttys);
	driver->ttys = NULL;
	return err;
}

void tty_unregister_driver(struct tty_driver *driver)
{
	mutex_lock(&tty_mutex);
	list_del(&driver->list);
	mutex_unlock(&tty_mutex);
	cdev_del(&driver->cdev);
	unregister_chrdev_region(MKDEV(driver->major, driver->minor_start), driver->num);
	kfree(driver->ttys);
	driver->ttys = NULL;
}

int tty_register_device(struct tty_driver *driver, unsigned int index)
{
	char name[24];

	scnprintf(name, sizeof(name), "%s%u", driver->name, index);
	return devtmpfs_create_node(name, S_IFCHR | 0600,
				    MKDEV(driver->major, driver->minor_start + index));
}

static struct cdev tty_aux_cdev;

/*
 * /dev/tty (5:0) and /dev/console (5:1): one cdev for the two numbers, as
 * Linux's tty_fops; two regions, so /proc/devices names both as Linux's.
 */
int tty_init(void)
{
	dev_t dev = MKDEV(TTYAUX_MAJOR, 0);
	int err = register_chrdev_region(dev, 1, "/dev/tty");

	if (err)
		return err;
	err = register_chrdev_region(MKDEV(TTYAUX_MAJOR, 1), 1, "/dev/console");
	if (err)
		goto fail_console;
	cdev_init(&tty_aux_cdev, &tty_fops);
	err = cdev_add(&tty_aux_cdev, dev, 2);
	if (err)
		goto fail_cdev;
	err = devtmpfs_create_node("tty", S_IFCHR | 0666, dev);
	return err ?: devtmpfs_create_node("console", S_IFCHR | 0600, MKDEV(TTYAUX_MAJOR, 1));

fail_cdev:
	unregister_chrdev_region(MKDEV(TTYAUX_MAJOR, 1), 1);
fail_console:
	unregister_chrdev_region(dev, 1);
	return err;
}
