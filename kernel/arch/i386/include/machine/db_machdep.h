/*
 * machine/db_machdep.h: backtraces (db_trace.c) and symbol names for code
 * addresses (db_sym.c, over the table the second link adds).
 */
#ifndef _MACHINE_DB_MACHDEP_H_
#define _MACHINE_DB_MACHDEP_H_

#include <sys/types.h>

/* The function containing pc and pc's offset in it; NULL if unknown. */
const char *db_search_symbol(vaddr_t pc, vaddr_t *offp);
/* The address of a function by name, 0 if there is none. */
vaddr_t	db_symbol_value(const char *name);
/* "<name+0xoff>" for pc, or "<?>" */
void	db_format_pc(char *buf, size_t size, vaddr_t pc);
/* The same for a return address (looked up at pc - 1). */
void	db_format_return(char *buf, size_t size, vaddr_t pc);
/* Print the call chain from pc with frame pointer fp. */
void	db_trace_from(vaddr_t pc, vaddr_t fp);
/* Make the next panic's backtrace start at a trap's pc and fp. */
void	db_panic_from(vaddr_t pc, vaddr_t fp);
/* Fill pcs[] with the return addresses up the current stack. */
int	db_collect_trace(vaddr_t *pcs, int max);

#endif /* _MACHINE_DB_MACHDEP_H_ */
