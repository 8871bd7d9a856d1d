// SPDX-License-Identifier: GPL-2.0-only
/*
 * The analyzer on hand-built records: no ELF, no libdw. Each case builds
 * the units a compiler would emit for a situation of SPEC.md and checks
 * the classification that the definitions imply.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../analyzer/analyze.h"
#include "../../analyzer/compare.h"
#include "../../analyzer/livepatch.h"
#include "../../analyzer/symbols.h"
#include "../../analyzer/tracer.h"
#include "../../common/util.h"
#include "check.h"

static struct image_rec *new_image(size_t nunits)
{
	struct image_rec *img = xcalloc(1, sizeof(*img));

	img->path = xstrdup("test");
	img->machine = xstrdup("x86_64");
	img->elf_kind = ELF_KIND_EXEC;
	img->lto_note = LTO_NOTE_ABSENT;
	img->units = xcalloc(nunits, sizeof(*img->units));
	img->nunits = nunits;
	return img;
}

static struct unit_rec *unit(struct image_rec *img, size_t i, uint64_t off,
			     const char *name)
{
	struct unit_rec *u = &img->units[i];

	u->off = off;
	u->version = 5;
	u->name = unit_add_string(u, name);
	u->partial = name == NULL;
	u->producer = unit_add_string(u, "clang version 19");
	return u;
}

/* An abstract or declared function: a root with a name and a decl. */
static int root(struct unit_rec *u, uint64_t off, const char *name,
		const char *file, uint32_t line)
{
	struct die_rec *d = unit_add_die(u);

	d->kind = DIE_SUBPROGRAM;
	d->off = off;
	d->name = unit_add_string(u, name);
	d->decl_file = unit_add_string(u, file);
	d->decl_line = line;
	return (int)(u->ndies - 1);
}

static int concrete(struct unit_rec *u, uint64_t off, uint64_t origin,
		    uint64_t lo, uint64_t hi)
{
	struct die_rec *d = unit_add_die(u);

	d->kind = DIE_SUBPROGRAM;
	d->off = off;
	d->origin = origin;
	d->flags = DIE_HAS_CODE | DIE_HAS_ENTRY;
	unit_add_range(u, d, lo, hi);
	d->entry = lo;
	return (int)(u->ndies - 1);
}

static void site(struct unit_rec *u, uint64_t off, uint64_t origin,
		 int container, uint64_t entry)
{
	struct die_rec *d = unit_add_die(u);

	d->kind = DIE_INLINED;
	d->off = off;
	d->origin = origin;
	d->caller = container;
	d->container = container;
	if (container >= 0) {
		unit_add_range(u, d, entry, entry + 4);
		d->entry = entry;
		d->flags = DIE_HAS_ENTRY;
	}
}

static void add_sym(struct image_rec *img, const char *name, uint64_t addr,
		    uint64_t size)
{
	size_t cap = img->nsyms;
	struct sym_rec *s = ARRAY_PUSH(img->syms, img->nsyms, cap);

	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->addr = addr;
	s->size = size;
	s->kind = SYM_FUNC;
}

static const struct function *fn(const struct report *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nfunctions; i++)
		if (!strcmp(r->functions[i].name, name))
			return &r->functions[i];
	return NULL;
}

static struct report *analyze(struct image_rec *img, bool sites)
{
	struct analyze_opts opts = { .want_sites = sites };

