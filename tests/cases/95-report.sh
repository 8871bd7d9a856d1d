# The HTML report, loaded in a real browser (Debian's chromium, headless):
# the rendered DOM has the rows and bars the source implies, a filter
# narrows the table, and a screenshot is taken.
if ! command -v chromium >/dev/null; then
	not_ok "chromium is installed (tests/install-deps.sh)"
	return 0 2>/dev/null || exit 0
fi
H=$B/report
need_example gcc-nolto clang19-nolto clang19-thin
mkdir -p "$H"
browse() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
		--disable-background-networking --user-data-dir="$H/profile" \
		"$@" 2>/dev/null
}
"$INLSCAN" report --by-dir 0 -o "$H/nolto.html" "$B/gcc-nolto"
check_eq "report: self-contained (no http, no src= or href= to anything)" 0 \
	"$(grep -c -E 'https?://|src=|href=' "$H/nolto.html")"
dom=$(browse --dump-dom "file://$H/nolto.html")
# inline-cases without LTO: clamp_add full (util.h), helper partial
# (main.c), scale partial (lib.c): three rows, one bar per declaring file
check_eq "rendered: the table has the partial and full functions" \
	"clamp_add helper scale" \
	"$(echo "$dom" | grep -o '<tr class="fn"><td>[a-z_]*' | sed 's/.*<td>//' | tr '\n' ' ' | sed 's/ $//')"
check_eq "rendered: one bar per declaring file" 3 \
	"$(echo "$dom" | grep -o '<g class="bar">' | wc -l)"
check_eq "rendered: eight site-count buckets" 8 \
	"$(echo "$dom" | grep -o '<g class="bucket">' | wc -l)"
dom=$(browse --dump-dom "file://$H/nolto.html#filter=helper")
check_eq "rendered with #filter=helper: only helper's row is shown" \
	"helper" \
	"$(echo "$dom" | grep -o '<tr class="fn"><td>[a-z_]*' | sed 's/.*<td>//' | tr '\n' ' ' | sed 's/ $//')"
check_eq "rendered with #filter=helper: the two others are hidden" 2 \
	"$(echo "$dom" | grep -o '<tr class="fn" hidden="">' | wc -l)"
# column 3 is the site count: helper (2), scale (1) and clamp_add (2)
# ascending by sites puts scale first
dom=$(browse --dump-dom "file://$H/nolto.html#sort=3")
check_eq "rendered with #sort=3: rows ordered by sites, ascending" \
	"scale" \
	"$(echo "$dom" | grep -o '<tr class="fn"><td>[a-z_]*' | sed 's/.*<td>//' | head -n 1)"
"$INLSCAN" report --diff "$B/clang19-nolto" -o "$H/lto.html" "$B/clang19-thin"
dom=$(browse --dump-dom "file://$H/lto.html")
# the changes tests/expected/inline-cases.txt implies: lib_api, lib_secret
# (renamed), remote_only, scale
check_eq "rendered --diff: the changed functions, side by side" \
	"lib_api lib_secret remote_only scale" \
	"$(echo "$dom" | grep -o '<tr class="change"><td>[a-z_]*' | sed 's/.*<td>//' | tr '\n' ' ' | sed 's/ $//')"
browse --screenshot="$H/lto.png" --window-size=1200,900 "file://$H/lto.html" >/dev/null
check_true "screenshot taken ($H/lto.png)" test -s "$H/lto.png"
