/*
 * tests/host/test_kbd.c: host tests for kernel/kbd_us.c, PC scancode
 * set 1 to characters with the US layout (sys/kbd.h).
 *
 * Each test feeds kbd_translate() a sequence of scancode bytes, as the
 * 8042 would deliver them, and checks the characters that come out:
 * letters, both shift keys held and released, Caps Lock (alone and with
 * shift), Ctrl, releases, the 0xE0 keys (arrows as ESC [ A..D, keypad
 * Enter and /, the fake shifts), and codes the layout does not know.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "host_shim.h"
#include "../../kernel/kbd_us.c"

/* Make and break codes (break = make | 0x80). */
#define BRK(sc)		((sc) | 0x80)
#define K_ESC		0x01
#define K_1		0x02
#define K_2		0x03
#define K_MINUS		0x0C
#define K_BS		0x0E
#define K_TAB		0x0F
#define K_Q		0x10
#define K_A		0x1E
#define K_C		0x2E
#define K_Z		0x2C
#define K_ENTER		0x1C
#define K_LBRACKET	0x1A
#define K_SLASH		0x35
#define K_SPACE		0x39
#define K_F1		0x3B
#define K_F12		0x58
#define K_HOME		0x47	/* keypad 7 */

static struct kbd_state ks;

static int
reset(void **state)
{
	(void)state;
	memset(&ks, 0, sizeof(ks));
	return 0;
}

/*
 * Feed the bytes in order and collect every character produced, as a
 * NUL-terminated string in out (room for 64).  Each call must produce at
 * most KBD_MAXSEQ characters and return what it stored.
 */
static const char *
feed(const uint8_t *sc, size_t n)
{
	static char out[64];
	char seq[KBD_MAXSEQ];
	size_t len = 0, i;
	int k;

	for (i = 0; i < n; i++) {
		memset(seq, 0x55, sizeof(seq));
		k = kbd_translate(&ks, sc[i], seq);
		assert_in_range(k, 0, KBD_MAXSEQ);
		assert_true(len + k < sizeof(out));
		memcpy(out + len, seq, k);
		len += k;
	}
	out[len] = '\0';
	return out;
}

#define FEED(...) feed((const uint8_t[]){ __VA_ARGS__ },		\
	sizeof((const uint8_t[]){ __VA_ARGS__ }))

static void
test_letters_and_keys(void **state)
{
	(void)state;
	assert_string_equal(FEED(K_A, BRK(K_A), 0x30, BRK(0x30), K_C,
	    BRK(K_C)), "abc");
	assert_string_equal(FEED(K_Q, K_Z, K_SPACE, K_1, K_2, K_MINUS,
	    K_LBRACKET, K_SLASH), "qz 12-[/");
	assert_string_equal(FEED(K_ENTER, K_BS, K_TAB, K_ESC),
	    "\n\b\t\033");
	assert_string_equal(FEED(0x28, 0x29, 0x2B), "'`\\");
	/* Keypad keys without 0xE0, as with Num Lock on. */
	assert_string_equal(FEED(0x47, 0x52, 0x53, 0x37, 0x4A, 0x4E),
	    "70.*-+");
}

/* Releases produce nothing, whatever the key. */
static void
test_releases(void **state)
{
	int sc;

	(void)state;
	for (sc = 0x01; sc < 0x60; sc++)	/* BRK(0x60) is the E0 prefix */
		assert_string_equal(FEED(BRK(sc)), "");
	assert_int_equal(ks.ks_shift, 0);
	assert_int_equal(ks.ks_ctrl, 0);
	assert_int_equal(ks.ks_capslock, 0);
	assert_string_equal(FEED(K_A), "a");
}

static void
test_left_shift(void **state)
{
	(void)state;
	assert_string_equal(FEED(0x2A, K_A, BRK(K_A), K_1, BRK(0x2A), K_A,
	    K_1), "A!a1");
}

static void
test_right_shift(void **state)
{
	(void)state;
	assert_string_equal(FEED(0x36, K_Z, K_SLASH, K_LBRACKET, BRK(0x36),
	    K_Z), "Z?{z");
}

/* Both shifts down: releasing one leaves the other in force. */
static void
test_both_shifts(void **state)
{
	(void)state;
	assert_string_equal(FEED(0x2A, 0x36, K_A, BRK(0x2A), K_A, BRK(0x36),
	    K_A), "AAa");
	/* A release without its press (lost byte) does not go below zero. */
	assert_string_equal(FEED(BRK(0x2A), BRK(0x36), 0x2A, K_A), "A");
	assert_string_equal(FEED(BRK(0x2A), K_A), "a");
}

static void
test_caps_lock(void **state)
{
	(void)state;
	assert_string_equal(FEED(0x3A, BRK(0x3A), K_A, K_1, K_SLASH), "A1/");
	assert_int_equal(ks.ks_capslock, 1);
	assert_string_equal(FEED(0x3A, BRK(0x3A), K_A), "a");
	assert_int_equal(ks.ks_capslock, 0);
}

