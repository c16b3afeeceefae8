/*
 * sys/kbd.h: turning PC keyboard scancodes (set 1) into characters, with
 * the US layout (kbd_us.c).  The state carries the modifiers between keys.
 */
#ifndef _SYS_KBD_H_
#define _SYS_KBD_H_

#include <stdint.h>

struct kbd_state {
	int	ks_shift;	/* shift keys down (a count: there are two) */
	int	ks_ctrl;	/* Ctrl keys down (left, and right after E0) */
	int	ks_alt;		/* Alt keys down */
	int	ks_capslock;	/* toggled by each press */
	int	ks_capsdown;	/* Caps Lock held: its auto-repeat must not
				 * toggle again */
	int	ks_held;	/* one bit per modifier key held (kbd_us.c) */
	int	ks_extended;	/* the last byte was the 0xE0 prefix */
};

#define KBD_MAXSEQ	4	/* longest output: ESC [ A */

/*
 * Feed one scancode byte; returns how many characters it produced (0 for
 * releases, modifiers and prefixes) and stores them in out[].
 */
int	kbd_translate(struct kbd_state *, uint8_t scancode,
	    char out[KBD_MAXSEQ]);

#endif /* _SYS_KBD_H_ */
