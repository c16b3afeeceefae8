; kernel/arch/i386/sigcode.asm: the signal trampoline, user code that exec
; maps into every process (a read-only page below its stack).
;
; sendsig() starts it with esp at a struct sigframe (machine/signal.h):
;   [esp] signum  [esp+4] sip  [esp+8] scp  [esp+12] handler  [esp+16] sc
; It calls the handler with the first three as its arguments, then asks
; the kernel to resume the interrupted code with sigreturn(scp).  Should
; sigreturn fail, it exits.

global sigcode, esigcode

section .rodata
align 16
sigcode:
	call	[esp + 12]			; handler(signum, sip, scp)
	lea	eax, [esp + 16]			; scp
	push	eax				; sigreturn's argument
	push	eax				; where a return address goes
	mov	eax, 103			; SYS_sigreturn
	int	0x80
	mov	eax, 1				; SYS_exit: sigreturn failed
	int	0x80
esigcode:

section .note.GNU-stack noalloc noexec nowrite progbits
