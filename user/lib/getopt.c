/*
 * user/lib/getopt.c: getopt(3) as POSIX has it.  Options end at the first
 * non-option, at "-" or after "--"; a ':' leading optstring makes a
 * missing argument return ':' and silences the messages.
 */

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "local.h"

char	*optarg;
int	optind = 1, opterr = 1, optopt, optreset;

static const char *place = "";	/* the rest of the current "-abc" word */

int
getopt(int argc, char *const argv[], const char *optstring)
{
	const char *spec;
	int colon = optstring[0] == ':';

	if (optreset || *place == '\0') {
		optreset = 0;
		if (optind >= argc || argv[optind][0] != '-' ||
		    argv[optind][1] == '\0')
			return -1;
		if (strcmp(argv[optind], "--") == 0) {
			optind++;
			return -1;
		}
		place = argv[optind] + 1;
	}
	optopt = *place++;
	spec = optopt == ':' ? NULL : strchr(optstring, optopt);
	if (spec == NULL) {
		if (*place == '\0')
			optind++;
		if (opterr && !colon)
			fprintf(stderr, "%s: unknown option -- %c\n",
			    __progname, optopt);
		return '?';
	}
	if (spec[1] != ':') {
		if (*place == '\0')
			optind++;
		optarg = NULL;
		return optopt;
	}
	/* The argument: the rest of this word, or the next word. */
	if (*place != '\0')
		optarg = (char *)place;
	else if (++optind < argc)
		optarg = argv[optind];
	else {
		place = "";
		if (colon)
			return ':';
		if (opterr)
			fprintf(stderr, "%s: option requires an argument -- %c\n",
			    __progname, optopt);
		return '?';
	}
	place = "";
	optind++;
	return optopt;
}
