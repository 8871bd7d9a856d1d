/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What analyze.c, functions.c and copies.c share: one partition's state
 * while it builds functions. Private to the analysis.
 */
#ifndef INLSCAN_ANALYSIS_H
#define INLSCAN_ANALYSIS_H

#include "../common/records.h"
#include "analyze.h"
#include "join.h"
#include "model.h"
#include "partition.h"
#include "symbols.h"

/* Per-name accumulator, parallel to report.functions. */
struct name_acc {
	uint32_t created_by;	/* the DIE that named it first */
	uint32_t *instances;	/* global DIE ids */
	size_t ninstances, instances_cap;
	size_t sites_cap, decls_cap, copies_cap;
	uint8_t *decl_seen;	/* per fn->decls entry: DECL_SITE|DECL_CODE */
};

/* Interned decl files a partition remembers (see unit_file). */
#define FILE_MEMO 64

struct file_memo {
	uint32_t unit, off;
	const char *file;
};

/*
 * One partition's view: its own functions and counts (in r), the rest
 * shared. A single-threaded analysis is partition 0 of 1.
 */
struct analysis {
	const struct image_rec *img;
	const struct analyze_opts *opts;
	struct report *r;
	struct strpool *strings;	/* the final report's, shared */
	struct join *join;
	const struct partitions *parts;
	unsigned int partition;
	struct name_set bases;	/* FUNC symbols' base names */
	const struct image_symbol *symbols;	/* the final report's */
	struct owner_claim *claims;
	size_t nclaims, claims_cap;
	size_t fn_cap;
	struct name_acc *acc;
	const char **name_slots;	/* name -> function index + 1 */
	uint32_t *name_index;
	size_t name_nslots;
	/* interned DW_AT_name and decl file of root DIEs, by global id:
	 * any partition may fill them */
	const char **root_names, **root_files;
	/* by root global id, from collect() on: function index + 1 and
	 * that function's declaration index + 1 (0: not seen yet), in the
	 * partition that owns the root */
	uint32_t *root_fn, *root_decl;
	struct file_memo files[FILE_MEMO];
};

/* sym's name, interned by list_image_symbols() */
static inline const char *symbol_name(const struct analysis *a,
			       const struct sym_rec *sym)
{
	return a->symbols[sym - a->img->syms].name;
}


/* functions.c: the partition's functions by name, and roots' strings */
/* The index of name's function, or SIZE_MAX if it has none yet. */
size_t find_function(const struct analysis *a, const char *name);
/* A named root's function, created at its first site or instance id. */
size_t root_function(struct analysis *a, uint32_t root, const char *name,
		     uint32_t id);
/* Interned DW_AT_name and decl file of a root, or NULL. */
const char *root_name(struct analysis *a, uint32_t root);
const char *root_file(struct analysis *a, uint32_t root);
/* The root's declaration among fn_idx's, seen at a site or with code. */
void note_decl(struct analysis *a, size_t fn_idx, uint32_t root,
	       bool is_site);

/* copies.c: out-of-line copies and the symbols they own */
/* Name, declaration and TU of a root DIE, seen from where_unit. */
void root_owner(struct analysis *a, uint32_t root, uint32_t where_unit,
		struct symbol_owner *o);
/* Every symbol at the start of each of the instance's ranges. */
void match_instance(struct analysis *a, size_t fn_idx, uint32_t id);
/* OBJECT symbols at a static variable's address belong to it. */
void own_variables(struct analysis *a);
/* qsort order of copies: by address, then symbol */
int compare_copies(const void *x, const void *y);

#endif
