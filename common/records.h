/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the DWARF layer hands to the analyzer: plain data, no libdw types.
 * References are global .debug_info offsets so that units walked by
 * different threads can be joined afterwards.
 */
#ifndef INLSCAN_RECORDS_H
#define INLSCAN_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Set on offsets that live in the dwz alt file rather than the main file. */
#define REF_ALT (1ULL << 63)
/* No DIE starts at offset 0 (a unit header does), so 0 means "none". */
#define REF_NONE 0ULL
/* A reference libdw could not follow: no DIE has this offset, so the
 * analyzer counts it as unresolved instead of dropping it silently. */
#define REF_DANGLING (~REF_ALT - 1)

enum die_kind {
	DIE_SUBPROGRAM,
	DIE_INLINED,
	DIE_CALL_SITE,		/* origin: the callee, REF_NONE if indirect */
	DIE_VARIABLE,		/* static storage: entry is its address */
};

enum die_flag {
	DIE_DECLARATION = 1 << 0,
	DIE_EXTERNAL = 1 << 1,
	DIE_HAS_CODE = 1 << 2,	/* out-of-line code per SPEC.md */
	DIE_DISCARDED = 1 << 3, /* had pc attributes, all 0/tombstone */
	DIE_ALL_CALLS = 1 << 4,	/* subprogram: every call has a call site */
	DIE_INDIRECT = 1 << 5,	/* call site through a pointer */
	DIE_HAS_ENTRY = 1 << 6,	/* entry is an address in the code */
};

struct addr_range {
	uint64_t start;
	uint64_t end;
};

struct die_rec {
	uint64_t off;		/* this DIE, REF_ALT for the alt file */
	uint64_t origin;	/* DW_AT_abstract_origin target, else
				 * DW_AT_specification's: where the name
				 * and declaration come from */
	uint64_t entry;		/* entry_pc, else low_pc, else first range;
				 * call site: its return address */
	uint32_t name;		/* offsets into unit_rec.strings, 0: none */
	uint32_t decl_file;
	uint32_t call_file;
	uint32_t decl_line;
	uint32_t call_line;
	int32_t caller;		/* innermost enclosing function DIE, -1 */
	int32_t container;	/* outermost enclosing concrete subprogram */
	uint32_t first_range;	/* into unit_rec.ranges */
	uint32_t nranges;
	uint8_t kind;		/* enum die_kind */
	uint8_t flags;		/* enum die_flag */
};

struct unit_rec {
	uint64_t off;		/* unit header offset, REF_ALT for alt */
	uint32_t name;		/* DW_AT_name, 0 for none (dwz partial) */
	uint32_t producer;
	uint16_t version;
	bool partial;		/* DW_TAG_partial_unit */
	bool failed;		/* walk stopped early on bad DWARF */
	struct die_rec *dies;
	size_t ndies, dies_cap;
	struct addr_range *ranges;
	size_t nranges, ranges_cap;
	uint64_t *imports;	/* DW_TAG_imported_unit targets (unit DIEs) */
	size_t nimports, imports_cap;
	char *strings;		/* NUL-separated, offset 0 is "" */
	size_t strings_len, strings_cap;
};

/* Why the kernel refuses a kprobe in some code (kernel/kprobes.c). */
enum nokprobe {
	NOKPROBE_NONE,
	NOKPROBE_BLACKLIST,	/* NOKPROBE_SYMBOL: _kprobe_blacklist */
	NOKPROBE_KPROBES_TEXT,	/* __kprobes: .kprobes.text */
	NOKPROBE_NOINSTR_TEXT,	/* noinstr: .noinstr.text */
	NOKPROBE_ENTRY_TEXT,	/* x86 entry code: .entry.text */
	NOKPROBE_IRQENTRY_TEXT,	/* .irqentry.text */
};

enum sym_kind {
	SYM_FUNC,
	SYM_OBJECT,
};

