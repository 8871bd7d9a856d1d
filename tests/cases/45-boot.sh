# The kernel's own answer: Debian's 6.12 cloud kernel, the same build as
# the debug vmlinux, booted under QEMU (TCG) with a busybox initramfs.
# Every deny-list line is written into set_ftrace_notrace and every
# kprobe_events line of the ten busiest partial functions (plus every
# function whose probes anchor on _text) into kprobe_events, one write
# each; the kernel must accept them all, and the _text-anchored events
# must fire. INLSCAN_KERNEL=0 or INLSCAN_BOOT=0 skips it.
if [ "${INLSCAN_KERNEL:-1}" = 0 ] || [ "${INLSCAN_BOOT:-1}" = 0 ]; then
	echo "# boot tests skipped"
	return 0 2>/dev/null || exit 0
fi
K=$B/boot
mkdir -p "$K"
vmlinux=$(sh tests/get-kernel.sh 2>/dev/null)
vmlinuz=$(sh tests/get-kernel.sh -b 2>"$K/fetch.log")
if [ ! -f "$vmlinuz" ] || ! command -v qemu-system-x86_64 >/dev/null; then
	not_ok "boot: a bootable image and qemu ($(tail -n 1 "$K/fetch.log"))"
	return 0 2>/dev/null || exit 0
fi
"$INLSCAN" scan --json --all --sites -o "$K/vmlinux.json" "$vmlinux"
"$INLSCAN" denylist "$K/vmlinux.json" >"$K/denylist.lines" 2>"$K/deny.err"
check_true "boot: the deny-list leaves __init code out, and says so" \
	grep -q "left out [0-9]* names in __init code" "$K/deny.err"
busy=$(jq -r '[.functions[] | select(.status == "partial")] |
	sort_by(-.sites.total) | .[:10][] | .name' "$K/vmlinux.json")
anchored=$(jq -r '.functions[] | select(.status == "partial") |
	select([.inline_sites[]?.probe // "" | startswith("_text+")] | any) |
	.name' "$K/vmlinux.json" | head -n 5)
# shellcheck disable=SC2086
"$INLSCAN" probes "$K/vmlinux.json" $busy $anchored >"$K/probes"
grep '^p:' "$K/probes" >"$K/kprobes.lines"
check_true "boot: some probes anchor on _text (names kallsyms holds twice)" \
	grep -q ' _text+0x' "$K/kprobes.lines"
cat >"$K/job.sh" <<'JOB'
T=/sys/kernel/tracing
# one write per line: a refused line fails its own write
try_each() {
	n=0
	bad=0
	while read -r line; do
		n=$((n + 1))
		echo "$line" >>"$T/$2" 2>/dev/null ||
			{ bad=$((bad + 1)); echo "$line" >>"$1.rejected"; }
	done <"/data/$1.lines"
	echo "$n $bad" >"$1.count"
}
try_each denylist set_ftrace_notrace
try_each kprobes kprobe_events
# fire them: the busy functions run all the time
echo 1 >"$T/events/inlscan/enable"
ls -R /sys >/dev/null 2>&1
cat /proc/kallsyms >/dev/null
echo 0 >"$T/events/inlscan/enable"
sed -n 's/.* \([A-Za-z0-9_]*\): (.*/\1/p' "$T/trace" | sort | uniq -c >fired
JOB
if QEMU_TIMEOUT=1200 sh tests/qemu/boot.sh "$vmlinuz" "$K/job.sh" "$K/vm" \
	"$K/denylist.lines" "$K/kprobes.lines"; then
	ok "boot: the kernel booted and ran the job"
else
	not_ok "boot: the kernel booted and ran the job (see $K/vm/console.log)"
fi
read -r n bad <"$K/vm/results/denylist.count" 2>/dev/null
check_eq "boot: set_ftrace_notrace takes every deny-list line ($n)" 0 "${bad:-missing}"
read -r n bad <"$K/vm/results/kprobes.count" 2>/dev/null
check_eq "boot: kprobe_events takes every probe line ($n)" 0 "${bad:-missing}"
fired=0
for ev in $(awk '/ _text\+0x/ {sub("^p:inlscan/", "", $1); print $1}' "$K/kprobes.lines"); do
	grep -qw "$ev" "$K/vm/results/fired" 2>/dev/null && fired=$((fired + 1))
done
check_true "boot: _text-anchored events fired ($fired)" test "$fired" -gt 0
