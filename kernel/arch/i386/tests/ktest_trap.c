/*
 * kernel/arch/i386/tests/ktest_trap.c: exceptions are caught and reported
 * as what they are.  Each test provokes one on purpose under ktest_catch()
 * and checks the trap number, the error code, CR2, the faulting address
 * and trap_describe()'s sentence, the one a panic would print.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <lib/libkern/libkern.h>
#include <machine/param.h>
#include <machine/cpufunc.h>
#include <machine/segments.h>
#include <machine/trap.h>
#include <machine/tss.h>
#include <machine/db_machdep.h>
#include <machine/cpu.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <machine/pmap.h>

#define FN_SLACK	64	/* bytes: the faulting instruction is near
				 * the start of these small functions */

extern struct gate_descriptor idt[];
extern uint32_t boot_pt[];
extern char etext[];

static int __attribute__((noinline, noclone))
ktest_divide_by(volatile int a, volatile int b)
{
	return a / b;
}

static int __attribute__((noinline, noclone))
ktest_load(volatile int *p)
{
	return *p;
}

static void __attribute__((noinline, noclone))
ktest_store(volatile int *p, int v)
{
	*p = v;
}

KTEST(trap_divide_error)
{
	struct ktest_trap t;
	vaddr_t fn = (vaddr_t)ktest_divide_by;

	if (ktest_catch(&t) == 0) {
		(void)ktest_divide_by(1, 0);
		KT_FAIL("dividing by zero did not trap");
	}
	KT_EQ(t.kt_trapno, T_DIVIDE);
	KT_RANGE(t.kt_eip, fn, fn + FN_SLACK);
	KT_ASSERT(strstr(t.kt_report, "divide error (#DE) in kernel mode at "
	    "<ktest_divide_by+0x") == t.kt_report);
	KT_ASSERT(read_eflags() & 0x200);	/* interrupts back on */
}

KTEST(trap_page_fault_unmapped)
{
	struct ktest_trap t;
	vaddr_t fn = (vaddr_t)ktest_load;

	/* Page 0 lost its identity mapping once the kernel was high. */
	if (ktest_catch(&t) == 0) {
		(void)ktest_load((volatile int *)0x10);
		KT_FAIL("reading address 0x10 did not fault");
	}
	KT_EQ(t.kt_trapno, T_PAGEFLT);
	KT_EQ(t.kt_cr2, 0x10);
	KT_EQ(t.kt_err, 0);			/* read, not present, kernel */
	KT_RANGE(t.kt_eip, fn, fn + FN_SLACK);
	KT_ASSERT(strstr(t.kt_report, ": read of 0x00000010, page not "
	    "present") != NULL);

	if (ktest_catch(&t) == 0) {
		ktest_store((volatile int *)0x2004, 1);
		KT_FAIL("writing address 0x2004 did not fault");
	}
	KT_EQ(t.kt_trapno, T_PAGEFLT);
	KT_EQ(t.kt_cr2, 0x2004);
	KT_EQ(t.kt_err, PGEX_W);
	KT_ASSERT(strstr(t.kt_report, "write of 0x00002004") != NULL);
}

static volatile int ro_page[NBPG / sizeof(int)] __aligned(NBPG);

/*
 * CR0.WP: the kernel's own write to a read-only page faults (copy-on-write
 * will rely on it), and after invlpg the TLB does not keep the old right.
 */
KTEST(trap_page_fault_readonly)
{
	struct ktest_trap t;
	u_int idx = (VTOP((vaddr_t)ro_page)) >> PGSHIFT;
	uint32_t pte = boot_pt[idx];

	ro_page[0] = 1;				/* now in the TLB, writable */
	boot_pt[idx] = pte & ~0x2u;		/* clear PG_RW */
	invlpg((vaddr_t)ro_page);
	KT_EQ(ro_page[0], 1);			/* still readable */
	if (ktest_catch(&t) == 0) {
		ktest_store(ro_page, 2);
		boot_pt[idx] = pte;
		invlpg((vaddr_t)ro_page);
		KT_FAIL("a write to a read-only page did not fault");
	}
	boot_pt[idx] = pte;
	invlpg((vaddr_t)ro_page);
	KT_EQ(t.kt_trapno, T_PAGEFLT);
	KT_EQ(t.kt_cr2, (vaddr_t)ro_page);
	KT_EQ(t.kt_err, PGEX_P | PGEX_W);
	KT_ASSERT(strstr(t.kt_report, "protection violation") != NULL);
	KT_EQ(ro_page[0], 1);
	ro_page[0] = 3;				/* writable again */
	KT_EQ(ro_page[0], 3);
}

