// SPDX-License-Identifier: GPL-2.0-only
#include "cli.h"

void suffixes_usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan suffixes [OPTIONS] FILE|REPORT.json\n"
		"\n"
		"Every FUNC and OBJECT symbol named base.llvm.<digits> (ThinLTO's promoted\n"
		"locals) or base.lto_priv.N (GCC LTO): whether base is unique in the image\n"
		"(the suffix could be dropped), the collisions, and the DWARF function or\n"
		"variable at the symbol's address.\n"
		"\n");
	print_options(out, CMD_SUFFIXES);
	fprintf(out,
		"\n"
		"Exit status: 0 ok, 1 the input could not be read, 2 usage error.\n");
}

static int render_suffixes_of(FILE *out, struct report *r,
			      const struct options *o)
{
	return render_suffixes(out, r, json_style_of(o));
}

int cmd_suffixes(int argc, char **argv)
{
	return run_per_image(argc, argv, CMD_SUFFIXES, "suffixes",
			     render_suffixes_of);
}
