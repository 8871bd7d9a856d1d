# Trust: hostile names never reach a kernel file, script, shell or page
# raw; partial answers are never silent; outputs are whole or absent.
# Self-contained: builds its own inputs under $B/trust. Expected values
# come from tests/hostile/names.c: eight partial functions, one of them
# (plain_safe_name) with a name every consumer can carry.
T=$B/trust
rm -rf "$T"
mkdir -p "$T"
tests/hostile/make-hostile.sh "$T/h.o"
h=$T/h.o
nl_name=$'x\n*\np:owned vfs_read+0x0\n#aaaaaaaaaaaaaaaaaaa'
safe_line='^[A-Za-z0-9_.]+$'

# 1. ftrace, plain, retsnoop: one line per safe name, refusals on stderr
for fmt in ftrace plain retsnoop; do
	"$INLSCAN" denylist --format $fmt "$h" >"$T/deny.$fmt" 2>"$T/deny.$fmt.err"
	check_eq "denylist $fmt with refused names: exit 1, nothing written" \
		"1 0" "$? $(wc -c <"$T/deny.$fmt")"
	check_num "denylist $fmt: stderr names each of the 7 refused names" 7 \
		"$(grep -c "refused '" "$T/deny.$fmt.err")"
	"$INLSCAN" denylist --allow-partial --format $fmt "$h" \
		>"$T/deny.$fmt" 2>/dev/null
	check_eq "denylist $fmt --allow-partial: exactly the safe name, one line" \
		"0 plain_safe_name" "$? $(tr '\n' '|' <"$T/deny.$fmt" | sed 's/|$//')"
done
check_true "denylist: no line of the ftrace list is a glob or a probe" \
	test "$(grep -cvE "$safe_line" "$T/deny.ftrace")" = 0

# kprobe_events lines: every line a comment or p:GROUP/EVENT SYM+0xOFF
names=(plain_safe_name "$nl_name" $'x*[ab]?aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')
"$INLSCAN" probes --format kprobe "$h" "${names[@]}" >"$T/probes.kprobe"
check_eq "probes kprobe: exit 0, 3 functions x (comment + 2 points) = 9 lines" \
	"0 9" "$? $(wc -l <"$T/probes.kprobe")"
check_num "probes kprobe: every line a comment or the kprobe_events grammar" 0 \
	"$(grep -cvE '^(#.*|p:inlscan/[A-Za-z_][A-Za-z0-9_]* [A-Za-z0-9_.]+\+0x[0-9a-f]+)$' "$T/probes.kprobe")"
check_num "probes kprobe: only the safe function's 2 points are probes" 2 \
	"$(grep -c '^p:' "$T/probes.kprobe")"
check_num "probes kprobe: 4 hostile points refused as unsafe_name" 4 \
	"$(grep -c '^# refused (unsafe_name' "$T/probes.kprobe")"

# 2. perf: a shell script; sourcing it runs nothing from a name or path
hp="$T/it's \$(touch PWNED3) dir"
mkdir -p "$hp"
cp "$h" "$hp/h'\$(touch PWNED4).o"
shell_name=$'x\';touch PWNED;$(touch PWNED2);\'aaaaaaaaaaaaa'
"$INLSCAN" probes --format perf "$hp/h'\$(touch PWNED4).o" plain_safe_name \
	"$shell_name" >"$T/probes.perf"
check_true "probes perf: sh -n accepts the script" sh -n "$T/probes.perf"
(
	cd "$T" || exit 1
	perf() { printf '%s\n' "$*" >>perf.calls; }
	. ./probes.perf
)
check_eq "probes perf: sourcing ran no name (no PWNED files)" "" \
	"$(cd "$T" && ls -d PWNED* "$hp"/PWNED* 2>/dev/null)"
check_num "probes perf: sourcing called perf once per safe point" 2 \
	"$(wc -l <"$T/perf.calls" 2>/dev/null || echo 0)"
