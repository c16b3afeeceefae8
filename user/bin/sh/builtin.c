/*
 * builtin.c: the commands the shell runs itself, because what they
 * change is the shell: its directory, its variables, its jobs.
 *
 *	:                       nothing, successfully
 *	cd [dir]                to dir; without one to $HOME, or /
 *	exit [n]                with status n, or $?
 *	export [NAME[=value]]   into the environment; alone: list them
 *	unset NAME ...          the variables are gone
 *	set [--] [arg ...]      the positional parameters; alone: list
 *	                        the variables
 *	shift [n]               $n+1 becomes $1
 *	jobs, fg, bg, kill %n, wait        in jobs.c
 *
 * Each returns its status and reports its errors on standard error.
 * echo, true, false, kill pid and env are programs in /bin.
 */

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

/* The number n (0 to max); -1 if it is not one. */
static int
number(const char *s, int max)
{
	const char *err;
	int n;

	n = strtonum(s, 0, max, &err);
	return err == NULL ? n : -1;
}

int
bi_colon(int argc __unused, char **argv __unused)
{
	return 0;
}

/* cd [dir]: it must be the shell itself that changes directory. */
static int
bi_cd(int argc, char **argv)
{
	const char *dir;

	if (argc > 1)
		dir = argv[1];
	else if ((dir = var_get("HOME")) == NULL || *dir == '\0')
		dir = "/";
	if (chdir(dir) == 0)
		return 0;
	dprintf(STDERR_FILENO, "sh: cd: %s: %s\n", dir,
	    errno == ENOENT ? "no such directory" :
	    errno == ENOTDIR ? "not a directory" : strerror(errno));
	return 1;
}

/* exit [n]: the shell ends, with status n (its low 8 bits) or $?. */
static int
bi_exit(int argc, char **argv)
{
	int status = last_status;

	if (argc > 1 && (status = number(argv[1], INT_MAX)) == -1) {
		dprintf(STDERR_FILENO, "sh: exit: %s: not a status\n",
		    argv[1]);
		return 2;
	}
	exit(status & 0xff);
}

/* export [NAME[=value] ...]: put them in the environment. */
static int
bi_export(int argc, char **argv)
{
	int i, status = 0;

	if (argc == 1 || (argc == 2 && strcmp(argv[1], "-p") == 0)) {
		var_print("export ");
		return 0;
	}
	for (i = 1; i < argc; i++)
		if ((strchr(argv[i], '=') != NULL ?
		    var_assign(argv[i], V_EXPORT) : var_export(argv[i])) == -1)
			status = 1;
	return status;
}

/* unset NAME ...: no more such variable. */
static int
bi_unset(int argc, char **argv)
{
	int i = 1, status = 0;

	if (argc > 1 && strcmp(argv[1], "-v") == 0)
		i++;
	for (; i < argc; i++)
		if (var_unset(argv[i]) == -1)
			status = 1;
	return status;
}

/*
 * set: list the variables.  set [--] arg ...: the positional
 * parameters are the args (no options: set -e and friends are not here).
 */
static int
bi_set(int argc, char **argv)
{
	int i = 1;

	if (argc == 1) {
		var_print("");
		return 0;
	}
	if (strcmp(argv[1], "--") == 0)
		i++;
	else if (argv[1][0] == '-' || argv[1][0] == '+') {
		dprintf(STDERR_FILENO, "sh: set: %s: no such option\n",
		    argv[1]);
		return 2;
	}
	return pos_set(NULL, argc - i, argv + i) == 0 ? 0 : 1;
}

/* shift [n]: $n+1 becomes $1 (n is 1 without one). */
static int
bi_shift(int argc, char **argv)
{
	int n = 1;

	if (argc > 1 && (n = number(argv[1], MAXARGS)) == -1) {
		dprintf(STDERR_FILENO, "sh: shift: %s: not a count\n",
		    argv[1]);
		return 2;
	}
	if (pos_shift(n) == -1) {
		dprintf(STDERR_FILENO, "sh: shift: only %d to shift\n",
		    pos_count());
		return 1;
	}
	return 0;
}

static const struct builtin {
	const char	*b_name;
	builtin_fn	 b_fn;
} builtins[] = {
	{ ":",		bi_colon },
	{ "bg",		bi_bg },
	{ "cd",		bi_cd },
	{ "exit",	bi_exit },
	{ "export",	bi_export },
	{ "fg",		bi_fg },
	{ "jobs",	bi_jobs },
	{ "kill",	bi_kill },
	{ "set",	bi_set },
	{ "shift",	bi_shift },
	{ "unset",	bi_unset },
	{ "wait",	bi_wait },
};

/*
 * The builtin that argv (argc words) runs, or NULL for a program.  kill
 * is the shell's only for a job (%n), /bin/kill's for a pid.
 */
builtin_fn
builtin_find(int argc, char **argv)
{
	size_t i;
	int k;

	for (i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++) {
		if (strcmp(argv[0], builtins[i].b_name) != 0)
			continue;
		if (builtins[i].b_fn != bi_kill)
			return builtins[i].b_fn;
		for (k = 1; k < argc; k++)
			if (argv[k][0] == '%')
				return bi_kill;
		return NULL;
	}
	return NULL;
}
