/*
 * sh: a small shell.  It reads a line, splits it into commands at '|' and
 * each command into words, and runs each as a process: fork, then execve
 * in the child (a name without a '/' is looked for in /bin), standard
 * output piped into the next command's standard input.
 *
 * Job control, as a POSIX shell does it on a terminal (tty(4)): each
 * pipeline is a job in a process group of its own (setpgid in both the
 * parent and the child, whichever runs first); a foreground job gets the
 * terminal (tcsetpgrp), so ^C and ^Z reach it and not the shell, and the
 * shell waits for it with WUNTRACED and takes the terminal back.  A line
 * ending in '&' is a background job.  The shell itself ignores the job
 * control signals; its children have them back at their defaults.
 * Redirections: <file, >file, >>file (or with a space before the file).
 * "$?" as a word is the last foreground job's status.
 * Built in: exit [status], cd [dir] (to "/" without one), wait, jobs,
 * fg [%n], bg [%n], kill [-sig] %n.
 * FIXME: quoting, variables.
 */

#include <sys/types.h>
#include <sys/wait.h>
#include <signal.h>
#include <termios.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAXLINE	256
#define MAXARGS	16
#define MAXJOBS	8

/* A job: a pipeline, one process group. */
struct job {
	pid_t	j_pgid;			/* 0: a free slot */
	pid_t	j_pids[MAXARGS];	/* its processes, 0 once ended */
	int	j_npids;
	int	j_stopped;		/* stopped by ^Z or a signal */
	char	j_cmd[MAXLINE];		/* as typed */
	char	j_name[32];		/* its last command's name */
};

static struct job jobs[MAXJOBS];
static int interactive;		/* on a terminal: job control */
static pid_t shell_pgid;
static volatile sig_atomic_t interrupted;
static int last_status;		/* $?: the last foreground job's */
static int prompt;		/* reading a terminal: prompt for lines */

/* Read one line from standard input; 0 at end of file. */
static int
readline(char *buf, int size)
{
	int n = 0;
	char c;

	c = '\0';
	while (n < size - 1) {
		if (read(STDIN_FILENO, &c, 1) != 1) {
			if (errno == EINTR && interrupted) {
				/* ^C at the prompt: drop the line. */
				interrupted = 0;
				buf[0] = '\0';
				return 1;
			}
			break;
		}
		if (c == '\n')
			break;
		buf[n++] = c;
	}
	buf[n] = '\0';
	return n > 0 || c == '\n';
}

/* Split line into words at spaces; returns how many. */
static int
split(char *line, char *argv[])
{
	int argc = 0;

	while (*line != '\0' && argc < MAXARGS - 1) {
		while (*line == ' ' || *line == '\t')
			*line++ = '\0';
		if (*line == '\0')
			break;
		argv[argc++] = line;
		while (*line != '\0' && *line != ' ' && *line != '\t')
			line++;
	}
	argv[argc] = NULL;
	return argc;
}

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
static void
shell_signals(int dfl)
{
	struct sigaction sa = { dfl ? SIG_DFL : onintr, 0, 0 };
	size_t i;

	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = dfl ? SIG_DFL : SIG_IGN;
	for (i = 0; i < sizeof(jobsigs) / sizeof(jobsigs[0]); i++)
		sigaction(jobsigs[i], &sa, NULL);
}

/*
 * One redirection word, "<file", ">file" or ">>file" (or the operator
 * alone, with the file in the next word): open the file onto standard
 * input or output.  Returns the words it used (0: not a redirection);
 * a file that cannot be opened ends the child with status 1.
 */
static int
redirect(char *argv[])
{
	const char *op = argv[0], *file;
	int fd, target, flags, used = 1;

	if (op[0] == '<') {
		target = STDIN_FILENO;
		flags = O_RDONLY;
		file = op + 1;
	} else if (op[0] == '>') {
		target = STDOUT_FILENO;
		flags = O_WRONLY | O_CREAT |
		    (op[1] == '>' ? O_APPEND : O_TRUNC);
		file = op + (op[1] == '>' ? 2 : 1);
	} else
		return 0;
	if (*file == '\0') {
		if ((file = argv[1]) == NULL) {
			dprintf(STDERR_FILENO, "sh: %s: no file named\n", op);
			_exit(1);
		}
		used = 2;
	}
	if ((fd = open(file, flags, 0666)) == -1) {
		dprintf(STDERR_FILENO, "sh: %s: %s\n", file, strerror(errno));
		_exit(1);
	}
	if (fd != target) {
		dup2(fd, target);
		close(fd);
	}
	return used;
}

