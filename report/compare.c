// SPDX-License-Identifier: GPL-2.0-only
#include "compare.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "json_util.h"
#include "escape.h"
#include "render.h"

static const char *kind_word(bool is_func)
{
	return is_func ? "func" : "object";
}

/* Collision groups: runs of suffixed symbols sharing a non-unique base. */
static bool starts_collision(const struct report *r, size_t i)
{
	const struct suffixed_symbol *s = &r->suffixed[i];
	size_t k;

	if (s->base_unique)
		return false;
	for (k = 0; k < i; k++)
		if (!strcmp(r->suffixed[k].base, s->base))
			return false;
	return true;
}

static size_t count_collisions(const struct report *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->nsuffixed; i++)
		n += starts_collision(r, i);
	return n;
}

static json_t *collision_object(const struct report *r, size_t first)
{
	const struct suffixed_symbol *s = &r->suffixed[first];
	json_t *o = json_object(), *members = json_array();
	size_t k;

	if (s->base_plain)
		json_array_append_new(members, json_text(s->base));
	for (k = first; k < r->nsuffixed; k++) {
		if (strcmp(r->suffixed[k].base, s->base))
			continue;
		json_array_append_new(members,
				      json_text(r->suffixed[k].symbol));
	}
	json_object_set_new(o, "base", json_text(s->base));
	json_object_set_new(o, "symbols", members);
	return o;
}

static int suffixes_json(FILE *out, const struct report *r)
{
	json_t *root = json_object(), *sum = json_object();
	json_t *list = json_array(), *coll = json_array();
	size_t i, funcs = 0, unique = 0;

	for (i = 0; i < r->nsuffixed; i++) {
		funcs += r->suffixed[i].is_func;
		unique += r->suffixed[i].base_unique;
		json_array_append_new(list, suffixed_object(&r->suffixed[i]));
		if (starts_collision(r, i))
			json_array_append_new(coll, collision_object(r, i));
	}
	json_object_set_new(sum, "suffixed", json_integer((json_int_t)r->nsuffixed));
	json_object_set_new(sum, "functions", json_integer((json_int_t)funcs));
	json_object_set_new(sum, "objects",
			    json_integer((json_int_t)(r->nsuffixed - funcs)));
	json_object_set_new(sum, "unique_base", json_integer((json_int_t)unique));
	json_object_set_new(sum, "collisions",
			    json_integer((json_int_t)json_array_size(coll)));
	json_object_set_new(root, "schema", json_text(INLSCAN_SCHEMA));
	json_object_set_new(root, "input", json_text(r->path));
	json_object_set_new(root, "summary", sum);
	json_object_set_new(root, "symbols", list);
	json_object_set_new(root, "collisions", coll);
	return json_write(out, root);
}

static void print_owner(FILE *out, const struct symbol_owner *o)
{
	if (!o->name) {
		fprintf(out, "(no DWARF)");
		return;
	}
	fprintf(out, "%s", shown(o->name));
	if (o->decl_file)
		fprintf(out, " %s:%u", shown(o->decl_file), o->decl_line);
	if (o->tu)
		fprintf(out, " (TU %s)", shown(o->tu));
}

static void print_collision(FILE *out, const struct report *r, size_t first)
{
	const char *base = r->suffixed[first].base;
	size_t k, n = 0;

	fprintf(out, "    %s:", shown(base));
	if (r->suffixed[first].base_plain)
		fprintf(out, "%s %s", n++ ? "," : "", shown(base));
	for (k = first; k < r->nsuffixed; k++)
		if (!strcmp(r->suffixed[k].base, base))
			fprintf(out, "%s %s", n++ ? "," : "",
				shown(r->suffixed[k].symbol));
	fputc('\n', out);
}

