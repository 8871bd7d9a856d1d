// SPDX-License-Identifier: GPL-2.0-only
/* The report's `input` block: producers, DWARF versions, LTO mode. */
#include "describe.h"

#include <stdlib.h>
#include <string.h>

#include "../common/util.h"

/* Without FUNC symbols every function would read as untraceable. */
static bool any_func_symbol(const struct image_rec *img)
{
	size_t i;

	for (i = 0; i < img->nsyms; i++)
		if (img->syms[i].kind == SYM_FUNC)
			return true;
	return false;
}

static const char *elf_type_name(enum elf_kind kind)
{
	switch (kind) {
	case ELF_KIND_REL:
		return "ET_REL";
	case ELF_KIND_EXEC:
		return "ET_EXEC";
	case ELF_KIND_DYN:
		return "ET_DYN";
	default:
		return "other";
	}
}

/* "GNU C11 12.2.0 -mno-sse -O2 ..." names the compiler before the flags. */
static const char *producer_identity(struct strpool *pool, const char *p)
{
	const char *flags = strstr(p, " -");

	return flags ? strpool_intern_len(pool, p, (size_t)(flags - p))
		     : strpool_intern(pool, p);
}

static int compare_uint(const void *x, const void *y)
{
	unsigned int a = *(const unsigned int *)x, b = *(const unsigned int *)y;

	return (a > b) - (a < b);
}

struct unit_facts {
	bool gcc_lto;		/* <artificial> units or -flto in a producer */
	bool clang;
	bool gcc;
	bool duplicate_names;	/* ThinLTO repeats units per importer */
};

static void add_unique_str(const char ***arr, size_t *n, size_t *cap,
			   const char *s)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if ((*arr)[i] == s)
			return;
	*ARRAY_PUSH(*arr, *n, *cap) = s;
}

static void add_unique_uint(unsigned int **arr, size_t *n, size_t *cap,
			    unsigned int v)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if ((*arr)[i] == v)
			return;
	*ARRAY_PUSH(*arr, *n, *cap) = v;
}

static void scan_units(const struct image_rec *img, const struct join *j,
		       struct report *r, struct unit_facts *f)
{
	const char **names = xcalloc(img->nunits, sizeof(char *));
	size_t i, n = 0, pcap = 0, vcap = 0;
	const char *prod;

	for (i = 0; i < img->nunits; i++) {
		prod = unit_str(&img->units[i], img->units[i].producer);
		if (*prod) {
			f->gcc_lto |= strstr(prod, " -flto") != NULL;
			f->clang |= strstr(prod, "clang") != NULL;
			f->gcc |= !strncmp(prod, "GNU ", 4);
			add_unique_str(&r->producers, &r->nproducers, &pcap,
				       producer_identity(&r->strings, prod));
		}
		add_unique_uint(&r->dwarf_versions, &r->ndwarf_versions, &vcap,
				img->units[i].version);
		if (j->unit_tu[i]) {
			f->gcc_lto |= !strcmp(j->unit_tu[i], "<artificial>");
			names[n++] = j->unit_tu[i];
		}
	}
	sort_array(names, n, sizeof(*names), compare_strings);
	for (i = 1; i < n; i++)
		f->duplicate_names |= names[i] == names[i - 1] &&
				      strcmp(names[i], "<artificial>");
	free(names);
	sort_array(r->producers, r->nproducers, sizeof(char *), compare_strings);
	sort_array(r->dwarf_versions, r->ndwarf_versions, sizeof(unsigned int),
	      compare_uint);
}

static bool has_llvm_suffix(const struct report *r)
{
	size_t i;

	for (i = 0; i < r->nsuffixed; i++)
		if (strstr(r->suffixed[i].symbol, ".llvm."))
			return true;
	return false;
}

/* The kernel's LTO note wins; otherwise guess from units and symbols. */
static const char *guess_lto(const struct image_rec *img,
			     const struct report *r,
			     const struct unit_facts *f)
{
	bool thin_signs = f->duplicate_names || has_llvm_suffix(r);

	if (img->lto_note == LTO_NOTE_OFF)
		return "none";
	if (img->lto_note == LTO_NOTE_CLANG)
		return thin_signs ? "thin" : "full";
	if (f->gcc_lto)
		return "gcc";
	if (f->clang && thin_signs)
		return "thin";
	if (f->clang && r->summary.inline_sites_cross_tu)
		return "full";
	if (f->clang || f->gcc)
		return "none";
	return "unknown";
}

void describe_input(const struct image_rec *img, const struct join *j,
		    struct report *r)
{
	struct unit_facts facts = { 0 };
	size_t i, cap = 0;

	r->path = strpool_intern(&r->strings, img->path);
	r->build_id = strpool_intern(&r->strings, img->build_id);
	r->machine = strpool_intern(&r->strings, img->machine);
	r->elf_type = elf_type_name(img->elf_kind);
	r->units = img->nunits;
	r->text_base = img->text_base;
	r->has_text_base = img->has_text_base;
	if (img->nsegments) {
		r->nsegments = img->nsegments;
		r->segments = xmalloc(img->nsegments * sizeof(*r->segments));
		memcpy(r->segments, img->segments,
		       img->nsegments * sizeof(*r->segments));
	}
	r->is_kernel = img->is_kernel;
	scan_units(img, j, r, &facts);
	r->lto = guess_lto(img, r, &facts);
	for (i = 0; i < img->nwarnings; i++)
		*ARRAY_PUSH(r->warnings, r->nwarnings, cap) =
			strpool_intern(&r->strings, img->warnings[i]);
	if (r->summary.subprograms_with_code && !any_func_symbol(img))
		*ARRAY_PUSH(r->warnings, r->nwarnings, cap) = strpool_intern(
			&r->strings,
			"functions have code but the image has no FUNC symbols (stripped .symtab?): no copy can be matched to a symbol, so they show as untraceable; scan the unstripped image or its debug file");
	if (r->summary.unresolved_refs)
		*ARRAY_PUSH(r->warnings, r->nwarnings, cap) = strpool_intern(
			&r->strings,
			"some DW_AT_abstract_origin/specification references point nowhere or loop; those DIEs count as their own roots");
}

void report_free(struct report *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->nfunctions; i++) {
		free(r->functions[i].decls);
		free(r->functions[i].copies);
		free(r->functions[i].site_list);
	}
	free(r->functions);
	free(r->suffixed);
	for (i = 0; i < r->nsymbols; i++)
		free(r->symbols[i].refs);
	free(r->code);
	free(r->symbols);
	free(r->producers);
	free(r->dwarf_versions);
	free(r->warnings);
	free(r->segments);
	if (r->runtime) {
		free(r->runtime->offline_only);
		free(r->runtime->runtime_only);
		free(r->runtime);
	}
	strpool_free(&r->strings);
	free(r);
}
