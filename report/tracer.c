// SPDX-License-Identifier: GPL-2.0-only
#include "tracer.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

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
	[PROBES_KPROBE] = "kprobe", [PROBES_PERF] = "perf",
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

static int deny_json(FILE *out, const struct deny_entry *e, size_t n)
{
	json_t *root = json_object(), *list = json_array(), *o;
	size_t i;

	for (i = 0; i < n; i++) {
		o = json_object();
		json_object_set_new(o, "symbol", json_text(e[i].symbol));
		json_object_set_new(o, "module", e[i].module
				    ? json_text(e[i].module) : json_null());
		json_object_set_new(o, "function", json_text(e[i].fn->name));
		json_object_set_new(o, "scope", json_text(
				    scope_name(e[i].fn->scope)));
		json_object_set_new(o, "missed_inline_sites",
				    json_integer((json_int_t)e[i].fn->sites));
		json_array_append_new(list, o);
	}
	json_object_set_new(root, "schema", json_text(INLSCAN_SCHEMA));
	json_object_set_new(root, "denylist", list);
	return json_write(out, root);
}

static void deny_bpftrace(FILE *out, const struct deny_entry *e, size_t n)
{
	size_t i;

	fprintf(out,
		"// inlscan deny-list: a probe on these symbols misses inlined calls.\n"
		"// Include it and guard probes with /!@inlscan_deny[func]/;\n"
		"// each value is the number of inline sites the probe misses.\n"
		"BEGIN\n{\n");
	for (i = 0; i < n; i++)
		if (!deny_refusal(&e[i]))
			fprintf(out, "\t@inlscan_deny[\"%s\"] = %zu;\n",
				e[i].symbol, e[i].fn->sites);
	fprintf(out, "}\n");
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

int render_denylist(FILE *out, const struct deny_entry *e, size_t n,
		    enum deny_format format)
{
	const struct deny_entry *prev = NULL;
	size_t i;

	if (format == DENY_JSON)
		return deny_json(out, e, n);
	if (format == DENY_BPFTRACE) {
		deny_bpftrace(out, e, n);
		return ferror(out);
	}
	for (i = 0; i < n; i++) {
		if (deny_refusal(&e[i]))
			continue;
		deny_line(out, &e[i], prev, format);
		prev = &e[i];
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

/*
 * Why a point cannot be written as a probe line for s's target: the
 * analysis' refusal, or a name the tracer's grammar cannot carry (the
 * file's path too where the line holds it unquoted).
 */
static const char *point_refusal(const struct probe_set *s, size_t i,
				 bool path_in_line, const char **why)
{
	const struct probe_point *p = &s->points[i];
	const char *module = report_module_name(s->r);

	*why = NULL;
	if (p->refused)
		return p->refused;
	if (module)
		*why = unsafe_module(module);
	if (!*why && !s->r->is_kernel && path_in_line)
		*why = unsafe_path(s->r->path);
	if (!*why)
		*why = unsafe_symbol(p->symbol);
	return *why ? REFUSED_UNSAFE_NAME : NULL;
}

static const char *refusal_text(const char *refused)
{
	if (refused_is(refused, REFUSED_NO_SYMBOL))
		return "no FUNC symbol holds this address";
	if (refused_is(refused, REFUSED_NO_MCOUNT))
		return "its function has no ftrace entry: refused unless CONFIG_KPROBE_EVENTS_ON_NOTRACE=y";
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
			    const struct probe_set *s, size_t i,
			    bool path_in_line)
{
	const struct probe_point *p = &s->points[i];
	const char *why, *refused = point_refusal(s, i, path_in_line, &why);

	if (refused_is(refused, REFUSED_NO_SYMBOL)) {
		fprintf(out, "%s skipped 0x%" PRIx64 ": %s\n", lead,
			p->address, refusal_text(refused));
		return;
	}
	fprintf(out, "%s refused (%s: %s): %s+0x%" PRIx64 " at 0x%" PRIx64
		"\n", lead, refused, why ? why : refusal_text(refused),
		shown(p->symbol), p->offset, p->address);
}

static void probes_kprobe(FILE *out, const struct probe_set *s)
{
	char ev[EVENT_NAME_MAX], loc[1100];
	const char *module = report_module_name(s->r), *why;
	size_t i;

	coverage_comment(out, "#", s);
	for (i = 0; i < s->n; i++) {
		if (point_refusal(s, i, false, &why)) {
			refused_comment(out, "#", s, i, false);
			continue;
		}
		event_name(ev, s->fn, i);
		location(loc, sizeof(loc), &s->points[i], module, ':');
		fprintf(out, "p:%s/%s %s\n", EVENT_GROUP, ev, loc);
	}
}

static void perf_target(FILE *out, struct report *r)
{
	const char *module = report_module_name(r);

	if (module) {
		fputs(" -m ", out);
		put_shell_word(out, module);
	} else if (!r->is_kernel) {
		fputs(" -x ", out);
		put_shell_word(out, r->path);
	}
}

static void probes_perf(FILE *out, const struct probe_set *s)
{
	char ev[EVENT_NAME_MAX], loc[1100];
	const char *why;
	size_t i;

	coverage_comment(out, "#", s);
	for (i = 0; i < s->n; i++) {
		if (point_refusal(s, i, false, &why)) {
			refused_comment(out, "#", s, i, false);
			continue;
		}
		event_name(ev, s->fn, i);
		location(loc, sizeof(loc), &s->points[i], NULL, ':');
		fputs("perf probe", out);
		perf_target(out, s->r);
		fprintf(out, " -a '%s:%s=%s'\n", EVENT_GROUP, ev, loc);
	}
}

static void bpftrace_probe(char *buf, size_t len, struct report *r,
			   const struct probe_point *p)
{
	const char *module = report_module_name(r);
	char loc[1100];

	location(loc, sizeof(loc), p, module, ':');
	if (r->is_kernel)
		snprintf(buf, len, "kprobe:%s", loc);
	else
		snprintf(buf, len, "uprobe:%s:%s", r->path, loc);
}

static void probes_bpftrace(FILE *out, const struct probe_set *s)
{
	char probe[6000], key[EVENT_NAME_MAX];
	const char *why;
	size_t i, used = 0;

	coverage_comment(out, "//", s);
	for (i = 0; i < s->n; i++)
		if (point_refusal(s, i, true, &why))
			refused_comment(out, "//", s, i, true);
	for (i = 0; i < s->n; i++) {
		if (point_refusal(s, i, true, &why))
			continue;
		bpftrace_probe(probe, sizeof(probe), s->r, &s->points[i]);
		fprintf(out, "%s%s", used++ ? ",\n" : "", probe);
	}
	/* a name the string cannot carry is keyed by its event name */
	if (unsafe_symbol(s->fn->name))
		event_name(key, s->fn, 0);
	else
		snprintf(key, sizeof(key), "%s", s->fn->name);
	if (used)
		fprintf(out, "\n{\n\t@calls[\"%s\"] = count();\n}\n", key);
}

static json_t *point_object(const struct probe_set *s, size_t i)
{
	const struct probe_point *p = &s->points[i];
	json_t *o = json_object();
	char ev[EVENT_NAME_MAX], addr[32];
	const char *module = report_module_name(s->r);

	event_name(ev, s->fn, i);
	snprintf(addr, sizeof(addr), "0x%" PRIx64, p->address);
	json_object_set_new(o, "kind", json_text(p->kind == PROBE_ENTRY
						   ? "entry" : "inline"));
	json_object_set_new(o, "event", json_text(ev));
	json_object_set_new(o, "module", module ? json_text(module)
						: json_null());
	json_object_set_new(o, "symbol", p->symbol ? json_text(p->symbol)
						   : json_null());
	json_object_set_new(o, "offset", json_integer((json_int_t)p->offset));
	json_object_set_new(o, "address", json_text(addr));
	json_object_set_new(o, "refused", p->refused ? json_text(p->refused)
						     : json_null());
	if (p->site) {
		json_object_set_new(o, "caller", p->site->caller
				    ? json_text(p->site->caller)
				    : json_null());
		json_object_set_new(o, "call_file", p->site->call_file
				    ? json_text(p->site->call_file)
				    : json_null());
		json_object_set_new(o, "call_line",
				    json_integer(p->site->call_line));
	}
	return o;
}

static int probes_json(FILE *out, const struct probe_set *sets, size_t n)
{
	json_t *root = json_object(), *list = json_array(), *o, *points;
	size_t i, k;

	for (i = 0; i < n; i++) {
		o = json_object();
		points = json_array();
		json_object_set_new(o, "function", json_text(sets[i].fn->name));
		json_object_set_new(o, "input", json_text(sets[i].r->path));
		json_object_set_new(o, "status", json_text(
				    status_name(sets[i].fn->status)));
		json_object_set_new(o, "direct_calls", json_integer(
				    (json_int_t)sets[i].fn->direct_calls));
		json_object_set_new(o, "inline_sites", json_integer(
				    (json_int_t)sets[i].fn->sites));
		for (k = 0; k < sets[i].n; k++)
			json_array_append_new(points,
					      point_object(&sets[i], k));
		json_object_set_new(o, "points", points);
		json_array_append_new(list, o);
	}
	json_object_set_new(root, "schema", json_text(INLSCAN_SCHEMA));
	json_object_set_new(root, "probes", list);
	return json_write(out, root);
}

int render_probes(FILE *out, const struct probe_set *sets, size_t nsets,
		  enum probe_format format)
{
	size_t i;

	if (format == PROBES_JSON)
		return probes_json(out, sets, nsets);
	for (i = 0; i < nsets; i++) {
		if (format == PROBES_KPROBE)
			probes_kprobe(out, &sets[i]);
		else if (format == PROBES_PERF)
			probes_perf(out, &sets[i]);
		else
			probes_bpftrace(out, &sets[i]);
	}
	return ferror(out);
}
