// SPDX-License-Identifier: GPL-2.0
/*
 * The BSD socket layer (include/linux/net.h): sockfs, the socket file,
 * the registered families, and the system calls of socket pairs.
 *
 * sockfs is an internal mount (kern_mount()) whose inodes are the
 * sockets' own: struct socket_alloc puts the struct socket beside its
 * inode, so SOCKET_I() and SOCK_INODE() are container_of() steps, as in
 * Linux. An inode is S_IFSOCK | 0777 with a fresh number; the file's
 * pseudo dentry is named "socket:[INO]", Linux's /proc/PID/fd name.
 *
 * Life: sock_create() makes the socket and the family's state; a file
 * (sock_alloc_file()) then owns it: the file's last fput() calls
 * sock_close(), which releases the protocol state; the dentry's drop
 * frees the inode and with it the socket. A socket that never got its
 * file is dropped with sock_release().
 *
 * The system calls turn user buffers into a struct msghdr whose data is
 * an iov_iter, add MSG_DONTWAIT for an O_NONBLOCK file, and call the
 * family's proto_ops; read/write/readv/writev on a socket are recv/send
 * with no flags. Locking: net_families[] is written once per family at
 * boot (sock_register()) under net_family_lock; the rest is the family's.
 */
#include <linux/net.h>
#include <linux/socket.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/mount.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uio.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/err.h>
#include <net/sock.h>
#include <asm/uaccess.h>

#define SOCKFS_MAGIC	0x534F434B

struct socket_alloc {
	struct socket socket;
	struct inode vfs_inode;
};

static inline struct socket *SOCKET_I(struct inode *inode)
{
	return &container_of(inode, struct socket_alloc, vfs_inode)->socket;
}

static inline struct inode *SOCK_INODE(struct socket *socket)
{
	return &container_of(socket, struct socket_alloc, socket)->vfs_inode;
}

static struct kmem_cache *sock_inode_cachep;
static struct vfsmount *sock_mnt;
static DEFINE_SPINLOCK(net_family_lock);
static const struct net_proto_family *net_families[NPROTO];

/* ---- sockfs ---------------------------------------------------------------- */

static struct inode *sock_alloc_inode(struct super_block *sb)
{
	struct socket_alloc *ei = kmem_cache_alloc(sock_inode_cachep, GFP_KERNEL);

	return ei ? &ei->vfs_inode : NULL;
}

static void sock_free_inode(struct inode *inode)
{
	kmem_cache_free(sock_inode_cachep, container_of(inode, struct socket_alloc, vfs_inode));
}

static const struct super_operations sockfs_ops = {
	.alloc_inode = sock_alloc_inode,
	.free_inode = sock_free_inode,
};

static struct dentry *sockfs_mount(struct file_system_type *fs_type, int flags,
				   const char *dev_name, void *data)
{
	return mount_pseudo(fs_type, &sockfs_ops, SOCKFS_MAGIC);
}

static struct file_system_type sock_fs_type = {
	.name = "sockfs",
	.mount = sockfs_mount,
	.kill_sb = kill_anon_super,
};

/* A new socket and its inode, unconnected, with no file or family yet. */
static struct socket *sock_alloc(void)
{
	struct inode *inode = new_inode(sock_mnt->mnt_sb);
	struct socket *sock;

	if (!inode)
		return NULL;
	sock = SOCKET_I(inode);
	memset(sock, 0, sizeof(*sock));
	sock->state = SS_UNCONNECTED;
	inode->i_ino = get_next_ino();
	inode->i_mode = S_IFSOCK | 0777;
	inode->i_uid = current_fsuid();
	inode->i_gid = current_fsgid();
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	return sock;
}

/* The protocol's release: the socket's state goes, the socket stays with its inode. */
static void __sock_release(struct socket *sock)
{
	if (sock->ops) {
		sock->ops->release(sock);
		sock->ops = NULL;
	}
	sock->sk = NULL;
}

void sock_release(struct socket *sock)
{
	WARN_ON_ONCE(sock->file);
	__sock_release(sock);
	iput(SOCK_INODE(sock));
}

