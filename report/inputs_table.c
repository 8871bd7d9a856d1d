// SPDX-License-Identifier: GPL-2.0-only
/*
 * Several inputs as text (a modules tree): one line per input, by
 * partial functions, then the totals twice, summed over inputs and as
 * distinct names, each labelled, so that a sum never reads as a count
 * of names.
 */
#include "inputs_table.h"

#include <stdlib.h>
#include <string.h>

#include "../analyzer/tracer.h"
#include "../common/util.h"
#include "escape.h"

struct input_row {
	const struct report *r;
	size_t partial, full, sites, cross_tu, deny;
};

static int compare_rows(const void *x, const void *y)
{
	const struct input_row *a = x, *b = y;

	if (a->partial != b->partial)
		return a->partial > b->partial ? -1 : 1;
	return strcmp(a->r->path, b->r->path);
}

/* What all the inputs' paths start with, up to a '/': left out. */
static size_t common_dir(const struct input_row *rows, size_t n)
{
	size_t len, i, k;

	if (!n)
		return 0;
	len = strlen(rows[0].r->path);
	for (i = 1; i < n; i++) {
		for (k = 0; k < len && rows[i].r->path[k] == rows[0].r->path[k];
		     k++)
			;
		len = k;
	}
	while (len && rows[0].r->path[len - 1] != '/')
		len--;
	return len;
}

static size_t deny_size(struct report *r)
{
	struct deny_filter all = { 0 };
	struct deny_entry *entries = NULL;
	size_t n = denylist_select(&r, 1, &all, &entries);

	free(entries);
	return n;
}

/* Names of status in every input, counted once each. */
static size_t distinct_names(const struct input_row *rows, size_t n,
			     enum fn_status status)
{
	const char **names;
	size_t i, k, count = 0, distinct = 0;

	for (i = 0; i < n; i++)
		count += status == STATUS_PARTIAL ? rows[i].partial
						  : rows[i].full;
	names = xcalloc(count + 1, sizeof(*names));
	count = 0;
	for (i = 0; i < n; i++)
		for (k = 0; k < rows[i].r->nfunctions; k++)
			if (rows[i].r->functions[k].status == status)
				names[count++] = rows[i].r->functions[k].name;
	sort_array(names, count, sizeof(*names), compare_strings);
	for (i = 0; i < count; i++)
		distinct += !i || strcmp(names[i - 1], names[i]);
	free(names);
	return distinct;
}

static void print_row(FILE *out, const struct input_row *row, size_t skip)
{
	fprintf(out, "  %8zu %8zu %8zu %8zu %9zu  ", row->partial, row->full,
		row->sites, row->cross_tu, row->deny);
	put_terminal(out, row->r->path + skip);
	fputc('\n', out);
}

static void print_totals(FILE *out, const struct input_row *rows, size_t n)
{
	struct input_row sum = { 0 };
	size_t i;

	for (i = 0; i < n; i++) {
		sum.partial += rows[i].partial;
		sum.full += rows[i].full;
		sum.sites += rows[i].sites;
		sum.cross_tu += rows[i].cross_tu;
		sum.deny += rows[i].deny;
	}
	fprintf(out, "  %8zu %8zu %8zu %8zu %9zu  sum over the %zu inputs (a name in several counts in each)\n",
		sum.partial, sum.full, sum.sites, sum.cross_tu, sum.deny, n);
	fprintf(out, "  %8zu %8zu %8s %8s %9s  distinct names across the inputs\n",
		distinct_names(rows, n, STATUS_PARTIAL),
		distinct_names(rows, n, STATUS_FULL), "-", "-", "-");
}

int render_inputs_table(FILE *out, const struct scan_results *res, int top)
{
	struct input_row *rows = xcalloc(res->nreports + 1, sizeof(*rows));
	size_t i, n = 0, skip;

	for (i = 0; i < res->nreports; i++) {
		if (!res->reports[i])
			continue;
		rows[n].r = res->reports[i];
		rows[n].partial = res->reports[i]->summary.functions_partial;
		rows[n].full = res->reports[i]->summary.functions_full;
		rows[n].sites = res->reports[i]->summary.inline_sites;
		rows[n].cross_tu = res->reports[i]->summary.inline_sites_cross_tu;
		rows[n++].deny = deny_size(res->reports[i]);
	}
	sort_array(rows, n, sizeof(*rows), compare_rows);
	skip = common_dir(rows, n);
	fprintf(out, "%zu inputs", n);
	if (res->nskipped)
		fprintf(out, " (%zu skipped, named above)", res->nskipped);
	fprintf(out, ", by partial functions:\n  %8s %8s %8s %8s %9s  %s\n",
		"partial", "full", "sites", "cross-TU", "deny-list", "input");
	for (i = 0; i < n && (top <= 0 || i < (size_t)top); i++)
		print_row(out, &rows[i], skip);
	if (top > 0 && n > (size_t)top)
		fprintf(out, "  ... %zu more (--top 0 lists them all)\n",
			n - (size_t)top);
	fprintf(out, "\n");
	print_totals(out, rows, n);
	free(rows);
	return ferror(out) ? -1 : 0;
}
