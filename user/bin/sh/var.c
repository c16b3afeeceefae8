/*
 * var.c: the shell's variables and its positional parameters.
 *
 * A variable is a name, a value and whether it is exported.  The shell
 * starts with its environment (environ), every variable of it exported;
 * NAME=value makes or changes a shell variable, export NAME puts it in
 * the environment of the commands the shell runs from then on, which
 * var_environ() builds for execve.  The list is kept in name order, as
 * set and export print it.
 *
 * The positional parameters are $0 (the shell's name, or the script's,
 * or the name after sh -c's string) and $1... (the arguments after it,
 * or set -- args).
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

struct var {
	struct var	*v_next;	/* in name order */
	char		*v_name;
	char		*v_value;	/* NULL: unset (but exported) */
	int		 v_flags;	/* V_EXPORT */
};

static struct var *vars;

static char	*pos_zero;		/* $0 */
static char	**pos_args;		/* $1 ...: each a malloc'd copy */
static int	 pos_nargs;

/* The length of the name at the start of s (0: none). */
size_t
var_namelen(const char *s)
{
	size_t n = 0;

	if (!isalpha((unsigned char)s[0]) && s[0] != '_')
		return 0;
	while (isalnum((unsigned char)s[n]) || s[n] == '_')
		n++;
	return n;
}

/* Is s (len bytes) a name, letters, digits and '_', not a digit first? */
int
var_isname(const char *s, size_t len)
{
	return len > 0 && var_namelen(s) == len;
}

/*
 * The variable named name (len bytes), or NULL.  *prevp (if not NULL) is
 * set to the link where it is, or would be put.
 */
static struct var *
var_find(const char *name, size_t len, struct var ***prevp)
{
	struct var **vp, *v;
	int c;

	for (vp = &vars; (v = *vp) != NULL; vp = &v->v_next) {
		c = strncmp(v->v_name, name, len);
		if (c == 0 && v->v_name[len] == '\0')
			break;		/* found */
		if (c >= 0) {		/* past where it would be */
			v = NULL;
			break;
		}
	}
	if (prevp != NULL)
		*prevp = vp;
	return v;
}

/* The variable named name, made (unset) if there is none; NULL: memory. */
static struct var *
var_make(const char *name, size_t len)
{
	struct var **vp, *v;

	if ((v = var_find(name, len, &vp)) != NULL)
		return v;
	if ((v = calloc(1, sizeof(*v))) == NULL ||
	    (v->v_name = strndup(name, len)) == NULL) {
		free(v);
		dprintf(STDERR_FILENO, "sh: out of memory\n");
		return NULL;
	}
	v->v_next = *vp;
	*vp = v;
	return v;
}

/* The value of the variable named name (len bytes), or NULL if unset. */
const char *
var_getn(const char *name, size_t len)
{
	struct var *v = var_find(name, len, NULL);

	return v != NULL ? v->v_value : NULL;
}

const char *
var_get(const char *name)
{
	return var_getn(name, strlen(name));
}

/*
 * Give variable name the value value, adding flags (V_EXPORT) to its
 * own.  Returns 0, or -1 reported (not a name, no memory).
 */
static int
var_setn(const char *name, size_t len, const char *value, int flags)
{
	struct var *v;
	char *s;

	if (!var_isname(name, len)) {
		dprintf(STDERR_FILENO, "sh: %.*s: not a variable name\n",
		    (int)len, name);
		return -1;
	}
	if ((s = strdup(value)) == NULL) {
		dprintf(STDERR_FILENO, "sh: out of memory\n");
		return -1;
	}
	if ((v = var_make(name, len)) == NULL) {
		free(s);
		return -1;
	}
	free(v->v_value);
	v->v_value = s;
	v->v_flags |= flags;
	return 0;
}

int
var_set(const char *name, const char *value, int flags)
{
	return var_setn(name, strlen(name), value, flags);
}

/* An assignment NAME=value (value already expanded): var_set. */
int
var_assign(const char *s, int flags)
{
	const char *eq = strchr(s, '=');

	if (eq == NULL)
		return var_set(s, "", flags);
	return var_setn(s, eq - s, eq + 1, flags);
}

/* export NAME (no value): exported once set, or now if it is. */
int
var_export(const char *name)
{
	struct var *v;

	if (!var_isname(name, strlen(name))) {
		dprintf(STDERR_FILENO, "sh: export: %s: not a variable name\n",
		    name);
		return -1;
	}
	if ((v = var_make(name, strlen(name))) == NULL)
		return -1;
	v->v_flags |= V_EXPORT;
	return 0;
}

