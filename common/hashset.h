/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Open addressing with linear probing, the one way every table here
 * finds a slot: a power-of-two number of slots, an empty slot all zero,
 * the keys in the caller's own array (strings, pointers, addresses).
 */
#ifndef INLSCAN_HASHSET_H
#define INLSCAN_HASHSET_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Slots for n keys at most half full, least at the least (a power of 2). */
static inline size_t hashset_nslots(size_t n, size_t least)
{
	size_t nslots = least;

	while (nslots < n * 2)
		nslots *= 2;
	return nslots;
}

static inline size_t hashset_first(uint64_t hash, size_t nslots)
{
	return hash & (nslots - 1);
}

static inline size_t hashset_next(size_t slot, size_t nslots)
{
	return (slot + 1) & (nslots - 1);
}

/* The slot of key (never 0) in keys, or the empty one where it goes. */
static inline size_t hashset_u64_slot(const uint64_t *keys, size_t nslots,
				      uint64_t key)
{
	size_t i = hashset_first(hash_u64(key), nslots);

	while (keys[i] && keys[i] != key)
		i = hashset_next(i, nslots);
	return i;
}

/* The same for keys compared by pointer, such as interned strings. */
static inline size_t hashset_ptr_slot(const void *const *keys,
				      size_t nslots, const void *key)
{
	size_t i = hashset_first(hash_u64((uint64_t)(uintptr_t)key), nslots);

	while (keys[i] && keys[i] != key)
		i = hashset_next(i, nslots);
	return i;
}

#endif
