// SPDX-License-Identifier: GPL-2.0-only
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../common/util.h"
#include "render.h"

#define ENUM_NAME(constant, name) [constant] = name,
static const char *const status_names[] = { FN_STATUSES(ENUM_NAME) };
static const char *const scope_names[] = { FN_SCOPES(ENUM_NAME) };
static const char *const blind_spot_names[] = { BLIND_SPOTS(ENUM_NAME) };
#undef ENUM_NAME

/* The name at value in names (NULL for none), or fallback. */
static const char *name_in(const char *const *names, size_t n,
			   unsigned int value, const char *fallback)
{
	return value < n && names[value] ? names[value] : fallback;
}

/* The value named name in names, or fallback. */
static unsigned int value_in(const char *const *names, size_t n,
			     const char *name, unsigned int fallback)
{
	size_t i;

	for (i = 0; name && i < n; i++)
		if (names[i] && !strcmp(names[i], name))
			return (unsigned int)i;
	return fallback;
}

const char *status_name(enum fn_status status)
{
	return name_in(status_names, ARRAY_SIZE(status_names), status, "?");
}

const char *scope_name(enum fn_scope scope)
{
	return name_in(scope_names, ARRAY_SIZE(scope_names), scope, NULL);
}

const char *blind_spot_name(enum blind_spot blind)
{
	return name_in(blind_spot_names, ARRAY_SIZE(blind_spot_names), blind,
		       NULL);
}

const char *side_status(const struct function *fn, const struct report *r)
{
	if (fn)
		return status_name(fn->status);
	return r->outline_listed ? "absent" : "not listed";
}

enum fn_status status_of(const char *name)
{
	return value_in(status_names, ARRAY_SIZE(status_names), name,
			STATUS_OUTLINE);
}

enum fn_scope scope_of(const char *name)
{
	return value_in(scope_names, ARRAY_SIZE(scope_names), name,
			SCOPE_NONE);
}

enum blind_spot blind_spot_of(const char *name)
{
	return value_in(blind_spot_names, ARRAY_SIZE(blind_spot_names), name,
			BLIND_NONE);
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
