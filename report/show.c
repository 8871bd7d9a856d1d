// SPDX-License-Identifier: GPL-2.0-only
/*
 * One function's whole story (show): status and blind spot, every copy,
 * every inline site by caller, the calls a trace sees and misses, and
 * the probe lines that cover them all.
 */
#include "show.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "escape.h"
#include "json_functions.h"
#include "json_util.h"

/* What a tracer attached by name misses, in words. */
static const char *blind_spot_words(enum blind_spot b)
{
	switch (b) {
	case BLIND_NONE:
		return "a trace on its symbol sees every call";
	case BLIND_INCOMPLETE:
		return "incomplete: a trace on its symbol misses the inlined calls";
	case BLIND_UNTRACEABLE:
		return "untraceable by name: no copy under its plain name";
	case BLIND_NOT_ATTACHABLE:
		return "not attachable: no ftrace entry, or kprobes refuse its code";
	}
	return "?";
}

/* The calls a trace on the plain-named copy sees, and all of them. */
static void count_calls(const struct function *fn, size_t *seen,
			size_t *total)
{
	*total = fn->direct_calls + fn->sites;
	*seen = fn->blind == BLIND_NONE || fn->blind == BLIND_INCOMPLETE
		? fn->direct_calls : 0;
}

/* Why a kprobe at the copy's entry is refused, from its probe point. */
static const char *copy_refusal(const struct show_item *it,
				const struct outline_copy *c)
{
	size_t i;

	for (i = 0; i < it->set.n; i++)
		if (it->set.points[i].kind == PROBE_ENTRY &&
		    it->set.points[i].address == c->address)
			return it->set.points[i].refused;
	return c->nokprobe;
}

static void print_copies(FILE *out, const struct show_item *it)
{
	const struct function *fn = it->set.fn;
	const struct outline_copy *c;
	const char *refused;
	size_t i;

	fprintf(out, "  out-of-line copies: %zu\n", fn->ncopies);
	for (i = 0; i < fn->ncopies; i++) {
		c = &fn->copies[i];
		fprintf(out, "    %-32s 0x%" PRIx64 " %6" PRIu64 " bytes",
			shown(c->symbol ? c->symbol : "(no symbol)"),
			c->address, c->size);
		if (c->clone)
			fprintf(out, "  clone %s", shown(c->clone));
		if (it->set.r->summary.has_ftrace)
			fprintf(out, "  ftrace: %s",
				c->ftrace ? "listed" : "not listed");
		refused = copy_refusal(it, c);
		fprintf(out, "  kprobes: %s%s", refused ? "refused, " : "ok",
			refused ? shown(refused) : "");
		if (c->tu)
			fprintf(out, "  (TU %s)", shown(c->tu));
		fputc('\n', out);
	}
}

static const char *site_caller(const struct inline_site *s)
{
	return s->caller ? s->caller : s->container ? s->container : "?";
}

static int compare_sites(const void *x, const void *y)
{
	const struct inline_site *a = *(const struct inline_site *const *)x;
	const struct inline_site *b = *(const struct inline_site *const *)y;
	int c = strcmp(site_caller(a), site_caller(b));

	if (!c)
		c = strcmp(a->call_file ? a->call_file : "",
			   b->call_file ? b->call_file : "");
	return c ? c : (a->call_line > b->call_line) -
			       (a->call_line < b->call_line);
}

static void print_site(FILE *out, const struct inline_site *s)
{
	fprintf(out, "      %s:%u  %s  ", shown(s->call_file ? s->call_file
							   : "?"),
		s->call_line, s->cross_tu ? "cross-TU" : "same TU ");
	if (s->refused)
		fprintf(out, "refused, %s", shown(s->refused));
	else if (s->probe_symbol)
		fprintf(out, "probe %s+0x%" PRIx64, shown(s->probe_symbol),
			s->probe_offset);
	fputc('\n', out);
}

