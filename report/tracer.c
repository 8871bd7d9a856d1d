// SPDX-License-Identifier: GPL-2.0-only
#include "tracer.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "escape.h"
#include "json_util.h"
#include "render.h"

/* Event names are C identifiers of at most 64 bytes (trace_probe.h). */
#define EVENT_NAME_MAX 64
#define EVENT_GROUP "inlscan"

static const char *const deny_formats[] = {
	[DENY_FTRACE] = "ftrace", [DENY_RETSNOOP] = "retsnoop",
	[DENY_BPFTRACE] = "bpftrace", [DENY_PLAIN] = "plain",
	[DENY_JSON] = "json",
};

static const char *const probe_formats[] = {
	[PROBES_KPROBE] = "kprobe", [PROBES_UPROBE] = "uprobe",
	[PROBES_PERF] = "perf",
	[PROBES_BPFTRACE] = "bpftrace", [PROBES_JSON] = "json",
};

static int lookup(const char *s, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(s, names[i]))
			return (int)i;
	return -1;
}

int parse_deny_format(const char *s, enum deny_format *f)
{
	int i = lookup(s, deny_formats, sizeof(deny_formats) /
					sizeof(deny_formats[0]));

	if (i < 0)
		return -1;
	*f = (enum deny_format)i;
	return 0;
}

int parse_probe_format(const char *s, enum probe_format *f)
{
	int i = lookup(s, probe_formats, sizeof(probe_formats) /
					 sizeof(probe_formats[0]));

	if (i < 0)
		return -1;
	*f = (enum probe_format)i;
	return 0;
}

static int deny_json(FILE *out, const struct deny_entry *e, size_t n,
		     bool pretty)
{
	struct json_writer w;
	size_t i;

	jw_init(&w, 0, pretty);
	jw_document_start(&w);
	jw_key(&w, "denylist");
	jw_open(&w, '[');
	for (i = 0; i < n; i++) {
		jw_open(&w, '{');
		jw_string_field(&w, "symbol", e[i].symbol ?: "");
		jw_string_field(&w, "module", e[i].module);
		jw_string_field(&w, "function", e[i].fn->name ?: "");
		jw_string_field(&w, "scope", scope_name(e[i].fn->scope) ?: "");
		jw_int_field(&w, "missed_inline_sites",
			     (long long)e[i].fn->sites);
		jw_close(&w, '}');
	}
	jw_close(&w, ']');
	jw_close(&w, '}');
	return jw_finish(&w, out);
}

/* uprobes and bpftrace want the file by an absolute path. */
static char *absolute_path(const struct report *r)
{
	char *path = realpath(r->path, NULL);

	if (!path && r->path[0] == '/')
		path = xstrdup(r->path);
	return path;
}

/* Why a probe list cannot hold p, or NULL. */
static const char *point_refusal_of(const struct attach_point *p,
				    const char *path)
{
	const char *why = unsafe_symbol(p->symbol);

	if (!why && !p->r->is_kernel)
		why = path ? unsafe_path(path) : "no absolute path to the file";
	return why;
}

static void bpftrace_point(FILE *out, const struct attach_point *p,
			   const char *path, bool first)
{
	if (!first)
		fputs(",\n", out);
	/* 0.17 takes no MODULE: prefix; a module's symbol by its name */
	if (p->r->is_kernel)
		fprintf(out, "kprobe:%s", p->symbol);
	else
		fprintf(out, "uprobe:%s:%s", path, p->symbol);
}

/*
 * bpftrace has no way to leave probes out of a wildcard, and a map
 * filled in BEGIN takes minutes to load at a deny-list's size: so the
 * deny-list for bpftrace is the probe list of the glob without it,
 * which any script takes as its attach points.
 */
static void deny_bpftrace(FILE *out, const struct deny_view *v)
{
	size_t i, used = 0, refused = 0;
	char *path = NULL;

	fprintf(out, "// inlscan: the functions matching '%s' a probe sees whole;\n"
		"// left out, as a probe on them misses inlined calls:\n",
		shown(v->glob));
	for (i = 0; i < v->n; i++)
		fprintf(out, "//   %s%s%s: %zu inline site%s\n",
			shown(v->entries[i].symbol),
			v->entries[i].module ? " in " : "",
			v->entries[i].module ? shown(v->entries[i].module) : "",
			v->entries[i].fn->sites,
			v->entries[i].fn->sites == 1 ? "" : "s");
	fprintf(out, "// Append an action block: bpftrace -e \"$(cat FILE) { @[probe] = count(); }\"\n");
	for (i = 0; i < v->npoints; i++) {
		if (!v->points[i].r->is_kernel && (!i ||
		    v->points[i].r != v->points[i - 1].r)) {
			free(path);
			path = absolute_path(v->points[i].r);
		}
		if (point_refusal_of(&v->points[i], path)) {
			refused++;
			continue;
		}
		bpftrace_point(out, &v->points[i], path, !used++);
	}
	free(path);
	if (used)
		fputc('\n', out);
	if (refused)
		fprintf(out, "// %zu more matching names left out: bpftrace cannot parse them\n",
			refused);
}

