/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The report model: everything every output format renders, computed once
 * by the analyzer. It owns its strings; the DWARF records can be freed.
 */
#ifndef INLSCAN_MODEL_H
#define INLSCAN_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../common/records.h"
#include "../common/strpool.h"

/*
 * Each classification once: X(constant, name in reports and on the
 * command line). report/common.c derives the names and their reverse.
 */
#define FN_STATUSES(X) \
	X(STATUS_PARTIAL, "partial") \
	X(STATUS_FULL, "full") \
	X(STATUS_OUTLINE, "outline")

/* SCOPE_NONE (outline: no sites) has no name */
#define FN_SCOPES(X) \
	X(SCOPE_NONE, NULL) \
	X(SCOPE_SAME_TU, "same_tu") \
	X(SCOPE_CROSS_TU, "cross_tu") \
	X(SCOPE_BOTH, "both")

/*
 * What a tracer attached by name misses (docs/definitions.md): nothing
 * (outline and attachable); calls inlined beside an attachable copy;
 * no copy under the plain name (full, or only clones and suffixed
 * names); a plain copy without ftrace entry, or nokprobe.
 */
#define BLIND_SPOTS(X) \
	X(BLIND_NONE, NULL) \
	X(BLIND_INCOMPLETE, "incomplete") \
	X(BLIND_UNTRACEABLE, "untraceable") \
	X(BLIND_NOT_ATTACHABLE, "not_attachable")

#define ENUM_CONSTANT(constant, name) constant,
enum fn_status { FN_STATUSES(ENUM_CONSTANT) };
enum fn_scope { FN_SCOPES(ENUM_CONSTANT) };
enum blind_spot { BLIND_SPOTS(ENUM_CONSTANT) };
#undef ENUM_CONSTANT

/* Why a probe point is refused; NULL when usable. */
#define REFUSED_NO_SYMBOL "no_symbol"	/* no FUNC symbol holds the entry */
#define REFUSED_NO_MCOUNT "no_mcount"	/* its function has no ftrace entry */
#define REFUSED_INIT_TEXT "init_text"	/* __init code, freed after boot */

static inline bool refused_is(const char *refused, const char *code)
{
	return refused && !strcmp(refused, code);
}

struct decl {
	const char *file;	/* NULL when DWARF gives none */
	uint32_t line;
	bool external;
};

/* One out-of-line instance, once per ELF symbol found at its code. */
struct outline_copy {
	const char *symbol;	/* NULL: no symbol at this address */
	const char *clone;	/* NULL, "isra", "constprop.isra", "llvm", ... */
	const char *tu;
	uint64_t address;
	uint64_t size;
	bool ftrace;		/* an mcount entry lies in its code */
	const char *nokprobe;	/* NULL, "_kprobe_blacklist", ".noinstr.text"... */
	bool data_ref;		/* its address is stored in the image's data */
	bool init;		/* __init code: freed after boot */
	bool name_shared;	/* vmlinux: kallsyms holds the name twice */
	const char *ftrace_name; /* the name ftrace lists at this address,
				  * when another symbol's; else NULL */
};

struct inline_site {
	const char *caller;
	const char *container;
	const char *tu;		/* TU of the container */
	const char *call_file;
	uint32_t call_line;
	bool cross_tu;
	uint64_t entry;
	const char *probe_symbol; /* FUNC symbol holding entry, or NULL */
	uint64_t probe_offset;
	const char *refused;	/* REFUSED_*, a nokprobe reason, or NULL */
};

struct function {
	const char *name;
	enum fn_status status;
	enum fn_scope scope;
	size_t sites, sites_same_tu, sites_cross_tu;
	struct decl *decls;
	size_t ndecls;
	struct outline_copy *copies;
	size_t ncopies;
	struct inline_site *site_list; /* only with want_sites */
	size_t nsite_list;
	bool in_symtab;		/* a FUNC symbol whose base name is name */
	bool plain_symbol;	/* some copy's symbol is exactly name */
	bool ftrace;		/* some copy is ftrace-attachable */
	enum blind_spot blind;
	size_t direct_calls;	/* call sites whose callee is this name */
	uint64_t inlined_bytes;	/* code of all its inline sites */
	bool exported;		/* EXPORT_SYMBOL, or a shared object's API */
};