struct sym_rec {
	char *name;
	uint64_t addr;
	uint64_t size;
	uint8_t kind;		/* enum sym_kind */
	uint8_t nokprobe;	/* enum nokprobe, from its section */
	bool global;
	bool weak;
	bool name_shared;	/* vmlinux: another symbol has this name */
	uint32_t ftrace_alias;	/* FUNC: 1 + the index of the symbol ftrace
				 * lists at this address when not this
				 * one, else 0 */
	bool data_ref;		/* FUNC: its address is stored in data */
	uint32_t elf_index;	/* in the main file's symbol table */
	/* FUNC, with scan_opts.want_code: its bytes and what they refer
	 * to (image_rec.code_refs[first_ref, first_ref + nrefs)) */
	bool has_code;
	uint64_t code_hash;	/* the bytes, relocated fields zeroed */
	uint64_t code_at;	/* those bytes in image_rec.code_bytes */
	uint32_t first_ref, nrefs;
};

/* What a relocation in a function's code refers to. */
enum code_target {
	CODE_TARGET_SYMBOL,	/* a named symbol; delta from its value */
	CODE_TARGET_STRING,	/* a merged string, by its bytes */
	CODE_TARGET_SECTION,	/* a place no symbol covers: section name */
};

struct code_ref {
	uint32_t offset;	/* in the function */
	uint32_t type;		/* the relocation type */
	uint8_t kind;		/* enum code_target */
	char *target;		/* symbol name, string, or section name */
	int64_t delta;		/* addend from the target's start */
};

enum elf_kind {
	ELF_KIND_REL,
	ELF_KIND_EXEC,
	ELF_KIND_DYN,
	ELF_KIND_OTHER,
};

/* A kernel's LTO ELF note (LINUX_ELFNOTE_LTO_INFO), when present. */
enum lto_note {
	LTO_NOTE_ABSENT = -1,
	LTO_NOTE_OFF = 0,
	LTO_NOTE_CLANG = 1,
};

struct nokprobe_range {
	uint64_t start, end;
	uint8_t why;		/* enum nokprobe */
};

/* An executable PT_LOAD: where its addresses lie in the file (uprobes). */
struct load_segment {
	uint64_t vaddr, offset, size;
};

struct arena;

struct image_rec {
	char *path;
	char *build_id;		/* hex, NULL if none */
	char *machine;
	enum elf_kind elf_kind;
	bool is_kernel;		/* vmlinux or module */
	int lto_note;		/* enum lto_note */
	struct unit_rec *units;	/* main file units, then alt units */
	size_t nunits;
	/* where the units' arrays live, NULL: each has its own malloc */
	struct arena *arena;
	struct sym_rec *syms;
	size_t nsyms;
	bool has_mcount;	/* the image carries an mcount table */
	uint64_t *mcount;	/* ftrace call-site addresses, sorted */
	size_t nmcount;
	char **exported;	/* EXPORT_SYMBOL'd or dynamic names, sorted */
	size_t nexported;
	uint64_t *kprobe_blacklist; /* NOKPROBE_SYMBOL addresses, sorted */
	size_t nkprobe_blacklist;
	struct nokprobe_range *nokprobe; /* sorted by start */
	size_t nnokprobe;
	struct load_segment *segments;	/* executable ones, by vaddr */
	size_t nsegments;
	/* __init code, freed after boot: gone from ftrace and kallsyms */
	struct addr_range *init_text;
	size_t ninit_text;
	uint64_t text_base;	/* vmlinux: _text, what KASLR moves */
	bool has_text_base;
	char **warnings;
	size_t nwarnings;
	bool has_code;		/* code fingerprints were read */
	unsigned char *code_bytes;	/* every function's, masked */
	size_t ncode_bytes, code_bytes_cap;
	struct code_ref *code_refs;
	size_t ncode_refs;
};

static inline const char *unit_str(const struct unit_rec *u, uint32_t off)
{
	return u->strings ? u->strings + off : "";
}

uint32_t unit_add_string(struct unit_rec *u, const char *s);
struct die_rec *unit_add_die(struct unit_rec *u);
void unit_add_range(struct unit_rec *u, struct die_rec *d, uint64_t start,
		    uint64_t end);
/*
 * Copy what scratch holds into dst at its exact size, in one block of
 * arena, and empty scratch, which keeps its arrays for the next unit:
 * growing in a reused buffer and copying once touches fewer fresh pages
 * than growing every unit's arrays by doubling.
 */
void unit_rec_move_exact(struct unit_rec *dst, struct unit_rec *scratch,
			 struct arena *arena);
void unit_rec_free(struct unit_rec *u);
/* Takes ownership of msg. */
void image_add_warning(struct image_rec *img, char *msg);
void image_rec_free(struct image_rec *img);

#endif
