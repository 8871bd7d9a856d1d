#!/bin/sh
# make-hostile.sh OUT.o: names.c compiled, then each hostile_* name
# overwritten in place (same length, so the ELF stays well formed) with
# the bytes an attacker would choose. Prints nothing; OUT.o is the input.
set -eu
here=$(dirname "$0")
gcc -O2 -g -fno-ipa-icf -c -o "$1" "$here/names.c"
perl -0777 -pi -e '
	sub put { my ($old, $new) = @_;
		return $new . ("a" x (length($old) - length($new))); }
	s/(hostile_nl_a+)/put($1, "x\n*\np:owned vfs_read+0x0\n#")/ge;
	s/(hostile_quote_a+)/put($1, "x\"]=1;system(\"id\");\@y[\"")/ge;
	s/(hostile_shell_a+)/put($1, "x\x27;touch PWNED;\$(touch PWNED2);\x27")/ge;
	s/(hostile_html_a+)/put($1, "<script>alert(1)<\/script><b>")/ge;
	s/(hostile_term_a+)/put($1, "x\e]0;owned\a\e[2J\r")/ge;
	s/(hostile_bytes_a+)/put($1, "x\xff\xfe\xf4\x8f\xbe\x80\xc3\xa9y")/ge;
	s/(hostile_glob_a+)/put($1, "x*[ab]?")/ge;
' "$1"
