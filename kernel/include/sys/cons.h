/*
 * sys/cons.h: the console.  Output goes to every attached console device
 * (the VGA screen and COM1); input from any of them (keyboard, serial line)
 * lands in one queue that cngetc() reads.
 */
#ifndef _SYS_CONS_H_
#define _SYS_CONS_H_

struct consdev {
	const char *cn_name;
	void	(*cn_putc)(int);
};

void	cn_attach(const struct consdev *);
void	cnputc(int);
void	cnputs(const char *);
int	cngetc(void);
int	cn_trygetc(void);
void	cons_input(int);
void	cons_input_flush(void);

#endif /* _SYS_CONS_H_ */
