/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bounds-checked reading of DWARF bytes: a failed read clears ok and
 * every later read returns 0, so a caller checks once at the end.
 */
#ifndef INLSCAN_CURSOR_H
#define INLSCAN_CURSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../common/util.h"

struct cursor {
	const unsigned char *p, *end;
	bool msb;		/* the file is big-endian */
	bool ok;
};

static inline bool need(struct cursor *c, size_t n)
{
	if (!c->ok || (size_t)(c->end - c->p) < n)
		c->ok = false;
	return c->ok;
}

static inline uint64_t read_fixed(struct cursor *c, size_t n)
{
	uint64_t v;

	if (!need(c, n))
		return 0;
	v = read_uint(c->p, n, c->msb);
	c->p += n;
	return v;
}

static inline uint64_t read_uleb(struct cursor *c)
{
	uint64_t v = 0;
	unsigned int shift = 0;
	unsigned char b;

	while (need(c, 1)) {
		b = *c->p++;
		if (shift < 64)
			v |= (uint64_t)(b & 0x7f) << shift;
		shift += 7;
		if (!(b & 0x80))
			return v;
	}
	return 0;
}

static inline void skip_leb(struct cursor *c)
{
	while (need(c, 1))
		if (!(*c->p++ & 0x80))
			return;
}

static inline const char *read_cstr(struct cursor *c)
{
	const unsigned char *start = c->p, *nul;

	if (!need(c, 1))
		return NULL;
	nul = memchr(start, 0, (size_t)(c->end - start));
	if (!nul) {
		c->ok = false;
		return NULL;
	}
	c->p = nul + 1;
	return (const char *)start;
}

static inline void skip(struct cursor *c, uint64_t n)
{
	if (need(c, n))
		c->p += n;
}

#endif