/* unset NAME: the variable is gone, exported or not. */
int
var_unset(const char *name)
{
	struct var **vp, *v;

	if (!var_isname(name, strlen(name))) {
		dprintf(STDERR_FILENO, "sh: unset: %s: not a variable name\n",
		    name);
		return -1;
	}
	if ((v = var_find(name, strlen(name), &vp)) == NULL)
		return 0;
	*vp = v->v_next;
	free(v->v_name);
	free(v->v_value);
	free(v);
	return 0;
}

/* Import the environment the shell was given: each variable exported. */
void
var_init(char **env)
{
	const char *eq;

	for (; env != NULL && *env != NULL; env++)
		if ((eq = strchr(*env, '=')) != NULL &&
		    var_isname(*env, eq - *env))
			(void)var_setn(*env, eq - *env, eq + 1, V_EXPORT);
}

/*
 * The environment for execve: "NAME=value" for each exported variable
 * that is set.  Called in a child about to exec, so nothing is freed;
 * NULL if memory runs out.
 */
char **
var_environ(void)
{
	struct var *v;
	char **env;
	size_t n = 0, len;

	for (v = vars; v != NULL; v = v->v_next)
		n++;
	if ((env = calloc(n + 1, sizeof(*env))) == NULL)
		return NULL;
	n = 0;
	for (v = vars; v != NULL; v = v->v_next) {
		if (!(v->v_flags & V_EXPORT) || v->v_value == NULL)
			continue;
		len = strlen(v->v_name) + 1 + strlen(v->v_value) + 1;
		if ((env[n] = malloc(len)) == NULL)
			return NULL;
		snprintf(env[n++], len, "%s=%s", v->v_name, v->v_value);
	}
	return env;
}

/* Print s in single quotes, as the shell would read it back. */
static void
print_quoted(const char *s)
{
	putchar('\'');
	for (; *s != '\0'; s++)
		if (*s == '\'')
			fputs("'\\''", stdout);	/* end, \', start again */
		else
			putchar(*s);
	putchar('\'');
}

/*
 * List the variables as assignments the shell can read back: all of
 * them (set), or with prefix "export " the exported ones (export).
 */
void
var_print(const char *prefix)
{
	struct var *v;

	for (v = vars; v != NULL; v = v->v_next) {
		if (*prefix != '\0' && !(v->v_flags & V_EXPORT))
			continue;
		if (v->v_value == NULL && *prefix == '\0')
			continue;
		printf("%s%s", prefix, v->v_name);
		if (v->v_value != NULL) {
			putchar('=');
			print_quoted(v->v_value);
		}
		putchar('\n');
	}
}

/* ---- the positional parameters -------------------------------------- */

/* $1 ... $n from args (copied), and $0 if zero is not NULL. */
int
pos_set(const char *zero, int n, char **args)
{
	char **new;
	int i;

	if ((new = calloc(n + 1, sizeof(*new))) == NULL)
		goto nomem;
	for (i = 0; i < n; i++)
		if ((new[i] = strdup(args[i])) == NULL)
			goto nomem;
	if (zero != NULL) {
		free(pos_zero);
		if ((pos_zero = strdup(zero)) == NULL)
			goto nomem;
	}
	for (i = 0; i < pos_nargs; i++)
		free(pos_args[i]);
	free(pos_args);
	pos_args = new;
	pos_nargs = n;
	return 0;
nomem:
	for (i = 0; new != NULL && new[i] != NULL; i++)
		free(new[i]);
	free(new);
	dprintf(STDERR_FILENO, "sh: out of memory\n");
	return -1;
}

/* $n, or NULL past the last. */
const char *
pos_get(int n)
{
	if (n == 0)
		return pos_zero;
	return n <= pos_nargs ? pos_args[n - 1] : NULL;
}

/* $# */
int
pos_count(void)
{
	return pos_nargs;
}

/* shift n: $n+1 becomes $1.  -1 if there are fewer than n. */
int
pos_shift(int n)
{
	int i;

	if (n < 0 || n > pos_nargs)
		return -1;
	for (i = 0; i < n; i++)
		free(pos_args[i]);
	memmove(pos_args, pos_args + n, (pos_nargs - n + 1) * sizeof(char *));
	pos_nargs -= n;
	return 0;
}