const char *deny_refusal(const struct deny_entry *e)
{
	const char *why = unsafe_symbol(e->symbol);

	if (!why && e->module && unsafe_module(e->module))
		why = "its module name cannot be written into a kernel file";
	return why;
}

static void deny_line(FILE *out, const struct deny_entry *e,
		      const struct deny_entry *prev, enum deny_format format)
{
	if (format == DENY_FTRACE && e->module)
		fprintf(out, "%s:mod:%s\n", e->symbol, e->module);
	else if (format == DENY_PLAIN && e->module)
		fprintf(out, "%s [%s]\n", e->symbol, e->module);
	else if (format != DENY_RETSNOOP || !prev ||
		 strcmp(prev->symbol, e->symbol))
		fprintf(out, "%s\n", e->symbol);
}

int render_denylist(FILE *out, const struct deny_view *v,
		    enum deny_format format, bool pretty)
{
	const struct deny_entry *prev = NULL;
	size_t i;

	if (format == DENY_JSON)
		return deny_json(out, v->entries, v->n, pretty);
	if (format == DENY_BPFTRACE) {
		deny_bpftrace(out, v);
		return ferror(out);
	}
	for (i = 0; i < v->n; i++) {
		if (deny_refusal(&v->entries[i]))
			continue;
		deny_line(out, &v->entries[i], prev, format);
		prev = &v->entries[i];
	}
	return ferror(out);
}

static void event_name(char *buf, const struct function *fn, size_t index)
{
	char base[41];	/* with "_" and a 20-digit index, under 64 */
	size_t i;

	snprintf(base, sizeof(base), "%s", fn->name);
	for (i = 0; base[i]; i++)
		if (!(base[i] == '_' || (base[i] >= 'a' && base[i] <= 'z') ||
		      (base[i] >= 'A' && base[i] <= 'Z') ||
		      (i && base[i] >= '0' && base[i] <= '9')))
			base[i] = '_';
	snprintf(buf, EVENT_NAME_MAX, "%s_%zu", base, index);
}

/* "sym+0x3c", with the module in front for kprobe_events. */
static void location(char *buf, size_t len, const struct probe_point *p,
		     const char *module, char sep)
{
	if (module)
		snprintf(buf, len, "%s%c%s+0x%" PRIx64, module, sep,
			 p->symbol, p->offset);
	else
		snprintf(buf, len, "%s+0x%" PRIx64, p->symbol, p->offset);
}

#define REFUSED_UNSAFE_NAME "unsafe_name"
#define REFUSED_NO_SEGMENT "no_segment"
#define REFUSED_NO_PATH "no_path"
#define REFUSED_NO_OFFSETS "no_offsets"

/* One set rendered for one target. */
struct probe_target {
	const struct probe_set *s;
	const struct probe_style *style;
	const char *path;	/* the file, absolute; NULL if unknown */
	const char *module;	/* kernel module name, or NULL */
};

/* Refusals that are the kernel's own: kprobes, not uprobes. */
static bool kernel_refusals_apply(const struct probe_target *t)
{
	return t->s->r->is_kernel || t->style->format == PROBES_KPROBE ||
	       t->style->format == PROBES_PERF;
}

/* The file offset of addr, as uprobe_events wants it. */
static bool file_offset(const struct report *r, uint64_t addr,
			uint64_t *off)
{
	size_t i;

	for (i = 0; i < r->nsegments; i++)
		if (addr >= r->segments[i].vaddr &&
		    addr - r->segments[i].vaddr < r->segments[i].size) {
			*off = addr - r->segments[i].vaddr +
			       r->segments[i].offset;
			return true;
		}
	return false;
}

static const char *user_path_refusal(const struct probe_target *t,
				     const char **why)
{
	if (!t->path) {
		*why = "the file is not where the report says and its path is not absolute";
		return REFUSED_NO_PATH;
	}
	*why = unsafe_path(t->path);
	return *why ? REFUSED_UNSAFE_NAME : NULL;
}

static const char *uprobe_refusal(const struct probe_target *t, size_t i,
				  const char **why)
{
	uint64_t off;

	if (!file_offset(t->s->r, t->s->points[i].address, &off)) {
		*why = "no executable segment of the file holds this address";
		return REFUSED_NO_SEGMENT;
	}
	return user_path_refusal(t, why);
}

