// SPDX-License-Identifier: GPL-2.0-only
#include "tracer.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "classify.h"

const char *report_module_name(struct report *r)
{
	const char *base, *dot;
	char buf[256];
	size_t i, len;

	if (!r->is_kernel || !r->elf_type || strcmp(r->elf_type, "ET_REL"))
		return NULL;
	base = path_basename(r->path);
	dot = strstr(base, ".ko");
	len = dot ? (size_t)(dot - base) : strlen(base);
	if (len >= sizeof(buf))
		len = sizeof(buf) - 1;
	/* the kernel spells module names with '_' (scripts/Makefile.lib) */
	for (i = 0; i < len; i++)
		buf[i] = base[i] == '-' ? '_' : base[i];
	return strpool_intern_len(&r->strings, buf, len);
}

static bool path_has_prefix(const char *file, const char *prefix)
{
	if (!file)
		return false;
	while (!strncmp(file, "./", 2))
		file += 2;
	while (!strncmp(prefix, "./", 2))
		prefix += 2;
	return !strncmp(file, prefix, strlen(prefix));
}

static bool scope_matches(enum fn_scope scope, enum scope_filter f)
{
	switch (f) {
	case SCOPE_FILTER_SAME_TU:
		return scope == SCOPE_SAME_TU;
	case SCOPE_FILTER_CROSS_TU:
		return scope == SCOPE_CROSS_TU || scope == SCOPE_BOTH;
	case SCOPE_FILTER_ANY:
		break;
	}
	return true;
}

static bool passes(const struct function *fn, const struct deny_filter *f)
{
	size_t i;

	if (fn->status != STATUS_PARTIAL || fn->sites < f->min_sites ||
	    !scope_matches(fn->scope, f->scope))
		return false;
	if (!f->dir)
		return true;
	for (i = 0; i < fn->ndecls; i++)
		if (path_has_prefix(fn->decls[i].file, f->dir))
			return true;
	return false;
}

/* A probe by name attaches, and the code is still there after boot. */
static bool attachable(const struct outline_copy *c, bool has_mcount)
{
	return copy_attachable(c, has_mcount) && !c->init;
}

static int compare_deny(const void *x, const void *y)
{
	const struct deny_entry *a = x, *b = y;
	int c = strcmp(a->module ? a->module : "", b->module ? b->module : "");

	return c ? c : strcmp(a->symbol, b->symbol);
}

static size_t unique_deny(struct deny_entry *v, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (!k || compare_deny(&v[k - 1], &v[i]))
			v[k++] = v[i];
	return k;
}

static int compare_points(const void *x, const void *y)
{
	const struct attach_point *a = x, *b = y;
	int c = strcmp(a->module ? a->module : "", b->module ? b->module : "");

	return c ? c : strcmp(a->symbol, b->symbol);
}

static bool denied(const struct deny_entry *deny, size_t ndeny,
		   const char *symbol, const char *module)
{
	struct deny_entry key = { .symbol = symbol, .module = module };

	if (!ndeny)
		return false;
	return bsearch(&key, deny, ndeny, sizeof(*deny), compare_deny);
}

static void add_points(struct report *r, const char *glob,
		       const struct deny_entry *deny, size_t ndeny,
		       struct attach_point **out, size_t *n, size_t *cap)
{
	const char *module = report_module_name(r), *name;
	const struct outline_copy *c;
	struct attach_point *p;
	size_t i, k;

	for (i = 0; i < r->nfunctions; i++) {
		for (k = 0; k < r->functions[i].ncopies; k++) {
			c = &r->functions[i].copies[k];
			if (!attachable(c, r->summary.has_ftrace))
				continue;
			name = copy_ftrace_name(c);
			if (fnmatch(glob, name, 0) ||
			    denied(deny, ndeny, name, module))
				continue;
			p = ARRAY_PUSH(*out, *n, *cap);
			p->symbol = name;
			p->module = module;
			p->r = r;
		}
	}
}

size_t attach_points_select(struct report *const *reports, size_t nreports,
			    const char *glob, const struct deny_entry *deny,
			    size_t ndeny, struct attach_point **out)
{
	size_t r, i, k = 0, n = 0, cap = 0;

	*out = NULL;
	for (r = 0; r < nreports; r++)
		add_points(reports[r], glob, deny, ndeny, out, &n, &cap);
	sort_array(*out, n, sizeof(**out), compare_points);
	for (i = 0; i < n; i++)
		if (!k || compare_points(&(*out)[k - 1], &(*out)[i]))
			(*out)[k++] = (*out)[i];
	return k;
}

