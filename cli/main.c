// SPDX-License-Identifier: GPL-2.0-only
/*
 * inlscan: which functions a symbol-based tracer cannot fully see because
 * the compiler inlined them, from the DWARF of a vmlinux, module or ELF.
 */
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analyzer/analyze.h"
#include "../common/util.h"
#include "../dwarf/scan.h"
#include "../report/render.h"
#include "inputs.h"

#define EXIT_USAGE 2

/* Everything the command line decides, passed down; no globals. */
struct options {
	bool json;
	const char *output;
	struct scan_opts scan;
	struct analyze_opts analyze;
	struct render_opts render;
};

struct collector {
	const struct analyze_opts *analyze;
	struct input_list *inputs;
	struct report **reports;
	char **errors;
};

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan [--version] [--help] COMMAND [OPTIONS] ...\n"
		"\n"
		"Commands:\n"
		"  scan FILE|DIR...   functions inlined at some sites yet still out-of-line\n"
		"                     (partial), fully inlined (full), cross-TU inlining (LTO)\n"
		"  help               this text\n"
		"\n"
		"Run 'inlscan COMMAND --help' for a command's options.\n");
}

static void scan_usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan scan [OPTIONS] FILE|DIR...\n"
		"\n"
		"Read the DWARF of each ELF file (vmlinux, .ko, .o, executable, shared\n"
		"library; every ELF file under a DIR) and classify every function by name:\n"
		"  partial  inlined at >= 1 site and still has an out-of-line copy\n"
		"  full     inlined, no out-of-line copy (invisible to symbol tracers)\n"
		"  outline  out-of-line only (listed with --all)\n"
		"\n"
		"Options:\n"
		"  -j, --jobs N         worker threads (default: online CPUs)\n"
		"      --json           JSON output, schema inlscan/1 (docs/json.md)\n"
		"      --sites          list every inline site with a probe spec\n"
		"      --all            list outline functions too\n"
		"      --top N          text: show the top N partial functions (default 20)\n"
		"      --debug-file F   read DWARF from F (one input only)\n"
		"  -o, --output FILE    write to FILE instead of stdout\n"
		"  -h, --help           this text\n"
		"\n"
		"Exit status: 0 ok, 1 an input could not be read, 2 usage error.\n");
}

static int parse_count(const char *arg, const char *what, int *out)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (*arg == '\0' || *end || v < 0 || v > 4096) {
		fprintf(stderr, "inlscan: %s must be a number from 0 to 4096, not '%s'\n",
			what, arg);
		return -1;
	}
	*out = (int)v;
	return 0;
}

static int parse_scan_options(int argc, char **argv, struct options *o)
{
	enum { OPT_JSON = 256, OPT_SITES, OPT_ALL, OPT_TOP, OPT_DEBUG_FILE };
	static const struct option longopts[] = {
		{ "jobs", required_argument, NULL, 'j' },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "sites", no_argument, NULL, OPT_SITES },
		{ "all", no_argument, NULL, OPT_ALL },
		{ "top", required_argument, NULL, OPT_TOP },
		{ "debug-file", required_argument, NULL, OPT_DEBUG_FILE },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "j:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'j':
			if (parse_count(optarg, "--jobs", &o->scan.jobs))
				return EXIT_USAGE;
			if (!o->scan.jobs)
				o->scan.jobs = 1;
			break;
		case OPT_JSON:
			o->json = true;
			break;
		case OPT_SITES:
			o->analyze.want_sites = true;
			o->render.sites = true;
			break;
		case OPT_ALL:
			o->render.outline = true;
			break;
		case OPT_TOP:
			if (parse_count(optarg, "--top", &o->render.top))
				return EXIT_USAGE;
			break;
		case OPT_DEBUG_FILE:
			o->scan.debug_file = optarg;
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'h':
			scan_usage(stdout);
			exit(0);
		default:
			fprintf(stderr, "Try 'inlscan scan --help'.\n");
			return EXIT_USAGE;
		}
	}
	return 0;
}

