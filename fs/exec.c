// SPDX-License-Identifier: GPL-2.0
/*
 * execve(), execveat() and kernel_execve(): a task becomes another
 * program (Linux's fs/exec.c; include/linux/binfmts.h draws the steps).
 *
 * The new image is built in an mm no task uses yet. Its stack VMA is
 * made at its final, randomised place from the start (Linux builds it
 * at STACK_TOP_MAX and moves it in setup_arg_pages(); the randomisation
 * depends on nothing the format says here, no personality existing, so
 * the place is known before the strings are copied and nothing moves).
 * The strings go to the top of that stack, page by page, through
 * get_user_pages_remote() on the new mm (Linux's get_arg_page()), which
 * grows the stack by hand first:
 *
 *   stack_top  ------------------------------------------------
 *              8 bytes of zero (the end marker Linux leaves)
 *              the file name (AT_EXECFN)         <- bprm->exec
 *              envp strings, the last highest
 *              argv strings                       <- bprm->p = arg_start
 *              (the format's tables go below: platform string, 16 random
 *              bytes, argc, argv[], envp[], auxv, create_elf_tables())
 *
 * Limits (Linux's): a string is at most MAX_ARG_STRLEN bytes with its
 * NUL, there are at most MAX_ARG_STRINGS of each kind, and the strings
 * with the pointers to them take at most a quarter of RLIMIT_STACK
 * (3/4 of _STK_LIM at most, ARG_MAX at least): E2BIG beyond them.
 *
 * The point of no return is begin_new_exec(): from then on the task is
 * the new program's, and an error kills it.
 *
 * An exec in a process with threads first makes the caller its only
 * thread (de_thread(), Linux's): signal->group_exec_task names it, the
 * others get SIGKILL (zap_other_threads()) and it sleeps until they are
 * gone; each exit wakes it (kernel/exit.c). A caller that is not the
 * leader then waits for the leader to be a zombie and takes its place:
 * the leader's pid (the pids are exchanged, as Linux's exchange_tids()),
 * its start time, its parent and its places on the task list and the
 * parent's children; the old leader, under the caller's old pid, is
 * reaped at once without its parent hearing of it. Locking: the new mm's
 * mmap_lock is taken for writing to change its VMAs, as everywhere,
 * although no other task can see the mm yet; the task's own fields are
 * written by the task itself (mm and files under task_lock()).
 */
#include <linux/binfmts.h>
#include <linux/cred.h>
#include <linux/bitops.h>
#include <linux/sched/coredump.h>
#include <linux/elf.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/task.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/fcntl.h>
#include <linux/namei.h>
#include <linux/mount.h>
#include <linux/dcache.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/highmem.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <asm/elf.h>
#include <asm/fpu.h>
#include <asm/signal.h>
#include <asm/processor.h>
#include <asm/uaccess.h>
#include "internal.h"

static struct linux_binfmt *const formats[] = { &elf_format, &script_format };

/*
 * An argv or envp array: user pointers to user strings (execve()), or
 * kernel pointers to kernel strings (kernel_execve()).
 */
struct user_arg_ptr {
	bool is_kernel;
	union {
		const char __user *const __user *native;
		const char *const *kernel;
	} ptr;
};

/* ---- opening the program ------------------------------------------------ */

/* Linux's do_open_execat() checks: a regular file, executable, not on a noexec mount. */
static struct file *check_exec_file(struct file *file)
{
	struct inode *inode = file_inode(file);
	int err = -EACCES;

	if (!S_ISREG(inode->i_mode) || (file->f_path.mnt->mnt_flags & MNT_NOEXEC))
		goto fail;
	err = inode_permission(inode, MAY_EXEC);
	if (err)
		goto fail;
	return file;
fail:
	fput(file);
	return ERR_PTR(err);
}