	return analyze_image(img, &opts);
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool same_owner(const struct symbol_owner *a,
		       const struct symbol_owner *b)
{
	return same_str(a->name, b->name) &&
	       same_str(a->decl_file, b->decl_file) &&
	       a->decl_line == b->decl_line && same_str(a->tu, b->tu);
}

static bool same_copies(const struct function *a, const struct function *b)
{
	const struct outline_copy *x, *y;
	size_t i;

	if (a->ncopies != b->ncopies)
		return false;
	for (i = 0; i < a->ncopies; i++) {
		x = &a->copies[i];
		y = &b->copies[i];
		if (!same_str(x->symbol, y->symbol) ||
		    !same_str(x->clone, y->clone) || !same_str(x->tu, y->tu) ||
		    x->address != y->address || x->size != y->size ||
		    x->ftrace != y->ftrace ||
		    !same_str(x->nokprobe, y->nokprobe))
			return false;
	}
	return true;
}

static bool same_sites(const struct function *a, const struct function *b)
{
	const struct inline_site *x, *y;
	size_t i;

	if (a->nsite_list != b->nsite_list)
		return false;
	for (i = 0; i < a->nsite_list; i++) {
		x = &a->site_list[i];
		y = &b->site_list[i];
		if (!same_str(x->caller, y->caller) ||
		    !same_str(x->container, y->container) ||
		    !same_str(x->tu, y->tu) || x->entry != y->entry ||
		    x->cross_tu != y->cross_tu ||
		    !same_str(x->probe_symbol, y->probe_symbol) ||
		    !same_str(x->refused, y->refused))
			return false;
	}
	return true;
}

static bool same_function(const struct function *a, const struct function *b)
{
	size_t i;

	if (strcmp(a->name, b->name) || a->status != b->status ||
	    a->scope != b->scope || a->sites != b->sites ||
	    a->sites_same_tu != b->sites_same_tu ||
	    a->sites_cross_tu != b->sites_cross_tu ||
	    a->ndecls != b->ndecls || a->in_symtab != b->in_symtab ||
	    a->plain_symbol != b->plain_symbol || a->ftrace != b->ftrace ||
	    a->blind != b->blind || a->direct_calls != b->direct_calls ||
	    a->inlined_bytes != b->inlined_bytes ||
	    a->exported != b->exported)
		return false;
	for (i = 0; i < a->ndecls; i++)
		if (!same_str(a->decls[i].file, b->decls[i].file) ||
		    a->decls[i].line != b->decls[i].line ||
		    a->decls[i].external != b->decls[i].external)
			return false;
	return same_copies(a, b) && same_sites(a, b);
}

/*
 * Several threads (roots resolved in slices, names split into partitions)
 * give the report one thread gives: every function, count and owner.
 */
static void check_same_with_threads(const struct image_rec *img,
				    const struct report *one)
{
	struct analyze_opts opts = { .jobs = 3,
				     .want_sites = one->sites_listed };
	struct report *r = analyze_image(img, &opts);
	bool same = r->nfunctions == one->nfunctions &&
		    r->nsymbols == one->nsymbols &&
		    !memcmp(&r->summary, &one->summary, sizeof(r->summary));
	size_t i;

	for (i = 0; same && i < r->nfunctions; i++)
		same = same_function(&r->functions[i], &one->functions[i]);
	for (i = 0; same && i < r->nsymbols; i++)
		same = same_owner(&r->symbols[i].owner,
				  &one->symbols[i].owner);
	CHECK(same, "3 threads: %zu functions, %zu unresolved; 1 thread: "
		    "%zu, %zu", r->nfunctions, r->summary.unresolved_refs,
	      one->nfunctions, one->summary.unresolved_refs);
	report_free(r);
}

/* Every case also checks that threads change nothing. */
static void done(struct image_rec *img, struct report *r)
{
	check_same_with_threads(img, r);
	report_free(r);
	image_rec_free(img);
	free(img);
}

/* ThinLTO: b.c is repeated in a.c's module; a site there is same-TU. A
 * site of b.c's function in a.c's unit, by DW_FORM_ref_addr, is cross-TU.
 */
static void test_thinlto_units(void)
{
	struct image_rec *img = new_image(3);
	struct unit_rec *a = unit(img, 0, 0x10, "a.c");
	struct unit_rec *b = unit(img, 1, 0x100, "b.c");
	struct unit_rec *b2 = unit(img, 2, 0x200, "b.c");
	struct report *r;
	const struct function *f;
	int c;

	root(b, 0x110, "bar", "b.c", 3);
	concrete(b, 0x118, 0x110, 0x1000, 0x1040);
	root(b, 0x11c, "b_user", "b.c", 9);
	c = concrete(b, 0x120, 0x11c, 0x1100, 0x1140);
	site(b, 0x130, 0x110, c, 0x1110);
	/* b.c again, imported into a.c's module: same TU by name */
	root(b2, 0x210, "bar", "b.c", 3);
	c = concrete(b2, 0x220, 0, 0x2000, 0x2040);
	site(b2, 0x230, 0x210, c, 0x2008);
	c = concrete(a, 0x20, 0, 0x3000, 0x3040);
	site(a, 0x30, 0x110, c, 0x3004);	/* cross-unit origin */
	add_sym(img, "bar.llvm.12345", 0x1000, 0x40);
	add_sym(img, "main", 0x3000, 0x40);
	r = analyze(img, true);
	f = fn(r, "bar");
	CHECK(f && f->sites == 3 && f->sites_same_tu == 2 &&
		      f->sites_cross_tu == 1,
	      "bar: 3 sites, 2 same-TU, 1 cross-TU");
	CHECK(f && f->status == STATUS_PARTIAL && f->scope == SCOPE_BOTH,
	      "bar partial, both");
	CHECK(f && !f->plain_symbol, "bar only exists as bar.llvm.N");
	CHECK(f && f->in_symtab, "bar counts by symtab (suffix stripped)");
	CHECK_EQ(r->summary.functions_partial_clone_only, 1,
	      "one partial name without a plain symbol");
	CHECK(!strcmp(r->lto, "thin"), "duplicate unit names: thin, got %s",
	      r->lto);
	/* sites come in unit order: a.c's first */
	CHECK(f && f->nsite_list == 3 && f->site_list[0].probe_symbol &&
		      !strcmp(f->site_list[0].probe_symbol, "main") &&
		      f->site_list[0].probe_offset == 4 &&
		      f->site_list[0].cross_tu,
	      "site in main probes main+0x4");
	CHECK(r->nsuffixed == 1 && r->suffixed[0].base_unique,
	      "bar.llvm.12345: unique base");
	done(img, r);
}

/* dwz: the root lives in a partial unit; importers are same-TU. */
static void test_dwz_partial_unit(void)
{
	struct image_rec *img = new_image(3);
	struct unit_rec *p = unit(img, 0, 0x10 | REF_ALT, NULL);
	struct unit_rec *a = unit(img, 1, 0x100, "a.c");
	struct unit_rec *b = unit(img, 2, 0x200, "b.c");
	struct report *r;
	const struct function *f;
	int c;

	root(p, 0x20 | REF_ALT, "helper", "h.h", 7);
	*ARRAY_PUSH(a->imports, a->nimports, a->imports_cap) = 0x10 | REF_ALT;
	c = concrete(a, 0x110, 0, 0x1000, 0x1100);
	site(a, 0x120, 0x20 | REF_ALT, c, 0x1010);
	/* b.c does not import the partial unit: a cross-TU site */
	c = concrete(b, 0x210, 0, 0x2000, 0x2100);
	site(b, 0x220, 0x20 | REF_ALT, c, 0x2010);
	r = analyze(img, false);
	f = fn(r, "helper");
	CHECK(f && f->sites_same_tu == 1 && f->sites_cross_tu == 1,
	      "helper: importer same-TU, non-importer cross-TU");
	CHECK(f && f->status == STATUS_FULL, "helper full");
	done(img, r);
}

/* Origin chains: concrete -> abstract -> declaration (specification). */
static void test_origin_chain_and_cycle(void)
{
	struct image_rec *img = new_image(1);
	struct unit_rec *u = unit(img, 0, 0x10, "a.c");
	struct report *r;
	struct die_rec *d;
	int c;

	root(u, 0x20, "decl_only", "a.h", 1);
	d = unit_add_die(u);	/* abstract instance, no name of its own */
	d->kind = DIE_SUBPROGRAM;
	d->off = 0x30;
	d->origin = 0x20;	/* its DW_AT_specification */
	c = concrete(u, 0x40, 0x30, 0x1000, 0x1010);
	site(u, 0x50, 0x30, c, 0x1004);
	/* a loop: 0x60 -> 0x70 -> 0x60 */
	d = unit_add_die(u);
	d->kind = DIE_SUBPROGRAM;
	d->off = 0x60;
	d->origin = 0x70;
	d->name = unit_add_string(u, "loop");
	d = unit_add_die(u);
	d->kind = DIE_SUBPROGRAM;
	d->off = 0x70;
	d->origin = 0x60;
	site(u, 0x80, 0x60, c, 0x1008);
	site(u, 0x90, 0x9999, c, 0x100c);	/* points nowhere */
	r = analyze(img, false);
	CHECK(fn(r, "decl_only") && fn(r, "decl_only")->status ==
		      STATUS_PARTIAL,
	      "concrete and site resolve through the specification");
	CHECK(fn(r, "decl_only") && fn(r, "decl_only")->ndecls == 1 &&
		      fn(r, "decl_only")->decls[0].line == 1,
	      "declaration from the root");
	CHECK(r->summary.unresolved_refs >= 2,
	      "loop and dangling reference counted, got %zu",
	      r->summary.unresolved_refs);
	done(img, r);
}

/*
 * A declaration whose DW_AT_specification points nowhere still names its
 * sites: the chain ends at the last DIE found, and the reference is
 * counted as unresolved, once. The DIEs followed after it in the unit
 * are counted as those before it.
 */
static void test_dangling_specification(void)
{
	struct image_rec *img = new_image(1);
	struct unit_rec *u = unit(img, 0, 0x10, "a.c");
	struct report *r;
	int c;

	root(u, 0x20, "caller", "a.c", 1);
	root(u, 0x30, "dangling", "a.h", 2);
	u->dies[u->ndies - 1].origin = 0x9999;
	root(u, 0x40, "plain", "a.h", 3);
	c = concrete(u, 0x50, 0x20, 0x1000, 0x1040);
	site(u, 0x60, 0x30, c, 0x1004);
	site(u, 0x70, 0x40, c, 0x1008);
	site(u, 0x80, 0x30, c, 0x100c);
	site(u, 0x90, 0x40, c, 0x1010);
	r = analyze(img, false);
	CHECK(fn(r, "dangling") && fn(r, "dangling")->sites == 2 &&
		      fn(r, "dangling")->status == STATUS_FULL,
	      "dangling: 2 sites through the broken specification");
	CHECK(fn(r, "plain") && fn(r, "plain")->sites == 2,
	      "plain: 2 sites, listed after the broken chain");
	CHECK_EQ(r->summary.unresolved_refs, 1,
	      "the one broken reference counted once");
	done(img, r);
}

/*
 * A name is one function wherever its roots lie: in four units, which
 * threads read in different slices, each of eight names ends a broken
 * chain in one unit and is a plain root in the other three.
 */
static void test_names_meet_across_units(void)
{
	struct image_rec *img = new_image(4);
	struct unit_rec *u;
	struct report *r;
	char name[16];
	bool all = true;
	uint64_t off;
	int i, k, c;

	for (k = 0; k < 4; k++) {
		off = 0x1000 * (uint64_t)(k + 1);
		u = unit(img, (size_t)k, off, "a.c");
		root(u, off + 0x10, "caller", "a.c", 1);
		c = concrete(u, off + 0x20, off + 0x10, off, off + 0x100);
		for (i = 0; i < 8; i++) {
			snprintf(name, sizeof(name), "shared_%d", i);
			root(u, off + 0x30 + (uint64_t)i * 0x10, name, "a.h",
			     (uint32_t)i + 10);
			if (i % 4 == k)
				u->dies[u->ndies - 1].origin = 0xfff0;
			site(u, off + 0xb0 + (uint64_t)i * 0x10,
			     off + 0x30 + (uint64_t)i * 0x10, c,
			     off + (uint64_t)i * 4);
		}
	}
	r = analyze(img, false);
	for (i = 0; i < 8; i++) {
		snprintf(name, sizeof(name), "shared_%d", i);
		all &= fn(r, name) && fn(r, name)->sites == 4 &&
		       fn(r, name)->ndecls == 1;
	}
	CHECK(all, "each shared_N: one function, 4 sites, 1 declaration");
	CHECK_EQ(r->nfunctions, 9, "8 shared names and caller");
	CHECK_EQ(r->summary.unresolved_refs, 8,
	      "8 broken references");
	done(img, r);
}

/*
 * References are found whatever order the units and DIEs come in: the
 * walker lists them by offset, records built otherwise need not.
 */
static void test_unordered_records(void)
{
	struct image_rec *img = new_image(2);
	struct unit_rec *late = unit(img, 0, 0x200, "b.c");
	struct unit_rec *early = unit(img, 1, 0x10, "a.c");
	struct report *r;
	int c;

	c = concrete(late, 0x240, 0x20, 0x2000, 0x2010);
	site(late, 0x250, 0x30, c, 0x2004);	/* into the earlier unit */
	site(late, 0x210, 0x220, c, 0x2008);	/* back in its own unit */
	root(late, 0x220, "later_inline", "b.c", 9);
	root(early, 0x30, "helper", "a.h", 3);
	root(early, 0x20, "main_fn", "a.c", 7);
	r = analyze(img, false);
	CHECK(fn(r, "main_fn") && fn(r, "main_fn")->ncopies == 1,
	      "copy found through an out-of-order unit");
	CHECK(fn(r, "helper") && fn(r, "helper")->sites == 1 &&
		      fn(r, "later_inline") && fn(r, "later_inline")->sites == 1,
	      "both sites resolve though DIEs are out of offset order");
	CHECK_EQ(r->summary.unresolved_refs, 0, "nothing unresolved");
	done(img, r);
}

/* Two static functions sharing a name: one name, two declarations. */
static void test_decls(void)
{
	struct image_rec *img = new_image(2);
	struct unit_rec *a = unit(img, 0, 0x10, "a.c");
	struct unit_rec *b = unit(img, 1, 0x100, "b.c");
	struct report *r;
	int c;

	root(a, 0x20, "show", "a.c", 10);
	c = concrete(a, 0x30, 0, 0x1000, 0x1100);
	site(a, 0x40, 0x20, c, 0x1010);
	root(b, 0x120, "show", "b.c", 20);
	concrete(b, 0x130, 0x120, 0x2000, 0x2100);
	r = analyze(img, false);
	CHECK(fn(r, "show") && fn(r, "show")->status == STATUS_PARTIAL,
	      "by name: show is partial");
	CHECK(r->summary.decls_partial == 0 && r->summary.decls_full == 1,
	      "by declaration: a.c:10 full, b.c:20 outline (got %zu/%zu)",
	      r->summary.decls_partial, r->summary.decls_full);
	CHECK(fn(r, "show") && fn(r, "show")->ndecls == 2, "two decls");
	done(img, r);
}

/* Discarded code (__exit in vmlinux) is neither an instance nor a site. */
static void test_discarded(void)
{
	struct image_rec *img = new_image(1);
	struct unit_rec *u = unit(img, 0, 0x10, "a.c");
	struct report *r;
	struct die_rec *d;
	int gone;

	root(u, 0x20, "cleanup", "a.c", 5);
	d = unit_add_die(u);
	d->kind = DIE_SUBPROGRAM;
	d->off = 0x30;
	d->origin = 0x20;
	d->flags = DIE_DISCARDED;
	gone = (int)(u->ndies - 1);
	(void)gone;
	site(u, 0x40, 0x20, -1, 0);
	r = analyze(img, false);
	CHECK(!fn(r, "cleanup"), "cleanup: no instance, no counted site");
	CHECK(r->summary.inline_sites == 0 &&
		      r->summary.inline_sites_discarded == 1,
	      "the site counts as discarded");
	done(img, r);
}

static void test_clone_kinds(void)
{
	struct strpool pool = { 0 };
	static const char *const cases[][3] = {
		{ "foo", "foo", NULL },
		{ "foo.isra.0", "foo", "isra" },
		{ "foo.constprop.0.isra.0", "foo", "constprop.isra" },
		{ "foo.isra.0.cold", "foo", "isra.cold" },
		{ "foo.part.3", "foo", "part" },
		{ "foo.cold", "foo", "cold" },
		{ "foo.llvm.1327840", "foo", "llvm" },
		{ "foo.lto_priv.0", "foo", "lto_priv" },
		{ "__x64_sys_foo", "foo", "alias" },
		{ "foobar", "foo", "alias" },
	};
	const char *got;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		got = clone_kind(&pool, cases[i][0], cases[i][1]);
		CHECK((!got && !cases[i][2]) ||
			      (got && cases[i][2] && !strcmp(got, cases[i][2])),
		      "clone_kind(%s) = %s, want %s", cases[i][0],
		      got ? got : "NULL", cases[i][2] ? cases[i][2] : "NULL");
	}
	strpool_free(&pool);
}

