/* SPDX-License-Identifier: GPL-2.0-only */
/* Questions about the ELF symbols of an image, in DWARF address space. */
#ifndef INLSCAN_SYMBOLS_H
#define INLSCAN_SYMBOLS_H

#include "../common/records.h"
#include "model.h"

/* Index of the first symbol at addr (syms sorted by address), or nsyms. */
size_t syms_at(const struct image_rec *img, uint64_t addr);
/* The FUNC symbol whose code holds addr, preferring one named prefer. */
const struct sym_rec *syms_holding(const struct image_rec *img,
				   uint64_t addr, const char *prefer);
bool mcount_in(const struct image_rec *img, uint64_t start, uint64_t end);
/* Why kprobes refuse code at [start, end), or NULL if they do not. */
const char *nokprobe_in(const struct image_rec *img, uint64_t start,
			uint64_t end);
const char *nokprobe_name(enum nokprobe why);
/* Whether addr lies in __init code (freed after boot). */
bool in_init_text(const struct image_rec *img, uint64_t addr);
/* Name of sym without clone or .llvm. suffixes. */
const char *symbol_base(struct strpool *pool, const char *sym);
/* The base of "x.llvm.N" or "x.lto_priv.N", or NULL if not suffixed. */
const char *suffixed_base(struct strpool *pool, const char *sym);
/*
 * r->symbols[first, end) (allocated by the caller) from the image's
 * symbols, all but their owners; threads may fill slices at once.
 */
void list_symbols(const struct image_rec *img, struct report *r,
		  size_t first, size_t end);
/* A set of interned names: NULL in empty slots. */
struct name_set {
	const char **slots;
	size_t nslots;
};

bool name_set_has(const struct name_set *set, const char *name);
/*
 * r->symbols (but their owners) by n threads, and the set of the base
 * names of FUNC symbols, whose slots the caller frees.
 */
void list_image_symbols(const struct image_rec *img, struct report *r,
			unsigned int n, struct name_set *bases);
/* The clone kind of sym as a copy of name: NULL for an exact match. */
const char *clone_kind(struct strpool *pool, const char *sym,
		       const char *name);
/* r->suffixed from r->symbols. */
void find_suffixed(struct report *r);

#endif
