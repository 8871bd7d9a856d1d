// SPDX-License-Identifier: GPL-2.0-only
/*
 * Two builds' names paired (certain renames, names that differ only in
 * numbers), their function symbols paired, and a function's code
 * compared through those pairs.
 */
#include "correlate.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"

/* Names of one build, sorted, to ask whether it has a name. */
struct name_index {
	const char **v;
	size_t n;
};

static void index_names(const struct report *r, struct name_index *ix)
{
	size_t i;

	ix->v = xcalloc(r->nsymbols + 1, sizeof(*ix->v));
	for (i = 0; i < r->nsymbols; i++)
		ix->v[i] = r->symbols[i].name;
	ix->n = r->nsymbols;
	sort_array(ix->v, ix->n, sizeof(*ix->v), compare_strings);
}

static bool has_symbol(const struct name_index *ix, const char *name)
{
	return ix->n && bsearch(&name, ix->v, ix->n, sizeof(*ix->v),
				compare_strings);
}

static int compare_pairs(const void *x, const void *y)
{
	return strcmp(((const struct name_pair *)x)->old,
		      ((const struct name_pair *)y)->old);
}

static void correlate_add(struct correlation *c, const char *old,
			  const char *new)
{
	struct name_pair *p = ARRAY_PUSH(c->v, c->n, c->cap);

	p->old = old;
	p->new = new;
}

/* What old is called in the new build: itself unless paired. */
const char *correlate(const struct correlation *c, const char *old)
{
	struct name_pair key = { .old = old }, *hit;

	hit = c->n ? bsearch(&key, c->v, c->n, sizeof(*c->v), compare_pairs)
		   : NULL;
	return hit ? hit->new : old;
}

/*
 * A name with its numbers as '#' and without a .llvm./.lto_priv.
 * suffix: __initstub__kmod_md_mod__609_10455_md_init4 and the same with
 * 10458, or __UNIQUE_ID_x123 and __UNIQUE_ID_x124, read alike.
 */
static char *canonical(const char *name)
{
	char *out = xmalloc(strlen(name) + 1), *o = out;

	for (; *name; name++) {
		if (isdigit((unsigned char)*name)) {
			if (o == out || o[-1] != '#')
				*o++ = '#';
			continue;
		}
		*o++ = *name;
	}
	*o = '\0';
	return out;
}

struct numbered {
	const char *name;
	char *canon;
};

static int compare_canon(const void *x, const void *y)
{
	const struct numbered *a = x, *b = y;
	int c = strcmp(a->canon, b->canon);

	return c ? c : strcmp(a->name, b->name);
}

/* r's names with a digit that other lacks and no pair holds yet. */
static struct numbered *unpaired_numbered(const struct report *r,
					  const struct name_index *other,
					  const struct correlation *paired,
					  size_t *n)
{
	struct numbered *v = xcalloc(r->nsymbols + 1, sizeof(*v));
	const char *name;
	size_t i;

	*n = 0;
	for (i = 0; i < r->nsymbols; i++) {
		name = r->symbols[i].name;
		if (!strpbrk(name, "0123456789") || has_symbol(other, name) ||
		    correlate(paired, name) != name)
			continue;
		v[*n].name = name;
		v[(*n)++].canon = canonical(name);
	}
	sort_array(v, *n, sizeof(*v), compare_canon);
	return v;
}

static size_t canon_end(const struct numbered *v, size_t n, size_t i)
{
	size_t k = i + 1;

	while (k < n && !strcmp(v[k].canon, v[i].canon))
		k++;
	return k;
}

/*
 * Names that differ only in numbers, one on each side: a tool pairing
 * by name sees one gone and one new; they are paired here and reported.
 */
static void find_hazards(const struct report *old, const struct report *new,
			 const struct name_index *ix_old,
			 const struct name_index *ix_new,
			 struct correlation *c, struct correlation *rev,
			 struct livepatch_view *out)
{
	size_t na, nb, i = 0, k = 0, ie, ke, cap = 0;
	struct numbered *a = unpaired_numbered(old, ix_new, c, &na);
	struct numbered *b = unpaired_numbered(new, ix_old, rev, &nb);
	struct correlation_hazard *h;
	int cmp;

