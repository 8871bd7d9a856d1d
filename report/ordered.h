/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_ORDERED_H
#define INLSCAN_ORDERED_H

#include <stddef.h>
#include <stdio.h>

/*
 * The pieces of one output (chunks of a functions array, the reports of
 * a modules tree), rendered into memory by several threads and written
 * in order by the caller: the same bytes as one thread writes.
 */
struct ordered_pieces {
	size_t n;
	void *ctx;
	/* render piece k into memory of its own; any thread, any order */
	void (*render)(void *ctx, size_t k);
	/* write piece k to out and free it; in order, on the caller's
	 * thread; 0 or -1 */
	int (*write)(void *ctx, size_t k, FILE *out);
};

/*
 * Render on jobs threads, never more than a few pieces per thread ahead
 * of the one written (a vmlinux's functions with --sites are hundreds of
 * MB of text); the calling thread renders too, alone if jobs < 2. Returns 0,
 * or -1 if a write failed.
 */
int write_ordered(FILE *out, const struct ordered_pieces *p, int jobs);

#endif
