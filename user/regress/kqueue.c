/*
 * regress/kqueue: kqueue(2) and kevent(2) as OpenBSD documents them:
 * EVFILT_PROC (NOTE_FORK, NOTE_EXEC, NOTE_EXIT with the wait status,
 * NOTE_TRACK over a three-level tree with NOTE_CHILD events), pipes
 * (EVFILT_READ, EVFILT_WRITE, EV_EOF), the console, EVFILT_SIGNAL,
 * EVFILT_TIMER's period, the EV_ flags, timeouts and EINTR, the errors,
 * and no knote left in the pool after close.  Prints each check that
 * fails; exits with how many did.
 */

#include <sys/types.h>
#include <sys/event.h>
#include <sys/sysctl.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/kqueue: line %d: %s\n", __LINE__, #e);	\
		failures++;						\
	}								\
} while (0)

#define BADPTR	((void *)0xc0000000)	/* kernel space: EFAULT */

static const struct timespec zero_ts = { 0, 0 };

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

/* One change to kq: kevent's result (0, or -1 with errno). */
static int
change(int kq, __uintptr_t ident, short filter, u_short flags, u_int fflags,
    int64_t data)
{
	struct kevent kev;

	EV_SET(&kev, ident, filter, flags, fflags, data, NULL);
	return kevent(kq, &kev, 1, NULL, 0, NULL);
}

/* Collect up to n events, waiting at most ms (-1: no limit). */
static int
collect(int kq, struct kevent *ev, int n, int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	return kevent(kq, NULL, 0, ev, n, ms < 0 ? NULL : &ts);
}

/* A child that waits for a byte on go[0], then runs fn. */
static pid_t
gated_child(int go[2], void (*fn)(void))
{
	pid_t pid;
	char c;

	if ((pid = fork()) == 0) {
		close(go[1]);
		if (read(go[0], &c, 1) != 1)
			_exit(99);
		fn();
		_exit(98);
	}
	close(go[0]);
	return pid;
}

static void
release(int go[2])
{
	CHECK(write(go[1], "g", 1) == 1);
	close(go[1]);
}

/* Reap pid: did it exit 0? */
static int
reap_ok(pid_t pid)
{
	int status;

	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0;
}

/* ---- EVFILT_PROC -------------------------------------------------------- */

static int exit_code;
static void exit_with_code(void) { _exit(exit_code); }
static void die_by_segv(void) { kill(getpid(), SIGSEGV); }
static void exec_true(void)
{
	char *argv[] = { "true", NULL };

	execv("/bin/true", argv);
}

/*
 * NOTE_EXIT: data is the wait status waitpid gives too, for an exit and
 * for a death by signal; EV_EOF; the knote is gone after (one-shot).
 */
static void
test_exit_status(void)
{
	struct kevent ev[2];
	int kq = kqueue(), go[2], status, i;
	void (*fn[2])(void) = { exit_with_code, die_by_segv };
	pid_t pid;

	CHECK(kq >= 0);
	exit_code = 7;
	for (i = 0; i < 2; i++) {
		CHECK(pipe(go) == 0);
		pid = gated_child(go, fn[i]);
		CHECK(change(kq, pid, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0) == 0);
		release(go);
		CHECK(collect(kq, ev, 2, -1) == 1);
		CHECK(ev[0].ident == (__uintptr_t)pid &&
		    ev[0].filter == EVFILT_PROC);
		CHECK(ev[0].fflags == NOTE_EXIT);
		CHECK(ev[0].flags & EV_EOF);
		CHECK(waitpid(pid, &status, 0) == pid);
		CHECK(ev[0].data == status);
		if (i == 0)
			CHECK(WIFEXITED(ev[0].data) &&
			    WEXITSTATUS(ev[0].data) == 7);
		else
			CHECK(WIFSIGNALED(ev[0].data) &&
			    WTERMSIG(ev[0].data) == SIGSEGV);
		CHECK(change(kq, pid, EVFILT_PROC, EV_DELETE, 0, 0) == -1 &&
		    errno == ENOENT);
	}
	close(kq);
}