int render_suffixes(FILE *out, const struct report *r, bool json)
{
	size_t i, funcs = 0, unique = 0, ncoll = count_collisions(r);

	if (json)
		return suffixes_json(out, r);
	for (i = 0; i < r->nsuffixed; i++) {
		funcs += r->suffixed[i].is_func;
		unique += r->suffixed[i].base_unique;
	}
	fprintf(out, "%s: %zu suffixed symbols (%zu functions, %zu objects)\n",
		shown(r->path), r->nsuffixed, funcs, r->nsuffixed - funcs);
	fprintf(out, "  %zu with a base name unique in the image: the suffix could be dropped\n",
		unique);
	fprintf(out, "  %zu base names shared by several symbols (collisions)\n",
		ncoll);
	if (r->nsuffixed)
		fprintf(out, "\n  %-44s %-6s %-6s %s\n", "symbol", "kind",
			"unique", "DWARF");
	for (i = 0; i < r->nsuffixed; i++) {
		fprintf(out, "  %-44s %-6s %-6s ", shown(r->suffixed[i].symbol),
			kind_word(r->suffixed[i].is_func),
			r->suffixed[i].base_unique ? "yes" : "no");
		print_owner(out, &r->suffixed[i].owner);
		fputc('\n', out);
	}
	if (ncoll)
		fprintf(out, "\n  Collisions:\n");
	for (i = 0; i < r->nsuffixed; i++)
		if (starts_collision(r, i))
			print_collision(out, r, i);
	return ferror(out);
}

/* The counters shown side by side, in this order. */
static const char *const diff_fields[] = {
	"functions_partial", "functions_full", "functions_outline",
	"inline_sites", "inline_sites_cross_tu", "functions_partial_cross_tu",
	"functions_full_cross_tu", "decls_partial", "decls_full",
	"functions_partial_symtab", "functions_partial_clone_only",
	"blind_incomplete", "blind_untraceable", "blind_not_attachable",
	"missed_inline_calls", NULL,
};

static size_t summary_value(const struct summary *s, const char *name)
{
	const struct summary_field *f;

	for (f = summary_fields; f->name; f++)
		if (!strcmp(f->name, name))
			return *summary_count((struct summary *)s, f);
	return 0;
}

static json_t *side_object(const struct function *fn)
{
	json_t *o, *syms;
	size_t i;

	if (!fn)
		return json_null();
	o = json_object();
	syms = json_array();
	json_object_set_new(o, "status", json_text(status_name(fn->status)));
	json_object_set_new(o, "sites", json_integer((json_int_t)fn->sites));
	json_object_set_new(o, "cross_tu",
			    json_integer((json_int_t)fn->sites_cross_tu));
	for (i = 0; i < fn->ncopies; i++) {
		if (!fn->copies[i].symbol)
			continue;
		json_array_append_new(syms, json_text(fn->copies[i].symbol));
	}
	json_object_set_new(o, "symbols", syms);
	return o;
}

static json_t *build_object(const struct report *r)
{
	json_t *o = json_object();

	json_object_set_new(o, "path", json_text(r->path));
	json_object_set_new(o, "lto", json_str_or_null(r->lto));
	return o;
}

static json_t *group_object(const struct dir_group *g)
{
	json_t *o = json_object();

	json_object_set_new(o, "partial", json_integer((json_int_t)g->partial));
	json_object_set_new(o, "full", json_integer((json_int_t)g->full));
	json_object_set_new(o, "sites", json_integer((json_int_t)g->sites));
	json_object_set_new(o, "incomplete",
			    json_integer((json_int_t)g->incomplete));
	return o;
}

