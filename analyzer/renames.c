// SPDX-License-Identifier: GPL-2.0-only
/*
 * Symbols of one base name (foo, foo.llvm.N, foo.lto_priv.N) that a
 * tool pairing the functions of two builds by name cannot pair: paired
 * here when one candidate is left on each side, or by DWARF origin.
 */
#include "renames.h"

#include <stdlib.h>
#include <string.h>

#include "../common/util.h"

static int compare_bases(const struct image_symbol *a,
			 const struct image_symbol *b)
{
	int c = (int)b->is_func - (int)a->is_func;

	return c ? c : strcmp(a->base, b->base);
}

/* Symbols ordered by kind, base, name: a base's symbols are adjacent. */
static int compare_symbols(const void *x, const void *y)
{
	const struct image_symbol *a = *(const struct image_symbol *const *)x;
	const struct image_symbol *b = *(const struct image_symbol *const *)y;
	int c = compare_bases(a, b);

	return c ? c : strcmp(a->name, b->name);
}

static const struct image_symbol **sorted_symbols(const struct report *r)
{
	const struct image_symbol **v = xcalloc(r->nsymbols + 1, sizeof(*v));
	size_t i;

	for (i = 0; i < r->nsymbols; i++)
		v[i] = &r->symbols[i];
	sort_array(v, r->nsymbols, sizeof(*v), compare_symbols);
	return v;
}

static bool is_suffixed(const struct image_symbol *s)
{
	return s->base != s->name;
}

/* One base name's symbols on one side, exact matches removed. */
struct side {
	const struct image_symbol **v;
	size_t n;
};

static size_t group_end(const struct image_symbol **v, size_t n, size_t i)
{
	size_t k = i + 1;

	while (k < n && !compare_bases(v[k], v[i]))
		k++;
	return k;
}

static bool has_name(const struct side *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->v[i]->name, name))
			return true;
	return false;
}

/* Drop the names both sides have: a tool pairs those by name. */
static void drop_common(struct side *a, struct side *b)
{
	bool *keep_a = xcalloc(a->n + 1, sizeof(bool));
	bool *keep_b = xcalloc(b->n + 1, sizeof(bool));
	size_t i, k;

	for (i = 0; i < a->n; i++)
		keep_a[i] = !has_name(b, a->v[i]->name);
	for (i = 0; i < b->n; i++)
		keep_b[i] = !has_name(a, b->v[i]->name);
	for (i = 0, k = 0; i < a->n; i++)
		if (keep_a[i])
			a->v[k++] = a->v[i];
	a->n = k;
	for (i = 0, k = 0; i < b->n; i++)
		if (keep_b[i])
			b->v[k++] = b->v[i];
	b->n = k;
	free(keep_a);
	free(keep_b);
}

/*
 * Same DWARF origin: function or variable name, TU, and the declaring
 * file by base name (two trees put absolute paths in different places);
 * with_line also wants the same declaration line, which a patch above the
 * declaration shifts, so it is tried first and then dropped.
 */
static bool same_origin(const struct image_symbol *a,
			const struct image_symbol *b, bool with_line)
{
	const struct symbol_owner *x = &a->owner, *y = &b->owner;

	return x->name && y->name && !strcmp(x->name, y->name) &&
	       !strcmp(path_basename(x->decl_file), path_basename(y->decl_file)) &&
	       !strcmp(x->tu ? x->tu : "", y->tu ? y->tu : "") &&
	       (!with_line || x->decl_line == y->decl_line);
}

/* The one candidate in b with a's origin, or b->n if none or several. */
static size_t unique_match(const struct image_symbol *a,
			   const struct side *b)
{
	size_t k, at = b->n, hits;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		for (k = 0, hits = 0; k < b->n; k++)
			if (same_origin(a, b->v[k], pass == 0)) {
				hits++;
				at = k;
			}
		if (hits == 1)
			return at;
	}
	return b->n;
}

static enum rename_kind kind_of(const struct image_symbol *old,
				const struct image_symbol *new)
{
	if (!old)
		return RENAME_NEW;
	if (!new)
		return RENAME_GONE;
	if (is_suffixed(old) && is_suffixed(new))
		return RENAME_HASH_CHANGED;
	return is_suffixed(new) ? RENAME_SUFFIX_APPEARED
				: RENAME_SUFFIX_VANISHED;
}

static void add_certain(struct rename_list *l, const struct image_symbol *old,
			const struct image_symbol *new)
{
	struct symbol_rename *r = ARRAY_PUSH(l->v, l->n, l->cap);

	memset(r, 0, sizeof(*r));
	r->kind = kind_of(old, new);
	r->old = old;
	r->new = new;
	r->certain = true;
}

static const struct image_symbol **copy_side(const struct side *s)
{
	const struct image_symbol **v = xcalloc(s->n + 1, sizeof(*v));

	memcpy(v, s->v, s->n * sizeof(*v));
	return v;
}

/*
 * Pair what is left of one base: one on each side is certain; otherwise
 * pairs whose DWARF origin (name, decl file, TU) matches exactly one
 * candidate are, and the rest is reported as ambiguous.
 */
static void pair_group(struct rename_list *l, struct side a, struct side b)
{
	struct symbol_rename *r;
	size_t i, at;

	if (a.n == 1 && b.n == 1) {
		add_certain(l, a.v[0], b.v[0]);
		return;
	}
	if (!a.n || !b.n) {
		for (i = 0; i < a.n; i++)
			add_certain(l, a.v[i], NULL);
		for (i = 0; i < b.n; i++)
			add_certain(l, NULL, b.v[i]);
		return;
	}
	i = 0;
	while (i < a.n) {
		at = unique_match(a.v[i], &b);
		if (at == b.n) {
			i++;
			continue;
		}
		add_certain(l, a.v[i], b.v[at]);
		/* paired: fill both holes from the ends, look at i again */
		a.v[i] = a.v[--a.n];
		b.v[at] = b.v[--b.n];
	}
	if (!a.n && !b.n)
		return;
	r = ARRAY_PUSH(l->v, l->n, l->cap);
	memset(r, 0, sizeof(*r));
	r->kind = kind_of(a.n ? a.v[0] : NULL, b.n ? b.v[0] : NULL);
	r->old_candidates = copy_side(&a);
	r->nold = a.n;
	r->new_candidates = copy_side(&b);
	r->nnew = b.n;
}

static bool any_suffixed(const struct side *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (is_suffixed(s->v[i]))
			return true;
	return false;
}

void find_renames(const struct report *old, const struct report *new,
		  struct rename_list *l)
{
	const struct image_symbol **a = sorted_symbols(old);
	const struct image_symbol **b = sorted_symbols(new);
	size_t i = 0, k = 0, ie, ke;
	struct side sa, sb;
	int cmp;

	while (i < old->nsymbols || k < new->nsymbols) {
		cmp = i == old->nsymbols ? 1 : k == new->nsymbols ? -1 :
		      compare_bases(a[i], b[k]);
		ie = cmp <= 0 ? group_end(a, old->nsymbols, i) : i;
		ke = cmp >= 0 ? group_end(b, new->nsymbols, k) : k;
		sa = (struct side){ a + i, ie - i };
		sb = (struct side){ b + k, ke - k };
		if (any_suffixed(&sa) || any_suffixed(&sb)) {
			drop_common(&sa, &sb);
			pair_group(l, sa, sb);
		}
		i = ie;
		k = ke;
	}
	free(a);
	free(b);
}
