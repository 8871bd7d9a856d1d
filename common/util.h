/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_UTIL_H
#define INLSCAN_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
/*
 * Zeroed like xcalloc, for a table read before it is written (a hash
 * set probed as it fills, a maximum kept per slot): calloc's fresh pages
 * map the zero page on that read, and the write that follows copies it
 * and flushes the TLB of every CPU running this process (an interrupt on
 * each under a hypervisor). Written here, each page faults in once.
 */
void *xcalloc_written(size_t n, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
/* The first n bytes of s (no NUL among them), terminated. */
char *xstrndup(const char *s, size_t n);
/*
 * Open path for reading if it is a regular file, without blocking on a
 * FIFO. Returns the descriptor, or -1 with errno (EINVAL: not a regular
 * file).
 */
int open_regular(const char *path);
char *xasprintf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/*
 * Call fn on each of the n shares (consecutive, share_size bytes each):
 * share 0 on the calling thread, the others on threads of their own;
 * a share whose thread cannot start runs here. Returns when all are done.
 */
void run_shares(void *(*fn)(void *), void *shares, size_t n,
		size_t share_size);

/* Grow *arr (element size esize) so that index n fits. */
void grow_array(void **arr, size_t *cap, size_t n, size_t esize);
#define ARRAY_PUSH(arr, n, cap) \
	(grow_array((void **)&(arr), &(cap), (n) + 1, sizeof(*(arr))), \
	 &(arr)[(n)++])

/* qsort, but NULL arrays of fewer than two elements are fine. */
static inline void sort_array(void *base, size_t n, size_t size,
			      int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* qsort/bsearch comparators for arrays of strings: by content, and by
 * pointer (interned strings, where equal content is an equal pointer). */
int compare_strings(const void *x, const void *y);
int compare_pointers(const void *x, const void *y);

/* An n-byte unsigned integer at p in the file's byte order. */
static inline uint64_t read_uint(const unsigned char *p, size_t n, bool msb)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v |= (uint64_t)p[msb ? n - 1 - i : i] << (8 * i);
	return v;
}

uint64_t hash_bytes(const void *data, size_t len);
static inline uint64_t hash_u64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

/*
 * A process about to exit need not free what it holds: freeing a
 * vmlinux's report, function by function, is serial work after the
 * output is written. Builds with a leak checker
 * (AddressSanitizer's) free everything, so that a real leak still shows.
 */
#if defined(__SANITIZE_ADDRESS__)
#define LEAK_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LEAK_CHECKED 1
/* What follows the last '/' of path ("" for NULL). */
const char *path_basename(const char *path);

#endif
/* What follows the last '/' of path ("" for NULL). */
const char *path_basename(const char *path);

#endif
#ifndef LEAK_CHECKED
#define LEAK_CHECKED 0
/* What follows the last '/' of path ("" for NULL). */
const char *path_basename(const char *path);

#endif

/* What follows the last '/' of path ("" for NULL). */
const char *path_basename(const char *path);

#endif
