// SPDX-License-Identifier: GPL-2.0-only
#include "scan.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/arena.h"
#include "../common/util.h"
#include "code.h"
#include "image.h"
#include "walk.h"

/* Inputs with fewer units are walked whole by the thread that opens them. */
#define SPLIT_MIN_UNITS 8

struct input_state {
	const char *path;
	struct image_rec *img;
	struct unit_ref *units;
	char **unit_errors;	/* per unit, merged in order at the end */
	size_t nunits;
	size_t pieces_left;	/* unit shards, and the ELF side */
};

struct walk_job {
	size_t input;
	size_t first, count;
};

struct scan {
	const struct scan_opts *opts;
	image_done_fn done;
	void *arg;
	struct input_state *inputs;
	size_t ninputs;
	size_t next_open;	/* inputs not yet opened: FIFO */
	size_t opening;		/* opens in progress: may add jobs */
	struct walk_job *jobs;	/* unit shards: LIFO */
	size_t njobs, jobs_cap;
	size_t units_total, units_done;
	size_t working;		/* workers not retired */
	size_t in_flight;	/* walks under way: one may be handed back */
	pthread_mutex_t lock;
	pthread_cond_t more;
};

struct worker {
	struct scan *scan;
	struct input in;
	size_t open_input;	/* which input `in` holds, if in.dwfl */
	struct walk_scratch scratch;
	bool opened_early;	/* tried open_early() */
	bool retired;		/* could not open an input: left the work */
};

static void progress(struct scan *s, size_t done_now)
{
	s->units_done += done_now;
	if (s->opts->progress)
		fprintf(stderr, "\rinlscan: %zu/%zu units", s->units_done,
			s->units_total);
}

static void finish_input(struct scan *s, size_t idx)
{
	struct input_state *st = &s->inputs[idx];
	size_t i;

	for (i = 0; i < st->nunits; i++)
		if (st->unit_errors[i])
			image_add_warning(st->img, st->unit_errors[i]);
	free(st->unit_errors);
	free(st->units);
	st->unit_errors = NULL;
	st->units = NULL;
	s->done(idx, st->img, NULL, s->arg);
	st->img = NULL;
}

static bool hold_input(struct worker *w, size_t idx, char **err)
{
	if (w->in.dwfl && w->open_input == idx)
		return true;
	input_close(&w->in);
	if (input_open(&w->in, w->scan->inputs[idx].path,
		       w->scan->opts->debug_file, err))
		return false;
	w->open_input = idx;
	return true;
}

/*
 * One piece of an input's work is done: its ELF side or some units. The
 * thread that does the last piece closes its libdw handle (libdw's maps
 * and caches are not needed while the input is analysed, so the peaks do
 * not add up) and hands the image on.
 */
static void piece_done(struct worker *w, size_t idx, size_t units)
{
	struct scan *s = w->scan;
	bool last;

	pthread_mutex_lock(&s->lock);
	progress(s, units);
	last = --s->inputs[idx].pieces_left == 0;
	pthread_mutex_unlock(&s->lock);
	if (!last)
		return;
	input_close(&w->in);
	finish_input(s, idx);
}

/*
 * This thread cannot open the input (out of memory, say) but others
 * work: give the units back and stop, rather than fail units another
 * thread can walk. The last worker cannot hand them on.
 */
static bool retire(struct worker *w, struct walk_job job, char *err)
{
	struct scan *s = w->scan;
	struct walk_job *back;

	pthread_mutex_lock(&s->lock);
	if (s->working <= 1) {
		pthread_mutex_unlock(&s->lock);
		return false;
	}
	s->working--;
	w->retired = true;
	back = ARRAY_PUSH(s->jobs, s->njobs, s->jobs_cap);
	*back = job;
	pthread_cond_broadcast(&s->more);
	pthread_mutex_unlock(&s->lock);
	free(err);
	return true;
}

static void walk_units(struct worker *w, struct walk_job job)
{
	struct input_state *st = &w->scan->inputs[job.input];
	size_t i;
	char *err = NULL;

	for (i = job.first; i < job.first + job.count; i++) {
		if (!hold_input(w, job.input, &err)) {
			struct walk_job rest = { job.input, i,
						 job.first + job.count - i };

			if (i == job.first && retire(w, rest, err))
				return;
			st->img->units[i].failed = true;
			st->unit_errors[i] = xasprintf("%s: unit %zu not read: %s",
						       st->path, i, err);
			free(err);
			continue;
		}
		walk_unit(&w->in, st->units[i], &w->scratch,
			  &st->img->units[i], st->img->arena, &err);
		if (err)
			st->unit_errors[i] = xasprintf("%s: unit %zu: %s",
						       st->path, i, err);
		free(err);
	}
	piece_done(w, job.input, job.count);
}

/* Split a large input's units into one job each, for idle threads. */
static void queue_shards(struct scan *s, size_t idx)
{
	struct input_state *st = &s->inputs[idx];
	struct walk_job *job;
	size_t i;

	st->pieces_left += st->nunits;
	for (i = st->nunits; i-- > 0;) {
		job = ARRAY_PUSH(s->jobs, s->njobs, s->jobs_cap);
		job->input = idx;
		job->first = i;
		job->count = 1;
	}
}

/* Leaves the lock held, as worker_main's loop wants it. */
static void walk_done(struct scan *s)
{
	pthread_mutex_lock(&s->lock);
	s->in_flight--;
	pthread_cond_broadcast(&s->more);
}

