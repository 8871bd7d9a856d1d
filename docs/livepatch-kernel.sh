#!/usr/bin/env bash
# The manual run of docs/compare.md: Debian's linux-source-6.12, a small
# x86-64 config with LTO_CLANG_THIN, LIVEPATCH, DWARF 5 and md built in,
# built with clang 19 (LLVM=-19) before and after the md_run NULL check
# of the LTO/livepatch slides; then inlscan diff --livepatch on the two
# vmlinux.o, what kpatch-build and klp-build compare. Not part of make
# check (it builds a small kernel twice: minutes on 2 CPUs).
#   docs/livepatch-kernel.sh WORKDIR [INLSCAN]
# Needs: clang-19 lld-19 llvm-19 flex bison bc libelf-dev python3.
set -eu
work=${1:?usage: $0 WORKDIR [INLSCAN]}
inlscan=$(realpath "${2:-$(dirname "$0")/../inlscan}")
mkdir -p "$work"
cd "$work"
if [ ! -d src ]; then
	apt-get download linux-source-6.12
	dpkg-deb -x linux-source-6.12_*.deb pkg
	mkdir src
	tar -xf pkg/usr/src/linux-source-6.12.tar.xz -C src \
		--strip-components=1
fi
cd src
make="make LLVM=-19 -j$(nproc)"
$make tinyconfig
./scripts/config -e 64BIT -e MODULES -e SYSFS -e PROC_FS -e PRINTK \
	-e BLOCK -e KALLSYMS -e KALLSYMS_ALL -e FTRACE -e FUNCTION_TRACER \
	-e DYNAMIC_FTRACE -e LIVEPATCH -e MD -e BLK_DEV_MD \
	-e DEBUG_KERNEL -e DEBUG_INFO -e DEBUG_INFO_DWARF5 \
	-d DEBUG_INFO_NONE -d DEBUG_INFO_REDUCED \
	-d DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT \
	-d LTO_NONE -e LTO_CLANG_THIN -e EXPERT
$make olddefconfig
$make vmlinux
mkdir -p ../orig ../patched
cp vmlinux.o ../orig/
# the check at the top of md_run, after its declarations
python3 - <<'PY'
p = 'drivers/md/md.c'
s = open(p).read()
i = s.index('int md_run(struct mddev *mddev)\n{')
k = s.index('\n\n', i) + 1
s = s[:k] + '\n\tif (!mddev)\n\t\treturn -EINVAL;\n' + s[k:]
open(p, 'w').write(s)
PY
$make vmlinux
cp vmlinux.o ../patched/
cd ..
"$inlscan" diff --livepatch orig/vmlinux.o patched/vmlinux.o
