/*
 * regress/tracers: the debugger (/bin/pdb, user/bin/pdb/) and the tracer
 * (/bin/trace) from the outside, over ptrace(2).  Each case runs one of
 * them on /regress/pdb-target, pdb with commands on its standard input,
 * with the output on a pipe, and checks what it printed.  pdb:
 * a breakpoint hit by name, bt through the frame pointers, x showing the
 * program's own bytes (not the int3) while stopped, next stepping over a
 * call, set changing a register, following the child across a fork, and
 * the target's exit status.  trace: exec, fork (-f only), a signal handed
 * on, exits, a death by SIGSEGV, the tree.  Prints each check that fails;
 * the exit status is how many did (0: all passed).
 */

#include <sys/types.h>
#include <sys/wait.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define OUTMAX	8192

static int failures;

/*
 * Run argv with cmds as its input; its output in out (NUL-terminated).
 * Returns its exit status, or -1.
 */
static int
tool_run(char *const argv[], const char *cmds, char *out, size_t size)
{
	int in[2], fds[2], status;
	size_t len = 0;
	ssize_t n;
	pid_t pid;

	if (pipe(in) == -1 || pipe(fds) == -1)
		return -1;
	fflush(stdout);
	if ((pid = fork()) == 0) {
		dup2(in[0], 0);
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(in[0]);
		close(in[1]);
		close(fds[0]);
		close(fds[1]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(in[0]);
	close(fds[1]);
	(void)write(in[1], cmds, strlen(cmds));
	close(in[1]);
	while ((n = read(fds[0], out + len, size - 1 - len)) > 0)
		len += n;
	out[len] = '\0';
	close(fds[0]);
	if (pid == -1 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* "pdb /regress/pdb-target" with cmds. */
static int
pdb_run(const char *cmds, char *out, size_t size)
{
	char *argv[] = { "/bin/pdb", "/regress/pdb-target", NULL };

	return tool_run(argv, cmds, out, size);
}

/* "trace [-f] /regress/pdb-target [arg]". */
static int
trace_run(int follow, char *arg, char *out, size_t size)
{
	char *argv[5], **a = argv;

	*a++ = "/bin/trace";
	if (follow)
		*a++ = "-f";
	*a++ = "/regress/pdb-target";
	*a++ = arg;
	*a = NULL;
	return tool_run(argv, "", out, size);
}

static void
check(int ok, const char *what, const char *out)
{
	if (ok)
		return;
	printf("not ok: %s\n--- pdb printed:\n%s---\n", what, out);
	failures++;
}

/* Does out have a line containing both a and b (b may be NULL)? */
static int
line_has(const char *out, const char *a, const char *b)
{
	const char *p = out, *nl;
	char line[256];
	size_t n;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		n = nl ? (size_t)(nl - p) : strlen(p);
		if (n >= sizeof(line))
			n = sizeof(line) - 1;
		memcpy(line, p, n);
		line[n] = '\0';
		if (strstr(line, a) != NULL && (b == NULL ||
		    strstr(line, b) != NULL))
			return 1;
		p += nl ? n + 1 : n;
		if (nl == NULL)
			break;
	}
	return 0;
}

/* After the first "tag" in out, do the 8 hex digits end in "end"? */
static int
x_word_ends(const char *out, const char *tag, const char *end)
{
	const char *p = strstr(out, tag);

	if (p == NULL)
		return 0;
	p += strlen(tag);
	return strncmp(p + 8 - strlen(end), end, strlen(end)) == 0;
}

static int
count(const char *out, const char *what)
{
	int n = 0;

	while ((out = strstr(out, what)) != NULL) {
		n++;
		out += strlen(what);
	}
	return n;
}

/* Start "/regress/pdb-target sleep", untraced: it exits 5 in a second. */
static pid_t
start_sleeper(void)
{
	char *argv[] = { "pdb-target", "sleep", NULL };
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		execv("/regress/pdb-target", argv);
		_exit(127);
	}
	usleep(100000);		/* let it get to its naps */
	return pid;
}

/*
 * Attaching: trace -p follows a running process to its end, which its
 * real parent (us) still sees; pdb -p attaches, shows the registers and
 * detaches, and the process goes on to exit 5; pdb's kill ends what it
 * started.
 */
static void
test_attach(char *out, size_t size)
{
	char pidarg[16], line[64];
	char *targv[] = { "/bin/trace", "-p", pidarg, NULL };
	char *pargv[] = { "/bin/pdb", "-p", pidarg, "/regress/pdb-target",
	    NULL };
	int status;
	pid_t pid;

	pid = start_sleeper();
	snprintf(pidarg, sizeof(pidarg), "%d", (int)pid);
	check(tool_run(targv, "", out, size) == 0, "trace -p exits 0", out);
	snprintf(line, sizeof(line), "[%d] exit 5", (int)pid);
	check(line_has(out, line, NULL), "trace -p sees the exit", out);
	check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 5, "... and so does the real parent", out);

	pid = start_sleeper();
	snprintf(pidarg, sizeof(pidarg), "%d", (int)pid);
	check(tool_run(pargv, "regs\ndetach\nq\n", out, size) == 0,
	    "pdb -p exits 0", out);
	snprintf(line, sizeof(line), "process %d detached", (int)pid);
	check(line_has(out, "eip    0x", NULL) && line_has(out, line, NULL),
	    "pdb -p: registers, then detach", out);
	check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 5, "the detached process ends as it would",
	    out);

	status = pdb_run("kill\nq\n", out, size);
	check(status == 0 && line_has(out, "killed by Killed", NULL),
	    "pdb's kill ends the process it started", out);
}

