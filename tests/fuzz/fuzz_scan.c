// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target over the whole path an input takes: bytes in a file,
 * then either the DWARF walk, analysis and every renderer, or (for input
 * starting with '{') the report loader and the same renderers.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../analyzer/analyze.h"
#include "../../analyzer/compare.h"
#include "../../dwarf/scan.h"
#include "../../analyzer/whatif.h"
#include "../../report/compare.h"
#include "../../report/livepatch.h"
#include "../../report/html.h"
#include "../../report/load.h"
#include "../../report/render.h"
#include "../../report/tracer.h"
#include "../../report/whatif.h"

/* Functions whose probe points every format renders. */
#define PROBED_FUNCTIONS 4

static FILE *sink;

static void render_tracer_outputs(struct report *r)
{
	struct probe_set sets[PROBED_FUNCTIONS];
	struct deny_view v = { .glob = "*" };
	struct attach_point *points;
	struct deny_entry *deny;
	size_t n, i, nsets = 0;
	int f;

	n = denylist_select(&r, 1, &(struct deny_filter){ 0 }, &deny);
	v.entries = deny;
	v.n = n;
	v.npoints = attach_points_select(&r, 1, "*", deny, n, &points);
	v.points = points;
	for (f = DENY_FTRACE; f <= DENY_JSON; f++)
		render_denylist(sink, &v, (enum deny_format)f, f & 1);
	free(points);
	for (i = 0; i < n; i++)
		deny_refusal(&deny[i]);
	free(deny);
	for (i = 0; i < r->nfunctions && nsets < PROBED_FUNCTIONS; i++) {
		sets[nsets].r = r;
		sets[nsets].fn = &r->functions[i];
		sets[nsets].n = probe_points(r, &r->functions[i],
					     &sets[nsets].points);
		nsets++;
	}
	for (f = PROBES_KPROBE; f <= PROBES_JSON; f++) {
		struct probe_style style = { .format = (enum probe_format)f,
					     .bpftrace_offsets = f & 1 };

		render_probes(sink, sets, nsets, &style);
	}
	for (i = 0; i < nsets; i++)
		free(sets[i].points);
}

static void render_comparisons(struct report *r)
{
	struct diff_view d = { .old = r, .new = r, .by_dir = 1 };
	const char *changed = r->nfunctions ? r->functions[0].name : NULL;
	struct livepatch_view lp;
	struct whatif w;

	compare_reports(r, r, &d.cmp);
	d.ndirs = compare_dirs(r, r, 1, &d.dirs);
	render_diff(sink, &d, false);
	render_diff(sink, &d, JSON_STYLE_PRETTY);
	comparison_free(&d.cmp);
	free(d.dirs);
	livepatch_compare(r, r, changed ? &changed : NULL, changed ? 1 : 0,
			  &lp);
	render_livepatch(sink, r, r, &lp, false);
	render_livepatch(sink, r, r, &lp, true);
	livepatch_free(&lp);
	whatif_compute(r, 1, &w);
	render_whatif(sink, r, &w, 5, false);
	render_whatif(sink, r, &w, 5, JSON_STYLE_PRETTY);
	whatif_free(&w);
}

static void render_all(struct report *r)
{
	struct scan_results res = { .reports = &r, .nreports = 1 };
	struct render_opts opts = { .sites = true, .outline = true, .top = 5,
				    .by_dir = 1 };

	render_json(sink, &res, &opts);
	render_text(sink, &res, &opts);
	render_suffixes(sink, r, false);
	render_suffixes(sink, r, true);
	render_html(sink, r, r, 1);
	render_tracer_outputs(r);
	render_comparisons(r);
}

static void on_image(size_t index, struct image_rec *img, char *err,
		     void *arg)
{
	/* two partitions: corrupt DWARF through the threaded analysis too */
	struct analyze_opts opts = { .want_sites = true, .jobs = 2 };
	struct report *r;

	(void)index;
	(void)arg;
	if (err) {
		free(err);
		return;
	}
	r = analyze_image(img, &opts);
	image_rec_free(img);
	free(img);
	render_all(r);
	report_free(r);
}

static void load_and_render(const char *path)
{
	/* every site decoded: the loader's whole path */
	const struct analyze_opts load_all = { .want_sites = true };
	struct report **reports = NULL;
	size_t n = 0, i;
	char *err;

	report_load_json(path, &load_all, &reports, &n, &err);
	free(err);
	for (i = 0; i < n; i++) {
		render_all(reports[i]);
		report_free(reports[i]);
	}
	free(reports);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* one thread or two, by the input's length: both walks are fuzzed */
	struct scan_opts opts = { .jobs = 1 + (int)(size & 1) };
	const char *paths[1];
	char path[64];
	int fd;

	if (!sink)
		sink = fopen("/dev/null", "w");
	fd = memfd_create("inlscan-fuzz", 0);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	paths[0] = path;
	if (report_file_is_json(path))
		load_and_render(path);
	else
		scan_inputs(paths, 1, &opts, on_image, NULL);
	close(fd);
	return 0;
}
