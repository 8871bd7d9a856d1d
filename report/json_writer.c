// SPDX-License-Identifier: GPL-2.0-only
#include "json_writer.h"

#include "escape.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"

void jw_init(struct json_writer *w, int indent, bool pretty)
{
	memset(w, 0, sizeof(*w));
	w->indent = indent;
	w->pretty = pretty;
}

void jw_init_in_array(struct json_writer *w, int indent, bool pretty,
		      bool first)
{
	jw_init(w, indent, pretty);
	w->depth = 1;
	w->empty[1] = first;
}

void jw_reuse_in_array(struct json_writer *w, int indent, bool pretty,
		       bool first)
{
	char *buf = w->buf;
	size_t cap = w->cap;

	jw_init_in_array(w, indent, pretty, first);
	w->buf = buf;
	w->cap = cap;
}

void jw_free(struct json_writer *w)
{
	free(w->buf);
	memset(w, 0, sizeof(*w));
}

int jw_flush(struct json_writer *w, FILE *out)
{
	size_t n;
	int rc;

	if (!w->len)
		return 0;
	n = fwrite(w->buf, 1, w->len, out);
	rc = n == w->len ? 0 : -1;

	w->len = 0;
	return rc;
}

static char *reserve(struct json_writer *w, size_t n)
{
	if (w->cap - w->len < n) {
		w->cap = (w->cap + n) * 2;
		w->buf = xrealloc(w->buf, w->cap);
	}
	return w->buf + w->len;
}

static void put(struct json_writer *w, const char *s, size_t n)
{
	memcpy(reserve(w, n), s, n);
	w->len += n;
}

static void spaces(struct json_writer *w, int n)
{
	if (n <= 0)
		return;
	memset(reserve(w, (size_t)n), ' ', (size_t)n);
	w->len += (size_t)n;
}

static void separator(struct json_writer *w)
{
	if (!w->empty[w->depth])
		put(w, ",", 1);
	w->empty[w->depth] = false;
	if (!w->pretty)
		return;
	put(w, "\n", 1);
	spaces(w, w->indent + w->depth);
}

/* Arrays take a separator before each value; a key's value has had it. */
static void value_start(struct json_writer *w)
{
	if (w->after_key)
		w->after_key = false;
	else if (w->depth > 0)
		separator(w);
}

static void put_u16(struct json_writer *w, unsigned long unit)
{
	char seq[24];

	snprintf(seq, sizeof(seq), "\\u%04lX", unit & 0xffff);
	put(w, seq, 6);
}

static void put_escaped(struct json_writer *w, long cp)
{
	static const char short_escapes[] = "\"\"\\\\\bb\ff\nn\rr\tt";
	const char *e;

	for (e = short_escapes; *e; e += 2)
		if (cp == (unsigned char)e[0]) {
			put(w, "\\", 1);
			put(w, e + 1, 1);
			return;
		}
	if (cp < 0x10000) {
		put_u16(w, (unsigned long)cp);
		return;
	}
	cp -= 0x10000;
	put_u16(w, 0xd800 | ((unsigned long)cp >> 10));
	put_u16(w, 0xdc00 | ((unsigned long)cp & 0x3ff));
}

static void put_string(struct json_writer *w, const char *str)
{
	const unsigned char *s = (const unsigned char *)str, *plain = s;
	size_t len;
	long cp;

	put(w, "\"", 1);
	while (*s) {
		if (*s >= 0x20 && *s < 0x80 && *s != '"' && *s != '\\') {
			s++;
			continue;
		}
		put(w, (const char *)plain, (size_t)(s - plain));
		cp = json_code_point(s, &len);
		put_escaped(w, cp);
		s += len;
		plain = s;
	}
	put(w, (const char *)plain, (size_t)(s - plain));
	put(w, "\"", 1);
}

void jw_key(struct json_writer *w, const char *key)
{
	separator(w);
	put_string(w, key);
	put(w, ": ", w->pretty ? 2 : 1);
	w->after_key = true;
}

void jw_open(struct json_writer *w, char bracket)
{
	value_start(w);
	put(w, &bracket, 1);
	/* deeper nesting than any report has is written flat */
	if (w->depth < JSON_WRITER_DEPTH - 1)
		w->depth++;
	w->empty[w->depth] = true;
}

void jw_close(struct json_writer *w, char bracket)
{
	if (!w->empty[w->depth] && w->pretty) {
		put(w, "\n", 1);
		spaces(w, w->indent + w->depth - 1);
	}
	put(w, &bracket, 1);
	if (w->depth > 0)
		w->depth--;
}

void jw_string(struct json_writer *w, const char *s)
{
	if (!s) {
		jw_null(w);
		return;
	}
	value_start(w);
	put_string(w, s);
}

/* Digits of v, written backwards from end; returns where they start. */
static char *digits(char *end, unsigned long long v, unsigned int base)
{
	do {
		*--end = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	return end;
}

void jw_int(struct json_writer *w, long long v)
{
	char num[24], *end = num + sizeof(num), *p;

	p = digits(end, v < 0 ? -(unsigned long long)v : (unsigned long long)v,
		   10);
	if (v < 0)
		*--p = '-';
	value_start(w);
	put(w, p, (size_t)(end - p));
}

void jw_bool(struct json_writer *w, bool v)
{
	value_start(w);
	if (v)
		put(w, "true", 4);
	else
		put(w, "false", 5);
}

void jw_null(struct json_writer *w)
{
	value_start(w);
	put(w, "null", 4);
}

void jw_addr(struct json_writer *w, uint64_t addr)
{
	char text[24], *end = text + sizeof(text), *p = digits(end, addr, 16);

	*--p = 'x';
	*--p = '0';
	value_start(w);
	put(w, "\"", 1);
	put(w, p, (size_t)(end - p));
	put(w, "\"", 1);
}

void jw_string_field(struct json_writer *w, const char *key, const char *s)
{
	jw_key(w, key);
	jw_string(w, s);
}

void jw_int_field(struct json_writer *w, const char *key, long long v)
{
	jw_key(w, key);
	jw_int(w, v);
}

void jw_bool_field(struct json_writer *w, const char *key, bool v)
{
	jw_key(w, key);
	jw_bool(w, v);
}

void jw_addr_field(struct json_writer *w, const char *key, uint64_t addr)
{
	jw_key(w, key);
	jw_addr(w, addr);
}

void jw_strings(struct json_writer *w, const char *const *s, size_t n)
{
	size_t i;

	jw_open(w, '[');
	for (i = 0; i < n; i++)
		jw_string(w, s[i] ? s[i] : "");
	jw_close(w, ']');
}

void jw_written_elsewhere(struct json_writer *w, bool any)
{
	if (w->after_key)
		w->after_key = false;
	else if (any)
		w->empty[w->depth] = false;
}

int jw_finish(struct json_writer *w, FILE *out)
{
	int rc;

	put(w, "\n", 1);
	rc = jw_flush(w, out);
	jw_free(w);
	return rc;
}
