# The own DIE and file-table readers (dwarf/dies.c, dwarf/lines.c) against
# libdw, DIE by DIE and file by file (tests/unit/test_dies.c): the
# examples from gcc and clang (DWARF 4 and 5, LTO, compressed sections,
# relocatable objects), a kernel module relocated by relocate.c, and the
# whole Debian vmlinux.
test_dies=${TEST_DIES:-$top/build/san/test_dies}
if [ ! -x "$test_dies" ]; then
	not_ok "test_dies is built (make SANITIZE=1 build/san/test_dies)"
	return 0 2>/dev/null || exit 0
fi
need_example gcc-nolto clang14-nolto clang19-thin clang19-full gcc-lto \
	gcc-dwarf4 clang19-dwarf4-thin gcc-gz
mkdir -p "$B/objs"
gcc -O2 -g -c -o "$B/objs/gcc.o" "$top/examples/tracing/tracing.c"
clang-19 -O2 -g -c -o "$B/objs/clang.o" "$top/examples/tracing/tracing.c"
inputs=()
for f in gcc-nolto clang14-nolto clang19-thin clang19-full gcc-lto \
	gcc-dwarf4 clang19-dwarf4-thin gcc-gz objs/gcc.o objs/clang.o; do
	inputs+=("$B/$f")
done
if need_kernel; then
	inputs+=("$vmlinux")
	inputs+=($(find "$modules" -name 'af_key.ko' -o -name 'ext4.ko' |
		sort | head -n 2))
fi
out=$("$test_dies" "${inputs[@]}")
rc=$?
echo "$out" | grep '^#'
echo "$out" | grep '^FAIL' | sed 's/^/# /'
last=$(echo "$out" | tail -n 1)
check_eq "test_dies: ${#inputs[@]} inputs read alike by both readers" \
	"0 failed, exit 0" "${last#* passed, }, exit $rc"
check_true "test_dies: checks ran ($last)" \
	test "$(echo "$last" | awk '{print $1}')" -ge $((6 * ${#inputs[@]}))
