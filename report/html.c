// SPDX-License-Identifier: GPL-2.0-only
#include "html.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "../analyzer/compare.h"
#include "../analyzer/tracer.h"
#include "../common/hashset.h"
#include "../common/util.h"
#include "escape.h"
#include "json_writer.h"
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
	".partial{fill:#d9822b}.full{fill:#7a4fb5}text{font-size:12px}"
	"tr.fn{cursor:pointer}tr.fn:hover{background:#f6f0e6}"
	"#details{border:1px solid #ccc;border-radius:6px;padding:8px 14px;"
	"margin:12px 0}#details h3{margin:4px 0}#count{color:#555}";

/*
 * The function table is drawn from the data block, a page of rows at a
 * time: a vmlinux has tens of thousands, and a table of them all takes
 * seconds to lay out and to filter. Sort by a column on click (numbers
 * largest first, text A-Z; again to reverse); filter by a substring of
 * name, symbols or file; a row opens its copies and sites. A page opened
 * with #filter=TEXT&sort=COLUMN (its name, or its index; -COLUMN
 * reversed)&show=FUNCTION starts so; #selftest times load, keystrokes
 * and a sort into #timing.
 */
static const char script[] =
	"var D,F,V,shown,col=null,desc=false,PAGE=200,"
	"COLS=['function','status','scope','sites','cross_tu',"
	"'direct_calls','blind_spot','symbols','declared'],"
	"NUM={sites:1,cross_tu:1,direct_calls:1},"
	"ST=['partial','full','outline'];"
	"function esc(s){return String(s).replace(/[&<>\"']/g,function(c){"
	"return '&#'+c.charCodeAt(0)+';';});}"
	"function syms(f){return f[9].map(function(c){return c[0];})"
	".join(', ');}"
	"function decl(f){return f[7]===null?'':D.strings[f[7]]+':'+f[8];}"
	"function key(f,c){switch(c){case 'function':return f[0];"
	"case 'status':return ST[f[1]];case 'scope':return f[2]||'';"
	"case 'sites':return f[3];case 'cross_tu':return f[4];"
	"case 'direct_calls':return f[5];case 'blind_spot':return f[6]||'';"
	"case 'symbols':return syms(f);default:return decl(f);}}"
	"function byDefault(a,b){return a[1]-b[1]||b[3]-a[3]||"
	"(a[0]<b[0]?-1:a[0]>b[0]?1:0);}"
	"function compare(a,b){if(col===null)return byDefault(a,b);"
	"var x=key(a,col),y=key(b,col),c=NUM[col]?y-x:(x<y?-1:x>y?1:0);"
	"return (desc?-c:c)||byDefault(a,b);}"
	"function row(f,i){return '<tr class=\"fn\" data-i=\"'+i+'\"><td>'"
	"+esc(f[0])+'</td><td>'+ST[f[1]]+'</td><td>'+esc(f[2]||'')+"
	"'</td><td class=\"n\">'+f[3]+'</td><td class=\"n\">'+f[4]+"
	"'</td><td class=\"n\">'+f[5]+'</td><td>'+esc(f[6]||'')+"
	"'</td><td>'+esc(syms(f))+'</td><td>'+esc(decl(f))+'</td></tr>';}"
	"function draw(){var h=[],n=Math.min(V.length,shown),i;"
	"for(i=0;i<n;i++)h.push(row(V[i],i));"
	"document.getElementById('rows').innerHTML=h.join('');"
	"document.getElementById('count').textContent=V.length+' of '+"
	"F.length+' functions'+(n<V.length?', the first '+n:'');"
	"document.getElementById('more').hidden=n>=V.length;}"
	"function applyFilter(){var q=document.getElementById('filter')"
	".value.toLowerCase();V=q?F.filter(function(f){"
	"return f.s.indexOf(q)>=0;}):F.slice();V.sort(compare);shown=PAGE;"
	"draw();}"
	"function sortBy(c){desc=col===c?!desc:false;col=c;V.sort(compare);"
	"draw();}"
	"function more(){shown+=PAGE*5;draw();}"
	"function details(f){var h='<h3>'+esc(f[0])+' ('+ST[f[1]]+')</h3>'"
	"+'<p>'+f[3]+' inline sites ('+f[4]+' cross-TU), '+f[5]+"
	"' direct calls</p><p>out-of-line copies:</p><ul>';"
	"f[9].forEach(function(c){h+='<li>'+esc(c[0])+', '+c[1]+' bytes'+"
	"(c[2]?', kprobes refuse it: '+esc(c[2]):'')+'</li>';});"
	"h+='</ul><p>inline sites by caller:</p><ul>';var last=null;"
	"f[10].forEach(function(s){var c=D.strings[s[0]];if(c!==last){"
	"if(last!==null)h+='</ul></li>';h+='<li>'+esc(c)+'<ul>';last=c;}"
	"h+='<li>'+esc(D.strings[s[1]])+':'+s[2]+(s[3]?' (cross-TU)':'')"
	"+'</li>';});if(last!==null)h+='</ul></li>';"
	"if(!f[10].length&&f[3])h+='<li>not in this report (scan --sites)</li>';"
	"document.getElementById('details').innerHTML=h+'</ul>';"
	"document.getElementById('details').hidden=false;}"
	"function typed(q){document.getElementById('filter').value=q;"
	"var t=performance.now();applyFilter();return performance.now()-t;}"
	"function selftest(t0){var k=Math.max(typed('f'),typed('fo'),"
	"typed('fol'),typed('foli'),typed('folio'));typed('');"
	"var t=performance.now();sortBy('sites');var t3=performance.now();"
	"document.getElementById('timing').textContent='load_ms='+"
	"Math.round(t0)+' keystroke_ms='+k.toFixed(1)+' sort_ms='+"
	"(t3-t).toFixed(1)+' rows='+F.length;}"
	"window.addEventListener('DOMContentLoaded',function(){"
	"D=JSON.parse(document.getElementById('data').textContent);F=D.fns;"
	"F.forEach(function(f){f.s=(f[0]+' '+syms(f)+' '+decl(f))"
	".toLowerCase();});"
	"document.querySelectorAll('#functions th').forEach(function(th,i){"
	"th.onclick=function(){sortBy(COLS[i]);};});"
	"document.getElementById('rows').onclick=function(e){"
	"var tr=e.target.closest('tr');if(tr)details(V[+tr.dataset.i]);};"
	"var m=/filter=([^&]*)/.exec(location.hash);if(m)"
	"document.getElementById('filter').value=decodeURIComponent(m[1]);"
	"var s=/sort=(-?)([a-z_0-9]+)/.exec(location.hash);if(s){"
	"col=/^[0-9]+$/.test(s[2])?COLS[+s[2]]:s[2];desc=s[1]==='-';}"
	"applyFilter();var d=/show=([^&]*)/.exec(location.hash);if(d){"
	"d=decodeURIComponent(d[1]);F.forEach(function(f){if(f[0]===d)"
	"details(f);});}"
	"if(/selftest/.test(location.hash))selftest(performance.now());});";

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