/* NOTE_EXEC fires, then NOTE_EXIT; fflags only what was asked for. */
static void
test_exec(void)
{
	struct kevent ev[2];
	int kq = kqueue(), go[2], n, status;
	u_int seen = 0;
	pid_t pid;

	CHECK(pipe(go) == 0);
	pid = gated_child(go, exec_true);
	CHECK(change(kq, pid, EVFILT_PROC, EV_ADD, NOTE_EXEC | NOTE_EXIT,
	    0) == 0);
	release(go);
	while (!(seen & NOTE_EXIT) && (n = collect(kq, ev, 2, 2000)) > 0)
		seen |= ev[0].fflags;
	CHECK(seen == (NOTE_EXEC | NOTE_EXIT));
	CHECK(ev[0].data == 0);
	CHECK(waitpid(pid, &status, 0) == pid && status == 0);
	close(kq);
}

/*
 * The tree: A (watched, with NOTE_TRACK) forks B, B forks C; each
 * writes the pid fork returned to rep.  C waits on rel until the
 * parent has seen both NOTE_CHILD events, then exits 3; B waits for C
 * and exits 2; A for B, and exits 1.
 */
static int rep[2], rel[2];

/*
 * Fork a child to run fn, and report its pid on rep as { level, pid }:
 * A's and B's reports may arrive in either order.
 */
static pid_t
tree_fork(void (*fn)(void), pid_t level)
{
	pid_t msg[2] = { level, fork() };

	if (msg[1] == 0)
		fn();
	write(rep[1], msg, sizeof(msg));
	return msg[1];
}

/* The pids of B (level 1) and C (level 2) from the two reports on rep. */
static void
tree_pids(pid_t *b, pid_t *c)
{
	pid_t msg[2];
	int i;

	for (i = 0; i < 2; i++) {
		CHECK(read(rep[0], msg, sizeof(msg)) == sizeof(msg));
		if (msg[0] == 1)
			*b = msg[1];
		else
			*c = msg[1];
	}
}

static void
tree_c(void)
{
	char c;

	close(rel[1]);
	_exit(read(rel[0], &c, 1) == 1 ? 3 : 97);
}

static void
tree_b(void)
{
	int status;

	waitpid(tree_fork(tree_c, 2), &status, 0);
	_exit(WEXITSTATUS(status) == 3 ? 2 : 96);
}

static void
tree_a(void)
{
	int status;

	waitpid(tree_fork(tree_b, 1), &status, 0);
	_exit(WEXITSTATUS(status) == 2 ? 1 : 95);
}

/* What the parent learned about each of the three processes. */
struct seen {
	pid_t	pid;
	u_int	fflags;
	int64_t	parent;			/* NOTE_CHILD's data */
	int64_t	status;			/* NOTE_EXIT's data */
	int	exited;
};

static struct seen *
seen_of(struct seen *s, pid_t pid)
{
	int i;

	for (i = 0; i < 3; i++)
		if (s[i].pid == pid || s[i].pid == 0) {
			s[i].pid = pid;
			return &s[i];
		}
	return NULL;
}

/* Collect the tree's events until all three have exited. */
static void
tree_events(int kq, struct seen *s, pid_t a)
{
	struct kevent ev[4];
	struct seen *p;
	int n, i, children = 0, exits = 0, released = 0;

	seen_of(s, a);
	while (exits < 3 && (n = collect(kq, ev, 4, 3000)) > 0)
		for (i = 0; i < n; i++) {
			if ((p = seen_of(s, ev[i].ident)) == NULL)
				continue;
			CHECK(ev[i].filter == EVFILT_PROC);
			p->fflags |= ev[i].fflags;
			if (ev[i].fflags & NOTE_CHILD) {
				p->parent = ev[i].data;
				children++;
			}
			if (ev[i].fflags & NOTE_EXIT) {
				p->status = ev[i].data;
				p->exited = 1;
				exits++;
			}
			if (children == 2 && !released) {
				release(rel);
				released = 1;
			}
		}
	CHECK(exits == 3);
	if (!released)
		release(rel);
}

