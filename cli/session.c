// SPDX-License-Identifier: GPL-2.0-only
#include "cli.h"

struct collector {
	const struct analyze_opts *analyze;
	struct input_list *inputs;
	struct report **reports;
	char **errors;
	struct image_reaper *reaper;
};

static void *free_image(void *img)
{
	image_rec_free(img);
	free(img);
	return NULL;
}

static void on_image(size_t index, struct image_rec *img, char *err,
		     void *arg)
{
	struct collector *c = arg;

	if (err) {
		c->errors[index] = err;
		return;
	}
	c->reports[index] = analyze_image(img, c->analyze);
	/* jobs > 1 only for a single input: this runs once */
	if (c->analyze->jobs > 1 &&
	    !pthread_create(&c->reaper->thread, NULL, free_image, img)) {
		c->reaper->running = true;
		return;
	}
	free_image(img);
}

/* -o must not name an input: the operands, --debug-file, --diff. */
FILE *open_output(const struct options *o, struct output *out)
{
	const char **inputs = xcalloc(o->noperands + 2, sizeof(*inputs));
	size_t n = 0, i;
	int rc;

	for (i = 0; i < o->noperands; i++)
		inputs[n++] = o->operands[i];
	inputs[n++] = o->scan.debug_file;
	inputs[n++] = o->baseline;
	rc = output_open(out, o->output, inputs, n);
	free(inputs);
	return rc ? NULL : out->f;
}

/* Collect what scanned and say what did not; explicit inputs must work. */
static int gather(struct collector *c, struct scan_results *res)
{
	size_t i, cap = 0;
	int status = 0;

	res->reports = c->reports;
	res->nreports = c->inputs->n;
	for (i = 0; i < c->inputs->n; i++) {
		if (!c->errors[i])
			continue;
		cli_err(NULL, "%s%s",
			c->inputs->from_dir[i] ? "skipped: " : "", c->errors[i]);
		if (!c->inputs->from_dir[i])
			status = 1;
		grow_array((void **)&res->skipped, &cap, res->nskipped + 1,
			   sizeof(*res->skipped));
		res->skipped[res->nskipped].path = c->inputs->paths[i];
		res->skipped[res->nskipped++].error = c->errors[i];
	}
	return status;
}

/* What the session holds goes with the process, but for a leak checker. */
void session_end(struct session *s)
{
	size_t i;

	if (s->reaper.running)
		pthread_join(s->reaper.thread, NULL);
	if (!LEAK_CHECKED)
		return;
	free(s->kernel_paths);
	kernel_parts_free(&s->kernel);
	for (i = 0; i < s->res.nreports; i++)
		report_free(s->res.reports[i]);
	for (i = 0; s->errors && i < s->inputs.n; i++)
		free(s->errors[i]);
	free(s->res.reports);
	free(s->res.skipped);
	free(s->errors);
	input_list_free(&s->inputs);
}

static int scan_elf_inputs(const struct options *o, char **args,
			   size_t nargs, struct session *s)
{
	struct analyze_opts analyze = o->analyze;
	struct collector c = { .analyze = &analyze, .inputs = &s->inputs,
			       .reaper = &s->reaper };
	struct scan_opts scan = o->scan;

	input_list_expand(&s->inputs, args, nargs);
	s->gaps += s->inputs.problems;
	/* many inputs keep every thread busy with one image each */
	analyze.jobs = s->inputs.n == 1 ? scan.jobs : 1;
	if (!s->inputs.n) {
		cli_err(NULL, "no ELF files found in %s",
			args[0]);
		return 1;
	}
	if (scan.debug_file && s->inputs.n > 1) {
		cli_err(o->name, "--debug-file needs exactly one input");
		return EXIT_USAGE;
	}
	scan.progress = isatty(STDERR_FILENO);
	c.reports = xcalloc(s->inputs.n, sizeof(*c.reports));
	c.errors = xcalloc(s->inputs.n, sizeof(*c.errors));
	s->errors = c.errors;
	scan_inputs((const char *const *)s->inputs.paths, s->inputs.n, &scan,
		    on_image, &c);
	return gather(&c, &s->res);
}

static int load_reports(const struct options *o, char *path,
			struct report ***loaded, size_t *n)
{
	char *err;

