// SPDX-License-Identifier: GPL-2.0-only
#include "livepatch.h"

#include <inttypes.h>
#include <string.h>

#include "compare.h"
#include "escape.h"
#include "json_util.h"
#include "render.h"

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

static const struct image_symbol *rename_any(const struct symbol_rename *r)
{
	if (r->old)
		return r->old;
	if (r->new)
		return r->new;
	return r->nold ? r->old_candidates[0] : r->new_candidates[0];
}

/* The status of a function in the other build, or NULL. */
static const char *other_status(const struct lone_function *l)
{
	return l->other ? status_name(l->other->status) : NULL;
}

static void write_symbol_names(struct json_writer *w, const char *key,
			       const struct image_symbol *const *v, size_t n)
{
	size_t i;

	jw_key(w, key);
	jw_open(w, '[');
	for (i = 0; i < n; i++)
		jw_string(w, v[i]->name ?: "");
	jw_close(w, ']');
}

static void write_rename(struct json_writer *w, const struct symbol_rename *r)
{
	const struct image_symbol *any = rename_any(r);

	jw_open(w, '{');
	jw_string_field(w, "kind", rename_name(r->kind));
	jw_bool_field(w, "certain", r->certain);
	jw_string_field(w, "base", any->base ?: "");
	jw_string_field(w, "symbol_kind", symbol_kind_word(any->is_func));
	jw_string_field(w, "old", r->old ? r->old->name ?: "" : NULL);
	jw_string_field(w, "new", r->new ? r->new->name ?: "" : NULL);
	jw_key(w, "dwarf");
	jw_owner(w, &any->owner);
	if (!r->certain) {
		write_symbol_names(w, "old_candidates", r->old_candidates,
				   r->nold);
		write_symbol_names(w, "new_candidates", r->new_candidates,
				   r->nnew);
	}
	jw_close(w, '}');
}

