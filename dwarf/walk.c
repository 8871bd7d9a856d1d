// SPDX-License-Identifier: GPL-2.0-only
/*
 * Walk the DIEs of one unit into a unit_rec: every subprogram and inlined
 * subroutine, with references kept as global offsets. Nothing here follows
 * a reference into another unit: the analyzer joins units afterwards.
 */
#include "walk.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "dies.h"
#include "lines.h"

/* Deeper nesting than this is corrupt DWARF, not code. */
#define MAX_DEPTH 512

struct walk {
	struct input *in;
	struct unit_rec *u;
	Dwarf *dbg;
	struct die_reader *r;	/* the caller's, reused unit after unit */
	bool alt;
	bool relocatable;	/* ET_REL: address 0 is real */
	uint64_t tombstone_min;	/* -2 in the unit's address size */
	struct file_table table;	/* from the .debug_line header */
	Dwarf_Files *files;		/* libdw's, where that failed */
	size_t nfiles;
	uint32_t *file_names;	/* file index -> unit string, lazily */
	char *err;
};

/* The attributes of interest, collected in one pass over the DIE. */
struct die_attrs {
	const struct die_reader *r;
	const char *name;
	Dwarf_Attribute origin;
	Dwarf_Attribute spec;
	Dwarf_Attribute entry_pc;
	Dwarf_Addr return_pc;
	Dwarf_Addr low_pc;
	Dwarf_Attribute high_pc;
	bool has_low_pc, has_high_pc, has_ranges;
	Dwarf_Word decl_file, decl_line, call_file, call_line;
	bool has_origin, has_spec, has_entry_pc, has_decl_file, has_call_file;
	bool has_pc;		/* low_pc or ranges */
	bool external, declaration;
	bool all_calls, indirect;
};

static int collect_attr(Dwarf_Attribute *attr, void *arg)
{
	struct die_attrs *a = arg;
	bool flag;

	switch (dwarf_whatattr(attr)) {
	case DW_AT_name:
		a->name = die_form_string(a->r, attr);
		break;
	case DW_AT_abstract_origin:
	case DW_AT_call_origin:
		a->origin = *attr;
		a->has_origin = true;
		break;
	case DW_AT_specification:
		a->spec = *attr;
		a->has_spec = true;
		break;
	case DW_AT_entry_pc:
		a->entry_pc = *attr;
		a->has_entry_pc = true;
		break;
	case DW_AT_decl_file:
		a->has_decl_file = !die_form_udata(a->r, attr, &a->decl_file);
		break;
	case DW_AT_decl_line:
		die_form_udata(a->r, attr, &a->decl_line);
		break;
	case DW_AT_call_file:
		a->has_call_file = !die_form_udata(a->r, attr, &a->call_file);
		break;
	case DW_AT_call_line:
		die_form_udata(a->r, attr, &a->call_line);
		break;
	case DW_AT_low_pc:
		a->has_pc = true;
		a->has_low_pc = !die_form_addr(a->r, attr, &a->low_pc);
		/* a GNU call site's low_pc is its return address */
		a->return_pc = a->low_pc;
		break;
	case DW_AT_high_pc:
		a->high_pc = *attr;
		a->has_high_pc = true;
		break;
	case DW_AT_ranges:
		a->has_pc = true;
		a->has_ranges = true;
		break;
	case DW_AT_external:
		a->external = !die_form_flag(attr, &flag) && flag;
		break;
	case DW_AT_call_all_calls:
	case DW_AT_GNU_all_call_sites:
		a->all_calls = !die_form_flag(attr, &flag) && flag;
		break;
	case DW_AT_call_target:
	case DW_AT_GNU_call_site_target:
		a->indirect = true;
		break;
	case DW_AT_call_return_pc:
		die_form_addr(a->r, attr, &a->return_pc);
		break;
	case DW_AT_declaration:
		a->declaration = !die_form_flag(attr, &flag) && flag;
		break;
	}
	return DWARF_CB_OK;
}

