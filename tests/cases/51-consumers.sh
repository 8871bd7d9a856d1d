# Probe lists fed to the tracers they are for: uprobe_events written,
# enabled, fired and removed in the running kernel (root and tracefs
# needed, else said and skipped), bpftrace 0.17 running the generated
# script on the example. Expected counts from examples/tracing/tracing.c:
# main runs once, so each inline site in main or noinstr_caller (called
# once) runs once. Self-contained.
C=$B/consumers
mkdir -p "$C"

# run_bpftrace DESC SCRIPT BINARY WANT PATTERN: bpftrace -d parses SCRIPT,
# and run with -c BINARY (root attaches uprobes) it prints the line
# matching PATTERN, WANT
run_bpftrace() {
	local desc=$1 script=$2 bin=$3 want=$4 pattern=$5
	if bpftrace -d "$script" >/dev/null 2>&1; then
		ok "$desc: bpftrace -d parses it"
	else
		not_ok "$desc: bpftrace -d parses it"
	fi
	(cd "$(dirname "$bin")" &&
		timeout 120 bpftrace "$script" -c "$bin" >"$script.out" \
			2>"$script.err")
	check_eq "$desc: it ran and counted" "0 $want" \
		"$? $(grep -- "$pattern" "$script.out")"
}
# built like a kernel (-mfentry): an inline site at the very start of a
# function would be that function's entry; these sit after the fentry call
gcc -O2 -g -pg -mfentry -mrecord-mcount -no-pie -o "$C/exec" examples/tracing/tracing.c
fns=(traced_inline notrace_inline noinstr_inline blacklisted_inline)
"$INLSCAN" probes "$C/exec" "${fns[@]}" >"$C/uprobes"
check_num "uprobes: a user-space ELF gets uprobe_events lines, one per point" \
	"$("$INLSCAN" probes --format json "$C/exec" "${fns[@]}" | jq '[.probes[].points[]] | length')" \
	"$(grep -cE "^p:inlscan/[A-Za-z_][A-Za-z0-9_]* $C/exec:0x[0-9a-f]+\$" "$C/uprobes")"
check_num "uprobes: no kprobe syntax for a user-space ELF" 0 \
	"$(grep -cE '^p:[^ ]+ [A-Za-z_][A-Za-z0-9_.]*\+0x' "$C/uprobes")"
# the offset is the file offset: readelf's PT_LOAD maps it back to the
# address the JSON gives for the same point
read -r vaddr foff < <(readelf -lW "$C/exec" | awk '$1 == "LOAD" && / R E / {print $3, $2}')
bad=0
while read -r ev addr; do
	off=$(grep "^p:inlscan/$ev " "$C/uprobes" | sed 's/.*:0x//')
	[ "$((16#$off - foff + vaddr))" = "$((addr))" ] || bad=$((bad + 1))
done < <("$INLSCAN" probes --format json "$C/exec" "${fns[@]}" |
	jq -r '.probes[].points[] | "\(.event) \(.address)"')
check_num "uprobes: every offset is its address through the PT_LOAD (readelf)" 0 "$bad"

tracefs=/sys/kernel/tracing
if [ "$(id -u)" = 0 ] && [ ! -e "$tracefs/uprobe_events" ]; then
	mount -t tracefs nodev "$tracefs" 2>/dev/null
fi
if [ -w "$tracefs/uprobe_events" ]; then
	# only this test's events: names unique to the run
	sed "s|^p:inlscan/|p:inlscan_t$$/|" "$C/uprobes" | grep '^p:' >"$C/lines"
	accepted=0
	while read -r line; do
		echo "$line" >>"$tracefs/uprobe_events" 2>/dev/null &&
			accepted=$((accepted + 1))
	done <"$C/lines"
	check_num "uprobes: the kernel accepts every line" "$(wc -l <"$C/lines")" "$accepted"
	echo 1 >"$tracefs/events/inlscan_t$$/enable"
	echo >"$tracefs/trace"
	(cd "$C" && ./exec)
	echo 0 >"$tracefs/events/inlscan_t$$/enable"
	sed -n 's/.* \([A-Za-z0-9_]*\): (0x[0-9a-f]*).*/\1/p' "$tracefs/trace" |
		sort | uniq -c | awk '{print $2, $1}' >"$C/fired"
	want=$("$INLSCAN" probes --format json "$C/exec" "${fns[@]}" |
		jq -r '.probes[].points[] | select(.kind == "inline") | "\(.event) 1"' | sort)
	# the source's sites: traced_inline 2, notrace_inline 2, the others 1
	check_num "uprobes: 6 inline sites listed" 6 "$(echo "$want" | wc -l)"
	check_eq "uprobes: each inline site fired once in one run of main" "$want" \
		"$(grep -Fxf <(echo "$want" | cut -d' ' -f1 | sed 's/$/ 1/') "$C/fired" | sort)"
	while read -r line; do
		ev=${line%% *}
		echo "-:${ev#p:}" >>"$tracefs/uprobe_events"
	done <"$C/lines"
	check_num "uprobes: every event removed again" 0 \
		"$(grep -c "inlscan_t$$/" "$tracefs/uprobe_events")"
else
	echo "# uprobe_events not writable here (not root, or no tracefs): kernel acceptance not checked"
fi

# bpftrace: Debian 12's 0.17 has no probe offset support, so the script
# holds the entries and names the inline sites it cannot attach
"$INLSCAN" probes --format bpftrace --check-bpftrace "$C/exec" traced_inline \
	>"$C/probes.bt" 2>"$C/check.err"
check_eq "bpftrace: --check-bpftrace reads the installed one's --info" "0 1" \
	"$? $(grep -c "bpftrace v0.17.0 cannot probe inside a function (bfd: no)" "$C/check.err")"
check_eq "bpftrace: entries probed (the copy, noinstr_caller+0), the site in main a comment" "2 1" \
	"$(grep -c '^uprobe:/' "$C/probes.bt") $(grep -c '^// refused (no_offsets' "$C/probes.bt")"
# what fires, from the source with argc = 1: v = 1 + 7 = 8 ... main ends
# with v = 2919 before taken[v & 3] = taken[3] = blacklisted_inline, so
# traced_inline's copy never runs; noinstr_caller (site at its +0) runs
# once: one call counted
run_bpftrace "bpftrace script" "$C/probes.bt" "$C/exec" \
	"@calls[traced_inline]: 1" '^@calls'

# the bpftrace deny-list: the probe list of a glob without the functions
# whose probes miss calls, run as a script's attach points. From
# examples/inline-cases: helper and scale are partial, main runs once.
gcc -O2 -g -o "$C/cases" examples/inline-cases/main.c examples/inline-cases/lib.c
"$INLSCAN" denylist --format bpftrace --glob '*' "$C/cases" >"$C/list.bt"
check_eq "bpftrace probe list: helper and scale left out and named" "0 2" \
	"$(grep -cE "^uprobe:.*:(helper|scale)\$" "$C/list.bt") $(grep -cE '^//   (helper|scale):' "$C/list.bt")"
check_true "bpftrace probe list: main is a probe" \
	grep -qE "^uprobe:$C/cases:main,?\$" "$C/list.bt"
{ cat "$C/list.bt"; echo '{ @[probe] = count(); }'; } >"$C/list-count.bt"
run_bpftrace "bpftrace probe list" "$C/list-count.bt" "$C/cases" \
	"@[uprobe:$C/cases:main]: 1" ':main\]'
