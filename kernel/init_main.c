/*
 * kernel/init_main.c: main(), the machine-independent start of the kernel.
 *
 * init386() (kernel/arch/i386/machdep.c) calls main() once the consoles,
 * the GDT, the IDT, the interrupt controllers and the direct map are up.
 * main() reads the boot options, lets the machine-dependent code introduce
 * the machine (cpu_startup), seeds the random generator, starts the memory
 * system (uvm_init), the timeouts and the clock, turns interrupts on, and
 * then runs the benchmarks ("bench") or the self-tests ("test"), or hands
 * the console to the kernel monitor.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/bootopt.h>
#include <sys/reboot.h>
#include <sys/ktest.h>
#include <sys/timeout.h>
#include <sys/proc.h>
#include <sys/event.h>
#include <sys/sched.h>
#include <sys/vnode.h>
#include <sys/syscallargs.h>
#include <uvm/uvm_map.h>
#include <sys/wait.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <lib/libkern/libkern.h>
#include <dev/rndvar.h>
#include <uvm/uvm_extern.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/intr.h>
#include <machine/multiboot2.h>

#define TINE_VERSION	"0.1"

int	boot_test_mode;
u_int	boot_seed;
int	boot_seed_given;	/* seed=N was there: reproducible runs */
char	boot_ktest_filter[32];
char	boot_crash[16];
int	boot_bench_mode;
int	boot_benchboot;
int	boot_kmon;
char	boot_run[200];		/* run=/bin/prog,arg1,...: init runs it */

/* The boot options Tine knows; docs/boot.md lists them for users. */
static const struct bootopt bootopts[] = {
	{ "test", BOOTOPT_FLAG, &boot_test_mode, 0, 0,
	    "run the kernel self-tests, print TAP, power off" },
	/* The PIT's 16-bit divisor (1193182 / hz) needs hz >= 19. */
	{ "hz", BOOTOPT_UINT, &hz, 20, 1000,
	    "clock interrupts per second (default 100)" },
	{ "seed", BOOTOPT_UINT, &boot_seed, 0, 0xffffffff,
	    "seed for the kernel's random numbers, for reproducible runs" },
	{ "ktest", BOOTOPT_STRING, boot_ktest_filter, 0,
	    sizeof(boot_ktest_filter),
	    "run only the self-tests whose name contains this word" },
	{ "bench", BOOTOPT_FLAG, &boot_bench_mode, 0, 0,
	    "run the kernel benchmarks, print \"bench NAME VALUE\", power off" },
	{ "benchboot", BOOTOPT_FLAG, &boot_benchboot, 0, 0,
	    "print cycles from kernel entry to the shell's prompt, power off" },
	{ "crash", BOOTOPT_STRING, boot_crash, 0, sizeof(boot_crash),
	    "panic on purpose: pagefault, divide, assert, panic or stack" },
	{ "kmon", BOOTOPT_FLAG, &boot_kmon, 0, 0,
	    "the kernel monitor on the console, and no user space" },
	{ "run", BOOTOPT_STRING, boot_run, 0, sizeof(boot_run),
	    "init runs this command (/bin/prog,arg1,...), reports, powers off" },
};

void	main(void) __dead;
void	kmon(void) __dead;

static void
bootopt_report(const char *msg, void *arg __unused)
{
	printf("\033[1;33mboot: %s\033[0m\n", msg);
}

static void
bootopt_quiet(const char *msg __unused, void *arg __unused)
{
}

/*
 * Was a valid seed=N on the command line?  Every 32-bit value is a valid
 * seed, so boot_seed cannot tell: parse the line again for seed alone,
 * into a variable that starts different from boot_seed and becomes equal
 * only if a valid seed=N is there.  (The first parse reported problems.)
 */
static int
bootopt_seed_given(const char *cmdline)
{
	u_int probe = ~boot_seed;
	const struct bootopt seedopt = { "seed", BOOTOPT_UINT, &probe,
	    0, 0xffffffff, NULL };

	(void)bootopt_parse(cmdline, &seedopt, 1, bootopt_quiet, NULL);
	return probe == boot_seed;
}

/* The root file system: the ramdisk GRUB loaded, if it did. */
static void
mount_ramdisk(void)
{
	const char *start;
	size_t len;

	if (md_ramdisk(&start, &len) == 0)
		tarfs_mount(start, len);
	else
		printf("tarfs: no ramdisk module: no files\n");
}

/*
 * Exec /sbin/init in the running process, as OpenBSD's start_init does:
 * the path and argv go into a page of its (empty) user space first,
 * because execve reads them from there.  Boot option run= reaches init
 * as "-r COMMAND" (upstream passes its boot flags the same way, "-s").
 * => EJUSTRETURN on success.
 */
