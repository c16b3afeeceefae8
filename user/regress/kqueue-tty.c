/*
 * regress/kqueue-tty: EVFILT_READ on the console, run by hand from the
 * shell (tests/boot/qemu-shell.t types the line): prints "waiting",
 * waits up to 20 s for a line on standard input through kevent(2), then
 * prints the byte count kevent reported and the line read.  Exits 0 if
 * the counts agree.  (Not in the self-tests' regress list: watching the
 * console starts its input thread.)
 */

#include <sys/types.h>
#include <sys/event.h>
#include <errno.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int
main(void)
{
	struct timespec ts = { 20, 0 }, t0, t1;
	struct kevent kev;
	char line[64];
	ssize_t n;
	int kq = kqueue();

	EV_SET(&kev, 0, EVFILT_READ, EV_ADD, 0, 0, NULL);
	if (kq == -1 || kevent(kq, &kev, 1, NULL, 0, NULL) == -1) {
		perror("kqueue-tty");
		return 1;
	}
	printf("kqueue-tty: waiting\n");
	fflush(stdout);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((n = kevent(kq, NULL, 0, &kev, 1, &ts)) != 1) {
		clock_gettime(CLOCK_MONOTONIC, &t1);
		printf("kqueue-tty: no event (kevent %ld, errno %d) after "
		    "%lld ms\n", (long)n, n == -1 ? errno : 0,
		    (long long)((t1.tv_sec - t0.tv_sec) * 1000 +
		    (t1.tv_nsec - t0.tv_nsec) / 1000000));
		return 1;
	}
	n = read(0, line, sizeof(line) - 1);
	line[n > 0 ? n : 0] = '\0';
	printf("kqueue-tty: readable %lld bytes, read %ld: %s",
	    (long long)kev.data, (long)n, line);
	return kev.data == n ? 0 : 1;
}
