/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_HTML_H
#define INLSCAN_HTML_H

#include <stdio.h>

#include "../analyzer/model.h"

/*
 * One self-contained page: headline figures, partial and full functions
 * by declaration directory and the distribution of sites per function as
 * inline SVG, and a sortable, filterable table; with old, the two builds
 * side by side. No network, no external assets.
 */
int render_html(FILE *out, struct report *r, struct report *old,
		unsigned int depth);

#endif
