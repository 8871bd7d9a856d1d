// SPDX-License-Identifier: GPL-2.0-only
#include "partition.h"

#include <stdlib.h>
#include <string.h>

#include "../common/arena.h"
#include "../common/util.h"

/*
 * A partition reads the records it follows in order but far apart (the
 * others' lie between): fetched this many ahead, they are in cache when
 * read.
 */
#define PREFETCH_AHEAD 8

/* A slice of units, read once by one thread. */
struct slice {
	const struct partitions *pt;
	uint32_t first_unit, end_unit;
	/* the slice's followed DIEs by partition of their root, in order:
	 * sites and code, and apart, the direct calls, whose records the
	 * analysis need not read again */
	struct followed *list[MAX_PARTITIONS];
	size_t n[MAX_PARTITIONS], cap[MAX_PARTITIONS];
	uint32_t *calls[MAX_PARTITIONS];
	size_t ncalls[MAX_PARTITIONS], calls_cap[MAX_PARTITIONS];
	size_t indirect_calls;
	uint32_t *unsettled;	/* ids whose root is unknown, in DIE order */
	size_t nunsettled, unsettled_cap;
	bool relist;		/* a followed DIE was among them */
};

uint64_t claim_rank(bool variable, uint32_t by, size_t seq)
{
	return (uint64_t)variable << 63 | (uint64_t)by << 31 |
	       (seq & INT32_MAX);
}

/* The DIEs the analysis follows to their root: sites, code, calls. */
static bool follows_root(const struct die_rec *d)
{
	switch (d->kind) {
	case DIE_INLINED:
		return true;
	case DIE_SUBPROGRAM:
		return d->flags & DIE_HAS_CODE;
	case DIE_CALL_SITE:
		return !(d->flags & DIE_INDIRECT);
	default:
		return false;
	}
}

/*
 * The partition of each named DIE of a slice, from a hash of the name's
 * text, so that equal names meet in one partition: any named DIE can end
 * a chain. Read in order here, rather than at each root a followed DIE
 * leads to, where sites share roots and the records lie far apart.
 */
static void *partition_names(void *arg)
{
	struct slice *slice = arg;
	const struct partitions *pt = slice->pt;
	const struct unit_rec *unit;
	const char *name;
	uint32_t u;
	size_t k, id;

	for (u = slice->first_unit; u < slice->end_unit; u++) {
		unit = &pt->img->units[u];
		id = pt->join->die_base[u];
		for (k = 0; k < unit->ndies; k++, id++) {
			name = unit->dies[k].name
				? unit_str(unit, unit->dies[k].name) : NULL;
			if (name)
				pt->name_part[id] = (uint8_t)(
					hash_bytes(name, strlen(name)) %
						pt->n + 1);
		}
	}
	return NULL;
}

/* Unnamed roots are partition 0's. */
static void list_followed(struct slice *slice, uint32_t id, uint32_t unit,
			  const struct die_rec *d)
{
	const struct partitions *pt = slice->pt;
	uint8_t part = pt->name_part
		? pt->name_part[join_root_known(pt->join, id)] : 0;
	unsigned int p = part ? part - 1u : 0;
	struct followed *f;

	if (d->kind == DIE_CALL_SITE) {
		*ARRAY_PUSH(slice->calls[p], slice->ncalls[p],
			    slice->calls_cap[p]) = id;
		return;
	}
	f = ARRAY_PUSH(slice->list[p], slice->n[p], slice->cap[p]);
	f->id = id;
	f->unit = unit;
}

static bool note_unsettled(struct slice *slice, uint32_t id)
{
	if (slice->pt->join->root[id] != NO_DIE)
		return false;
	*ARRAY_PUSH(slice->unsettled, slice->nunsettled,
		    slice->unsettled_cap) = id;
	return true;
}

/*
 * One pass over a slice's records: the chains that join_build could not
 * end, which the DIEs followed lead into, and those DIEs listed by the
 * partition of their root. A slice with a followed DIE among the former
 * is listed again once they are settled.
 */
