# GCC's split functions: a body inlined back into its own header's copy
# is not a call; real recursion inlined into itself is. Expected values
# from examples/split/split.c (line numbers found in the source) and
# from llvm-dwarfdump's DIEs, never from inlscan. Self-contained.
S=$B/split
mkdir -p "$S"
src=examples/split/split.c
decl=$(grep -n '^static void unlink_node' "$src" | cut -d: -f1)
recurse=$(grep -n 'return 1 + tree_size' "$src" | cut -d: -f1)
outer=$(grep -n 'return tree_size(a);' "$src" | cut -d: -f1)
# gcc 12 pinned: another GCC may split or inline differently
gcc-12 -O2 -g -c -o "$S/split.o" "$src"
"$INLSCAN" scan --json --sites "$S/split.o" >"$S/split.json"
# llvm-dwarfdump: each inlined-subroutine DIE as "origin call_line"
llvm-dwarfdump-19 --debug-info "$S/split.o" | awk '
	/DW_TAG_inlined_subroutine/ { site = 1; origin = ""; next }
	/DW_TAG/ { site = 0 }
	site && /DW_AT_abstract_origin/ { match($0, /"[^"]*"/); origin = substr($0, RSTART + 1, RLENGTH - 2) }
	site && /DW_AT_call_line/ { match($0, /\([0-9]+\)/); print origin, substr($0, RSTART + 1, RLENGTH - 2); site = 0 }
' >"$S/dies"
parts=$(grep -c "^unlink_node $decl\$" "$S/dies")
check_true "split: gcc-12 inlined unlink_node's body back ($parts DIEs at its declaration line $decl)" \
	test "$parts" -gt 0
check_num "split: the body DIEs are counted apart, as split parts" "$parts" \
	"$(jq '.summary.inline_sites_split_parts' "$S/split.json")"
check_eq "split: unlink_node has the 3 calls of the source, not $((3 + parts))" \
	"3 drop_all,drop_two,drop_two" \
	"$(jq -r '.functions[] | select(.name == "unlink_node") | "\(.sites.total) \([.inline_sites[].caller] | sort | join(","))"' "$S/split.json")"
want_rec=$(grep -c "^tree_size \($recurse\|$outer\)\$" "$S/dies")
check_num "split: tree_size's inlined recursion stays sites (llvm-dwarfdump: $want_rec)" \
	"$want_rec" "$(jq '.functions[] | select(.name == "tree_size") | .sites.total' "$S/split.json")"
check_true "split: tree_size recursed into itself at least once" \
	test "$(grep -c "^tree_size $recurse\$" "$S/dies")" -gt 0
check_num "split: sites + split parts = llvm-dwarfdump #inlined functions" \
	"$(llvm-dwarfdump-19 --statistics "$S/split.o" | jq '."#inlined functions"')" \
	"$(jq '.summary.inline_sites + .summary.inline_sites_split_parts + .summary.inline_sites_discarded' "$S/split.json")"
"$INLSCAN" probes --format kprobe "$S/split.o" unlink_node >"$S/probes"
check_num "split: unlink_node probes: 1 entry + 3 sites" 4 \
	"$(grep -c '^p:' "$S/probes")"
