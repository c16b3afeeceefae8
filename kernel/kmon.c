/*
 * kernel/kmon.c: the kernel monitor, a tiny command line on the console
 * for as long as Tine has no user space.  It proves the keyboard and the
 * serial input work, and shows what the kernel knows:
 *
 *   tine> help
 *   uptime  mem  vm  cpu  intr  ps  spawn [N]  unspawn  trace [NAME]
 *   ktest [NAME]  echo TEXT  reboot  poweroff  halt
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/cons.h>
#include <sys/reboot.h>
#include <sys/ktest.h>
#include <sys/time.h>
#include <sys/malloc.h>
#include <uvm/uvm_extern.h>
#include <lib/libkern/libkern.h>
#include <machine/cpu.h>
#include <machine/intr.h>
#include <machine/multiboot2.h>

#define KMON_LINE	80

void	kmon(void) __dead;

struct kmon_cmd {
	const char *name;
	void	(*fn)(const char *arg);
	const char *help;
};

static void kmon_help(const char *);
void	kmon_ps(const char *);		/* kmon_proc.c */
void	kmon_trace(const char *);
void	kmon_spawn(const char *);
void	kmon_unspawn(const char *);

static void
kmon_uptime(const char *arg __unused)
{
	struct timespec ts;

	nanouptime(&ts);
	printf("up %lld.%09ld s, %d ticks at %d Hz\n", (long long)ts.tv_sec,
	    ts.tv_nsec, ticks, hz);
}

static void
kmon_mem(const char *arg __unused)
{
	static const char *const types[] = {
		[MB2_MEMORY_AVAILABLE] = "usable",
		[MB2_MEMORY_RESERVED] = "reserved",
		[MB2_MEMORY_ACPI] = "ACPI tables",
		[MB2_MEMORY_NVS] = "ACPI NVS",
		[MB2_MEMORY_BADRAM] = "bad RAM",
	};
	const struct mb2_info *mi = &mb2_info;
	const struct mb2_region *r;
	int i;

	printf("%llu MiB installed, %llu KiB usable\n", mi->physmem >> 20,
	    mi->usable_total >> 10);
	for (i = 0; i < mi->nregions; i++) {
		r = &mi->regions[i];
		printf("  0x%09llx-0x%09llx %s\n", r->base,
		    r->base + r->length - 1, r->type < nitems(types) &&
		    types[r->type] != NULL ? types[r->type] : "unknown");
	}
}

static void
kmon_vm(const char *arg __unused)
{
	printf("pages: %d managed, %d free, %d anonymous, %d kernel\n",
	    uvmexp.npages, uvmexp.free, uvmexp.anonpages, uvmexp.kmapent);
	printf("faults: %d, %d zero-fill, %d copy-on-write, %d out of "
	    "memory\n", uvmexp.faults, uvmexp.flt_zero, uvmexp.flt_cow,
	    uvmexp.flt_noram);
	malloc_printit(printf);
}

static void
kmon_cpu(const char *arg __unused)
{
	identifycpu();
}

static void
kmon_intr(const char *arg __unused)
{
	int irq;

	for (irq = 0; irq < NIRQ; irq++)
		if (intr_count(irq) != 0)
			printf("  irq %2d: %lu\n", irq, intr_count(irq));
}

static void
kmon_ktest(const char *arg)
{
	ktest_run_all(arg);
}

static void
kmon_echo(const char *arg)
{
	printf("%s\n", arg);
}

static void
kmon_reboot(const char *arg __unused)
{
	boot(RB_AUTOBOOT);
}

static void
kmon_poweroff(const char *arg __unused)
{
	boot(RB_HALT | RB_POWERDOWN);
}

static void
kmon_halt(const char *arg __unused)
{
	boot(RB_HALT);
}

static const struct kmon_cmd kmon_cmds[] = {
	{ "help", kmon_help, "this list" },
	{ "uptime", kmon_uptime, "time since boot" },
	{ "mem", kmon_mem, "the memory map" },
	{ "vm", kmon_vm, "page and allocator counters" },
	{ "cpu", kmon_cpu, "the processor" },
	{ "intr", kmon_intr, "interrupts per IRQ" },
	{ "ps", kmon_ps, "processes and threads" },
	{ "spawn", kmon_spawn, "start ARG kernel threads that sleep" },
	{ "unspawn", kmon_unspawn, "wake them: they exit" },
	{ "trace", kmon_trace, "the last trace records (named ARG: fork)" },
	{ "ktest", kmon_ktest, "run the self-tests (whose name has ARG)" },
	{ "echo", kmon_echo, "print ARG" },
	{ "reboot", kmon_reboot, "reset the machine" },
	{ "poweroff", kmon_poweroff, "switch it off" },
	{ "halt", kmon_halt, "stop the CPU" },
};

static void
kmon_help(const char *arg __unused)
{
	size_t i;

	for (i = 0; i < nitems(kmon_cmds); i++)
		printf("  %-9s %s\n", kmon_cmds[i].name, kmon_cmds[i].help);
}

/* Read a line with echo; backspace edits, ^U clears. */
static void
kmon_getline(char *buf, size_t size)
{
	size_t n = 0;
	int c;

	for (;;) {
		c = cngetc();
		if (c == '\n') {
			cnputc('\n');
			break;
		} else if (c == '\b' || c == 0x7f) {
			if (n > 0) {
				n--;
				cnputs("\b \b");
			}
		} else if (c == 0x15) {
			for (; n > 0; n--)
				cnputs("\b \b");
		} else if (c >= ' ' && c < 0x7f && n + 1 < size) {
			buf[n++] = c;
			cnputc(c);
		}
	}
	buf[n] = '\0';
}

static void
kmon_run(char *line)
{
	char *arg;
	size_t i;

	while (*line == ' ')
		line++;
	if (*line == '\0')
		return;
	arg = strchr(line, ' ');
	if (arg != NULL) {
		*arg++ = '\0';
		while (*arg == ' ')
			arg++;
	} else
		arg = "";
	for (i = 0; i < nitems(kmon_cmds); i++) {
		if (strcmp(kmon_cmds[i].name, line) == 0) {
			kmon_cmds[i].fn(arg);
			return;
		}
	}
	printf("%s: unknown command; try help\n", line);
}

void
kmon(void)
{
	char line[KMON_LINE];

	printf("\nNo user space yet: this is the kernel monitor. "
	    "Type help.\n");
	cons_input_flush();
	for (;;) {
		printf("tine> ");
		kmon_getline(line, sizeof(line));
		kmon_run(line);
	}
}
