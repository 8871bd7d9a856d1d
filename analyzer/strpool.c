// SPDX-License-Identifier: GPL-2.0-only
#include "strpool.h"

#include <stdlib.h>
#include <string.h>

#include "../common/util.h"

#define BLOCK_SIZE (64 * 1024)

static char *pool_copy(struct strpool *pool, const char *s, size_t len)
{
	char *dst;

	if (!pool->nblocks || pool->block_used + len + 1 > pool->block_size) {
		pool->block_size = len + 1 > BLOCK_SIZE ? len + 1 : BLOCK_SIZE;
		*ARRAY_PUSH(pool->blocks, pool->nblocks, pool->blocks_cap) =
			xmalloc(pool->block_size);
		pool->block_used = 0;
	}
	dst = pool->blocks[pool->nblocks - 1] + pool->block_used;
	memcpy(dst, s, len);
	dst[len] = '\0';
	pool->block_used += len + 1;
	return dst;
}

static void rehash(struct strpool *pool)
{
	size_t n = pool->nslots ? pool->nslots * 2 : 1024, i, j;
	const char **slots = xcalloc(n, sizeof(*slots));

	for (i = 0; i < pool->nslots; i++) {
		if (!pool->slots[i])
			continue;
		j = hash_bytes(pool->slots[i], strlen(pool->slots[i])) &
		    (n - 1);
		while (slots[j])
			j = (j + 1) & (n - 1);
		slots[j] = pool->slots[i];
	}
	free(pool->slots);
	pool->slots = slots;
	pool->nslots = n;
}

const char *strpool_intern_len(struct strpool *pool, const char *s,
			       size_t len)
{
	size_t i;

	if ((pool->count + 1) * 2 > pool->nslots)
		rehash(pool);
	i = hash_bytes(s, len) & (pool->nslots - 1);
	while (pool->slots[i]) {
		if (!strncmp(pool->slots[i], s, len) && !pool->slots[i][len])
			return pool->slots[i];
		i = (i + 1) & (pool->nslots - 1);
	}
	pool->slots[i] = pool_copy(pool, s, len);
	pool->count++;
	return pool->slots[i];
}

const char *strpool_intern(struct strpool *pool, const char *s)
{
	return s ? strpool_intern_len(pool, s, strlen(s)) : NULL;
}

void strpool_free(struct strpool *pool)
{
	size_t i;

	for (i = 0; i < pool->nblocks; i++)
		free(pool->blocks[i]);
	free(pool->blocks);
	free(pool->slots);
	memset(pool, 0, sizeof(*pool));
}
