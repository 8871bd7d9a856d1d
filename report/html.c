// SPDX-License-Identifier: GPL-2.0-only
#include "html.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "../analyzer/compare.h"
#include "../analyzer/tracer.h"
#include "escape.h"
#include "render.h"

#define BAR_WIDTH 560	/* pixels for the largest bar */
#define LABEL_WIDTH 300	/* pixels for a directory name */
#define LABEL_CHARS 44

/* Long paths keep their informative end. */
static void put_label(FILE *out, const char *s)
{
	size_t n = strlen(s);

	if (n <= LABEL_CHARS) {
		put_html(out, s);
		return;
	}
	fputs("&hellip;", out);
	put_html(out, s + n - (LABEL_CHARS - 1));
}

static const char style[] =
	"body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}"
	"h1{font-size:20px}h2{font-size:16px;margin-top:28px}"
	".figs{display:flex;flex-wrap:wrap;gap:12px}"
	".fig{border:1px solid #ccc;border-radius:6px;padding:8px 14px}"
	".fig b{display:block;font-size:22px}"
	"table{border-collapse:collapse}td,th{padding:2px 8px;"
	"border-bottom:1px solid #eee;text-align:left}"
	"th{cursor:pointer;background:#f4f4f4}td.n{text-align:right}"
	".partial{fill:#d9822b}.full{fill:#7a4fb5}text{font-size:12px}";

/*
 * Sort by a column on click; filter rows by a substring; a page opened
 * with #filter=TEXT&sort=COLUMN starts filtered and sorted.
 */
static const char script[] =
	"function applyFilter(){var q=document.getElementById('filter')."
	"value.toLowerCase();document.querySelectorAll('tr.fn').forEach("
	"function(r){r.hidden=q&&r.textContent.toLowerCase().indexOf(q)<0;"
	"});}"
	"function sortBy(th){var t=th.closest('table'),i=th.cellIndex,"
	"num=th.classList.contains('n'),rows=Array.from(t.querySelectorAll("
	"'tr.fn')),asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';"
	"rows.sort(function(a,b){var x=a.cells[i].textContent,y=b.cells[i]."
	"textContent;var c=num?(+x)-(+y):x.localeCompare(y);return asc?c:-c;"
	"});rows.forEach(function(r){r.parentNode.appendChild(r);});}"
	"window.addEventListener('DOMContentLoaded',function(){var m=/"
	"filter=([^&]*)/.exec(location.hash);if(m){document.getElementById("
	"'filter').value=decodeURIComponent(m[1]);}applyFilter();var s=/"
	"sort=([0-9]+)/.exec(location.hash);if(s){var th=document."
	"querySelectorAll('#functions th')[+s[1]];if(th){sortBy(th);}}});";

static void figure(FILE *out, const char *label, size_t value)
{
	fprintf(out, "<div class=\"fig\"><b>%zu</b>%s</div>", value, label);
}

static void headline(FILE *out, const struct summary *s)
{
	fputs("<div class=\"figs\">", out);
	figure(out, "partial: inlined and out-of-line", s->functions_partial);
	figure(out, "full: inlined only", s->functions_full);
	figure(out, "outline", s->functions_outline);
	figure(out, "inline sites", s->inline_sites);
	figure(out, "cross-TU sites", s->inline_sites_cross_tu);
	figure(out, "incomplete traces", s->blind_incomplete);
	figure(out, "untraceable by name", s->blind_untraceable);
	figure(out, "not attachable", s->blind_not_attachable);
	fputs("</div>", out);
}

