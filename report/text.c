// SPDX-License-Identifier: GPL-2.0-only
/* The human summary: headline figures and the top functions, mail-ready. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "escape.h"
#include "inputs_table.h"
#include "render.h"

static void print_input(FILE *out, const struct report *r)
{
	size_t i;

	put_terminal(out, r->path);
	fputs("\n  ", out);
	put_terminal(out, r->elf_type);
	fputc(' ', out);
	put_terminal(out, r->machine);
	fputs(", DWARF", out);
	for (i = 0; i < r->ndwarf_versions; i++)
		fprintf(out, "%s%u", i ? "," : " ", r->dwarf_versions[i]);
	fprintf(out, ", %zu units, LTO: ", r->units);
	put_terminal(out, r->lto);
	if (r->build_id) {
		fputs(", build ID ", out);
		put_terminal(out, r->build_id);
	}
	fputc('\n', out);
	for (i = 0; i < r->nproducers && i < 3; i++) {
		fputs("  producer: ", out);
		put_terminal(out, r->producers[i]);
		fputc('\n', out);
	}
	if (r->nproducers > 3)
		fprintf(out, "  (and %zu more producers)\n", r->nproducers - 3);
}

static void print_blind_spots(FILE *out, const struct summary *s)
{
	const char *info = call_site_info(s);

	fprintf(out, "  Blind spots of a tracer attached by name:\n");
	fprintf(out, "    %8zu incomplete: attachable, but %zu inlined calls never reach a copy\n",
		s->blind_incomplete, s->missed_inline_calls);
	fprintf(out, "    %8zu untraceable by name: fully inlined, or only clone/suffixed copies\n",
		s->blind_untraceable);
	fprintf(out, "    %8zu not attachable: no ftrace entry, or kprobes refuse the code\n",
		s->blind_not_attachable);
	fprintf(out, "  Call sites: %zu direct, %zu indirect (target unknown); ",
		s->call_sites_direct, s->call_sites_indirect);
	if (!strcmp(info, "none"))
		fprintf(out, "no call-site DIEs: direct calls unknown\n");
	else
		fprintf(out, "call-site info %s (%zu of %zu functions)\n", info,
			s->subprograms_all_calls, s->subprograms_with_code);
}

static void print_summary(FILE *out, const struct summary *s)
{
	fprintf(out, "\n  Inlined at some call sites, still out-of-line (partial):\n");
	fprintf(out, "    %8zu functions by name (DWARF)\n", s->functions_partial);
	fprintf(out, "    %8zu by symbol table (a FUNC symbol of that base name)\n",
		s->functions_partial_symtab);
	if (s->has_ftrace)
		fprintf(out, "    %8zu by ftrace (an out-of-line copy has an mcount entry)\n",
			s->functions_partial_ftrace);
	fprintf(out, "    %8zu declarations (name + decl file:line)\n",
		s->decls_partial);
	fprintf(out, "    %8zu with cross-TU inline sites (LTO)\n",
		s->functions_partial_cross_tu);
	fprintf(out, "    %8zu only under a clone or suffixed name (no plain symbol)\n",
		s->functions_partial_clone_only);
	fprintf(out, "  Fully inlined, no out-of-line copy (full):\n");
	fprintf(out, "    %8zu functions by name, %zu declarations, %zu with cross-TU sites\n",
		s->functions_full, s->decls_full, s->functions_full_cross_tu);
	fprintf(out, "  Out-of-line only, never inlined (outline):\n");
	fprintf(out, "    %8zu functions\n", s->functions_outline);
	fprintf(out, "  Inline sites: %zu, of which cross-TU: %zu",
		s->inline_sites, s->inline_sites_cross_tu);
	if (s->inline_sites_discarded)
		fprintf(out, " (%zu more in discarded code, not counted)",
			s->inline_sites_discarded);
	fputc('\n', out);
	print_blind_spots(out, s);
}

static int compare_by_sites(const void *x, const void *y)
{
	const struct function *a = *(const struct function *const *)x;
	const struct function *b = *(const struct function *const *)y;

	if (a->sites != b->sites)
		return a->sites < b->sites ? 1 : -1;
	return strcmp(a->name, b->name);
}

static void print_copies(FILE *out, const struct function *fn)
{
	const char *last = NULL;
	size_t i, shown = 0;

	/* interned: equal names are equal pointers */
	for (i = 0; i < fn->ncopies && shown < 3; i++) {
		if (!fn->copies[i].symbol || fn->copies[i].symbol == last)
			continue;
		last = fn->copies[i].symbol;
		fputs(shown ? ", " : "  ", out);
		put_terminal(out, fn->copies[i].symbol);
		shown++;
	}
	if (fn->ncopies > shown && shown)
		fprintf(out, ", ...");
	if (!shown)
		fprintf(out, "  (no symbol)");
}

