/* SPDX-License-Identifier: GPL-2.0 */
/*
 * execve() (fs/exec.c) and the binary formats it hands a program to
 * (fs/binfmt_elf.c), Linux's struct linux_binprm between them.
 *
 * An exec builds the new image beside the old one, then switches:
 *
 *   do_execveat_common()  open the file (EACCES, ENOEXEC...), a new mm
 *                         with its stack VMA (bprm_mm_init()), the
 *                         strings copied to the top of that stack
 *                         (E2BIG...), the first bytes read into buf
 *   fmt->load_binary()    checks the file (a #! script names its
 *                         interpreter instead, which is loaded in its
 *                         place, the script's path an argument); then
 *                         begin_new_exec(): the
 *                         point of no return (the old mm is dropped, the
 *                         task is the new program's), setup_new_exec(),
 *                         setup_arg_pages(), the segments mapped, the
 *                         initial stack written, start_thread()
 *
 * Before the point of no return an error returns to the caller with its
 * image intact; after it, the task cannot go back and is killed
 * (Linux's SIGSEGV; here do_exit() with it, signals not existing yet).
 */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

#include <linux/types.h>
#include <linux/resource.h>

struct file;
struct cred;
struct mm_struct;
struct vm_area_struct;

/* Bytes of the file read before choosing a format (the ELF header and more). */
#define BINPRM_BUF_SIZE		256
/* Linux's limits: one string at most 32 pages; at most 0x7fffffff strings. */
#define MAX_ARG_STRLEN		(PAGE_SIZE * 32)
#define MAX_ARG_STRINGS		0x7fffffff
/* The argument bytes always allowed, whatever RLIMIT_STACK says (32 pages). */
#define ARG_MAX			131072

/*
 * struct linux_binprm - one exec in progress, owned by the exec'ing task.
 *
 * The strings are copied from the top of the new stack down: the file
 * name (AT_EXECFN), the environment, then the arguments; @p is the
 * lowest byte written so far, and may not go below @argmin.
 */
struct linux_binprm {
	struct vm_area_struct *vma;	/* the new stack's VMA */
	struct mm_struct *mm;		/* the new address space; NULL once installed */
	unsigned long p;		/* the lowest byte of the strings so far */
	unsigned long argmin;		/* the lowest @p may reach (E2BIG below) */
	unsigned long stack_top;	/* the top of the new stack, randomised */
	bool point_of_no_return;	/* the old image is gone: errors kill */
	bool randomize_flag_was_set;	/* PF_RANDOMIZE before this exec, for an error */
	struct file *file;		/* the program */
	struct file *interpreter;	/* a format's choice to load next (#!), or NULL */
	int argc, envc;
	const char *filename;		/* the name it was run by (comm, AT_EXECFN) */
	char *fdpath;			/* "/dev/fd/N/name" for execveat(), kfree()d */
	unsigned long exec;		/* AT_EXECFN: the name's copy on the new stack */
	struct rlimit rlim_stack;	/* RLIMIT_STACK when the exec began */
	struct cred *cred;		/* the new creds; NULL once committed */
	bool secureexec;		/* AT_SECURE: ids changed or privilege gained */
	char buf[BINPRM_BUF_SIZE];	/* the file's first bytes, zero past its end */
};

/* struct linux_binfmt - a format exec can load (Linux's: ELF, and #! scripts). */
struct linux_binfmt {
	const char *name;
	/*
	 * Load @bprm's program if it is of this format. Return: 0 (the task
	 * runs it on its return to user mode), -ENOEXEC (not this format:
	 * the next is tried), or another error.
	 */
	int (*load_binary)(struct linux_binprm *bprm);
};

extern struct linux_binfmt elf_format;
extern struct linux_binfmt script_format;

/*
 * For a format that runs another program on the file (binfmt_script.c):
 * copy_string_kernel() pushes @arg as the new lowest string (argv[0] to
 * be; the caller counts it in bprm->argc); remove_arg_zero() drops the
 * lowest one. Return: 0, -E2BIG, -EFAULT. Context: the exec, may sleep.
 */
int copy_string_kernel(const char *arg, struct linux_binprm *bprm);
int remove_arg_zero(struct linux_binprm *bprm);

/**
 * kernel_execve - run a program from a kernel string, argv and envp
 * @filename: its path (relative to the caller's cwd)
 * @argv: NULL-terminated kernel strings
 * @envp: NULL-terminated kernel strings
 *
 * The caller, a kernel thread (init, a test's kthread) or a user task in
 * the kernel, becomes the program: when the function that called it
 * returns to user mode (a kthread's function returning 0), the program
 * starts.
 * Return: 0, or -errno with the caller unchanged (an error after the
 * point of no return ends the task instead). Context: process, may sleep.
 */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);

/*
 * begin_new_exec - the point of no return: the task's files unshared
 * (before it), then @bprm's mm becomes the task's (the old one dropped,
 * a vfork parent released), comm from the file name, close-on-exec fds
 * closed, FS/GS bases and FPU registers reset. Return: 0 or -errno
 * (before the point: nothing changed).
 */
int begin_new_exec(struct linux_binprm *bprm);
/* setup_new_exec - the new mm's layout (arch_pick_mmap_layout()). */
void setup_new_exec(struct linux_binprm *bprm);
/*
 * setup_arg_pages - finish the stack: its flags (VM_EXEC for
 * @executable_stack), 128 KiB of it (or up to the limit), start_stack,
 * arg_start. Return: 0 or -ENOMEM.
 */
int setup_arg_pages(struct linux_binprm *bprm, bool executable_stack);

/*
 * open_exec - open @name for execution: a regular file, with exec
 * permission, on a mount without noexec. Return: the file or
 * ERR_PTR(-EACCES, -ENOENT...).
 */
struct file *open_exec(const char *name);

#endif /* _LINUX_BINFMTS_H */