/* One bar group per directory: partial and full, stacked. */
static void dir_chart(FILE *out, struct report *r, unsigned int depth)
{
	struct dir_group *g;
	size_t n = group_by_dir(r, depth, &g), i, max = 1, y;
	double scale;

	for (i = 0; i < n; i++)
		if (g[i].partial + g[i].full > max)
			max = g[i].partial + g[i].full;
	scale = (double)BAR_WIDTH / (double)max;
	fprintf(out, "<h2>Partial and full functions by declaration directory</h2>"
		     "<p><svg width=\"12\" height=\"12\"><rect class=\"partial\" "
		     "width=\"12\" height=\"12\"/></svg> partial "
		     "<svg width=\"12\" height=\"12\"><rect class=\"full\" "
		     "width=\"12\" height=\"12\"/></svg> full</p>"
		     "<svg id=\"dirs\" width=\"%d\" height=\"%zu\">",
		BAR_WIDTH + LABEL_WIDTH + 100, n * 22 + 4);
	for (i = 0; i < n; i++) {
		y = i * 22;
		fprintf(out, "<g class=\"bar\"><text x=\"0\" y=\"%zu\">", y + 15);
		put_label(out, g[i].dir);
		fprintf(out, "</text><rect class=\"partial\" x=\"%d\" y=\"%zu\" "
			     "width=\"%.1f\" height=\"16\"><title>%zu partial</title></rect>"
			     "<rect class=\"full\" x=\"%.1f\" y=\"%zu\" width=\"%.1f\" "
			     "height=\"16\"><title>%zu full</title></rect>"
			     "<text x=\"%.1f\" y=\"%zu\">%zu / %zu</text></g>",
			LABEL_WIDTH, y + 2, (double)g[i].partial * scale,
			g[i].partial, LABEL_WIDTH + (double)g[i].partial * scale,
			y + 2, (double)g[i].full * scale, g[i].full,
			LABEL_WIDTH + 6 + (double)(g[i].partial + g[i].full) * scale,
			y + 15,
			g[i].partial, g[i].full);
	}
	fputs("</svg>", out);
	free(g);
}

/* Functions by sites per function, in power-of-two buckets. */
static void sites_histogram(FILE *out, const struct report *r)
{
	static const char *const labels[] = {
		"1", "2", "3-4", "5-8", "9-16", "17-32", "33-64", "65+",
	};
	size_t counts[8] = { 0 }, i, b, max = 1, s;

	for (i = 0; i < r->nfunctions; i++) {
		s = r->functions[i].sites;
		if (!s)
			continue;
		for (b = 0; b < 7 && s > (1UL << b); b++)
			;
		counts[b]++;
	}
	for (b = 0; b < 8; b++)
		if (counts[b] > max)
			max = counts[b];
	fputs("<h2>Inline sites per function</h2><svg id=\"sites\" width=\"520\" height=\"214\">",
	      out);
	for (b = 0; b < 8; b++)
		fprintf(out, "<g class=\"bucket\"><rect class=\"partial\" x=\"%zu\" "
			     "y=\"%.1f\" width=\"50\" height=\"%.1f\"><title>%zu functions"
			     "</title></rect><text x=\"%zu\" y=\"209\">%s</text>"
			     "<text x=\"%zu\" y=\"%.1f\">%zu</text></g>",
			b * 64, 184 - 160.0 * (double)counts[b] / (double)max,
			160.0 * (double)counts[b] / (double)max, counts[b],
			b * 64 + 4, labels[b], b * 64 + 4,
			180 - 160.0 * (double)counts[b] / (double)max,
			counts[b]);
	fputs("</svg>", out);
}

static void symbols_cell(FILE *out, const struct function *fn)
{
	size_t i, n = 0;

	fputs("<td>", out);
	for (i = 0; i < fn->ncopies; i++) {
		if (!fn->copies[i].symbol)
			continue;
		if (n++)
			fputs(", ", out);
		put_html(out, fn->copies[i].symbol);
	}
	fputs("</td>", out);
}

