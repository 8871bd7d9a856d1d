# Comparing builds: suffixes, diff, diff --livepatch. Expected values come
# from tests/expected/inline-cases.txt (reasoned from the source), from the
# livepatch example's source and patch, and from readelf.
expected=$top/tests/expected/inline-cases.txt
need_example clang19-nolto clang19-thin clang19-full
L=$B/livepatch
livepatch_sources "$L"
for v in orig patched; do
	(cd "$L/$v" &&
		clang-19 -O2 -g -flto=thin -fuse-ld=lld-19 -o thin md.c main.c &&
		gcc -O2 -g -o nolto md.c main.c)
done
check_true "livepatch example builds, before and after the patch" \
	test -x "$L/patched/thin" -a -x "$L/orig/nolto"

# readelf: the .llvm.<hash> symbols of a build, "name kind" sorted
llvm_syms() {
	readelf -sW "$1" | awk '$8 ~ /\.llvm\.[0-9]+$/ && ($4 == "FUNC" || $4 == "OBJECT") {print $8, ($4 == "FUNC" ? "func" : "object")}' | sort
}
# the line of a declaration in a source file
decl_line() {
	grep -n "$2" "$1" | head -n 1 | cut -d: -f1
}

# suffixes: md.c's statics used by md_run are promoted once md_run is
# imported into main.c: md_validate always, md_max_level only after the
# patch makes md_run read it
for v in orig patched; do
	json=$("$INLSCAN" suffixes --json "$L/$v/thin")
	check_eq "suffixes $v: exactly readelf's .llvm. symbols" \
		"$(llvm_syms "$L/$v/thin")" \
		"$(echo "$json" | jq -r '.symbols[] | "\(.symbol) \(.kind)"' | sort)"
	check_eq "suffixes $v: every base unique (readelf has no other), no collision" \
		"true 0" "$(echo "$json" | jq -r '"\([.symbols[].base_unique] | all) \(.summary.collisions)"')"
done
json=$("$INLSCAN" suffixes --json "$L/patched/thin")
check_eq "suffixes: DWARF owner and declaration line of each" \
	"md_max_level:$(decl_line "$L/patched/md.c" '^static int md_max_level') md_validate:$(decl_line "$L/patched/md.c" 'int md_validate(')" \
	"$(echo "$json" | jq -r '[.symbols[] | "\(.dwarf.name):\(.dwarf.line)"] | sort | join(" ")')"
check_eq "suffixes: none without LTO" 0 \
	"$("$INLSCAN" suffixes --json "$L/patched/nolto" | jq '.summary.suffixed')"

# diff --livepatch, ThinLTO: md_validate keeps its suffix with a new hash,
# md_max_level gains one; both pairs are the only candidates: certain
old_v=$(llvm_syms "$L/orig/thin" | awk '/^md_validate/ {print $1}')
new_v=$(llvm_syms "$L/patched/thin" | awk '/^md_validate/ {print $1}')
new_m=$(llvm_syms "$L/patched/thin" | awk '/^md_max_level/ {print $1}')
json=$("$INLSCAN" diff --livepatch --json "$L/orig/thin" "$L/patched/thin")
check_eq "livepatch thin: the renames a binary diff cannot pair" \
	"hash_changed func $old_v $new_v true
suffix_appeared object md_max_level $new_m true" \
	"$(echo "$json" | jq -r '.renames[] | "\(.kind) \(.symbol_kind) \(.old) \(.new) \(.certain)"' | sort)"
# md_run is inlined twice in md_run_all and, imported, once in main
check_eq "livepatch thin: md_run's carriers" "main:1:true md_run_all:2:false" \
	"$(echo "$json" | jq -r '[.changed[] | select(.name == "md_run") | .carriers[] | "\(.function):\(.sites):\(.cross_tu)"] | join(" ")')"
# changed functions: readelf sizes that differ between the two builds
size_changed() {
	join <(readelf -sW "$1" | awk '$4 == "FUNC" && $7 != "UND" {print $8, $3}' | sort) \
		<(readelf -sW "$2" | awk '$4 == "FUNC" && $7 != "UND" {print $8, $3}' | sort) |
		awk '$2 != $3 {print $1}' | tr '\n' ' ' | sed 's/ $//'
}
check_eq "livepatch thin: changed functions = readelf size changes" \
	"$(size_changed "$L/orig/thin" "$L/patched/thin")" \
	"$(echo "$json" | jq -r '[.changed[].name] | sort | join(" ")')"
json=$("$INLSCAN" diff --livepatch --json "$L/orig/nolto" "$L/patched/nolto")
check_eq "livepatch nolto: no renames, md_run carried by md_run_all only" \
	"0 md_run_all:2" \
	"$(echo "$json" | jq -r '"\(.renames | length) \([.changed[] | select(.name == "md_run") | .carriers[] | "\(.function):\(.sites)"] | join(" "))"')"
