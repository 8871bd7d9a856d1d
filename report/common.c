// SPDX-License-Identifier: GPL-2.0-only
#include <string.h>

#include "render.h"

const char *status_name(enum fn_status status)
{
	switch (status) {
	case STATUS_PARTIAL:
		return "partial";
	case STATUS_FULL:
		return "full";
	case STATUS_OUTLINE:
		return "outline";
	}
	return "?";
}

const char *scope_name(enum fn_scope scope)
{
	switch (scope) {
	case SCOPE_SAME_TU:
		return "same_tu";
	case SCOPE_CROSS_TU:
		return "cross_tu";
	case SCOPE_BOTH:
		return "both";
	case SCOPE_NONE:
		break;
	}
	return NULL;
}

void total_summary(const struct scan_results *res, struct summary *t)
{
	const struct summary *s;
	size_t i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < res->nreports; i++) {
		if (!res->reports[i])
			continue;
		s = &res->reports[i]->summary;
		t->functions_partial += s->functions_partial;
		t->functions_full += s->functions_full;
		t->functions_outline += s->functions_outline;
		t->inline_sites += s->inline_sites;
		t->inline_sites_cross_tu += s->inline_sites_cross_tu;
		t->inline_sites_discarded += s->inline_sites_discarded;
		t->functions_partial_cross_tu += s->functions_partial_cross_tu;
		t->functions_full_cross_tu += s->functions_full_cross_tu;
		t->decls_partial += s->decls_partial;
		t->decls_full += s->decls_full;
		t->functions_partial_symtab += s->functions_partial_symtab;
		t->functions_partial_ftrace += s->functions_partial_ftrace;
		t->functions_partial_clone_only +=
			s->functions_partial_clone_only;
		t->unresolved_refs += s->unresolved_refs;
		t->has_ftrace |= s->has_ftrace;
	}
}