static uint64_t ref_target(struct walk *w, Dwarf_Attribute *attr)
{
	unsigned int form = dwarf_whatform(attr);
	bool alt = w->alt || form == DW_FORM_GNU_ref_alt ||
		   form == DW_FORM_ref_sup4 || form == DW_FORM_ref_sup8;
	Dwarf_Die target;

	if (!dwarf_formref_die(attr, &target))
		return REF_DANGLING;
	return dwarf_dieoffset(&target) | (alt ? REF_ALT : 0);
}

static uint32_t file_name(struct walk *w, Dwarf_Word idx)
{
	char *path;

	if (!w->file_names || idx >= w->nfiles)
		return 0;
	if (!w->file_names[idx]) {
		if (w->files) {
			w->file_names[idx] = unit_add_string(
				w->u, dwarf_filesrc(w->files, idx, NULL, NULL));
			return w->file_names[idx];
		}
		path = file_table_path(&w->table, idx);
		w->file_names[idx] = unit_add_string(w->u, path);
		free(path);
	}
	return w->file_names[idx];
}

/*
 * The file table from the line-program header; libdw's only if that
 * header is beyond this reader (dwarf_getsrcfiles decodes the whole line
 * program and keeps it until the handle closes).
 */
static void read_file_table(struct walk *w, Dwarf_Die *cudie)
{
	const struct debug_sections *lines = w->alt ? &w->in->alt_sections
						     : &w->in->sections;
	Dwarf_Attribute attr;
	Dwarf_Word offset;
	const char *comp_dir = NULL;

	if (!dwarf_attr(cudie, DW_AT_stmt_list, &attr) ||
	    dwarf_formudata(&attr, &offset))
		return;
	if (dwarf_attr(cudie, DW_AT_comp_dir, &attr))
		comp_dir = dwarf_formstring(&attr);
	if (!file_table_read(lines, offset, comp_dir,
			     w->in->ehdr.e_ident[EI_DATA] == ELFDATA2MSB,
			     &w->table))
		w->nfiles = w->table.nnames;
	else if (dwarf_getsrcfiles(cudie, &w->files, &w->nfiles))
		return;
	w->file_names = xcalloc(w->nfiles + 1, sizeof(uint32_t));
}

static bool is_tombstone(struct walk *w, uint64_t start)
{
	if (w->relocatable)
		return false;
	return start == 0 || start >= w->tombstone_min;
}

/* In a relocatable object, code in sections the linker drops is no code. */
static bool in_discarded_section(struct walk *w, uint64_t addr)
{
	const char *name;

	if (!w->relocatable)
		return false;
	name = input_section_name_at(w->in, addr);
	if (!name)
		return false;
	if (!strncmp(name, ".discard", 8))
		return true;
	/* modules keep __exit code for unloading; vmlinux drops it */
	return !w->in->is_module && !strncmp(name, ".exit.", 6);
}

/*
 * low_pc/high_pc were collected with the other attributes: computing the
 * range from them saves libdw a second and a third pass over the DIE.
 */
static bool simple_range(struct die_attrs *a, Dwarf_Addr *end)
{
	Dwarf_Word size;

	if (a->has_ranges || !a->has_low_pc || !a->has_high_pc)
		return false;
	if (dwarf_whatform(&a->high_pc) == DW_FORM_addr)
		return !die_form_addr(a->r, &a->high_pc, end);
	if (die_form_udata(a->r, &a->high_pc, &size))
		return false;
	*end = a->low_pc + size;
	return true;
}

/* libdw's view of a DIE, for what this walker leaves to libdw */
static bool libdw_die(struct walk *w, uint64_t off, Dwarf_Die *die)
{
	return dwarf_offdie(w->dbg, off, die) != NULL;
}

static void record_ranges(struct walk *w, uint64_t off, struct die_attrs *a,
			  struct die_rec *d)
{
	Dwarf_Addr base, start, end;
	ptrdiff_t pos = 0;
	Dwarf_Die die;

