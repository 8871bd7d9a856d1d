// SPDX-License-Identifier: GPL-2.0-only
#include "cli.h"

void command_usage(const struct options *o, FILE *out)
{
	if (o->cmd == CMD_REPORT) {
		report_usage(out);
		return;
	}
	if (o->cmd == CMD_WHATIF) {
		whatif_usage(out);
		return;
	}
	if (o->cmd == CMD_DENYLIST)
		denylist_usage(out);
	else if (o->cmd == CMD_PROBES)
		probes_usage(out);
	else if (o->cmd == CMD_SUFFIXES)
		suffixes_usage(out);
	else if (o->cmd == CMD_DIFF)
		diff_usage(out);
	else
		scan_usage(out);
}

static int parse_count(const char *arg, const char *what, int *out)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (*arg == '\0' || *end || v < 0 || v > 1000000) {
		fprintf(stderr, "inlscan: %s must be a number from 0 to 1000000, not '%s'\n",
			what, arg);
		return -1;
	}
	*out = (int)v;
	return 0;
}

/* More threads than CPUs only add libdw handles, each a copy's memory. */
static int parse_jobs(const char *arg, int *jobs)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (*arg == '\0' || *end || v < 1 || v > MAX_JOBS) {
		fprintf(stderr, "inlscan: --jobs must be a number from 1 to %d, not '%s'\n",
			MAX_JOBS, arg);
		return -1;
	}
	*jobs = (int)v;
	return 0;
}

enum {
	OPT_JSON = 256, OPT_SITES, OPT_ALL, OPT_TOP, OPT_DEBUG_FILE,
	OPT_BY_DIR, OPT_FORMAT, OPT_MIN_SITES, OPT_SCOPE, OPT_DIR,
	OPT_FAIL_ON, OPT_LIVEPATCH, OPT_CHANGED, OPT_DIFF, OPT_ALLOW_PARTIAL,
	OPT_CHECK_BPFTRACE, OPT_BOOT, OPT_GLOB, OPT_KERNEL, OPT_SYSROOT,
};

