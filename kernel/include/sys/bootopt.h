/*
 * sys/bootopt.h: boot options, the words on the kernel's command line.
 *
 * Each option is a word, NAME or NAME=VALUE, separated by spaces.  The
 * table of known options lives in init_main.c; subr_bootopt.c parses
 * against it.  Problems are reported, never silently skipped: an unknown
 * name is ignored with a message, a malformed value leaves the default in
 * place with a message saying which default.
 */
#ifndef _SYS_BOOTOPT_H_
#define _SYS_BOOTOPT_H_

#include <stddef.h>

enum bootopt_type {
	BOOTOPT_FLAG,		/* NAME: sets an int to 1 */
	BOOTOPT_UINT,		/* NAME=N, decimal or 0x hex, in [min, max] */
	BOOTOPT_STRING,		/* NAME=WORD, shorter than max bytes */
};

struct bootopt {
	const char *bo_name;
	enum bootopt_type bo_type;
	void	*bo_var;	/* int *, unsigned int *, or char[max] */
	unsigned int bo_min, bo_max;
	const char *bo_help;
};

/*
 * Parse cmdline against opts[0 .. nopts-1], calling report() with a
 * sentence for each problem.  Returns the number of problems.
 */
int	bootopt_parse(const char *cmdline, const struct bootopt *opts,
	    size_t nopts, void (*report)(const char *msg, void *arg),
	    void *arg);

#endif /* _SYS_BOOTOPT_H_ */
