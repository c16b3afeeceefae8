/*
 * regress/fs: the file-system system calls.  stat, lstat and fstat
 * (types, sizes, errors), chdir, fchdir and __getcwd/getcwd (relative
 * paths, "." and "..", ERANGE and EINVAL), getdents and readdir (known
 * names, lseek back to 0, the errors), /dev/null, a fork child's
 * current directory (inherited; its chdir leaves the parent's alone),
 * and execve of a relative path.
 * Prints each check that fails; exits with how many did.
 */

#include <sys/types.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MOTD_SIZE	58	/* bytes in /etc/motd */
#define BADPTR		((void *)0xc0001000)	/* kernel space */

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/fs: line %d: %s\n", __LINE__, #e);	\
		failures++;						\
	}								\
} while (0)

/* The ABI: OpenBSD/i386's struct stat and struct dirent sizes. */
static void
test_layout(void)
{
	CHECK(sizeof(struct stat) == 108);
	CHECK(sizeof(struct dirent) == 280);
	CHECK(DIRENT_RECSIZE(1) == 32);
}

/* stat and lstat of files, directories, the console; the errors. */
static void
test_stat(void)
{
	struct stat sb;

	CHECK(stat("/etc/motd", &sb) == 0);
	CHECK(S_ISREG(sb.st_mode) && sb.st_size == MOTD_SIZE);
	CHECK((sb.st_mode & 0777) == 0644 && sb.st_nlink == 1);
	CHECK(sb.st_blocks == 1 && sb.st_ino != 0);
	CHECK(lstat("/etc/motd", &sb) == 0 && S_ISREG(sb.st_mode));
	CHECK(stat("/bin", &sb) == 0 && S_ISDIR(sb.st_mode));
	CHECK(stat("/", &sb) == 0 && S_ISDIR(sb.st_mode));
	CHECK(stat("/bin/sh", &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (sb.st_mode & S_IXUSR) && sb.st_size > 0);
	CHECK(stat("/dev/console", &sb) == 0 && S_ISCHR(sb.st_mode));
	CHECK(stat("/dev/null", &sb) == 0 && S_ISCHR(sb.st_mode));
	CHECK(stat("/dev/tty", &sb) == 0 && S_ISCHR(sb.st_mode) &&
	    sb.st_rdev == 0x100 && (sb.st_mode & 0777) == 0666);
	CHECK(stat("/dev", &sb) == 0 && S_ISDIR(sb.st_mode));
	CHECK(stat("/etc/../etc/./motd", &sb) == 0 && S_ISREG(sb.st_mode));

	CHECK(stat("/etc/nonesuch", &sb) == -1 && errno == ENOENT);
	CHECK(stat("/nonesuch/motd", &sb) == -1 && errno == ENOENT);
	CHECK(stat("", &sb) == -1 && errno == ENOENT);
	CHECK(stat("/etc/motd/x", &sb) == -1 && errno == ENOTDIR);
	CHECK(stat("/etc/motd/", &sb) == -1 && errno == ENOTDIR);
	CHECK(stat("/etc/motd/..", &sb) == -1 && errno == ENOTDIR);
	CHECK(lstat("/etc/motd/x", &sb) == -1 && errno == ENOTDIR);
	CHECK(stat("/etc/motd", BADPTR) == -1 && errno == EFAULT);
	CHECK(stat(BADPTR, &sb) == -1 && errno == EFAULT);
	CHECK(stat("/etc/motd", NULL) == -1 && errno == EFAULT);
}

/* fstat of an open file, the console, a pipe; EBADF and EFAULT. */
static void
test_fstat(void)
{
	struct stat sb, sb2;
	int fd, fds[2];

	CHECK((fd = open("/etc/motd", O_RDONLY)) >= 0);
	CHECK(fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    sb.st_size == MOTD_SIZE);
	CHECK(stat("/etc/motd", &sb2) == 0 && sb.st_ino == sb2.st_ino &&
	    sb.st_dev == sb2.st_dev);
	CHECK(fstat(fd, BADPTR) == -1 && errno == EFAULT);
	close(fd);
	CHECK(fstat(fd, &sb) == -1 && errno == EBADF);
	CHECK(fstat(-1, &sb) == -1 && errno == EBADF);
	CHECK(fstat(STDOUT_FILENO, &sb) == 0 && S_ISCHR(sb.st_mode));

	CHECK(pipe(fds) == 0);
	CHECK(fstat(fds[0], &sb) == 0 && S_ISFIFO(sb.st_mode));
	CHECK(write(fds[1], "abc", 3) == 3);
	CHECK(fstat(fds[1], &sb) == 0 && S_ISFIFO(sb.st_mode) &&
	    sb.st_size == 3);
	close(fds[0]);
	close(fds[1]);
}

/* The current directory's path is want. */
static int
cwd_is(const char *want)
{
	char buf[64];

	return getcwd(buf, sizeof(buf)) == buf && strcmp(buf, want) == 0;
}

/* chdir, fchdir, relative paths, getcwd and its errors. */
static void
test_chdir(void)
{
	char buf[64], *p;
	struct stat sb;
	int fd;

	CHECK(cwd_is("/"));
	CHECK(chdir("/etc") == 0 && cwd_is("/etc"));
	CHECK((fd = open("motd", O_RDONLY)) >= 0);
	CHECK(read(fd, buf, 5) == 5);
	close(fd);
	CHECK(stat("./motd", &sb) == 0 && sb.st_size == MOTD_SIZE);
	CHECK(stat("../bin", &sb) == 0 && S_ISDIR(sb.st_mode));
	CHECK(chdir("/bin") == 0 && cwd_is("/bin"));
	CHECK(chdir("..") == 0 && cwd_is("/"));
	CHECK(chdir("..") == 0 && cwd_is("/"));	/* ".." of "/" is "/" */
	CHECK(chdir("bin") == 0 && cwd_is("/bin"));
	CHECK(chdir("../etc/.") == 0 && cwd_is("/etc"));
	CHECK(chdir(".") == 0 && cwd_is("/etc"));

	CHECK(chdir("motd") == -1 && errno == ENOTDIR && cwd_is("/etc"));
	CHECK(chdir("/nonesuch") == -1 && errno == ENOENT);
	CHECK(chdir(BADPTR) == -1 && errno == EFAULT);
	CHECK(chdir("") == -1 && errno == ENOENT);

	CHECK((fd = open("/bin", O_RDONLY)) >= 0);
	CHECK(fchdir(fd) == 0 && cwd_is("/bin"));
	close(fd);
	CHECK(fchdir(fd) == -1 && errno == EBADF);
	CHECK((fd = open("/etc/motd", O_RDONLY)) >= 0);
	CHECK(fchdir(fd) == -1 && errno == ENOTDIR && cwd_is("/bin"));
	close(fd);

	CHECK(getcwd(buf, 4) == NULL && errno == ERANGE);	/* "/bin" */
	CHECK(getcwd(buf, 5) == buf && strcmp(buf, "/bin") == 0);
	CHECK(getcwd(buf, 0) == NULL && errno == EINVAL);
	CHECK(__getcwd(buf, 1) == -1 && errno == ERANGE);
	CHECK(__getcwd(BADPTR, 64) == -1 && errno == EFAULT);
	CHECK((p = getcwd(NULL, 0)) != NULL && strcmp(p, "/bin") == 0);
	free(p);
	CHECK(chdir("/") == 0 && cwd_is("/"));
}

/* Does directory path list every name in names (NULL-terminated)? */
static int
lists(const char *path, const char *const names[])
{
	char seen[16] = { 0 };
	struct dirent *dp;
	DIR *dirp;
	int i, ok = 1;

	if ((dirp = opendir(path)) == NULL)
		return 0;
	while ((dp = readdir(dirp)) != NULL) {
		if (dp->d_namlen != strlen(dp->d_name) || dp->d_reclen % 8)
			ok = 0;
		for (i = 0; names[i] != NULL; i++)
			if (strcmp(dp->d_name, names[i]) == 0)
				seen[i]++;
	}
	closedir(dirp);
	for (i = 0; names[i] != NULL; i++)
		if (seen[i] != 1)
			ok = 0;
	return ok;
}

/* getdents straight, and through readdir. */
static void
test_getdents(void)
{
	static const char *const etc[] = { ".", "..", "motd", NULL };
	static const char *const bin[] = { ".", "..", "sh", "ls", "pwd",
	    "cat", "echo", NULL };
	static const char *const dev[] = { "console", "null", "tty", NULL };
	static const char *const root[] = { "bin", "etc", "dev", "regress",
	    "sbin", NULL };
	char buf[512];
	struct dirent *dp;
	int fd, n, n2;

	CHECK(lists("/etc", etc));
	CHECK(lists("/bin", bin));
	CHECK(lists("/dev", dev));
	CHECK(lists("/", root));

	CHECK((fd = open("/etc", O_RDONLY)) >= 0);
	CHECK((n = getdents(fd, buf, sizeof(buf))) > 0);
	dp = (struct dirent *)buf;
	CHECK(strcmp(dp->d_name, ".") == 0 && dp->d_type == DT_DIR);
	CHECK(getdents(fd, buf, sizeof(buf)) == 0);	/* the end */
	CHECK(lseek(fd, 0, SEEK_SET) == 0);
	CHECK((n2 = getdents(fd, buf, sizeof(buf))) == n);
	CHECK(lseek(fd, 0, SEEK_SET) == 0);
	CHECK(getdents(fd, buf, 8) == -1 && errno == EINVAL);
	/* One entry at a time: each fits in exactly its record. */
	CHECK(getdents(fd, buf, DIRENT_RECSIZE(1)) == DIRENT_RECSIZE(1));
	CHECK(dp->d_off == 1 && strcmp(dp->d_name, ".") == 0);
	CHECK(getdents(fd, buf, DIRENT_RECSIZE(2)) == DIRENT_RECSIZE(2));
	CHECK(strcmp(dp->d_name, "..") == 0);
	CHECK(getdents(fd, buf, sizeof(buf)) > 0 &&
	    strcmp(dp->d_name, "motd") == 0 && dp->d_type == DT_REG);
	CHECK(read(fd, buf, 1) == -1 && errno == EISDIR);
	close(fd);
	CHECK(getdents(fd, buf, sizeof(buf)) == -1 && errno == EBADF);

	CHECK((fd = open("/etc/motd", O_RDONLY)) >= 0);
	CHECK(getdents(fd, buf, sizeof(buf)) == -1 && errno == ENOTDIR);
	close(fd);
	CHECK((fd = open("/etc", O_RDONLY)) >= 0);
	CHECK(getdents(fd, BADPTR, sizeof(buf)) == -1 && errno == EFAULT);
	close(fd);
	CHECK(open("/etc", O_WRONLY) == -1 && errno == EISDIR);
}

/* /dev/null: end of file to readers, a sink to writers. */
static void
test_devnull(void)
{
	char buf[16];
	int fd;

	CHECK((fd = open("/dev/null", O_RDWR)) >= 0);
	CHECK(write(fd, "swallowed", 9) == 9);
	CHECK(read(fd, buf, sizeof(buf)) == 0);
	close(fd);
	CHECK(chdir("/dev") == 0 && (fd = open("null", O_WRONLY)) >= 0);
	CHECK(write(fd, buf, sizeof(buf)) == sizeof(buf));
	close(fd);
	CHECK(chdir("/") == 0);
}

/* A child starts where its parent is; its chdir moves only itself. */
static void
test_fork(void)
{
	struct stat sb;
	int status;
	pid_t pid;

	CHECK(chdir("/etc") == 0);
	if ((pid = fork()) == 0) {
		if (!cwd_is("/etc") || chdir("/bin") != 0 || !cwd_is("/bin"))
			_exit(1);
		_exit(stat("sh", &sb) != 0 || !S_ISREG(sb.st_mode));
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(cwd_is("/etc"));
	CHECK(chdir("/") == 0);
}

/* execve of a relative path starts at the current directory too. */
static void
test_exec(void)
{
	int status, fd;
	pid_t pid;

	CHECK(chdir("/bin") == 0);
	if ((pid = fork()) == 0) {
		if ((fd = open("/dev/null", O_WRONLY)) >= 0)
			dup2(fd, STDOUT_FILENO);
		execl("./echo", "echo", "relative", (char *)NULL);
		_exit(99);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(execl("../etc/motd/x", "x", (char *)NULL) == -1 &&
	    errno == ENOTDIR);
	CHECK(execl("nonesuch", "x", (char *)NULL) == -1 && errno == ENOENT);
	CHECK(chdir("/") == 0);
}

int
main(void)
{
	test_layout();
	test_stat();
	test_fstat();
	test_chdir();
	test_getdents();
	test_devnull();
	test_fork();
	test_exec();
	printf("regress/fs: %d failures\n", failures);
	return failures;
}
