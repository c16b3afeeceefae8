; kernel/arch/i386/vector.asm: the entry points of the IDT.
;
; Every exception and IRQ stub pushes a uniform pair, an error code (a dummy
; 0 when the CPU pushes none) and the vector number, then jumps to alltraps,
; which completes a struct trapframe (machine/frame.h) and calls trap().
;
;   higher addresses
;   +------------+
;   | ss, esp    |  pushed by the CPU only on a trap from ring 3
;   | eflags     |
;   | cs, eip    |  pushed by the CPU
;   | err        |  by the CPU for vectors 8, 10-14, 17; else by the stub
;   | trapno     |  by the stub
;   | eax .. edi |  by alltraps, OpenBSD's order
;   | ds es gs fs|
;   +------------+ <- esp: the struct trapframe * passed to trap()
;
; Vector 8 (double fault) is not here: it is a task gate, and Xdoubleflt
; below is the double-fault task's code.

%include "machine/param.inc"

%define GDATA_SEL	0x10
%define T_SYSCALL	128

extern trap, syscall, trap_doublefault, df_stack

global alltraps, Xdoubleflt, Xsyscall, trap_return
global idt_vectors			; table of the stubs for idt_init()

%macro TRAP 1				; the CPU pushed no error code
Xtrap%1:
	push	0
	push	%1
	jmp	alltraps
%endmacro

%macro TRAP_ERR 1			; the CPU pushed an error code
Xtrap%1:
	push	%1
	jmp	alltraps
%endmacro

section .text

TRAP	0
TRAP	1
TRAP	2
TRAP	3
TRAP	4
TRAP	5
TRAP	6
TRAP	7
TRAP	8				; unused: vector 8 is a task gate
TRAP	9
TRAP_ERR 10
TRAP_ERR 11
TRAP_ERR 12
TRAP_ERR 13
TRAP_ERR 14
TRAP	15
TRAP	16
TRAP_ERR 17
TRAP	18
TRAP	19
%assign v 20
%rep 12
TRAP	v
%assign v v + 1
%endrep
%assign v 32				; IRQ 0-15
%rep 16
TRAP	v
%assign v v + 1
%endrep

; The rest of a struct trapframe, and kernel data segments: alltraps and
; Xsyscall share it.
%macro SAVE_FRAME 0
	push	eax
	push	ecx
	push	edx
	push	ebx
	push	ebp
	push	esi
	push	edi
	push	ds
	push	es
	push	gs
	push	fs
	mov	eax, GDATA_SEL
	mov	ds, ax
	mov	es, ax
	cld
%endmacro

; alltraps: finish the trap frame, call trap(frame), and return from the
; trap with whatever trap() left in the frame.
alltraps:
	SAVE_FRAME
	push	esp				; the trapframe's address
	call	trap
	add	esp, 4
trap_return:					; esp = a trap frame
	pop	fs
	pop	gs
	pop	es
	pop	ds
	pop	edi
	pop	esi
	pop	ebp
	pop	ebx
	pop	edx
	pop	ecx
	pop	eax
	add	esp, 8				; trapno and err
	iret

; Xsyscall: int $0x80, a system call.  The same frame as any trap, but
; straight to syscall(), without trap()'s sorting of trap numbers: the
; shortest way in and out of the kernel is worth a stub of its own.
Xsyscall:
	push	0
	push	T_SYSCALL
	SAVE_FRAME
	push	esp				; the trapframe's address
	call	syscall
	add	esp, 4
	jmp	trap_return

; Xdoubleflt: the double-fault task's code.  The task gate switched to
; df_tss, saving the faulting context in the current TSS.  Start on a
; fresh stack each time: a task's state is saved on the way out, so the
; next double fault resumes after the iret below, and must find it
; looping back here.
Xdoubleflt:
	mov	esp, df_stack + 4096
	xor	ebp, ebp
	call	trap_doublefault		; returns only to a self-test
	iret					; NT is set: back to the
	jmp	Xdoubleflt			; task that faulted

section .rodata
align 4
idt_vectors:
%assign v 0
%rep 48
	dd	Xtrap %+ v
%assign v v + 1
%endrep

section .note.GNU-stack noalloc noexec nowrite progbits
