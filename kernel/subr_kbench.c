/*
 * kernel/subr_kbench.c: run the kernel benchmarks (boot option "bench").
 *
 * A benchmark is a KBENCH() function (sys/ktest.h) that times what it
 * measures with kbench_now() and prints the result with kbench_report().
 * kbench_now() is the CPU's time-stamp counter where there is one, else
 * nanouptime; under QEMU's -icount shift=0 both advance by one per guest
 * instruction, so "make bench" prints instruction counts, the same on
 * every run.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <sys/time.h>
#include <sys/reboot.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/specialreg.h>

extern const struct ktest kbench_start[], kbench_end[];

uint64_t
kbench_now(void)
{
	if (cpu_ident.ci_feature_flags & CPUID_TSC)
		return rdtsc();
	return getnsecuptime();
}

void
kbench_report(const char *name, uint64_t value)
{
	printf("bench %s %llu\n", name, value);
}

void
kbench_run_all(void)
{
	const struct ktest *b;

	printf("bench: %s\n", (cpu_ident.ci_feature_flags & CPUID_TSC) ?
	    "time-stamp counter" : "nanouptime");
	for (b = kbench_start; b < kbench_end; b++)
		b->kt_func();
	printf("bench: done\n");
}

/*
 * Boot option benchboot: the first time a reader waits for console input
 * (ttread: the shell has printed its prompt and reads a line), print the
 * time-stamp counter's count since init386() began, which -icount shift=0
 * makes guest instructions, and power off.  "make bench" reports it as
 * boot_to_shell.
 */
void
kbench_boot_to_shell(void)
{
	uint64_t now = cpu_tsc_early();

	/* "\n" first: a line of its own, after the prompt. */
	if (now == 0 || boot_entry_tsc == 0)
		printf("\nbench: no time-stamp counter for boot_to_shell\n");
	else
		printf("\nbench boot_to_shell %llu\n", now - boot_entry_tsc);
	printf("bench: done\n");
	boot(RB_HALT | RB_POWERDOWN);
}

/* The median of n figures (sorts v in place). */
uint64_t
kbench_median(uint64_t *v, int n)
{
	uint64_t t;
	int i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && v[j - 1] > v[j]; j--) {
			t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return v[n / 2];
}
