/*
 * expand.c: word expansion (XCU 2.6, trimmed).  A word as typed becomes
 * the fields a command sees:
 *
 *	~ and ~/...        $HOME, at the start of a word
 *	$NAME ${NAME}      a variable (nothing if unset)
 *	$? $$ $! $#        the last status, the shell's pid, the last
 *	                   background pid, the number of positional parameters
 *	$0 ... $9 ${10}    the positional parameters ($0: the shell or script)
 *	$* $@              all of them, "$@" each as a field of its own
 *	'...' "..." \c     quotes, removed once they have done their work
 *
 * An unquoted expansion is split into fields at blanks (IFS is always
 * space, tab and newline here); a quoted one never is.  There is no
 * command substitution, arithmetic or pathname expansion (no globs).
 *
 * One pass over the word does it all.  Characters go into the field
 * being made (e_buf from e_start); a blank from an unquoted expansion
 * ends that field.  A field counts if it has a character or came from
 * quotes (so "" is an empty argument while an unset $X alone is no
 * argument at all).  Assignments and redirections' files are expanded
 * without splitting, into one string each.
 */

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "sh.h"

/* Start expanding a command's words into e. */
void
expand_init(struct expand *e)
{
	e->e_len = e->e_start = 0;
	e->e_argc = 0;
	e->e_argv[0] = NULL;
	e->e_content = 0;
	e->e_split = 1;
	e->e_error = NULL;
}

/* Add c to the field being made. */
static int
putch(struct expand *e, int c)
{
	if (e->e_len >= sizeof(e->e_buf) - 1) {	/* room for its NUL */
		e->e_error = "arguments too long";
		return -1;
	}
	e->e_buf[e->e_len++] = c;
	e->e_content = 1;
	return 0;
}

/* End the field being made: an argument if it is one (or if force). */
static int
field_end(struct expand *e, int force)
{
	if (!e->e_content && !force)
		return 0;
	if (e->e_argc == MAXARGS) {
		e->e_error = "too many arguments";
		return -1;
	}
	if (e->e_len >= sizeof(e->e_buf)) {
		e->e_error = "arguments too long";
		return -1;
	}
	e->e_buf[e->e_len++] = '\0';
	e->e_argv[e->e_argc++] = e->e_buf + e->e_start;
	e->e_argv[e->e_argc] = NULL;
	e->e_start = e->e_len;
	e->e_content = 0;
	return 0;
}

/* Add an expansion's value: split at blanks unless quoted. */
static int
add_value(struct expand *e, const char *v, int quoted)
{
	for (; *v != '\0'; v++) {
		if (!quoted && e->e_split &&
		    (*v == ' ' || *v == '\t' || *v == '\n')) {
			if (field_end(e, 0) == -1)
				return -1;
			continue;
		}
		if (putch(e, *v) == -1)
			return -1;
	}
	return 0;
}

/*
 * $* and $@: the positional parameters, separated by a space; but "$@"
 * makes each a field of its own (when fields are made at all).
 */
static int
add_all(struct expand *e, int at, int quoted)
{
	int i, n = pos_count();

	for (i = 1; i <= n; i++) {
		if (i > 1 && at && quoted && e->e_split) {
			if (field_end(e, 1) == -1)
				return -1;
		} else if (i > 1 && add_value(e, " ", quoted) == -1)
			return -1;
		if (add_value(e, pos_get(i), quoted) == -1)
			return -1;
	}
	return 0;
}

/*
 * The value of special parameter c (? $ ! #) or positional parameter
 * s (n digits), or NULL if it has none.  buf holds a number made for it.
 */
static const char *
special(const char *s, size_t n, char *buf, size_t size)
{
	size_t i;
	int pos = 0;

	switch (s[0]) {
	case '?':
		snprintf(buf, size, "%d", last_status);
		return buf;
	case '$':
		snprintf(buf, size, "%d", shell_pid);
		return buf;
	case '!':
		if (last_bg_pid == 0)
			return NULL;
		snprintf(buf, size, "%d", last_bg_pid);
		return buf;
	case '#':
		snprintf(buf, size, "%d", pos_count());
		return buf;
	}
	for (i = 0; i < n && pos <= MAXARGS; i++)
		pos = pos * 10 + s[i] - '0';
	return pos <= MAXARGS ? pos_get(pos) : NULL;
}

