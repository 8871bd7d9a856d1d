# The HTML report, loaded in a real browser (Debian's chromium, headless):
# the rendered DOM has the rows, bars and details the source implies, a
# filter narrows the table, sorting by name works, and a screenshot is
# taken; on Debian's vmlinux the page's own clock says how long loading,
# a keystroke and a sort take (recorded here, not asserted).
if ! command -v chromium >/dev/null; then
	not_ok "chromium is installed (tests/install-deps.sh)"
	return 0 2>/dev/null || exit 0
fi
H=$B/report
need_example gcc-nolto clang19-nolto clang19-thin
mkdir -p "$H"
expected=$top/tests/expected/inline-cases.txt
browse() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
		--disable-background-networking --user-data-dir="$H/profile" \
		"$@" 2>/dev/null
}
# the names of the table's rows, in order
rows() {
	grep -o '<tr class="fn" data-i="[0-9]*"><td>[a-z_]*' | sed 's/.*<td>//' |
		tr '\n' ' ' | sed 's/ $//'
}
"$INLSCAN" report --by-dir 0 -o "$H/nolto.html" "$B/gcc-nolto"
check_eq "report: self-contained (no http, no src= or href= to anything)" 0 \
	"$(grep -c -E 'https?://|src=|href=' "$H/nolto.html")"
dom=$(browse --dump-dom "file://$H/nolto.html")
# partial functions first, by inline sites, then full: the table's nolto
# rows ordered so
check_eq "rendered: partial by sites, then full" \
	"$(awk '$1 == "nolto" && $3 != "outline" {print ($3 == "partial" ? 0 : 1), -$5, $2}' "$expected" | sort -k1,1n -k2,2n -k3 | awk '{print $3}' | tr '\n' ' ' | sed 's/ $//')" \
	"$(echo "$dom" | rows)"
check_eq "rendered: one bar per declaring file" 3 \
	"$(echo "$dom" | grep -o '<g class="bar">' | wc -l)"
# clamp_add (full) and helper (partial) have 2 sites, scale (partial) 1
check_eq "rendered: the histogram stacks full on partial: 1 site, 2 sites" \
	"1 partial 0 full 1 partial 1 full" \
	"$(echo "$dom" | sed 's/.*<svg id="sites"//; s/<\/svg>.*//' | grep -o '<title>[0-9]* \(partial\|full\)</title>' | sed 's/<[^>]*>//g' | head -n 4 | tr '\n' ' ' | sed 's/ $//')"
dom=$(browse --dump-dom "file://$H/nolto.html#filter=helper")
check_eq "rendered with #filter=helper: only helper's row, and the count says so" \
	"helper|1 of 3 functions" \
	"$(echo "$dom" | rows)|$(echo "$dom" | grep -o '<span id="count">[^<]*' | sed 's/.*>//')"
dom=$(browse --dump-dom "file://$H/nolto.html#sort=-sites")
check_eq "rendered with #sort=-sites (by name, fewest first): scale first" \
	scale "$(echo "$dom" | rows | cut -d' ' -f1)"
dom=$(browse --dump-dom "file://$H/nolto.html#show=helper")
# helper's two sites are in main, at the line of main.c that calls it
line=$(grep -n 'helper(' "$top/examples/inline-cases/main.c" | grep -v 'static' | cut -d: -f1)
check_eq "rendered with #show=helper: its sites under main, at main.c:$line" \
	"main main.c:$line main.c:$line" \
	"$(echo "$dom" | sed -n 's/.*<div id="details">//p' | grep -o '<li>[^<]*' | sed 's/<li>//; s/.*\///' | tr '\n' ' ' | sed 's/ $//' | grep -o 'main main.c:[0-9]* main.c:[0-9]*')"
"$INLSCAN" report --diff "$B/clang19-nolto" -o "$H/lto.html" "$B/clang19-thin"
dom=$(browse --dump-dom "file://$H/lto.html")
# the changes tests/expected/inline-cases.txt implies: lib_api, lib_secret
# (renamed), remote_only, scale
check_eq "rendered --diff: the changed functions, side by side" \
	"lib_api lib_secret remote_only scale" \
	"$(echo "$dom" | grep -o '<tr class="change"><td>[a-z_]*' | sed 's/.*<td>//' | tr '\n' ' ' | sed 's/ $//')"
check_true "rendered --diff: figures named in words, the key as a tooltip" \
	grep -q '<td title="functions_partial">partial functions' <<<"$dom"
browse --screenshot="$H/lto.png" --window-size=1200,900 "file://$H/lto.html" >/dev/null
check_true "screenshot taken ($H/lto.png)" test -s "$H/lto.png"
if need_kernel; then
	"$INLSCAN" report -o "$H/vmlinux.html" "$vmlinux"
	want=$("$INLSCAN" scan --json "$vmlinux" | jq '.summary.functions_partial + .summary.functions_full')
	timing=$(browse --dump-dom "file://$H/vmlinux.html#selftest" |
		grep -o '<pre id="timing">[^<]*' | sed 's/.*>//')
	echo "# vmlinux page ($(( $(wc -c <"$H/vmlinux.html") / 1024 / 1024 )) MB) in chromium: $timing"
	check_eq "vmlinux page: a row for every partial and full function" \
		"rows=$want" "$(grep -o 'rows=[0-9]*' <<<"$timing")"
fi
