// SPDX-License-Identifier: GPL-2.0-only
#include "cli.h"

void diff_usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan diff [OPTIONS] OLD NEW\n"
		"\n"
		"Compare two builds, each an ELF file or a single-image REPORT.json: the\n"
		"summaries side by side, and every function whose status, inline sites,\n"
		"cross-TU sites or out-of-line symbol names changed. Function lists from a\n"
		"REPORT.json hold outline functions only if it was written with --all.\n"
		"\n");
	print_options(out, CMD_DIFF);
	fprintf(out,
		"\n"
		"Exit status, as diff(1): 0 nothing --fail-on names (or no --fail-on),\n"
		"1 NEW has what --fail-on names, 2 trouble (an input could not be read,\n"
		"a write failed, a usage error).\n");
}

static int check_livepatch_input(const struct report *r)
{
	if (r->nsymbols && r->sites_listed)
		return 0;
	cli_err("diff --livepatch", "%s lacks symbols or inline sites; rerun 'inlscan scan --json --all --sites'",
		r->path);
	return 1;
}

static int write_livepatch(const struct options *o, struct report *old,
			   struct report *new, FILE *out)
{
	struct livepatch_view v;
	int rc;

	sort_array(o->changed, o->nchanged, sizeof(*o->changed), compare_strings);
	livepatch_compare(old, new, (const char *const *)o->changed,
			  o->nchanged, &v);
	rc = render_livepatch(out, old, new, &v, json_style_of(o));
	livepatch_free(&v);
	return rc;
}

static int write_diff(const struct options *o, struct report *old,
		      struct report *new, FILE *out, unsigned int *hits)
{
	struct diff_view d = {
		.old = old, .new = new, .by_dir = o->render.by_dir,
	};
	int rc;

	compare_reports(old, new, &d.cmp);
	if (d.by_dir >= 0)
		d.ndirs = compare_dirs(old, new, (unsigned int)d.by_dir,
				       &d.dirs);
	rc = render_diff(out, &d, json_style_of(o));
	*hits = (d.cmp.new_partial ? FAIL_NEW_PARTIAL : 0) |
		(d.cmp.new_full ? FAIL_NEW_FULL : 0) |
		(d.cmp.renamed ? FAIL_RENAMED : 0);
	comparison_free(&d.cmp);
	free(d.dirs);
	return rc;
}

static void free_changed(struct options *o)
{
	size_t i;

	for (i = 0; i < o->nchanged; i++)
		free(o->changed[i]);
	free(o->changed);
}

int cmd_diff(int argc, char **argv)
{
	struct options o;
	struct session a = { 0 }, b = { 0 };
	struct report *old = NULL, *new = NULL;
	unsigned int hits = 0;
	struct output out = { 0 };
	int status;

	init_options(&o, CMD_DIFF, "diff");
	status = start_command(argc, argv, &o, 1);
	if (!status && argc - optind != 2) {
		cli_err("diff", "give exactly two builds, OLD and NEW; try 'inlscan diff --help'");
		status = EXIT_USAGE;
	}
	if (!status)
		old = read_side(&o, argv[optind], &a, &status);
	if (old)
		new = read_side(&o, argv[optind + 1], &b, &status);
	if (new && o.livepatch)
		status = check_livepatch_input(old) |
			 check_livepatch_input(new);
	if (new && !status)
		status = !open_output(&o, &out) ? 1 : output_close(
			&out, o.livepatch
			? write_livepatch(&o, old, new, out.f)
			: write_diff(&o, old, new, out.f, &hits));
	/* as diff(1): 1 is a difference --fail-on names, 2 trouble */
	if (status)
		status = EXIT_TROUBLE;
	else if (hits & o.fail_on)
		status = EXIT_DIFFERENCES;
	session_end(&a);
	session_end(&b);
	free_changed(&o);
	return command_end(&o, status, out.f != NULL);
}
