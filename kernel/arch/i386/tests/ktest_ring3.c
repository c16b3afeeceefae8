/*
 * kernel/arch/i386/tests/ktest_ring3.c: the helpers of the ring-3
 * self-tests (ktest_ring3.h): a test process P is a child of proc0 made
 * with fork1; it maps a tiny hand-assembled program (TEXT, DATA, STACK),
 * gives itself a user trap frame with setregs() and either forks as a
 * system call would or returns into the program.  proc0 reaps it.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/proc.h>
#include <sys/signal.h>
#include <sys/wait.h>
#include <sys/vmmeter.h>
#include <sys/syscallargs.h>
#include <sys/malloc.h>
#include <sys/ptrace.h>
#include <sys/resourcevar.h>
#include <sys/file.h>
#include <sys/vnode.h>
#include <sys/ktest.h>
#include <sys/proc_ktest.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <uvm/uvm_ktest.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/pcb.h>
#include <machine/pmap.h>
#include <machine/psl.h>
#include <machine/segments.h>
#include "ktest_ring3.h"

/*
 * Map the program into the running process's space: TEXT from code,
 * DATA and STACK zero-filled.  Returns uvm_map's error.
 * => curproc has a user address space of its own (FORK_FORK).
 */
int
user_map(const uint8_t *code, size_t len)
{
	struct vm_map *map = &curproc->p_vmspace->vm_map;
	vaddr_t va;
	int error;

	va = TEXT;
	error = uvm_map(map, &va, PAGE_SIZE, PROT_READ | PROT_EXEC,
	    PROT_READ | PROT_EXEC, MAP_INHERIT_COPY, (const char *)code, len);
	if (error)
		return error;
	va = DATA;
	error = uvm_map(map, &va, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
	    PROT_READ | PROT_WRITE, MAP_INHERIT_COPY, NULL, 0);
	return error;
}

/*
 * Map c's program and give curproc a user trap frame entering it.  The
 * frame is what a fork or __tfork child copies; curproc itself enters
 * user mode only if its fork1 function returns.
 */
int
user_setup(struct fu_ctx *c)
{
	int error;

	if ((error = user_map(c->code, c->len)) != 0)
		return error;
	setregs(curproc, TEXT, STACK_TOP);
	return 0;
}

/*
 * Start fn(c) as a new process, a child of process0.  Returns its pid;
 * *pp (if not NULL) gets its thread, valid until it is reaped.
 */
pid_t
start_process(void (*fn)(void *), void *c, struct proc **pp)
{
	struct proc *p = NULL;
	int error;

	KERNEL_LOCK();
	error = fork1(&proc0, FORK_FORK, fn, c, NULL, &p);
	KERNEL_UNLOCK();
	KT_EQ(error, 0);
	if (pp != NULL)
		*pp = p;
	return p->p_p->ps_pid;
}

/*
 * Reap proc0's child pid if it ends within about ms milliseconds:
 * returns its wait status, or -1 if it is still there.  Polls with
 * WNOHANG so that a child that never ends cannot hang the run.
 */
int
reap_try(pid_t pid, int ms)
{
	uint64_t end = getnsecuptime() + ms * MS;
	register_t rv = 0;
	int status = -1;

	for (;;) {
		KT_EQ(dowait4(&proc0, pid, &status, WNOHANG, NULL, &rv), 0);
		if (rv == pid)
			return status;
		if (getnsecuptime() >= end)
			return -1;
		tsleep_nsec(&rv, PWAIT, "ktreap", 10 * MS);
	}
}

/* reap_try(), and a child that does not end fails the test. */
int
reap(pid_t pid, int ms)
{
	int status = reap_try(pid, ms);

	if (status == -1)
		KT_FAIL("pid %d did not end within %d ms", pid, ms);
	return status;
}

/* A process started with start_process ends here. */
__dead void
process_done(struct fu_ctx *c, int step)
{
	c->step = step;
	exit1(curproc, 0, 0, EXIT_NORMAL);
}

/* fork1 function that goes to user mode: map, setregs, return. */
void
user_entry(void *arg)
{
	struct fu_ctx *c = arg;

	if ((c->error = user_setup(c)) != 0)
		process_done(c, 1);
	c->step = 1;
	KERNEL_UNLOCK();
}

/* The word at va (in DATA) in p's address space; -1 if it has no page. */
int
peek_word(struct proc *p, vaddr_t va)
{
	paddr_t pa;

	if (!pmap_extract(p->p_vmspace->vm_map.pmap, trunc_page(va), &pa))
		return -1;
	return *(volatile int *)PMAP_DIRECT_MAP(pa + (va & PAGE_MASK));
}

/*
 * Open the console for curproc, as open("/dev/console", O_RDWR) will:
 * a new open file on its vnode in the lowest free descriptor.
 */
int
open_console(int *fdp)
{
	struct file *fp;
	int error;

	if ((error = falloc(curproc, &fp, fdp)) != 0)
		return error;
	fp->f_flag = FREAD | FWRITE;
	fp->f_type = DTYPE_VNODE;
	fp->f_ops = &vnops;
	fp->f_data = consvp;
	vref(consvp);
	return 0;
}

/* execve(path, argv, X_ENVP) as the system call would be made. */
int
exec_call(vaddr_t path, vaddr_t argv)
{
	struct sys_execve_args a;
	register_t rv[2];

	memset(&a, 0, sizeof(a));
	SCARG(&a, path) = (const char *)path;
	SCARG(&a, argp) = (char *const *)argv;
	SCARG(&a, envp) = (char *const *)X_ENVP;
	return sys_execve(curproc, &a, rv);
}

/* A program that stops at once: int3, SIGTRAP. */
const uint8_t trap_code[1] = {
	0xcc,				/* int3: SIGTRAP		*/
};
