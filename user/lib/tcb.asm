; user/lib/tcb.asm: the few things libpthread needs that C cannot say:
; reading %gs:0, starting a thread on its own stack, and futex(2)
; without touching errno.  <tib.h> has the TIB's layout.

global __tib_get, __tfork_thread, __futex

SYS___tfork	equ	8
SYS_futex	equ	83
SYS___threxit	equ	302

section .text

; struct tib *__tib_get(void): the calling thread's TIB, whose first word
; is its own address (%gs is based at the TIB).
__tib_get:
	mov	eax, [gs:0]
	ret

; int __tfork_thread(const struct __tfork *param, size_t psize,
;     void (*fn)(void *), void *arg)
;
; __tfork(param, psize), then in the new thread fn(arg) and
; __threxit(NULL) should fn return.  The kernel starts the new thread
; at the instruction after int 0x80 with %esp = param->tf_stack, eax 0,
; and every other register as the caller had it: so fn and arg travel
; in esi and edi.  Returns the new tid in the caller, or -1 with errno.
;
;   stack on entry            after the pushes (the caller's side)
;   [esp+16] arg              [esp]    0 (a return address int 0x80
;   [esp+12] fn                          does not use: the kernel reads
;   [esp+8]  psize                       the arguments above it)
;   [esp+4]  param            [esp+4]  param, [esp+8] psize
;   [esp]    return           then saved edi, esi, ebp
__tfork_thread:
	push	ebp
	mov	ebp, esp
	push	esi
	push	edi
	mov	esi, [ebp + 16]			; fn
	mov	edi, [ebp + 20]			; arg
	push	dword [ebp + 12]		; psize
	push	dword [ebp + 8]			; param
	push	0				; where a return address goes
	mov	eax, SYS___tfork
	int	0x80
	jc	.error
	test	eax, eax
	jz	.child
	add	esp, 12
	pop	edi
	pop	esi
	pop	ebp
	ret
.error:
	mov	ecx, [gs:0]
	mov	[ecx + 4], eax			; tib_errno (TIB_ERRNO_OFFSET)
	mov	eax, -1
	add	esp, 12
	pop	edi
	pop	esi
	pop	ebp
	ret
.child:						; on the new stack
	xor	ebp, ebp			; the end of backtraces
	and	esp, -16			; gcc's i386 ABI alignment
	sub	esp, 12
	push	edi
	call	esi
	push	0				; notdead: none
	push	0
	mov	eax, SYS___threxit
	int	0x80
	hlt					; __threxit does not return

; int __futex(volatile uint32_t *f, int op, int val,
;     const struct timespec *timeout, volatile uint32_t *g)
;
; futex(2) for libc's locks: the result (0, or the number woken), or
; the negated error number; errno is left alone, so taking a lock never
; changes it.  The arguments stay where the caller put them.
__futex:
	mov	eax, SYS_futex
	int	0x80
	jnc	.done
	neg	eax
.done:
	ret

section .note.GNU-stack noalloc noexec nowrite progbits
