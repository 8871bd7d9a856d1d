/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_INPUT_H
#define INLSCAN_INPUT_H

#include <elfutils/libdwfl.h>
#include <gelf.h>
#include <stdbool.h>
#include <stdint.h>

#include "lines.h"
#include "relocate.h"

/* An allocated section of an ET_REL file, where libdwfl laid it out. */
struct alloc_section {
	uint64_t start, end;
	Elf_Scn *scn;
};

/*
 * One opened input: its ELF, its DWARF (for ET_REL relocated by
 * relocate.c, or by libdwfl where relocate.c cannot; possibly from a
 * separate debug file) and its dwz alt file. A handle
 * belongs to one thread: libdw is not safe to share.
 */
struct input {
	const char *path;
	const char *debug_file;	/* --debug-file override, or NULL */
	Dwfl *dwfl;
	Dwfl_Module *mod;
	Dwarf *dbg;
	bool own_dbg;		/* dbg is ours to end, not libdwfl's */
	Dwarf *alt;
	Dwarf_Addr bias;
	Elf *elf;		/* the main file (symbols, tables) */
	GElf_Ehdr ehdr;
	bool is_module;		/* a kernel module (.ko) */
	uint64_t file_size;
	struct debug_sections sections, alt_sections;
	struct reloc_copies reloc_copies;	/* what dbg reads, ET_REL */
	struct alloc_section *alloc;	/* ET_REL, sorted by address */
	size_t nalloc;
};

/* Returns 0, or -1 with *err set to a one-line reason (caller frees). */
int input_open(struct input *in, const char *path, const char *debug_file,
	       char **err);
void input_close(struct input *in);

/* The name of section scn, or NULL if the headers are unreadable. */
const char *input_section_name(Elf *elf, Elf_Scn *scn);

/* ET_REL: the name of the allocated section holding addr, or NULL. */
const char *input_section_name_at(const struct input *in, uint64_t addr);

/* The GNU build ID of elf in hex (caller frees), or NULL. */
char *input_build_id_hex(Elf *elf);

/* Is this file worth scanning: an ELF file (cheap check, for dir walks). */
bool input_looks_like_elf(const char *path);

#endif
