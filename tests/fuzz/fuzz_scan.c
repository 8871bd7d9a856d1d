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
#include "../../report/compare.h"
#include "../../report/load.h"
#include "../../report/render.h"
#include "../../report/tracer.h"

static FILE *sink;

static void render_all(struct report *r)
{
	struct scan_results res = { .reports = &r, .nreports = 1 };
	struct render_opts opts = { .sites = true, .outline = true, .top = 5,
				    .by_dir = 1 };
	struct deny_entry *deny;
	struct probe_point *points;
	struct livepatch_view lp;
	struct comparison cmp;
	size_t n;

	render_json(sink, &res, &opts);
	render_text(sink, &res, &opts);
	render_suffixes(sink, r, false);
	n = denylist_select(&r, 1, &(struct deny_filter){ 0 }, &deny);
	render_denylist(sink, deny, n, DENY_PLAIN);
	free(deny);
	if (r->nfunctions) {
		n = probe_points(r, &r->functions[0], &points);
		free(points);
	}
	compare_reports(r, r, &cmp);
	comparison_free(&cmp);
	livepatch_compare(r, r, NULL, 0, &lp);
	livepatch_free(&lp);
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
	struct report **reports = NULL;
	size_t n = 0, i;
	char *err;

	report_load_json(path, &reports, &n, &err);
	free(err);
	for (i = 0; i < n; i++) {
		render_all(reports[i]);
		report_free(reports[i]);
	}
	free(reports);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scan_opts opts = { .jobs = 1 };
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
