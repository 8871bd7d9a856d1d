// SPDX-License-Identifier: GPL-2.0-only
#include "compare.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "json_util.h"
#include "escape.h"
#include "render.h"

const char *symbol_kind_word(bool is_func)
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

static void write_collision(struct json_writer *w, const struct report *r,
			    size_t first)
{
	const struct suffixed_symbol *s = &r->suffixed[first];
	size_t k;

	jw_open(w, '{');
	jw_string_field(w, "base", s->base ?: "");
	jw_key(w, "symbols");
	jw_open(w, '[');
	if (s->base_plain)
		jw_string(w, s->base ?: "");
	for (k = first; k < r->nsuffixed; k++)
		if (!strcmp(r->suffixed[k].base, s->base))
			jw_string(w, r->suffixed[k].symbol ?: "");
	jw_close(w, ']');
	jw_close(w, '}');
}

static int suffixes_json(FILE *out, const struct report *r, bool pretty)
{
	struct json_writer w;
	size_t i, funcs = 0, unique = 0;

	for (i = 0; i < r->nsuffixed; i++) {
		funcs += r->suffixed[i].is_func;
		unique += r->suffixed[i].base_unique;
	}
	jw_init(&w, 0, pretty);
	jw_document_start(&w);
	jw_key(&w, "input");
	jw_input(&w, r);
	jw_key(&w, "summary");
	jw_open(&w, '{');
	jw_int_field(&w, "suffixed", (long long)r->nsuffixed);
	jw_int_field(&w, "functions", (long long)funcs);
	jw_int_field(&w, "objects", (long long)(r->nsuffixed - funcs));
	jw_int_field(&w, "unique_base", (long long)unique);
	jw_int_field(&w, "collisions", (long long)count_collisions(r));
	jw_close(&w, '}');
	jw_key(&w, "symbols");
	jw_open(&w, '[');
	for (i = 0; i < r->nsuffixed; i++)
		jw_suffixed(&w, &r->suffixed[i]);
	jw_close(&w, ']');
	jw_key(&w, "collisions");
	jw_open(&w, '[');
	for (i = 0; i < r->nsuffixed; i++)
		if (starts_collision(r, i))
			write_collision(&w, r, i);
	jw_close(&w, ']');
	jw_close(&w, '}');
	return jw_finish(&w, out);
}

void print_symbol_owner(FILE *out, const struct symbol_owner *o)
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

int render_suffixes(FILE *out, const struct report *r,
		    enum json_style json)
{
	size_t i, funcs = 0, unique = 0, ncoll = count_collisions(r);

	if (json)
		return suffixes_json(out, r, json == JSON_STYLE_PRETTY);
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
			symbol_kind_word(r->suffixed[i].is_func),
			r->suffixed[i].base_unique ? "yes" : "no");
		print_symbol_owner(out, &r->suffixed[i].owner);
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

static void write_side(struct json_writer *w, const struct function *fn)
{
	size_t i;

	if (!fn) {
		jw_null(w);
		return;
	}
	jw_open(w, '{');
	jw_string_field(w, "status", status_name(fn->status));
	jw_int_field(w, "sites", (long long)fn->sites);
	jw_int_field(w, "cross_tu", (long long)fn->sites_cross_tu);
	jw_key(w, "symbols");
	jw_open(w, '[');
	for (i = 0; i < fn->ncopies; i++)
		if (fn->copies[i].symbol)
			jw_string(w, fn->copies[i].symbol);
	jw_close(w, ']');
	jw_close(w, '}');
}

void jw_build(struct json_writer *w, const char *key,
			const struct report *r)
{
	jw_key(w, key);
	jw_input(w, r);
}

static void write_group(struct json_writer *w, const char *key,
			const struct dir_group *g)
{
	jw_key(w, key);
	jw_open(w, '{');
	jw_int_field(w, "partial", (long long)g->partial);
	jw_int_field(w, "full", (long long)g->full);
	jw_int_field(w, "sites", (long long)g->sites);
	jw_int_field(w, "incomplete", (long long)g->incomplete);
	jw_close(w, '}');
}

