// SPDX-License-Identifier: GPL-2.0-only
/*
 * Classification by name and by declaration (SPEC.md): join the units,
 * resolve every site and instance to its origin root, group by name.
 *
 * With jobs > 1 the names are split by a hash of their text into one
 * partition per thread. One pass over the records lists the DIEs each
 * partition follows, in DIE order, so a function is built by one thread
 * exactly as a single thread would build it; the partitions' functions
 * and counts are merged after.
 */
#include "analyze.h"

#include <stdlib.h>
#include <string.h>

#include "../common/arena.h"
#include "../common/util.h"
#include "classify.h"
#include "describe.h"
#include "join.h"
#include "summary.h"
#include "symbols.h"

/* Per-name accumulator, parallel to report.functions. */
struct name_acc {
	uint32_t created_by;	/* the DIE that named it first */
	uint32_t *instances;	/* global DIE ids */
	size_t ninstances, instances_cap;
	size_t sites_cap, decls_cap, copies_cap;
	uint8_t *decl_seen;	/* per fn->decls entry: DECL_SITE|DECL_CODE */
};

/* Interned decl files a partition remembers (see unit_file). */
#define FILE_MEMO 64

struct file_memo {
	uint32_t unit, off;
	const char *file;
};

/* More would not be faster; a partition index fits a byte. */
#define MAX_PARTITIONS 64

struct slice;

/*
 * A copy's symbol is owned by the copy's function, an OBJECT symbol by
 * the static variable at its address. Should two claim one symbol, the
 * last in a single thread's order keeps it: functions before variables;
 * the function named first by the later DIE, then its later instance;
 * the later variable.
 */
struct owner_claim {
	size_t sym;
	uint64_t rank;		/* claim_rank(): the highest keeps it */
	struct symbol_owner owner;
};

/* by: the function's created_by, or the variable; seq: in its partition */
static uint64_t claim_rank(bool variable, uint32_t by, size_t seq)
{
	return (uint64_t)variable << 63 | (uint64_t)by << 31 |
	       (seq & INT32_MAX);
}

/*
 * One partition's view: its own functions and counts (in r), the rest
 * shared. A single-threaded analysis is partition 0 of 1.
 */
struct analysis {
	const struct image_rec *img;
	const struct analyze_opts *opts;
	struct report *r;
	struct strpool *strings;	/* the final report's, shared */
	struct join *join;
	/* by global id: the partition + 1 of a named DIE; NULL: one */
	uint8_t *name_part;
	/* the DIEs each partition follows, listed by list_slices */
	const struct slice *slices;
	unsigned int nslices;
	unsigned int partition, npartitions;
	/* FUNC symbols' base names, a set: NULL in empty slots */
	const char **bases;
	size_t bases_nslots;
	const struct image_symbol *symbols;	/* the final report's */
	struct owner_claim *claims;
	size_t nclaims, claims_cap;
	size_t fn_cap;
	struct name_acc *acc;
	const char **name_slots;	/* name -> function index + 1 */
	uint32_t *name_index;
	size_t name_nslots;
	/* interned DW_AT_name and decl file of root DIEs, by global id:
	 * any partition may fill them */
	const char **root_names, **root_files;
	/* by root global id, from collect() on: function index + 1 and
	 * that function's declaration index + 1 (0: not seen yet), in the
	 * partition that owns the root */
	uint32_t *root_fn, *root_decl;
	struct file_memo files[FILE_MEMO];
};

/* sym's name, interned by list_image_symbols() */
static const char *symbol_name(const struct analysis *a,
			       const struct sym_rec *sym)
{
	return a->symbols[sym - a->img->syms].name;
}

/*
 * The slot of the interned string p in a table of nslots (a power of
 * two) compared by pointer, probed linearly: p's, or the empty one where
 * it would go.
 */
static size_t pointer_slot(const char *const *slots, size_t nslots,
			   const char *p)
{
	size_t i = hash_u64((uint64_t)(uintptr_t)p) & (nslots - 1);

	while (slots[i] && slots[i] != p)
		i = (i + 1) & (nslots - 1);
	return i;
}

static void grow_names(struct analysis *a)
{
	size_t n = a->name_nslots ? a->name_nslots * 2 : 4096, i, j;
	const char **slots = xcalloc_written(n, sizeof(*slots));
	uint32_t *index = xcalloc(n, sizeof(*index));

	for (i = 0; i < a->name_nslots; i++) {
		if (!a->name_slots[i])
			continue;
		j = pointer_slot(slots, n, a->name_slots[i]);
		slots[j] = a->name_slots[i];
		index[j] = a->name_index[i];
	}
	free(a->name_slots);
	free(a->name_index);
	a->name_slots = slots;
	a->name_index = index;
	a->name_nslots = n;
}

/* The slot of name in the index: its function, or where it would go. */
static size_t name_slot(const struct analysis *a, const char *name)
{
	return pointer_slot(a->name_slots, a->name_nslots, name);
}

