/*
 * regress/signal: sigaction, kill, sigprocmask, sigpending, sigsuspend
 * and sigreturn from a program, as POSIX and OpenBSD describe them.
 * Prints each check that fails; exits with how many did.
 */

#include <sys/types.h>
#include <sys/wait.h>
#include <machine/psl.h>
#include <machine/signal.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures;
static volatile int caught, caught_sig, depth;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/signal: line %d: %s\n", __LINE__, #e);	\
		failures++;						\
	}								\
} while (0)

static void
handler(int sig)
{
	caught++;
	caught_sig = sig;
}

/* A handler runs on the way back from kill, and the program goes on. */
static void
test_handler(void)
{
	struct sigaction sa = { .sa_handler = handler }, osa;
	volatile int before = 12345;

	caught = 0;
	CHECK(sigaction(SIGUSR1, &sa, &osa) == 0);
	CHECK(osa.sa_handler == SIG_DFL);
	CHECK(kill(getpid(), SIGUSR1) == 0);
	CHECK(caught == 1 && caught_sig == SIGUSR1);
	CHECK(before == 12345);		/* sigreturn restored the frame */
	CHECK(sigaction(SIGUSR1, NULL, &osa) == 0 && osa.sa_handler == handler);
}

/* Blocked: pending, delivered once unblocked. */
static void
test_mask(void)
{
	sigset_t set, old, pend;

	caught = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK(sigprocmask(SIG_BLOCK, &set, &old) == 0);
	CHECK(kill(getpid(), SIGUSR1) == 0);
	CHECK(caught == 0);
	CHECK(sigpending(&pend) == 0 && sigismember(&pend, SIGUSR1));
	CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0);
	CHECK(caught == 1);
	CHECK(sigprocmask(99, &set, NULL) == -1 && errno == EINVAL);
}

/* SIG_IGN: nothing happens; SIGKILL and SIGSTOP take no action. */
static void
test_ignore_and_cant(void)
{
	struct sigaction ign = { .sa_handler = SIG_IGN };

	CHECK(sigaction(SIGTERM, &ign, NULL) == 0);
	CHECK(kill(getpid(), SIGTERM) == 0);	/* still here */
	CHECK(sigaction(SIGKILL, &ign, NULL) == -1 && errno == EINVAL);
	CHECK(sigaction(SIGSTOP, &ign, NULL) == -1 && errno == EINVAL);
	CHECK(sigaction(0, &ign, NULL) == -1 && errno == EINVAL);
	CHECK(sigaction(NSIG, &ign, NULL) == -1 && errno == EINVAL);
	CHECK(kill(getpid(), 99) == -1 && errno == EINVAL);
}

/* A child inherits the handler and the mask, not the pending signals. */
static void
test_fork(void)
{
	sigset_t set, old, pend;
	int status;
	pid_t pid;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, &old);
	kill(getpid(), SIGUSR2);		/* pending in the parent */
	if ((pid = fork()) == 0) {
		sigset_t mask;

		sigpending(&pend);
		sigprocmask(SIG_BLOCK, NULL, &mask);
		caught = 0;
		kill(getpid(), SIGUSR1);	/* the inherited handler */
		_exit((sigismember(&pend, SIGUSR2) ? 1 : 0) |
		    (sigismember(&mask, SIGUSR2) ? 0 : 2) |
		    (caught == 1 ? 0 : 4));
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status));
	CHECK(WEXITSTATUS(status) == 0);
	signal(SIGUSR2, SIG_IGN);		/* drop the parent's */
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* The default action of SIGTERM ends a child; its status says so. */
static void
test_default_kill(void)
{
	int status;
	pid_t pid;

	/* Before the fork: the child must not start with SIGTERM ignored. */
	signal(SIGTERM, SIG_DFL);
	if ((pid = fork()) == 0) {
		for (;;)
			sched_yield();
	}
	CHECK(kill(pid, SIGTERM) == 0);
	CHECK(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGTERM);
}