static void call_site(struct unit_rec *u, uint64_t off, uint64_t callee,
		      int container)
{
	struct die_rec *d = unit_add_die(u);

	d->kind = DIE_CALL_SITE;
	d->off = off;
	d->origin = callee;
	d->caller = container;
	d->container = container;
	if (!callee)
		d->flags = DIE_INDIRECT;
}

/*
 * A kernel-like image: mcount entries, a NOKPROBE_SYMBOL address and a
 * .noinstr.text range decide what a tracer can attach to.
 *   traced:  partial, copy has mcount           -> incomplete, deny-listed
 *   notrace: partial, copy has no mcount        -> not attachable
 *   nokp:    outline, copy blacklisted          -> not attachable
 *   noinstr: partial, copy in .noinstr.text     -> not attachable
 *   hidden:  full                               -> untraceable
 *   cloned:  partial, only cloned.isra.0        -> untraceable, deny-listed
 */
static void test_blind_spots(void)
{
	static const char *const names[] = {
		"traced", "notrace", "nokp", "noinstr", "hidden", "cloned",
	};
	struct image_rec *img = new_image(1);
	struct unit_rec *u = unit(img, 0, 0x10, "k.c");
	struct deny_entry *deny;
	struct probe_point *pts;
	struct report *r;
	const struct function *f;
	size_t i, n, cap = 0;
	int c;

	for (i = 0; i < 6; i++) {
		root(u, 0x100 + i * 0x10, names[i], "kernel/k.c", 10 + i);
		if (i != 4)
			concrete(u, 0x108 + i * 0x10, 0x100 + i * 0x10,
				 0x1000 + i * 0x100, 0x1040 + i * 0x100);
	}
	c = concrete(u, 0x200, 0, 0x2000, 0x2100);	/* the caller */
	root(u, 0x1f0, "caller", "kernel/c.c", 1);
	u->dies[c].origin = 0x1f0;
	for (i = 0; i < 6; i++)
		if (i != 2)
			site(u, 0x210 + i * 0x10, 0x100 + i * 0x10, c,
			     0x2000 + i * 0x10);
	call_site(u, 0x280, 0x100, c);		/* a direct call of traced */
	call_site(u, 0x288, 0, c);		/* through a pointer */
	add_sym(img, "traced", 0x1000, 0x40);
	add_sym(img, "notrace", 0x1100, 0x40);
	add_sym(img, "nokp", 0x1200, 0x40);
	add_sym(img, "noinstr", 0x1300, 0x40);
	add_sym(img, "cloned.isra.0", 0x1500, 0x40);
	add_sym(img, "caller", 0x2000, 0x100);
	img->has_mcount = true;
	for (i = 0; i < 6; i++)	/* notrace and noinstr have no entry */
		if (i != 1 && i != 3)
			*ARRAY_PUSH(img->mcount, img->nmcount, cap) =
				0x1000 + i * 0x100 + 4;
	*ARRAY_PUSH(img->mcount, img->nmcount, cap) = 0x2004;
	img->kprobe_blacklist = xcalloc(1, sizeof(uint64_t));
	img->kprobe_blacklist[0] = 0x1200;
	img->nkprobe_blacklist = 1;
	img->nokprobe = xcalloc(1, sizeof(*img->nokprobe));
	img->nokprobe[0] = (struct nokprobe_range){ 0x1300, 0x1340,
						    NOKPROBE_NOINSTR_TEXT };
	img->nnokprobe = 1;
	r = analyze(img, true);
	CHECK(fn(r, "traced") && fn(r, "traced")->blind == BLIND_INCOMPLETE,
	      "traced: incomplete");
	CHECK(fn(r, "notrace") &&
		      fn(r, "notrace")->blind == BLIND_NOT_ATTACHABLE,
	      "notrace: not attachable");
	f = fn(r, "nokp");
	CHECK(f && f->blind == BLIND_NOT_ATTACHABLE && f->ncopies == 1 &&
		      !strcmp(f->copies[0].nokprobe, "_kprobe_blacklist"),
	      "nokp: not attachable, _kprobe_blacklist");
	f = fn(r, "noinstr");
	CHECK(f && f->blind == BLIND_NOT_ATTACHABLE &&
		      !strcmp(f->copies[0].nokprobe, ".noinstr.text"),
	      "noinstr: not attachable, .noinstr.text");
	CHECK(fn(r, "hidden") && fn(r, "hidden")->blind == BLIND_UNTRACEABLE,
	      "hidden: untraceable");
	CHECK(fn(r, "cloned") && fn(r, "cloned")->blind == BLIND_UNTRACEABLE,
	      "cloned: untraceable by name");
	CHECK(r->summary.blind_incomplete == 1 &&
		      r->summary.blind_untraceable == 2 &&
		      r->summary.blind_not_attachable == 3,
	      "class counts 1/2/3, got %zu/%zu/%zu",
	      r->summary.blind_incomplete, r->summary.blind_untraceable,
	      r->summary.blind_not_attachable);
	CHECK(fn(r, "traced")->direct_calls == 1 &&
		      r->summary.call_sites_direct == 1 &&
		      r->summary.call_sites_indirect == 1,
	      "one direct call of traced, one indirect");
	n = denylist_select(&r, 1, &(struct deny_filter){ 0 }, &deny);
	CHECK(n == 2 && !strcmp(deny[0].symbol, "cloned.isra.0") &&
		      !strcmp(deny[1].symbol, "traced"),
	      "deny-list: cloned.isra.0 and traced, got %zu", n);
	free(deny);
	n = denylist_select(&r, 1, &(struct deny_filter){ .dir = "kernel/x" },
			    &deny);
	CHECK_EQ(n, 0, "deny-list --dir kernel/x: empty");
	free(deny);
	n = probe_points(r, fn(r, "notrace"), &pts);
	CHECK(n == 2 && pts[0].kind == PROBE_ENTRY &&
		      refused_is(pts[0].refused, REFUSED_NO_MCOUNT) &&
		      pts[1].kind == PROBE_INLINE && !pts[1].refused &&
		      !strcmp(pts[1].symbol, "caller") && pts[1].offset == 0x10,
	      "notrace: entry refused (no mcount), site caller+0x10 usable");
	free(pts);
	done(img, r);
}

