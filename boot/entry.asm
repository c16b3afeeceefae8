; boot/entry.asm: where GRUB jumps; from no paging to C in the higher half.
;
; A multiboot2 loader enters _start in 32-bit protected mode with paging off,
; eax = MB2_BOOT_MAGIC and ebx = the physical address of the boot information
; (Multiboot2 specification, 3.3).  The kernel is linked at KERNBASE + 1 MiB
; but loaded at 1 MiB, so until paging is on every absolute address below is
; written "symbol - KERNBASE"; relative jumps and calls need no care.
;
;   1. check the magic; a wrong one prints a message on the VGA screen and
;      COM1 and halts (nothing else is set up, so this is done by hand here);
;   2. copy the boot information into the kernel's bss (mb2_copy), so C never
;      has to reach memory GRUB chose;
;   3. map physical 0..16 MiB twice, at 0 (identity, so the instruction after
;      "mov cr0" still runs) and at KERNBASE, with NBOOTPT 4 KiB page tables
;      (no 4 MiB pages: a 486 has no PSE), and turn on paging and CR0.WP;
;   4. jump to the higher half, switch to the boot stack, call init386().
;
;   virtual                       physical
;   0xC1000000 +-------------+
;              | boot map    |--> 0x00000000 .. 0x01000000
;   0xC0000000 +-------------+    (init386 drops the identity copy at 0)
;
; docs/boot.md tells the whole sequence; docs/memory.md the layout.

%include "machine/param.inc"

%define COM1		0x3f8
%define VGA_TEXT	0xb8000
%define VGA_ATTR	0x4f		; white on red

extern init386
global _start
global mb2_copy, mb2_copied, boot_pd, boot_pt, boot_stack, boot_stack_top

section .text
_start:
	cli
	cld
	mov	esp, boot_stack_top - KERNBASE
	cmp	eax, MB2_BOOT_MAGIC
	jne	bad_magic

	; 2. Copy at most MB2_COPY_MAX bytes of boot information.
	mov	ecx, [ebx]			; total_size, first field
	cmp	ecx, MB2_COPY_MAX
	jbe	.fits
	mov	ecx, MB2_COPY_MAX		; C says it was cut short
.fits:	mov	[mb2_copied - KERNBASE], ecx
	mov	esi, ebx
	mov	edi, mb2_copy - KERNBASE
	rep movsb

	; 3. Fill the boot page tables: entry i maps physical page i.
	mov	edi, boot_pt - KERNBASE
	mov	eax, PG_V | PG_RW
	mov	ecx, NBOOTPT * 1024
.pte:	stosd
	add	eax, NBPG
	loop	.pte

	; ... and point the identity and the KERNBASE page directory slots at them.
	mov	eax, (boot_pt - KERNBASE) + PG_V + PG_RW
	xor	ebx, ebx
.pde:	mov	[boot_pd - KERNBASE + ebx*4], eax
	mov	[boot_pd - KERNBASE + ebx*4 + (KERNBASE >> PDSHIFT)*4], eax
	add	eax, NBPG
	inc	ebx
	cmp	ebx, NBOOTPT
	jb	.pde

	mov	eax, boot_pd - KERNBASE
	mov	cr3, eax
	mov	eax, cr0
	or	eax, CR0_PG | CR0_WP
	mov	cr0, eax
	mov	eax, .high			; an absolute jump into the
	jmp	eax				; higher half

	; 4. Running at KERNBASE + 1 MiB now.
.high:	mov	esp, boot_stack_top
	xor	ebp, ebp			; ends the backtrace here
	call	init386
.hang:	cli
	hlt
	jmp	.hang

; bad_magic: we were not started by a multiboot2 loader (eax holds what the
; loader passed).  Say so on the screen and on COM1, then halt for good.
bad_magic:
	mov	ebp, eax
	call	early_com_init
	mov	edi, VGA_TEXT
	mov	esi, msg_magic - KERNBASE
	call	early_puts
	mov	eax, ebp
	call	early_puthex
	mov	esi, msg_magic_end - KERNBASE
	call	early_puts
	jmp	_start.hang

; early_com_init: COM1 to 115200 8N1, FIFOs on.  Clobbers eax, edx.
early_com_init:
	mov	dx, COM1 + 1
	xor	al, al
	out	dx, al				; no interrupts
	mov	dx, COM1 + 3
	mov	al, 0x80
	out	dx, al				; DLAB: divisor follows
	mov	dx, COM1
	mov	al, 1
	out	dx, al				; 115200 / 1
	inc	dx
	xor	al, al
	out	dx, al
	mov	dx, COM1 + 3
	mov	al, 0x03
	out	dx, al				; 8 bits, no parity, 1 stop
	ret

; early_putc: al to COM1 and to the VGA cell at edi (edi advances; a
; newline moves it to the next row and is sent as CR LF).
early_putc:
	cmp	al, 10
	jne	.put
	mov	al, 13
	call	early_com_putc
	mov	al, 10
	call	early_com_putc
	push	ecx				; edi to the next row's start
	push	edx
	mov	eax, edi
	sub	eax, VGA_TEXT
	xor	edx, edx
	mov	ecx, 160
	div	ecx
	inc	eax
	mul	ecx
	lea	edi, [eax + VGA_TEXT]
	pop	edx
	pop	ecx
	ret
.put:	call	early_com_putc
	mov	ah, VGA_ATTR
	mov	[edi], ax
	add	edi, 2
	ret

; early_com_putc: al to COM1, once its transmitter is free.
early_com_putc:
	push	ecx
	push	edx
	push	eax
	mov	ecx, 100000			; give up on a missing UART
	mov	dx, COM1 + 5
.wait:	in	al, dx
	test	al, 0x20
	loopz	.wait
	pop	eax
	mov	dx, COM1
	out	dx, al
	pop	edx
	pop	ecx
	ret

; early_puts: the NUL-terminated string at esi.
early_puts:
	lodsb
	test	al, al
	jz	.end
	call	early_putc
	jmp	early_puts
.end:	ret

; early_puthex: eax as 0x + 8 hex digits.
early_puthex:
	mov	ebx, eax
	mov	al, '0'
	call	early_putc
	mov	al, 'x'
	call	early_putc
	mov	ecx, 8
.digit:	rol	ebx, 4
	mov	eax, ebx
	and	eax, 0xf
	mov	al, [hexdigits - KERNBASE + eax]
	call	early_putc
	loop	.digit
	ret

section .rodata
hexdigits:	db	"0123456789abcdef"
msg_magic:	db	10, "Tine: not started by a multiboot2 loader.", 10
		db	"The boot magic in eax is ", 0
msg_magic_end:	db	", a multiboot2 loader passes 0x36d76289.", 10
		db	"Boot build/tine.iso, or load tine.elf with GRUB's "
		db	"'multiboot2' command.", 10
		db	"Halted.", 10, 0

section .bss
alignb NBPG
boot_pd:	resb	NBPG			; page directory
boot_pt:	resb	NBPG * NBOOTPT		; page tables for 0..16 MiB
boot_stack:	resb	BOOT_STACK_SIZE
boot_stack_top:
mb2_copy:	resb	MB2_COPY_MAX		; the boot information
mb2_copied:	resd	1			; bytes of it copied

section .note.GNU-stack noalloc noexec nowrite progbits