	if (simple_range(a, &end)) {
		if (end > a->low_pc && !is_tombstone(w, a->low_pc))
			unit_add_range(w->u, d, a->low_pc, end);
		return;
	}
	if (!libdw_die(w, off, &die))
		return;
	while ((pos = dwarf_ranges(&die, pos, &base, &start, &end)) > 0) {
		if (end <= start || is_tombstone(w, start))
			continue;
		unit_add_range(w->u, d, start, end);
	}
}

static uint64_t entry_address(struct walk *w, struct die_attrs *a,
			      struct die_rec *d)
{
	uint64_t low = w->u->ranges[d->first_range].start;
	Dwarf_Addr addr;
	Dwarf_Word offset;

	if (a->has_entry_pc) {
		if (!die_form_addr(a->r, &a->entry_pc, &addr))
			return addr;
		/* DWARF 5 allows entry_pc as an offset from low_pc */
		if (!die_form_udata(a->r, &a->entry_pc, &offset))
			return low + offset;
	}
	/* ranges come in DWARF order, so the first is low_pc or ranges[0] */
	return low;
}

/*
 * An inline site whose code was merged away (low_pc == high_pc) still has
 * a place in its caller where the call happens: a probe point.
 */
static void fill_empty_site(struct walk *w, struct die_attrs *a,
			    struct die_rec *d)
{
	Dwarf_Addr addr;

	if (a->has_entry_pc && !die_form_addr(a->r, &a->entry_pc, &addr) &&
	    !is_tombstone(w, addr)) {
		d->entry = addr;
		d->flags |= DIE_HAS_ENTRY;
	} else if (a->has_low_pc && !is_tombstone(w, a->low_pc)) {
		d->entry = a->low_pc;
		d->flags |= DIE_HAS_ENTRY;
	} else {
		d->flags |= DIE_DISCARDED;
	}
}

static void fill_code(struct walk *w, uint64_t off, struct die_attrs *a,
		      struct die_rec *d)
{
	if (!a->has_pc || a->declaration)
		return;
	record_ranges(w, off, a, d);
	if (!d->nranges) {
		if (d->kind == DIE_INLINED)
			fill_empty_site(w, a, d);
		else
			d->flags |= DIE_DISCARDED;
		return;
	}
	if (in_discarded_section(w, w->u->ranges[d->first_range].start)) {
		d->flags |= DIE_DISCARDED;
		d->nranges = 0;
		return;
	}
	d->flags |= DIE_HAS_ENTRY;
	if (d->kind == DIE_SUBPROGRAM)
		d->flags |= DIE_HAS_CODE;
	d->entry = entry_address(w, a, d);
}

static int32_t record_die(struct walk *w, const struct raw_die *die,
			  int32_t caller, int32_t container)
{
	struct die_attrs a = { .r = w->r };
	struct die_rec *d;

	if (die_each_attr(w->r, die, collect_attr, &a, &w->err))
		return -1;
	d = unit_add_die(w->u);
	d->kind = die->tag == DW_TAG_subprogram ? DIE_SUBPROGRAM
						    : DIE_INLINED;
	d->off = die->off | (w->alt ? REF_ALT : 0);
	d->caller = caller;
	d->container = container;
	d->name = unit_add_string(w->u, a.name);
	if (a.has_origin)
		d->origin = ref_target(w, &a.origin);
	else if (a.has_spec)
		d->origin = ref_target(w, &a.spec);
	if (a.has_decl_file)
		d->decl_file = file_name(w, a.decl_file);
	d->decl_line = (uint32_t)a.decl_line;
	if (a.has_call_file)
		d->call_file = file_name(w, a.call_file);
	d->call_line = (uint32_t)a.call_line;
	if (a.declaration)
		d->flags |= DIE_DECLARATION;
	if (a.external)
		d->flags |= DIE_EXTERNAL;
	if (a.all_calls)
		d->flags |= DIE_ALL_CALLS;
	fill_code(w, die->off, &a, d);
	return (int32_t)(w->u->ndies - 1);
}