int
main(void)
{
	static char out[OUTMAX];
	int status;

	/* A breakpoint by name, bt, and the run to the end. */
	status = pdb_run("break add\nc\nbt\nregs\nc\nq\n", out, sizeof(out));
	check(status == 0, "pdb exits 0", out);
	check(line_has(out, "breakpoint 1 at 0x", "<add>"),
	    "break add names the function", out);
	check(line_has(out, "breakpoint 1, stopped at 0x", "<add>"),
	    "the breakpoint is hit, at add itself", out);
	check(line_has(out, "#0  0x", "<add>") &&
	    line_has(out, "#1  0x", "<main+"), "bt: add, called by main", out);
	check(line_has(out, "eip    0x", NULL) &&
	    line_has(out, "eflags 0x", NULL), "regs prints the registers",
	    out);
	check(line_has(out, "exited with status 7", NULL),
	    "the target runs to its end: status 7", out);

	/*
	 * While stopped, x shows the program's bytes: add begins with
	 * push %ebp (0x55), not the int3 (0xcc) that is in while it runs.
	 */
	status = pdb_run("break add\nb main\nc\nx add 1\nq\n", out,
	    sizeof(out));
	check(line_has(out, "breakpoint 2, stopped at", "<main>"),
	    "stopped at main first", out);
	check(x_word_ends(out, "<add>: 0x", "55"), "x add shows push %ebp",
	    out);

	/* next steps over the call to add: never stops inside it. */
	status = pdb_run("b main\nc\nn\nn\nn\nn\nn\nn\nn\nn\nc\nq\n", out,
	    sizeof(out));
	check(count(out, "stopped at 0x") >= 9, "nine stops", out);
	check(strstr(out, "<add") == NULL, "next never stops in add", out);
	check(line_has(out, "exited with status 7", NULL),
	    "and the target still ends with 7", out);

	/* step: one instruction from the first, still in _start. */
	status = pdb_run("s\ns\nq\n", out, sizeof(out));
	check(count(out, "stopped at 0x") == 3, "two steps, two stops", out);
	check(line_has(out, "stopped at 0x", "<_start+"),
	    "a step moves within _start", out);

	/* set, then regs: the register round trip through the kernel. */
	status = pdb_run("set ecx 0x1234\nregs\nq\n", out, sizeof(out));
	check(line_has(out, "ecx    0x00001234", NULL),
	    "set ecx shows in regs", out);

	/* follow child: the fork is reported, the child's exit seen. */
	status = pdb_run("follow child\nc\nc\nq\n", out, sizeof(out));
	check(line_has(out, "] fork -> ", "following the child"),
	    "the fork is reported", out);
	check(line_has(out, "exited with status 3", NULL),
	    "the child's exit (status 3) is seen", out);

	/* follow parent (the default): the parent's exit is seen. */
	status = pdb_run("c\nc\nq\n", out, sizeof(out));
	check(line_has(out, "] fork -> ", "following the parent"),
	    "the fork is reported (parent)", out);
	check(line_has(out, "exited with status 7", NULL),
	    "the parent's exit (status 7) is seen", out);

	/* delete: the breakpoint is gone, the run goes to the end. */
	status = pdb_run("break add\ndelete 1\ndelete 1\nc\nq\n", out,
	    sizeof(out));
	check(strstr(out, "breakpoint 1,") == NULL &&
	    line_has(out, "delete: no breakpoint 1", NULL) &&
	    line_has(out, "exited with status 7", NULL),
	    "delete removes a breakpoint, once", out);

	/* Bad commands get a word, not a crash. */
	status = pdb_run("frobnicate\nbreak nosuchfunction\nx\nq\n", out,
	    sizeof(out));
	check(status == 0, "pdb exits 0 after bad commands", out);
	check(line_has(out, "unknown command frobnicate", NULL) &&
	    line_has(out, "no function or address nosuchfunction", NULL) &&
	    line_has(out, "usage: x", NULL), "each is answered", out);

	/* trace -f: exec, the fork, both exits, the tree. */
	status = trace_run(1, NULL, out, sizeof(out));
	check(status == 0, "trace exits 0", out);
	check(line_has(out, "] exec pdb-target", NULL), "exec is seen", out);
	check(count(out, "] fork -> ") == 1, "one fork, said once", out);
	check(line_has(out, "] exit 3", NULL) && line_has(out, "] exit 7",
	    NULL), "both exits", out);
	check(line_has(out, "process tree:", NULL) &&
	    strstr(out, " pdb-target (exit 7)\n    ") != NULL &&
	    line_has(out, "    ", "pdb-target (exit 3)"),
	    "the tree: the child under the parent", out);
	/* The parent's SIGCHLD is real; nothing else is. */
	check(count(out, "signal SIG") == count(out, "signal SIGCHLD"),
	    "no signal made up", out);
	check(count(out, "] exec ") == 1, "one exec: the fork is none", out);

	/* Without -f the fork is not followed. */
	status = trace_run(0, NULL, out, sizeof(out));
	check(count(out, "fork -> ") == 0 && count(out, "] exit ") == 1 &&
	    line_has(out, "] exit 7", NULL), "trace: only the parent", out);

	/* A signal is reported and handed on: the handler ran (exit 7). */
	status = trace_run(0, "sig", out, sizeof(out));
	check(line_has(out, "] signal SIGUSR1", NULL) &&
	    line_has(out, "] exit 7", NULL), "SIGUSR1 reported, delivered",
	    out);

	/* An exec of a program of the same name is still an exec. */
	status = trace_run(0, "reexec", out, sizeof(out));
	check(count(out, "] exec pdb-target") == 2 &&
	    line_has(out, "] exit 7", NULL), "trace: the same name exec'd",
	    out);

	/* A fault: the SIGSEGV stop, then the death. */
	status = trace_run(0, "segv", out, sizeof(out));
	check(line_has(out, "] signal SIGSEGV", NULL) &&
	    line_has(out, "] killed by SIGSEGV", NULL), "SIGSEGV and death",
	    out);

	/* Bad use. */
	{
		char *argv[] = { "/bin/trace", NULL };

		check(tool_run(argv, "", out, sizeof(out)) == 1 &&
		    strstr(out, "usage: trace") != NULL, "trace: usage", out);
	}

	test_attach(out, sizeof(out));
	printf("%s: %d failed\n", failures ? "not ok" : "ok", failures);
	return failures;
}