static void write_reasons(struct json_writer *w,
			  const struct changed_function *c)
{
	size_t i;

	jw_key(w, "causes");
	jw_open(w, '[');
	for (i = 0; i < c->nreasons; i++) {
		jw_open(w, '{');
		jw_string_field(w, "cause", cause_name(c->reasons[i].cause));
		jw_string_field(w, "what", c->reasons[i].what);
		jw_string_field(w, "now", c->reasons[i].now);
		if (c->reasons[i].cause == CAUSE_LINE_NUMBER) {
			jw_int_field(w, "old_line",
				     (long long)c->reasons[i].old_line);
			jw_int_field(w, "new_line",
				     (long long)c->reasons[i].new_line);
		}
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static void write_changed(struct json_writer *w,
			  const struct changed_function *c)
{
	size_t i;

	jw_open(w, '{');
	jw_string_field(w, "name", c->name ?: "");
	jw_string_field(w, "function", c->function);
	jw_bool_field(w, "named", c->named);
	jw_int_field(w, "old_size", (long long)c->old_size);
	jw_int_field(w, "new_size", (long long)c->new_size);
	write_reasons(w, c);
	jw_key(w, "carriers");
	jw_open(w, '[');
	for (i = 0; i < c->ncarriers; i++) {
		jw_open(w, '{');
		jw_string_field(w, "function", c->carriers[i].function ?: "");
		jw_int_field(w, "sites", (long long)c->carriers[i].sites);
		jw_bool_field(w, "cross_tu", c->carriers[i].cross_tu);
		jw_close(w, '}');
	}
	jw_close(w, ']');
	jw_close(w, '}');
}

/* key: [{symbol, function, status in the other build}] */
static void write_lone(struct json_writer *w, const char *key,
		       const char *other_key, const struct lone_function *v,
		       size_t n)
{
	size_t i;

	jw_key(w, key);
	jw_open(w, '[');
	for (i = 0; i < n; i++) {
		jw_open(w, '{');
		jw_string_field(w, "symbol", v[i].symbol ?: "");
		jw_string_field(w, "function", v[i].function);
		jw_string_field(w, other_key, other_status(&v[i]));
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static void write_hazards_and_flips(struct json_writer *w,
				    const struct livepatch_view *v)
{
	size_t i;

	jw_key(w, "hazards");
	jw_open(w, '[');
	for (i = 0; i < v->nhazards; i++) {
		jw_open(w, '{');
		jw_string_field(w, "old", v->hazards[i].old);
		jw_string_field(w, "new", v->hazards[i].new);
		jw_close(w, '}');
	}
	jw_close(w, ']');
	jw_key(w, "status_flips");
	jw_open(w, '[');
	for (i = 0; i < v->nflips; i++) {
		jw_open(w, '{');
		jw_string_field(w, "name", v->flips[i].name ?: "");
		jw_string_field(w, "old", status_name(v->flips[i].old));
		jw_string_field(w, "new", status_name(v->flips[i].new));
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static void write_totals(struct json_writer *w, const struct livepatch_totals *t)
{
	size_t k;

	jw_open(w, '{');
	jw_int_field(w, "changed", (long long)t->changed);
	jw_key(w, "by_cause");
	jw_open(w, '{');
	for (k = 0; k < NCAUSES; k++)
		jw_int_field(w, cause_name(k), (long long)t->by_cause[k]);
	jw_close(w, '}');
	jw_int_field(w, "only_renamed_reference",
		     (long long)t->only_renamed_reference);
	jw_int_field(w, "only_layout", (long long)t->only_layout);
	jw_int_field(w, "changed_with_stable_names",
		     (long long)(t->changed - t->only_renamed_reference));
	jw_int_field(w, "new_functions", (long long)t->new_functions);
	jw_int_field(w, "gone_functions", (long long)t->gone_functions);
	jw_close(w, '}');
}

static int livepatch_json(FILE *out, const struct report *old,
			  const struct report *new,
			  const struct livepatch_view *v, bool pretty)
{
	struct json_writer w;
	size_t i;

	jw_init(&w, 0, pretty);
	jw_document_start(&w);
	jw_build(&w, "old", old);
	jw_build(&w, "new", new);
	jw_bool_field(&w, "binary", v->binary);
	jw_key(&w, "renames");
	jw_open(&w, '[');
	for (i = 0; i < v->nrenames; i++)
		write_rename(&w, &v->renames[i]);
	jw_close(&w, ']');
	jw_key(&w, "changed");
	jw_open(&w, '[');
	for (i = 0; i < v->nchanged; i++)
		write_changed(&w, &v->changed[i]);
	jw_close(&w, ']');
	write_lone(&w, "new_functions", "was", v->new_functions,
		   v->nnew_functions);
	write_lone(&w, "gone_functions", "now", v->gone_functions,
		   v->ngone_functions);
	write_hazards_and_flips(&w, v);
	jw_key(&w, "totals");
	write_totals(&w, &v->totals);
	jw_close(&w, '}');
	return jw_finish(&w, out);
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
		symbol_kind_word(any->is_func));
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
	print_symbol_owner(out, &any->owner);
	fprintf(out, "]\n");
}

/* One reason in words: "carries md_run", "inlining: md_scale called". */
static void print_reason(FILE *out, const struct change_reason *r)
{
	switch (r->cause) {
	case CAUSE_CODE:
		fprintf(out, "its own code");
		return;
	case CAUSE_CARRIES:
		fprintf(out, "carries %s", shown(r->what));
		return;
	case CAUSE_INLINING:
		fprintf(out, "%s %s now", shown(r->what), r->now);
		return;
	case CAUSE_LINE_NUMBER:
		fprintf(out, "line numbers in its code moved (%" PRIu64
			" -> %" PRIu64 ")", r->old_line, r->new_line);
		return;
	case CAUSE_RENAMED_REFERENCE:
		fprintf(out, "refers to %s, ", shown(r->what));
		fprintf(out, "now %s", shown(r->now));
		return;
	case CAUSE_LAYOUT:
		fprintf(out, "refers to %s at another offset", shown(r->what));
		return;
	case NCAUSES:
		break;
	}
}

/* A line of text, not a page: the JSON has them all. */
#define SHOWN_CARRIERS 12

static void print_carriers(FILE *out, const struct changed_function *c)
{
	size_t i;

	if (!c->ncarriers)
		return;
	fprintf(out, "\n        carried inline by:");
	for (i = 0; i < c->ncarriers && i < SHOWN_CARRIERS; i++)
		fprintf(out, "%s %s (%zu site%s%s)", i ? "," : "",
			shown(c->carriers[i].function), c->carriers[i].sites,
			c->carriers[i].sites == 1 ? "" : "s",
			c->carriers[i].cross_tu ? ", cross-TU" : "");
	if (c->ncarriers > SHOWN_CARRIERS)
		fprintf(out, ", and %zu more (--json lists them)",
			c->ncarriers - SHOWN_CARRIERS);
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
	for (i = 0; i < c->nreasons; i++) {
		fprintf(out, "%s ", i ? ";" : "");
		print_reason(out, &c->reasons[i]);
	}
	print_carriers(out, c);
	fputc('\n', out);
}

static void print_lone(FILE *out, const char *title, const char *other,
		       const struct lone_function *v, size_t n)
{
	size_t i;

	fprintf(out, "\n  %s: %zu\n", title, n);
	for (i = 0; i < n; i++) {
		fprintf(out, "    %s", shown(v[i].symbol));
		if (v[i].other && v[i].other->status == STATUS_FULL)
			fprintf(out, " (fully inlined %s)", other);
		else if (v[i].other)
			fprintf(out, " (%s: %s %s)", shown(v[i].function),
				other_status(&v[i]), other);
		fputc('\n', out);
	}
}

static void print_totals(FILE *out, const struct livepatch_view *v)
{
	const struct livepatch_totals *t = &v->totals;
	size_t k;

	fprintf(out, "\n  Totals: %zu changed functions, by cause (one may have several):",
		t->changed);
	for (k = 0; k < NCAUSES; k++)
		fprintf(out, "%s %zu %s", k ? "," : "", t->by_cause[k],
			cause_name(k));
	fprintf(out, "\n    %zu changed only by a renamed reference, %zu only by layout;\n    with names kept stable (suffixes, counters), %zu would change\n",
		t->only_renamed_reference, t->only_layout,
		t->changed - t->only_renamed_reference);
	fprintf(out, "    new functions: %zu, gone: %zu\n", t->new_functions,
		t->gone_functions);
}

static void print_hazards_and_flips(FILE *out, const struct livepatch_view *v)
{
	size_t i;

	fprintf(out, "\n  Names that differ only in a number (a counter, a line), paired here: %zu\n",
		v->nhazards);
	for (i = 0; i < v->nhazards; i++)
		fprintf(out, "    %s -> %s\n", shown(v->hazards[i].old),
			shown(v->hazards[i].new));
	fprintf(out, "\n  Inline status flips: %zu\n", v->nflips);
	for (i = 0; i < v->nflips; i++)
		fprintf(out, "    %s: %s -> %s\n", shown(v->flips[i].name),
			status_name(v->flips[i].old),
			status_name(v->flips[i].new));
}

int render_livepatch(FILE *out, const struct report *old,
		     const struct report *new,
		     const struct livepatch_view *v, enum json_style json)
{
	size_t i;

	if (json)
		return livepatch_json(out, old, new, v, json == JSON_STYLE_PRETTY);
	fprintf(out, "ORIG    %s\nPATCHED %s\n\n", shown(old->path),
		shown(new->path));
	fprintf(out, "  Symbols a binary-diff livepatch tool cannot correlate by name: %zu\n",
		v->nrenames);
	for (i = 0; i < v->nrenames; i++)
		print_rename(out, &v->renames[i]);
	print_hazards_and_flips(out, v);
	if (v->binary)
		fprintf(out, "\n  Changed functions, as a binary diff finds them (code and relocations\n  compared), and why: %zu\n",
			v->nchanged);
	else
		fprintf(out, "\n  Changed functions (plain-named copy changed size, or --changed; code\n  not compared: an input is a REPORT.json, or linked without relocations;\n  give the objects, such as vmlinux.o, or link with --emit-relocs): %zu\n",
			v->nchanged);
	for (i = 0; i < v->nchanged; i++)
		print_changed(out, &v->changed[i]);
	print_lone(out, "New functions", "before", v->new_functions,
		   v->nnew_functions);
	print_lone(out, "Gone functions", "now", v->gone_functions,
		   v->ngone_functions);
	print_totals(out, v);
	return ferror(out);
}