static void *read_slice(void *arg)
{
	struct slice *slice = arg;
	const struct image_rec *img = slice->pt->img;
	const struct die_rec *d;
	uint32_t u, base;
	size_t k;

	for (u = slice->first_unit; u < slice->end_unit; u++) {
		base = (uint32_t)slice->pt->join->die_base[u];
		for (k = 0; k < img->units[u].ndies; k++) {
			d = &img->units[u].dies[k];
			slice->indirect_calls += d->kind == DIE_CALL_SITE &&
						 (d->flags & DIE_INDIRECT);
			if (!follows_root(d))
				continue;
			if (note_unsettled(slice, base + (uint32_t)k))
				slice->relist = true;
			else if (!slice->relist)
				list_followed(slice, base + (uint32_t)k, u, d);
			if (d->kind != DIE_INLINED)
				continue;
			if (d->container >= 0)
				note_unsettled(slice,
					       base + (uint32_t)d->container);
			if (d->caller >= 0)
				note_unsettled(slice,
					       base + (uint32_t)d->caller);
		}
	}
	return NULL;
}

/* Once every root is known: the slice's followed DIEs, listed anew. */
static void relist_slice(struct slice *slice)
{
	const struct image_rec *img = slice->pt->img;
	const struct die_rec *d;
	uint32_t u, base;
	size_t k;

	memset(slice->n, 0, sizeof(slice->n));
	memset(slice->ncalls, 0, sizeof(slice->ncalls));
	for (u = slice->first_unit; u < slice->end_unit; u++) {
		base = (uint32_t)slice->pt->join->die_base[u];
		for (k = 0; k < img->units[u].ndies; k++) {
			d = &img->units[u].dies[k];
			if (follows_root(d))
				list_followed(slice, base + (uint32_t)k, u,
					      d);
		}
	}
}

/*
 * Every chain the analysis follows that join_build could not end goes
 * through join_root here, once, in DIE order: it counts them, and after
 * it every root is known, so that partitions only read the join.
 */
void partitions_list(struct partitions *pt, const struct image_rec *img,
		     struct join *join, unsigned int n)
{
	struct slice *slices = xcalloc(n, sizeof(*slices));
	unsigned int k;
	size_t i;

	pt->img = img;
	pt->join = join;
	pt->n = n;
	pt->name_part = NULL;
	for (k = 0; k < n; k++) {
		slices[k].pt = pt;
		slices[k].first_unit = join_slice_start(join, k, n);
		slices[k].end_unit = join_slice_start(join, k + 1, n);
	}
	if (n > 1) {
		pt->name_part = arena_alloc(join->tables, join->ndies + 1);
		run_shares(partition_names, slices, n, sizeof(*slices));
	}
	run_shares(read_slice, slices, n, sizeof(*slices));
	for (k = 0; k < n; k++) {
		for (i = 0; i < slices[k].nunsettled; i++)
			join_root(join, slices[k].unsettled[i]);
		free(slices[k].unsettled);
	}
	for (k = 0; k < n; k++)
		if (slices[k].relist)
			relist_slice(&slices[k]);
	pt->slices = slices;
}

void partitions_free(struct partitions *pt)
{
	unsigned int s, p;

	for (s = 0; s < pt->n; s++)
		for (p = 0; p < MAX_PARTITIONS; p++) {
			free(pt->slices[s].list[p]);
			free(pt->slices[s].calls[p]);
		}
	free(pt->slices);
	pt->slices = NULL;
	pt->n = 0;
}

static const struct die_rec *followed_die(const struct partitions *pt,
					  const struct followed *f)
{
	return &pt->img->units[f->unit].dies
			[f->id - pt->join->die_base[f->unit]];
}

void partition_follow(const struct partitions *pt, unsigned int p,
		      void (*visit)(void *ctx, const struct followed *f,
				    const struct die_rec *d),
		      void *ctx)
{
	const struct slice *slice;
	unsigned int s;
	size_t i;

	for (s = 0; s < pt->n; s++) {
		slice = &pt->slices[s];
		for (i = 0; i < slice->n[p]; i++) {
			if (i + PREFETCH_AHEAD < slice->n[p])
				__builtin_prefetch(followed_die(
					pt, &slice->list[p][i + PREFETCH_AHEAD]));
			visit(ctx, &slice->list[p][i],
			      followed_die(pt, &slice->list[p][i]));
		}
	}
}

void partition_calls(const struct partitions *pt, unsigned int p,
		     void (*visit)(void *ctx, uint32_t id), void *ctx)
{
	const struct slice *slice;
	unsigned int s;
	size_t i;

	for (s = 0; s < pt->n; s++) {
		slice = &pt->slices[s];
		for (i = 0; i < slice->ncalls[p]; i++)
			visit(ctx, slice->calls[p][i]);
	}
}

