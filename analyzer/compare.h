/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Two builds side by side: what changed per function name (LTO vs
 * non-LTO, original vs patched), and what a binary-diff livepatch tool
 * cannot correlate by symbol name. Pure data in, data out.
 */
#ifndef INLSCAN_COMPARE_H
#define INLSCAN_COMPARE_H

#include "model.h"
#include "tracer.h"

/* One name that differs between the builds; old or new may be NULL. */
struct function_change {
	const char *name;
	const struct function *old, *new;
	bool status_changed, sites_changed, renamed;
};

struct comparison {
	struct function_change *changes;	/* sorted by name */
	size_t nchanges;
	size_t new_partial;	/* partial now, not before */
	size_t new_full;	/* full now, not before */
	size_t renamed;		/* out-of-line symbols renamed */
};

void compare_reports(const struct report *old, const struct report *new,
		     struct comparison *out);
void comparison_free(struct comparison *c);

/* A directory's groups in both builds (zeroes where one has none). */
struct dir_pair {
	const char *dir;
	struct dir_group old, new;
};

size_t compare_dirs(struct report *old, struct report *new,
		    unsigned int depth, struct dir_pair **out);

enum rename_kind {
	RENAME_HASH_CHANGED,	/* foo.llvm.1 -> foo.llvm.2 */
	RENAME_SUFFIX_APPEARED,	/* foo -> foo.llvm.2 */
	RENAME_SUFFIX_VANISHED,	/* foo.llvm.1 -> foo */
	RENAME_GONE,		/* foo.llvm.1 -> nothing of that base */
	RENAME_NEW,		/* nothing -> foo.llvm.2 */
};

/* Symbols of one base name that a tool matching by name cannot pair. */
struct symbol_rename {
	enum rename_kind kind;
	const struct image_symbol *old, *new;	/* the pair, if certain */
	bool certain;		/* one candidate on each side */
	const struct image_symbol **old_candidates, **new_candidates;
	size_t nold, nnew;
};

struct changed_function {
	const char *name;
	const struct function *old, *new;
	bool named;		/* given with --changed */
	uint64_t old_size, new_size;	/* of the plain-named copy */
	struct carrier *carriers;	/* in the new build */
	size_t ncarriers;
};

struct carrier {
	const char *function;	/* the container holding the code */
	size_t sites;
	bool cross_tu;
};

struct livepatch_view {
	struct symbol_rename *renames;
	size_t nrenames;
	struct changed_function *changed;
	size_t nchanged;
};

/*
 * Renames need both reports' symbol lists; carriers need new's site
 * lists. names: functions the patch changes (sorted), to which every name
 * whose plain-named copy changed size is added.
 */
void livepatch_compare(const struct report *old, const struct report *new,
		       const char *const *names, size_t nnames,
		       struct livepatch_view *out);
void livepatch_free(struct livepatch_view *v);

#endif