static struct file *do_open_execat(int fd, const char *name, int flags)
{
	struct filename *fname;
	struct file *file, *dir;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return ERR_PTR(-EINVAL);
	if (!*name && (flags & AT_EMPTY_PATH)) {
		dir = fget(fd);
		if (!dir)
			return ERR_PTR(-EBADF);
		file = dentry_open(&dir->f_path, O_RDONLY | O_LARGEFILE);
		fput(dir);
	} else {
		fname = getname_kernel(name);
		if (IS_ERR(fname))
			return ERR_CAST(fname);
		file = do_filp_open(fd, fname, O_RDONLY | O_LARGEFILE |
				    ((flags & AT_SYMLINK_NOFOLLOW) ? O_NOFOLLOW : 0), 0, NULL);
		putname(fname);
	}
	if (IS_ERR(file))
		return file;
	return check_exec_file(file);
}

struct file *open_exec(const char *name)
{
	return do_open_execat(AT_FDCWD, name, 0);
}

/* ---- the new mm and its stack ------------------------------------------- */

#define VM_STACK_DEFAULT_FLAGS	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define VM_STACK_FLAGS		(VM_STACK | VM_STACK_DEFAULT_FLAGS | VM_ACCOUNT)
/* Marks a stack still being built (Linux's VM_STACK_INCOMPLETE_SETUP). */
#define VM_STACK_INCOMPLETE_SETUP	(VM_RAND_READ | VM_SEQ_READ)

/*
 * A new mm with a one-page stack VMA ending at bprm->stack_top; @p just
 * below its top.
 */
static int bprm_mm_init(struct linux_binprm *bprm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;
	int err = -ENOMEM;

	if (!mm)
		return -ENOMEM;
	bprm->mm = mm;
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	mmap_write_lock(mm);
	vma->vm_end = bprm->stack_top;
	vma->vm_start = vma->vm_end - PAGE_SIZE;
	vma->vm_flags = VM_SOFTDIRTY | VM_STACK_FLAGS | VM_STACK_INCOMPLETE_SETUP;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	/* Its first page is charged to overcommit (VM_ACCOUNT), as Linux's insert_vm_struct(). */
	err = security_vm_enough_memory_mm(mm, 1);
	if (!err) {
		err = insert_vm_struct(mm, vma);
		if (err)
			vm_unacct_memory(1);
	}
	if (!err)
		vm_stat_account(mm, vma->vm_flags, 1);
	mmap_write_unlock(mm);
	if (err) {
		vm_area_free(vma);
		return err;
	}
	bprm->vma = vma;
	bprm->p = vma->vm_end - sizeof(void *);
	return 0;
}

/*
 * The page of the new stack at @pos, with a reference (put_page() it),
 * the stack grown down to it first; NULL when that fails.
 */
static struct page *get_arg_page(struct linux_binprm *bprm, unsigned long pos)
{
	struct mm_struct *mm = bprm->mm;
	struct page *page;
	long got = -ENOMEM;
	int err = 0;

	mmap_write_lock(mm);
	if (pos < bprm->vma->vm_start)
		err = expand_stack(bprm->vma, pos);
	if (!err)
		got = get_user_pages_remote(mm, pos, 1, FOLL_FORCE | FOLL_WRITE, &page, NULL, NULL);
	mmap_write_unlock(mm);
	return got == 1 ? page : NULL;
}

/*
 * Copy @len bytes from @src (user or kernel) to the new stack, ending at
 * bprm->p + @len, page by page from the end. Return: 0, -EFAULT, -ENOMEM.
 */
static int copy_to_arg_pages(struct linux_binprm *bprm, const char *src, unsigned long len,
			     bool kernel)
{
	unsigned long pos = bprm->p + len;

	while (len) {
		unsigned long offset = pos & ~PAGE_MASK ?: PAGE_SIZE;
		unsigned long n = min(len, offset);
		struct page *page;
		char *kaddr;
		int err = 0;

		pos -= n;
		len -= n;
		page = get_arg_page(bprm, pos);
		if (!page)
			return -E2BIG;	/* Linux's answer when the stack cannot grow */
		kaddr = kmap_local_page(page);
		if (kernel)
			memcpy(kaddr + (pos & ~PAGE_MASK), src + len, n);
		else if (copy_from_user(kaddr + (pos & ~PAGE_MASK),
					(const char __user *)src + len, n))
			err = -EFAULT;
		kunmap_local(kaddr);
		put_page(page);
		if (err)
			return err;
	}
	return 0;
}

