/* cat [file ...]: copy the files (or standard input) to standard output. */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static int
copy(int fd, const char *name)
{
	char buf[512];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (write(STDOUT_FILENO, buf, n) != n) {
			dprintf(2, "cat: write: error %d\n", errno);
			return 1;
		}
	if (n < 0) {
		dprintf(2, "cat: %s: error %d\n", name, errno);
		return 1;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	int i, fd, status = 0;

	if (argc == 1)
		return copy(STDIN_FILENO, "standard input");
	for (i = 1; i < argc; i++) {
		if ((fd = open(argv[i], O_RDONLY)) == -1) {
			dprintf(2, "cat: %s: %s\n", argv[i],
			    errno == ENOENT ? "no such file" : "cannot open");
			status = 1;
			continue;
		}
		status |= copy(fd, argv[i]);
		close(fd);
	}
	return status;
}
