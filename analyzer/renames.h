/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_RENAMES_H
#define INLSCAN_RENAMES_H

#include "livepatch.h"

struct rename_list {
	struct symbol_rename *v;
	size_t n, cap;
};

/*
 * For each kind (function, object) and base name with a suffixed symbol
 * in either build, the names not in both: certain pairs, and what is
 * left as an ambiguous group with its candidates.
 */
void find_renames(const struct report *old, const struct report *new,
		  struct rename_list *l);

#endif
