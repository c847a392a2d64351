// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel: the boot sequence, in the order of the stack (DESIGN.md
 * section 1). boot/head.S calls it in long mode on init_stack with the
 * multiboot2 magic and the physical address of the boot information;
 * interrupts stay off until the boot context turns idle.
 *
 *   console          serial port, so everything after can report
 *   traps            GDT, TSS, IDT: a fault from here on is an oops;
 *                    SYSCALL MSRs, FPU/SSE/AVX enabled, UMIP
 *   clock            TSC calibrated against the PIT: timestamps
 *   setup_arch       boot information, early params, e820 memory map,
 *                    memblock, the kernel page tables, sections, zones
 *   per-CPU areas    sized by the CPUs ACPI found
 *   random           the entropy pool seeded (RDSEED/RDRAND, command line);
 *                    the per-CPU CRNGs must not exist before their areas
 *   mm_core_init     boot memory to the page allocator, slab
 *   radix_tree_init  the XArray's node cache
 *   fpu              the slab cache of user tasks' FPU areas
 *   proc_caches_init the caches of mm_structs and VMAs
 *   signals_init     the caches of sigqueues and signal handler tables
 *   anon_vma_init    the caches of anon_vmas and their chains
 *   fork_init        max_threads and init's RLIMIT_NPROC from memory
 *   futex_init       the futex hash table, 256 buckets per possible CPU
 *   local APIC       mapped (ioremap)
 *   sched_init       the boot context becomes init_task, swapper/0
 *   timers, tick     the timer lists; CPU 0's tick starts (HZ)
 *   smp_init         the other CPUs, each into its idle loop
 *   vfs_caches_init  dentry, inode and file caches; tmpfs mounted as "/"
 *   proc_root_init   the "proc" type and the /proc entries registered
 *   kernel params    the rest; unknown ones reported once
 *   rest_init        starts init (pid 1) on CPU 0 and kthreadd (pid 2),
 *                    which makes every later kthread; the boot context
 *                    becomes CPU 0's idle loop
 *
 * and then, in init (kernel_init()):
 *
 *   do_basic_setup   what Linux's initcalls make: sysfs with /sys/kernel/mm,
 *                    /sys/devices/system and /sys/kernel/slab; debugfs
 *                    with its files (memblock, page_owner, provoke-crash,
 *                    kernel_page_tables, ktest); devtmpfs, the drivers
 *                    making their nodes in it (mem, tty), mounted on /dev
 *   populate_rootfs  the initrd unpacked into the root tmpfs, its memory
 *                    freed
 *   mount_proc_sys   /proc, /sys and /sys/kernel/debug mounted, as
 *                    Linux's init scripts mount them
 *   ready            "ready:" with the time since reset
 *   lkdtm            a crash on purpose, if lkdtm.cpoint_type= asks
 *   ktest            what ktest.run= asks for
 *   init program     rdinit= (/init), init= or a default, with /dev/console
 *                    as fds 0-2 and argv/envp from the command line: pid 1
 *                    becomes it (run_init()); the console shell if none
 */
#include <linux/rmap.h>
#include <linux/printk.h>
#include <linux/timekeeping.h>
#include <linux/init.h>
#include <linux/serial.h>
#include <linux/ktest.h>
#include <linux/panic.h>
#include <linux/shell.h>
#include <linux/lkdtm.h>
#include <linux/initrd.h>
#include <linux/device.h>
#include <linux/tty.h>
#include <linux/init_syscalls.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/xarray.h>
#include <linux/smp.h>
#include <linux/percpu.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/cred.h>
#include <linux/anon_inodes.h>
#include <linux/sched/task.h>
#include <linux/kthread.h>
#include <asm/tlbflush.h>
#include <asm/signal.h>
#include <linux/sched/signal.h>
#include <linux/fault-inject.h>
#include <linux/dcache.h>
#include <linux/proc_fs.h>
#include <linux/timer.h>
#include <linux/sysfs.h>
#include <linux/debugfs.h>
#include <linux/anon_inodes.h>
#include <linux/eventpoll.h>
#include <linux/net.h>
#include <net/af_unix.h>
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/memblock.h>
#include <linux/tick.h>
#include <linux/binfmts.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/futex.h>
#include <linux/fcntl.h>
#include <linux/panic.h>
#include <linux/err.h>
#include <asm/processor.h>
#include <asm/fpu.h>
#include <asm/setup.h>
#include <asm/apic.h>
#include <asm/smp.h>
#include <asm/traps.h>
#include <asm/tsc.h>

u64 ready_tsc;
enum system_states system_state;
/* CPUs the kernel may use (acpi_boot_init()): per-CPU data is sized by it. */
unsigned int nr_cpu_ids = 1;

extern char init_stack[];

