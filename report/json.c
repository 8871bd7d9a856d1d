// SPDX-License-Identifier: GPL-2.0-only
/* The inlscan/1 JSON schema (docs/json.md). */
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "json_functions.h"
#include "escape.h"
#include "json_util.h"
#include "ordered.h"
#include "render.h"

json_t *json_addr(uint64_t addr)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "0x%" PRIx64, addr);
	return json_text(buf);
}

json_t *json_text(const char *s)
{
	char *text = json_text_of_bytes(s ? s : "");
	json_t *j = json_string(text);

	free(text);
	return j;
}

json_t *json_str_or_null(const char *s)
{
	return s ? json_text(s) : json_null();
}

static json_t *string_array(const char *const *arr, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_text(arr[i]));
	return a;
}

/* Executable PT_LOADs: an address's file offset, for uprobe_events. */
static json_t *segments_array(const struct report *r)
{
	json_t *a = json_array(), *o;
	size_t i;

	for (i = 0; i < r->nsegments; i++) {
		o = json_object();
		json_object_set_new(o, "vaddr", json_addr(r->segments[i].vaddr));
		json_object_set_new(o, "offset",
				    json_addr(r->segments[i].offset));
		json_object_set_new(o, "size", json_integer(
				    (json_int_t)r->segments[i].size));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *input_block(const struct report *r)
{
	json_t *in = json_object(), *versions = json_array();
	size_t i;

	json_object_set_new(in, "path", json_text(r->path));
	json_object_set_new(in, "build_id", json_str_or_null(r->build_id));
	json_object_set_new(in, "machine", json_text(r->machine));
	json_object_set_new(in, "elf_type", json_text(r->elf_type));
	json_object_set_new(in, "kernel", json_boolean(r->is_kernel));
	json_object_set_new(in, "producers",
			    string_array(r->producers, r->nproducers));
	json_object_set_new(in, "lto", json_text(r->lto));
	json_object_set_new(in, "units", json_integer((json_int_t)r->units));
	if (r->has_text_base)
		json_object_set_new(in, "text_base", json_addr(r->text_base));
	for (i = 0; i < r->ndwarf_versions; i++)
		json_array_append_new(versions,
				      json_integer(r->dwarf_versions[i]));
	json_object_set_new(in, "dwarf_versions", versions);
	if (r->nsegments)
		json_object_set_new(in, "segments", segments_array(r));
	return in;
}

static json_t *summary_block(const struct summary *s)
{
	json_t *o = json_object();
	const struct summary_field *f;

	for (f = summary_fields; f->name; f++)
		json_object_set_new(o, f->name, json_integer((json_int_t)
				    *summary_count((struct summary *)s, f)));
	if (!s->has_ftrace)
		json_object_set_new(o, "functions_partial_ftrace",
				    json_null());
	json_object_set_new(o, "call_site_info",
			    json_text(call_site_info(s)));
	return o;
}

json_t *owner_object(const struct symbol_owner *owner)
{
	json_t *o;

	if (!owner->name)
		return json_null();
	o = json_object();
	json_object_set_new(o, "name", json_text(owner->name));
	json_object_set_new(o, "file", json_str_or_null(owner->decl_file));
	json_object_set_new(o, "line", json_integer(owner->decl_line));
	json_object_set_new(o, "tu", json_str_or_null(owner->tu));
	return o;
}

json_t *suffixed_object(const struct suffixed_symbol *s)
{
	json_t *o = json_object();

	json_object_set_new(o, "symbol", json_text(s->symbol));
	json_object_set_new(o, "base", json_text(s->base));
	json_object_set_new(o, "kind",
			    json_text(s->is_func ? "func" : "object"));
	json_object_set_new(o, "address", json_addr(s->address));
	json_object_set_new(o, "base_unique", json_boolean(s->base_unique));
	json_object_set_new(o, "base_plain", json_boolean(s->base_plain));
	json_object_set_new(o, "dwarf", owner_object(&s->owner));
	return o;
}

static json_t *suffixes_block(const struct report *r)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < r->nsuffixed; i++)
		json_array_append_new(a, suffixed_object(&r->suffixed[i]));
	return a;
}

