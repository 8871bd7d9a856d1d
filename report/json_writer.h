/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The one JSON writer: every document inlscan writes goes through it,
 * into memory and out with jw_flush, without building a tree. It writes
 * what jansson's json_dumps(JSON_INDENT(1) | JSON_ENSURE_ASCII), or
 * with JSON_STYLE_COMPACT, writes for the same values (jansson only reads reports back); any bytes are
 * kept losslessly (escape.h).
 */
#ifndef INLSCAN_JSON_WRITER_H
#define INLSCAN_JSON_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_WRITER_DEPTH 16

struct json_writer {
	char *buf;
	size_t len, cap;
	int indent;		/* spaces before every line after the first */
	bool pretty;		/* a member per line, indented; else compact */
	int depth;
	bool after_key;		/* the next value belongs to a key */
	bool empty[JSON_WRITER_DEPTH];	/* no member written at depth */
};

/* pretty: as JSON_INDENT(1), else as JSON_STYLE_COMPACT */
void jw_init(struct json_writer *w, int indent, bool pretty);
/*
 * Write items into an array another writer opened (and will close), as
 * if this writer had written the items before them: first if none.
 */
void jw_init_in_array(struct json_writer *w, int indent, bool pretty,
		      bool first);
/* The same for a writer already used, whose buffer it keeps. */
void jw_reuse_in_array(struct json_writer *w, int indent, bool pretty,
		       bool first);
void jw_free(struct json_writer *w);
/* Write the text so far to out and empty the buffer. */
int jw_flush(struct json_writer *w, FILE *out);

void jw_key(struct json_writer *w, const char *key);
void jw_open(struct json_writer *w, char bracket);	/* '{' or '[' */
void jw_close(struct json_writer *w, char bracket);	/* '}' or ']' */
void jw_string(struct json_writer *w, const char *s);	/* NULL: null */
void jw_int(struct json_writer *w, long long v);
void jw_bool(struct json_writer *w, bool v);
void jw_null(struct json_writer *w);
void jw_addr(struct json_writer *w, uint64_t addr);	/* "0x..." */

/* A key and its value. */
void jw_string_field(struct json_writer *w, const char *key, const char *s);
void jw_int_field(struct json_writer *w, const char *key, long long v);
void jw_bool_field(struct json_writer *w, const char *key, bool v);
void jw_addr_field(struct json_writer *w, const char *key, uint64_t addr);
void jw_strings(struct json_writer *w, const char *const *s, size_t n);

/*
 * After jw_flush: the value of the last key, or items of the array open
 * (any: at least one), were written to the same output by other means.
 */
void jw_written_elsewhere(struct json_writer *w, bool any);
/* The document's closing newline, written out; frees w. 0 or -1. */
int jw_finish(struct json_writer *w, FILE *out);

#endif
