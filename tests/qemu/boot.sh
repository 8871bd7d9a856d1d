#!/bin/sh
# boot.sh VMLINUZ JOB OUTDIR [FILE | SRC=DEST ...]: boot a kernel under
# QEMU (TCG, no KVM needed) with a busybox initramfs that mounts proc,
# sysfs and tracefs, runs the shell script JOB with each FILE in /data
# (and each SRC at the path DEST), and sends back what JOB
# wrote under /results (to OUTDIR/results) over a virtio serial port. The
# serial console goes to OUTDIR/console.log. Booted with nokaslr, so the
# kernel's addresses are its vmlinux's. Exits 0 if JOB ran to its end.
set -eu
vmlinuz=$1
job=$2
out=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$root/bin" "$root/data" "$root/results" "$root/proc" \
	"$root/sys" "$root/dev" "$root/tmp" "$out"
cp "$(command -v busybox)" "$root/bin/busybox"
cp "$job" "$root/job.sh"
for f; do
	case $f in
	*=*)
		mkdir -p "$root$(dirname "${f#*=}")"
		cp -L "${f%%=*}" "$root${f#*=}"
		;;
	*) cp "$f" "$root/data/" ;;
	esac
done
cat >"$root/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tracefs tracefs /sys/kernel/tracing
echo "inlscan-job: start"
(cd /results && sh /job.sh)
echo "inlscan-job: rc=$?"
port=$(ls /dev/vport*p1 | head -n 1)
cd /results && tar cf "$port" .
sync
poweroff -f
INIT
chmod +x "$root/init"
# not compressed: a large initramfs unpacks faster without, under TCG
(cd "$root" && find . | busybox cpio -o -H newc 2>/dev/null) \
	>"$work/initrd"
: >"$work/results.tar"
timeout "${QEMU_TIMEOUT:-900}" qemu-system-x86_64 -accel tcg \
	-m "${QEMU_MEMORY:-2048}" \
	-smp "${QEMU_CPUS:-1}" -nographic -no-reboot -kernel "$vmlinuz" \
	-initrd "$work/initrd" \
	-append "console=ttyS0 panic=-1 nokaslr quiet loglevel=3" \
	-device virtio-serial -chardev file,id=res,path="$work/results.tar" \
	-device virtserialport,chardev=res,name=results \
	>"$out/console.log" 2>&1 </dev/null ||
	true
rm -rf "$out/results"
mkdir -p "$out/results"
tar xf "$work/results.tar" -C "$out/results" 2>/dev/null || true
grep -q "inlscan-job: rc=0" "$out/console.log"