/* ---- the socket file ------------------------------------------------------- */

static int sock_close(struct inode *inode, struct file *file)
{
	__sock_release(SOCKET_I(inode));
	return 0;
}

static ssize_t sock_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	struct msghdr msg = { .msg_iter = *to };
	int flags = (file->f_flags & O_NONBLOCK) ? MSG_DONTWAIT : 0;
	int ret;

	ret = sock_recvmsg(file->private_data, &msg, flags);
	*to = msg.msg_iter;
	return ret;
}

static ssize_t sock_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct msghdr msg = { .msg_iter = *from };
	int ret;

	if (file->f_flags & O_NONBLOCK)
		msg.msg_flags = MSG_DONTWAIT;
	ret = sock_sendmsg(file->private_data, &msg);
	*from = msg.msg_iter;
	return ret;
}

static __poll_t sock_poll(struct file *file, poll_table *wait)
{
	struct socket *sock = file->private_data;

	return sock->ops->poll(file, sock, wait);
}

static const struct file_operations socket_file_ops = {
	.read_iter = sock_read_iter,
	.write_iter = sock_write_iter,
	.poll = sock_poll,
	.release = sock_close,
};

struct file *sock_alloc_file(struct socket *sock, int flags)
{
	struct inode *inode = SOCK_INODE(sock);
	struct file *file;
	char name[32];

	snprintf(name, sizeof(name), "socket:[%lu]", inode->i_ino);
	file = alloc_file_pseudo(inode, sock_mnt, name, O_RDWR | (flags & O_NONBLOCK),
				 &socket_file_ops);
	if (IS_ERR(file)) {
		sock_release(sock);
		return file;
	}
	file->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	file->private_data = sock;
	sock->file = file;
	return file;
}

struct socket *sock_from_file(struct file *file)
{
	return file->f_op == &socket_file_ops ? file->private_data : NULL;
}

/* The socket at @fd with a reference on its file (*@filep), or NULL with *@err. */
static struct socket *sockfd_lookup(int fd, struct file **filep, int *err)
{
	struct file *file = fget(fd);
	struct socket *sock;

	if (!file) {
		*err = -EBADF;
		return NULL;
	}
	sock = sock_from_file(file);
	if (!sock) {
		fput(file);
		*err = -ENOTSOCK;
		return NULL;
	}
	*filep = file;
	return sock;
}

/* ---- families and creation ------------------------------------------------- */

int sock_register(const struct net_proto_family *fam)
{
	int err = 0;

	if (fam->family < 0 || fam->family >= NPROTO)
		return -EINVAL;
	spin_lock(&net_family_lock);
	if (net_families[fam->family])
		err = -EEXIST;
	else
		net_families[fam->family] = fam;
	spin_unlock(&net_family_lock);
	return err;
}

int sock_create(int family, int type, int protocol, struct socket **res)
{
	const struct net_proto_family *pf;
	struct socket *sock;
	int err;

	if (family < 0 || family >= NPROTO)
		return -EAFNOSUPPORT;
	if (type < 0 || type >= SOCK_MAX)
		return -EINVAL;
	pf = READ_ONCE(net_families[family]);
	if (!pf)
		return -EAFNOSUPPORT;
	sock = sock_alloc();
	if (!sock)
		return -ENOMEM;
	sock->type = type;
	err = pf->create(sock, protocol);
	if (err) {
		sock_release(sock);
		return err;
	}
	*res = sock;
	return 0;
}

int sock_sendmsg(struct socket *sock, struct msghdr *msg)
{
	return sock->ops->sendmsg(sock, msg, iov_iter_count(&msg->msg_iter));
}

int sock_recvmsg(struct socket *sock, struct msghdr *msg, int flags)
{
	return sock->ops->recvmsg(sock, msg, iov_iter_count(&msg->msg_iter), flags);
}

int kernel_sendmsg(struct socket *sock, struct msghdr *msg, struct kvec *vec, size_t num,
		   size_t len)
{
	iov_iter_kvec(&msg->msg_iter, ITER_SOURCE, vec, num, len);
	return sock_sendmsg(sock, msg);
}

