/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_SECTIONS_H
#define INLSCAN_SECTIONS_H

#include <elfutils/libdw.h>
#include <stdint.h>
#include <string.h>

/*
 * The DWARF sections inlscan reads itself, as libdw left them
 * (decompressed, and relocated by libdwfl); any may be missing.
 */
struct debug_sections {
	Elf_Data *info, *abbrev, *line, *line_str, *str;
	/* .debug_info lies unwritten in a mapping of the file: pages
	 * already walked can be dropped and would be read again if used */
	bool info_in_file_map;
	/* walked, not yet released: [walked_from, walked_to) */
	uintptr_t walked_from, walked_to;
};

/* The NUL-terminated string at off in a string section, or NULL. */
static inline const char *section_string(const Elf_Data *d, uint64_t off)
{
	const char *s;

	if (!d || !d->d_buf || off >= d->d_size)
		return NULL;
	s = (const char *)d->d_buf + off;
	return memchr(s, 0, d->d_size - off) ? s : NULL;
}

/* Find them in the ELF file that holds dbg's DWARF (dbg may be NULL). */
void debug_sections_find(Dwarf *dbg, struct debug_sections *s);

/*
 * [start, end) of .debug_info is walked: a walked unit need not stay
 * resident while the rest of a vmlinux is read. Its pages are given back
 * with the other units walked since the last release, a few MB at a time.
 */
void debug_info_walked(struct debug_sections *s, const void *start,
		       const void *end);

#endif