static int diff_json(FILE *out, const struct diff_view *d)
{
	json_t *root = json_object(), *sum = json_object(), *o;
	json_t *changes = json_array(), *dirs = json_array(), *counts;
	const struct function_change *c;
	size_t i, a, b;

	for (i = 0; diff_fields[i]; i++) {
		a = summary_value(&d->old->summary, diff_fields[i]);
		b = summary_value(&d->new->summary, diff_fields[i]);
		o = json_object();
		json_object_set_new(o, "old", json_integer((json_int_t)a));
		json_object_set_new(o, "new", json_integer((json_int_t)b));
		json_object_set_new(o, "delta", json_integer((json_int_t)b -
							     (json_int_t)a));
		json_object_set_new(sum, diff_fields[i], o);
	}
	for (i = 0; i < d->cmp.nchanges; i++) {
		c = &d->cmp.changes[i];
		o = json_object();
		json_object_set_new(o, "name", json_text(c->name));
		json_object_set_new(o, "old", side_object(c->old));
		json_object_set_new(o, "new", side_object(c->new));
		json_object_set_new(o, "status_changed",
				    json_boolean(c->status_changed));
		json_object_set_new(o, "sites_changed",
				    json_boolean(c->sites_changed));
		json_object_set_new(o, "renamed", json_boolean(c->renamed));
		json_array_append_new(changes, o);
	}
	for (i = 0; i < d->ndirs; i++) {
		o = json_object();
		json_object_set_new(o, "dir", json_text(d->dirs[i].dir));
		json_object_set_new(o, "old", group_object(&d->dirs[i].old));
		json_object_set_new(o, "new", group_object(&d->dirs[i].new));
		json_array_append_new(dirs, o);
	}
	counts = json_object();
	json_object_set_new(counts, "new_partial",
			    json_integer((json_int_t)d->cmp.new_partial));
	json_object_set_new(counts, "new_full",
			    json_integer((json_int_t)d->cmp.new_full));
	json_object_set_new(counts, "renamed",
			    json_integer((json_int_t)d->cmp.renamed));
	json_object_set_new(root, "schema", json_text(INLSCAN_SCHEMA));
	json_object_set_new(root, "old", build_object(d->old));
	json_object_set_new(root, "new", build_object(d->new));
	json_object_set_new(root, "summary", sum);
	json_object_set_new(root, "counts", counts);
	if (d->by_dir >= 0)
		json_object_set_new(root, "by_dir", dirs);
	else
		json_decref(dirs);
	json_object_set_new(root, "changes", changes);
	return json_write(out, root);
}

static void print_symbols(FILE *out, const struct function *fn)
{
	size_t i, n = 0;

	for (i = 0; fn && i < fn->ncopies; i++)
		if (fn->copies[i].symbol)
			fprintf(out, "%s%s", n++ ? "," : "",
				shown(fn->copies[i].symbol));
	if (!n)
		fprintf(out, "-");
}

static void print_change(FILE *out, const struct function_change *c)
{
	char status[40], sites[40], cross[40];

	if (c->status_changed)
		snprintf(status, sizeof(status), "%s -> %s",
			 c->old ? status_name(c->old->status) : "absent",
			 c->new ? status_name(c->new->status) : "absent");
	else
		snprintf(status, sizeof(status), "%s",
			 status_name(c->new->status));
	snprintf(sites, sizeof(sites), "%zu -> %zu",
		 c->old ? c->old->sites : 0, c->new ? c->new->sites : 0);
	snprintf(cross, sizeof(cross), "%zu -> %zu",
		 c->old ? c->old->sites_cross_tu : 0,
		 c->new ? c->new->sites_cross_tu : 0);
	fprintf(out, "    %-32s %-20s %-14s %-10s ", shown(c->name), status, sites,
		cross);
	if (c->renamed) {
		print_symbols(out, c->old);
		fprintf(out, " -> ");
		print_symbols(out, c->new);
	}
	fputc('\n', out);
}

static void print_dir_pairs(FILE *out, const struct diff_view *d)
{
	size_t i;

	fprintf(out, "\n  By declaration directory (depth %d):\n    %-32s %17s %17s %17s\n",
		d->by_dir, "directory", "partial old/new", "full old/new",
		"sites old/new");
	for (i = 0; i < d->ndirs; i++)
		fprintf(out, "    %-32s %8zu/%-8zu %8zu/%-8zu %8zu/%-8zu\n",
			shown(d->dirs[i].dir), d->dirs[i].old.partial,
			d->dirs[i].new.partial, d->dirs[i].old.full,
			d->dirs[i].new.full, d->dirs[i].old.sites,
			d->dirs[i].new.sites);
}

