/*
 * pdb's breakpoints.  While the tracee runs, each breakpoint's first byte
 * is int3 (0xcc); when it stops, every original byte is back, so that x
 * shows the program as it is and a step runs the real instruction.
 *
 *   stopped:  8b 45 08 ...        (mov 8(%ebp), %eax)
 *   running:  cc 45 08 ...        int3: #BP, SIGTRAP, eip = addr + 1
 */

#include <sys/types.h>
#include <stdio.h>
#include <string.h>

#include "pdb.h"

#define NBP	16

static struct bp {
	vaddr_t	addr;		/* 0: a free slot */
	uint8_t	orig;		/* the byte int3 replaces */
	int	inserted;
	int	temporary;	/* next's: deleted at the next stop */
} bps[NBP];

/* A new breakpoint at addr; its number, or -1 (full, or unreadable). */
int
bp_add(vaddr_t addr, int temporary)
{
	uint8_t byte;
	int i;

	if (mem_read(tg.pid, addr, &byte, 1) == -1)
		return -1;
	/*
	 * One entry per address: a second would save the first one's int3
	 * as the "original" byte and put it back for good.
	 */
	for (i = 0; i < NBP; i++)
		if (bps[i].addr == addr) {
			if (!temporary)
				bps[i].temporary = 0;
			return i + 1;
		}
	for (i = 0; i < NBP; i++)
		if (bps[i].addr == 0) {
			bps[i] = (struct bp){ addr, 0, 0, temporary };
			return i + 1;
		}
	return -1;
}

void
bp_list(void)
{
	int i;

	for (i = 0; i < NBP; i++)
		if (bps[i].addr != 0 && !bps[i].temporary) {
			printf("breakpoint %d at ", i + 1);
			sym_print(bps[i].addr);
			printf("\n");
		}
}

int
bp_delete(int num)
{
	if (num < 1 || num > NBP || bps[num - 1].addr == 0)
		return -1;
	bps[num - 1].addr = 0;
	return 0;
}

/* Is there a breakpoint at addr? */
int
bp_at(vaddr_t addr)
{
	int i;

	for (i = 0; i < NBP; i++)
		if (bps[i].addr == addr)
			return 1;
	return 0;
}

/* Write int3 over every breakpoint in pid, keeping the bytes. */
void
bp_insert_all(pid_t pid)
{
	static const uint8_t int3 = 0xcc;
	int i;

	for (i = 0; i < NBP; i++) {
		if (bps[i].addr == 0 || bps[i].inserted)
			continue;
		if (mem_read(pid, bps[i].addr, &bps[i].orig, 1) == -1 ||
		    mem_write(pid, bps[i].addr, &int3, 1) == -1) {
			printf("pdb: cannot set breakpoint %d at 0x%08lx\n",
			    i + 1, (unsigned long)bps[i].addr);
			continue;
		}
		bps[i].inserted = 1;
	}
}

/* Put the original bytes back in pid. */
void
bp_remove_all(pid_t pid)
{
	int i;

	for (i = 0; i < NBP; i++) {
		if (bps[i].addr == 0 || !bps[i].inserted)
			continue;
		(void)mem_write(pid, bps[i].addr, &bps[i].orig, 1);
		bps[i].inserted = 0;
	}
}

/*
 * Put the original bytes back in pid, a fork child: it inherited the
 * parent's text copy with our int3s in it.  The flags are the parent's.
 */
void
bp_restore(pid_t pid)
{
	int i;

	for (i = 0; i < NBP; i++)
		if (bps[i].addr != 0 && bps[i].inserted)
			(void)mem_write(pid, bps[i].addr, &bps[i].orig, 1);
}

/* The tracee trapped with eip == addr + 1: was it one of ours? */
int
bp_hit(vaddr_t addr)
{
	int i;

	for (i = 0; i < NBP; i++)
		if (bps[i].addr == addr && bps[i].inserted)
			return i + 1;
	return 0;
}

/* Is breakpoint num next's, not the user's? */
int
bp_temporary(int num)
{
	return num >= 1 && num <= NBP && bps[num - 1].temporary;
}

void
bp_clear_temporary(void)
{
	int i;

	for (i = 0; i < NBP; i++)
		if (bps[i].temporary)
			bps[i].addr = 0;
}