/* Partial and full functions by sites per function, stacked, in
 * power-of-two buckets. */
static void sites_histogram(FILE *out, const struct report *r)
{
	static const char *const labels[] = {
		"1", "2", "3-4", "5-8", "9-16", "17-32", "33-64", "65+",
	};
	size_t partial[8] = { 0 }, full[8] = { 0 }, i, b, max = 1, s;
	double hp, hf;

	for (i = 0; i < r->nfunctions; i++) {
		s = r->functions[i].sites;
		if (!s)
			continue;
		for (b = 0; b < 7 && s > (1UL << b); b++)
			;
		if (r->functions[i].status == STATUS_FULL)
			full[b]++;
		else
			partial[b]++;
	}
	for (b = 0; b < 8; b++)
		if (partial[b] + full[b] > max)
			max = partial[b] + full[b];
	fputs("<h2>Inline sites per function</h2><svg id=\"sites\" width=\"520\" height=\"214\">",
	      out);
	for (b = 0; b < 8; b++) {
		hp = 160.0 * (double)partial[b] / (double)max;
		hf = 160.0 * (double)full[b] / (double)max;
		fprintf(out, "<g class=\"bucket\"><rect class=\"partial\" x=\"%zu\" "
			     "y=\"%.1f\" width=\"50\" height=\"%.1f\"><title>%zu partial"
			     "</title></rect><rect class=\"full\" x=\"%zu\" y=\"%.1f\" "
			     "width=\"50\" height=\"%.1f\"><title>%zu full</title></rect>"
			     "<text x=\"%zu\" y=\"209\">%s</text>"
			     "<text x=\"%zu\" y=\"%.1f\">%zu</text></g>",
			b * 64, 184 - hp, hp, partial[b], b * 64,
			184 - hp - hf, hf, full[b], b * 64 + 4, labels[b],
			b * 64 + 4, 180 - hp - hf, partial[b] + full[b]);
	}
	fputs("</svg>", out);
}

/* Strings the data block refers to by index: callers and files. */
struct string_table {
	const char **slots;	/* interned pointers, hashed */
	uint32_t *index;
	size_t nslots;
	const char **list;	/* in index order */
	size_t n, cap;
};

static uint32_t string_index(struct string_table *t, const char *s)
{
	size_t i;

	if (!s)
		s = "?";
	i = hashset_ptr_slot((const void *const *)t->slots, t->nslots, s);
	if (!t->slots[i]) {
		t->slots[i] = s;
		t->index[i] = (uint32_t)t->n;
		*ARRAY_PUSH(t->list, t->n, t->cap) = s;
	}
	return t->index[i];
}

static size_t table_functions(const struct report *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->nfunctions; i++)
		n += r->functions[i].status != STATUS_OUTLINE;
	return n;
}