/* The index of name's function, or SIZE_MAX if it has none yet. */
static size_t find_function(const struct analysis *a, const char *name)
{
	size_t i;

	if (!a->name_nslots)
		return SIZE_MAX;
	i = name_slot(a, name);
	return a->name_slots[i] ? a->name_index[i] : SIZE_MAX;
}

static size_t function_of(struct analysis *a, const char *name,
			  uint32_t created_by)
{
	struct report *r = a->r;
	size_t i, old_cap;
	struct function *fn;

	if ((r->nfunctions + 1) * 2 > a->name_nslots)
		grow_names(a);
	i = name_slot(a, name);
	if (a->name_slots[i])
		return a->name_index[i];
	old_cap = a->fn_cap;
	fn = ARRAY_PUSH(r->functions, r->nfunctions, a->fn_cap);
	memset(fn, 0, sizeof(*fn));
	fn->name = name;
	if (a->fn_cap != old_cap)
		a->acc = xrealloc(a->acc, a->fn_cap * sizeof(*a->acc));
	memset(&a->acc[r->nfunctions - 1], 0, sizeof(*a->acc));
	a->acc[r->nfunctions - 1].created_by = created_by;
	a->name_slots[i] = name;
	a->name_index[i] = (uint32_t)(r->nfunctions - 1);
	return r->nfunctions - 1;
}

/* Marks a cache slot whose string is known to be absent. */
static const char no_string[] = "";

/*
 * The interned file name at off in unit's strings. The walker stores each
 * file of a unit once, and the roots of a unit come together, so a few
 * remembered (unit, offset) pairs spare most lookups in the pool.
 */
static const char *unit_file(struct analysis *a, uint32_t unit, uint32_t off)
{
	struct file_memo *m = &a->files[(off ^ unit * 31) % FILE_MEMO];

	if (!m->file || m->unit != unit || m->off != off) {
		m->unit = unit;
		m->off = off;
		m->file = strpool_intern(a->strings,
					 unit_str(&a->img->units[unit], off));
	}
	return m->file;
}

/*
 * Interned strings of a root, computed once: sites share few roots. Two
 * threads may compute one at once; both find the same interned string.
 */
static const char *cached(struct analysis *a, const char **cache,
			  uint32_t root, bool file)
{
	const char *s = __atomic_load_n(&cache[root], __ATOMIC_ACQUIRE);
	const struct die_rec *d;
	uint32_t unit, off;

	if (!s) {
		d = join_die(a->join, root, &unit);
		off = file ? d->decl_file : d->name;
		s = !off ? no_string
		    : file ? unit_file(a, unit, off)
			   : strpool_intern(a->strings,
					    unit_str(&a->img->units[unit],
						     off));
		__atomic_store_n(&cache[root], s, __ATOMIC_RELEASE);
	}
	return s == no_string ? NULL : s;
}

static const char *root_name(struct analysis *a, uint32_t root)
{
	return cached(a, a->root_names, root, false);
}

/* A named root's function, created at its first site or instance id. */
static size_t root_function(struct analysis *a, uint32_t root,
			    const char *name, uint32_t id)
{
	size_t fn_idx;

	if (a->root_fn[root])
		return a->root_fn[root] - 1;
	fn_idx = function_of(a, name, id);
	a->root_fn[root] = (uint32_t)fn_idx + 1;
	return fn_idx;
}

static void note_decl(struct analysis *a, size_t fn_idx, uint32_t root,
		      bool is_site)
{
	struct function *fn = &a->r->functions[fn_idx];
	struct name_acc *acc = &a->acc[fn_idx];
	const char *file;
	const struct die_rec *d;
	struct decl *decl;
	size_t i, cap;

	/* a root has one declaration: find it once */
	if (a->root_decl[root]) {
		acc->decl_seen[a->root_decl[root] - 1] |=
			is_site ? DECL_SITE : DECL_CODE;
		return;
	}
	file = cached(a, a->root_files, root, true);
	d = join_die(a->join, root, NULL);

	for (i = 0; i < fn->ndecls; i++)
		if (fn->decls[i].file == file &&
		    fn->decls[i].line == d->decl_line)
			break;
	if (i == fn->ndecls) {
		cap = acc->decls_cap;
		decl = ARRAY_PUSH(fn->decls, fn->ndecls, acc->decls_cap);
		decl->file = file;
		decl->line = d->decl_line;
		decl->external = d->flags & DIE_EXTERNAL;
		if (acc->decls_cap != cap)
			acc->decl_seen = xrealloc(acc->decl_seen,
						  acc->decls_cap);
		acc->decl_seen[i] = 0;
	}
	acc->decl_seen[i] |= is_site ? DECL_SITE : DECL_CODE;
	a->root_decl[root] = (uint32_t)i + 1;
}

static bool wants_site_list(const struct analyze_opts *o, const char *name)
{
	if (!o->want_sites)
		return false;
	return !o->site_names ||
	       bsearch(&name, o->site_names, o->nsite_names,
		       sizeof(*o->site_names), compare_strings);
}

/*
 * A kernel without CONFIG_KPROBE_EVENTS_ON_NOTRACE refuses a kprobe inside
 * a function with no ftrace entry, and every kernel refuses nokprobe code.
 */
