/*
 * kernel/arch/i386/tests/ktest_user.c: code in ring 3.  Small machine-code
 * programs run from a read-only text mapping with a demand-zero stack and
 * data; one that faults is ended with a console message and the kernel
 * carries on; every page comes back afterwards.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <uvm/uvm_map.h>
#include <machine/usermode.h>
#include <uvm/uvm_ktest.h>

#define TEXT	0x10000000UL
#define DATA	0x10001000UL
#define STACK	0x20000000UL

/* Set up a space with the program as its text, run it, free the space. */
static int
run(const uint8_t *code, size_t len, int hoard)
{
	int base = uvmexp.free, n, status;
	struct vmspace *vm = uvmspace_alloc();
	vaddr_t va;
	paddr_t h = 0;

	KT_ASSERT(vm != NULL);
	va = TEXT;
	KT_EQ(uvm_map(&vm->vm_map, &va, PAGE_SIZE, PROT_READ | PROT_EXEC,
	    PROT_READ | PROT_EXEC, MAP_INHERIT_COPY, (const char *)code, len),
	    0);
	va = DATA;
	KT_EQ(uvm_map(&vm->vm_map, &va, PAGE_SIZE, PROT_READ | PROT_WRITE,
	    PROT_READ | PROT_WRITE, MAP_INHERIT_COPY, NULL, 0), 0);
	va = STACK;
	KT_EQ(uvm_map(&vm->vm_map, &va, PAGE_SIZE, PROT_READ | PROT_WRITE,
	    PROT_READ | PROT_WRITE, MAP_INHERIT_COPY, NULL, 0), 0);
	uvmspace_activate(vm);
	KT_EQ(uvm_fault(&vm->vm_map, TEXT, PROT_READ), 0);	/* text in */
	if (hoard)
		h = ktest_hoard_pages(0, &n);
	status = cpu_run_user(TEXT, STACK + PAGE_SIZE);
	ktest_release_pages(h);
	if (status == 0) {
		int v = 0;

		KT_EQ(copyin((void *)DATA, &v, sizeof(v)), 0);
		ktest_diag("user program stored %d", v);
		KT_EQ(v, 42);
	} else
		ktest_diag("%s", user_end_reason);
	uvmspace_activate(NULL);
	uvmspace_free(vm);
	KT_EQ(uvmexp.free, base);
	return status;
}

KTEST(user_program_runs_and_exits)
{
	static const uint8_t prog[] = {
		0xc7, 0x05, 0x00, 0x10, 0x00, 0x10, 42, 0, 0, 0,
					/* mov dword [DATA], 42 */
		0x6a, 0x07,		/* push 7 (the stack faults in) */
		0x58,			/* pop eax */
		0xcc,			/* int3: done */
	};
	int zf = uvmexp.flt_zero;

	KT_EQ(run(prog, sizeof(prog), 0), 0);
	KT_EQ(uvmexp.flt_zero, zf + 2);		/* data and stack */
}

KTEST(user_fault_no_mapping_ends_it)
{
	static const uint8_t prog[] = {
		0xa1, 0x10, 0x00, 0x00, 0x00,	/* mov eax, [0x10] */
		0xcc,
	};

	KT_EQ(run(prog, sizeof(prog), 0), -1);
	KT_STREQ(user_end_reason, "user page fault (#PF) at eip 0x10000000: "
	    "read of 0x00000010, no mapping");
}

KTEST(user_fault_protection_ends_it)
{
	static const uint8_t text_write[] = {
		0xc6, 0x05, 0x00, 0x00, 0x00, 0x10, 0x90, /* mov byte [TEXT], */
		0xcc,
	};
	static const uint8_t kernel_read[] = {
		0xa1, 0x00, 0x00, 0x10, 0xc0,	/* mov eax, [0xc0100000] */
		0xcc,
	};

	KT_EQ(run(text_write, sizeof(text_write), 0), -1);
	KT_ASSERT(strstr(user_end_reason, "write of 0x10000000, protection "
	    "violation") != NULL);
	KT_EQ(run(kernel_read, sizeof(kernel_read), 0), -1);
	KT_ASSERT(strstr(user_end_reason, "read of 0xc0100000, protection "
	    "violation") != NULL);
}

KTEST(user_fault_out_of_memory_ends_it)
{
	static const uint8_t prog[] = {
		0xc7, 0x05, 0x00, 0x10, 0x00, 0x10, 42, 0, 0, 0,
		0xcc,
	};
	int noram = uvmexp.flt_noram;

	KT_EQ(run(prog, sizeof(prog), 1), -1);
	KT_ASSERT(strstr(user_end_reason, "out of memory") != NULL);
	KT_EQ(uvmexp.flt_noram, noram + 1);
}

KTEST(user_privileged_instruction_ends_it)
{
	static const uint8_t prog[] = { 0xfa, 0xcc };	/* cli; int3 */

	KT_EQ(run(prog, sizeof(prog), 0), -1);
	KT_ASSERT(strstr(user_end_reason, "user general protection fault "
	    "(#GP) at eip 0x10000000") == user_end_reason);
}
