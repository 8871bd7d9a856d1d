/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Deterministic parallel analysis of one image, knowing nothing of what
 * the analysis does with a DIE: names are split by a hash of their text
 * into one partition per thread; one pass over the records lists the
 * DIEs each partition follows to their root, in DIE order, so that a
 * partition builds a function exactly as a single thread would. After,
 * the partitions' functions are merged by name and the symbols they
 * claim settled by rank.
 */
#ifndef INLSCAN_PARTITION_H
#define INLSCAN_PARTITION_H

#include "../common/records.h"
#include "join.h"
#include "model.h"

/* More would not be faster; a partition index fits a byte. */
#define MAX_PARTITIONS 64

/* A DIE the analysis follows to its root, and its unit. */
struct followed {
	uint32_t id, unit;
};

struct slice;

struct partitions {
	const struct image_rec *img;
	struct join *join;
	/* by global id: the partition + 1 of a named DIE; NULL: one */
	uint8_t *name_part;
	struct slice *slices;	/* one per partition */
	unsigned int n;
};

/*
 * n threads read a slice of units each and list the DIEs each partition
 * follows; after it, every root the analysis follows is known.
 */
void partitions_list(struct partitions *pt, const struct image_rec *img,
		     struct join *join, unsigned int n);
void partitions_free(struct partitions *pt);

/* Partition p's sites and code, in DIE order. */
void partition_follow(const struct partitions *pt, unsigned int p,
		      void (*visit)(void *ctx, const struct followed *f,
				    const struct die_rec *d),
		      void *ctx);
/* Partition p's direct calls, in DIE order. */
void partition_calls(const struct partitions *pt, unsigned int p,
		     void (*visit)(void *ctx, uint32_t id), void *ctx);
size_t partitions_indirect_calls(const struct partitions *pt);
/* The units partition p reads for the things not listed by name. */
void partition_units(const struct partitions *pt, unsigned int p,
		     uint32_t *first, uint32_t *end);

/*
 * A copy's symbol is owned by the copy's function, an OBJECT symbol by
 * the static variable at its address. Should two claim one symbol, the
 * last in a single thread's order keeps it: functions before variables;
 * the function named first by the later DIE, then its later instance;
 * the later variable.
 */
struct owner_claim {
	size_t sym;
	uint64_t rank;		/* claim_rank(): the highest keeps it */
	struct symbol_owner owner;
};

/* by: the function's first DIE, or the variable; seq: in its partition */
uint64_t claim_rank(bool variable, uint32_t by, size_t seq);

struct partition_result {
	struct function *functions;	/* sorted by name */
	size_t nfunctions;
	const struct owner_claim *claims;
	size_t nclaims;
};

/*
 * The n partitions' functions, each sorted by name, into one array in
 * name order (n threads); parts[0]'s array is reused for one partition.
 * Never NULL, even empty.
 */
struct function *partitions_merge(const struct partition_result *parts,
				  unsigned int n, size_t *nfunctions);
/* Every claimed symbol's owner, by the claims' ranks. */
void partitions_settle_claims(const struct partition_result *parts,
			      unsigned int n, struct image_symbol *symbols,
			      size_t nsymbols);

#endif
