# Tracer outputs: blind-spot classes, kprobe refusals, call-site coverage,
# deny-lists and probe lists. Expected values come from the sources in
# examples/tracing and examples/inline-cases, and from readelf and
# llvm-dwarfdump.
tr=$top/examples/tracing/tracing.c
need_example gcc-nolto clang19-nolto
ex=$top/examples/inline-cases
mkdir -p "$B/tracing"
kflags="-O2 -g -pg -mfentry -mrecord-mcount"
gcc $kflags -no-pie -o "$B/tracing/exec" "$tr"
gcc $kflags -c -o "$B/tracing/obj.o" "$tr"

# tracing.c, per function: status, class, and what kprobes say of its copy
want='blacklisted_inline partial not_attachable _kprobe_blacklist
kprobes_text_fn outline not_attachable .kprobes.text
main outline null null
noinstr_caller outline not_attachable .noinstr.text
noinstr_inline partial not_attachable .noinstr.text
notrace_inline partial not_attachable null
traced_inline partial incomplete null'
for f in exec obj.o; do
	bin=$B/tracing/$f
	json=$("$INLSCAN" scan --json --all --sites "$bin")
	check_eq "tracing $f: status, blind spot, nokprobe per function" "$want" \
		"$(echo "$json" | jq -r '.functions[] | "\(.name) \(.status) \(.blind_spot) \(.out_of_line[0].nokprobe)"')"
	check_eq "tracing $f: ftrace entry only where not notrace" \
		"blacklisted_inline kprobes_text_fn main traced_inline" \
		"$(echo "$json" | jq -r '[.functions[] | select(.out_of_line[0].ftrace) | .name] | join(" ")')"
	check_eq "tracing $f: class counts 1 incomplete, 5 not attachable" \
		"1 0 5 2" \
		"$(echo "$json" | jq -r '.summary | "\(.blind_incomplete) \(.blind_untraceable) \(.blind_not_attachable) \(.missed_inline_calls)"')"
	# traced_inline: one site in main (fine), one in noinstr_caller
	check_eq "tracing $f: a site inside noinstr code is refused" \
		"main:null noinstr_caller:.noinstr.text" \
		"$(echo "$json" | jq -r '[.functions[] | select(.name == "traced_inline") | .inline_sites[] | "\(.container):\(.refused)"] | join(" ")')"
	check_eq "tracing $f: denylist = partial names with an ftrace-listed copy" \
		"blacklisted_inline traced_inline" \
		"$("$INLSCAN" denylist "$bin" | tr '\n' ' ' | sed 's/ $//')"
done

# kprobe_events lines parsed back: the symbol exists (readelf), the offset
# lies inside it, and symbol + offset is an entry llvm-dwarfdump gives for
# that function: an inline site's entry_pc/low_pc, or the copy's low_pc.
bin=$B/tracing/exec
readelf -sW "$bin" | awk '$4 == "FUNC" && $7 != "UND" {print $8, $2, $3}' \
	>"$B/tracing/syms"