static void
test_track(void)
{
	struct seen s[3];
	struct kevent kev;
	int kq = kqueue(), go[2], status;
	pid_t a, b = 0, c = 0;

	memset(s, 0, sizeof(s));
	CHECK(pipe(go) == 0 && pipe(rep) == 0 && pipe(rel) == 0);
	a = gated_child(go, tree_a);
	CHECK(change(kq, a, EVFILT_PROC, EV_ADD, NOTE_EXIT | NOTE_FORK |
	    NOTE_EXEC | NOTE_TRACK, 0) == 0);
	release(go);
	close(rel[0]);
	tree_events(kq, s, a);
	close(rep[1]);
	tree_pids(&b, &c);
	close(rep[0]);
	CHECK(waitpid(a, &status, 0) == a && WEXITSTATUS(status) == 1);
	/* A: forked, exited 1; B and C: children with their parents. */
	CHECK(s[0].pid == a && s[0].fflags == (NOTE_FORK | NOTE_EXIT));
	CHECK(s[0].status == status);
	CHECK(seen_of(s, b) == &s[1] || seen_of(s, b) == &s[2]);
	CHECK(seen_of(s, b)->fflags == (NOTE_CHILD | NOTE_FORK | NOTE_EXIT));
	CHECK(seen_of(s, b)->parent == a);
	CHECK(WEXITSTATUS(seen_of(s, b)->status) == 2);
	CHECK(seen_of(s, c)->fflags == (NOTE_CHILD | NOTE_EXIT));
	CHECK(seen_of(s, c)->parent == b);
	CHECK(WEXITSTATUS(seen_of(s, c)->status) == 3);
	CHECK(collect(kq, &kev, 1, 0) == 0);	/* nothing left over */
	close(kq);
}

/* NOTE_FORK without NOTE_TRACK: fires, and no child is registered. */
static void
test_fork(void)
{
	struct kevent ev[2];
	int kq = kqueue(), go[2], n;
	u_int seen = 0;
	pid_t a;

	CHECK(pipe(go) == 0 && pipe(rep) == 0 && pipe(rel) == 0);
	a = gated_child(go, tree_b);	/* forks once (tree_c), exits 2 */
	CHECK(change(kq, a, EVFILT_PROC, EV_ADD, NOTE_FORK | NOTE_EXIT,
	    0) == 0);
	release(go);
	release(rel);
	close(rel[0]);
	while (!(seen & NOTE_EXIT) && (n = collect(kq, ev, 2, 3000)) > 0) {
		CHECK(n == 1 && ev[0].ident == (__uintptr_t)a);
		seen |= ev[0].fflags;
	}
	CHECK(seen == (NOTE_FORK | NOTE_EXIT));
	CHECK(waitpid(a, NULL, 0) == a);
	close(rep[0]);
	close(rep[1]);
	close(kq);
}

/* ---- pipes and the console ---------------------------------------------- */

