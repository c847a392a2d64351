// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of kernel/signal.c's sending side: the set operations, queueing
 * (standard signals coalesce, real-time ones queue in order with their
 * siginfo), process-directed signals on the shared queue, ignored signals
 * dropped unless blocked, stop and SIGCONT cancelling each other, a fatal
 * signal turning into a group exit, and kernel threads ignoring what is
 * not forced.
 *
 * The target is a task that never runs: a zeroed task_struct with a
 * signal_struct (copy_signal()) and a handler table (copy_sighand()) of
 * its own, as fork makes them, but never woken (wake-ups of a task that
 * was never started do nothing), so the test reads its queues as they are
 * left. Delivery, handlers and the frame are tested from user space
 * (tests/user/signal_calls.c, segv_kinds.c).
 */
#include <linux/ktest.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/cred.h>
#include <asm/signal.h>

/* A never-started process of its own, or NULL. */
static struct task_struct *fake_process(struct ktest *test)
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p) {
		KTEST_FAIL(test, "no memory");
		return NULL;
	}
	p->__state = TASK_UNINTERRUPTIBLE;
	p->pid = p->tgid = 0x7ffffff0;
	p->group_leader = p;
	p->cred = current->cred;
	INIT_LIST_HEAD(&p->thread_node);
	if (copy_signal(p)) {
		kfree(p);
		KTEST_FAIL(test, "no memory");
		return NULL;
	}
	p->sighand = &init_sighand;
	if (copy_sighand(0, p)) {
		kfree(p->signal);
		kfree(p);
		KTEST_FAIL(test, "no memory");
		return NULL;
	}
	sigemptyset(&p->blocked);
	return p;
}

static void fake_process_free(struct task_struct *p)
{
	exit_signals_free(p);
	kfree(p->signal);
	kfree(p);
}

static int queued(const struct sigpending *pending, int sig)
{
	const struct sigqueue *q;
	int n = 0;

	list_for_each_entry(q, &pending->list, list)
		n += q->info.si_signo == sig;
	return n;
}

static void set_handler(struct task_struct *p, int sig, __sighandler_t handler)
{
	p->sighand->action[sig - 1].sa.sa_handler = handler;
}

static void sigset_operations_match_the_bits(struct ktest *test)
{
	sigset_t a, b, r;

	sigemptyset(&a);
	KTEST_EXPECT_TRUE(test, sigisemptyset(&a));
	sigaddset(&a, SIGHUP);
	sigaddset(&a, SIGRTMAX);
	KTEST_EXPECT_EQ(test, a.sig[0], 1UL | (1UL << 63));
	KTEST_EXPECT_TRUE(test, sigismember(&a, SIGRTMAX));
	KTEST_EXPECT_EQ(test, first_signal(&a), SIGHUP);
	sigdelset(&a, SIGHUP);
	KTEST_EXPECT_EQ(test, first_signal(&a), SIGRTMAX);
	siginitset(&b, sigmask(SIGUSR1) | sigmask(SIGRTMAX));
	sigandnsets(&r, &b, &a);
	KTEST_EXPECT_EQ(test, r.sig[0], sigmask(SIGUSR1));
	sigorsets(&r, &a, &b);
	KTEST_EXPECT_EQ(test, r.sig[0], sigmask(SIGUSR1) | sigmask(SIGRTMAX));
	KTEST_EXPECT_TRUE(test, sig_kernel_only(SIGKILL) && sig_kernel_only(SIGSTOP));
	KTEST_EXPECT_TRUE(test, sig_kernel_stop(SIGTSTP) && !sig_kernel_stop(SIGCONT));
	KTEST_EXPECT_TRUE(test, sig_kernel_coredump(SIGSEGV) && !sig_kernel_coredump(SIGTERM));
	KTEST_EXPECT_TRUE(test, sig_kernel_ignore(SIGCHLD) && !sig_kernel_ignore(SIGRTMIN));
}

static void standard_signals_coalesce_on_the_shared_queue(struct ktest *test)
{
	struct task_struct *p = fake_process(test);

	if (!p)
		return;
	set_handler(p, SIGUSR1, (__sighandler_t)0x1000);
	KTEST_EXPECT_EQ(test, send_sig(SIGUSR1, p, 0), 0);
	KTEST_EXPECT_EQ(test, send_sig(SIGUSR1, p, 0), 0);
	KTEST_EXPECT_EQ(test, queued(&p->signal->shared_pending, SIGUSR1), 1);
	KTEST_EXPECT_TRUE(test, sigismember(&p->signal->shared_pending.signal, SIGUSR1));
	KTEST_EXPECT_FALSE(test, sigismember(&p->pending.signal, SIGUSR1));
	KTEST_EXPECT_TRUE(test, signal_pending(p));
	fake_process_free(p);
}

static void realtime_signals_queue_each_instance_in_order(struct ktest *test)
{
	struct task_struct *p = fake_process(test);
	kernel_siginfo_t info;
	struct sigqueue *q;
	int i = 0;

	if (!p)
		return;
	set_handler(p, SIGRTMIN, (__sighandler_t)0x1000);
	for (i = 0; i < 3; i++) {
		clear_siginfo(&info);
		info.si_signo = SIGRTMIN;
		info.si_code = SI_QUEUE;
		info.si_int = i;
		KTEST_EXPECT_EQ(test, send_sig_info(SIGRTMIN, &info, p), 0);
	}
	KTEST_EXPECT_EQ(test, queued(&p->signal->shared_pending, SIGRTMIN), 3);
	i = 0;
	list_for_each_entry(q, &p->signal->shared_pending.list, list)
		KTEST_EXPECT_EQ(test, q->info.si_int, i++);
	fake_process_free(p);
}

