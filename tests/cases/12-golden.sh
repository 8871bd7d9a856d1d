# Golden outputs of the committed fixtures (tests/fixtures: binaries built
# once by build.sh with gcc-12 and clang-19, so they do not move with the
# installed compiler): every byte inlscan writes for them is in review.
# The goldens' facts are checked here against tests/expected/
# inline-cases.txt (reasoned from the source), llvm-dwarfdump and
# readelf, so a golden cannot hold a wrong answer unnoticed.
fx=$top/tests/fixtures
while IFS=$'\t' read -r golden args; do
	# shellcheck disable=SC2086
	out=$(cd "$fx" && "$INLSCAN" $args 2>&1; echo "exit $?")
	if [ "$out" = "$(cat "$fx/$golden"; echo "exit 0")" ]; then
		ok "golden $golden: inlscan $args"
	else
		not_ok "golden $golden: inlscan $args differs (tests/fixtures/update.sh rewrites it)"
		diff -u "$fx/$golden" <(echo "$out") | head -n 30 | sed 's/^/# /'
	fi
done < <(grep -v '^#' "$fx/goldens.txt")

# the goldens' answers, independently
check_build "fixture gcc-12" nolto "$fx/inline-gcc12.elf"
check_build "fixture clang-19 thin" thin "$fx/inline-clang19-thin.elf"
want=$(readelf -sW "$fx/inline-clang19-thin.elf" |
	awk '$8 ~ /\.llvm\.[0-9]+$/ {print $8}' | sort)
check_eq "golden suffixes: the .llvm. symbols readelf lists" "$want" \
	"$(jq -r '.symbols[].symbol' "$fx/inline-clang19-thin.suffixes.json" | sort)"
want=$(llvm-dwarfdump-19 --statistics "$fx/tracing-gcc12.o" |
	jq '."#inlined functions"')
check_num "golden tracing scan: sites = llvm-dwarfdump #inlined functions" \
	"$want" "$(jq '.summary.inline_sites + .summary.inline_sites_discarded + .summary.inline_sites_split_parts' "$fx/tracing-gcc12.scan.json")"
# examples/tracing: traced_inline is inlined into main and noinstr_caller,
# notrace_inline twice into main; both stay out of line (taken[])
check_eq "golden tracing scan: each inlined at two sites, as the source calls it" \
	"notrace_inline:2 traced_inline:2" \
	"$(jq -r '[.functions[] | select(.name == "traced_inline" or .name == "notrace_inline") | "\(.name):\(.sites.total)"] | join(" ")' "$fx/tracing-gcc12.scan.json")"
