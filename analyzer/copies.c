// SPDX-License-Identifier: GPL-2.0-only
/*
 * Out-of-line copies of a function, matched to the symbols at their
 * ranges, and the claims each partition makes on symbols.
 */
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "analysis.h"

static void add_copy(struct analysis *a, size_t fn_idx,
		     const struct symbol_owner *owner,
		     const struct addr_range *range, const struct sym_rec *sym,
		     bool ftrace)
{
	struct function *fn = &a->r->functions[fn_idx];
	struct outline_copy *c = ARRAY_PUSH(fn->copies, fn->ncopies,
					    a->acc[fn_idx].copies_cap);
	struct owner_claim *claim;

	memset(c, 0, sizeof(*c));
	c->tu = owner->tu;
	c->ftrace = ftrace;
	c->address = sym ? sym->addr : range->start;
	c->size = sym ? sym->size : range->end - range->start;
	c->nokprobe = nokprobe_in(a->img, c->address, c->address + c->size);
	c->init = in_init_text(a->img, c->address);
	if (!sym)
		return;
	c->name_shared = sym->name_shared;
	if (sym->ftrace_alias)
		c->ftrace_name = symbol_name(
			a, &a->img->syms[sym->ftrace_alias - 1]);
	claim = ARRAY_PUSH(a->claims, a->nclaims, a->claims_cap);
	claim->sym = (size_t)(sym - a->img->syms);
	claim->rank = claim_rank(false, a->acc[fn_idx].created_by,
				 a->nclaims);
	claim->owner = *owner;
	c->data_ref = sym->data_ref;
	c->symbol = symbol_name(a, sym);
	c->clone = clone_kind(a->strings, c->symbol, fn->name);
	if (!c->clone)
		fn->plain_symbol = true;
}

/* Name, declaration and TU of a root DIE, seen from where_unit. */
void root_owner(struct analysis *a, uint32_t root, uint32_t where_unit,
		       struct symbol_owner *o)
{
	uint32_t unit;
	const struct die_rec *d = join_die(a->join, root, &unit);

	o->name = root_name(a, root);
	o->decl_file = root_file(a, root);
	o->decl_line = d->decl_line;
	o->tu = join_tu_name(a->join, unit, where_unit);
}

/*
 * OBJECT symbols at a static variable's address belong to it; each
 * partition takes the variables of one slice of units.
 */
void own_variables(struct analysis *a)
{
	const struct image_rec *img = a->img;
	const struct die_rec *d;
	struct owner_claim *claim;
	size_t k, s;
	uint32_t u, end, id;

	partition_units(a->parts, a->partition, &u, &end);
	for (; u < end; u++) {
		for (k = 0; k < img->units[u].ndies; k++) {
			d = &img->units[u].dies[k];
			id = (uint32_t)(a->join->die_base[u] + k);
			if (d->kind != DIE_VARIABLE || !d->name)
				continue;
			/* most variables have no symbol of their own */
			for (s = syms_at(img, d->entry);
			     s < img->nsyms && img->syms[s].addr == d->entry;
			     s++) {
				if (img->syms[s].kind != SYM_OBJECT)
					continue;
				claim = ARRAY_PUSH(a->claims, a->nclaims,
						   a->claims_cap);
				claim->sym = s;
				claim->rank = claim_rank(true, id, a->nclaims);
				root_owner(a, id, u, &claim->owner);
			}
		}
	}
}

/* Every symbol at the start of each of the instance's ranges. */
void match_instance(struct analysis *a, size_t fn_idx, uint32_t id)
{
	const struct image_rec *img = a->img;
	uint32_t unit;
	const struct die_rec *d = join_die(a->join, id, &unit);
	const struct unit_rec *u = &img->units[unit];
	const struct addr_range *r;
	struct symbol_owner owner;
	bool ftrace = false, matched = false;
	size_t k, s;

	root_owner(a, join_root_known(a->join, id), unit, &owner);
	for (k = 0; k < d->nranges; k++) {
		r = &u->ranges[d->first_range + k];
		ftrace |= mcount_in(img, r->start, r->end);
	}
	for (k = 0; k < d->nranges; k++) {
		r = &u->ranges[d->first_range + k];
		for (s = syms_at(img, r->start);
		     s < img->nsyms && img->syms[s].addr == r->start; s++) {
			if (img->syms[s].kind != SYM_FUNC)
				continue;
			add_copy(a, fn_idx, &owner, r, &img->syms[s], ftrace);
			matched = true;
		}
	}
	if (!matched)
		add_copy(a, fn_idx, &owner, &u->ranges[d->first_range], NULL,
			 ftrace);
	a->r->functions[fn_idx].ftrace |= ftrace;
}

int compare_copies(const void *x, const void *y)
{
	const struct outline_copy *a = x, *b = y;

	if (a->address != b->address)
		return a->address < b->address ? -1 : 1;
	if (!a->symbol || !b->symbol)
		return !a->symbol - !b->symbol;
	return strcmp(a->symbol, b->symbol);
}
