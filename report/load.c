// SPDX-License-Identifier: GPL-2.0-only
/* The inverse of json.c: an inlscan/1 document back into report models. */
#include "load.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../analyzer/analyze.h"
#include "../analyzer/symbols.h"
#include "../common/util.h"
#include "escape.h"
#include "json_keys.h"
#include "json_span.h"
#include "render.h"

#define UTF8_BOM "\xef\xbb\xbf"

bool report_file_is_json(const char *path)
{
	char head[64];
	ssize_t n;
	size_t i = 0;
	int fd = open_regular(path);

	if (fd < 0)
		return false;
	n = read(fd, head, sizeof(head));
	close(fd);
	if (n >= 3 && !memcmp(head, UTF8_BOM, 3))
		i = 3;
	while (i < (size_t)(n > 0 ? n : 0) && strchr(" \n\t\r", head[i]))
		i++;
	return n > 0 && i < (size_t)n && head[i] == '{';
}

/* The whole file, without a leading byte-order mark; NULL with *err. */
static char *read_whole(const char *path, size_t *len, char **err)
{
	int fd = open_regular(path);
	struct stat st;
	char *buf;
	size_t got = 0;
	ssize_t n;

	if (fd < 0 || fstat(fd, &st)) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size &&
	       (n = read(fd, buf + got, (size_t)st.st_size - got)) > 0)
		got += (size_t)n;
	close(fd);
	buf[got] = '\0';
	*len = got;
	if (got >= 3 && !memcmp(buf, UTF8_BOM, 3)) {
		memmove(buf, buf + 3, got - 2);
		*len -= 3;
	}
	return buf;
}

/* A string the writer escaped (escape.h), back to its bytes, interned. */
static const char *intern_text(struct report *r, const char *text)
{
	char *bytes;
	const char *s;

	if (!text)
		return NULL;
	bytes = xstrdup(text);
	json_bytes_of_text(bytes);
	s = strpool_intern(&r->strings, bytes);
	free(bytes);
	return s;
}

static const char *get_str(struct report *r, json_t *o, const char *key)
{
	return intern_text(r, json_string_value(json_object_get(o, key)));
}

static uint64_t get_u64(json_t *o, const char *key)
{
	json_int_t v = json_integer_value(json_object_get(o, key));

	return v > 0 ? (uint64_t)v : 0;
}

static uint64_t get_addr(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? strtoull(s, NULL, 16) : 0;
}

static bool get_bool(json_t *o, const char *key)
{
	return json_is_true(json_object_get(o, key));
}

/* How each kind of json_keys.h is read into x, the object's struct. */
#define LOAD_STRING(x, key, member) (x)->member = get_str(r, o, key)
#define LOAD_UINT(x, key, member) (x)->member = get_u64(o, key)
#define LOAD_BOOL(x, key, member) (x)->member = get_bool(o, key)
#define LOAD_FTRACE LOAD_BOOL
#define LOAD_ADDR(x, key, member) (x)->member = get_addr(o, key)
#define LOAD_BLIND(x, key, member) \
	(x)->member = blind_spot_of(json_string_value(json_object_get(o, key)))
#define LOAD_PROBE(x, key, member) parse_probe(r, x, get_str(r, o, key))
#define LOAD_FIELD(key, member, kind) LOAD_##kind(x, #key, member);

static void load_decls(struct report *r, struct function *fn, json_t *arr)
{
	struct decl *x;
	size_t i;
	json_t *o;

	fn->ndecls = json_array_size(arr);
	fn->decls = xcalloc(fn->ndecls + 1, sizeof(*fn->decls));
	json_array_foreach(arr, i, o) {
		x = &fn->decls[i];
		DECL_FIELDS(LOAD_FIELD)
	}
}

static void load_copies(struct report *r, struct function *fn, json_t *arr)
{
	struct outline_copy *x;
	size_t i;
	json_t *o;

	fn->ncopies = json_array_size(arr);
	fn->copies = xcalloc(fn->ncopies + 1, sizeof(*fn->copies));
	json_array_foreach(arr, i, o) {
		x = &fn->copies[i];
		COPY_FIELDS(LOAD_FIELD)
		fn->ftrace |= x->ftrace;
	}
}