static void announce_ready(void)
{
	u64 ns;

	ready_tsc = rdtsc_ordered();
	ns = cycles_to_ns(ready_tsc);
	raw_printk("ready: %llu.%06llu s since reset\n", ns / 1000000000ULL,
		   (ns % 1000000000ULL) / 1000);
}

/*
 * The program init is to become, as Linux's kernel_init() picks it:
 * rdinit= (default /init) if the initramfs has it, else init=, else the
 * first of /sbin/init, /etc/init, /bin/init and /bin/sh. Set by boot
 * parameters, read once by init.
 */
static char ramdisk_execute_command[256] = "/init";
static char execute_command[256];

static int rdinit_setup(char *val)
{
	if (!val || !*val || strscpy(ramdisk_execute_command, val,
				     sizeof(ramdisk_execute_command)) < 0)
		return -EINVAL;
	return 0;
}
__setup("rdinit=", rdinit_setup);

static int init_setup(char *val)
{
	if (!val || !*val || strscpy(execute_command, val, sizeof(execute_command)) < 0)
		return -EINVAL;
	return 0;
}
__setup("init=", init_setup);

/* Linux's console_on_rootfs(): /dev/console as fds 0, 1 and 2 of init's own table. */
static void console_on_rootfs(void)
{
	struct file *file;
	int i, fd;

	if (unshare_files()) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	file = filp_open("/dev/console", O_RDWR, 0);
	if (IS_ERR(file)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	for (i = 0; i < 3; i++) {
		fd = get_unused_fd_flags(0);
		if (fd < 0)
			break;
		fd_install(fd, get_file(file));
	}
	fput(file);
}

static int run_init_process(const char *init_filename)
{
	argv_init[0] = init_filename;
	pr_info("Run %s as init process\n", init_filename);
	return kernel_execve(init_filename, argv_init, envp_init);
}

/*
 * Linux's try_to_run_init_process(): a missing file is quietly skipped.
 * *@runnable records a failure that is not "missing" or "not a program
 * this kernel runs" (ENOENT, ENOEXEC).
 */
static int try_to_run_init_process(const char *init_filename, bool *runnable)
{
	int ret = run_init_process(init_filename);

	if (ret && ret != -ENOENT)
		pr_err("Starting init: %s exists but couldn't execute it (error %d)\n",
		       init_filename, ret);
	if (ret && ret != -ENOENT && ret != -ENOEXEC)
		*runnable = true;
	return ret;
}

/* Is there a program to try at all: rdinit= (default /init), init=, a default? */
static bool init_program_exists(void)
{
	static const char *const defaults[] = { "/sbin/init", "/etc/init", "/bin/init", "/bin/sh" };
	unsigned int i;

	if (!init_eaccess(ramdisk_execute_command) || execute_command[0])
		return true;
	for (i = 0; i < ARRAY_SIZE(defaults); i++)
		if (!init_eaccess(defaults[i]))
			return true;
	return false;
}

/*
 * Become the init program, in Linux's order: rdinit= (default /init) if
 * the initramfs has it, else init= (whose failure panics, as Linux),
 * else the first of /sbin/init, /etc/init, /bin/init and /bin/sh that
 * runs. Return: 0 when this task now runs a program (kernel_init()
 * returns into it), -ENOENT when there is none to run: the kernel shell
 * then stays in init, as before user space existed. The shell also
 * stays when every candidate was missing or not a program this kernel
 * runs (ENOEXEC: a script, with no binfmt_script); any other failure
 * ends in Linux's "No working init found" panic.
 */
static int run_init(void)
{
	bool runnable = false;
	int ret;

	if (!init_program_exists()) {
		pr_info("No init program found; init runs the kernel's shell\n");
		return -ENOENT;
	}
	console_on_rootfs();
	if (!init_eaccess(ramdisk_execute_command)) {
		ret = run_init_process(ramdisk_execute_command);
		if (!ret)
			return 0;
		pr_err("Failed to execute %s (error %d)\n", ramdisk_execute_command, ret);
		if (ret != -ENOEXEC)
			runnable = true;
	}
	if (execute_command[0]) {
		ret = run_init_process(execute_command);
		if (!ret)
			return 0;
		panic("Requested init %s failed (error %d).", execute_command, ret);
	}
	if (!try_to_run_init_process("/sbin/init", &runnable) ||
	    !try_to_run_init_process("/etc/init", &runnable) ||
	    !try_to_run_init_process("/bin/init", &runnable) ||
	    !try_to_run_init_process("/bin/sh", &runnable))
		return 0;
	if (runnable)
		panic("No working init found.  Try passing init= option to kernel. "
		      "See Linux Documentation/admin-guide/init.rst for guidance.");
	pr_err("No working init found; init runs the kernel's shell\n");
	return -ENOENT;
}

/*
 * Linux's initcalls, in their order, called by name (there is no initcall
 * table): sysfs and debugfs with their files, then the drivers and /dev.
 * Fault injection is paused: it is for what runs afterwards, and a file
 * missing from /sys or /dev because of it would only confuse (the suites
 * that run under failslab= and fail_page_alloc= use them). A failure
 * costs the files or devices, not the boot.
 */
static void do_basic_setup(void)
{
	struct fault_injection_state paused;
	int err;

	fault_injection_pause(&paused);
	anon_inode_init();
	eventpoll_init();
	sock_init();
	unix_init();
	sysfs_init();
	mm_sysfs_init();
	driver_init();
	slab_sysfs_init();
	debugfs_init();
	memblock_init_debugfs();
	pageowner_init();
	lkdtm_debugfs_init();
	ptdump_debugfs_init();
	ktest_debugfs_init();
	err = devtmpfs_init();
	if (!err)
		err = chr_dev_init();
	if (!err)
		err = tty_init();
	if (!err)
		err = serial_tty_init();
	if (!err)
		err = devtmpfs_mount();
	fault_injection_resume(&paused);
	if (err)
		pr_err("devtmpfs: error %d, /dev is incomplete\n", err);
}

/*
 * What an init script does first: mount /proc, /sys and debugfs in it
 * (fault injection paused, as for do_basic_setup()).
 */
static void mount_proc_sys(void)
{
	struct fault_injection_state paused;
	int err;

	fault_injection_pause(&paused);
	if (proc_mount_boot())
		pr_err("Could not mount /proc\n");
	err = init_mkdir("/sys", 0755);
	if (err && err != -EEXIST)
		goto out;
	err = init_mount("sysfs", "/sys", "sysfs", 0, NULL);
	if (!err)
		err = init_mount("debugfs", "/sys/kernel/debug", "debugfs", 0, NULL);
out:
	fault_injection_resume(&paused);
	if (err && err != -EEXIST)
		pr_err("Cannot mount /sys and /sys/kernel/debug: %d\n", err);
}

/*
 * pid 1: unpacks the initramfs, runs the tests, then becomes the init
 * program and returns into it, or stays in the kernel shell for good.
 */
static int kernel_init(void *unused)
{
	do_basic_setup();
	populate_rootfs();
	mount_proc_sys();
	system_state = SYSTEM_RUNNING;
	announce_ready();
	lkdtm_boot();
	ktest_boot();
	if (!run_init())
		return 0;	/* into the init program (ret_from_fork) */
	if (ktest_user_boot())
		panic("ktest.user=1: no init program could be run");
	/* The shell sleeps until a key arrives, rather than spinning on the UART. */
	if (serial_enable_rx_irq())
		pr_info("serial: no IOAPIC route for IRQ 4, input stays polled\n");
	shell_run();
}

/* A task of rest_init()'s, not yet woken: swapper/0's child, as in Linux. */
static struct task_struct *boot_thread(int (*fn)(void *), const char *name)
{
	struct kernel_clone_args args = { .fn = fn, .name = name, .exit_signal = SIGCHLD };
	struct task_struct *p = copy_process(&args);

	BUG_ON(IS_ERR(p));
	return p;
}

static void __noreturn rest_init(void)
{
	struct fault_injection_state paused;
	struct task_struct *init;

	/* fail_page_alloc= and failslab= are for what runs, not for the two tasks it runs in. */
	fault_injection_pause(&paused);
	init = boot_thread(kernel_init, "init");
	BUG_ON(init->pid != 1);
	kthreadd_task = boot_thread(kthreadd, "kthreadd");
	BUG_ON(kthreadd_task->pid != 2);
	fault_injection_resume(&paused);
	/*
	 * Both on the boot CPU: init as Linux's init starts (the tests count
	 * on CPU 0); kthreadd so that a new kthread's stack comes from the
	 * cache on the CPU where init's kthreads die (kernel/fork.c).
	 */
	kthread_bind(kthreadd_task, smp_processor_id());
	wake_up_process(kthreadd_task);
	kthread_bind(init, smp_processor_id());
	wake_up_process(init);
	cpu_startup_entry(smp_processor_id(), init_stack);
}

void __noreturn start_kernel(u32 magic, u32 mbi_phys);
void __noreturn start_kernel(u32 magic, u32 mbi_phys)
{
	serial_init();
	trap_init();
	tsc_init();
	pr_notice("mmkernel: a Linux-style memory manager, x86-64\n");
	setup_arch(magic, mbi_phys);
	setup_per_cpu_areas();
	setup_pcid();
	random_init_early(boot_command_line);
	mm_core_init();
	radix_tree_init();
	fpu__init_system();
	proc_caches_init();
	cred_init();
	signals_init();
	anon_vma_init();
	fork_init();
	futex_init();
	lapic_ioremap();
	sched_init();
	init_timers();
	tick_init();
	timekeeping_init();
	smp_init();
	vfs_caches_init();
	proc_root_init();
	parse_kernel_params();
	rest_init();
}
