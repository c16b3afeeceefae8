/*
 * trace: watch what a process tree does, one line per event, through
 * ptrace(2), in the spirit of ktrace and strace.
 *
 *   trace [-f] command [args ...]   start command traced
 *   trace [-f] -p pid               attach to a running process
 *
 *   [81234] exec forktree
 *   [81234] fork -> 5021            (with -f the child is traced too)
 *   [5021] signal SIGINT
 *   [5021] exit 3
 *   [81234] killed by SIGSEGV
 *
 * A tracee stops at each signal it is sent and after each exec (with
 * SIGTRAP); with -f, PTRACE_FORK in its event mask makes the kernel (the
 * seed's fork1 with FORK_PTRACE) stop both sides of each fork with
 * SIGTRAP, the child before its first instruction, and
 * PT_GET_PROCESS_STATE names the other side.  trace reports each stop
 * and continues the tracee, handing on the signal if there was one.
 * With -f the tree is printed at the end.  ^C while attached (-p)
 * detaches, and the process runs on; ^C on a command trace started
 * reaches the command, as it would without trace.
 */

#include <sys/types.h>
#include <sys/ptrace.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <machine/reg.h>
#include <err.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAXPROCS	512
#define IMAGE_BASE	0x01000000	/* where programs are linked */

/* A process seen: for the tree, and to tell an exec from a fork stop. */
struct node {
	pid_t	pid;
	pid_t	parent;		/* who forked it; 0 for the first */
	pid_t	fork_other;	/* the other side of its last fork stop */
	char	comm[24];	/* its command name at its last stop */
	int	status;		/* its wait status once it ended */
	int	alive;
	int	reported;	/* its fork was printed */
	int	attached;	/* PT_ATTACH's SIGSTOP still to swallow */
	int	events_set;	/* -f: PTRACE_FORK is in its event mask */
	int	fresh;		/* its fork stop, told by its parent, to come */
};

static struct node nodes[MAXPROCS];
static int nnodes, fflag;
static volatile sig_atomic_t interrupted;

static struct node *
node_find(pid_t pid)
{
	int i;

	for (i = 0; i < nnodes; i++)
		if (nodes[i].pid == pid)
			return &nodes[i];
	return NULL;
}

/* The command name pid runs now (kern.proc), or "?". */
static void
comm_of(pid_t pid, char *buf, size_t len)
{
	struct kinfo_proc kp;
	size_t size = sizeof(kp);
	int mib[6] = { CTL_KERN, KERN_PROC, KERN_PROC_PID, pid,
	    sizeof(kp), 1 };

	if (sysctl(mib, 6, &kp, &size, NULL, 0) == 0 && size != 0)
		snprintf(buf, len, "%s", kp.p_comm);
	else
		snprintf(buf, len, "?");
}

static int tree_cut;		/* dead nodes were reused: the tree lacks them */

/* When the table is full: a dead process's slot, forgotten. */
static struct node *
node_dead(void)
{
	int i;

	for (i = 0; i < nnodes; i++)
		if (!nodes[i].alive) {
			tree_cut = 1;
			return &nodes[i];
		}
	return NULL;
}

static struct node *
node_add(pid_t pid, pid_t parent)
{
	struct node *n;

	if (nnodes < MAXPROCS)
		n = &nodes[nnodes++];
	else if ((n = node_dead()) == NULL)
		errx(1, "more than %d processes at once", MAXPROCS);
	memset(n, 0, sizeof(*n));
	n->pid = pid;
	n->parent = parent;
	n->alive = 1;
	return n;
}

static int
alive(void)
{
	int i, n = 0;

	for (i = 0; i < nnodes; i++)
		n += nodes[i].alive;
	return n;
}

static const char *
signame(int sig)
{
	return sig > 0 && sig < NSIG ? sys_signame[sig] : "?";
}

/*
 * Is pid at its program's first instruction, where exec leaves it?  Tine
 * links programs at 16 MiB with the ELF header mapped there, so its
 * e_entry can be read from the tracee (it tells an exec of a program
 * with the same name, which the command name does not).
 */
