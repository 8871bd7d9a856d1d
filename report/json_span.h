/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Where JSON values begin and end in a document's bytes, without
 * decoding them: a report's large arrays are cut into elements this way
 * and only what a command needs is handed to jansson.
 */
#ifndef INLSCAN_JSON_SPAN_H
#define INLSCAN_JSON_SPAN_H

#include <stdbool.h>
#include <stddef.h>

struct json_span {
	const char *start, *end;	/* [start, end) */
};

/* p past JSON whitespace, at most end. */
const char *span_skip_space(const char *p, const char *end);
/*
 * The end of the value that starts at p, or NULL if it is malformed or
 * runs past end (strings with their escapes, nesting to any depth).
 */
const char *span_value_end(const char *p, const char *end);

/*
 * Walk an object's members or an array's elements: *p at the '{' or '['
 * the first time (then where the last call left it). Fills key (the raw
 * bytes between the quotes; objects only) and value; returns false at
 * the closing bracket or, with *bad set, on malformed input.
 */
bool span_next(const char **p, const char *end, char close,
	       struct json_span *key, struct json_span *value, bool *bad);

/*
 * The next member of an object being walked, *p at or after its '{':
 * its key, and *p left at the value, which the caller reads and skips.
 * False at the closing '}' (*p past it) or, with *bad, if malformed.
 */
bool span_next_key(const char **p, const char *end, struct json_span *key,
		   bool *bad);
/* The same for an array's elements: *p left at the element. */
bool span_next_item(const char **p, const char *end, bool *bad);

/* key's raw bytes are exactly name. */
bool span_is(const struct json_span *key, const char *name);

#endif
