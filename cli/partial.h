/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A partial answer is never silent: what an input lacks (units skipped,
 * tables unread, inputs of a directory that failed, names refused) is
 * said on stderr by every command, and commands whose output goes into
 * the kernel refuse to write it unless the user accepts a partial one.
 */
#ifndef INLSCAN_PARTIAL_H
#define INLSCAN_PARTIAL_H

#include <stdbool.h>
#include <stddef.h>

#include "../report/render.h"

/*
 * Say on stderr, prefixed "inlscan CMD: ", every warning of every report
 * (the first few of each) and every skipped input; how many there were.
 */
size_t report_gaps(const char *cmd, const struct scan_results *res);

/*
 * For a kernel-bound command: true if the output may be written. With
 * gaps and without --allow-partial, says why not and what to do.
 */
bool partial_accepted(const char *cmd, size_t gaps, bool allow_partial);

#endif