int kernel_recvmsg(struct socket *sock, struct msghdr *msg, struct kvec *vec, size_t num,
		   size_t len, int flags)
{
	iov_iter_kvec(&msg->msg_iter, ITER_DEST, vec, num, len);
	return sock_recvmsg(sock, msg, flags);
}

/* ---- the system calls ------------------------------------------------------ */

/* Two new sockets' files for socketpair(); on error both sockets are released. */
static int sock_pair_files(struct socket *sock1, struct socket *sock2, int flags,
			   struct file **file1, struct file **file2)
{
	*file1 = sock_alloc_file(sock1, flags);
	if (IS_ERR(*file1)) {
		sock_release(sock2);
		return PTR_ERR(*file1);
	}
	*file2 = sock_alloc_file(sock2, flags);
	if (IS_ERR(*file2)) {
		fput(*file1);
		return PTR_ERR(*file2);
	}
	return 0;
}

/* The connected pair of sockets of socketpair(), without files. */
static int sock_create_pair(int family, int type, int protocol, struct socket **sock1,
			    struct socket **sock2)
{
	int err = sock_create(family, type, protocol, sock1);

	if (err)
		return err;
	err = sock_create(family, type, protocol, sock2);
	if (err)
		goto out_release_1;
	err = (*sock1)->ops->socketpair(*sock1, *sock2);
	if (err)
		goto out_release_both;
	return 0;

out_release_both:
	sock_release(*sock2);
out_release_1:
	sock_release(*sock1);
	return err;
}

int __sys_socketpair(int family, int type, int protocol, int __user *usockvec)
{
	int flags = type & ~SOCK_TYPE_MASK;
	struct socket *sock1, *sock2;
	struct file *file1 = NULL, *file2 = NULL;
	int fd1, fd2, err;

	if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;
	type &= SOCK_TYPE_MASK;
	fd1 = get_unused_fd_flags(flags & O_CLOEXEC);
	if (fd1 < 0)
		return fd1;
	fd2 = get_unused_fd_flags(flags & O_CLOEXEC);
	if (fd2 < 0) {
		err = fd2;
		goto out_put_fd1;
	}
	err = -EFAULT;
	if (put_user(fd1, &usockvec[0]) || put_user(fd2, &usockvec[1]))
		goto out_put_fd2;
	err = sock_create_pair(family, type, protocol, &sock1, &sock2);
	if (err)
		goto out_put_fd2;
	err = sock_pair_files(sock1, sock2, flags, &file1, &file2);
	if (err)
		goto out_put_fd2;
	fd_install(fd1, file1);
	fd_install(fd2, file2);
	return 0;

out_put_fd2:
	put_unused_fd(fd2);
out_put_fd1:
	put_unused_fd(fd1);
	return err;
}

SYSCALL_DEFINE4(socketpair, int, family, int, type, int, protocol, int __user *, usockvec)
{
	return __sys_socketpair(family, type, protocol, usockvec);
}

/* A user address into @kaddr. Return: 0, -EINVAL (length), -EFAULT. */
static int move_addr_to_kernel(void __user *uaddr, int ulen, void *kaddr)
{
	if (ulen < 0 || ulen > _K_SS_MAXSIZE)
		return -EINVAL;
	if (ulen == 0)
		return 0;
	return copy_from_user(kaddr, uaddr, ulen) ? -EFAULT : 0;
}

static int __sys_sendto(int fd, void __user *buff, size_t len, unsigned int flags,
			void __user *addr, int addr_len)
{
	char address[_K_SS_MAXSIZE];
	struct msghdr msg = { 0 };
	struct socket *sock;
	struct file *file;
	struct iovec iov;
	int err;

	err = import_single_range(ITER_SOURCE, buff, len, &iov, &msg.msg_iter);
	if (err)
		return err;
	sock = sockfd_lookup(fd, &file, &err);
	if (!sock)
		return err;
	if (addr) {
		err = move_addr_to_kernel(addr, addr_len, address);
		if (err)
			goto out_put;
		msg.msg_name = address;
		msg.msg_namelen = addr_len;
	}
	msg.msg_flags = flags;
	if (file->f_flags & O_NONBLOCK)
		msg.msg_flags |= MSG_DONTWAIT;
	err = sock_sendmsg(sock, &msg);
out_put:
	fput(file);
	return err;
}