/*
 * A double fault goes to its own task.  Make one: with the #DE gate not
 * present, delivering a divide error raises #NP, and two contributory
 * exceptions in a row are a double fault.  The task gate must switch to
 * df_tss and back, twice (the task's state is saved on the way out).
 */
KTEST(trap_double_fault_task)
{
	struct gate_descriptor save = idt[T_DIVIDE];
	vaddr_t fn = (vaddr_t)ktest_divide_by;
	struct ktest_trap t;
	volatile int round;

	for (round = 0; round < 2; round++) {
		idt[T_DIVIDE].gd_p = 0;
		if (ktest_catch(&t) == 0) {
			(void)ktest_divide_by(1, 0);
			idt[T_DIVIDE] = save;
			KT_FAIL("no double fault");
		}
		idt[T_DIVIDE] = save;
		KT_EQ(t.kt_trapno, T_DOUBLEFLT);
		KT_RANGE(t.kt_eip, fn, fn + FN_SLACK);
		KT_EQ(rtr(), GSEL(GTSS_SEL, SEL_KPL));	/* back in our task */
		KT_EQ(gdt[GDFTSS_SEL].sd_type, SDT_SYS386TSS);	/* not busy */
		KT_EQ(gdt[GTSS_SEL].sd_type, SDT_SYS386BSY);
		KT_EQ(read_eflags() & 0x4000, 0);	/* NT clear */
	}
	KT_ASSERT(strstr(t.kt_report, "double fault (#DF)") == t.kt_report);
}

static volatile int ktest_depth_limit = 1 << 30;

/* Recurse until the stack runs out (long before the limit). */
static void __attribute__((noinline, noclone))
ktest_recurse(void *arg)
{
	volatile char frame[256];

	frame[0] = 1;
	if (ktest_depth_limit-- > 0)
		ktest_recurse(arg);
	frame[1] = frame[0];		/* not a tail call */
}

/*
 * A kernel stack overflow: a u-area's stack runs into its guard page, the
 * page fault cannot push its frame there, and the double-fault task
 * reports it instead of the machine resetting.
 */
KTEST(trap_stack_overflow_hits_guard)
{
	int base = uvmexp.free;
	struct ktest_trap t;
	struct vmspace *vm;
	vaddr_t uaddr;

	/* In a user address space: the return from the double-fault task
	 * must come back to it, not to the kernel's page directory. */
	vm = uvmspace_alloc();
	KT_ASSERT(vm != NULL);
	uvmspace_activate(vm);
	uaddr = uvm_uarea_alloc();
	KT_ASSERT(uaddr != 0);
	if (ktest_catch(&t) == 0) {
		call_on_stack(ktest_recurse, NULL, uaddr + USPACE);
		KT_FAIL("infinite recursion returned");
	}
	KT_EQ(rcr3(), vm->vm_map.pmap->pm_pdirpa);
	uvmspace_activate(NULL);
	uvmspace_free(vm);
	KT_EQ(t.kt_trapno, T_DOUBLEFLT);
	KT_RANGE(t.kt_cr2, uaddr - PAGE_SIZE, uaddr - 1);	/* the guard */
	/* Usually in ktest_recurse, but a clock interrupt that arrives near
	 * the bottom of the stack overflows it in its own handler. */
	KT_RANGE(t.kt_eip, KERNTEXTOFF, (vaddr_t)etext - 1);
	uvm_uarea_free(uaddr);
	KT_EQ(uvmexp.free, base);
}

static int __attribute__((noinline, noclone))
ktest_collect(vaddr_t *pcs, int max)
{
	return db_collect_trace(pcs, max);
}

/* The backtrace walks frame pointers and names each function. */
KTEST(backtrace_names_functions)
{
	vaddr_t pcs[8], off;
	const char *name;
	int n;

	n = ktest_collect(pcs, nitems(pcs));
	KT_RANGE(n, 3, nitems(pcs));
	name = db_search_symbol(pcs[0], &off);
	KT_ASSERT(name != NULL);
	KT_STREQ(name, "ktest_collect");
	name = db_search_symbol(pcs[1], &off);
	KT_ASSERT(name != NULL);
	KT_STREQ(name, "ktest_backtrace_names_functions");
	KT_ASSERT(off > 0);
	name = db_search_symbol(db_symbol_value("ktest_run_all"), &off);
	KT_ASSERT(name != NULL);
	KT_STREQ(name, "ktest_run_all");
	KT_EQ(off, 0);
	KT_ASSERT(db_search_symbol(0x1000, &off) == NULL);
}
