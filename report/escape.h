/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Every name inlscan prints comes from the input (DWARF, symbols, file
 * names, report JSON) and may hold any byte. One function per target
 * decides how a name reaches it: escaped (terminal, HTML, shell, JSON) or,
 * where the consumer's grammar cannot carry it (kernel control files,
 * tracer scripts), refused with a reason.
 */
#ifndef INLSCAN_ESCAPE_H
#define INLSCAN_ESCAPE_H

#include <stdio.h>

/*
 * NULL if s can be written as a symbol into set_ftrace_notrace,
 * kprobe_events, uprobe_events or a bpftrace/perf line: letters, digits,
 * '_' and '.', at most KSYM_NAME_LEN - 1 bytes. Otherwise why not.
 */
const char *unsafe_symbol(const char *s);
/* The same for a kernel module name: letters, digits, '_' and '-'. */
const char *unsafe_module(const char *s);
/* The same for a file path inside a probe definition (no quoting). */
const char *unsafe_path(const char *s);

/*
 * Terminal and comment lines: printable ASCII and printable UTF-8 as
 * they are; control bytes, bytes that are not UTF-8 and '\' as \xNN.
 */
void put_terminal(FILE *out, const char *s);
/* The same into buf (always terminated, cut at a whole escape). */
void terminal_text(char *buf, size_t len, const char *s);
/*
 * terminal_text into one of eight rotating per-thread buffers, for the
 * names among a printf's arguments (longer names are cut).
 */
const char *shown(const char *s);
/* HTML text and attribute values. */
void put_html(FILE *out, const char *s);
/* One shell word: single-quoted, ' written as '\''. */
void put_shell_word(FILE *out, const char *s);

/*
 * JSON strings carry arbitrary bytes losslessly: a byte that is not part
 * of a UTF-8 sequence, or is part of one encoding U+10FF80..U+10FFFF, is
 * written as the code point U+10FF00 + byte (in the private use area, so
 * any JSON reader accepts it). Decoding maps those code points back.
 */
#define JSON_BYTE_BASE 0x10ff00L
/* The bytes a JSON string held, decoded in place (only ever shrinks). */
void json_bytes_of_text(char *s);
/* The code point of the UTF-8 sequence at s and its length, or -1. */
long utf8_decode(const unsigned char *s, size_t *len);
/* Whether the sequence of len bytes at s is written as bytes. */
long json_code_point(const unsigned char *s, size_t *len);

#endif
