/* machine/vga.h: the VGA text console (vga.c). */
#ifndef _MACHINE_VGA_H_
#define _MACHINE_VGA_H_

void	vga_cninit(void);
int	vga_char_at(int row, int col);
int	vga_attr_at(int row, int col);
void	vga_cursor(int *row, int *col);

#endif /* _MACHINE_VGA_H_ */
