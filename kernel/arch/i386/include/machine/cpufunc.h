/*
 * machine/cpufunc.h: every i386 instruction the kernel's C code needs, as a
 * small inline function.  This is the only header with inline asm; MI code
 * calls these wrappers (lcr3, rcr2, invlpg, inb, outb, ...) and nothing else.
 */
#ifndef _MACHINE_CPUFUNC_H_
#define _MACHINE_CPUFUNC_H_

#include <sys/types.h>

static inline uint8_t
inb(uint16_t port)
{
	uint8_t v;

	__asm volatile("inb %w1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void
outb(uint16_t port, uint8_t v)
{
	__asm volatile("outb %0, %w1" : : "a"(v), "Nd"(port));
}

static inline uint16_t
inw(uint16_t port)
{
	uint16_t v;

	__asm volatile("inw %w1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void
outw(uint16_t port, uint16_t v)
{
	__asm volatile("outw %0, %w1" : : "a"(v), "Nd"(port));
}

static inline uint32_t
inl(uint16_t port)
{
	uint32_t v;

	__asm volatile("inl %w1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void
outl(uint16_t port, uint32_t v)
{
	__asm volatile("outl %0, %w1" : : "a"(v), "Nd"(port));
}

static inline u_int
rcr0(void)
{
	u_int v;

	__asm volatile("movl %%cr0, %0" : "=r"(v));
	return v;
}

static inline void
lcr0(u_int v)
{
	__asm volatile("movl %0, %%cr0" : : "r"(v) : "memory");
}

static inline u_int
rcr2(void)
{
	u_int v;

	__asm volatile("movl %%cr2, %0" : "=r"(v));
	return v;
}

static inline u_int
rcr3(void)
{
	u_int v;

	__asm volatile("movl %%cr3, %0" : "=r"(v));
	return v;
}

/* Loading CR3 also flushes every non-global TLB entry. */
static inline void
lcr3(u_int v)
{
	__asm volatile("movl %0, %%cr3" : : "r"(v) : "memory");
}

static inline u_int
rcr4(void)
{
	u_int v;

	__asm volatile("movl %%cr4, %0" : "=r"(v));
	return v;
}

/* Toggling CR4.PGE flushes the whole TLB, global entries too. */
static inline void
lcr4(u_int v)
{
	__asm volatile("movl %0, %%cr4" : : "r"(v) : "memory");
}

static inline void
invlpg(vaddr_t va)
{
	__asm volatile("invlpg (%0)" : : "r"(va) : "memory");
}

static inline u_int
read_eflags(void)
{
	u_int ef;

	__asm volatile("pushfl; popl %0" : "=r"(ef));
	return ef;
}

static inline void
write_eflags(u_int ef)
{
	__asm volatile("pushl %0; popfl" : : "r"(ef) : "memory", "cc");
}

static inline void
disable_intr(void)
{
	__asm volatile("cli" : : : "memory");
}

static inline void
enable_intr(void)
{
	__asm volatile("sti" : : : "memory");
}

/* Turn interrupts off and return the old EFLAGS, for intr_restore(). */
static inline u_int
intr_disable(void)
{
	u_int ef = read_eflags();

	disable_intr();
	return ef;
}

static inline void
intr_restore(u_int ef)
{
	write_eflags(ef);
}

/*
 * Wait for the next interrupt with interrupts on.  "sti; hlt" cannot lose a
 * wakeup: sti takes effect after the following instruction, so an interrupt
 * pending at the sti is taken only once the CPU halts, and ends the halt.
 */
/* Clear CR0.TS: FPU instructions run without #NM again. */
static inline void
clts(void)
{
	__asm volatile("clts" ::: "memory");
}

/* Store the FPU state (108 bytes) and reinitialise the FPU. */
static inline void
fnsave(void *addr)
{
	__asm volatile("fnsave %0" : "=m"(*(char (*)[108])addr) :: "memory");
}

static inline void
frstor(const void *addr)
{
	__asm volatile("frstor %0" :: "m"(*(const char (*)[108])addr) :
	    "memory");
}

static inline void
fninit(void)
{
	__asm volatile("fninit" ::: "memory");
}

static inline void
fwait(void)
{
	__asm volatile("fwait" ::: "memory");
}

static inline void
cpu_idle_wait(void)
{
	__asm volatile("sti; hlt" : : : "memory");
}

static inline void
halt(void)
{
	__asm volatile("hlt" : : : "memory");
}

static inline void
lidt(const void *desc)
{
	__asm volatile("lidt (%0)" : : "r"(desc) : "memory");
}

static inline void
lgdt_raw(const void *desc)
{
	__asm volatile("lgdt (%0)" : : "r"(desc) : "memory");
}

static inline void
ltr(uint16_t sel)
{
	__asm volatile("ltr %0" : : "r"(sel) : "memory");
}

/* The task register: the selector of the running task's TSS. */
static inline uint16_t
rtr(void)
{
	uint16_t sel;

	__asm volatile("str %0" : "=r"(sel));
	return sel;
}

static inline uint16_t
rcs(void)
{
	uint16_t sel;

	__asm volatile("movw %%cs, %0" : "=r"(sel));
	return sel;
}

static inline uint16_t
rds(void)
{
	uint16_t sel;

	__asm volatile("movw %%ds, %0" : "=r"(sel));
	return sel;
}

static inline uint64_t
rdtsc(void)
{
	uint64_t v;

	__asm volatile("rdtsc" : "=A"(v));
	return v;
}

static inline void
cpuid(u_int leaf, u_int *regs)
{
	__asm volatile("cpuid"
	    : "=a"(regs[0]), "=b"(regs[1]), "=c"(regs[2]), "=d"(regs[3])
	    : "a"(leaf), "c"(0));
}

/* Copy n 32-bit words (one "rep movsl": the fastest page copy on a 486). */
static inline void
rep_movsl(void *dst, const void *src, size_t n)
{
	__asm volatile("cld; rep movsl"
	    : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}

/* Store v in n 32-bit words. */
static inline void
rep_stosl(void *dst, uint32_t v, size_t n)
{
	__asm volatile("cld; rep stosl"
	    : "+D"(dst), "+c"(n) : "a"(v) : "memory");
}

static inline vaddr_t
read_ebp(void)
{
	vaddr_t v;

	__asm volatile("movl %%ebp, %0" : "=r"(v));
	return v;
}

#endif /* _MACHINE_CPUFUNC_H_ */
