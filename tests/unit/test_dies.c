// SPDX-License-Identifier: GPL-2.0-only
/*
 * The own DIE reader (dwarf/dies.c) and file-table reader (dwarf/lines.c)
 * against libdw over whole files: every DIE's offset, tag, children,
 * attributes (name and form, in order), the values inlscan decodes
 * itself (strings, constants, addresses, flags), where each subtree ends
 * (by walking it and by DW_AT_sibling), and every unit's file table
 * against dwarf_getsrcfiles/dwarf_filesrc.
 *   test_dies [--every N] FILE...   (every Nth unit of each file)
 */
#include <dwarf.h>
#include <elfutils/libdw.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/util.h"
#include "../../dwarf/dies.h"
#include "../../dwarf/input.h"
#include "../../dwarf/lines.h"
#include "check.h"

#define MAX_ATTRS 64
/* Mismatches described in full; the rest only counted. */
#define SHOWN 5

struct tally {
	const char *path;
	size_t units, dies, attrs, values, files, fallbacks;
	size_t die_diffs, attr_diffs, value_diffs, end_diffs, file_diffs;
};

struct attr_list {
	Dwarf_Attribute a[MAX_ATTRS];
	size_t n;
};

static int collect(Dwarf_Attribute *attr, void *arg)
{
	struct attr_list *l = arg;

	if (l->n < MAX_ATTRS)
		l->a[l->n++] = *attr;
	return DWARF_CB_OK;
}

static void say(size_t *count, const char *path, const char *what,
		unsigned long long off, const char *got, const char *want)
{
	if ((*count)++ < SHOWN)
		printf("  %s: DIE 0x%llx: %s: ours '%s', libdw '%s'\n", path,
		       off, what, got ? got : "(null)", want ? want : "(null)");
}

static bool is_string_form(unsigned int form)
{
	switch (form) {
	case DW_FORM_string: case DW_FORM_strp: case DW_FORM_line_strp:
	case DW_FORM_strx: case DW_FORM_strx1: case DW_FORM_strx2:
	case DW_FORM_strx3: case DW_FORM_strx4: case DW_FORM_GNU_strp_alt:
		return true;
	}
	return false;
}

static bool is_constant_form(unsigned int form)
{
	switch (form) {
	case DW_FORM_data1: case DW_FORM_data2: case DW_FORM_data4:
	case DW_FORM_data8: case DW_FORM_udata: case DW_FORM_sec_offset:
	case DW_FORM_implicit_const:
		return true;
	}
	return false;
}

static bool is_addr_form(unsigned int form)
{
	switch (form) {
	case DW_FORM_addr: case DW_FORM_addrx: case DW_FORM_addrx1:
	case DW_FORM_addrx2: case DW_FORM_addrx3: case DW_FORM_addrx4:
		return true;
	}
	return false;
}

/* One value decoded by the reader and by libdw from libdw's attribute. */
static void compare_value(struct tally *t, const struct die_reader *r,
			  Dwarf_Attribute *ours, Dwarf_Attribute *theirs,
			  unsigned long long off)
{
	char got[64], want[64];
	Dwarf_Word u1 = 0, u2 = 0;
	Dwarf_Addr a1 = 0, a2 = 0;
	bool f1 = false, f2 = false;
	const char *s1, *s2;
	int rc1, rc2;

	t->values++;
	if (is_string_form(ours->form)) {
		s1 = die_form_string(r, ours);
		s2 = dwarf_formstring(theirs);
		if (s1 != s2 && (!s1 || !s2 || strcmp(s1, s2)))
			say(&t->value_diffs, t->path, "string", off, s1, s2);
		return;
	}
	if (is_constant_form(ours->form)) {
		rc1 = die_form_udata(r, ours, &u1);
		rc2 = dwarf_formudata(theirs, &u2);
		rc1 = rc1 != 0, rc2 = rc2 != 0;
	} else if (is_addr_form(ours->form)) {
		rc1 = die_form_addr(r, ours, &a1) != 0;
		rc2 = dwarf_formaddr(theirs, &a2) != 0;
		u1 = a1, u2 = a2;
	} else if (ours->form == DW_FORM_flag ||
		   ours->form == DW_FORM_flag_present) {
		rc1 = die_form_flag(ours, &f1) != 0;
		rc2 = dwarf_formflag(theirs, &f2) != 0;
		u1 = f1, u2 = f2;
	} else {
		t->values--;
		return;
	}
	if (rc1 != rc2 || (!rc1 && u1 != u2)) {
		snprintf(got, sizeof(got), "rc %d value 0x%llx", rc1,
			 (unsigned long long)u1);
		snprintf(want, sizeof(want), "rc %d value 0x%llx", rc2,
			 (unsigned long long)u2);
		say(&t->value_diffs, t->path, "value", off, got, want);
	}
}

