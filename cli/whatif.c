// SPDX-License-Identifier: GPL-2.0-only
#include "cli.h"

void whatif_usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan whatif [OPTIONS] FILE|REPORT.json\n"
		"\n"
		"For every partial function: its out-of-line copies and their size, its\n"
		"inline sites and their code, the direct calls still reaching a copy, what\n"
		"pins the copy (exported, address stored in data), and the estimated text\n"
		"change of inlining it everywhere (copy dropped unless pinned) or nowhere\n"
		"(each inlined copy becomes a call). The model: docs/whatif.md.\n"
		"\n");
	print_options(out, CMD_WHATIF);
	fprintf(out,
		"\n"
		"Exit status: 0 ok, 1 the input could not be read, 2 usage error.\n");
}

static int render_whatif_of(FILE *out, struct report *r,
			    const struct options *o)
{
	struct whatif w;
	int rc;

	whatif_compute(r, o->render.by_dir, &w);
	rc = render_whatif(out, r, &w, o->render.top, json_style_of(o));
	whatif_free(&w);
	return rc;
}

int cmd_whatif(int argc, char **argv)
{
	return run_per_image(argc, argv, CMD_WHATIF, "whatif",
			     render_whatif_of);
}
