/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The livepatch view of two builds, original and patched: the symbols a
 * binary-diff tool (kpatch-build, klp-build) cannot correlate by name,
 * the functions it will find changed, found as it finds them (each
 * function's bytes and relocations compared), and why each changed, from
 * what inlscan knows: its own code, a changed function it carries
 * inline, an inlining decision that flipped, a reference to a renamed
 * symbol, or only a reference that moved. Pure data in, data out.
 */
#ifndef INLSCAN_LIVEPATCH_H
#define INLSCAN_LIVEPATCH_H

#include "model.h"

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

/*
 * Why a function changed: X(constant, name in reports). A changed
 * function has one or more; "code" is given when nothing else explains
 * the change, or the function is named with --changed. "line_number":
 * the code differs only in constants that moved with the function's
 * declaration (__LINE__ in WARN, BUG, pr_*).
 */
#define CHANGE_CAUSES(X) \
	X(CAUSE_CODE, "code") \
	X(CAUSE_CARRIES, "carries") \
	X(CAUSE_INLINING, "inlining") \
	X(CAUSE_LINE_NUMBER, "line_number") \
	X(CAUSE_RENAMED_REFERENCE, "renamed_reference") \
	X(CAUSE_LAYOUT, "layout")

#define CAUSE_CONSTANT(constant, name) constant,
enum change_cause { CHANGE_CAUSES(CAUSE_CONSTANT) NCAUSES };
#undef CAUSE_CONSTANT

const char *cause_name(enum change_cause cause);

struct change_reason {
	enum change_cause cause;
	/* carries: the function carried; inlining: the callee; renamed
	 * reference: the old name; layout: the section */
	const char *what;
	/* inlining: "inlined" or "called" (now); renamed reference: the
	 * new name; else NULL */
	const char *now;
	/* line number: the first line number in the code, then and now */
	uint64_t old_line, new_line;
};

struct carrier {
	const char *function;	/* the container holding the code */
	size_t sites;
	bool cross_tu;
};

struct changed_function {
	const char *name;	/* the symbol in the patched build */
	const char *function;	/* its function (DWARF), NULL if none */
	const struct function *old, *new;
	bool named;		/* given with --changed */
	uint64_t old_size, new_size;	/* of the symbol */
	struct change_reason *reasons;
	size_t nreasons;
	struct carrier *carriers;	/* in the new build */
	size_t ncarriers;
};

/* A function symbol in one build only. */
struct lone_function {
	const char *symbol;
	const char *function;	/* its DWARF function, or its base */
	/* that function in the other build (fully inlined there, say), or
	 * NULL if it has none of that name */
	const struct function *other;
};

struct status_flip {
	const char *name;
	enum fn_status old, new;
};

/* Two names that differ only in numbers (a counter or a line number). */
struct correlation_hazard {
	const char *old, *new;
};

struct livepatch_totals {
	size_t changed;
	size_t by_cause[NCAUSES];	/* functions with that cause */
	size_t only_renamed_reference;	/* would not change, names kept */
	size_t only_layout;
	size_t new_functions, gone_functions;
};

struct livepatch_view {
	bool binary;		/* code and relocations compared */
	struct symbol_rename *renames;
	size_t nrenames;
	struct correlation_hazard *hazards;
	size_t nhazards;
	struct changed_function *changed;	/* by name */
	size_t nchanged;
	struct lone_function *new_functions, *gone_functions;
	size_t nnew_functions, ngone_functions;
	struct status_flip *flips;
	size_t nflips;
	struct livepatch_totals totals;
};

/*
 * Renames need both reports' symbol lists; causes and carriers the site
 * lists; the binary comparison the symbols' code (report.has_code on
 * both). Without code, a function changed when its plain-named copy
 * changed size. names: functions the patch changes (sorted).
 */
void livepatch_compare(const struct report *old, const struct report *new,
		       const char *const *names, size_t nnames,
		       struct livepatch_view *out);
void livepatch_free(struct livepatch_view *v);

#endif
