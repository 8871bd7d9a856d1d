// SPDX-License-Identifier: GPL-2.0-only
#include "whatif.h"

#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "tracer.h"

unsigned int call_instruction_bytes(const char *machine)
{
	if (!machine)
		return 4;
	/* call rel32 */
	if (!strcmp(machine, "x86_64") || !strcmp(machine, "i386"))
		return 5;
	/* brasl */
	if (!strcmp(machine, "s390"))
		return 6;
	/* bl, jal, ...: fixed-size RISC encodings */
	return 4;
}

/* Copies counted once per address: several symbols may name one. */
static void sum_copies(const struct function *fn, struct whatif_row *row)
{
	size_t i, k;

	for (i = 0; i < fn->ncopies; i++) {
		for (k = 0; k < i; k++)
			if (fn->copies[k].address == fn->copies[i].address)
				break;
		row->data_ref |= fn->copies[i].data_ref;
		if (k < i)
			continue;
		row->copy_bytes += fn->copies[i].size;
		row->ncopies++;
	}
}

/*
 * Counts from a report JSON may be anything: the prices saturate at the
 * ends of int64_t instead of overflowing.
 */
static int64_t clamp(uint64_t v)
{
	return v > INT64_MAX ? INT64_MAX : (int64_t)v;
}

static int64_t sat_add(int64_t a, int64_t b)
{
	int64_t sum;

	if (!__builtin_add_overflow(a, b, &sum))
		return sum;
	return b > 0 ? INT64_MAX : INT64_MIN;
}

static int64_t sat_sub(int64_t a, int64_t b)
{
	int64_t diff;

	if (!__builtin_sub_overflow(a, b, &diff))
		return diff;
	return b < 0 ? INT64_MAX : INT64_MIN;
}

static int64_t sat_mul(int64_t a, int64_t b)
{
	int64_t product;

	if (!__builtin_mul_overflow(a, b, &product))
		return product;
	return (a < 0) != (b < 0) ? INT64_MIN : INT64_MAX;
}

static void price(const struct function *fn, unsigned int call,
		  struct whatif_row *row)
{
	int64_t direct = clamp(fn->direct_calls);
	int64_t sites = clamp(fn->sites);

	row->fn = fn;
	sum_copies(fn, row);
	row->pinned = row->data_ref || fn->exported;
	row->avg_inline = (fn->inlined_bytes + fn->sites / 2) / fn->sites;
	/* every direct call becomes an average inlined copy */
	row->everywhere = sat_mul(direct, sat_sub(clamp(row->avg_inline),
						  (int64_t)call));
	if (!row->pinned)
		row->everywhere = sat_sub(row->everywhere,
					  clamp(row->copy_bytes));
	/* every inlined copy becomes a call to the copy, which stays */
	row->nowhere = sat_sub(sat_mul(sites, (int64_t)call),
			       clamp(fn->inlined_bytes));
	/* a tie goes to "nowhere": then a trace sees every call */
	row->choice = row->everywhere < row->nowhere ? WHATIF_EVERYWHERE
						     : WHATIF_NOWHERE;
}

static void add_row(struct whatif_totals *t, const struct whatif_row *row)
{
	t->functions++;
	t->pinned += row->pinned;
	t->everywhere = sat_add(t->everywhere, row->everywhere);
	t->nowhere = sat_add(t->nowhere, row->nowhere);
	if (row->choice == WHATIF_EVERYWHERE) {
		t->choose_everywhere++;
		t->recommended = sat_add(t->recommended, row->everywhere);
	} else {
		t->choose_nowhere++;
		t->recommended = sat_add(t->recommended, row->nowhere);
	}
}

static int compare_dirs(const void *x, const void *y)
{
	const struct whatif_dir *a = x, *b = y;

	return strcmp(a->dir, b->dir);
}

static struct whatif_dir *dir_entry(struct whatif *w, size_t *cap,
				    const char *dir)
{
	struct whatif_dir *d;
	size_t i;

	/* interned: a pointer compare finds the directory */
	for (i = w->ndirs; i-- > 0;)
		if (w->dirs[i].dir == dir)
			return &w->dirs[i];
	d = ARRAY_PUSH(w->dirs, w->ndirs, *cap);
	memset(d, 0, sizeof(*d));
	d->dir = dir;
	return d;
}

void whatif_compute(struct report *r, int depth, struct whatif *out)
{
	const struct function *fn;
	struct whatif_row *row;
	size_t i, cap = 0, dir_cap = 0;
	const char *dir;

	memset(out, 0, sizeof(*out));
	out->call_bytes = call_instruction_bytes(r->machine);
	out->calls_exact = r->summary.subprograms_all_calls >=
			   r->summary.subprograms_with_code;
	for (i = 0; i < r->nfunctions; i++) {
		fn = &r->functions[i];
		if (fn->status != STATUS_PARTIAL || !fn->sites)
			continue;
		row = ARRAY_PUSH(out->rows, out->nrows, cap);
		memset(row, 0, sizeof(*row));
		price(fn, out->call_bytes, row);
		add_row(&out->total, row);
		if (depth < 0)
			continue;
		dir = dir_of(&r->strings, fn->ndecls ? fn->decls[0].file : NULL,
			     (unsigned int)depth);
		add_row(&dir_entry(out, &dir_cap, dir)->totals, row);
	}
	sort_array(out->dirs, out->ndirs, sizeof(*out->dirs), compare_dirs);
}

void whatif_free(struct whatif *w)
{
	free(w->rows);
	free(w->dirs);
	memset(w, 0, sizeof(*w));
}