static void on_image(size_t index, struct image_rec *img, char *err,
		     void *arg)
{
	struct collector *c = arg;

	if (err) {
		c->errors[index] = err;
		return;
	}
	c->reports[index] = analyze_image(img, c->analyze);
	image_rec_free(img);
	free(img);
}

static int write_results(const struct options *o,
			 const struct scan_results *res)
{
	FILE *out = stdout;
	int rc;

	if (o->output) {
		out = fopen(o->output, "w");
		if (!out) {
			fprintf(stderr, "inlscan: cannot write %s: %m\n",
				o->output);
			return 1;
		}
	}
	rc = o->json ? render_json(out, res, &o->render)
		     : render_text(out, res, &o->render);
	if (out != stdout && fclose(out))
		rc = -1;
	if (rc)
		fprintf(stderr, "inlscan: writing %s failed\n",
			o->output ? o->output : "output");
	return rc ? 1 : 0;
}

/* Collect what scanned and say what did not; explicit inputs must work. */
static int gather(struct collector *c, struct scan_results *res)
{
	size_t i, cap = 0;
	int status = 0;

	res->reports = c->reports;
	res->nreports = c->inputs->n;
	for (i = 0; i < c->inputs->n; i++) {
		if (!c->errors[i])
			continue;
		fprintf(stderr, "inlscan: %s%s\n",
			c->inputs->from_dir[i] ? "skipped: " : "",
			c->errors[i]);
		if (!c->inputs->from_dir[i])
			status = 1;
		grow_array((void **)&res->skipped, &cap, res->nskipped + 1,
			   sizeof(*res->skipped));
		res->skipped[res->nskipped].path = c->inputs->paths[i];
		res->skipped[res->nskipped++].error = c->errors[i];
	}
	return status;
}

static int cmd_scan(int argc, char **argv)
{
	struct options o = {
		.scan.jobs = (int)sysconf(_SC_NPROCESSORS_ONLN),
		.render.top = 20,
	};
	struct input_list inputs = { 0 };
	struct collector c = { .analyze = &o.analyze, .inputs = &inputs };
	struct scan_results res = { 0 };
	int status;
	size_t i;

	status = parse_scan_options(argc, argv, &o);
	if (status)
		return status;
	if (optind >= argc) {
		fprintf(stderr, "inlscan scan: no input file; try 'inlscan scan --help'\n");
		return EXIT_USAGE;
	}
	if (o.scan.jobs < 1)
		o.scan.jobs = 1;
	input_list_expand(&inputs, argv + optind, (size_t)(argc - optind));
	if (!inputs.n) {
		fprintf(stderr, "inlscan: no ELF files found in %s\n",
			argv[optind]);
		return 1;
	}
	if (o.scan.debug_file && inputs.n > 1) {
		fprintf(stderr, "inlscan scan: --debug-file needs exactly one input\n");
		input_list_free(&inputs);
		return EXIT_USAGE;
	}
	o.scan.progress = isatty(STDERR_FILENO);
	c.reports = xcalloc(inputs.n, sizeof(*c.reports));
	c.errors = xcalloc(inputs.n, sizeof(*c.errors));
	scan_inputs((const char *const *)inputs.paths, inputs.n, &o.scan,
		    on_image, &c);
	status = gather(&c, &res);
	if (res.nskipped < inputs.n && write_results(&o, &res))
		status = 1;
	for (i = 0; i < inputs.n; i++) {
		report_free(c.reports[i]);
		free(c.errors[i]);
	}
	free(c.reports);
	free(c.errors);
	free(res.skipped);
	input_list_free(&inputs);
	return status;
}

int main(int argc, char **argv)
{
	const char *cmd;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	cmd = argv[1];
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
		printf("inlscan %s\n", INLSCAN_VERSION);
		return 0;
	}
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") ||
	    !strcmp(cmd, "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(cmd, "scan"))
		return cmd_scan(argc - 1, argv + 1);
	fprintf(stderr, "inlscan: unknown command '%s'; try 'inlscan --help'\n",
		cmd);
	return EXIT_USAGE;
}
