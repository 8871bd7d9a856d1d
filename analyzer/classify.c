// SPDX-License-Identifier: GPL-2.0-only
#include "classify.h"

void classify_status(struct function *fn)
{
	if (fn->sites)
		fn->status = fn->ncopies ? STATUS_PARTIAL : STATUS_FULL;
	else
		fn->status = STATUS_OUTLINE;
	if (fn->sites_same_tu && fn->sites_cross_tu)
		fn->scope = SCOPE_BOTH;
	else if (fn->sites_cross_tu)
		fn->scope = SCOPE_CROSS_TU;
	else if (fn->sites_same_tu)
		fn->scope = SCOPE_SAME_TU;
}

const char *copy_ftrace_name(const struct outline_copy *c)
{
	return c->ftrace_name ? c->ftrace_name : c->symbol;
}

bool copy_listed_by_ftrace(const struct outline_copy *c, bool has_mcount)
{
	return c->symbol && (!has_mcount || c->ftrace);
}

bool copy_attachable(const struct outline_copy *c, bool has_mcount)
{
	return copy_listed_by_ftrace(c, has_mcount) && !c->nokprobe;
}

enum blind_spot classify_blind_spot(const struct function *fn,
				    bool has_mcount)
{
	bool plain = false, attachable = false;
	size_t i;

	for (i = 0; i < fn->ncopies; i++) {
		if (!fn->copies[i].symbol || fn->copies[i].clone)
			continue;
		plain = true;
		attachable |= copy_attachable(&fn->copies[i], has_mcount);
	}
	if (fn->status == STATUS_FULL || !plain)
		return BLIND_UNTRACEABLE;
	if (!attachable)
		return BLIND_NOT_ATTACHABLE;
	return fn->status == STATUS_PARTIAL ? BLIND_INCOMPLETE : BLIND_NONE;
}

static void count_blind_spot(struct summary *s, const struct function *fn)
{
	switch (fn->blind) {
	case BLIND_INCOMPLETE:
		s->blind_incomplete++;
		s->missed_inline_calls += fn->sites;
		break;
	case BLIND_UNTRACEABLE:
		s->blind_untraceable++;
		break;
	case BLIND_NOT_ATTACHABLE:
		s->blind_not_attachable++;
		break;
	case BLIND_NONE:
		break;
	}
}

void count_function(struct summary *s, const struct function *fn)
{
	count_blind_spot(s, fn);
	switch (fn->status) {
	case STATUS_PARTIAL:
		s->functions_partial++;
		s->functions_partial_cross_tu += fn->sites_cross_tu > 0;
		s->functions_partial_symtab += fn->in_symtab;
		s->functions_partial_ftrace += fn->ftrace;
		s->functions_partial_clone_only += !fn->plain_symbol;
		break;
	case STATUS_FULL:
		s->functions_full++;
		s->functions_full_cross_tu += fn->sites_cross_tu > 0;
		break;
	case STATUS_OUTLINE:
		s->functions_outline++;
		break;
	}
	s->inline_sites += fn->sites;
	s->inline_sites_cross_tu += fn->sites_cross_tu;
}

void count_decls(struct summary *s, const struct function *fn,
		 const uint8_t *seen)
{
	size_t i;

	for (i = 0; i < fn->ndecls; i++) {
		if (seen[i] == (DECL_SITE | DECL_CODE))
			s->decls_partial++;
		else if (seen[i] == DECL_SITE)
			s->decls_full++;
	}
}
