// SPDX-License-Identifier: GPL-2.0-only
/*
 * The streaming JSON writer against jansson: for the same values it must
 * write what json_dumps(JSON_INDENT(1) | JSON_ENSURE_ASCII) writes, and
 * what it writes for bytes that are not UTF-8 must still parse. And the
 * functions array, written in chunks by writers that are used again.
 */
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/util.h"
#include "../../report/json_functions.h"
#include "../../report/json_writer.h"
#include "check.h"

static const char *const strings[] = {
	"plain", "", "quote \" backslash \\ slash /",
	"\b\f\n\r\t\x01\x1f\x7f", "caf\xc3\xa9", "\xe2\x82\xac euro",
	"clef \xf0\x9d\x84\x9e", "fs/ext4/inode.c", "a.llvm.123456",
};

/* One object holding every kind of value, written both ways. */
static void write_mixed(struct json_writer *w, json_t *o)
{
	json_t *list = json_array(), *empty_list = json_array();
	size_t i;

	jw_open(w, '{');
	jw_key(w, "strings");
	jw_open(w, '[');
	for (i = 0; i < sizeof(strings) / sizeof(strings[0]); i++) {
		jw_string(w, strings[i]);
		json_array_append_new(list, json_string(strings[i]));
	}
	jw_close(w, ']');
	json_object_set_new(o, "strings", list);
	jw_key(w, "empty");
	jw_open(w, '[');
	jw_close(w, ']');
	json_object_set_new(o, "empty", empty_list);
	jw_key(w, "nested");
	jw_open(w, '{');
	jw_key(w, "n");
	jw_int(w, -42);
	jw_key(w, "big");
	jw_int(w, 1LL << 40);
	jw_key(w, "zero");
	jw_int(w, 0);
	jw_key(w, "min");
	jw_int(w, LLONG_MIN);
	jw_key(w, "t");
	jw_bool(w, true);
	jw_key(w, "none");
	jw_string(w, NULL);
	jw_key(w, "inner");
	jw_open(w, '{');
	jw_close(w, '}');
	jw_close(w, '}');
	json_object_set_new(o, "nested",
			    json_pack("{s:i, s:I, s:i, s:I, s:b, s:n, s:{}}",
				      "n", -42, "big", (json_int_t)(1LL << 40),
				      "zero", 0, "min", (json_int_t)LLONG_MIN,
				      "t", 1, "none", "inner"));
	jw_key(w, "addr");
	jw_addr(w, 0xffffffff81000000ULL);
	json_object_set_new(o, "addr", json_string("0xffffffff81000000"));
	jw_key(w, "addr0");
	jw_addr(w, 0);
	json_object_set_new(o, "addr0", json_string("0x0"));
	jw_close(w, '}');
}

/* Indented as JSON_INDENT(1), or compact as JSON_COMPACT. */
static void same_as_jansson(bool pretty, size_t flags)
{
	struct json_writer w;
	json_t *o = json_object();
	char *want;

	jw_init(&w, 0, pretty);
	write_mixed(&w, o);
	want = json_dumps(o, flags | JSON_ENSURE_ASCII | JSON_PRESERVE_ORDER);
	CHECK(want && w.len == strlen(want) && !memcmp(w.buf, want, w.len),
	      "writer (pretty %d):\n%.*s\njansson:\n%s", pretty, (int)w.len,
	      w.buf, want);
	free(want);
	json_decref(o);
	jw_free(&w);
}

static void test_same_as_jansson(void)
{
	same_as_jansson(true, JSON_INDENT(1));
	same_as_jansson(false, JSON_COMPACT);
}

/* Shifted right as a member of an outer document at some depth. */
static void test_indent(void)
{
	struct json_writer w;

	jw_init(&w, 3, true);
	jw_open(&w, '[');
	jw_int(&w, 1);
	jw_open(&w, '{');
	jw_key(&w, "k");
	jw_null(&w);
	jw_close(&w, '}');
	jw_close(&w, ']');
	CHECK(w.len == strlen("[\n    1,\n    {\n     \"k\": null\n    }\n   ]") &&
	      !memcmp(w.buf, "[\n    1,\n    {\n     \"k\": null\n    }\n   ]",
		      w.len),
	      "got '%.*s'", (int)w.len, w.buf);
	jw_free(&w);
}

/* jansson refuses such strings; the writer keeps them as U+00XX. */
static void test_not_utf8(void)
{
	static const char *const bad[] = { "\xff", "a\xc3", "\xed\xa0\x80",
					   "\xc0\xaf", "x\x80y" };
	struct json_writer w;
	json_error_t error;
	json_t *back;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		jw_init(&w, 0, true);
		jw_open(&w, '[');
		jw_string(&w, bad[i]);
		jw_close(&w, ']');
		back = json_loadb(w.buf, w.len, 0, &error);
		CHECK(back && json_array_size(back) == 1 &&
		      json_string_length(json_array_get(back, 0)) >=
			      strlen(bad[i]),
		      "bad UTF-8 #%zu: '%.*s' does not parse back", i,
		      (int)w.len, w.buf);
		json_decref(back);
		jw_free(&w);
	}
}

