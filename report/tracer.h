/* SPDX-License-Identifier: GPL-2.0-only */
/* Deny-lists and probe lists in the formats tracers read. */
#ifndef INLSCAN_REPORT_TRACER_H
#define INLSCAN_REPORT_TRACER_H

#include <stdbool.h>
#include <stdio.h>

#include "../analyzer/tracer.h"

enum deny_format {
	DENY_FTRACE,		/* set_ftrace_notrace: sym, sym:mod:MOD */
	DENY_RETSNOOP,		/* retsnoop -d @file: a name per line */
	DENY_BPFTRACE,		/* a probe list without the deny-list */
	DENY_PLAIN,		/* as available_filter_functions: sym [MOD] */
	DENY_JSON,
};

enum probe_format {
	PROBES_KPROBE,		/* kprobe_events lines */
	PROBES_UPROBE,		/* uprobe_events lines: /path:0xoffset */
	PROBES_PERF,		/* perf probe commands */
	PROBES_BPFTRACE,	/* a script counting every call */
	PROBES_JSON,
};

/* One requested function of one report, with its probe points. */
struct probe_set {
	struct report *r;
	const struct function *fn;
	struct probe_point *points;
	size_t n;
};

int parse_deny_format(const char *s, enum deny_format *f);
int parse_probe_format(const char *s, enum probe_format *f);

/*
 * Why e cannot be written into a kernel file or tracer script (its name
 * holds what the grammar gives a meaning), or NULL. Renderers leave such
 * entries out; the caller says so.
 */
const char *deny_refusal(const struct deny_entry *e);
/* A deny-list and, for bpftrace, the probe list it leaves of a glob. */
struct deny_view {
	const struct deny_entry *entries;
	size_t n;
	const char *glob;
	const struct attach_point *points;
	size_t npoints;
};

/* pretty: JSON indented */
int render_denylist(FILE *out, const struct deny_view *v,
		    enum deny_format format, bool pretty);
struct probe_style {
	enum probe_format format;
	bool bpftrace_offsets;	/* bpftrace can probe inside a function */
	bool pretty;		/* JSON indented */
};

int render_probes(FILE *out, const struct probe_set *sets, size_t nsets,
		  const struct probe_style *style);

struct json_writer;
/* Point i of s as probes --json writes it. */
void jw_probe_point(struct json_writer *w, const struct probe_set *s,
		    size_t i);

#endif
