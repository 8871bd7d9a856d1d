// SPDX-License-Identifier: GPL-2.0-only
#include "escape.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"

/* The kernel's KSYM_NAME_LEN and MODULE_NAME_LEN, less the NUL. */
#define SYMBOL_MAX 511
#define MODULE_MAX 55
#define PATH_MAX_LEN 4095

static bool is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Why byte c is not allowed, for a reason line. */
static const char *byte_reason(unsigned char c)
{
	if (c == '\n' || c == '\r')
		return "holds a line break";
	if (c < 0x20 || c == 0x7f)
		return "holds a control byte";
	if (c >= 0x80)
		return "holds a byte outside ASCII";
	if (c == ' ')
		return "holds a space";
	if (strchr("*?[]!", c))
		return "holds a glob character";
	if (strchr("'\"`\\$", c))
		return "holds a quote or shell character";
	return "holds a character the tracer's grammar gives a meaning";
}

static const char *unsafe_chars(const char *s, const char *extra,
				size_t max)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!s || !*s)
		return "is empty";
	for (; *p; p++)
		if (!is_alnum(*p) && !strchr(extra, *p))
			return byte_reason(*p);
	if ((size_t)(p - (const unsigned char *)s) > max)
		return "is longer than the kernel accepts";
	return NULL;
}

const char *unsafe_symbol(const char *s)
{
	return unsafe_chars(s, "_.", SYMBOL_MAX);
}

const char *unsafe_module(const char *s)
{
	return unsafe_chars(s, "_-", MODULE_MAX);
}

const char *unsafe_path(const char *s)
{
	return unsafe_chars(s, "_./+-,@%=~", PATH_MAX_LEN);
}

long utf8_decode(const unsigned char *s, size_t *len)
{
	unsigned int n, i;
	long cp;

	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return -1;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	/* overlong forms, surrogates and beyond U+10FFFF are not UTF-8 */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return -1;
	*len = n;
	return cp;
}

long json_code_point(const unsigned char *s, size_t *len)
{
	long cp = utf8_decode(s, len);

	/* U+10FF80.. stand for bytes, so a real one is written as bytes */
	if (cp < 0 || cp >= JSON_BYTE_BASE + 0x80) {
		*len = 1;
		return JSON_BYTE_BASE + s[0];
	}
	return cp;
}

void json_bytes_of_text(char *str)
{
	unsigned char *s = (unsigned char *)str, *o = s;
	size_t len;
	long cp;

	while (*s) {
		cp = utf8_decode(s, &len);
		if (cp < 0)
			len = 1;
		if (cp >= JSON_BYTE_BASE + 0x80) {
			*o++ = (unsigned char)(cp - JSON_BYTE_BASE);
		} else {
			memmove(o, s, len);
			o += len;
		}
		s += len;
	}
	*o = '\0';
}

/* Printable as it is on a terminal: ASCII, or UTF-8 that is no C1 control. */
static size_t printable_run(const unsigned char *s)
{
	size_t len;
	long cp;

	if (*s >= 0x20 && *s < 0x7f && *s != '\\')
		return 1;
	if (*s < 0x80)
		return 0;
	cp = utf8_decode(s, &len);
	if (cp < 0xa0 || cp == 0x2028 || cp == 0x2029 ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return 0;
	return len;
}

void terminal_text(char *buf, size_t len, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t used = 0, n;

	if (!len)
		return;
	for (; s && *s; s += n) {
		n = printable_run(s);
		if (n && used + n < len) {
			memcpy(buf + used, s, n);
			used += n;
			continue;
		}
		if (n || used + 4 >= len)
			break;
		snprintf(buf + used, 5, "\\x%02x", *s);
		used += 4;
		n = 1;
	}
	buf[used] = '\0';
}

const char *shown(const char *s)
{
	static __thread char ring[8][512];
	static __thread unsigned int next;
	char *buf = ring[next++ % 8];

	terminal_text(buf, sizeof(ring[0]), s);
	return buf;
}

void put_terminal(FILE *out, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n;

	for (; s && *s; s += n) {
		n = printable_run(s);
		if (n) {
			fwrite(s, 1, n, out);
			continue;
		}
		fprintf(out, "\\x%02x", *s);
		n = 1;
	}
}

void put_html(FILE *out, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n;

	for (; s && *s; s += n) {
		n = 1;
		if (*s == '<')
			fputs("&lt;", out);
		else if (*s == '>')
			fputs("&gt;", out);
		else if (*s == '&')
			fputs("&amp;", out);
		else if (*s == '"')
			fputs("&quot;", out);
		else if (*s == '\'')
			fputs("&#39;", out);
		else if (*s == '\\')
			fputc('\\', out);
		else if ((n = printable_run(s)))
			fwrite(s, 1, n, out);
		else {
			/* shown as the terminal shows it, as text */
			fprintf(out, "\\x%02x", *s);
			n = 1;
		}
	}
}

void put_shell_word(FILE *out, const char *s)
{
	fputc('\'', out);
	for (; s && *s; s++) {
		if (*s == '\'')
			fputs("'\\''", out);
		else
			fputc(*s, out);
	}
	fputc('\'', out);
}