	if (!report_load_json(path, &o->analyze, loaded, n, &err))
		return 0;
	cli_err(NULL, "%s",
		err);
	free(err);
	return 1;
}

/* REPORT.json arguments are loaded, the others scanned; in that order. */
static int collect_reports(const struct options *o, char **args,
			   size_t nargs, struct session *s)
{
	char **elf_args = xcalloc(nargs + 1, sizeof(*elf_args));
	struct report **loaded = NULL;
	size_t i, nelf = 0, nloaded = 0;
	int status = 0, rc;

	for (i = 0; i < nargs; i++) {
		if (report_file_is_json(args[i]))
			status |= load_reports(o, args[i], &loaded, &nloaded);
		else
			elf_args[nelf++] = args[i];
	}
	if (nelf) {
		rc = scan_elf_inputs(o, elf_args, nelf, s);
		status = rc == EXIT_USAGE ? rc : status | rc;
	}
	free(elf_args);
	s->res.reports = xrealloc(s->res.reports,
				  (s->res.nreports + nloaded + 1) *
					  sizeof(*s->res.reports));
	memmove(s->res.reports + nloaded, s->res.reports,
		s->res.nreports * sizeof(*s->res.reports));
	if (nloaded)
		memcpy(s->res.reports, loaded, nloaded * sizeof(*loaded));
	s->res.nreports += nloaded;
	free(loaded);
	return status;
}

bool any_report(const struct scan_results *res)
{
	size_t i;

	for (i = 0; i < res->nreports; i++)
		if (res->reports[i])
			return true;
	return false;
}

int read_inputs(const struct options *o, char **args, size_t nargs,
		struct session *s)
{
	int status = collect_reports(o, args, nargs, s);

	if (status != EXIT_USAGE && !any_report(&s->res))
		status = 1;
	if (status != EXIT_USAGE)
		s->gaps += report_gaps(o->name, &s->res);
	return status;
}

/* Options, then every operand as an input: an ELF, a DIR or a report. */
/*
 * --kernel: the running kernel's debug files become the inputs (the
 * vmlinux only, or with its loaded modules).
 */
int kernel_inputs(const struct options *o, struct session *s,
		  bool modules, size_t *n)
{
	struct kernel_lookup l = {
		.sysroot = o->sysroot ? o->sysroot : "",
		.modules = modules,
		.progress = isatty(STDERR_FILENO),
	};
	char *err;
	size_t i;

	if (kernel_locate(&l, &s->kernel, &err)) {
		cli_err(o->name, "%s",
			err);
		free(err);
		return 1;
	}
	s->kernel_paths = xcalloc(s->kernel.n + 1, sizeof(char *));
	for (i = *n = 0; i < s->kernel.n; i++)
		if (s->kernel.v[i].path)
			s->kernel_paths[(*n)++] = s->kernel.v[i].path;
	s->gaps += s->kernel.n - *n;
	return 0;
}

static bool listed_by_ftrace(const char *name, const char *module,
			     void *listing)
{
	return ftrace_listing_has(listing, name, module);
}

/*
 * --kernel: what the running kernel's ftrace lists is the answer for
 * it; where tracefs cannot be read, the image's mcount table is, and
 * that is said.
 */
void apply_runtime(const struct options *o, struct session *s)
{
	struct ftrace_listing l;
	struct report *r;
	size_t i, off = 0, run = 0, listed = 0;

	if (ftrace_listing_read(o->sysroot ? o->sysroot : "", &l)) {
		cli_err(o->name, "%s%s: what ftrace can attach comes from the image's mcount table",
			o->sysroot ? "no tracefs under " : "tracefs not readable (root needed)", o->sysroot ? shown(o->sysroot) : "");
		return;
	}
	for (i = 0; i < s->res.nreports; i++) {
		r = s->res.reports[i];
		if (!r || !r->is_kernel)
			continue;
		runtime_apply(r, report_module_name(r), l.tracefs,
			      listed_by_ftrace, &l);
		listed += r->runtime->listed;
		off += r->runtime->noffline_only;
		run += r->runtime->nruntime_only;
	}
	cli_err(o->name, "the running kernel's ftrace (%s) lists %zu of the copies; it and the image's mcount table disagree on %zu names (%zu only in the table, %zu only in ftrace)",
		shown(l.tracefs), listed, off + run, off, run);
	ftrace_listing_free(&l);
}