/* EVFILT_READ: data the bytes waiting, level-triggered, EV_EOF. */
static void
test_pipe_read(void)
{
	struct kevent ev[2];
	int kq = kqueue(), fds[2];
	char buf[8];

	CHECK(pipe(fds) == 0);
	CHECK(change(kq, fds[0], EVFILT_READ, EV_ADD, 0, 0) == 0);
	CHECK(collect(kq, ev, 2, 0) == 0);
	CHECK(write(fds[1], "hello", 5) == 5);
	CHECK(collect(kq, ev, 2, 0) == 1 && ev[0].ident == (u_int)fds[0] &&
	    ev[0].filter == EVFILT_READ && ev[0].data == 5 &&
	    !(ev[0].flags & EV_EOF));
	CHECK(collect(kq, ev, 2, 0) == 1 && ev[0].data == 5);	/* level */
	CHECK(read(fds[0], buf, 5) == 5);
	CHECK(collect(kq, ev, 2, 0) == 0);
	/*
	 * EV_CLEAR: once per change, however much is left unread.  (An
	 * EV_ADD to a knote that exists keeps its flags, as upstream's
	 * knote_modify: delete it first.)
	 */
	CHECK(change(kq, fds[0], EVFILT_READ, EV_DELETE, 0, 0) == 0);
	CHECK(change(kq, fds[0], EVFILT_READ, EV_ADD | EV_CLEAR, 0, 0) == 0);
	CHECK(write(fds[1], "abc", 3) == 3);
	CHECK(collect(kq, ev, 2, 0) == 1 && ev[0].data == 3);
	CHECK(collect(kq, ev, 2, 0) == 0);
	CHECK(write(fds[1], "de", 2) == 2);
	CHECK(collect(kq, ev, 2, 0) == 1 && ev[0].data == 5);
	CHECK(read(fds[0], buf, 5) == 5);
	close(fds[1]);
	CHECK(collect(kq, ev, 2, 0) == 1 && (ev[0].flags & EV_EOF) &&
	    ev[0].data == 0);
	/* EVFILT_READ on a write end, EVFILT_WRITE on a read end. */
	CHECK(pipe(fds) == 0);
	CHECK(change(kq, fds[1], EVFILT_READ, EV_ADD, 0, 0) == -1 &&
	    errno == EINVAL);
	CHECK(change(kq, fds[0], EVFILT_WRITE, EV_ADD, 0, 0) == -1 &&
	    errno == EINVAL);
	close(fds[0]);
	close(fds[1]);
	close(kq);
}

/* EVFILT_WRITE: data the room left; not ready when full; EV_EOF. */
static void
test_pipe_write(void)
{
	struct kevent ev[2];
	int kq = kqueue(), fds[2], n = 0;
	int64_t room;
	char buf[512];

	memset(buf, 'x', sizeof(buf));
	CHECK(pipe(fds) == 0);
	CHECK(change(kq, fds[1], EVFILT_WRITE, EV_ADD, 0, 0) == 0);
	CHECK(collect(kq, ev, 2, 0) == 1 && ev[0].ident == (u_int)fds[1] &&
	    ev[0].filter == EVFILT_WRITE && ev[0].data > 0);
	room = ev[0].data;
	CHECK(write(fds[1], buf, 100) == 100);
	CHECK(collect(kq, ev, 2, 0) == 1 && ev[0].data == room - 100);
	fcntl(fds[1], F_SETFL, O_NONBLOCK);
	while (write(fds[1], buf, sizeof(buf)) > 0 && n++ < 100)
		;
	CHECK(errno == EAGAIN);
	CHECK(collect(kq, ev, 2, 0) == 0);
	CHECK(read(fds[0], buf, sizeof(buf)) == sizeof(buf));
	CHECK(collect(kq, ev, 2, 0) == 1 && ev[0].data >= 512);
	close(fds[0]);
	CHECK(collect(kq, ev, 2, 0) == 1 && (ev[0].flags & EV_EOF));
	close(fds[1]);
	close(kq);
}

/*
 * The console (the regress program's 0, 1 and 2) and /dev/tty: writable
 * at once.  (Not EVFILT_READ: that starts the console's input thread,
 * which would take the keys the kernel's later self-tests read; the
 * shell scenario covers it.)
 */
static void
test_console(void)
{
	struct kevent ev[2];
	int kq = kqueue(), fd;

	CHECK(change(kq, 1, EVFILT_WRITE, EV_ADD, 0, 0) == 0);
	CHECK(collect(kq, ev, 2, 0) == 1 && ev[0].ident == 1 &&
	    ev[0].data > 0);
	CHECK(change(kq, 1, EVFILT_WRITE, EV_DELETE, 0, 0) == 0);
	if ((fd = open("/dev/tty", O_RDWR)) >= 0) {
		CHECK(change(kq, fd, EVFILT_WRITE, EV_ADD, 0, 0) == 0);
		CHECK(collect(kq, ev, 2, 0) == 1 && ev[0].ident == (u_int)fd);
		close(fd);		/* takes its knote with it */
	}
	CHECK(collect(kq, ev, 2, 0) == 0);
	close(kq);
}

