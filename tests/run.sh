#!/usr/bin/env bash
# The whole test suite: the C unit tests, then every case file of
# tests/cases/ on its own (tests/case.sh: its own shell and build
# directory): the examples built by gcc and clang in every LTO mode,
# input formats, bad inputs, a real Debian kernel, booted too. Prints
# "N passed, N failed" last; exits non-zero on a failure.
set -u
cd "$(dirname "$0")/.."
top=$PWD
. tests/lib.sh

UNIT_TESTS=${UNIT_TESTS:-}
export INLSCAN=${INLSCAN:-$top/inlscan}
rm -rf tests/build
mkdir -p tests/build

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

# each case alone, its output as it comes; its totals added to these
log=$(mktemp)
for f in tests/cases/*.sh; do
	tests/case.sh "$f" 2>&1 | tee "$log" |
		sed -u 's/^\([0-9]* passed, [0-9]* failed\)$/# \1/'
	rc=${PIPESTATUS[0]}
	last=$(tail -n 1 "$log")
	if [[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
		pass=$((pass + BASH_REMATCH[1]))
		fail=$((fail + BASH_REMATCH[2]))
		[ $rc = 0 ] || [ "${BASH_REMATCH[2]}" != 0 ] ||
			not_ok "$f: exit $rc with no failed check"
	else
		not_ok "$f: ended without its totals (exit $rc): $last"
	fi
done
rm -f "$log"

finish
