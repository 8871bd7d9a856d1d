/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Joining the per-unit records: a global index of DIEs by offset, origin
 * roots, and which translation unit a DIE belongs to.
 */
#ifndef INLSCAN_JOIN_H
#define INLSCAN_JOIN_H

#include "../common/records.h"
#include "../common/strpool.h"

#define NO_DIE UINT32_MAX

struct offset_map {
	uint64_t *keys;		/* 0: empty slot (no DIE at offset 0) */
	uint32_t *values;
	size_t nslots;
};

struct join {
	const struct image_rec *img;
	/* arrays by global DIE id (these below, the analysis' too): zeroed,
	 * on huge pages where they are large, freed with the join */
	struct arena *tables;
	size_t *die_base;	/* global id of unit u's first DIE */
	uint32_t *unit_of;	/* global id -> unit index */
	size_t ndies;
	uint64_t *die_off;	/* global id -> DIE offset */
	uint32_t *by_off;	/* units in offset order (walk order) */
	bool *unit_sorted;	/* unit's DIEs in offset order */
	struct offset_map units; /* unit DIE offset -> unit index */
	uint32_t *root;		/* global id -> root global id */
	size_t unresolved;	/* references that led nowhere or looped */
	const char **unit_tu;	/* interned unit name, NULL for partial */
	uint32_t **closure;	/* partial units a unit imports, sorted */
	size_t *nclosure;
	const char ***importers; /* partial unit -> names of importers */
	size_t *nimporters;
};

/*
 * The first unit of slice k of n: slices of consecutive units with about
 * equal numbers of DIEs, for threads. k == n gives the end.
 */
uint32_t join_slice_start(const struct join *j, size_t k, size_t n);
/* jobs threads index and resolve the roots ahead (same result for any). */
void join_build(struct join *j, const struct image_rec *img,
		struct strpool *pool, int jobs);
void join_free(struct join *j);

const struct die_rec *join_die(const struct join *j, uint32_t id,
			       uint32_t *unit);
uint32_t join_root(struct join *j, uint32_t id);
/*
 * The root join_build or an earlier join_root found, without resolving
 * or counting anything: what threads may call once every failing chain
 * they ask about went through join_root.
 */
static inline uint32_t join_root_known(const struct join *j, uint32_t id)
{
	return j->root[id] != NO_DIE ? j->root[id] : id;
}
/* Is the TU of die f the TU of die c; site_unit holds the site. */
bool join_same_tu(const struct join *j, uint32_t f_unit, uint32_t c_unit,
		  uint32_t site_unit);
/* A printable TU for a root in root_unit, seen from where_unit. */
const char *join_tu_name(const struct join *j, uint32_t root_unit,
			 uint32_t where_unit);

#endif
