/*
 * ps [-k] [-H]: the processes, through sysctl kern.proc.  -k adds the
 * kernel's own (idle, the reaper ...), -H shows each thread of a process.
 * STAT ends in X for a process being traced (ptrace), as OpenBSD's does.
 */

#include <sys/types.h>
#include <sys/sysctl.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define MAXPROCS	128
#define PS_TRACED	0x00000200	/* <sys/proc.h>'s, in p_psflags */

static const char *const stat_names[] = {
	"?", "idl", "run", "sleep", "stop", "zomb", "dead", "onproc",
};

int
main(int argc, char *argv[])
{
	static struct kinfo_proc kp[MAXPROCS];
	int mib[6] = { CTL_KERN, KERN_PROC, KERN_PROC_ALL, 0,
	    sizeof(struct kinfo_proc), MAXPROCS };
	size_t len = sizeof(kp);
	int i, n;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-k") == 0)
			mib[2] = (mib[2] & KERN_PROC_SHOW_THREADS) |
			    KERN_PROC_KTHREAD;
		else if (strcmp(argv[i], "-H") == 0)
			mib[2] |= KERN_PROC_SHOW_THREADS;
		else {
			dprintf(2, "usage: ps [-k] [-H]\n");
			return 1;
		}
	}
	if (sysctl(mib, 6, kp, &len, NULL, 0) == -1) {
		dprintf(2, "ps: sysctl kern.proc: error %d\n", errno);
		return 1;
	}
	n = len / sizeof(struct kinfo_proc);
	printf("%6s %7s %6s %5s %-6s %3s %-8s %6s %s\n", "PID", "TID",
	    "PPID", "UID", "STAT", "PRI", "WAIT", "TIME", "COMMAND");
	for (i = 0; i < n; i++) {
		char tid[12] = "-", stat[8];

		if (kp[i].p_tid != -1)
			snprintf(tid, sizeof(tid), "%d", kp[i].p_tid);
		snprintf(stat, sizeof(stat), "%s%s",
		    kp[i].p_stat < 8 ? stat_names[(int)kp[i].p_stat] : "?",
		    (kp[i].p_psflags & PS_TRACED) ? "X" : "");
		printf("%6d %7s %6d %5u %-6s %3u %-8s %3u.%02u %s\n",
		    kp[i].p_pid, tid, kp[i].p_ppid, kp[i].p_uid,
		    stat, kp[i].p_priority,
		    kp[i].p_wmesg[0] != '\0' ? kp[i].p_wmesg : "-",
		    kp[i].p_rtime_sec, kp[i].p_rtime_usec / 10000,
		    kp[i].p_comm);
	}
	return 0;
}
