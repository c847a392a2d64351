# SPDX-License-Identifier: GPL-2.0
#
# Build, run, test and benchmark the kernel. See README.md for the targets.
#
# Sources are found by folder, so a new file needs no edit here. The kernel
# links twice: once with an empty symbol table, then with the table generated
# from the first link (tools/kallsyms.py); .kallsyms follows .text, so no
# function moves between the two (checked after the second link).

CROSS_COMPILE ?=
CC      := $(CROSS_COMPILE)gcc
LD      := $(CROSS_COMPILE)ld
NM      := $(CROSS_COMPILE)nm
OBJCOPY := $(CROSS_COMPILE)objcopy
HOSTCC  ?= gcc
PYTHON  ?= python3

# Machine and command line for run/test/gdb/bench.
MEM     ?= 512M
SMP     ?= 1
CMDLINE ?=
ACCEL   ?= tcg
TIMEOUT ?= 300

ifeq ($(V),1)
Q :=
else
Q := @
endif

B := build
O := $(B)/obj

KERNEL_SRCS := $(wildcard boot/*.S arch/x86_64/*.c arch/x86_64/*.S kernel/*.c kernel/*/*.c \
		 lib/*.c lib/*.S mm/*.c mm/*/*.c drivers/*.c fs/*.c tests/kernel/*.c)
KERNEL_OBJS := $(patsubst %,$(O)/%.o,$(KERNEL_SRCS))

KCFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	   -ffreestanding -fno-builtin -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	   -mno-red-zone -mcmodel=kernel -mgeneral-regs-only -fno-pic -fno-pie \
	   -fno-stack-protector -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer \
	   -fno-asynchronous-unwind-tables -fno-strict-aliasing -fno-common \
	   -Iinclude -MMD -MP $(EXTRA_CFLAGS)
# make SLAB_FREELIST_HARDENED=1: obfuscated slab free pointers (mm/slab.h).
ifeq ($(SLAB_FREELIST_HARDENED),1)
KCFLAGS += -DCONFIG_SLAB_FREELIST_HARDENED
endif
KAFLAGS := -D__ASSEMBLER__ -Iinclude -MMD -MP
KLDFLAGS := -nostdlib -n -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments -T linker.ld

.PHONY: all run test bench gdb host-test clean deps compile_commands.json FORCE
all: $(B)/kernel.elf $(B)/kernel.iso

# ---- tools -----------------------------------------------------------------
# Installs what is missing when run as root (CI, a fresh machine); otherwise
# names the packages in one line.
deps: $(B)/.deps
$(B)/.deps: tools/ensure-deps.sh
	$(Q)mkdir -p $(B)
	$(Q)sh tools/ensure-deps.sh
	$(Q)touch $@

# ---- kernel ----------------------------------------------------------------
$(O)/%.c.o: %.c | $(B)/.deps
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(O)/%.S.o: %.S | $(B)/.deps
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $<")
	$(Q)$(CC) $(KAFLAGS) -c $< -o $@

$(B)/kallsyms0.S: tools/kallsyms.py
	@mkdir -p $(B)
	$(Q)$(PYTHON) tools/kallsyms.py --empty > $@

$(B)/%.o: $(B)/%.S
	$(Q)$(CC) $(KAFLAGS) -c $< -o $@

$(B)/kernel.pass1.elf: $(KERNEL_OBJS) $(B)/kallsyms0.o linker.ld
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KERNEL_OBJS) $(B)/kallsyms0.o

$(B)/kallsyms1.S: $(B)/kernel.pass1.elf tools/kallsyms.py
	$(Q)$(NM) -n $< | $(PYTHON) tools/kallsyms.py > $@

$(B)/kernel.elf: $(B)/kernel.pass1.elf $(B)/kallsyms1.o
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KERNEL_OBJS) $(B)/kallsyms1.o
	$(Q)$(NM) -n $@ | $(PYTHON) tools/kallsyms.py | cmp -s - $(B)/kallsyms1.S || \
		{ echo "kallsyms: text moved between links"; rm -f $@; exit 1; }

$(B)/kernel.iso: $(B)/kernel.elf tools/runtest.py
	@$(if $(Q),echo "  ISO     $@")
	$(Q)B=$(B) $(PYTHON) tools/runtest.py iso $< $@ --cmdline "$(CMDLINE)"

# ---- host tests (ASan + UBSan, same sources as the kernel) ---------------
# The pure code: no port I/O, no privileged instructions, nothing that
# needs the machine. lib/ must stay entirely pure.
HOST_KERNEL_SRCS := kernel/params.c arch/x86_64/e820.c mm/memblock.c arch/x86_64/acpi_tables.c
HOST_SRCS := $(wildcard lib/*.c) $(wildcard $(HOST_KERNEL_SRCS))
HOST_TESTS := $(wildcard tests/host/*_test.c) tests/host/kernel_shim.c tests/host/fake_phys.c \
	      tests/host/memblock_helpers.c
HOST_OBJS := $(patsubst %,$(B)/host/%.o,$(HOST_SRCS) $(HOST_TESTS))
HCFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror -Wno-unused-parameter \
	   -fsanitize=address,undefined -fno-sanitize-recover=all \
	   -fno-omit-frame-pointer -fno-builtin -fno-common -D__HOST_TEST__ \
	   -Iinclude -MMD -MP

$(B)/host/%.c.o: %.c | $(B)/.deps
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  HOSTCC  $<")
	$(Q)$(HOSTCC) $(HCFLAGS) -c $< -o $@.tmp
	$(Q)$(OBJCOPY) --redefine-syms=tests/host/libc-clash.syms $@.tmp $@
	$(Q)rm -f $@.tmp

$(B)/host/harness.o: tests/host/harness.c
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) -std=gnu11 -g -O1 -Wall -Wextra -Werror -fsanitize=address,undefined \
		-fno-sanitize-recover=all -c $< -o $@

$(B)/host/host_tests: $(HOST_OBJS) $(B)/host/harness.o
	@$(if $(Q),echo "  HOSTLD  $@")
	$(Q)$(HOSTCC) -fsanitize=address,undefined -o $@ $^

host-test: $(B)/host/host_tests
	$(Q)B=$(B) $(PYTHON) tools/runtest.py host $<

# ---- running ---------------------------------------------------------------
run: $(B)/kernel.elf
	$(Q)B=$(B) $(PYTHON) tools/runtest.py run --mem $(MEM) --smp $(SMP) --accel $(ACCEL) \
		--cmdline "$(CMDLINE)" $(B)/kernel.elf

# The kernel built with the hardening switches, for one boot of the suite.
$(B)/hardened/kernel.elf: FORCE
	$(Q)$(MAKE) --no-print-directory B=$(B)/hardened SLAB_FREELIST_HARDENED=1 $@

test: $(B)/kernel.elf $(B)/host/host_tests $(B)/hardened/kernel.elf
	$(Q)B=$(B) $(PYTHON) tools/runtest.py test --mem $(MEM) --smp $(SMP) --accel $(ACCEL) \
		--timeout $(TIMEOUT) --cmdline "$(CMDLINE)" --host $(B)/host/host_tests \
		--hardened $(B)/hardened/kernel.elf $(B)/kernel.elf

bench: $(B)/kernel.elf
	$(Q)B=$(B) $(PYTHON) tools/runtest.py bench --mem $(MEM) --cmdline "$(CMDLINE)" \
		--out $(B)/bench.txt $(B)/kernel.elf

gdb: $(B)/kernel.elf
	$(Q)B=$(B) $(PYTHON) tools/runtest.py gdb --mem $(MEM) --smp $(SMP) \
		--cmdline "$(CMDLINE)" $(B)/kernel.elf

compile_commands.json:
	$(Q)$(MAKE) -s clean
	$(Q)bear -- $(MAKE) -s all $(B)/host/host_tests

clean:
	$(Q)rm -rf $(B)

-include $(KERNEL_OBJS:.o=.d) $(HOST_OBJS:.o=.d)
