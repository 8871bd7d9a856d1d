// SPDX-License-Identifier: GPL-2.0-only
/*
 * The functions array: the bulk of a report (190 MB for a vmlinux with
 * --sites), so it is written without jansson trees and, on several
 * threads, in chunks that the calling thread writes out in order.
 */
#include "json_functions.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "json_writer.h"
#include "ordered.h"

/* Functions per chunk. */
#define CHUNK 512

static void write_decls(struct json_writer *w, const struct function *fn)
{
	size_t i;

	jw_open(w, '[');
	for (i = 0; i < fn->ndecls; i++) {
		jw_open(w, '{');
		jw_key(w, "file");
		jw_string(w, fn->decls[i].file);
		jw_key(w, "line");
		jw_int(w, fn->decls[i].line);
		jw_key(w, "external");
		jw_bool(w, fn->decls[i].external);
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static void write_copy(struct json_writer *w, const struct outline_copy *c,
		       bool has_ftrace)
{
	jw_open(w, '{');
	jw_key(w, "symbol");
	jw_string(w, c->symbol);
	jw_key(w, "address");
	jw_addr(w, c->address);
	jw_key(w, "size");
	jw_int(w, (long long)c->size);
	jw_key(w, "tu");
	jw_string(w, c->tu);
	jw_key(w, "clone");
	jw_string(w, c->clone);
	jw_key(w, "ftrace");
	if (has_ftrace)
		jw_bool(w, c->ftrace);
	else
		jw_null(w);
	jw_key(w, "nokprobe");
	jw_string(w, c->nokprobe);
	jw_key(w, "data_ref");
	jw_bool(w, c->data_ref);
	jw_key(w, "init");
	jw_bool(w, c->init);
	jw_key(w, "name_shared");
	jw_bool(w, c->name_shared);
	jw_key(w, "ftrace_name");
	jw_string(w, c->ftrace_name);
	jw_close(w, '}');
}

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

static void write_site(struct json_writer *w, const struct inline_site *s)
{
	jw_open(w, '{');
	jw_key(w, "caller");
	jw_string(w, s->caller);
	jw_key(w, "container");
	jw_string(w, s->container);
	jw_key(w, "tu");
	jw_string(w, s->tu);
	jw_key(w, "cross_tu");
	jw_bool(w, s->cross_tu);
	jw_key(w, "call_file");
	jw_string(w, s->call_file);
	jw_key(w, "call_line");
	jw_int(w, s->call_line);
	jw_key(w, "entry");
	jw_addr(w, s->entry);
	jw_key(w, "probe");
	write_probe(w, s);
	jw_key(w, "refused");
	jw_string(w, s->refused);
	jw_close(w, '}');
}

static void write_site_counts(struct json_writer *w, const struct function *fn)
{
	jw_open(w, '{');
	jw_key(w, "total");
	jw_int(w, (long long)fn->sites);
	jw_key(w, "same_tu");
	jw_int(w, (long long)fn->sites_same_tu);
	jw_key(w, "cross_tu");
	jw_int(w, (long long)fn->sites_cross_tu);
	jw_close(w, '}');
}

static void write_function(struct json_writer *w, const struct function *fn,
			   bool has_ftrace, const struct render_opts *opts)
{
	size_t i;

	jw_open(w, '{');
	jw_key(w, "name");
	jw_string(w, fn->name);
	jw_key(w, "status");
	jw_string(w, status_name(fn->status));
	jw_key(w, "scope");
	jw_string(w, scope_name(fn->scope));
	jw_key(w, "sites");
	write_site_counts(w, fn);
	jw_key(w, "decls");
	write_decls(w, fn);
	jw_key(w, "out_of_line");
	jw_open(w, '[');
	for (i = 0; i < fn->ncopies; i++)
		write_copy(w, &fn->copies[i], has_ftrace);
	jw_close(w, ']');
	jw_key(w, "in_symtab");
	jw_bool(w, fn->in_symtab);
	jw_key(w, "traceable_by_name");
	jw_bool(w, fn->plain_symbol);
	jw_key(w, "blind_spot");
	jw_string(w, blind_spot_name(fn->blind));
	jw_key(w, "direct_calls");
	jw_int(w, (long long)fn->direct_calls);
	jw_key(w, "inlined_bytes");
	jw_int(w, (long long)fn->inlined_bytes);
	jw_key(w, "exported");
	jw_bool(w, fn->exported);
	if (opts->sites) {
		jw_key(w, "inline_sites");
		jw_open(w, '[');
		for (i = 0; i < fn->nsite_list; i++)
			write_site(w, &fn->site_list[i]);
		jw_close(w, ']');
	}
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
	jw_reuse_in_array(ch->w, c->indent, ch->first);
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
	jw_init(&w, indent);
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