/* ---- EVFILT_SIGNAL, EVFILT_TIMER ---------------------------------------- */

/* Counts, even when the signal is ignored; cleared on delivery. */
static void
test_signal(void)
{
	struct kevent ev[2];
	int kq = kqueue(), i;

	signal(SIGUSR1, SIG_IGN);
	CHECK(change(kq, SIGUSR1, EVFILT_SIGNAL, EV_ADD, 0, 0) == 0);
	CHECK(collect(kq, ev, 2, 0) == 0);
	for (i = 0; i < 3; i++)
		kill(getpid(), SIGUSR1);
	CHECK(collect(kq, ev, 2, 0) == 1 && ev[0].ident == SIGUSR1 &&
	    ev[0].filter == EVFILT_SIGNAL && ev[0].data == 3);
	CHECK(collect(kq, ev, 2, 0) == 0);
	kill(getpid(), SIGUSR1);
	CHECK(collect(kq, ev, 2, 0) == 1 && ev[0].data == 1);
	CHECK(change(kq, 0, EVFILT_SIGNAL, EV_ADD, 0, 0) == -1 &&
	    errno == EINVAL);
	CHECK(change(kq, NSIG, EVFILT_SIGNAL, EV_ADD, 0, 0) == -1 &&
	    errno == EINVAL);
	signal(SIGUSR1, SIG_DFL);
	close(kq);
}

/*
 * A 30 ms timer, over at least eight expirations: the time taken is the
 * expirations counted times the period, within a tick (10 ms at hz=100).
 * The clock starts at the first expiration's delivery, so that both ends
 * are measured the same way (the first deadline falls on a tick, wherever
 * in a tick EV_ADD happened).
 */
static void
test_timer_period(void)
{
	struct kevent ev[2];
	int kq = kqueue(), n;
	int64_t count = 0;
	uint64_t t0, dt;

	CHECK(change(kq, 1, EVFILT_TIMER, EV_ADD, 0, 30) == 0);
	CHECK(collect(kq, ev, 2, 1000) == 1 && ev[0].data == 1);
	t0 = now_ns();
	while (count < 8 && (n = collect(kq, ev, 2, 1000)) == 1) {
		CHECK(ev[0].ident == 1 && ev[0].filter == EVFILT_TIMER);
		count += ev[0].data;
	}
	dt = now_ns() - t0;
	CHECK(count >= 8);
	printf("regress/kqueue: timer: %lld expirations of 30 ms in %llu us\n",
	    (long long)count, (unsigned long long)(dt / 1000));
	CHECK(dt + 10000000ULL >= (uint64_t)count * 30000000ULL);
	CHECK(dt <= (uint64_t)count * 30000000ULL + 10000000ULL);
	/* The new unit: NOTE_USECONDS, 20,000 us. */
	CHECK(change(kq, 1, EVFILT_TIMER, EV_ADD, NOTE_USECONDS, 20000) == 0);
	t0 = now_ns();
	CHECK(collect(kq, ev, 2, 1000) == 1 && ev[0].data == 1);
	dt = now_ns() - t0;
	CHECK(dt >= 10000000ULL && dt <= 30000000ULL);
	close(kq);
}

