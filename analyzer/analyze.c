// SPDX-License-Identifier: GPL-2.0-only
/*
 * Classification by name and by declaration (docs/definitions.md): join
 * the units, resolve every site and instance to its origin root, group by
 * name, one partition of names per thread (partition.c).
 */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "../common/arena.h"
#include "../common/util.h"
#include "analysis.h"
#include "classify.h"
#include "describe.h"
#include "summary.h"

bool analyze_wants_sites(const struct analyze_opts *o, const char *name)
{
	size_t i;

	if (!o->want_sites)
		return false;
	if (!o->site_names && !o->site_globs)
		return true;
	if (o->nsite_names &&
	    bsearch(&name, o->site_names, o->nsite_names,
		    sizeof(*o->site_names), compare_strings))
		return true;
	for (i = 0; i < o->nsite_globs; i++)
		if (!fnmatch(o->site_globs[i], name, 0))
			return true;
	return false;
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
	if (!analyze_wants_sites(a->opts, name))
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

static void follow_one(void *ctx, const struct followed *f,
		       const struct die_rec *d)
{
	if (d->kind == DIE_INLINED)
		record_site(ctx, f->id, f->unit, d);
	else
		record_instance(ctx, f->id, d);
}

static void count_one_call(void *ctx, uint32_t id)
{
	count_call(ctx, id);
}

static int compare_decls(const void *x, const void *y)
{
	const struct decl *a = x, *b = y;
	int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");

	return c ? c : (a->line > b->line) - (a->line < b->line);
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
		fn->in_symtab = name_set_has(&a->bases, fn->name);
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

/* Each partition sorts its functions by name; the merge interleaves them. */
static void *analyze_partition(void *arg)
{
	struct analysis *a = arg;

	partition_follow(a->parts, a->partition, follow_one, a);
	partition_calls(a->parts, a->partition, count_one_call, a);
	if (a->partition == 0)
		a->r->summary.call_sites_indirect +=
			partitions_indirect_calls(a->parts);
	finish_functions(a);
	own_variables(a);
	sort_array(a->r->functions, a->r->nfunctions,
		   sizeof(*a->r->functions), compare_functions);
	return NULL;
}

/* The partitions' functions and counts into a->r, and symbols' owners. */
static void merge_partitions(struct analysis *a, struct analysis *parts,
			     unsigned int n)
{
	struct partition_result *results = xcalloc(n, sizeof(*results));
	unsigned int p;

	for (p = 0; p < n; p++) {
		results[p].functions = parts[p].r->functions;
		results[p].nfunctions = parts[p].r->nfunctions;
		results[p].claims = parts[p].claims;
		results[p].nclaims = parts[p].nclaims;
	}
	a->r->functions = partitions_merge(results, n, &a->r->nfunctions);
	for (p = 0; p < n; p++)
		summary_add(&a->r->summary, &parts[p].r->summary);
	partitions_settle_claims(results, n, a->r->symbols, a->img->nsyms);
	for (p = 0; p < n; p++) {
		free(parts[p].claims);
		free(parts[p].acc);
		free(parts[p].name_slots);
		free(parts[p].name_index);
	}
	free(results);
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
	struct partitions parts;
	unsigned int npartitions = opts->jobs > 1 ? (unsigned int)opts->jobs
						  : 1;

	if (npartitions > MAX_PARTITIONS)
		npartitions = MAX_PARTITIONS;
	a.r = r;
	a.strings = &r->strings;
	a.join = &join;
	r->sites_listed = opts->want_sites;
	r->has_code = img->has_code;
	r->outline_listed = true;
	if (img->ncode_bytes) {
		r->code = xmalloc(img->ncode_bytes);
		memcpy(r->code, img->code_bytes, img->ncode_bytes);
	}
	join_build(&join, img, &r->strings, opts->jobs);
	a.root_names = arena_alloc(join.tables,
				   (join.ndies + 1) * sizeof(*a.root_names));
	a.root_files = arena_alloc(join.tables,
				   (join.ndies + 1) * sizeof(*a.root_files));
	a.root_fn = arena_alloc(join.tables,
				(join.ndies + 1) * sizeof(*a.root_fn));
	a.root_decl = arena_alloc(join.tables,
				  (join.ndies + 1) * sizeof(*a.root_decl));
	partitions_list(&parts, img, &join, npartitions);
	a.parts = &parts;
	list_image_symbols(img, r, npartitions, &a.bases);
	a.symbols = r->symbols;
	analyze_functions(&a, npartitions);
	partitions_free(&parts);
	r->summary.unresolved_refs = join.unresolved;
	r->summary.has_ftrace = img->has_mcount;
	find_suffixed(r);
	describe_input(img, &join, r);
	join_free(&join);
	free(a.bases.slots);
	return r;
}
