/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The slides' --consistent-inlining, priced: for each partial function,
 * the text-size change of inlining it at every call (dropping the copy
 * where nothing pins it) and of inlining it nowhere. docs/whatif.md has
 * the model and its limits. Pure data in, data out.
 */
#ifndef INLSCAN_WHATIF_H
#define INLSCAN_WHATIF_H

#include "model.h"

enum whatif_choice {
	WHATIF_EVERYWHERE,
	WHATIF_NOWHERE,
};

struct whatif_row {
	const struct function *fn;
	uint64_t copy_bytes;	/* out-of-line copies, once per address */
	size_t ncopies;
	uint64_t avg_inline;	/* inlined_bytes / sites, rounded */
	bool data_ref, pinned;	/* pinned: exported or data_ref */
	int64_t everywhere, nowhere;	/* bytes of text gained (+) or saved */
	enum whatif_choice choice;
};

struct whatif_totals {
	size_t functions, pinned, choose_everywhere, choose_nowhere;
	int64_t everywhere, nowhere, recommended;
};

struct whatif_dir {
	const char *dir;
	struct whatif_totals totals;
};

struct whatif {
	unsigned int call_bytes;	/* one call instruction */
	bool calls_exact;		/* call-site info complete */
	struct whatif_row *rows;	/* partial functions, by name */
	size_t nrows;
	struct whatif_totals total;
	struct whatif_dir *dirs;	/* with depth >= 0, by dir */
	size_t ndirs;
};

/* The size of a direct call on r's machine. */
unsigned int call_instruction_bytes(const char *machine);
void whatif_compute(struct report *r, int depth, struct whatif *out);
void whatif_free(struct whatif *w);

#endif