/* EV_ONESHOT, EV_DISABLE/EV_ENABLE, EV_DELETE, on timers. */
static void
test_timer_flags(void)
{
	struct kevent ev[2];
	int kq = kqueue();

	CHECK(change(kq, 7, EVFILT_TIMER, EV_ADD | EV_ONESHOT, 0, 10) == 0);
	CHECK(collect(kq, ev, 2, 500) == 1 && ev[0].ident == 7 &&
	    ev[0].data == 1);
	CHECK(collect(kq, ev, 2, 50) == 0);
	CHECK(change(kq, 7, EVFILT_TIMER, EV_DELETE, 0, 0) == -1 &&
	    errno == ENOENT);		/* freed after its one delivery */
	/* Disabled, it counts but is not delivered; enabled, it is. */
	CHECK(change(kq, 8, EVFILT_TIMER, EV_ADD | EV_DISABLE, 0, 10) == 0);
	CHECK(collect(kq, ev, 2, 60) == 0);
	CHECK(change(kq, 8, EVFILT_TIMER, EV_ENABLE, 0, 0) == 0);
	CHECK(collect(kq, ev, 2, 0) == 1 && ev[0].ident == 8 &&
	    ev[0].data >= 3);
	CHECK(change(kq, 8, EVFILT_TIMER, EV_DELETE, 0, 0) == 0);
	CHECK(collect(kq, ev, 2, 40) == 0);
	CHECK(change(kq, 8, EVFILT_TIMER, EV_DELETE, 0, 0) == -1 &&
	    errno == ENOENT);
	CHECK(change(kq, 9, EVFILT_TIMER, EV_ADD, 0, -1) == -1 &&
	    errno == EINVAL);
	CHECK(change(kq, 9, EVFILT_TIMER, EV_ADD, NOTE_ABSTIME, 10) == -1 &&
	    errno == EINVAL);
	close(kq);
}

/* ---- timeouts, EINTR, poll, fork ---------------------------------------- */

static void
on_alarm(int sig __unused)
{
}

static void
test_wait(void)
{
	struct kevent ev[2];
	struct itimerval it = { { 0, 0 }, { 0, 30000 } };
	struct timespec bad = { 0, 1000000000 };
	struct pollfd pfd;
	int kq = kqueue();
	uint64_t t0;
	pid_t pid;

	t0 = now_ns();
	CHECK(collect(kq, ev, 2, 50) == 0);
	CHECK(now_ns() - t0 >= 50000000ULL);
	CHECK(kevent(kq, NULL, 0, ev, 2, &bad) == -1 && errno == EINVAL);
	bad.tv_sec = -1;
	bad.tv_nsec = 0;
	CHECK(kevent(kq, NULL, 0, ev, 2, &bad) == -1 && errno == EINVAL);
	/* A signal ends an endless wait: EINTR. */
	signal(SIGALRM, on_alarm);
	setitimer(ITIMER_REAL, &it, NULL);
	CHECK(collect(kq, ev, 2, -1) == -1 && errno == EINTR);
	signal(SIGALRM, SIG_DFL);
	/* poll: the kqueue is readable when an event waits. */
	pfd.fd = kq;
	pfd.events = POLLIN;
	CHECK(poll(&pfd, 1, 0) == 0);
	CHECK(change(kq, 1, EVFILT_WRITE, EV_ADD | EV_ONESHOT, 0, 0) == 0);
	CHECK(poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLIN));
	CHECK(collect(kq, ev, 2, 0) == 1);
	/* A child does not inherit the kqueue. */
	if ((pid = fork()) == 0)
		_exit(kevent(kq, NULL, 0, NULL, 0, &zero_ts) == -1 &&
		    errno == EBADF ? 0 : 1);
	CHECK(reap_ok(pid));
	close(kq);
}

/* ---- errors ------------------------------------------------------------- */

/* A pid nobody has: ESRCH, as the call's error and as an EV_ERROR event. */
static void
test_esrch(int kq)
{
	struct kevent kev, ev[2];
	pid_t pid = 99990;

	while (kill(pid, 0) == 0 || errno != ESRCH)
		pid++;
	EV_SET(&kev, pid, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0, (void *)0x1234);
	CHECK(kevent(kq, &kev, 1, NULL, 0, NULL) == -1 && errno == ESRCH);
	CHECK(kevent(kq, &kev, 1, ev, 2, NULL) == 1);
	CHECK(ev[0].ident == (__uintptr_t)pid && ev[0].filter == EVFILT_PROC &&
	    ev[0].flags == EV_ERROR && ev[0].data == ESRCH &&
	    ev[0].udata == (void *)0x1234);
	EV_SET(&kev, 100000, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0, NULL);
	CHECK(kevent(kq, &kev, 1, NULL, 0, NULL) == -1 && errno == ESRCH);
}