static int
at_entry(pid_t pid)
{
	struct ptrace_io_desc io;
	struct reg r;
	uint32_t entry;

	io.piod_op = PIOD_READ_D;
	io.piod_offs = (void *)(IMAGE_BASE + 24);	/* e_entry */
	io.piod_addr = &entry;
	io.piod_len = sizeof(entry);
	return ptrace(PT_IO, pid, (caddr_t)&io, 0) == 0 &&
	    io.piod_len == sizeof(entry) &&
	    ptrace(PT_GETREGS, pid, (caddr_t)&r, 0) == 0 &&
	    (uint32_t)r.r_eip == entry;
}

/*
 * A fork stop of n, the other side being other.  Whichever side stops
 * first prints the fork; the child's side is the one we did not know
 * (new) or whose parent other is.
 */
static void
fork_stop(struct node *n, pid_t other, int new)
{
	struct node *child;

	n->fork_other = other;
	if (new || n->parent == other) {	/* n is the child */
		n->parent = other;
		child = n;
	} else if ((child = node_find(other)) == NULL) {
		child = node_add(other, n->pid);
		child->fork_other = n->pid;	/* its stop is not news */
		child->fresh = 1;
		memcpy(child->comm, n->comm, sizeof(child->comm));
	}
	if (!child->reported) {
		printf("[%d] fork -> %d\n", (int)child->parent,
		    (int)child->pid);
		child->reported = 1;
	}
}

/*
 * A SIGTRAP stop of n: a fork (the state names a side we have not
 * accounted for), an exec (its command name changed), or a real
 * SIGTRAP.  Returns the signal to hand on.
 */
static int
trap_stop(struct node *n, int new)
{
	ptrace_state_t st;
	char comm[sizeof(n->comm)];

	if (ptrace(PT_GET_PROCESS_STATE, n->pid, (caddr_t)&st,
	    sizeof(st)) == 0 && st.pe_report_event == PTRACE_FORK &&
	    st.pe_other_pid != n->fork_other) {
		fork_stop(n, st.pe_other_pid, new);
		comm_of(n->pid, n->comm, sizeof(n->comm));
		return 0;
	}
	if (n->fresh) {		/* a child's fork stop, its parent's told */
		n->fresh = 0;
		return 0;
	}
	comm_of(n->pid, comm, sizeof(comm));
	if (strcmp(comm, n->comm) != 0 || at_entry(n->pid)) {
		printf("[%d] exec %s\n", (int)n->pid, comm);
		snprintf(n->comm, sizeof(n->comm), "%s", comm);
		return 0;
	}
	return SIGTRAP;
}

/* One stop or end of a tracee: report it and let it go on. */
static void
event(pid_t pid, int status)
{
	struct node *n;
	int sig, new = 0;

	if ((n = node_find(pid)) == NULL) {	/* a child before its parent */
		n = node_add(pid, 0);
		new = 1;
	}
	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		if (WIFEXITED(status))
			printf("[%d] exit %d\n", (int)pid, WEXITSTATUS(status));
		else
			printf("[%d] killed by SIG%s\n", (int)pid,
			    signame(WTERMSIG(status)));
		n->alive = 0;
		n->status = status;
		return;
	}
	sig = WSTOPSIG(status);
	if (n->attached && sig == SIGSTOP) {	/* PT_ATTACH's own */
		n->attached = 0;
		sig = 0;
	} else if (sig == SIGTRAP)
		sig = trap_stop(n, new);
	if (sig != 0)
		printf("[%d] signal SIG%s\n", (int)pid, signame(sig));
	if (fflag && !n->events_set) {	/* while it is stopped */
		ptrace_event_t pe = { PTRACE_FORK };

		if (ptrace(PT_SET_EVENT_MASK, pid, (caddr_t)&pe,
		    sizeof(pe)) == -1)
			warn("PT_SET_EVENT_MASK %d", (int)pid);
		n->events_set = 1;
	}
	if (ptrace(PT_CONTINUE, pid, (caddr_t)1, sig) == -1)
		warn("PT_CONTINUE %d", (int)pid);
}

