/*
 * sh: a first shell.  It reads a line, splits it into commands at '|' and
 * each command into words, and runs each as a process: fork, then execve
 * in the child (a name without a '/' is looked for in /bin), standard
 * output piped into the next command's standard input, and waitpid for
 * all of them in the parent.  A line ending in '&' is not waited for.
 * Built in: exit [status], cd [dir] (to "/" without one).
 * FIXME: quoting, redirection, job control.
 */

#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAXLINE	256
#define MAXARGS	16

/* Read one line from standard input; 0 at end of file. */
static int
readline(char *buf, int size)
{
	int n = 0;
	char c;

	while (n < size - 1 && read(STDIN_FILENO, &c, 1) == 1) {
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

/* The child: become the program argv names. */
static __dead void
child(char *argv[])
{
	char path[MAXLINE];

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
	if (WIFSIGNALED(status))
		printf("sh: %s: killed by signal %d\n", name,
		    WTERMSIG(status));
	else if (WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != 127)
		printf("sh: %s: exit status %d\n", name, WEXITSTATUS(status));
}

/*
 * Start command argv with in and out as its standard input and output
 * (-1: the shell's own); returns its pid, or -1.
 */
static pid_t
start(char *argv[], int in, int out, int closefd)
{
	pid_t pid;

	if ((pid = fork()) == -1) {
		dprintf(STDERR_FILENO, "sh: fork: error %d\n", errno);
		return -1;
	}
	if (pid == 0) {
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
	return pid;
}

/*
 * Run the pipeline cmds[0] | cmds[1] | ... (ncmds commands, each a word
 * vector); wait for all of it unless background.
 */
static void
run(char **cmds[], int ncmds, int background)
{
	pid_t pids[MAXARGS];
	int i, in = -1, fds[2], status;

	for (i = 0; i < ncmds; i++) {
		fds[0] = fds[1] = -1;
		if (i + 1 < ncmds && pipe(fds) == -1) {
			dprintf(STDERR_FILENO, "sh: pipe: error %d\n", errno);
			break;
		}
		pids[i] = start(cmds[i], in, fds[1], fds[0]);
		if (in != -1)
			close(in);
		if (fds[1] != -1)
			close(fds[1]);
		in = fds[0];
	}
	if (in != -1)
		close(in);
	if (background) {
		printf("[%d]\n", pids[ncmds - 1]);
		return;
	}
	while (--i >= 0)
		if (pids[i] != -1 && waitpid(pids[i], &status, 0) == pids[i] &&
		    i == ncmds - 1)
			report(cmds[i][0], status);
}

int
main(void)
{
	char line[MAXLINE], *words[MAXARGS], **cmds[MAXARGS];
	int argc, background, i, ncmds;

	for (;;) {
		while (waitpid(-1, NULL, WNOHANG) > 0)
			continue;		/* reap background jobs */
		printf("$ ");
		fflush(stdout);		/* the prompt has no newline */
		if (!readline(line, sizeof(line)))
			exit(0);		/* end of file: ^D */
		if ((argc = split(line, words)) == 0)
			continue;
		background = strcmp(words[argc - 1], "&") == 0;
		if (background)
			words[--argc] = NULL;
		if (argc == 0)
			continue;
		if (strcmp(words[0], "exit") == 0)
			exit(argc > 1 ? atoi(words[1]) : 0);
		if (strcmp(words[0], "cd") == 0) {
			cd(argc > 1 ? words[1] : "/");
			continue;
		}
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
		run(cmds, ncmds, background);
	}
}