static void compare_attrs(struct tally *t, const struct die_reader *r,
			  const struct raw_die *d, Dwarf_Die *ld)
{
	struct attr_list ours = { .n = 0 }, theirs = { .n = 0 };
	char *err = NULL;
	char got[32], want[32];
	size_t i;

	if (die_each_attr(r, d, collect, &ours, &err)) {
		say(&t->attr_diffs, t->path, "attributes", d->off, err, "ok");
		free(err);
		return;
	}
	dwarf_getattrs(ld, collect, &theirs, 0);
	t->attrs += theirs.n;
	for (i = 0; i < ours.n || i < theirs.n; i++) {
		if (i >= ours.n || i >= theirs.n ||
		    ours.a[i].code != theirs.a[i].code ||
		    ours.a[i].form != theirs.a[i].form) {
			snprintf(got, sizeof(got), "#%zu of %zu", i, ours.n);
			snprintf(want, sizeof(want), "#%zu of %zu", i,
				 theirs.n);
			say(&t->attr_diffs, t->path, "attribute", d->off, got,
			    want);
			return;
		}
		compare_value(t, r, &ours.a[i], &theirs.a[i], d->off);
	}
}

/*
 * The DIE at pos against ld, then its children; *after: where the reader
 * goes on. Returns false when the two disagree on the tree's shape.
 */
static bool compare_die(struct tally *t, const struct die_reader *r,
			const unsigned char *pos, Dwarf_Die *ld,
			const unsigned char **after)
{
	const unsigned char *skipped = NULL, *child_pos;
	struct raw_die d, child;
	Dwarf_Die lchild;
	char *err = NULL;
	char got[48], want[48];
	int more;

	if (die_read(r, pos, &d, &err) || !d.abbrev) {
		say(&t->die_diffs, t->path, "read", dwarf_dieoffset(ld),
		    err ? err : "null entry", "a DIE");
		free(err);
		return false;
	}
	t->dies++;
	if (d.off != dwarf_dieoffset(ld) || d.tag != (unsigned)dwarf_tag(ld) ||
	    d.children != (dwarf_haschildren(ld) > 0)) {
		snprintf(got, sizeof(got), "0x%llx tag 0x%x children %d",
			 (unsigned long long)d.off, d.tag, d.children);
		snprintf(want, sizeof(want), "0x%llx tag 0x%x children %d",
			 (unsigned long long)dwarf_dieoffset(ld),
			 dwarf_tag(ld), dwarf_haschildren(ld) > 0);
		say(&t->die_diffs, t->path, "DIE", d.off, got, want);
		return false;
	}
	compare_attrs(t, r, &d, ld);
	*after = d.next;
	if (!d.children)
		return true;
	if (die_skip_children(r, &d, &skipped, &err)) {
		say(&t->end_diffs, t->path, "skip", d.off, err, "ok");
		free(err);
		err = NULL;
	}
	child_pos = d.next;
	more = dwarf_child(ld, &lchild) == 0;
	while (more) {
		if (!compare_die(t, r, child_pos, &lchild, &child_pos))
			return false;
		more = dwarf_siblingof(&lchild, &lchild) == 0;
	}
	/* the null entry that ends the children */
	if (die_read(r, child_pos, &child, &err) || child.abbrev) {
		say(&t->die_diffs, t->path, "end of children", d.off,
		    err ? err : "a DIE", "null entry");
		free(err);
		return false;
	}
	*after = child.next;
	if (skipped && skipped != *after)
		say(&t->end_diffs, t->path, "subtree end by skip", d.off,
		    "differs", "walked");
	return true;
}

