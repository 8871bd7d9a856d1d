# Input formats: relocatable objects, directories, separate debug files,
# dwz alt files, ftrace tables, GCC clones, and -j determinism.
ex=$top/examples/inline-cases
need_example gcc-nolto clang19-nolto gcc-dwarf4
mkdir -p "$B/objs"

# ET_REL: main.o keeps helper (address taken) and inlines it twice plus
# clamp_add once; lib.o inlines scale and clamp_add once each.
gcc -O2 -g -c -o "$B/objs/main.o" "$ex/main.c"
gcc -O2 -g -c -o "$B/objs/lib.o" "$ex/lib.c"
json=$("$INLSCAN" scan --json --all "$B/objs/main.o")
check_eq "main.o: ET_REL, helper partial with 2 sites, clamp_add full with 1" \
	"ET_REL partial 2 full 1" \
	"$(echo "$json" | jq -r '.input.elf_type + " " + ([.functions[] | select(.name == "helper" or .name == "clamp_add") | "\(.status) \(.sites.total)"] | reverse | join(" "))')"
want=$(readelf -sW "$B/objs/main.o" | awk '$8 == "helper" && $4 == "FUNC" {print $3}')
check_eq "main.o: helper's copy has readelf's size" "$want" \
	"$(echo "$json" | jq '.functions[] | select(.name == "helper") | .out_of_line[0].size')"
json=$("$INLSCAN" scan --json "$B/objs")
check_eq "directory: one report per object, sorted" "lib.o main.o" \
	"$(echo "$json" | jq -r '[.reports[].input.path | split("/") | last] | join(" ")')"
check_eq "directory: total sites 2+1 (main.o) + 1+1 (lib.o)" 5 \
	"$(echo "$json" | jq '.total.inline_sites')"
check_eq "directory: total partial helper (main.o) + scale (lib.o)" 2 \
	"$(echo "$json" | jq '.total.functions_partial')"
# reports are rendered on --jobs threads: the same bytes at any count
mkdir -p "$B/objs-many"
cp "$B/objs/main.o" "$B/objs/lib.o" "$B/objs-many/"
for f in tracing/tracing.c clones/clones.c livepatch/md.c; do
	gcc -O2 -g -c -o "$B/objs-many/$(basename "$f" .c).o" \
		"$top/examples/$f"
done
"$INLSCAN" scan --json --all --sites -j1 -o "$B/many-j1.json" "$B/objs-many"
"$INLSCAN" scan --json --all --sites -j3 -o "$B/many-j3.json" "$B/objs-many"
check_eq "directory: 5 reports, JSON identical at -j1 and -j3" "5 same" \
	"$(jq '.reports | length' "$B/many-j1.json") $(cmp -s "$B/many-j1.json" "$B/many-j3.json" && echo same)"

