// SPDX-License-Identifier: GPL-2.0-only
#include "cli.h"

void probes_usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan probes [OPTIONS] FILE|REPORT.json|--kernel FUNC...\n"
		"\n"
		"Every place each FUNC's code runs: the entry of each out-of-line copy and\n"
		"of each inline site in every unit (LTO's cross-unit sites included), as\n"
		"symbol+offset within the symbol that holds it. Points the kernel would\n"
		"refuse (no ftrace entry in the holding function without\n"
		"CONFIG_KPROBE_EVENTS_ON_NOTRACE, or nokprobe code) are printed as\n"
		"comments that say why. A REPORT.json must come from 'scan --json --sites'.\n"
		"\n");
	print_options(out, CMD_PROBES);
	fprintf(out,
		"\n"
		"Exit status: 0 ok, 1 an input could not be read or a FUNC is not in it,\n"
		"2 usage error.\n");
}

static int probe_sets(struct report *r, char **names, size_t n,
		      struct probe_set *sets)
{
	size_t i;
	int status = 0;

	for (i = 0; i < n; i++) {
		sets[i].r = r;
		sets[i].fn = report_function(r, names[i]);
		if (!sets[i].fn) {
			cli_err("probes", "no function '%s' with code or inline sites in %s",
				shown(names[i]), shown(r->path));
			status = 1;
			continue;
		}
		sets[i].n = probe_points(r, sets[i].fn, &sets[i].points);
	}
	return status;
}

static int write_probes(const struct options *o, struct report *r,
			char **names, size_t n, bool *wrote)
{
	struct probe_set *sets = xcalloc(n + 1, sizeof(*sets));
	size_t i, k = 0;
	int status = probe_sets(r, names, n, sets);
	struct output out = { 0 };

	for (i = 0; i < n; i++)
		if (sets[i].fn)
			sets[k++] = sets[i];
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
 * A function named twice would get its events twice, and the kernel
 * refuses the second of each.
 */
static size_t unique_names(char **names, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (!k || strcmp(names[k - 1], names[i]))
			names[k++] = names[i];
	return k;
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
	sort_array(names, n, sizeof(*names), compare_strings);
	n = unique_names(names, n);
	o.analyze.want_sites = true;
	o.analyze.site_names = (const char *const *)names;
	o.analyze.nsite_names = n;
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
	return command_end(&o, status, wrote);
}
