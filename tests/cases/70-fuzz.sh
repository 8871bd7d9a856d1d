# A short libFuzzer run (make check builds build/fuzz/fuzz_scan): the kept
# regression inputs replay cleanly, and FUZZ_SECONDS of fuzzing from the
# examples' objects finds no crash, leak or hang.
if [ -z "${FUZZ_SCAN:-}" ]; then
	echo "# fuzz tests skipped: FUZZ_SCAN not set (make check sets it)"
	return 0 2>/dev/null || exit 0
fi
case $FUZZ_SCAN in /*) ;; *) FUZZ_SCAN=$top/$FUZZ_SCAN ;; esac
F=$B/fuzz
rm -rf "$F"
mkdir -p "$F/corpus" "$F/seeds"
for f in "$top"/examples/inline-cases/main.c "$top"/examples/tracing/tracing.c; do
	gcc -O2 -g -c -o "$F/seeds/$(basename "$f" .c).o" "$f"
done
"$INLSCAN" scan --json --all --sites -o "$F/seeds/report.json" "$F/seeds/main.o"
opts=(-max_len=131072 -timeout=20 -rss_limit_mb=2048 -artifact_prefix="$F/crash-")
n=$(find "$top/tests/fuzz/regressions" -type f | wc -l)
"$FUZZ_SCAN" "${opts[@]}" "$top"/tests/fuzz/regressions/* >"$F/replay.log" 2>&1
check_eq "fuzz: $n kept regression inputs replay without a crash" 0 $?
"$FUZZ_SCAN" "${opts[@]}" -max_total_time="${FUZZ_SECONDS:-60}" \
	"$F/corpus" "$F/seeds" >"$F/fuzz.log" 2>&1
rc=$?
check_eq "fuzz: ${FUZZ_SECONDS:-60} s from the examples, no crash/leak/hang$(ls "$F"/crash-* 2>/dev/null | head -n 1 | sed 's/^/ (see /;s/$/)/')" 0 $rc
runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$F/fuzz.log")
check_true "fuzz: the fuzzer really ran (${runs:-0} runs)" test "${runs:-0}" -gt 100