# ftrace table: -mrecord-mcount; the out-of-line helper and scale have an
# __fentry__ call each, so both partial names are ftrace-attachable
gcc -O2 -g -pg -mfentry -mrecord-mcount -no-pie -o "$B/mcount" "$ex"/*.c
check_true "mcount build: readelf shows __mcount_loc" \
	grep -q __mcount_loc <(readelf -SW "$B/mcount")
json=$("$INLSCAN" scan --json "$B/mcount")
check_eq "mcount build: 2 partial, both by ftrace" "2 2" \
	"$(echo "$json" | jq -r '"\(.summary.functions_partial) \(.summary.functions_partial_ftrace)"')"
gcc -O2 -g -pg -mfentry -mrecord-mcount -c -o "$B/objs-mcount.o" "$ex/main.c"
check_eq "mcount object (relocated table): helper copy ftrace" true \
	"$("$INLSCAN" scan --json "$B/objs-mcount.o" | jq '.functions[] | select(.name == "helper") | .out_of_line[0].ftrace')"
check_eq "no table: functions_partial_ftrace is null" null \
	"$("$INLSCAN" scan --json "$B/gcc-nolto" | jq '.summary.functions_partial_ftrace')"

# separate debug file: debuglink lookup and --debug-file give the same
# functions as the unstripped file
d=$B/split
mkdir -p "$d"
cp "$B/gcc-nolto" "$d/prog"
objcopy --only-keep-debug "$d/prog" "$d/prog.debug"
objcopy --strip-debug --add-gnu-debuglink="$d/prog.debug" "$d/prog" "$d/prog.stripped"
want=$("$INLSCAN" scan --json --all "$B/gcc-nolto" | jq -c '[.functions[] | [.name, .status, .sites, [.out_of_line[].symbol]]]')
check_eq "debuglink: same functions as the unstripped file" "$want" \
	"$("$INLSCAN" scan --json --all "$d/prog.stripped" | jq -c '[.functions[] | [.name, .status, .sites, [.out_of_line[].symbol]]]')"
mv "$d/prog.debug" "$d/elsewhere.debug"
check_eq "--debug-file: same functions" "$want" \
	"$("$INLSCAN" scan --json --all --debug-file "$d/elsewhere.debug" "$d/prog.stripped" | jq -c '[.functions[] | [.name, .status, .sites, [.out_of_line[].symbol]]]')"
err=$("$INLSCAN" scan --debug-file "$B/clang19-nolto" "$d/prog.stripped" 2>&1 >/dev/null)
rc=$?
check_eq "--debug-file of another build: exit 1" 1 "$rc"
check_true "--debug-file of another build: says it does not match" \
	grep -q "does not match" <<<"$err"

# dwz: two builds share an alt file; classification is unchanged
d=$B/dwz
mkdir -p "$d"
cp "$B/gcc-dwarf4" "$d/a"
gcc -O2 -gdwarf-4 -DVARIANT -o "$d/b" "$ex"/*.c
want=$("$INLSCAN" scan --json --all "$d/a" | jq -c '[.functions[] | [.name, .status, .sites]]')
(cd "$d" && dwz -m alt.debug -M "$d/alt.debug" a b)
check_true "dwz: a now has .gnu_debugaltlink" \
	grep -q gnu_debugaltlink <(readelf -SW "$d/a")
json=$("$INLSCAN" scan --json --all "$d/a")
check_eq "dwz: same functions, statuses and sites" "$want" \
	"$(echo "$json" | jq -c '[.functions[] | [.name, .status, .sites]]')"
check_true "dwz: alt units were read" \
	test "$(echo "$json" | jq .input.units)" -gt 2
mv "$d/alt.debug" "$d/alt.moved"
err=$("$INLSCAN" scan "$d/a" 2>&1 >/dev/null)
check_eq "dwz alt missing: exit 1, one line" "1 1" "$? $(echo "$err" | wc -l)"
check_true "dwz alt missing: names the alt file" grep -q "alt file" <<<"$err"

# GCC clones: readelf's symbols, and clone kinds parsed from them
gcc -O2 -g -o "$B/clones" "$top/examples/clones/clones.c"
json=$("$INLSCAN" scan --json --all "$B/clones")
for f in sum_fields compute; do
	sym=$(readelf -sW "$B/clones" | awk -v f="$f" 'index($8, f ".") == 1 {print $8}')
	kind=$(echo "$sym" | sed 's/^[a-z_]*\.\([a-z]*\)\..*/\1/')
	check_eq "clones: $f is only $sym ($kind), not traceable by name" \
		"$sym $kind false" \
		"$(echo "$json" | jq -r --arg f "$f" '.functions[] | select(.name == $f) | "\(.out_of_line[0].symbol) \(.out_of_line[0].clone) \(.traceable_by_name)"')"
done

# determinism: byte-identical JSON for any -j, on a many-unit input
"$INLSCAN" scan --json --all --sites -j1 "$INLSCAN" >"$B/j1.json"
for j in 2 5; do
	"$INLSCAN" scan --json --all --sites -j$j "$INLSCAN" >"$B/j$j.json"
	check_true "-j$j output identical to -j1" cmp -s "$B/j1.json" "$B/j$j.json"
done
check_true "determinism input has enough units to be split" \
	test "$(jq .input.units "$B/j1.json")" -ge 8

# several inputs as text: a line each, most partial first, then the sums
# and the distinct names, labelled; main.o keeps helper partial, lib.o
# scale (the source), and a copy of main.o repeats helper
mkdir -p "$B/objs-twice"
cp "$B/objs/main.o" "$B/objs/lib.o" "$B/objs-twice/"
cp "$B/objs/main.o" "$B/objs-twice/main-copy.o"
text=$("$INLSCAN" scan "$B/objs-twice")
check_eq "directory text: one line per input, ties by name" \
	"lib.o main-copy.o main.o" \
	"$(echo "$text" | awk '$NF ~ /\.o$/ && $1 ~ /^[0-9]+$/ {print $NF}' | tr '\n' ' ' | sed 's/ $//')"
check_eq "directory text: 3 partial summed over inputs, 2 distinct names (helper, scale)" \
	"3 2" \
	"$(echo "$text" | awk '/sum over the 3 inputs/ {s = $1} /distinct names across/ {d = $1} END {print s, d}')"
check_eq "directory text: --top 1 shows one input and says how many more" \
	"1 ... 2 more (--top 0 lists them all)" \
	"$("$INLSCAN" scan --top 1 "$B/objs-twice" | awk '$NF ~ /\.o$/ && $1 ~ /^[0-9]+$/ {n++} /more \(--top/ {sub(/^ +/, ""); m = $0} END {print n, m}')"
