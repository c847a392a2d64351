#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# linux-ref.sh: boot Debian's Linux 6.1 (linux-image-6.1.0-*-amd64, its
# vmlinuz from /boot) under QEMU on the user-test initramfs and print the
# runner's TAP: the reference every tests/user/ program and every Linux
# selftest we build must pass on (make linux-ref).
#
#   tools/linux-ref.sh INITRD [LIST] [-- EXTRA QEMU ARGS]
#   tools/linux-ref.sh --bench INITRD [-- EXTRA QEMU ARGS]
#
# --bench boots /tests/bench (tests/user/bench.c) as init instead, under
# -icount shift=0, and prints its "bench:" rows: Linux 6.1's figures for
# the user-space rows of BENCH.md (kept in $B/linux-ref-bench.txt).
#
# The machine is the benchmarks' (/work/shared/BENCH.md): -cpu max,-erms
# -m 1G -smp 1, software emulation. The initramfs gets one more part: a
# busybox-static (/bin/busybox, /bin/sh) for a shell when debugging
# (rdinit=/bin/sh). The runner is init (rdinit=/tests/runner) and runs
# /tests/list, or LIST (a path inside the initramfs, e.g.
# /tests/bench.list); it powers the machine off at the end. The console
# goes to $B/linux-ref.log (B=build by default); the exit status is
# tools/ktap.py's verdict on it.
set -eu
B=${B:-build}
here=$(dirname "$0")
bench=
if [ "$1" = --bench ]; then
	bench=1
	shift
fi
initrd=$1
shift
list=/tests/list
if [ $# -gt 0 ] && [ "$1" != -- ]; then
	list=$1
	shift
fi
[ $# -gt 0 ] && shift		# the "--"
newest_61() {
	ls /boot | sed -n 's/^vmlinuz-\(6\.1\.0-[0-9]*-amd64\)$/\1/p' | sort -V | tail -n 1
}
KVER=${LINUX_REF_KVER:-$(newest_61)}
if [ -z "$KVER" ]; then
	echo "linux-ref: no /boot/vmlinuz-6.1.0-*-amd64: install linux-image-6.1.0-N-amd64" \
	     "(sh tools/ensure-deps.sh linux-ref, as root)" >&2
	exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/busybox_list" <<LIST
dir /bin 0755 0 0
file /bin/busybox $(command -v busybox) 0755 0 0
slink /bin/sh busybox 0777 0 0
LIST
python3 "$here/gen_init_cpio.py" -t 1700000000 -o "$work/busybox.cpio" "$work/busybox_list"
cat "$initrd" "$work/busybox.cpio" > "$work/initrd.cpio"
boot() {	# LOG INIT ARGS [QEMU ARGS...]
	log=$1 init=$2 args=$3
	shift 3
	timeout "${LINUX_REF_TIMEOUT:-1800}" qemu-system-x86_64 -machine pc -cpu max,-erms \
		-accel tcg -m 1G -smp 1 -kernel "/boot/vmlinuz-$KVER" -initrd "$work/initrd.cpio" \
		-append "console=ttyS0 rdinit=$init quiet panic=-1 init_on_alloc=0 \
transparent_hugepage=madvise -- $args" \
		-display none -monitor none -serial "file:$log" -no-reboot "$@" </dev/null || true
}
if [ -n "$bench" ]; then
	echo "linux-ref: Linux $KVER, $initrd, /tests/bench under -icount shift=0" >&2
	boot "$B/linux-ref-bench.log" /tests/bench "" -icount shift=0 "$@"
	grep -a '^bench: ' "$B/linux-ref-bench.log" | tee "$B/linux-ref-bench.txt"
	grep -q '^bench: done' "$B/linux-ref-bench.txt"
	exit
fi
echo "linux-ref: Linux $KVER, $initrd, $list" >&2
boot "$B/linux-ref.log" /tests/runner "$list" "$@"
grep -a -v '^\[ *[0-9]' "$B/linux-ref.log" || true
python3 "$here/ktap.py" "$B/linux-ref.log"
