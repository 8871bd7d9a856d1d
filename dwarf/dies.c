// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reading DIEs by their abbreviations (DWARF 5 sections 7.5.3-7.5.6).
 * libdw decodes every attribute of every DIE it steps over, twice when a
 * DIE has children and no DW_AT_sibling; here a DIE whose attributes all
 * have fixed sizes in this unit costs one addition, and a subtree with a
 * sibling reference one jump.
 */
#include "dies.h"

#include <dwarf.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "cursor.h"

/* How to step over a value; zero or more is a fixed size in bytes. */
enum value_size {
	SIZE_LEB = -1,
	SIZE_CSTR = -2,
	SIZE_BLOCK1 = -3,
	SIZE_BLOCK2 = -4,
	SIZE_BLOCK4 = -5,
	SIZE_BLOCK_LEB = -6,
	SIZE_INDIRECT = -7,
	SIZE_UNKNOWN = -8,
};

struct abbrev_attr {
	uint32_t name;
	uint32_t form;
	int32_t size;			/* enum value_size */
	const unsigned char *implicit;	/* DW_FORM_implicit_const value */
};

/* Stepping over a DIE's values: fixed bytes, then one that varies. */
struct skip_step {
	uint32_t gap;
	int32_t size;			/* enum value_size, negative */
};

struct abbrev {
	uint64_t code;
	uint32_t tag;
	bool children;
	uint32_t first, nattrs;		/* into die_reader.attrs */
	uint32_t first_step, nsteps;	/* into die_reader.steps */
	uint64_t tail;			/* fixed bytes after the last step */
	int32_t sibling;		/* index of DW_AT_sibling, -1 */
	int64_t sibling_at;		/* its bytes from values, -1: varies */
};

static int32_t form_size(const struct die_reader *r, unsigned int form)
{
	switch (form) {
	case DW_FORM_flag_present:
	case DW_FORM_implicit_const:
		return 0;
	case DW_FORM_data1:
	case DW_FORM_ref1:
	case DW_FORM_flag:
	case DW_FORM_strx1:
	case DW_FORM_addrx1:
		return 1;
	case DW_FORM_data2:
	case DW_FORM_ref2:
	case DW_FORM_strx2:
	case DW_FORM_addrx2:
		return 2;
	case DW_FORM_strx3:
	case DW_FORM_addrx3:
		return 3;
	case DW_FORM_data4:
	case DW_FORM_ref4:
	case DW_FORM_strx4:
	case DW_FORM_addrx4:
	case DW_FORM_ref_sup4:
		return 4;
	case DW_FORM_data8:
	case DW_FORM_ref8:
	case DW_FORM_ref_sig8:
	case DW_FORM_ref_sup8:
		return 8;
	case DW_FORM_data16:
		return 16;
	case DW_FORM_addr:
		return r->addr_size;
	case DW_FORM_ref_addr:
		return r->version == 2 ? r->addr_size : r->offset_size;
	case DW_FORM_strp:
	case DW_FORM_line_strp:
	case DW_FORM_sec_offset:
	case DW_FORM_strp_sup:
	case DW_FORM_GNU_ref_alt:
	case DW_FORM_GNU_strp_alt:
		return r->offset_size;
	case DW_FORM_udata:
	case DW_FORM_sdata:
	case DW_FORM_ref_udata:
	case DW_FORM_strx:
	case DW_FORM_addrx:
	case DW_FORM_loclistx:
	case DW_FORM_rnglistx:
	case DW_FORM_GNU_addr_index:
	case DW_FORM_GNU_str_index:
		return SIZE_LEB;
	case DW_FORM_string:
		return SIZE_CSTR;
	case DW_FORM_block1:
		return SIZE_BLOCK1;
	case DW_FORM_block2:
		return SIZE_BLOCK2;
	case DW_FORM_block4:
		return SIZE_BLOCK4;
	case DW_FORM_block:
	case DW_FORM_exprloc:
		return SIZE_BLOCK_LEB;
	case DW_FORM_indirect:
		return SIZE_INDIRECT;
	}
	return SIZE_UNKNOWN;
}