static void compare_files(struct tally *t, const struct debug_sections *s,
			  Dwarf_Die *cudie, bool msb)
{
	struct file_table table = { 0 };
	Dwarf_Attribute attr;
	Dwarf_Word offset;
	Dwarf_Files *files;
	const char *comp_dir = NULL, *want;
	size_t n, i;
	char *got;

	if (!dwarf_attr(cudie, DW_AT_stmt_list, &attr) ||
	    dwarf_formudata(&attr, &offset))
		return;
	if (dwarf_attr(cudie, DW_AT_comp_dir, &attr))
		comp_dir = dwarf_formstring(&attr);
	if (file_table_read(s, offset, comp_dir, msb, &table)) {
		t->fallbacks++;
		return;
	}
	if (dwarf_getsrcfiles(cudie, &files, &n)) {
		say(&t->file_diffs, t->path, "file table",
		    dwarf_dieoffset(cudie), "read", "unreadable");
		file_table_free(&table);
		return;
	}
	if (n != table.nnames)
		say(&t->file_diffs, t->path, "file count",
		    dwarf_dieoffset(cudie), "differs", "");
	for (i = 0; i < n && i < table.nnames; i++) {
		t->files++;
		got = file_table_path(&table, i);
		want = dwarf_filesrc(files, i, NULL, NULL);
		if (!got != !want || (got && strcmp(got, want)))
			say(&t->file_diffs, t->path, "file",
			    dwarf_dieoffset(cudie), got, want);
		free(got);
	}
	file_table_free(&table);
}

static void compare_input(const char *path, size_t every)
{
	struct tally t = { .path = path };
	struct die_reader r = { 0 };
	struct input in;
	Dwarf_Off off = 0, next;
	size_t hsize, k = 0;
	Dwarf_Die cudie;
	const unsigned char *after;
	char *err = NULL;
	bool msb;

	if (input_open(&in, path, NULL, &err)) {
		CHECK(false, "%s: %s", path, err);
		free(err);
		return;
	}
	msb = in.ehdr.e_ident[EI_DATA] == ELFDATA2MSB;
	while (dwarf_nextcu(in.dbg, off, &next, &hsize, NULL, NULL, NULL) ==
	       0) {
		if (k++ % every || !dwarf_offdie(in.dbg, off + hsize, &cudie)) {
			off = next;
			continue;
		}
		t.units++;
		if (die_reader_init(&r, &cudie, &in.sections, next, msb,
				    &err)) {
			say(&t.die_diffs, path, "unit", off, err, "ok");
			free(err);
			err = NULL;
		} else {
			compare_die(&t, &r, cudie.addr, &cudie, &after);
		}
		compare_files(&t, &in.sections, &cudie, msb);
		off = next;
	}
	die_reader_free(&r);
	input_close(&in);
	printf("# %s: %zu units, %zu DIEs, %zu attributes, %zu values, "
	       "%zu file names (%zu tables left to libdw)\n", path, t.units,
	       t.dies, t.attrs, t.values, t.files, t.fallbacks);
	CHECK(t.units > 0 && t.dies > t.units, "%s: units and DIEs read",
	      path);
	CHECK_EQ(t.die_diffs, 0, "%s: DIEs (offset, tag, children) differ",
		 path);
	CHECK_EQ(t.attr_diffs, 0, "%s: attribute lists differ", path);
	CHECK_EQ(t.value_diffs, 0, "%s: decoded values differ", path);
	CHECK_EQ(t.end_diffs, 0, "%s: subtree ends differ", path);
	CHECK_EQ(t.file_diffs, 0, "%s: file tables differ", path);
}

int main(int argc, char **argv)
{
	size_t every = 1;
	int i = 1;

	if (argc > 2 && !strcmp(argv[1], "--every")) {
		every = strtoul(argv[2], NULL, 10);
		every = every ? every : 1;
		i = 3;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: test_dies [--every N] FILE...\n");
		return 2;
	}
	for (; i < argc; i++)
		compare_input(argv[i], every);
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
