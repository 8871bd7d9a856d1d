#!/usr/bin/env bash
# One case file of tests/cases/, alone: its own shell and its own build
# directory (tests/build/NAME), so that it depends on no other case.
#   tests/case.sh tests/cases/30-errors.sh
# Prints the checks and "N passed, N failed"; exits non-zero on a failure.
# INLSCAN (default ./inlscan), INLSCAN_KERNEL=0, INLSCAN_BOOT=0 and
# FUZZ_SCAN as for tests/run.sh.
set -u
case_file=$(realpath "$1")
cd "$(dirname "$0")/.."
top=$PWD
. tests/lib.sh

INLSCAN=${INLSCAN:-$top/inlscan}
case $INLSCAN in /*) ;; *) INLSCAN=$top/$INLSCAN ;; esac
# a sanitizer report must not pass for an ordinary exit 1
export ASAN_OPTIONS=exitcode=99:detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=halt_on_error=1:exitcode=98:print_stacktrace=1
name=$(basename "$case_file" .sh)
B=$top/tests/build/$name
rm -rf "$B"
mkdir -p "$B"

echo "# $name"
. "$case_file"
finish
