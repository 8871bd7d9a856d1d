/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_RENDER_H
#define INLSCAN_RENDER_H

#include <stdio.h>

#include "../analyzer/model.h"

#define INLSCAN_VERSION "0.1.0"
#define INLSCAN_SCHEMA "inlscan/1"

struct render_opts {
	bool sites;		/* list every inline site */
	bool outline;		/* list outline functions too */
	int top;		/* text: how many top functions */
};

/* A failed input, reported beside the others. */
struct skipped_input {
	const char *path;
	const char *error;
};

struct scan_results {
	struct report **reports;	/* NULL where the input failed */
	size_t nreports;
	struct skipped_input *skipped;
	size_t nskipped;
};

int render_json(FILE *out, const struct scan_results *res,
		const struct render_opts *opts);
int render_text(FILE *out, const struct scan_results *res,
		const struct render_opts *opts);

const char *status_name(enum fn_status status);
const char *scope_name(enum fn_scope scope);
/* Sum of the summaries of every report. */
void total_summary(const struct scan_results *res, struct summary *total);

#endif
