// SPDX-License-Identifier: GPL-2.0-only
#include "partial.h"

#include <stdio.h>

#include "../report/escape.h"
#include "output.h"

/* Enough to see what went wrong without burying the terminal. */
#define WARNINGS_SHOWN 5

static void report_warnings(const char *cmd, const struct report *r)
{
	size_t i;

	for (i = 0; i < r->nwarnings && i < WARNINGS_SHOWN; i++)
		cli_err(cmd, "warning: %s",
			shown(r->warnings[i]));
	if (r->nwarnings > WARNINGS_SHOWN)
		cli_err(cmd, "warning: %zu more in %s ('inlscan scan' lists them all)",
			r->nwarnings - WARNINGS_SHOWN, shown(r->path));
}

size_t report_gaps(const char *cmd, const struct scan_results *res)
{
	size_t i, gaps = res->nskipped;

	for (i = 0; i < res->nreports; i++) {
		if (!res->reports[i])
			continue;
		report_warnings(cmd, res->reports[i]);
		gaps += res->reports[i]->nwarnings;
	}
	return gaps;
}

bool partial_accepted(const char *cmd, size_t gaps, bool allow_partial)
{
	if (!gaps || allow_partial)
		return true;
	cli_err(cmd, "nothing written: the answer would be incomplete (%zu problem%s above); fix the input, or pass --allow-partial to write what was found",
		gaps, gaps == 1 ? "" : "s");
	return false;
}