/* Carry out argv's redirections, taking their words out of argv. */
static void
redirections(char *argv[])
{
	int i = 0, j = 0, n;

	while (argv[i] != NULL) {
		if ((n = redirect(argv + i)) > 0)
			i += n;
		else
			argv[j++] = argv[i++];
	}
	argv[j] = NULL;
}

/*
 * The child: its redirections (after the pipeline's, so that they win,
 * as POSIX says), then become the program argv names.
 */
static __dead void
child(char *argv[])
{
	char path[MAXLINE];

	redirections(argv);
	if (argv[0] == NULL)
		_exit(0);		/* only redirections */

	if (strchr(argv[0], '/') != NULL)
		snprintf(path, sizeof(path), "%s", argv[0]);
	else
		snprintf(path, sizeof(path), "/bin/%s", argv[0]);
	execve(path, argv, environ);
	dprintf(STDERR_FILENO, "sh: %s: %s\n", argv[0],
	    errno == ENOENT ? "not found" : "cannot run it");
	_exit(127);
}

/* The cd builtin: it must be the shell itself that changes directory. */
static void
cd(const char *dir)
{
	if (chdir(dir) == -1)
		dprintf(STDERR_FILENO, "sh: cd: %s: %s\n", dir,
		    errno == ENOENT ? "no such directory" :
		    errno == ENOTDIR ? "not a directory" : "cannot go there");
}

/* Report how a foreground command ended, if not plainly. */
static void
report(const char *name, int status)
{
	if (WIFSIGNALED(status) && WTERMSIG(status) != SIGINT)
		printf("sh: %s: killed by signal %d\n", name,
		    WTERMSIG(status));
	else if (WIFEXITED(status) && WEXITSTATUS(status) != 0 &&
	    WEXITSTATUS(status) != 127)
		printf("sh: %s: exit status %d\n", name, WEXITSTATUS(status));
}

/* The job's number as the user sees it ([1]). */
static int
jobno(struct job *j)
{
	return j - jobs + 1;
}

/* Job %n, or the most recent one for NULL; NULL if there is none. */
static struct job *
findjob(const char *spec)
{
	int n;

	if (spec == NULL) {
		for (n = MAXJOBS - 1; n >= 0; n--)
			if (jobs[n].j_pgid != 0)
				return &jobs[n];
		return NULL;
	}
	n = atoi(spec[0] == '%' ? spec + 1 : spec);
	if (n < 1 || n > MAXJOBS || jobs[n - 1].j_pgid == 0)
		return NULL;
	return &jobs[n - 1];
}

/* Account for one wait status of process pid; its job, or NULL. */
static struct job *
job_status(pid_t pid, int status)
{
	struct job *j;
	int i;

	for (j = jobs; j < jobs + MAXJOBS; j++)
		for (i = 0; j->j_pgid != 0 && i < j->j_npids; i++) {
			if (j->j_pids[i] != pid)
				continue;
			if (WIFSTOPPED(status))
				j->j_stopped = 1;
			else if (WIFCONTINUED(status))
				j->j_stopped = 0;
			else
				j->j_pids[i] = 0;
			return j;
		}
	return NULL;
}

/* Are all of j's processes gone? */
static int
job_done(struct job *j)
{
	int i;

	for (i = 0; i < j->j_npids; i++)
		if (j->j_pids[i] != 0)
			return 0;
	return 1;
}

/*
 * Run job j in the foreground: give it the terminal, wait until it ends
 * or stops, take the terminal back.
 */
static void
job_foreground(struct job *j)
{
	struct job *k;
	int status = 0, last = 0;
	pid_t pid;

	if (interactive)
		tcsetpgrp(STDIN_FILENO, j->j_pgid);
	while (!job_done(j) && !j->j_stopped) {
		/* Without job control the job is in the shell's group. */
		pid = waitpid(interactive ? -j->j_pgid : -1, &status,
		    WUNTRACED);
		if (pid == -1)
			break;
		if (pid == j->j_pids[j->j_npids - 1] && !WIFSTOPPED(status))
			last = status;
		if ((k = job_status(pid, status)) != NULL && k != j &&
		    job_done(k)) {
			printf("[%d]  Done  %s\n", jobno(k), k->j_cmd);
			k->j_pgid = 0;
		}
	}
	if (interactive)
		tcsetpgrp(STDIN_FILENO, shell_pgid);
	if (j->j_stopped) {
		printf("[%d]+ Stopped  %s\n", jobno(j), j->j_cmd);
		last_status = 128 + SIGTSTP;
		return;
	}
	report(j->j_name, last);
	/* As POSIX shells say it: 128 + the signal for a killed job. */
	last_status = WIFSIGNALED(last) ? 128 + WTERMSIG(last) :
	    WEXITSTATUS(last);
	j->j_pgid = 0;
}

