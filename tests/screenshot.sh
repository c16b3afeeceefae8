#!/usr/bin/env bash
# tests/screenshot.sh OUT.png: boot Tine in QEMU to the kernel monitor,
# type "spawn 2", "ps" and "trace fork" on the emulated keyboard, and save
# the VGA screen
# with QEMU's screendump.  "make screenshot" refreshes docs/screenshot.png.
set -eu
out=$1
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkfifo "$tmp/mon.in" "$tmp/mon.out"
qemu-system-i386 -nic none -display none -m 64 -cpu pentium \
    -cdrom "$root/build/test/monitor.iso" -serial "file:$tmp/serial.log" \
    -monitor "pipe:$tmp/mon" </dev/null >/dev/null 2>&1 &
qemu=$!
cat "$tmp/mon.out" > /dev/null &
exec 3>"$tmp/mon.in"
for _ in $(seq 1 100); do
	grep -q 'tine> ' "$tmp/serial.log" 2>/dev/null && break
	sleep 0.1
done
for word in "s p a w n spc 2" "p s" "t r a c e spc f o r k"; do
	for k in $word ret; do
		echo "sendkey $k" >&3
		sleep 0.05
	done
	sleep 0.3
done
echo "screendump $out -f png" >&3
sleep 1
echo "quit" >&3
wait "$qemu" || true
test -s "$out"