static void print_top(FILE *out, const struct report *r, int top)
{
	const struct function **list;
	char name[256];
	size_t i, n = 0;

	list = calloc(r->nfunctions + 1, sizeof(*list));
	if (!list)
		return;
	for (i = 0; i < r->nfunctions; i++)
		if (r->functions[i].status == STATUS_PARTIAL)
			list[n++] = &r->functions[i];
	sort_array(list, n, sizeof(*list), compare_by_sites);
	if (n)
		fprintf(out, "\n  Top partial functions by inline sites (a trace on the symbol misses these calls):\n    %6s %6s %6s %6s  %-32s  %s\n",
			"sites", "same", "cross", "direct", "function",
			"out-of-line symbols");
	for (i = 0; i < n && (top <= 0 || i < (size_t)top); i++) {
		terminal_text(name, sizeof(name), list[i]->name);
		fprintf(out, "    %6zu %6zu %6zu %6zu  %-32s", list[i]->sites,
			list[i]->sites_same_tu, list[i]->sites_cross_tu,
			list[i]->direct_calls, name);
		print_copies(out, list[i]);
		fputc('\n', out);
	}
	free(list);
}

static void print_sites(FILE *out, const struct report *r)
{
	const struct function *fn;
	const struct inline_site *s;
	size_t i, k;

	fprintf(out, "\n  Inline sites:\n");
	for (i = 0; i < r->nfunctions; i++) {
		fn = &r->functions[i];
		for (k = 0; k < fn->nsite_list; k++) {
			s = &fn->site_list[k];
			fputs("    ", out);
			put_terminal(out, fn->name);
			fputs(" in ", out);
			put_terminal(out, s->caller ? s->caller : "?");
			fputs(" (", out);
			put_terminal(out, s->call_file ? s->call_file : "?");
			fprintf(out, ":%u)%s", s->call_line,
				s->cross_tu ? " cross-TU" : "");
			if (s->probe_symbol) {
				fputc(' ', out);
				put_terminal(out, s->probe_symbol);
				fprintf(out, "+0x%" PRIx64, s->probe_offset);
			}
			fputc('\n', out);
		}
	}
}

static void print_dirs(FILE *out, struct report *r, int depth)
{
	struct dir_group *g;
	size_t i, n = group_by_dir(r, (unsigned int)depth, &g);

	fprintf(out, "\n  By declaration directory (depth %d):\n    %7s %7s %10s %11s %8s %8s  %s\n",
		depth, "partial", "full", "incomplete", "untraceable",
		"no-attach", "missed", "directory");
	for (i = 0; i < n; i++) {
		fprintf(out, "    %7zu %7zu %10zu %11zu %8zu %8zu  ",
			g[i].partial, g[i].full, g[i].incomplete,
			g[i].untraceable, g[i].not_attachable,
			g[i].missed_calls);
		put_terminal(out, g[i].dir);
		fputc('\n', out);
	}
	free(g);
}

static void print_report(FILE *out, struct report *r,
			 const struct render_opts *opts)
{
	size_t i;

	print_input(out, r);
	print_summary(out, &r->summary);
	if (opts->by_dir >= 0)
		print_dirs(out, r, opts->by_dir);
	print_top(out, r, opts->top);
	if (opts->sites)
		print_sites(out, r);
	for (i = 0; i < r->nwarnings; i++) {
		fputs("  warning: ", out);
		put_terminal(out, r->warnings[i]);
		fputc('\n', out);
	}
}

int render_text(FILE *out, const struct scan_results *res,
		const struct render_opts *opts)
{
	size_t i, n = 0;

	for (i = 0; i < res->nreports; i++)
		n += res->reports[i] != NULL;
	if (res->nreports > 1)
		return render_inputs_table(out, res, opts->top);
	for (i = 0; i < res->nreports; i++)
		if (res->reports[i])
			print_report(out, res->reports[i], opts);
	return ferror(out) || !n ? -1 : 0;
}