static const struct option longopts[] = {
	{ "jobs", required_argument, NULL, 'j' },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "sites", no_argument, NULL, OPT_SITES },
	{ "all", no_argument, NULL, OPT_ALL },
	{ "top", required_argument, NULL, OPT_TOP },
	{ "by-dir", required_argument, NULL, OPT_BY_DIR },
	{ "debug-file", required_argument, NULL, OPT_DEBUG_FILE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "min-sites", required_argument, NULL, OPT_MIN_SITES },
	{ "scope", required_argument, NULL, OPT_SCOPE },
	{ "dir", required_argument, NULL, OPT_DIR },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "livepatch", no_argument, NULL, OPT_LIVEPATCH },
	{ "changed", required_argument, NULL, OPT_CHANGED },
	{ "diff", required_argument, NULL, OPT_DIFF },
	{ "allow-partial", no_argument, NULL, OPT_ALLOW_PARTIAL },
	{ "check-bpftrace", no_argument, NULL, OPT_CHECK_BPFTRACE },
	{ "boot", no_argument, NULL, OPT_BOOT },
	{ "glob", required_argument, NULL, OPT_GLOB },
	{ "kernel", no_argument, NULL, OPT_KERNEL },
	{ "sysroot", required_argument, NULL, OPT_SYSROOT },
	{ "output", required_argument, NULL, 'o' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* Which commands take an option; the rest reject it. */
static unsigned int option_commands(int c)
{
	switch (c) {
	case OPT_JSON:
		return CMD_SCAN | CMD_SUFFIXES | CMD_DIFF | CMD_WHATIF;
	case OPT_BY_DIR:
		return CMD_SCAN | CMD_DIFF | CMD_WHATIF | CMD_REPORT;
	case OPT_DIFF:
		return CMD_REPORT;
	case OPT_TOP:
		return CMD_SCAN | CMD_WHATIF;
	case OPT_SITES:
	case OPT_ALL:
		return CMD_SCAN;
	case OPT_FAIL_ON:
	case OPT_LIVEPATCH:
	case OPT_CHANGED:
		return CMD_DIFF;
	case OPT_MIN_SITES:
	case OPT_SCOPE:
	case OPT_DIR:
	case OPT_BOOT:
	case OPT_GLOB:
		return CMD_DENYLIST;
	case OPT_FORMAT:
	case OPT_ALLOW_PARTIAL:
		return CMD_DENYLIST | CMD_PROBES;
	case OPT_CHECK_BPFTRACE:
		return CMD_PROBES;
	case OPT_KERNEL:
	case OPT_SYSROOT:
		return CMD_SCAN | CMD_DENYLIST | CMD_PROBES | CMD_SUFFIXES |
		       CMD_WHATIF | CMD_REPORT;
	}
	return CMD_SCAN | CMD_DENYLIST | CMD_PROBES | CMD_SUFFIXES | CMD_DIFF |
	       CMD_WHATIF | CMD_REPORT;
}

static int parse_fail_on(const char *arg, unsigned int *mask)
{
	static const struct {
		const char *name;
		unsigned int bit;
	} words[] = {
		{ "new-partial", FAIL_NEW_PARTIAL },
		{ "new-full", FAIL_NEW_FULL },
		{ "renamed", FAIL_RENAMED },
	};
	char *copy = xstrdup(arg), *save = NULL, *w;
	size_t i;
	int rc = 0;

	for (w = strtok_r(copy, ",", &save); w && !rc;
	     w = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < ARRAY_SIZE(words); i++)
			if (!strcmp(w, words[i].name))
				break;
		if (i < ARRAY_SIZE(words))
			*mask |= words[i].bit;
		else
			rc = -1;
	}
	free(copy);
	if (rc)
		fprintf(stderr, "inlscan diff: --fail-on takes new-partial, new-full or renamed, not '%s'\n",
			arg);
	return rc;
}

static void add_changed(struct options *o, const char *arg)
{
	char *copy = xstrdup(arg), *save = NULL, *w;

	for (w = strtok_r(copy, ",", &save); w;
	     w = strtok_r(NULL, ",", &save)) {
		o->changed = xrealloc(o->changed,
				      (o->nchanged + 1) * sizeof(*o->changed));
		o->changed[o->nchanged++] = xstrdup(w);
	}
	free(copy);
}

static int parse_scope(const char *arg, enum scope_filter *scope)
{
	if (!strcmp(arg, "any"))
		*scope = SCOPE_FILTER_ANY;
	else if (!strcmp(arg, "same_tu"))
		*scope = SCOPE_FILTER_SAME_TU;
	else if (!strcmp(arg, "cross_tu"))
		*scope = SCOPE_FILTER_CROSS_TU;
	else
		return -1;
	return 0;
}

