/*
 * cowdemo: copy-on-write, watched through the kernel's counters.
 *
 * The parent fills a page and forks.  Parent and child then share that
 * physical page, mapped read-only in both; reading it costs nothing.
 * The child's first write faults: the kernel copies the page for the
 * child alone (uvmexp.flt_cow goes up by one, a free page goes) and the
 * parent keeps the original.  Each step prints vm.uvmexp's counts.  (The
 * child's first touch of the mapping, even a read, may fault once: fork
 * left it to the fault to give the child its own map entry's bookkeeping,
 * which can take kernel memory; no page is copied for a read.)
 */

#include <sys/types.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <uvm/uvmexp.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static struct uvmexp
uvm(void)
{
	int mib[2] = { CTL_VM, VM_UVMEXP };
	struct uvmexp ue;
	size_t len = sizeof(ue);

	memset(&ue, 0, sizeof(ue));
	if (sysctl(mib, 2, &ue, &len, NULL, 0) == -1)
		printf("cowdemo: sysctl vm.uvmexp: error %d\n", errno);
	return ue;
}

static void
show(const char *who, const char *what, const struct uvmexp *a,
    const struct uvmexp *b)
{
	int flt = b->faults - a->faults, cow = b->flt_cow - a->flt_cow;
	int fr = b->free - a->free;

	printf("%-7s %-30s faults %s%d, flt_cow %s%d, free pages %s%d\n",
	    who, what, flt >= 0 ? "+" : "", flt, cow >= 0 ? "+" : "", cow,
	    fr >= 0 ? "+" : "", fr);
}

int
main(void)
{
	struct uvmexp a, b;
	volatile char *page;
	int status;
	pid_t pid;

	page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE |
	    MAP_ANON, -1, 0);
	if (page == MAP_FAILED) {
		printf("cowdemo: mmap: error %d\n", errno);
		return 1;
	}
	memcpy((char *)page, "parent's data", 14);
	printf("parent: a page at %p holds \"%s\"; fork()\n", (void *)page,
	    (const char *)page);
	fflush(stdout);		/* or the child prints it again (a pipe) */
	if ((pid = fork()) == 0) {
		char first;

		a = uvm();
		first = page[0];	/* only the read between the counts */
		b = uvm();
		printf("child:  reads '%c' ...\n", first);
		show("child:", "read: no copy", &a, &b);
		a = uvm();
		memcpy((char *)page, "child's data", 13);
		b = uvm();
		show("child:", "write: a copy", &a, &b);
		printf("child:  my page now holds \"%s\"\n",
		    (const char *)page);
		fflush(stdout);	/* _exit would drop a pipe's buffer */
		_exit(0);
	}
	waitpid(pid, &status, 0);
	printf("parent: my page still holds \"%s\"\n", (const char *)page);
	a = uvm();
	page[0] = 'P';
	b = uvm();
	show("parent:", "write: no copy", &a, &b);
	printf("\nThe child's write cost one copy-on-write fault and one "
	    "page; the parent's\nlater write needed no copy: once the "
	    "child had its own page (and then\nexited), the original "
	    "had a single owner and was simply made writable.\n");
	return 0;
}
