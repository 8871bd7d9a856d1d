// SPDX-License-Identifier: GPL-2.0-only
#include "join.h"

#include <stdlib.h>
#include <string.h>

#include "../common/arena.h"
#include "../common/hashset.h"
#include "../common/util.h"

/* Longer origin/specification chains than this are loops. */
#define MAX_CHAIN 64

static void map_init(struct offset_map *m, size_t n)
{
	m->nslots = hashset_nslots(n, 64);
	m->keys = xcalloc_written(m->nslots, sizeof(*m->keys));
	m->values = xcalloc(m->nslots, sizeof(*m->values));
}

static void map_put(struct offset_map *m, uint64_t key, uint32_t value)
{
	size_t i = hashset_u64_slot(m->keys, m->nslots, key);

	if (m->keys[i])
		return;	/* first wins: duplicate offsets are corrupt */
	m->keys[i] = key;
	m->values[i] = value;
}

static uint32_t map_get(const struct offset_map *m, uint64_t key)
{
	size_t i;

	if (key == REF_NONE)
		return NO_DIE;
	i = hashset_u64_slot(m->keys, m->nslots, key);
	return m->keys[i] ? m->values[i] : NO_DIE;
}

static void map_free(struct offset_map *m)
{
	free(m->keys);
	free(m->values);
}

/*
 * The walker records a unit's DIEs in file order and lists units in
 * offset order, so a DIE is found by two binary searches over memory the
 * walk already wrote, instead of a hash table as large again. Records
 * built another way (tests) are searched in the order they come.
 */
