/*
 * kernel/arch/i386/db_trace.c: stack backtraces.
 *
 * The kernel is built with frame pointers, so every function's frame
 * starts with the caller's %ebp and, above it, the return address:
 *
 *   fp[1]  return address into the caller
 *   fp[0]  the caller's saved %ebp  --> the caller's frame, and so on
 *
 * boot/entry.asm zeroes %ebp before calling C, which ends every chain.  The
 * walk also stops at a frame pointer outside the mapped kernel, unaligned,
 * or not above the last one, so a corrupt stack cannot send it astray.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/reboot.h>
#include <machine/param.h>
#include <machine/cpufunc.h>
#include <machine/db_machdep.h>
#include <machine/pmap.h>

#define DB_MAXFRAMES	24

static vaddr_t db_panic_pc, db_panic_fp;

/* May a frame pointer be followed?  (Mapped kernel memory, aligned.) */
static int
db_frame_ok(vaddr_t fp, vaddr_t prev)
{
	paddr_t pa;

	return fp >= KERNBASE && (fp & 3) == 0 && fp > prev &&
	    pmap_kextract(fp, &pa) && pmap_kextract(fp + 7, &pa);
}

/*
 * Print the chain.  pc_is_return says the first pc is a return address
 * (as every later one is): those are looked up at pc - 1, since a call
 * to a function that never returns (panic) is often the last instruction
 * of its caller, and the return address then lies in the next function.
 */
static void
db_trace(vaddr_t pc, vaddr_t fp, int pc_is_return)
{
	char where[64];
	vaddr_t prev = 0;
	int n;

	printf("backtrace:\n");
	for (n = 0; n < DB_MAXFRAMES; n++) {
		if (n > 0 || pc_is_return)
			db_format_return(where, sizeof(where), pc);
		else
			db_format_pc(where, sizeof(where), pc);
		printf("  #%d 0x%08lx %s\n", n, pc, where);
		if (!db_frame_ok(fp, prev))
			break;
		prev = fp;
		pc = ((vaddr_t *)fp)[1];
		fp = ((vaddr_t *)fp)[0];
	}
}

/* The chain from a trap: pc is the faulting instruction itself. */
void
db_trace_from(vaddr_t pc, vaddr_t fp)
{
	db_trace(pc, fp, 0);
}

void
db_panic_from(vaddr_t pc, vaddr_t fp)
{
	db_panic_pc = pc;
	db_panic_fp = fp;
}

/*
 * panic()'s backtrace: from the trap that caused it if there was one,
 * else from panic()'s caller.
 */
void
db_stack_dump(void)
{
	vaddr_t fp;

	if (db_panic_pc != 0) {
		db_trace(db_panic_pc, db_panic_fp, 0);
		return;
	}
	fp = read_ebp();		/* our frame; its caller is panic() */
	fp = ((vaddr_t *)fp)[0];	/* panic()'s frame */
	db_trace(((vaddr_t *)fp)[1], ((vaddr_t *)fp)[0], 1);
}

/* Return addresses up the current stack, innermost first, for tests. */
int
db_collect_trace(vaddr_t *pcs, int max)
{
	vaddr_t fp = read_ebp(), prev = 0;
	int n = 0;

	while (n < max && db_frame_ok(fp, prev)) {
		pcs[n++] = ((vaddr_t *)fp)[1];
		prev = fp;
		fp = ((vaddr_t *)fp)[0];
	}
	return n;
}
