/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Two builds side by side: what changed per function name (LTO vs
 * non-LTO, original vs patched). The livepatch view is livepatch.h.
 * Pure data in, data out.
 */
#ifndef INLSCAN_COMPARE_H
#define INLSCAN_COMPARE_H

#include "model.h"
#include "tracer.h"

/* One name that differs between the builds; old or new may be NULL. */
struct function_change {
	const char *name;
	const struct function *old, *new;
	bool status_changed, sites_changed, renamed;
};

struct comparison {
	struct function_change *changes;	/* sorted by name */
	size_t nchanges;
	size_t new_partial;	/* partial now, not before */
	size_t new_full;	/* full now, not before */
	size_t renamed;		/* out-of-line symbols renamed */
	/* names in one build only, where the other does not list outline
	 * functions (a REPORT.json without --all): outline there, or
	 * absent, cannot be told, so they are not compared */
	size_t not_compared;
};

void compare_reports(const struct report *old, const struct report *new,
		     struct comparison *out);
void comparison_free(struct comparison *c);

/* A directory's groups in both builds (zeroes where one has none). */
struct dir_pair {
	const char *dir;
	struct dir_group old, new;
};

size_t compare_dirs(struct report *old, struct report *new,
		    unsigned int depth, struct dir_pair **out);

#endif
