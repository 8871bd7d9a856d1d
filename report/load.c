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

#include "../analyzer/symbols.h"
#include "../common/util.h"
#include "escape.h"
#include "json_keys.h"
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

static struct report *load_report(json_t *o)
{
	struct report *r = xcalloc(1, sizeof(*r));
	json_t *fns = json_object_get(o, "functions"), *f, *warn;
	size_t i;

	load_input(r, json_object_get(o, "input"));
	load_summary(&r->summary, json_object_get(o, "summary"));
	r->nfunctions = json_array_size(fns);
	r->functions = xcalloc(r->nfunctions + 1, sizeof(*r->functions));
	json_array_foreach(fns, i, f) {
		load_function(r, &r->functions[i], f);
		r->sites_listed |= json_object_get(f, "inline_sites") != NULL;
	}
	/* lookups bsearch by name: a hand-edited file may be out of order */
	sort_array(r->functions, r->nfunctions, sizeof(*r->functions),
		   compare_functions);
	load_suffixes(r, json_object_get(o, "llvm_suffixes"));
	load_symbols(r, json_object_get(o, "symbols"));
	r->outline_listed = json_object_get(o, "symbols") != NULL;
	warn = json_object_get(o, "warnings");
	r->nwarnings = json_array_size(warn);
	r->warnings = xcalloc(r->nwarnings + 1, sizeof(*r->warnings));
	json_array_foreach(warn, i, f)
		r->warnings[i] = intern_text(r, json_string_value(f) ?: "");
	return r;
}

static bool functions_named(json_t *fns)
{
	size_t i;
	json_t *f;

	json_array_foreach(fns, i, f)
		if (!json_is_string(json_object_get(f, "name")))
			return false;
	return true;
}

/* Enough shape to trust the rest: get_* tolerate anything missing. */
static bool looks_like_report(json_t *o)
{
	return json_is_object(json_object_get(o, "input")) &&
	       json_is_object(json_object_get(o, "summary")) &&
	       json_is_array(json_object_get(o, "functions")) &&
	       functions_named(json_object_get(o, "functions")) &&
	       json_is_string(json_object_get(json_object_get(o, "input"),
					      "path"));
}

static void push_report(struct report ***reports, size_t *n,
			struct report *r)
{
	*reports = xrealloc(*reports, (*n + 1) * sizeof(**reports));
	(*reports)[(*n)++] = r;
}

int report_load_json(const char *path, struct report ***reports, size_t *n,
		     char **err)
{
	json_error_t jerr;
	json_t *root, *list, *o;
	const char *schema;
	size_t i, len;
	char *text;

	*err = NULL;
	text = read_whole(path, &len, err);
	if (!text)
		return -1;
	root = json_loadb(text, len, 0, &jerr);
	free(text);
	if (!root) {
		*err = xasprintf("%s: not a readable inlscan JSON report: %s (line %d)",
				 path, jerr.text, jerr.line);
		return -1;
	}
	schema = json_string_value(json_object_get(root, "schema"));
	if (!schema || strcmp(schema, INLSCAN_SCHEMA)) {
		*err = xasprintf("%s: schema is %s, expected %s; rerun 'inlscan scan --json'",
				 path, schema ? schema : "missing",
				 INLSCAN_SCHEMA);
		json_decref(root);
		return -1;
	}
	list = json_object_get(root, "reports");
	if (!list && looks_like_report(root))
		push_report(reports, n, load_report(root));
	json_array_foreach(list, i, o) {
		if (!looks_like_report(o))
			break;
		push_report(reports, n, load_report(o));
	}
	if (list && !json_array_size(list))
		*err = xasprintf("%s: holds no reports", path);
	else if (list && i < json_array_size(list))
		*err = xasprintf("%s: report %zu is malformed", path, i);
	else if (!list && !looks_like_report(root))
		*err = xasprintf("%s: malformed inlscan report", path);
	json_decref(root);
	return *err ? -1 : 0;
}