int render_diff(FILE *out, const struct diff_view *d, bool json)
{
	size_t i, a, b;

	if (json)
		return diff_json(out, d);
	fprintf(out, "OLD %s (LTO: %s)\nNEW %s (LTO: %s)\n\n",
		shown(d->old->path), shown(d->old->lto), shown(d->new->path),
		shown(d->new->lto));
	fprintf(out, "  %-30s %10s %10s %10s\n", "", "OLD", "NEW", "DELTA");
	for (i = 0; diff_fields[i]; i++) {
		a = summary_value(&d->old->summary, diff_fields[i]);
		b = summary_value(&d->new->summary, diff_fields[i]);
		fprintf(out, "  %-30s %10zu %10zu %+10lld\n", diff_fields[i], a,
			b, (long long)b - (long long)a);
	}
	if (d->by_dir >= 0)
		print_dir_pairs(out, d);
	fprintf(out, "\n  %zu names changed: %zu newly partial, %zu newly full, %zu renamed\n",
		d->cmp.nchanges, d->cmp.new_partial, d->cmp.new_full,
		d->cmp.renamed);
	if (d->cmp.nchanges)
		fprintf(out, "    %-32s %-20s %-14s %-10s %s\n", "function",
			"status", "sites", "cross-TU", "renamed symbols");
	for (i = 0; i < d->cmp.nchanges; i++)
		print_change(out, &d->cmp.changes[i]);
	return ferror(out);
}

static const char *rename_name(enum rename_kind kind)
{
	switch (kind) {
	case RENAME_HASH_CHANGED:
		return "hash_changed";
	case RENAME_SUFFIX_APPEARED:
		return "suffix_appeared";
	case RENAME_SUFFIX_VANISHED:
		return "suffix_vanished";
	case RENAME_GONE:
		return "gone";
	case RENAME_NEW:
		return "new";
	}
	return "?";
}

static json_t *symbol_names(const struct image_symbol *const *v, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_text(v[i]->name));
	return a;
}

static const struct image_symbol *rename_any(const struct symbol_rename *r)
{
	if (r->old)
		return r->old;
	if (r->new)
		return r->new;
	return r->nold ? r->old_candidates[0] : r->new_candidates[0];
}

static json_t *rename_object(const struct symbol_rename *r)
{
	const struct image_symbol *any = rename_any(r);
	json_t *o = json_object();

	json_object_set_new(o, "kind", json_text(rename_name(r->kind)));
	json_object_set_new(o, "certain", json_boolean(r->certain));
	json_object_set_new(o, "base", json_text(any->base));
	json_object_set_new(o, "symbol_kind", json_text(kind_word(any->is_func)));
	json_object_set_new(o, "old", r->old ? json_text(r->old->name)
					     : json_null());
	json_object_set_new(o, "new", r->new ? json_text(r->new->name)
					     : json_null());
	json_object_set_new(o, "dwarf", owner_object(&any->owner));
	if (!r->certain) {
		json_object_set_new(o, "old_candidates",
				    symbol_names(r->old_candidates, r->nold));
		json_object_set_new(o, "new_candidates",
				    symbol_names(r->new_candidates, r->nnew));
	}
	return o;
}

static json_t *changed_object(const struct changed_function *c)
{
	json_t *o = json_object(), *carriers = json_array(), *k;
	size_t i;

	json_object_set_new(o, "name", json_text(c->name));
	json_object_set_new(o, "named", json_boolean(c->named));
	json_object_set_new(o, "old_size", json_integer((json_int_t)c->old_size));
	json_object_set_new(o, "new_size", json_integer((json_int_t)c->new_size));
	for (i = 0; i < c->ncarriers; i++) {
		k = json_object();
		json_object_set_new(k, "function",
				    json_text(c->carriers[i].function));
		json_object_set_new(k, "sites", json_integer(
				    (json_int_t)c->carriers[i].sites));
		json_object_set_new(k, "cross_tu",
				    json_boolean(c->carriers[i].cross_tu));
		json_array_append_new(carriers, k);
	}
	json_object_set_new(o, "carriers", carriers);
	return o;
}

