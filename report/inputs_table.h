/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_INPUTS_TABLE_H
#define INLSCAN_INPUTS_TABLE_H

#include <stdio.h>

#include "render.h"

/*
 * Several inputs as text: one line each (partial, full, sites, cross-TU
 * sites, deny-list size), most partial first, top of them (<= 0: all),
 * then the sums and the distinct names. Returns 0 or -1.
 */
int render_inputs_table(FILE *out, const struct scan_results *res, int top);

#endif
