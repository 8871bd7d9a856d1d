# Reading a report back gives what reading the ELF gives, for every
# command, whatever part of the document it decodes (probes and show
# only the sites they ask for); and a document with anything after its
# object, or cut short, is refused.
need_example gcc-nolto clang19-thin
for b in gcc-nolto clang19-thin; do
	elf=$B/$b
	json=$B/$b.json
	"$INLSCAN" scan --json --all --sites -o "$json" "$elf"
	check_eq "$b: scan of the report is the report, byte for byte" \
		"$(cat "$json")" "$("$INLSCAN" scan --json --all --sites "$json")"
	for run in "probes ARG helper" "probes ARG sc*" "show helper scale ARG" \
		"show --json lib_* ARG" "denylist ARG" "whatif --json ARG" \
		"suffixes --json ARG" "diff --json ARG ARG" "scan --top 3 ARG"; do
		# shellcheck disable=SC2086
		want=$("$INLSCAN" ${run//ARG/$elf} 2>&1)
		rc=$?
		# shellcheck disable=SC2086
		got=$("$INLSCAN" ${run//ARG/$json} 2>&1)
		check_eq "$b: ${run//ARG/X} from the report = from the ELF (exit 0)" \
			"$want 0" "${got//$json/$elf} $rc"
	done
done
"$INLSCAN" scan --json "$B/gcc-nolto" "$B/clang19-thin" >"$B/two.json"
check_eq "a two-report document reads back as the two" \
	"$(cat "$B/two.json")" "$("$INLSCAN" scan --json "$B/two.json")"
{ cat "$B/gcc-nolto.json"; echo '{}'; } >"$B/trailing.json"
expect_refusal "a report followed by more JSON is refused" \
	"not a readable inlscan JSON" scan "$B/trailing.json"
head -c "$(( $(wc -c <"$B/gcc-nolto.json") / 2 ))" "$B/gcc-nolto.json" >"$B/half.json"
expect_refusal "half a report is refused" "not a readable inlscan JSON" \
	probes "$B/half.json" helper
