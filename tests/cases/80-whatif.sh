# whatif on examples/whatif/whatif.c (GCC): tiny_sum inlined 9 times and
# stored in a table; big_mix inlined once (flatten) and called directly
# from mix_a..mix_e. Sizes come from readelf (copies) and llvm-dwarfdump
# (inline site ranges); the estimate follows docs/whatif.md.
W=$B/whatif
mkdir -p "$W"
gcc -O2 -g -c -o "$W/whatif.o" "$top/examples/whatif/whatif.c"
gcc -O2 -g -fPIC -fno-semantic-interposition -shared -o "$W/whatif.so" "$top/examples/whatif/whatif.c"

# inline_bytes FILE NAME: the code of NAME's inline sites, by llvm-dwarfdump
inline_bytes() {
	llvm-dwarfdump-19 --debug-info "$1" | awk -v want="$2" '
		/^0x[0-9a-f]+: +DW_TAG/ { inl = ($2 == "DW_TAG_inlined_subroutine"); mine = 0; next }
		inl && /DW_AT_abstract_origin/ { mine = index($0, "\"" want "\"") > 0 }
		inl && mine && /DW_AT_low_pc/ { lo = $NF; gsub(/[()]/, "", lo) }
		inl && mine && /DW_AT_high_pc/ { hi = $NF; gsub(/[()]/, "", hi); print lo, hi }
		inl && mine && /^ +\[0x[0-9a-f]+, 0x[0-9a-f]+\)/ {
			r = $0; gsub(/[][(),]/, " ", r); split(r, p, " "); print p[1], p[2] }' |
		while read -r lo hi; do echo $((hi - lo)); done |
		awk '{ s += $1 } END { print s + 0 }'
}
sites_of() {
	llvm-dwarfdump-19 --debug-info "$1" | grep -A1 DW_TAG_inlined_subroutine |
		grep -c "DW_AT_abstract_origin.*\"$2\""
}
copy_size() {
	readelf -sW "$1" | awk -v n="$2" '$8 == n && $4 == "FUNC" {print $3; exit}'
}

json=$("$INLSCAN" whatif --json "$W/whatif.o")
call=5
for fn in tiny_sum big_mix; do
	s=$(sites_of "$W/whatif.o" "$fn")
	ib=$(inline_bytes "$W/whatif.o" "$fn")
	copy=$(copy_size "$W/whatif.o" "$fn")
	check_eq "whatif.o $fn: sites, inlined bytes, copy bytes (llvm-dwarfdump, readelf)" \
		"$s $ib $copy" \
		"$(echo "$json" | jq -r --arg n "$fn" '.functions[] | select(.name == $n) | "\(.sites) \(.inlined_bytes) \(.copy_bytes)"')"
done
# tiny_sum: no direct call, pinned by tiny_table: everywhere keeps the copy
ib=$(inline_bytes "$W/whatif.o" tiny_sum)
check_eq "tiny_sum: 0 direct calls, pinned by data, everywhere 0, nowhere 9 calls - inlined code, inline everywhere" \
	"0 data_ref 0 $((9 * call - ib)) inline_everywhere" \
	"$(echo "$json" | jq -r '.functions[] | select(.name == "tiny_sum") | "\(.direct_calls) \(.pinned_by | join(",")) \(.everywhere) \(.nowhere) \(.recommend)"')"
# big_mix: 5 direct calls, nothing pins it in an object file
ib=$(inline_bytes "$W/whatif.o" big_mix)
copy=$(copy_size "$W/whatif.o" big_mix)
check_eq "big_mix: 5 direct calls, unpinned: everywhere 5 x (avg - call) - copy, nowhere call - inlined, inline nowhere" \
	"5 - $((5 * (ib - call) - copy)) $((call - ib)) inline_nowhere" \
	"$(echo "$json" | jq -r '.functions[] | select(.name == "big_mix") | "\(.direct_calls) \(.pinned_by | if length == 0 then "-" else join(",") end) \(.everywhere) \(.nowhere) \(.recommend)"')"
check_eq "whatif.o: totals are the sums of the rows" true \
	"$(echo "$json" | jq '.total.everywhere == ([.functions[].everywhere] | add) and .total.nowhere == ([.functions[].nowhere] | add)')"
# in a shared object (-fno-semantic-interposition, or -fPIC alone would
# not inline a global at all) big_mix is in .dynsym: exported, so pinned
check_true "whatif.so: readelf lists big_mix in .dynsym" \
	grep -qw big_mix <(readelf --dyn-syms -W "$W/whatif.so")
check_eq "whatif.so: big_mix pinned by its export, copy kept" "exported" \
	"$("$INLSCAN" whatif --json "$W/whatif.so" | jq -r '.functions[] | select(.name == "big_mix") | .pinned_by | join(",")')"
check_eq "whatif from REPORT.json equals whatif from the ELF" "$json" \
	"$("$INLSCAN" scan --json "$W/whatif.o" >"$W/report.json"; "$INLSCAN" whatif --json "$W/report.json")"