static int apply_option(struct options *o, int c, const char *arg)
{
	int n;

	switch (c) {
	case 'j':
		return parse_jobs(arg, &o->scan.jobs);
	case OPT_JSON:
		o->json = true;
		return 0;
	case OPT_SITES:
		o->analyze.want_sites = true;
		o->render.sites = true;
		return 0;
	case OPT_ALL:
		o->render.outline = true;
		return 0;
	case OPT_TOP:
		return parse_count(arg, "--top", &o->render.top);
	case OPT_BY_DIR:
		return parse_count(arg, "--by-dir", &o->render.by_dir);
	case OPT_DEBUG_FILE:
		o->scan.debug_file = arg;
		return 0;
	case OPT_FORMAT:
		o->format = arg;
		return 0;
	case OPT_MIN_SITES:
		if (parse_count(arg, "--min-sites", &n))
			return -1;
		o->deny.min_sites = (size_t)n;
		return 0;
	case OPT_SCOPE:
		if (!parse_scope(arg, &o->deny.scope))
			return 0;
		fprintf(stderr, "inlscan: --scope is same_tu, cross_tu or any, not '%s'\n",
			arg);
		return -1;
	case OPT_DIR:
		o->deny.dir = arg;
		return 0;
	case OPT_FAIL_ON:
		return parse_fail_on(arg, &o->fail_on);
	case OPT_LIVEPATCH:
		o->livepatch = true;
		o->analyze.want_sites = true;
		return 0;
	case OPT_CHANGED:
		add_changed(o, arg);
		return 0;
	case OPT_DIFF:
		o->baseline = arg;
		return 0;
	case OPT_ALLOW_PARTIAL:
		o->allow_partial = true;
		return 0;
	case OPT_CHECK_BPFTRACE:
		o->check_bpftrace = true;
		return 0;
	case OPT_BOOT:
		o->boot = true;
		return 0;
	case OPT_GLOB:
		o->deny.glob = arg;
		return 0;
	case OPT_KERNEL:
		o->kernel = true;
		return 0;
	case OPT_SYSROOT:
		o->sysroot = arg;
		return 0;
	case 'o':
		o->output = arg;
		return 0;
	}
	return -1;
}

static int parse_format(struct options *o)
{
	if (!o->format)
		return 0;
	if (o->cmd == CMD_DENYLIST &&
	    !parse_deny_format(o->format, &o->deny_format))
		return 0;
	if (o->cmd == CMD_PROBES &&
	    !parse_probe_format(o->format, &o->probe_style.format))
		return 0;
	fprintf(stderr, "inlscan %s: unknown --format '%s'; see 'inlscan %s --help'\n",
		o->name, o->format, o->name);
	return -1;
}

int parse_options(int argc, char **argv, struct options *o)
{
	int c, index;

	while ((c = getopt_long(argc, argv, "j:o:h", longopts, &index)) !=
	       -1) {
		if (c == 'h') {
			command_usage(o, stdout);
			exit(0);
		}
		if (c == '?' || c == ':') {
			fprintf(stderr, "Try 'inlscan %s --help'.\n", o->name);
			return EXIT_USAGE;
		}
		if (!(option_commands(c) & o->cmd)) {
			fprintf(stderr, "inlscan %s: %s is not an option of this command; try 'inlscan %s --help'\n",
				o->name, argv[optind - 1], o->name);
			return EXIT_USAGE;
		}
		if (apply_option(o, c, optarg))
			return EXIT_USAGE;
	}
	return parse_format(o) ? EXIT_USAGE : 0;
}

int online_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (int)n;
}

/* Parse the options; at least min_args operands must follow. */
int start_command(int argc, char **argv, struct options *o,
		  int min_args)
{
	int status = parse_options(argc, argv, o);

	if (status)
		return status;
	/* scan with no input reads the running kernel */
	if (o->cmd == CMD_SCAN && optind == argc)
		o->kernel = true;
	if (o->sysroot && !o->kernel) {
		fprintf(stderr, "inlscan %s: --sysroot goes with --kernel\n",
			o->name);
		return EXIT_USAGE;
	}
	if (o->kernel)
		min_args--;
	if (argc - optind < min_args) {
		fprintf(stderr, "inlscan %s: %s; try 'inlscan %s --help'\n",
			o->name, optind >= argc ? "no input file" : "no function name",
			o->name);
		return EXIT_USAGE;
	}
	if (o->scan.jobs > online_cpus())
		o->scan.jobs = online_cpus();
	o->render.jobs = o->scan.jobs;
	o->operands = argv + optind;
	o->noperands = (size_t)(argc - optind);
	return 0;
}

void init_options(struct options *o, enum command cmd,
		  const char *name)
{
	memset(o, 0, sizeof(*o));
	o->cmd = cmd;
	o->name = name;
	o->scan.jobs = online_cpus();
	o->render.top = 20;
	o->render.by_dir = -1;
}
