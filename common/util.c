// SPDX-License-Identifier: GPL-2.0-only
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void out_of_memory(size_t size)
{
	fprintf(stderr, "inlscan: out of memory allocating %zu bytes\n", size);
	exit(1);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		out_of_memory(size);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		out_of_memory(n * size);
	return p;
}

void *xcalloc_written(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	p = xmalloc(n * size);
	return memset(p, 0, n * size);
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		out_of_memory(size);
	return p;
}

char *xstrdup(const char *s)
{
	size_t len = strlen(s) + 1;

	return memcpy(xmalloc(len), s, len);
}

char *xstrndup(const char *s, size_t n)
{
	char *copy = xmalloc(n + 1);

	memcpy(copy, s, n);
	copy[n] = '\0';
	return copy;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		out_of_memory(0);
	s = xmalloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)len + 1, fmt, ap);
	va_end(ap);
	return s;
}

void run_shares(void *(*fn)(void *), void *shares, size_t n,
		size_t share_size)
{
	pthread_t *threads = xcalloc(n ? n : 1, sizeof(*threads));
	bool *started = xcalloc(n ? n : 1, sizeof(*started));
	char *share = shares;
	size_t k;

	for (k = 1; k < n; k++)
		started[k] = !pthread_create(&threads[k], NULL, fn,
					     share + k * share_size);
	for (k = 0; k < n; k++)
		if (!k || !started[k])
			fn(share + k * share_size);
	for (k = 1; k < n; k++)
		if (started[k])
			pthread_join(threads[k], NULL);
	free(threads);
	free(started);
}

void grow_array(void **arr, size_t *cap, size_t n, size_t esize)
{
	size_t new_cap;

	if (n <= *cap)
		return;
	/*
	 * Most arrays the analysis keeps per function hold one or two
	 * elements: start small, the doubling catches up with large ones.
	 */
	new_cap = *cap ? *cap * 2 : 2;
	while (new_cap < n)
		new_cap *= 2;
	*arr = xrealloc(*arr, new_cap * esize);
	*cap = new_cap;
}

/*
 * Eight bytes a step, then mixed: the analysis hashes every name of a
 * vmlinux, a million of them, and FNV-1a's byte a step was a chain of
 * multiplies.
 */
uint64_t hash_bytes(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ len, word;

	for (; len >= 8; p += 8, len -= 8) {
		memcpy(&word, p, 8);
		h = (h ^ word) * 0xbf58476d1ce4e5b9ULL;
		h ^= h >> 31;
	}
	if (len) {
		word = 0;
		memcpy(&word, p, len);
		h = (h ^ word) * 0xbf58476d1ce4e5b9ULL;
	}
	return hash_u64(h);
}

int compare_strings(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

int compare_pointers(const void *x, const void *y)
{
	const void *a = *(const void *const *)x, *b = *(const void *const *)y;

	return a < b ? -1 : a > b;
}

int open_regular(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK);
	struct stat st;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	return fd;
}

const char *path_basename(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;

	return slash ? slash + 1 : path ? path : "";
}
