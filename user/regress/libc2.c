/*
 * regress/libc2: the second half of the C library's checks, with exact
 * values: stdio's positioning (fseek, ftell, rewind, fgetpos) on ramdisk
 * files, getline over a pipe, stdout's buffering when it is a pipe and
 * output across fork (the demos through a pipe print each line once),
 * the scanf family, strtod, the time conversions and strftime, and
 * <math.h>.  Prints each check that fails; exits with how many did.
 *
 * Run with an argument it is a helper for the buffering checks: the
 * parent execs it with stdout on a pipe, so that stdout's first write
 * sees a pipe (see child_main).
 */

#include <sys/types.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MOTD_SIZE	58	/* bytes in /etc/motd */
#define SELF		"/regress/libc2"

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/libc2: line %d: %s\n", __LINE__, #e);	\
		failures++;						\
	}								\
} while (0)

/* ---- stdio: positions --------------------------------------------------- */

/* The whole of path, by read(2), into buf; its length, or -1. */
static ssize_t
slurp(const char *path, char *buf, size_t size)
{
	ssize_t n, len = 0;
	int fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		return -1;
	while ((n = read(fd, buf + len, size - len)) > 0)
		len += n;
	close(fd);
	return len;
}

static void
test_seek_motd(void)
{
	char want[MOTD_SIZE + 1], got[8];
	fpos_t pos;
	FILE *fp;

	CHECK(slurp("/etc/motd", want, sizeof(want)) == MOTD_SIZE);
	if ((fp = fopen("/etc/motd", "r")) == NULL) {
		CHECK(fp != NULL);
		return;
	}
	CHECK(ftell(fp) == 0);
	CHECK(fgetc(fp) == 'W' && ftell(fp) == 1);
	CHECK(fseek(fp, 0, SEEK_END) == 0 && ftell(fp) == MOTD_SIZE);
	CHECK(fgetc(fp) == EOF && feof(fp));
	CHECK(fseek(fp, -5, SEEK_END) == 0 && !feof(fp));
	CHECK(ftell(fp) == MOTD_SIZE - 5);
	CHECK(fread(got, 1, 8, fp) == 5 &&
	    memcmp(got, want + MOTD_SIZE - 5, 5) == 0);
	CHECK(fseek(fp, 3, SEEK_SET) == 0 && fgetc(fp) == want[3]);
	CHECK(fseek(fp, 2, SEEK_CUR) == 0 && ftell(fp) == 6);
	CHECK(fgetc(fp) == want[6] && ftell(fp) == 7);
	/* ungetc's byte counts: the position goes back by one. */
	CHECK(ungetc('!', fp) == '!' && ftell(fp) == 6);
	CHECK(fseek(fp, 1, SEEK_CUR) == 0 && fgetc(fp) == want[7]);
	CHECK(fgetpos(fp, &pos) == 0 && pos == 8);
	rewind(fp);
	CHECK(ftell(fp) == 0 && fgetc(fp) == 'W');
	CHECK(fsetpos(fp, &pos) == 0 && fgetc(fp) == want[8]);
	errno = 0;
	CHECK(fseek(fp, 0, 42) == -1 && errno == EINVAL);
	CHECK(fseek(fp, -1, SEEK_SET) == -1 && errno == EINVAL);
	CHECK(ftell(fp) == 9);		/* a failed seek moves nothing */
	CHECK(fclose(fp) == 0);
}

/* A binary: SEEK_END is its size as stat says; the ELF magic at 0. */
static void
test_seek_binary(void)
{
	struct stat sb;
	char magic[4];
	FILE *fp;

	CHECK(stat("/bin/true", &sb) == 0 && sb.st_size > 1000);
	if ((fp = fopen("/bin/true", "r")) == NULL) {
		CHECK(fp != NULL);
		return;
	}
	CHECK(fseeko(fp, 0, SEEK_END) == 0 && ftello(fp) == sb.st_size);
	CHECK(fseek(fp, -(long)sb.st_size, SEEK_CUR) == 0);
	CHECK(fread(magic, 1, 4, fp) == 4 && memcmp(magic, "\177ELF", 4) == 0);
	/* Far past the buffer and back again. */
	CHECK(fseek(fp, 3000, SEEK_SET) == 0 && ftell(fp) == 3000);
	fgetc(fp);
	CHECK(fseek(fp, -2000, SEEK_CUR) == 0 && ftell(fp) == 1001);
	CHECK(fclose(fp) == 0);
}

