/*
 * kernel/arch/i386/tests/ktest_regress.c: the regress programs
 * (user/regress/), each run from the ramdisk as a test process and held
 * to its exit status, with the counters back at their baseline after.
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
#include <sys/event.h>
#include <sys/pool.h>
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

/* ---- the regress programs (user/regress/) ------------------------------ */

static const char *regress_path;

/* P: the console on 0, 1 and 2, then exec regress_path. */
static void
regress_entry(void *arg)
{
	struct fu_ctx *c = arg;
	const uint32_t argv[2] = { X_PATH, 0 }, envp[1] = { 0 };
	int fd, i;

	if ((c->error = user_setup(c)) != 0)
		process_done(c, 1);
	for (i = 0; i < 3; i++)
		if ((c->error = open_console(&fd)) != 0)
			process_done(c, 2);
	if ((c->error = copyout(regress_path, (void *)X_PATH,
	    strlen(regress_path) + 1)) != 0 ||
	    (c->error = copyout(argv, (void *)X_ARGV, sizeof(argv))) != 0 ||
	    (c->error = copyout(envp, (void *)X_ENVP, sizeof(envp))) != 0)
		process_done(c, 3);
	if ((c->error = exec_call(X_PATH, X_ARGV)) != EJUSTRETURN)
		process_done(c, 4);
	c->error = 0;
	c->step = 5;
	KERNEL_UNLOCK();
}

/*
 * Each program of user/regress (in the ramdisk's /regress) checks a
 * system call from user space, prints what fails, and exits with the
 * number of failures: 0 passes.
 */
KTEST(regress_programs)
{
	static const char *const progs[] = { "/regress/pipe",
	    "/regress/signal", "/regress/time", "/regress/mem",
	    "/regress/fd", "/regress/stop", "/regress/rusage",
	    "/regress/poll", "/regress/fs", "/regress/fork",
	    "/regress/libc", "/regress/libc2", "/regress/tty",
	    "/regress/sh", "/regress/ptrace", "/regress/tracers",
	    "/regress/tfork", "/regress/threads",
	    "/regress/threads-counter", "/regress/threads-handoff",
	    "/regress/kqueue" };
	struct proc_baseline b;
	struct fu_ctx c;
	u_int i, vrefs, knotes;
	int status;

	if (rootvnode == NULL)
		ktest_skip("no ramdisk");
	proc_baseline(&b);
	vrefs = tarfs_refs();
	knotes = knote_pool.pr_nout + kqueue_pool.pr_nout;
	for (i = 0; i < nitems(progs); i++) {
		memset(&c, 0, sizeof(c));
		c.code = trap_code;
		c.len = sizeof(trap_code);
		regress_path = progs[i];
		status = reap(start_process(regress_entry, &c, NULL), 10000);
		ktest_diag("%s: status 0x%x", progs[i], status);
		KT_EQ(c.error, 0);
		KT_EQ(c.step, 5);
		KT_ASSERT(WIFEXITED(status));
		KT_EQ(WEXITSTATUS(status), 0);
	}
	KT_PROC_BASELINE(&b);
	KT_EQ(tarfs_refs(), vrefs);	/* cwd, files, text: all let go */
	KT_EQ(knote_pool.pr_nout + kqueue_pool.pr_nout, knotes);
}