check_true "probes perf: -x got the file's path as one word" \
	grep -qF -- "-x $hp/h'\$(touch PWNED4).o -a" "$T/perf.calls"

# 3. bpftrace: the programs parse, and no name became code. The
# deny-list for bpftrace is a probe list: every name in it is a probe,
# every hostile name only shows, escaped, in a // comment
"$INLSCAN" denylist --allow-partial --format bpftrace --glob '*' "$h" \
	>"$T/deny.bt" 2>/dev/null
check_num "denylist bpftrace: every line a // comment or a uprobe on a safe name" 0 \
	"$(grep -cvE '^(//.*|uprobe:/[^:]*:[A-Za-z0-9_.]+,?)$' "$T/deny.bt")"
check_num "denylist bpftrace: the 7 hostile names left out, shown in comments" 7 \
	"$(grep -c '^//   x\|^//   <script>' "$T/deny.bt")"
{ cat "$T/deny.bt"; echo '{ @[probe] = count(); }'; } >"$T/deny-run.bt"
if command -v bpftrace >/dev/null; then
	# bpftrace's checks want the uprobe target executable
	chmod +x "$h"
	bpftrace -d "$T/deny-run.bt" >"$T/deny.bt.ast" 2>&1
	check_eq "denylist bpftrace: bpftrace -d parses it, no call but count() in it" "0 0" \
		"$? $(grep 'call:' "$T/deny.bt.ast" | grep -cv 'call: count')"
else
	not_ok "bpftrace is installed (tests/install-deps.sh)"
fi

# 4. HTML: markup from names and from report fields stays text
"$INLSCAN" scan --json --all --sites -o "$T/h.json" "$h"
jq '.input.machine = "<script>alert(2)</script>" |
    .input.elf_type = "<img src=x onerror=alert(3)>" |
    .input.lto = "\"><svg onload=alert(4)>"' "$T/h.json" >"$T/evil.json"
"$INLSCAN" report -o "$T/evil.html" "$T/evil.json"
check_eq "report from a hostile JSON: exit 0" 0 $?
python3 - "$T/evil.html" >"$T/evil.tags" <<'EOF'
import html.parser, json, sys
class Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text, self.data, self.in_data = [], [], "", False
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.in_data = tag == "script" and ("id", "data") in attrs
    def handle_endtag(self, tag):
        self.in_data = False
    def handle_data(self, data):
        if self.in_data:
            self.data += data
        else:
            self.text.append(data)
p = Tags()
p.feed(open(sys.argv[1], encoding="utf-8", errors="strict").read())
text = "".join(p.text)
names = [f[0] for f in json.loads(p.data)["fns"]]
print(p.tags.count("script"), p.tags.count("img"), p.tags.count("svg") - text.count("\0"),
      int("<script>alert(2)</script>" in text),
      int(any(n.startswith("<script>alert(1)</script><b>") for n in names)))
EOF
# the page's own: its code and its data, two script elements, and its svg
# charts (2 + one per directory: count them in a clean page); the names
# travel as data and are set as text by the page's script
"$INLSCAN" report -o "$T/clean.html" "$T/h.json"
svgs=$(grep -o '<svg' "$T/clean.html" | wc -l)
check_eq "report: HTML parser sees 2 scripts, no img, only the page's svgs, the markup as text, the name as data" \
	"2 0 $svgs 1 1" "$(cat "$T/evil.tags")"
if command -v chromium >/dev/null; then
	dom=$(timeout 120 chromium --headless --no-sandbox --disable-gpu \
		--user-data-dir="$T/chromium" --dump-dom "file://$T/evil.html" 2>/dev/null)
	check_eq "report in chromium: no img, still 2 scripts, the name a cell's text" \
		"0 2 1" \
		"$(grep -c '<img' <<<"$dom") $(grep -o '<script' <<<"$dom" | wc -l) $(grep -c '<td>&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;' <<<"$dom")"
fi

