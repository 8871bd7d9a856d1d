// SPDX-License-Identifier: GPL-2.0-only
#include "whatif.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "json_util.h"
#include "escape.h"
#include "render.h"

static const char *choice_name(enum whatif_choice c)
{
	return c == WHATIF_EVERYWHERE ? "inline_everywhere" : "inline_nowhere";
}

/* What pins the copy, as evidence words. */
static const char *pin_words(const struct whatif_row *row)
{
	if (row->fn->exported && row->data_ref)
		return "exported,data_ref";
	if (row->fn->exported)
		return "exported";
	return row->data_ref ? "data_ref" : "-";
}

static json_t *totals_object(const struct whatif_totals *t)
{
	json_t *o = json_object();

#define SET(f) json_object_set_new(o, #f, json_integer((json_int_t)t->f))
	SET(functions);
	SET(pinned);
	SET(choose_everywhere);
	SET(choose_nowhere);
	SET(everywhere);
	SET(nowhere);
	SET(recommended);
#undef SET
	return o;
}

static json_t *row_object(const struct whatif_row *row)
{
	json_t *o = json_object(), *pins = json_array();
	const struct function *fn = row->fn;

	json_object_set_new(o, "name", json_text(fn->name));
	json_object_set_new(o, "copies", json_integer((json_int_t)row->ncopies));
	json_object_set_new(o, "copy_bytes",
			    json_integer((json_int_t)row->copy_bytes));
	json_object_set_new(o, "sites", json_integer((json_int_t)fn->sites));
	json_object_set_new(o, "inlined_bytes",
			    json_integer((json_int_t)fn->inlined_bytes));
	json_object_set_new(o, "avg_inline",
			    json_integer((json_int_t)row->avg_inline));
	json_object_set_new(o, "direct_calls",
			    json_integer((json_int_t)fn->direct_calls));
	if (fn->exported)
		json_array_append_new(pins, json_text("exported"));
	if (row->data_ref)
		json_array_append_new(pins, json_text("data_ref"));
	json_object_set_new(o, "pinned_by", pins);
	json_object_set_new(o, "everywhere",
			    json_integer((json_int_t)row->everywhere));
	json_object_set_new(o, "nowhere", json_integer((json_int_t)row->nowhere));
	json_object_set_new(o, "recommend", json_text(choice_name(row->choice)));
	return o;
}

static int whatif_json(FILE *out, const struct report *r,
		       const struct whatif *w)
{
	json_t *root = json_object(), *rows = json_array(), *dirs, *d;
	size_t i;

	for (i = 0; i < w->nrows; i++)
		json_array_append_new(rows, row_object(&w->rows[i]));
	json_object_set_new(root, "schema", json_text(INLSCAN_SCHEMA));
	json_object_set_new(root, "input", json_text(r->path));
	json_object_set_new(root, "call_bytes", json_integer(w->call_bytes));
	json_object_set_new(root, "direct_calls_exact",
			    json_boolean(w->calls_exact));
	json_object_set_new(root, "total", totals_object(&w->total));
	json_object_set_new(root, "functions", rows);
	if (w->dirs) {
		dirs = json_array();
		for (i = 0; i < w->ndirs; i++) {
			d = totals_object(&w->dirs[i].totals);
			json_object_set_new(d, "dir", json_text(w->dirs[i].dir));
			json_array_append_new(dirs, d);
		}
		json_object_set_new(root, "by_dir", dirs);
	}
	return json_write(out, root);
}

/* |everywhere - nowhere|, exact over the whole range of both. */
static uint64_t gap(const struct whatif_row *r)
{
	return r->everywhere > r->nowhere
		       ? (uint64_t)r->everywhere - (uint64_t)r->nowhere
		       : (uint64_t)r->nowhere - (uint64_t)r->everywhere;
}

/* The biggest estimated changes first, so the table leads with them. */
static int compare_gain(const void *x, const void *y)
{
	const struct whatif_row *a = *(const struct whatif_row *const *)x;
	const struct whatif_row *b = *(const struct whatif_row *const *)y;
	uint64_t ga = gap(a), gb = gap(b);

	if (ga != gb)
		return ga < gb ? 1 : -1;
	return strcmp(a->fn->name, b->fn->name);
}

static void print_totals(FILE *out, const char *label,
			 const struct whatif_totals *t)
{
	fprintf(out, "  %-28s %6zu %6zu %+12" PRId64 " %+12" PRId64 " %+12" PRId64 "  %zu/%zu\n",
		shown(label), t->functions, t->pinned, t->everywhere, t->nowhere,
		t->recommended, t->choose_everywhere, t->choose_nowhere);
}

static void print_rows(FILE *out, const struct whatif *w, int top)
{
	const struct whatif_row **sorted;
	const struct whatif_row *row;
	size_t i;

	sorted = calloc(w->nrows + 1, sizeof(*sorted));
	if (!sorted)
		return;
	for (i = 0; i < w->nrows; i++)
		sorted[i] = &w->rows[i];
	qsort(sorted, w->nrows, sizeof(*sorted), compare_gain);
	fprintf(out, "\n  %-28s %6s %6s %5s %7s %6s %17s %10s %10s  %s\n",
		"function", "copies", "bytes", "sites", "inlined", "direct",
		"pinned by", "everywhere", "nowhere", "recommend");
	for (i = 0; i < w->nrows && (top < 0 || i < (size_t)top); i++) {
		row = sorted[i];
		fprintf(out, "  %-28s %6zu %6" PRIu64 " %5zu %7" PRIu64 " %6zu %17s %+10" PRId64 " %+10" PRId64 "  %s\n",
			shown(row->fn->name), row->ncopies, row->copy_bytes,
			row->fn->sites, row->fn->inlined_bytes,
			row->fn->direct_calls, pin_words(row), row->everywhere,
			row->nowhere, choice_name(row->choice));
	}
	free(sorted);
}

int render_whatif(FILE *out, const struct report *r, const struct whatif *w,
		  int top, bool json)
{
	size_t i;

	if (json)
		return whatif_json(out, r, w);
	fprintf(out, "%s: consistent inlining, priced for %zu partial functions\n",
		shown(r->path), w->nrows);
	fprintf(out, "  bytes of text: + grows, - shrinks; a call is %u bytes on %s;\n  direct calls are %s (docs/whatif.md)\n",
		w->call_bytes, shown(r->machine),
		w->calls_exact ? "exact" : "a lower bound (some callers lack call-site DIEs)");
	print_rows(out, w, top);
	fprintf(out, "\n  %-28s %6s %6s %12s %12s %12s  %s\n", "", "fns",
		"pinned", "everywhere", "nowhere", "recommended",
		"choose every/no");
	print_totals(out, "whole image", &w->total);
	for (i = 0; i < w->ndirs; i++)
		print_totals(out, w->dirs[i].dir, &w->dirs[i].totals);
	return ferror(out);
}
