/* kill [-signal] pid ...: send a signal (SIGTERM by default). */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char *argv[])
{
	int i = 1, sig = SIGTERM, status = 0;

	if (argc > 1 && argv[1][0] == '-') {
		sig = atoi(argv[1] + 1);
		i++;
	}
	if (i >= argc) {
		dprintf(2, "usage: kill [-signal] pid ...\n");
		return 1;
	}
	for (; i < argc; i++)
		if (kill(atoi(argv[i]), sig) == -1) {
			dprintf(2, "kill: %s: error %d\n", argv[i], errno);
			status = 1;
		}
	return status;
}
