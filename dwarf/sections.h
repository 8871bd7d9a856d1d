/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_SECTIONS_H
#define INLSCAN_SECTIONS_H

#include <elfutils/libdw.h>

/*
 * The DWARF sections inlscan reads itself, as libdw left them
 * (decompressed, and relocated by libdwfl); any may be missing.
 */
struct debug_sections {
	Elf_Data *abbrev, *line, *line_str, *str;
};

/* Find them in the ELF file that holds dbg's DWARF (dbg may be NULL). */
void debug_sections_find(Dwarf *dbg, struct debug_sections *s);

#endif
