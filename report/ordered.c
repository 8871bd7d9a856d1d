// SPDX-License-Identifier: GPL-2.0-only
#include "ordered.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

#include "../common/util.h"

#define AHEAD_PER_THREAD 4

struct pipeline {
	const struct ordered_pieces *p;
	bool *done;
	size_t next_render, next_write, ahead;
	pthread_mutex_t lock;
	pthread_cond_t change;
};

/*
 * Take the next piece to render, if one is within `ahead` of the writer,
 * render it and mark it done. Called and returns with the lock held.
 */
static bool render_next(struct pipeline *pl)
{
	size_t k;

	if (pl->next_render >= pl->p->n ||
	    pl->next_render >= pl->next_write + pl->ahead)
		return false;
	k = pl->next_render++;
	pthread_mutex_unlock(&pl->lock);
	pl->p->render(pl->p->ctx, k);
	pthread_mutex_lock(&pl->lock);
	pl->done[k] = true;
	pthread_cond_broadcast(&pl->change);
	return true;
}

/* A helper: renders pieces in order until none is left. */
static void *render_pieces(void *arg)
{
	struct pipeline *pl = arg;

	pthread_mutex_lock(&pl->lock);
	while (pl->next_render < pl->p->n)
		if (!render_next(pl))
			pthread_cond_wait(&pl->change, &pl->lock);
	pthread_mutex_unlock(&pl->lock);
	return NULL;
}

/*
 * The writer renders too while the piece it is to write is not ready:
 * with jobs threads in all, none waits while there is a piece to render.
 */
static int write_pieces(FILE *out, struct pipeline *pl)
{
	int rc = 0;
	size_t k;

	for (k = 0; k < pl->p->n; k++) {
		pthread_mutex_lock(&pl->lock);
		while (!pl->done[k])
			if (!render_next(pl))
				pthread_cond_wait(&pl->change, &pl->lock);
		pthread_mutex_unlock(&pl->lock);
		rc |= pl->p->write(pl->p->ctx, k, out);
		pthread_mutex_lock(&pl->lock);
		pl->next_write++;
		pthread_cond_broadcast(&pl->change);
		pthread_mutex_unlock(&pl->lock);
	}
	return rc;
}

int write_ordered(FILE *out, const struct ordered_pieces *p, int jobs)
{
	struct pipeline pl = { .p = p };
	pthread_t *threads;
	int started = 0, rc;

	if (jobs < 1)
		jobs = 1;
	threads = xcalloc((size_t)jobs, sizeof(*threads));
	pl.done = xcalloc(p->n + 1, sizeof(*pl.done));
	pl.ahead = (size_t)jobs * AHEAD_PER_THREAD;
	pthread_mutex_init(&pl.lock, NULL);
	pthread_cond_init(&pl.change, NULL);
	/* jobs - 1 helpers, one less than pieces: the writer renders too */
	while (started < jobs - 1 && (size_t)started + 1 < p->n &&
	       !pthread_create(&threads[started], NULL, render_pieces, &pl))
		started++;
	rc = write_pieces(out, &pl);
	while (started-- > 0)
		pthread_join(threads[started], NULL);
	pthread_cond_destroy(&pl.change);
	pthread_mutex_destroy(&pl.lock);
	free(pl.done);
	free(threads);
	return rc ? -1 : 0;
}
