/*
 * sleep seconds: wait that long (nanosleep).  A stop (^Z) and continue
 * (fg) interrupt the sleep: it goes on with the time left.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int
main(int argc, char *argv[])
{
	struct timespec ts = { 0, 0 };

	if (argc != 2 || (ts.tv_sec = atoi(argv[1])) < 0) {
		dprintf(2, "usage: sleep seconds\n");
		return 1;
	}
	while (nanosleep(&ts, &ts) == -1)
		if (errno != EINTR)
			return 1;
	return 0;
}