static const char *bpftrace_refusal(const struct probe_target *t, size_t i,
				    const char **why)
{
	if (t->s->points[i].offset && !t->style->bpftrace_offsets) {
		*why = "inside a function: bpftrace needs probe offset support for that ('bfd: yes' in bpftrace --info; Debian 12's 0.17 has none); --format kprobe or uprobe reaches it";
		return REFUSED_NO_OFFSETS;
	}
	return t->s->r->is_kernel ? NULL : user_path_refusal(t, why);
}

/*
 * Why a point cannot be written as a line for t: the kernel's refusal,
 * or what the target's grammar or the tracer cannot carry.
 */
static const char *point_refusal(const struct probe_target *t, size_t i,
				 const char **why)
{
	const struct probe_point *p = &t->s->points[i];
	const char *refused = NULL;

	*why = NULL;
	if (t->style->format == PROBES_UPROBE)
		return uprobe_refusal(t, i, why);
	if (refused_is(p->refused, REFUSED_NO_SYMBOL) ||
	    (p->refused && kernel_refusals_apply(t)))
		return p->refused;
	if (t->module)
		*why = unsafe_module(t->module);
	if (!*why)
		*why = unsafe_symbol(p->symbol);
	if (*why)
		return REFUSED_UNSAFE_NAME;
	if (t->style->format == PROBES_BPFTRACE)
		refused = bpftrace_refusal(t, i, why);
	return refused;
}

static const char *refusal_text(const char *refused)
{
	if (refused_is(refused, REFUSED_NO_SYMBOL))
		return "no FUNC symbol holds this address";
	if (refused_is(refused, REFUSED_NO_MCOUNT))
		return "its function has no ftrace entry: refused unless CONFIG_KPROBE_EVENTS_ON_NOTRACE=y";
	if (refused_is(refused, REFUSED_INIT_TEXT))
		return "__init code, freed after boot: gone from kallsyms";
	return "kprobes refuse this code";
}

static void coverage_comment(FILE *out, const char *lead,
			     const struct probe_set *s)
{
	char line[512];

	coverage_text(line, sizeof(line), s->r, s->fn);
	fprintf(out, "%s %s (%s): %s\n", lead, shown(s->fn->name),
		status_name(s->fn->status), line);
}

/* A comment line, so names are shown escaped: no line break gets out. */
static void refused_comment(FILE *out, const char *lead,
			    const struct probe_target *t, size_t i)
{
	const struct probe_point *p = &t->s->points[i];
	const char *why, *refused = point_refusal(t, i, &why);

	if (!p->symbol) {
		fprintf(out, "%s refused (%s: %s): 0x%" PRIx64 "\n", lead,
			refused, why ? why : refusal_text(refused),
			p->address);
		return;
	}
	fprintf(out, "%s refused (%s: %s): %s+0x%" PRIx64 " at 0x%" PRIx64
		"\n", lead, refused, why ? why : refusal_text(refused),
		shown(p->symbol), p->offset, p->address);
}

/* One kprobe_events or uprobe_events line. */
static void event_line(FILE *out, const struct probe_target *t, size_t i)
{
	const struct probe_point *p = &t->s->points[i];
	char ev[EVENT_NAME_MAX], loc[1100];
	uint64_t off = 0;

	event_name(ev, t->s->fn, i);
	if (t->style->format == PROBES_UPROBE) {
		file_offset(t->s->r, p->address, &off);
		fprintf(out, "p:%s/%s %s:0x%" PRIx64 "\n", EVENT_GROUP, ev,
			t->path, off);
		return;
	}
	location(loc, sizeof(loc), p, t->module, ':');
	fprintf(out, "p:%s/%s %s\n", EVENT_GROUP, ev, loc);
}

static void probes_events(FILE *out, const struct probe_target *t)
{
	const char *why;
	size_t i;

	coverage_comment(out, "#", t->s);
	for (i = 0; i < t->s->n; i++) {
		if (point_refusal(t, i, &why))
			refused_comment(out, "#", t, i);
		else
			event_line(out, t, i);
	}
}

static void perf_target(FILE *out, const struct probe_target *t)
{
	if (t->module) {
		fputs(" -m ", out);
		put_shell_word(out, t->module);
	} else if (!t->s->r->is_kernel) {
		fputs(" -x ", out);
		put_shell_word(out, t->path ? t->path : t->s->r->path);
	}
}