/*
 * Start command argv of job j with in and out as its standard input and
 * output (-1: the shell's own); returns its pid, or -1.
 */
static pid_t
start(struct job *j, char *argv[], int in, int out, int closefd, int fg)
{
	pid_t pid;

	/* What the shell printed goes before the job's output, and once. */
	fflush(stdout);
	if ((pid = fork()) == -1) {
		dprintf(STDERR_FILENO, "sh: fork: error %d\n", errno);
		return -1;
	}
	if (pid == 0) {
		if (interactive) {
			/* Here as in the parent: whichever runs first. */
			pid = getpid();
			setpgid(0, j->j_pgid != 0 ? j->j_pgid : pid);
			if (fg)	/* SIGTTOU is still ignored */
				tcsetpgrp(STDIN_FILENO, getpgrp());
		}
		shell_signals(1);
		if (in != -1) {
			dup2(in, STDIN_FILENO);
			close(in);
		}
		if (out != -1) {
			dup2(out, STDOUT_FILENO);
			close(out);
		}
		if (closefd != -1)
			close(closefd);
		child(argv);
	}
	if (j->j_pgid == 0)
		j->j_pgid = pid;
	if (interactive)
		setpgid(pid, j->j_pgid);
	return pid;
}

/*
 * Run the pipeline cmds[0] | cmds[1] | ... (ncmds commands, each a word
 * vector) as a new job, typed as line; wait for it unless background.
 */
static void
run(char **cmds[], int ncmds, int background, const char *line)
{
	struct job *j;
	int i, in = -1, fds[2];

	for (j = jobs; j < jobs + MAXJOBS && j->j_pgid != 0; j++)
		continue;
	if (j == jobs + MAXJOBS) {
		printf("sh: too many jobs\n");
		return;
	}
	memset(j, 0, sizeof(*j));
	snprintf(j->j_cmd, sizeof(j->j_cmd), "%s", line);
	snprintf(j->j_name, sizeof(j->j_name), "%s", cmds[ncmds - 1][0]);
	for (i = 0; i < ncmds; i++) {
		fds[0] = fds[1] = -1;
		if (i + 1 < ncmds && pipe(fds) == -1) {
			dprintf(STDERR_FILENO, "sh: pipe: error %d\n", errno);
			break;
		}
		j->j_pids[j->j_npids] = start(j, cmds[i], in, fds[1], fds[0],
		    !background);
		if (j->j_pids[j->j_npids] != -1)
			j->j_npids++;
		if (in != -1)
			close(in);
		if (fds[1] != -1)
			close(fds[1]);
		in = fds[0];
	}
	if (in != -1)
		close(in);
	if (j->j_npids == 0) {
		j->j_pgid = 0;
		return;
	}
	if (background)
		printf("[%d] %d\n", jobno(j), j->j_pgid);
	else
		job_foreground(j);
}

/* Collect what background jobs did; report the finished ones. */
static void
reap(void)
{
	struct job *j;
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG | WUNTRACED)) > 0)
		if ((j = job_status(pid, status)) != NULL && job_done(j)) {
			printf("[%d]  Done  %s\n", jobno(j), j->j_cmd);
			j->j_pgid = 0;
		}
}

/* jobs: list them. */
static void
bi_jobs(void)
{
	struct job *j;

	reap();
	for (j = jobs; j < jobs + MAXJOBS; j++)
		if (j->j_pgid != 0)
			printf("[%d]  %s  %s\n", jobno(j),
			    j->j_stopped ? "Stopped" : "Running", j->j_cmd);
}

/* fg [%n] and bg [%n]: continue a job, in the foreground or not. */
static void
bi_fgbg(int fg, const char *spec)
{
	struct job *j;

	if ((j = findjob(spec)) == NULL) {
		printf("sh: %s: no such job\n", fg ? "fg" : "bg");
		return;
	}
	if (fg)
		printf("%s\n", j->j_cmd);
	else
		printf("[%d]+ %s &\n", jobno(j), j->j_cmd);
	j->j_stopped = 0;
	if (fg && interactive)
		tcsetpgrp(STDIN_FILENO, j->j_pgid);
	kill(-j->j_pgid, SIGCONT);
	if (fg)
		job_foreground(j);
}

