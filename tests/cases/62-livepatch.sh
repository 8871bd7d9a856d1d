# diff --livepatch on relocatable objects, what kpatch-build and klp-build
# compare (vmlinux.o): the functions whose bytes or relocations differ
# between the builds, checked against readelf's dump of each function
# section, and why each changed, checked against what the source says
# (tests/expected/livepatch-causes.txt). GCC objects linked with ld -r,
# clang ThinLTO objects with ld.lld -r, one section per function.
L=$B/lp
livepatch_sources "$L"
for v in orig patched; do
	(cd "$L/$v" &&
		gcc -O2 -g -ffunction-sections -c md.c -o md.o &&
		gcc -O2 -g -ffunction-sections -c main.c -o main.o &&
		ld -r -o gcc.o md.o main.o &&
		clang-19 -O2 -g -flto=thin -ffunction-sections -c md.c -o md.bc &&
		clang-19 -O2 -g -flto=thin -ffunction-sections -c main.c -o main.bc &&
		ld.lld-19 -r -o thin.o md.bc main.bc) 2>"$L/build.log"
done
check_true "livepatch objects build, before and after the patch" \
	test -s "$L/orig/gcc.o" -a -s "$L/patched/thin.o"

# readelf's view, one line per function section:
# "NAME|BYTES|RELOCS", RELOCS as "offset type symbol sign addend;..."
functions() {
	local f=$1 sec
	readelf -SW "$f" | sed 's/^ *\[ *[0-9]*\] *//' |
		awk '$1 ~ /^\.text\./ && $2 == "PROGBITS" {print $1}' |
		while read -r sec; do
			printf '%s|%s|%s\n' "${sec#.text.}" \
				"$(readelf -x "$sec" "$f" | awk '/^  0x/ {print $2 $3 $4 $5}' | tr -d '\n')" \
				"$(readelf -rW "$f" | awk -v s=".rela$sec" '
					/^Relocation section/ { on = ($3 == "\x27" s "\x27") ; next }
					on && /R_X86_64/ { printf "%s %s %s %s %s;", $1, $3, $5, $6, $7 }')"
		done | sed 's/^startup\.//' | sort
}
# names a tool cannot pair by name: ThinLTO's hash, a line number; and a
# static in a section of its own (.data.NAME) named as itself
norm_names() {
	sed -E 's/\.llvm\.[0-9]+//g; s/md_initstub_[0-9]+/md_initstub_#/g;
		s/ \.(data|bss|rodata)\.([A-Za-z_][A-Za-z0-9_]*) / \2 /g'
}
# relocations against a section (".rodata"): the addend as "*"
any_offset() {
	sed -E 's/( R_X86_64_[A-Z0-9_]+ \.[^ ]*) [-+] [0-9a-f]+;/\1 * *;/g'
}
# "KEY|BYTES|RELOCS|RELOCS, names correlated|and any section offset"
keyed() {
	local name bytes relocs
	while IFS='|' read -r name bytes relocs; do
		printf '%s|%s|%s|%s|%s\n' "$(norm_names <<<"$name")" "$bytes" \
			"$relocs" "$(norm_names <<<"$relocs")" \
			"$(norm_names <<<"$relocs" | any_offset)"
	done <"$1" | sort -t '|' -k1,1
}
# "FUNCTION RAW NORM ANY", each 1 where the two builds differ so
compare_views() {
	join -t '|' <(keyed "$1") <(keyed "$2") | awk -F'|' '{
		print $1, ($2 != $6 || $3 != $7), ($2 != $6 || $4 != $8),
		      ($2 != $6 || $5 != $9) }'
}
for b in gcc thin; do
	functions "$L/orig/$b.o" >"$L/$b.orig.raw"
	functions "$L/patched/$b.o" >"$L/$b.patched.raw"
	compare_views "$L/$b.orig.raw" "$L/$b.patched.raw" >"$L/$b.cmp"
	# what a tool pairing by exact name finds; of those, the ones alike
	# once names are correlated; and alike but for section offsets
	raw=$(awk '$2 {print $1}' "$L/$b.cmp" | sort)
	renamed_only=$(awk '$2 && !$3 {print $1}' "$L/$b.cmp" | sort)
	layout_only=$(awk '$3 && !$4 {print $1}' "$L/$b.cmp" | sort)
	json=$("$INLSCAN" diff --livepatch --json "$L/orig/$b.o" "$L/patched/$b.o")
	check_eq "livepatch $b: code and relocations compared" true \
		"$(echo "$json" | jq .binary)"
	check_eq "livepatch $b: changed functions = readelf's differing function sections" \
		"$raw" \
		"$(echo "$json" | jq -r '.changed[].name' | norm_names | sort)"
	check_eq "livepatch $b: changed only by a renamed reference = readelf's, same but for names" \
		"$renamed_only" \
		"$(echo "$json" | jq -r '.changed[] | select([.causes[].cause] | unique == ["renamed_reference"]) | .name' | norm_names | sort)"
	check_eq "livepatch $b: changed only by layout = readelf's, same but for section offsets" \
		"$layout_only" \
		"$(echo "$json" | jq -r '.changed[] | select([.causes[].cause] | unique == ["layout"]) | .name' | sort)"
	check_eq "livepatch $b: causes as the source says" \
		"$(awk -v b="$b" '$1 == b {print $2 ":" $3}' "$top/tests/expected/livepatch-causes.txt" | sort)" \
		"$(echo "$json" | jq -r '.changed[] | "\(.function):\([.causes[].cause] | join("+"))"' | sort)"
	check_eq "livepatch $b: md_scale new, fully inlined before (readelf: FUNC only after)" \
		"$(comm -13 <(readelf -sW "$L/orig/$b.o" | awk '$4 == "FUNC" {print $8}' | norm_names | sort) \
			<(readelf -sW "$L/patched/$b.o" | awk '$4 == "FUNC" {print $8}' | norm_names | sort)):full full>outline" \
		"$(echo "$json" | jq -r '"\([.new_functions[] | "\(.symbol):\(.was)"] | join(" ")) \([.status_flips[] | "\(.old)>\(.new)"] | join(" "))"')"
	check_eq "livepatch $b: the line-numbered stub paired as a hazard" \
		"md_initstub_$(grep -n '^MD_INITCALL_AT' "$L/orig/md.c" | cut -d: -f1) md_initstub_$(grep -n '^MD_INITCALL_AT' "$L/patched/md.c" | cut -d: -f1)" \
		"$(echo "$json" | jq -r '[.hazards[] | .old, .new] | join(" ")')"
	check_eq "livepatch $b: md_sanity's __LINE__, then and now, as grep finds md_warn's call" \
		"$(grep -n 'md_warn(__LINE__)' "$L/orig/md.c" | cut -d: -f1)>$(grep -n 'md_warn(__LINE__)' "$L/patched/md.c" | cut -d: -f1)" \
		"$(echo "$json" | jq -r '.changed[] | select(.function == "md_sanity") | .causes[0] | "\(.old_line)>\(.new_line)"')"
	check_eq "livepatch $b: with names kept stable, the renamed-only ones would not change" \
		"$(awk '$2 && $3' "$L/$b.cmp" | wc -l)" \
		"$(echo "$json" | jq .totals.changed_with_stable_names)"
done
check_eq "livepatch: --changed names a function whose own code changed" \
	"code+renamed_reference" \
	"$("$INLSCAN" diff --livepatch --json --changed md_check "$L/orig/thin.o" "$L/patched/thin.o" | jq -r '.changed[] | select(.name == "md_check") | [.causes[].cause] | join("+")')"
text=$("$INLSCAN" diff --livepatch "$L/orig/gcc.o" "$L/patched/gcc.o")
check_true "livepatch text: md_scale_up calls md_scale now" \
	grep -q 'md_scale_up .*md_scale called now' <<<"$text"
check_true "livepatch text: md_scale new, fully inlined before" \
	grep -q 'md_scale (fully inlined before)' <<<"$text"