/* What DWARF says lives at a symbol's address. */
struct symbol_owner {
	const char *name;	/* the function or variable, NULL if none */
	const char *decl_file;
	uint32_t decl_line;
	const char *tu;
};

/* A FUNC or OBJECT symbol of the image, with its DWARF owner. */
/* What a function's code refers to at one relocation (dwarf/code.h). */
struct code_reference {
	const char *target;	/* interned: symbol, string or section */
	int64_t delta;
	uint32_t offset, type;
	uint8_t kind;		/* enum code_target */
};

struct image_symbol {
	const char *name;
	const char *base;	/* name without .llvm.N / .lto_priv.N */
	bool is_func;
	uint64_t address, size;
	struct symbol_owner owner;
	/* with code fingerprints (diff --livepatch on ELF files) */
	bool has_code;
	uint64_t code_hash;
	const unsigned char *code;	/* size bytes, into report.code */
	struct code_reference *refs;
	size_t nrefs;
};

struct suffixed_symbol {
	const char *symbol;
	const char *base;
	bool is_func;
	bool base_unique;	/* no other symbol with this base name */
	bool base_plain;	/* a symbol named exactly base exists */
	uint64_t address;
	struct symbol_owner owner;
};

struct summary {
	size_t functions_partial, functions_full, functions_outline;
	size_t inline_sites, inline_sites_cross_tu;
	size_t inline_sites_discarded;	/* in code the linker dropped */
	size_t inline_sites_split_parts; /* a split function's body
					  * inlined back: not a call */
	size_t functions_partial_cross_tu, functions_full_cross_tu;
	size_t decls_partial, decls_full;
	size_t functions_partial_symtab;
	size_t functions_partial_ftrace; /* valid if has_ftrace */
	size_t functions_partial_clone_only;
	size_t unresolved_refs;
	size_t blind_incomplete, blind_untraceable, blind_not_attachable;
	size_t missed_inline_calls;	/* sites of incomplete names */
	size_t call_sites_direct, call_sites_indirect;
	size_t subprograms_with_code, subprograms_all_calls;
	bool has_ftrace;
};

/* The running kernel's ftrace listing against the image's table. */
struct runtime_view {
	const char *tracefs;	/* where it was read */
	size_t listed;		/* copies ftrace lists */
	const char **offline_only;	/* the table has them, ftrace not */
	size_t noffline_only;
	const char **runtime_only;	/* ftrace lists them, the table not */
	size_t nruntime_only;
};

struct report {
	struct strpool strings;
	const char *path;
	const char *build_id;
	const char *machine;
	const char *elf_type;
	const char *lto;
	const char **producers;
	size_t nproducers;
	unsigned int *dwarf_versions;
	size_t ndwarf_versions;
	size_t units;
	bool is_kernel;
	bool sites_listed;	/* site_list filled (scan --sites) */
	bool has_code;		/* symbols carry code fingerprints */
	/* outline functions are listed: always from an ELF file, from a
	 * REPORT.json only if written with --all */
	bool outline_listed;
	unsigned char *code;	/* the functions' bytes, masked */
	struct summary summary;
	struct function *functions;	/* sorted by name, all statuses */
	size_t nfunctions;
	struct suffixed_symbol *suffixed;
	size_t nsuffixed;
	struct image_symbol *symbols;	/* by address; empty from a JSON
					 * report written without --all */
	size_t nsymbols;
	struct load_segment *segments;	/* executable PT_LOADs */
	size_t nsegments;
	uint64_t text_base;	/* vmlinux: _text, a unique probe anchor */
	bool has_text_base;
	struct runtime_view *runtime;	/* --kernel with tracefs; or NULL */
	const char **warnings;
	size_t nwarnings;
};

void report_free(struct report *r);

#endif