static void
test_errors(void)
{
	struct kevent kev[2], ev[2];
	int kq = kqueue(), fds[2];
	char c;

	CHECK(sizeof(struct kevent) == 24 &&
	    offsetof(struct kevent, data) == 12);
	CHECK(pipe(fds) == 0);
	CHECK(kevent(-1, NULL, 0, NULL, 0, NULL) == -1 && errno == EBADF);
	CHECK(kevent(999, NULL, 0, NULL, 0, NULL) == -1 && errno == EBADF);
	CHECK(kevent(fds[0], NULL, 0, NULL, 0, NULL) == -1 && errno == EBADF);
	CHECK(change(kq, fds[0], -100, EV_ADD, 0, 0) == -1 && errno == EINVAL);
	CHECK(change(kq, fds[0], 3, EV_ADD, 0, 0) == -1 && errno == EINVAL);
	CHECK(change(kq, fds[0], EVFILT_VNODE, EV_ADD, 0, 0) == -1 &&
	    errno == EINVAL);
	CHECK(change(kq, 999, EVFILT_READ, EV_ADD, 0, 0) == -1 &&
	    errno == EBADF);
	CHECK(change(kq, kq, EVFILT_READ, EV_ADD, 0, 0) == -1 &&
	    errno == EINVAL);		/* a kqueue is not watchable */
	CHECK(change(kq, fds[0], EVFILT_READ, EV_DELETE, 0, 0) == -1 &&
	    errno == ENOENT);
	CHECK(change(kq, fds[0], EVFILT_READ, EV_ENABLE, 0, 0) == -1 &&
	    errno == ENOENT);
	test_esrch(kq);
	/* Two bad changes and room for one: the second is the error. */
	EV_SET(&kev[0], 999, EVFILT_READ, EV_ADD, 0, 0, NULL);
	EV_SET(&kev[1], fds[0], EVFILT_READ, EV_DELETE, 0, 0, NULL);
	CHECK(kevent(kq, kev, 2, ev, 1, NULL) == -1 && errno == ENOENT);
	CHECK(kevent(kq, kev, 2, ev, 2, NULL) == 2 && ev[0].data == EBADF &&
	    ev[1].data == ENOENT && ev[1].flags == EV_ERROR);
	/* EV_RECEIPT: a change that works is reported with data 0. */
	EV_SET(&kev[0], fds[0], EVFILT_READ, EV_ADD | EV_RECEIPT, 0, 0, NULL);
	CHECK(kevent(kq, kev, 1, ev, 2, NULL) == 1 &&
	    ev[0].flags == EV_ERROR && ev[0].data == 0);
	/* Bad pointers and counts. */
	CHECK(kevent(kq, BADPTR, 1, NULL, 0, NULL) == -1 && errno == EFAULT);
	CHECK(kevent(kq, NULL, 0, ev, 2, BADPTR) == -1 && errno == EFAULT);
	CHECK(kevent(kq, NULL, -1, ev, 2, NULL) == -1 && errno == EINVAL);
	CHECK(kevent(kq, NULL, 0, ev, -1, NULL) == -1 && errno == EINVAL);
	CHECK(write(fds[1], "x", 1) == 1);
	CHECK(kevent(kq, NULL, 0, BADPTR, 2, NULL) == -1 && errno == EFAULT);
	CHECK(read(kq, &c, 1) == -1 && errno == ENXIO);
	close(fds[0]);
	close(fds[1]);
	close(kq);
}

/* ---- no leaks ----------------------------------------------------------- */

/* The serial number kern.pool gives the pool called name; 0 if none. */
static int
pool_serial(const char *name)
{
	int mib[3] = { CTL_KERN, KERN_POOL, KERN_POOL_NPOOLS }, n, i, seen;
	char buf[32];
	size_t len = sizeof(n);

	if (sysctl(mib, 3, &n, &len, NULL, 0) == -1)
		return 0;
	mib[2] = KERN_POOL_NAME;
	for (i = 1, seen = 0; seen < n && i < 4 * n + 16; i++) {
		int m[4] = { mib[0], mib[1], mib[2], i };

		len = sizeof(buf);
		if (sysctl(m, 4, buf, &len, NULL, 0) == -1)
			continue;
		seen++;
		if (strcmp(buf, name) == 0)
			return i;
	}
	return 0;
}

