/*
 * procwatch: print a process's forks, execs and exits as they happen,
 * through kqueue(2)'s EVFILT_PROC (docs/kqueue.md).
 *
 *   procwatch [-t] pid              watch a running process
 *   procwatch [-t] command [args]   start command and watch it
 *
 *     0.000 pid 81234 exec forktree
 *     0.004 pid 81234 fork -> 5021
 *     0.011 pid 5021 exit 0           (with -t: the children too)
 *     0.020 pid 81234 killed by SIGSEGV
 *
 * Times are seconds since procwatch started.  The knote always asks for
 * NOTE_TRACK, because that is how kqueue names a fork's child: the
 * kernel registers a knote on the child whose first event is NOTE_CHILD
 * with the parent's pid in data.  Without -t those child knotes are
 * deleted as they arrive; with -t they stay, and their children are
 * followed in turn.  procwatch ends when every process it watches has
 * exited.  A command is started held on a pipe until the knote is
 * registered, so that not even its exec is missed.
 */

#include <sys/types.h>
#include <sys/event.h>
#include <sys/sysctl.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define PROC_NOTES	(NOTE_EXIT | NOTE_FORK | NOTE_EXEC | NOTE_TRACK)

static struct timespec start;
static int tflag;
static pid_t root;
static int watched;		/* processes whose exit is still to come */

static void
usage(void)
{
	fprintf(stderr, "usage: procwatch [-t] pid | command [args ...]\n");
	exit(1);
}

/* "  1.234 pid N ": the time since start, and whose event it is. */
static void
stamp(pid_t pid)
{
	struct timespec now;
	long long ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (now.tv_sec - start.tv_sec) * 1000LL +
	    (now.tv_nsec - start.tv_nsec) / 1000000;
	printf("%3lld.%03lld pid %d ", ms / 1000, ms % 1000, (int)pid);
}

/* pid's command name, through kern.proc; "?" if it is gone. */
static const char *
comm_of(pid_t pid)
{
	static struct kinfo_proc kp;
	int mib[6] = { CTL_KERN, KERN_PROC, KERN_PROC_PID, pid,
	    sizeof(kp), 1 };
	size_t len = sizeof(kp);

	if (sysctl(mib, 6, &kp, &len, NULL, 0) == -1 || len < sizeof(kp))
		return "?";
	return kp.p_comm;
}

static void
print_exit(pid_t pid, int status)
{
	stamp(pid);
	if (WIFSIGNALED(status))
		printf("killed by SIG%s\n", WTERMSIG(status) < NSIG ?
		    sys_signame[WTERMSIG(status)] : "?");
	else
		printf("exit %d\n", WEXITSTATUS(status));
}

/* Stop following pid (a child seen without -t). */
static void
forget(int kq, pid_t pid)
{
	struct kevent kev;

	EV_SET(&kev, pid, EVFILT_PROC, EV_DELETE, 0, 0, NULL);
	(void)kevent(kq, &kev, 1, NULL, 0, NULL);
}

/* One EVFILT_PROC event: print what it says, in the order it happened. */
static void
event(int kq, const struct kevent *ev)
{
	pid_t pid = ev->ident;

	if (ev->fflags & NOTE_CHILD) {
		if (tflag || (pid_t)ev->data == root) {
			stamp((pid_t)ev->data);
			printf("fork -> %d\n", (int)pid);
		}
		if (!tflag) {
			forget(kq, pid);
			return;
		}
		watched++;
	} else if (!tflag && pid != root)
		return;		/* a child's last words, before forget() */
	if (ev->fflags & NOTE_TRACKERR) {
		stamp(pid);
		printf("fork (child not followed)\n");
	}
	if (ev->fflags & NOTE_EXEC) {
		stamp(pid);
		printf("exec %s\n", comm_of(pid));
	}
	if (ev->fflags & NOTE_EXIT) {
		print_exit(pid, (int)ev->data);
		watched--;
	}
}

/*
 * Start argv held: the child waits for a byte on a pipe, which comes
 * once the caller has registered its knote (release()).
 */
static pid_t
spawn_held(char **argv, int *gate)
{
	int fds[2];
	pid_t pid;
	char c;

	if (pipe(fds) == -1)
		err(1, "pipe");
	if ((pid = fork()) == -1)
		err(1, "fork");
	if (pid == 0) {
		close(fds[1]);
		if (read(fds[0], &c, 1) != 1)
			_exit(127);
		close(fds[0]);
		execvp(argv[0], argv);
		warn("%s", argv[0]);
		_exit(127);
	}
	close(fds[0]);
	*gate = fds[1];
	return pid;
}

static void
release(int gate)
{
	if (write(gate, "g", 1) != 1)
		err(1, "release");
	close(gate);
}

/* Is s a process id (all digits)? */
static int
is_pid(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

int
main(int argc, char **argv)
{
	struct kevent kev, ev[8];
	int kq, ch, n, i, gate = -1, status;

	while ((ch = getopt(argc, argv, "t")) != -1) {
		if (ch != 't')
			usage();
		tflag = 1;
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage();
	clock_gettime(CLOCK_MONOTONIC, &start);
	if ((kq = kqueue()) == -1)
		err(1, "kqueue");
	if (argc == 1 && is_pid(argv[0]))
		root = (pid_t)strtol(argv[0], NULL, 10);
	else
		root = spawn_held(argv, &gate);

	EV_SET(&kev, root, EVFILT_PROC, EV_ADD, PROC_NOTES, 0, NULL);
	if (kevent(kq, &kev, 1, NULL, 0, NULL) == -1)
		err(1, "%d", (int)root);
	watched = 1;
	if (gate != -1)
		release(gate);
	while (watched > 0) {
		if ((n = kevent(kq, NULL, 0, ev, 8, NULL)) == -1) {
			if (errno == EINTR)
				continue;
			err(1, "kevent");
		}
		for (i = 0; i < n; i++)
			event(kq, &ev[i]);
		fflush(stdout);
	}
	if (gate != -1)
		(void)waitpid(root, &status, 0);
	return 0;
}