/* kill [-sig] %n: signal a job's group (a stopped one is continued). */
static int
bi_kill(int argc, char *argv[])
{
	int sig = SIGTERM, i = 1;
	struct job *j;

	if (argc > 1 && argv[1][0] == '-')
		sig = atoi(argv[i++] + 1);
	if (i >= argc || argv[i][0] != '%')
		return 0;		/* not a job: /bin/kill */
	if ((j = findjob(argv[i])) == NULL) {
		printf("sh: kill: %s: no such job\n", argv[i]);
		return 1;
	}
	if (kill(-j->j_pgid, sig) == -1)
		printf("sh: kill: %s: error %d\n", argv[i], errno);
	else if (j->j_stopped && sig != SIGKILL && sig != SIGCONT)
		kill(-j->j_pgid, SIGCONT);	/* to take the signal */
	return 1;
}

/*
 * wait: until every background job has ended (^C ends the wait), each
 * reported as done.
 */
static void
bi_wait(void)
{
	struct job *j;
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, 0)) > 0)
		if ((j = job_status(pid, status)) != NULL && job_done(j)) {
			printf("[%d]  Done  %s\n", jobno(j), j->j_cmd);
			j->j_pgid = 0;
		}
	interrupted = 0;
}

/* Replace each word "$?" with the last foreground job's status. */
static void
expand_status(char *words[])
{
	static char buf[12];
	int i;

	snprintf(buf, sizeof(buf), "%d", last_status);
	for (i = 0; words[i] != NULL; i++)
		if (strcmp(words[i], "$?") == 0)
			words[i] = buf;
}

/* A built-in command: 1 if argv was one (and is done). */
static int
builtin(int argc, char *argv[])
{
	if (strcmp(argv[0], "exit") == 0)
		exit(argc > 1 ? atoi(argv[1]) : 0);
	if (strcmp(argv[0], "cd") == 0) {
		cd(argc > 1 ? argv[1] : "/");
		return 1;
	}
	if (strcmp(argv[0], "wait") == 0) {
		bi_wait();
		return 1;
	}
	if (strcmp(argv[0], "jobs") == 0) {
		bi_jobs();
		return 1;
	}
	if (strcmp(argv[0], "fg") == 0 || strcmp(argv[0], "bg") == 0) {
		bi_fgbg(argv[0][0] == 'f', argc > 1 ? argv[1] : NULL);
		return 1;
	}
	if (strcmp(argv[0], "kill") == 0)
		return bi_kill(argc, argv);
	return 0;
}

/*
 * On a terminal, take control of jobs: the shell in a group of its own
 * that has the terminal.
 */
static void
shell_init(void)
{
	prompt = isatty(STDIN_FILENO);	/* not for a script (init's /etc/rc) */
	if (!prompt || tcgetpgrp(STDIN_FILENO) == -1)
		return;
	interactive = 1;
	shell_signals(0);
	shell_pgid = getpid();
	if (getpgrp() != shell_pgid)
		setpgid(0, shell_pgid);
	tcsetpgrp(STDIN_FILENO, shell_pgid);
}

int
main(void)
{
	char line[MAXLINE], typed[MAXLINE], *words[MAXARGS], **cmds[MAXARGS];
	int argc, background, i, ncmds;

	shell_init();
	for (;;) {
		reap();
		if (prompt) {
			printf("$ ");
			fflush(stdout);	/* the prompt has no newline */
		}
		if (!readline(line, sizeof(line)))
			exit(0);		/* end of file: ^D */
		snprintf(typed, sizeof(typed), "%s", line);
		if ((argc = split(line, words)) == 0)
			continue;
		expand_status(words);
		background = strcmp(words[argc - 1], "&") == 0;
		if (background)
			words[--argc] = NULL;
		if (argc == 0 || builtin(argc, words))
			continue;
		/* Cut the words into commands at each "|". */
		cmds[0] = words;
		for (i = ncmds = 1; i < argc; i++)
			if (strcmp(words[i], "|") == 0) {
				words[i] = NULL;
				cmds[ncmds++] = &words[i + 1];
			}
		for (i = 0; i < ncmds; i++)
			if (cmds[i][0] == NULL)
				break;
		if (i < ncmds) {
			printf("sh: a '|' without a command\n");
			continue;
		}
		run(cmds, ncmds, background, typed);
	}
}
