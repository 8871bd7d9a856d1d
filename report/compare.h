/* SPDX-License-Identifier: GPL-2.0-only */
/* Suffix lists, build diffs and the livepatch view, as text or JSON. */
#ifndef INLSCAN_REPORT_COMPARE_H
#define INLSCAN_REPORT_COMPARE_H

#include <stdbool.h>
#include <stdio.h>

#include "../analyzer/compare.h"

int render_suffixes(FILE *out, const struct report *r, bool json);

struct diff_view {
	struct report *old, *new;
	struct comparison cmp;
	struct dir_pair *dirs;	/* with by_dir >= 0 */
	size_t ndirs;
	int by_dir;
};

int render_diff(FILE *out, const struct diff_view *d, bool json);
int render_livepatch(FILE *out, const struct report *old,
		     const struct report *new,
		     const struct livepatch_view *v, bool json);

#endif
