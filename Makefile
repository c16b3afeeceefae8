# Tine: the top-level Makefile.
#
# Everything is built here, into build/ (ignored by git):
#   make            build/tine.iso, a GRUB (multiboot2) CD image
#   make run        boot it in Bochs, VGA text drawn in this terminal
#   make qemu       boot it in QEMU, serial console on this terminal
#                   (RUN='/bin/prog args': run one program, then power off)
#   make debug      QEMU stopped at the first instruction, with a GDB stub
#   make test       host unit tests, then boots in QEMU (3 CPUs) and Bochs
#   make smoke      build and one QEMU boot running the kernel self-tests
#   make bench      the kernel benchmarks, in guest instructions
#   make profile    RUN=...: where a program's instructions go, by function
#   make deps       install the Debian packages the above need
#   make clean
# docs/testing.md and docs/debugging.md explain the targets in detail.

CROSS	?= i686-linux-gnu-
CC	:= $(CROSS)gcc
LD	:= $(CROSS)ld
AR	:= $(CROSS)ar
NM	:= $(CROSS)nm
NASM	:= nasm
HOSTCC	?= gcc
QEMU	?= qemu-system-i386
BOCHS	?= bochs

B	:= build

# The kernel is freestanding i486 code: no SSE/MMX/x87 (-mgeneral-regs-only,
# so the kernel never touches FPU state a user thread owns), no PIE (Debian's
# cross gcc defaults to it), frame pointers kept and no tail calls (which
# drop the caller's frame) for the panic backtrace.
# -march=i486 because gcc's i686 default emits cmov, which a 486 lacks.
KCFLAGS	:= -std=gnu11 -march=i486 -O2 -g -ffreestanding -fno-pie -fno-pic \
	   -fno-stack-protector -fno-omit-frame-pointer -fno-builtin \
	   -fno-optimize-sibling-calls \
	   -nostdlib -mgeneral-regs-only -fno-asynchronous-unwind-tables \
	   -fno-tree-loop-distribute-patterns \
	   -Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes
# -nostdinc: the kernel sees only its own headers and the compiler's
# freestanding ones (stdint.h, stddef.h, stdarg.h, stdbool.h).
KCPPFLAGS := -D_KERNEL -DDIAGNOSTIC -nostdinc \
	   -isystem $(shell $(CC) -print-file-name=include 2>/dev/null) \
	   -I$(B)/gen -Ikernel/include -Ikernel/arch/i386/include -Imm/include \
	   -MMD -MP
NASMFLAGS := -f elf32 -g -F dwarf -w+error -Ikernel/arch/i386/include/
LIBGCC	:= $(shell $(CC) -print-libgcc-file-name 2>/dev/null)
LDSCRIPT := kernel/arch/i386/kernel.ld
LDFLAGS	:= -m elf_i386 -nostdlib -T $(LDSCRIPT) --no-warn-rwx-segments