/* Only calls in code that runs count: the container must have code. */
static int record_call_site(struct walk *w, const struct raw_die *die,
			    int32_t caller, int32_t container)
{
	struct die_attrs a = { .r = w->r };
	struct die_rec *d;

	if (die_each_attr(w->r, die, collect_attr, &a, &w->err))
		return -1;
	if (container < 0)
		return 0;
	d = unit_add_die(w->u);
	d->kind = DIE_CALL_SITE;
	d->off = die->off | (w->alt ? REF_ALT : 0);
	d->caller = caller;
	d->container = container;
	d->entry = a.return_pc;
	if (a.has_origin)
		d->origin = ref_target(w, &a.origin);
	if (a.indirect || d->origin == REF_NONE)
		d->flags |= DIE_INDIRECT;
	return 0;
}

/* The address of a static-storage variable: DW_OP_addr or DW_OP_addrx. */
static bool static_address(struct walk *w, Dwarf_Attribute *loc,
			   Dwarf_Addr *addr)
{
	Dwarf_Block block;
	Dwarf_Op *ops;
	Dwarf_Attribute result;
	size_t nops;

	/* peek first: parsing every local's location would be slow */
	if (dwarf_whatform(loc) != DW_FORM_exprloc ||
	    dwarf_formblock(loc, &block) || block.length < 2 ||
	    (block.data[0] != DW_OP_addr && block.data[0] != DW_OP_addrx &&
	     block.data[0] != DW_OP_GNU_addr_index))
		return false;
	if (dwarf_getlocation(loc, &ops, &nops) || nops != 1)
		return false;
	if (ops[0].atom == DW_OP_addr)
		*addr = ops[0].number;
	else if (dwarf_getlocation_attr(loc, &ops[0], &result) ||
		 dwarf_formaddr(&result, addr))
		return false;
	return !is_tombstone(w, *addr);
}

/*
 * Variables are kept only to name the OBJECT symbols at their addresses
 * (livepatch correlation of promoted statics). Their name and declaration
 * may sit behind DW_AT_specification or DW_AT_abstract_origin: then libdw
 * follows it on this thread's own handle.
 */
static void declare_variable(struct walk *w, uint64_t off, struct die_rec *d)
{
	Dwarf_Attribute attr;
	Dwarf_Word value;
	Dwarf_Die die;
	bool flag;

	if (!libdw_die(w, off, &die))
		return;
	d->name = unit_add_string(w->u, dwarf_diename(&die));
	if (dwarf_attr_integrate(&die, DW_AT_decl_file, &attr) &&
	    attr.cu == die.cu && !dwarf_formudata(&attr, &value))
		d->decl_file = file_name(w, value);
	if (dwarf_attr_integrate(&die, DW_AT_decl_line, &attr) &&
	    !dwarf_formudata(&attr, &value))
		d->decl_line = (uint32_t)value;
	if (dwarf_attr_integrate(&die, DW_AT_external, &attr) &&
	    !dwarf_formflag(&attr, &flag) && flag)
		d->flags |= DIE_EXTERNAL;
}

static void record_variable(struct walk *w, const struct raw_die *var)
{
	struct die_attrs a = { .r = w->r };
	Dwarf_Attribute attr;
	Dwarf_Addr addr;
	struct die_rec *d;

	if (!die_attr(w->r, var, DW_AT_location, &attr) ||
	    !static_address(w, &attr, &addr) ||
	    die_each_attr(w->r, var, collect_attr, &a, &w->err))
		return;
	d = unit_add_die(w->u);
	d->kind = DIE_VARIABLE;
	d->off = var->off | (w->alt ? REF_ALT : 0);
	d->caller = d->container = -1;
	d->entry = addr;
	d->flags = DIE_HAS_ENTRY;
	if (a.has_spec || a.has_origin) {
		declare_variable(w, var->off, d);
		return;
	}
	d->name = unit_add_string(w->u, a.name);
	if (a.has_decl_file)
		d->decl_file = file_name(w, a.decl_file);
	d->decl_line = (uint32_t)a.decl_line;
	if (a.external)
		d->flags |= DIE_EXTERNAL;
}

static bool is_call_site(int tag)
{
	return tag == DW_TAG_call_site || tag == DW_TAG_GNU_call_site;
}