/* "symbol+0xoff": the symbol may itself hold '+' (C++), the offset not. */
static void parse_probe(struct report *r, struct inline_site *s,
			const char *probe)
{
	const char *plus = probe ? strrchr(probe, '+') : NULL;

	if (!plus || plus == probe)
		return;
	s->probe_symbol = strpool_intern_len(&r->strings, probe,
					     (size_t)(plus - probe));
	s->probe_offset = strtoull(plus + 1, NULL, 16);
}

static void load_sites(struct report *r, struct function *fn, json_t *arr)
{
	struct inline_site *x;
	size_t i;
	json_t *o;

	fn->nsite_list = json_array_size(arr);
	fn->site_list = xcalloc(fn->nsite_list + 1, sizeof(*fn->site_list));
	json_array_foreach(arr, i, o) {
		x = &fn->site_list[i];
		SITE_FIELDS(LOAD_FIELD)
	}
}

static void load_site_counts(struct function *x, json_t *o)
{
	SITE_COUNT_FIELDS(LOAD_FIELD)
}

static void load_function(struct report *r, struct function *x, json_t *o)
{
	x->name = get_str(r, o, "name");
	x->status = status_of(json_string_value(json_object_get(o,
								"status")));
	x->scope = scope_of(json_string_value(json_object_get(o, "scope")));
	load_site_counts(x, json_object_get(o, "sites"));
	load_decls(r, x, json_object_get(o, "decls"));
	load_copies(r, x, json_object_get(o, "out_of_line"));
	FUNCTION_TAIL_FIELDS(LOAD_FIELD)
	if (json_object_get(o, "inline_sites"))
		load_sites(r, x, json_object_get(o, "inline_sites"));
}

static void load_segments(struct report *r, json_t *arr)
{
	size_t i;
	json_t *o;

	r->nsegments = json_array_size(arr);
	r->segments = xcalloc(r->nsegments + 1, sizeof(*r->segments));
	json_array_foreach(arr, i, o) {
		r->segments[i].vaddr = get_addr(o, "vaddr");
		r->segments[i].offset = get_addr(o, "offset");
		r->segments[i].size = get_u64(o, "size");
	}
}

static void load_input(struct report *r, json_t *in)
{
	json_t *arr = json_object_get(in, "producers"), *v;
	size_t i;

	r->path = get_str(r, in, "path");
	r->build_id = get_str(r, in, "build_id");
	r->machine = get_str(r, in, "machine") ?: "?";
	r->elf_type = get_str(r, in, "elf_type") ?: "?";
	r->lto = get_str(r, in, "lto") ?: "unknown";
	r->is_kernel = get_bool(in, "kernel");
	r->units = get_u64(in, "units");
	r->has_text_base = json_is_string(json_object_get(in, "text_base"));
	r->text_base = get_addr(in, "text_base");
	r->nproducers = json_array_size(arr);
	r->producers = xcalloc(r->nproducers + 1, sizeof(*r->producers));
	json_array_foreach(arr, i, v)
		r->producers[i] = intern_text(r, json_string_value(v) ?: "");
	load_segments(r, json_object_get(in, "segments"));
	arr = json_object_get(in, "dwarf_versions");
	r->ndwarf_versions = json_array_size(arr);
	r->dwarf_versions = xcalloc(r->ndwarf_versions + 1,
				    sizeof(*r->dwarf_versions));
	json_array_foreach(arr, i, v)
		r->dwarf_versions[i] = (unsigned int)json_integer_value(v);
}

static void load_summary(struct summary *s, json_t *o)
{
	const struct summary_field *f;

	for (f = summary_fields; f->name; f++)
		*summary_count(s, f) = get_u64(o, f->name);
	s->has_ftrace = json_is_integer(json_object_get(
		o, "functions_partial_ftrace"));
}

