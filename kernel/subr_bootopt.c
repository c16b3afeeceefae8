/*
 * kernel/subr_bootopt.c: parse the kernel command line against a table of
 * boot options (sys/bootopt.h).
 *
 *   "test hz=250 seed=0x2a"  ->  test = 1, hz = 250, seed = 42
 *
 * A first word starting with '/' is the kernel's own path (some loaders
 * pass it) and is skipped.  Every problem is reported with the option as
 * written and what happens instead.  Pure C over strings:
 * tests/host/test_bootopt.c runs it on the host.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/bootopt.h>
#include <lib/libkern/libkern.h>

#define BOOTOPT_WORD_MAX	64

struct bootopt_ctx {
	void	(*report)(const char *, void *);
	void	*arg;
	int	problems;
};

static void
problem(struct bootopt_ctx *ctx, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ctx->report(msg, ctx->arg);
	ctx->problems++;
}

/* Parse a decimal or 0x-hex number; 0 on success, -1 if malformed or
 * larger than 32 bits. */
static int
parse_uint(const char *s, unsigned int *out)
{
	unsigned long long v = 0;
	unsigned int base = 10, d;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (base == 16 && *s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (base == 16 && *s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			return -1;
		v = v * base + d;
		if (v > 0xffffffffULL)
			return -1;
	}
	*out = (unsigned int)v;
	return 0;
}

static const struct bootopt *
lookup(const struct bootopt *opts, size_t nopts, const char *name)
{
	size_t i;

	for (i = 0; i < nopts; i++)
		if (strcmp(opts[i].bo_name, name) == 0)
			return &opts[i];
	return NULL;
}

static void
set_uint(struct bootopt_ctx *ctx, const struct bootopt *o, const char *val)
{
	unsigned int *var = o->bo_var, v;

	if (val == NULL)
		problem(ctx, "boot option '%s' needs a value, as %s=N; "
		    "using %s=%u", o->bo_name, o->bo_name, o->bo_name, *var);
	else if (parse_uint(val, &v) != 0)
		problem(ctx, "boot option '%s=%s': not a number; using %s=%u",
		    o->bo_name, val, o->bo_name, *var);
	else if (v < o->bo_min || v > o->bo_max)
		problem(ctx, "boot option '%s=%s': out of range %u..%u; "
		    "using %s=%u", o->bo_name, val, o->bo_min, o->bo_max,
		    o->bo_name, *var);
	else
		*var = v;
}

static void
set_string(struct bootopt_ctx *ctx, const struct bootopt *o, const char *val)
{
	if (val == NULL || *val == '\0')
		problem(ctx, "boot option '%s' needs a value, as %s=WORD; "
		    "ignored", o->bo_name, o->bo_name);
	else if (strlen(val) >= o->bo_max)
		problem(ctx, "boot option '%s=%s': longer than %u characters; "
		    "ignored", o->bo_name, val, o->bo_max - 1);
	else
		strlcpy(o->bo_var, val, o->bo_max);
}

/* One word of the command line, NAME or NAME=VALUE. */
static void
parse_word(struct bootopt_ctx *ctx, const struct bootopt *opts, size_t nopts,
    char *word)
{
	const struct bootopt *o;
	char *val = strchr(word, '=');

	if (val != NULL)
		*val++ = '\0';
	o = lookup(opts, nopts, word);
	if (o == NULL) {
		problem(ctx, "unknown boot option '%s'; ignored", word);
		return;
	}
	switch (o->bo_type) {
	case BOOTOPT_FLAG:
		if (val != NULL)
			problem(ctx, "boot option '%s=%s': '%s' takes no "
			    "value; ignored", word, val, word);
		else
			*(int *)o->bo_var = 1;
		break;
	case BOOTOPT_UINT:
		set_uint(ctx, o, val);
		break;
	case BOOTOPT_STRING:
		set_string(ctx, o, val);
		break;
	}
}

int
bootopt_parse(const char *cmdline, const struct bootopt *opts, size_t nopts,
    void (*report)(const char *, void *), void *arg)
{
	struct bootopt_ctx ctx = { report, arg, 0 };
	char word[BOOTOPT_WORD_MAX];
	int first = 1;
	size_t n;

	while (*cmdline != '\0') {
		while (*cmdline == ' ' || *cmdline == '\t')
			cmdline++;
		for (n = 0; cmdline[n] != '\0' && cmdline[n] != ' ' &&
		    cmdline[n] != '\t'; n++)
			continue;
		if (n == 0)
			break;
		if (first && cmdline[0] == '/')
			;	/* the kernel's path, however long: skip it */
		else if (n >= sizeof(word))
			problem(&ctx, "boot option '%.20s...': longer than %zu "
			    "characters; ignored", cmdline, sizeof(word) - 1);
		else {
			memcpy(word, cmdline, n);
			word[n] = '\0';
			parse_word(&ctx, opts, nopts, word);
		}
		first = 0;
		cmdline += n;
	}
	return ctx.problems;
}
