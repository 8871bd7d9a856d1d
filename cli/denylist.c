// SPDX-License-Identifier: GPL-2.0-only
#include "cli.h"

void denylist_usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan denylist [OPTIONS] FILE|DIR|REPORT.json...\n"
		"\n"
		"Print the symbols, as available_filter_functions names them (clones and\n"
		"suffixed names included), whose trace is incomplete: the function is also\n"
		"inlined, and a tracer on the symbol misses those calls.\n"
		"\n");
	print_options(out, CMD_DENYLIST);
	fprintf(out,
		"\n"
		"Exit status: 0 ok, 1 an input could not be read or lacks something\n"
		"(without --allow-partial), 2 usage error.\n");
}

/*
 * The reports a deny-list is made of, first in res->reports: failed inputs
 * leave holes, and with a kernel among the inputs, what is not kernel
 * code (the vDSO under a modules tree) cannot go into a kernel file.
 * Those stay in res, after the count returned, to be freed with it.
 */
static size_t kernel_code_only(const struct options *o,
			       struct scan_results *res)
{
	struct report **r = res->reports, *t;
	bool kernel = false;
	size_t i, k = 0;

	for (i = 0; i < res->nreports; i++)
		kernel |= r[i] && r[i]->is_kernel;
	for (i = 0; i < res->nreports; i++) {
		if (!r[i])
			continue;
		if (kernel && !r[i]->is_kernel) {
			cli_err(o->name, "left out %s: not kernel code (no kernel module, not a vmlinux), so not for a kernel deny-list",
				shown(r[i]->path));
			continue;
		}
		t = r[k];
		r[k++] = r[i];
		r[i] = t;
	}
	return k;
}

/*
 * __init code is freed after boot: available_filter_functions no longer
 * lists it and set_ftrace_notrace refuses its names. Only a deny-list for
 * the boot command line (ftrace_notrace=) wants them.
 */
static size_t drop_init_code(const struct options *o, struct deny_entry *e,
			     size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (!e[i].init)
			e[k++] = e[i];
	if (k < n)
		cli_err(o->name, "left out %zu name%s in __init code, which the kernel frees after boot (set_ftrace_notrace would refuse them); --boot keeps them, for ftrace_notrace= on the kernel command line",
			n - k, n - k == 1 ? "" : "s");
	return k;
}

/* A probe list needs the functions never inlined too. */
static int every_function_listed(const struct options *o,
				 struct report *const *r, size_t n)
{
	size_t i, k, outline;

	for (i = 0; i < n; i++) {
		for (k = outline = 0; k < r[i]->nfunctions; k++)
			outline += r[i]->functions[k].status == STATUS_OUTLINE;
		if (outline >= r[i]->summary.functions_outline)
			continue;
		cli_err(o->name, "%s lists no outline functions, which a probe list needs; rerun 'inlscan scan --json --all'",
			shown(r[i]->path));
		return 1;
	}
	return 0;
}

/* Names a kernel file cannot carry are left out, never silently. */
static size_t say_refused(const struct options *o,
			  const struct deny_entry *e, size_t n)
{
	const char *why;
	size_t i, refused = 0;

	for (i = 0; i < n; i++) {
		why = deny_refusal(&e[i]);
		if (!why)
			continue;
		refused++;
		cli_err(o->name, "refused '%s'%s%s: the name %s",
			shown(e[i].symbol), e[i].module ? " in " : "", e[i].module ? shown(e[i].module) : "", why);
	}
	return refused;
}

int cmd_denylist(int argc, char **argv)
{
	struct options o;
	struct session s = { 0 };
	struct deny_entry *entries = NULL;
	struct attach_point *points = NULL;
	struct deny_view v = { 0 };
	struct output out = { 0 };
	size_t k;
	int status;

	init_options(&o, CMD_DENYLIST, "denylist");
	status = read_operands(argc, argv, &o, &s);
	if (!status && o.deny_format == DENY_BPFTRACE && !o.deny.glob) {
		cli_err("denylist", "--format bpftrace writes the probe list of a glob without the deny-list; give it with --glob 'PATTERN'");
		status = EXIT_USAGE;
	}
	if (any_report(&s.res) && status != EXIT_USAGE) {
		k = kernel_code_only(&o, &s.res);
		v.glob = o.deny.glob;
		v.n = denylist_select(s.res.reports, k, &o.deny, &entries);
		if (!o.boot)
			v.n = drop_init_code(&o, entries, v.n);
		v.entries = entries;
		if (o.deny_format == DENY_BPFTRACE)
			status |= every_function_listed(&o, s.res.reports, k);
		if (o.deny_format == DENY_BPFTRACE && !status)
			v.npoints = attach_points_select(s.res.reports, k,
							 v.glob, entries, v.n,
							 &points);
		v.points = points;
		if (o.deny_format != DENY_JSON)
			s.gaps += say_refused(&o, entries, v.n);
		if (status || !partial_accepted(o.name, s.gaps,
						o.allow_partial))
			status = 1;
		else
			status |= !open_output(&o, &out) ? 1 : output_close(
				&out, render_denylist(out.f, &v,
						      o.deny_format, o.pretty));
		free(entries);
		free(points);
	}
	session_end(&s);
	return command_end(&o, status, out.f != NULL);
}
