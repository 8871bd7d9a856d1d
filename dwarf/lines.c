// SPDX-License-Identifier: GPL-2.0-only
/*
 * DWARF 2-5 line-program headers (DWARF 5 section 6.2.4): only the
 * directory and file tables, with every read bounds-checked.
 */
#include "lines.h"

#include <dwarf.h>
#include <gelf.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "cursor.h"
#include "input.h"

struct header {
	const struct debug_sections *s;
	unsigned int version;
	size_t offset_size;	/* 4, or 8 for 64-bit DWARF */
};

/*
 * One attribute value of a DWARF 5 entry. Strings come back in *str;
 * numbers in *num; forms this reader cannot size make the cursor fail.
 */
static void read_form(struct cursor *c, const struct header *h,
		      uint64_t form, const char **str, uint64_t *num)
{
	*str = NULL;
	*num = 0;
	switch (form) {
	case DW_FORM_string:
		*str = read_cstr(c);
		break;
	case DW_FORM_line_strp:
		*str = section_string(h->s->line_str,
				      read_fixed(c, h->offset_size));
		if (!*str)
			c->ok = false;
		break;
	case DW_FORM_strp:
		*str = section_string(h->s->str, read_fixed(c, h->offset_size));
		if (!*str)
			c->ok = false;
		break;
	case DW_FORM_data1:
		*num = read_fixed(c, 1);
		break;
	case DW_FORM_data2:
		*num = read_fixed(c, 2);
		break;
	case DW_FORM_data4:
		*num = read_fixed(c, 4);
		break;
	case DW_FORM_data8:
		*num = read_fixed(c, 8);
		break;
	case DW_FORM_data16:
		skip(c, 16);
		break;
	case DW_FORM_udata:
		*num = read_uleb(c);
		break;
	case DW_FORM_block:
		skip(c, read_uleb(c));
		break;
	default:
		c->ok = false;
	}
}

struct entry_format {
	uint64_t content, form;
};

/* A DWARF 5 directory or file table: its format, then its entries. */
static void read_v5_table(struct cursor *c, const struct header *h,
			  const char ***names, uint64_t **dirs, size_t *n)
{
	struct entry_format fmt[16];
	unsigned int nfmt = (unsigned int)read_fixed(c, 1), i;
	uint64_t count, k, num;
	const char *str;

	if (nfmt > 16) {
		c->ok = false;
		return;
	}
	for (i = 0; i < nfmt; i++) {
		fmt[i].content = read_uleb(c);
		fmt[i].form = read_uleb(c);
	}
	count = read_uleb(c);
	/* each entry takes at least one byte: a count beyond that is junk */
	if (!c->ok || count > (uint64_t)(c->end - c->p)) {
		c->ok = false;
		return;
	}
	*names = xcalloc(count + 1, sizeof(**names));
	if (dirs)
		*dirs = xcalloc(count + 1, sizeof(**dirs));
	*n = count;
	for (k = 0; k < count && c->ok; k++) {
		for (i = 0; i < nfmt; i++) {
			read_form(c, h, fmt[i].form, &str, &num);
			if (fmt[i].content == DW_LNCT_path)
				(*names)[k] = str;
			else if (fmt[i].content == DW_LNCT_directory_index &&
				 dirs)
				(*dirs)[k] = num;
		}
	}
}

/* DWARF 2-4: include_directories, then file_names, each ending in "". */
static void read_v4_tables(struct cursor *c, const char *comp_dir,
			   struct file_table *t)
{
	size_t cap = 0, fcap = 0, dcap = 0;
	const char *s;

	/* index 0 is the compilation directory; files count from 1 */
	*ARRAY_PUSH(t->dirs, t->ndirs, cap) = comp_dir;
	while ((s = read_cstr(c)) && *s)
		*ARRAY_PUSH(t->dirs, t->ndirs, cap) = s;
	*ARRAY_PUSH(t->names, t->nnames, fcap) = "???";
	grow_array((void **)&t->dir_of, &dcap, 1, sizeof(*t->dir_of));
	t->dir_of[0] = UINT64_MAX;	/* "???" joins no directory */
	while (c->ok && (s = read_cstr(c)) && *s) {
		grow_array((void **)&t->dir_of, &dcap, t->nnames + 1,
			   sizeof(*t->dir_of));
		t->dir_of[t->nnames] = read_uleb(c);
		*ARRAY_PUSH(t->names, t->nnames, fcap) = s;
		read_uleb(c);	/* mtime */
		read_uleb(c);	/* length */
	}
}

int file_table_read(const struct debug_sections *s, uint64_t offset,
		    const char *comp_dir, bool msb, struct file_table *t)
{
	struct cursor c = { .msb = msb, .ok = true };
	struct header h = { .s = s, .offset_size = 4 };
	uint64_t length, header_length;
	unsigned int opcode_base;

	memset(t, 0, sizeof(*t));
	if (!s->line || !s->line->d_buf || offset >= s->line->d_size)
		return -1;
	c.p = (const unsigned char *)s->line->d_buf + offset;
	c.end = (const unsigned char *)s->line->d_buf + s->line->d_size;
	length = read_fixed(&c, 4);
	if (length == 0xffffffff) {
		h.offset_size = 8;
		length = read_fixed(&c, 8);
	}
	if (!c.ok || length > (uint64_t)(c.end - c.p))
		return -1;
	c.end = c.p + length;
	h.version = (unsigned int)read_fixed(&c, 2);
	if (h.version < 2 || h.version > 5)
		return -1;
	if (h.version == 5)
		skip(&c, 2);	/* address_size, segment_selector_size */
	header_length = read_fixed(&c, h.offset_size);
	if (!c.ok || header_length > (uint64_t)(c.end - c.p))
		return -1;
	c.end = c.p + header_length;
	/* min_inst_length, [max_ops], default_is_stmt, line_base, line_range */
	skip(&c, h.version >= 4 ? 5 : 4);
	opcode_base = (unsigned int)read_fixed(&c, 1);
	skip(&c, opcode_base ? opcode_base - 1 : 0);
	if (h.version < 5) {
		read_v4_tables(&c, comp_dir, t);
	} else {
		read_v5_table(&c, &h, &t->dirs, NULL, &t->ndirs);
		read_v5_table(&c, &h, &t->names, &t->dir_of, &t->nnames);
	}
	if (!c.ok) {
		file_table_free(t);
		return -1;
	}
	return 0;
}

char *file_table_path(const struct file_table *t, uint64_t idx)
{
	const char *name, *dir;

	if (idx >= t->nnames || !t->names[idx])
		return NULL;
	name = t->names[idx];
	dir = t->dir_of[idx] < t->ndirs ? t->dirs[t->dir_of[idx]] : NULL;
	if (name[0] == '/' || !dir || !*dir)
		return xstrdup(name);
	return xasprintf("%s/%s", dir, name);
}

void file_table_free(struct file_table *t)
{
	free(t->dirs);
	free(t->names);
	free(t->dir_of);
	memset(t, 0, sizeof(*t));
}
