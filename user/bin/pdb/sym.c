/*
 * pdb's symbols: the functions of the program's ELF symbol table
 * (.symtab), and the labels of its assembly (which have no type), read
 * once from the file and sorted by address.
 */

#include <sys/types.h>
#include <sys/exec_elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pdb.h"

struct sym {
	vaddr_t	addr;
	size_t	size;
	char	*name;
};

static struct sym *syms;
static int nsyms;

static int
sym_cmp(const void *a, const void *b)
{
	const struct sym *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* The whole file in memory (programs are small); NULL on error. */
static char *
slurp(const char *path, size_t *lenp)
{
	char *buf = NULL, *nbuf;
	size_t len = 0, cap = 0;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		return NULL;
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((nbuf = realloc(buf, cap)) == NULL)
				break;
			buf = nbuf;
		}
		if ((n = read(fd, buf + len, cap - len)) <= 0)
			break;
		len += n;
	}
	close(fd);
	*lenp = len;
	return buf;
}

/* Keep the function symbols of symbol table sh (strings in str). */
static void
sym_take(const char *file, size_t len, const Elf32_Shdr *sh,
    const Elf32_Shdr *str)
{
	const Elf32_Sym *st = (const Elf32_Sym *)(file + sh->sh_offset);
	size_t i, n = sh->sh_size / sizeof(*st);

	if (sh->sh_offset + sh->sh_size > len ||
	    str->sh_offset + str->sh_size > len)
		return;
	if ((syms = calloc(n, sizeof(*syms))) == NULL)
		return;
	for (i = 0; i < n; i++) {
		/* Functions, and the assembler's labels (crt0, the stubs). */
		if ((ELF32_ST_TYPE(st[i].st_info) != STT_FUNC &&
		    ELF32_ST_TYPE(st[i].st_info) != STT_NOTYPE) ||
		    st[i].st_shndx == SHN_UNDEF || st[i].st_name == 0 ||
		    st[i].st_name >= str->sh_size)
			continue;
		syms[nsyms].addr = st[i].st_value;
		syms[nsyms].size = st[i].st_size;
		syms[nsyms].name = strdup(file + str->sh_offset +
		    st[i].st_name);
		if (syms[nsyms].name != NULL)
			nsyms++;
	}
	qsort(syms, nsyms, sizeof(*syms), sym_cmp);
}

/* Read path's function symbols; the number found, or -1. */
int
sym_load(const char *path)
{
	const Elf32_Ehdr *eh;
	const Elf32_Shdr *sh;
	size_t len;
	char *file;
	int i;

	if ((file = slurp(path, &len)) == NULL)
		return -1;
	eh = (const Elf32_Ehdr *)file;
	if (len < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 ||
	    eh->e_shoff + eh->e_shnum * sizeof(*sh) > len) {
		free(file);
		return -1;
	}
	sh = (const Elf32_Shdr *)(file + eh->e_shoff);
	for (i = 0; i < eh->e_shnum; i++)
		if (sh[i].sh_type == SHT_SYMTAB && sh[i].sh_link < eh->e_shnum) {
			sym_take(file, len, &sh[i], &sh[sh[i].sh_link]);
			break;
		}
	free(file);
	return nsyms;
}

/* The address of function name; 0 if found, -1 if not. */
int
sym_lookup(const char *name, vaddr_t *addr)
{
	int i;

	for (i = 0; i < nsyms; i++)
		if (strcmp(syms[i].name, name) == 0) {
			*addr = syms[i].addr;
			return 0;
		}
	return -1;
}

/* The function holding addr, and addr's offset in it; NULL if none. */
const char *
sym_name(vaddr_t addr, vaddr_t *off)
{
	int lo = 0, hi = nsyms - 1, mid;

	if (nsyms == 0 || addr < syms[0].addr)
		return NULL;
	while (lo < hi) {		/* the last symbol at or below addr */
		mid = (lo + hi + 1) / 2;
		if (syms[mid].addr <= addr)
			lo = mid;
		else
			hi = mid - 1;
	}
	if (syms[lo].size != 0 && addr >= syms[lo].addr + syms[lo].size)
		return NULL;
	*off = addr - syms[lo].addr;
	return syms[lo].name;
}

/* "0x01001234 <main+12>" */
void
sym_print(vaddr_t addr)
{
	const char *name;
	vaddr_t off;

	printf("0x%08lx", (unsigned long)addr);
	if ((name = sym_name(addr, &off)) != NULL) {
		if (off != 0)
			printf(" <%s+%lu>", name, (unsigned long)off);
		else
			printf(" <%s>", name);
	}
}
