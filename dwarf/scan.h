/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_SCAN_H
#define INLSCAN_SCAN_H

#include <stdbool.h>

#include "../common/records.h"

struct scan_opts {
	int jobs;		/* worker threads, >= 1 */
	const char *debug_file;	/* only with a single input */
	bool progress;		/* a progress line on stderr */
	bool want_code;		/* functions' code fingerprints (code.c) */
};

/*
 * Called once per input, from a worker thread, when all its units are
 * walked (img set, err NULL) or when it cannot be read (img NULL, err set).
 * The callee owns img and err.
 */
typedef void (*image_done_fn)(size_t index, struct image_rec *img, char *err,
			      void *arg);

/*
 * Walk every unit of every input with opts->jobs threads. Each thread opens
 * its own handle on an input, so libdw state is never shared.
 */
void scan_inputs(const char *const *paths, size_t npaths,
		 const struct scan_opts *opts, image_done_fn done, void *arg);

#endif