static int
start_init_exec(struct proc *p)
{
	static const char path[] = "/sbin/init", arg0[] = "init",
	    arg1[] = "-r";
	vaddr_t va = 0x00400000;	/* a scratch page; exec frees it */
	struct sys_execve_args a;
	uint32_t vec[5] = { va + 64, 0, 0, 0, 0 };	/* argv, then envp */
	register_t rv[2];
	int error;

	if ((error = uvm_map(&p->p_vmspace->vm_map, &va, PAGE_SIZE,
	    PROT_READ | PROT_WRITE, PROT_READ | PROT_WRITE, MAP_INHERIT_COPY,
	    NULL, 0)) != 0)
		return error;
	if (boot_run[0] != '\0') {	/* argv: { "init", "-r", run, NULL } */
		vec[1] = va + 80;
		vec[2] = va + 96;
	}
	if ((error = copyout(path, (void *)va, sizeof(path))) != 0 ||
	    (error = copyout(arg0, (void *)(va + 64), sizeof(arg0))) != 0 ||
	    (error = copyout(arg1, (void *)(va + 80), sizeof(arg1))) != 0 ||
	    (error = copyout(boot_run, (void *)(va + 96),
	    sizeof(boot_run))) != 0 ||
	    (error = copyout(vec, (void *)(va + 512), sizeof(vec))) != 0)
		return error;
	SCARG(&a, path) = (const char *)va;
	SCARG(&a, argp) = (char *const *)(va + 512);
	SCARG(&a, envp) = (char *const *)(va + 512 + 4 * 4);
	return sys_execve(p, &a, rv);
}

/*
 * Process 1.  As in OpenBSD, start_init() execs /sbin/init, from the
 * ramdisk; the self-test and benchmark runs, and the kernel monitor's
 * (boot option kmon), keep init in the kernel, so that no user program
 * runs beside the tests or reads the console.  An init in the kernel does
 * the one job of init the kernel relies on: it waits for the orphans
 * exit1() gives it, so that no zombie is left behind.
 */
static void
start_init(void *arg __unused)
{
	struct proc *p = curproc;
	register_t retval;
	int status, error;

	if (!boot_test_mode && !boot_bench_mode && !boot_kmon &&
	    rootvnode != NULL) {
		if ((error = start_init_exec(p)) == EJUSTRETURN) {
			KERNEL_UNLOCK();
			return;			/* to /sbin/init's first line */
		}
		printf("init: cannot exec /sbin/init (error %d): init stays "
		    "in the kernel\n", error);
	}
	KERNEL_UNLOCK();
	/*
	 * No child, or a signal pending (delivery comes with issue 6): sleep
	 * until exit1 gives us a child or one of ours ends.
	 */
	for (;;) {
		if (dowait4(p, WAIT_ANY, &status, 0, NULL, &retval) != 0)
			tsleep_nsec(p->p_p, PWAIT, "initwait", INFSLP);
	}
}

/*
 * The first processes, in OpenBSD's order: init first, so that it gets
 * pid 1 (the seed's allocpid() hands out 1 once, then random pids), then
 * the threads every system has: the idle thread (fork1 with FORK_IDLE:
 * it never goes on a run queue, the scheduler picks it when nothing else
 * runs) and the reaper.  All come from the seed's fork1().
 */
static void
start_kthreads(void)
{
	struct cpu_info *ci = curcpu();
	struct proc *idle;

	if (fork1(&proc0, FORK_FORK, start_init, NULL, NULL, &initproc) != 0)
		panic("fork init");
	strlcpy(initproc->p_p->ps_comm, "init", sizeof(initproc->p_p->ps_comm));

	if (fork1(&proc0, FORK_SHAREVM | FORK_SHAREFILES | FORK_NOZOMBIE |
	    FORK_SYSTEM | FORK_IDLE, sched_idle, ci, NULL, &idle) != 0)
		panic("fork idle thread");
	ci->ci_schedstate.spc_idleproc = idle;
	snprintf(idle->p_p->ps_comm, sizeof(idle->p_p->ps_comm), "idle%d",
	    CPU_INFO_UNIT(ci));
	if (kthread_create(reaper, NULL, &reaperproc, "reaper") != 0)
		panic("fork reaper");
}

void
main(void)
{
	int problems;

	printf("\033[1;36mTine " TINE_VERSION "\033[0m (i386): a small OS "
	    "around OpenBSD's kern_fork.c, rev 1.260\n");
	printf("boot: command line \"%s\"\n", mb2_info.cmdline);
	problems = bootopt_parse(mb2_info.cmdline, bootopts, nitems(bootopts),
	    bootopt_report, NULL);
	if (problems > 0)
		printf("boot: %d problem%s with the command line; "
		    "continuing with the values above\n", problems,
		    problems == 1 ? "" : "s");
	boot_seed_given = bootopt_seed_given(mb2_info.cmdline);

	cpu_startup();
	random_start(boot_seed_given, boot_seed);
	uvm_init();
	timeout_startup();		/* before hardclock() first runs */
	procinit();
	kqueue_init();			/* the knote and kqueue pools */
	proc0_init();			/* we are proc0 from here on */
	mount_ramdisk();
	initclocks();
	scheduler_start();
	cpu_configure();
	spl0();
	enable_intr();
	printf("clock: %d Hz\n", hz);
	start_kthreads();

	if (boot_crash[0] != '\0')
		ktest_crash(boot_crash);
	if (boot_bench_mode) {
		kbench_run_all();
		boot(RB_HALT | RB_POWERDOWN);
	}
	if (boot_test_mode) {
		ktest_run_all(boot_ktest_filter);
		boot(RB_HALT | RB_POWERDOWN);
	}
	if (boot_kmon || rootvnode == NULL)
		kmon();
	/*
	 * User space has the console.  proc0 has nothing left to do: OpenBSD's
	 * goes on as the swapper; Tine's, which swaps nothing, sleeps.
	 */
	for (;;)
		tsleep_nsec(&proc0, PVM, "scheduler", INFSLP);
}