static void test_group_by_dir(void)
{
	struct image_rec *img = new_image(1);
	struct unit_rec *u = unit(img, 0, 0x10, "a.c");
	struct dir_group *g;
	struct report *r;
	size_t n;
	int c;

	root(u, 0x100, "a", "./drivers/md/md.c", 1);
	root(u, 0x110, "b", "drivers/md/raid1.c", 1);
	root(u, 0x120, "c", "include/linux/list.h", 1);
	c = concrete(u, 0x200, 0, 0x2000, 0x2100);
	site(u, 0x210, 0x100, c, 0x2000);
	site(u, 0x220, 0x110, c, 0x2010);
	site(u, 0x230, 0x120, c, 0x2020);
	r = analyze(img, false);
	n = group_by_dir(r, 1, &g);
	CHECK(n == 2 && !strcmp(g[0].dir, "drivers") && g[0].full == 2 &&
		      !strcmp(g[1].dir, "include") && g[1].full == 1,
	      "depth 1: drivers (2 full), include (1 full)");
	free(g);
	n = group_by_dir(r, 2, &g);
	CHECK(n == 2 && !strcmp(g[0].dir, "drivers/md") &&
		      !strcmp(g[1].dir, "include/linux"),
	      "depth 2: drivers/md, include/linux");
	free(g);
	done(img, r);
}

