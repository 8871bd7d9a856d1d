// SPDX-License-Identifier: GPL-2.0-only
/* The inlscan/1 JSON schema (docs/json.md). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "json_functions.h"
#include "escape.h"
#include "json_util.h"
#include "json_writer.h"
#include "ordered.h"
#include "render.h"

void jw_owner(struct json_writer *w, const struct symbol_owner *owner)
{
	if (!owner->name) {
		jw_null(w);
		return;
	}
	jw_open(w, '{');
	jw_string_field(w, "name", owner->name);
	jw_string_field(w, "file", owner->decl_file);
	jw_int_field(w, "line", owner->decl_line);
	jw_string_field(w, "tu", owner->tu);
	jw_close(w, '}');
}

void jw_suffixed(struct json_writer *w, const struct suffixed_symbol *s)
{
	jw_open(w, '{');
	jw_string_field(w, "symbol", s->symbol ? s->symbol : "");
	jw_string_field(w, "base", s->base ? s->base : "");
	jw_string_field(w, "kind", s->is_func ? "func" : "object");
	jw_addr_field(w, "address", s->address);
	jw_bool_field(w, "base_unique", s->base_unique);
	jw_bool_field(w, "base_plain", s->base_plain);
	jw_key(w, "dwarf");
	jw_owner(w, &s->owner);
	jw_close(w, '}');
}

/* Executable PT_LOADs: an address's file offset, for uprobe_events. */
static void write_segments(struct json_writer *w, const struct report *r)
{
	size_t i;

	jw_open(w, '[');
	for (i = 0; i < r->nsegments; i++) {
		jw_open(w, '{');
		jw_addr_field(w, "vaddr", r->segments[i].vaddr);
		jw_addr_field(w, "offset", r->segments[i].offset);
		jw_int_field(w, "size", (long long)r->segments[i].size);
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

void jw_input(struct json_writer *w, const struct report *r)
{
	size_t i;

	jw_open(w, '{');
	jw_string_field(w, "path", r->path ? r->path : "");
	jw_string_field(w, "build_id", r->build_id);
	jw_string_field(w, "machine", r->machine ? r->machine : "");
	jw_string_field(w, "elf_type", r->elf_type ? r->elf_type : "");
	jw_bool_field(w, "kernel", r->is_kernel);
	jw_key(w, "producers");
	jw_strings(w, r->producers, r->nproducers);
	jw_string_field(w, "lto", r->lto ? r->lto : "");
	jw_int_field(w, "units", (long long)r->units);
	if (r->has_text_base)
		jw_addr_field(w, "text_base", r->text_base);
	jw_key(w, "dwarf_versions");
	jw_open(w, '[');
	for (i = 0; i < r->ndwarf_versions; i++)
		jw_int(w, r->dwarf_versions[i]);
	jw_close(w, ']');
	if (r->nsegments) {
		jw_key(w, "segments");
		write_segments(w, r);
	}
	jw_close(w, '}');
}

/* Without an mcount table, how many partial functions ftrace lists is
 * unknown: null. */
static void write_summary(struct json_writer *w, const struct summary *s)
{
	const struct summary_field *f;

	jw_open(w, '{');
	for (f = summary_fields; f->name; f++) {
		jw_key(w, f->name);
		if (!s->has_ftrace &&
		    !strcmp(f->name, "functions_partial_ftrace"))
			jw_null(w);
		else
			jw_int(w, (long long)*summary_count(
					  (struct summary *)s, f));
	}
	jw_string_field(w, "call_site_info", call_site_info(s));
	jw_close(w, '}');
}

static void write_suffixes(struct json_writer *w, const struct report *r)
{
	size_t i;

	jw_open(w, '[');
	for (i = 0; i < r->nsuffixed; i++)
		jw_suffixed(w, &r->suffixed[i]);
	jw_close(w, ']');
}

static void write_symbols(struct json_writer *w, const struct report *r)
{
	const struct image_symbol *s;
	size_t i;

	jw_open(w, '[');
	for (i = 0; i < r->nsymbols; i++) {
		s = &r->symbols[i];
		jw_open(w, '{');
		jw_string_field(w, "name", s->name ? s->name : "");
		jw_string_field(w, "kind", s->is_func ? "func" : "object");
		jw_addr_field(w, "address", s->address);
		jw_int_field(w, "size", (long long)s->size);
		jw_key(w, "dwarf");
		jw_owner(w, &s->owner);
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static void write_dirs(struct json_writer *w, struct report *r, int depth)
{
	struct dir_group *g;
	size_t i, n = group_by_dir(r, (unsigned int)depth, &g);

	jw_open(w, '[');
	for (i = 0; i < n; i++) {
		jw_open(w, '{');
		jw_string_field(w, "dir", g[i].dir ? g[i].dir : "");
#define WRITE_GROUP(f) jw_int_field(w, #f, (long long)g[i].f)
		WRITE_GROUP(partial);
		WRITE_GROUP(full);
		WRITE_GROUP(incomplete);
		WRITE_GROUP(untraceable);
		WRITE_GROUP(not_attachable);
		WRITE_GROUP(sites);
		WRITE_GROUP(missed_calls);
#undef WRITE_GROUP
		jw_close(w, '}');
	}
	jw_close(w, ']');
	free(g);
}

static void write_tool(struct json_writer *w)
{
	jw_open(w, '{');
	jw_string_field(w, "name", "inlscan");
	jw_string_field(w, "version", INLSCAN_VERSION);
	jw_close(w, '}');
}

void jw_document_start(struct json_writer *w)
{
	jw_open(w, '{');
	jw_string_field(w, "schema", INLSCAN_SCHEMA);
}

/* key: {"count": n, "names": [...]} */
static void write_counted_names(struct json_writer *w, const char *key,
				const char *const *names, size_t n)
{
	jw_key(w, key);
	jw_open(w, '{');
	jw_int_field(w, "count", (long long)n);
	jw_key(w, "names");
	jw_strings(w, names, n);
	jw_close(w, '}');
}

/* --kernel: the running kernel's ftrace listing against the image's. */
static void write_runtime(struct json_writer *w, const struct runtime_view *v)
{
	jw_open(w, '{');
	jw_string_field(w, "tracefs", v->tracefs ? v->tracefs : "");
	jw_int_field(w, "copies_listed", (long long)v->listed);
	write_counted_names(w, "table_only", v->offline_only,
			    v->noffline_only);
	write_counted_names(w, "ftrace_only", v->runtime_only,
			    v->nruntime_only);
	jw_close(w, '}');
}

/*
 * The document is written member by member, the functions array one
 * chunk at a time, so that `--sites` on a vmlinux never holds every site
 * as JSON at once. indent: where the report sits in a larger document.
 */
static int write_report(FILE *out, struct report *r,
			const struct render_opts *opts, int indent)
{
	struct json_writer w;
	int rc;

	jw_init(&w, indent, opts->pretty);
	jw_document_start(&w);
	jw_key(&w, "tool");
	write_tool(&w);
	jw_key(&w, "input");
	jw_input(&w, r);
	jw_key(&w, "summary");
	write_summary(&w, &r->summary);
	jw_key(&w, "functions");
	rc = jw_flush(&w, out);
	rc |= json_write_functions(out, r, opts, indent + 1);
	jw_written_elsewhere(&w, true);
	if (opts->by_dir >= 0) {
		jw_key(&w, "by_dir");
		write_dirs(&w, r, opts->by_dir);
	}
	jw_key(&w, "llvm_suffixes");
	write_suffixes(&w, r);
	if (opts->outline) {
		jw_key(&w, "symbols");
		write_symbols(&w, r);
	}
	if (r->runtime) {
		jw_key(&w, "runtime");
		write_runtime(&w, r->runtime);
	}
	jw_key(&w, "warnings");
	jw_strings(&w, r->warnings, r->nwarnings);
	jw_close(&w, '}');
	rc |= jw_flush(&w, out);
	jw_free(&w);
	return rc;
}

static void write_skipped(struct json_writer *w,
			  const struct scan_results *res)
{
	size_t i;

	jw_open(w, '[');
	for (i = 0; i < res->nskipped; i++) {
		jw_open(w, '{');
		jw_string_field(w, "path", res->skipped[i].path ?: "");
		jw_string_field(w, "error", res->skipped[i].error ?: "");
		jw_close(w, '}');
	}
	jw_close(w, ']');
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
	t->rc[k] = write_report(mem, t->reports[k], t->opts, 2);
	if (fclose(mem))
		t->rc[k] = -1;
}

static int write_one_report(void *ctx, size_t k, FILE *out)
{
	struct report_texts *t = ctx;

	if (t->opts->pretty)
		fputs(k ? ",\n  " : "\n  ", out);
	else if (k)
		fputc(',', out);
	if (t->text[k])
		fwrite(t->text[k], 1, t->len[k], out);
	free(t->text[k]);
	return t->rc[k];
}

/*
 * The reports, on opts->jobs threads: a modules tree is a thousand
 * reports, and each report's functions are too few to split.
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
static int write_multi(FILE *out, const struct scan_results *res,
		       const struct render_opts *opts)
{
	struct json_writer w;
	struct summary total;
	size_t n;
	int rc;

	jw_init(&w, 0, opts->pretty);
	jw_document_start(&w);
	jw_key(&w, "tool");
	write_tool(&w);
	jw_key(&w, "reports");
	jw_open(&w, '[');
	rc = jw_flush(&w, out);
	rc |= emit_reports(out, res, opts, &n);
	jw_written_elsewhere(&w, n > 0);
	jw_close(&w, ']');
	jw_key(&w, "skipped");
	write_skipped(&w, res);
	total_summary(res, &total);
	jw_key(&w, "total");
	write_summary(&w, &total);
	jw_close(&w, '}');
	return rc | jw_finish(&w, out);
}

int render_json(FILE *out, const struct scan_results *res,
		const struct render_opts *opts)
{
	int rc;

	if (res->nreports == 1 && res->reports[0]) {
		rc = write_report(out, res->reports[0], opts, 0);
		fputc('\n', out);
	} else {
		rc = write_multi(out, res, opts);
	}
	return rc || ferror(out) ? -1 : 0;
}