size_t partitions_indirect_calls(const struct partitions *pt)
{
	size_t n = 0;
	unsigned int s;

	for (s = 0; s < pt->n; s++)
		n += pt->slices[s].indirect_calls;
	return n;
}

void partition_units(const struct partitions *pt, unsigned int p,
		     uint32_t *first, uint32_t *end)
{
	*first = pt->slices[p].first_unit;
	*end = pt->slices[p].end_unit;
}

/*
 * One thread's part of the merge: the functions of every partition whose
 * names fall between two splitters, interleaved by name into out.
 */
struct merge_share {
	const struct partition_result *parts;
	unsigned int nparts;
	size_t from[MAX_PARTITIONS], end[MAX_PARTITIONS];
	struct function *out;
};

/* The index of part's first function whose name is not below name. */
static size_t lower_bound(const struct partition_result *part,
			  const char *name)
{
	const struct function *fns = part->functions;
	size_t lo = 0, hi = part->nfunctions, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(fns[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void *merge_share(void *arg)
{
	struct merge_share *m = arg;
	struct function *out = m->out;
	const struct function *f, *best;
	size_t next[MAX_PARTITIONS];
	unsigned int p, pick;

	memcpy(next, m->from, sizeof(next));
	for (;;) {
		best = NULL;
		pick = 0;
		for (p = 0; p < m->nparts; p++) {
			if (next[p] == m->end[p])
				continue;
			f = &m->parts[p].functions[next[p]];
			if (!best || strcmp(f->name, best->name) < 0) {
				best = f;
				pick = p;
			}
		}
		if (!best)
			return NULL;
		*out++ = *best;
		next[pick]++;
	}
}

/*
 * Names are split at those of the largest partition's functions at n
 * even steps: no name is in two partitions, so every part goes to one
 * thread, and hashed partitions hold names alike.
 */
static struct function *merge_functions(const struct partition_result *parts,
					unsigned int n, size_t nfunctions)
{
	struct function *out = xmalloc((nfunctions + 1) * sizeof(*out));
	struct merge_share *shares = xcalloc(n, sizeof(*shares));
	const struct partition_result *largest = &parts[0];
	size_t at = 0, cut;
	unsigned int t, p;

	for (p = 1; p < n; p++)
		if (parts[p].nfunctions > largest->nfunctions)
			largest = &parts[p];
	for (t = 0; t < n; t++) {
		shares[t].parts = parts;
		shares[t].nparts = n;
		shares[t].out = out + at;
		cut = largest->nfunctions * (t + 1) / n;
		for (p = 0; p < n; p++) {
			shares[t].from[p] = t ? shares[t - 1].end[p] : 0;
			shares[t].end[p] =
				cut < largest->nfunctions
					? lower_bound(&parts[p],
						      largest->functions[cut]
							      .name)
					: parts[p].nfunctions;
			at += shares[t].end[p] - shares[t].from[p];
		}
	}
	run_shares(merge_share, shares, n, sizeof(*shares));
	free(shares);
	return out;
}

struct function *partitions_merge(const struct partition_result *parts,
				  unsigned int n, size_t *nfunctions)
{
	struct function *out;
	unsigned int p;

	*nfunctions = 0;
	for (p = 0; p < n; p++)
		*nfunctions += parts[p].nfunctions;
	/* never NULL, even empty: it is searched with bsearch */
	if (n == 1)
		return xrealloc(parts[0].functions,
				(*nfunctions + 1) * sizeof(*out));
	out = merge_functions(parts, n, *nfunctions);
	for (p = 0; p < n; p++)
		free(parts[p].functions);
	return out;
}

void partitions_settle_claims(const struct partition_result *parts,
			      unsigned int n, struct image_symbol *symbols,
			      size_t nsymbols)
{
	/* kept: the rank + 1 of the claim that holds the symbol */
	uint64_t *kept = xcalloc_written(nsymbols + 1, sizeof(*kept));
	const struct owner_claim *c;
	unsigned int p;
	size_t k;

	for (p = 0; p < n; p++)
		for (k = 0; k < parts[p].nclaims; k++) {
			c = &parts[p].claims[k];
			if (c->rank + 1 <= kept[c->sym])
				continue;
			kept[c->sym] = c->rank + 1;
			symbols[c->sym].owner = c->owner;
		}
	free(kept);
}