static const char *probe_refusal(const struct image_rec *img,
				 const struct sym_rec *sym)
{
	uint64_t end = sym->addr + (sym->size ? sym->size : 1);
	const char *nokprobe = nokprobe_in(img, sym->addr, end);

	if (nokprobe)
		return nokprobe;
	if (img->has_mcount && !mcount_in(img, sym->addr, end))
		return REFUSED_NO_MCOUNT;
	return NULL;
}

static uint64_t code_bytes(const struct unit_rec *u, const struct die_rec *d)
{
	uint64_t n = 0;
	uint32_t k;

	for (k = 0; k < d->nranges; k++)
		n += u->ranges[d->first_range + k].end -
		     u->ranges[d->first_range + k].start;
	return n;
}

/*
 * GCC splits a function with a cheap header from its body (f.part.N)
 * and may inline the body back into a copy of the header, inlined or
 * out-of-line: then an inlined f sits inside f (lexical blocks between
 * them), called from f's own declaration line. That DIE is part of the
 * copy around it, not a call. Real recursion calls from inside f's body.
 */
static bool is_split_part(const struct analysis *a, uint32_t unit,
			  const struct die_rec *d, uint32_t root)
{
	uint32_t base = (uint32_t)a->join->die_base[unit], root_unit;
	const struct die_rec *caller, *root_die;

	if (d->caller < 0 || !d->call_line)
		return false;
	caller = &a->img->units[unit].dies[d->caller];
	if ((caller->kind != DIE_INLINED && caller->kind != DIE_SUBPROGRAM) ||
	    join_root_known(a->join, base + (uint32_t)d->caller) != root)
		return false;
	root_die = join_die(a->join, root, &root_unit);
	return root_die && root_die->decl_line == d->call_line;
}

/*
 * symbol+offset for the probe at entry; a name kallsyms holds twice is
 * refused by kprobe_events, so there the anchor is _text, which KASLR
 * moves with everything else.
 */
static void anchor_probe(struct analysis *a, struct inline_site *site,
			 const struct sym_rec *sym, uint64_t entry)
{
	if (sym->name_shared && a->img->has_text_base) {
		site->probe_symbol = strpool_intern(a->strings, "_text");
		site->probe_offset = entry - a->img->text_base;
		return;
	}
	site->probe_symbol = symbol_name(a, sym);
	site->probe_offset = entry - sym->addr;
}

static void record_site(struct analysis *a, uint32_t id, uint32_t unit,
			const struct die_rec *d)
{
	uint32_t root = join_root_known(a->join, id), f_unit, c_unit, c_root;
	uint32_t base = (uint32_t)a->join->die_base[unit];
	const char *name;
	struct function *fn;
	struct inline_site *site;
	const struct sym_rec *sym;
	size_t fn_idx;
	bool same;

	name = root_name(a, root);
	if (d->container < 0) {
		a->r->summary.inline_sites_discarded++;
		return;
	}
	if (!name)
		return;
	if (is_split_part(a, unit, d, root)) {
		a->r->summary.inline_sites_split_parts++;
		return;
	}
	c_root = join_root_known(a->join, base + (uint32_t)d->container);
	join_die(a->join, root, &f_unit);
	join_die(a->join, c_root, &c_unit);
	same = join_same_tu(a->join, f_unit, c_unit, unit);
	fn_idx = root_function(a, root, name, id);
	fn = &a->r->functions[fn_idx];
	fn->sites++;
	fn->inlined_bytes += code_bytes(&a->img->units[unit], d);
	if (same)
		fn->sites_same_tu++;
	else
		fn->sites_cross_tu++;
	note_decl(a, fn_idx, root, true);
	if (!wants_site_list(a->opts, name))
		return;
	site = ARRAY_PUSH(fn->site_list, fn->nsite_list,
			  a->acc[fn_idx].sites_cap);
	memset(site, 0, sizeof(*site));
	site->caller = d->caller >= 0
		? root_name(a, join_root_known(a->join,
						base + (uint32_t)d->caller))
		: NULL;
	site->container = root_name(a, c_root);
	site->tu = join_tu_name(a->join, c_unit, unit);
	site->cross_tu = !same;
	site->call_file = d->call_file
		? strpool_intern(a->strings,
				 unit_str(&a->img->units[unit], d->call_file))
		: NULL;
	site->call_line = d->call_line;
	site->entry = d->entry;
	sym = (d->flags & DIE_HAS_ENTRY)
		? syms_holding(a->img, d->entry, site->container) : NULL;
	if (!sym) {
		site->refused = REFUSED_NO_SYMBOL;
		return;
	}
	anchor_probe(a, site, sym, d->entry);
	site->refused = probe_refusal(a->img, sym);
	if (!site->refused && in_init_text(a->img, d->entry))
		site->refused = REFUSED_INIT_TEXT;
}

