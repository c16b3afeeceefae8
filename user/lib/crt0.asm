; user/lib/crt0.asm: where every Tine program starts (its ELF entry).
;
; exec leaves the stack as
;   [esp]       argc
;   [esp+4]     argv[0] ... argv[argc-1], NULL
;               envp[0] ... NULL
; and crt0 saves argv[0] for err(3) (__init_progname), then calls
; main(argc, argv, envp), then exit() with its result.

global _start
extern main, exit, environ, __init_progname

section .text

_start:
	xor	ebp, ebp			; the end of backtraces
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