SYSCALL_DEFINE6(sendto, int, fd, void __user *, buff, size_t, len, unsigned int, flags,
		void __user *, addr, int, addr_len)
{
	return __sys_sendto(fd, buff, len, flags, addr, addr_len);
}

/* The address a receive reports: socket pairs are unnamed, so none (length 0). */
static int move_addr_to_user(void __user *uaddr, int __user *ulen)
{
	int len;

	if (get_user(len, ulen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	return put_user(0, ulen) ? -EFAULT : 0;
}

static int __sys_recvfrom(int fd, void __user *ubuf, size_t size, unsigned int flags,
			  void __user *addr, int __user *addr_len)
{
	struct msghdr msg = { 0 };
	struct socket *sock;
	struct file *file;
	struct iovec iov;
	int err, ret;

	err = import_single_range(ITER_DEST, ubuf, size, &iov, &msg.msg_iter);
	if (err)
		return err;
	sock = sockfd_lookup(fd, &file, &err);
	if (!sock)
		return err;
	if (file->f_flags & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	ret = sock_recvmsg(sock, &msg, flags);
	if (ret >= 0 && addr) {
		err = move_addr_to_user(addr, addr_len);
		if (err)
			ret = err;
	}
	fput(file);
	return ret;
}

SYSCALL_DEFINE6(recvfrom, int, fd, void __user *, ubuf, size_t, size, unsigned int, flags,
		void __user *, addr, int __user *, addr_len)
{
	return __sys_recvfrom(fd, ubuf, size, flags, addr, addr_len);
}

/*
 * A user msghdr into @msg: its address (for a send, into @address),
 * its iovec array as msg_iter (*@iovp to kfree()), its control buffer.
 * Return: 0 or -errno.
 */
static int copy_msghdr_from_user(struct msghdr *msg, struct user_msghdr __user *umsg,
				 int direction, char *address, struct iovec **iovp)
{
	struct user_msghdr kmsg;
	ssize_t len;
	int err;

	err = copy_from_user(&kmsg, umsg, sizeof(kmsg)) ? -EFAULT : 0;
	if (kmsg.msg_name == NULL)
		kmsg.msg_namelen = 0;
	if (!err && (kmsg.msg_namelen < 0 || kmsg.msg_controllen > INT_MAX))
		err = -EINVAL;
	if (kmsg.msg_namelen > _K_SS_MAXSIZE)
		kmsg.msg_namelen = _K_SS_MAXSIZE;
	msg->msg_name = NULL;
	msg->msg_namelen = kmsg.msg_namelen;
	if (!err && direction == ITER_SOURCE && kmsg.msg_namelen) {
		err = move_addr_to_kernel(kmsg.msg_name, kmsg.msg_namelen, address);
		msg->msg_name = address;
	}
	msg->msg_control = kmsg.msg_control;
	msg->msg_controllen = kmsg.msg_controllen;
	msg->msg_flags = 0;
	if (!err && kmsg.msg_iovlen > UIO_MAXIOV)
		err = -EMSGSIZE;
	if (err) {
		*iovp = NULL;		/* nothing for the caller to free */
		return err;
	}
	len = import_iovec(direction, kmsg.msg_iov, kmsg.msg_iovlen, UIO_FASTIOV, iovp,
			   &msg->msg_iter);
	return len < 0 ? len : 0;
}

static long ___sys_sendmsg(int fd, struct user_msghdr __user *umsg, unsigned int flags)
{
	struct iovec iovstack[UIO_FASTIOV], *iov = iovstack;
	char address[_K_SS_MAXSIZE];
	struct msghdr msg;
	struct socket *sock;
	struct file *file;
	int err;

	sock = sockfd_lookup(fd, &file, &err);
	if (!sock)
		return err;
	err = copy_msghdr_from_user(&msg, umsg, ITER_SOURCE, address, &iov);
	if (err)
		goto out_put;
	/* control messages (SCM_RIGHTS) are not passed yet: refused, not dropped */
	err = -EINVAL;
	if (msg.msg_controllen)
		goto out_free;
	msg.msg_flags = flags;
	if (file->f_flags & O_NONBLOCK)
		msg.msg_flags |= MSG_DONTWAIT;
	err = sock_sendmsg(sock, &msg);
out_free:
	kfree(iov);
out_put:
	fput(file);
	return err;
}

SYSCALL_DEFINE3(sendmsg, int, fd, struct user_msghdr __user *, msg, unsigned int, flags)
{
	return ___sys_sendmsg(fd, msg, flags);
}

static long ___sys_recvmsg(int fd, struct user_msghdr __user *umsg, unsigned int flags)
{
	struct iovec iovstack[UIO_FASTIOV], *iov = iovstack;
	struct msghdr msg;
	struct socket *sock;
	struct file *file;
	int err, ret;

	sock = sockfd_lookup(fd, &file, &err);
	if (!sock)
		return err;
	err = copy_msghdr_from_user(&msg, umsg, ITER_DEST, NULL, &iov);
	if (err)
		goto out_put;
	if (file->f_flags & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	ret = sock_recvmsg(sock, &msg, flags);
	err = ret;
	if (ret < 0)
		goto out_free;
	/* unnamed peers and no control data: both lengths come back 0 */
	err = -EFAULT;
	if (msg.msg_namelen && put_user(0, &umsg->msg_namelen))
		goto out_free;
	if (put_user(msg.msg_flags & ~MSG_CMSG_CLOEXEC, &umsg->msg_flags) ||
	    put_user(0UL, &umsg->msg_controllen))
		goto out_free;
	err = ret;
out_free:
	kfree(iov);
out_put:
	fput(file);
	return err;
}

SYSCALL_DEFINE3(recvmsg, int, fd, struct user_msghdr __user *, msg, unsigned int, flags)
{
	return ___sys_recvmsg(fd, msg, flags);
}

SYSCALL_DEFINE2(shutdown, int, fd, int, how)
{
	struct socket *sock;
	struct file *file;
	int err;

	sock = sockfd_lookup(fd, &file, &err);
	if (!sock)
		return err;
	err = sock->ops->shutdown(sock, how);
	fput(file);
	return err;
}

SYSCALL_DEFINE5(setsockopt, int, fd, int, level, int, optname, char __user *, optval,
		int, optlen)
{
	struct socket *sock;
	struct file *file;
	int err;

	if (optlen < 0)
		return -EINVAL;
	sock = sockfd_lookup(fd, &file, &err);
	if (!sock)
		return err;
	err = level == SOL_SOCKET ? sock_setsockopt(sock, optname, optval, optlen) :
				    -EOPNOTSUPP;
	fput(file);
	return err;
}

SYSCALL_DEFINE5(getsockopt, int, fd, int, level, int, optname, char __user *, optval,
		int __user *, optlen)
{
	struct socket *sock;
	struct file *file;
	int err;

	sock = sockfd_lookup(fd, &file, &err);
	if (!sock)
		return err;
	err = level == SOL_SOCKET ? sock_getsockopt(sock, optname, optval, optlen) :
				    -EOPNOTSUPP;
	fput(file);
	return err;
}

void sock_init(void)
{
	sock_inode_cachep = kmem_cache_create("sock_inode_cache", sizeof(struct socket_alloc),
					      0, SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
	if (register_filesystem(&sock_fs_type))
		panic("sock_init: cannot register sockfs");
	sock_mnt = kern_mount(&sock_fs_type);
	if (IS_ERR(sock_mnt))
		panic("sock_init: cannot mount sockfs: %ld", PTR_ERR(sock_mnt));
}