static void record_instance(struct analysis *a, uint32_t id,
			    const struct die_rec *d)
{
	uint32_t root = join_root_known(a->join, id);
	const char *name;
	size_t fn_idx;
	struct name_acc *acc;

	name = root_name(a, root);
	a->r->summary.subprograms_with_code++;
	a->r->summary.subprograms_all_calls += !!(d->flags & DIE_ALL_CALLS);
	if (!name)
		return;
	fn_idx = root_function(a, root, name, id);
	acc = &a->acc[fn_idx];
	*ARRAY_PUSH(acc->instances, acc->ninstances, acc->instances_cap) = id;
	note_decl(a, fn_idx, root, false);
}

/*
 * A partition reads the records it follows in order but far apart (the
 * others' lie between): fetched this many ahead, they are in cache when
 * read.
 */
#define PREFETCH_AHEAD 8

/* A DIE the analysis follows to its root, and its unit. */
struct followed {
	uint32_t id, unit;
};

/* A slice of units, read once by one thread. */
struct slice {
	struct analysis *a;
	uint32_t first_unit, end_unit;
	unsigned int npartitions;
	/* the slice's followed DIEs by partition of their root, in order:
	 * sites and code, and apart, the direct calls, whose records the
	 * analysis need not read again */
	struct followed *list[MAX_PARTITIONS];
	size_t n[MAX_PARTITIONS], cap[MAX_PARTITIONS];
	uint32_t *calls[MAX_PARTITIONS];
	size_t ncalls[MAX_PARTITIONS], calls_cap[MAX_PARTITIONS];
	size_t indirect_calls;
	uint32_t *unsettled;	/* ids whose root is unknown, in DIE order */
	size_t nunsettled, unsettled_cap;
	bool relist;		/* a followed DIE was among them */
};

/*
 * A call into a function that has no site and no code here (printk from
 * a module) names nothing in the report: run after the sites.
 */
static void count_call(struct analysis *a, uint32_t id)
{
	uint32_t root = join_root_known(a->join, id);
	const char *name;
	size_t fn_idx;

	a->r->summary.call_sites_direct++;
	/* a callee declared here is named by a root elsewhere */
	if (a->root_fn[root]) {
		a->r->functions[a->root_fn[root] - 1].direct_calls++;
		return;
	}
	name = root_name(a, root);
	fn_idx = name ? find_function(a, name) : SIZE_MAX;
	if (fn_idx != SIZE_MAX)
		a->r->functions[fn_idx].direct_calls++;
}

static const struct die_rec *listed_die(const struct analysis *a,
				       const struct followed *f)
{
	return &a->img->units[f->unit].dies
			[f->id - a->join->die_base[f->unit]];
}

/* This partition's sites and copies, in DIE order. */
static void follow_listed(struct analysis *a)
{
	const struct slice *slice;
	const struct followed *f;
	const struct die_rec *d;
	unsigned int s;
	size_t i;

	for (s = 0; s < a->nslices; s++) {
		slice = &a->slices[s];
		for (i = 0; i < slice->n[a->partition]; i++) {
			if (i + PREFETCH_AHEAD < slice->n[a->partition])
				__builtin_prefetch(listed_die(a,
					&slice->list[a->partition]
						    [i + PREFETCH_AHEAD]));
			f = &slice->list[a->partition][i];
			d = listed_die(a, f);
			if (d->kind == DIE_INLINED)
				record_site(a, f->id, f->unit, d);
			else
				record_instance(a, f->id, d);
		}
	}
}

/* This partition's direct calls, once its sites and copies are known. */
static void count_listed_calls(struct analysis *a)
{
	const struct slice *slice;
	unsigned int s;
	size_t i;

	for (s = 0; s < a->nslices; s++) {
		slice = &a->slices[s];
		for (i = 0; i < slice->ncalls[a->partition]; i++)
			count_call(a, slice->calls[a->partition][i]);
		if (a->partition == 0)
			a->r->summary.call_sites_indirect +=
				slice->indirect_calls;
	}
}

static void add_copy(struct analysis *a, size_t fn_idx,
		     const struct symbol_owner *owner,
		     const struct addr_range *range, const struct sym_rec *sym,
		     bool ftrace)
{
	struct function *fn = &a->r->functions[fn_idx];
	struct outline_copy *c = ARRAY_PUSH(fn->copies, fn->ncopies,
					    a->acc[fn_idx].copies_cap);
	struct owner_claim *claim;

	memset(c, 0, sizeof(*c));
	c->tu = owner->tu;
	c->ftrace = ftrace;
	c->address = sym ? sym->addr : range->start;
	c->size = sym ? sym->size : range->end - range->start;
	c->nokprobe = nokprobe_in(a->img, c->address, c->address + c->size);
	c->init = in_init_text(a->img, c->address);
	if (!sym)
		return;
	c->name_shared = sym->name_shared;
	if (sym->ftrace_alias)
		c->ftrace_name = symbol_name(
			a, &a->img->syms[sym->ftrace_alias - 1]);
	claim = ARRAY_PUSH(a->claims, a->nclaims, a->claims_cap);
	claim->sym = (size_t)(sym - a->img->syms);
	claim->rank = claim_rank(false, a->acc[fn_idx].created_by,
				 a->nclaims);
	claim->owner = *owner;
	c->data_ref = sym->data_ref;
	c->symbol = symbol_name(a, sym);
	c->clone = clone_kind(a->strings, c->symbol, fn->name);
	if (!c->clone)
		fn->plain_symbol = true;
}