static void write_copies(struct json_writer *w, const struct function *fn)
{
	size_t i;

	jw_open(w, '[');
	for (i = 0; i < fn->ncopies; i++) {
		jw_open(w, '[');
		jw_string(w, fn->copies[i].symbol ? fn->copies[i].symbol
						  : "(no symbol)");
		jw_int(w, (long long)fn->copies[i].size);
		jw_string(w, fn->copies[i].nokprobe);
		jw_close(w, ']');
	}
	jw_close(w, ']');
}

static void write_sites(struct json_writer *w, const struct function *fn,
			struct string_table *t)
{
	const struct inline_site *s;
	size_t i;

	jw_open(w, '[');
	for (i = 0; i < fn->nsite_list; i++) {
		s = &fn->site_list[i];
		jw_open(w, '[');
		jw_int(w, string_index(t, s->caller ? s->caller : s->container));
		jw_int(w, string_index(t, s->call_file));
		jw_int(w, s->call_line);
		jw_int(w, s->cross_tu);
		jw_close(w, ']');
	}
	jw_close(w, ']');
}

/*
 * A partial or full function as the page's script reads it: [name,
 * status, scope, sites, cross-TU, direct calls, blind spot, decl file
 * index, decl line, copies [symbol, size, kprobe refusal], sites
 * [caller index, file index, line, cross-TU]].
 */
static void write_row(struct json_writer *w, const struct function *fn,
		      struct string_table *t)
{
	jw_open(w, '[');
	jw_string(w, fn->name);
	jw_int(w, fn->status);
	jw_string(w, scope_name(fn->scope));
	jw_int(w, (long long)fn->sites);
	jw_int(w, (long long)fn->sites_cross_tu);
	jw_int(w, (long long)fn->direct_calls);
	jw_string(w, blind_spot_name(fn->blind));
	if (fn->ndecls && fn->decls[0].file)
		jw_int(w, string_index(t, fn->decls[0].file));
	else
		jw_null(w);
	jw_int(w, fn->ndecls ? fn->decls[0].line : 0);
	write_copies(w, fn);
	write_sites(w, fn, t);
	jw_close(w, ']');
}

/* JSON inside <script>: '<' '>' '&' only occur in its strings, where
 * their \u escapes mean the same; then no "</script" can end it early. */
static void put_script_json(FILE *out, const char *json, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (json[i] == '<')
			fputs("\\u003c", out);
		else if (json[i] == '>')
			fputs("\\u003e", out);
		else if (json[i] == '&')
			fputs("\\u0026", out);
		else
			fputc(json[i], out);
	}
}

static void function_data(FILE *out, const struct report *r)
{
	struct string_table t = { 0 };
	struct json_writer w;
	size_t i;

	t.nslots = hashset_nslots(r->nfunctions * 4 + 64, 64);
	t.slots = xcalloc(t.nslots, sizeof(*t.slots));
	t.index = xcalloc(t.nslots, sizeof(*t.index));
	jw_init(&w, 0, false);
	jw_open(&w, '{');
	jw_key(&w, "fns");
	jw_open(&w, '[');
	for (i = 0; i < r->nfunctions; i++)
		if (r->functions[i].status != STATUS_OUTLINE)
			write_row(&w, &r->functions[i], &t);
	jw_close(&w, ']');
	jw_key(&w, "strings");
	jw_strings(&w, t.list, t.n);
	jw_close(&w, '}');
	fputs("<script type=\"application/json\" id=\"data\">", out);
	put_script_json(out, w.buf, w.len);
	fputs("</script>", out);
	jw_free(&w);
	free(t.slots);
	free(t.index);
	free(t.list);
}

static void function_table(FILE *out, const struct report *r)
{
	static const char *const heads[] = {
		"function", "status", "scope", "sites", "cross-TU",
		"direct calls", "blind spot", "out-of-line symbols", "declared",
	};
	size_t i;

	fprintf(out, "<h2>Functions: %zu partial and full</h2><p><input "
		     "id=\"filter\" placeholder=\"filter\" oninput=\"applyFilter()\"> "
		     "<span id=\"count\"></span></p><div id=\"details\" hidden></div>"
		     "<table id=\"functions\"><thead><tr>",
		table_functions(r));
	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
		fprintf(out, "<th%s>%s</th>", i >= 3 && i <= 5
			? " class=\"n\"" : "", heads[i]);
	fputs("</tr></thead><tbody id=\"rows\"></tbody></table>"
	      "<p><button id=\"more\" onclick=\"more()\" hidden>more rows"
	      "</button></p><pre id=\"timing\"></pre>", out);
	function_data(out, r);
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
		fprintf(out, "<tr class=\"cmp\"><td title=\"%s\">%s</td><td class=\"n\">%zu</td>"
			     "<td class=\"n\">%zu</td><td class=\"n\">%+lld</td></tr>",
			f->name, f->label, a, b, (long long)b - (long long)a);
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
			side_status(cmp.changes[i].old, old),
			side_status(cmp.changes[i].new, new),
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