static void load_owner(struct report *r, json_t *o, struct symbol_owner *w)
{
	if (!json_is_object(o))
		return;
	w->name = get_str(r, o, "name");
	w->decl_file = get_str(r, o, "file");
	w->decl_line = (uint32_t)get_u64(o, "line");
	w->tu = get_str(r, o, "tu");
}

static bool is_func_kind(json_t *o)
{
	return !strcmp(json_string_value(json_object_get(o, "kind")) ?: "",
		       "func");
}

static void load_suffixes(struct report *r, json_t *arr)
{
	struct suffixed_symbol *s;
	size_t i;
	json_t *o;

	r->nsuffixed = json_array_size(arr);
	r->suffixed = xcalloc(r->nsuffixed + 1, sizeof(*r->suffixed));
	json_array_foreach(arr, i, o) {
		s = &r->suffixed[i];
		s->symbol = get_str(r, o, "symbol") ?: "";
		s->base = get_str(r, o, "base") ?: s->symbol;
		s->is_func = is_func_kind(o);
		s->address = get_addr(o, "address");
		s->base_unique = get_bool(o, "base_unique");
		s->base_plain = get_bool(o, "base_plain");
		load_owner(r, json_object_get(o, "dwarf"), &s->owner);
	}
}

static void load_symbols(struct report *r, json_t *arr)
{
	struct image_symbol *s;
	const char *base;
	size_t i;
	json_t *o;

	r->nsymbols = json_array_size(arr);
	r->symbols = xcalloc(r->nsymbols + 1, sizeof(*r->symbols));
	json_array_foreach(arr, i, o) {
		s = &r->symbols[i];
		s->name = get_str(r, o, "name") ?: "";
		base = suffixed_base(&r->strings, s->name);
		s->base = base ? base : s->name;
		s->is_func = is_func_kind(o);
		s->address = get_addr(o, "address");
		s->size = get_u64(o, "size");
		load_owner(r, json_object_get(o, "dwarf"), &s->owner);
	}
}

static int compare_functions(const void *x, const void *y)
{
	const struct function *a = x, *b = y;

	return strcmp(a->name, b->name);
}

/* Enough shape to trust the rest: get_* tolerate anything missing. */
static bool looks_like_report(json_t *head)
{
	return json_is_object(json_object_get(head, "input")) &&
	       json_is_object(json_object_get(head, "summary")) &&
	       json_is_string(json_object_get(json_object_get(head, "input"),
					      "path"));
}

/*
 * A function's text without its "inline_sites" member: what it is
 * without the sites a command does not need, far less to decode.
 */
static char *without_member(const struct json_span *fn,
			    const struct json_span *key,
			    const struct json_span *value, size_t *len)
{
	const char *cut = key->start - 1, *resume = value->end, *q;
	char *text;

	q = cut;
	while (q > fn->start && strchr(" \n\t\r", q[-1]))
		q--;
	if (q > fn->start && q[-1] == ',') {
		cut = q - 1;
	} else {
		resume = span_skip_space(resume, fn->end);
		if (resume < fn->end && *resume == ',')
			resume++;
	}
	*len = (size_t)(cut - fn->start) + (size_t)(fn->end - resume);
	text = xmalloc(*len + 1);
	memcpy(text, fn->start, (size_t)(cut - fn->start));
	memcpy(text + (cut - fn->start), resume, (size_t)(fn->end - resume));
	return text;
}

/*
 * The function object at fn->start: where it ends (fn->end), and its
 * "name" and "inline_sites" members.
 */
static bool function_keys(struct json_span *fn, const char *end,
			  struct json_span *name, struct json_span *sites_key,
			  struct json_span *sites)
{
	struct json_span key, value;
	const char *p = fn->start;
	bool bad = *p != '{';