static void record_import(struct walk *w, const struct raw_die *die)
{
	Dwarf_Attribute attr;
	uint64_t target;

	if (!die_attr(w->r, die, DW_AT_import, &attr))
		return;
	target = ref_target(w, &attr);
	if (target != REF_NONE && target != REF_DANGLING)
		*ARRAY_PUSH(w->u->imports, w->u->nimports,
			    w->u->imports_cap) = target;
}

/* Only these can (transitively) hold subprograms or inline sites. */
static bool may_hold_functions(int tag)
{
	switch (tag) {
	case DW_TAG_lexical_block:
	case DW_TAG_namespace:
	case DW_TAG_structure_type:
	case DW_TAG_class_type:
	case DW_TAG_union_type:
	case DW_TAG_try_block:
	case DW_TAG_catch_block:
	case DW_TAG_module:
		return true;
	}
	return false;
}

static int walk_children(struct walk *w, const struct raw_die *parent,
			 int32_t caller, int32_t container, int depth,
			 const unsigned char **after);

/* A function DIE: recorded, then its children with it as their caller. */
static int walk_function(struct walk *w, const struct raw_die *die,
			 int32_t caller, int32_t container, int depth,
			 const unsigned char **after)
{
	int32_t idx = record_die(w, die, caller, container);

	if (idx < 0)
		return -1;
	if (die->tag == DW_TAG_subprogram && container < 0 &&
	    (w->u->dies[idx].flags & DIE_HAS_CODE))
		container = idx;
	return walk_children(w, die, idx, container, depth + 1, after);
}

static int walk_die(struct walk *w, const struct raw_die *die,
		    int32_t caller, int32_t container, int depth,
		    const unsigned char **after)
{
	unsigned int tag = die->tag;

	if (tag == DW_TAG_subprogram || tag == DW_TAG_inlined_subroutine)
		return walk_function(w, die, caller, container, depth, after);
	if (may_hold_functions(tag))
		return walk_children(w, die, caller, container, depth + 1,
				     after);
	if (is_call_site(tag) &&
	    record_call_site(w, die, caller, container))
		return -1;
	if (tag == DW_TAG_imported_unit)
		record_import(w, die);
	/* an inlined copy's statics are the out-of-line function's own */
	if (tag == DW_TAG_variable &&
	    (caller < 0 || w->u->dies[caller].kind != DIE_INLINED))
		record_variable(w, die);
	return die_skip_children(w->r, die, after, &w->err);
}

static int walk_children(struct walk *w, const struct raw_die *parent,
			 int32_t caller, int32_t container, int depth,
			 const unsigned char **after)
{
	const unsigned char *pos = parent->next;
	struct raw_die child;

	if (!parent->children) {
		*after = parent->next;
		return 0;
	}
	if (depth > MAX_DEPTH) {
		w->err = xasprintf("DIE nesting deeper than %d at 0x%llx",
				   MAX_DEPTH, (unsigned long long)parent->off);
		return -1;
	}
	for (;;) {
		if (die_read(w->r, pos, &child, &w->err))
			return -1;
		if (!child.abbrev)
			break;
		if (walk_die(w, &child, caller, container, depth, &pos))
			return -1;
	}
	*after = child.next;
	return 0;
}

static void read_unit_header(struct walk *w, Dwarf_Die *cudie)
{
	Dwarf_Attribute attr;
	Dwarf_Die tmp;
	uint8_t addr_size = 8;

	w->u->name = unit_add_string(w->u, dwarf_diename(cudie));
	if (dwarf_attr(cudie, DW_AT_producer, &attr))
		w->u->producer = unit_add_string(w->u,
						 dwarf_formstring(&attr));
	w->u->partial = dwarf_tag(cudie) == DW_TAG_partial_unit;
	dwarf_cu_die(cudie->cu, &tmp, NULL, NULL, &addr_size, NULL, NULL,
		     NULL);
	w->tombstone_min = addr_size == 4 ? 0xfffffffeULL : (uint64_t)-2;
	read_file_table(w, cudie);
}

