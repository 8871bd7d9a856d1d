// SPDX-License-Identifier: GPL-2.0-only
#include "summary.h"

#define FIELD(f) { #f, offsetof(struct summary, f) }
const struct summary_field summary_fields[] = {
	FIELD(functions_partial),
	FIELD(functions_full),
	FIELD(functions_outline),
	FIELD(inline_sites),
	FIELD(inline_sites_cross_tu),
	FIELD(inline_sites_discarded),
	FIELD(inline_sites_split_parts),
	FIELD(functions_partial_cross_tu),
	FIELD(functions_full_cross_tu),
	FIELD(decls_partial),
	FIELD(decls_full),
	FIELD(functions_partial_symtab),
	FIELD(functions_partial_ftrace),
	FIELD(functions_partial_clone_only),
	FIELD(unresolved_refs),
	FIELD(blind_incomplete),
	FIELD(blind_untraceable),
	FIELD(blind_not_attachable),
	FIELD(missed_inline_calls),
	FIELD(call_sites_direct),
	FIELD(call_sites_indirect),
	FIELD(subprograms_with_code),
	FIELD(subprograms_all_calls),
	{ NULL, 0 },
};

void summary_add(struct summary *to, const struct summary *from)
{
	const struct summary_field *f;

	for (f = summary_fields; f->name; f++)
		*summary_count(to, f) += summary_get(from, f);
	to->has_ftrace |= from->has_ftrace;
}