/* The values' sizes as steps; the sibling's place if fixed. */
static void plan_abbrev(struct die_reader *r, struct abbrev *a, size_t *cap)
{
	const struct abbrev_attr *at;
	struct skip_step *step;
	uint64_t gap = 0;
	bool fixed_so_far = true;
	uint32_t i;

	a->sibling = -1;
	a->sibling_at = -1;
	a->first_step = (uint32_t)r->nsteps;
	for (i = 0; i < a->nattrs; i++) {
		at = &r->attrs[a->first + i];
		if (at->name == DW_AT_sibling && a->sibling < 0) {
			a->sibling = (int32_t)i;
			a->sibling_at = fixed_so_far ? (int64_t)gap : -1;
		}
		if (at->size >= 0) {
			gap += (uint64_t)at->size;
			continue;
		}
		step = ARRAY_PUSH(r->steps, r->nsteps, *cap);
		step->gap = (uint32_t)gap;
		step->size = at->size;
		gap = 0;
		fixed_so_far = false;
	}
	a->nsteps = (uint32_t)(r->nsteps - a->first_step);
	a->tail = gap;
}

static int read_abbrev_attrs(struct die_reader *r, struct cursor *c,
			     struct abbrev *a, size_t *cap, size_t *step_cap)
{
	struct abbrev_attr *at;
	uint64_t name, form;

	a->first = (uint32_t)r->nattrs;
	for (;;) {
		name = read_uleb(c);
		form = read_uleb(c);
		if (!c->ok)
			return -1;
		if (!name && !form)
			break;
		at = ARRAY_PUSH(r->attrs, r->nattrs, *cap);
		at->name = (uint32_t)name;
		at->form = (uint32_t)form;
		at->size = form_size(r, (unsigned int)form);
		at->implicit = NULL;
		if (form == DW_FORM_implicit_const) {
			at->implicit = c->p;
			skip_leb(c);
		}
	}
	a->nattrs = (uint32_t)(r->nattrs - a->first);
	plan_abbrev(r, a, step_cap);
	return 0;
}

static int compare_codes(const void *a, const void *b)
{
	const struct abbrev *x = a, *y = b;

	return (x->code > y->code) - (x->code < y->code);
}

/* GCC and clang number abbreviations 1..n: index them directly. */
static void index_codes(struct die_reader *r)
{
	bool sorted = true;
	size_t i;

	for (i = 1; i < r->nabbrevs && sorted; i++)
		sorted = r->abbrevs[i - 1].code < r->abbrevs[i].code;
	if (!sorted)
		sort_array(r->abbrevs, r->nabbrevs, sizeof(*r->abbrevs),
			   compare_codes);
	r->max_code = r->nabbrevs ? r->abbrevs[r->nabbrevs - 1].code : 0;
	if (r->max_code > 2 * r->nabbrevs + 256) {
		free(r->by_code);
		r->by_code = NULL;
		r->by_code_cap = 0;
		return;
	}
	grow_array((void **)&r->by_code, &r->by_code_cap, r->max_code + 1,
		   sizeof(*r->by_code));
	memset(r->by_code, 0, (r->max_code + 1) * sizeof(*r->by_code));
	for (i = r->nabbrevs; i-- > 0;)
		r->by_code[r->abbrevs[i].code] = &r->abbrevs[i];
}

static int read_abbrevs(struct die_reader *r, const Elf_Data *data,
			uint64_t offset, char **err)
{
	struct cursor c = { .ok = true };
	struct abbrev *a;
	uint64_t code;

	if (!data || !data->d_buf || offset >= data->d_size) {
		*err = xasprintf("abbreviations at 0x%llx are outside "
				 ".debug_abbrev", (unsigned long long)offset);
		return -1;
	}
	c.p = (const unsigned char *)data->d_buf + offset;
	c.end = (const unsigned char *)data->d_buf + data->d_size;
	while ((code = read_uleb(&c))) {
		a = ARRAY_PUSH(r->abbrevs, r->nabbrevs, r->abbrevs_cap);
		a->code = code;
		a->tag = (uint32_t)read_uleb(&c);
		a->children = read_fixed(&c, 1) == DW_CHILDREN_yes;
		if (read_abbrev_attrs(r, &c, a, &r->attrs_cap, &r->steps_cap))
			break;
	}
	if (!c.ok) {
		*err = xasprintf("corrupt .debug_abbrev table at 0x%llx",
				 (unsigned long long)offset);
		return -1;
	}
	index_codes(r);
	return 0;
}

