/* machine/com.h: the COM1 serial console (com.c). */
#ifndef _MACHINE_COM_H_
#define _MACHINE_COM_H_

int	com_cninit(void);
void	com_attach_input(void);

#endif /* _MACHINE_COM_H_ */