/* Items of pool serial in use now; -1 if it cannot be read. */
static int
pool_inuse(int serial)
{
	int mib[4] = { CTL_KERN, KERN_POOL, KERN_POOL_POOL, serial };
	struct kinfo_pool pi;
	size_t len = sizeof(pi);

	if (sysctl(mib, 4, &pi, &len, NULL, 0) == -1)
		return -1;
	return pi.pr_nout;
}

/*
 * Every way a knote ends gives it back to knotepl: a closed
 * descriptor, EV_DELETE, the exit of a watched process once delivered,
 * and closing the kqueue with knotes of every kind still on it.
 */
static void
test_leaks(void)
{
	int kn = pool_serial("knotepl"), kqs = pool_serial("kqueuepl");
	int kn0 = pool_inuse(kn), kq0 = pool_inuse(kqs);
	struct kevent ev[2];
	int kq, fds[2], go[2];
	pid_t pid;

	CHECK(kn > 0 && kqs > 0 && kn0 >= 0 && kq0 >= 0);
	kq = kqueue();
	CHECK(pool_inuse(kqs) == kq0 + 1);
	CHECK(pipe(fds) == 0);
	CHECK(change(kq, fds[0], EVFILT_READ, EV_ADD, 0, 0) == 0);
	CHECK(change(kq, fds[1], EVFILT_WRITE, EV_ADD, 0, 0) == 0);
	CHECK(pool_inuse(kn) == kn0 + 2);
	close(fds[0]);			/* the read knote goes with it */
	CHECK(pool_inuse(kn) == kn0 + 1);
	CHECK(change(kq, fds[1], EVFILT_WRITE, EV_DELETE, 0, 0) == 0);
	CHECK(pool_inuse(kn) == kn0);
	close(fds[1]);
	/* A watched process's exit, delivered: its knote is gone. */
	CHECK(pipe(go) == 0);
	exit_code = 0;
	pid = gated_child(go, exit_with_code);
	CHECK(change(kq, pid, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0) == 0);
	CHECK(pool_inuse(kn) == kn0 + 1);
	release(go);
	CHECK(collect(kq, ev, 2, 2000) == 1 && (ev[0].fflags & NOTE_EXIT));
	CHECK(waitpid(pid, NULL, 0) == pid);
	CHECK(pool_inuse(kn) == kn0);
	/* Close with one knote of each kind, one of them queued. */
	CHECK(pipe(fds) == 0 && pipe(go) == 0);
	pid = gated_child(go, exit_with_code);
	CHECK(change(kq, pid, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0) == 0);
	CHECK(change(kq, fds[0], EVFILT_READ, EV_ADD, 0, 0) == 0);
	CHECK(change(kq, fds[1], EVFILT_WRITE, EV_ADD, 0, 0) == 0);
	CHECK(change(kq, SIGUSR2, EVFILT_SIGNAL, EV_ADD, 0, 0) == 0);
	CHECK(change(kq, 1, EVFILT_TIMER, EV_ADD, 0, 1000) == 0);
	CHECK(pool_inuse(kn) == kn0 + 5);
	close(kq);
	CHECK(pool_inuse(kn) == kn0 && pool_inuse(kqs) == kq0);
	release(go);
	CHECK(waitpid(pid, NULL, 0) == pid);
	close(fds[0]);
	close(fds[1]);
}

int
main(void)
{
	test_exit_status();
	test_exec();
	test_fork();
	test_track();
	test_pipe_read();
	test_pipe_write();
	test_console();
	test_signal();
	test_timer_period();
	test_timer_flags();
	test_wait();
	test_errors();
	test_leaks();
	printf("regress/kqueue: %d failures\n", failures);
	return failures;
}