void die_reader_free(struct die_reader *r)
{
	free(r->abbrevs);
	free(r->attrs);
	free(r->steps);
	free(r->by_code);
	memset(r, 0, sizeof(*r));
}

int die_reader_init(struct die_reader *r, Dwarf_Die *cudie,
		    const struct debug_sections *s, uint64_t unit_end,
		    bool msb, char **err)
{
	Dwarf_Off abbrev_off, die_off = dwarf_dieoffset(cudie);
	struct die_reader kept = {
		.abbrevs = r->abbrevs, .abbrevs_cap = r->abbrevs_cap,
		.by_code = r->by_code, .by_code_cap = r->by_code_cap,
		.attrs = r->attrs, .attrs_cap = r->attrs_cap,
		.steps = r->steps, .steps_cap = r->steps_cap,
	};
	Dwarf_Half version;
	uint8_t addr_size, offset_size;
	Dwarf_Die tmp;

	*r = kept;
	if (!dwarf_cu_die(cudie->cu, &tmp, &version, &abbrev_off,
			  &addr_size, &offset_size, NULL, NULL)) {
		*err = xasprintf("cannot read unit header of DIE 0x%llx: %s",
				 (unsigned long long)die_off,
				 dwarf_errmsg(-1));
		return -1;
	}
	r->cu = cudie->cu;
	r->info = (const unsigned char *)cudie->addr - die_off;
	r->end = r->info + unit_end;
	/* the unit's bytes must be .debug_info's, as libdw holds it */
	if (!s->info || r->info != s->info->d_buf ||
	    unit_end > s->info->d_size || die_off >= unit_end) {
		*err = xasprintf("unit of DIE 0x%llx lies outside .debug_info",
				 (unsigned long long)die_off);
		return -1;
	}
	r->unit = r->info + dwarf_dieoffset(cudie) - dwarf_cuoffset(cudie);
	r->version = version;
	r->addr_size = addr_size;
	r->offset_size = offset_size;
	r->msb = msb;
	r->str = s->str;
	if (read_abbrevs(r, s->abbrev, abbrev_off, err)) {
		die_reader_free(r);
		return -1;
	}
	return 0;
}

static const struct abbrev *find_abbrev(const struct die_reader *r,
					uint64_t code)
{
	struct abbrev key = { .code = code };

	if (r->by_code)
		return code <= r->max_code ? r->by_code[code] : NULL;
	return bsearch(&key, r->abbrevs, r->nabbrevs, sizeof(key),
		       compare_codes);
}

/* Step c over one value of the given size; form is for DW_FORM_indirect. */
static void skip_value(const struct die_reader *r, struct cursor *c,
		       int32_t size, unsigned int *form)
{
	switch (size) {
	case SIZE_LEB:
		skip_leb(c);
		return;
	case SIZE_CSTR:
		read_cstr(c);
		return;
	case SIZE_BLOCK1:
		skip(c, read_fixed(c, 1));
		return;
	case SIZE_BLOCK2:
		skip(c, read_fixed(c, 2));
		return;
	case SIZE_BLOCK4:
		skip(c, read_fixed(c, 4));
		return;
	case SIZE_BLOCK_LEB:
		skip(c, read_uleb(c));
		return;
	case SIZE_INDIRECT:
		*form = (unsigned int)read_uleb(c);
		size = form_size(r, *form);
		/* an indirect form naming itself or a constant in the
		 * abbreviation has no value here */
		if (size == SIZE_INDIRECT || size == SIZE_UNKNOWN ||
		    *form == DW_FORM_implicit_const)
			c->ok = false;
		else
			skip_value(r, c, size, form);
		return;
	case SIZE_UNKNOWN:
		c->ok = false;
		return;
	}
	skip(c, (uint64_t)size);
}

