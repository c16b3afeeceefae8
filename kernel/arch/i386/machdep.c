/*
 * kernel/arch/i386/machdep.c: the i386 start of the kernel and its end.
 *
 * init386() is the first C function (boot/entry.asm calls it on the boot
 * stack with paging on): it brings up the consoles first, so everything
 * after can speak, then reads the multiboot2 information, builds the direct
 * map and hands the free memory to the page allocator (pmap_bootstrap,
 * pmap_physload), sets up the GDT, the IDT and the interrupt controller,
 * and calls the MI main() (init_main.c), which reads the boot options and
 * calls back into cpu_startup() and cpu_configure() here.
 *
 * boot() ends the system: halt, power off (QEMU's isa-debug-exit in a test
 * run, ACPI, Bochs's shutdown port) or reset.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/reboot.h>
#include <sys/cons.h>
#include <sys/kernel.h>
#include <sys/ktest.h>
#include <sys/time.h>
#include <lib/libkern/libkern.h>
#include <machine/param.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/segments.h>
#include <machine/intr.h>
#include <machine/vga.h>
#include <machine/com.h>
#include <machine/multiboot2.h>
#include <machine/acpi.h>
#include <machine/pckbd.h>
#include <machine/pmap.h>
#include <machine/pcb.h>
#include <machine/specialreg.h>
#include <sys/errno.h>
#include <uvm/uvm_extern.h>

#define ISA_DEBUG_EXIT_PORT	0xf4	/* QEMU -device isa-debug-exit */
#define BOCHS_SHUTDOWN_PORT	0x8900
#define KBC_CMD_PORT		0x64
#define KBC_CMD_PULSE_RESET	0xfe

extern char boot_pd[];
extern uint32_t boot_pt[];

/* Until the self-tests say otherwise, a test run has failed. */
int boot_exit_status = KTEST_EXIT_FAIL;

/* proc0's control block; curpcb follows the running thread later. */
struct pcb proc0_pcb;
struct pcb *curpcb = &proc0_pcb;
struct mb2_info mb2_info;

/* The firmware window (FWMAP_BASE): its page table and next free page. */
static uint32_t fwmap_pt[1024] __aligned(NBPG);
static vaddr_t fwmap_next = FWMAP_BASE;

void	main(void) __dead;

/*
 * Drop the identity map of low memory that boot/entry.asm needed to turn
 * paging on: from here a stray NULL pointer faults.  Also hook the firmware
 * window's page table into the page directory.
 */
static void
bootmap_init(void)
{
	uint32_t *pd = (uint32_t *)boot_pd;
	int i;

	for (i = 0; i < NBOOTPT; i++)
		pd[i] = 0;
	pd[FWMAP_BASE >> PDSHIFT] = VTOP((vaddr_t)fwmap_pt) | 0x3;
	lcr3(rcr3());
}

/*
 * Map len bytes of physical memory at pa, read-write, and return its
 * kernel address.  Memory in the direct map (pmap.c) needs nothing; the
 * rest gets pages in the firmware window, which is never given back: this
 * is for the few tables firmware leaves (ACPI) outside the usable RAM.
 * Returns NULL when the window is full.
 */
void *
bootmap_phys(paddr_t pa, size_t len)
{
	paddr_t first = trunc_page(pa), last = round_page(pa + len);
	vaddr_t va;

	if (last > first && pmap_direct_mapped(first, last - first))
		return (void *)PTOV(pa);
	if (fwmap_next + (last - first) > FWMAP_BASE + FWMAP_SIZE)
		return NULL;
	va = fwmap_next;
	for (; first < last; first += NBPG, fwmap_next += NBPG)
		fwmap_pt[(fwmap_next - FWMAP_BASE) >> PGSHIFT] = first | 0x3;
	return (void *)(va + (pa & PAGE_MASK));
}

static const char *mb2_problem;	/* why the boot information is unusable */

uint64_t boot_entry_tsc;	/* the TSC as init386() began */

/*
 * Without usable memory there is nothing to do but say so and stop.  This
 * waits for cpu_startup(), after main() has read the boot options, so that
 * a test run powers off with a failure instead of halting.
 */
static void
mb2_check(void)
{
	if (mb2_info.truncated)
		printf("multiboot2: boot information longer than %d bytes; "
		    "the rest is ignored\n", MB2_COPY_MAX);
	if (mb2_problem == NULL)
		return;
	printf("\033[1;31mTine cannot start: %s.\033[0m\n", mb2_problem);
	printf("Check the machine's memory or the boot loader.\n");
	boot(RB_HALT);
}

