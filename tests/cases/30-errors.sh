# Bad input: one clear line and exit 1 (2 for usage), never a crash.
d=$B/bad
mkdir -p "$d" "$B/objs"
need_example gcc-nolto
gcc -O2 -g -c -o "$B/objs/main.o" "$top/examples/inline-cases/main.c"
gcc -O2 -g -c -o "$B/objs/lib.o" "$top/examples/inline-cases/lib.c"
: >"$d/empty"
echo "hello" >"$d/text"
head -c 100 "$B/gcc-nolto" >"$d/trunc-header"
strip -o "$d/stripped" "$B/gcc-nolto"
mkdir -p "$d/nothing"

# expect_error DESC WANT_RC PATTERN ARGS...
expect_error() {
	local desc=$1 want=$2 pattern=$3 err rc
	shift 3
	err=$("$INLSCAN" "$@" 2>&1 >/dev/null)
	rc=$?
	check_eq "$desc: exit $want, one line" "$want 1" "$rc $(echo "$err" | wc -l)"
	if grep -q -- "$pattern" <<<"$err"; then
		ok "$desc: says '$pattern'"
	else
		not_ok "$desc: want '$pattern' in '$err'"
	fi
}

expect_error "missing file" 1 "$d/none: No such file" scan "$d/none"
expect_error "empty file" 1 "not an ELF file" scan "$d/empty"
expect_error "text file" 1 "not an ELF file" scan "$d/text"
expect_error "truncated ELF header" 1 "$d/trunc-header: truncated ELF file" \
	scan "$d/trunc-header"
expect_error "stripped binary" 1 "no DWARF debug info" scan "$d/stripped"
expect_error "directory without ELF" 1 "no ELF files" scan "$d/nothing"
"$INLSCAN" >/dev/null 2>"$d/usage.err"
check_eq "no command: exit 2 with usage" "2 1" "$? $(grep -c Usage "$d/usage.err")"
expect_error "unknown command" 2 "unknown command" frobnicate
expect_error "no input" 2 "no input file" denylist
mkdir -p "$d/emptyroot"
expect_error "scan with no input: the running kernel, here an empty --sysroot" 1 \
	"cannot tell the running kernel: $d/emptyroot/sys/kernel/notes unreadable" \
	scan --sysroot "$d/emptyroot"
expect_error "--sysroot without --kernel" 2 "goes with --kernel" \
	denylist --sysroot "$d/emptyroot" "$B/gcc-nolto"
expect_error "bad -j" 2 "must be a number" scan -j x "$B/gcc-nolto"
expect_error "--debug-file with two inputs" 2 "exactly one input" \
	scan --debug-file "$B/gcc-nolto" "$B/gcc-nolto" "$B/gcc-nolto"

