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

/* The totals' members, into an object the caller opened. */
static void write_totals(struct json_writer *w, const struct whatif_totals *t)
{
#define WRITE_TOTAL(f) jw_int_field(w, #f, (long long)t->f)
	WRITE_TOTAL(functions);
	WRITE_TOTAL(pinned);
	WRITE_TOTAL(choose_everywhere);
	WRITE_TOTAL(choose_nowhere);
	WRITE_TOTAL(everywhere);
	WRITE_TOTAL(nowhere);
	WRITE_TOTAL(recommended);
#undef WRITE_TOTAL
}

static void write_row(struct json_writer *w, const struct whatif_row *row)
{
	const struct function *fn = row->fn;

	jw_open(w, '{');
	jw_string_field(w, "name", fn->name ?: "");
	jw_int_field(w, "copies", (long long)row->ncopies);
	jw_int_field(w, "copy_bytes", (long long)row->copy_bytes);
	jw_int_field(w, "sites", (long long)fn->sites);
	jw_int_field(w, "inlined_bytes", (long long)fn->inlined_bytes);
	jw_int_field(w, "avg_inline", (long long)row->avg_inline);
	jw_int_field(w, "direct_calls", (long long)fn->direct_calls);
	jw_key(w, "pinned_by");
	jw_open(w, '[');
	if (fn->exported)
		jw_string(w, "exported");
	if (row->data_ref)
		jw_string(w, "data_ref");
	jw_close(w, ']');
	jw_int_field(w, "everywhere", (long long)row->everywhere);
	jw_int_field(w, "nowhere", (long long)row->nowhere);
	jw_string_field(w, "recommend", choice_name(row->choice));
	jw_close(w, '}');
}

static int whatif_json(FILE *out, const struct report *r,
		       const struct whatif *wi, bool pretty)
{
	struct json_writer w;
	size_t i;

	jw_init(&w, 0, pretty);
	jw_document_start(&w);
	jw_key(&w, "input");
	jw_input(&w, r);
	jw_int_field(&w, "call_bytes", wi->call_bytes);
	jw_bool_field(&w, "direct_calls_exact", wi->calls_exact);
	jw_key(&w, "total");
	jw_open(&w, '{');
	write_totals(&w, &wi->total);
	jw_close(&w, '}');
	jw_key(&w, "functions");
	jw_open(&w, '[');
	for (i = 0; i < wi->nrows; i++)
		write_row(&w, &wi->rows[i]);
	jw_close(&w, ']');
	if (wi->dirs) {
		jw_key(&w, "by_dir");
		jw_open(&w, '[');
		for (i = 0; i < wi->ndirs; i++) {
			jw_open(&w, '{');
			write_totals(&w, &wi->dirs[i].totals);
			jw_string_field(&w, "dir", wi->dirs[i].dir ?: "");
			jw_close(&w, '}');
		}
		jw_close(&w, ']');
	}
	jw_close(&w, '}');
	return jw_finish(&w, out);
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
		  int top, enum json_style json)
{
	size_t i;

	if (json)
		return whatif_json(out, r, w, json == JSON_STYLE_PRETTY);
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
