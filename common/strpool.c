// SPDX-License-Identifier: GPL-2.0-only
#include "strpool.h"

#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hashset.h"
#include "util.h"

/*
 * A report per module keeps its pool, and most are small: a shard's
 * first block and table are small and grow as it fills.
 */
#define FIRST_BLOCK 256
#define MAX_BLOCK (64 * 1024)
#define FIRST_SLOTS 16

static void shard_lock(struct strpool_shard *shard)
{
	while (__atomic_test_and_set(&shard->busy, __ATOMIC_ACQUIRE))
		sched_yield();
}

static void shard_unlock(struct strpool_shard *shard)
{
	__atomic_clear(&shard->busy, __ATOMIC_RELEASE);
}

static size_t next_block_size(size_t prev, size_t need)
{
	size_t size = !prev ? FIRST_BLOCK : prev * 2;

	if (size > MAX_BLOCK)
		size = MAX_BLOCK;
	return size < need ? need : size;
}

static char *shard_copy(struct strpool_shard *shard, const char *s,
			size_t len)
{
	char *dst;

	if (!shard->nblocks ||
	    shard->block_used + len + 1 > shard->block_size) {
		shard->block_size = next_block_size(shard->block_size,
						    len + 1);
		*ARRAY_PUSH(shard->blocks, shard->nblocks, shard->blocks_cap) =
			xmalloc(shard->block_size);
		shard->block_used = 0;
	}
	dst = shard->blocks[shard->nblocks - 1] + shard->block_used;
	memcpy(dst, s, len);
	dst[len] = '\0';
	shard->block_used += len + 1;
	return dst;
}

static void rehash(struct strpool_shard *shard)
{
	size_t n = shard->nslots ? shard->nslots * 2 : FIRST_SLOTS, i, j;
	const char **slots = xcalloc_written(n, sizeof(*slots));

	for (i = 0; i < shard->nslots; i++) {
		if (!shard->slots[i])
			continue;
		j = hashset_first(hash_bytes(shard->slots[i],
					     strlen(shard->slots[i])), n);
		while (slots[j])
			j = hashset_next(j, n);
		slots[j] = shard->slots[i];
	}
	free(shard->slots);
	shard->slots = slots;
	shard->nslots = n;
}

static const char *shard_intern(struct strpool_shard *shard, const char *s,
				size_t len, uint64_t hash)
{
	size_t i;

	if ((shard->count + 1) * 2 > shard->nslots)
		rehash(shard);
	i = hashset_first(hash, shard->nslots);
	while (shard->slots[i]) {
		if (!strncmp(shard->slots[i], s, len) && !shard->slots[i][len])
			return shard->slots[i];
		i = hashset_next(i, shard->nslots);
	}
	shard->slots[i] = shard_copy(shard, s, len);
	shard->count++;
	return shard->slots[i];
}

const char *strpool_intern_len(struct strpool *pool, const char *s,
			       size_t len)
{
	uint64_t hash = hash_bytes(s, len);
	struct strpool_shard *shard;
	const char *interned;

	/* the slot takes the low bits, the shard the high ones */
	shard = &pool->shards[hash >> (64 - STRPOOL_SHARD_BITS)];
	shard_lock(shard);
	interned = shard_intern(shard, s, len, hash);
	shard_unlock(shard);
	return interned;
}

const char *strpool_intern(struct strpool *pool, const char *s)
{
	return s ? strpool_intern_len(pool, s, strlen(s)) : NULL;
}

void strpool_free(struct strpool *pool)
{
	struct strpool_shard *shard;
	size_t i;

	for (shard = pool->shards; shard < pool->shards + STRPOOL_SHARDS;
	     shard++) {
		for (i = 0; i < shard->nblocks; i++)
			free(shard->blocks[i]);
		free(shard->blocks);
		free(shard->slots);
	}
	memset(pool, 0, sizeof(*pool));
}
