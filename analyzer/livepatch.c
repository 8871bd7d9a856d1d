// SPDX-License-Identifier: GPL-2.0-only
#include "livepatch.h"

#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "correlate.h"
#include "renames.h"
#include "tracer.h"

#define CAUSE_NAME(constant, name) [constant] = name,
static const char *const cause_names[] = { CHANGE_CAUSES(CAUSE_NAME) };
#undef CAUSE_NAME

const char *cause_name(enum change_cause cause)
{
	return cause < NCAUSES ? cause_names[cause] : "?";
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


static void add_reason(struct changed_function *f, size_t *cap,
		       enum change_cause cause, const char *what,
		       const char *now)
{
	struct change_reason *r;
	size_t i;

	for (i = 0; i < f->nreasons; i++)
		if (f->reasons[i].cause == cause &&
		    !strcmp(f->reasons[i].what ? f->reasons[i].what : "",
			    what ? what : ""))
			return;
	r = ARRAY_PUSH(f->reasons, f->nreasons, *cap);
	memset(r, 0, sizeof(*r));
	r->cause = cause;
	r->what = what;
	r->now = now;
}

/* The renamed symbols and moved sections a and b refer to differently. */
static void reference_reasons(struct changed_function *f, size_t *cap,
			      const struct image_symbol *a,
			      const struct image_symbol *b,
			      const struct correlation *c)
{
	const struct code_reference *x, *y;
	size_t k;

	for (k = 0; k < a->nrefs && k < b->nrefs; k++) {
		x = &a->refs[k];
		y = &b->refs[k];
		if (x->kind != y->kind)
			continue;
		if (x->kind == CODE_TARGET_SYMBOL &&
		    strcmp(x->target, y->target) &&
		    !strcmp(correlate(c, x->target), y->target))
			add_reason(f, cap, CAUSE_RENAMED_REFERENCE, x->target,
				   y->target);
		if (x->kind == CODE_TARGET_SECTION &&
		    !strcmp(x->target, y->target) && x->delta != y->delta)
			add_reason(f, cap, CAUSE_LAYOUT, y->target, NULL);
	}
}

/* The function a symbol is a copy of: DWARF's name, else its base. */
static const char *function_of_symbol(const struct image_symbol *s)
{
	return s->owner.name ? s->owner.name : s->base;
}

/* container inlines callee, from one build's site lists */
struct inline_edge {
	const char *container, *callee;
};

struct edges {
	struct inline_edge *v;
	size_t n;
};

static int compare_edges(const void *x, const void *y)
{
	const struct inline_edge *a = x, *b = y;
	int c = strcmp(a->container, b->container);

	return c ? c : strcmp(a->callee, b->callee);
}

static void inline_edges(const struct report *r, struct edges *e)
{
	const struct function *fn;
	size_t i, k, cap = 0, n = 0;

	e->v = NULL;
	e->n = 0;
	for (i = 0; i < r->nfunctions; i++) {
		fn = &r->functions[i];
		for (k = 0; k < fn->nsite_list; k++) {
			if (!fn->site_list[k].container)
				continue;
			ARRAY_PUSH(e->v, e->n, cap)->container =
				fn->site_list[k].container;
			e->v[e->n - 1].callee = fn->name;
		}
	}
	sort_array(e->v, e->n, sizeof(*e->v), compare_edges);
	for (i = 0; i < e->n; i++)
		if (!n || compare_edges(&e->v[n - 1], &e->v[i]))
			e->v[n++] = e->v[i];
	e->n = n;
}

/* [*first, return) are container's edges. */
static size_t edges_of(const struct edges *e, const char *container,
		       size_t *first)
{
	size_t lo = 0, hi = e->n, mid, end;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(e->v[mid].container, container) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	for (end = lo; end < e->n && !strcmp(e->v[end].container, container);
	     end++)
		;
	return end;
}

static bool has_edge(const struct edges *e, const char *container,
		     const char *callee)
{
	struct inline_edge key = { container, callee };

	return e->n && bsearch(&key, e->v, e->n, sizeof(*e->v),
			       compare_edges);
}

/* What both builds' analysis knows, shared by the steps below. */
struct livepatch_inputs {
	const struct report *old, *new;
	const char *const *names;	/* --changed, sorted */
	size_t nnames;
	struct correlation corr, rev;	/* old -> new, new -> old */
	struct func_index fold, fnew;
	struct edges eold, enew;
	const char **material;	/* functions whose code really changed */
	size_t nmaterial;
	size_t *pair;		/* fold -> fnew index (fnew.n: none) */
};

static bool materially_changed(const struct livepatch_inputs *in,
			       const char *function)
{
	return named(in->names, in->nnames, function) ||
	       (in->nmaterial && bsearch(&function, in->material,
					 in->nmaterial, sizeof(char *),
					 compare_strings));
}

/* Carried changed functions and flipped inlining decisions of f. */
static void inlining_reasons(const struct livepatch_inputs *in,
			     struct changed_function *f, size_t *cap)
{
	size_t i, end, first;

	end = edges_of(&in->enew, f->function, &first);
	for (i = first; i < end; i++) {
		if (strcmp(in->enew.v[i].callee, f->function) &&
		    materially_changed(in, in->enew.v[i].callee))
			add_reason(f, cap, CAUSE_CARRIES,
				   in->enew.v[i].callee, NULL);
		if (!has_edge(&in->eold, f->function, in->enew.v[i].callee))
			add_reason(f, cap, CAUSE_INLINING,
				   in->enew.v[i].callee, "inlined");
	}
	end = edges_of(&in->eold, f->function, &first);
	for (i = first; i < end; i++)
		if (!has_edge(&in->enew, f->function, in->eold.v[i].callee))
			add_reason(f, cap, CAUSE_INLINING,
				   in->eold.v[i].callee, "called");
}

static struct changed_function *add_changed(struct livepatch_view *out,
					    size_t *cap,
					    const struct livepatch_inputs *in,
					    const struct image_symbol *was,
					    const struct image_symbol *now)
{
	struct changed_function *f = ARRAY_PUSH(out->changed, out->nchanged,
						*cap);

	memset(f, 0, sizeof(*f));
	f->name = now->name;
	f->function = function_of_symbol(now);
	f->old = report_function(in->old, function_of_symbol(was));
	f->new = report_function(in->new, f->function);
	f->named = named(in->names, in->nnames, f->function);
	f->old_size = was->size;
	f->new_size = now->size;
	find_carriers(f);
	return f;
}

/* The counterpart in the new build of old function symbol i, or NULL. */
static const struct image_symbol *counterpart(const struct livepatch_inputs *in,
					      size_t i)
{
	size_t k = in->pair[i];

	return k < in->fnew.n ? in->fnew.v[k] : NULL;
}

static int compare_changed(const void *x, const void *y)
{
	return strcmp(((const struct changed_function *)x)->name,
		      ((const struct changed_function *)y)->name);
}

/* How a pair of function symbols differs (correlate.h's rules). */
enum code_change {
	CODE_SAME,
	CODE_REFERENCES,	/* only renamed references or moved offsets */
	CODE_LINE_NUMBERS,	/* and moved line numbers */
	CODE_MATERIAL,
};

/* How a pair differs; the first moved line numbers, if that is all. */
struct pair_change {
	enum code_change change;
	uint64_t old_line, new_line;
};

static struct pair_change classify_change(const struct livepatch_inputs *in,
					  const struct image_symbol *was,
					  const struct image_symbol *now)
{
	struct pair_change c = { .change = CODE_MATERIAL };

	if (!now || !was->has_code || !now->has_code ||
	    same_code(was, now, &in->corr, false, false))
		c.change = CODE_SAME;
	else if (same_code(was, now, &in->corr, true, true))
		c.change = CODE_REFERENCES;
	else if (same_refs(was, now, &in->corr, true, true) &&
		 only_line_numbers(was, now, &c.old_line, &c.new_line))
		c.change = CODE_LINE_NUMBERS;
	return c;
}

/*
 * A function whose code really changed (or that --changed names):
 * explained by what it carries and by flipped inlining, else by its own
 * code.
 */
static void explain_material(const struct livepatch_inputs *in,
			     struct changed_function *f, size_t *cap)
{
	if (f->named)
		add_reason(f, cap, CAUSE_CODE, NULL, NULL);
	inlining_reasons(in, f, cap);
	if (!f->nreasons)
		add_reason(f, cap, CAUSE_CODE, NULL, NULL);
}

/*
 * Pass one: every pair of function symbols whose code or references
 * differ; the material ones are listed. Pass two gives each its
 * reasons: the material ones by explain_material; the others by moved
 * line numbers, renamed references and moved offsets.
 */
static void find_binary_changes(struct livepatch_inputs *in,
				struct livepatch_view *out)
{
	struct pair_change *change = xcalloc(in->fold.n + 1, sizeof(*change));
	const struct image_symbol *now;
	struct changed_function *f;
	size_t i, cap = 0, mcap = 0, rcap;

	for (i = 0; i < in->fold.n; i++) {
		now = counterpart(in, i);
		change[i] = classify_change(in, in->fold.v[i], now);
		if (change[i].change == CODE_MATERIAL)
			*ARRAY_PUSH(in->material, in->nmaterial, mcap) =
				function_of_symbol(now);
	}
	sort_array(in->material, in->nmaterial, sizeof(char *),
		   compare_strings);
	for (i = 0; i < in->fold.n; i++) {
		if (change[i].change == CODE_SAME)
			continue;
		now = counterpart(in, i);
		f = add_changed(out, &cap, in, in->fold.v[i], now);
		rcap = 0;
		if (change[i].change == CODE_MATERIAL)
			explain_material(in, f, &rcap);
		else if (f->named)
			add_reason(f, &rcap, CAUSE_CODE, NULL, NULL);
		if (change[i].change == CODE_LINE_NUMBERS) {
			add_reason(f, &rcap, CAUSE_LINE_NUMBER, NULL, NULL);
			f->reasons[f->nreasons - 1].old_line = change[i].old_line;
			f->reasons[f->nreasons - 1].new_line = change[i].new_line;
		}
		reference_reasons(f, &rcap, in->fold.v[i], now, &in->corr);
	}
	sort_array(out->changed, out->nchanged, sizeof(*out->changed),
		   compare_changed);
	free(change);
}

static bool size_changed(const struct function *was,
			 const struct function *fn)
{
	return was && plain_size(was) && plain_size(fn) &&
	       plain_size(was) != plain_size(fn);
}

/*
 * Without code: a function changed when its plain-named copy changed
 * size or --changed names it; explained as with code
 * (explain_material).
 */
static void find_sized_changes(struct livepatch_inputs *in,
			       struct livepatch_view *out)
{
	const struct function *fn, *was;
	struct changed_function *f;
	size_t i, cap = 0, mcap = 0, rcap;

	for (i = 0; i < in->new->nfunctions; i++) {
		fn = &in->new->functions[i];
		if (size_changed(report_function(in->old, fn->name), fn))
			*ARRAY_PUSH(in->material, in->nmaterial, mcap) =
				fn->name;
	}
	sort_array(in->material, in->nmaterial, sizeof(char *),
		   compare_strings);
	for (i = 0; i < in->new->nfunctions; i++) {
		fn = &in->new->functions[i];
		was = report_function(in->old, fn->name);
		if (!named(in->names, in->nnames, fn->name) &&
		    !size_changed(was, fn))
			continue;
		f = ARRAY_PUSH(out->changed, out->nchanged, cap);
		memset(f, 0, sizeof(*f));
		f->name = fn->name;
		f->function = fn->name;
		f->old = was;
		f->new = fn;
		f->named = named(in->names, in->nnames, fn->name);
		f->old_size = plain_size(was);
		f->new_size = plain_size(fn);
		rcap = 0;
		explain_material(in, f, &rcap);
		find_carriers(f);
	}
}

/* Function symbols of one build without a counterpart in the other. */
static void find_lone(const struct livepatch_inputs *in, bool old_side,
		      struct lone_function **out, size_t *n)
{
	const struct func_index *mine = old_side ? &in->fold : &in->fnew;
	const struct report *other = old_side ? in->new : in->old;
	bool *paired = xcalloc(mine->n + 1, sizeof(bool));
	struct lone_function *l;
	size_t i, cap = 0;

	for (i = 0; i < in->fold.n; i++) {
		if (in->pair[i] == in->fnew.n)
			continue;
		paired[old_side ? i : in->pair[i]] = true;
	}
	for (i = 0; i < mine->n; i++) {
		if (paired[i])
			continue;
		l = ARRAY_PUSH(*out, *n, cap);
		l->symbol = mine->v[i]->name;
		l->function = function_of_symbol(mine->v[i]);
		l->other = report_function(other, l->function);
	}
	free(paired);
}

/* Functions fully inlined in one build and not in the other, and more. */
static void find_flips(const struct report *old, const struct report *new,
		       struct livepatch_view *out)
{
	const struct function *was;
	struct status_flip *f;
	size_t i, cap = 0;

	for (i = 0; i < new->nfunctions; i++) {
		was = report_function(old, new->functions[i].name);
		if (!was || was->status == new->functions[i].status)
			continue;
		f = ARRAY_PUSH(out->flips, out->nflips, cap);
		f->name = new->functions[i].name;
		f->old = was->status;
		f->new = new->functions[i].status;
	}
}

static bool only_cause(const struct changed_function *f,
		       enum change_cause cause)
{
	size_t i;

	for (i = 0; i < f->nreasons; i++)
		if (f->reasons[i].cause != cause)
			return false;
	return f->nreasons > 0;
}

static void count_totals(struct livepatch_view *v)
{
	struct livepatch_totals *t = &v->totals;
	bool seen[NCAUSES];
	size_t i, k;

	memset(t, 0, sizeof(*t));
	t->changed = v->nchanged;
	for (i = 0; i < v->nchanged; i++) {
		memset(seen, 0, sizeof(seen));
		for (k = 0; k < v->changed[i].nreasons; k++)
			seen[v->changed[i].reasons[k].cause] = true;
		for (k = 0; k < NCAUSES; k++)
			t->by_cause[k] += seen[k];
		t->only_renamed_reference +=
			only_cause(&v->changed[i], CAUSE_RENAMED_REFERENCE);
		t->only_layout += only_cause(&v->changed[i], CAUSE_LAYOUT);
	}
	t->new_functions = v->nnew_functions;
	t->gone_functions = v->ngone_functions;
}

static bool both_have_code(const struct report *old, const struct report *new)
{
	return old->has_code && new->has_code;
}

void livepatch_compare(const struct report *old, const struct report *new,
		       const char *const *names, size_t nnames,
		       struct livepatch_view *out)
{
	struct livepatch_inputs in = { .old = old, .new = new,
				       .names = names, .nnames = nnames };
	struct rename_list l = { 0 };

	memset(out, 0, sizeof(*out));
	find_renames(old, new, &l);
	out->renames = l.v;
	out->nrenames = l.n;
	build_correlation(old, new, &in.corr, &in.rev, out);
	index_functions(old, &in.fold);
	index_functions(new, &in.fnew);
	in.pair = pair_functions(&in.fold, &in.fnew, &in.corr);
	inline_edges(old, &in.eold);
	inline_edges(new, &in.enew);
	out->binary = both_have_code(old, new);
	if (out->binary)
		find_binary_changes(&in, out);
	else
		find_sized_changes(&in, out);
	find_lone(&in, false, &out->new_functions, &out->nnew_functions);
	find_lone(&in, true, &out->gone_functions, &out->ngone_functions);
	find_flips(old, new, out);
	count_totals(out);
	free(in.corr.v);
	free(in.rev.v);
	free(in.fold.v);
	free(in.fnew.v);
	free(in.eold.v);
	free(in.enew.v);
	free(in.material);
	free(in.pair);
}

void livepatch_free(struct livepatch_view *v)
{
	size_t i;

	for (i = 0; i < v->nrenames; i++) {
		free(v->renames[i].old_candidates);
		free(v->renames[i].new_candidates);
	}
	for (i = 0; i < v->nchanged; i++) {
		free(v->changed[i].carriers);
		free(v->changed[i].reasons);
	}
	free(v->renames);
	free(v->hazards);
	free(v->changed);
	free(v->new_functions);
	free(v->gone_functions);
	free(v->flips);
	memset(v, 0, sizeof(*v));
}
