/* echo: print the arguments, separated by spaces. */

#include <stdio.h>
#include <string.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	int i;

	for (i = 1; i < argc; i++) {
		write(STDOUT_FILENO, argv[i], strlen(argv[i]));
		if (i + 1 < argc)
			write(STDOUT_FILENO, " ", 1);
	}
	write(STDOUT_FILENO, "\n", 1);
	return 0;
}
