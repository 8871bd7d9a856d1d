# A real Debian kernel (vmlinux and debug modules), fetched once into the
# cache by tests/get-kernel.sh. INLSCAN_KERNEL=0 skips it.
need_kernel || return 0

"$INLSCAN" scan --json "$vmlinux" >"$B/vmlinux.json"
check_eq "vmlinux: scan exits 0" 0 $?
# every stage that splits across threads (unit walks, root resolution,
# the functions array in chunks) gives the same bytes as one thread
"$INLSCAN" scan --json --sites -j1 "$vmlinux" >"$B/vmlinux-j1.json"
"$INLSCAN" scan --json --sites -j2 "$vmlinux" >"$B/vmlinux-j2.json"
check_true "vmlinux: --sites JSON identical at -j1 and -j2 ($(jq '.functions | length' "$B/vmlinux-j1.json") functions)" \
	cmp -s "$B/vmlinux-j1.json" "$B/vmlinux-j2.json"
llvm-dwarfdump-19 --statistics "$vmlinux" >"$B/vmlinux.stats"
check_num "vmlinux: inline sites = llvm-dwarfdump #inlined functions" \
	"$(jq '."#inlined functions"' "$B/vmlinux.stats")" \
	"$(jq '.summary.inline_sites + .summary.inline_sites_discarded + .summary.inline_sites_split_parts' "$B/vmlinux.json")"
check_eq "vmlinux: a kernel image, ET_EXEC, DWARF 5, no warnings" \
	"true ET_EXEC [5] 0" \
	"$(jq -r '"\(.input.kernel) \(.input.elf_type) \(.input.dwarf_versions | tostring) \(.warnings | length)"' "$B/vmlinux.json")"
# units: count DW_TAG_compile_unit headers with readelf
want=$(readelf --debug-dump=info --dwarf-depth=1 "$vmlinux" 2>/dev/null |
	grep -c 'DW_TAG_compile_unit')
check_num "vmlinux: units = readelf's compile units" "$want" \
	"$(jq '.input.units' "$B/vmlinux.json")"
# every reported out-of-line copy is a FUNC symbol at that address
readelf -sW "$vmlinux" | awk '$4 == "FUNC" {print $8, "0x" $2}' |
	sed 's/0x0*/0x/' | sort -u >"$B/vmlinux.syms"
jq -r '.functions[].out_of_line[] | select(.symbol) | "\(.symbol) \(.address)"' \
	"$B/vmlinux.json" | sort -u >"$B/vmlinux.copies"
check_eq "vmlinux: every out-of-line copy is a readelf FUNC symbol at its address" \
	0 "$(comm -13 "$B/vmlinux.syms" "$B/vmlinux.copies" | wc -l)"
check_true "vmlinux: copies were matched to symbols" \
	test "$(wc -l <"$B/vmlinux.copies")" -gt 1000
# ftrace: the table between __start_mcount_loc and __stop_mcount_loc
read -r start stop < <(readelf -sW "$vmlinux" |
	awk '$8 == "__start_mcount_loc" {s = $2} $8 == "__stop_mcount_loc" {e = $2} END {print s, e}')