static void ignored_signals_are_dropped_unless_blocked(struct ktest *test)
{
	struct task_struct *p = fake_process(test);

	if (!p)
		return;
	send_sig(SIGCHLD, p, 0);		/* ignored by default */
	set_handler(p, SIGUSR2, SIG_IGN);
	send_sig(SIGUSR2, p, 0);
	KTEST_EXPECT_FALSE(test, signal_pending(p));
	KTEST_EXPECT_TRUE(test, list_empty(&p->signal->shared_pending.list));
	sigaddset(&p->blocked, SIGUSR2);
	send_sig(SIGUSR2, p, 0);
	KTEST_EXPECT_EQ(test, queued(&p->signal->shared_pending, SIGUSR2), 1);
	KTEST_EXPECT_FALSE(test, signal_pending(p));	/* blocked */
	fake_process_free(p);
}

static void sigcont_and_stop_signals_cancel_each_other(struct ktest *test)
{
	struct task_struct *p = fake_process(test);

	if (!p)
		return;
	sigaddset(&p->blocked, SIGTSTP);
	sigaddset(&p->blocked, SIGCONT);
	send_sig(SIGTSTP, p, 0);
	KTEST_EXPECT_EQ(test, queued(&p->signal->shared_pending, SIGTSTP), 1);
	send_sig(SIGCONT, p, 0);
	KTEST_EXPECT_EQ(test, queued(&p->signal->shared_pending, SIGTSTP), 0);
	KTEST_EXPECT_EQ(test, queued(&p->signal->shared_pending, SIGCONT), 1);
	send_sig(SIGSTOP, p, 0);
	KTEST_EXPECT_EQ(test, queued(&p->signal->shared_pending, SIGCONT), 0);
	KTEST_EXPECT_FALSE(test, sigismember(&p->signal->shared_pending.signal, SIGCONT));
	fake_process_free(p);
}

static void a_fatal_signal_becomes_a_group_exit(struct ktest *test)
{
	struct task_struct *p = fake_process(test);

	if (!p)
		return;
	send_sig(SIGTERM, p, 0);
	KTEST_EXPECT_TRUE(test, p->signal->flags & SIGNAL_GROUP_EXIT);
	KTEST_EXPECT_EQ(test, p->signal->group_exit_code, SIGTERM);
	KTEST_EXPECT_TRUE(test, fatal_signal_pending(p));
	/* Nothing more is queued for a dying process. */
	send_sig(SIGUSR1, p, 0);
	KTEST_EXPECT_EQ(test, queued(&p->signal->shared_pending, SIGUSR1), 0);
	fake_process_free(p);
}

static void a_handled_or_core_signal_is_not_a_group_exit(struct ktest *test)
{
	struct task_struct *p = fake_process(test);

	if (!p)
		return;
	send_sig(SIGSEGV, p, 0);	/* core: get_signal() decides, with the status bit */
	set_handler(p, SIGTERM, (__sighandler_t)0x1000);
	send_sig(SIGTERM, p, 0);
	KTEST_EXPECT_FALSE(test, p->signal->flags & SIGNAL_GROUP_EXIT);
	KTEST_EXPECT_FALSE(test, fatal_signal_pending(p));
	fake_process_free(p);
}

static void init_gets_only_the_signals_it_handles(struct ktest *test)
{
	struct task_struct *p = fake_process(test);

	if (!p)
		return;
	p->signal->flags |= SIGNAL_UNKILLABLE;
	send_sig(SIGTERM, p, 0);
	send_sig(SIGKILL, p, 0);
	KTEST_EXPECT_FALSE(test, signal_pending(p));
	set_handler(p, SIGTERM, (__sighandler_t)0x1000);
	send_sig(SIGTERM, p, 0);
	KTEST_EXPECT_TRUE(test, signal_pending(p));
	fake_process_free(p);
}

static void kernel_threads_ignore_what_is_not_forced(struct ktest *test)
{
	struct task_struct *p = fake_process(test);

	if (!p)
		return;
	p->flags |= PF_KTHREAD;
	send_sig(SIGKILL, p, 1);
	KTEST_EXPECT_FALSE(test, signal_pending(p));
	fake_process_free(p);
}

static void invalid_signals_are_refused(struct ktest *test)
{
	struct task_struct *p = fake_process(test);

	if (!p)
		return;
	KTEST_EXPECT_EQ(test, send_sig(0, p, 0), -EINVAL);
	KTEST_EXPECT_EQ(test, send_sig(_NSIG + 1, p, 0), -EINVAL);
	fake_process_free(p);
}

static struct ktest_case signal_cases[] = {
	KTEST_CASE(sigset_operations_match_the_bits),
	KTEST_CASE(standard_signals_coalesce_on_the_shared_queue),
	KTEST_CASE(realtime_signals_queue_each_instance_in_order),
	KTEST_CASE(ignored_signals_are_dropped_unless_blocked),
	KTEST_CASE(sigcont_and_stop_signals_cancel_each_other),
	KTEST_CASE(a_fatal_signal_becomes_a_group_exit),
	KTEST_CASE(a_handled_or_core_signal_is_not_a_group_exit),
	KTEST_CASE(init_gets_only_the_signals_it_handles),
	KTEST_CASE(kernel_threads_ignore_what_is_not_forced),
	KTEST_CASE(invalid_signals_are_refused),
	{}
};

/*
 * The cases read the queues, so their sigqueues must be allocated: fault
 * injection is paused (a failed allocation leaves only the pending bit,
 * or -EAGAIN for a real-time signal from user space, as Linux).
 */
static struct ktest_suite signal_suite = {
	.name = "signal",
	.test_cases = signal_cases,
	.init = ktest_pause_fault_injection,
	.exit = ktest_resume_fault_injection,
};
ktest_register_suite(signal_suite);
