// SPDX-License-Identifier: GPL-2.0-only
#include "arena.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "util.h"

#define FIRST_CHUNK ((size_t)256 << 10)
#define MAX_CHUNK ((size_t)32 << 20)
#define HUGE_PAGE ((size_t)2 << 20)
#define ALIGN 16

struct chunk {
	struct chunk *prev;
	size_t size;		/* of the mapping, this header included */
	size_t used;
};

struct arena {
	pthread_mutex_t lock;
	struct chunk *last;
	size_t next_size;
};

/*
 * Chunks of arenas given back, zeroed, for the next arena: a modules
 * tree makes and frees an image's arena per module, and each new chunk
 * was a fresh mapping to fault in page by page and to unmap after.
 * Only small chunks are kept: zeroing costs less than faulting them in,
 * but a vmlinux's large ones are freed once, at the end.
 */
#define CACHED_CHUNK_MAX ((size_t)4 << 20)
#define CACHE_MAX ((size_t)32 << 20)

static struct {
	pthread_mutex_t lock;
	struct chunk *first;
	size_t bytes;
} cache = { .lock = PTHREAD_MUTEX_INITIALIZER };

/* A cached chunk of at least size bytes, or NULL. */
static struct chunk *cache_take(size_t size)
{
	struct chunk **link, *c = NULL;

	pthread_mutex_lock(&cache.lock);
	for (link = &cache.first; *link; link = &(*link)->prev) {
		if ((*link)->size >= size) {
			c = *link;
			*link = c->prev;
			cache.bytes -= c->size;
			break;
		}
	}
	pthread_mutex_unlock(&cache.lock);
	return c;
}

/*
 * Keep c, zeroed, if it is small and the cache has room; true if kept.
 * Its room is taken before it is zeroed, so that a chunk about to be
 * unmapped is not zeroed first.
 */
static bool cache_give(struct chunk *c)
{
	bool room;

	if (c->size > CACHED_CHUNK_MAX)
		return false;
	pthread_mutex_lock(&cache.lock);
	room = cache.bytes + c->size <= CACHE_MAX;
	if (room)
		cache.bytes += c->size;
	pthread_mutex_unlock(&cache.lock);
	if (!room)
		return false;
	memset(c + 1, 0, c->used - sizeof(*c));
	pthread_mutex_lock(&cache.lock);
	c->prev = cache.first;
	cache.first = c;
	pthread_mutex_unlock(&cache.lock);
	return true;
}

struct arena *arena_new(void)
{
	struct arena *arena = xcalloc(1, sizeof(*arena));

	pthread_mutex_init(&arena->lock, NULL);
	arena->next_size = FIRST_CHUNK;
	return arena;
}

static size_t round_up(size_t n, size_t to)
{
	return (n + to - 1) / to * to;
}

static size_t chunk_header(void)
{
	return round_up(sizeof(struct chunk), ALIGN);
}

/*
 * A chunk for at least need more bytes, now the last. Huge pages need
 * 2 MB alignment: map 2 MB more and give back the ends.
 */
static struct chunk *new_chunk(struct arena *arena, size_t need)
{
	size_t size = arena->next_size, extra;
	uintptr_t start, aligned;
	struct chunk *c;
	void *map;

	if (size < chunk_header() + need)
		size = round_up(chunk_header() + need, HUGE_PAGE);
	c = cache_take(size);
	if (c)
		goto add;
	extra = size >= HUGE_PAGE ? HUGE_PAGE : 0;
	map = mmap(NULL, size + extra, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED) {
		fprintf(stderr, "inlscan: out of memory mapping %zu bytes\n",
			size + extra);
		exit(1);
	}
	start = (uintptr_t)map;
	aligned = extra ? round_up(start, HUGE_PAGE) : start;
	if (aligned > start)
		munmap(map, aligned - start);
	if (start + extra > aligned)
		munmap((void *)(aligned + size), start + extra - aligned);
	if (extra)
		madvise((void *)aligned, size, MADV_HUGEPAGE);
	c = (struct chunk *)aligned;
	c->size = size;
add:
	if (arena->next_size < MAX_CHUNK)
		arena->next_size *= 2;
	c->prev = arena->last;
	c->used = chunk_header();
	arena->last = c;
	return c;
}

void *arena_alloc(struct arena *arena, size_t size)
{
	struct chunk *c;
	void *p;

	size = round_up(size ? size : 1, ALIGN);
	pthread_mutex_lock(&arena->lock);
	c = arena->last;
	if (!c || c->size - c->used < size)
		c = new_chunk(arena, size);
	p = (char *)c + c->used;
	c->used += size;
	pthread_mutex_unlock(&arena->lock);
	return p;
}

void arena_free(struct arena *arena)
{
	struct chunk *c, *prev;

	if (!arena)
		return;
	for (c = arena->last; c; c = prev) {
		prev = c->prev;
		if (!cache_give(c))
			munmap(c, c->size);
	}
	pthread_mutex_destroy(&arena->lock);
	free(arena);
}