/* sigsuspend waits for a signal with a mask, then restores the old one. */
static void
test_sigsuspend(void)
{
	sigset_t block, none, now;
	pid_t pid;

	caught = 0;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	if ((pid = fork()) == 0) {
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	sigemptyset(&none);
	CHECK(sigsuspend(&none) == -1 && errno == EINTR);
	CHECK(caught == 1);
	sigprocmask(SIG_BLOCK, NULL, &now);
	CHECK(sigismember(&now, SIGUSR1));	/* the old mask is back */
	waitpid(pid, NULL, 0);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
}

/*
 * What a handler does to its signal context before it returns: the
 * trampoline passes (signum, siginfo, context) to every handler, as
 * OpenBSD's does, and sigreturn(2) restores the context.
 */
static int bad_kind;

static void
spoil_context(int sig, void *sip, struct sigcontext *scp)
{
	(void)sig;
	(void)sip;
	switch (bad_kind) {
	case 0:
		scp->sc_eflags &= ~PSL_I;	/* user code with interrupts off */
		break;
	case 1:
		scp->sc_ds = 0x0b;		/* the kernel's code, RPL 3 */
		break;
	case 2:
		scp->sc_gs = 0x3b;		/* the boot TSS, RPL 3 */
		break;
	case 3:
		scp->sc_cs = 0x0b;		/* kernel code for user code */
		break;
	}
}

/*
 * sigreturn refuses a context a user could not have had: interrupts off,
 * a segment register naming anything but its own user segment.  The
 * kernel would have faulted loading it on the way out (a panic) or run
 * the process with interrupts off.  EINVAL, and the trampoline exits
 * the process instead of resuming it: the _exit(42) after raise() is
 * never reached.
 */
static void
test_sigreturn_rejects(void)
{
	int status;
	pid_t pid;

	for (bad_kind = 0; bad_kind < 4; bad_kind++) {
		if ((pid = fork()) == 0) {
			signal(SIGUSR1, (void (*)(int))(void (*)(void))
			    spoil_context);
			raise(SIGUSR1);
			_exit(42);
		}
		CHECK(waitpid(pid, &status, 0) == pid);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) != 42);
	}
}

/* Page 0 is never mapped; volatile, so the compiler keeps the store. */
static volatile int *volatile nowhere = (volatile int *)16;

static void
on_segv(int sig)
{
	_exit(sig == SIGSEGV ? 9 : 8);
}

/*
 * A fault is SIGSEGV for the process: a handler gets it; blocked or
 * ignored, or at its default, the process is killed by it.
 */
static void
test_fault_signal(void)
{
	sigset_t set;
	int status, how;
	pid_t pid;

	for (how = 0; how < 4; how++) {
		if ((pid = fork()) == 0) {
			if (how == 1)
				signal(SIGSEGV, on_segv);
			if (how == 2) {
				signal(SIGSEGV, on_segv);
				sigemptyset(&set);
				sigaddset(&set, SIGSEGV);
				sigprocmask(SIG_BLOCK, &set, NULL);
			}
			if (how == 3)
				signal(SIGSEGV, SIG_IGN);
			*nowhere = 1;		/* unmapped */
			_exit(42);
		}
		CHECK(waitpid(pid, &status, 0) == pid);
		if (how == 1)
			CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 9);
		else
			CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	}
}

static volatile int si_seen_signo, si_seen_code;
static void *volatile si_seen_addr;
static volatile int si_seen_ctx;

static void
on_info(int sig, siginfo_t *si, void *ctx)
{
	si_seen_signo = si != NULL ? si->si_signo : -sig;
	si_seen_code = si != NULL ? si->si_code : -1;
	si_seen_addr = si != NULL ? si->si_addr : NULL;
	si_seen_ctx = ctx != NULL;
	if (sig == SIGSEGV)
		_exit(si_seen_code == SEGV_MAPERR &&
		    si_seen_addr == (void *)nowhere ? 10 : 11);
}

/*
 * SA_SIGINFO: sa_sigaction gets a siginfo_t: SI_USER for kill(2), and for
 * a fault SEGV_MAPERR with the address in si_addr; without SA_SIGINFO
 * the second argument is NULL.
 */
static void
test_siginfo(void)
{
	struct sigaction sa;
	int status;
	pid_t pid;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_info;
	sa.sa_flags = SA_SIGINFO;
	CHECK(sigaction(SIGUSR2, &sa, NULL) == 0);
	CHECK(kill(getpid(), SIGUSR2) == 0);
	CHECK(si_seen_signo == SIGUSR2);
	CHECK(si_seen_code == SI_USER);
	CHECK(si_seen_ctx);
	sa.sa_flags = 0;
	CHECK(sigaction(SIGUSR2, &sa, NULL) == 0);
	CHECK(kill(getpid(), SIGUSR2) == 0);
	CHECK(si_seen_signo == -SIGUSR2);	/* no siginfo */
	signal(SIGUSR2, SIG_DFL);
	if ((pid = fork()) == 0) {
		sa.sa_flags = SA_SIGINFO;
		sigaction(SIGSEGV, &sa, NULL);
		*nowhere = 1;
		_exit(42);
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 10);
}

int
main(void)
{
	test_handler();
	test_mask();
	test_ignore_and_cant();
	test_fork();
	test_default_kill();
	test_sigsuspend();
	test_sigreturn_rejects();
	test_fault_signal();
	test_siginfo();
	printf("regress/signal: %d failures\n", failures);
	return failures;
}