# 5. terminal and JSON: no control byte reaches the terminal; JSON keeps
# every byte of every name, so a report read back is the same report
"$INLSCAN" scan --top 20 "$h" >"$T/text.out"
check_num "text: no control byte but line ends" 0 \
	"$(tr -d '\n' <"$T/text.out" | LC_ALL=C grep -c '[[:cntrl:]]')"
check_true "text: valid UTF-8" iconv -f UTF-8 -t UTF-8 -o /dev/null "$T/text.out"
check_num "JSON: jq reads all 8 partial names" 8 \
	"$(jq '[.functions[] | select(.status == "partial")] | length' "$T/h.json")"
"$INLSCAN" scan --json --all --sites "$T/h.json" >"$T/h2.json"
check_true "JSON: read back and written again, byte-identical" \
	cmp -s "$T/h.json" "$T/h2.json"
"$INLSCAN" denylist --allow-partial --format json "$h" >"$T/deny-elf.json" 2>/dev/null
"$INLSCAN" denylist --allow-partial --format json "$T/h.json" >"$T/deny-rep.json" 2>/dev/null
check_true "JSON: the deny-list from the ELF and from its report agree (8 names)" \
	test "$(jq '.denylist | length' "$T/deny-elf.json")" = 8 -a \
	"$(cmp -s "$T/deny-elf.json" "$T/deny-rep.json" && echo same)" = same
bad_path=$T/$'bytes\xff\xfe.o'
cp "$h" "$bad_path"
"$INLSCAN" scan --json "$bad_path" >"$T/badpath.json"
check_eq "JSON: a non-UTF-8 file name keeps the report readable" "0 1" \
	"$? $(jq '.reports // [.] | length' "$T/badpath.json")"
"$INLSCAN" scan --json "$T/badpath.json" >"$T/badpath2.json" 2>/dev/null
check_true "JSON: and its path comes back byte for byte" \
	cmp -s "$T/badpath.json" "$T/badpath2.json"

# 6. a worker that cannot open the input (LD_PRELOAD fails open() on
# every thread but the main one) gives the -j1 answer or a clear error,
# never another answer with exit 0
mkdir -p "$T/units"
for i in 1 2 3 4 5 6 7 8 9; do
	printf 'static int h%d(int x) { return x * %d + 1; }\nint (*p%d)(int) = h%d;\nint f%d(int x) { return h%d(x) + h%d(x + 1); }\n' \
		$i $i $i $i $i $i $i >"$T/units/u$i.c"
