/*
 * sh: a first shell.  It reads a line, splits it into words, and runs the
 * program named by the first: fork, then execve in the child (a name
 * without a '/' is looked for in /bin), and waitpid in the parent.  A
 * line ending in '&' is not waited for.  Built in: exit [status].
 * FIXME (issue 6): quoting, redirection, pipes, cd, job control.
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

/* Run argv; wait for it unless background. */
static void
run(char *argv[], int background)
{
	int status;
	pid_t pid;

	if ((pid = fork()) == -1) {
		dprintf(STDERR_FILENO, "sh: fork: error %d\n", errno);
		return;
	}
	if (pid == 0)
		child(argv);
	if (background) {
		printf("[%d]\n", pid);
		return;
	}
	if (waitpid(pid, &status, 0) != pid)
		return;
	if (WIFSIGNALED(status))
		printf("sh: %s: killed by signal %d\n", argv[0],
		    WTERMSIG(status));
	else if (WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != 127)
		printf("sh: %s: exit status %d\n", argv[0],
		    WEXITSTATUS(status));
}

int
main(void)
{
	char line[MAXLINE], *argv[MAXARGS];
	int argc, background;

	for (;;) {
		while (waitpid(-1, NULL, WNOHANG) > 0)
			continue;		/* reap background jobs */
		printf("$ ");
		if (!readline(line, sizeof(line)))
			exit(0);		/* end of file: ^D */
		if ((argc = split(line, argv)) == 0)
			continue;
		background = strcmp(argv[argc - 1], "&") == 0;
		if (background)
			argv[--argc] = NULL;
		if (argc == 0)
			continue;
		if (strcmp(argv[0], "exit") == 0)
			exit(argc > 1 ? atoi(argv[1]) : 0);
		run(argv, background);
	}
}
