// SPDX-License-Identifier: GPL-2.0-only
#include "cli.h"

#include <sys/stat.h>

#include "../report/show.h"

void show_usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan show [OPTIONS] FUNC|GLOB... [FILE|DIR|REPORT.json]\n"
		"\n"
		"One function's whole story: its status and what a tracer attached by\n"
		"name misses, every out-of-line copy (symbol, clone kind, address, size,\n"
		"ftrace entry, kprobes), every inline site grouped by caller with its\n"
		"file:line, same-TU or cross-TU, the calls a trace on the symbol sees\n"
		"and those it misses, and the probe lines that cover them all. FUNC may\n"
		"be a glob ('folio_*', quoted) or a copy's symbol (folio_put.constprop.0,\n"
		"foo.llvm.123). Without a FILE, DIR or REPORT.json last: the running\n"
		"kernel (--kernel). A REPORT.json must come from 'scan --json --sites'.\n"
		"\n");
	print_options(out, CMD_SHOW);
	fprintf(out,
		"\n"
		"Exit status: 0 ok, 1 an input could not be read or a FUNC is not in it,\n"
		"2 usage error.\n");
}

/* The last operand is the input if it names a file: names hold no '/'. */
static const char *input_operand(char **ops, size_t n)
{
	struct stat st;

	if (n < 2)
		return NULL;
	if (!stat(ops[n - 1], &st) || strchr(ops[n - 1], '/'))
		return ops[n - 1];
	return NULL;
}

static int read_show_inputs(struct options *o, char *input,
			    struct session *s)
{
	size_t nk;
	int status;

	if (!o->kernel)
		return read_inputs(o, &input, 1, s);
	status = kernel_inputs(o, s, false, &nk) ? 1 :
		 read_inputs(o, s->kernel_paths, 1, s);
	if (!status)
		apply_runtime(o, s);
	return status;
}

/* The items of every report; a pattern that names nothing is said. */
static size_t show_items(struct session *s, char **patterns, size_t n,
			 struct show_item **items, int *status)
{
	const struct function **fns;
	const char *unmatched;
	struct report *r;
	size_t i, k, nfns, count = 0, cap = 0, found = 0;
	struct show_item *it;

	*items = NULL;
	for (i = 0; i < s->res.nreports; i++) {
		r = s->res.reports[i];
		if (!r)
			continue;
		if (!r->sites_listed) {
			cli_err("show", "%s was written without inline sites; rerun 'inlscan scan --json --sites'",
				shown(r->path));
			*status = 1;
			continue;
		}
		nfns = select_functions(r, (const char *const *)patterns, n,
					&fns, &unmatched);
		found += !unmatched;
		for (k = 0; k < nfns; k++) {
			it = ARRAY_PUSH(*items, count, cap);
			memset(it, 0, sizeof(*it));
			it->set.r = r;
			it->set.fn = fns[k];
			it->set.n = probe_points(r, fns[k], &it->set.points);
		}
		free(fns);
	}
	if (!found && !*status) {
		cli_err("show", "not every FUNC names a function with code or inline sites in the input; 'inlscan scan' lists them");
		*status = 1;
	}
	return count;
}

int cmd_show(int argc, char **argv)
{
	struct options o;
	struct session s = { 0 };
	struct site_patterns patterns = { 0 };
	struct output out = { 0 };
	struct show_item *items = NULL;
	char *input, **ops;
	size_t i, n, nitems = 0;
	int status;

	init_options(&o, CMD_SHOW, "show");
	status = parse_options(argc, argv, &o);
	ops = argv + optind;
	n = (size_t)(argc - optind);
	if (!status && !n) {
		cli_err("show", "no function name; try 'inlscan show --help'");
		status = EXIT_USAGE;
	}
	if (status)
		return command_end(&o, status, false);
	input = o.kernel ? NULL : (char *)input_operand(ops, n);
	if (input)
		n--;
	else
		o.kernel = true;
	finish_options(&o, ops, n + (input != NULL));
	sites_for_patterns(&o, ops, n, &patterns);
	status = read_show_inputs(&o, input, &s);
	if (status != EXIT_USAGE && any_report(&s.res) &&
	    partial_accepted(o.name, s.gaps, o.allow_partial))
		nitems = show_items(&s, ops, n, &items, &status);
	if (nitems)
		status |= !open_output(&o, &out) ? 1 : output_close(
			&out, render_show(out.f, items, nitems, &o.probe_style,
					  json_style_of(&o)));
	for (i = 0; i < nitems; i++)
		free(items[i].set.points);
	free(items);
	session_end(&s);
	sites_free(&patterns);
	return command_end(&o, status, out.f != NULL);
}