/* Make room for @len more bytes below bprm->p, within the limits. */
static int bprm_reserve(struct linux_binprm *bprm, unsigned long len)
{
	if (len > MAX_ARG_STRLEN || bprm->p - bprm->argmin < len)
		return -E2BIG;
	bprm->p -= len;
	return 0;
}

int copy_string_kernel(const char *arg, struct linux_binprm *bprm)
{
	unsigned long len = strnlen(arg, MAX_ARG_STRLEN) + 1;
	int err = bprm_reserve(bprm, len);

	return err ?: copy_to_arg_pages(bprm, arg, len, true);
}

int remove_arg_zero(struct linux_binprm *bprm)
{
	unsigned long offset;
	struct page *page;
	char *kaddr;
	bool end = false;

	if (!bprm->argc)
		return 0;
	while (!end) {
		page = get_arg_page(bprm, bprm->p);
		if (!page)
			return -EFAULT;
		kaddr = kmap_local_page(page);
		for (offset = bprm->p & ~PAGE_MASK; offset < PAGE_SIZE && !end; offset++)
			end = !kaddr[offset];
		kunmap_local(kaddr);
		put_page(page);
		bprm->p = (bprm->p & PAGE_MASK) + offset;
	}
	bprm->argc--;
	return 0;
}

static const char __user *get_user_arg_ptr(struct user_arg_ptr argv, int nr)
{
	const char __user *native;

	if (get_user(native, argv.ptr.native + nr))
		return ERR_PTR(-EFAULT);
	return native;
}

/* The strings of @argv (@argc of them), the last first, so that they end up in order. */
static int copy_strings(int argc, struct user_arg_ptr argv, struct linux_binprm *bprm)
{
	const char __user *str;
	long len;
	int err;

	while (argc-- > 0) {
		if (argv.is_kernel) {
			err = copy_string_kernel(argv.ptr.kernel[argc], bprm);
			if (err)
				return err;
			continue;
		}
		str = get_user_arg_ptr(argv, argc);
		if (IS_ERR(str))
			return PTR_ERR(str);
		len = strnlen_user(str, MAX_ARG_STRLEN);
		if (!len)
			return -EFAULT;
		err = bprm_reserve(bprm, len);
		if (!err)
			err = copy_to_arg_pages(bprm, (const char *)str, len, false);
		if (err)
			return err;
		cond_resched();
	}
	return 0;
}

/* The strings in @argv before its NULL: -E2BIG past MAX_ARG_STRINGS, -EFAULT. */
static int count(struct user_arg_ptr argv, int max)
{
	int i = 0;

	if (!argv.ptr.native)
		return 0;
	for (;;) {
		const char __user *p;

		if (argv.is_kernel)
			p = (const char __user *)argv.ptr.kernel[i];
		else
			p = get_user_arg_ptr(argv, i);
		if (!p)
			return i;
		if (IS_ERR(p))
			return PTR_ERR(p);
		if (i >= max)
			return -E2BIG;
		i++;
		cond_resched();
	}
}

/*
 * Linux's bprm_stack_limits(): a quarter of the stack limit (at most 3/4
 * of _STK_LIM, at least ARG_MAX) for the strings and their pointers
 * (counted now: they are written after the point of no return).
 */
static int bprm_stack_limits(struct linux_binprm *bprm)
{
	unsigned long limit = min(_STK_LIM / 4 * 3, bprm->rlim_stack.rlim_cur / 4);
	unsigned long ptr_size = (max(bprm->argc, 1) + bprm->envc) * sizeof(void *);

	limit = max(limit, (unsigned long)ARG_MAX);
	if (limit <= ptr_size)
		return -E2BIG;
	bprm->argmin = bprm->p - (limit - ptr_size);
	return 0;
}

