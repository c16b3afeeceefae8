/*
 * kernel/arch/i386/usermode.c: running code in ring 3 before there are
 * processes.
 *
 * cpu_run_user(eip, esp) drops to user mode in the current address space
 * and returns when that code is done: it executes int3 (status 0, the
 * stand-in for exit), or it faults and is ended (status -1, with the
 * console message trap.c printed).  The kernel stack a trap from ring 3
 * lands on (TSS esp0) is a static one here.  This is scaffolding: when
 * processes exist, the same trap path ends the faulting process
 * (exit1 with SIGSEGV) and the scheduler runs another, and this file goes.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <lib/libkern/libkern.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/tss.h>
#include <machine/pcb.h>
#include <machine/usermode.h>

void	enter_user(vaddr_t eip, vaddr_t esp) __dead;

static uint8_t user_kstack[8192] __aligned(16);
static label_t user_label;
static int user_active, user_status;
char	user_end_reason[160];

int
cpu_run_user(vaddr_t eip, vaddr_t esp)
{
	u_int ef = read_eflags();

	KASSERT(!user_active);
	user_end_reason[0] = '\0';
	if (setjmp(&user_label) == 0) {
		user_active = 1;
		curpcb->pcb_tss.tss_esp0 = (uint32_t)(user_kstack +
		    sizeof(user_kstack));
		enter_user(eip, esp);
	}
	user_active = 0;
	curpcb->pcb_tss.tss_esp0 = 0;
	write_eflags(ef);
	return user_status;
}

/* Is user code running under cpu_run_user()? */
int
cpu_user_active(void)
{
	return user_active;
}

/*
 * The user code is done: back to cpu_run_user's caller.
 * => called from trap() on the esp0 stack.
 */
void
cpu_user_exit(int status, const char *why)
{
	KASSERT(user_active);
	user_status = status;
	if (why != NULL)
		strlcpy(user_end_reason, why, sizeof(user_end_reason));
	longjmp(&user_label);
}
