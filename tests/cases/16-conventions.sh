# JSON conventions in one place: --json on every command that writes JSON,
# compact by default and indented with -p (the same values), the same
# input object everywhere, {"error": ...} on stdout when --json fails
# before writing anything, diff's exit status as diff(1)'s, and diff on a
# report written without --all saying what it cannot compare. Expected
# values from tests/expected/inline-cases.txt and from the commands' own
# contracts (docs/json.md), checked with jq.
need_example gcc-nolto clang19-thin
bin=$B/gcc-nolto
thin=$B/clang19-thin
expected=$top/tests/expected/inline-cases.txt
# command line per command, the input last
runs=(
	"scan --json $bin"
	"denylist --json $bin"
	"probes --json $bin helper"
	"suffixes --json $thin"
	"diff --json $bin $thin"
	"whatif --json $bin"
)
for run in "${runs[@]}"; do
	# shellcheck disable=SC2086
	compact=$("$INLSCAN" $run)
	# shellcheck disable=SC2086
	pretty=$("$INLSCAN" $run -p)
	cmd=${run%% *}
	check_eq "$cmd --json: one line of JSON" "1 ok" \
		"$(printf '%s\n' "$compact" | wc -l) $(jq -e . <<<"$compact" >/dev/null && echo ok)"
	check_true "$cmd --json -p: a member per line" \
		test "$(printf '%s\n' "$pretty" | wc -l)" -gt 3
	check_eq "$cmd: -p holds the same values" "$(jq -S . <<<"$compact")" \
		"$(jq -S . <<<"$pretty")"
done
check_eq "denylist --json is --format json" \
	"$("$INLSCAN" denylist --format json "$bin")" "$("$INLSCAN" denylist --json "$bin")"
WANT_RC=2 expect_refusal "denylist --json --format ftrace says two things" \
	"say two things" denylist --json --format ftrace "$bin"

# one input object: the keys scan writes, in every document
keys=$("$INLSCAN" scan --json "$bin" | jq -c '.input | keys')
check_eq "suffixes: the input object of scan" "$keys" \
	"$("$INLSCAN" suffixes --json "$bin" | jq -c '.input | keys')"
check_eq "whatif: the input object of scan" "$keys" \
	"$("$INLSCAN" whatif --json "$bin" | jq -c '.input | keys')"
check_eq "probes: the input object of scan" "$keys" \
	"$("$INLSCAN" probes --json "$bin" helper | jq -c '.probes[0].input | keys')"
check_eq "diff: old and new are input objects" "$keys $keys" \
	"$("$INLSCAN" diff --json "$bin" "$bin" | jq -c '.old, .new | keys' | tr '\n' ' ' | sed 's/ $//')"

# errors on stdout as JSON, and on stderr as a line
out=$("$INLSCAN" scan --json "$B/missing" 2>"$B/err")
rc=$?
check_eq "scan --json, missing input: exit 1, {\"error\"} naming it on stdout" \
	"1 true" "$rc $(jq --arg p "$B/missing" '.error | contains($p)' <<<"$out")"
check_eq "... and the same line on stderr" "$(jq -r .error <<<"$out")" \
	"$(cat "$B/err")"
out=$("$INLSCAN" probes --json "$bin" no_such_function 2>/dev/null)
check_eq "probes --json, unknown function: {\"error\"} names it" true \
	"$(jq '.error | contains("no_such_function")' <<<"$out")"
check_eq "without --json an error leaves stdout empty" "" \
	"$("$INLSCAN" scan "$B/missing" 2>/dev/null)"

# diff as diff(1): 0 same, 1 what --fail-on names, 2 trouble
"$INLSCAN" diff --fail-on new-partial "$bin" "$bin" >/dev/null
check_eq "diff --fail-on, nothing new: 0" 0 $?
"$INLSCAN" diff --fail-on new-partial "$bin" "$thin" >/dev/null
check_eq "diff --fail-on new-partial, remote_only and lib_api partial under ThinLTO: 1" 1 $?
"$INLSCAN" diff --fail-on new-partial "$B/missing" "$thin" >/dev/null 2>&1
check_eq "diff with an unreadable input: 2 (trouble, not a difference)" 2 $?

# a report without --all lists no outline functions: the names outline in
# the other build and missing from it cannot be compared
"$INLSCAN" scan --json -o "$B/noall.json" "$bin"
json=$("$INLSCAN" diff --json "$B/noall.json" "$thin")
want=$(awk '$1 == "thin" && $3 == "outline" {print $2}' "$expected" | wc -l)
check_eq "diff from a report without --all: outline names in NEW not compared" \
	"$want" "$(jq .counts.not_compared <<<"$json")"
want=$(join <(awk '$1 == "nolto" && $3 == "outline" {print $2}' "$expected" | sort) \
	<(awk '$1 == "thin" && $3 == "partial" {print $2}' "$expected" | sort) | tr '\n' ' ')
check_eq "... partial in NEW, not listed in OLD: still newly partial" \
	"$want" "$(jq -r '[.changes[] | select(.old == null and .new.status == "partial") | .name] | sort | join(" ") + " "' <<<"$json")"
check_true "... and the text says why, with the fix" \
	grep -q "not compared.*OLD was" <<<"$("$INLSCAN" diff "$B/noall.json" "$thin" | tr '\n' ' ')"
