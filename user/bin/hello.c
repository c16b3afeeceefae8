/*
 * hello: the first program exec runs.  It says who it is and what it was
 * given, and exits with 42 so that whoever waits can tell it ran.
 */

#include <stdio.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	int i;

	printf("hello: pid %d, ppid %d, argc %d", getpid(), getppid(), argc);
	for (i = 0; i < argc; i++)
		printf(", argv[%d] \"%s\"", i, argv[i]);
	printf("\n");
	return 42;
}