entries=$(( (16#$stop - 16#$start) / 8 ))
check_true "vmlinux: mcount table holds $entries entries (readelf)" test "$entries" -gt 10000
check_true "vmlinux: partial by ftrace counted, at most partial" \
	jq_true '.summary.functions_partial_ftrace > 0 and .summary.functions_partial_ftrace <= .summary.functions_partial' "$B/vmlinux.json"
check_true "vmlinux: without LTO no cross-TU site" \
	jq_true '.summary.inline_sites_cross_tu == 0 and .input.lto == "none"' "$B/vmlinux.json"

# modules: ET_REL with their debug relocations applied (dwarf/relocate.c)
ko=$(find "$modules" -name af_key.ko | head -n 1)
check_true "af_key.ko found in the debug modules" test -f "$ko"
json=$("$INLSCAN" scan --json "$ko")
check_num "af_key.ko: inline sites = llvm-dwarfdump" \
	"$(llvm-dwarfdump-19 --statistics "$ko" | jq '."#inlined functions"')" \
	"$(echo "$json" | jq '.summary.inline_sites + .summary.inline_sites_split_parts')"
check_eq "af_key.ko: every partial copy has an mcount entry (readelf: 57 relocs)" \
	"57 true" "$(readelf -rW "$ko" | awk '/^Relocation section .\.rela__mcount_loc/ {print $(NF - 1)}') $(echo "$json" | jq '[.functions[] | select(.status == "partial") | .out_of_line[].ftrace] | all')"
net=$(dirname "$ko")/..
"$INLSCAN" scan --json "$net" >"$B/net.json"
check_eq "modules under net/: scan exits 0, none skipped" "0 0" "$? $(jq '.skipped | length' "$B/net.json")"
check_num "modules under net/: one report per .ko" \
	"$(find "$net" -name '*.ko' | wc -l)" "$(jq '.reports | length' "$B/net.json")"

# tracer outputs on the kernel
check_num "vmlinux: call sites = llvm-dwarfdump #call site DIEs" \
	"$(jq '."#call site DIEs"' "$B/vmlinux.stats")" \
	"$(jq '.summary.call_sites_direct + .summary.call_sites_indirect' "$B/vmlinux.json")"
# words [from, to) of a vmlinux table inside .init.data, as the low 32
# bits of each address in decimal (kernel text is one 4 GiB window)
table_low_words() {
	local from=$1 to=$2 sec_addr sec_off skip
	read -r sec_addr sec_off < <(readelf -SW "$vmlinux" |
		sed 's/\[ */[/' | awk '$2 == ".init.data" {print $4, $5}')
	skip=$((16#$sec_off + 16#$from - 16#$sec_addr))
	tail -c +$((skip + 1)) "$vmlinux" | head -c $((16#$to - 16#$from)) |
		od -An -v -tu4 -w8 | awk '{print $1}'
}
table_low_words "$start" "$stop" | sort -n >"$B/vmlinux.mcount"
"$INLSCAN" denylist "$B/vmlinux.json" >"$B/vmlinux.deny"
# each deny-listed name: some FUNC symbol of that name holds an mcount entry
readelf -sW "$vmlinux" | awk '$4 == "FUNC" {print $8, substr($2, 9), $3}' |
	sort -k1,1 >"$B/vmlinux.funcs"
missing=$(sort "$B/vmlinux.deny" | join - "$B/vmlinux.funcs" |
	while read -r name low size; do echo "$name $((16#$low)) $size"; done |
	awk 'NR == FNR { m[++n] = $1 + 0; next }
	{
		lo = 1; hi = n + 1
		while (lo < hi) { mid = int((lo + hi) / 2)
			if (m[mid] < $2) lo = mid + 1; else hi = mid }
		if (lo <= n && m[lo] < $2 + $3) hit[$1] = 1; else seen[$1] = 1
	}
	END { for (s in seen) if (!(s in hit)) c++; print c + 0 }' \
		"$B/vmlinux.mcount" -)
check_true "vmlinux: deny-list has thousands of symbols" \
	test "$(wc -l <"$B/vmlinux.deny")" -gt 1000
check_num "vmlinux: deny-listed symbols without an mcount entry (readelf table)" \
	0 "$missing"
# NOKPROBE_SYMBOL: the _kprobe_blacklist table holds function addresses
read -r bl_start bl_stop < <(readelf -sW "$vmlinux" |
	awk '$8 == "__start_kprobe_blacklist" {s = $2} $8 == "__stop_kprobe_blacklist" {e = $2} END {print s, e}')
table_low_words "$bl_start" "$bl_stop" | sort -u >"$B/vmlinux.blacklist"
awk '{print $2, $1}' "$B/vmlinux.funcs" | while read -r low name; do
	echo "$((16#$low)) $name"; done 2>/dev/null | sort -k1,1 |
	join - "$B/vmlinux.blacklist" | awk '{print $2}' | sort -u \
	>"$B/vmlinux.blacklisted"
"$INLSCAN" scan --json --all "$vmlinux" |
	jq -r '.functions[].out_of_line[] | select(.nokprobe == "_kprobe_blacklist") | .symbol' |
	sort -u >"$B/vmlinux.inlscan-blacklisted"
check_true "vmlinux: some copies are NOKPROBE_SYMBOL" \
	test -s "$B/vmlinux.inlscan-blacklisted"
check_eq "vmlinux: every _kprobe_blacklist copy is a symbol the table names" \
	0 "$(comm -23 "$B/vmlinux.inlscan-blacklisted" "$B/vmlinux.blacklisted" | wc -l)"
tun=$(find "$modules" -name tun.ko | head -n 1)
check_true "tun.ko: ftrace deny-list names the module (sym:mod:tun)" \
	jq_true -n --rawfile d <("$INLSCAN" denylist "$tun") \
	'($d | split("\n") | map(select(. != ""))) as $l | ($l | length) > 0 and ($l | all(test("^[A-Za-z0-9_.]+:mod:tun$")))'
# af_key's only "inlined" dump_sa and dump_sp are GCC's split bodies in
# their own copies: llvm-dwarfdump shows each inlined at its own
# declaration line inside itself; a trace on them sees every call
check_eq "af_key.ko: dump_sa, dump_sp inlined only into themselves at their declaration line (llvm-dwarfdump)" \
	"dump_sa 1804 dump_sp 2705" \
	"$(llvm-dwarfdump-19 --debug-info "$ko" | awk '/DW_TAG_inlined_subroutine/ {s = 1; next} /DW_TAG/ {s = 0} s && /DW_AT_abstract_origin/ && /"dump_s[ap]"/ {match($0, /"[^"]*"/); o = substr($0, RSTART + 1, RLENGTH - 2)} s && /DW_AT_call_line/ && o != "" {match($0, /\([0-9]+\)/); print o, substr($0, RSTART + 1, RLENGTH - 2); o = ""}' | sort -u | tr '\n' ' ' | sed 's/ $//')"
check_eq "af_key.ko: so they are not partial, and no name is (their bodies are split parts)" \
	"0 true" "$("$INLSCAN" scan --json "$ko" | jq -r '"\(.summary.functions_partial) \(.summary.inline_sites_split_parts >= 2)"')"

# an input cut short while it is being read: the mapped pages past the new
# end fault (SIGBUS), which must end the run with one line, not a crash
cp "$vmlinux" "$B/shrinking"
"$INLSCAN" scan -j1 "$B/shrinking" >/dev/null 2>"$B/shrinking.err" &
scan_pid=$!
sleep 0.3
truncate -s 4096 "$B/shrinking"
wait $scan_pid
rc=$?
check_eq "a vmlinux truncated while scanned: exit 1, one line on stderr" \
	"1 1" "$rc $(wc -l <"$B/shrinking.err")"
rm -f "$B/shrinking"

# the whole debug modules directory, as a user points a deny-list at it:
# its vmlinux link is followed, the vDSO left out, data-only modules
# (cast_common.ko has no functions) raise no warning, nothing is refused
"$INLSCAN" denylist "$modules" >"$B/tree.deny" 2>"$B/tree.err"
check_eq "modules directory: denylist exits 0, no warning" "0 0" \
	"$? $(grep -c 'warning' "$B/tree.err")"
check_true "modules directory: vmlinux names and sym:mod:MODULE lines both" \
	test "$(grep -c ':mod:' "$B/tree.deny")" -gt 0 -a \
	"$(grep -vc ':mod:' "$B/tree.deny")" -gt 1000
check_true "modules directory: the vDSO said to be left out" \
	grep -q 'vdso64.so: not kernel code' "$B/tree.err"