/* A report holding only symbols "name@file[:line]" (the DWARF decl). */
static struct report *symbols_report(const char *const *names, size_t n)
{
	struct report *r = xcalloc(1, sizeof(*r));
	struct image_symbol *s;
	const char *at, *dot, *colon;
	size_t i;

	r->symbols = xcalloc(n + 1, sizeof(*r->symbols));
	r->nsymbols = n;
	for (i = 0; i < n; i++) {
		s = &r->symbols[i];
		at = strchr(names[i], '@');
		s->name = strpool_intern_len(&r->strings, names[i],
					     (size_t)(at - names[i]));
		dot = strstr(s->name, ".llvm.");
		s->base = dot ? strpool_intern_len(&r->strings, s->name,
						   (size_t)(dot - s->name))
			      : s->name;
		s->is_func = true;
		s->owner.name = s->base;
		colon = strchr(at, ':');
		s->owner.decl_file = colon
			? strpool_intern_len(&r->strings, at + 1,
					     (size_t)(colon - at - 1))
			: strpool_intern(&r->strings, at + 1);
		s->owner.decl_line = colon ? (uint32_t)atoi(colon + 1) : 0;
		s->owner.tu = s->owner.decl_file;
	}
	return r;
}

/* A function symbol with code: hash, and refs "target@delta" (a target
 * starting with '.' is a section). */
