/*
 * regress/rusage: getrusage(2) and wait4(2)'s usage.  A child that
 * spins in user mode shows user time, one that touches fresh pages shows
 * page faults, one that sleeps shows voluntary switches, one that catches
 * signals counts them; a reaped grandchild's time reaches the parent
 * through its child; RUSAGE_CHILDREN holds the reaped ones; and the
 * errors.  Prints each check that fails; exits with how many did.
 */

#include <sys/types.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SPIN_MS		100	/* CPU time each spinner burns */
#define PAGES		16	/* fresh pages the toucher writes */

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/rusage: line %d: %s\n", __LINE__, #e);\
		failures++;						\
	}								\
} while (0)

static long
usec(const struct timeval *tv)
{
	return tv->tv_sec * 1000000L + tv->tv_usec;
}

/*
 * Burn ms of this process's CPU time, nearly all in user mode: a long
 * loop between the system calls that read the clock.
 */
static void
spin(int ms)
{
	struct timespec ts;
	volatile int i;

	do {
		for (i = 0; i < 20000; i++)
			continue;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	} while (ts.tv_sec * 1000L + ts.tv_nsec / 1000000 < ms);
}

static void
on_usr1(int sig)
{
	(void)sig;
}

/* Fork fn into a child, wait for it with wait4; its usage in *ru. */
static int
child_usage(void (*fn)(void), struct rusage *ru)
{
	int status;
	pid_t pid;

	if ((pid = fork()) == 0) {
		fn();
		_exit(0);
	}
	memset(ru, 0xff, sizeof(*ru));
	if (wait4(pid, &status, 0, ru) != pid)
		return -1;
	return status;
}

static void
spinner(void)
{
	spin(SPIN_MS);
}

static char fresh[PAGES * 4096];	/* bss: no page until touched */

static void
toucher(void)
{
	volatile char *p = fresh;
	int i;

	for (i = 0; i < PAGES; i++)
		p[i * 4096] = 1;
}

static void
sleeper(void)
{
	struct timespec ms = { 0, 1000000 };
	int i;

	for (i = 0; i < 3; i++)
		nanosleep(&ms, NULL);
}

static void
catcher(void)
{
	int i;

	signal(SIGUSR1, on_usr1);
	for (i = 0; i < 3; i++)
		kill(getpid(), SIGUSR1);
}

/* A child whose own child spins: the grandchild's time is in its usage. */
static void
grandparent_of_spinner(void)
{
	int status;

	if (fork() == 0) {
		spin(SPIN_MS);
		_exit(0);
	}
	wait(&status);
}

static void
test_children(void)
{
	struct rusage ru, before, after;

	CHECK(getrusage(RUSAGE_CHILDREN, &before) == 0);
	CHECK(child_usage(spinner, &ru) == 0);
	printf("regress/rusage: spinner: user %ld us, system %ld us\n",
	    usec(&ru.ru_utime), usec(&ru.ru_stime));
	CHECK(usec(&ru.ru_utime) >= SPIN_MS * 1000 * 8 / 10);
	CHECK(usec(&ru.ru_utime) > usec(&ru.ru_stime));
	CHECK(ru.ru_utime.tv_usec < 1000000 && ru.ru_stime.tv_usec < 1000000);
	CHECK(ru.ru_maxrss > 0);
	CHECK(ru.ru_majflt == 0 && ru.ru_nswap == 0);
	CHECK(getrusage(RUSAGE_CHILDREN, &after) == 0);
	CHECK(usec(&after.ru_utime) - usec(&before.ru_utime) >=
	    usec(&ru.ru_utime));

	CHECK(child_usage(toucher, &ru) == 0);
	CHECK(ru.ru_minflt >= PAGES);

	CHECK(child_usage(sleeper, &ru) == 0);
	CHECK(ru.ru_nvcsw >= 3);

	CHECK(child_usage(catcher, &ru) == 0);
	CHECK(ru.ru_nsignals == 3);

	CHECK(child_usage(grandparent_of_spinner, &ru) == 0);
	CHECK(usec(&ru.ru_utime) >= SPIN_MS * 1000 * 8 / 10);
}

static void
test_self(void)
{
	struct rusage a, b;
	pid_t pid;
	int status;

	CHECK(getrusage(RUSAGE_SELF, &a) == 0);
	spin(SPIN_MS);				/* our own CPU time: at least */
	CHECK(getrusage(RUSAGE_SELF, &b) == 0);
	CHECK(usec(&b.ru_utime) + usec(&b.ru_stime) >= SPIN_MS * 1000 * 8 / 10);
	CHECK(usec(&b.ru_utime) >= usec(&a.ru_utime));
	CHECK(getrusage(RUSAGE_THREAD, &b) == 0);
	CHECK(getrusage(99, &b) == -1 && errno == EINVAL);
	CHECK(getrusage(RUSAGE_SELF, (struct rusage *)0xc0000000) == -1 &&
	    errno == EFAULT);
	if ((pid = fork()) == 0)
		_exit(3);
	CHECK(wait4(pid, &status, 0, (struct rusage *)0xc0000000) == -1 &&
	    errno == EFAULT);
	/* A stop is reported with a zeroed usage (only an exit has one). */
	if ((pid = fork()) == 0)
		for (;;)
			sched_yield();
	kill(pid, SIGSTOP);
	memset(&a, 0x5a, sizeof(a));
	CHECK(wait4(pid, &status, WUNTRACED, &a) == pid && WIFSTOPPED(status));
	CHECK(usec(&a.ru_utime) == 0 && a.ru_minflt == 0 && a.ru_nvcsw == 0);
	kill(pid, SIGKILL);
	CHECK(wait4(pid, &status, 0, NULL) == pid && WIFSIGNALED(status));
}

int
main(void)
{
	test_children();
	test_self();
	printf("regress/rusage: %d failures\n", failures);
	return failures;
}