static void write_diff_summary(struct json_writer *w,
			       const struct diff_view *d)
{
	size_t i, a, b;

	jw_open(w, '{');
	for (i = 0; diff_fields[i]; i++) {
		a = summary_value(&d->old->summary, diff_fields[i]);
		b = summary_value(&d->new->summary, diff_fields[i]);
		jw_key(w, diff_fields[i]);
		jw_open(w, '{');
		jw_int_field(w, "old", (long long)a);
		jw_int_field(w, "new", (long long)b);
		jw_int_field(w, "delta", (long long)b - (long long)a);
		jw_close(w, '}');
	}
	jw_close(w, '}');
}

static void write_change(struct json_writer *w,
			 const struct function_change *c)
{
	jw_open(w, '{');
	jw_string_field(w, "name", c->name ?: "");
	jw_key(w, "old");
	write_side(w, c->old);
	jw_key(w, "new");
	write_side(w, c->new);
	jw_bool_field(w, "status_changed", c->status_changed);
	jw_bool_field(w, "sites_changed", c->sites_changed);
	jw_bool_field(w, "renamed", c->renamed);
	jw_close(w, '}');
}

static int diff_json(FILE *out, const struct diff_view *d, bool pretty)
{
	struct json_writer w;
	size_t i;

	jw_init(&w, 0, pretty);
	jw_document_start(&w);
	jw_build(&w, "old", d->old);
	jw_build(&w, "new", d->new);
	jw_key(&w, "summary");
	write_diff_summary(&w, d);
	jw_key(&w, "counts");
	jw_open(&w, '{');
	jw_int_field(&w, "new_partial", (long long)d->cmp.new_partial);
	jw_int_field(&w, "new_full", (long long)d->cmp.new_full);
	jw_int_field(&w, "renamed", (long long)d->cmp.renamed);
	jw_int_field(&w, "not_compared", (long long)d->cmp.not_compared);
	jw_close(&w, '}');
	if (d->by_dir >= 0) {
		jw_key(&w, "by_dir");
		jw_open(&w, '[');
		for (i = 0; i < d->ndirs; i++) {
			jw_open(&w, '{');
			jw_string_field(&w, "dir", d->dirs[i].dir ?: "");
			write_group(&w, "old", &d->dirs[i].old);
			write_group(&w, "new", &d->dirs[i].new);
			jw_close(&w, '}');
		}
		jw_close(&w, ']');
	}
	jw_key(&w, "changes");
	jw_open(&w, '[');
	for (i = 0; i < d->cmp.nchanges; i++)
		write_change(&w, &d->cmp.changes[i]);
	jw_close(&w, ']');
	jw_close(&w, '}');
	return jw_finish(&w, out);
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

static void print_change(FILE *out, const struct function_change *c,
			 const struct report *old, const struct report *new)
{
	char status[40], sites[40], cross[40];

	if (c->status_changed)
		snprintf(status, sizeof(status), "%s -> %s",
			 side_status(c->old, old), side_status(c->new, new));
	else
		snprintf(status, sizeof(status), "%s",
			 status_name(c->new->status));
	snprintf(sites, sizeof(sites), "%zu -> %zu",
		 c->old ? c->old->sites : 0, c->new ? c->new->sites : 0);
	snprintf(cross, sizeof(cross), "%zu -> %zu",
		 c->old ? c->old->sites_cross_tu : 0,
		 c->new ? c->new->sites_cross_tu : 0);
	fprintf(out, "    %-32s %-24s %-14s %-10s ", shown(c->name), status, sites,
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

int render_diff(FILE *out, const struct diff_view *d,
		enum json_style json)
{
	size_t i, a, b;

	if (json)
		return diff_json(out, d, json == JSON_STYLE_PRETTY);
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
		fprintf(out, "    %-32s %-24s %-14s %-10s %s\n", "function",
			"status", "sites", "cross-TU", "renamed symbols");
	for (i = 0; i < d->cmp.nchanges; i++)
		print_change(out, &d->cmp.changes[i], d->old, d->new);
	if (d->cmp.not_compared)
		fprintf(out, "\n  %zu names not compared: listed in one build only, and %s was\n  written without --all, so whether they are outline there or absent is\n  not known; rerun 'inlscan scan --json --all' on it\n",
			d->cmp.not_compared,
			!d->old->outline_listed ? "OLD" : "NEW");
	return ferror(out);
}