static void code_symbol(struct report *r, const char *name, uint64_t hash,
			const char *const *refs, size_t nrefs)
{
	struct image_symbol *s = &r->symbols[r->nsymbols++];
	const char *at;
	size_t k;

	memset(s, 0, sizeof(*s));
	s->name = strpool_intern(&r->strings, name);
	at = strstr(s->name, ".llvm.");
	s->base = at ? strpool_intern_len(&r->strings, s->name,
					  (size_t)(at - s->name))
		     : s->name;
	s->is_func = true;
	s->owner.name = s->base;
	s->size = 16;
	s->has_code = true;
	s->code_hash = hash;
	s->nrefs = nrefs;
	s->refs = xcalloc(nrefs + 1, sizeof(*s->refs));
	for (k = 0; k < nrefs; k++) {
		at = strchr(refs[k], '@');
		s->refs[k].target = strpool_intern_len(&r->strings, refs[k],
						       (size_t)(at - refs[k]));
		s->refs[k].delta = atoi(at + 1);
		s->refs[k].offset = (uint32_t)k * 4;
		s->refs[k].type = 2;
		s->refs[k].kind = refs[k][0] == '.' ? CODE_TARGET_SECTION
						    : CODE_TARGET_SYMBOL;
	}
}

static int compare_function_names(const void *x, const void *y)
{
	return strcmp(((const struct function *)x)->name,
		      ((const struct function *)y)->name);
}

/* Functions by name (sorted), each with a site in the container given
 * as "callee>container"; those named in full have no copy. */
static void site_functions(struct report *r, const char *const *edges,
			   size_t n, const char *const *full, size_t nfull)
{
	struct function *fn;
	const char *gt;
	size_t i, k;

	r->functions = xcalloc(n + 1, sizeof(*r->functions));
	for (i = 0; i < n; i++) {
		fn = &r->functions[r->nfunctions++];
		gt = strchr(edges[i], '>');
		fn->name = strpool_intern_len(&r->strings, edges[i],
					      (size_t)(gt - edges[i]));
		fn->status = STATUS_PARTIAL;
		for (k = 0; k < nfull; k++)
			if (!strcmp(fn->name, full[k]))
				fn->status = STATUS_FULL;
		fn->site_list = xcalloc(1, sizeof(*fn->site_list));
		fn->nsite_list = 1;
		fn->site_list[0].container =
			strpool_intern(&r->strings, gt + 1);
	}
	sort_array(r->functions, r->nfunctions, sizeof(*r->functions),
		   compare_function_names);
	r->has_code = true;
	r->sites_listed = true;
}

/*
 * Each cause from code fingerprints alone: the same code (no change), a
 * reference to a renamed symbol, one to a section at another offset, own
 * code, a carried changed function, a flipped inlining decision, a name
 * that differs only in a number, and a function new after being fully
 * inlined.
 */
static void test_livepatch_causes(void)
{
	static const char *const to_s1[] = { "s.llvm.1@0" };
	static const char *const to_s2[] = { "s.llvm.2@0" };
	static const char *const ro0[] = { ".rodata@0" };
	static const char *const ro8[] = { ".rodata@8" };
	static const char *const to_stub10[] = { "stub_10@0" };
	static const char *const to_stub12[] = { "stub_12@0" };
	static const char *const old_edges[] = { "code>carrier", "g>flip" };
	static const char *const new_edges[] = { "code>carrier" };
	static const char *const old_full[] = { "g" };
	struct report *old = xcalloc(1, sizeof(*old));
	struct report *new = xcalloc(1, sizeof(*new));
	struct livepatch_view v;
	char got[512] = "";
	size_t i, k, len = 0;

	old->symbols = xcalloc(16, sizeof(*old->symbols));
	new->symbols = xcalloc(16, sizeof(*new->symbols));
	code_symbol(old, "same", 1, NULL, 0);
	code_symbol(new, "same", 1, NULL, 0);
	code_symbol(old, "ripple", 2, to_s1, 1);
	code_symbol(new, "ripple", 2, to_s2, 1);
	code_symbol(old, "s.llvm.1", 3, NULL, 0);
	code_symbol(new, "s.llvm.2", 3, NULL, 0);
	code_symbol(old, "moved", 4, ro0, 1);
	code_symbol(new, "moved", 4, ro8, 1);
	code_symbol(old, "code", 5, NULL, 0);
	code_symbol(new, "code", 55, NULL, 0);
	code_symbol(old, "carrier", 6, NULL, 0);
	code_symbol(new, "carrier", 66, NULL, 0);
	code_symbol(old, "flip", 7, NULL, 0);
	code_symbol(new, "flip", 77, NULL, 0);
	code_symbol(old, "stub_10", 8, NULL, 0);
	code_symbol(new, "stub_12", 8, NULL, 0);
	code_symbol(old, "user", 9, to_stub10, 1);
	code_symbol(new, "user", 9, to_stub12, 1);
	code_symbol(new, "g", 10, NULL, 0);
	site_functions(old, old_edges, 2, old_full, 1);
	site_functions(new, new_edges, 1, NULL, 0);
	livepatch_compare(old, new, NULL, 0, &v);
	for (i = 0; i < v.nchanged; i++) {
		len += (size_t)snprintf(got + len, sizeof(got) - len, "%s:",
					v.changed[i].name);
		for (k = 0; k < v.changed[i].nreasons; k++)
			len += (size_t)snprintf(got + len, sizeof(got) - len,
				"%s%s%s%s", k ? "+" : "",
				cause_name(v.changed[i].reasons[k].cause),
				v.changed[i].reasons[k].what ? "=" : "",
				v.changed[i].reasons[k].what
					? v.changed[i].reasons[k].what : "");
		len += (size_t)snprintf(got + len, sizeof(got) - len, " ");
	}
	CHECK_STREQ(got, "carrier:carries=code code:code flip:inlining=g "
			 "moved:layout=.rodata ripple:renamed_reference=s.llvm.1 "
			 "user:renamed_reference=stub_10 ",
		    "changed functions and their causes");
	CHECK_EQ(v.nhazards, 1, "stub_10 -> stub_12 paired as a hazard");
	CHECK_EQ(v.nnew_functions, 1, "g new");
	CHECK(v.nnew_functions == 1 && v.new_functions[0].other &&
	      v.new_functions[0].other->status == STATUS_FULL,
	      "g was fully inlined before");
	CHECK_EQ(v.totals.only_renamed_reference, 2,
		 "ripple and user change only by a renamed reference");
	CHECK_EQ(v.totals.only_layout, 1, "moved changes only by layout");
	livepatch_free(&v);
	report_free(old);
	report_free(new);
}

