/*
 * sh: a small POSIX-ish shell.
 *
 *	sh                      commands from standard input: on a
 *	                        terminal with prompts and job control
 *	sh -c string [name [arg ...]]
 *	                        the commands in string; $0 is name,
 *	                        $1 ... the args
 *	sh file [arg ...]       a script
 *
 * It knows pipelines; lists with ; & && || and a ! before a pipeline;
 * the redirections [n]<file [n]>file [n]>>file [n]>&m [n]<&m; quoting
 * with ' " and \; comments; variables, the environment, positional and
 * special parameters; builtins cd, exit, export, unset, set, shift, :
 * and, on a terminal, job control (jobs, fg, bg, kill %n, wait, ^C, ^Z).
 * Not here: if, while, for, case, functions, command substitution,
 * arithmetic, globs, here-documents.  docs/shell.md has the grammar.
 *
 * This file holds the shell's state and its main loop, which reads a
 * command (more lines while one is unfinished: an open quote, a
 * trailing |), parses it and runs it; sh.h says where the rest is.
 * Without a terminal (sh -c, a script, init's /etc/rc) there is no
 * prompt and no job control, and a syntax error ends the shell.
 */

#include <sys/types.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "sh.h"

/* read_line()'s ends other than a line. */
#define IN_EOF		(-1)
#define IN_LONG		(-2)	/* longer than the buffer: dropped */
#define IN_INTR		(-3)	/* ^C at the prompt */

struct input {
	int		 in_fd;		/* -1: reading in_str */
	const char	*in_str;	/* sh -c's string: what is left */
};

int interactive;		/* on a terminal: job control */
int last_status;		/* $? */
pid_t shell_pid;		/* $$ */
pid_t last_bg_pid;		/* $! */
volatile sig_atomic_t interrupted;	/* ^C: drop the rest of the line */
static int prompt;		/* reading a terminal: prompt, go on after errors */

/* The job control signals the shell keeps away from itself. */
static const int jobsigs[] = { SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };

static void
onintr(int sig __unused)
{
	interrupted = 1;
}

/*
 * Set the shell's signals: ^C only ends a read at the prompt (a handler
 * without SA_RESTART), the job control ones are ignored.  Children get
 * every one back at its default (dfl).
 */
void
shell_signals(int dfl)
{
	struct sigaction sa = { .sa_handler = dfl ? SIG_DFL : onintr };
	size_t i;

	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = dfl ? SIG_DFL : SIG_IGN;
	for (i = 0; i < sizeof(jobsigs) / sizeof(jobsigs[0]); i++)
		sigaction(jobsigs[i], &sa, NULL);
}

/* The end of a process forked from the shell, its output flushed. */
__dead void
subshell_exit(int status)
{
	exit(status);
}

/*
 * On a terminal, prompt; and take control of jobs if it is the shell's
 * controlling terminal: the shell in a group of its own that has it.
 */
static void
shell_init(void)
{
	prompt = isatty(STDIN_FILENO);
	if (!prompt || tcgetpgrp(STDIN_FILENO) == -1)
		return;
	interactive = 1;
	shell_signals(0);
	if (getpgrp() != shell_pid)
		setpgid(0, shell_pid);
	tcsetpgrp(STDIN_FILENO, shell_pid);
}

/* Prompt with variable name (dflt if unset), on a terminal only. */
static void
show_prompt(const char *name, const char *dflt)
{
	const char *s;

	if (!prompt)
		return;
	if ((s = var_get(name)) == NULL)
		s = dflt;
	printf("%s", s);
	fflush(stdout);		/* a prompt has no newline */
}

/*
 * The next character of input; EOF at its end, IN_INTR for a ^C.  A
 * descriptor is read a byte at a time so that what the shell has not
 * read is left for the commands it runs (init's /etc/rc is our stdin).
 */
static int
input_char(struct input *in)
{
	unsigned char c;
	ssize_t n;

	if (in->in_fd == -1)
		return *in->in_str == '\0' ? EOF :
		    (unsigned char)*in->in_str++;
	while ((n = read(in->in_fd, &c, 1)) == -1 && errno == EINTR)
		if (interrupted)
			return IN_INTR;
	return n == 1 ? c : EOF;
}