KSRCS	:= $(wildcard boot/*.asm) \
	   $(wildcard kernel/tests/*.c kernel/arch/i386/tests/*.c) \
	   $(wildcard kernel/*.c kernel/libkern/*.c) \
	   $(wildcard kernel/arch/i386/*.c kernel/arch/i386/*.asm) \
	   $(wildcard mm/*.c mm/tests/*.c)
KOBJS	:= $(patsubst %,$(B)/%.o,$(basename $(KSRCS)))

# The system call tables, generated from kernel/syscalls.master.
GEN	:= $(B)/gen
GENHDRS	:= $(GEN)/sys/syscall.h $(GEN)/sys/syscallargs.h
GENSRCS	:= $(GEN)/init_sysent.c $(GEN)/syscallnames.c
KOBJS	+= $(GENSRCS:.c=.o)

# User programs (user/): static i386 ELF executables linked at 16 MiB
# with crt0, the libc and the system call stubs generated from
# syscalls.master; they go into the ramdisk (a ustar archive GRUB loads
# as a module), bin/NAME from user/bin/NAME.c.
UCFLAGS	:= -std=gnu11 -march=i486 -O2 -g -ffreestanding -fno-pie -fno-pic \
	   -fno-omit-frame-pointer \
	   -fno-stack-protector -fno-builtin -nostdinc \
	   -isystem $(shell $(CC) -print-file-name=include 2>/dev/null) \
	   -Iuser/include -I$(GEN) -Ikernel/include -Imm/include \
	   -idirafter kernel/arch/i386/include \
	   -Wall -Wextra -Werror -Wstrict-prototypes -MMD -MP
ULDFLAGS := -m elf_i386 -static -nostdlib -e _start --build-id=none \
	   -z max-page-size=4096 -z noexecstack -Ttext-segment=0x01000000
# Every user/lib/*.c is part of the libc, an archive: a program links the
# files whose functions it uses (and what they use), not all of them.
# The NASM files of user/lib/ other than crt0 (tcb.asm) go in with them.
ULIBC	:= $(patsubst user/lib/%.c,$(B)/user/lib/%.o,$(wildcard user/lib/*.c)) \
	   $(patsubst user/lib/%.asm,$(B)/user/lib/%.o,\
	   $(filter-out user/lib/crt0.asm,$(wildcard user/lib/*.asm))) \
	   $(B)/user/gen/syscalls.o
ULIBA	:= $(B)/user/libc.a
ULIBOBJS := $(B)/user/lib/crt0.o $(ULIBC)
UPROGS	:= $(patsubst user/%.c,$(B)/root/%,\
	   $(wildcard user/bin/*.c user/sbin/*.c user/regress/*.c))
UETC	:= $(patsubst user/etc/%,$(B)/root/etc/%,$(wildcard user/etc/*))
# Scripts the regress programs run (/regress/sh runs user/regress/*.sh).
URSCRIPTS := $(patsubst user/regress/%,$(B)/root/regress/%,\
	   $(wildcard user/regress/*.sh))
# A program too big for one file is a directory, user/bin/NAME/*.c (with
# its own headers beside them), linked into bin/NAME.
UPROGDIRS := $(patsubst user/bin/%/,%,$(wildcard user/bin/*/))
UPROGS	+= $(patsubst %,$(B)/root/bin/%,$(UPROGDIRS))
UDIROBJS := $(patsubst user/%.c,$(B)/user/%.o,\
	   $(foreach d,$(UPROGDIRS),$(wildcard user/bin/$(d)/*.c)))
RAMDISK	:= $(B)/ramdisk.tar

.PHONY: all deps run qemu debug test smoke bench profile screenshot host-tests \
	boot-tests \
	clean
all: $(B)/tine.iso

# "make V=1" shows the full commands.
ifeq ($(V),1)
Q	:=
say	:= @true
else
Q	:= @
say	:= @printf '  %-6s %s\n'
endif

# A change of flags here must rebuild the kernel; so must a new system
# call table.
$(KOBJS): Makefile $(GENHDRS)

$(GENHDRS) $(GENSRCS) $(GEN)/user/syscalls.asm &: kernel/syscalls.master \
    kernel/makesyscalls.pl
	@mkdir -p $(GEN)/sys
	$(say) GEN $(GEN)
	$(Q)perl kernel/makesyscalls.pl kernel/syscalls.master $(GEN)

$(GEN)/%.o: $(GEN)/%.c
	$(say) CC $<
	$(Q)$(CC) $(KCFLAGS) $(KCPPFLAGS) -c $< -o $@

$(B)/user/%.o: user/%.c $(GENHDRS) Makefile
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(UCFLAGS) -c $< -o $@

$(B)/user/lib/%.o: user/lib/%.asm
	@mkdir -p $(dir $@)
	$(say) NASM $<
	$(Q)$(NASM) -f elf32 -g -F dwarf -w+error $< -o $@

$(B)/user/gen/syscalls.o: $(GEN)/user/syscalls.asm
	@mkdir -p $(dir $@)
	$(say) NASM $<
	$(Q)$(NASM) -f elf32 -g -F dwarf -w+error $< -o $@

# D: no dates or owners in the archive, so a build is reproducible.
$(ULIBA): $(ULIBC)
	$(say) AR $@
	$(Q)rm -f $@
	$(Q)$(AR) rcsD $@ $(ULIBC)

$(B)/root/%: $(B)/user/%.o $(B)/user/lib/crt0.o $(ULIBA)
	@mkdir -p $(dir $@)
	$(say) LD $@
	$(Q)$(LD) $(ULDFLAGS) -o $@ $(B)/user/lib/crt0.o $< $(ULIBA) $(LIBGCC)

# bin/NAME from the objects of user/bin/NAME/ (an explicit rule for each
# directory, which wins over the one-file pattern above).
define UPROG_DIR
$(B)/root/bin/$(1): $(patsubst user/%.c,$(B)/user/%.o,\
    $(wildcard user/bin/$(1)/*.c)) $(B)/user/lib/crt0.o $(ULIBA)
	@mkdir -p $$(dir $$@)
	$$(say) LD $$@
	$$(Q)$$(LD) $$(ULDFLAGS) -o $$@ $$(B)/user/lib/crt0.o \
	    $$(filter-out $$(B)/user/lib/crt0.o $$(ULIBA),$$^) $$(ULIBA) \
	    $$(LIBGCC)
endef
$(foreach d,$(UPROGDIRS),$(eval $(call UPROG_DIR,$(d))))

$(B)/root/etc/%: user/etc/%
	@mkdir -p $(dir $@)
	$(Q)cp $< $@

$(B)/root/regress/%.sh: user/regress/%.sh
	@mkdir -p $(dir $@)
	$(Q)cp $< $@

.SECONDARY: $(ULIBOBJS) $(UDIROBJS) $(patsubst user/%.c,$(B)/user/%.o,\
	   $(wildcard user/bin/*.c user/sbin/*.c user/regress/*.c))

# The ramdisk: owner, times and order fixed, so a build is reproducible.
$(RAMDISK): $(UPROGS) $(UETC) $(URSCRIPTS)
	$(say) TAR $@
	$(Q)tar --format=ustar --owner=0 --group=0 --numeric-owner \
	    --mtime=@0 --sort=name -cf $@ -C $(B)/root .

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(KCFLAGS) $(KCPPFLAGS) -c $< -o $@

$(B)/%.o: %.asm
	@mkdir -p $(dir $@)
	$(say) NASM $<
	$(Q)$(NASM) $(NASMFLAGS) -MD $(@:.o=.d) -MP $< -o $@

# The kernel is linked twice.  Pass 1 has an empty symbol table; its text
# symbols become build/ksyms.asm, the table the panic backtrace reads.  The
# .ksyms section is the last one in the image (kernel.ld), so adding the table
# in pass 2 moves no other symbol: the cmp below proves it on every build.
$(B)/kernel-pass1.elf: $(KOBJS) $(B)/ksyms-empty.o $(LDSCRIPT)
	$(say) LD $@
	$(Q)$(LD) $(LDFLAGS) -o $@ $(KOBJS) $(B)/ksyms-empty.o $(LIBGCC)

$(B)/ksyms-empty.asm:
	@mkdir -p $(B)
	printf 'section .ksyms\nglobal ksyms_count, ksyms_table\nksyms_count: dd 0\nksyms_table:\nsection .note.GNU-stack noalloc noexec nowrite progbits\n' > $@

$(B)/ksyms-empty.o $(B)/ksyms.o: %.o: %.asm
	$(Q)$(NASM) $(NASMFLAGS) $< -o $@

$(B)/ksyms.asm: $(B)/kernel-pass1.elf kernel/mkksyms
	$(say) KSYMS $@
	$(Q)$(NM) -n --defined-only $< | kernel/mkksyms > $@

$(B)/kernel.elf: $(B)/kernel-pass1.elf $(B)/ksyms.o
	$(say) LD $@
	$(Q)$(LD) $(LDFLAGS) -o $@ $(KOBJS) $(B)/ksyms.o $(LIBGCC)
	@$(NM) -n $< | grep -vE 'ksym|kernel_end' > $(B)/pass1.syms
	@$(NM) -n $@ | grep -vE 'ksym|kernel_end' > $(B)/pass2.syms
	@cmp -s $(B)/pass1.syms $(B)/pass2.syms || \
	    { echo "ksyms: pass 2 moved a symbol; see kernel.ld"; exit 1; }
	@grub-file --is-x86-multiboot2 $@ || \
	    { echo "$@ has no valid multiboot2 header"; exit 1; }

# The user ISO: a GRUB menu (iso/grub.cfg) over the kernel.
$(B)/tine.iso: $(B)/kernel.elf iso/grub.cfg $(RAMDISK)
	$(say) ISO $@
	$(Q)iso/mkiso $@ $(B)/kernel.elf iso/grub.cfg $(RAMDISK)

# Test ISOs: one per kernel command line in tests/boot/cmdline/, booted at
# once (timeout 0) so a test run never waits at the menu.
TEST_CMDLINES := $(wildcard tests/boot/cmdline/*)
TEST_ISOS := $(patsubst tests/boot/cmdline/%,$(B)/test/%.iso,$(TEST_CMDLINES))
$(B)/test/%.iso: tests/boot/cmdline/% $(B)/kernel.elf iso/grub-test.cfg.in \
    $(RAMDISK)
	@mkdir -p $(B)/test
	$(Q)sed "s|@CMDLINE@|$$(cat $<)|" iso/grub-test.cfg.in > $(B)/test/$*.cfg
	$(say) ISO $@
	$(Q)iso/mkiso $@ $(B)/kernel.elf $(B)/test/$*.cfg $(RAMDISK)

# A copy of the kernel that also carries a multiboot (version 1) header, for
# the test that boots it with the wrong loader (QEMU's -kernel).
$(B)/test/kernel-mb1.elf: $(KOBJS) $(B)/ksyms.o $(B)/tests/fixtures/mb1.o
	@mkdir -p $(B)/test
	$(say) LD $@
	$(Q)$(LD) $(LDFLAGS) -o $@ $(B)/tests/fixtures/mb1.o $(KOBJS) \
	    $(B)/ksyms.o $(LIBGCC)

# ---- host unit tests (cmocka): pure kernel and libc code built for the host -
# Each tests/host/test_NAME.c is a unity build: it includes the C library,
# cmocka and tests/host/host_shim.h, then the kernel files it tests
# (test_libc.c: user/lib files, renamed, compared with glibc; hence -lm).  The
# kernel's include directories come after the system ones (-idirafter):
# glibc's <sys/types.h> wins, kernel-only headers (<sys/systm.h>,
# <machine/multiboot2.h>) are still found.  -D_KERNEL as in KCPPFLAGS.
# AddressSanitizer and UBSan: any finding ends the binary, a failure to prove.
# Each binary prints TAP: prove --exec '' build/host/test_*
HOST_TESTS := $(patsubst tests/host/%.c,$(B)/host/%,$(wildcard tests/host/test_*.c))
HOSTCFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wstrict-prototypes \
	-Wmissing-prototypes -D_KERNEL -fsanitize=address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer \
	-idirafter kernel/include -idirafter kernel/arch/i386/include -idirafter mm/include
# Dependencies go to $(B)/host/deps/ (so build/host/test_* is only the
# binaries), and with -MD, not -MMD: the kernel headers are system headers
# here, and a change to one must rebuild the tests.
$(B)/host/%: tests/host/%.c
	@mkdir -p $(B)/host/deps
	$(say) HOSTCC $@
	$(Q)$(HOSTCC) $(HOSTCFLAGS) -pthread -MD -MP -MF $(B)/host/deps/$*.d \
	    -o $@ $< -lcmocka -lm

host-tests: deps $(HOST_TESTS)
boot-tests: deps $(B)/tine.iso $(TEST_ISOS) $(B)/test/kernel-mb1.elf

# ---- running ----------------------------------------------------------------
# Debian packages: the cross compiler, NASM, GRUB and xorriso for the ISO,
# both emulators with their firmware, and the host test tools.
DEPS	:= gcc-i686-linux-gnu binutils-i686-linux-gnu nasm grub-pc-bin \
	   grub-common xorriso mtools qemu-system-x86 seabios bochs bochsbios \
	   vgabios bochs-term gcc libc6-dev libcmocka-dev perl gdb
deps:
	@missing=$$(for p in $(DEPS); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
	    grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	    echo "deps: installing" $$missing; \
	    sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	    $$sudo apt-get update && \
	    $$sudo env DEBIAN_FRONTEND=noninteractive \
	        apt-get install -y --no-install-recommends $$missing; \
	fi

run: deps $(B)/tine.iso
	iso/bochs-run --interactive $(B)/tine.iso

# make qemu RUN='/bin/prog arg1 arg2': init runs that command instead of
# the shell (boot option run=, the words joined by commas), prints
# "run: exit N" or "run: signal N" on the serial port and powers off,
# which ends QEMU.  QEMU_EXTRA='-m 256 -cpu 486' adds flags to QEMU.
RUN ?=
QEMU_EXTRA ?=
empty :=
space := $(empty) $(empty)
comma := ,
RUNWORDS = $(subst $(space),$(comma),$(strip $(RUN)))
QEMU_DEBUG_EXIT := -device isa-debug-exit,iobase=0xf4,iosize=0x04
qemu: deps $(B)/tine.iso
ifeq ($(strip $(RUN)),)
	$(QEMU) -cdrom $(B)/tine.iso -m 64 -nic none -serial stdio \
	    $(QEMU_DEBUG_EXIT) $(QEMU_EXTRA)
else
	@mkdir -p $(B)/run
	$(Q)sed "s|@CMDLINE@|run=$(RUNWORDS)|" iso/grub-test.cfg.in \
	    > $(B)/run/run.cfg
	$(Q)iso/mkiso $(B)/run/run.iso $(B)/kernel.elf $(B)/run/run.cfg \
	    $(RAMDISK)
	$(QEMU) -cdrom $(B)/run/run.iso -m 64 -nic none -display none \
	    -serial stdio -no-reboot $(QEMU_DEBUG_EXIT) $(QEMU_EXTRA)
endif

debug: deps $(B)/tine.iso
	@echo "QEMU waits for GDB on :1234.  In another terminal:"
	@echo "    gdb -x $(B)/gdbinit"
	@printf '%s\n' 'file $(CURDIR)/$(B)/kernel.elf' \
	    'target remote localhost:1234' \
	    'hbreak init386' 'continue' > $(B)/gdbinit
	$(QEMU) -cdrom $(B)/tine.iso -m 64 -nic none -serial stdio -S -s \
	    -device isa-debug-exit,iobase=0xf4,iosize=0x04

# The suite: host unit tests, then every boot scenario in tests/boot/*.t, all
# run by prove(1), which ends with the summary line CI shows.
test: host-tests boot-tests
	prove -j2 -f --exec '' $(HOST_TESTS) tests/boot/*.t

# One QEMU boot running every kernel self-test (about 5 s).
smoke: deps $(B)/test/test.iso
	prove tests/boot/qemu-pentium3.t

# The kernel benchmarks in guest instructions (QEMU -icount shift=0).
bench: deps $(B)/test/bench.iso $(B)/test/run-forkbench.iso \
    $(B)/test/benchboot.iso
	tests/bench.sh

# make profile RUN='/bin/forkbench fork_exit_wait 20': the guest
# instructions between the program's two getppid() markers, function by
# function (tests/profile.pl; slow: QEMU logs every instruction).
profile: deps $(B)/tine.iso
	@mkdir -p $(B)/run
	$(Q)sed "s|@CMDLINE@|run=$(RUNWORDS)|" iso/grub-test.cfg.in \
	    > $(B)/run/profile.cfg
	$(Q)iso/mkiso $(B)/run/profile.iso $(B)/kernel.elf \
	    $(B)/run/profile.cfg $(RAMDISK)
	tests/profile.pl $(B)/run/profile.iso $(B)/kernel.elf \
	    $(B)/root$(firstword $(RUN))

# docs/screenshot.png: the VGA screen after a few monitor commands.
screenshot: deps $(B)/test/monitor.iso
	tests/screenshot.sh docs/screenshot.png

clean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' 2>/dev/null)
