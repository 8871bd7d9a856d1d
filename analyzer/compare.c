// SPDX-License-Identifier: GPL-2.0-only
#include "compare.h"

#include <stdlib.h>
#include <string.h>

#include "../common/util.h"

/* The distinct symbols of fn's copies, sorted; caller frees. */
static size_t copy_symbols(const struct function *fn, const char ***out)
{
	size_t i, n = 0, k = 0;

	*out = xcalloc(fn ? fn->ncopies + 1 : 1, sizeof(**out));
	for (i = 0; fn && i < fn->ncopies; i++)
		if (fn->copies[i].symbol)
			(*out)[n++] = fn->copies[i].symbol;
	sort_array(*out, n, sizeof(**out), compare_strings);
	for (i = 0; i < n; i++)
		if (!k || strcmp((*out)[k - 1], (*out)[i]))
			(*out)[k++] = (*out)[i];
	return k;
}

static bool renamed(const struct function *old, const struct function *new)
{
	const char **a, **b;
	size_t na = copy_symbols(old, &a), nb = copy_symbols(new, &b), i;
	bool differ = na && nb && na != nb;

	for (i = 0; na && nb && !differ && i < na; i++)
		differ = strcmp(a[i], b[i]);
	free(a);
	free(b);
	return differ;
}

static void note_change(struct comparison *c, size_t *cap,
			const struct function *old,
			const struct function *new)
{
	struct function_change ch = {
		.name = old ? old->name : new->name, .old = old, .new = new,
	};
	enum fn_status was = old ? old->status : STATUS_OUTLINE;

	ch.status_changed = !old || !new || old->status != new->status;
	ch.sites_changed = old && new &&
			   (old->sites != new->sites ||
			    old->sites_cross_tu != new->sites_cross_tu);
	ch.renamed = old && new && renamed(old, new);
	if (!ch.status_changed && !ch.sites_changed && !ch.renamed)
		return;
	if (new && new->status == STATUS_PARTIAL &&
	    (!old || was != STATUS_PARTIAL))
		c->new_partial++;
	if (new && new->status == STATUS_FULL && (!old || was != STATUS_FULL))
		c->new_full++;
	c->renamed += ch.renamed;
	*ARRAY_PUSH(c->changes, c->nchanges, *cap) = ch;
}

void compare_reports(const struct report *old, const struct report *new,
		     struct comparison *out)
{
	size_t i = 0, k = 0, cap = 0;
	int cmp;

	memset(out, 0, sizeof(*out));
	while (i < old->nfunctions || k < new->nfunctions) {
		if (i == old->nfunctions)
			cmp = 1;
		else if (k == new->nfunctions)
			cmp = -1;
		else
			cmp = strcmp(old->functions[i].name,
				     new->functions[k].name);
		note_change(out, &cap, cmp <= 0 ? &old->functions[i] : NULL,
			    cmp >= 0 ? &new->functions[k] : NULL);
		i += cmp <= 0;
		k += cmp >= 0;
	}
}

void comparison_free(struct comparison *c)
{
	free(c->changes);
	memset(c, 0, sizeof(*c));
}

size_t compare_dirs(struct report *old, struct report *new,
		    unsigned int depth, struct dir_pair **out)
{
	struct dir_group *a, *b;
	size_t na = group_by_dir(old, depth, &a);
	size_t nb = group_by_dir(new, depth, &b);
	size_t i = 0, k = 0, n = 0;
	struct dir_pair *p;
	int cmp;

	*out = xcalloc(na + nb + 1, sizeof(**out));
	while (i < na || k < nb) {
		cmp = i == na ? 1 : k == nb ? -1 : strcmp(a[i].dir, b[k].dir);
		p = &(*out)[n++];
		p->dir = cmp <= 0 ? a[i].dir : b[k].dir;
		if (cmp <= 0)
			p->old = a[i++];
		if (cmp >= 0)
			p->new = b[k++];
	}
	free(a);
	free(b);
	return n;
}

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

static const char *basename_of(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;

	return slash ? slash + 1 : path ? path : "";
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
	       !strcmp(basename_of(x->decl_file), basename_of(y->decl_file)) &&
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

struct rename_list {
	struct symbol_rename *v;
	size_t n, cap;
};

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

static void find_renames(const struct report *old, const struct report *new,
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

static uint64_t plain_size(const struct function *fn)
{
	size_t i;

	for (i = 0; fn && i < fn->ncopies; i++)
		if (fn->copies[i].symbol && !fn->copies[i].clone)
			return fn->copies[i].size;
	return 0;
}

static bool named(const char *const *names, size_t n, const char *name)
{
	return n && bsearch(&name, names, n, sizeof(*names), compare_strings);
}

static int compare_carriers(const void *x, const void *y)
{
	const struct carrier *a = x, *b = y;

	return strcmp(a->function, b->function);
}

/* The containers of fn's inline sites: the code a patch must replace. */
static void find_carriers(struct changed_function *c)
{
	const struct inline_site *s;
	struct carrier *v;
	size_t i, k, n = 0;

	if (!c->new || !c->new->nsite_list)
		return;
	v = xcalloc(c->new->nsite_list, sizeof(*v));
	for (i = 0; i < c->new->nsite_list; i++) {
		s = &c->new->site_list[i];
		if (!s->container)
			continue;
		for (k = 0; k < n && strcmp(v[k].function, s->container); k++)
			;
		if (k == n)
			v[n++].function = s->container;
		v[k].sites++;
		v[k].cross_tu |= s->cross_tu;
	}
	sort_array(v, n, sizeof(*v), compare_carriers);
	c->carriers = v;
	c->ncarriers = n;
}

static void find_changed(const struct report *old, const struct report *new,
			 const char *const *names, size_t nnames,
			 struct livepatch_view *out)
{
	struct changed_function *c;
	size_t i, cap = 0;
	bool by_name, by_size;

	for (i = 0; i < new->nfunctions; i++) {
		const struct function *fn = &new->functions[i];
		const struct function *was = report_function(old, fn->name);

		by_name = named(names, nnames, fn->name);
		by_size = was && plain_size(was) && plain_size(fn) &&
			  plain_size(was) != plain_size(fn);
		if (!by_name && !by_size)
			continue;
		c = ARRAY_PUSH(out->changed, out->nchanged, cap);
		memset(c, 0, sizeof(*c));
		c->name = fn->name;
		c->old = was;
		c->new = fn;
		c->named = by_name;
		c->old_size = plain_size(was);
		c->new_size = plain_size(fn);
		find_carriers(c);
	}
}

void livepatch_compare(const struct report *old, const struct report *new,
		       const char *const *names, size_t nnames,
		       struct livepatch_view *out)
{
	struct rename_list l = { 0 };

	memset(out, 0, sizeof(*out));
	find_renames(old, new, &l);
	out->renames = l.v;
	out->nrenames = l.n;
	find_changed(old, new, names, nnames, out);
}

void livepatch_free(struct livepatch_view *v)
{
	size_t i;

	for (i = 0; i < v->nrenames; i++) {
		free(v->renames[i].old_candidates);
		free(v->renames[i].new_candidates);
	}
	for (i = 0; i < v->nchanged; i++)
		free(v->changed[i].carriers);
	free(v->renames);
	free(v->changed);
	memset(v, 0, sizeof(*v));
}