/* A pipe has no position: ESPIPE from ftell and fseek. */
static void
test_seek_pipe(void)
{
	int p[2];
	FILE *fp;

	CHECK(pipe(p) == 0);
	CHECK((fp = fdopen(p[0], "r")) != NULL);
	if (fp == NULL)
		return;
	errno = 0;
	CHECK(ftell(fp) == -1 && errno == ESPIPE);
	errno = 0;
	CHECK(fseek(fp, 0, SEEK_SET) == -1 && errno == ESPIPE);
	fclose(fp);
	close(p[1]);
}

/* ---- stdio: getline ----------------------------------------------------- */

#define LONG1	300		/* longer than getline's first buffer */
#define LONG2	2500		/* longer than BUFSIZ: two refills */

/* A child writes lines of LONG1 and LONG2 bytes and more into a pipe. */
static pid_t
line_writer(int *rfd)
{
	static char big[LONG2];
	int p[2], i;
	pid_t pid;

	if (pipe(p) == -1)
		return -1;
	if ((pid = fork()) == 0) {
		close(p[0]);
		for (i = 0; i < LONG2 - 1; i++)
			big[i] = 'a' + i % 26;
		big[LONG1 - 1] = '\n';
		write(p[1], big, LONG1);
		big[LONG1 - 1] = 'x';
		big[LONG2 - 1] = '\n';
		/* In pieces, so the reader sees short reads too. */
		write(p[1], big, 1000);
		write(p[1], big + 1000, LONG2 - 1000);
		write(p[1], "short\na:b:c", 11);
		_exit(0);
	}
	close(p[1]);
	*rfd = p[0];
	return pid;
}

static void
test_getline(void)
{
	char *line = NULL;
	size_t size = 0;
	int fd, status;
	pid_t pid;
	FILE *fp;

	CHECK((pid = line_writer(&fd)) > 0);
	if (pid <= 0 || (fp = fdopen(fd, "r")) == NULL)
		return;
	CHECK(getline(&line, &size, fp) == LONG1);
	CHECK(line != NULL && size > LONG1 && strlen(line) == LONG1);
	CHECK(line != NULL && line[0] == 'a' && line[LONG1 - 2] ==
	    'a' + (LONG1 - 2) % 26 && line[LONG1 - 1] == '\n');
	CHECK(getline(&line, &size, fp) == LONG2 && size > LONG2);
	CHECK(line[LONG1 - 1] == 'x' && line[LONG2 - 1] == '\n' &&
	    line[LONG2] == '\0');
	CHECK(getline(&line, &size, fp) == 6 && strcmp(line, "short\n") == 0);
	CHECK(getdelim(&line, &size, ':', fp) == 2 && strcmp(line, "a:") == 0);
	CHECK(getdelim(&line, &size, ':', fp) == 2 && strcmp(line, "b:") == 0);
	/* The last line has no delimiter; then end of file. */
	CHECK(getline(&line, &size, fp) == 1 && strcmp(line, "c") == 0);
	CHECK(getline(&line, &size, fp) == -1 && feof(fp));
	errno = 0;
	CHECK(getline(NULL, &size, fp) == -1 && errno == EINVAL);
	free(line);
	fclose(fp);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status));
}

/* ---- stdio: stdout on a pipe, and fork ---------------------------------- */

/* Is there something to read on fd right now? */
static int
readable(int fd)
{
	struct pollfd pfd = { fd, POLLIN, 0 };

	return poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLIN);
}

/*
 * Everything fd gives until end of file, as a string (at most size - 1
 * bytes kept); closes fd.
 */
static char *
drain(int fd, char *buf, size_t size)
{
	ssize_t n, len = 0;
	char skip[256];

	while ((n = read(fd, buf + len, size - 1 - len)) > 0)
		if ((size_t)(len += n) == size - 1)
			break;
	while (read(fd, skip, sizeof(skip)) > 0)
		continue;
	buf[len] = '\0';
	close(fd);
	return buf;
}

/*
 * Run argv with stdout on a pipe and stdin on another; returns the pid,
 * the read end of its stdout in *out and the write end of its stdin in
 * *in (-1 when in is NULL: stdin stays).
 */
static pid_t
spawn(char *const argv[], int *out, int *in)
{
	int po[2], pi[2] = { -1, -1 };
	pid_t pid;

	if (pipe(po) == -1 || (in != NULL && pipe(pi) == -1))
		return -1;
	fflush(stdout);
	if ((pid = fork()) == 0) {
		dup2(po[1], STDOUT_FILENO);
		close(po[0]);
		close(po[1]);
		if (in != NULL) {
			dup2(pi[0], STDIN_FILENO);
			close(pi[0]);
			close(pi[1]);
		}
		execv(argv[0], argv);
		_exit(127);
	}
	close(po[1]);
	*out = po[0];
	if (in != NULL) {
		close(pi[0]);
		*in = pi[1];
	}
	return pid;
}

