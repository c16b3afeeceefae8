; user/lib/crt0.asm: where every Tine program starts (its ELF entry).
;
; exec leaves the stack as
;   [esp]       argc
;   [esp+4]     argv[0] ... argv[argc-1], NULL
;               envp[0] ... NULL
; and crt0 calls main(argc, argv, envp), then exit() with its result.

global _start
extern main, exit, environ

section .text

_start:
	xor	ebp, ebp			; the end of backtraces
	mov	eax, [esp]			; argc
	lea	ecx, [esp + 4]			; argv
	lea	edx, [ecx + eax * 4 + 4]	; envp: past argv's NULL
	mov	[environ], edx
	and	esp, -16			; gcc's i386 ABI alignment
	sub	esp, 4
	push	edx
	push	ecx
	push	eax
	call	main
	mov	[esp], eax
	call	exit
	hlt					; exit does not return

section .note.GNU-stack noalloc noexec nowrite progbits