static int walk_unit_dies(struct walk *w, Dwarf_Die *cudie, uint64_t end)
{
	struct debug_sections *sections = w->alt ? &w->in->alt_sections
						  : &w->in->sections;
	bool msb = w->in->ehdr.e_ident[EI_DATA] == ELFDATA2MSB;
	const unsigned char *after;
	struct raw_die top;
	int rc;

	if (die_reader_init(w->r, cudie, sections, end, msb, &w->err))
		return -1;
	rc = die_read(w->r, cudie->addr, &top, &w->err);
	if (!rc && top.abbrev)
		rc = walk_children(w, &top, -1, -1, 0, &after);
	debug_info_walked(sections, w->r->unit, w->r->end);
	return rc;
}

void walk_scratch_free(struct walk_scratch *scratch)
{
	unit_rec_free(&scratch->unit);
	die_reader_free(&scratch->reader);
}

void walk_unit(struct input *in, struct unit_ref ref,
	       struct walk_scratch *scratch, struct unit_rec *out,
	       struct arena *arena, char **err)
{
	struct walk w = { .in = in, .u = &scratch->unit,
			  .r = &scratch->reader };
	Dwarf_Off off = ref.off & ~REF_ALT, next;
	size_t hsize;
	Dwarf_Half version;
	Dwarf_Die cudie;

	w.alt = ref.off & REF_ALT;
	w.relocatable = in->ehdr.e_type == ET_REL;
	w.dbg = w.alt ? in->alt : in->dbg;
	*err = NULL;
	if (dwarf_next_unit(w.dbg, off, &next, &hsize, &version, NULL, NULL,
			    NULL, NULL, NULL) ||
	    !dwarf_offdie(w.dbg, off + hsize, &cudie)) {
		out->failed = true;
		*err = xasprintf("cannot read unit at 0x%llx: %s",
				 (unsigned long long)off, dwarf_errmsg(-1));
		return;
	}
	w.u->off = (off + hsize) | (w.alt ? REF_ALT : 0);
	w.u->version = version;
	read_unit_header(&w, &cudie);
	if (walk_unit_dies(&w, &cudie, next)) {
		w.u->failed = true;
		*err = w.err;
	}
	free(w.file_names);
	file_table_free(&w.table);
	unit_rec_move_exact(out, w.u, arena);
}

static int list_units_of(Dwarf *dbg, uint64_t flag, struct unit_ref **units,
			 size_t *n, size_t *cap, char **err)
{
	Dwarf_Off off = 0, next;
	size_t hsize;
	uint8_t unit_type;
	Dwarf_Half version;
	Dwarf_Die cudie;
	int rc;

	while ((rc = dwarf_next_unit(dbg, off, &next, &hsize, &version, NULL,
				     NULL, NULL, NULL, NULL)) == 0) {
		if (!dwarf_offdie(dbg, off + hsize, &cudie) ||
		    dwarf_cu_info(cudie.cu, NULL, &unit_type, NULL, NULL,
				  NULL, NULL, NULL)) {
			*err = xasprintf("corrupt unit header at 0x%llx: %s",
					 (unsigned long long)off,
					 dwarf_errmsg(-1));
			return -1;
		}
		if (unit_type == DW_UT_compile || unit_type == DW_UT_partial)
			ARRAY_PUSH(*units, *n, *cap)->off = off | flag;
		if (next <= off)
			break;
		off = next;
	}
	if (rc < 0) {
		*err = xasprintf("corrupt unit header at 0x%llx: %s",
				 (unsigned long long)off, dwarf_errmsg(-1));
		return -1;
	}
	return 0;
}

int walk_list_units(struct input *in, struct unit_ref **units, size_t *n,
		    char **err)
{
	size_t cap = 0;

	*units = NULL;
	*n = 0;
	*err = NULL;
	if (list_units_of(in->dbg, 0, units, n, &cap, err) ||
	    (in->alt && list_units_of(in->alt, REF_ALT, units, n, &cap, err)))
		goto fail;
	if (!*n) {
		*err = xstrdup("no compile units in .debug_info");
		goto fail;
	}
	return 0;
fail:
	free(*units);
	*units = NULL;
	*n = 0;
	return -1;
}
