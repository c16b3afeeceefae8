/*
 * forktree [depth]: fork a binary tree of processes, depth levels deep
 * (default 2), each saying who it is and who its parent is, and each
 * waiting for its two children.  With depth 2: 1 + 2 + 4 = 7 processes.
 * The pids are random (the seed's allocpid), the shape is not.
 */

#include <sys/types.h>
#include <sys/wait.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void
grow(int level, int depth)
{
	pid_t kids[2];
	int i;

	printf("forktree: level %d: pid %d, parent %d\n", level, getpid(),
	    getppid());
	if (level == depth)
		return;
	/*
	 * On a pipe stdout is fully buffered: without this the children
	 * would inherit the line above in their buffers and print it again.
	 */
	fflush(stdout);
	for (i = 0; i < 2; i++) {
		if ((kids[i] = fork()) == 0) {
			grow(level + 1, depth);
			exit(0);
		}
		/* One child at a time, so that the output reads in order. */
		waitpid(kids[i], NULL, 0);
	}
}

int
main(int argc, char *argv[])
{
	int depth = argc > 1 ? atoi(argv[1]) : 2;

	if (depth < 0 || depth > 6) {
		dprintf(2, "forktree: depth 0 to 6\n");
		return 1;
	}
	grow(0, depth);
	return 0;
}
