/*
 * pdb: a small debugger for Tine programs, over ptrace(2).  The files:
 *
 *   main.c   starting or attaching, the command loop
 *   sym.c    the program's ELF symbol table: names <-> addresses
 *   mem.c    the tracee's memory through PT_IO, x, bt
 *   bp.c     breakpoints: an int3 written over the instruction's first
 *            byte while the tracee runs, the byte put back when it stops
 *   run.c    continue, step, next; waiting for stops; following forks
 *   regs.c   regs, set
 *
 * docs/ptrace.md has a session.
 */
#ifndef PDB_H
#define PDB_H

#include <sys/types.h>
#include <machine/reg.h>

/* The process pdb is debugging, and what it knows of it. */
struct target {
	pid_t	pid;		/* 0: none (it exited, or was detached) */
	int	follow_child;	/* across a fork, trace the child (else parent) */
};

extern struct target tg;

/* sym.c */
int	sym_load(const char *path);
int	sym_lookup(const char *name, vaddr_t *addr);
const char *sym_name(vaddr_t addr, vaddr_t *off);
void	sym_print(vaddr_t addr);

/* mem.c */
int	mem_read(pid_t, vaddr_t addr, void *buf, size_t len);
int	mem_write(pid_t, vaddr_t addr, const void *buf, size_t len);
int	parse_addr(const char *s, vaddr_t *addr);
void	cmd_x(int argc, char **argv);
void	cmd_bt(void);

/* bp.c */
int	bp_add(vaddr_t addr, int temporary);
void	bp_list(void);
int	bp_delete(int num);
int	bp_at(vaddr_t addr);
void	bp_insert_all(pid_t);
void	bp_remove_all(pid_t);
void	bp_restore(pid_t);
int	bp_hit(vaddr_t addr);
void	bp_clear_temporary(void);
int	bp_temporary(int num);

/* regs.c */
int	regs_get(struct reg *);
int	regs_set(const struct reg *);
void	cmd_regs(void);
void	regs_where(void);
void	cmd_set(int argc, char **argv);

/* run.c */
int	run_continue(void);
int	run_step(void);
int	run_next(void);
void	run_stopped(int status);

#endif /* PDB_H */
