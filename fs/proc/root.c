// SPDX-License-Identifier: GPL-2.0
/*
 * The "proc" file system type and /proc's root directory (Linux's
 * fs/proc/root.c). Each mount is a super block of its own whose root
 * inode is proc_root's; the root directory holds the registered names
 * (generic.c) and then "self" and a directory per task (base.c):
 *
 *   readdir positions  0 ".", 1 "..", 2.. registered names,
 *                      PROC_SELF_POS "self", PROC_PID_POS(pid) each task
 *
 * proc_root_init() (boot: start_kernel(), after vfs_caches_init())
 * registers the type and the core kernel's files; proc_mount_boot() (init, once the initramfs is
 * unpacked) makes /proc in the root tmpfs and mounts it there, as a
 * Linux init does with "mount -t proc proc /proc".
 */
#include <linux/proc_fs.h>
#include <linux/init_syscalls.h>
#include <linux/printk.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/bug.h>
#include <linux/panic.h>
#include <linux/seq_file.h>
#include "internal.h"

static struct dentry *proc_root_lookup(struct inode *dir, struct dentry *dentry,
				       unsigned int flags)
{
	struct dentry *ret = proc_lookup(dir, dentry, flags);

	if (ret != ERR_PTR(-ENOENT))
		return ret;
	return proc_pid_lookup(dentry, flags);
}

static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	if (ctx->pos < PROC_SELF_POS) {
		if (!proc_readdir_de(file, ctx, &proc_root))
			return 0;
		ctx->pos = PROC_SELF_POS;
	}
	return proc_pid_readdir(file, ctx);
}

static const struct file_operations proc_root_operations = {
	.llseek = proc_dir_llseek,
	.read_iter = generic_read_dir,
	.iterate_shared = proc_root_readdir,
};

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

static int proc_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *root;

	sb->s_op = &proc_sops;
	sb->s_magic = PROC_SUPER_MAGIC;
	pde_get(&proc_root);
	root = proc_get_inode(sb, &proc_root);
	if (!root)
		return -ENOMEM;
	root->i_op = &proc_root_inode_operations;
	root->i_fop = &proc_root_operations;
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *proc_mount(struct file_system_type *fs_type, int flags,
				 const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, proc_fill_super);
}

/* Nothing is pinned in procfs's dcache: only the root goes. */
static void proc_kill_sb(struct super_block *sb)
{
	if (sb->s_root)
		dput(sb->s_root);
	sb->s_root = NULL;
	kill_anon_super(sb);
}

static struct file_system_type proc_fs_type = {
	.name = "proc",
	.mount = proc_mount,
	.kill_sb = proc_kill_sb,
	.fs_flags = FS_USERNS_MOUNT,
};

void proc_root_init(void)
{
	proc_init_kmemcache();
	proc_meminfo_init();
	proc_version_init();
	proc_cmdline_init();
	proc_devices_init();
	proc_uptime_init();
	proc_loadavg_init();
	proc_interrupts_init();
	proc_cpuinfo_init();
	proc_stat_init();
	proc_page_init();
	if (!proc_create_single("filesystems", 0, NULL, filesystems_proc_show) ||
	    !proc_symlink("mounts", NULL, "self/mounts"))
		panic("Could not make /proc's files");
	proc_sys_init();
	BUG_ON(register_filesystem(&proc_fs_type));
}

int proc_mount_boot(void)
{
	int err = init_mkdir("/proc", 0555);

	if (err && err != -EEXIST)
		return err;
	return init_mount("proc", "/proc", "proc", 0, NULL);
}