/*
 * The seeds' livepatch cases: a hash that changes, a suffix that
 * appears, and two promoted statics of one name in different files, one
 * of which has no counterpart: pairing by DWARF origin decides.
 */
static void test_livepatch_renames(void)
{
	static const char *const old_names[] = {
		"a.llvm.1@a.c", "b@b.c", "c.llvm.1@x.c", "c.llvm.2@y.c",
		"same.llvm.5@s.c", "d.llvm.1@p.c", "d.llvm.2@q.c",
		"e.llvm.1@r.c:10", "e.llvm.2@r.c:20",
	};
	static const char *const new_names[] = {
		"a.llvm.7@a.c", "b.llvm.7@b.c", "c.llvm.7@x.c", "c.llvm.8@y.c",
		"same.llvm.5@s.c", "d.llvm.7@p.c", "d.llvm.8@p.c",
		"e.llvm.8@r.c:20", "e.llvm.7@r.c:10",
	};
	struct report *old = symbols_report(old_names, 9);
	struct report *new = symbols_report(new_names, 9);
	struct livepatch_view v;
	char got[1024] = "";
	size_t i, len = 0;

	livepatch_compare(old, new, NULL, 0, &v);
	for (i = 0; i < v.nrenames; i++) {
		const struct symbol_rename *r = &v.renames[i];

		len += (size_t)snprintf(got + len, sizeof(got) - len,
			"%d:%s>%s:%d:%zu/%zu ", r->kind,
			r->old ? r->old->name : "-", r->new ? r->new->name : "-",
			r->certain, r->nold, r->nnew);
	}
	/* a: hash changed; b: suffix appeared; c: two pairs by file; d: the
	 * p.c pair is ambiguous (two p.c candidates), q.c's has none; e: one
	 * file, told apart by declaration line */
	CHECK(!strcmp(got, "0:a.llvm.1>a.llvm.7:1:0/0 "
			   "1:b>b.llvm.7:1:0/0 "
			   "0:c.llvm.1>c.llvm.7:1:0/0 "
			   "0:c.llvm.2>c.llvm.8:1:0/0 "
			   "0:->-:0:2/2 "
			   "0:e.llvm.1>e.llvm.7:1:0/0 "
			   "0:e.llvm.2>e.llvm.8:1:0/0 "),
	      "renames: got '%s'", got);
	livepatch_free(&v);
	report_free(old);
	report_free(new);
}

/*
 * Two functions whose code starts at one symbol (an alias, or code the
 * linker folded): the symbol is owned once, by the function a single
 * thread meets last, whichever partitions the two names fall in.
 */
static void test_shared_symbol(void)
{
	static const char *const names[] = { "first", "second", "third" };
	struct image_rec *img = new_image(1);
	struct unit_rec *u = unit(img, 0, 0x10, "a.c");
	struct report *r;
	size_t i, owned = 0;

	for (i = 0; i < 3; i++) {
		root(u, 0x20 + 0x20 * i, names[i], "a.c", 1 + (uint32_t)i);
		concrete(u, 0x30 + 0x20 * i, 0x20 + 0x20 * i, 0x1000, 0x1010);
	}
	add_sym(img, "folded", 0x1000, 0x10);
	r = analyze(img, false);
	for (i = 0; i < 3; i++)
		owned += fn(r, names[i]) && fn(r, names[i])->ncopies == 1 &&
			 fn(r, names[i])->copies[0].symbol &&
			 !strcmp(fn(r, names[i])->copies[0].symbol, "folded");
	CHECK_EQ(owned, 3, "each function has the symbol as its copy");
	CHECK(r->nsymbols == 1 && r->symbols[0].owner.name &&
		      !strcmp(r->symbols[0].owner.name, "third") &&
		      r->symbols[0].owner.decl_line == 3,
	      "the symbol's owner is the last function in DIE order");
	done(img, r);
}

static void variable(struct unit_rec *u, uint64_t off, const char *name,
		     uint32_t line, uint64_t addr)
{
	struct die_rec *d = unit_add_die(u);

	d->kind = DIE_VARIABLE;
	d->off = off;
	d->name = unit_add_string(u, name);
	d->decl_file = unit_add_string(u, "v.c");
	d->decl_line = line;
	d->entry = addr;
	d->flags = DIE_HAS_ENTRY;
}

/*
 * A static variable owns the OBJECT symbol at its address; of two at one
 * address (the linker merged them), the later one, in any partition.
 */
static void test_variables(void)
{
	struct image_rec *img = new_image(2);
	struct unit_rec *a = unit(img, 0, 0x10, "a.c");
	struct unit_rec *b = unit(img, 1, 0x100, "b.c");
	const struct image_symbol *s;
	struct report *r;
	size_t i, owned = 0;

	variable(a, 0x20, "counter", 4, 0x5000);
	variable(a, 0x30, "merged_a", 5, 0x6000);
	variable(b, 0x120, "merged_b", 6, 0x6000);
	variable(b, 0x130, "no_symbol", 7, 0x7000);
	add_sym(img, "counter", 0x5000, 8);
	add_sym(img, "merged", 0x6000, 8);
	for (i = 0; i < img->nsyms; i++)
		img->syms[i].kind = SYM_OBJECT;
	r = analyze(img, false);
	for (i = 0; i < r->nsymbols; i++) {
		s = &r->symbols[i];
		owned += !strcmp(s->name, "counter") && s->owner.name &&
			 !strcmp(s->owner.name, "counter") &&
			 s->owner.decl_line == 4;
		owned += !strcmp(s->name, "merged") && s->owner.name &&
			 !strcmp(s->owner.name, "merged_b") &&
			 s->owner.tu && !strcmp(s->owner.tu, "b.c");
	}
	CHECK(r->nsymbols == 2 && owned == 2,
	      "counter owns counter, merged_b (the later) owns merged");
	done(img, r);
}

