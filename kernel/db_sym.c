/*
 * kernel/db_sym.c: names for code addresses.
 *
 * The kernel carries a table of its own text symbols, sorted by address
 * (ksyms_table, made by kernel/mkksyms from the first link and added by
 * the second; see the Makefile).  A backtrace asks for the symbol at or
 * below an address with a binary search.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <lib/libkern/libkern.h>
#include <machine/db_machdep.h>

struct ksym {
	vaddr_t	ks_addr;
	const char *ks_name;
};

extern const uint32_t ksyms_count;
extern const struct ksym ksyms_table[];
extern char etext[];

const char *
db_search_symbol(vaddr_t pc, vaddr_t *offp)
{
	uint32_t lo = 0, hi = ksyms_count;

	if (ksyms_count == 0 || pc < ksyms_table[0].ks_addr ||
	    pc >= (vaddr_t)etext)
		return NULL;
	while (hi - lo > 1) {		/* last entry with ks_addr <= pc */
		uint32_t mid = lo + (hi - lo) / 2;

		if (ksyms_table[mid].ks_addr <= pc)
			lo = mid;
		else
			hi = mid;
	}
	*offp = pc - ksyms_table[lo].ks_addr;
	return ksyms_table[lo].ks_name;
}

vaddr_t
db_symbol_value(const char *name)
{
	uint32_t i;

	for (i = 0; i < ksyms_count; i++)
		if (strcmp(ksyms_table[i].ks_name, name) == 0)
			return ksyms_table[i].ks_addr;
	return 0;
}

/* "<name+0xoff>" for the function the return address pc returns into. */
void
db_format_return(char *buf, size_t size, vaddr_t pc)
{
	const char *name;
	vaddr_t off;

	name = db_search_symbol(pc - 1, &off);
	if (name == NULL)
		snprintf(buf, size, "<?>");
	else
		snprintf(buf, size, "<%s+0x%lx>", name, off + 1);
}

void
db_format_pc(char *buf, size_t size, vaddr_t pc)
{
	const char *name;
	vaddr_t off;

	name = db_search_symbol(pc, &off);
	if (name == NULL)
		snprintf(buf, size, "<?>");
	else if (off == 0)
		snprintf(buf, size, "<%s>", name);
	else
		snprintf(buf, size, "<%s+0x%lx>", name, off);
}
