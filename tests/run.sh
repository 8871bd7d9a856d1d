#!/usr/bin/env bash
# The whole test suite: analyzer unit tests, the examples built by gcc and
# clang in every LTO mode, input formats, bad inputs, and a real Debian
# kernel. Prints "N passed, N failed" last; exits non-zero on a failure.
set -u
cd "$(dirname "$0")/.."
top=$PWD
. tests/lib.sh

INLSCAN=${INLSCAN:-$top/inlscan}
TEST_ANALYZER=${TEST_ANALYZER:-}
case $INLSCAN in /*) ;; *) INLSCAN=$top/$INLSCAN ;; esac
# a sanitizer report must not pass for an ordinary exit 1
export ASAN_OPTIONS=exitcode=99:detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=halt_on_error=1:exitcode=98:print_stacktrace=1
B=$top/tests/build
rm -rf "$B"
mkdir -p "$B"

if [ -n "$TEST_ANALYZER" ]; then
	echo "# analyzer unit tests"
	out=$("$TEST_ANALYZER")
	rc=$?
	echo "$out" | sed 's/^/#   /'
	upass=$(echo "$out" | awk '/ passed, /{print $1}')
	ufail=$(echo "$out" | awk '/ passed, /{print $3}')
	check_eq "analyzer unit tests: none failed (of $upass)" "0 0" \
		"$rc ${ufail:-missing}"
	[ "${upass:-0}" -gt 0 ] && ok "analyzer unit tests ran ($upass)" ||
		not_ok "analyzer unit tests ran"
fi

for f in tests/cases/*.sh; do
	echo "# $f"
	. "$f"
done

finish
