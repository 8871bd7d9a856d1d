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

static void price(const struct function *fn, unsigned int call,
		  struct whatif_row *row)
{
	int64_t direct = (int64_t)fn->direct_calls;
	int64_t sites = (int64_t)fn->sites;

	row->fn = fn;
	sum_copies(fn, row);
	row->pinned = row->data_ref || fn->exported;
	row->avg_inline = (fn->inlined_bytes + fn->sites / 2) / fn->sites;
	/* every direct call becomes an average inlined copy */
	row->everywhere = direct * ((int64_t)row->avg_inline - (int64_t)call);
	if (!row->pinned)
		row->everywhere -= (int64_t)row->copy_bytes;
	/* every inlined copy becomes a call to the copy, which stays */
	row->nowhere = sites * (int64_t)call - (int64_t)fn->inlined_bytes;
	/* a tie goes to "nowhere": then a trace sees every call */
	row->choice = row->everywhere < row->nowhere ? WHATIF_EVERYWHERE
						     : WHATIF_NOWHERE;
}

static void add_row(struct whatif_totals *t, const struct whatif_row *row)
{
	t->functions++;
	t->pinned += row->pinned;
	t->everywhere += row->everywhere;
	t->nowhere += row->nowhere;
	if (row->choice == WHATIF_EVERYWHERE) {
		t->choose_everywhere++;
		t->recommended += row->everywhere;
	} else {
		t->choose_nowhere++;
		t->recommended += row->nowhere;
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