/* Shift with Caps Lock on: letters lower case, symbols still shifted. */
static void
test_shift_and_caps(void **state)
{
	(void)state;
	assert_string_equal(FEED(0x3A, BRK(0x3A), 0x2A, K_A, K_1, K_SLASH,
	    BRK(0x2A), K_A), "a!?A");
}

static void
test_ctrl(void **state)
{
	(void)state;
	assert_string_equal(FEED(0x1D, K_C, BRK(K_C), BRK(0x1D), K_C),
	    "\003c");
	assert_string_equal(FEED(0x1D, K_A, K_Z, K_1, K_SPACE, BRK(0x1D)),
	    "\001\0321 ");
	/* With shift or Caps Lock the letter is the same control char. */
	assert_string_equal(FEED(0x1D, 0x2A, K_C, BRK(0x2A), 0x3A, BRK(0x3A),
	    K_C, BRK(0x1D)), "\003\003");
	/* Right Ctrl is E0 1D.  (Caps Lock off again first.) */
	assert_string_equal(FEED(0x3A, BRK(0x3A)), "");
	assert_string_equal(FEED(0xE0, 0x1D, K_Q, 0xE0, BRK(0x1D), K_Q),
	    "\021q");
}

static void
test_arrows(void **state)
{
	(void)state;
	assert_string_equal(FEED(0xE0, 0x48), "\033[A");
	assert_string_equal(FEED(0xE0, 0x50), "\033[B");
	assert_string_equal(FEED(0xE0, 0x4D), "\033[C");
	assert_string_equal(FEED(0xE0, 0x4B), "\033[D");
	assert_string_equal(FEED(0xE0, BRK(0x48), 0xE0, BRK(0x4B)), "");
	/* Shift and Ctrl do not change them. */
	assert_string_equal(FEED(0x2A, 0xE0, 0x48, 0xE0, BRK(0x48), BRK(0x2A)),
	    "\033[A");
	/* The prefix applies to one key: the same code alone is keypad 8. */
	assert_string_equal(FEED(0xE0, 0x48, 0x48), "\033[A8");
}

static void
test_keypad_extended(void **state)
{
	(void)state;
	assert_string_equal(FEED(0xE0, K_ENTER, 0xE0, BRK(K_ENTER)), "\n");
	assert_string_equal(FEED(0xE0, K_SLASH, 0xE0, BRK(K_SLASH)), "/");
	assert_string_equal(FEED(0x2A, 0xE0, K_SLASH, BRK(0x2A)), "/");
}

/* E0 2A / E0 AA are fake shifts (around arrows with Num Lock): ignored. */
static void
test_fake_shifts(void **state)
{
	(void)state;
	assert_string_equal(FEED(0xE0, 0x2A, 0xE0, 0x48, 0xE0, BRK(0x48),
	    0xE0, BRK(0x2A)), "\033[A");
	assert_int_equal(ks.ks_shift, 0);
	assert_string_equal(FEED(K_A), "a");
	/* A fake release does not end a real shift. */
	assert_string_equal(FEED(0x2A, 0xE0, BRK(0x2A), K_A, 0xE0, BRK(0x36),
	    K_A, BRK(0x2A), K_A), "AAa");
}

/* Codes outside the layout produce nothing and change nothing. */
static void
test_unknown_codes(void **state)
{
	int sc;

	(void)state;
	assert_string_equal(FEED(0x00, K_F1, K_F12, 0x54, 0x56, 0x57), "");
	for (sc = 0x59; sc < 0x80; sc++)
		assert_string_equal(FEED(sc), "");
	/* 0xE0 keys with no character: Home, PgUp, Insert, Delete, PrtSc. */
	assert_string_equal(FEED(0xE0, K_HOME, 0xE0, 0x49, 0xE0, 0x52, 0xE0,
	    0x53, 0xE0, 0x37), "");
	assert_int_equal(ks.ks_shift, 0);
	assert_int_equal(ks.ks_ctrl, 0);
	assert_int_equal(ks.ks_capslock, 0);
	assert_int_equal(ks.ks_extended, 0);
	assert_string_equal(FEED(K_A), "a");
}

/* Alt is tracked, and does not change the character (yet). */
static void
test_alt(void **state)
{
	(void)state;
	assert_string_equal(FEED(0x38, K_A), "a");
	assert_int_equal(ks.ks_alt, 1);
	assert_string_equal(FEED(BRK(0x38), K_A), "a");
	assert_int_equal(ks.ks_alt, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_letters_and_keys, reset),
		cmocka_unit_test_setup(test_releases, reset),
		cmocka_unit_test_setup(test_left_shift, reset),
		cmocka_unit_test_setup(test_right_shift, reset),
		cmocka_unit_test_setup(test_both_shifts, reset),
		cmocka_unit_test_setup(test_caps_lock, reset),
		cmocka_unit_test_setup(test_shift_and_caps, reset),
		cmocka_unit_test_setup(test_ctrl, reset),
		cmocka_unit_test_setup(test_arrows, reset),
		cmocka_unit_test_setup(test_keypad_extended, reset),
		cmocka_unit_test_setup(test_fake_shifts, reset),
		cmocka_unit_test_setup(test_unknown_codes, reset),
		cmocka_unit_test_setup(test_alt, reset),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