static struct cursor unit_cursor(const struct die_reader *r,
				 const unsigned char *pos)
{
	struct cursor c = { .p = pos, .end = r->end, .msb = r->msb };

	c.ok = pos >= r->unit && pos < r->end;
	return c;
}

int die_read(const struct die_reader *r, const unsigned char *pos,
	     struct raw_die *d, char **err)
{
	struct cursor c = unit_cursor(r, pos);
	const struct skip_step *step;
	const struct abbrev *a;
	unsigned int form;
	uint64_t code;
	uint32_t i;

	d->off = (uint64_t)(pos - r->info);
	/* nearly every code is one byte */
	if (c.ok && *c.p < 0x80)
		code = *c.p++;
	else
		code = read_uleb(&c);
	d->abbrev = a = c.ok && code ? find_abbrev(r, code) : NULL;
	d->values = c.p;
	if (c.ok && code && !a) {
		*err = xasprintf("DIE 0x%llx has no abbreviation %llu",
				 (unsigned long long)d->off,
				 (unsigned long long)code);
		return -1;
	}
	if (a) {
		d->tag = a->tag;
		d->children = a->children;
		for (i = 0; i < a->nsteps && c.ok; i++) {
			step = &r->steps[a->first_step + i];
			skip(&c, step->gap);
			skip_value(r, &c, step->size, &form);
		}
		skip(&c, a->tail);
	}
	d->next = c.p;
	if (!c.ok) {
		*err = xasprintf("DIE 0x%llx runs past its unit or has a "
				 "form this reader does not know",
				 (unsigned long long)d->off);
		return -1;
	}
	return 0;
}

/* Fill attr from the value at c (which it steps over). */
static void take_value(const struct die_reader *r, struct cursor *c,
		       const struct abbrev_attr *at, Dwarf_Attribute *attr)
{
	unsigned int form = at->form;

	if (at->size == SIZE_INDIRECT) {
		form = (unsigned int)read_uleb(c);
		attr->valp = (unsigned char *)c->p;
		skip_value(r, c, form_size(r, form), &form);
	} else {
		attr->valp = (unsigned char *)(at->implicit ? at->implicit
							    : c->p);
		skip_value(r, c, at->size, &form);
	}
	attr->code = at->name;
	attr->form = form;
	attr->cu = r->cu;
}

int die_each_attr(const struct die_reader *r, const struct raw_die *d,
		  int (*fn)(Dwarf_Attribute *, void *), void *arg, char **err)
{
	struct cursor c = unit_cursor(r, d->values);
	const struct abbrev *a = d->abbrev;
	Dwarf_Attribute attr;
	uint32_t i;

	for (i = 0; i < a->nattrs; i++) {
		take_value(r, &c, &r->attrs[a->first + i], &attr);
		if (!c.ok) {
			*err = xasprintf("cannot read attributes of DIE 0x%llx",
					 (unsigned long long)d->off);
			return -1;
		}
		if (fn(&attr, arg) != DWARF_CB_OK)
			break;
	}
	return 0;
}

/* die_read (or the abbreviation's reader) saw where each value ends. */
static uint64_t leb(const unsigned char *p, bool is_signed)
{
	uint64_t v = 0;
	unsigned int shift = 0;
	unsigned char b;

	do {
		b = *p++;
		if (shift < 64)
			v |= (uint64_t)(b & 0x7f) << shift;
		shift += 7;
	} while (b & 0x80);
	if (is_signed && shift < 64 && (b & 0x40))
		v |= ~0ULL << shift;
	return v;
}

