/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_JSON_FUNCTIONS_H
#define INLSCAN_JSON_FUNCTIONS_H

#include <stdio.h>

#include "../analyzer/model.h"
#include "render.h"

/*
 * The "functions" array of a report, indented by indent spaces, written
 * by opts->jobs threads into ordered buffers: the same bytes for any
 * number. Returns 0, or -1 if writing failed.
 */
int json_write_functions(FILE *out, const struct report *r,
			 const struct render_opts *opts, int indent);

struct json_writer;
/* A function object's members, as in the functions array. */
void jw_function_members(struct json_writer *w, const struct function *fn,
			 bool has_ftrace, bool sites);

#endif
