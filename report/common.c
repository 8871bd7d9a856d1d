// SPDX-License-Identifier: GPL-2.0-only
#include <stddef.h>
#include <stdio.h>
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

const char *blind_spot_name(enum blind_spot blind)
{
	switch (blind) {
	case BLIND_INCOMPLETE:
		return "incomplete";
	case BLIND_UNTRACEABLE:
		return "untraceable";
	case BLIND_NOT_ATTACHABLE:
		return "not_attachable";
	case BLIND_NONE:
		break;
	}
	return NULL;
}

const char *call_site_info(const struct summary *s)
{
	/* -O0 marks call-free functions as fully described: not evidence */
	if (s->subprograms_all_calls >= s->subprograms_with_code)
		return "complete";
	if (!s->call_sites_direct && !s->call_sites_indirect)
		return "none";
	return "partial";
}

void coverage_text(char *buf, size_t len, const struct report *r,
		   const struct function *fn)
{
	const char *info = call_site_info(&r->summary);
	size_t calls = fn->direct_calls + fn->sites;

	if (!strcmp(info, "none"))
		snprintf(buf, len,
			 "inlined at %zu sites; direct calls unknown: no DW_TAG_call_site in this build",
			 fn->sites);
	else if (!fn->ncopies)
		snprintf(buf, len,
			 "a trace by name sees none of its %zu inlined calls",
			 fn->sites);
	else
		snprintf(buf, len,
			 "a trace on its out-of-line %s sees %s%zu of %s%zu calls (%zu inlined)%s",
			 fn->ncopies > 1 ? "copies" : "copy",
			 strcmp(info, "complete") ? ">= " : "",
			 fn->direct_calls,
			 strcmp(info, "complete") ? ">= " : "", calls,
			 fn->sites,
			 r->summary.call_sites_indirect
				 ? "; indirect calls not counted" : "");
}

void total_summary(const struct scan_results *res, struct summary *t)
{
	size_t i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < res->nreports; i++) {
		if (!res->reports[i])
			continue;
		summary_add(t, &res->reports[i]->summary);
	}
}
