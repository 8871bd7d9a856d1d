// SPDX-License-Identifier: GPL-2.0-only
/* A partition's functions by name, and the interned strings of roots. */
#include <stdlib.h>
#include <string.h>

#include "../common/hashset.h"
#include "../common/util.h"
#include "analysis.h"
#include "classify.h"

/* The slot of the interned string p in a table compared by pointer. */
static size_t pointer_slot(const char *const *slots, size_t nslots,
			   const char *p)
{
	return hashset_ptr_slot((const void *const *)slots, nslots, p);
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
size_t find_function(const struct analysis *a, const char *name)
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

const char *root_name(struct analysis *a, uint32_t root)
{
	return cached(a, a->root_names, root, false);
}

const char *root_file(struct analysis *a, uint32_t root)
{
	return cached(a, a->root_files, root, true);
}

/* A named root's function, created at its first site or instance id. */
size_t root_function(struct analysis *a, uint32_t root,
			    const char *name, uint32_t id)
{
	size_t fn_idx;

	if (a->root_fn[root])
		return a->root_fn[root] - 1;
	fn_idx = function_of(a, name, id);
	a->root_fn[root] = (uint32_t)fn_idx + 1;
	return fn_idx;
}

void note_decl(struct analysis *a, size_t fn_idx, uint32_t root,
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
	file = root_file(a, root);
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
