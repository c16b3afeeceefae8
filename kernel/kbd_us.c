/*
 * kernel/kbd_us.c: PC scancode set 1 to characters, US layout.
 *
 * The 8042 controller translates whatever the keyboard speaks into set 1:
 * one byte per key press (the "make" code), the same byte with bit 7 set
 * on release ("break"), and a 0xE0 prefix for the keys the original XT
 * keyboard lacked (right Ctrl, the arrow keys, keypad Enter).
 *
 *   Shift   0x2A, 0x36   held: upper row of each key
 *   Ctrl    0x1D         held: letters become control characters (^C = 3)
 *   Caps    0x3A         each press toggles; affects letters only
 *   arrows  E0 48/50/4D/4B   sent as ANSI sequences ESC [ A/B/C/D
 *
 * Pure C: tests/host/test_kbd.c feeds it scancode sequences.
 */

#include <stdint.h>
#include <sys/kbd.h>

#define SC_BREAK	0x80
#define SC_EXTENDED	0xE0
#define SC_LSHIFT	0x2A
#define SC_RSHIFT	0x36
#define SC_CTRL		0x1D
#define SC_ALT		0x38
#define SC_CAPSLOCK	0x3A
#define SC_UP		0x48
#define SC_DOWN		0x50
#define SC_RIGHT	0x4D
#define SC_LEFT		0x4B
#define SC_KP_ENTER	0x1C	/* after 0xE0 */
#define SC_KP_SLASH	0x35	/* after 0xE0 */
#define NKEYS		0x59

/* Unshifted and shifted characters, by make code; 0: no character. */
static const char keymap[NKEYS][2] = {
	[0x01] = { 033, 033 },
	[0x02] = { '1', '!' }, [0x03] = { '2', '@' }, [0x04] = { '3', '#' },
	[0x05] = { '4', '$' }, [0x06] = { '5', '%' }, [0x07] = { '6', '^' },
	[0x08] = { '7', '&' }, [0x09] = { '8', '*' }, [0x0A] = { '9', '(' },
	[0x0B] = { '0', ')' }, [0x0C] = { '-', '_' }, [0x0D] = { '=', '+' },
	[0x0E] = { '\b', '\b' }, [0x0F] = { '\t', '\t' },
	[0x10] = { 'q', 'Q' }, [0x11] = { 'w', 'W' }, [0x12] = { 'e', 'E' },
	[0x13] = { 'r', 'R' }, [0x14] = { 't', 'T' }, [0x15] = { 'y', 'Y' },
	[0x16] = { 'u', 'U' }, [0x17] = { 'i', 'I' }, [0x18] = { 'o', 'O' },
	[0x19] = { 'p', 'P' }, [0x1A] = { '[', '{' }, [0x1B] = { ']', '}' },
	[0x1C] = { '\n', '\n' },
	[0x1E] = { 'a', 'A' }, [0x1F] = { 's', 'S' }, [0x20] = { 'd', 'D' },
	[0x21] = { 'f', 'F' }, [0x22] = { 'g', 'G' }, [0x23] = { 'h', 'H' },
	[0x24] = { 'j', 'J' }, [0x25] = { 'k', 'K' }, [0x26] = { 'l', 'L' },
	[0x27] = { ';', ':' }, [0x28] = { '\'', '"' }, [0x29] = { '`', '~' },
	[0x2B] = { '\\', '|' },
	[0x2C] = { 'z', 'Z' }, [0x2D] = { 'x', 'X' }, [0x2E] = { 'c', 'C' },
	[0x2F] = { 'v', 'V' }, [0x30] = { 'b', 'B' }, [0x31] = { 'n', 'N' },
	[0x32] = { 'm', 'M' }, [0x33] = { ',', '<' }, [0x34] = { '.', '>' },
	[0x35] = { '/', '?' }, [0x37] = { '*', '*' }, [0x39] = { ' ', ' ' },
	/* keypad, as with Num Lock on */
	[0x47] = { '7', '7' }, [0x48] = { '8', '8' }, [0x49] = { '9', '9' },
	[0x4A] = { '-', '-' }, [0x4B] = { '4', '4' }, [0x4C] = { '5', '5' },
	[0x4D] = { '6', '6' }, [0x4E] = { '+', '+' }, [0x4F] = { '1', '1' },
	[0x50] = { '2', '2' }, [0x51] = { '3', '3' }, [0x52] = { '0', '0' },
	[0x53] = { '.', '.' },
};

