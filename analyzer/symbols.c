// SPDX-License-Identifier: GPL-2.0-only
#include "symbols.h"

#include <stdlib.h>
#include <string.h>

#include "../common/hashset.h"
#include "../common/util.h"

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

bool in_init_text(const struct image_rec *img, uint64_t addr)
{
	size_t i;

	/* one range in a vmlinux, one .init.text in a module */
	for (i = 0; i < img->ninit_text; i++)
		if (addr >= img->init_text[i].start &&
		    addr < img->init_text[i].end)
			return true;
	return false;
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

const char *suffixed_base(struct strpool *pool, const char *sym)
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

/* A function's code fingerprint, its references' targets interned. */
static void copy_code(const struct image_rec *img, const struct sym_rec *sym,
		      const unsigned char *code, struct strpool *pool,
		      struct image_symbol *s)
{
	const struct code_ref *from = &img->code_refs[sym->first_ref];
	struct code_reference *to;
	size_t k;

	s->has_code = true;
	s->code_hash = sym->code_hash;
	s->code = code + sym->code_at;
	s->nrefs = sym->nrefs;
	s->refs = xcalloc(s->nrefs + 1, sizeof(*s->refs));
	for (k = 0; k < s->nrefs; k++) {
		to = &s->refs[k];
		to->target = strpool_intern(pool, from[k].target);
		to->delta = from[k].delta;
		to->offset = from[k].offset;
		to->type = from[k].type;
		to->kind = from[k].kind;
	}
}

void list_symbols(const struct image_rec *img, struct report *r,
		  size_t first, size_t end)
{
	struct image_symbol *s;
	const char *base;
	size_t i;

	for (i = first; i < end; i++) {
		s = &r->symbols[i];
		s->name = strpool_intern(&r->strings, img->syms[i].name);
		base = suffixed_base(&r->strings, s->name);
		s->base = base ? base : s->name;
		s->is_func = img->syms[i].kind == SYM_FUNC;
		s->address = img->syms[i].addr;
		s->size = img->syms[i].size;
		if (img->syms[i].has_code)
			copy_code(img, &img->syms[i], r->code, &r->strings,
				  s);
	}
}

/* How many of the sorted interned bases equal base. */
static size_t count_of(const char **bases, size_t n, const char *base)
{
	const char **hit = bsearch(&base, bases, n, sizeof(*bases),
				   compare_pointers);
	size_t count = 0;

	if (!hit)
		return 0;
	while (hit > bases && hit[-1] == base)
		hit--;
	while (hit + count < bases + n && hit[count] == base)
		count++;
	return count;
}

/*
 * Every .llvm.<hash> / .lto_priv.<n> symbol, and whether its base name
 * would be unique in the image with the suffix removed.
 */
void find_suffixed(struct report *r)
{
	const struct image_symbol *sym;
	struct suffixed_symbol *s;
	const char **bases, **plain;
	size_t i, nplain = 0, cap = 0;

	/* most images have none: no need to sort every name */
	for (i = 0; i < r->nsymbols; i++)
		if (r->symbols[i].base != r->symbols[i].name)
			break;
	if (i == r->nsymbols)
		return;
	bases = xcalloc(r->nsymbols + 1, sizeof(*bases));
	plain = xcalloc(r->nsymbols + 1, sizeof(*plain));
	for (i = 0; i < r->nsymbols; i++) {
		bases[i] = r->symbols[i].base;
		if (r->symbols[i].base == r->symbols[i].name)
			plain[nplain++] = r->symbols[i].name;
	}
	sort_array(bases, r->nsymbols, sizeof(*bases), compare_pointers);
	sort_array(plain, nplain, sizeof(*plain), compare_pointers);
	for (i = 0; i < r->nsymbols; i++) {
		sym = &r->symbols[i];
		if (sym->base == sym->name)
			continue;
		s = ARRAY_PUSH(r->suffixed, r->nsuffixed, cap);
		s->symbol = sym->name;
		s->base = sym->base;
		s->is_func = sym->is_func;
		s->address = sym->address;
		s->owner = sym->owner;
		s->base_unique = count_of(bases, r->nsymbols, sym->base) == 1;
		s->base_plain = count_of(plain, nplain, sym->base) > 0;
	}
	free(bases);
	free(plain);
}

struct symbol_share {
	const struct image_rec *img;
	struct report *r;
	const char **bases;	/* per symbol */
	size_t first, end;
};

/* A slice of r->symbols, and the base names of its FUNC symbols. */
static void *name_symbols(void *arg)
{
	struct symbol_share *share = arg;
	size_t i;

	list_symbols(share->img, share->r, share->first, share->end);
	for (i = share->first; i < share->end; i++)
		if (share->img->syms[i].kind == SYM_FUNC)
			share->bases[i] = symbol_base(
				&share->r->strings, share->r->symbols[i].name);
	return NULL;
}

static size_t name_slot(const struct name_set *set, const char *name)
{
	return hashset_ptr_slot((const void *const *)set->slots, set->nslots,
				name);
}

bool name_set_has(const struct name_set *set, const char *name)
{
	return set->slots[name_slot(set, name)];
}

/* The names, per symbol (NULL if none), into a set. */
static void index_names(struct name_set *set, const char **per_symbol,
			size_t nsyms)
{
	size_t i;

	set->nslots = hashset_nslots(nsyms, 16);
	set->slots = xcalloc_written(set->nslots, sizeof(*set->slots));
	for (i = 0; i < nsyms; i++)
		if (per_symbol[i])
			set->slots[name_slot(set, per_symbol[i])] =
				per_symbol[i];
}

void list_image_symbols(const struct image_rec *img, struct report *r,
			unsigned int n, struct name_set *bases)
{
	struct symbol_share *shares = xcalloc(n, sizeof(*shares));
	size_t nsyms = img->nsyms;
	const char **per_symbol = xcalloc(nsyms + 1, sizeof(*per_symbol));
	unsigned int k;

	r->symbols = xcalloc(nsyms + 1, sizeof(*r->symbols));
	r->nsymbols = nsyms;
	for (k = 0; k < n; k++) {
		shares[k].img = img;
		shares[k].r = r;
		shares[k].bases = per_symbol;
		shares[k].first = nsyms * k / n;
		shares[k].end = nsyms * (k + 1) / n;
	}
	run_shares(name_symbols, shares, n, sizeof(*shares));
	free(shares);
	index_names(bases, per_symbol, nsyms);
	free(per_symbol);
}
