# show: one function's story, in text and JSON, with names, globs and a
# copy's symbol. Expected values from tests/expected/inline-cases.txt
# (reasoned from the source), the direct calls the source makes, and
# readelf.
need_example gcc-nolto clang19-thin
bin=$B/gcc-nolto
thin=$B/clang19-thin
expected=$top/tests/expected/inline-cases.txt
text=$("$INLSCAN" show helper "$bin")
check_true "show helper: partial, a trace misses its inlined calls" \
	grep -q '^  partial; incomplete' <<<"$text"
# helper is inlined twice into main and never called directly
check_true "show helper: sees 0 of 2 calls" \
	grep -q 'a trace on helper sees 0 of 2 calls (2 inlined, 0 direct' <<<"$text"
check_eq "show helper: its sites grouped under main, as the table says" \
	"main ($(awk '$1 == "nolto" && $2 == "helper" {print $5}' "$expected"))" \
	"$(sed -n '/by caller:/{n;p}' <<<"$text" | sed 's/^ *//')"
check_eq "show helper: each site at main.c's line that calls it" \
	"$(grep -n 'helper(' "$top/examples/inline-cases/main.c" | grep -v '^[0-9]*:static' | cut -d: -f1 | sed 's/^/main.c:/' | sort -u)" \
	"$(grep -E 'same TU|cross-TU' <<<"$text" | grep -o 'main\.c:[0-9]*' | sort -u)"
json=$("$INLSCAN" show --json helper scale "$bin")
check_eq "show --json: helper and scale, calls seen/total as the source makes them" \
	"helper:0/2 scale:1/2" \
	"$(jq -r '[.functions[] | "\(.name):\(.calls.seen)/\(.calls.total)"] | join(" ")' <<<"$json")"
check_eq "show --json: a probe point per copy and per site" \
	"$(jq '[.functions[] | (.out_of_line | length) + .sites.total] | add' <<<"$json")" \
	"$(jq '[.functions[].probe_points[]] | length' <<<"$json")"
check_eq "show --json: the input object of scan" \
	"$("$INLSCAN" scan --json "$bin" | jq -c '.input')" \
	"$(jq -c '.functions[0].input' <<<"$json")"
# a glob: the functions of the table whose name starts with lib_
check_eq "show 'lib_*': the lib_ functions" \
	"$(awk '$1 == "nolto" && $2 ~ /^lib_/ {print $2}' "$expected" | sort | tr '\n' ' ')" \
	"$("$INLSCAN" show --json 'lib_*' "$bin" | jq -r '.functions[].name' | sort | tr '\n' ' ')"
# a copy's symbol: ThinLTO's lib_secret.llvm.<hash>, as readelf names it
sym=$(readelf -sW "$thin" | awk '$8 ~ /^lib_secret\.llvm\.[0-9]+$/ {print $8}')
check_eq "show $sym: the function lib_secret" lib_secret \
	"$("$INLSCAN" show --json "$sym" "$thin" | jq -r '.functions[].name')"
check_eq "probes takes the symbol too, and a glob" \
	"$("$INLSCAN" probes "$thin" lib_secret)" \
	"$("$INLSCAN" probes "$thin" "$sym")"
check_eq "probes 'hel*' is probes helper" \
	"$("$INLSCAN" probes "$bin" helper)" "$("$INLSCAN" probes "$bin" 'hel*')"
expect_refusal "show: a name in no function says so, exit 1" \
	"not every FUNC names a function" show no_such_function "$bin"
check_true "README's usage block shows show" \
	grep -q '^inlscan show ' "$top/README.md"
