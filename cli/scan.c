// SPDX-License-Identifier: GPL-2.0-only
#include "cli.h"

void scan_usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan scan [OPTIONS] [FILE|DIR|REPORT.json... | --kernel]\n"
		"\n"
		"Read the DWARF of each ELF file (vmlinux, .ko, .o, executable, shared\n"
		"library; every ELF file under a DIR) and classify every function by name:\n"
		"  partial  inlined at >= 1 site and still has an out-of-line copy\n"
		"  full     inlined, no out-of-line copy (invisible to symbol tracers)\n"
		"  outline  out-of-line only (listed with --all)\n"
		"and by what a tracer attached by name misses: incomplete, untraceable by\n"
		"name, not attachable (docs/tracing.md).\n"
		"\n");
	print_options(out, CMD_SCAN);
	fprintf(out,
		"\n"
		"Exit status: 0 ok, 1 an input could not be read, 2 usage error.\n");
}

int cmd_scan(int argc, char **argv)
{
	struct options o;
	struct session s = { 0 };
	struct output out = { 0 };
	int status;

	init_options(&o, CMD_SCAN, "scan");
	status = read_operands(argc, argv, &o, &s);
	if (any_report(&s.res) && status != EXIT_USAGE) {
		status |= !open_output(&o, &out) ? 1 : output_close(&out, o.json
			? render_json(out.f, &s.res, &o.render)
			: render_text(out.f, &s.res, &o.render));
	}
	session_end(&s);
	return command_end(&o, status, out.f != NULL);
}