static void print_sites(FILE *out, const struct function *fn)
{
	const struct inline_site **v = xcalloc(fn->nsite_list + 1,
					       sizeof(*v));
	size_t i, k;

	fprintf(out, "  inline sites: %zu (%zu same-TU, %zu cross-TU)%s\n",
		fn->sites, fn->sites_same_tu, fn->sites_cross_tu,
		fn->nsite_list ? ", by caller:" : "");
	for (i = 0; i < fn->nsite_list; i++)
		v[i] = &fn->site_list[i];
	sort_array(v, fn->nsite_list, sizeof(*v), compare_sites);
	for (i = 0; i < fn->nsite_list; i = k) {
		for (k = i; k < fn->nsite_list &&
			    !strcmp(site_caller(v[k]), site_caller(v[i]));
		     k++)
			;
		fprintf(out, "    %s (%zu)\n", shown(site_caller(v[i])), k - i);
		for (; i < k; i++)
			print_site(out, v[i]);
	}
	free(v);
}

static void print_item(FILE *out, const struct show_item *it,
		       const struct probe_style *style)
{
	const struct function *fn = it->set.fn;
	struct probe_style lines = *style;
	size_t i, seen, total;

	/* kprobe_events lines for a kernel, uprobe_events lines else */
	lines.format = it->set.r->is_kernel ? PROBES_KPROBE : PROBES_UPROBE;
	fprintf(out, "%s (%s)\n  %s; %s\n", shown(fn->name),
		shown(it->set.r->path), status_name(fn->status),
		blind_spot_words(fn->blind));
	count_calls(fn, &seen, &total);
	fprintf(out, "  a trace on %s sees %zu of %zu calls (%zu inlined, %zu direct; indirect calls not counted)\n",
		shown(fn->name), seen, total, fn->sites, fn->direct_calls);
	for (i = 0; i < fn->ndecls; i++)
		fprintf(out, "  declared at %s:%u%s\n",
			shown(fn->decls[i].file ? fn->decls[i].file : "?"),
			fn->decls[i].line,
			fn->decls[i].external ? "" : " (static)");
	print_copies(out, it);
	print_sites(out, fn);
	fprintf(out, "  probe lines (every place its code runs):\n");
	render_probes(out, &it->set, 1, &lines);
}

static void write_item(struct json_writer *w, const struct show_item *it)
{
	const struct function *fn = it->set.fn;
	size_t i, seen, total;

	count_calls(fn, &seen, &total);
	jw_open(w, '{');
	jw_key(w, "input");
	jw_input(w, it->set.r);
	jw_function_members(w, fn, it->set.r->summary.has_ftrace, true);
	jw_key(w, "calls");
	jw_open(w, '{');
	jw_int_field(w, "seen", (long long)seen);
	jw_int_field(w, "total", (long long)total);
	jw_int_field(w, "inlined", (long long)fn->sites);
	jw_int_field(w, "direct", (long long)fn->direct_calls);
	jw_close(w, '}');
	jw_key(w, "probe_points");
	jw_open(w, '[');
	for (i = 0; i < it->set.n; i++)
		jw_probe_point(w, &it->set, i);
	jw_close(w, ']');
	jw_close(w, '}');
}

int render_show(FILE *out, const struct show_item *items, size_t n,
		const struct probe_style *style, enum json_style json)
{
	struct json_writer w;
	size_t i;

	if (!json) {
		for (i = 0; i < n; i++) {
			if (i)
				fputc('\n', out);
			print_item(out, &items[i], style);
		}
		return ferror(out) ? -1 : 0;
	}
	jw_init(&w, 0, json == JSON_STYLE_PRETTY);
	jw_document_start(&w);
	jw_key(&w, "functions");
	jw_open(&w, '[');
	for (i = 0; i < n; i++)
		write_item(&w, &items[i]);
	jw_close(&w, ']');
	jw_close(&w, '}');
	return jw_finish(&w, out);
}