check_eq "livepatch nolto: changed functions = readelf size changes" \
	"$(size_changed "$L/orig/nolto" "$L/patched/nolto")" \
	"$(echo "$json" | jq -r '[.changed[].name] | sort | join(" ")')"
check_eq "livepatch --changed names a same-size change too" "true" \
	"$("$INLSCAN" diff --livepatch --json --changed md_set_max "$L/orig/nolto" "$L/patched/nolto" | jq '[.changed[] | select(.name == "md_set_max") | .named] == [true]')"
"$INLSCAN" scan --json --sites -o "$L/nosyms.json" "$L/orig/thin"
msg=$("$INLSCAN" diff --livepatch "$L/nosyms.json" "$L/patched/thin" 2>&1 >/dev/null)
rc=$?
check_eq "livepatch: a report without --all is refused with the fix (trouble: 2)" "2 yes" \
	"$rc $(echo "$msg" | grep -q -- '--all --sites' && echo yes)"
"$INLSCAN" scan --json --all --sites -o "$L/orig.json" "$L/orig/thin"
check_eq "livepatch: REPORT.json with --all --sites gives the same view" \
	"$("$INLSCAN" diff --livepatch "$L/orig/thin" "$L/patched/thin" | tail -n +2)" \
	"$("$INLSCAN" diff --livepatch "$L/orig.json" "$L/patched/thin" | tail -n +2)"

# diff nolto -> LTO on inline-cases: the changes the expected table implies
# name:status_old>status_new:sites_old>sites_new:cross_old>cross_new:renamed
table_changes() {
	awk -v a="$1" -v b="$2" '
		$1 == a { st[$2] = $3; si[$2] = $5; cr[$2] = $6; sy[$2] = $7 }
		$1 == b && ($2 in st) {
			ren = (sy[$2] != $7 && sy[$2] != "-" && $7 != "-")
			if (st[$2] != $3 || si[$2] != $5 || cr[$2] != $6 || ren)
				print $2 ":" st[$2] ">" $3 ":" si[$2] ">" $5 ":" cr[$2] ">" $6 ":" ren
		}' "$expected" | sort
}
diff_changes() {
	jq -r '.changes[] | "\(.name):\(.old.status)>\(.new.status):\(.old.sites)>\(.new.sites):\(.old.cross_tu)>\(.new.cross_tu):\(if .renamed then 1 else 0 end)"' | sort
}
for pair in "clang19-nolto clang19-thin thin" "clang19-nolto clang19-full full"; do
	set -- $pair
	json=$("$INLSCAN" diff --json "$B/$1" "$B/$2")
	check_eq "diff $1 -> $2: changes the expected table implies" \
		"$(table_changes nolto "$3")" "$(echo "$json" | diff_changes)"
	want=$(( $(awk -v m="$3" '$1 == m && $3 == "partial"' "$expected" | wc -l) - \
		$(awk '$1 == "nolto" && $3 == "partial"' "$expected" | wc -l) ))
	check_eq "diff $1 -> $2: partial delta from the table" "$want" \
		"$(echo "$json" | jq '.summary.functions_partial.delta')"
done
check_eq "diff --fail-on new-partial: nolto -> thin fails" 1 \
	"$("$INLSCAN" diff --fail-on new-partial "$B/clang19-nolto" "$B/clang19-thin" >/dev/null; echo $?)"
check_eq "diff --fail-on new-full: nolto -> thin passes (nothing newly full)" 0 \
	"$("$INLSCAN" diff --fail-on new-full "$B/clang19-nolto" "$B/clang19-thin" >/dev/null; echo $?)"
check_eq "diff --fail-on new-full: nolto -> full LTO fails" 1 \
	"$("$INLSCAN" diff --fail-on new-full "$B/clang19-nolto" "$B/clang19-full" >/dev/null; echo $?)"
check_eq "diff --fail-on renamed: lib_secret gets .llvm. under ThinLTO" 1 \
	"$("$INLSCAN" diff --fail-on renamed "$B/clang19-nolto" "$B/clang19-thin" >/dev/null; echo $?)"
check_eq "diff: same build twice, no change, --fail-on passes" "0 0" \
	"$("$INLSCAN" diff --json --fail-on new-partial,new-full,renamed "$B/clang19-thin" "$B/clang19-thin" | jq '.changes | length') $?"
check_eq "diff: bad --fail-on word is a usage error" 2 \
	"$("$INLSCAN" diff --fail-on nope "$B/clang19-thin" "$B/clang19-thin" 2>/dev/null; echo $?)"
check_eq "diff: one build only is a usage error" 2 \
	"$("$INLSCAN" diff "$B/clang19-thin" 2>/dev/null; echo $?)"