size_t denylist_select(struct report *const *reports, size_t nreports,
		       const struct deny_filter *filter,
		       struct deny_entry **out)
{
	const struct function *fn;
	struct deny_entry *e;
	size_t r, i, k, n = 0, cap = 0;
	const char *module, *name;

	*out = NULL;
	for (r = 0; r < nreports; r++) {
		module = report_module_name(reports[r]);
		for (i = 0; i < reports[r]->nfunctions; i++) {
			fn = &reports[r]->functions[i];
			if (!passes(fn, filter))
				continue;
			for (k = 0; k < fn->ncopies; k++) {
				if (!copy_listed_by_ftrace(&fn->copies[k],
					reports[r]->summary.has_ftrace))
					continue;
				/* ftrace takes the name it lists there */
				name = copy_ftrace_name(&fn->copies[k]);
				if (filter->glob &&
				    fnmatch(filter->glob, name, 0))
					continue;
				e = ARRAY_PUSH(*out, n, cap);
				e->symbol = name;
				e->init = fn->copies[k].init;
				e->module = module;
				e->fn = fn;
			}
		}
	}
	sort_array(*out, n, sizeof(**out), compare_deny);
	return unique_deny(*out, n);
}

static const char *copy_refusal(const struct report *r,
				const struct outline_copy *c)
{
	if (!c->symbol)
		return REFUSED_NO_SYMBOL;
	if (c->nokprobe)
		return c->nokprobe;
	if (r->summary.has_ftrace && !c->ftrace)
		return REFUSED_NO_MCOUNT;
	if (c->init)
		return REFUSED_INIT_TEXT;
	return NULL;
}

size_t probe_points(const struct report *r, const struct function *fn,
		    struct probe_point **out)
{
	struct probe_point *p;
	size_t i, n = 0, cap = 0;

	*out = NULL;
	for (i = 0; i < fn->ncopies; i++) {
		/* several names of one copy: one probe, as ftrace names it */
		if (i && fn->copies[i].address == fn->copies[i - 1].address &&
		    fn->copies[i].symbol && fn->copies[i - 1].symbol)
			continue;
		p = ARRAY_PUSH(*out, n, cap);
		memset(p, 0, sizeof(*p));
		p->fn = fn;
		p->kind = PROBE_ENTRY;
		p->symbol = copy_ftrace_name(&fn->copies[i]);
		p->address = fn->copies[i].address;
		p->refused = copy_refusal(r, &fn->copies[i]);
		/* as for sites: a name kallsyms holds twice is no anchor */
		if (fn->copies[i].name_shared && r->has_text_base) {
			p->symbol = "_text";
			p->offset = p->address - r->text_base;
		}
	}
	for (i = 0; i < fn->nsite_list; i++) {
		p = ARRAY_PUSH(*out, n, cap);
		memset(p, 0, sizeof(*p));
		p->fn = fn;
		p->kind = PROBE_INLINE;
		p->site = &fn->site_list[i];
		p->symbol = p->site->probe_symbol;
		p->offset = p->site->probe_offset;
		p->address = p->site->entry;
		p->refused = p->symbol ? p->site->refused : REFUSED_NO_SYMBOL;
	}
	return n;
}

static int compare_name(const void *key, const void *elem)
{
	return strcmp(key, ((const struct function *)elem)->name);
}

const struct function *report_function(const struct report *r,
				       const char *name)
{
	if (!r->nfunctions)
		return NULL;
	return bsearch(name, r->functions, r->nfunctions,
		       sizeof(*r->functions), compare_name);
}

bool is_glob(const char *pattern)
{
	return strpbrk(pattern, "*?[") != NULL;
}

/* The function with a copy whose symbol is symbol, or NULL. */
static const struct function *function_of_copy(const struct report *r,
					       const char *symbol)
{
	const struct function *fn;
	size_t i, k;

	for (i = 0; i < r->nfunctions; i++) {
		fn = &r->functions[i];
		for (k = 0; k < fn->ncopies; k++)
			if (fn->copies[k].symbol &&
			    !strcmp(fn->copies[k].symbol, symbol))
				return fn;
	}
	return NULL;
}

/* The glob matches fn's name or the symbol of one of its copies. */
static bool glob_names(const char *glob, const struct function *fn)
{
	size_t k;

	if (!fnmatch(glob, fn->name, 0))
		return true;
	for (k = 0; k < fn->ncopies; k++)
		if (fn->copies[k].symbol &&
		    !fnmatch(glob, fn->copies[k].symbol, 0))
			return true;
	return false;
}

