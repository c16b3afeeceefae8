/*
 * regress/stop: job-control signals.  SIGSTOP and SIGTSTP stop a child,
 * wait4 reports the stop once with WUNTRACED and the continue once with
 * WCONTINUED; SIGCONT continues it (even when ignored) and runs its
 * handler if it has one; a signal sent to a stopped process waits for the
 * continue, except SIGKILL; SIGCHLD tells the parent of a stop unless it
 * asked SA_NOCLDSTOP; a caught or ignored SIGTSTP does not stop.
 * Orphaned process groups: a terminal's stop signal (SIGTSTP, SIGTTIN,
 * SIGTTOU) with its default action does not stop a process of one,
 * SIGSTOP does; a group that becomes orphaned with a stopped member gets
 * SIGHUP and SIGCONT.
 * Prints each check that fails; exits with how many did.
 */

#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/stop: line %d: %s\n", __LINE__, #e);	\
		failures++;						\
	}								\
} while (0)

static volatile sig_atomic_t nchld, ncont, ntstp, nhup;

static void
on_chld(int sig)
{
	(void)sig;
	nchld++;
}

static void
on_cont(int sig)
{
	(void)sig;
	ncont++;
}

static void
on_tstp(int sig)
{
	(void)sig;
	ntstp++;
}

static void
on_hup(int sig)
{
	(void)sig;
	nhup++;
}

