/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_REPORT_WHATIF_H
#define INLSCAN_REPORT_WHATIF_H

#include <stdbool.h>
#include <stdio.h>

#include "../analyzer/whatif.h"
#include "render.h"

int render_whatif(FILE *out, const struct report *r, const struct whatif *w,
		  int top, enum json_style json);

#endif
