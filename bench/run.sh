#!/usr/bin/env bash
# make bench: wall time, CPU time and max RSS of inlscan against a minimal
# libdw walk (the floor) and pahole's BTF encoder (the peer), on Debian's
# vmlinux and debug modules, in one run; ratios, not absolute times, are
# what compares across these noisy machines (docs/performance.md).
set -eu
cd "$(dirname "$0")/.."
vmlinux=$(sh tests/get-kernel.sh)
modules=$(dirname "$(dirname "$vmlinux")")/lib/modules
out=build/bench
mkdir -p "$out"
cc -O2 -g -o "$out/floor" bench/floor.c -ldw -lelf
command -v pahole >/dev/null || tests/install-deps.sh
command -v pahole >/dev/null || {
	echo "bench: pahole missing (Debian package dwarves)" >&2
	exit 1
}
ncpu=$(nproc)
inlscan=./build/release/inlscan

# measure NAME CMD...: one run, appended to $out/NAME.runs as
# "wall user sys rss_kb". Each run writes a new file, as a CI job does:
# opening the last round's output for writing truncated its 18 MB, 2 to
# 10 ms (the more, the longer ago it was written) charged to the run.
measure() {
	local name=$1
	shift
	rm -f "$out/$name.json" "$out/vmlinux.btf"
	/usr/bin/time -f "%e %U %S %M" -o "$out/$name.one" "$@" >/dev/null
	cat "$out/$name.one" >>"$out/$name.runs"
}
# NAME.time: its fastest run. These machines are shared: a slow run says
# more about the neighbours than about the code, and the rounds below
# interleave the commands so that each meets the same neighbours.
fastest() {
	sort -n -k1,1 "$out/$1.runs" | head -1 >"$out/$1.time"
}
field() {
	awk -v f="$2" '{print $f}' "$out/$1.time"
}
cpu() {
	awk '{printf "%.2f", $2 + $3}' "$out/$1.time"
}
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'
}

# The page cache holds the inputs for every run alike: read them again
# right before each run, since these virtual machines give page cache
# back to the host within seconds (fincore: 5 MB of the vmlinux gone in
# 20 idle seconds), and a run that reads from disk measures the disk.
warm() {
	cat "$@" >/dev/null
}
warm_modules() {
	find "$modules" -name '*.ko' -exec cat {} + >/dev/null
}
runs="floor j1 j2 jn thp1 thp2 pahole1 paholen modfloor modules probes_elf probes_json show"
# the --sites document the reload rows read, written once
"$inlscan" scan --json --sites -j2 -o "$out/sites.json" "$vmlinux"
for name in $runs; do
	: >"$out/$name.runs"
done
for _ in $(seq "${BENCH_REPEAT:-3}"); do
	warm "$vmlinux"
	measure floor "$out/floor" "$vmlinux"
	warm "$vmlinux"
	measure j1 "$inlscan" scan --json -j1 -o "$out/j1.json" "$vmlinux"
	warm "$vmlinux"
	measure j2 "$inlscan" scan --json -j2 -o "$out/j2.json" "$vmlinux"
	warm "$vmlinux"
	measure jn "$inlscan" scan --json -j"$ncpu" -o "$out/jn.json" \
		"$vmlinux"
	# the same, with glibc's heap on transparent huge pages: a setting
	# of the user's, shown for information, not used for the targets
	warm "$vmlinux"
	GLIBC_TUNABLES=glibc.malloc.hugetlb=1 measure thp1 "$inlscan" scan \
		--json -j1 -o "$out/thp1.json" "$vmlinux"
	warm "$vmlinux"
	GLIBC_TUNABLES=glibc.malloc.hugetlb=1 measure thp2 "$inlscan" scan \
		--json -j2 -o "$out/thp2.json" "$vmlinux"
	warm "$vmlinux"
	measure pahole1 pahole -J -j1 \
		--btf_encode_detached="$out/vmlinux.btf" "$vmlinux"
	warm "$vmlinux"
	measure paholen pahole -J -j"$ncpu" \
		--btf_encode_detached="$out/vmlinux.btf" "$vmlinux"
	warm_modules
	# shellcheck disable=SC2046 # one argument per module path
	measure modfloor "$out/floor" $(find "$modules" -name '*.ko' | sort)
	warm_modules
	# the .ko files the floor reads: the tree's vmlinux link and vDSO are
	# not modules
	measure modules "$inlscan" scan --json -j"$ncpu" \
		-o "$out/modules.json" $(find "$modules" -name '*.ko' | sort)
	# one function's probes, from the ELF and from the report; its story
	warm "$vmlinux"
	measure probes_elf "$inlscan" probes -j2 "$vmlinux" folio_put
	warm "$out/sites.json"
	measure probes_json "$inlscan" probes -j2 "$out/sites.json" folio_put
	warm "$vmlinux"
	measure show "$inlscan" show -j2 folio_put "$vmlinux"
