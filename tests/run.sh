#!/usr/bin/env bash
# The whole test suite: analyzer unit tests, the examples built by gcc and
# clang in every LTO mode, input formats, bad inputs, and a real Debian
# kernel. Prints "N passed, N failed" last; exits non-zero on a failure.
set -u
cd "$(dirname "$0")/.."
top=$PWD
. tests/lib.sh

INLSCAN=${INLSCAN:-$top/inlscan}
UNIT_TESTS=${UNIT_TESTS:-}
case $INLSCAN in /*) ;; *) INLSCAN=$top/$INLSCAN ;; esac
# a sanitizer report must not pass for an ordinary exit 1
export ASAN_OPTIONS=exitcode=99:detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=halt_on_error=1:exitcode=98:print_stacktrace=1
B=$top/tests/build
rm -rf "$B"
mkdir -p "$B"

# C unit tests: each prints "N passed, M failed" and exits non-zero on M
for unit in $UNIT_TESTS; do
	name=$(basename "$unit")
	echo "# $name"
	out=$("$unit")
	rc=$?
	echo "$out" | sed 's/^/#   /'
	upass=$(echo "$out" | awk '/ passed, /{print $1}')
	ufail=$(echo "$out" | awk '/ passed, /{print $3}')
	check_eq "$name: none failed (of $upass)" "0 0" "$rc ${ufail:-missing}"
	[ "${upass:-0}" -gt 0 ] && ok "$name ran ($upass)" ||
		not_ok "$name ran"
done

for f in tests/cases/*.sh; do
	echo "# $f"
	. "$f"
done

finish
