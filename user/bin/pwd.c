/* pwd: print the current directory's path (getcwd). */

#include <sys/types.h>
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

int
main(void)
{
	char buf[1024];

	if (getcwd(buf, sizeof(buf)) == NULL) {
		dprintf(STDERR_FILENO, "pwd: error %d\n", errno);
		return 1;
	}
	printf("%s\n", buf);
	return 0;
}