/* ---- the point of no return --------------------------------------------- */

int unshare_files(void)
{
	struct task_struct *tsk = current;
	struct files_struct *old = tsk->files, *copy;

	if (old != &init_files && atomic_read(&old->count) == 1)
		return 0;
	copy = dup_fd(old);
	if (IS_ERR(copy))
		return PTR_ERR(copy);
	task_lock(tsk);
	tsk->files = copy;
	task_unlock(tsk);
	if (old != &init_files)
		put_files_struct(old);
	return 0;
}

/*
 * @mm becomes the task's: a kernel thread becomes a user task; a user
 * task leaves its old mm (a vfork parent released, exec_mm_release())
 * and its FPU area for new ones. The task takes its own reference to
 * @mm (begin_user_task()); the exec's goes with bprm->mm.
 */
static int exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm;
	struct fpu *old_fpu;
	int err;

	if (old_mm) {
		setmax_mm_hiwater_rss(&tsk->signal->maxrss, old_mm);
		exec_mm_release(tsk, old_mm);
		exit_user_task();
		old_fpu = tsk->thread.fpu;
		tsk->thread.fpu = NULL;
		fpu_free(old_fpu);
	}
	err = begin_user_task(mm);
	if (old_mm)
		mmput(old_mm);
	return err;
}

/* de_thread()'s wait is over: the caller and, if it is not the leader, the leader's zombie. */
static bool other_threads_gone(struct task_struct *tsk)
{
	unsigned long flags;
	bool gone;

	read_lock_irqsave(&tasklist_lock, flags);
	if (thread_group_leader(tsk))
		gone = tsk->signal->nr_threads == 1;
	else
		gone = tsk->signal->nr_threads == 2 && tsk->group_leader->exit_state;
	read_unlock_irqrestore(&tasklist_lock, flags);
	return gone;
}

/* @new takes @old's place on @old's list (Linux's list_replace_init()). */
static void list_take_place(struct list_head *new, struct list_head *old)
{
	list_add(new, old);
	list_del_init(old);
}

/* The exec'ing thread @tsk becomes its group's leader; the old one, a zombie, is reaped. */
static void take_leader_place(struct task_struct *tsk)
{
	struct task_struct *leader = tsk->group_leader;
	unsigned long flags;

	write_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&tsk->sighand->siglock);
	swap(tsk->pid, leader->pid);
	tsk->group_leader = leader->group_leader = tsk;
	spin_unlock(&tsk->sighand->siglock);
	tsk->start_time = leader->start_time;
	tsk->real_parent = leader->real_parent;
	tsk->parent = leader->parent;
	list_take_place(&tsk->tasks, &leader->tasks);
	list_take_place(&tsk->sibling, &leader->sibling);
	tsk->exit_signal = leader->exit_signal;
	leader->exit_signal = -1;
	leader->exit_state = EXIT_DEAD;
	write_unlock_irqrestore(&tasklist_lock, flags);
	release_task(leader);
}

/*
 * Make the caller its process's only thread (see the top). Return: 0, or
 * -EAGAIN when the group is already dying or another thread execs (this
 * one is being killed too). Context: process, sleeps.
 */
static int de_thread(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	unsigned long flags;

	if (thread_group_empty(tsk))
		return 0;
	spin_lock_irqsave(&tsk->sighand->siglock, flags);
	if (signal_group_exit(sig)) {
		spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
		return -EAGAIN;
	}
	sig->group_exec_task = tsk;
	zap_other_threads(tsk);
	spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (other_threads_gone(tsk))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	if (!thread_group_leader(tsk))
		take_leader_place(tsk);
	spin_lock_irqsave(&tsk->sighand->siglock, flags);
	sig->group_exec_task = NULL;
	spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
	return 0;
}