/*
 * Open an input and list its units; queue them for every thread, then
 * read the ELF side while they walk (or walk them here if few).
 */
static void open_input(struct worker *w, size_t idx)
{
	struct scan *s = w->scan;
	struct input_state *st = &s->inputs[idx];
	struct walk_job whole = { .input = idx, .first = 0 };
	char *err = NULL;
	bool split;

	if (hold_input(w, idx, &err) &&
	    walk_list_units(&w->in, &st->units, &st->nunits, &err)) {
		char *full = xasprintf("%s: %s", st->path, err);

		free(err);
		err = full;
	}
	if (err) {
		input_close(&w->in);
		pthread_mutex_lock(&s->lock);
		s->opening--;
		pthread_cond_broadcast(&s->more);
		pthread_mutex_unlock(&s->lock);
		s->done(idx, NULL, err, s->arg);
		return;
	}
	st->img = xcalloc(1, sizeof(*st->img));
	st->img->units = xcalloc(st->nunits, sizeof(struct unit_rec));
	st->img->arena = arena_new();
	st->img->nunits = st->nunits;
	st->unit_errors = xcalloc(st->nunits, sizeof(char *));
	split = st->nunits >= SPLIT_MIN_UNITS && s->opts->jobs > 1;

	pthread_mutex_lock(&s->lock);
	s->units_total += st->nunits;
	st->pieces_left = split ? 1 : 2;
	if (split)
		queue_shards(s, idx);
	else
		s->in_flight++;
	s->opening--;
	pthread_cond_broadcast(&s->more);
	pthread_mutex_unlock(&s->lock);
	image_read_elf(&w->in, st->img);
	if (s->opts->want_code)
		code_read(&w->in, st->img);
	piece_done(w, idx, 0);
	if (!split) {
		whole.count = st->nunits;
		walk_units(w, whole);
		walk_done(s);
		pthread_mutex_unlock(&s->lock);
	}
}

/*
 * The only input is being opened by another thread: open it here too
 * meanwhile, to walk its units as soon as they are queued. A failure is
 * the opener's to report.
 */
static void open_early(struct worker *w)
{
	char *err = NULL;

	w->opened_early = true;
	if (!hold_input(w, 0, &err))
		free(err);
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct scan *s = w->scan;
	struct walk_job job;
	size_t idx;

	pthread_mutex_lock(&s->lock);
	for (;;) {
		if (w->retired) {
			break;
		} else if (s->njobs) {
			job = s->jobs[--s->njobs];
			s->in_flight++;
			pthread_mutex_unlock(&s->lock);
			walk_units(w, job);
			walk_done(s);
			continue;
		} else if (s->next_open < s->ninputs) {
			idx = s->next_open++;
			s->opening++;
			pthread_mutex_unlock(&s->lock);
			open_input(w, idx);
		} else if (s->opening || s->in_flight) {
			if (s->ninputs == 1 && !w->opened_early) {
				pthread_mutex_unlock(&s->lock);
				open_early(w);
				pthread_mutex_lock(&s->lock);
				continue;
			}
			/* idle: hold no input's memory while others work */
			if (w->in.dwfl && s->ninputs > 1) {
				pthread_mutex_unlock(&s->lock);
				input_close(&w->in);
				pthread_mutex_lock(&s->lock);
				continue;
			}
			pthread_cond_wait(&s->more, &s->lock);
			continue;
		} else {
			s->working--;
			break;
		}
		pthread_mutex_lock(&s->lock);
	}
	pthread_mutex_unlock(&s->lock);
	input_close(&w->in);
	return NULL;
}

void scan_inputs(const char *const *paths, size_t npaths,
		 const struct scan_opts *opts, image_done_fn done, void *arg)
{
	struct scan s = {
		.opts = opts, .done = done, .arg = arg, .ninputs = npaths,
	};
	int nthreads = opts->jobs > 0 ? opts->jobs : 1, i;
	struct worker *workers = xcalloc((size_t)nthreads, sizeof(*workers));
	pthread_t *threads = xcalloc((size_t)nthreads, sizeof(*threads));
	size_t k;

	s.inputs = xcalloc(npaths, sizeof(*s.inputs));
	for (k = 0; k < npaths; k++)
		s.inputs[k].path = paths[k];
	pthread_mutex_init(&s.lock, NULL);
	pthread_cond_init(&s.more, NULL);
	s.working = (size_t)nthreads;
	for (i = 0; i < nthreads; i++) {
		workers[i].scan = &s;
		if (i && pthread_create(&threads[i], NULL, worker_main,
					&workers[i])) {
			pthread_mutex_lock(&s.lock);
			s.working -= (size_t)(nthreads - i);
			pthread_mutex_unlock(&s.lock);
			nthreads = i;
			break;
		}
	}
	/* the calling thread works too */
	worker_main(&workers[0]);
	for (i = 1; i < nthreads; i++)
		pthread_join(threads[i], NULL);
	for (i = 0; i < nthreads; i++)
		walk_scratch_free(&workers[i].scratch);
	if (opts->progress && s.units_total)
		fputc('\n', stderr);
	pthread_cond_destroy(&s.more);
	pthread_mutex_destroy(&s.lock);
	free(s.jobs);
	free(s.inputs);
	free(workers);
	free(threads);
}
