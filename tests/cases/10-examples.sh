# examples/inline-cases in every compiler and LTO mode, checked against
# tests/expected/inline-cases.txt and against llvm-dwarfdump and readelf.

for b in "${example_builds[@]}"; do
	read -r name mode _ <<<"$b"
	need_example "$name" || continue
	check_build "$name" "$mode" "$B/$name"
done

# the inputs' identity as an independent tool sees it
json=$("$INLSCAN" scan --json "$B/gcc-dwarf4")
check_eq "gcc-dwarf4: DWARF version 4" "[4]" "$(echo "$json" | jq -c .input.dwarf_versions)"
json=$("$INLSCAN" scan --json "$B/clang19-thin")
check_eq "clang19-thin: LTO guessed thin" thin "$(echo "$json" | jq -r .input.lto)"
check_eq "clang19-nolto: LTO none" none "$("$INLSCAN" scan --json "$B/clang19-nolto" | jq -r .input.lto)"
check_eq "gcc-lto: LTO gcc" gcc "$("$INLSCAN" scan --json "$B/gcc-lto" | jq -r .input.lto)"
check_eq "clang14-full: LTO full" full "$("$INLSCAN" scan --json "$B/clang14-full" | jq -r .input.lto)"
want=$(readelf -bW "$B/gcc-dwarf4" 2>/dev/null | sed -n 's/.*Build ID: \([0-9a-f]*\).*/\1/p')
[ -n "$want" ] || want=$(readelf -nW "$B/gcc-dwarf4" | sed -n 's/.*Build ID: \([0-9a-f]*\).*/\1/p')
check_eq "gcc-dwarf4: build ID as readelf -n shows it" "$want" \
	"$("$INLSCAN" scan --json "$B/gcc-dwarf4" | jq -r .input.build_id)"
check_true "gcc-gz: .debug_info really compressed" \
	grep -Eq ' \.debug_info .* C ' <(readelf -SW "$B/gcc-gz")

# GNU-style .zdebug_ sections (libdw decompresses them in place, under
# their old names): the same report as the uncompressed file
objcopy --compress-debug-sections=zlib-gnu "$B/gcc-nolto" "$B/gcc-zdebug"
check_true "gcc-zdebug: readelf lists .zdebug_info" \
	grep -q ' \.zdebug_info ' <(readelf -SW "$B/gcc-zdebug")
check_eq "gcc-zdebug: functions and summary as in gcc-nolto" \
	"$("$INLSCAN" scan --json --all --sites "$B/gcc-nolto" | jq -c '[.functions, .summary, .warnings]')" \
	"$("$INLSCAN" scan --json --all --sites "$B/gcc-zdebug" | jq -c '[.functions, .summary, .warnings]')"

# ThinLTO's promoted local, as readelf shows it
sym=$(readelf -sW "$B/clang19-thin" | awk '$8 ~ /^lib_secret\.llvm\.[0-9]+$/ {print $8}')
json=$("$INLSCAN" scan --json --all "$B/clang19-thin")
check_eq "clang19-thin: lib_secret copy is the readelf symbol $sym" "$sym llvm false" \
	"$(echo "$json" | jq -r '.functions[] | select(.name == "lib_secret") | "\(.out_of_line[0].symbol) \(.out_of_line[0].clone) \(.traceable_by_name)"')"
check_eq "clang19-thin: llvm_suffixes lists it, base unique" "$sym lib_secret func true" \
	"$(echo "$json" | jq -r '.llvm_suffixes[] | "\(.symbol) \(.base) \(.kind) \(.base_unique)"')"

# --sites: every probe spec parses back to its entry address
json=$("$INLSCAN" scan --json --sites "$B/clang19-thin")
bad=$(echo "$json" | jq -r '.functions[].inline_sites[] | "\(.probe) \(.entry)"' |
	while read -r probe entry; do
		s=${probe%+0x*}
		off=$((16#${probe##*+0x}))
		line=$(readelf -sW "$B/clang19-thin" | awk -v s="$s" '$8 == s && $4 == "FUNC"')
		val=$((16#$(echo "$line" | awk '{print $2}')))
		size=$(echo "$line" | awk '{print $3}')
		[ -n "$line" ] && [ "$off" -lt "$size" ] &&
			[ $((val + off)) -eq $((entry)) ] || echo "$probe@$entry"
	done)
check_eq "clang19-thin: every site probe is symbol+off inside the symbol, = entry" "" "$bad"
check_eq "clang19-thin: sites listed = sites counted" \
	"$(echo "$json" | jq '.summary.inline_sites')" \
	"$(echo "$json" | jq '[.functions[].inline_sites[]] | length')"
check_eq "clang19-thin: lib_api's site is in main, cross-TU" "main main.c true" \
	"$(echo "$json" | jq -r '.functions[] | select(.name == "lib_api") | .inline_sites[0] | "\(.caller) \(.call_file | split("/") | last) \(.cross_tu)"')"