static const char *kbasename(const char *path)
{
	const char *tail = strrchr(path, '/');

	return tail ? tail + 1 : path;
}

/*
 * The new creds (Linux's bprm_execve() and cap_bprm_creds_from_file()):
 * the file's setuid/setgid bits, unless the mount is nosuid or the task
 * asked for no new privileges, and root's capability rules.
 */
static int bprm_creds_from_file(struct linux_binprm *bprm)
{
	struct inode *inode = file_inode(bprm->file);
	bool nnp = test_bit(PFA_NO_NEW_PRIVS, &current->atomic_flags) ||
		   (bprm->file->f_path.mnt->mnt_flags & MNT_NOSUID);

	bprm->cred = prepare_creds();
	if (!bprm->cred)
		return -ENOMEM;
	bprm->secureexec = cap_bprm_creds(bprm->cred, inode->i_mode, inode->i_uid,
					  inode->i_gid, nnp);
	return 0;
}

/*
 * Past the point of no return: the new mm is dumpable unless the ids
 * differ (a setuid program's), as Linux's begin_new_exec(); a secure
 * exec forgets the parent-death signal; the creds are committed (which
 * also makes the mm non-dumpable if the effective ids changed).
 */
static void exec_commit_creds(struct linux_binprm *bprm)
{
	const struct cred *new = bprm->cred;
	bool same = new->euid == new->uid && new->egid == new->gid;

	set_dumpable(current->mm, same ? SUID_DUMP_USER : SUID_DUMP_DISABLE);
	if (bprm->secureexec)
		current->pdeath_signal = 0;
	commit_creds(bprm->cred);
	bprm->cred = NULL;
}

/*
 * The signal state exec needs before the point of no return: a handler
 * table of its own (Linux's de_thread() unshares it), and for a kernel
 * thread becoming init, a signal_struct of its own instead of the kernel
 * threads' init_signal; init gets only the signals it handles.
 */
static int exec_signal_state(struct task_struct *me)
{
	int err = unshare_sighand(me);

	if (err || me->signal != &init_signal)
		return err;
	err = copy_signal(me);
	if (!err && me->pid == 1)
		me->signal->flags |= SIGNAL_UNKILLABLE;
	return err;
}

int begin_new_exec(struct linux_binprm *bprm)
{
	struct task_struct *me = current;
	int err;

	/*
	 * A kernel thread has no image to lose until exec_mmap() succeeds; a
	 * user task's threads die in de_thread(), which cannot be undone.
	 */
	bprm->point_of_no_return = me->mm;
	err = de_thread(me);
	if (err)
		return err;
	err = unshare_files();
	if (err)
		return err;
	bprm->mm->exe_file = get_file(bprm->file);
	err = exec_signal_state(me);
	if (err)
		return err;
	err = exec_mmap(bprm->mm);
	if (err)
		return err;
	bprm->point_of_no_return = true;
	mmput(bprm->mm);
	bprm->mm = NULL;
	exec_commit_creds(bprm);
	me->flags &= ~(PF_KTHREAD | PF_FORKNOEXEC);
	task_lock(me);
	strscpy(me->comm, kbasename(bprm->filename), sizeof(me->comm));
	task_unlock(me);
	do_close_on_exec(me->files);
	/* Handled signals go back to SIG_DFL; ignored ones stay ignored. */
	flush_signal_handlers(me, false);
	me->sas_ss_sp = me->sas_ss_size = 0;
	me->sas_ss_flags = SS_DISABLE;
	return 0;
}

void setup_new_exec(struct linux_binprm *bprm)
{
	arch_pick_mmap_layout(current->mm, &bprm->rlim_stack);
}

