// SPDX-License-Identifier: GPL-2.0-only
#include "symbols.h"

#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "analyze.h"

size_t syms_at(const struct image_rec *img, uint64_t addr)
{
	size_t lo = 0, hi = img->nsyms, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (img->syms[mid].addr < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct sym_rec *syms_holding(const struct image_rec *img,
				   uint64_t addr, const char *prefer)
{
	size_t i = syms_at(img, addr + 1), first, steps = 0;
	const struct sym_rec *s, *best = NULL;
	uint64_t at;

	/* walk back to the nearest address that has a FUNC holding addr;
	 * nested symbols are few, so a short walk finds it or nothing does
	 */
	while (i-- > 0 && steps++ < 64) {
		s = &img->syms[i];
		if (s->kind != SYM_FUNC ||
		    (addr >= s->addr + s->size && addr != s->addr))
			continue;
		at = s->addr;
		first = syms_at(img, at);
		for (i = first; i < img->nsyms && img->syms[i].addr == at;
		     i++) {
			s = &img->syms[i];
			if (s->kind != SYM_FUNC ||
			    (addr >= s->addr + s->size && addr != s->addr))
				continue;
			if (!best || (prefer && !strcmp(s->name, prefer)))
				best = s;
		}
		return best;
	}
	return NULL;
}

static bool any_in(const uint64_t *v, size_t n, uint64_t start,
		   uint64_t end)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (v[mid] < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo] < end;
}

bool mcount_in(const struct image_rec *img, uint64_t start, uint64_t end)
{
	return any_in(img->mcount, img->nmcount, start, end);
}

const char *nokprobe_name(enum nokprobe why)
{
	static const char *const names[] = {
		[NOKPROBE_BLACKLIST] = "_kprobe_blacklist",
		[NOKPROBE_KPROBES_TEXT] = ".kprobes.text",
		[NOKPROBE_NOINSTR_TEXT] = ".noinstr.text",
		[NOKPROBE_ENTRY_TEXT] = ".entry.text",
		[NOKPROBE_IRQENTRY_TEXT] = ".irqentry.text",
	};

	return why < ARRAY_SIZE(names) ? names[why] : NULL;
}

/* Ranges are few (areas, or noinstr functions) and sorted by start. */
static const struct nokprobe_range *nokprobe_range_at(
	const struct image_rec *img, uint64_t addr)
{
	size_t lo = 0, hi = img->nnokprobe, mid, steps = 0;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (img->nokprobe[mid].start <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* an area may hold a few function ranges: look a little further */
	while (lo-- > 0 && steps++ < 8)
		if (addr < img->nokprobe[lo].end)
			return &img->nokprobe[lo];
	return NULL;
}

const char *nokprobe_in(const struct image_rec *img, uint64_t start,
			uint64_t end)
{
	const struct nokprobe_range *r = nokprobe_range_at(img, start);

	if (r)
		return nokprobe_name(r->why);
	if (any_in(img->kprobe_blacklist, img->nkprobe_blacklist, start,
		   end > start ? end : start + 1))
		return nokprobe_name(NOKPROBE_BLACKLIST);
	return NULL;
}

const char *symbol_base(struct strpool *pool, const char *sym)
{
	const char *dot = strchr(sym, '.');

	/* ".str.1.llvm.N" style data symbols start with a dot */
	if (dot == sym)
		dot = strchr(sym + 1, '.');
	return dot ? strpool_intern_len(pool, sym, (size_t)(dot - sym))
		   : strpool_intern(pool, sym);
}

static bool all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return n > 0;
}

const char *clone_kind(struct strpool *pool, const char *sym,
		       const char *name)
{
	size_t n = strlen(name), len = 0, tok;
	const char *p;
	char buf[256];

	if (!strcmp(sym, name))
		return NULL;
	if (strncmp(sym, name, n) || sym[n] != '.')
		return strpool_intern(pool, "alias");
	/* keep the words of the suffix, drop the clone numbers */
	for (p = sym + n; *p == '.'; p += tok) {
		p++;
		tok = strcspn(p, ".");
		if (all_digits(p, tok) || len + tok + 2 > sizeof(buf))
			continue;
		if (len)
			buf[len++] = '.';
		memcpy(buf + len, p, tok);
		len += tok;
	}
	return len ? strpool_intern_len(pool, buf, len)
		   : strpool_intern(pool, "alias");
}

/* The base of "x.llvm.N" or "x.lto_priv.N", or NULL if not suffixed. */
static const char *suffixed_base(struct strpool *pool, const char *sym)
{
	static const char *const markers[] = { ".llvm.", ".lto_priv." };
	const char *at;
	size_t i;

	for (i = 0; i < sizeof(markers) / sizeof(markers[0]); i++) {
		at = strstr(sym, markers[i]);
		if (at && at > sym &&
		    all_digits(at + strlen(markers[i]),
			       strlen(at + strlen(markers[i]))))
			return strpool_intern_len(pool, sym,
						  (size_t)(at - sym));
	}
	return NULL;
}

struct base_count {
	const char *base;
	size_t count;
};

static int compare_base(const void *a, const void *b)
{
	const struct base_count *x = a, *y = b;

	return x->base < y->base ? -1 : x->base > y->base;
}

static size_t count_of(struct base_count *counts, size_t n, const char *b)
{
	struct base_count key = { .base = b }, *hit;

	hit = bsearch(&key, counts, n, sizeof(*counts), compare_base);
	return hit ? hit->count : 0;
}

/*
 * Every .llvm.<hash> / .lto_priv.<n> symbol, and whether its base name
 * would be unique in the image with the suffix removed.
 */
void find_suffixed(const struct image_rec *img, struct report *r)
{
	struct base_count *counts = xcalloc(img->nsyms, sizeof(*counts));
	const char *base;
	size_t i, n = 0, k, cap = 0;
	struct suffixed_symbol *s;

	for (i = 0; i < img->nsyms; i++) {
		base = suffixed_base(&r->strings, img->syms[i].name);
		counts[n].base = base ? base
				      : strpool_intern(&r->strings,
						       img->syms[i].name);
		counts[n++].count = 1;
	}
	sort_array(counts, n, sizeof(*counts), compare_base);
	for (i = 0, k = 0; i < n; i++) {
		if (k && counts[k - 1].base == counts[i].base)
			counts[k - 1].count++;
		else
			counts[k++] = counts[i];
	}
	for (i = 0; i < img->nsyms; i++) {
		base = suffixed_base(&r->strings, img->syms[i].name);
		if (!base)
			continue;
		s = ARRAY_PUSH(r->suffixed, r->nsuffixed, cap);
		s->symbol = strpool_intern(&r->strings, img->syms[i].name);
		s->base = base;
		s->is_func = img->syms[i].kind == SYM_FUNC;
		s->address = img->syms[i].addr;
		s->base_unique = count_of(counts, k, base) == 1;
	}
	free(counts);
}