/*
 * The helper, exec'd with stdout on a pipe.  "full": print a line, then
 * wait for a byte on stdin before the next and exit, so that the parent
 * can look at the pipe while the line sits in the buffer (1 if that
 * first printf, which asked isatty, changed errno).  "line": the same
 * after setvbuf(_IOLBF).  "fork": print, fflush, fork; parent and child
 * each print a line of their own, and nothing comes twice.
 */
static int
child_main(const char *mode)
{
	char c;
	pid_t pid;

	if (strcmp(mode, "line") == 0)
		setvbuf(stdout, NULL, _IOLBF, 0);
	if (strcmp(mode, "fork") == 0) {
		printf("before fork\n");
		fflush(stdout);
		if ((pid = fork()) == 0) {
			printf("child\n");
			exit(0);
		}
		waitpid(pid, NULL, 0);
		printf("parent\n");
		return 0;
	}
	errno = 1234;
	printf("waiting\n");
	if (errno != 1234)
		return 1;
	read(STDIN_FILENO, &c, 1);	/* the parent has looked */
	printf("done\n");
	return 0;
}

/*
 * stdout on a pipe is fully buffered: the helper's line is not in the
 * pipe until exit() flushes it; after setvbuf(_IOLBF) it is at once.
 */
static void
test_stdout_pipe(const char *mode, int at_once)
{
	char *argv[] = { SELF, (char *)mode, NULL }, buf[64];
	int out, in, status, i;
	pid_t pid;

	CHECK((pid = spawn(argv, &out, &in)) > 0);
	if (pid <= 0)
		return;
	/* Give it time to print (it is line buffered: it may be there). */
	for (i = 0; i < 20 && !readable(out); i++)
		usleep(10000);
	CHECK(readable(out) == at_once);
	write(in, "g", 1);
	close(in);
	CHECK(strcmp(drain(out, buf, sizeof(buf)), "waiting\ndone\n") == 0);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0);
}

/* Count the lines of text that start with prefix. */
static int
count_lines(const char *text, const char *prefix)
{
	const char *p;
	int n = 0;

	for (p = text; *p != '\0'; p = strchr(p, '\n') + 1) {
		if (strncmp(p, prefix, strlen(prefix)) == 0)
			n++;
		if (strchr(p, '\n') == NULL)
			break;
	}
	return n;
}

/* Run argv with stdout on a pipe; its output, and its exit status. */
static char *
output_of(char *const argv[], char *buf, size_t size, int *status)
{
	int out;
	pid_t pid;

	*status = -1;
	buf[0] = '\0';
	if ((pid = spawn(argv, &out, NULL)) <= 0)
		return buf;
	drain(out, buf, size);
	waitpid(pid, status, 0);
	return buf;
}

/* Programs that fork, with stdout on a pipe: each line comes once. */
static void
test_fork_once(void)
{
	static char buf[4096];
	char *fork_argv[] = { SELF, "fork", NULL };
	char *tree[] = { "/bin/forktree", "2", NULL };
	char *cow[] = { "/bin/cowdemo", NULL };
	char *vfd[] = { "/bin/vforkdemo", "0", NULL };
	int status;

	output_of(fork_argv, buf, sizeof(buf), &status);
	CHECK(strcmp(buf, "before fork\nchild\nparent\n") == 0);
	output_of(tree, buf, sizeof(buf), &status);
	CHECK(status == 0 && count_lines(buf, "forktree: level ") == 7);
	CHECK(count_lines(buf, "forktree: level 0") == 1);
	CHECK(count_lines(buf, "forktree: level 2") == 4);
	output_of(cow, buf, sizeof(buf), &status);
	CHECK(status == 0 && count_lines(buf, "parent: a page") == 1);
	CHECK(count_lines(buf, "child:") == 4);
	CHECK(count_lines(buf, "parent:") == 3);
	output_of(vfd, buf, sizeof(buf), &status);
	CHECK(status == 0 && count_lines(buf, "parent ") == 3);
	CHECK(count_lines(buf, "  child ") == 2);
}

int
main(int argc, char *argv[])
{
	if (argc > 1)
		return child_main(argv[1]);
	test_seek_motd();
	test_seek_binary();
	test_seek_pipe();
	test_getline();
	test_stdout_pipe("full", 0);
	test_stdout_pipe("line", 1);
	test_fork_once();
	printf("regress/libc2: %d failures\n", failures);
	return failures;
}
