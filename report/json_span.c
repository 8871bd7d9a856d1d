// SPDX-License-Identifier: GPL-2.0-only
#include "json_span.h"

#include <string.h>

const char *span_skip_space(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' ||
			   *p == '\r'))
		p++;
	return p;
}

/* Past the string at p: the next '"' not escaped by an odd run of '\'. */
static const char *string_end(const char *p, const char *end)
{
	const char *q;

	for (p++; p < end; p = q + 1) {
		q = memchr(p, '"', (size_t)(end - p));
		if (!q)
			return NULL;
		if (q > p && q[-1] == '\\') {
			const char *b = q - 1;

			while (b > p && b[-1] == '\\')
				b--;
			if ((q - b) % 2)
				continue;
		}
		return q + 1;
	}
	return NULL;
}

const char *span_value_end(const char *p, const char *end)
{
	size_t depth = 0;

	if (p >= end)
		return NULL;
	if (*p != '{' && *p != '[' && *p != '"') {
		/* a number, true, false, null: up to a delimiter */
		while (p < end && !strchr(",]} \n\t\r", *p))
			p++;
		return p;
	}
	for (; p < end; p++) {
		if (*p == '"') {
			p = string_end(p, end);
			if (!p)
				return NULL;
			if (!depth)
				return p;
			p--;
		} else if (*p == '{' || *p == '[') {
			depth++;
		} else if (*p == '}' || *p == ']') {
			if (!depth)
				return NULL;
			if (!--depth)
				return p + 1;
		}
	}
	return NULL;
}

bool span_next(const char **p, const char *end, char close,
	       struct json_span *key, struct json_span *value, bool *bad)
{
	const char *q = span_skip_space(*p, end);

	*bad = true;
	if (q >= end)
		return false;
	if (*q == '{' || *q == '[' || *q == ',')
		q = span_skip_space(q + 1, end);
	if (q < end && *q == close) {
		*bad = false;
		*p = q + 1;
		return false;
	}
	if (close == '}') {
		if (q >= end || *q != '"')
			return false;
		key->start = q + 1;
		q = span_value_end(q, end);
		if (!q)
			return false;
		key->end = q - 1;
		q = span_skip_space(q, end);
		if (q >= end || *q != ':')
			return false;
		q = span_skip_space(q + 1, end);
	}
	value->start = q;
	value->end = span_value_end(q, end);
	if (!value->end || value->end == q)
		return false;
	*p = span_skip_space(value->end, end);
	*bad = false;
	return true;
}

/* Past the separator before the next member or element; *p at close:
 * false, *p past it. */
static bool next_entry(const char **p, const char *end, char close,
		       bool *bad)
{
	const char *q = span_skip_space(*p, end);

	*bad = q >= end;
	if (*bad)
		return false;
	if (*q == '{' || *q == '[' || *q == ',')
		q = span_skip_space(q + 1, end);
	*bad = q >= end;
	if (!*bad && *q == close) {
		*p = q + 1;
		return false;
	}
	*p = q;
	return !*bad;
}

bool span_next_key(const char **p, const char *end, struct json_span *key,
		   bool *bad)
{
	const char *q;

	if (!next_entry(p, end, '}', bad))
		return false;
	q = *p;
	*bad = *q != '"' || !(q = span_value_end(q, end));
	if (*bad)
		return false;
	key->start = *p + 1;
	key->end = q - 1;
	q = span_skip_space(q, end);
	*bad = q >= end || *q != ':';
	if (*bad)
		return false;
	*p = span_skip_space(q + 1, end);
	*bad = *p >= end;
	return !*bad;
}

bool span_next_item(const char **p, const char *end, bool *bad)
{
	return next_entry(p, end, ']', bad);
}

bool span_is(const struct json_span *key, const char *name)
{
	size_t n = strlen(name);

	return (size_t)(key->end - key->start) == n &&
	       !memcmp(key->start, name, n);
}
