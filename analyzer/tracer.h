/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What tracer users act on, selected from report models: deny-lists of
 * symbols whose trace is incomplete, every probe point of a function, and
 * blind spots grouped by source directory. Pure data in, data out.
 */
#ifndef INLSCAN_TRACER_H
#define INLSCAN_TRACER_H

#include "model.h"

enum scope_filter {
	SCOPE_FILTER_ANY,
	SCOPE_FILTER_SAME_TU,	/* only same-TU sites */
	SCOPE_FILTER_CROSS_TU,	/* some cross-TU site (what LTO added) */
};

struct deny_filter {
	size_t min_sites;
	enum scope_filter scope;
	const char *dir;	/* declaration file prefix, or NULL */
	const char *glob;	/* symbols matching this fnmatch glob, or NULL */
};

/* One symbol a trace on which misses inlined calls. */
struct deny_entry {
	const char *symbol;	/* as ftrace lists the address */
	const char *module;	/* kernel module name, NULL for vmlinux */
	const struct function *fn;
	bool init;		/* __init code: gone after boot */
};

/* Sorted by module then symbol, each once; caller frees *out. */
size_t denylist_select(struct report *const *reports, size_t nreports,
		       const struct deny_filter *filter,
		       struct deny_entry **out);

/* A symbol a tracer attaches to by name: a line of a probe list. */
struct attach_point {
	const char *symbol;
	const char *module;	/* kernel module name, NULL for vmlinux */
	struct report *r;
};

/*
 * Every copy a probe attaches to by name (a symbol ftrace lists, that
 * kprobes take and that outlives boot) matching filter->glob, leaving out
 * the deny-list deny (as denylist_select sorts it). Sorted, each once;
 * caller frees *out.
 */
size_t attach_points_select(struct report *const *reports, size_t nreports,
			    const char *glob, const struct deny_entry *deny,
			    size_t ndeny, struct attach_point **out);

/* The module name of a kernel module report ("af_key"), else NULL. */
const char *report_module_name(struct report *r);

enum probe_kind {
	PROBE_ENTRY,		/* an out-of-line copy's entry */
	PROBE_INLINE,		/* an inline site's entry */
};

struct probe_point {
	const struct function *fn;
	enum probe_kind kind;
	const char *symbol;	/* NULL: no symbol holds the address */
	uint64_t offset;
	uint64_t address;
	const char *refused;	/* REFUSED_*, a nokprobe reason, or NULL */
	const struct inline_site *site;	/* PROBE_INLINE only */
};

/* Every place fn's code runs; caller frees *out. */
size_t probe_points(const struct report *r, const struct function *fn,
		    struct probe_point **out);

/* The function called name, or NULL. */
const struct function *report_function(const struct report *r,
				       const char *name);

/* A glob for fnmatch, as opposed to a name. */
bool is_glob(const char *pattern);
/*
 * The functions of r that patterns name: a function's name, an fnmatch
 * glob over function names and their copies' symbols, or the symbol of
 * a copy (a clone such as
 * folio_put.constprop.0, a suffixed foo.llvm.123). Sorted by name, each
 * once; caller frees *out. *unmatched: a pattern that names nothing in
 * r, or NULL.
 */
size_t select_functions(const struct report *r,
			const char *const *patterns, size_t npatterns,
			const struct function ***out,
			const char **unmatched);

struct dir_group {
	const char *dir;
	size_t partial, full;
	size_t incomplete, untraceable, not_attachable;
	size_t sites, missed_calls;
};

/* "drivers/md/md.c" at depth 2 is "drivers/md"; depth 0 is the file. */
const char *dir_of(struct strpool *pool, const char *file,
		   unsigned int depth);

/* Names grouped by the first depth directories of their declaration. */
size_t group_by_dir(struct report *r, unsigned int depth,
		    struct dir_group **out);

#endif
