# Kernel-bound outputs on objects built like modules: the name ftrace
# lists when a copy has several (kallsyms' order: strong before weak,
# fewer leading underscores, then by name), __init code left out of
# runtime lists, and what is not kernel code under a modules tree left
# out of kernel deny-lists. Expected values from
# examples/kernel-module/fake.c and readelf. Self-contained.
M=$B/kmod
mkdir -p "$M/tree/kernel" "$M/tree/vdso"
kflags="-O2 -g -pg -mfentry -mrecord-mcount"
gcc $kflags -c -o "$M/fake.ko" examples/kernel-module/fake.c
# the three names of zed's copy, from readelf: one address
check_eq "fake.ko: zed, alpha_alias and aaa_weak share one address (readelf)" 1 \
	"$(readelf -sW "$M/fake.ko" | awk '$8 ~ /^(zed|alpha_alias|aaa_weak)$/ {print $2}' | sort -u | wc -l)"
"$INLSCAN" denylist "$M/fake.ko" >"$M/deny" 2>"$M/deny.err"
check_eq "denylist: zed's copy under the name ftrace lists, init code left out" \
	"0 alpha_alias:mod:fake" "$? $(tr '\n' ' ' <"$M/deny" | sed 's/ $//')"
check_true "denylist: says it left __init code out" \
	grep -q "left out 1 name in __init code" "$M/deny.err"
"$INLSCAN" denylist --boot "$M/fake.ko" >"$M/deny.boot" 2>/dev/null
check_eq "denylist --boot: init_only kept, for ftrace_notrace=" \
	"alpha_alias:mod:fake init_only:mod:fake" "$(tr '\n' ' ' <"$M/deny.boot" | sed 's/ $//')"
"$INLSCAN" probes --format kprobe "$M/fake.ko" zed init_only >"$M/probes"
check_eq "probes: one entry for the copy's three names, as ftrace names it" \
	"p:inlscan/zed_0 fake:alpha_alias+0x0" "$(grep '^p:inlscan/zed_0' "$M/probes")"
check_num "probes: zed: the copy and its 2 sites in mod_entry" 3 \
	"$(grep -c '^p:inlscan/zed_' "$M/probes")"
check_num "probes: init_only's copy and its site in init_user refused as init_text" 2 \
	"$(grep -c '^# refused (init_text' "$M/probes")"

# a vDSO-like shared object beside a module: not kernel code
printf 'static int clock_part(int x) { return x * 7 + 2; }\nint (*vhook)(int) = clock_part;\nint vdso_time(int x) { return clock_part(x) - 1; }\n' >"$M/vdso.c"
gcc -O2 -g -shared -fPIC -o "$M/tree/vdso/vdso64.so" "$M/vdso.c"
cp "$M/fake.ko" "$M/tree/kernel/"
"$INLSCAN" denylist "$M/tree" >"$M/tree.deny" 2>"$M/tree.err"
check_eq "modules tree: the vDSO's clock_part stays out of the kernel deny-list" \
	"0 alpha_alias:mod:fake" "$? $(tr '\n' ' ' <"$M/tree.deny" | sed 's/ $//')"
check_true "modules tree: says the vDSO is not kernel code" \
	grep -q "left out .*vdso64.so: not kernel code" "$M/tree.err"
check_eq "the vDSO alone is user space: its own deny-list has clock_part" \
	clock_part "$("$INLSCAN" denylist "$M/tree/vdso/vdso64.so" 2>/dev/null)"

# bpftrace: the probe list of a glob without the deny-list
"$INLSCAN" denylist --format bpftrace --glob '*' "$M/fake.ko" >"$M/list.bt" 2>/dev/null
check_eq "bpftrace probe list: mod_entry only (zed denied, init code gone)" \
	"kprobe:mod_entry" "$(grep -v '^//' "$M/list.bt")"
check_true "bpftrace probe list: names what it left out" \
	grep -q '^//   alpha_alias in fake: 2 inline sites' "$M/list.bt"
WANT_RC=2 expect_refusal "bpftrace deny-list without --glob: a usage error" \
	"give it with --glob" denylist --format bpftrace "$M/fake.ko"