# truncated at many cut points: exit 0 (with warnings) or 1, no crash and
# no sanitizer report (those exit 98/99 or by signal); the cuts fall at the
# start and the middle of every section, of an executable and an object
truncate_all() {
	local file=$1 size cut cuts crashes= unclear= n=0
	size=$(stat -c %s "$file")
	cuts=$(readelf -SW "$file" | sed 's/\[ */[/' |
		awk '$1 ~ /^\[[0-9]+\]$/ && $5 ~ /^[0-9a-f]+$/ {print $5, $6}' |
		while read -r o z; do
			echo $((16#$o)) $((16#$o + 16#$z / 2))
		done)
	for cut in 1 16 63 64 100 $cuts $((size - 1)); do
		[ "$cut" -lt "$size" ] || continue
		head -c "$cut" "$file" >"$d/cut"
		"$INLSCAN" scan --json "$d/cut" >/dev/null 2>"$d/cut.err"
		rc=$?
		n=$((n + 1))
		[ "$rc" -le 1 ] || crashes="$crashes $cut:$rc"
		# past the ELF header, the one line says what happened
		if [ "$cut" -gt 64 ] && { [ "$rc" != 1 ] ||
			[ "$(wc -l <"$d/cut.err")" != 1 ] ||
			! grep -q 'truncated ELF file' "$d/cut.err"; }; then
			unclear="$unclear $cut"
		fi
	done
	check_eq "$(basename "$file") truncated at $n cut points: no crash" "" "$crashes"
	check_eq "$(basename "$file") truncated: exit 1, one line saying so" "" "$unclear"
}
truncate_all "$B/gcc-nolto"
truncate_all "$B/objs/main.o"

# flipped bytes in every DWARF section inlscan reads: no crash, no hang
flip_section() {
	local section=$1 count=$2 off len i pos crashes=
	read -r off len < <(readelf -SW "$B/gcc-nolto" | sed 's/\[ */[/' |
		awk -v s="$section" '$2 == s {print $5, $6}')
	off=$((16#$off))
	len=$((16#$len))
	for i in $(seq 1 "$count"); do
		cp "$B/gcc-nolto" "$d/flip"
		pos=$((off + (i * 7919) % len))
		printf "\\x$(printf %02x $(( (i * 53 + 7) % 256 )))" |
			dd of="$d/flip" bs=1 seek="$pos" conv=notrunc status=none
		timeout 60 "$INLSCAN" scan --json "$d/flip" >/dev/null 2>&1
		rc=$?
		[ "$rc" -le 1 ] || crashes="$crashes $pos:$rc"
	done
	check_eq "$count flipped $section bytes: no crash, no hang" "" "$crashes"
}
flip_section .debug_info 40

# damaged scan reports given in place of an ELF file: every command says
# what is wrong in one line and exits 1
echo '{"schema":"other"}' >"$d/schema.json"
echo '{"schema":"inlscan/1"}' >"$d/empty.json"
"$INLSCAN" scan --json --sites "$B/gcc-nolto" | head -c 3000 >"$d/cut.json"
echo '{"schema":"inlscan/1","input":{"path":"x"},"summary":{},"functions":[{"name":null}]}' \
	>"$d/noname.json"
echo '{"schema":"inlscan/1","reports":[1]}' >"$d/multi.json"
for cmd in scan denylist probes; do
	fn=()
	[ "$cmd" = probes ] && fn=(helper)
	expect_error "$cmd: report with another schema" 1 "expected inlscan/1" \
		"$cmd" "$d/schema.json" "${fn[@]}"
	expect_error "$cmd: report without input" 1 "malformed inlscan report" \
		"$cmd" "$d/empty.json" "${fn[@]}"
	expect_error "$cmd: truncated report" 1 "not a readable inlscan JSON" \
		"$cmd" "$d/cut.json" "${fn[@]}"
	expect_error "$cmd: function without a name" 1 "malformed" \
		"$cmd" "$d/noname.json" "${fn[@]}"
	expect_error "$cmd: multi-input report with a bad entry" 1 \
		"report 0 is malformed" "$cmd" "$d/multi.json" "${fn[@]}"
done
expect_error "probes: no function name" 2 "no function name" \
	probes "$B/gcc-nolto"
expect_error "probes: two images" 2 "one image" \
	probes "$B/objs" helper

for s in .debug_abbrev .debug_line .debug_str .debug_rnglists \
	.debug_line_str .debug_loclists; do
	flip_section "$s" 25
done

# hand-written DWARF no compiler emits (tests/bad/gen-dwarf.sh): the
# well-formed variant passes llvm-dwarfdump --verify and gives one full
# function with one site; the broken ones give a result and a warning
for k in ok cycle self dangling deep; do
	"$top/tests/bad/gen-dwarf.sh" "$k" "$d/gen-$k.s"
	gcc -c -o "$d/gen-$k.o" "$d/gen-$k.s"
done
check_true "generated DWARF: the well-formed variant verifies" \
	grep -q '^No errors' <(llvm-dwarfdump-19 --verify "$d/gen-ok.o")
check_eq "generated DWARF ok: helper full with 1 site" "helper full 1" \
	"$("$INLSCAN" scan --json "$d/gen-ok.o" | jq -r '.functions[] | "\(.name) \(.status) \(.sites.total)"')"
for k in cycle self dangling; do
	json=$("$INLSCAN" scan --json "$d/gen-$k.o" 2>/dev/null)
	check_eq "origin $k: exit 0, the site unresolved and said so" \
		"0 1 yes" "$? $(echo "$json" | jq '.summary.unresolved_refs') $(echo "$json" | jq -r '.warnings[]' | grep -q 'point nowhere or loop' && echo yes)"
done
json=$("$INLSCAN" scan --json "$d/gen-deep.o" 2>/dev/null)
check_eq "600 nested blocks: exit 0, the unit skipped with a warning" \
	"0 yes" "$? $(echo "$json" | jq -r '.warnings[]' | grep -q 'nesting deeper than 512' && echo yes)"

# a zero-length .debug_info
objcopy --update-section .debug_info=/dev/null "$B/gcc-nolto" "$d/zero-info" 2>/dev/null ||
	cp "$d/empty" "$d/zero-info"
expect_error "zero-length .debug_info" 1 "$d/zero-info" scan "$d/zero-info"

# other classes, byte orders and machines read the same as x86-64:
# lib.c inlines scale (kept, global) and clamp_add (header static) once
for t in "i386 -m32" "ppc64 --target=powerpc64-linux-gnu" \
	"aarch64 --target=aarch64-linux-gnu"; do
	set -- $t
	clang-19 "$2" -O2 -g -c -o "$d/lib-$1.o" "$top/examples/inline-cases/lib.c"
	check_eq "$1 ($(readelf -h "$d/lib-$1.o" | awk '/Class:/ {c = $2} /Data:/ {print c, $4, $5}')): clamp_add full, scale partial" \
		"$1 clamp_add:full:1 scale:partial:1" \
		"$("$INLSCAN" scan --json "$d/lib-$1.o" | jq -r '[.input.machine, (.functions[] | "\(.name):\(.status):\(.sites.total)")] | join(" ")')"
done

# MIPS ET_REL: this libdwfl leaves its R_MIPS_32 debug relocations
# unapplied (readelf -r shows them; every string would read wrong): refuse
clang-19 --target=mips-linux-gnu -O2 -g -c -o "$d/lib-mips.o" \
	"$top/examples/inline-cases/lib.c"
expect_error "relocations libdwfl cannot apply" 1 \
	"could not apply the relocations in .rel.debug_" scan "$d/lib-mips.o"

# a file the user may not read (root reads everything: drop to nobody)
cp "$B/gcc-nolto" "$d/secret"
chmod 600 "$d/secret"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	err=$(setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$INLSCAN" scan "$d/secret" 2>&1 >/dev/null)
	check_eq "unreadable file: exit 1, one line naming it" "1 1 yes" \
		"$? $(echo "$err" | wc -l) $(echo "$err" | grep -q "$d/secret.*ermission" && echo yes)"
fi
