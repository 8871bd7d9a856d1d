#!/bin/sh
# Print the path of a Debian kernel's vmlinux with full DWARF, fetching it
# the first time: the linux-image-6.12.*-<flavour>-dbg package holds the
# vmlinux and the debug .ko of every module. The tests and the benchmark
# use it; nothing else in the project needs the network.
#
#   tests/get-kernel.sh [-f FLAVOUR] [-d CACHE] [-b]
#
# -b prints instead the vmlinuz of the same version's bootable image
# (linux-image-...-unsigned, about 35 MB), for booting under QEMU.
#
# FLAVOUR: cloud-amd64 (default, about 280 MB to fetch, 1.8 GB unpacked) or
# amd64. CACHE: ${XDG_CACHE_HOME:-$HOME/.cache}/inlscan-corpus. The modules
# are under CACHE/PACKAGE/usr/lib/debug/lib/modules/. A package already in
# the cache is kept, so figures stay comparable between runs;
# INLSCAN_KERNEL_PKG names another one exactly.
set -eu
flavour=cloud-amd64
cache=${XDG_CACHE_HOME:-$HOME/.cache}/inlscan-corpus
boot=
while getopts f:d:b opt; do
	case $opt in
	f) flavour=$OPTARG ;;
	d) cache=$OPTARG ;;
	b) boot=1 ;;
	*) echo "usage: $0 [-f cloud-amd64|amd64] [-d CACHE] [-b]" >&2; exit 2 ;;
	esac
done
pattern="^linux-image-6\.12\..*-$flavour-dbg\$"
mkdir -p "$cache"

newest_cached() {
	ls "$cache" 2>/dev/null | grep -E "$pattern" | sort -V | tail -n 1
}

newest_listed() {
	apt-cache search --names-only "$pattern" | cut -d' ' -f1 |
		sort -V | tail -n 1
}

pkg=${INLSCAN_KERNEL_PKG:-$(newest_cached || true)}
if [ -z "$pkg" ]; then
	pkg=$(newest_listed)
	if [ -z "$pkg" ]; then
		apt-get update -qq >&2
		pkg=$(newest_listed)
	fi
fi
if [ -z "$pkg" ]; then
	echo "$0: apt knows no package matching $pattern; is Debian 12's main archive in the sources?" >&2
	exit 1
fi
# the package NAME unpacked into CACHE/NAME once
unpack() {
	[ -f "$cache/$1/.unpacked" ] && return 0
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	echo "fetching $1 ..." >&2
	(cd "$work" && apt-get download "$1" >&2)
	rm -rf "${cache:?}/$1"
	dpkg-deb -x "$work"/*.deb "$cache/$1"
	touch "$cache/$1/.unpacked"
	rm -rf "$work"
	trap - EXIT
}

if [ -n "$boot" ]; then
	image=${pkg%-dbg}-unsigned
	unpack "$image"
	ls "$cache/$image"/boot/vmlinuz-* | head -n 1
	exit 0
fi
unpack "$pkg"
dest=$cache/$pkg
ls "$dest"/usr/lib/debug/boot/vmlinux-* | head -n 1
