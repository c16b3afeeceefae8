/*
 * ls [-l] [path ...]: list directories (each entry's name, "." and ".."
 * left out) and name files.  With -l, each line is the mode string
 * ("drwxr-xr-x"), the size and the name.  Without a path, ".".
 */

#include <sys/types.h>
#include <sys/stat.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int lflag;

/* st_mode as ls -l shows it: type letter then rwx three times. */
static void
modestr(mode_t m, char *s)
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	s[0] = S_ISDIR(m) ? 'd' : S_ISCHR(m) ? 'c' : S_ISBLK(m) ? 'b' :
	    S_ISFIFO(m) ? 'p' : S_ISLNK(m) ? 'l' : S_ISSOCK(m) ? 's' : '-';
	for (i = 0; i < 9; i++)
		s[i + 1] = (m & (0400 >> i)) ? rwx[i] : '-';
	s[10] = '\0';
}

/* One line for name; path is where to stat it. */
static int
show(const char *path, const char *name)
{
	struct stat sb;
	char mode[11];

	if (!lflag) {
		printf("%s\n", name);
		return 0;
	}
	if (stat(path, &sb) == -1) {
		dprintf(STDERR_FILENO, "ls: %s: error %d\n", path, errno);
		return 1;
	}
	modestr(sb.st_mode, mode);
	printf("%s %8d %s\n", mode, (int)sb.st_size, name);
	return 0;
}

/* The entries of directory path. */
static int
listdir(const char *path)
{
	char full[1024];
	struct dirent *dp;
	DIR *dirp;
	int rv = 0;

	if ((dirp = opendir(path)) == NULL) {
		dprintf(STDERR_FILENO, "ls: %s: error %d\n", path, errno);
		return 1;
	}
	while ((dp = readdir(dirp)) != NULL) {
		if (strcmp(dp->d_name, ".") == 0 ||
		    strcmp(dp->d_name, "..") == 0)
			continue;
		snprintf(full, sizeof(full), "%s/%s", path, dp->d_name);
		rv |= show(full, dp->d_name);
	}
	closedir(dirp);
	return rv;
}

/* A directory is listed, anything else named. */
static int
ls(const char *path, int header)
{
	struct stat sb;

	if (stat(path, &sb) == -1) {
		dprintf(STDERR_FILENO, "ls: %s: %s\n", path,
		    errno == ENOENT ? "no such file or directory" :
		    errno == ENOTDIR ? "not a directory" : "error");
		return 1;
	}
	if (!S_ISDIR(sb.st_mode))
		return show(path, path);
	if (header)
		printf("%s:\n", path);
	return listdir(path);
}

int
main(int argc, char *argv[])
{
	int i = 1, rv = 0;

	if (argc > 1 && strcmp(argv[1], "-l") == 0) {
		lflag = 1;
		i++;
	}
	if (i == argc)
		return ls(".", 0);
	for (; i < argc; i++)
		rv |= ls(argv[i], argc - i > 1 || i > 1 + lflag);
	return rv;
}