	while (i < na && k < nb) {
		cmp = strcmp(a[i].canon, b[k].canon);
		ie = cmp <= 0 ? canon_end(a, na, i) : i;
		ke = cmp >= 0 ? canon_end(b, nb, k) : k;
		if (!cmp && ie - i == 1 && ke - k == 1) {
			h = ARRAY_PUSH(out->hazards, out->nhazards, cap);
			h->old = a[i].name;
			h->new = b[k].name;
			correlate_add(c, a[i].name, b[k].name);
		}
		i = ie;
		k = ke;
	}
	for (i = 0; i < na; i++)
		free(a[i].canon);
	for (i = 0; i < nb; i++)
		free(b[i].canon);
	free(a);
	free(b);
}

/* rev: c the other way round, sorted for correlate(). */
static void reverse(const struct correlation *c, struct correlation *rev)
{
	size_t i;

	rev->n = 0;
	for (i = 0; i < c->n; i++)
		correlate_add(rev, c->v[i].new, c->v[i].old);
	sort_array(rev->v, rev->n, sizeof(*rev->v), compare_pairs);
}

/*
 * Certain renames and names that differ only in numbers, old -> new in
 * c and new -> old in rev.
 */
void build_correlation(const struct report *old,
			      const struct report *new,
			      struct correlation *c, struct correlation *rev,
			      struct livepatch_view *out)
{
	struct name_index ix_old, ix_new;
	size_t i;

	for (i = 0; i < out->nrenames; i++)
		if (out->renames[i].certain && out->renames[i].old &&
		    out->renames[i].new)
			correlate_add(c, out->renames[i].old->name,
				      out->renames[i].new->name);
	sort_array(c->v, c->n, sizeof(*c->v), compare_pairs);
	reverse(c, rev);
	index_names(old, &ix_old);
	index_names(new, &ix_new);
	find_hazards(old, new, &ix_old, &ix_new, c, rev, out);
	sort_array(c->v, c->n, sizeof(*c->v), compare_pairs);
	reverse(c, rev);
	free(ix_old.v);
	free(ix_new.v);
}

/* The same reference: exact, or through the correlation of names. */
static bool same_target(const struct code_reference *a,
			const struct code_reference *b,
			const struct correlation *c, bool mapped,
			bool any_offset)
{
	if (a->offset != b->offset || a->type != b->type ||
	    a->kind != b->kind)
		return false;
	if (a->kind == CODE_TARGET_SECTION && any_offset)
		return !strcmp(a->target, b->target);
	if (a->delta != b->delta)
		return false;
	if (a->kind == CODE_TARGET_SYMBOL && mapped)
		return !strcmp(correlate(c, a->target), b->target);
	return !strcmp(a->target, b->target);
}

/* Every reference alike by same_target's rule. */
bool same_refs(const struct image_symbol *a,
		      const struct image_symbol *b,
		      const struct correlation *c, bool mapped,
		      bool any_offset)
{
	size_t k;

	if (a->size != b->size || a->nrefs != b->nrefs)
		return false;
	for (k = 0; k < a->nrefs; k++)
		if (!same_target(&a->refs[k], &b->refs[k], c, mapped,
				 any_offset))
			return false;
	return true;
}

bool same_code(const struct image_symbol *a,
		      const struct image_symbol *b,
		      const struct correlation *c, bool mapped,
		      bool any_offset)
{
	return a->code_hash == b->code_hash &&
	       same_refs(a, b, c, mapped, any_offset);
}

static uint64_t little_endian(const unsigned char *p, unsigned int width)
{
	uint64_t v = 0;

	while (width--)
		v = v << 8 | p[width];
	return v;
}

/* Source files this long hold no more lines: a larger value is no line. */
#define MAX_LINE (1u << 24)

/*
 * The window of width bytes from at holds a line number that moved by
 * shift, and every byte a and b differ in within it.
 */
static bool moved_line_at(const unsigned char *a, const unsigned char *b,
			  size_t at, unsigned int width, int64_t shift)
{
	uint64_t was = little_endian(a + at, width);
	uint64_t now = little_endian(b + at, width);

	return was && was < MAX_LINE && (int64_t)(now - was) == shift;
}