void
init386(void)
{
	boot_entry_tsc = cpu_tsc_early();
	vga_cninit();
	com_cninit();
	(void)mb2_parse(mb2_copy, mb2_copied, &mb2_info, &mb2_problem);
	bootmap_init();
	if (mb2_problem == NULL) {
		pmap_bootstrap();
		pmap_physload();
	}
	gdt_init();
	idt_init();
	intr_init();
	main();
}

/*
 * Introduce the machine: the loader, the memory the map shows, the CPU,
 * the ACPI tables.  (OpenBSD's cpu_startup prints "real mem" here too.)
 */
void
cpu_startup(void)
{
	const struct mb2_info *mi = &mb2_info;
	int i;

	printf("boot: loaded by %s\n", mi->loader[0] ? mi->loader :
	    "an unnamed multiboot2 loader");
	mb2_check();
	for (i = 0; i < mi->nmodules; i++)
		printf("boot: module %d at 0x%08x-0x%08x \"%s\"\n", i,
		    mi->modules[i].start, mi->modules[i].end,
		    mi->modules[i].cmdline);
	printf("memory: %llu MiB installed; usable %llu KiB (%llu KiB low, "
	    "%llu KiB above 1 MiB)\n", mi->physmem >> 20,
	    mi->usable_total >> 10, mi->usable_low >> 10,
	    mi->usable_high >> 10);
	if (!mi->have_mmap)
		printf("memory: the loader gave no memory map; sizes are "
		    "from the basic memory tag\n");
	identifycpu();
	if (pmap_pg_g != 0)
		printf("pmap: kernel pages global (PGE)\n");
	npxinit();
	acpi_attach();
}

/*
 * A fast-moving counter for the random generator (kernel/rnd.c): the
 * TSC's cycle count where the CPU has one; otherwise the PIT: its raw
 * count (1.19 MHz, the BIOS's setting) until cpu_initclocks() starts the
 * clock, then nanoseconds of uptime from its timecounter.
 * => after identifycpu().
 */
uint64_t
cpu_counter(void)
{
	if (cpu_ident.ci_feature_flags & CPUID_TSC)
		return rdtsc();
	if (tick == 0)			/* before cpu_initclocks(): the */
		return i8253_read_count();	/* BIOS's free-running count */
	return getnsecuptime();
}

/* Attach the devices that deliver input by interrupt. */
void
cpu_configure(void)
{
	com_attach_input();
	pckbd_attach();
}

/* Reset the machine: the keyboard controller's reset line, else a triple
 * fault (an empty IDT and an interrupt). */
void
cpu_reset(void)
{
	static const struct region_descriptor null_idt = { 0, 0 };
	int i;

	disable_intr();
	for (i = 0; i < 100000 && (inb(KBC_CMD_PORT) & 0x02); i++)
		continue;
	outb(KBC_CMD_PORT, KBC_CMD_PULSE_RESET);
	delay(100000);
	lidt(&null_idt);
	__asm volatile("int $3");
	for (;;)
		halt();
}

/*
 * Try each way to switch the machine off.  Returns only if none worked.
 */
void
cpu_powerdown(void)
{
	int i;

	/* QEMU with -device isa-debug-exit: ends with (status << 1) | 1. */
	if (boot_test_mode)
		outb(ISA_DEBUG_EXIT_PORT, boot_exit_status);
	acpi_powerdown();
	/* Bochs: the string "Shutdown" to its port ends the simulation. */
	for (i = 0; "Shutdown"[i] != '\0'; i++)
		outb(BOCHS_SHUTDOWN_PORT, "Shutdown"[i]);
}

/*
 * End the system as howto asks (RB_* in sys/reboot.h).  A test or bench
 * run never just halts: it powers off, so the harness gets its status at
 * once instead of waiting for a time-out.
 */
void
boot(int howto)
{
	disable_intr();
	if ((boot_test_mode || boot_bench_mode) && (howto & RB_HALT))
		howto |= RB_POWERDOWN;
	if ((howto & RB_HALT) == 0) {
		printf("rebooting...\n");
		cpu_reset();
	}
	if (howto & RB_POWERDOWN) {
		printf("powering off...\n");
		cpu_powerdown();
		printf("power off failed\n");
	}
	printf("\nsystem halted: it is safe to turn the machine off "
	    "or press reset.\n");
	for (;;)
		halt();
}

/*
 * The ramdisk GRUB loaded (the module whose command line is "ramdisk"):
 * its bytes through the direct map.  Returns 0, or ENOENT without one.
 */
int
md_ramdisk(const char **start, size_t *len)
{
	int i;

	for (i = 0; i < mb2_info.nmodules; i++) {
		const struct mb2_module *m = &mb2_info.modules[i];

		if (strcmp(m->cmdline, "ramdisk") == 0 && m->end > m->start) {
			*start = (const char *)PMAP_DIRECT_MAP(m->start);
			*len = m->end - m->start;
			return 0;
		}
	}
	return ENOENT;
}
