# The option table is the one source: each command's --help, the options
# getopt accepts for it, the man page's list and the completion must say
# the same. Expected sets come from 'help --options' (the table), checked
# against what each consumer does.
table=$("$INLSCAN" help --options)
commands=$(cut -f1 <<<"$table" | uniq | tr '\n' ' ')
check_eq "the table's commands are those inlscan --help lists" \
	"$(echo "$commands" | tr ' ' '\n' | grep . | sort | tr '\n' ' ')" \
	"$("$INLSCAN" --help | awk '/^Commands:/ {on = 1; next} on && /^  [a-z]/ {print $1}' | grep -vx help | sort | tr '\n' ' ')"

gen=$(mktemp -d)
"$top/docs/generate.sh" "$INLSCAN" "$gen"
check_true "docs/inlscan.1 is what docs/generate.sh writes from the table" \
	cmp -s "$top/docs/inlscan.1" "$gen/docs/inlscan.1"
check_true "completion/inlscan.bash is what docs/generate.sh writes" \
	cmp -s "$top/completion/inlscan.bash" "$gen/completion/inlscan.bash"
rm -rf "$gen"

# the man page, rendered, names every long option of the table
man_text=$(MANWIDTH=200 man -l "$top/docs/inlscan.1" 2>/dev/null)
missing=
for opt in $(cut -f3 <<<"$table" | sort -u); do
	grep -q -- "$opt" <<<"$man_text" || missing+=" $opt"
done
check_eq "man page (rendered) lists every option" "" "$missing"

# the options a command's table rows name
options_of() {
	awk -F '\t' -v c="$1" '$1 == c { print $3 }' <<<"$table" | sort -u
}
all_options=$(cut -f3 <<<"$table" | sort -u)
# an option's argument in the table ("-" for none)
arg_of() {
	awk -F '\t' -v o="$1" '$3 == o { print $4; exit }' <<<"$table"
}

# bash completion of "inlscan CMD --"
complete_options() {
	bash -c '. "$1"; COMP_WORDS=(inlscan "$2" --); COMP_CWORD=2
		_inlscan; printf "%s\n" "${COMPREPLY[@]}"' _ \
		"$top/completion/inlscan.bash" "$1" | sort -u
}

for c in $commands; do
	want=$(options_of "$c")
	help=$("$INLSCAN" "$c" --help)
	check_eq "$c --help lists exactly the table's options" "$want" \
		"$(sed -n '/^Options:/,/^$/p' <<<"$help" |
			grep -oE -- '^ +(-[a-z], )?--[a-z][a-z-]*' |
			grep -oE -- '--[a-z-]+' | sort -u)"
	check_eq "help $c prints $c --help" "$help" "$("$INLSCAN" help "$c")"
	check_eq "completion offers $c's options" "$want" \
		"$(complete_options "$c" | grep -- '^--')"
	# getopt: each option of the command is accepted, every other one
	# refused as not this command's
	wrong=
	for opt in $all_options; do
		arg=$(arg_of "$opt")
		args=("$opt")
		[ "$arg" = - ] || args+=(1)
		[ "$opt" = --help ] && continue
		err=$("$INLSCAN" "$c" "${args[@]}" /nonexistent/x 2>&1 >/dev/null)
		if grep -qx -- "$opt" <<<"$want"; then
			grep -q 'is not an option of this command' <<<"$err" &&
				wrong+=" accepted?$opt"
		else
			grep -q "inlscan $c: $opt is not an option of this command" \
				<<<"$err" || wrong+=" refused?$opt"
		fi
	done
	check_eq "$c: getopt accepts exactly the table's options" "" "$wrong"
done

WANT_RC=2 expect_refusal "help of an unknown command is a usage error" \
	"inlscan help: no command 'nope'" help nope
check_eq "-V prints the version" "$("$INLSCAN" --version)" "$("$INLSCAN" -V)"
