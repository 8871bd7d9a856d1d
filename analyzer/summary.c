// SPDX-License-Identifier: GPL-2.0-only
#include "summary.h"

#define FIELD(f, label) { #f, label, offsetof(struct summary, f) }
const struct summary_field summary_fields[] = {
	FIELD(functions_partial,
	      "partial functions (inlined, and out of line)"),
	FIELD(functions_full,
	      "fully inlined functions"),
	FIELD(functions_outline,
	      "out-of-line only functions"),
	FIELD(inline_sites,
	      "inline sites"),
	FIELD(inline_sites_cross_tu,
	      "cross-TU inline sites"),
	FIELD(inline_sites_discarded,
	      "inline sites in discarded code"),
	FIELD(inline_sites_split_parts,
	      "split parts (GCC .part, not calls)"),
	FIELD(functions_partial_cross_tu,
	      "partial functions with a cross-TU site"),
	FIELD(functions_full_cross_tu,
	      "full functions with a cross-TU site"),
	FIELD(decls_partial,
	      "partial declarations"),
	FIELD(decls_full,
	      "full declarations"),
	FIELD(functions_partial_symtab,
	      "partial functions with a FUNC symbol"),
	FIELD(functions_partial_ftrace,
	      "partial functions ftrace lists"),
	FIELD(functions_partial_clone_only,
	      "partial functions only under clone names"),
	FIELD(unresolved_refs,
	      "DWARF references not resolved"),
	FIELD(blind_incomplete,
	      "incomplete traces"),
	FIELD(blind_untraceable,
	      "untraceable by name"),
	FIELD(blind_not_attachable,
	      "not attachable"),
	FIELD(missed_inline_calls,
	      "inlined calls a trace misses"),
	FIELD(call_sites_direct,
	      "direct call sites"),
	FIELD(call_sites_indirect,
	      "indirect call sites"),
	FIELD(subprograms_with_code,
	      "subprograms with code"),
	FIELD(subprograms_all_calls,
	      "subprograms with complete call-site info"),
	{ NULL, NULL, 0 },
};

void summary_add(struct summary *to, const struct summary *from)
{
	const struct summary_field *f;

	for (f = summary_fields; f->name; f++)
		*summary_count(to, f) += summary_get(from, f);
	to->has_ftrace |= from->has_ftrace;
}
