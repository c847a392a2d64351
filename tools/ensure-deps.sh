#!/bin/sh
# Make sure the build's tools are here. As root, apt-get installs what is
# missing (a fresh CI machine); otherwise one line names the packages.
#
#   ensure-deps.sh              the build and make test: the compilers,
#                               GRUB, QEMU, gdb, busybox-static (the
#                               default initramfs); musl-gcc, libcap's static
#                               library and Debian's linux-source-6.1 for
#                               the user tests and Linux's selftests/vm
#   ensure-deps.sh linux-ref    also make linux-ref's: Debian's Linux 6.1
#                               kernel image and cpio
set -u
group=${1:-build}
locked=${2:-}
need=""
check() { command -v "$1" >/dev/null 2>&1 || need="$need $2"; }
check_file() { [ -e "$1" ] || need="$need $2"; }
check gcc gcc
check make make
check ld binutils
check objcopy binutils
check python3 python3
check grub-mkimage grub-common
check xorriso xorriso
check qemu-system-x86_64 qemu-system-x86
check gdb gdb
check musl-gcc musl-tools
check busybox busybox-static
check_file /usr/src/linux-source-6.1.tar.xz linux-source-6.1
check_file /usr/lib/x86_64-linux-gnu/libcap.a libcap-dev
[ -d /usr/lib/grub/i386-pc ] || need="$need grub-pc-bin"
if [ "$group" = linux-ref ]; then
	check cpio cpio
	# The image the linux-image-amd64 meta-package names: the 6.1.0-N of
	# the linux-source-6.1 beside it.
	if ! ls /boot/vmlinuz-6.1.0-*-amd64 >/dev/null 2>&1; then
		need="$need linux-image-6.1-amd64"
	fi
fi
need=$(echo $need | tr ' ' '\n' | sort -u | tr '\n' ' ')
[ -z "${need# }" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	# make -j2 runs this from several sub-makes at once: one takes the
	# lock and installs; the others wait, look again, find nothing missing.
	if [ "$locked" != --locked ]; then
		exec 9>/tmp/mmkernel-ensure-deps.lock
		flock 9
		exec sh "$0" "$group" --locked
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null || exit 1
	case "$need" in *linux-image-6.1-amd64*)
		image=$(apt-cache depends linux-image-amd64 2>/dev/null |
			sed -n 's/.*Depends: \(linux-image-6\.1\.0-[0-9]*-amd64\)$/\1/p' | head -n 1)
		need=$(echo "$need" | sed "s/linux-image-6.1-amd64/${image:-linux-image-6.1.0-57-amd64}/")
	esac
	echo "  DEPS    installing:$need"
	apt-get install -y -qq --no-install-recommends $need >/dev/null
	exit $?
fi
echo "missing tools; install the packages:$need" >&2
exit 1
