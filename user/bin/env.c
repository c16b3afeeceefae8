/*
 * env [NAME=value ...] [command [args ...]]: with no command, print the
 * environment (after the assignments); with one, run it with the
 * assignments added (a command without '/' is looked for in /bin).
 */

#include <sys/types.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define MAXENV	64

/* Is s an assignment for the variable e names (same NAME before '=')? */
static int
same_name(const char *s, const char *e)
{
	size_t n = strchr(s, '=') - s;

	return strlen(e) > n && memcmp(s, e, n) == 0 && e[n] == '=';
}

int
main(int argc, char *argv[])
{
	char *env[MAXENV + 1], path[128];
	int n = 0, i, j;

	for (i = 0; environ != NULL && environ[i] != NULL && n < MAXENV; i++)
		env[n++] = environ[i];
	for (i = 1; i < argc && strchr(argv[i], '=') != NULL; i++) {
		for (j = 0; j < n && !same_name(argv[i], env[j]); j++)
			continue;
		if (j == n && n == MAXENV) {
			dprintf(2, "env: too many variables\n");
			return 1;
		}
		env[j] = argv[i];
		if (j == n)
			n++;
	}
	env[n] = NULL;
	if (i == argc) {
		for (j = 0; j < n; j++)
			printf("%s\n", env[j]);
		return 0;
	}
	if (strchr(argv[i], '/') == NULL) {
		snprintf(path, sizeof(path), "/bin/%s", argv[i]);
		execve(path, argv + i, env);
	} else
		execve(argv[i], argv + i, env);
	dprintf(2, "env: %s: error %d\n", argv[i], errno);
	return errno == ENOENT ? 127 : 126;
}