/* Name, declaration and TU of a root DIE, seen from where_unit. */
static void root_owner(struct analysis *a, uint32_t root, uint32_t where_unit,
		       struct symbol_owner *o)
{
	uint32_t unit;
	const struct die_rec *d = join_die(a->join, root, &unit);

	o->name = root_name(a, root);
	o->decl_file = cached(a, a->root_files, root, true);
	o->decl_line = d->decl_line;
	o->tu = join_tu_name(a->join, unit, where_unit);
}

/*
 * OBJECT symbols at a static variable's address belong to it; each
 * partition takes the variables of one slice of units.
 */
static void own_variables(struct analysis *a)
{
	const struct image_rec *img = a->img;
	const struct slice *slice = &a->slices[a->partition];
	const struct die_rec *d;
	struct owner_claim *claim;
	size_t k, s;
	uint32_t u, id;

	for (u = slice->first_unit; u < slice->end_unit; u++) {
		for (k = 0; k < img->units[u].ndies; k++) {
			d = &img->units[u].dies[k];
			id = (uint32_t)(a->join->die_base[u] + k);
			if (d->kind != DIE_VARIABLE || !d->name)
				continue;
			/* most variables have no symbol of their own */
			for (s = syms_at(img, d->entry);
			     s < img->nsyms && img->syms[s].addr == d->entry;
			     s++) {
				if (img->syms[s].kind != SYM_OBJECT)
					continue;
				claim = ARRAY_PUSH(a->claims, a->nclaims,
						   a->claims_cap);
				claim->sym = s;
				claim->rank = claim_rank(true, id, a->nclaims);
				root_owner(a, id, u, &claim->owner);
			}
		}
	}
}

/* Every symbol at the start of each of the instance's ranges. */
static void match_instance(struct analysis *a, size_t fn_idx, uint32_t id)
{
	const struct image_rec *img = a->img;
	uint32_t unit;
	const struct die_rec *d = join_die(a->join, id, &unit);
	const struct unit_rec *u = &img->units[unit];
	const struct addr_range *r;
	struct symbol_owner owner;
	bool ftrace = false, matched = false;
	size_t k, s;

	root_owner(a, join_root_known(a->join, id), unit, &owner);
	for (k = 0; k < d->nranges; k++) {
		r = &u->ranges[d->first_range + k];
		ftrace |= mcount_in(img, r->start, r->end);
	}
	for (k = 0; k < d->nranges; k++) {
		r = &u->ranges[d->first_range + k];
		for (s = syms_at(img, r->start);
		     s < img->nsyms && img->syms[s].addr == r->start; s++) {
			if (img->syms[s].kind != SYM_FUNC)
				continue;
			add_copy(a, fn_idx, &owner, r, &img->syms[s], ftrace);
			matched = true;
		}
	}
	if (!matched)
		add_copy(a, fn_idx, &owner, &u->ranges[d->first_range], NULL,
			 ftrace);
	a->r->functions[fn_idx].ftrace |= ftrace;
}

static int compare_copies(const void *x, const void *y)
{
	const struct outline_copy *a = x, *b = y;

	if (a->address != b->address)
		return a->address < b->address ? -1 : 1;
	if (!a->symbol || !b->symbol)
		return !a->symbol - !b->symbol;
	return strcmp(a->symbol, b->symbol);
}

static int compare_decls(const void *x, const void *y)
{
	const struct decl *a = x, *b = y;
	int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");

	return c ? c : (a->line > b->line) - (a->line < b->line);
}

struct symbol_share {
	struct analysis *a;
	const char **bases;	/* per symbol */
	size_t first, end;
};

/* A slice of r->symbols, and the base names of its FUNC symbols. */
static void *name_symbols(void *arg)
{
	struct symbol_share *share = arg;
	struct analysis *a = share->a;
	size_t i;

	list_symbols(a->img, a->r, share->first, share->end);
	for (i = share->first; i < share->end; i++)
		if (a->img->syms[i].kind == SYM_FUNC)
			share->bases[i] = symbol_base(a->strings,
						      a->r->symbols[i].name);
	return NULL;
}

/* Is name the base name of a FUNC symbol? */
static bool has_base(const struct analysis *a, const char *name)
{
	return a->bases[pointer_slot(a->bases, a->bases_nslots, name)];
}

/* The base names, per symbol (NULL if not FUNC), into a set. */
static void index_bases(struct analysis *a, const char **per_symbol,
			size_t nsyms)
{
	size_t i;

	a->bases_nslots = 16;
	while (a->bases_nslots < nsyms * 2)
		a->bases_nslots *= 2;
	a->bases = xcalloc_written(a->bases_nslots, sizeof(*a->bases));
	for (i = 0; i < nsyms; i++)
		if (per_symbol[i])
			a->bases[pointer_slot(a->bases, a->bases_nslots,
					      per_symbol[i])] = per_symbol[i];
}