	name->start = name->end = NULL;
	sites->start = sites->end = NULL;
	sites_key->start = sites_key->end = NULL;
	while (!bad && span_next_key(&p, end, &key, &bad)) {
		value.start = p;
		value.end = span_value_end(p, end);
		if (!value.end) {
			bad = true;
			break;
		}
		if (span_is(&key, "name")) {
			*name = value;
		} else if (span_is(&key, "inline_sites")) {
			*sites_key = key;
			*sites = value;
		}
		p = value.end;
	}
	fn->end = p;
	return !bad && name->start && *name->start == '"';
}

/* Does the command want fn's sites (lo: its analysis options)? */
static bool wants_sites(const struct analyze_opts *lo,
			const struct json_span *name)
{
	json_t *s;
	bool want;

	if (!lo->want_sites)
		return false;
	if (!lo->site_names && !lo->site_globs)
		return true;
	s = json_loadb(name->start, (size_t)(name->end - name->start),
		       JSON_DECODE_ANY, NULL);
	want = analyze_wants_sites(lo, json_string_value(s) ?: "");
	json_decref(s);
	return want;
}

/*
 * The function whose text starts at text->start (text->end: where it
 * ends, once read), its sites only if the command wants them.
 */
static bool load_function_span(struct report *r, struct function *fn,
			       struct json_span *text, const char *end,
			       const struct analyze_opts *lo)
{
	struct json_span name, sites_key, sites;
	char *trimmed = NULL;
	size_t len;
	json_t *o;

	if (!function_keys(text, end, &name, &sites_key, &sites))
		return false;
	len = (size_t)(text->end - text->start);
	r->sites_listed |= sites.start != NULL;
	if (sites.start && !wants_sites(lo, &name))
		trimmed = without_member(text, &sites_key, &sites, &len);
	o = json_loadb(trimmed ? trimmed : text->start, len, 0, NULL);
	free(trimmed);
	if (!json_is_string(json_object_get(o, "name"))) {
		json_decref(o);
		return false;
	}
	load_function(r, fn, o);
	json_decref(o);
	return true;
}

/* The functions array at *p, one function at a time; *p past it. */
static bool load_functions(struct report *r, const char **p, const char *end,
			   const struct analyze_opts *lo)
{
	struct json_span text;
	size_t cap = 0;
	bool bad = **p != '[';

	while (!bad && span_next_item(p, end, &bad)) {
		ARRAY_PUSH(r->functions, r->nfunctions, cap);
		memset(&r->functions[r->nfunctions - 1], 0,
		       sizeof(*r->functions));
		text.start = *p;
		if (!load_function_span(r, &r->functions[r->nfunctions - 1],
					&text, end, lo))
			return false;
		*p = text.end;
	}
	if (!r->functions)
		r->functions = xcalloc(1, sizeof(*r->functions));
	return !bad;
}

static void load_head(struct report *r, json_t *o)
{
	json_t *f, *warn;
	size_t i;

	load_input(r, json_object_get(o, "input"));
	load_summary(&r->summary, json_object_get(o, "summary"));
	load_suffixes(r, json_object_get(o, "llvm_suffixes"));
	load_symbols(r, json_object_get(o, "symbols"));
	r->outline_listed = json_object_get(o, "symbols") != NULL;
	warn = json_object_get(o, "warnings");
	r->nwarnings = json_array_size(warn);
	r->warnings = xcalloc(r->nwarnings + 1, sizeof(*r->warnings));
	json_array_foreach(warn, i, f)
		r->warnings[i] = intern_text(r, json_string_value(f) ?: "");
}

/* What reading one document needs, and finds. */
struct document_reader {
	const char *path;
	const char *end;		/* of the text */
	const struct analyze_opts *lo;
	struct report ***reports;
	size_t *n;
	char *schema;			/* the root's */
	bool multi;			/* the root held "reports" */
	char **err;
};

static void push_report(struct report ***reports, size_t *n,
			struct report *r)
{
	*reports = xrealloc(*reports, (*n + 1) * sizeof(**reports));
	(*reports)[(*n)++] = r;
}

static void read_reports_list(struct document_reader *d, const char **p);

