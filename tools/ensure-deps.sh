#!/bin/sh
# Make sure the build's tools are here. As root, apt-get installs what is
# missing (a fresh CI machine); otherwise one line names the packages.
set -u
locked=${1:-}
need=""
check() { command -v "$1" >/dev/null 2>&1 || need="$need $2"; }
check gcc gcc
check make make
check ld binutils
check objcopy binutils
check python3 python3
check grub-mkimage grub-common
check xorriso xorriso
check qemu-system-x86_64 qemu-system-x86
check gdb gdb
[ -d /usr/lib/grub/i386-pc ] || need="$need grub-pc-bin"
need=$(echo $need | tr ' ' '\n' | sort -u | tr '\n' ' ')
[ -z "${need# }" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	# make -j2 runs this from several sub-makes at once: one takes the
	# lock and installs; the others wait, look again, find nothing missing.
	if [ "$locked" != --locked ]; then
		exec 9>/tmp/mmkernel-ensure-deps.lock
		flock 9
		exec sh "$0" --locked
	fi
	echo "  DEPS    installing:$need"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $need >/dev/null
	exit $?
fi
echo "missing build tools; install the packages:$need" >&2
exit 1