/*
 * r->symbols by n threads, but for their owners, and the set of the base
 * names of FUNC symbols.
 */
static void list_image_symbols(struct analysis *a, unsigned int n)
{
	struct symbol_share *shares = xcalloc(n, sizeof(*shares));
	size_t nsyms = a->img->nsyms;
	const char **bases = xcalloc(nsyms + 1, sizeof(*bases));
	unsigned int k;

	a->r->symbols = xcalloc(nsyms + 1, sizeof(*a->r->symbols));
	a->r->nsymbols = nsyms;
	for (k = 0; k < n; k++) {
		shares[k].a = a;
		shares[k].bases = bases;
		shares[k].first = nsyms * k / n;
		shares[k].end = nsyms * (k + 1) / n;
	}
	run_shares(name_symbols, shares, n, sizeof(*shares));
	free(shares);
	a->symbols = a->r->symbols;
	index_bases(a, bases, nsyms);
	free(bases);
}

static void finish_functions(struct analysis *a)
{
	struct function *fn;
	size_t i, k;

	for (i = 0; i < a->r->nfunctions; i++) {
		fn = &a->r->functions[i];
		for (k = 0; k < a->acc[i].ninstances; k++)
			match_instance(a, i, a->acc[i].instances[k]);
		sort_array(fn->copies, fn->ncopies, sizeof(*fn->copies),
		      compare_copies);
		count_decls(&a->r->summary, fn, a->acc[i].decl_seen);
		free(a->acc[i].decl_seen);
		sort_array(fn->decls, fn->ndecls, sizeof(*fn->decls),
		      compare_decls);
		fn->in_symtab = has_base(a, fn->name);
		fn->exported = a->img->nexported &&
			       bsearch(&fn->name, a->img->exported,
				       a->img->nexported, sizeof(char *),
				       compare_strings) != NULL;
		classify_status(fn);
		fn->blind = classify_blind_spot(fn, a->img->has_mcount);
		count_function(&a->r->summary, fn);
		free(a->acc[i].instances);
	}
}

static int compare_functions(const void *x, const void *y)
{
	const struct function *a = x, *b = y;

	return strcmp(a->name, b->name);
}

/* The DIEs the analysis follows to their root: sites, code, calls. */
static bool follows_root(const struct die_rec *d)
{
	switch (d->kind) {
	case DIE_INLINED:
		return true;
	case DIE_SUBPROGRAM:
		return d->flags & DIE_HAS_CODE;
	case DIE_CALL_SITE:
		return !(d->flags & DIE_INDIRECT);
	default:
		return false;
	}
}

/*
 * The partition of each named DIE of a slice, from a hash of the name's
 * text, so that equal names meet in one partition: any named DIE can end
 * a chain. Read in order here, rather than at each root a followed DIE
 * leads to, where sites share roots and the records lie far apart.
 */
static void *partition_names(void *arg)
{
	struct slice *slice = arg;
	const struct image_rec *img = slice->a->img;
	uint8_t *name_part = slice->a->name_part;
	const struct unit_rec *unit;
	const char *name;
	uint32_t u;
	size_t k, id;

	for (u = slice->first_unit; u < slice->end_unit; u++) {
		unit = &img->units[u];
		id = slice->a->join->die_base[u];
		for (k = 0; k < unit->ndies; k++, id++) {
			name = unit->dies[k].name
				? unit_str(unit, unit->dies[k].name) : NULL;
			if (name)
				name_part[id] = (uint8_t)(
					hash_bytes(name, strlen(name)) %
						slice->npartitions + 1);
		}
	}
	return NULL;
}

/* Unnamed roots are partition 0's. */
static void list_followed(struct slice *slice, uint32_t id, uint32_t unit,
			  const struct die_rec *d)
{
	const struct analysis *a = slice->a;
	uint8_t part = a->name_part
		? a->name_part[join_root_known(a->join, id)] : 0;
	unsigned int p = part ? part - 1u : 0;
	struct followed *f;

	if (d->kind == DIE_CALL_SITE) {
		*ARRAY_PUSH(slice->calls[p], slice->ncalls[p],
			    slice->calls_cap[p]) = id;
		return;
	}
	f = ARRAY_PUSH(slice->list[p], slice->n[p], slice->cap[p]);
	f->id = id;
	f->unit = unit;
}

static bool note_unsettled(struct slice *slice, uint32_t id)
{
	if (slice->a->join->root[id] != NO_DIE)
		return false;
	*ARRAY_PUSH(slice->unsettled, slice->nunsettled,
		    slice->unsettled_cap) = id;
	return true;
}

/*
 * One pass over a slice's records: the chains that join_build could not
 * end, which the DIEs followed lead into, and those DIEs listed by the
 * partition of their root. A slice with a followed DIE among the former
 * is listed again once they are settled.
 */
