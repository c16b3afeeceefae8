/*
 * pdb: a small command-line debugger for Tine programs.
 *
 *   pdb PROGRAM [ARGS...]   start PROGRAM traced (PT_TRACE_ME, then exec:
 *                           it stops with SIGTRAP before its first
 *                           instruction)
 *   pdb -p PID [PROGRAM]    attach to a running process (PT_ATTACH: it
 *                           stops with SIGSTOP); symbols from PROGRAM,
 *                           else /bin/ + its command name
 *
 * Commands (one per line; the first letters are enough where marked):
 *   break ADDR|FUNCTION[+N]  (b)   list with no argument
 *   delete N                       a breakpoint
 *   continue (c)  step (s)  next (n)
 *   regs  set REG VALUE  x ADDR [N]  bt
 *   follow child|parent            which side of a fork to keep tracing
 *   detach  kill  quit (q)  help
 */

#include <sys/types.h>
#include <sys/ptrace.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <err.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pdb.h"

#define MAXWORDS	8

struct target tg;

static void
usage(void)
{
	fprintf(stderr, "usage: pdb program [args ...]\n"
	    "       pdb -p pid [program]\n");
	exit(1);
}

/* Fork and exec argv[0] traced; its pid, stopped at its first instruction. */
static pid_t
start(char **argv)
{
	int status;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == -1)
		err(1, "fork");
	if (pid == 0) {
		if (ptrace(PT_TRACE_ME, 0, NULL, 0) == -1)
			err(1, "PT_TRACE_ME");
		execv(argv[0], argv);
		err(127, "%s", argv[0]);
	}
	if (waitpid(pid, &status, 0) == -1)
		err(1, "waitpid");
	if (!WIFSTOPPED(status))
		errx(1, "%s did not start (status 0x%x)", argv[0], status);
	return pid;
}

static pid_t
attach(const char *arg, char *path, size_t len)
{
	struct kinfo_proc kp;
	size_t size = sizeof(kp);
	const char *errstr;
	int mib[6], status;
	pid_t pid;

	pid = strtonum(arg, 1, 99999, &errstr);
	if (errstr != NULL)
		errx(1, "pid %s is %s", arg, errstr);
	if (path[0] == '\0') {		/* /bin/ + its command name */
		mib[0] = CTL_KERN;
		mib[1] = KERN_PROC;
		mib[2] = KERN_PROC_PID;
		mib[3] = pid;
		mib[4] = sizeof(kp);
		mib[5] = 1;
		if (sysctl(mib, 6, &kp, &size, NULL, 0) == 0 && size != 0)
			snprintf(path, len, "/bin/%s", kp.p_comm);
	}
	if (ptrace(PT_ATTACH, pid, NULL, 0) == -1)
		err(1, "PT_ATTACH %d", (int)pid);
	if (waitpid(pid, &status, 0) == -1)
		err(1, "waitpid");
	return pid;
}

static void
help(void)
{
	printf("break ADDR|FUNCTION[+N] (b), delete N, continue (c), "
	    "step (s), next (n),\nregs, set REG VALUE, x ADDR [N], bt, "
	    "follow child|parent, detach, kill, quit (q)\n");
}

static void
cmd_break(int argc, char **argv)
{
	vaddr_t addr;
	int num;

	if (argc < 2) {
		bp_list();
		return;
	}
	if (parse_addr(argv[1], &addr) == -1) {
		printf("break: no function or address %s\n", argv[1]);
		return;
	}
	if ((num = bp_add(addr, 0)) == -1) {
		printf("break: cannot set one at 0x%08lx\n",
		    (unsigned long)addr);
		return;
	}
	printf("breakpoint %d at ", num);
	sym_print(addr);
	printf("\n");
}