static int compare_function_pointers(const void *x, const void *y)
{
	const struct function *a = *(const struct function *const *)x;
	const struct function *b = *(const struct function *const *)y;

	return (a > b) - (a < b);
}

size_t select_functions(const struct report *r,
			const char *const *patterns, size_t npatterns,
			const struct function ***out,
			const char **unmatched)
{
	const struct function **v = NULL, *fn;
	size_t i, k, n = 0, cap = 0, before;

	*unmatched = NULL;
	for (i = 0; i < npatterns; i++) {
		before = n;
		/* a name as it is first: a hostile one may look like a glob */
		fn = report_function(r, patterns[i]);
		if (fn) {
			*ARRAY_PUSH(v, n, cap) = fn;
		} else if (is_glob(patterns[i])) {
			for (k = 0; k < r->nfunctions; k++)
				if (glob_names(patterns[i], &r->functions[k]))
					*ARRAY_PUSH(v, n, cap) =
						&r->functions[k];
		} else {
			fn = function_of_copy(r, patterns[i]);
			if (fn)
				*ARRAY_PUSH(v, n, cap) = fn;
		}
		if (n == before && !*unmatched)
			*unmatched = patterns[i];
	}
	/* the functions array is sorted by name: by address is by name */
	sort_array(v, n, sizeof(*v), compare_function_pointers);
	for (i = 0, k = 0; i < n; i++)
		if (!k || v[k - 1] != v[i])
			v[k++] = v[i];
	*out = v ? v : xcalloc(1, sizeof(*v));
	return k;
}

const char *dir_of(struct strpool *pool, const char *file,
		   unsigned int depth)
{
	const char *p, *end, *last;
	unsigned int n = 0;

	if (!file)
		return strpool_intern(pool, "(unknown)");
	while (!strncmp(file, "./", 2))
		file += 2;
	last = strrchr(file, '/');
	if (!last)
		return strpool_intern(pool, ".");
	if (!depth)
		return strpool_intern(pool, file);
	end = last;
	for (p = file + (*file == '/'); p < last; p++)
		if (*p == '/' && ++n == depth) {
			end = p;
			break;
		}
	return strpool_intern_len(pool, file, (size_t)(end - file));
}

static int compare_groups(const void *x, const void *y)
{
	const struct dir_group *a = x, *b = y;

	return strcmp(a->dir, b->dir);
}

static void count_into(struct dir_group *g, const struct function *fn)
{
	g->partial += fn->status == STATUS_PARTIAL;
	g->full += fn->status == STATUS_FULL;
	g->incomplete += fn->blind == BLIND_INCOMPLETE;
	g->untraceable += fn->blind == BLIND_UNTRACEABLE;
	g->not_attachable += fn->blind == BLIND_NOT_ATTACHABLE;
	g->sites += fn->sites;
	if (fn->blind == BLIND_INCOMPLETE)
		g->missed_calls += fn->sites;
}

struct dir_of_fn {
	const char *dir;	/* interned: equal dirs are equal pointers */
	const struct function *fn;
};

static int compare_dir_ptr(const void *x, const void *y)
{
	const struct dir_of_fn *a = x, *b = y;

	return a->dir < b->dir ? -1 : a->dir > b->dir;
}

size_t group_by_dir(struct report *r, unsigned int depth,
		    struct dir_group **out)
{
	struct dir_of_fn *fns = xcalloc(r->nfunctions + 1, sizeof(*fns));
	const struct function *fn;
	size_t i, n = 0, k = 0;

	for (i = 0; i < r->nfunctions; i++) {
		fn = &r->functions[i];
		if (fn->status == STATUS_OUTLINE && fn->blind == BLIND_NONE)
			continue;
		fns[n].fn = fn;
		fns[n++].dir = dir_of(&r->strings,
				      fn->ndecls ? fn->decls[0].file : NULL,
				      depth);
	}
	sort_array(fns, n, sizeof(*fns), compare_dir_ptr);
	*out = xcalloc(n + 1, sizeof(**out));
	for (i = 0; i < n; i++) {
		if (!k || (*out)[k - 1].dir != fns[i].dir)
			(*out)[k++].dir = fns[i].dir;
		count_into(&(*out)[k - 1], fns[i].fn);
	}
	free(fns);
	sort_array(*out, k, sizeof(**out), compare_groups);
	return k;
}