done
echo 'int main(void) { return 0; }' >"$T/units/main.c"
gcc -O2 -g -o "$T/units9" "$T"/units/*.c
gcc -shared -fPIC -o "$T/fail_open.so" tests/faults/fail_open.c -ldl
# a sanitized binary wants its runtime first among the preloads
preload=$T/fail_open.so
ldd "$INLSCAN" | grep -q libasan &&
	preload=$(gcc -print-file-name=libasan.so):$preload
"$INLSCAN" scan --json -j1 "$T/units9" >"$T/units-j1.json"
bad=0
for i in 1 2 3 4 5 6; do
	FAIL_OPEN_MATCH=units9 LD_PRELOAD="$preload" \
		"$INLSCAN" scan --json -j2 "$T/units9" >"$T/units-j2.json" 2>"$T/units-j2.err"
	rc=$?
	if [ $rc = 0 ] && cmp -s "$T/units-j1.json" "$T/units-j2.json"; then
		:
	elif [ $rc = 1 ] && [ -s "$T/units-j2.err" ] &&
		jq -e 'keys == ["error"]' "$T/units-j2.json" >/dev/null; then
		:
	else
		bad=$((bad + 1))
		echo "# run $i: exit $rc: $(head -c 300 "$T/units-j2.err")"
	fi
done
check_num "-j2 with a failing worker: the -j1 answer, or exit 1 with a message and only {\"error\"} on stdout, 6 runs" 0 "$bad"
WANT_RC=2 expect_refusal "-j 1000000: a usage error" "from 1 to 1024" \
	scan -j 1000000 "$h"

# 7. a unit that cannot be read: said by every command; kernel-bound
# commands write nothing without --allow-partial
tests/bad/gen-dwarf.sh dangling "$T/dangling.s"
gcc -c -o "$T/dangling.o" "$T/dangling.s"
for cmd in "scan" "suffixes" "whatif" "denylist"; do
	"$INLSCAN" $cmd "$T/dangling.o" >"$T/partial.out" 2>"$T/partial.err"
	check_true "$cmd on an input with a warning: says it on stderr" \
		grep -q "warning:" "$T/partial.err"
done
"$INLSCAN" denylist "$T/dangling.o" >"$T/partial.out" 2>/dev/null
check_eq "denylist with a warning: exit 1, nothing written" "1 0" \
	"$? $(wc -c <"$T/partial.out")"
"$INLSCAN" denylist --allow-partial "$T/dangling.o" >/dev/null 2>&1
check_eq "denylist --allow-partial with a warning: exit 0" 0 $?
objcopy --strip-all --keep-section='.debug_*' "$T/units9" "$T/nosymtab"
expect_refusal "denylist without FUNC symbols: refused, says why" \
	"no FUNC symbols" denylist "$T/nosymtab"

# 8. a --debug-file without a build ID, for a file that has one
gcc -O2 -g -Wl,--build-id=none -o "$T/noid" "$T"/units/*.c
expect_refusal "--debug-file without a build ID refused" "has no build ID" \
	scan --debug-file "$T/noid" "$T/units9"

# 9. symlinks: followed, each file once, loops end, depth said
mkdir -p "$T/links/real" "$T/links/via"
cp "$T/units9" "$T/links/real/a.ko"
ln -s ../real/a.ko "$T/links/via/b.ko"
ln -s .. "$T/links/via/loop"
mkdir -p "$T/symonly"
ln -s "$T/units9" "$T/symonly/m.ko"
"$INLSCAN" scan "$T/symonly" >"$T/symonly.out" 2>&1
check_eq "a directory of symlinks: its file is scanned" "0 1" \
	"$? $(grep -c '^  ET_DYN' "$T/symonly.out")"
timeout 60 "$INLSCAN" scan --json "$T/links" >"$T/links.json"
check_eq "symlink loop: ends, the one file listed once" "0 1" \
	"$? $(jq '.reports // [.] | length' "$T/links.json")"
deep=$T/deep
for i in $(seq 70); do deep=$deep/d; done
mkdir -p "$deep"
cp "$T/units9" "$deep/x.ko"
"$INLSCAN" scan "$T/deep" >/dev/null 2>"$T/deep.err"
check_true "deeper than 64 directories: said on stderr" \
	grep -q "deeper than 64" "$T/deep.err"

# 10. outputs: never an input, whole or not at all
cp "$T/units9" "$T/victim"
expect_refusal "-o naming the input: refused" "is the input" scan -o "$T/victim" "$T/victim"
check_true "-o naming the input: the input unchanged" cmp -s "$T/units9" "$T/victim"
cp "$T/h.json" "$T/victim.json"
expect_refusal "report -o naming its JSON: refused" "is the input" \
	report -o "$T/victim.json" "$T/victim.json"
check_true "report -o naming its JSON: the JSON unchanged" cmp -s "$T/h.json" "$T/victim.json"
echo "old content" >"$T/kept.json"
(
	trap '' XFSZ
	ulimit -f 4
	"$INLSCAN" scan --json --all --sites -o "$T/kept.json" "$T/units9" 2>"$T/fsize.err"
	echo $? >"$T/fsize.rc"
)
check_eq "write past the file size limit: exit 1, the old file intact, no temp left" \
	"1 old content 0" \
	"$(cat "$T/fsize.rc") $(cat "$T/kept.json") $(ls -A "$T" | grep -c '^\.kept')"

# 11. a full stdout is an error in every command
for cmd in "scan" "suffixes" "whatif" "denylist --allow-partial" "probes"; do
	args=("$h")
	[ "$cmd" = probes ] && args=("$h" plain_safe_name)
	"$INLSCAN" $cmd "${args[@]}" >/dev/full 2>"$T/full.err"
	check_eq "$cmd to /dev/full: exit 1, says so" "1 1" \
		"$? $(grep -c 'No space left' "$T/full.err")"
done
"$INLSCAN" diff "$h" "$h" >/dev/full 2>/dev/null
check_eq "diff to /dev/full: exit 2 (trouble, as diff(1))" 2 $?

# 12. FIFOs, decompression bombs, report files that are not reports
mkfifo "$T/fifo"
expect_refusal "a FIFO as input: refused at once" "not a regular file" scan "$T/fifo"
expect_refusal "a FIFO as --debug-file: refused at once" "not a regular file" \
	scan --debug-file "$T/fifo" "$T/units9"
gcc -O2 -g -gz=zlib -c -o "$T/bomb.o" tests/hostile/names.c
python3 - "$T/bomb.o" <<'EOF'
import struct, sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
shoff, = struct.unpack_from("<Q", data, 0x28)
shentsize, shnum = struct.unpack_from("<HH", data, 0x3a)
for i in range(shnum):
    base = shoff + i * shentsize
    flags, = struct.unpack_from("<Q", data, base + 8)
    offset, = struct.unpack_from("<Q", data, base + 0x18)
    if flags & 0x800:  # SHF_COMPRESSED: Elf64_Chdr.ch_size at +8
        struct.pack_into("<Q", data, offset + 8, 1 << 40)
open(path, "wb").write(data)
EOF
expect_refusal "a compressed section claiming 1 TiB: refused before inflating" \
	"decompression bomb" scan "$T/bomb.o"
echo '{"schema": "inlscan/1", "reports": []}' >"$T/empty-list.json"
expect_refusal "a report with no reports: said" "holds no reports" scan "$T/empty-list.json"
echo '{}' >"$T/empty-object.json"
expect_refusal "an empty JSON object: said" "schema is missing" scan "$T/empty-object.json"
printf '\xef\xbb\xbf' >"$T/bom.json"
cat "$T/h.json" >>"$T/bom.json"
"$INLSCAN" scan --json --all --sites "$T/bom.json" >"$T/bom2.json"
check_eq "a report with a byte-order mark: read like the one without" "0 same" \
	"$? $(cmp -s "$T/h.json" "$T/bom2.json" && echo same)"

# 13. DW_AT_sibling far past the unit, report counts near 2^63
tests/bad/gen-dwarf.sh sibling "$T/sibling.s"
gcc -c -o "$T/sibling.o" "$T/sibling.s"
"$INLSCAN" scan "$T/sibling.o" >/dev/null 2>&1
rc=$?
check_true "DW_AT_sibling 0x8000000000000000: exit 0 or 1, no sanitizer report ($rc)" \
	test $rc -le 1
# jq rounds integers past 2^53: python writes them exactly
python3 - "$T/h.json" "$T/huge.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
for f in d["functions"]:
    f["direct_calls"] = f["inlined_bytes"] = 2**63 - 1
    f["sites"]["total"] = 2**62
json.dump(d, open(sys.argv[2], "w"))
EOF
"$INLSCAN" whatif --by-dir 1 "$T/huge.json" >/dev/null
rc=$?
check_eq "whatif on counts near 2^63: exit 0, no sanitizer report" 0 $rc
"$INLSCAN" whatif --json "$T/huge.json" | jq -e '[.functions[]?.everywhere // empty] | all(. <= 9223372036854775807)' >/dev/null
check_true "whatif on counts near 2^63: saturated, still JSON" test $? -le 1
