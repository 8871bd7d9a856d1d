# examples/inline-cases in every compiler and LTO mode, checked against
# tests/expected/inline-cases.txt and against llvm-dwarfdump and readelf.
ex=$top/examples/inline-cases
expected=$top/tests/expected/inline-cases.txt

# name mode compiler flags...
builds=(
	"gcc-nolto nolto gcc -O2 -g"
	"clang14-nolto nolto clang -O2 -g"
	"clang19-nolto nolto clang-19 -O2 -g"
	"clang14-thin thin clang -O2 -g -flto=thin -fuse-ld=lld"
	"clang19-thin thin clang-19 -O2 -g -flto=thin -fuse-ld=lld-19"
	"clang14-full full clang -O2 -g -flto -fuse-ld=lld"
	"clang19-full full clang-19 -O2 -g -flto -fuse-ld=lld-19"
	"gcc-lto full gcc -O2 -g -flto"
	"gcc-dwarf4 nolto gcc -O2 -gdwarf-4"
	"clang19-dwarf4-thin thin clang-19 -O2 -gdwarf-4 -flto=thin -fuse-ld=lld-19"
	"gcc-gz nolto gcc -O2 -g -gz=zlib"
)

# check_build NAME MODE FILE [inlscan options]: every expectation of MODE
check_build() {
	local name=$1 mode=$2 file=$3 json row fn want got names
	shift 3
	json=$("$INLSCAN" scan --json --all "$@" "$file")
	check_eq "$name: scan exits 0" 0 $?
	names=$(awk -v m="$mode" '$1 == m {print $2}' "$expected" | sort | tr '\n' ' ')
	got=$(echo "$json" | jq -r '.functions[].name' | sort | tr '\n' ' ')
	check_eq "$name: exactly the expected functions" "$names" "$got"
	while read -r m fn status scope sites cross syms; do
		[ "$m" = "$mode" ] || continue
		want="$status $scope $sites $cross"
		got=$(echo "$json" | jq -r --arg n "$fn" '.functions[] |
			select(.name == $n) |
			"\(.status) \(.scope // "-") \(.sites.total) \(.sites.cross_tu)"')
		check_eq "$name: $fn status/scope/sites/cross" "$want" "$got"
		got=$(echo "$json" | jq -r --arg n "$fn" '[.functions[] |
			select(.name == $n) | .out_of_line[].symbol] |
			if length == 0 then "-" else join(",") end')
		if [[ $got =~ ^${syms}$ ]]; then
			ok "$name: $fn out-of-line symbols $got"
		else
			not_ok "$name: $fn out-of-line symbols: want /$syms/, got $got"
		fi
	done < <(grep -v '^#' "$expected")
	want=$(awk -v m="$mode" '$1 == m {s += $5} END {print s}' "$expected")
	got=$(echo "$json" | jq '.summary.inline_sites')
	check_num "$name: inline sites sum to the expected total" "$want" "$got"
	# independent: llvm-dwarfdump counts the inlined-subroutine DIEs
	want=$(llvm-dwarfdump-19 --statistics "$file" |
		jq '."#inlined functions"')
	got=$(echo "$json" | jq '.summary.inline_sites + .summary.inline_sites_discarded + .summary.inline_sites_split_parts')
	check_num "$name: inline sites = llvm-dwarfdump #inlined functions" "$want" "$got"
	# independent: every reported copy is a FUNC symbol at that address
	want=$(readelf -sW "$file" | awk '$4 == "FUNC" && $3 > 0 {a = $2; sub(/^0+/, "", a); print $8, "0x" a}' | sort -u)
	got=$(echo "$json" | jq -r '.functions[].out_of_line[] | "\(.symbol) \(.address)"' | sort -u)
	missing=$(comm -13 <(echo "$want") <(echo "$got"))
	check_eq "$name: every out-of-line copy is a readelf FUNC symbol at its address" "" "$missing"
}

for b in "${builds[@]}"; do
	read -r name mode cc flags <<<"$b"
	if ! $cc $flags -o "$B/$name" "$ex"/*.c 2>"$B/$name.log"; then
		not_ok "$name: build failed: $(head -n 3 "$B/$name.log")"
		continue
	fi
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