static void
print_tree(pid_t parent, int depth)
{
	int i;

	for (i = 0; i < nnodes; i++) {
		if (nodes[i].parent != parent)
			continue;
		printf("%*s%d %s", 2 * depth, "", (int)nodes[i].pid,
		    nodes[i].comm);
		if (WIFEXITED(nodes[i].status))
			printf(" (exit %d)\n", WEXITSTATUS(nodes[i].status));
		else if (WIFSIGNALED(nodes[i].status))
			printf(" (SIG%s)\n", signame(WTERMSIG(nodes[i].status)));
		else
			printf("\n");
		print_tree(nodes[i].pid, depth + 1);
	}
}

/* Start argv traced: it stops with SIGTRAP once exec is done. */
static pid_t
start(char **argv)
{
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == -1)
		err(1, "fork");
	if (pid == 0) {
		if (ptrace(PT_TRACE_ME, 0, NULL, 0) == -1)
			err(1, "PT_TRACE_ME");
		execvp(argv[0], argv);
		err(127, "%s", argv[0]);
	}
	node_add(pid, 0);
	return pid;
}

static void
on_sigint(int sig __attribute__((unused)))
{
	interrupted = 1;
}

/* ^C while attached: stop each tracee still running, and let it go. */
static void
detach_all(void)
{
	int i, status;

	for (i = 0; i < nnodes; i++) {
		if (!nodes[i].alive)
			continue;
		(void)kill(nodes[i].pid, SIGSTOP);
		/* Stops that came before ours are handed on, then ours. */
		while (waitpid(nodes[i].pid, &status, 0) != -1 &&
		    WIFSTOPPED(status) && WSTOPSIG(status) != SIGSTOP)
			(void)ptrace(PT_CONTINUE, nodes[i].pid, (caddr_t)1,
			    WSTOPSIG(status) == SIGTRAP ? 0 : WSTOPSIG(status));
		if (!WIFSTOPPED(status))
			continue;
		if (ptrace(PT_DETACH, nodes[i].pid, (caddr_t)1, 0) == 0)
			printf("[%d] detached\n", (int)nodes[i].pid);
	}
}

int
main(int argc, char *argv[])
{
	const char *errstr;
	struct node *first;
	pid_t pid = 0, w;
	int ch, status;

	setvbuf(stdout, NULL, _IOLBF, 0);	/* a line per event, at once */
	while ((ch = getopt(argc, argv, "fp:")) != -1) {
		switch (ch) {
		case 'f':
			fflag = 1;
			break;
		case 'p':
			pid = strtonum(optarg, 1, 99999, &errstr);
			if (errstr != NULL)
				errx(1, "pid %s is %s", optarg, errstr);
			break;
		default:
			goto usage;
		}
	}
	argc -= optind;
	argv += optind;
	if ((pid == 0) == (argc == 0))
		goto usage;
	if (pid != 0) {
		struct sigaction sa;

		if (ptrace(PT_ATTACH, pid, NULL, 0) == -1)
			err(1, "PT_ATTACH %d", (int)pid);
		first = node_add(pid, 0);
		first->attached = 1;
		comm_of(pid, first->comm, sizeof(first->comm));
		/* No SA_RESTART: ^C must end the waitpid below. */
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_sigint;
		sigaction(SIGINT, &sa, NULL);
	} else {
		(void)start(argv);
		signal(SIGINT, SIG_IGN);	/* ^C is the command's */
	}
	while (alive() > 0 && !interrupted) {
		if ((w = waitpid(-1, &status, 0)) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		event(w, status);
	}
	if (interrupted)
		detach_all();
	if (fflag) {
		printf("process tree%s:\n", tree_cut ?
		    " (the earliest processes to end left out)" : "");
		print_tree(0, 1);
	}
	return 0;
usage:
	fprintf(stderr, "usage: trace [-f] command [args ...]\n"
	    "       trace [-f] -p pid\n");
	return 1;
}
