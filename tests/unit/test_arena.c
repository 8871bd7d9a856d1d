// SPDX-License-Identifier: GPL-2.0-only
/*
 * The record arena: what it hands out is aligned, zeroed and its own,
 * across chunks, for blocks larger than any chunk, and for threads that
 * allocate at once.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "../../common/arena.h"
#include "check.h"

#define BLOCKS 20000

struct filler {
	struct arena *arena;
	unsigned char mark;
	unsigned char *blocks[BLOCKS];
	size_t sizes[BLOCKS];
};

/* Sizes from 1 byte to about 4 KB, in a fixed pseudo-random order. */
static size_t size_of(size_t i)
{
	return (i * 2654435761u) % 4099 + 1;
}

static void *fill(void *arg)
{
	struct filler *f = arg;
	size_t i;

	for (i = 0; i < BLOCKS; i++) {
		f->sizes[i] = size_of(i + f->mark);
		f->blocks[i] = arena_alloc(f->arena, f->sizes[i]);
		memset(f->blocks[i], f->mark, f->sizes[i]);
	}
	return NULL;
}

/* Every block still holds its filler's mark: nothing was handed twice. */
static size_t intact(const struct filler *f)
{
	size_t i, k, good = 0;

	for (i = 0; i < BLOCKS; i++) {
		for (k = 0; k < f->sizes[i] && f->blocks[i][k] == f->mark; k++)
			;
		good += k == f->sizes[i] &&
			(uintptr_t)f->blocks[i] % 16 == 0;
	}
	return good;
}

static void test_threads(void)
{
	static struct filler a, b;
	struct arena *arena = arena_new();
	pthread_t thread;
	int started;

	a.arena = b.arena = arena;
	a.mark = 0xa5;
	b.mark = 0x5a;
	started = !pthread_create(&thread, NULL, fill, &b);
	fill(&a);
	if (started)
		pthread_join(thread, NULL);
	else
		fill(&b);
	CHECK(intact(&a) == BLOCKS && intact(&b) == BLOCKS,
	      "two threads' blocks aligned and intact: %zu and %zu of %d",
	      intact(&a), intact(&b), BLOCKS);
	arena_free(arena);
}

static void test_zeroed_and_large(void)
{
	struct arena *arena = arena_new();
	size_t big = (size_t)40 << 20, i, nonzero = 0;
	unsigned char *small = arena_alloc(arena, 100);
	unsigned char *large = arena_alloc(arena, big);
	unsigned char *after = arena_alloc(arena, 100);

	for (i = 0; i < 100; i++)
		nonzero += small[i] != 0 || after[i] != 0;
	for (i = 0; i < big; i += 4096)
		nonzero += large[i] != 0;
	CHECK(nonzero == 0, "fresh blocks are zeroed (%zu bytes not)",
	      nonzero);
	memset(large, 0xff, big);
	CHECK(small[99] == 0 && after[0] == 0,
	      "a block larger than any chunk overlaps nothing");
	CHECK(arena_alloc(arena, 0) != NULL, "an empty block is a block");
	arena_free(arena);
}

/*
 * An arena made after another was freed gets its chunks back: still
 * zeroed, and the same memory (no new mapping to fault in).
 */
static void test_reused(void)
{
	struct arena *first = arena_new(), *second;
	size_t size = (size_t)200 << 10, i, nonzero = 0;
	unsigned char *old = arena_alloc(first, size), *fresh;

	memset(old, 0xff, size);
	arena_free(first);
	second = arena_new();
	fresh = arena_alloc(second, size);
	for (i = 0; i < size; i++)
		nonzero += fresh[i] != 0;
	CHECK(fresh == old, "a freed arena's chunk is reused");
	CHECK(nonzero == 0, "a reused chunk is zeroed (%zu bytes not)",
	      nonzero);
	arena_free(second);
}

int main(void)
{
	test_zeroed_and_large();
	test_reused();
	test_threads();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
