# A tool that installs like one: make install, the man page, bash
# completion, --version and --help of every command.
T=$B/install
rm -rf "$T"
# install the binary under test: the sanitizer build under make check
san=
case $(readlink -f "$INLSCAN") in */build/san/*) san=SANITIZE=1 ;; esac
make -C "$top" -s install DESTDIR="$T" PREFIX=/usr $san >"$B/install.log" 2>&1
check_eq "make install DESTDIR PREFIX: binary, man page, completion" \
	"yes yes yes" \
	"$(test -x "$T/usr/bin/inlscan" && echo yes) $(test -f "$T/usr/share/man/man1/inlscan.1" && echo yes) $(test -f "$T/usr/share/bash-completion/completions/inlscan" && echo yes)"
check_eq "installed --version" "inlscan 0.1.0" "$("$T/usr/bin/inlscan" --version)"
check_eq "man page: groff reports no warnings" "" \
	"$(groff -man -Tutf8 -ww -z "$top/docs/inlscan.1" 2>&1)"

commands=$("$INLSCAN" --help | awk '/^Commands:/ {on = 1; next} on && /^  [a-z]/ {print $1}' | grep -v '^help$')
check_eq "inlscan --help lists the eight commands" \
	"scan denylist probes suffixes diff whatif report show" "$(echo $commands)"
manpage=$(MANWIDTH=200 man -l "$T/usr/share/man/man1/inlscan.1" 2>/dev/null)
. "$top/completion/inlscan.bash"
# complete WORDS...: what the completion offers for the last word
complete_words() {
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_inlscan
	echo "${COMPREPLY[*]}"
}
check_eq "completion: commands" "scan suffixes show" \
	"$(complete_words inlscan s)"
check_eq "completion: denylist formats" "ftrace retsnoop bpftrace plain json" \
	"$(complete_words inlscan denylist --format '')"
for cmd in $commands; do
	help=$("$INLSCAN" "$cmd" --help)
	check_eq "$cmd --help: exit 0, usage line" "0 yes" \
		"$? $(echo "$help" | grep -q "^Usage: inlscan $cmd" && echo yes)"
	opts=$(echo "$help" | sed -n '/^Options:/,/^$/p' |
		grep -o -- '^ *\(-[a-z], \)\?--[a-z][a-z-]*' | grep -o -- '--.*' | sort -u)
	offered=" $(complete_words inlscan "$cmd" --) "
	missing=
	for o in $opts; do
		[[ $offered == *" $o "* ]] || missing="$missing $o"
		grep -q -- "${o//-/\\\\-}" <<<"$(cat "$top/docs/inlscan.1")" ||
			missing="$missing man:$o"
	done
	check_eq "$cmd: every --help option is completed and in the man page" "" "$missing"
	check_true "$cmd: in the man page" grep -q "inlscan $cmd" <<<"$manpage"
done
