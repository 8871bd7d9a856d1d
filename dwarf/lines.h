/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The file-name table of a unit's line program, read from the
 * .debug_line header alone. libdw's dwarf_getsrcfiles decodes the whole
 * line program to get it, which on a vmlinux costs more memory than
 * everything else inlscan keeps.
 */
#ifndef INLSCAN_LINES_H
#define INLSCAN_LINES_H

#include <elfutils/libdw.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sections.h"

struct file_table {
	const char **dirs;	/* into the sections (or comp_dir) */
	size_t ndirs;
	const char **names;
	uint64_t *dir_of;	/* directory index of each name */
	size_t nnames;
};

/*
 * Read the table at offset in .debug_line. Returns 0, or -1 if the header
 * uses a form this reader does not know or is corrupt (the caller falls
 * back to libdw).
 */
int file_table_read(const struct debug_sections *s, uint64_t offset,
		    const char *comp_dir, bool msb, struct file_table *t);

/* File idx as "dir/name" (caller frees), or NULL for a bad index. */
char *file_table_path(const struct file_table *t, uint64_t idx);

void file_table_free(struct file_table *t);

#endif