/* An empty writer (a chunk that lists nothing) writes nothing. */
static void test_empty_flush(void)
{
	struct json_writer w;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	int rc;

	jw_init_in_array(&w, 2, true, false);
	rc = jw_flush(&w, out);
	fclose(out);
	CHECK(!rc && len == 0, "empty flush: rc %d, %zu bytes", rc, len);
	free(text);
	jw_free(&w);
}

/* Two items, the second chunk's, written into one writer or two. */
static void write_second_chunk(struct json_writer *w)
{
	jw_open(w, '{');
	jw_key(w, "name");
	jw_string(w, "second");
	jw_close(w, '}');
}

/* A writer used again keeps its buffer and writes as a new one would. */
static void test_reuse_in_array(void)
{
	struct json_writer used, fresh;
	FILE *sink = fopen("/dev/null", "w");
	char *buf;

	jw_init_in_array(&used, 2, true, true);
	jw_open(&used, '[');
	jw_int(&used, 1);
	jw_key(&used, "dangling");	/* state a new chunk must not see */
	jw_flush(&used, sink);
	buf = used.buf;
	jw_reuse_in_array(&used, 2, true, false);
	write_second_chunk(&used);
	jw_init_in_array(&fresh, 2, true, false);
	write_second_chunk(&fresh);
	CHECK(used.buf == buf, "the buffer was not kept");
	CHECK(used.len == fresh.len && !memcmp(used.buf, fresh.buf, used.len),
	      "reused: '%.*s'\nfresh: '%.*s'", (int)used.len, used.buf,
	      (int)fresh.len, fresh.buf);
	fclose(sink);
	jw_free(&used);
	jw_free(&fresh);
}

/*
 * Twenty chunks of functions, more than three threads render ahead of
 * the one written, so that writers are used again while others are in
 * flight; the first chunk and a half are outline (listed if asked).
 */
#define NFUNCTIONS 10247
#define NOUTLINE 800

static void fill_report(struct report *r, struct function *fns, char *names)
{
	size_t i;

	memset(r, 0, sizeof(*r));
	memset(fns, 0, NFUNCTIONS * sizeof(*fns));
	for (i = 0; i < NFUNCTIONS; i++) {
		snprintf(names + i * 8, 8, "fn%05zu", i);
		fns[i].name = names + i * 8;
		fns[i].status = i < NOUTLINE ? STATUS_OUTLINE : STATUS_PARTIAL;
		fns[i].sites = i;
	}
	r->functions = fns;
	r->nfunctions = NFUNCTIONS;
}

static char *render_functions(const struct report *r, bool outline,
			      int jobs, size_t *len)
{
	struct render_opts opts = { .outline = outline, .jobs = jobs };
	char *text = NULL;
	FILE *out = open_memstream(&text, len);

	CHECK(!json_write_functions(out, r, &opts, 0), "write failed");
	fclose(out);
	return text;
}

/* Every listed function once, in order, for 1 and 3 threads alike. */
static void check_functions(const struct report *r, bool outline)
{
	size_t len1, len3, i, first = outline ? 0 : NOUTLINE;
	char *one = render_functions(r, outline, 1, &len1);
	char *three = render_functions(r, outline, 3, &len3);
	json_error_t error;
	json_t *back = json_loadb(three, len3, 0, &error), *fn;
	bool in_order = true;

	CHECK(len1 == len3 && !memcmp(one, three, len1),
	      "1 and 3 threads differ (outline %d)", outline);
	CHECK(json_is_array(back) &&
	      json_array_size(back) == NFUNCTIONS - first,
	      "outline %d: %zu functions, want %zu (%s)", outline,
	      json_array_size(back), (size_t)NFUNCTIONS - first, error.text);
	for (i = 0; back && i < json_array_size(back); i++) {
		fn = json_array_get(back, i);
		in_order &= !strcmp(json_string_value(json_object_get(fn,
								"name")),
				    r->functions[first + i].name) &&
			    json_integer_value(json_object_get(
				    json_object_get(fn, "sites"), "total")) ==
				    (json_int_t)(first + i);
	}
	CHECK(in_order, "outline %d: functions out of order or altered",
	      outline);
	json_decref(back);
	free(one);
	free(three);
}

static void test_functions_in_chunks(void)
{
	struct function *fns = xcalloc(NFUNCTIONS, sizeof(*fns));
	char *names = xmalloc(NFUNCTIONS * 8);
	struct report r;

	fill_report(&r, fns, names);
	check_functions(&r, false);
	check_functions(&r, true);
	free(fns);
	free(names);
}

int main(void)
{
	test_reuse_in_array();
	test_functions_in_chunks();
	test_empty_flush();
	test_same_as_jansson();
	test_indent();
	test_not_utf8();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