done
for name in $runs; do
	fastest "$name"
done

# the same code scales differently on another kind of host: say which
hypervisor=$(dmesg 2>/dev/null |
	sed -n 's/.*Hypervisor detected: //p' | head -1)
echo "host: $(uname -r), $ncpu CPUs, hypervisor ${hypervisor:-unknown}," \
	"THP $(sed 's/.*\[\(.*\)\].*/\1/' \
		/sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null)"
printf '%-34s %8s %8s %10s %9s %9s %9s\n' run wall_s cpu_s max_rss_mb \
	wall/flr rss/flr wall/peer
row() {
	local name=$1 label=$2 peer=${3:-}
	printf '%-34s %8s %8s %10d %9s %9s %9s\n' "$label" "$(field "$name" 1)" \
		"$(cpu "$name")" $(( $(field "$name" 4) / 1024 )) \
		"$(ratio "$(field "$name" 1)" "$(field floor 1)")" \
		"$(ratio "$(field "$name" 4)" "$(field floor 4)")" \
		"$([ -n "$peer" ] && ratio "$(field "$name" 1)" "$(field "$peer" 1)" || echo -)"
}
row floor "floor: libdw visits every DIE"
row j1 "inlscan scan --json -j1" pahole1
row j2 "inlscan scan --json -j2"
row jn "inlscan scan --json -j$ncpu" paholen
row thp1 "  same, malloc on huge pages, -j1"
row thp2 "  same, malloc on huge pages, -j2"
row pahole1 "pahole -J -j1"
row paholen "pahole -J -j$ncpu"
nko=$(find "$modules" -name '*.ko' | wc -l)
row modfloor "floor, $nko modules (libdwfl)"
row modules "inlscan, $nko debug modules, -j$ncpu" modfloor
row probes_elf "probes folio_put, vmlinux, -j2"
row probes_json "probes folio_put, --sites JSON" probes_elf
row show "show folio_put, vmlinux, -j2"

same=yes
for name in j2 jn thp1 thp2; do
	cmp -s "$out/j1.json" "$out/$name.json" || same=no
done
echo
echo "JSON identical at -j1, -j2, -j$ncpu and on huge pages: $same"
target() {
	printf '%-60s %s\n' "$1" "$(awk -v v="$2" -v op="$3" -v t="$4" 'BEGIN {
		ok = (op == "<=") ? v <= t : v >= t
		printf "%.2f (target %s %s): %s", v, op, t, ok ? "met" : "missed" }')"
}
target "-j1 wall / floor wall" "$(ratio "$(field j1 1)" "$(field floor 1)")" "<=" 1.2
target "-j1 wall / -j2 wall" "$(ratio "$(field j1 1)" "$(field j2 1)")" ">=" 1.8
target "-j1 max RSS / floor max RSS" "$(ratio "$(field j1 4)" "$(field floor 4)")" "<=" 1.5
target "modules tree wall / vmlinux wall (-j$ncpu)" \
	"$(ratio "$(field modules 1)" "$(field jn 1)")" "<=" 2
target "probes from the --sites JSON / from the vmlinux (-j2)" \
	"$(ratio "$(field probes_json 1)" "$(field probes_elf 1)")" "<=" 1
target "show folio_put on the vmlinux at -j2, seconds" \
	"$(field show 1)" "<=" 1

# The ratio of the two commands within each round, seconds apart, and its
# median over the rounds: for information beside the targets, which take
# each command's fastest run; one lucky run sways those, not this.
# With cpu as $3, of CPU time (user + system) instead of wall time.
paired() {
	paste -d' ' "$out/$1.runs" "$out/$2.runs" |
		awk -v cpu="${3:-}" '{
			if (cpu) print ($2 + $3) / ($6 + $7); else print $1 / $5 }' |
		sort -n | awk '{ v[NR] = $1 } END {
			m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			printf "%.2f", m }'
}
echo
echo "median over the rounds of each round's ratio:" \
	"-j1/floor $(paired j1 floor), -j1/-j2 $(paired j1 j2)," \
	"modules/vmlinux $(paired modules jn)"
# -j2 can only reach 2x -j1 if two threads do the work in the CPU time of
# one: what they take beyond it is lost to running side by side.
echo "CPU time of the same work, -j2 / -j1, median over the rounds:" \
	"$(paired j2 j1 cpu)"
[ "$same" = yes ]