/* The commands that need a live tracee; 1 if cmd was one of them. */
static int
run_command(int argc, char **argv)
{
	const char *cmd = argv[0];

	if (strcmp(cmd, "c") == 0 || strcmp(cmd, "continue") == 0)
		(void)run_continue();
	else if (strcmp(cmd, "s") == 0 || strcmp(cmd, "step") == 0)
		(void)run_step();
	else if (strcmp(cmd, "n") == 0 || strcmp(cmd, "next") == 0)
		(void)run_next();
	else if (strcmp(cmd, "b") == 0 || strcmp(cmd, "break") == 0)
		cmd_break(argc, argv);
	else if (strcmp(cmd, "delete") == 0) {
		if (argc != 2 || bp_delete(atoi(argv[1])) == -1)
			printf("delete: no breakpoint %s\n",
			    argc == 2 ? argv[1] : "(usage: delete N)");
	} else if (strcmp(cmd, "regs") == 0)
		cmd_regs();
	else if (strcmp(cmd, "set") == 0)
		cmd_set(argc, argv);
	else if (strcmp(cmd, "x") == 0)
		cmd_x(argc, argv);
	else if (strcmp(cmd, "bt") == 0)
		cmd_bt();
	else if (strcmp(cmd, "detach") == 0) {
		if (ptrace(PT_DETACH, tg.pid, (caddr_t)1, 0) == -1)
			printf("detach: %s\n", strerror(errno));
		else {
			printf("process %d detached\n", (int)tg.pid);
			tg.pid = 0;
		}
	} else if (strcmp(cmd, "kill") == 0) {
		int status;

		if (ptrace(PT_KILL, tg.pid, NULL, 0) == -1)
			printf("kill: %s\n", strerror(errno));
		else if (waitpid(tg.pid, &status, 0) != -1)
			run_stopped(status);
	} else
		return 0;
	return 1;
}

/* Split line into words at blanks (in place); their number. */
static int
split(char *line, char **argv)
{
	int argc = 0;

	for (;;) {
		while (*line == ' ' || *line == '\t' || *line == '\n')
			*line++ = '\0';
		if (*line == '\0' || argc == MAXWORDS)
			return argc;
		argv[argc++] = line;
		while (*line != '\0' && *line != ' ' && *line != '\t' &&
		    *line != '\n')
			line++;
	}
}

static void
command(int argc, char **argv)
{
	if (strcmp(argv[0], "help") == 0 || strcmp(argv[0], "h") == 0)
		help();
	else if (strcmp(argv[0], "follow") == 0) {
		if (argc == 2 && strcmp(argv[1], "child") == 0)
			tg.follow_child = 1;
		else if (argc == 2 && strcmp(argv[1], "parent") == 0)
			tg.follow_child = 0;
		else
			printf("usage: follow child|parent\n");
	} else if (tg.pid == 0)
		printf("no process\n");
	else if (!run_command(argc, argv))
		printf("unknown command %s (try help)\n", argv[0]);
}

int
main(int argc, char *argv[])
{
	ptrace_event_t pe = { PTRACE_FORK };
	char line[256], path[256] = "", *words[MAXWORDS];
	const char *attach_pid = NULL;
	pid_t started = 0;
	int ch, n;

	while ((ch = getopt(argc, argv, "p:")) != -1) {
		if (ch != 'p')
			usage();
		attach_pid = optarg;
	}
	argc -= optind;
	argv += optind;
	if (attach_pid == NULL && argc == 0)
		usage();
	if (argc > 0)
		snprintf(path, sizeof(path), "%s", argv[0]);
	if (attach_pid != NULL)
		tg.pid = attach(attach_pid, path, sizeof(path));
	else
		tg.pid = started = start(argv);
	if ((n = sym_load(path)) == -1)
		printf("pdb: no symbols from %s\n", path);
	else
		printf("pdb: %d functions from %s\n", n, path);
	if (ptrace(PT_SET_EVENT_MASK, tg.pid, (caddr_t)&pe, sizeof(pe)) == -1)
		printf("pdb: PT_SET_EVENT_MASK: %s\n", strerror(errno));
	printf("process %d stopped at ", (int)tg.pid);
	regs_where();
	for (;;) {
		printf("(pdb) ");
		fflush(stdout);
		if (fgets(line, sizeof(line), stdin) == NULL)
			break;
		if ((n = split(line, words)) == 0)
			continue;
		if (strcmp(words[0], "q") == 0 || strcmp(words[0], "quit") == 0)
			break;
		command(n, words);
	}
	/*
	 * Leaving, as gdb does: a process we attached to runs on; one we
	 * started is killed.
	 */
	if (tg.pid != 0 && attach_pid != NULL)
		(void)ptrace(PT_DETACH, tg.pid, (caddr_t)1, 0);
	else if (tg.pid != 0 && ptrace(PT_KILL, tg.pid, NULL, 0) == 0)
		(void)waitpid(tg.pid, NULL, 0);
	/* Ours, detached at a fork and running on: reap it, as a shell would. */
	if (started != 0 && started != tg.pid &&
	    waitpid(started, NULL, WNOHANG) == 0) {
		printf("pdb: waiting for process %d, detached at a fork, to "
		    "end (^C leaves it running)\n", (int)started);
		fflush(stdout);
		(void)waitpid(started, NULL, 0);
	}
	return 0;
}
