/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_ANALYZE_H
#define INLSCAN_ANALYZE_H

#include "../common/records.h"
#include "model.h"

struct analyze_opts {
	bool want_sites;	/* fill function.site_list */
	/* with want_sites: only for these names (sorted) and the names
	 * these fnmatch globs match, or all if both are NULL */
	const char *const *site_names;
	size_t nsite_names;
	const char *const *site_globs;
	size_t nsite_globs;
	/* threads for one image's join and analysis (one partition of
	 * names each, at most 64), 0 or 1: none; same result for any */
	int jobs;
};

/* Whether o asks for the site list of the function called name. */
bool analyze_wants_sites(const struct analyze_opts *o, const char *name);

/* Pure: reads img, returns a model the caller frees with report_free. */
struct report *analyze_image(const struct image_rec *img,
			     const struct analyze_opts *opts);

#endif
