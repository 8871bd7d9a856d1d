// SPDX-License-Identifier: GPL-2.0-only
#include "arena.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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
	if (arena->next_size < MAX_CHUNK)
		arena->next_size *= 2;
	c = (struct chunk *)aligned;
	c->prev = arena->last;
	c->size = size;
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
		munmap(c, c->size);
	}
	pthread_mutex_destroy(&arena->lock);
	free(arena);
}