/*
 * a and b differ only in constants that moved by as many lines as the
 * function's declaration did: __LINE__ in a WARN or pr_* call. The first
 * such pair into *was and *now.
 */
bool only_line_numbers(const struct image_symbol *a,
			      const struct image_symbol *b, uint64_t *was,
			      uint64_t *now)
{
	int64_t shift = (int64_t)b->owner.decl_line - a->owner.decl_line;
	static const unsigned int widths[] = { 4, 2 };
	size_t i, at, first;
	unsigned int w, k;
	bool found = false;

	if (!a->code || !b->code || !shift || !a->owner.decl_line ||
	    a->size != b->size)
		return false;
	for (i = 0; i < a->size; i++) {
		if (a->code[i] == b->code[i])
			continue;
		for (k = 0, at = SIZE_MAX; k < 2 && at == SIZE_MAX; k++) {
			w = widths[k];
			first = i + 1 >= w ? i + 1 - w : 0;
			for (at = first; at <= i && at + w <= a->size; at++)
				if (moved_line_at(a->code, b->code, at, w,
						  shift))
					break;
			if (at > i || at + w > a->size)
				at = SIZE_MAX;
		}
		if (at == SIZE_MAX)
			return false;
		if (!found) {
			*was = little_endian(a->code + at, w);
			*now = little_endian(b->code + at, w);
		}
		found = true;
		i = at + w - 1;
	}
	return found;
}

static int compare_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

/* By name, then where DWARF puts it: statics of one name in many TUs. */
static int compare_placed_symbols(const void *x, const void *y)
{
	const struct image_symbol *a = *(const struct image_symbol *const *)x;
	const struct image_symbol *b = *(const struct image_symbol *const *)y;
	int c = strcmp(a->name, b->name);

	if (!c)
		c = compare_text(a->owner.tu, b->owner.tu);
	if (!c)
		c = compare_text(a->owner.decl_file, b->owner.decl_file);
	if (!c)
		c = (a->address > b->address) - (a->address < b->address);
	return c;
}

void index_functions(const struct report *r, struct func_index *ix)
{
	size_t i;

	ix->v = xcalloc(r->nsymbols + 1, sizeof(*ix->v));
	ix->n = 0;
	for (i = 0; i < r->nsymbols; i++)
		if (r->symbols[i].is_func)
			ix->v[ix->n++] = &r->symbols[i];
	sort_array(ix->v, ix->n, sizeof(*ix->v), compare_placed_symbols);
}

/* [*first, return) are the function symbols named name. */
static size_t symbols_named(const struct func_index *ix, const char *name,
			    size_t *first)
{
	size_t lo = 0, hi = ix->n, mid, end;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(ix->v[mid]->name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	for (end = lo; end < ix->n && !strcmp(ix->v[end]->name, name); end++)
		;
	return end;
}

static bool same_place(const struct image_symbol *a,
		       const struct image_symbol *b)
{
	return !compare_text(a->owner.tu, b->owner.tu) &&
	       !compare_text(path_basename(a->owner.decl_file),
			     path_basename(b->owner.decl_file));
}

/*
 * Each old function symbol's counterpart in the new build (index into
 * new's index, or new's n): by name through the correlation; where a
 * name is several symbols (statics of many TUs), by TU and declaring
 * file, then in order. One to one.
 */
size_t *pair_functions(const struct func_index *old_ix,
			      const struct func_index *new_ix,
			      const struct correlation *c)
{
	size_t *pair = xcalloc(old_ix->n + 1, sizeof(*pair));
	bool *taken = xcalloc(new_ix->n + 1, sizeof(bool));
	size_t i, k, first, end;

	for (i = 0; i < old_ix->n; i++) {
		pair[i] = new_ix->n;
		end = symbols_named(new_ix, correlate(c, old_ix->v[i]->name),
				    &first);
		for (k = first; k < end; k++)
			if (!taken[k] &&
			    (end - first == 1 ||
			     same_place(old_ix->v[i], new_ix->v[k])))
				break;
		if (k == end)
			for (k = first; k < end && taken[k]; k++)
				;
		if (k < end) {
			pair[i] = k;
			taken[k] = true;
		}
	}
	free(taken);
	return pair;
}
