; kernel/arch/i386/locore.asm: small i386 routines C cannot write:
; loading the GDT with its segment registers, setjmp and longjmp.

global gdt_load, setjmp, longjmp, call_on_stack, enter_user

section .text

; void gdt_load(const struct region_descriptor *rd, int csel, int dsel)
; Load the GDT and reload every segment register from it: %cs through a far
; return, the data segments directly.
;   stack on entry: [esp+4] rd, [esp+8] csel, [esp+12] dsel
gdt_load:
	mov	eax, [esp + 4]
	lgdt	[eax]
	mov	eax, [esp + 12]
	mov	ds, ax
	mov	es, ax
	mov	ss, ax
	xor	eax, eax			; %fs, %gs: null until a thread
	mov	fs, ax				; needs them
	mov	gs, ax
	pop	edx				; return address
	push	dword [esp + 4]			; csel (the stack moved by 4)
	push	edx
	retf					; pops eip and cs

; int setjmp(label_t *l)
; Save the callee-saved registers, the stack pointer and the return
; address in *l; return 0.  longjmp(l) later returns 1 from here again.
setjmp:
	mov	eax, [esp + 4]
	mov	[eax + 0], ebx
	mov	[eax + 4], esp
	mov	[eax + 8], ebp
	mov	[eax + 12], esi
	mov	[eax + 16], edi
	mov	edx, [esp]
	mov	[eax + 20], edx
	xor	eax, eax
	ret

; __dead void longjmp(label_t *l)
; Restore what setjmp saved and return 1 from that setjmp.
longjmp:
	mov	eax, [esp + 4]
	mov	ebx, [eax + 0]
	mov	esp, [eax + 4]
	mov	ebp, [eax + 8]
	mov	esi, [eax + 12]
	mov	edi, [eax + 16]
	mov	edx, [eax + 20]
	mov	[esp], edx			; setjmp's return address
	mov	eax, 1
	ret

; void call_on_stack(void (*fn)(void *), void *arg, vaddr_t stack_top)
; Run fn(arg) on another stack, then come back to this one.
;   stack on entry: [esp+4] fn, [esp+8] arg, [esp+12] stack_top
;   on the new stack while fn runs: the old esp, arg, return address
call_on_stack:
	mov	eax, [esp + 4]
	mov	ecx, [esp + 8]
	mov	edx, [esp + 12]
	mov	[edx - 4], esp			; keep the old stack pointer
	lea	esp, [edx - 4]
	push	ecx
	call	eax
	mov	esp, [esp + 4]			; back to the old stack
	ret

; __dead void enter_user(vaddr_t eip, vaddr_t esp)
; Drop to ring 3 at eip on the user stack esp, interrupts on.  The CPU
; comes back only through a trap, onto the TSS's esp0 stack.
;   stack on entry: [esp+4] eip, [esp+8] esp
;   iret frame built: ss, esp, eflags, cs, eip (user selectors, RPL 3)
enter_user:
	mov	ecx, [esp + 4]
	mov	edx, [esp + 8]
	mov	ax, 0x23			; GSEL(GUDATA_SEL, SEL_UPL)
	mov	ds, ax
	mov	es, ax
	push	dword 0x23			; ss
	push	edx				; esp
	push	dword 0x202			; eflags: IF
	push	dword 0x1b			; cs: GSEL(GUCODE_SEL, SEL_UPL)
	push	ecx				; eip
	iret

section .note.GNU-stack noalloc noexec nowrite progbits
