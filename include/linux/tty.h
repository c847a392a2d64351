/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The TTY layer (drivers/tty/): terminals as character devices, with
 * Linux's numbers, termios and line discipline.
 *
 *   tty_driver ("ttyS", major 4, minors 64..)  --ttys[i]-->  tty_struct
 *        | ops->write (the hardware)                        | termios, winsize
 *   tty_fops (tty_io.c): open/read/write/ioctl ------------> | n_tty (n_tty.c):
 *   the driver's receive path: tty_receive_buf() ---------> | read buffer, echo
 *
 * /dev/console (5:1) opens the tty of the console (ttyS0, 4:64), as
 * Linux's. A tty_struct exists while the device is open (count > 0).
 * struct termios, struct winsize, the c_cc indices, the flag bits and the
 * ioctl numbers are Linux's x86-64 ones (asm-generic/termbits.h,
 * ioctls.h), so a C library's tcgetattr() works unchanged.
 *
 * Locking: tty_mutex (tty_io.c) protects the driver list, each driver's
 * ttys[] and tty->count; tty->lock (a spinlock, irqsave: the receive path
 * runs in interrupts) protects termios, winsize, the line discipline's
 * state and the calls of ops->write.
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/bitmap.h>
#include <linux/cdev.h>
#include <linux/mutex.h>

typedef unsigned char cc_t;
typedef unsigned int speed_t;
typedef unsigned int tcflag_t;

#define NCCS 19
/* struct termios - TCGETS/TCSETS's argument (Linux's kernel/user layout, 36 bytes). */
struct termios {
	tcflag_t c_iflag;		/* input modes */
	tcflag_t c_oflag;		/* output modes */
	tcflag_t c_cflag;		/* control modes */
	tcflag_t c_lflag;		/* local modes */
	cc_t c_line;			/* line discipline (N_TTY 0) */
	cc_t c_cc[NCCS];		/* control characters */
};

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

/* c_cc indices */
#define VINTR 0
#define VQUIT 1
#define VERASE 2
#define VKILL 3
#define VEOF 4
#define VTIME 5
#define VMIN 6
#define VSWTC 7
#define VSTART 8
#define VSTOP 9
#define VSUSP 10
#define VEOL 11
#define VREPRINT 12
#define VDISCARD 13
#define VWERASE 14
#define VLNEXT 15
#define VEOL2 16

/* c_iflag */
#define IGNBRK	0000001
#define BRKINT	0000002
#define IGNPAR	0000004
#define PARMRK	0000010
#define INPCK	0000020
#define ISTRIP	0000040
#define INLCR	0000100
#define IGNCR	0000200
#define ICRNL	0000400
#define IUCLC	0001000
#define IXON	0002000
#define IXANY	0004000
#define IXOFF	0010000
#define IMAXBEL	0020000
#define IUTF8	0040000

/* c_oflag */
#define OPOST	0000001
#define OLCUC	0000002
#define ONLCR	0000004
#define OCRNL	0000010
#define ONOCR	0000020
#define ONLRET	0000040

/* c_cflag */
#define CBAUD	0010017
#define B9600	0000015
#define B38400	0000017
#define B115200	0010002
#define CSIZE	0000060
#define CS8	0000060
#define CSTOPB	0000100
#define CREAD	0000200
#define PARENB	0000400
#define HUPCL	0002000
#define CLOCAL	0004000

/* c_lflag */
#define ISIG	0000001
#define ICANON	0000002
#define ECHO	0000010
#define ECHOE	0000020
#define ECHOK	0000040
#define ECHONL	0000100
#define NOFLSH	0000200
#define TOSTOP	0000400
#define ECHOCTL	0001000
#define ECHOPRT	0002000
#define ECHOKE	0004000
#define IEXTEN	0100000

/* ioctls (Linux's x86 numbers) */
#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TCFLSH		0x540B
#define TIOCSCTTY	0x540E
#define TIOCGPGRP	0x540F
#define TIOCSTI		0x5412
#define TIOCSPGRP	0x5410
#define FIONREAD	0x541B
#define TIOCNOTTY	0x5422
#define TIOCGSID	0x5429
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414

/* TCFLSH's argument */
#define TCIFLUSH	0
#define TCOFLUSH	1
#define TCIOFLUSH	2

#define TTY_MAJOR	4	/* ttyS0 is 4:64 */
#define TTYAUX_MAJOR	5	/* /dev/console is 5:1 */

#define N_TTY_BUF_SIZE	4096

struct tty_struct;
struct file;
struct poll_table_struct;
struct iov_iter;

struct tty_operations {
	/* Send @count bytes as they are (the line discipline did OPOST). Context: tty->lock held, any. */
	void (*write)(struct tty_struct *tty, const u8 *buf, size_t count);
	/* The tty is opened the first time / closed the last time (tty_mutex held); optional. */
	int (*install)(struct tty_struct *tty);
	void (*shutdown)(struct tty_struct *tty);
};

/*
 * struct tty_driver - a family of terminals: @num minors from
 * @minor_start of @major, named @name%d in /dev.
 */
struct tty_driver {
	const char *name;
	unsigned int major;
	unsigned int minor_start;
	unsigned int num;
	const struct tty_operations *ops;
	struct termios init_termios;	/* what a tty starts with */
	struct tty_struct **ttys;	/* open ones; tty_mutex */
	struct cdev cdev;
	struct list_head list;		/* tty_drivers; tty_mutex */
};