static void *read_slice(void *arg)
{
	struct slice *slice = arg;
	const struct image_rec *img = slice->a->img;
	const struct die_rec *d;
	uint32_t u, base;
	size_t k;

	for (u = slice->first_unit; u < slice->end_unit; u++) {
		base = (uint32_t)slice->a->join->die_base[u];
		for (k = 0; k < img->units[u].ndies; k++) {
			d = &img->units[u].dies[k];
			slice->indirect_calls += d->kind == DIE_CALL_SITE &&
						 (d->flags & DIE_INDIRECT);
			if (!follows_root(d))
				continue;
			if (note_unsettled(slice, base + (uint32_t)k))
				slice->relist = true;
			else if (!slice->relist)
				list_followed(slice, base + (uint32_t)k, u, d);
			if (d->kind != DIE_INLINED)
				continue;
			if (d->container >= 0)
				note_unsettled(slice,
					       base + (uint32_t)d->container);
			if (d->caller >= 0)
				note_unsettled(slice,
					       base + (uint32_t)d->caller);
		}
	}
	return NULL;
}

/* Once every root is known: the slice's followed DIEs, listed anew. */
static void relist_slice(struct slice *slice)
{
	const struct image_rec *img = slice->a->img;
	const struct die_rec *d;
	uint32_t u, base;
	size_t k;

	memset(slice->n, 0, sizeof(slice->n));
	memset(slice->ncalls, 0, sizeof(slice->ncalls));
	for (u = slice->first_unit; u < slice->end_unit; u++) {
		base = (uint32_t)slice->a->join->die_base[u];
		for (k = 0; k < img->units[u].ndies; k++) {
			d = &img->units[u].dies[k];
			if (follows_root(d))
				list_followed(slice, base + (uint32_t)k, u,
					      d);
		}
	}
}

/*
 * n threads read a slice of units each. Every chain the analysis follows
 * that join_build could not end goes through join_root here, once, in
 * DIE order: it counts them, and after it every root is known, so that
 * partitions only read the join.
 */
static void list_slices(struct analysis *a, unsigned int n)
{
	struct slice *slices = xcalloc(n, sizeof(*slices));
	unsigned int k;
	size_t i;

	for (k = 0; k < n; k++) {
		slices[k].a = a;
		slices[k].npartitions = n;
		slices[k].first_unit = join_slice_start(a->join, k, n);
		slices[k].end_unit = join_slice_start(a->join, k + 1, n);
	}
	if (n > 1) {
		a->name_part = arena_alloc(a->join->tables,
					   a->join->ndies + 1);
		run_shares(partition_names, slices, n, sizeof(*slices));
	}
	run_shares(read_slice, slices, n, sizeof(*slices));
	for (k = 0; k < n; k++) {
		for (i = 0; i < slices[k].nunsettled; i++)
			join_root(a->join, slices[k].unsettled[i]);
		free(slices[k].unsettled);
	}
	for (k = 0; k < n; k++)
		if (slices[k].relist)
			relist_slice(&slices[k]);
	a->slices = slices;
	a->nslices = n;
}

static void free_slices(struct analysis *a)
{
	unsigned int s, p;

	for (s = 0; s < a->nslices; s++)
		for (p = 0; p < MAX_PARTITIONS; p++) {
			free(a->slices[s].list[p]);
			free(a->slices[s].calls[p]);
		}
	free((void *)a->slices);
	a->slices = NULL;
	a->nslices = 0;
}

/* Each partition sorts its functions by name; the merge interleaves them. */
static void *analyze_partition(void *arg)
{
	struct analysis *a = arg;

	follow_listed(a);
	count_listed_calls(a);
	finish_functions(a);
	own_variables(a);
	sort_array(a->r->functions, a->r->nfunctions,
		   sizeof(*a->r->functions), compare_functions);
	return NULL;
}

/*
 * One thread's part of the merge: the functions of every partition whose
 * names fall between two splitters, interleaved by name into out.
 */
struct merge_share {
	const struct analysis *parts;
	unsigned int nparts;
	size_t from[MAX_PARTITIONS], end[MAX_PARTITIONS];
	struct function *out;
};

