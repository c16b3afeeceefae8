/*
 * pdb's registers: PT_GETREGS / PT_SETREGS, struct reg in OpenBSD/i386's
 * order, printed and set by name.
 */

#include <sys/types.h>
#include <sys/ptrace.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdb.h"

static const struct {
	const char *name;
	size_t	off;
} regnames[] = {
	{ "eax", offsetof(struct reg, r_eax) },
	{ "ecx", offsetof(struct reg, r_ecx) },
	{ "edx", offsetof(struct reg, r_edx) },
	{ "ebx", offsetof(struct reg, r_ebx) },
	{ "esp", offsetof(struct reg, r_esp) },
	{ "ebp", offsetof(struct reg, r_ebp) },
	{ "esi", offsetof(struct reg, r_esi) },
	{ "edi", offsetof(struct reg, r_edi) },
	{ "eip", offsetof(struct reg, r_eip) },
	{ "eflags", offsetof(struct reg, r_eflags) },
	{ "cs", offsetof(struct reg, r_cs) },
	{ "ss", offsetof(struct reg, r_ss) },
	{ "ds", offsetof(struct reg, r_ds) },
	{ "es", offsetof(struct reg, r_es) },
	{ "fs", offsetof(struct reg, r_fs) },
	{ "gs", offsetof(struct reg, r_gs) },
};
#define NREGS	(sizeof(regnames) / sizeof(regnames[0]))

int
regs_get(struct reg *r)
{
	if (ptrace(PT_GETREGS, tg.pid, (caddr_t)r, 0) == -1) {
		printf("pdb: PT_GETREGS: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

int
regs_set(const struct reg *r)
{
	if (ptrace(PT_SETREGS, tg.pid, (caddr_t)r, 0) == -1) {
		printf("pdb: PT_SETREGS: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

#define REG(r, i)	(*(int *)((char *)(r) + regnames[i].off))

void
cmd_regs(void)
{
	struct reg r;
	size_t i;

	if (regs_get(&r) == -1)
		return;
	for (i = 0; i < NREGS; i++)
		printf("%-6s 0x%08x%s", regnames[i].name, REG(&r, i),
		    i % 4 == 3 ? "\n" : "  ");
	printf("at ");
	sym_print(r.r_eip);
	printf("\n");
}

/* "0x01001234 <main+12>" for eip, and a newline. */
void
regs_where(void)
{
	struct reg r;

	if (regs_get(&r) == -1)
		return;
	sym_print(r.r_eip);
	printf("\n");
}

/* set REG VALUE */
void
cmd_set(int argc, char **argv)
{
	struct reg r;
	char *end;
	long v;
	size_t i;

	if (argc != 3) {
		printf("usage: set REG VALUE\n");
		return;
	}
	v = strtoul(argv[2], &end, 0);
	if (*end != '\0') {
		printf("set: bad value %s\n", argv[2]);
		return;
	}
	for (i = 0; i < NREGS; i++)
		if (strcmp(argv[1], regnames[i].name) == 0)
			break;
	if (i == NREGS) {
		printf("set: no register %s\n", argv[1]);
		return;
	}
	if (regs_get(&r) == -1)
		return;
	REG(&r, i) = v;
	(void)regs_set(&r);
}
