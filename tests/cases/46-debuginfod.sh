# --kernel through debuginfod: a real debuginfod server on 127.0.0.1
# serves the Debian debug vmlinux; a system root holding only what the
# running kernel exposes (/sys/kernel/notes: the vmlinux's .notes bytes,
# /proc/sys/kernel/osrelease) and no debug files makes inlscan fetch it by
# build ID. The answer must equal the scan of the local file. Skipped
# with the kernel tests (INLSCAN_KERNEL=0).
if [ "${INLSCAN_KERNEL:-1}" = 0 ]; then
	echo "# debuginfod tests skipped: INLSCAN_KERNEL=0"
	return 0 2>/dev/null || exit 0
fi
D=$B/debuginfod
rm -rf "$D"
mkdir -p "$D/files" "$D/root/sys/kernel" "$D/root/proc/sys/kernel"
vmlinux=$(sh tests/get-kernel.sh 2>/dev/null)
release=${vmlinux##*/vmlinux-}
objcopy -O binary --only-section=.notes "$vmlinux" "$D/root/sys/kernel/notes"
echo "$release" >"$D/root/proc/sys/kernel/osrelease"
id=$(readelf -n "$vmlinux" | awk '/Build ID/ {print $3; exit}')
ln -s "$vmlinux" "$D/files/vmlinux"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
debuginfod -F -L -p "$port" -d "$D/index.sqlite" "$D/files" >"$D/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do
	curl -sf -o /dev/null "http://127.0.0.1:$port/buildid/$id/debuginfo" && break
	sleep 0.2
done
DEBUGINFOD_URLS=http://127.0.0.1:$port DEBUGINFOD_CACHE_PATH=$D/cache \
	"$INLSCAN" scan --json --kernel --sysroot "$D/root" >"$D/fetched.json" 2>"$D/fetched.err"
check_eq "debuginfod: --kernel fetches the vmlinux by its build ID ($id)" \
	"0 $D/cache/$id/debuginfo" "$? $(jq -r .input.path "$D/fetched.json")"
"$INLSCAN" scan --json "$vmlinux" >"$D/local.json"
check_true "debuginfod: the fetched vmlinux gives the local file's answer" \
	cmp -s <(jq -c '.functions, .summary, .input.build_id' "$D/fetched.json") \
	<(jq -c '.functions, .summary, .input.build_id' "$D/local.json")
# another kernel: the same notes with the build ID's first byte changed
python3 - "$D/root/sys/kernel/notes" "$D/other-notes" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
i = data.find(b"GNU\0")
while i >= 0 and int.from_bytes(data[i - 4:i], "little") != 3:
    i = data.find(b"GNU\0", i + 1)
data[i + 4] ^= 0xff
open(sys.argv[2], "wb").write(data)
PY
cp "$D/other-notes" "$D/root/sys/kernel/notes"
err=$(DEBUGINFOD_URLS=http://127.0.0.1:$port DEBUGINFOD_CACHE_PATH=$D/cache \
	"$INLSCAN" scan --kernel --sysroot "$D/root" 2>&1 >/dev/null)
rc=$?
check_eq "debuginfod: an unknown build ID is one clear line, exit 1" "1 1" \
	"$rc $(echo "$err" | wc -l)"
check_true "debuginfod: the line names the build ID, where it looked, what to install" \
	grep -q "build ID $(printf '%02x' $((0x${id:0:2} ^ 0xff)))${id:2}.*debuginfod (http://127.0.0.1:$port).*install linux-image-$release-dbg" <<<"$err"
kill "$server"
wait "$server" 2>/dev/null
check_true "debuginfod: the server is stopped" \
	test -z "$(curl -s "http://127.0.0.1:$port/metrics" 2>/dev/null)"
