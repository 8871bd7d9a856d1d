// SPDX-License-Identifier: GPL-2.0-only
#include "cli.h"

void report_usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan report [OPTIONS] FILE|REPORT.json\n"
		"\n"
		"Write one self-contained HTML page (no network, no external assets):\n"
		"headline figures, partial and full functions by declaration directory,\n"
		"inline sites per function, and a sortable, filterable table of functions,\n"
		"partial first by inline sites, where a row opens its copies and sites.\n"
		"Open it with #filter=TEXT&sort=COLUMN&show=FUNC to start filtered, sorted\n"
		"(a column's name or index; -COLUMN reverses) and with FUNC open.\n"
		"\n");
	print_options(out, CMD_REPORT);
	fprintf(out,
		"\n"
		"Exit status: 0 ok, 1 an input could not be read, 2 usage error.\n");
}

int cmd_report(int argc, char **argv)
{
	struct options o;
	struct session s = { 0 }, base = { 0 };
	struct report *r = NULL, *old = NULL;
	struct output out;
	size_t nk;
	int status;

	init_options(&o, CMD_REPORT, "report");
	o.render.by_dir = 1;
	/* each row opens its sites */
	o.analyze.want_sites = true;
	status = start_command(argc, argv, &o, 1);
	if (!status && argc - optind != !o.kernel) {
		cli_err("report", "give one ELF file, one single-image REPORT.json, or --kernel");
		status = EXIT_USAGE;
	}
	if (!status && o.kernel && kernel_inputs(&o, &s, false, &nk))
		status = 1;
	if (!status)
		r = read_side(&o, o.kernel ? s.kernel_paths[0] : argv[optind],
			      &s, &status);
	if (r && o.baseline)
		old = read_side(&o, (char *)o.baseline, &base, &status);
	if (r && (!o.baseline || old) && !status) {
		status = !open_output(&o, &out) ? 1 : output_close(
			&out, render_html(out.f, r, old,
					  (unsigned int)o.render.by_dir));
	}
	session_end(&s);
	session_end(&base);
	return status;
}
