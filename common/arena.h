/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_ARENA_H
#define INLSCAN_ARENA_H

#include <stddef.h>

/*
 * Memory for records that live and die together (an image's units):
 * taken in order from large chunks, given back all at once. Chunks of
 * 2 MB and more ask for transparent huge pages: where a page fault is
 * costly (a hypervisor's trap each), one fault per 2 MB instead of one
 * per 4 KB. Any number of threads may allocate at once.
 */
struct arena;

struct arena *arena_new(void);
/* size bytes aligned to 16, zeroed; never NULL (exits on no memory) */
void *arena_alloc(struct arena *arena, size_t size);
void arena_free(struct arena *arena);

#endif
