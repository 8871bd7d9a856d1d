/* SPDX-License-Identifier: GPL-2.0-only */
/* Suffix lists and build diffs, as text or JSON. */
#ifndef INLSCAN_REPORT_COMPARE_H
#define INLSCAN_REPORT_COMPARE_H

#include <stdbool.h>
#include <stdio.h>

#include "../analyzer/compare.h"
#include "json_writer.h"
#include "render.h"

int render_suffixes(FILE *out, const struct report *r,
		    enum json_style json);

struct diff_view {
	struct report *old, *new;
	struct comparison cmp;
	struct dir_pair *dirs;	/* with by_dir >= 0 */
	size_t ndirs;
	int by_dir;
};

int render_diff(FILE *out, const struct diff_view *d,
		enum json_style json);

/* Shared with livepatch.c: "func" or "object"; name file:line (TU t). */
const char *symbol_kind_word(bool is_func);
void print_symbol_owner(FILE *out, const struct symbol_owner *o);
/* key: the input object of a build */
void jw_build(struct json_writer *w, const char *key, const struct report *r);

#endif
