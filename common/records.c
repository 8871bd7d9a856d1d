// SPDX-License-Identifier: GPL-2.0-only
#include "records.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "util.h"

uint32_t unit_add_string(struct unit_rec *u, const char *s)
{
	size_t len;
	uint32_t off;

	if (!s || !*s)
		return 0;
	if (!u->strings_len) {
		grow_array((void **)&u->strings, &u->strings_cap, 1, 1);
		u->strings[0] = '\0';
		u->strings_len = 1;
	}
	len = strlen(s) + 1;
	off = (uint32_t)u->strings_len;
	grow_array((void **)&u->strings, &u->strings_cap,
		   u->strings_len + len, 1);
	memcpy(u->strings + off, s, len);
	u->strings_len += len;
	return off;
}

struct die_rec *unit_add_die(struct unit_rec *u)
{
	struct die_rec *d = ARRAY_PUSH(u->dies, u->ndies, u->dies_cap);

	memset(d, 0, sizeof(*d));
	d->caller = -1;
	d->container = -1;
	return d;
}

void unit_add_range(struct unit_rec *u, struct die_rec *d, uint64_t start,
		    uint64_t end)
{
	struct addr_range *r = ARRAY_PUSH(u->ranges, u->nranges,
					  u->ranges_cap);

	r->start = start;
	r->end = end;
	if (!d->nranges)
		d->first_range = (uint32_t)(u->nranges - 1);
	d->nranges++;
}

/* Where the next array of a unit's block goes: its end, aligned. */
static size_t block_array(size_t *used, size_t n, size_t esize)
{
	size_t at = (*used + 15) & ~(size_t)15;

	*used = at + n * esize;
	return at;
}

/* An empty array is NULL, as the growth arrays leave it. */
static void *place(void *to, const void *from, size_t bytes)
{
	return bytes ? memcpy(to, from, bytes) : NULL;
}

void unit_rec_move_exact(struct unit_rec *dst, struct unit_rec *scratch,
			 struct arena *arena)
{
	struct unit_rec kept = {
		.dies = scratch->dies, .dies_cap = scratch->dies_cap,
		.ranges = scratch->ranges, .ranges_cap = scratch->ranges_cap,
		.imports = scratch->imports,
		.imports_cap = scratch->imports_cap,
		.strings = scratch->strings,
		.strings_cap = scratch->strings_cap,
	};
	size_t used = 0, dies, ranges, imports, strings;
	char *block;

	*dst = *scratch;
	dies = block_array(&used, dst->ndies, sizeof(*dst->dies));
	ranges = block_array(&used, dst->nranges, sizeof(*dst->ranges));
	imports = block_array(&used, dst->nimports, sizeof(*dst->imports));
	strings = block_array(&used, dst->strings_len, 1);
	block = arena_alloc(arena, used);
	dst->dies = place(block + dies, kept.dies,
			  dst->ndies * sizeof(*dst->dies));
	dst->ranges = place(block + ranges, kept.ranges,
			    dst->nranges * sizeof(*dst->ranges));
	dst->imports = place(block + imports, kept.imports,
			     dst->nimports * sizeof(*dst->imports));
	dst->strings = place(block + strings, kept.strings, dst->strings_len);
	dst->dies_cap = dst->ndies;
	dst->ranges_cap = dst->nranges;
	dst->imports_cap = dst->nimports;
	dst->strings_cap = dst->strings_len;
	*scratch = kept;
}

void unit_rec_free(struct unit_rec *u)
{
	free(u->dies);
	free(u->ranges);
	free(u->imports);
	free(u->strings);
	memset(u, 0, sizeof(*u));
}

void image_add_warning(struct image_rec *img, char *msg)
{
	size_t cap = img->nwarnings;

	/* warnings are rare: grow one at a time */
	grow_array((void **)&img->warnings, &cap, img->nwarnings + 1,
		   sizeof(char *));
	img->warnings[img->nwarnings++] = msg;
}

void image_rec_free(struct image_rec *img)
{
	size_t i;

	for (i = 0; !img->arena && i < img->nunits; i++)
		unit_rec_free(&img->units[i]);
	arena_free(img->arena);
	for (i = 0; i < img->nsyms; i++)
		free(img->syms[i].name);
	for (i = 0; i < img->nwarnings; i++)
		free(img->warnings[i]);
	for (i = 0; i < img->ncode_refs; i++)
		free(img->code_refs[i].target);
	free(img->code_refs);
	free(img->code_bytes);
	for (i = 0; i < img->nexported; i++)
		free(img->exported[i]);
	free(img->exported);
	free(img->units);
	free(img->syms);
	free(img->mcount);
	free(img->kprobe_blacklist);
	free(img->nokprobe);
	free(img->warnings);
	free(img->segments);
	free(img->init_text);
	free(img->path);
	free(img->build_id);
	free(img->machine);
	memset(img, 0, sizeof(*img));
}