/* An inlined DIE of origin, caller and container given, at call_line. */
static int nested_site(struct unit_rec *u, uint64_t off, uint64_t origin,
		       int caller, int container, uint32_t call_line,
		       uint64_t entry)
{
	struct die_rec *d = unit_add_die(u);

	d->kind = DIE_INLINED;
	d->off = off;
	d->origin = origin;
	d->caller = caller;
	d->container = container;
	d->call_line = call_line;
	unit_add_range(u, d, entry, entry + 4);
	d->entry = entry;
	d->flags = DIE_HAS_ENTRY;
	return (int)(u->ndies - 1);
}

/*
 * GCC's split body inlined back: f inside an inlined f, called from f's
 * declaration line (10), and f inside f's own copy, likewise: parts, not
 * calls. g calls itself from line 31 of its body: a real site.
 */
static void test_split_parts(void)
{
	struct image_rec *img = new_image(1);
	struct unit_rec *u = unit(img, 0, 0x10, "s.c");
	struct report *r;
	int caller, copy, outer, g_copy;

	root(u, 0x20, "f", "s.c", 10);
	root(u, 0x28, "g", "s.c", 30);
	root(u, 0x30, "h", "s.c", 50);
	caller = concrete(u, 0x40, 0x30, 0x1000, 0x1100);
	outer = nested_site(u, 0x50, 0x20, caller, caller, 52, 0x1010);
	nested_site(u, 0x60, 0x20, outer, caller, 10, 0x1014);
	copy = concrete(u, 0x70, 0x20, 0x2000, 0x2040);
	nested_site(u, 0x80, 0x20, copy, copy, 10, 0x2004);
	g_copy = concrete(u, 0x90, 0x28, 0x3000, 0x3100);
	nested_site(u, 0xa0, 0x28, g_copy, g_copy, 31, 0x3010);
	add_sym(img, "h", 0x1000, 0x100);
	add_sym(img, "f", 0x2000, 0x40);
	add_sym(img, "g", 0x3000, 0x100);
	r = analyze(img, true);
	CHECK(fn(r, "f") && fn(r, "f")->sites == 1 &&
		      fn(r, "f")->nsite_list == 1 &&
		      fn(r, "f")->site_list[0].call_line == 52,
	      "f: one site (h, line 52), got %zu",
	      fn(r, "f") ? fn(r, "f")->sites : 0);
	CHECK_EQ(r->summary.inline_sites_split_parts, 2,
	      "two split parts");
	CHECK(fn(r, "g") && fn(r, "g")->sites == 1 &&
		      fn(r, "g")->status == STATUS_PARTIAL,
	      "g: recursion stays a site, partial");
	CHECK_EQ(r->summary.inline_sites, 2, "sites 2");
	done(img, r);
}

/*
 * Symbols at one address as ftrace lists them (the dwarf layer marks
 * ftrace_alias), __init copies, names kallsyms holds twice.
 */
static void test_kernel_names(void)
{
	struct image_rec *img = new_image(1);
	struct unit_rec *u = unit(img, 0, 0x10, "k.c");
	struct deny_entry *deny;
	struct probe_point *points;
	struct report *r;
	size_t n;
	int caller;

	root(u, 0x20, "zed", "k.c", 1);
	root(u, 0x28, "boot", "k.c", 5);
	root(u, 0x30, "user", "k.c", 9);
	caller = concrete(u, 0x40, 0x30, 0x1000, 0x1100);
	site(u, 0x50, 0x20, caller, 0x1010);
	site(u, 0x58, 0x28, caller, 0x1020);
	concrete(u, 0x60, 0x20, 0x2000, 0x2040);
	concrete(u, 0x70, 0x28, 0x3000, 0x3040);
	add_sym(img, "user", 0x1000, 0x100);
	add_sym(img, "alpha", 0x2000, 0x40);
	add_sym(img, "zed", 0x2000, 0x40);
	add_sym(img, "boot", 0x3000, 0x40);
	add_sym(img, "user", 0x5000, 0x10);	/* a second "user" */
	img->syms[2].ftrace_alias = 1 + 1;	/* zed: listed as alpha */
	img->syms[0].name_shared = img->syms[4].name_shared = true;
	img->is_kernel = true;
	img->has_text_base = true;
	img->text_base = 0x800;
	img->init_text = xcalloc(1, sizeof(*img->init_text));
	img->init_text[0] = (struct addr_range){ 0x3000, 0x4000 };
	img->ninit_text = 1;
	r = analyze(img, true);
	n = denylist_select(&r, 1, &(struct deny_filter){ 0 }, &deny);
	CHECK(n == 2 && !strcmp(deny[0].symbol, "alpha") && !deny[0].init &&
		      !strcmp(deny[1].symbol, "boot") && deny[1].init,
	      "deny-list: alpha (for zed), boot (init), got %zu", n);
	free(deny);
	n = probe_points(r, fn(r, "zed"), &points);
	CHECK(n == 2 && !strcmp(points[0].symbol, "alpha") &&
		      !strcmp(points[1].symbol, "_text") &&
		      points[1].offset == 0x1010 - 0x800,
	      "zed: one entry as alpha, its site in user at _text+0x810");
	free(points);
	n = probe_points(r, fn(r, "boot"), &points);
	CHECK(n == 2 && refused_is(points[0].refused, REFUSED_INIT_TEXT),
	      "boot: its copy refused as init_text");
	free(points);
	done(img, r);
}

int main(void)
{
	test_thinlto_units();
	test_dwz_partial_unit();
	test_origin_chain_and_cycle();
	test_dangling_specification();
	test_names_meet_across_units();
	test_unordered_records();
	test_decls();
	test_discarded();
	test_clone_kinds();
	test_blind_spots();
	test_group_by_dir();
	test_livepatch_renames();
	test_livepatch_causes();
	test_shared_symbol();
	test_variables();
	test_split_parts();
	test_kernel_names();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
