#!/bin/sh
# Install what inlscan and its tests need, from Debian's packages. Quick
# when everything is already there.
set -eu
pkgs="gcc make pkg-config libdw-dev libelf-dev libjansson-dev elfutils jq
binutils clang lld llvm clang-19 lld-19 llvm-19 dwz patch dwarves
chromium bpftrace python3 qemu-system-x86 busybox-static debuginfod"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing" >&2
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