int setup_arg_pages(struct linux_binprm *bprm, bool executable_stack)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = bprm->vma;
	unsigned long stack_expand = 128UL << 10, rlim_stack, stack_base;
	unsigned long vm_flags = VM_STACK_FLAGS | mm->def_flags;
	int err;

	if (executable_stack)
		vm_flags |= VM_EXEC;
	mmap_write_lock(mm);
	mm->arg_start = bprm->p;
	vma->vm_flags = (vma->vm_flags & VM_SOFTDIRTY) | vm_flags;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	/* The pages the strings are in take the final protection (exec, as Linux's mprotect_fixup()). */
	change_protection(vma, vma->vm_start, vma->vm_end, vma->vm_page_prot);
	/* 128 KiB of stack to start with, as Linux, or what the limit allows. */
	rlim_stack = bprm->rlim_stack.rlim_cur & PAGE_MASK;
	if (vma->vm_end - vma->vm_start + stack_expand > rlim_stack)
		stack_base = vma->vm_end - rlim_stack;
	else
		stack_base = vma->vm_start - stack_expand;
	mm->start_stack = bprm->p;
	err = stack_base < vma->vm_start ? expand_stack(vma, stack_base) : 0;
	mmap_write_unlock(mm);
	return err ? -EFAULT : 0;
}

/* ---- running it ---------------------------------------------------------- */

static int prepare_binprm(struct linux_binprm *bprm)
{
	loff_t pos = 0;
	ssize_t n;

	memset(bprm->buf, 0, BINPRM_BUF_SIZE);
	n = kernel_read(bprm->file, bprm->buf, BINPRM_BUF_SIZE, &pos);
	return n < 0 ? n : 0;
}

static int search_binary_handler(struct linux_binprm *bprm)
{
	int err = prepare_binprm(bprm);
	unsigned int i;

	if (err)
		return err;
	for (i = 0; i < ARRAY_SIZE(formats); i++) {
		err = formats[i]->load_binary(bprm);
		if (err != -ENOEXEC || bprm->point_of_no_return)
			return err;
	}
	return -ENOEXEC;
}

/* Linux's exec_binprm(): a format may name an interpreter to load instead, 5 deep at most. */
static int exec_binprm(struct linux_binprm *bprm)
{
	int depth, err;

	for (depth = 0;; depth++) {
		if (depth > 5)
			return -ELOOP;
		err = search_binary_handler(bprm);
		if (err || !bprm->interpreter)
			return err;
		fput(bprm->file);
		bprm->file = bprm->interpreter;
		bprm->interpreter = NULL;
	}
}

/*
 * The name the program runs by: the path itself, or, relative to a
 * directory fd, Linux's "/dev/fd/N/path" ("/dev/fd/N" for an empty one).
 */
static int bprm_set_filename(struct linux_binprm *bprm, int fd, const char *name)
{
	size_t size;

	if (fd == AT_FDCWD || name[0] == '/') {
		bprm->filename = name;
		return 0;
	}
	size = strlen(name) + 32;
	bprm->fdpath = kmalloc(size, GFP_KERNEL);
	if (!bprm->fdpath)
		return -ENOMEM;
	if (*name)
		snprintf(bprm->fdpath, size, "/dev/fd/%d/%s", fd, name);
	else
		snprintf(bprm->fdpath, size, "/dev/fd/%d", fd);
	bprm->filename = bprm->fdpath;
	return 0;
}

/* Decide this exec's randomisation now (see the top); an error restores the old flag. */
static void bprm_set_randomize(struct linux_binprm *bprm)
{
	struct task_struct *me = current;

	bprm->randomize_flag_was_set = me->flags & PF_RANDOMIZE;
	if (READ_ONCE(randomize_va_space))
		me->flags |= PF_RANDOMIZE;
	else
		me->flags &= ~PF_RANDOMIZE;
	bprm->stack_top = randomize_stack_top(STACK_TOP);
}

