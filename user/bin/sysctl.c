/*
 * sysctl [name ...]: print kernel values by name, as OpenBSD's sysctl(8)
 * does: "kern.forkstat.forks=12".  With no name, every value Tine has.
 * A name may be a prefix: "kern.forkstat", "vm", "hw".
 */

#include <sys/types.h>
#include <sys/sysctl.h>
#include <sys/vmmeter.h>
#include <uvm/uvmexp.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

enum kind { INT, STRING, QUAD, POOLS, FORKSTAT, UVMEXP };

static const struct var {
	const char *name;
	int	mib[2];
	enum kind kind;
} vars[] = {
	{ "kern.ostype", { CTL_KERN, KERN_OSTYPE }, STRING },
	{ "kern.osrelease", { CTL_KERN, KERN_OSRELEASE }, STRING },
	{ "kern.maxproc", { CTL_KERN, KERN_MAXPROC }, INT },
	{ "kern.maxfiles", { CTL_KERN, KERN_MAXFILES }, INT },
	{ "kern.argmax", { CTL_KERN, KERN_ARGMAX }, INT },
	{ "kern.maxthread", { CTL_KERN, KERN_MAXTHREAD }, INT },
	{ "kern.nthreads", { CTL_KERN, KERN_NTHREADS }, INT },
	{ "kern.nprocs", { CTL_KERN, KERN_NPROCS }, INT },
	{ "kern.nfiles", { CTL_KERN, KERN_NFILES }, INT },
	{ "kern.forkstat", { CTL_KERN, KERN_FORKSTAT }, FORKSTAT },
	{ "kern.pool", { CTL_KERN, KERN_POOL }, POOLS },
	{ "hw.machine", { CTL_HW, HW_MACHINE }, STRING },
	{ "hw.ncpu", { CTL_HW, HW_NCPU }, INT },
	{ "hw.physmem", { CTL_HW, HW_PHYSMEM64 }, QUAD },
	{ "vm.uvmexp", { CTL_VM, VM_UVMEXP }, UVMEXP },
};

#define NVARS	(sizeof(vars) / sizeof(vars[0]))

static const char *only_field;	/* "vm.uvmexp.free": just that field */
static int nfields;		/* fields printed */

static void
field(const char *prefix, const char *name, long v)
{
	if (only_field != NULL && strcmp(only_field, name) != 0)
		return;
	printf("%s.%s=%ld\n", prefix, name, v);
	nfields++;
}

/*
 * kern.pool: a line per pool, by the serial numbers the kernel gives
 * them (gaps are destroyed pools).
 */
static int
show_pools(void)
{
	int mib[4] = { CTL_KERN, KERN_POOL, KERN_POOL_NPOOLS, 0 }, n, i;
	struct kinfo_pool pi;
	char name[32];
	size_t len = sizeof(n);

	if (sysctl(mib, 3, &n, &len, NULL, 0) == -1) {
		dprintf(2, "sysctl: kern.pool: error %d\n", errno);
		return 1;
	}
	for (i = 1; n > 0 && i < 4 * n + 16; i++) {
		mib[2] = KERN_POOL_NAME;
		mib[3] = i;
		len = sizeof(name);
		if (sysctl(mib, 4, name, &len, NULL, 0) == -1)
			continue;
		mib[2] = KERN_POOL_POOL;
		len = sizeof(pi);
		if (sysctl(mib, 4, &pi, &len, NULL, 0) == -1)
			continue;
		n--;
		printf("kern.pool.%s=size %u, in use %u, gets %lu, puts %lu, "
		    "failed %lu, pages %u (most %u)\n", name, pi.pr_size,
		    pi.pr_nout, pi.pr_nget, pi.pr_nput, pi.pr_nfail,
		    pi.pr_npages, pi.pr_hiwat);
	}
	return 0;
}

static int
show(const struct var *v)
{
	union {
		int	i;
		int64_t	q;
		char	s[64];
		struct forkstat fs;
		struct uvmexp ue;
	} u;
	size_t len = sizeof(u);

	if (v->kind == POOLS)
		return show_pools();
	memset(&u, 0, sizeof(u));
	if (sysctl(v->mib, 2, &u, &len, NULL, 0) == -1) {
		dprintf(2, "sysctl: %s: error %d\n", v->name, errno);
		return 1;
	}
	switch (v->kind) {
	case INT:
		printf("%s=%d\n", v->name, u.i);
		break;
	case QUAD:
		printf("%s=%lu\n", v->name, (unsigned long)u.q);
		break;
	case STRING:
		printf("%s=%s\n", v->name, u.s);
		break;
	case POOLS:			/* show_pools() */
		break;
	case FORKSTAT:
		field(v->name, "forks", u.fs.cntfork);
		field(v->name, "vforks", u.fs.cntvfork);
		field(v->name, "tforks", u.fs.cnttfork);
		field(v->name, "kthreads", u.fs.cntkthread);
		field(v->name, "fork_pages", u.fs.sizfork);
		field(v->name, "vfork_pages", u.fs.sizvfork);
		field(v->name, "kthread_pages", u.fs.sizkthread);
		break;
	case UVMEXP:
		field(v->name, "pagesize", u.ue.pagesize);
		field(v->name, "npages", u.ue.npages);
		field(v->name, "free", u.ue.free);
		field(v->name, "wired", u.ue.wired);
		field(v->name, "anonpages", u.ue.anonpages);
		field(v->name, "faults", u.ue.faults);
		field(v->name, "flt_cow", u.ue.flt_cow);
		field(v->name, "flt_noram", u.ue.flt_noram);
		field(v->name, "flt_zero", u.ue.flt_zero);
		field(v->name, "forks", u.ue.forks);
		field(v->name, "forks_ppwait", u.ue.forks_ppwait);
		field(v->name, "forks_sharevm", u.ue.forks_sharevm);
		field(v->name, "swtch", u.ue.swtch);
		break;
	}
	return 0;
}

/* Does name select var: equal, or a prefix ending at a dot? */
static int
selects(const char *name, const char *var)
{
	size_t n = strlen(name);

	return memcmp(name, var, n) == 0 &&
	    (var[n] == '\0' || var[n] == '.');
}

int
main(int argc, char *argv[])
{
	unsigned int v;
	int i, found, bad = 0;

	if (argc == 1) {
		for (v = 0; v < NVARS; v++)
			bad |= show(&vars[v]);
		return bad;
	}
	for (i = 1; i < argc; i++) {
		found = 0;
		for (v = 0; v < NVARS; v++) {
			size_t n = strlen(vars[v].name);

			if (selects(argv[i], vars[v].name)) {
				only_field = NULL;
				bad |= show(&vars[v]);
				found = 1;
			} else if (memcmp(argv[i], vars[v].name, n) == 0 &&
			    argv[i][n] == '.' && vars[v].kind >= FORKSTAT) {
				only_field = argv[i] + n + 1;
				nfields = 0;
				bad |= show(&vars[v]);
				found = nfields > 0;
			}
		}
		if (!found) {
			dprintf(2, "sysctl: %s: unknown name\n", argv[i]);
			bad = 1;
		}
	}
	return bad;
}