int read_operands(int argc, char **argv, struct options *o,
		  struct session *s)
{
	int status = start_command(argc, argv, o, 1);
	size_t n;

	if (status)
		return status;
	if (!o->kernel)
		return read_inputs(o, argv + optind,
				   (size_t)(argc - optind), s);
	if (argc > optind) {
		cli_err(o->name, "give --kernel or input files, not both");
		return EXIT_USAGE;
	}
	status = kernel_inputs(o, s, o->cmd != CMD_REPORT, &n);
	if (!status)
		status = read_inputs(o, s->kernel_paths, n, s);
	if (!status)
		apply_runtime(o, s);
	return status;
}

/* One report per side: an ELF file or a single-image REPORT.json. */
struct report *read_side(const struct options *o, char *arg,
			 struct session *s, int *status)
{
	*status = read_inputs(o, &arg, 1, s);
	if (*status)
		return NULL;
	if (s->res.nreports != 1) {
		cli_err(o->name, "%s holds %zu images; give one ELF file or a single-image REPORT.json",
			arg, s->res.nreports);
		*status = EXIT_USAGE;
		return NULL;
	}
	return s->res.reports[0];
}

/* Commands that print one section per input image. */
int run_per_image(int argc, char **argv, enum command cmd,
		  const char *name, render_one_fn render)
{
	struct options o;
	struct session s = { 0 };
	struct output out = { 0 };
	int status, rc = 0;
	size_t i;

	init_options(&o, cmd, name);
	status = read_operands(argc, argv, &o, &s);
	if (any_report(&s.res) && status != EXIT_USAGE &&
	    open_output(&o, &out)) {
		for (i = 0; !rc && i < s.res.nreports; i++)
			if (s.res.reports[i])
				rc = render(out.f, s.res.reports[i], &o);
		status |= output_close(&out, rc);
	} else if (any_report(&s.res) && status != EXIT_USAGE) {
		status = 1;
	}
	session_end(&s);
	return command_end(&o, status, out.f != NULL);
}

int command_end(const struct options *o, int status, bool wrote)
{
	struct json_writer w;

	if (!status || wrote || !o->json || !*cli_last_error())
		return status;
	jw_init(&w, 0, o->pretty);
	jw_open(&w, '{');
	jw_string_field(&w, "error", cli_last_error());
	jw_close(&w, '}');
	jw_finish(&w, stdout);
	return status;
}

/*
 * The sites the analysis lists, for the patterns of probes and show: the
 * names given and, for a clone's or suffixed symbol (foo.constprop.0,
 * foo.llvm.123), its function's name before the first '.'; globs as
 * globs. sites_free gives the lists back.
 */
/* A glob is also a name: a function may be called "x*[ab]". */
static void add_pattern(struct site_patterns *p, char *pattern)
{
	p->names[p->nnames++] = pattern;
	if (is_glob(pattern))
		p->globs[p->nglobs++] = xstrdup(pattern);
}

void sites_for_patterns(struct options *o, char **patterns, size_t n,
			struct site_patterns *p)
{
	const char *dot;
	size_t i;

	memset(p, 0, sizeof(*p));
	p->names = xcalloc(2 * n + 1, sizeof(*p->names));
	p->globs = xcalloc(2 * n + 1, sizeof(*p->globs));
	for (i = 0; i < n; i++) {
		add_pattern(p, xstrdup(patterns[i]));
		dot = strchr(patterns[i], '.');
		if (dot && dot != patterns[i])
			add_pattern(p, xstrndup(patterns[i],
						(size_t)(dot - patterns[i])));
	}
	sort_array(p->names, p->nnames, sizeof(*p->names), compare_strings);
	o->analyze.want_sites = true;
	o->analyze.site_names = (const char *const *)p->names;
	o->analyze.nsite_names = p->nnames;
	o->analyze.site_globs = (const char *const *)p->globs;
	o->analyze.nsite_globs = p->nglobs;
}

void sites_free(struct site_patterns *p)
{
	size_t i;

	for (i = 0; i < p->nnames; i++)
		free(p->names[i]);
	for (i = 0; i < p->nglobs; i++)
		free(p->globs[i]);
	free(p->names);
	free(p->globs);
}
