/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_STRPOOL_H
#define INLSCAN_STRPOOL_H

#include <stddef.h>

/*
 * Interned strings: equal strings share one pointer, so the analyzer can
 * compare and hash names by pointer. The pool owns them.
 */
struct strpool {
	const char **slots;
	size_t nslots, count;
	char **blocks;
	size_t nblocks, blocks_cap;
	size_t block_used, block_size;
};

const char *strpool_intern(struct strpool *pool, const char *s);
const char *strpool_intern_len(struct strpool *pool, const char *s,
			       size_t len);
void strpool_free(struct strpool *pool);

#endif
