/*
 * kernel/arch/i386/identcpu.c: which processor is this?
 *
 * A CPU whose EFLAGS.ID bit can be flipped has the CPUID instruction; it
 * tells the vendor, family, model, stepping, feature flags and (on newer
 * ones) a brand string.  Without CPUID, EFLAGS.AC tells a 486 (which has
 * it) from a 386; Tine needs a 486 (invlpg, CR0.WP), and stops on a 386
 * with a message.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/reboot.h>
#include <lib/libkern/libkern.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/psl.h>
#include <machine/specialreg.h>

struct cpu_ident cpu_ident;

static const char *const feature_names[32] = {
	"FPU", "VME", "DE", "PSE", "TSC", "MSR", "PAE", "MCE",
	"CX8", "APIC", NULL, "SEP", "MTRR", "PGE", "MCA", "CMOV",
	"PAT", "PSE36", "PN", "CFLUSH", NULL, "DS", "ACPI", "MMX",
	"FXSR", "SSE", "SSE2", "SS", "HTT", "TM", NULL, "PBE",
};

/* Can bit be toggled in EFLAGS?  (The CPU forces unsupported bits.) */
static int
eflags_bit_toggles(u_int bit)
{
	u_int ef = intr_disable(), changed;

	write_eflags(ef ^ bit);
	changed = (read_eflags() ^ ef) & bit;
	write_eflags(ef);
	return changed != 0;
}

/*
 * CPUID leaf 1's feature bits (%edx), or 0 on a CPU without CPUID;
 * callable before identifycpu() (pmap_bootstrap asks about PGE).
 */
u_int
cpu_feature_early(void)
{
	u_int r[4];

	if (!eflags_bit_toggles(PSL_ID))
		return 0;
	cpuid(0, r);
	if (r[0] < 1)
		return 0;
	cpuid(1, r);
	return r[3];
}

/*
 * The time-stamp counter now, or 0 on a CPU without one; callable before
 * identifycpu().  init386() keeps its first reading in boot_entry_tsc,
 * which "make bench" counts boot_to_shell from (kern/subr_kbench.c).
 */
uint64_t
cpu_tsc_early(void)
{
	return (cpu_feature_early() & CPUID_TSC) ? rdtsc() : 0;
}

static void
identify_cpuid(struct cpu_ident *ci)
{
	u_int r[4], maxext, i;

	cpuid(0, r);
	memcpy(ci->ci_vendor, &r[1], 4);	/* ebx, edx, ecx */
	memcpy(ci->ci_vendor + 4, &r[3], 4);
	memcpy(ci->ci_vendor + 8, &r[2], 4);
	ci->ci_vendor[12] = '\0';
	if (r[0] >= 1) {
		cpuid(1, r);
		ci->ci_stepping = r[0] & 0xf;
		ci->ci_model = (r[0] >> 4) & 0xf;
		ci->ci_family = (r[0] >> 8) & 0xf;
		if (ci->ci_family == 0xf)
			ci->ci_family += (r[0] >> 20) & 0xff;
		if (ci->ci_family >= 6)
			ci->ci_model |= ((r[0] >> 16) & 0xf) << 4;
		ci->ci_feature_flags = r[3];
	}
	ci->ci_level = ci->ci_family > 6 ? 6 : ci->ci_family;
	cpuid(0x80000000, r);
	maxext = r[0];
	if (maxext >= 0x80000004 && maxext < 0x8000ffff) {
		for (i = 0; i < 3; i++) {
			cpuid(0x80000002 + i, r);
			memcpy(ci->ci_brand + 16 * i, r, 16);
		}
		ci->ci_brand[48] = '\0';
	}
}

/* Print "cpu0: ..." lines; stop on a CPU too old for Tine. */
void
identifycpu(void)
{
	struct cpu_ident *ci = &cpu_ident;
	int i;

	memset(ci, 0, sizeof(*ci));
	if (eflags_bit_toggles(PSL_ID)) {
		ci->ci_has_cpuid = 1;
		identify_cpuid(ci);
	} else
		ci->ci_level = eflags_bit_toggles(PSL_AC) ? 4 : 3;

	if (!ci->ci_has_cpuid)
		printf("cpu0: %s86 without CPUID\n",
		    ci->ci_level == 4 ? "4" : "3");
	else {
		printf("cpu0: %s family %u model %u stepping %u", ci->ci_vendor,
		    ci->ci_family, ci->ci_model, ci->ci_stepping);
		if (ci->ci_brand[0] != '\0')
			printf(" \"%s\"", ci->ci_brand);
		printf("\ncpu0: features");
		for (i = 0; i < 32; i++)
			if ((ci->ci_feature_flags & (1U << i)) &&
			    feature_names[i] != NULL)
				printf(" %s", feature_names[i]);
		printf("\n");
	}
	if (ci->ci_level < 4) {
		printf("Tine needs a 486 or later (invlpg, CR0.WP).\n");
		boot(RB_HALT);
	}
}