/* The index of part's first function whose name is not below name. */
static size_t lower_bound(const struct analysis *part, const char *name)
{
	const struct function *fns = part->r->functions;
	size_t lo = 0, hi = part->r->nfunctions, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(fns[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void *merge_share(void *arg)
{
	struct merge_share *m = arg;
	struct function *out = m->out;
	const struct function *f, *best;
	size_t next[MAX_PARTITIONS];
	unsigned int p, pick;

	memcpy(next, m->from, sizeof(next));
	for (;;) {
		best = NULL;
		pick = 0;
		for (p = 0; p < m->nparts; p++) {
			if (next[p] == m->end[p])
				continue;
			f = &m->parts[p].r->functions[next[p]];
			if (!best || strcmp(f->name, best->name) < 0) {
				best = f;
				pick = p;
			}
		}
		if (!best)
			return NULL;
		*out++ = *best;
		next[pick]++;
	}
}

/*
 * The partitions' functions, each array sorted by name, into one in name
 * order by n threads. Names are split at those of the largest partition's
 * functions at n even steps: no name is in two partitions, so every part
 * goes to one thread, and hashed partitions hold names alike.
 */
static struct function *merge_functions(const struct analysis *parts,
					unsigned int n, size_t nfunctions)
{
	struct function *out = xmalloc((nfunctions + 1) * sizeof(*out));
	struct merge_share *shares = xcalloc(n, sizeof(*shares));
	const struct analysis *largest = &parts[0];
	size_t at = 0, cut;
	unsigned int t, p;

	for (p = 1; p < n; p++)
		if (parts[p].r->nfunctions > largest->r->nfunctions)
			largest = &parts[p];
	for (t = 0; t < n; t++) {
		shares[t].parts = parts;
		shares[t].nparts = n;
		shares[t].out = out + at;
		cut = largest->r->nfunctions * (t + 1) / n;
		for (p = 0; p < n; p++) {
			shares[t].from[p] = t ? shares[t - 1].end[p] : 0;
			shares[t].end[p] =
				cut < largest->r->nfunctions
					? lower_bound(&parts[p],
						      largest->r->functions[cut]
							      .name)
					: parts[p].r->nfunctions;
			at += shares[t].end[p] - shares[t].from[p];
		}
	}
	run_shares(merge_share, shares, n, sizeof(*shares));
	free(shares);
	return out;
}

/*
 * The partitions' functions and counts into a->r, and the symbols'
 * owners.
 */
static void merge_partitions(struct analysis *a, struct analysis *parts,
			     unsigned int n)
{
	struct report *r = a->r;
	uint64_t *kept = xcalloc_written(a->img->nsyms + 1, sizeof(*kept));
	const struct owner_claim *c;
	size_t k;
	unsigned int p;

	r->nfunctions = 0;
	for (p = 0; p < n; p++)
		r->nfunctions += parts[p].r->nfunctions;
	if (n == 1) {
		/* never NULL, even empty: it is searched with bsearch */
		r->functions = xrealloc(parts[0].r->functions,
					(r->nfunctions + 1) *
						sizeof(*r->functions));
	} else {
		r->functions = merge_functions(parts, n, r->nfunctions);
		for (p = 0; p < n; p++)
			free(parts[p].r->functions);
	}
	for (p = 0; p < n; p++) {
		summary_add(&r->summary, &parts[p].r->summary);
		/* kept: the rank + 1 of the claim that holds the symbol */
		for (k = 0; k < parts[p].nclaims; k++) {
			c = &parts[p].claims[k];
			if (c->rank + 1 <= kept[c->sym])
				continue;
			kept[c->sym] = c->rank + 1;
			r->symbols[c->sym].owner = c->owner;
		}
		free(parts[p].claims);
		free(parts[p].acc);
		free(parts[p].name_slots);
		free(parts[p].name_index);
	}
	free(kept);
}

/*
 * Sites, instances and calls into functions, and static variables onto
 * their symbols, by n partitions at once.
 */
static void analyze_functions(struct analysis *a, unsigned int n)
{
	struct analysis *parts = xcalloc(n, sizeof(*parts));
	struct report *reports = xcalloc(n, sizeof(*reports));
	unsigned int p;

	for (p = 0; p < n; p++) {
		parts[p] = *a;
		parts[p].r = &reports[p];
		parts[p].partition = p;
		parts[p].npartitions = n;
	}
	run_shares(analyze_partition, parts, n, sizeof(*parts));
	merge_partitions(a, parts, n);
	free(parts);
	free(reports);
}

struct report *analyze_image(const struct image_rec *img,
			     const struct analyze_opts *opts)
{
	struct analysis a = { .img = img, .opts = opts };
	struct report *r = xcalloc(1, sizeof(*r));
	struct join join;
	unsigned int npartitions = opts->jobs > 1 ? (unsigned int)opts->jobs
						  : 1;

	if (npartitions > MAX_PARTITIONS)
		npartitions = MAX_PARTITIONS;
	a.r = r;
	a.strings = &r->strings;
	a.join = &join;
	r->sites_listed = opts->want_sites;
	join_build(&join, img, &r->strings, opts->jobs);
	a.root_names = arena_alloc(join.tables,
				   (join.ndies + 1) * sizeof(*a.root_names));
	a.root_files = arena_alloc(join.tables,
				   (join.ndies + 1) * sizeof(*a.root_files));
	a.root_fn = arena_alloc(join.tables,
				(join.ndies + 1) * sizeof(*a.root_fn));
	a.root_decl = arena_alloc(join.tables,
				  (join.ndies + 1) * sizeof(*a.root_decl));
	list_slices(&a, npartitions);
	list_image_symbols(&a, npartitions);
	analyze_functions(&a, npartitions);
	free_slices(&a);
	r->summary.unresolved_refs = join.unresolved;
	r->summary.has_ftrace = img->has_mcount;
	find_suffixed(r);
	describe_input(img, &join, r);
	join_free(&join);
	free(a.bases);
	return r;
}
