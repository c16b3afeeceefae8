/* sleep seconds: wait that long (nanosleep). */

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
	return nanosleep(&ts, NULL) == 0 ? 0 : 1;
}
