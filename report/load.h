/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reading back what `inlscan scan --json` wrote, so a large image is walked
 * once and every other command can start from its report.
 */
#ifndef INLSCAN_LOAD_H
#define INLSCAN_LOAD_H

#include <stdbool.h>

#include "../analyzer/analyze.h"
#include "../analyzer/model.h"

/* Does path hold JSON rather than ELF (its first byte is '{')? */
bool report_file_is_json(const char *path);

/*
 * Append the reports in path (one, or every entry of a multi-input
 * document) to *reports; inline sites are decoded only for the functions
 * opts wants them for (analyze_wants_sites). Returns 0, or -1 with *err
 * set (caller frees).
 */
int report_load_json(const char *path, const struct analyze_opts *opts,
		     struct report ***reports, size_t *n, char **err);

#endif
