; kernel/arch/i386/copy.asm: copying between the kernel and user space.
;
; Each routine checks that the user range lies below VM_MAXUSER_ADDRESS
; (a kernel address is EFAULT, not a way in), sets curpcb->pcb_onfault
; and copies.  A fault the fault handler cannot resolve (no mapping, no
; memory) makes trap() resume at copy_fault, which returns EFAULT.  A
; write to a copy-on-write page faults too (CR0.WP) and is resolved by
; uvm_fault like a user write would be.
;
; All follow the C calling convention; the stack on entry:
;   [esp+4] first argument, [esp+8] second, ...
; and they save esi/edi, so copy_fault finds them at [esp], [esp+4].

%define VM_MAXUSER_ADDRESS	0xC0000000
%define PCB_ONFAULT		0
%define EFAULT			14
%define ENAMETOOLONG		63

extern curpcb
global copyin, copyout, copyinstr

section .text

; int copyin(const void *uaddr, void *kaddr, size_t len)
copyin:
	push	esi
	push	edi
	mov	esi, [esp + 12]
	mov	edi, [esp + 16]
	mov	ecx, [esp + 20]
	mov	eax, esi
	jmp	copy_checked

; int copyout(const void *kaddr, void *uaddr, size_t len)
copyout:
	push	esi
	push	edi
	mov	esi, [esp + 12]
	mov	edi, [esp + 16]
	mov	ecx, [esp + 20]
	mov	eax, edi
	; fall through

; eax = the user address, ecx = length; check, then copy esi -> edi.
copy_checked:
	add	eax, ecx
	jc	copy_efault			; wrapped around
	cmp	eax, VM_MAXUSER_ADDRESS
	ja	copy_efault
	mov	edx, [curpcb]
	mov	dword [edx + PCB_ONFAULT], copy_fault
	cld
	rep movsb
	mov	dword [edx + PCB_ONFAULT], 0
	xor	eax, eax
	pop	edi
	pop	esi
	ret

; trap() resumes here after an unresolvable fault during a copy.
copy_fault:
	mov	edx, [curpcb]
	mov	dword [edx + PCB_ONFAULT], 0
copy_efault:
	mov	eax, EFAULT
	pop	edi
	pop	esi
	ret

; int copyinstr(const void *uaddr, void *kaddr, size_t len, size_t *done)
; Copy a NUL-terminated string of at most len bytes, NUL included; *done
; (if not NULL) gets the bytes copied, on failure too.  ENAMETOOLONG if no NUL came
; within len bytes, EFAULT if the string runs into the kernel or into
; unmapped memory.
copyinstr:
	push	esi
	push	edi
	mov	esi, [esp + 12]
	mov	edi, [esp + 16]
	mov	ecx, [esp + 20]
	mov	eax, VM_MAXUSER_ADDRESS
	sub	eax, esi
	jbe	copy_efault			; starts in the kernel
	mov	edx, ENAMETOOLONG
	cmp	ecx, eax
	jbe	.limit_ok
	mov	ecx, eax			; the kernel comes first:
	mov	edx, EFAULT			; running into it is EFAULT
.limit_ok:
	push	edx				; the error if no NUL in ecx
	mov	edx, [curpcb]
	mov	dword [edx + PCB_ONFAULT], copyinstr_fault
	cld
	xor	eax, eax
	jecxz	.toolong
.next:	lodsb
	stosb
	test	al, al
	jz	.done
	loop	.next
.toolong:
	pop	eax				; ENAMETOOLONG or EFAULT
	jmp	.out
.done:	add	esp, 4
	xor	eax, eax
.out:	mov	dword [edx + PCB_ONFAULT], 0
	mov	edx, edi			; done = bytes stored
	sub	edx, [esp + 16]
	mov	ecx, [esp + 24]
	test	ecx, ecx
	jz	.ret
	mov	[ecx], edx
.ret:	pop	edi
	pop	esi
	ret

; A fault inside copyinstr: its extra push is still on the stack.  *done
; still says how many bytes were stored, as OpenBSD's does.
copyinstr_fault:
	add	esp, 4
	mov	edx, [curpcb]
	mov	dword [edx + PCB_ONFAULT], 0
	mov	eax, EFAULT
	jmp	copyinstr.out

section .note.GNU-stack noalloc noexec nowrite progbits
