/*
 * kernel/kmon_proc.c: the kernel monitor's process commands, for
 * watching fork at work before there is a user space:
 *
 *   tine> spawn 3          three kernel threads from fork1(), asleep
 *   tine> unspawn          wake them: they exit and the reaper frees them
 *   tine> ps               every thread: pid, tid, parent, state, priority,
 *                          what it sleeps on, command
 *   tine> trace fork       the trace ring's latest sched:fork records
 *   tine> trace            ... or its latest records of any kind
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/proc.h>
#include <sys/sched.h>
#include <sys/tracepoint.h>
#include <lib/libkern/libkern.h>

void	kmon_ps(const char *);
void	kmon_trace(const char *);
void	kmon_spawn(const char *);
void	kmon_unspawn(const char *);

static const char *const kmon_stat[] = {
	[SIDL] = "idle", [SRUN] = "run", [SSLEEP] = "sleep",
	[SSTOP] = "stop", [SZOMB] = "zomb", [SDEAD] = "dead",
	[SONPROC] = "onproc",
};

/* One line per thread of every live process, then the zombies. */
void
kmon_ps(const char *arg __unused)
{
	struct process *pr;
	struct proc *p;

	printf("%6s %6s %6s %-6s %3s %-8s %s\n", "PID", "TID", "PPID",
	    "STAT", "PRI", "WAIT", "COMMAND");
	LIST_FOREACH(pr, &allprocess, ps_list) {
		TAILQ_FOREACH(p, &pr->ps_threads, p_thr_link)
			printf("%6d %6d %6d %-6s %3d %-8s %s\n", pr->ps_pid,
			    p->p_tid + THREAD_PID_OFFSET,
			    pr->ps_pptr != NULL ? pr->ps_pptr->ps_pid : 0,
			    kmon_stat[(int)p->p_stat],
			    p->p_stat == SRUN ? p->p_runpri :
			    p->p_stat == SSLEEP ? p->p_slppri : p->p_usrpri,
			    p->p_wmesg != NULL && p->p_stat == SSLEEP ?
			    p->p_wmesg : "-", pr->ps_comm);
	}
	LIST_FOREACH(pr, &zombprocess, ps_list)
		printf("%6d %6s %6d %-6s %3s %-8s %s\n", pr->ps_pid, "-",
		    pr->ps_ppid, "zomb", "-", "-", pr->ps_comm);
	printf("%d processes, %d threads\n", nprocesses, nthreads);
}

/*
 * The last 20 trace records still in the ring, oldest first; with a
 * name (fork, off__cpu, ...), the last 20 of those.
 */
void
kmon_trace(const char *arg)
{
	uint64_t seq, end = tracepoint_count(), first;
	struct tp_record r;
	int i, n = 0;

	/* Walk back to the 20th matching record, then print forward. */
	for (first = end; first > 0 && n < 20; first--)
		if (tracepoint_read(first - 1, &r) == 0 &&
		    (*arg == '\0' || strcmp(r.tr_name, arg) == 0))
			n++;
	for (seq = first; seq < end; seq++) {
		if (tracepoint_read(seq, &r) != 0 ||
		    (*arg != '\0' && strcmp(r.tr_name, arg) != 0))
			continue;
		printf("%5llu.%06llu %s:%s", r.tr_nsec / 1000000000ULL,
		    r.tr_nsec / 1000 % 1000000, r.tr_provider, r.tr_name);
		for (i = 0; i < r.tr_nargs; i++)
			printf(" %ld", r.tr_args[i]);
		printf("\n");
	}
}

/*
 * Spawned threads sleep until "unspawn" (not for a time: under an
 * emulator's clock a time can pass in a blink while the machine idles
 * between two typed commands).
 */
static int kmon_unspawn_gen;

static void
kmon_spawned(void *arg __unused)
{
	int gen = kmon_unspawn_gen;

	while (gen == kmon_unspawn_gen)
		tsleep_nsec(&kmon_unspawn_gen, PWAIT, "spawned", INFSLP);
	kthread_exit(0);
}

/* Wake every spawned thread: each exits. */
void
kmon_unspawn(const char *arg __unused)
{
	kmon_unspawn_gen++;
	wakeup(&kmon_unspawn_gen);
}

/* Start n (default 1) kernel threads that sleep until "unspawn". */
void
kmon_spawn(const char *arg)
{
	struct proc *p;
	int i, n = 1, error;

	if (*arg >= '1' && *arg <= '9')
		for (n = 0; *arg >= '0' && *arg <= '9' && n < 1000; arg++)
			n = n * 10 + (*arg - '0');
	for (i = 0; i < n; i++) {
		error = kthread_create(kmon_spawned, NULL, &p, "spawned");
		if (error) {
			printf("spawn: fork1 failed: error %d\n", error);
			return;
		}
		printf("spawned pid %d (tid %d)\n", p->p_p->ps_pid,
		    p->p_tid + THREAD_PID_OFFSET);
	}
}
