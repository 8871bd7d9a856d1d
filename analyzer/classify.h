/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The rules that classify one function, once its sites and copies are
 * gathered: pure functions of the function (and whether the image has an
 * ftrace table), with no knowledge of how the analysis found them.
 */
#ifndef INLSCAN_CLASSIFY_H
#define INLSCAN_CLASSIFY_H

#include <stdint.h>

#include "model.h"

/* How a declaration of a function was met: at a site, with code. */
enum decl_seen {
	DECL_SITE = 1,
	DECL_CODE = 2,
};

/* partial, full or outline, and same_tu, cross_tu or both. */
void classify_status(struct function *fn);

/* The name ftrace lists for the copy's address: another symbol's, or its. */
const char *copy_ftrace_name(const struct outline_copy *c);
/* available_filter_functions lists the copy (every copy without table). */
bool copy_listed_by_ftrace(const struct outline_copy *c, bool has_mcount);
/* Listed by ftrace and accepted by kprobes. */
bool copy_attachable(const struct outline_copy *c, bool has_mcount);

/* Judged on the copies a tracer reaches by the function's plain name. */
enum blind_spot classify_blind_spot(const struct function *fn,
				    bool has_mcount);

/* fn's share of the summary's per-function counters. */
void count_function(struct summary *s, const struct function *fn);
/* The finer view: per (name, decl file, decl line); seen per decl. */
void count_decls(struct summary *s, const struct function *fn,
		 const uint8_t *seen);

#endif
