// SPDX-License-Identifier: GPL-2.0-only
/*
 * The functions array: the bulk of a report (most of a vmlinux's with
 * --sites), so it is written without jansson trees and, on several
 * threads, in chunks that the calling thread writes out in order.
 */
#include "json_functions.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "json_keys.h"
#include "json_writer.h"
#include "ordered.h"

/* Functions per chunk. */
#define CHUNK 512

/* How each kind of json_keys.h is written; x is the object's struct. */
#define WRITE_STRING(w, x, member) jw_string(w, (x)->member)
#define WRITE_UINT(w, x, member) jw_int(w, (long long)(x)->member)
#define WRITE_BOOL(w, x, member) jw_bool(w, (x)->member)
#define WRITE_ADDR(w, x, member) jw_addr(w, (x)->member)
#define WRITE_BLIND(w, x, member) jw_string(w, blind_spot_name((x)->member))
#define WRITE_PROBE(w, x, member) write_probe(w, x)
/* null, not false, when the image has no mcount table to ask */
#define WRITE_FTRACE(w, x, member) \
	(has_ftrace ? jw_bool(w, (x)->member) : jw_null(w))
#define WRITE_FIELD(key, member, kind) \
	jw_key(w, #key); \
	WRITE_##kind(w, x, member);

static void write_probe(struct json_writer *w, const struct inline_site *s)
{
	char buf[512];

	if (!s->probe_symbol) {
		jw_null(w);
		return;
	}
	snprintf(buf, sizeof(buf), "%s+0x%" PRIx64, s->probe_symbol,
		 s->probe_offset);
	jw_string(w, buf);
}

static void write_decl(struct json_writer *w, const struct decl *x)
{
	jw_open(w, '{');
	DECL_FIELDS(WRITE_FIELD)
	jw_close(w, '}');
}

static void write_copy(struct json_writer *w, const struct outline_copy *x,
		       bool has_ftrace)
{
	jw_open(w, '{');
	COPY_FIELDS(WRITE_FIELD)
	jw_close(w, '}');
}

static void write_site(struct json_writer *w, const struct inline_site *x)
{
	jw_open(w, '{');
	SITE_FIELDS(WRITE_FIELD)
	jw_close(w, '}');
}

void jw_function_members(struct json_writer *w, const struct function *x,
			 bool has_ftrace, bool sites)
{
	size_t i;

	jw_string_field(w, "name", x->name);
	jw_string_field(w, "status", status_name(x->status));
	jw_string_field(w, "scope", scope_name(x->scope));
	jw_key(w, "sites");
	jw_open(w, '{');
	SITE_COUNT_FIELDS(WRITE_FIELD)
	jw_close(w, '}');
	jw_key(w, "decls");
	jw_open(w, '[');
	for (i = 0; i < x->ndecls; i++)
		write_decl(w, &x->decls[i]);
	jw_close(w, ']');
	jw_key(w, "out_of_line");
	jw_open(w, '[');
	for (i = 0; i < x->ncopies; i++)
		write_copy(w, &x->copies[i], has_ftrace);
	jw_close(w, ']');
	FUNCTION_TAIL_FIELDS(WRITE_FIELD)
	if (sites) {
		jw_key(w, "inline_sites");
		jw_open(w, '[');
		for (i = 0; i < x->nsite_list; i++)
			write_site(w, &x->site_list[i]);
		jw_close(w, ']');
	}
}

static void write_function(struct json_writer *w, const struct function *x,
			   bool has_ftrace, const struct render_opts *opts)
{
	jw_open(w, '{');
	jw_function_members(w, x, has_ftrace, opts->sites);
	jw_close(w, '}');
}

static bool listed(const struct function *fn, const struct render_opts *opts)
{
	return opts->outline || fn->status != STATUS_OUTLINE;
}

/*
 * A chunk's text waits in a writer until it is written out; the writer
 * then goes back to the idle ones, buffer and all, for a chunk to come:
 * a few buffers, still in cache, rather than one fresh buffer per chunk.
 */
struct chunk {
	struct json_writer *w;
	bool first;		/* no function listed before this chunk */
};

struct chunked {
	const struct report *r;
	const struct render_opts *opts;
	int indent;
	struct chunk *chunks;
	size_t nchunks;
	pthread_mutex_t lock;
	struct json_writer **idle;
	size_t nidle, idle_cap;
};

static struct json_writer *take_writer(struct chunked *c)
{
	struct json_writer *w = NULL;

	pthread_mutex_lock(&c->lock);
	if (c->nidle)
		w = c->idle[--c->nidle];
	pthread_mutex_unlock(&c->lock);
	return w ? w : xcalloc(1, sizeof(*w));
}

static void give_writer(struct chunked *c, struct json_writer *w)
{
	pthread_mutex_lock(&c->lock);
	*ARRAY_PUSH(c->idle, c->nidle, c->idle_cap) = w;
	pthread_mutex_unlock(&c->lock);
}

static void free_writers(struct chunked *c)
{
	size_t i;

	for (i = 0; i < c->nidle; i++) {
		jw_free(c->idle[i]);
		free(c->idle[i]);
	}
	free(c->idle);
}

static void render_chunk(void *ctx, size_t k)
{
	struct chunked *c = ctx;
	struct chunk *ch = &c->chunks[k];
	size_t i, end = (k + 1) * CHUNK;

	if (end > c->r->nfunctions)
		end = c->r->nfunctions;
	ch->w = take_writer(c);
	jw_reuse_in_array(ch->w, c->indent, c->opts->pretty, ch->first);
	for (i = k * CHUNK; i < end; i++)
		if (listed(&c->r->functions[i], c->opts))
			write_function(ch->w, &c->r->functions[i],
				       c->r->summary.has_ftrace, c->opts);
}

static int write_chunk(void *ctx, size_t k, FILE *out)
{
	struct chunked *c = ctx;
	int rc = jw_flush(c->chunks[k].w, out);

	give_writer(c, c->chunks[k].w);
	c->chunks[k].w = NULL;
	return rc;
}

int json_write_functions(FILE *out, const struct report *r,
			 const struct render_opts *opts, int indent)
{
	struct chunked c = { .r = r, .opts = opts, .indent = indent };
	struct json_writer w;
	bool first = true;
	size_t k, i;
	int rc;

	pthread_mutex_init(&c.lock, NULL);
	c.nchunks = (r->nfunctions + CHUNK - 1) / CHUNK;
	c.chunks = xcalloc(c.nchunks + 1, sizeof(*c.chunks));
	for (k = 0; k < c.nchunks; k++) {
		c.chunks[k].first = first;
		for (i = k * CHUNK; i < (k + 1) * CHUNK && i < r->nfunctions;
		     i++)
			first &= !listed(&r->functions[i], opts);
	}
	jw_init(&w, indent, opts->pretty);
	jw_open(&w, '[');
	rc = jw_flush(&w, out);
	rc |= write_ordered(out,
			    &(struct ordered_pieces){ .n = c.nchunks,
						      .ctx = &c,
						      .render = render_chunk,
						      .write = write_chunk },
			    opts->jobs);
	w.empty[1] = first;
	jw_close(&w, ']');
	rc |= jw_flush(&w, out);
	jw_free(&w);
	free_writers(&c);
	pthread_mutex_destroy(&c.lock);
	free(c.chunks);
	return rc ? -1 : 0;
}
