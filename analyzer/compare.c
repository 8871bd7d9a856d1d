// SPDX-License-Identifier: GPL-2.0-only
#include "compare.h"

#include <stdlib.h>
#include <string.h>

#include "../common/util.h"

/* The distinct symbols of fn's copies, sorted; caller frees. */
static size_t copy_symbols(const struct function *fn, const char ***out)
{
	size_t i, n = 0, k = 0;

	*out = xcalloc(fn ? fn->ncopies + 1 : 1, sizeof(**out));
	for (i = 0; fn && i < fn->ncopies; i++)
		if (fn->copies[i].symbol)
			(*out)[n++] = fn->copies[i].symbol;
	sort_array(*out, n, sizeof(**out), compare_strings);
	for (i = 0; i < n; i++)
		if (!k || strcmp((*out)[k - 1], (*out)[i]))
			(*out)[k++] = (*out)[i];
	return k;
}

static bool renamed(const struct function *old, const struct function *new)
{
	const char **a, **b;
	size_t na = copy_symbols(old, &a), nb = copy_symbols(new, &b), i;
	bool differ = na && nb && na != nb;

	for (i = 0; na && nb && !differ && i < na; i++)
		differ = strcmp(a[i], b[i]);
	free(a);
	free(b);
	return differ;
}

static void note_change(struct comparison *c, size_t *cap,
			const struct function *old,
			const struct function *new)
{
	struct function_change ch = {
		.name = old ? old->name : new->name, .old = old, .new = new,
	};
	enum fn_status was = old ? old->status : STATUS_OUTLINE;

	ch.status_changed = !old || !new || old->status != new->status;
	ch.sites_changed = old && new &&
			   (old->sites != new->sites ||
			    old->sites_cross_tu != new->sites_cross_tu);
	ch.renamed = old && new && renamed(old, new);
	if (!ch.status_changed && !ch.sites_changed && !ch.renamed)
		return;
	if (new && new->status == STATUS_PARTIAL &&
	    (!old || was != STATUS_PARTIAL))
		c->new_partial++;
	if (new && new->status == STATUS_FULL && (!old || was != STATUS_FULL))
		c->new_full++;
	c->renamed += ch.renamed;
	*ARRAY_PUSH(c->changes, c->nchanges, *cap) = ch;
}

void compare_reports(const struct report *old, const struct report *new,
		     struct comparison *out)
{
	size_t i = 0, k = 0, cap = 0;
	int cmp;

	memset(out, 0, sizeof(*out));
	while (i < old->nfunctions || k < new->nfunctions) {
		if (i == old->nfunctions)
			cmp = 1;
		else if (k == new->nfunctions)
			cmp = -1;
		else
			cmp = strcmp(old->functions[i].name,
				     new->functions[k].name);
		if ((cmp > 0 && !old->outline_listed &&
		     new->functions[k].status == STATUS_OUTLINE) ||
		    (cmp < 0 && !new->outline_listed &&
		     old->functions[i].status == STATUS_OUTLINE))
			out->not_compared++;
		else
			note_change(out, &cap,
				    cmp <= 0 ? &old->functions[i] : NULL,
				    cmp >= 0 ? &new->functions[k] : NULL);
		i += cmp <= 0;
		k += cmp >= 0;
	}
}

void comparison_free(struct comparison *c)
{
	free(c->changes);
	memset(c, 0, sizeof(*c));
}

size_t compare_dirs(struct report *old, struct report *new,
		    unsigned int depth, struct dir_pair **out)
{
	struct dir_group *a, *b;
	size_t na = group_by_dir(old, depth, &a);
	size_t nb = group_by_dir(new, depth, &b);
	size_t i = 0, k = 0, n = 0;
	struct dir_pair *p;
	int cmp;

	*out = xcalloc(na + nb + 1, sizeof(**out));
	while (i < na || k < nb) {
		cmp = i == na ? 1 : k == nb ? -1 : strcmp(a[i].dir, b[k].dir);
		p = &(*out)[n++];
		p->dir = cmp <= 0 ? a[i].dir : b[k].dir;
		if (cmp <= 0)
			p->old = a[i++];
		if (cmp >= 0)
			p->new = b[k++];
	}
	free(a);
	free(b);
	return n;
}
