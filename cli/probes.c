// SPDX-License-Identifier: GPL-2.0-only
#include "cli.h"

void probes_usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan probes [OPTIONS] FILE|REPORT.json|--kernel FUNC|GLOB...\n"
		"\n"
		"Every place each FUNC's code runs: the entry of each out-of-line copy and\n"
		"of each inline site in every unit (LTO's cross-unit sites included), as\n"
		"symbol+offset within the symbol that holds it. Points the kernel would\n"
		"refuse (no ftrace entry in the holding function without\n"
		"CONFIG_KPROBE_EVENTS_ON_NOTRACE, or nokprobe code) are printed as\n"
		"comments that say why. A REPORT.json must come from 'scan --json --sites'.\n"
		"FUNC may be a glob ('folio_*', quoted) or the symbol of a copy\n"
		"(folio_put.constprop.0, foo.llvm.123): its function is probed.\n"
		"\n");
	print_options(out, CMD_PROBES);
	fprintf(out,
		"\n"
		"Exit status: 0 ok, 1 an input could not be read or a FUNC is not in it,\n"
		"2 usage error.\n");
}

/* The sets of the functions the patterns name; every pattern must. */
static size_t probe_sets(struct report *r, char **patterns, size_t n,
			 struct probe_set **sets, int *status)
{
	const struct function **fns;
	const char *unmatched;
	size_t i, k = select_functions(r, (const char *const *)patterns, n,
				       &fns, &unmatched);

	if (unmatched) {
		cli_err("probes", "no function '%s' with code or inline sites in %s",
			shown(unmatched), shown(r->path));
		*status = 1;
	}
	*sets = xcalloc(k + 1, sizeof(**sets));
	for (i = 0; i < k; i++) {
		(*sets)[i].r = r;
		(*sets)[i].fn = fns[i];
		(*sets)[i].n = probe_points(r, fns[i], &(*sets)[i].points);
	}
	free(fns);
	return k;
}

static int write_probes(const struct options *o, struct report *r,
			char **patterns, size_t n, bool *wrote)
{
	struct probe_set *sets;
	int status = 0;
	size_t i, k = probe_sets(r, patterns, n, &sets, &status);
	struct output out = { 0 };

	if (k)
		status |= !open_output(o, &out) ? 1 : output_close(
			&out, render_probes(out.f, sets, k, &o->probe_style));
	*wrote = out.f != NULL;
	for (i = 0; i < k; i++)
		free(sets[i].points);
	free(sets);
	return status;
}

/*
 * kprobe_events lines for a kernel, uprobe_events lines for anything
 * else, unless --format says; what bpftrace can take, if asked.
 */
static int choose_probe_style(struct options *o, const struct report *r)
{
	if (!o->format)
		o->probe_style.format = r->is_kernel ? PROBES_KPROBE
						     : PROBES_UPROBE;
	if (o->probe_style.format == PROBES_UPROBE && r->is_kernel) {
		cli_err("probes", "%s is a kernel image: uprobes are for user space; use --format kprobe",
			shown(r->path));
		return -1;
	}
	if (!o->check_bpftrace)
		return 0;
	if (o->probe_style.format != PROBES_BPFTRACE) {
		cli_err("probes", "--check-bpftrace goes with --format bpftrace");
		return -1;
	}
	return bpftrace_check(&o->probe_style.bpftrace_offsets);
}

int cmd_probes(int argc, char **argv)
{
	struct options o;
	struct session s = { 0 };
	struct report *r;
	char **names;
	struct site_patterns patterns;
	size_t n, nk;
	bool wrote = false;
	int status;

	init_options(&o, CMD_PROBES, "probes");
	status = start_command(argc, argv, &o, 2);
	if (status)
		return command_end(&o, status, false);
	/* with --kernel every operand is a function name */
	names = argv + optind + !o.kernel;
	n = (size_t)(argc - optind - !o.kernel);
	sites_for_patterns(&o, names, n, &patterns);
	if (o.kernel) {
		status = kernel_inputs(&o, &s, false, &nk) ? 1 :
			 read_inputs(&o, s.kernel_paths, 1, &s);
		if (!status)
			apply_runtime(&o, &s);
	}
	else
		status = read_inputs(&o, argv + optind, 1, &s);
	r = s.res.nreports == 1 ? s.res.reports[0] : NULL;
	if (status == EXIT_USAGE || !r) {
		if (s.res.nreports > 1 && status != EXIT_USAGE) {
			cli_err("probes", "give one image or one single-image REPORT.json");
			status = EXIT_USAGE;
		}
	} else if (!r->sites_listed) {
		cli_err("probes", "%s was written without inline sites; rerun 'inlscan scan --json --sites'",
			shown(r->path));
		status = 1;
	} else if (!partial_accepted(o.name, s.gaps, o.allow_partial) ||
		   choose_probe_style(&o, r)) {
		status = 1;
	} else {
		status |= write_probes(&o, r, names, n, &wrote);
	}
	session_end(&s);
	sites_free(&patterns);
	return command_end(&o, status, wrote);
}
