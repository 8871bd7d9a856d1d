# A real Debian kernel (vmlinux and debug modules), fetched once into the
# cache by ../shared/bench/get-debian-kernel.sh. INLSCAN_KERNEL=0 skips it.
getter=$top/../shared/bench/get-debian-kernel.sh
if [ "${INLSCAN_KERNEL:-1}" = 0 ]; then
	echo "# kernel tests skipped: INLSCAN_KERNEL=0"
	return 0 2>/dev/null || exit 0
fi
vmlinux=$(sh "$getter" 2>"$B/kernel-fetch.log")
if [ ! -f "$vmlinux" ]; then
	not_ok "fetch the Debian kernel: $(tail -n 1 "$B/kernel-fetch.log")"
	return 0 2>/dev/null || exit 0
fi
modules=$(dirname "$(dirname "$vmlinux")")/lib/modules

"$INLSCAN" scan --json "$vmlinux" >"$B/vmlinux.json"
check_eq "vmlinux: scan exits 0" 0 $?
llvm-dwarfdump-19 --statistics "$vmlinux" >"$B/vmlinux.stats"
check_num "vmlinux: inline sites = llvm-dwarfdump #inlined functions" \
	"$(jq '."#inlined functions"' "$B/vmlinux.stats")" \
	"$(jq '.summary.inline_sites + .summary.inline_sites_discarded' "$B/vmlinux.json")"
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

# modules: ET_REL with relocations applied by libdwfl
ko=$(find "$modules" -name af_key.ko | head -n 1)
check_true "af_key.ko found in the debug modules" test -f "$ko"
json=$("$INLSCAN" scan --json "$ko")
check_num "af_key.ko: inline sites = llvm-dwarfdump" \
	"$(llvm-dwarfdump-19 --statistics "$ko" | jq '."#inlined functions"')" \
	"$(echo "$json" | jq '.summary.inline_sites')"
check_eq "af_key.ko: every partial copy has an mcount entry (readelf: 57 relocs)" \
	"57 true" "$(readelf -rW "$ko" | awk '/^Relocation section .\.rela__mcount_loc/ {print $(NF - 1)}') $(echo "$json" | jq '[.functions[] | select(.status == "partial") | .out_of_line[].ftrace] | all')"
net=$(dirname "$ko")/..
"$INLSCAN" scan --json "$net" >"$B/net.json"
check_eq "modules under net/: scan exits 0, none skipped" "0 0" "$? $(jq '.skipped | length' "$B/net.json")"
check_num "modules under net/: one report per .ko" \
	"$(find "$net" -name '*.ko' | wc -l)" "$(jq '.reports | length' "$B/net.json")"
