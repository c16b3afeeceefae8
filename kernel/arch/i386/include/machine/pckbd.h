/* machine/pckbd.h: the PS/2 keyboard (pckbd.c). */
#ifndef _MACHINE_PCKBD_H_
#define _MACHINE_PCKBD_H_

void	pckbd_attach(void);

#endif /* _MACHINE_PCKBD_H_ */
