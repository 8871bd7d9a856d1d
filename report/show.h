/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_REPORT_SHOW_H
#define INLSCAN_REPORT_SHOW_H

#include <stdio.h>

#include "render.h"
#include "tracer.h"

/* One function of one report, with its probe points (set.n of them). */
struct show_item {
	struct probe_set set;
};

/*
 * Each item's story as text (probe lines in style's format) or JSON: the
 * function as scan --sites writes it, plus the calls a trace sees and
 * its probe points. Returns 0 or -1.
 */
int render_show(FILE *out, const struct show_item *items, size_t n,
		const struct probe_style *style, enum json_style json);

#endif