int die_form_udata(const struct die_reader *r, Dwarf_Attribute *attr,
		   Dwarf_Word *value)
{
	const unsigned char *p = attr->valp;

	switch (attr->form) {
	case DW_FORM_data1:
		*value = p[0];
		return 0;
	case DW_FORM_data2:
		*value = read_uint(p, 2, r->msb);
		return 0;
	case DW_FORM_data4:
		*value = read_uint(p, 4, r->msb);
		return 0;
	case DW_FORM_data8:
		*value = read_uint(p, 8, r->msb);
		return 0;
	case DW_FORM_udata:
		*value = leb(p, false);
		return 0;
	case DW_FORM_implicit_const:
		*value = leb(p, true);
		return 0;
	}
	return dwarf_formudata(attr, value);
}

const char *die_form_string(const struct die_reader *r, Dwarf_Attribute *attr)
{
	if (attr->form == DW_FORM_string)
		return (const char *)attr->valp;
	if (attr->form != DW_FORM_strp || !r->str || !r->str->d_buf)
		return dwarf_formstring(attr);
	return section_string(r->str, read_uint(attr->valp, r->offset_size,
						r->msb));
}

int die_form_addr(const struct die_reader *r, Dwarf_Attribute *attr,
		  Dwarf_Addr *value)
{
	if (attr->form != DW_FORM_addr)
		return dwarf_formaddr(attr, value);
	*value = read_uint(attr->valp, r->addr_size, r->msb);
	return 0;
}

int die_form_flag(Dwarf_Attribute *attr, bool *value)
{
	if (attr->form == DW_FORM_flag_present) {
		*value = true;
		return 0;
	}
	if (attr->form == DW_FORM_flag) {
		*value = attr->valp[0] != 0;
		return 0;
	}
	return dwarf_formflag(attr, value);
}

bool die_attr(const struct die_reader *r, const struct raw_die *d,
	      unsigned int name, Dwarf_Attribute *attr)
{
	struct cursor c = unit_cursor(r, d->values);
	const struct abbrev *a = d->abbrev;
	uint32_t i;

	for (i = 0; i < a->nattrs && c.ok; i++) {
		take_value(r, &c, &r->attrs[a->first + i], attr);
		if (c.ok && attr->code == name)
			return true;
	}
	return false;
}

/* Where DW_AT_sibling says d's subtree ends, or NULL if it cannot say. */
static const unsigned char *sibling_of(const struct die_reader *r,
				       const struct raw_die *d)
{
	const struct abbrev *a = d->abbrev;
	const unsigned char *target;
	Dwarf_Attribute attr;
	struct cursor c;
	uint64_t value;

	if (a->sibling_at >= 0) {
		attr.form = r->attrs[a->first + a->sibling].form;
		attr.valp = (unsigned char *)d->values + a->sibling_at;
	} else if (!die_attr(r, d, DW_AT_sibling, &attr)) {
		return NULL;
	}
	c = unit_cursor(r, attr.valp);
	switch (attr.form) {
	case DW_FORM_ref1:
	case DW_FORM_ref2:
	case DW_FORM_ref4:
	case DW_FORM_ref8:
	case DW_FORM_ref_udata:
		value = attr.form == DW_FORM_ref_udata
				? read_uleb(&c)
				: read_fixed(&c, (size_t)form_size(r, attr.form));
		break;
	default:
		return NULL;
	}
	/* a sibling lies after the children's first byte, in the unit */
	if (!c.ok || value > (uint64_t)(r->end - r->unit))
		return NULL;
	target = r->unit + value;
	if (target <= d->next)
		return NULL;
	return target;
}

int die_skip_children(const struct die_reader *r, const struct raw_die *d,
		      const unsigned char **after, char **err)
{
	const unsigned char *pos = d->next, *jump;
	struct raw_die child;
	size_t depth = 1;

	if (!d->children) {
		*after = d->next;
		return 0;
	}
	jump = sibling_of(r, d);
	if (jump) {
		*after = jump;
		return 0;
	}
	while (depth) {
		if (die_read(r, pos, &child, err))
			return -1;
		pos = child.next;
		if (!child.abbrev)
			depth--;
		else if (child.children && (jump = sibling_of(r, &child)))
			pos = jump;
		else if (child.children)
			depth++;
	}
	*after = pos;
	return 0;
}
