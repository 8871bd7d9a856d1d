/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_SECTIONS_H
#define INLSCAN_SECTIONS_H

#include <elfutils/libdw.h>

/*
 * The DWARF sections inlscan reads itself, as libdw left them
 * (decompressed, and relocated by libdwfl); any may be missing.
 */
struct debug_sections {
	Elf_Data *info, *abbrev, *line, *line_str, *str;
	/* .debug_info lies unwritten in a mapping of the file: pages
	 * already walked can be dropped and would be read again if used */
	bool info_in_file_map;
};

/* Find them in the ELF file that holds dbg's DWARF (dbg may be NULL). */
void debug_sections_find(Dwarf *dbg, struct debug_sections *s);

/*
 * Give back the pages wholly inside [start, end) of .debug_info: a walked
 * unit need not stay resident while the rest of a vmlinux is read.
 */
void debug_info_release(const struct debug_sections *s, const void *start,
			const void *end);

#endif