/*
 * Read one line into buf (size bytes), without its newline.  Returns
 * its length, IN_EOF if input has ended, IN_INTR, or IN_LONG if it did
 * not fit (the whole line is read all the same).
 */
static int
read_line(struct input *in, char *buf, size_t size)
{
	size_t n = 0;
	int c, any = 0, toolong = 0;

	while ((c = input_char(in)) != EOF && c != '\n') {
		if (c == IN_INTR)
			return IN_INTR;
		any = 1;
		if (c == '\0')
			continue;	/* a NUL would end the line early */
		if (n + 1 < size)
			buf[n++] = c;
		else
			toolong = 1;
	}
	if (size > 0)
		buf[n] = '\0';
	if (toolong)
		return IN_LONG;
	return c == EOF && !any ? IN_EOF : (int)n;
}

/* read_line() ended without a line: IN_EOF, IN_INTR, or an error. */
static int
input_end(int n)
{
	if (n != IN_LONG)
		return n;
	dprintf(STDERR_FILENO, "sh: line too long\n");
	return PARSE_ERROR;
}

/*
 * Read one command into line (MAXLINE bytes) and parse it into ps: a
 * line, and the next ones while the parser wants more (prompted with
 * PS2), joined with newlines.  Returns PARSE_OK, PARSE_ERROR (reported),
 * IN_EOF or IN_INTR.
 */
static int
read_command(struct input *in, char *line, struct parse *ps)
{
	int len, n, r;

	show_prompt("PS1", "$ ");
	if ((len = read_line(in, line, MAXLINE)) < 0)
		return input_end(len);
	while ((r = parse_line(line, 0, ps)) == PARSE_MORE) {
		show_prompt("PS2", "> ");
		/* read_line() left len <= MAXLINE - 2: room for '\n', NUL. */
		n = read_line(in, line + len + 1, MAXLINE - len - 1);
		if (n == IN_EOF)
			return parse_line(line, 1, ps);
		if (n < 0)
			return input_end(n);
		line[len] = '\n';
		len += 1 + n;
	}
	return r;
}

/*
 * Read, parse and run commands until input ends; returns $?.  Without
 * a terminal a syntax error ends it (status 2), as POSIX says.
 */
static int
shell_loop(struct input *in)
{
	static char line[MAXLINE];
	static struct parse ps;	/* 20 KiB: not on the stack */
	int r;

	for (;;) {
		jobs_reap();
		interrupted = 0;
		r = read_command(in, line, &ps);
		if (r == IN_EOF)
			return last_status;
		if (r == IN_INTR)
			continue;	/* ^C at the prompt: a new one */
		if (r == PARSE_ERROR) {
			last_status = 2;
			if (!prompt)
				return last_status;
			continue;
		}
		run_list(&ps);
	}
}

static __dead void
usage(void)
{
	dprintf(STDERR_FILENO, "usage: sh [-c string [name [arg ...]]]"
	    " [file [arg ...]]\n");
	exit(2);
}

/*
 * A script to read: open it close-on-exec, on a descriptor above the
 * ones a redirection can name (0 to 9).  Ends the shell if it cannot.
 */
static int
open_script(const char *path)
{
	int fd, high;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		dprintf(STDERR_FILENO, "sh: %s: %s\n", path, strerror(errno));
		exit(errno == ENOENT ? 127 : 126);
	}
	if ((high = fcntl(fd, F_DUPFD_CLOEXEC, 10)) == -1)
		return fd;
	close(fd);
	return high;
}

int
main(int argc, char *argv[])
{
	struct input in = { STDIN_FILENO, NULL };
	const char *zero = argc > 0 ? argv[0] : "sh";
	int first = argc;	/* the first of $1 ... in argv */

	shell_pid = getpid();
	var_init(environ);
	if (argc > 1 && strcmp(argv[1], "-c") == 0) {
		if (argc < 3)
			usage();
		in.in_fd = -1;
		in.in_str = argv[2];
		if (argc > 3) {
			zero = argv[3];
			first = 4;
		}
	} else if (argc > 1 && argv[1][0] == '-')
		usage();
	else if (argc > 1) {
		in.in_fd = open_script(argv[1]);
		zero = argv[1];
		first = 2;
	} else
		shell_init();
	if (pos_set(zero, argc - first, argv + first) == -1)
		exit(2);
	exit(shell_loop(&in));
}
