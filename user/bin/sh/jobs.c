/*
 * jobs.c: the job table, and job control as a POSIX shell does it on a
 * terminal (tty(4), docs/tty.md).
 *
 * Each pipeline the shell forks for is a job; with job control (an
 * interactive shell) each job is a process group of its own (setpgid in
 * both the parent and the child, whichever runs first), and a foreground
 * job gets the terminal (tcsetpgrp), so that ^C and ^Z reach it and not
 * the shell, which waits for it with WUNTRACED and then takes the
 * terminal back.  Without job control (sh -c, a script) jobs stay in the
 * shell's group, the terminal is left alone, a background job reads
 * /dev/null, and nothing is announced.
 *
 * Built in here: jobs, fg [%n], bg [%n], kill [-sig] %n, wait [%n|pid].
 */

#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "sh.h"

struct job {
	pid_t	j_pgid;			/* 0: a free slot */
	pid_t	j_pids[MAXPIPE];	/* its processes, 0 once ended */
	int	j_npids;
	int	j_stopped;		/* stopped by ^Z or a signal */
	int	j_status;		/* its last process's wait status */
	pid_t	j_last;			/* its last process */
	char	j_cmd[128];		/* as typed */
	char	j_name[32];		/* its last command's name */
};

static struct job jobs[MAXJOBS];
static int bg_status = -1;	/* $!'s status once its job is freed */

/* The job's number as the user sees it ([1]). */
static int
jobno(struct job *j)
{
	return j - jobs + 1;
}

/*
 * A new job, typed as text (len bytes; with " &" if background), its
 * last command called name.  NULL (reported) if the table is full.
 */
struct job *
job_new(const char *text, int len, const char *name, int bg)
{
	struct job *j;

	for (j = jobs; j < jobs + MAXJOBS && j->j_pgid != 0; j++)
		continue;
	if (j == jobs + MAXJOBS) {
		dprintf(STDERR_FILENO, "sh: too many jobs\n");
		return NULL;
	}
	memset(j, 0, sizeof(*j));
	snprintf(j->j_cmd, sizeof(j->j_cmd), "%.*s%s", len, text,
	    bg ? " &" : "");
	snprintf(j->j_name, sizeof(j->j_name), "%s", name);
	return j;
}

/*
 * Fork a process of job j that runs fn(arg) (which must not return),
 * with in and out as its standard input and output (-1: the shell's
 * own) and closefd closed (the far end of its pipe, or -1); fg: it is
 * to have the terminal.  Returns its pid, or -1 (reported).
 * => Fewer than MAXPIPE processes in j.
 */
pid_t
job_start(struct job *j, void (*fn)(void *), void *arg, int in, int out,
    int closefd, int fg)
{
	pid_t pid;

	fflush(NULL);			/* or the child prints it again */
	if ((pid = fork()) == -1) {
		dprintf(STDERR_FILENO, "sh: fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		if (interactive) {
			/* Here as in the parent: whichever runs first. */
			setpgid(0, j->j_pgid != 0 ? j->j_pgid : getpid());
			if (fg)	/* SIGTTOU is still ignored */
				tcsetpgrp(STDIN_FILENO, getpgrp());
			shell_signals(1);
		} else if (!fg && in == -1)
			in = open("/dev/null", O_RDONLY);
		if (in != -1 && in != STDIN_FILENO) {
			dup2(in, STDIN_FILENO);
			close(in);
		}
		if (out != -1) {
			dup2(out, STDOUT_FILENO);
			close(out);
		}
		if (closefd != -1)
			close(closefd);
		interactive = 0;	/* a subshell: no job control */
		fn(arg);
		_exit(127);
	}
	if (j->j_pgid == 0)
		j->j_pgid = pid;
	if (interactive)
		setpgid(pid, j->j_pgid);
	j->j_pids[j->j_npids++] = pid;
	j->j_last = pid;
	return pid;
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
			else {
				j->j_pids[i] = 0;
				if (i == j->j_npids - 1)
					j->j_status = status;
			}
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

/* A wait status as $? has it: 128 + the signal for a killed process. */
static int
exit_status(int status)
{
	return WIFSIGNALED(status) ? 128 + WTERMSIG(status) :
	    WEXITSTATUS(status);
}

/*
 * A job has ended: say so (with job control), free its slot.  The
 * status of $!'s job is kept for a "wait $!" that comes later.
 */
static void
job_free(struct job *j, int quiet)
{
	if (interactive && !quiet)
		printf("[%d]  Done  %s\n", jobno(j), j->j_cmd);
	if (last_bg_pid != 0 && j->j_last == last_bg_pid)
		bg_status = exit_status(j->j_status);
	j->j_pgid = 0;
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

/*
 * Run job j in the foreground: give it the terminal, wait until it ends
 * or stops, take the terminal back.  verbose: an interactive shell says
 * how it ended if not well.  Returns its status ($?).  A job killed by
 * ^C sets interrupted: the rest of the line is not run.
 */
int
job_foreground(struct job *j, int verbose)
{
	struct job *k;
	int status;
	pid_t pid;

	if (interactive)
		tcsetpgrp(STDIN_FILENO, j->j_pgid);
	while (!job_done(j) && !j->j_stopped) {
		/* Without job control the job is in the shell's group. */
		pid = waitpid(interactive ? -j->j_pgid : -1, &status,
		    WUNTRACED);
		if (pid == -1)
			break;
		if ((k = job_status(pid, status)) != NULL && k != j &&
		    job_done(k))
			job_free(k, 0);
	}
	if (interactive)
		tcsetpgrp(STDIN_FILENO, getpgrp());
	if (j->j_stopped) {
		printf("[%d]+ Stopped  %s\n", jobno(j), j->j_cmd);
		return 128 + SIGTSTP;
	}
	if (interactive && verbose)
		report(j->j_name, j->j_status);
	if (interactive && WIFSIGNALED(j->j_status) &&
	    WTERMSIG(j->j_status) == SIGINT)
		interrupted = 1;
	job_free(j, 1);
	return exit_status(j->j_status);
}

/*
 * The job's processes are started: wait for it (its status), or in the
 * background announce it (with job control) and make its last process
 * $! (status 0).  A job with no process (fork failed) is freed: status 1.
 */
int
job_run(struct job *j, int bg, int verbose)
{
	if (j->j_npids == 0) {
		j->j_pgid = 0;
		return 1;
	}
	if (!bg)
		return job_foreground(j, verbose);
	last_bg_pid = j->j_last;
	bg_status = -1;
	if (interactive)
		printf("[%d] %d\n", jobno(j), j->j_pgid);
	return 0;
}

/* Collect what background jobs did; report the finished ones. */
void
jobs_reap(void)
{
	struct job *j;
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG | WUNTRACED)) > 0)
		if ((j = job_status(pid, status)) != NULL && job_done(j))
			job_free(j, 0);
}