static int livepatch_json(FILE *out, const struct report *old,
			  const struct report *new,
			  const struct livepatch_view *v)
{
	json_t *root = json_object(), *renames = json_array();
	json_t *changed = json_array();
	size_t i;

	for (i = 0; i < v->nrenames; i++)
		json_array_append_new(renames, rename_object(&v->renames[i]));
	for (i = 0; i < v->nchanged; i++)
		json_array_append_new(changed, changed_object(&v->changed[i]));
	json_object_set_new(root, "schema", json_text(INLSCAN_SCHEMA));
	json_object_set_new(root, "old", build_object(old));
	json_object_set_new(root, "new", build_object(new));
	json_object_set_new(root, "renames", renames);
	json_object_set_new(root, "changed", changed);
	return json_write(out, root);
}

static void print_candidates(FILE *out, const struct image_symbol *const *v,
			     size_t n)
{
	size_t i;

	fprintf(out, "{");
	for (i = 0; i < n; i++)
		fprintf(out, "%s%s", i ? ", " : "", shown(v[i]->name));
	fprintf(out, "}");
}

static void print_rename(FILE *out, const struct symbol_rename *r)
{
	const struct image_symbol *any = rename_any(r);

	fprintf(out, "    %-16s %-6s ", rename_name(r->kind),
		kind_word(any->is_func));
	if (r->certain) {
		fprintf(out, "%s -> %s", r->old ? shown(r->old->name) : "(none)",
			r->new ? shown(r->new->name) : "(none)");
	} else {
		fprintf(out, "ambiguous: ");
		print_candidates(out, r->old_candidates, r->nold);
		fprintf(out, " -> ");
		print_candidates(out, r->new_candidates, r->nnew);
	}
	fprintf(out, "  [");
	print_owner(out, &any->owner);
	fprintf(out, "]\n");
}

static void print_changed(FILE *out, const struct changed_function *c)
{
	size_t i;

	fprintf(out, "    %s", shown(c->name));
	if (c->old_size != c->new_size)
		fprintf(out, " (size %" PRIu64 " -> %" PRIu64 ")", c->old_size,
			c->new_size);
	if (c->named)
		fprintf(out, " (--changed)");
	fprintf(out, ":");
	for (i = 0; i < c->ncarriers; i++)
		fprintf(out, "%s %s (%zu site%s%s)", i ? "," : "",
			shown(c->carriers[i].function), c->carriers[i].sites,
			c->carriers[i].sites == 1 ? "" : "s",
			c->carriers[i].cross_tu ? ", cross-TU" : "");
	if (!c->ncarriers)
		fprintf(out, " not inlined anywhere");
	fputc('\n', out);
}

int render_livepatch(FILE *out, const struct report *old,
		     const struct report *new,
		     const struct livepatch_view *v, bool json)
{
	size_t i;

	if (json)
		return livepatch_json(out, old, new, v);
	fprintf(out, "ORIG    %s\nPATCHED %s\n\n", shown(old->path),
		shown(new->path));
	fprintf(out, "  Symbols a binary-diff livepatch tool cannot correlate by name: %zu\n",
		v->nrenames);
	for (i = 0; i < v->nrenames; i++)
		print_rename(out, &v->renames[i]);
	fprintf(out, "\n  Changed functions (size changed, or --changed) and every function\n  carrying them inline, which the patch must replace too: %zu\n",
		v->nchanged);
	for (i = 0; i < v->nchanged; i++)
		print_changed(out, &v->changed[i]);
	return ferror(out);
}