static void
catch(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

/*
 * A child that sleeps in short naps forever, in a process group of its
 * own: its tie to us, a parent in another group of the session, keeps
 * the group from being orphaned, so SIGTSTP can stop it.  (Our own
 * group may well be orphaned: our parent may be in another session.)
 */
static pid_t
napper(void)
{
	struct timespec nap = { 0, 10 * 1000 * 1000 };
	pid_t pid;

	if ((pid = fork()) == 0) {
		setpgid(0, 0);
		for (;;)
			nanosleep(&nap, NULL);
	}
	setpgid(pid, pid);
	return pid;
}

/* Wait for pid with options; its status, or -1 if wait4 said otherwise. */
static int
status_of(pid_t pid, int options)
{
	int status;

	return waitpid(pid, &status, options) == pid ? status : -1;
}

static void
test_stop_continue(void)
{
	pid_t pid = napper();
	int st;

	CHECK(kill(pid, SIGSTOP) == 0);
	st = status_of(pid, WUNTRACED);
	CHECK(st != -1 && WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP);
	CHECK(!WIFEXITED(st) && !WIFSIGNALED(st) && !WIFCONTINUED(st));
	/* Reported once; and never without WUNTRACED. */
	CHECK(waitpid(pid, &st, WNOHANG | WUNTRACED) == 0);
	CHECK(waitpid(pid, &st, WNOHANG) == 0);
	CHECK(kill(pid, SIGCONT) == 0);
	st = status_of(pid, WCONTINUED);
	CHECK(st != -1 && WIFCONTINUED(st) && !WIFSTOPPED(st));
	CHECK(waitpid(pid, &st, WNOHANG | WCONTINUED) == 0);
	/* SIGTSTP's default stops too. */
	CHECK(kill(pid, SIGTSTP) == 0);
	st = status_of(pid, WUNTRACED);
	CHECK(st != -1 && WIFSTOPPED(st) && WSTOPSIG(st) == SIGTSTP);
	/* SIGTERM waits for the continue; SIGKILL does not. */
	CHECK(kill(pid, SIGTERM) == 0);
	CHECK(waitpid(pid, &st, WNOHANG) == 0);
	CHECK(kill(pid, SIGCONT) == 0);
	st = status_of(pid, 0);
	CHECK(st != -1 && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);

	pid = napper();
	CHECK(kill(pid, SIGSTOP) == 0);
	st = status_of(pid, WUNTRACED);
	CHECK(st != -1 && WIFSTOPPED(st));
	CHECK(kill(pid, SIGKILL) == 0);
	st = status_of(pid, 0);
	CHECK(st != -1 && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
}

/* A child stops itself; its SIGCONT handler runs once continued. */
static void
test_self_stop(void)
{
	int fds[2], st, flags;
	pid_t pid;
	char c = 0;

	CHECK(pipe(fds) == 0);
	if ((pid = fork()) == 0) {
		catch(SIGCONT, on_cont, 0);
		kill(getpid(), SIGSTOP);
		c = ncont == 1 ? 'y' : 'n';	/* the handler ran first */
		write(fds[1], &c, 1);
		_exit(0);
	}
	close(fds[1]);
	st = status_of(pid, WUNTRACED);
	CHECK(st != -1 && WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP);
	flags = fcntl(fds[0], F_GETFL);
	fcntl(fds[0], F_SETFL, flags | O_NONBLOCK);
	CHECK(read(fds[0], &c, 1) == -1 && errno == EAGAIN);	/* stopped */
	fcntl(fds[0], F_SETFL, flags);
	CHECK(kill(pid, SIGCONT) == 0);
	CHECK(read(fds[0], &c, 1) == 1 && c == 'y');
	CHECK(status_of(pid, 0) == 0);
	close(fds[0]);
}

/* An ignored SIGCONT still continues; a caught or ignored SIGTSTP
 * does not stop. */
static void
test_ignored_and_caught(void)
{
	int fds[2], st;
	pid_t pid;
	char c;

	CHECK(pipe(fds) == 0);
	if ((pid = fork()) == 0) {
		catch(SIGCONT, SIG_IGN, 0);
		catch(SIGTSTP, on_tstp, 0);
		kill(getpid(), SIGTSTP);		/* handled, no stop */
		c = ntstp == 1 ? 't' : 'n';
		write(fds[1], &c, 1);
		catch(SIGTSTP, SIG_IGN, 0);
		kill(getpid(), SIGTSTP);		/* ignored, no stop */
		kill(getpid(), SIGSTOP);		/* this one stops */
		c = 'c';
		write(fds[1], &c, 1);
		_exit(0);
	}
	close(fds[1]);
	CHECK(read(fds[0], &c, 1) == 1 && c == 't');
	st = status_of(pid, WUNTRACED);
	CHECK(st != -1 && WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP);
	CHECK(kill(pid, SIGCONT) == 0);
	CHECK(read(fds[0], &c, 1) == 1 && c == 'c');
	CHECK(status_of(pid, 0) == 0);
	close(fds[0]);
}

/* SIGCHLD for a stop, unless SA_NOCLDSTOP. */
static void
test_sigchld(void)
{
	pid_t pid;
	int st;

	catch(SIGCHLD, on_chld, SA_RESTART);
	pid = napper();
	nchld = 0;
	kill(pid, SIGSTOP);
	st = status_of(pid, WUNTRACED);
	CHECK(st != -1 && WIFSTOPPED(st));
	CHECK(nchld == 1);
	kill(pid, SIGKILL);
	CHECK(status_of(pid, 0) != -1);

	catch(SIGCHLD, on_chld, SA_RESTART | SA_NOCLDSTOP);
	pid = napper();
	nchld = 0;
	kill(pid, SIGSTOP);
	st = status_of(pid, WUNTRACED);
	CHECK(st != -1 && WIFSTOPPED(st));
	CHECK(nchld == 0);
	kill(pid, SIGKILL);
	CHECK(status_of(pid, 0) != -1);
	CHECK(nchld == 1);			/* the exit still tells */
	catch(SIGCHLD, SIG_DFL, 0);
}

/*
 * The leader of a new session, in an orphaned group (its parent is in
 * another session): SIGTSTP, SIGTTIN and SIGTTOU do not stop it, sent
 * or left pending while blocked; a caught SIGTSTP's handler runs; a
 * child of its own group is not orphaned, and stops.  Its failures.
 */
static int
orphan_leader(void)
{
	sigset_t set, pending;
	pid_t pid;
	int st;

	failures = 0;
	CHECK(setsid() == getpid());
	CHECK(kill(getpid(), SIGTSTP) == 0);
	CHECK(kill(getpid(), SIGTTIN) == 0);
	CHECK(kill(getpid(), SIGTTOU) == 0);
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	CHECK(kill(getpid(), SIGTSTP) == 0);
	CHECK(sigpending(&pending) == 0 && sigismember(&pending, SIGTSTP));
	sigprocmask(SIG_UNBLOCK, &set, NULL);	/* discarded, no stop */
	CHECK(sigpending(&pending) == 0 && !sigismember(&pending, SIGTSTP));
	catch(SIGTSTP, on_tstp, 0);
	ntstp = 0;
	CHECK(kill(getpid(), SIGTSTP) == 0 && ntstp == 1);
	catch(SIGTSTP, SIG_DFL, 0);

	pid = napper();
	CHECK(kill(pid, SIGTSTP) == 0);
	st = status_of(pid, WUNTRACED);
	CHECK(st != -1 && WIFSTOPPED(st) && WSTOPSIG(st) == SIGTSTP);
	kill(pid, SIGKILL);
	CHECK(status_of(pid, 0) != -1);
	return failures;
}

/*
 * Orphaned: the tty stop signals are discarded (orphan_leader), and
 * then SIGSTOP, which is not a terminal's, stops it all the same.
 */
static void
test_orphaned_stop(void)
{
	pid_t pid;
	int st;

	if ((pid = fork()) == 0) {
		orphan_leader();
		kill(getpid(), SIGSTOP);
		_exit(failures);
	}
	st = status_of(pid, WUNTRACED);
	/* Stopped by SIGTSTP (or SIGTTIN, SIGTTOU) would be a failure. */
	CHECK(st != -1 && WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP);
	if (st != -1 && WIFSTOPPED(st))
		kill(pid, WSTOPSIG(st) == SIGSTOP ? SIGCONT : SIGKILL);
	st = status_of(pid, 0);
	CHECK(st != -1 && WIFEXITED(st));
	if (st != -1 && WIFEXITED(st))
		failures += WEXITSTATUS(st);
}

/*
 * A group that becomes orphaned with a stopped member is hung up.  In a
 * new session, the leader's child c takes a group of its own (not
 * orphaned: the leader ties it) and stops itself; the leader exits, so
 * c's group is orphaned: c gets SIGHUP, then SIGCONT, and tells us over
 * the pipe.  The leader gives us c's pid, to clean up if it stays
 * stopped.
 */
static void
test_orphaned_hangup(void)
{
	struct pollfd pf;
	int fds[2], st;
	pid_t pid, c = -1;
	char ch = 0;

	CHECK(pipe(fds) == 0);
	if ((pid = fork()) == 0) {
		setsid();
		if ((c = fork()) == 0) {
			setpgid(0, 0);
			catch(SIGHUP, on_hup, 0);
			kill(getpid(), SIGSTOP);
			ch = nhup == 1 ? 'h' : 'n';	/* SIGHUP came first */
			write(fds[1], &ch, 1);
			_exit(0);
		}
		setpgid(c, c);
		st = status_of(c, WUNTRACED);
		write(fds[1], &c, sizeof(c));
		_exit(st != -1 && WIFSTOPPED(st) ? 0 : 1);
	}
	close(fds[1]);
	CHECK(read(fds[0], &c, sizeof(c)) == sizeof(c));
	st = status_of(pid, 0);
	CHECK(st == 0);				/* c stopped, the leader gone */
	pf.fd = fds[0];
	pf.events = POLLIN;
	CHECK(poll(&pf, 1, 5000) == 1);
	if (pf.revents & POLLIN)
		CHECK(read(fds[0], &ch, 1) == 1 && ch == 'h');
	if (ch != 'h' && c > 0)
		kill(c, SIGKILL);		/* still stopped: init reaps it */
	close(fds[0]);
}

int
main(void)
{
	test_stop_continue();
	test_self_stop();
	test_ignored_and_caught();
	test_sigchld();
	test_orphaned_stop();
	test_orphaned_hangup();
	printf("regress/stop: %d failures\n", failures);
	return failures;
}