static json_t *symbols_block(const struct report *r)
{
	json_t *a = json_array(), *o;
	const struct image_symbol *s;
	size_t i;

	for (i = 0; i < r->nsymbols; i++) {
		s = &r->symbols[i];
		o = json_object();
		json_object_set_new(o, "name", json_text(s->name));
		json_object_set_new(o, "kind",
				    json_text(s->is_func ? "func" : "object"));
		json_object_set_new(o, "address", json_addr(s->address));
		json_object_set_new(o, "size",
				    json_integer((json_int_t)s->size));
		json_object_set_new(o, "dwarf", owner_object(&s->owner));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *dirs_block(struct report *r, int depth)
{
	json_t *a = json_array(), *o;
	struct dir_group *g;
	size_t i, n = group_by_dir(r, (unsigned int)depth, &g);

	for (i = 0; i < n; i++) {
		o = json_object();
		json_object_set_new(o, "dir", json_text(g[i].dir));
#define SET_GROUP(f) \
	json_object_set_new(o, #f, json_integer((json_int_t)g[i].f))
		SET_GROUP(partial);
		SET_GROUP(full);
		SET_GROUP(incomplete);
		SET_GROUP(untraceable);
		SET_GROUP(not_attachable);
		SET_GROUP(sites);
		SET_GROUP(missed_calls);
#undef SET_GROUP
		json_array_append_new(a, o);
	}
	free(g);
	return a;
}

static json_t *tool_block(void)
{
	json_t *tool = json_object();

	json_object_set_new(tool, "name", json_text("inlscan"));
	json_object_set_new(tool, "version", json_text(INLSCAN_VERSION));
	return tool;
}

/*
 * The document is written member by member and one function at a time,
 * so that `--sites` on a vmlinux never holds every site as JSON at once.
 */
/* --kernel: the running kernel's ftrace listing against the image's. */
static json_t *runtime_block(const struct runtime_view *v)
{
	json_t *o = json_object(), *off = json_object(), *run = json_object();

	json_object_set_new(o, "tracefs", json_text(v->tracefs));
	json_object_set_new(o, "copies_listed",
			    json_integer((json_int_t)v->listed));
	json_object_set_new(off, "count",
			    json_integer((json_int_t)v->noffline_only));
	json_object_set_new(off, "names", string_array(v->offline_only,
						       v->noffline_only));
	json_object_set_new(run, "count",
			    json_integer((json_int_t)v->nruntime_only));
	json_object_set_new(run, "names", string_array(v->runtime_only,
						       v->nruntime_only));
	json_object_set_new(o, "table_only", off);
	json_object_set_new(o, "ftrace_only", run);
	return o;
}

struct emitter {
	FILE *out;
	int rc;
	int depth;	/* indentation of this level's members */
	bool first;	/* no member written yet at this level */
};

static void indent(FILE *out, int depth)
{
	static const char spaces[] = "                ";

	for (; depth > 0; depth -= (int)sizeof(spaces) - 1)
		fwrite(spaces, 1,
		       (size_t)(depth < (int)sizeof(spaces) - 1
				? depth : (int)sizeof(spaces) - 1), out);
}

/* value as jansson indents it, shifted right by depth spaces. */
static void dump_value(struct emitter *e, json_t *value, int depth)
{
	char *text = json_dumps(value, JSON_INDENT(1) | JSON_ENSURE_ASCII |
					       JSON_ENCODE_ANY);
	const char *p, *nl;

	json_decref(value);
	if (!text) {
		e->rc = -1;
		return;
	}
	for (p = text; (nl = strchr(p, '\n')); p = nl + 1) {
		fwrite(p, 1, (size_t)(nl + 1 - p), e->out);
		indent(e->out, depth);
	}
	fputs(p, e->out);
	free(text);
}

/* Takes the reference to value. */
static void member(struct emitter *e, const char *key, json_t *value)
{
	fprintf(e->out, "%s%*s\"%s\": ", e->first ? "\n" : ",\n", e->depth,
		"", key);
	e->first = false;
	dump_value(e, value, e->depth);
}

static void open_member(struct emitter *e, const char *key)
{
	fprintf(e->out, "%s%*s\"%s\": [", e->first ? "\n" : ",\n", e->depth,
		"", key);
	e->first = false;
}

static void emit_functions(struct emitter *e, const struct report *r,
			   const struct render_opts *opts)
{
	fprintf(e->out, "%s%*s\"functions\": ", e->first ? "\n" : ",\n",
		e->depth, "");
	e->first = false;
	if (json_write_functions(e->out, r, opts, e->depth))
		e->rc = -1;
}

static void emit_report(FILE *out, struct report *r,
			const struct render_opts *opts, int depth, int *rc)
{
	struct emitter e = { .out = out, .first = true, .depth = depth + 1 };

	fputc('{', out);
	member(&e, "schema", json_text(INLSCAN_SCHEMA));
	member(&e, "tool", tool_block());
	member(&e, "input", input_block(r));
	member(&e, "summary", summary_block(&r->summary));
	emit_functions(&e, r, opts);
	if (opts->by_dir >= 0)
		member(&e, "by_dir", dirs_block(r, opts->by_dir));
	member(&e, "llvm_suffixes", suffixes_block(r));
	if (opts->outline)
		member(&e, "symbols", symbols_block(r));
	if (r->runtime)
		member(&e, "runtime", runtime_block(r->runtime));
	member(&e, "warnings", string_array(r->warnings, r->nwarnings));
	fprintf(out, "\n%*s}", depth, "");
	*rc |= e.rc;
}

static json_t *skipped_block(const struct scan_results *res)
{
	json_t *skipped = json_array(), *s;
	size_t i;

	for (i = 0; i < res->nskipped; i++) {
		s = json_object();
		json_object_set_new(s, "path",
				    json_text(res->skipped[i].path));
		json_object_set_new(s, "error",
				    json_text(res->skipped[i].error));
		json_array_append_new(skipped, s);
	}
	return skipped;
}

/* The reports of several inputs, each rendered into memory. */
struct report_texts {
	struct report **reports;	/* those read */
	const struct render_opts *opts;	/* for one thread */
	char **text;
	size_t *len;
	int *rc;
};

static void render_one_report(void *ctx, size_t k)
{
	struct report_texts *t = ctx;
	FILE *mem = open_memstream(&t->text[k], &t->len[k]);

	if (!mem) {
		t->rc[k] = -1;
		return;
	}
	emit_report(mem, t->reports[k], t->opts, 2, &t->rc[k]);
	if (fclose(mem))
		t->rc[k] = -1;
}

static int write_one_report(void *ctx, size_t k, FILE *out)
{
	struct report_texts *t = ctx;

	fputs(k ? ",\n  " : "\n  ", out);
	if (t->text[k])
		fwrite(t->text[k], 1, t->len[k], out);
	free(t->text[k]);
	return t->rc[k];
}

/*
 * The reports, on opts->jobs threads: a modules tree is 1,138 reports,
 * and each report's functions are too few to split.
 */
static int emit_reports(FILE *out, const struct scan_results *res,
			const struct render_opts *opts, size_t *n)
{
	struct render_opts one = *opts;
	struct report_texts t = { .opts = &one };
	size_t i;
	int rc;

	one.jobs = 1;
	t.reports = xcalloc(res->nreports + 1, sizeof(*t.reports));
	for (i = 0, *n = 0; i < res->nreports; i++)
		if (res->reports[i])
			t.reports[(*n)++] = res->reports[i];
	t.text = xcalloc(*n + 1, sizeof(*t.text));
	t.len = xcalloc(*n + 1, sizeof(*t.len));
	t.rc = xcalloc(*n + 1, sizeof(*t.rc));
	rc = write_ordered(out,
			   &(struct ordered_pieces){ .n = *n,
						     .ctx = &t,
						     .render = render_one_report,
						     .write = write_one_report },
			   opts->jobs);
	free(t.reports);
	free(t.text);
	free(t.len);
	free(t.rc);
	return rc;
}

/* Several inputs: one report each, the failures, and a total. */
static void emit_multi(FILE *out, const struct scan_results *res,
		       const struct render_opts *opts, int *rc)
{
	struct emitter e = { .out = out, .first = true, .depth = 1 };
	struct summary total;
	size_t n;

	fputc('{', out);
	member(&e, "schema", json_text(INLSCAN_SCHEMA));
	member(&e, "tool", tool_block());
	open_member(&e, "reports");
	if (emit_reports(out, res, opts, &n))
		*rc = -1;
	fputs(n ? "\n ]" : "]", out);
	member(&e, "skipped", skipped_block(res));
	total_summary(res, &total);
	member(&e, "total", summary_block(&total));
	fputs("\n}", out);
	*rc |= e.rc;
}

int json_write(FILE *out, json_t *root)
{
	int rc = json_dumpf(root, out, JSON_INDENT(1) | JSON_ENSURE_ASCII);

	fputc('\n', out);
	json_decref(root);
	return rc;
}

int render_json(FILE *out, const struct scan_results *res,
		const struct render_opts *opts)
{
	int rc = 0;

	if (res->nreports == 1 && res->reports[0])
		emit_report(out, res->reports[0], opts, 0, &rc);
	else
		emit_multi(out, res, opts, &rc);
	fputc('\n', out);
	return rc || ferror(out) ? -1 : 0;
}