/* One member of an object other than the functions: into head. */
static bool read_member(const struct json_span *key, const char **p,
			const char *end, json_t *head)
{
	const char *value_end = span_value_end(*p, end);
	json_t *value;
	char *name;

	if (!value_end)
		return false;
	value = json_loadb(*p, (size_t)(value_end - *p), JSON_DECODE_ANY, NULL);
	if (!value)
		return false;
	name = xstrndup(key->start, (size_t)(key->end - key->start));
	json_object_set_new(head, name, value);
	free(name);
	*p = value_end;
	return true;
}

/*
 * The object at *p, in one pass: the functions one at a time into a
 * report, the root's "reports" one report at a time, every other member
 * through jansson. Returns the report (NULL if the object held none, or
 * on malformed input: *bad).
 */
static struct report *read_object(struct document_reader *d, const char **p,
				  bool root, bool *bad)
{
	struct report *r = xcalloc(1, sizeof(*r));
	json_t *head = json_object();
	struct json_span key;
	bool functions = false;

	*bad = **p != '{';
	while (!*bad && span_next_key(p, d->end, &key, bad)) {
		if (span_is(&key, "functions")) {
			functions = true;
			*bad = !load_functions(r, p, d->end, d->lo);
		} else if (root && span_is(&key, "reports")) {
			d->multi = true;
			read_reports_list(d, p);
			*bad = *d->err != NULL;
		} else {
			*bad = !read_member(&key, p, d->end, head);
		}
	}
	if (root)
		d->schema = xstrdup(json_string_value(json_object_get(
					    head, "schema")) ?: "missing");
	if (*bad || !functions || !looks_like_report(head)) {
		json_decref(head);
		report_free(r);
		return NULL;
	}
	load_head(r, head);
	json_decref(head);
	/* lookups bsearch by name: a hand-edited file may be out of order */
	sort_array(r->functions, r->nfunctions, sizeof(*r->functions),
		   compare_functions);
	return r;
}

/* Every report of a multi-input document, one at a time. */
static void read_reports_list(struct document_reader *d, const char **p)
{
	struct report *r;
	size_t count = 0;
	bool bad = **p != '[';

	while (!bad && span_next_item(p, d->end, &bad)) {
		r = read_object(d, p, false, &bad);
		if (!r) {
			*d->err = xasprintf("%s: report %zu is malformed",
					    d->path, count);
			return;
		}
		push_report(d->reports, d->n, r);
		count++;
	}
	if (bad)
		*d->err = xasprintf("%s: not a readable inlscan JSON report: malformed after report %zu",
				    d->path, count);
	else if (!count)
		*d->err = xasprintf("%s: holds no reports", d->path);
}

int report_load_json(const char *path, const struct analyze_opts *lo,
		     struct report ***reports, size_t *n, char **err)
{
	struct document_reader d = { .path = path, .lo = lo,
				     .reports = reports, .n = n, .err = err };
	struct report *r;
	const char *p;
	char *text;
	size_t len, before = *n;
	bool bad;

	*err = NULL;
	text = read_whole(path, &len, err);
	if (!text)
		return -1;
	d.end = text + len;
	p = span_skip_space(text, d.end);
	r = read_object(&d, &p, true, &bad);
	if (!bad && !*err && span_skip_space(p, d.end) != d.end)
		bad = true;
	if (*err) {
		/* said by read_reports_list */
	} else if (bad) {
		*err = xasprintf("%s: not a readable inlscan JSON report: malformed or cut short",
				 path);
	} else if (strcmp(d.schema, INLSCAN_SCHEMA)) {
		*err = xasprintf("%s: schema is %s, expected %s; rerun 'inlscan scan --json'",
				 path, d.schema, INLSCAN_SCHEMA);
	} else if (r) {
		push_report(reports, n, r);
		r = NULL;
	} else if (!d.multi) {
		*err = xasprintf("%s: malformed inlscan report", path);
	}
	report_free(r);
	if (*err) {
		while (*n > before)
			report_free((*reports)[--*n]);
	}
	free(d.schema);
	free(text);
	return *err ? -1 : 0;
}
