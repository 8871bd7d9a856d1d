/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_RENDER_H
#define INLSCAN_RENDER_H

#include <stdio.h>

#include "../analyzer/model.h"
#include "../analyzer/summary.h"
#include "../analyzer/tracer.h"

#define INLSCAN_VERSION "0.1.0"
#define INLSCAN_SCHEMA "inlscan/1"

/* How JSON is written: not at all (text), compact, or indented (-p). */
enum json_style { JSON_STYLE_OFF, JSON_STYLE_COMPACT, JSON_STYLE_PRETTY };

struct render_opts {
	bool sites;		/* list every inline site */
	bool outline;		/* list outline functions too */
	int top;		/* text: how many top functions */
	int by_dir;		/* group by this many directories, -1: no */
	int jobs;		/* threads writing one report's functions */
	bool pretty;		/* JSON indented */
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
const char *blind_spot_name(enum blind_spot blind);
/*
 * fn's status in build r, in words; for a name r does not have: "absent",
 * or "not listed" when r lists no outline functions (a report written
 * without --all), where it may be outline.
 */
const char *side_status(const struct function *fn, const struct report *r);
/* The reverse, for reports read back: unknown names as outline/none. */
enum fn_status status_of(const char *name);
enum fn_scope scope_of(const char *name);
enum blind_spot blind_spot_of(const char *name);
/* "complete", "partial" or "none": how many callers describe their calls */
const char *call_site_info(const struct summary *s);

/*
 * "a trace on md_run sees 3 of 7 calls" and its caveats, for one function
 * of r, in buf.
 */
void coverage_text(char *buf, size_t len, const struct report *r,
		   const struct function *fn);

/* Sum of the summaries of every report. */
void total_summary(const struct scan_results *res, struct summary *total);

#endif