static void probes_perf(FILE *out, const struct probe_target *t)
{
	char ev[EVENT_NAME_MAX], loc[1100];
	const char *why;
	size_t i;

	coverage_comment(out, "#", t->s);
	for (i = 0; i < t->s->n; i++) {
		if (point_refusal(t, i, &why)) {
			refused_comment(out, "#", t, i);
			continue;
		}
		event_name(ev, t->s->fn, i);
		location(loc, sizeof(loc), &t->s->points[i], NULL, ':');
		fputs("perf probe", out);
		perf_target(out, t);
		fprintf(out, " -a '%s:%s=%s'\n", EVENT_GROUP, ev, loc);
	}
}

/* kprobe:sym or uprobe:/path:sym, "+0xoff" inside a function. */
static void bpftrace_probe(FILE *out, const struct probe_target *t,
			   const struct probe_point *p)
{
	if (t->s->r->is_kernel)
		fprintf(out, "kprobe:%s", p->symbol);
	else
		fprintf(out, "uprobe:%s:%s", t->path, p->symbol);
	if (p->offset)
		fprintf(out, "+0x%" PRIx64, p->offset);
}

static void probes_bpftrace(FILE *out, const struct probe_target *t)
{
	char key[EVENT_NAME_MAX];
	const char *why;
	size_t i, used = 0;

	coverage_comment(out, "//", t->s);
	for (i = 0; i < t->s->n; i++)
		if (point_refusal(t, i, &why))
			refused_comment(out, "//", t, i);
	for (i = 0; i < t->s->n; i++) {
		if (point_refusal(t, i, &why))
			continue;
		if (used++)
			fputs(",\n", out);
		bpftrace_probe(out, t, &t->s->points[i]);
	}
	/* a name the string cannot carry is keyed by its event name */
	if (unsafe_symbol(t->s->fn->name))
		event_name(key, t->s->fn, 0);
	else
		snprintf(key, sizeof(key), "%s", t->s->fn->name);
	if (used)
		fprintf(out, "\n{\n\t@calls[\"%s\"] = count();\n}\n", key);
}

void jw_probe_point(struct json_writer *w, const struct probe_set *s,
		    size_t i)
{
	const struct probe_point *p = &s->points[i];
	char ev[EVENT_NAME_MAX];

	event_name(ev, s->fn, i);
	jw_open(w, '{');
	jw_string_field(w, "kind", p->kind == PROBE_ENTRY ? "entry"
							  : "inline");
	jw_string_field(w, "event", ev);
	jw_string_field(w, "module", report_module_name(s->r));
	jw_string_field(w, "symbol", p->symbol);
	jw_int_field(w, "offset", (long long)p->offset);
	jw_addr_field(w, "address", p->address);
	jw_string_field(w, "refused", p->refused);
	if (p->site) {
		jw_string_field(w, "caller", p->site->caller);
		jw_string_field(w, "call_file", p->site->call_file);
		jw_int_field(w, "call_line", p->site->call_line);
	}
	jw_close(w, '}');
}

static int probes_json(FILE *out, const struct probe_set *sets, size_t n,
		       bool pretty)
{
	struct json_writer w;
	size_t i, k;

	jw_init(&w, 0, pretty);
	jw_document_start(&w);
	jw_key(&w, "probes");
	jw_open(&w, '[');
	for (i = 0; i < n; i++) {
		jw_open(&w, '{');
		jw_string_field(&w, "function", sets[i].fn->name ?: "");
		jw_key(&w, "input");
		jw_input(&w, sets[i].r);
		jw_string_field(&w, "status", status_name(sets[i].fn->status));
		jw_int_field(&w, "direct_calls",
			     (long long)sets[i].fn->direct_calls);
		jw_int_field(&w, "inline_sites", (long long)sets[i].fn->sites);
		jw_key(&w, "points");
		jw_open(&w, '[');
		for (k = 0; k < sets[i].n; k++)
			jw_probe_point(&w, &sets[i], k);
		jw_close(&w, ']');
		jw_close(&w, '}');
	}
	jw_close(&w, ']');
	jw_close(&w, '}');
	return jw_finish(&w, out);
}

int render_probes(FILE *out, const struct probe_set *sets, size_t nsets,
		  const struct probe_style *style)
{
	struct probe_target t = { .style = style };
	char *path;
	size_t i;

	if (style->format == PROBES_JSON)
		return probes_json(out, sets, nsets, style->pretty);
	for (i = 0; i < nsets; i++) {
		path = sets[i].r->is_kernel ? NULL : absolute_path(sets[i].r);
		t.s = &sets[i];
		t.path = path;
		t.module = report_module_name(sets[i].r);
		if (style->format == PROBES_PERF)
			probes_perf(out, &t);
		else if (style->format == PROBES_BPFTRACE)
			probes_bpftrace(out, &t);
		else
			probes_events(out, &t);
		free(path);
	}
	return ferror(out);
}