llvm-dwarfdump-19 --debug-info "$bin" | awk '
	function flush() {
		if (origin != "" && (entry != "" || low != ""))
			print origin, (entry != "" ? entry : low)
		origin = entry = low = ""
	}
	/^0x[0-9a-f]+: +DW_TAG/ { flush(); tag = $2; next }
	tag == "DW_TAG_inlined_subroutine" && /DW_AT_abstract_origin/ {
		origin = $NF; gsub(/[")]/, "", origin) }
	tag == "DW_TAG_subprogram" && /DW_AT_name/ && low == "" {
		origin = $NF; gsub(/[(")]/, "", origin) }
	tag == "DW_TAG_subprogram" && /DW_AT_abstract_origin/ {
		origin = $NF; gsub(/[")]/, "", origin) }
	/DW_AT_entry_pc/ { entry = $NF; gsub(/[()]/, "", entry) }
	/DW_AT_low_pc/ { low = $NF; gsub(/[()]/, "", low) }
	END { flush() }' | while read -r name addr; do
		printf '%s %d\n' "$name" "$addr"
	done | sort -u >"$B/tracing/entries"
probes=$("$INLSCAN" probes --format kprobe "$bin" traced_inline notrace_inline \
	noinstr_inline blacklisted_inline)
bad=0
lines=0
while read -r ev loc; do
	lines=$((lines + 1))
	fn=${ev#p:inlscan/}
	fn=${fn%_*}
	sym=${loc%+0x*}
	off=$((16#${loc##*+0x}))
	read -r saddr ssize < <(awk -v s="$sym" '$1 == s {print $2, $3}' \
		"$B/tracing/syms")
	if [ -z "$saddr" ] || [ "$off" -ge "$ssize" ] ||
		! grep -qx "$fn $((16#$saddr + off))" "$B/tracing/entries"; then
		bad=$((bad + 1))
		echo "# bad probe: $ev $loc"
	fi
done < <(echo "$probes" | grep '^p:')
# usable points, from the source: traced_inline entry + main site,
# notrace_inline 2 sites, noinstr_inline 1 site, blacklisted_inline 1 site
check_num "probes: usable kprobe_events lines" 6 "$lines"
check_num "probes: lines that fail readelf/llvm-dwarfdump checks" 0 "$bad"
check_eq "probes: refused points say why" \
	"_kprobe_blacklist .noinstr.text no_mcount .noinstr.text" \
	"$(echo "$probes" | sed -n 's/^# refused (\([^:]*\):.*/\1/p' | tr '\n' ' ' | sed 's/ $//')"
check_eq "probes: perf commands target the binary" 6 \
	"$("$INLSCAN" probes --format perf "$bin" traced_inline notrace_inline noinstr_inline blacklisted_inline | grep -c "^perf probe -x '$bin' -a 'inlscan:")"
bt=$("$INLSCAN" probes --format bpftrace "$bin" notrace_inline)
check_eq "probes: bpftrace probes the copy, names the two sites it cannot reach, counts per function" \
	"1 2 1" \
	"$(echo "$bt" | grep -c '^uprobe:/') $(echo "$bt" | grep -c '^// refused (no_offsets') $(echo "$bt" | grep -c '@calls\["notrace_inline"\] = count()')"
check_eq "probes: unknown function is an error" 1 \
	"$("$INLSCAN" probes "$bin" no_such_fn >/dev/null 2>&1; echo $?)"

# the scan JSON is an input everywhere
"$INLSCAN" scan --json --sites -o "$B/tracing/sites.json" "$bin"
"$INLSCAN" scan --json -o "$B/tracing/nosites.json" "$bin"
check_eq "REPORT.json: same deny-list as the ELF" \
	"$("$INLSCAN" denylist --format json "$bin")" \
	"$("$INLSCAN" denylist --format json "$B/tracing/nosites.json")"
check_eq "REPORT.json: same probes as the ELF" "$probes" \
	"$("$INLSCAN" probes --format kprobe "$B/tracing/sites.json" traced_inline notrace_inline noinstr_inline blacklisted_inline)"
check_eq "REPORT.json: same uprobe lines as the ELF" \
	"$("$INLSCAN" probes "$bin" traced_inline notrace_inline)" \
	"$("$INLSCAN" probes "$B/tracing/sites.json" traced_inline notrace_inline)"
check_eq "REPORT.json: scan text from JSON equals scan text from ELF" \
	"$("$INLSCAN" scan "$bin" | tail -n +2)" \
	"$("$INLSCAN" scan "$B/tracing/sites.json" | tail -n +2)"
msg=$("$INLSCAN" probes "$B/tracing/nosites.json" traced_inline 2>&1)
check_eq "REPORT.json without sites: probes says how to fix, exit 1" \
	"1 yes" "$?$(echo "$msg" | grep -q -- '--sites' && echo ' yes')"

# deny-list formats and filters on the inline-cases build (gcc, no LTO):
# helper (2 sites, main.c) and scale (1 site, lib.c) are partial
bin=$B/gcc-nolto
check_eq "denylist --min-sites 2: helper only" helper \
	"$("$INLSCAN" denylist --min-sites 2 "$bin")"
check_eq "denylist --dir: declared under lib.c" scale \
	"$("$INLSCAN" denylist --dir "$ex/lib.c" "$bin")"
check_eq "denylist --scope cross_tu: none without LTO" "" \
	"$("$INLSCAN" denylist --scope cross_tu "$bin")"
check_eq "denylist bpftrace: the glob's probe list names helper (2 sites) and scale (1) as left out" \
	'//   helper: 2 inline sites //   scale: 1 inline site' \
	"$("$INLSCAN" denylist --format bpftrace --glob '*' "$bin" | grep '^//   ' | tr '\n' ' ' | sed 's/ $//')"
check_eq "denylist: unknown format is a usage error" 2 \
	"$("$INLSCAN" denylist --format nope "$bin" 2>/dev/null; echo $?)"
check_eq "scan: a denylist option is rejected" 2 \
	"$("$INLSCAN" scan --min-sites 1 "$bin" 2>/dev/null; echo $?)"

# call-site coverage from DW_TAG_call_site: main.c calls scale, remote_only,
# lib_entry, lib_api and printf directly and helper through a pointer;
# lib.c calls lib_secret directly. scale: 1 direct call, 1 inline site.
for build in gcc-nolto clang19-nolto; do
	bin=$B/$build
	json=$("$INLSCAN" scan --json --all "$bin")
	check_eq "$build: direct/indirect call sites" "6 1" \
		"$(echo "$json" | jq -r '.summary | "\(.call_sites_direct) \(.call_sites_indirect)"')"
	dies=$(llvm-dwarfdump-19 --statistics "$bin" | jq '."#call site DIEs"')
	check_num "$build: call sites = llvm-dwarfdump #call site DIEs" "$dies" \
		"$(echo "$json" | jq '.summary.call_sites_direct + .summary.call_sites_indirect')"
	check_eq "$build: direct calls per function" \
		"helper:0 lib_api:1 lib_entry:1 lib_secret:1 remote_only:1 scale:1" \
		"$(echo "$json" | jq -r '[.functions[] | select(.name != "main" and .name != "clamp_add") | "\(.name):\(.direct_calls)"] | join(" ")')"
	check_true "$build: text says a trace on scale sees 1 of 2 calls" \
		grep -q 'scale (partial): a trace on its out-of-line copy sees 1 of 2 calls' \
		<("$INLSCAN" probes "$bin" scale)
done
gcc -O0 -g -o "$B/tracing/O0" "$ex"/*.c
check_eq "-O0: no call-site DIEs, and the text says so" "none yes" \
	"$("$INLSCAN" scan --json "$B/tracing/O0" | jq -r .summary.call_site_info) $("$INLSCAN" probes "$B/tracing/O0" helper | grep -q 'direct calls unknown' && echo yes)"

# grouping by declaration: clamp_add (util.h) full, helper (main.c) and
# scale (lib.c) partial
check_eq "--by-dir 0: one group per declaring file" \
	"lib.c:1:0 main.c:1:0 util.h:0:1" \
	"$("$INLSCAN" scan --json --by-dir 0 "$B/gcc-nolto" | jq -r '[.by_dir[] | "\(.dir | split("/") | last):\(.partial):\(.full)"] | join(" ")')"