/* A subshell's table starts empty: the jobs are its parent's. */
void
jobs_forget(void)
{
	memset(jobs, 0, sizeof(jobs));
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

/* The job with a process pid, or NULL. */
static struct job *
findpid(pid_t pid)
{
	struct job *j;
	int i;

	for (j = jobs; j < jobs + MAXJOBS; j++)
		for (i = 0; j->j_pgid != 0 && i < j->j_npids; i++)
			if (j->j_pids[i] == pid)
				return j;
	return NULL;
}

/* jobs: list them. */
int
bi_jobs(int argc __unused, char **argv __unused)
{
	struct job *j;

	jobs_reap();
	for (j = jobs; j < jobs + MAXJOBS; j++)
		if (j->j_pgid != 0)
			printf("[%d]  %s  %s\n", jobno(j),
			    j->j_stopped ? "Stopped" : "Running", j->j_cmd);
	return 0;
}

/* fg [%n] and bg [%n]: continue a job, in the foreground or not. */
static int
fgbg(int fg, const char *spec)
{
	struct job *j;

	if ((j = findjob(spec)) == NULL) {
		dprintf(STDERR_FILENO, "sh: %s: no such job\n",
		    fg ? "fg" : "bg");
		return 1;
	}
	if (fg)
		printf("%s\n", j->j_cmd);
	else
		printf("[%d]+ %s\n", jobno(j), j->j_cmd);
	j->j_stopped = 0;
	if (fg && interactive)
		tcsetpgrp(STDIN_FILENO, j->j_pgid);
	kill(-j->j_pgid, SIGCONT);
	return fg ? job_foreground(j, 1) : 0;
}

int
bi_fg(int argc, char **argv)
{
	return fgbg(1, argc > 1 ? argv[1] : NULL);
}

int
bi_bg(int argc, char **argv)
{
	return fgbg(0, argc > 1 ? argv[1] : NULL);
}

/*
 * kill [-sig] %n: signal a job's group (a stopped one is continued).
 * builtin.c sends a kill without a %n to /bin/kill.
 */
int
bi_kill(int argc, char **argv)
{
	int sig = SIGTERM, i = 1;
	struct job *j;

	if (argc > 1 && argv[1][0] == '-')
		sig = atoi(argv[i++] + 1);
	if (i >= argc || (j = findjob(argv[i])) == NULL) {
		dprintf(STDERR_FILENO, "sh: kill: %s: no such job\n",
		    i < argc ? argv[i] : "");
		return 1;
	}
	if (kill(-j->j_pgid, sig) == -1) {
		dprintf(STDERR_FILENO, "sh: kill: %s: %s\n", argv[i],
		    strerror(errno));
		return 1;
	}
	if (j->j_stopped && sig != SIGKILL && sig != SIGCONT)
		kill(-j->j_pgid, SIGCONT);	/* to take the signal */
	return 0;
}

/*
 * Wait for any child and account for it; a job (not keep) that ends
 * with it is freed.  -1: no child is left, or a ^C interrupted.
 */
static int
wait_any(struct job *keep)
{
	struct job *k;
	int status;
	pid_t pid;

	if ((pid = waitpid(-1, &status, 0)) == -1)
		return -1;
	if ((k = job_status(pid, status)) != NULL && k != keep &&
	    job_done(k))
		job_free(k, 0);
	return 0;
}

/* wait %n or wait pid: until that job ends; its status. */
static int
wait_one(const char *spec)
{
	struct job *j;
	int status;

	j = spec[0] == '%' ? findjob(spec) : findpid(atoi(spec));
	if (j == NULL && spec[0] != '%' && atoi(spec) == last_bg_pid &&
	    bg_status != -1)
		return bg_status;	/* $!, reaped already */
	if (j == NULL) {
		dprintf(STDERR_FILENO, "sh: wait: %s: no such job\n", spec);
		return 127;
	}
	while (!job_done(j))
		if (wait_any(j) == -1)
			return 128 + SIGINT;
	status = exit_status(j->j_status);
	job_free(j, 1);
	return status;
}

/*
 * wait [%n | pid ...]: until the jobs named have ended (the status is
 * the last one's), or without one until every child has, each job
 * reported done.  ^C ends the wait.
 */
int
bi_wait(int argc, char **argv)
{
	int i, status = 0;

	for (i = 1; i < argc && !interrupted; i++)
		status = wait_one(argv[i]);
	if (argc == 1)
		while (wait_any(NULL) == 0)
			continue;
	interrupted = 0;
	return status;
}
