/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_STRPOOL_H
#define INLSCAN_STRPOOL_H

#include <stdbool.h>
#include <stddef.h>

/* Independent tables, so that threads interning at once rarely meet. */
#define STRPOOL_SHARD_BITS 6
#define STRPOOL_SHARDS (1 << STRPOOL_SHARD_BITS)

struct strpool_shard {
	const char **slots;
	size_t nslots, count;
	char **blocks;
	size_t nblocks, blocks_cap;
	size_t block_used, block_size;
	bool busy;		/* spin lock; zero is unlocked */
};

/*
 * Interned strings: equal strings share one pointer, so the analyzer can
 * compare and hash names by pointer. The pool owns them. Any number of
 * threads may intern at once; a zeroed pool is empty.
 */
struct strpool {
	struct strpool_shard shards[STRPOOL_SHARDS];
};

const char *strpool_intern(struct strpool *pool, const char *s);
const char *strpool_intern_len(struct strpool *pool, const char *s,
			       size_t len);
void strpool_free(struct strpool *pool);

#endif
