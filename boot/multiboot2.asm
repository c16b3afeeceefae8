; boot/multiboot2.asm: the multiboot2 header GRUB looks for.
;
; GRUB's "multiboot2" command scans the first 32 KiB of the image for this
; header (kernel.ld puts the .multiboot section first).  The tags ask for:
; the memory map, the command line, the modules, the basic memory sizes, the
; ACPI RSDP and the loader's name (an information request, optional so that
; a loader that lacks one still boots us and we report what is missing), and
; say that we run on an EGA text console.  The layout is the Multiboot2
; specification's, section 3.1.
; Next: boot/entry.asm, where the loader jumps.

%define MB2_HEADER_MAGIC	0xe85250d6
%define MB2_ARCH_I386		0
%define MB2_TAG_OPTIONAL	1

section .multiboot alloc noexec nowrite progbits align=8
mb2_header:
	dd	MB2_HEADER_MAGIC
	dd	MB2_ARCH_I386
	dd	mb2_header_end - mb2_header
	dd	-(MB2_HEADER_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))

	; Information request tag (type 1): the info tags we want.
	align	8
.inforeq:
	dw	1, MB2_TAG_OPTIONAL
	dd	.inforeq_end - .inforeq
	dd	1		; boot command line
	dd	2		; boot loader name
	dd	3		; modules
	dd	4		; basic memory information
	dd	6		; memory map
	dd	14		; ACPI old RSDP
	dd	15		; ACPI new RSDP
.inforeq_end:

	; Console flags tag (type 4): bit 1, we support an EGA text console.
	align	8
	dw	4, 0
	dd	12
	dd	2

	; End tag.
	align	8
	dw	0, 0
	dd	8
mb2_header_end:

section .note.GNU-stack noalloc noexec nowrite progbits
