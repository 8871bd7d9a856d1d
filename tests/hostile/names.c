// SPDX-License-Identifier: GPL-2.0-only
/*
 * Functions whose names make-hostile.sh overwrites, in the object's
 * symbol table and DWARF alike, with names that carry line breaks,
 * quotes, shell code, markup, terminal escapes, glob characters and bytes
 * that are not UTF-8. Each is inlined once and kept out-of-line through
 * its address, so every one is "partial" and reaches every output.
 */
#define HOSTILE(name)							\
	static int name(int x)						\
	{								\
		return x * 3 + 1;					\
	}								\
	int call_##name(int x)						\
	{								\
		return name(x);						\
	}								\
	int (*ptr_##name)(int) = name;

HOSTILE(hostile_nl_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)
HOSTILE(hostile_quote_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)
HOSTILE(hostile_shell_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)
HOSTILE(hostile_html_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)
HOSTILE(hostile_term_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)
HOSTILE(hostile_bytes_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)
HOSTILE(hostile_glob_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)
HOSTILE(plain_safe_name)
