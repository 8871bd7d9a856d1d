/* SPDX-License-Identifier: GPL-2.0-only */
/* What the livepatch view pairs between two builds (livepatch.c). */
#ifndef INLSCAN_CORRELATE_H
#define INLSCAN_CORRELATE_H

#include "livepatch.h"

/* Old name -> new name, for the names a tool pairs only with help. */
struct name_pair {
	const char *old, *new;
};

struct correlation {
	struct name_pair *v;
	size_t n, cap;
};

/* What old is called in the new build: itself unless paired. */
const char *correlate(const struct correlation *c, const char *old);
/*
 * c: out's certain renames and the names that differ only in numbers
 * (added to out->hazards), old -> new; rev the other way round.
 */
void build_correlation(const struct report *old, const struct report *new,
		       struct correlation *c, struct correlation *rev,
		       struct livepatch_view *out);

/* Function symbols of one build, by name, then TU and file. */
struct func_index {
	const struct image_symbol **v;
	size_t n;
};

void index_functions(const struct report *r, struct func_index *ix);
/*
 * Each old function symbol's counterpart in the new build (index into
 * new_ix, or new_ix->n): by name through c; where a name is several
 * symbols (statics of many TUs), by TU and declaring file, then in
 * order. One to one; caller frees.
 */
size_t *pair_functions(const struct func_index *old_ix,
		       const struct func_index *new_ix,
		       const struct correlation *c);

/*
 * a and b refer to the same targets at the same places: exactly, or
 * with mapped through c; any_offset: a section's offset may differ.
 */
bool same_refs(const struct image_symbol *a, const struct image_symbol *b,
	       const struct correlation *c, bool mapped, bool any_offset);
/* The same, and the same bytes. */
bool same_code(const struct image_symbol *a, const struct image_symbol *b,
	       const struct correlation *c, bool mapped, bool any_offset);
/*
 * a and b differ only in constants that moved by as many lines as the
 * function's declaration did (__LINE__ in WARN); the first such pair.
 */
bool only_line_numbers(const struct image_symbol *a,
		       const struct image_symbol *b, uint64_t *was,
		       uint64_t *now);

#endif
