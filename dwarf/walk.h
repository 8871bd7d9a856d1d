/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_WALK_H
#define INLSCAN_WALK_H

#include "../common/records.h"
#include "dies.h"
#include "input.h"

struct unit_ref {
	uint64_t off;		/* unit header offset, REF_ALT for alt */
};

/* Append the offsets of every compile/partial unit (main, then alt). */
int walk_list_units(struct input *in, struct unit_ref **units, size_t *n,
		    char **err);

/*
 * What walk_unit reuses from one unit to the next: zeroed once by the
 * caller, freed with walk_scratch_free.
 */
struct walk_scratch {
	struct unit_rec unit;		/* the records as they grow */
	struct die_reader reader;
};

void walk_scratch_free(struct walk_scratch *scratch);

/*
 * Walk one unit into out (zeroed by the caller; its arrays then live in
 * arena). Bad DWARF stops the walk with out->failed set and a reason in
 * *err; what was read stays.
 */
void walk_unit(struct input *in, struct unit_ref ref,
	       struct walk_scratch *scratch, struct unit_rec *out,
	       struct arena *arena, char **err);

#endif