static void free_bprm(struct linux_binprm *bprm)
{
	struct task_struct *me = current;

	if (bprm->mm)
		mmput(bprm->mm);
	if (!bprm->point_of_no_return) {
		me->flags &= ~PF_RANDOMIZE;
		if (bprm->randomize_flag_was_set)
			me->flags |= PF_RANDOMIZE;
	}
	if (bprm->cred)
		abort_creds(bprm->cred);
	fput(bprm->file);
	if (bprm->interpreter)
		fput(bprm->interpreter);
	kfree(bprm->fdpath);
	kfree(bprm);
}

static struct linux_binprm *alloc_bprm(int fd, const char *name, int flags)
{
	struct linux_binprm *bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	struct file *file;
	int err;

	if (!bprm)
		return ERR_PTR(-ENOMEM);
	file = do_open_execat(fd, name, flags);
	if (IS_ERR(file)) {
		kfree(bprm);
		return ERR_CAST(file);
	}
	bprm->file = file;
	bprm->rlim_stack.rlim_cur = READ_ONCE(current->signal->rlim[RLIMIT_STACK].rlim_cur);
	bprm->rlim_stack.rlim_max = READ_ONCE(current->signal->rlim[RLIMIT_STACK].rlim_max);
	bprm_set_randomize(bprm);
	err = bprm_set_filename(bprm, fd, name) ?: bprm_creds_from_file(bprm) ?:
	      bprm_mm_init(bprm);
	if (err) {
		free_bprm(bprm);
		return ERR_PTR(err);
	}
	return bprm;
}

static int copy_all_strings(struct linux_binprm *bprm, struct user_arg_ptr argv,
			    struct user_arg_ptr envp)
{
	int err;

	bprm->argc = count(argv, MAX_ARG_STRINGS);
	if (bprm->argc < 0)
		return bprm->argc;
	bprm->envc = count(envp, MAX_ARG_STRINGS);
	if (bprm->envc < 0)
		return bprm->envc;
	err = bprm_stack_limits(bprm) ?: copy_string_kernel(bprm->filename, bprm);
	if (err)
		return err;
	bprm->exec = bprm->p;
	err = copy_strings(bprm->envc, envp, bprm) ?: copy_strings(bprm->argc, argv, bprm);
	if (err || bprm->argc)
		return err;
	/* As Linux: argv[0] is never missing; an empty one stands for it. */
	bprm->argc = 1;
	return copy_string_kernel("", bprm);
}

static int do_execveat_common(int fd, const char *name, struct user_arg_ptr argv,
			      struct user_arg_ptr envp, int flags)
{
	struct linux_binprm *bprm = alloc_bprm(fd, name, flags);
	int err;

	if (IS_ERR(bprm))
		return PTR_ERR(bprm);
	err = copy_all_strings(bprm, argv, envp) ?: exec_binprm(bprm);
	if (err && bprm->point_of_no_return) {
		free_bprm(bprm);
		/* Linux's force_fatal_sig(SIGSEGV): the old image is gone. */
		do_group_exit(SIGSEGV);
	}
	free_bprm(bprm);
	return err;
}

int kernel_execve(const char *filename, const char *const *argv, const char *const *envp)
{
	struct user_arg_ptr uargv = { .is_kernel = true, .ptr.kernel = argv };
	struct user_arg_ptr uenvp = { .is_kernel = true, .ptr.kernel = envp };

	return do_execveat_common(AT_FDCWD, filename, uargv, uenvp, 0);
}

static long do_execve_user(int fd, const char __user *filename,
			   const char __user *const __user *argv,
			   const char __user *const __user *envp, int flags)
{
	struct user_arg_ptr uargv = { .ptr.native = argv };
	struct user_arg_ptr uenvp = { .ptr.native = envp };
	struct filename *name = getname(filename);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_execveat_common(fd, name->name, uargv, uenvp, flags);
	putname(name);
	return err;
}

SYSCALL_DEFINE3(execve, const char __user *, filename, const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	return do_execve_user(AT_FDCWD, filename, argv, envp, 0);
}

SYSCALL_DEFINE5(execveat, int, fd, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp, int, flags)
{
	return do_execve_user(fd, filename, argv, envp, flags);
}
