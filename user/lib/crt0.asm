; user/lib/crt0.asm: where every Tine program starts (its ELF entry).
;
; exec leaves the stack as
;   [esp]       argc
;   [esp+4]     argv[0] ... argv[argc-1], NULL
;               envp[0] ... NULL
; crt0 first makes %gs usable: __set_tcb(&__main_tib), the main thread's
; TIB (user/include/tib.h), since errno lives there.  That call is made
; by hand, not through the stub, because the stub's error path would
; itself write errno through %gs.  Then it saves argv[0] for err(3)
; (__init_progname), calls main(argc, argv, envp), then exit() with its
; result.

global _start
extern main, exit, environ, __init_progname, __main_tib

SYS___set_tcb	equ	329

section .text

_start:
	xor	ebp, ebp			; the end of backtraces
	push	__main_tib			; __set_tcb(&__main_tib)
	push	0				; (no return address)
	mov	eax, SYS___set_tcb
	int	0x80
	add	esp, 8
	mov	esi, [esp]			; argc (esi, edi, ebx: kept
	lea	edi, [esp + 4]			; argv  across the calls)
	lea	ebx, [edi + esi * 4 + 4]	; envp: past argv's NULL
	mov	[environ], ebx
	and	esp, -16			; gcc's i386 ABI alignment
	sub	esp, 12
	push	dword [edi]			; argv[0] (NULL if argc is 0)
	call	__init_progname
	add	esp, 12
	push	ebx
	push	edi
	push	esi
	call	main
	mov	[esp], eax
	call	exit
	hlt					; exit does not return

section .note.GNU-stack noalloc noexec nowrite progbits
