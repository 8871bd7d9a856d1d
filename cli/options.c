// SPDX-License-Identifier: GPL-2.0-only
#include "cli.h"

void command_usage(const struct options *o, FILE *out)
{
	command_of(o->cmd)->usage(out);
}

static int parse_count(const char *arg, const char *what, int *out)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (*arg == '\0' || *end || v < 0 || v > 1000000) {
		cli_err(NULL, "%s must be a number from 0 to 1000000, not '%s'",
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
		cli_err(NULL, "--jobs must be a number from 1 to %d, not '%s'",
			MAX_JOBS, arg);
		return -1;
	}
	*jobs = (int)v;
	return 0;
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
		cli_err("diff", "--fail-on takes new-partial, new-full or renamed, not '%s'",
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
		cli_err(NULL, "--scope is same_tu, cross_tu or any, not '%s'",
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
		o->scan.want_code = true;
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
	case 'p':
		o->pretty = true;
		o->render.pretty = true;
		o->probe_style.pretty = true;
		return 0;
	}
	return -1;
}

enum json_style json_style_of(const struct options *o)
{
	if (!o->json)
		return JSON_STYLE_OFF;
	return o->pretty ? JSON_STYLE_PRETTY : JSON_STYLE_COMPACT;
}

/* denylist and probes: --json is --format json. */
static int parse_format(struct options *o)
{
	if (!(o->cmd & (CMD_DENYLIST | CMD_PROBES)))
		return 0;
	if (o->json && o->format && strcmp(o->format, "json")) {
		cli_err(o->name, "--json and --format %s say two things; give one",
			o->format);
		return -1;
	}
	if (o->json)
		o->format = "json";
	if (!o->format)
		return 0;
	if (o->cmd == CMD_DENYLIST &&
	    !parse_deny_format(o->format, &o->deny_format))
		return 0;
	if (o->cmd == CMD_PROBES &&
	    !parse_probe_format(o->format, &o->probe_style.format))
		return 0;
	cli_err(o->name, "unknown --format '%s'; see 'inlscan %s --help'",
		o->format, o->name);
	return -1;
}

int parse_options(int argc, char **argv, struct options *o)
{
	const struct option *longopts = option_longopts();
	int c, index = -1;

	while ((c = getopt_long(argc, argv, option_shorts(), longopts,
				&index)) != -1) {
		if (c == 'h') {
			command_usage(o, stdout);
			exit(0);
		}
		if (c == '?' || c == ':') {
			fprintf(stderr, "Try 'inlscan %s --help'.\n", o->name);
			return EXIT_USAGE;
		}
		/* named as given: --name for a long option, -c for a short */
		if (!(option_commands(c) & o->cmd)) {
			if (index >= 0)
				cli_err(o->name, "--%s is not an option of this command; try 'inlscan %s --help'",
					longopts[index].name, o->name);
			else
				cli_err(o->name, "-%c is not an option of this command; try 'inlscan %s --help'",
					c, o->name);
			return EXIT_USAGE;
		}
		if (apply_option(o, c, optarg))
			return EXIT_USAGE;
		index = -1;
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
		cli_err(o->name, "--sysroot goes with --kernel");
		return EXIT_USAGE;
	}
	if (o->kernel)
		min_args--;
	if (argc - optind < min_args) {
		cli_err(o->name, "%s; try 'inlscan %s --help'",
			optind >= argc ? "no input file" : "no function name", o->name);
		return EXIT_USAGE;
	}
	finish_options(o, argv + optind, (size_t)(argc - optind));
	return 0;
}

void finish_options(struct options *o, char **operands, size_t n)
{
	if (o->scan.jobs > online_cpus())
		o->scan.jobs = online_cpus();
	o->render.jobs = o->scan.jobs;
	o->operands = operands;
	o->noperands = n;
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
