/*
 * sys/exec_elf.h: the ELF32 structures exec reads, and the section and
 * symbol tables the debugger pdb reads (the System V ABI's names, as
 * OpenBSD's header has them).
 */
#ifndef _SYS_EXEC_ELF_H_
#define _SYS_EXEC_ELF_H_

#include <sys/types.h>

#define EI_NIDENT	16
#define ELFMAG		"\177ELF"
#define SELFMAG		4
#define EI_CLASS	4
#define ELFCLASS32	1
#define EI_DATA		5
#define ELFDATA2LSB	1
#define ET_EXEC		2
#define EM_386		3
#define PT_LOAD		1
#define PF_X		0x1
#define PF_W		0x2
#define PF_R		0x4

typedef struct {
	unsigned char e_ident[EI_NIDENT];
	uint16_t e_type;
	uint16_t e_machine;
	uint32_t e_version;
	uint32_t e_entry;		/* where the program starts */
	uint32_t e_phoff;		/* program headers: file offset */
	uint32_t e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize;		/* ... each one's size */
	uint16_t e_phnum;		/* ... how many */
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
} Elf32_Ehdr;

typedef struct {
	uint32_t p_type;		/* PT_LOAD: a segment to map */
	uint32_t p_offset;		/* its bytes in the file */
	uint32_t p_vaddr;		/* where it goes */
	uint32_t p_paddr;
	uint32_t p_filesz;		/* bytes from the file ... */
	uint32_t p_memsz;		/* ... the rest of memsz is zero */
	uint32_t p_flags;		/* PF_R, PF_W, PF_X */
	uint32_t p_align;
} Elf32_Phdr;

#define SHT_SYMTAB	2		/* a symbol table */
#define STT_NOTYPE	0		/* a symbol's type: none (asm labels) */
#define STT_FUNC	2		/* ... a function */
#define SHN_UNDEF	0		/* st_shndx: not defined here */
#define ELF32_ST_TYPE(info)	((info) & 0xf)

typedef struct {
	uint32_t sh_name;
	uint32_t sh_type;		/* SHT_SYMTAB ... */
	uint32_t sh_flags;
	uint32_t sh_addr;
	uint32_t sh_offset;		/* its bytes in the file */
	uint32_t sh_size;
	uint32_t sh_link;		/* a symbol table's string table */
	uint32_t sh_info;
	uint32_t sh_addralign;
	uint32_t sh_entsize;
} Elf32_Shdr;

typedef struct {
	uint32_t st_name;		/* offset in the string table */
	uint32_t st_value;		/* the address */
	uint32_t st_size;
	unsigned char st_info;		/* type (ELF32_ST_TYPE) and binding */
	unsigned char st_other;
	uint16_t st_shndx;
} Elf32_Sym;

#endif /* _SYS_EXEC_ELF_H_ */
