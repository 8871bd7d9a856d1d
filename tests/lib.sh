# Shared by the test scripts: TAP-style counters and assertions.
pass=0
fail=0

ok() {
	pass=$((pass + 1))
	echo "ok $((pass + fail)) - $*"
}

not_ok() {
	fail=$((fail + 1))
	echo "not ok $((pass + fail)) - $*"
}

# check_eq DESC WANT GOT
check_eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1: want '$2', got '$3'"
	fi
}

# check_num DESC WANT GOT: equal, and both really numbers
check_num() {
	if [[ $2 =~ ^[0-9]+$ && $2 == "$3" ]]; then
		ok "$1 ($2)"
	else
		not_ok "$1: want number '$2', got '$3'"
	fi
}

# check_true DESC COMMAND...
check_true() {
	local desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

# jq_true FILTER FILE: the filter yields true
jq_true() {
	jq -e "$@" >/dev/null
}

# expect_refusal DESC PATTERN ARGS...: exit 1 (2 with WANT_RC=2), and
# stderr says PATTERN
expect_refusal() {
	local desc=$1 pattern=$2 err rc
	shift 2
	err=$("$INLSCAN" "$@" 2>&1 >/dev/null)
	rc=$?
	if [ $rc = "${WANT_RC:-1}" ] && grep -q -- "$pattern" <<<"$err"; then
		ok "$desc"
	else
		not_ok "$desc: want exit ${WANT_RC:-1} and '$pattern', got $rc '$err'"
	fi
}

# examples/inline-cases, built on demand into $B by need_example:
# name mode compiler flags...
example_builds=(
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

# need_example NAME...: $B/NAME built from examples/inline-cases, once;
# a failed build is a failed check, and the status is non-zero
need_example() {
	local want b name mode cc flags rc=0
	for want; do
		[ -e "$B/$want" ] && continue
		for b in "${example_builds[@]}"; do
			read -r name mode cc flags <<<"$b"
			[ "$name" = "$want" ] || continue
			$cc $flags -o "$B/$name" "$top"/examples/inline-cases/*.c \
				2>"$B/$name.log" && continue 2
			not_ok "$name: build failed: $(head -n 3 "$B/$name.log")"
			rc=1
			continue 2
		done
		not_ok "need_example: no build named $want"
		rc=1
	done
	return $rc
}

# need_kernel: $vmlinux and $modules, Debian's kernel from the cache that
# tests/get-kernel.sh fills; non-zero (said) with INLSCAN_KERNEL=0 or if
# it cannot be fetched
need_kernel() {
	if [ "${INLSCAN_KERNEL:-1}" = 0 ]; then
		echo "# kernel tests skipped: INLSCAN_KERNEL=0"
		return 1
	fi
	[ -n "${vmlinux:-}" ] && return 0
	vmlinux=$(sh "$top/tests/get-kernel.sh" 2>"$B/kernel-fetch.log")
	if [ ! -f "$vmlinux" ]; then
		not_ok "fetch the Debian kernel: $(tail -n 1 "$B/kernel-fetch.log")"
		vmlinux=
		return 1
	fi
	modules=$(dirname "$(dirname "$vmlinux")")/lib/modules
}

# check_build NAME MODE FILE [inlscan options]: every expectation of MODE
check_build() {
	local name=$1 mode=$2 file=$3 json row fn want got names
	local expected=$top/tests/expected/inline-cases.txt
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

# livepatch_sources DIR: examples/livepatch in DIR/orig, and with
# md-check.patch applied in DIR/patched
livepatch_sources() {
	local lp=$top/examples/livepatch
	rm -rf "$1"
	mkdir -p "$1/orig" "$1/patched"
	cp "$lp"/*.[ch] "$1/orig/"
	cp "$lp"/*.[ch] "$1/patched/"
	(cd "$1/patched" && patch -s -p1 <"$lp/md-check.patch")
}

finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
