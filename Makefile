# SPDX-License-Identifier: GPL-2.0
#
# Build, run, test and benchmark the kernel. See README.md for the targets.
#
# Sources are found by folder: every .c and .S under a top-level folder
# other than build*, include, tests, tools and Documentation is kernel code,
# so a new file or a new folder (fs/, init/, block/, ipc/) needs no edit
# here. The kernel links twice: once with an empty symbol table, then with
# the table generated from the first link (tools/kallsyms.py); .kallsyms
# follows .text, so no function moves between the two (checked after the
# second link).
#
# Switches, each a configuration of the build in $(B) (build/ unless B=):
#   KTEST=1                   link the in-kernel suites and the benchmarks
#                             (tests/kernel/) into the image
#   DEBUG_VM=1                CONFIG_DEBUG_VM: VM_BUG_ON() and its kin check
#                             (include/linux/mmdebug.h)
#   SLAB_FREELIST_HARDENED=1  obfuscated slab free pointers (mm/slab.h)
# Flipping one rebuilds what it changes ($(B)/.cflags, $(B)/.objects).
# make test and make bench build their kernels below $(B), every switch
# named: ktest/ (tests), debug/ (tests, DEBUG_VM), hardened/ (tests,
# DEBUG_VM, SLAB_FREELIST_HARDENED); see Documentation/testing.md.

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

# The initramfs (see "initramfs" below); set here, before any rule names them.
INITRD ?= $(B)/initramfs.cpio
TEST_INITRD := $(B)/initramfs-test.cpio
TEST_INITRD_MTIME := 1700000000
GEN_CPIO := $(PYTHON) tools/gen_init_cpio.py
BUSYBOX ?= /bin/busybox

# Link order is the order of the registration tables (suites, benchmarks,
# shell commands, parameters) and of the image's layout, in which the test
# and benchmark figures were taken: these folders first, then any other
# top-level folder by name; in each, its own .c then .S files, then its
# subfolders' the same way.
LINK_FIRST := boot arch kernel lib mm drivers
SRC_DIRS := $(LINK_FIRST) $(filter-out $(LINK_FIRST) build% include tests tools Documentation, \
	$(patsubst %/,%,$(wildcard */)))
dir_srcs = $(wildcard $(1)/*.c) $(wildcard $(1)/*.S) \
	   $(foreach d,$(patsubst %/,%,$(wildcard $(1)/*/)),$(call dir_srcs,$(d)))