static uint32_t find_in_unit(const struct join *j, uint32_t u, uint64_t key)
{
	size_t lo = j->die_base[u], hi = j->die_base[u + 1], mid;

	if (!j->unit_sorted[u]) {
		for (; lo < hi; lo++)
			if (j->die_off[lo] == key)
				return (uint32_t)lo;
		return NO_DIE;
	}
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (j->die_off[mid] == key)
			return (uint32_t)mid;
		if (j->die_off[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NO_DIE;
}

static uint32_t find_die(const struct join *j, uint64_t key)
{
	const struct unit_rec *units = j->img->units;
	size_t lo = 0, hi = j->img->nunits, mid;

	if (key == REF_NONE)
		return NO_DIE;
	/* the last unit that starts at or before key */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (units[j->by_off[mid]].off <= key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? find_in_unit(j, j->by_off[lo - 1], key) : NO_DIE;
}

const struct die_rec *join_die(const struct join *j, uint32_t id,
			       uint32_t *unit)
{
	uint32_t u = j->unit_of[id];

	if (unit)
		*unit = u;
	return &j->img->units[u].dies[id - j->die_base[u]];
}

uint32_t join_root(struct join *j, uint32_t id)
{
	uint32_t path[MAX_CHAIN], cur = id, next, root = NO_DIE;
	const struct die_rec *d;
	size_t n = 0, i;

	while (n < MAX_CHAIN) {
		if (j->root[cur] != NO_DIE) {
			root = j->root[cur];
			break;
		}
		path[n++] = cur;
		d = join_die(j, cur, NULL);
		if (d->origin == REF_NONE) {
			root = cur;
			break;
		}
		next = find_die(j, d->origin);
		if (next == NO_DIE) {
			j->unresolved++;
			root = cur;
			break;
		}
		cur = next;
	}
	if (root == NO_DIE) {
		j->unresolved++;
		root = id;
	}
	for (i = 0; i < n; i++)
		j->root[path[i]] = root;
	return root;
}

/*
 * The root of id if its chain ends well, else NO_DIE: a dangling or
 * looping chain is left to join_root, which counts it, in the order the
 * analysis asks, as it always has.
 */
static uint32_t chain_root(const struct join *j, uint32_t id)
{
	uint32_t cur = id;
	const struct die_rec *d;
	size_t n;

	for (n = 0; n < MAX_CHAIN; n++) {
		d = join_die(j, cur, NULL);
		if (d->origin == REF_NONE)
			return cur;
		cur = find_die(j, d->origin);
		if (cur == NO_DIE)
			return NO_DIE;
	}
	return NO_DIE;
}

struct root_share {
	struct join *j;
	size_t first, end;	/* global ids */
};

static void *resolve_share(void *arg)
{
	struct root_share *share = arg;
	size_t id;

	for (id = share->first; id < share->end; id++)
		share->j->root[id] = chain_root(share->j, (uint32_t)id);
	return NULL;
}

/*
 * Every root, by jobs threads over slices of ids: each writes only its
 * own slice and reads what join_build wrote, so no thread waits.
 */
static void resolve_roots(struct join *j, int jobs)
{
	size_t n = jobs > 1 ? (size_t)jobs : 1, k;
	struct root_share *shares = xcalloc(n, sizeof(*shares));

	for (k = 0; k < n; k++) {
		shares[k].j = j;
		shares[k].first = j->ndies * k / n;
		shares[k].end = j->ndies * (k + 1) / n;
	}
	run_shares(resolve_share, shares, n, sizeof(*shares));
	free(shares);
}

static bool contains_u32(const uint32_t *set, size_t n, uint32_t x)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (set[mid] == x)
			return true;
		if (set[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static int compare_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* All partial units that unit u imports, directly or transitively. */
static void build_closure(struct join *j, uint32_t u)
{
	uint32_t *stack = NULL, *out = NULL, cur, target;
	size_t nstack = 0, stack_cap = 0, nout = 0, out_cap = 0, i, k;
	const struct unit_rec *unit;
	bool seen;

	*ARRAY_PUSH(stack, nstack, stack_cap) = u;
	while (nstack) {
		cur = stack[--nstack];
		unit = &j->img->units[cur];
		for (i = 0; i < unit->nimports; i++) {
			target = map_get(&j->units, unit->imports[i]);
			if (target == NO_DIE || target == u)
				continue;
			for (seen = false, k = 0; k < nout && !seen; k++)
				seen = out[k] == target;
			if (seen)
				continue;
			*ARRAY_PUSH(out, nout, out_cap) = target;
			*ARRAY_PUSH(stack, nstack, stack_cap) = target;
		}
	}
	free(stack);
	sort_array(out, nout, sizeof(*out), compare_u32);
	j->closure[u] = out;
	j->nclosure[u] = nout;
}

static void add_importer(struct join *j, uint32_t partial, const char *name)
{
	size_t k, cap = j->nimporters[partial];

	for (k = 0; k < j->nimporters[partial]; k++)
		if (j->importers[partial][k] == name)
			return;
	grow_array((void **)&j->importers[partial], &cap,
		   j->nimporters[partial] + 1, sizeof(char *));
	j->importers[partial][j->nimporters[partial]++] = name;
}

static void build_tu(struct join *j, struct strpool *pool)
{
	const struct image_rec *img = j->img;
	uint32_t u;
	size_t k;

	j->unit_tu = xcalloc(img->nunits, sizeof(char *));
	j->closure = xcalloc(img->nunits, sizeof(uint32_t *));
	j->nclosure = xcalloc(img->nunits, sizeof(size_t));
	j->importers = xcalloc(img->nunits, sizeof(char **));
	j->nimporters = xcalloc(img->nunits, sizeof(size_t));
	for (u = 0; u < img->nunits; u++)
		if (!img->units[u].partial && img->units[u].name)
			j->unit_tu[u] = strpool_intern(
				pool, unit_str(&img->units[u],
					       img->units[u].name));
	for (u = 0; u < img->nunits; u++) {
		if (!img->units[u].nimports)
			continue;
		build_closure(j, u);
		if (!j->unit_tu[u])
			continue;
		for (k = 0; k < j->nclosure[u]; k++)
			add_importer(j, j->closure[u][k], j->unit_tu[u]);
	}
}

struct unit_key {
	uint64_t off;
	uint32_t unit;
};

static int compare_unit_keys(const void *x, const void *y)
{
	const struct unit_key *a = x, *b = y;

	return a->off < b->off ? -1 : a->off > b->off;
}

/* Records built another way than by the walker: units by offset. */
static void sort_units(struct join *j)
{
	size_t u, n = j->img->nunits;
	struct unit_key *keys = xmalloc((n + 1) * sizeof(*keys));

	for (u = 0; u < n; u++) {
		keys[u].off = j->img->units[u].off;
		keys[u].unit = (uint32_t)u;
	}
	sort_array(keys, n, sizeof(*keys), compare_unit_keys);
	for (u = 0; u < n; u++)
		j->by_off[u] = keys[u].unit;
	free(keys);
}

uint32_t join_slice_start(const struct join *j, size_t k, size_t n)
{
	size_t lo = 0, hi = j->img->nunits, mid, want = j->ndies * k / n;

	if (k >= n)
		return (uint32_t)j->img->nunits;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (j->die_base[mid] < want)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (uint32_t)lo;
}

struct index_share {
	struct join *j;
	uint32_t first, end;	/* units */
};

/* Each DIE's unit and offset, and whether a unit's are in order. */
static void *index_units(void *arg)
{
	struct index_share *share = arg;
	struct join *j = share->j;
	const struct unit_rec *unit;
	size_t d, id;
	uint32_t u;

	for (u = share->first; u < share->end; u++) {
		unit = &j->img->units[u];
		j->unit_sorted[u] = true;
		for (d = 0; d < unit->ndies; d++) {
			id = j->die_base[u] + d;
			j->unit_of[id] = u;
			j->die_off[id] = unit->dies[d].off;
			j->unit_sorted[u] &= !d || unit->dies[d - 1].off <
							   unit->dies[d].off;
		}
	}
	return NULL;
}

static void index_offsets(struct join *j, int jobs)
{
	const struct unit_rec *units = j->img->units;
	size_t u, n = j->img->nunits, k, nshares = jobs > 1 ? (size_t)jobs : 1;
	struct index_share *shares = xcalloc(nshares, sizeof(*shares));
	bool in_order = true;

	/* every lookup of a DIE needs its unit: one array, no search */
	j->unit_of = arena_alloc(j->tables,
				 (j->ndies + 1) * sizeof(*j->unit_of));
	j->die_off = arena_alloc(j->tables,
				 (j->ndies + 1) * sizeof(*j->die_off));
	j->unit_sorted = xcalloc(n + 1, sizeof(*j->unit_sorted));
	j->by_off = xmalloc((n + 1) * sizeof(*j->by_off));
	for (k = 0; k < nshares; k++) {
		shares[k].j = j;
		shares[k].first = join_slice_start(j, k, nshares);
		shares[k].end = join_slice_start(j, k + 1, nshares);
	}
	run_shares(index_units, shares, nshares, sizeof(*shares));
	free(shares);
	for (u = 0; u < n; u++) {
		j->by_off[u] = (uint32_t)u;
		in_order &= !u || units[u - 1].off < units[u].off;
	}
	if (!in_order)
		sort_units(j);
}

void join_build(struct join *j, const struct image_rec *img,
		struct strpool *pool, int jobs)
{
	size_t u;

	memset(j, 0, sizeof(*j));
	j->img = img;
	j->tables = arena_new();
	j->die_base = xcalloc(img->nunits + 1, sizeof(size_t));
	for (u = 0; u < img->nunits; u++)
		j->die_base[u + 1] = j->die_base[u] + img->units[u].ndies;
	j->ndies = j->die_base[img->nunits];
	map_init(&j->units, img->nunits);
	for (u = 0; u < img->nunits; u++)
		if (img->units[u].off)
			map_put(&j->units, img->units[u].off, (uint32_t)u);
	index_offsets(j, jobs);
	j->root = arena_alloc(j->tables, (j->ndies + 1) * sizeof(uint32_t));
	resolve_roots(j, jobs);
	build_tu(j, pool);
}

static bool names_meet(const struct join *j, uint32_t a, uint32_t b)
{
	size_t x, y;

	if (j->unit_tu[a] && j->unit_tu[b])
		return j->unit_tu[a] == j->unit_tu[b];
	if (j->unit_tu[a]) {
		uint32_t t = a;

		a = b;
		b = t;
	}
	/* a is partial: does b's name, or any of b's names, import it */
	for (x = 0; x < j->nimporters[a]; x++) {
		if (j->unit_tu[b] && j->importers[a][x] == j->unit_tu[b])
			return true;
		for (y = 0; !j->unit_tu[b] && y < j->nimporters[b]; y++)
			if (j->importers[a][x] == j->importers[b][y])
				return true;
	}
	return false;
}

bool join_same_tu(const struct join *j, uint32_t f_unit, uint32_t c_unit,
		  uint32_t site_unit)
{
	if (f_unit == c_unit || names_meet(j, f_unit, c_unit))
		return true;
	return !j->unit_tu[f_unit] &&
	       contains_u32(j->closure[site_unit], j->nclosure[site_unit],
			    f_unit);
}

const char *join_tu_name(const struct join *j, uint32_t root_unit,
			 uint32_t where_unit)
{
	if (j->unit_tu[root_unit])
		return j->unit_tu[root_unit];
	if (j->unit_tu[where_unit] &&
	    contains_u32(j->closure[where_unit], j->nclosure[where_unit],
			 root_unit))
		return j->unit_tu[where_unit];
	if (j->nimporters[root_unit])
		return j->importers[root_unit][0];
	return NULL;
}

void join_free(struct join *j)
{
	size_t u;

	for (u = 0; u < j->img->nunits; u++) {
		free(j->closure[u]);
		free(j->importers[u]);
	}
	free(j->closure);
	free(j->nclosure);
	free(j->importers);
	free(j->nimporters);
	free(j->unit_tu);
	arena_free(j->tables);
	free(j->die_base);
	free(j->by_off);
	free(j->unit_sorted);
	map_free(&j->units);
	memset(j, 0, sizeof(*j));
}
