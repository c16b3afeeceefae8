/*
 * pdb's view of the tracee's memory: PT_IO reads and writes (the kernel
 * goes through the tracee's address space and its fault handler), the
 * x command and a backtrace by frame pointers.
 */

#include <sys/types.h>
#include <sys/ptrace.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdb.h"

static int
mem_io(pid_t pid, int op, vaddr_t addr, void *buf, size_t len)
{
	struct ptrace_io_desc io;

	io.piod_op = op;
	io.piod_offs = (void *)addr;
	io.piod_addr = buf;
	io.piod_len = len;
	if (ptrace(PT_IO, pid, (caddr_t)&io, 0) == -1)
		return -1;
	if (io.piod_len != len) {
		errno = EFAULT;
		return -1;
	}
	return 0;
}

int
mem_read(pid_t pid, vaddr_t addr, void *buf, size_t len)
{
	return mem_io(pid, PIOD_READ_I, addr, buf, len);
}

/*
 * Writes go to "instruction space": the kernel then makes a read-only
 * text page a private copy of the tracee's before writing (a breakpoint
 * must not show in another process running the same program).
 */
int
mem_write(pid_t pid, vaddr_t addr, const void *buf, size_t len)
{
	return mem_io(pid, PIOD_WRITE_I, addr, (void *)buf, len);
}

/* ADDR: a number (0x... hexadecimal), FUNCTION or FUNCTION+OFFSET. */
int
parse_addr(const char *s, vaddr_t *addr)
{
	char name[64], *end;
	const char *plus;
	unsigned long off = 0;
	size_t n;

	if (s[0] >= '0' && s[0] <= '9') {
		*addr = strtoul(s, &end, 0);
		return *end == '\0' ? 0 : -1;
	}
	if ((plus = strchr(s, '+')) != NULL) {
		off = strtoul(plus + 1, &end, 0);
		if (*end != '\0')
			return -1;
		n = plus - s;
	} else
		n = strlen(s);
	if (n >= sizeof(name))
		return -1;
	memcpy(name, s, n);
	name[n] = '\0';
	if (sym_lookup(name, addr) == -1)
		return -1;
	*addr += off;
	return 0;
}

/* x ADDR [N]: N 32-bit words (4 by default), four to a line. */
void
cmd_x(int argc, char **argv)
{
	uint32_t w[64];
	vaddr_t addr;
	int i, n = 4;

	if (argc < 2 || parse_addr(argv[1], &addr) == -1) {
		printf("usage: x ADDR|FUNCTION [N]\n");
		return;
	}
	if (argc > 2 && ((n = atoi(argv[2])) < 1 || n > 64)) {
		printf("x: N is 1 to 64\n");
		return;
	}
	if (mem_read(tg.pid, addr, w, n * sizeof(w[0])) == -1) {
		printf("x: cannot read 0x%08lx: %s\n", (unsigned long)addr,
		    strerror(errno));
		return;
	}
	for (i = 0; i < n; i++) {
		if (i % 4 == 0) {
			if (i != 0)
				printf("\n");
			sym_print(addr + i * 4);
			printf(":");
		}
		printf(" 0x%08x", w[i]);
	}
	printf("\n");
}

/*
 * bt: the return addresses up the chain of saved frame pointers (the
 * programs are built with -fno-omit-frame-pointer):
 *
 *   [ebp + 4]  return address into the caller
 *   [ebp]      the caller's ebp
 */
void
cmd_bt(void)
{
	struct reg r;
	uint32_t frame[2];
	vaddr_t ebp;
	int depth, depth0 = 1;

	const char *name;
	vaddr_t off;

	if (regs_get(&r) == -1)
		return;
	printf("#0  ");
	sym_print(r.r_eip);
	printf("\n");
	ebp = r.r_ebp;
	/*
	 * At a function's first instruction (push %ebp) or its second
	 * (mov %esp, %ebp), ebp is still the caller's: the return address
	 * is on top of the stack, or just under the saved ebp.
	 */
	if ((name = sym_name(r.r_eip, &off)) != NULL && off <= 1) {
		if (mem_read(tg.pid, r.r_esp + 4 * off, &frame[1],
		    sizeof(frame[1])) == 0) {
			printf("#1  ");
			sym_print(frame[1]);
			printf("\n");
		}
		depth0 = 2;
	}
	for (depth = depth0; depth < 32 && ebp != 0; depth++) {
		if (mem_read(tg.pid, ebp, frame, sizeof(frame)) == -1 ||
		    frame[1] == 0)
			break;
		printf("#%-2d ", depth);
		sym_print(frame[1]);
		printf("\n");
		if (frame[0] <= ebp)	/* frames go up the stack */
			break;
		ebp = frame[0];
	}
}