/*
 * The parameter named after a '$', at *pp: its value added to e, *pp
 * moved past the name.  A '$' that names nothing stays a '$'.
 */
static int
param(struct expand *e, const char **pp, int quoted)
{
	const char *p = *pp, *v;
	int brace = *p == '{';
	char num[16];
	size_t n;

	p += brace;
	if (*p != '\0' && strchr("?$!#*@", *p) != NULL)
		n = 1;
	else if (isdigit((unsigned char)*p))
		n = brace ? strspn(p, "0123456789") : 1;
	else
		n = var_namelen(p);
	if (n == 0 || (brace && p[n] != '}')) {
		if (!brace)
			return putch(e, '$');
		e->e_error = "bad substitution";
		return -1;
	}
	*pp = p + n + brace;
	if (*p == '*' || *p == '@')
		return add_all(e, *p == '@', quoted);
	if (isalpha((unsigned char)*p) || *p == '_')
		v = var_getn(p, n);
	else
		v = special(p, n, num, sizeof(num));
	return v == NULL ? 0 : add_value(e, v, quoted);
}

/* The rest of '...' at *pp: every character as it is. */
static int
squote(struct expand *e, const char **pp)
{
	const char *p = *pp;

	e->e_content = 1;
	for (; *p != '\0' && *p != '\''; p++)
		if (putch(e, *p) == -1)
			return -1;
	*pp = *p == '\0' ? p : p + 1;
	return 0;
}

/* The rest of "..." at *pp: parameters expand, \ quotes $ " \ and `. */
static int
dquote(struct expand *e, const char **pp)
{
	const char *p = *pp;
	int c;

	e->e_content = 1;
	while ((c = *p) != '\0' && c != '"') {
		p++;
		if (c == '\\' && *p != '\0' && strchr("$\"\\`", *p) != NULL)
			c = *p++;
		else if (c == '$') {
			if (param(e, &p, 1) == -1)
				return -1;
			continue;
		}
		if (putch(e, c) == -1)
			return -1;
	}
	*pp = *p == '\0' ? p : p + 1;
	return 0;
}

/*
 * Expand word w (as typed) into the fields it makes, added to e's
 * arguments; split: unquoted expansions are split at blanks.  Returns
 * 0, or -1 with e_error set.
 */
int
expand_word(struct expand *e, const char *w, int split)
{
	const char *p = w, *home;
	int c, r;

	if (strcmp(w, "\"$@\"") == 0 && pos_count() == 0)
		return 0;		/* no parameters: not even "" */
	e->e_split = split;
	if (*p == '~' && (p[1] == '\0' || p[1] == '/') &&
	    (home = var_get("HOME")) != NULL) {
		if (add_value(e, home, 1) == -1)
			return -1;
		e->e_content = 1;
		p++;
	}
	while ((c = *p++) != '\0') {
		if (c == '\'')
			r = squote(e, &p);
		else if (c == '"')
			r = dquote(e, &p);
		else if (c == '\\' && *p != '\0')
			r = putch(e, *p++);
		else if (c == '$')
			r = param(e, &p, 0);
		else
			r = putch(e, c);
		if (r == -1)
			return -1;
	}
	return field_end(e, 0);
}

/*
 * Expand w into one string, unsplit (a redirection's file): it stays in
 * e's text but is not an argument.  NULL on error.
 */
char *
expand_string(struct expand *e, const char *w)
{
	int argc = e->e_argc;
	char *s;

	if (expand_word(e, w, 0) == -1)
		return NULL;
	if (e->e_argc == argc)
		return "";		/* nothing, not even quotes */
	s = e->e_argv[--e->e_argc];
	e->e_argv[e->e_argc] = NULL;
	return s;
}

/*
 * Expand assignment w, NAME=value, into one string, the value unsplit;
 * NULL on error.
 */
char *
expand_assign(struct expand *e, const char *w)
{
	size_t i, n = var_namelen(w) + 1;

	for (i = 0; i < n; i++)
		if (putch(e, w[i]) == -1)
			return NULL;
	return expand_string(e, w + n);
}
