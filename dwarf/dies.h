/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A DIE reader for one unit that steps over the DIEs inlscan does not
 * keep without decoding them: each abbreviation is sized once, subtrees
 * are jumped over by DW_AT_sibling, and only a kept DIE's attributes are
 * handed out, as libdw Dwarf_Attributes so that libdw decodes the values.
 */
#ifndef INLSCAN_DIES_H
#define INLSCAN_DIES_H

#include <elfutils/libdw.h>
#include <stdbool.h>
#include <stdint.h>

#include "sections.h"

struct abbrev_attr;
struct abbrev;
struct skip_step;

struct die_reader {
	Dwarf_CU *cu;			/* for the attributes handed out */
	const unsigned char *info;	/* .debug_info */
	const unsigned char *unit;	/* the unit header */
	const unsigned char *end;	/* the next unit */
	uint8_t addr_size, offset_size;
	uint16_t version;
	bool msb;
	struct abbrev *abbrevs;		/* sorted by code */
	size_t nabbrevs, abbrevs_cap;
	struct abbrev **by_code;	/* dense codes, else NULL */
	size_t by_code_cap;
	uint64_t max_code;
	struct abbrev_attr *attrs;
	size_t nattrs, attrs_cap;
	struct skip_step *steps;	/* the variable-size values */
	size_t nsteps, steps_cap;
	const Elf_Data *str;		/* .debug_str, for DW_FORM_strp */
};

/* One DIE as read: abbrev NULL for the null entry that ends siblings. */
struct raw_die {
	uint64_t off;			/* in .debug_info */
	const struct abbrev *abbrev;
	unsigned int tag;
	bool children;
	const unsigned char *values;	/* its first attribute value */
	const unsigned char *next;	/* its first child or next sibling */
};

/*
 * Prepare to read the unit whose DIE is cudie and which ends at
 * unit_end (a .debug_info offset). Returns 0, or -1 with *err set. A
 * reader zeroed once can be prepared unit after unit: the arrays of the
 * last are reused (memory freed between units lands past what libdw
 * keeps allocating meanwhile, and would be fresh pages every time);
 * die_reader_free gives them back.
 */
int die_reader_init(struct die_reader *r, Dwarf_Die *cudie,
		    const struct debug_sections *s, uint64_t unit_end,
		    bool msb, char **err);
void die_reader_free(struct die_reader *r);

/* Read the DIE at pos. Returns 0, or -1 with *err set. */
int die_read(const struct die_reader *r, const unsigned char *pos,
	     struct raw_die *d, char **err);

/* Where d's subtree ends. Returns 0, or -1 with *err set. */
int die_skip_children(const struct die_reader *r, const struct raw_die *d,
		      const unsigned char **after, char **err);

/*
 * Call fn on each attribute of d, as dwarf_getattrs would. Returns 0, or
 * -1 with *err set.
 */
int die_each_attr(const struct die_reader *r, const struct raw_die *d,
		  int (*fn)(Dwarf_Attribute *, void *), void *arg, char **err);

/*
 * The value of an attribute handed out, as dwarf_formudata, _formstring,
 * _formaddr and _formflag give it: the forms compilers use for the
 * attributes inlscan reads are decoded here, any other by libdw.
 */
int die_form_udata(const struct die_reader *r, Dwarf_Attribute *attr,
		   Dwarf_Word *value);
const char *die_form_string(const struct die_reader *r,
			    Dwarf_Attribute *attr);
int die_form_addr(const struct die_reader *r, Dwarf_Attribute *attr,
		  Dwarf_Addr *value);
int die_form_flag(Dwarf_Attribute *attr, bool *value);

/* The attribute name of d, if d has one: true and *attr filled. */
bool die_attr(const struct die_reader *r, const struct raw_die *d,
	      unsigned int name, Dwarf_Attribute *attr);

#endif
