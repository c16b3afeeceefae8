/*
 * uname [-amnrsv]: the system's name, release and machine, read with
 * sysctl (kern.ostype, kern.osrelease, hw.machine), as OpenBSD's uname
 * does through uname(3).  Without options: the system's name.
 */

#include <sys/types.h>
#include <sys/sysctl.h>
#include <stdio.h>
#include <string.h>

#define NODENAME	"tine"	/* no hostname yet: kern.hostname is not kept */

static const char *
name(int top, int second, char *buf, size_t len)
{
	int mib[2] = { top, second };

	if (sysctl(mib, 2, buf, &len, NULL, 0) == -1)
		return "?";
	return buf;
}

int
main(int argc, char *argv[])
{
	char os[32], rel[32], mach[32];
	int s = 0, n = 0, r = 0, v = 0, m = 0, i, first = 1;
	const char *o;

	for (i = 1; i < argc; i++) {
		if (argv[i][0] != '-' || argv[i][1] == '\0')
			goto usage;
		for (o = argv[i] + 1; *o != '\0'; o++)
			switch (*o) {
			case 'a': s = n = r = v = m = 1; break;
			case 's': s = 1; break;
			case 'n': n = 1; break;
			case 'r': r = 1; break;
			case 'v': v = 1; break;
			case 'm': m = 1; break;
			default: goto usage;
			}
	}
	if (!(s | n | r | v | m))
		s = 1;
#define PART(flag, text) do {						\
	if (flag) {							\
		printf("%s%s", first ? "" : " ", (text));		\
		first = 0;						\
	}								\
} while (0)
	PART(s, name(CTL_KERN, KERN_OSTYPE, os, sizeof(os)));
	PART(n, NODENAME);
	PART(r, name(CTL_KERN, KERN_OSRELEASE, rel, sizeof(rel)));
	PART(v, "#0");
	PART(m, name(CTL_HW, HW_MACHINE, mach, sizeof(mach)));
	printf("\n");
	return 0;
usage:
	dprintf(2, "usage: uname [-amnrsv]\n");
	return 1;
}
