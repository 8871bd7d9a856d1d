# The kernel's own answer, on the user's own machine: Debian's 6.12 cloud
# kernel, the very build the debug vmlinux describes, booted under QEMU
# (TCG) with a busybox initramfs holding inlscan, its libraries and the
# debug vmlinux at /usr/lib/debug/boot. In the guest, `inlscan denylist
# --kernel` finds the vmlinux by the running kernel's build ID and reads
# its ftrace listing; every line goes into set_ftrace_notrace, one write
# each. `inlscan probes --kernel` for the ten busiest partial functions
# and five whose probes anchor on _text: every line into kprobe_events
# with >>, enabled, fired, removed. The kernel must take every line.
# INLSCAN_KERNEL=0 or INLSCAN_BOOT=0 skips it.
if [ "${INLSCAN_KERNEL:-1}" = 0 ] || [ "${INLSCAN_BOOT:-1}" = 0 ]; then
	echo "# boot tests skipped"
	return 0 2>/dev/null || exit 0
fi
K=$B/boot
rm -rf "$K"
mkdir -p "$K"
vmlinux=$(sh tests/get-kernel.sh 2>/dev/null)
release=${vmlinux##*/vmlinux-}
vmlinuz=$(sh tests/get-kernel.sh -b 2>"$K/fetch.log")
if [ ! -f "$vmlinuz" ] || ! command -v qemu-system-x86_64 >/dev/null; then
	not_ok "boot: a bootable image and qemu ($(tail -n 1 "$K/fetch.log"))"
	return 0 2>/dev/null || exit 0
fi
# the guest runs the plain build: the sanitizers' runtime is not there
guest_inlscan=$top/build/release/inlscan
make -s -C "$top" build/release/inlscan >/dev/null
"$guest_inlscan" scan --json --all --sites -o "$K/vmlinux.json" "$vmlinux"
jq -r '[.functions[] | select(.status == "partial")] |
	sort_by(-.sites.total) | .[:10][] | .name' "$K/vmlinux.json" >"$K/busy"
jq -r '.functions[] | select(.status == "partial") |
	select([.inline_sites[]?.probe // "" | startswith("_text+")] | any) |
	.name' "$K/vmlinux.json" | head -n 5 >>"$K/busy"
cat >"$K/job.sh" <<'JOB'
T=/sys/kernel/tracing
export PATH=/usr/bin:/bin
# one write per line, on one open file (ftrace applies the list when it
# is closed): a refused line fails its own write
try_each() {
	n=0
	bad=0
	exec 3>>"$T/$2"
	while read -r line; do
		n=$((n + 1))
		echo "$line" >&3 2>/dev/null ||
			{ bad=$((bad + 1)); echo "$line" >>"$1.rejected"; }
	done <"$1.lines"
	exec 3>&-
	echo "$n $bad" >"$1.count"
}
clock() { cut -d' ' -f1 /proc/uptime; }
t0=$(clock)
inlscan denylist --kernel >denylist.lines 2>denylist.err
echo "exit $?" >>denylist.err
# shellcheck disable=SC2046
inlscan probes --kernel $(cat /data/busy) >probes.out 2>probes.err
echo "exit $?" >>probes.err
grep '^p:' probes.out >kprobes.lines
t1=$(clock)
# ftrace and kprobe events take different locks: one CPU each
(try_each denylist set_ftrace_notrace; clock >denylist.clock) &
try_each kprobes kprobe_events
# fire the ones anchored on _text: the busy functions run all the time
anchored=$(awk '/ _text\+0x/ {sub("^p:inlscan/", "", $1); print $1}' kprobes.lines)
for ev in $anchored; do echo 1 >"$T/events/inlscan/$ev/enable"; done
ls -R /sys >/dev/null 2>&1
cat /proc/kallsyms >/dev/null
for ev in $anchored; do echo 0 >"$T/events/inlscan/$ev/enable"; done
sed -n 's/.* \([A-Za-z0-9_]*\): (.*/\1/p' "$T/trace" | sort | uniq -c >fired
sed 's/^p:\([^ ]*\).*/-:\1/' kprobes.lines >removals.lines
try_each removals kprobe_events
grep -c '^p:inlscan/' "$T/kprobe_events" >kprobes.left
t2=$(clock)
wait
echo "$t0 $t1 $(cat denylist.clock) $t2" >clock
# what the host needs to ask the same questions of a copy of this system
cat /sys/kernel/notes >notes
cat /proc/sys/kernel/osrelease >osrelease
cat "$T/available_filter_functions" >available_filter_functions
JOB
files="$guest_inlscan=/usr/bin/inlscan $vmlinux=/usr/lib/debug/boot/vmlinux-$release $K/busy"
for lib in $(ldd "$guest_inlscan" | grep -o '/[^ ]*'); do
	files="$files $lib=$lib"
done
start=$(date +%s)
# shellcheck disable=SC2086
if QEMU_CPUS=2 QEMU_MEMORY=3072 QEMU_TIMEOUT=1200 sh tests/qemu/boot.sh "$vmlinuz" \
	"$K/job.sh" "$K/vm" $files; then
	ok "boot: Debian's $release booted and ran the job in $(($(date +%s) - start)) s"
else
	not_ok "boot: the kernel booted and ran the job (see $K/vm/console.log)"
fi
R=$K/vm/results
read -r t0 t1 t2 t3 <"$R/clock" 2>/dev/null
echo "# guest timings (s, TCG): $(awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" 'BEGIN {printf "denylist and probes --kernel %.1f, then side by side: set_ftrace_notrace writes %.1f, kprobe_events writes, firing, removal %.1f", b - a, c - b, d - b}')"
echo "# guest: $(grep 'disagree' "$R/denylist.err")"
check_eq "boot: denylist --kernel found the vmlinux by build ID and exited 0" \
	"exit 0" "$(tail -n 1 "$R/denylist.err" 2>/dev/null)"
read -r n bad <"$R/denylist.count" 2>/dev/null
check_eq "boot: set_ftrace_notrace takes every deny-list line ($n)" 0 "${bad:-missing}"
check_true "boot: the deny-list left __init code out, and said so" \
	grep -q "left out [0-9]* names in __init code" "$R/denylist.err"
read -r n bad <"$R/kprobes.count" 2>/dev/null
check_eq "boot: kprobe_events takes every probe line ($n)" 0 "${bad:-missing}"
check_eq "boot: every event removed again, one write each" "0 0" \
	"$(cut -d' ' -f2 "$R/removals.count" 2>/dev/null) $(cat "$R/kprobes.left" 2>/dev/null)"
fired=0
for ev in $(awk '/ _text\+0x/ {sub("^p:inlscan/", "", $1); print $1}' "$R/kprobes.lines"); do
	grep -qw "$ev" "$R/fired" 2>/dev/null && fired=$((fired + 1))
done
check_true "boot: _text-anchored events fired ($fired)" test "$fired" -gt 0
# the same question asked on the host of a copy of the guest's system:
# its /sys/kernel/notes, osrelease and ftrace listing, and the debug file
S=$K/sysroot
mkdir -p "$S/sys/kernel/tracing" "$S/proc/sys/kernel" "$S/usr/lib/debug/boot"
cp "$R/notes" "$S/sys/kernel/notes"
cp "$R/osrelease" "$S/proc/sys/kernel/osrelease"
cp "$R/available_filter_functions" "$S/sys/kernel/tracing/"
ln -s "$vmlinux" "$S/usr/lib/debug/boot/vmlinux-$release"
check_true "boot: /sys/kernel/notes is the debug vmlinux's .notes (objcopy)" \
	cmp -s "$R/notes" <(objcopy -O binary --only-section=.notes "$vmlinux" /dev/stdout)
"$INLSCAN" denylist --kernel --sysroot "$S" >"$K/host.denylist" 2>/dev/null
check_true "boot: --sysroot on the copy gives the guest's deny-list" \
	cmp -s "$K/host.denylist" "$R/denylist.lines"
