/*
 * regress/stop: job-control signals.  SIGSTOP and SIGTSTP stop a child,
 * wait4 reports the stop once with WUNTRACED and the continue once with
 * WCONTINUED; SIGCONT continues it (even when ignored) and runs its
 * handler if it has one; a signal sent to a stopped process waits for the
 * continue, except SIGKILL; SIGCHLD tells the parent of a stop unless it
 * asked SA_NOCLDSTOP; a caught or ignored SIGTSTP does not stop.
 * Prints each check that fails; exits with how many did.
 */

#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
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

static volatile sig_atomic_t nchld, ncont, ntstp;

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
catch(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

/* A child that sleeps in short naps forever. */
static pid_t
napper(void)
{
	struct timespec nap = { 0, 10 * 1000 * 1000 };
	pid_t pid;

	if ((pid = fork()) == 0)
		for (;;)
			nanosleep(&nap, NULL);
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

int
main(void)
{
	test_stop_continue();
	test_self_stop();
	test_ignored_and_caught();
	test_sigchld();
	printf("regress/stop: %d failures\n", failures);
	return failures;
}