/*
 * Count a modifier key going down or up.  A held key repeats its make
 * code, so each key is counted once, by a bit per key in *held.
 */
static void
kbd_count(int *count, int *held, int bit, int down)
{
	if (down && !(*held & bit)) {
		*held |= bit;
		(*count)++;
	} else if (!down && (*held & bit)) {
		*held &= ~bit;
		(*count)--;
	}
}

/* Track a modifier key; returns 1 if code was one. */
static int
kbd_modifier(struct kbd_state *ks, uint8_t code, int down, int extended)
{
	switch (code) {
	case SC_LSHIFT:
		kbd_count(&ks->ks_shift, &ks->ks_held, 1, down);
		return 1;
	case SC_RSHIFT:
		kbd_count(&ks->ks_shift, &ks->ks_held, 2, down);
		return 1;
	case SC_CTRL:
		kbd_count(&ks->ks_ctrl, &ks->ks_held, extended ? 8 : 4, down);
		return 1;
	case SC_ALT:
		kbd_count(&ks->ks_alt, &ks->ks_held, extended ? 32 : 16, down);
		return 1;
	case SC_CAPSLOCK:
		if (down && !ks->ks_capsdown)
			ks->ks_capslock = !ks->ks_capslock;
		ks->ks_capsdown = down;
		return 1;
	}
	return 0;
}

/* An 0xE0-prefixed key: arrows as ANSI sequences, keypad Enter and /. */
static int
kbd_extended(uint8_t code, char *out)
{
	static const struct { uint8_t sc; char dir; } arrows[] = {
		{ SC_UP, 'A' }, { SC_DOWN, 'B' }, { SC_RIGHT, 'C' },
		{ SC_LEFT, 'D' },
	};
	unsigned int i;

	if (code == SC_KP_ENTER) {
		out[0] = '\n';
		return 1;
	}
	if (code == SC_KP_SLASH) {
		out[0] = '/';
		return 1;
	}
	for (i = 0; i < sizeof(arrows) / sizeof(arrows[0]); i++) {
		if (arrows[i].sc == code) {
			out[0] = 033;
			out[1] = '[';
			out[2] = arrows[i].dir;
			return 3;
		}
	}
	return 0;
}

int
kbd_translate(struct kbd_state *ks, uint8_t sc, char out[KBD_MAXSEQ])
{
	int down = (sc & SC_BREAK) == 0, extended = ks->ks_extended;
	uint8_t code = sc & ~SC_BREAK;
	char c;

	if (sc == SC_EXTENDED) {
		ks->ks_extended = 1;
		return 0;
	}
	ks->ks_extended = 0;
	/* E0 2A / E0 AA are fake shifts some keyboards send: ignore. */
	if (extended && (code == SC_LSHIFT || code == SC_RSHIFT))
		return 0;
	if (kbd_modifier(ks, code, down, extended) || !down)
		return 0;
	if (extended)
		return kbd_extended(code, out);
	if (code >= NKEYS || (c = keymap[code][ks->ks_shift > 0]) == 0)
		return 0;
	if (c >= 'a' && c <= 'z' && ks->ks_capslock)
		c -= 'a' - 'A';
	else if (c >= 'A' && c <= 'Z' && ks->ks_capslock)
		c += 'a' - 'A';
	if (ks->ks_ctrl && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		c &= 0x1f;
	out[0] = c;
	return 1;
}