static void function_table(FILE *out, const struct report *r)
{
	const struct function *fn;
	size_t i;

	fputs("<h2>Functions</h2><p><input id=\"filter\" placeholder=\"filter\" "
	      "oninput=\"applyFilter()\"></p><table id=\"functions\"><thead><tr>"
	      "<th onclick=\"sortBy(this)\">function</th>"
	      "<th onclick=\"sortBy(this)\">status</th>"
	      "<th onclick=\"sortBy(this)\">scope</th>"
	      "<th class=\"n\" onclick=\"sortBy(this)\">sites</th>"
	      "<th class=\"n\" onclick=\"sortBy(this)\">cross-TU</th>"
	      "<th class=\"n\" onclick=\"sortBy(this)\">direct calls</th>"
	      "<th onclick=\"sortBy(this)\">blind spot</th>"
	      "<th onclick=\"sortBy(this)\">out-of-line symbols</th>"
	      "<th onclick=\"sortBy(this)\">declared</th></tr></thead><tbody>",
	      out);
	for (i = 0; i < r->nfunctions; i++) {
		fn = &r->functions[i];
		if (fn->status == STATUS_OUTLINE)
			continue;
		fputs("<tr class=\"fn\"><td>", out);
		put_html(out, fn->name);
		fprintf(out, "</td><td>%s</td><td>%s</td><td class=\"n\">%zu</td>"
			     "<td class=\"n\">%zu</td><td class=\"n\">%zu</td><td>%s</td>",
			status_name(fn->status), scope_name(fn->scope),
			fn->sites, fn->sites_cross_tu, fn->direct_calls,
			blind_spot_name(fn->blind) ? blind_spot_name(fn->blind)
						   : "");
		symbols_cell(out, fn);
		fputs("<td>", out);
		if (fn->ndecls && fn->decls[0].file) {
			put_html(out, fn->decls[0].file);
			fprintf(out, ":%u", fn->decls[0].line);
		}
		fputs("</td></tr>", out);
	}
	fputs("</tbody></table>", out);
}

static void side_by_side(FILE *out, const struct report *old,
			 const struct report *new)
{
	const struct summary_field *f;
	struct comparison cmp;
	size_t a, b, i;

	fputs("<h2>Side by side</h2><table id=\"compare\"><tr><th></th><th>", out);
	put_html(out, old->path);
	fputs(" (LTO: ", out);
	put_html(out, old->lto);
	fputs(")</th><th>", out);
	put_html(out, new->path);
	fputs(" (LTO: ", out);
	put_html(out, new->lto);
	fputs(")</th><th>delta</th></tr>", out);
	for (f = summary_fields; f->name; f++) {
		a = *summary_count((struct summary *)&old->summary, f);
		b = *summary_count((struct summary *)&new->summary, f);
		fprintf(out, "<tr class=\"cmp\"><td>%s</td><td class=\"n\">%zu</td>"
			     "<td class=\"n\">%zu</td><td class=\"n\">%+lld</td></tr>",
			f->name, a, b, (long long)b - (long long)a);
	}
	fputs("</table>", out);
	compare_reports(old, new, &cmp);
	fprintf(out, "<h2>Changed functions: %zu</h2><table id=\"changes\">"
		     "<tr><th>function</th><th>before</th><th>after</th>"
		     "<th>sites</th></tr>", cmp.nchanges);
	for (i = 0; i < cmp.nchanges; i++) {
		fputs("<tr class=\"change\"><td>", out);
		put_html(out, cmp.changes[i].name);
		fprintf(out, "</td><td>%s</td><td>%s</td><td>%zu &rarr; %zu</td></tr>",
			cmp.changes[i].old ? status_name(cmp.changes[i].old->status) : "absent",
			cmp.changes[i].new ? status_name(cmp.changes[i].new->status) : "absent",
			cmp.changes[i].old ? cmp.changes[i].old->sites : 0,
			cmp.changes[i].new ? cmp.changes[i].new->sites : 0);
	}
	fputs("</table>", out);
	comparison_free(&cmp);
}

int render_html(FILE *out, struct report *r, struct report *old,
		unsigned int depth)
{
	fprintf(out, "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
		     "<title>inlscan: ");
	put_html(out, r->path);
	fprintf(out, "</title><style>%s</style><script>%s</script></head><body>"
		     "<h1>inlscan %s: ", style, script, INLSCAN_VERSION);
	put_html(out, r->path);
	fputs("</h1><p>", out);
	put_html(out, r->elf_type);
	fputc(' ', out);
	put_html(out, r->machine);
	fprintf(out, ", %zu units, LTO: ", r->units);
	put_html(out, r->lto);
	fputs("</p>", out);
	headline(out, &r->summary);
	if (old)
		side_by_side(out, old, r);
	dir_chart(out, r, depth);
	sites_histogram(out, r);
	function_table(out, r);
	fputs("</body></html>\n", out);
	return ferror(out);
}