/*
 * n_tty's state (n_tty.c): the bytes received, in a ring of
 * N_TTY_BUF_SIZE. read_tail <= canon_head <= read_head (free-running
 * counters): a reader in canonical mode gets [read_tail, canon_head),
 * completed lines; [canon_head, read_head) is the line being edited. In
 * raw mode canon_head is not used. line_end marks the last byte of a
 * line; eof marks an EOF character there (ended the line, is not data).
 */
struct n_tty_data {
	u8 read_buf[N_TTY_BUF_SIZE];
	DECLARE_BITMAP(line_end, N_TTY_BUF_SIZE);
	DECLARE_BITMAP(eof, N_TTY_BUF_SIZE);
	size_t read_head, canon_head, read_tail;
};

struct tty_struct {
	struct tty_driver *driver;
	unsigned int index;
	int count;			/* opens; tty_mutex */
	spinlock_t lock;
	struct termios termios;		/* lock */
	struct winsize winsize;		/* lock */
	/* The session whose terminal it is and its foreground group, or 0 (lock; tty_jobctrl.c). */
	pid_t session, pgrp;
	struct wait_queue_head read_wait;
	struct n_tty_data ldata;	/* lock */
	char name[16];
	void *driver_data;
};

/* The termios every tty starts from (Linux's tty_std_termios): canonical, echo, ICRNL, ONLCR, ISIG. */
extern const struct termios tty_std_termios;

/**
 * tty_register_driver - make @driver's numbers open its terminals
 * @driver: name, major, minor_start, num, ops and init_termios filled in
 *
 * Reserves the numbers and adds the cdev; /dev nodes are the caller's
 * (tty_register_device()). Return: 0 or -errno. Context: process.
 */
int tty_register_driver(struct tty_driver *driver);
void tty_unregister_driver(struct tty_driver *driver);
/* tty_register_device - /dev/NAME%d for terminal @index of @driver (devtmpfs). */
int tty_register_device(struct tty_driver *driver, unsigned int index);

/**
 * tty_receive_buf - bytes from the hardware, through the line discipline
 * @tty: the terminal
 * @buf: the bytes
 * @count: how many
 *
 * Edits, echoes and queues them, and wakes readers. The serial IRQ calls
 * it; tests call it to inject input. Context: any (takes tty->lock irqsave).
 */
void tty_receive_buf(struct tty_struct *tty, const u8 *buf, size_t count);

/* tty_set_termios - install @new (ICANON changes make what is pending readable). Context: any. */
void tty_set_termios(struct tty_struct *tty, const struct termios *new);

/* The line discipline's calls (n_tty.c), for tty_io.c. Context: process; reads may sleep. */
struct iov_iter;
ssize_t n_tty_read(struct tty_struct *tty, struct file *file, struct iov_iter *to);
ssize_t n_tty_write(struct tty_struct *tty, struct iov_iter *from);
/* n_tty_chars_in_buffer - the bytes a read would get now (FIONREAD). Context: any. */
size_t n_tty_chars_in_buffer(struct tty_struct *tty);
/* n_tty_poll - EPOLLIN when a read would not wait; always EPOLLOUT (f_op->poll). */
__poll_t n_tty_poll(struct tty_struct *tty, struct file *file, struct poll_table_struct *wait);
/* n_tty_flush_input - drop every byte not yet read (TCFLSH, TCSETSF, an interrupt character). */
void n_tty_flush_input(struct tty_struct *tty);
/* file_tty - the terminal of an open tty file. */
struct tty_struct *file_tty(struct file *file);

/* tty_mutex - see the top: the driver list, ttys[], counts and processes' signal->tty. */
extern struct mutex tty_mutex;

/*
 * Job control (tty_jobctrl.c). __tty_check_change - may current use
 * @tty as @sig (SIGTTIN: read; SIGTTOU: write with TOSTOP, set termios or
 * the foreground group)? Return: 0; -EIO (ignored SIGTTIN, orphaned
 * group); -ERESTARTSYS after sending @sig to the caller's group, which is
 * in the background. tty_check_change() is SIGTTOU's. Context: process.
 */
int __tty_check_change(struct tty_struct *tty, int sig);
int tty_check_change(struct tty_struct *tty);
/* tty_jobctrl_ioctl - TIOCSCTTY, TIOCNOTTY, TIOCGPGRP, TIOCSPGRP, TIOCGSID. Context: process. */
long tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file, unsigned int cmd,
		       unsigned long arg);
void session_clear_tty(struct tty_struct *tty);
/*
 * tty_open_proc_set_tty - an open without O_NOCTTY: a session leader
 * without a terminal takes @tty if no session has it and @filp may read.
 * Context: process, tty_mutex held.
 */
void tty_open_proc_set_tty(struct file *filp, struct tty_struct *tty);
/**
 * disassociate_ctty - a session leader leaves its terminal
 * @on_exit: 1 from do_exit(): the foreground group gets SIGHUP (sent as
 *	the kernel); 0 (TIOCNOTTY): SIGHUP and SIGCONT, as the caller
 *
 * Nothing for a process that is not a session leader or has no terminal.
 * Context: process, takes tty_mutex.
 */
void disassociate_ctty(int on_exit);

/* tty_init - /dev/tty, /dev/console and the serial terminal ttyS0. Return: 0 or -errno. Context: boot. */
int tty_init(void);

#endif /* _LINUX_TTY_H */
