/*
 * kernel/arch/i386/vga.c: the VGA text console, 80x25 at physical 0xB8000.
 *
 * Each cell is two bytes, the character and its attribute (background
 * colour in the high nibble, foreground in the low).  The driver scrolls,
 * keeps the hardware cursor under the next character, and understands the
 * few ANSI escape sequences the kernel prints, so the same bytes colour
 * both this screen and a serial terminal:
 *
 *	ESC [ n ; ... m		colours: 0 reset, 1 bold (bright), 30-37 and
 *				90-97 foreground, 40-47 background
 *	ESC [ 2 J		clear the screen, cursor home
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/cons.h>
#include <lib/libkern/libkern.h>
#include <machine/param.h>
#include <machine/cpufunc.h>
#include <machine/vga.h>

#define VGA_TEXT_PA	0xB8000
#define VGA_COLS	80
#define VGA_ROWS	25
#define VGA_CRTC_INDEX	0x3D4
#define VGA_CRTC_DATA	0x3D5
#define CRTC_CURSOR_HI	0x0E
#define CRTC_CURSOR_LO	0x0F
#define VGA_DEFAULT_ATTR 0x07		/* light grey on black */
#define ESC_MAXPARAMS	4

static volatile uint16_t *vga_mem = (uint16_t *)PTOV(VGA_TEXT_PA);
static int vga_row, vga_col;
static uint8_t vga_attr = VGA_DEFAULT_ATTR;

/* Escape parser: 0 normal, 1 after ESC, 2 inside "ESC [". */
static int esc_state;
static int esc_params[ESC_MAXPARAMS], esc_nparams;

/* ANSI colour order (black red green yellow blue magenta cyan white) to VGA's. */
static const uint8_t ansi_to_vga[8] = { 0, 4, 2, 6, 1, 5, 3, 7 };

static void
vga_set_cursor(void)
{
	u_int pos = vga_row * VGA_COLS + vga_col;

	outb(VGA_CRTC_INDEX, CRTC_CURSOR_HI);
	outb(VGA_CRTC_DATA, pos >> 8);
	outb(VGA_CRTC_INDEX, CRTC_CURSOR_LO);
	outb(VGA_CRTC_DATA, pos & 0xff);
}

static void
vga_clear_rows(int from, int to)
{
	int i;

	for (i = from * VGA_COLS; i < to * VGA_COLS; i++)
		vga_mem[i] = (vga_attr & 0xf0) << 8 | ' ';
}

static void
vga_scroll(void)
{
	int i;

	for (i = 0; i < (VGA_ROWS - 1) * VGA_COLS; i++)
		vga_mem[i] = vga_mem[i + VGA_COLS];
	vga_clear_rows(VGA_ROWS - 1, VGA_ROWS);
	vga_row = VGA_ROWS - 1;
}

/* Apply one SGR (select graphic rendition) parameter. */
static void
vga_sgr(int p)
{
	if (p == 0)
		vga_attr = VGA_DEFAULT_ATTR;
	else if (p == 1)
		vga_attr |= 0x08;
	else if (p >= 30 && p <= 37)
		vga_attr = (vga_attr & 0xf8) | ansi_to_vga[p - 30];
	else if (p >= 90 && p <= 97)
		vga_attr = (vga_attr & 0xf0) | 0x08 | ansi_to_vga[p - 90];
	else if (p >= 40 && p <= 47)
		vga_attr = (vga_attr & 0x8f) | ansi_to_vga[p - 40] << 4;
}

/* The final character of "ESC [ params": carry the sequence out. */
static void
vga_csi(int c)
{
	int i;

	if (c == 'm') {
		if (esc_nparams == 0)
			vga_sgr(0);
		for (i = 0; i < esc_nparams; i++)
			vga_sgr(esc_params[i]);
	} else if (c == 'J') {
		vga_clear_rows(0, VGA_ROWS);
		vga_row = vga_col = 0;
	}
}

/* Feed one byte to the escape parser; returns 1 if it was part of one. */
static int
vga_escape(int c)
{
	if (esc_state == 0) {
		if (c != '\033')
			return 0;
		esc_state = 1;
		return 1;
	}
	if (esc_state == 1) {
		esc_state = (c == '[') ? 2 : 0;
		esc_nparams = 0;
		esc_params[0] = 0;
		return 1;
	}
	if (c >= '0' && c <= '9') {
		if (esc_nparams == 0)
			esc_nparams = 1;
		esc_params[esc_nparams - 1] =
		    esc_params[esc_nparams - 1] * 10 + (c - '0');
	} else if (c == ';') {
		if (esc_nparams == 0)
			esc_nparams = 1;
		if (esc_nparams < ESC_MAXPARAMS)
			esc_params[esc_nparams++] = 0;
	} else {
		vga_csi(c);
		esc_state = 0;
	}
	return 1;
}

static void
vga_putc(int c)
{
	if (vga_escape(c))
		return;
	switch (c) {
	case '\n':
		vga_col = 0;
		vga_row++;
		break;
	case '\r':
		vga_col = 0;
		break;
	case '\b':
		if (vga_col > 0)
			vga_col--;
		break;
	case '\t':
		vga_col = (vga_col + 8) & ~7;
		break;
	default:
		vga_mem[vga_row * VGA_COLS + vga_col] = vga_attr << 8 | (u_char)c;
		vga_col++;
		break;
	}
	if (vga_col >= VGA_COLS) {
		vga_col = 0;
		vga_row++;
	}
	if (vga_row >= VGA_ROWS)
		vga_scroll();
	vga_set_cursor();
}

static const struct consdev vga_cons = { "vga", vga_putc };

/* Clear the screen and become a console. */
void
vga_cninit(void)
{
	vga_attr = VGA_DEFAULT_ATTR;
	vga_clear_rows(0, VGA_ROWS);
	vga_row = vga_col = 0;
	vga_set_cursor();
	cn_attach(&vga_cons);
}

/* The character at a screen cell, for tests. */
int
vga_char_at(int row, int col)
{
	return vga_mem[row * VGA_COLS + col] & 0xff;
}

/* The attribute at a screen cell, for tests. */
int
vga_attr_at(int row, int col)
{
	return vga_mem[row * VGA_COLS + col] >> 8;
}

void
vga_cursor(int *row, int *col)
{
	*row = vga_row;
	*col = vga_col;
}