KERNEL_SRCS := $(foreach d,$(SRC_DIRS),$(call dir_srcs,$(d)))
TEST_SRCS := $(wildcard tests/kernel/*.c)
KERNEL_OBJS := $(patsubst %,$(O)/%.o,$(KERNEL_SRCS) $(if $(filter 1,$(KTEST)),$(TEST_SRCS)))

KCFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	   -ffreestanding -fno-builtin -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	   -mno-red-zone -mcmodel=kernel -mgeneral-regs-only -fno-pic -fno-pie \
	   -fno-stack-protector -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer \
	   -fno-asynchronous-unwind-tables -fno-strict-aliasing -fno-common \
	   -Iinclude -MMD -MP $(EXTRA_CFLAGS)
ifeq ($(DEBUG_VM),1)
KCFLAGS += -DCONFIG_DEBUG_VM
endif
ifeq ($(SLAB_FREELIST_HARDENED),1)
KCFLAGS += -DCONFIG_SLAB_FREELIST_HARDENED
endif
KAFLAGS := -D__ASSEMBLER__ -Iinclude -MMD -MP
KLDFLAGS := -nostdlib -n -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments -T linker.ld

.PHONY: all run test bench gdb host-test user-tests linux-ref linux-ref-bench clean deps \
	compile_commands.json FORCE
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
# Each stamp holds what it names and is rewritten only when that changes, so
# a switch flipped in $(B) recompiles (.cflags) or relinks (.objects).
define stamp
	@mkdir -p $(dir $@)
	@echo '$(1)' | cmp -s - $@ || echo '$(1)' > $@
endef
$(B)/.cflags: FORCE
	$(call stamp,$(KCFLAGS) | $(KAFLAGS))
$(B)/.objects: FORCE
	$(call stamp,$(KERNEL_OBJS))

$(O)/%.c.o: %.c $(B)/.cflags | $(B)/.deps
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(O)/%.S.o: %.S $(B)/.cflags | $(B)/.deps
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $<")
	$(Q)$(CC) $(KAFLAGS) -c $< -o $@

$(B)/kallsyms0.S: tools/kallsyms.py
	@mkdir -p $(B)
	$(Q)$(PYTHON) tools/kallsyms.py --empty > $@

$(B)/%.o: $(B)/%.S
	$(Q)$(CC) $(KAFLAGS) -c $< -o $@

$(B)/kernel.pass1.elf: $(KERNEL_OBJS) $(B)/kallsyms0.o linker.ld $(B)/.objects
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KERNEL_OBJS) $(B)/kallsyms0.o

$(B)/kallsyms1.S: $(B)/kernel.pass1.elf tools/kallsyms.py
	$(Q)$(NM) -n $< | $(PYTHON) tools/kallsyms.py > $@

$(B)/kernel.elf: $(B)/kernel.pass1.elf $(B)/kallsyms1.o
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KERNEL_OBJS) $(B)/kallsyms1.o
	$(Q)$(NM) -n $@ | $(PYTHON) tools/kallsyms.py | cmp -s - $(B)/kallsyms1.S || \
		{ echo "kallsyms: text moved between links"; rm -f $@; exit 1; }

$(B)/kernel.iso: $(B)/kernel.elf $(INITRD) tools/runtest.py
	@$(if $(Q),echo "  ISO     $@")
	$(Q)B=$(B) $(PYTHON) tools/runtest.py iso $< $@ --cmdline "$(CMDLINE)" --initrd "$(INITRD)"

# ---- initramfs -------------------------------------------------------------
# The archive GRUB hands over as the module "initrd" (init/initramfs.c
# unpacks it into the root tmpfs): $(B)/initramfs.cpio from usr/initramfs_list
# and Debian's busybox-static (BUSYBOX, its applet links from
# tools/busybox_list.sh) for make and make run, or INITRD=FILE. The test boots get their own, with
# every entry kind, in parts as an initramfs may come: a newc archive, a crc
# one and a gzip-compressed one, concatenated, then 16 KiB of zeros (padding
# the unpacker skips, and whole pages for free_initrd_mem() to give back)
# (tests/initramfs/, checked by tests/kernel/initramfs_test.c with the fixed
# mtime TEST_INITRD_MTIME). INITRD and TEST_INITRD are set at the top:
# a rule's prerequisites are expanded where the rule is read.

$(B)/initramfs.cpio: usr/initramfs_list $(shell find usr/initramfs -type f) tools/gen_init_cpio.py \
		tools/busybox_list.sh
	@mkdir -p $(B)
	@$(if $(Q),echo "  CPIO    $@")
	$(Q)sh tools/busybox_list.sh $(BUSYBOX) > $@.list
	$(Q)cat usr/initramfs_list >> $@.list
	$(Q)$(GEN_CPIO) -o $@ $@.list

$(TEST_INITRD): $(wildcard tests/initramfs/*) tools/gen_init_cpio.py
	@mkdir -p $(B)
	@$(if $(Q),echo "  CPIO    $@")
	$(Q)$(GEN_CPIO) -t $(TEST_INITRD_MTIME) -o $@.newc tests/initramfs/newc_list
	$(Q)$(GEN_CPIO) -t $(TEST_INITRD_MTIME) -c -o $@.crc tests/initramfs/crc_list
	$(Q)$(GEN_CPIO) -t $(TEST_INITRD_MTIME) tests/initramfs/gzip_list | gzip -n -9 > $@.gz
	$(Q)head -c 16384 /dev/zero > $@.pad
	$(Q)cat $@.newc $@.crc $@.gz $@.pad > $@
	$(Q)rm -f $@.newc $@.crc $@.gz $@.pad

# ---- user-space tests --------------------------------------------------------
# tests/user/*.c: static programs printing kselftest TAP (tests/user/kselftest.h),
# each built twice, with the host's gcc (glibc) and with musl-gcc, into
# $(B)/user/gcc/NAME and $(B)/user/musl/NAME. runner.c is the init program
# of the test boots that run them (Documentation/testing.md, "User space"),
# bench.c the user-space benchmark. $(USER_INITRD) is the test initramfs
# with a fourth, gzip'd part: /tests/{gcc,musl}/NAME, /tests/vm/NAME (the
# Linux 6.1 selftests below), /tests/runner and /tests/list (the order the
# runner follows). make linux-ref boots Debian's Linux 6.1 on it
# (tools/linux-ref.sh): every program must pass there.
USER_INITRD := $(B)/initramfs-user.cpio
USER_TOOLS := runner
USER_PROGS := $(filter-out $(USER_TOOLS) bench,$(basename $(notdir $(wildcard tests/user/*.c))))
USER_HDRS := $(wildcard tests/user/*.h)
USER_CFLAGS := -std=gnu11 -O2 -Wall -Wextra -Werror -Wno-unused-parameter -static -s
USER_PIE_PROGS := exec_calls mmap_calls
USER_BINS := $(foreach l,gcc musl,$(patsubst %,$(B)/user/$(l)/%,$(USER_PROGS) $(USER_TOOLS))) \
	     $(patsubst %,$(B)/user/pie/%,$(USER_PIE_PROGS))

# The benchmark: no libc at all (raw system calls), one binary.
$(B)/user/bench: tests/user/bench.c | $(B)/.deps
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  USERCC  $@")
	$(Q)$(HOSTCC) -std=gnu11 -O2 -Wall -Wextra -Werror -static -nostdlib -ffreestanding \
		-fno-builtin -fno-stack-protector -fno-pie -no-pie -s -o $@ $<

$(B)/user/gcc/%: tests/user/%.c $(USER_HDRS) | $(B)/.deps
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  USERCC  $@")
	$(Q)$(HOSTCC) $(USER_CFLAGS) -o $@ $<

# The static-PIE flavour (ET_DYN, loaded at a random base) of USER_PIE_PROGS.
$(B)/user/pie/%: tests/user/%.c $(USER_HDRS) | $(B)/.deps
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  PIECC   $@")
	$(Q)$(HOSTCC) $(filter-out -static,$(USER_CFLAGS)) -DUSER_STATIC_PIE -fPIE -static-pie -o $@ $<

$(B)/user/musl/%: tests/user/%.c $(USER_HDRS) | $(B)/.deps
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  MUSLCC  $@")
	$(Q)musl-gcc $(USER_CFLAGS) -o $@ $<

# Linux 6.1's tools/testing/selftests/vm, from Debian's linux-source-6.1,
# extracted below $(B) at build time (never into the tree): the programs of
# VM_SELFTESTS, static, with gcc; musl too where they build (VM_SELFTESTS_MUSL).
LINUX_SRC_TAR := /usr/src/linux-source-6.1.tar.xz
VM_SELFTESTS := map_fixed_noreplace mremap_dontunmap on-fault-limit map_populate mremap_test \
		madv_populate soft-dirty mlock-random-test mlock2-tests mrelease_test
VM_SELFTESTS_MUSL := map_fixed_noreplace mremap_dontunmap on-fault-limit map_populate mlock2-tests
# How run_vmtests.sh runs them: on-fault-limit as user nobody (root has no
# RLIMIT_MEMLOCK), mremap_test's 2 GiB mappings in a 512 MiB-1 GiB machine
# with overcommit_memory=1 (it writes only their first 4 MiB).
VM_OPTS_on-fault-limit := uid=65534
VM_OPTS_mremap_test := overcommit=1
VM_DIR := $(B)/linux-selftests/vm
VM_BINS := $(patsubst %,$(B)/user/vm/gcc/%,$(VM_SELFTESTS)) \
	   $(patsubst %,$(B)/user/vm/musl/%,$(VM_SELFTESTS_MUSL))

$(VM_DIR)/.extracted: | $(B)/.deps
	@mkdir -p $(B)/linux-selftests
	@$(if $(Q),echo "  TAR     $(LINUX_SRC_TAR) (selftests/vm)")
	$(Q)tar -xJf $(LINUX_SRC_TAR) -C $(B)/linux-selftests --strip-components=4 --wildcards \
		'*/tools/testing/selftests/vm/*' '*/tools/testing/selftests/kselftest.h'
	$(Q)touch $@

# sys/syscall.h forced in: mrelease_test uses __NR_process_mrelease without it (-1: ENOSYS).
VM_CFLAGS := -O2 -static -s -w -I$(VM_DIR)/.. -I$(VM_DIR) -include sys/syscall.h
# As their Makefile links them: some with vm_util.c, mlock-random-test with libcap.
vm_srcs = $(VM_DIR)/$(1).c $(if $(filter madv_populate soft-dirty,$(1)),$(VM_DIR)/vm_util.c)
vm_libs = -lrt -lpthread $(if $(filter mlock-random-test,$(1)),-lcap)
$(B)/user/vm/gcc/%: $(VM_DIR)/.extracted
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  VMCC    $@")
	$(Q)$(HOSTCC) $(VM_CFLAGS) -o $@ $(call vm_srcs,$*) $(call vm_libs,$*)

$(B)/user/vm/musl/%: $(VM_DIR)/.extracted
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  VMMUSL  $@")
	$(Q)musl-gcc $(VM_CFLAGS) -o $@ $(call vm_srcs,$*)

# The runner's lists: each program with gcc, then with musl; then Linux's.
# /tests/list is what the test boot runs; /tests/list.pending holds the
# programs that pass on Linux 6.1 but not yet here (USER_PENDING and
# VM_PENDING; Documentation/testing.md says why for each), for
# rdinit=/tests/runner with /tests/list.pending as init's argument.
USER_PENDING :=
VM_PENDING := soft-dirty
user_list = { for p in $(1); do echo "user gcc/$$p"; echo "user musl/$$p"; done; \
	      for p in $(2); do echo "user pie/$$p"; done; \
	      $(foreach p,$(3),echo "vm vm/gcc/$(p) $(VM_OPTS_$(p))";) \
	      $(foreach p,$(4),echo "vm vm/musl/$(p) $(VM_OPTS_$(p))";) }
# .programs changes when a program comes or goes (the stamp of the kernel's).
$(B)/user/.programs: FORCE
	$(call stamp,$(USER_PROGS) | $(USER_PIE_PROGS) | $(VM_SELFTESTS) | $(VM_SELFTESTS_MUSL) \
		| $(USER_PENDING) | $(VM_PENDING))

$(B)/user/list: Makefile $(B)/user/.programs
	@mkdir -p $(dir $@)
	$(Q)$(call user_list,$(filter-out $(USER_PENDING),$(USER_PROGS)),\
		$(filter-out $(USER_PENDING),$(USER_PIE_PROGS)),\
		$(filter-out $(VM_PENDING),$(VM_SELFTESTS)),\
		$(filter-out $(VM_PENDING),$(VM_SELFTESTS_MUSL))) > $@

$(B)/user/list.pending: Makefile $(B)/user/.programs
	@mkdir -p $(dir $@)
	$(Q)$(call user_list,$(filter $(USER_PENDING),$(USER_PROGS)),\
		$(filter $(USER_PENDING),$(USER_PIE_PROGS)),\
		$(filter $(VM_PENDING),$(VM_SELFTESTS)),\
		$(filter $(VM_PENDING),$(VM_SELFTESTS_MUSL))) > $@

$(B)/user/initramfs_list: Makefile $(B)/user/.programs
	@mkdir -p $(dir $@)
	$(Q){ echo "dir /tests 0755 0 0"; echo "dir /tmp 01777 0 0"; \
	      for d in gcc musl pie vm vm/gcc vm/musl; do echo "dir /tests/$$d 0755 0 0"; done; \
	      echo "file /tests/list $(B)/user/list 0644 0 0"; \
	      echo "file /tests/list.pending $(B)/user/list.pending 0644 0 0"; \
	      echo "file /tests/runner $(B)/user/gcc/runner 0755 0 0"; \
	      echo "file /tests/bench $(B)/user/bench 0755 0 0"; \
	      for f in $(patsubst $(B)/user/%,%,$(USER_BINS) $(VM_BINS)); do \
		echo "file /tests/$$f $(B)/user/$$f 0755 0 0"; done; } > $@

$(USER_INITRD): $(TEST_INITRD) $(B)/user/initramfs_list $(B)/user/list $(B)/user/list.pending \
		$(USER_BINS) $(VM_BINS) \
		$(B)/user/bench
	@$(if $(Q),echo "  CPIO    $@")
	$(Q)$(GEN_CPIO) -t $(TEST_INITRD_MTIME) $(B)/user/initramfs_list | gzip -n -6 > $@.gz
	$(Q)cat $(TEST_INITRD) $@.gz > $@
	$(Q)rm -f $@.gz

user-tests: $(USER_INITRD)

linux-ref: $(USER_INITRD)
	$(Q)sh tools/ensure-deps.sh linux-ref
	$(Q)B=$(B) sh tools/linux-ref.sh $(USER_INITRD)

# The user-space benchmark rows on Linux 6.1 (-icount shift=0), for BENCH.md's last column.
linux-ref-bench: $(USER_INITRD)
	$(Q)sh tools/ensure-deps.sh linux-ref
	$(Q)B=$(B) sh tools/linux-ref.sh --bench $(USER_INITRD)

# ---- host tests (ASan + UBSan, same sources as the kernel) ---------------
# The pure code: no port I/O, no privileged instructions, nothing that
# needs the machine. lib/ must stay entirely pure.
HOST_KERNEL_SRCS := kernel/params.c arch/x86_64/e820.c mm/memblock.c arch/x86_64/acpi_tables.c \
		    init/initramfs.c fs/binfmt_elf_check.c kernel/futex/op.c
HOST_SRCS := $(wildcard lib/*.c lib/crypto/*.c) $(wildcard $(HOST_KERNEL_SRCS))
HOST_TESTS := $(wildcard tests/host/*_test.c) tests/host/kernel_shim.c tests/host/fake_phys.c \
	      tests/host/memblock_helpers.c
HOST_OBJS := $(patsubst %,$(B)/host/%.o,$(HOST_SRCS) $(HOST_TESTS))
# tests/host/inflate_test.c's data: originals and what the host's gzip makes of them.
HOST_FIXTURES := $(B)/host/inflate_fixtures.o
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

$(B)/host/inflate_fixtures.S: tests/host/inflate_fixtures.py | $(B)/.deps
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  GEN     $@")
	$(Q)$(PYTHON) $< $(B)/host/inflate-fixtures > $@.tmp && mv $@.tmp $@

$(HOST_FIXTURES): $(B)/host/inflate_fixtures.S
	$(Q)$(HOSTCC) -c $< -o $@

$(B)/host/host_tests: $(HOST_OBJS) $(HOST_FIXTURES) $(B)/host/harness.o
	@$(if $(Q),echo "  HOSTLD  $@")
	$(Q)$(HOSTCC) -fsanitize=address,undefined -o $@ $^

host-test: $(B)/host/host_tests
	$(Q)B=$(B) $(PYTHON) tools/runtest.py host $<

# ---- running ---------------------------------------------------------------
# make run and make gdb boot $(B)/kernel.elf: the shell, without the test
# suites unless KTEST=1 (then the shell's "ktest run GLOB" runs them).
run: $(B)/kernel.elf $(INITRD)
	$(Q)B=$(B) $(PYTHON) tools/runtest.py run --mem $(MEM) --smp $(SMP) --accel $(ACCEL) \
		--cmdline "$(CMDLINE)" --initrd "$(INITRD)" $(B)/kernel.elf

# The kernels of make test and make bench, each a build of its own below $(B)
# with every switch named, so the command line's switches do not leak in.
NO_SWITCHES := KTEST= DEBUG_VM= SLAB_FREELIST_HARDENED=
$(B)/ktest/kernel.elf: FORCE
	$(Q)$(MAKE) --no-print-directory B=$(B)/ktest $(NO_SWITCHES) KTEST=1 $@
$(B)/debug/kernel.elf: FORCE
	$(Q)$(MAKE) --no-print-directory B=$(B)/debug $(NO_SWITCHES) KTEST=1 DEBUG_VM=1 $@
$(B)/hardened/kernel.elf: FORCE
	$(Q)$(MAKE) --no-print-directory B=$(B)/hardened $(NO_SWITCHES) KTEST=1 DEBUG_VM=1 \
		SLAB_FREELIST_HARDENED=1 $@

# Every suite on the DEBUG_VM build; one boot of the build without it; the
# plain image ($(B)/kernel.elf, no tests) must refuse ktest.run=all.
test: $(B)/host/host_tests $(B)/debug/kernel.elf $(B)/ktest/kernel.elf \
      $(B)/hardened/kernel.elf $(B)/kernel.elf $(TEST_INITRD) $(USER_INITRD)
	$(Q)B=$(B) $(PYTHON) tools/runtest.py test --mem $(MEM) --smp $(SMP) --accel $(ACCEL) \
		--timeout $(TIMEOUT) --cmdline "$(CMDLINE)" --host $(B)/host/host_tests \
		--initrd $(TEST_INITRD) --user-initrd $(USER_INITRD) \
		--nodebug $(B)/ktest/kernel.elf --hardened $(B)/hardened/kernel.elf \
		--plain $(B)/kernel.elf $(B)/debug/kernel.elf

# The benchmarks live beside the tests (tests/kernel/), measured without DEBUG_VM.
# The user-space rows (tests/user/bench.c) from a boot of their own, once the kernel can exec.
bench: $(B)/ktest/kernel.elf $(USER_INITRD)
	$(Q)B=$(B) $(PYTHON) tools/runtest.py bench --mem $(MEM) --cmdline "$(CMDLINE)" \
		--user-initrd $(USER_INITRD) --out $(B)/bench.txt $(B)/ktest/kernel.elf

gdb: $(B)/kernel.elf $(INITRD)
	$(Q)B=$(B) $(PYTHON) tools/runtest.py gdb --mem $(MEM) --smp $(SMP) \
		--cmdline "$(CMDLINE)" --initrd "$(INITRD)" $(B)/kernel.elf

# For clangd: the compile commands of every kernel, test and host object,
# from a dry run of this Makefile (nothing is built or removed).
compile_commands.json:
	$(Q)$(MAKE) --no-print-directory -nB V=1 KTEST=1 \
		$(patsubst %,$(O)/%.o,$(KERNEL_SRCS) $(TEST_SRCS)) $(HOST_OBJS) | \
		$(PYTHON) tools/gen_compile_commands.py > $@

clean:
	$(Q)rm -rf $(B)

-include $(KERNEL_OBJS:.o=.d) $(HOST_OBJS:.o=.d)
