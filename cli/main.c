// SPDX-License-Identifier: GPL-2.0-only
/*
 * inlscan: which functions a symbol-based tracer cannot fully see because
 * the compiler inlined them, from the DWARF of a vmlinux, module or ELF.
 */
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analyzer/analyze.h"
#include "../common/util.h"
#include "../dwarf/locate.h"
#include "../dwarf/scan.h"
#include "../dwarf/tracefs.h"
#include "../analyzer/runtime.h"
#include "../report/load.h"
#include "../report/render.h"
#include "../report/compare.h"
#include "../report/html.h"
#include "../report/tracer.h"
#include "../report/whatif.h"
#include "../report/escape.h"
#include "bpftrace.h"
#include "inputs.h"
#include "output.h"
#include "partial.h"

#define EXIT_USAGE 2
#define MAX_JOBS 1024

enum command {
	CMD_SCAN = 1 << 0,
	CMD_DENYLIST = 1 << 1,
	CMD_PROBES = 1 << 2,
	CMD_SUFFIXES = 1 << 3,
	CMD_DIFF = 1 << 4,
	CMD_WHATIF = 1 << 5,
	CMD_REPORT = 1 << 6,
};

enum fail_on {
	FAIL_NEW_PARTIAL = 1 << 0,
	FAIL_NEW_FULL = 1 << 1,
	FAIL_RENAMED = 1 << 2,
};

/* Everything the command line decides, passed down; no globals. */
struct options {
	enum command cmd;
	const char *name;	/* of the command, for messages */
	bool json;
	const char *output;
	const char *format;
	struct scan_opts scan;
	struct analyze_opts analyze;
	struct render_opts render;
	struct deny_filter deny;
	enum deny_format deny_format;
	struct probe_style probe_style;
	bool check_bpftrace;	/* ask the installed bpftrace what it can do */
	bool boot;		/* deny-list for the boot command line */
	unsigned int fail_on;	/* enum fail_on bits */
	bool livepatch;
	char **changed;		/* --changed names, sorted before use */
	size_t nchanged;
	const char *baseline;	/* report --diff */
	bool allow_partial;	/* write a kernel-bound answer with gaps */
	char **operands;	/* the inputs named, which -o must not be */
	size_t noperands;
	bool kernel;		/* the running kernel is the input */
	const char *sysroot;	/* where its /sys, /proc and debug tree are */
};

/*
 * With one input on several threads, its image is freed on a thread of
 * its own while the report is written (on the analysis' thread, its 7 ms
 * left the other CPUs idle); joined when the session ends.
 */
struct image_reaper {
	pthread_t thread;
	bool running;
};

struct collector {
	const struct analyze_opts *analyze;
	struct input_list *inputs;
	struct report **reports;
	char **errors;
	struct image_reaper *reaper;
};

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan [--version] [--help] COMMAND [OPTIONS] ...\n"
		"\n"
		"Commands:\n"
		"  scan FILE|DIR|REPORT.json...\n"
		"                     functions inlined at some sites yet still out-of-line\n"
		"                     (partial), fully inlined (full), cross-TU inlining (LTO),\n"
		"                     and the blind spots of a tracer attached by name\n"
		"  denylist FILE|DIR|REPORT.json...\n"
		"                     symbols whose trace misses inlined calls, for\n"
		"                     set_ftrace_notrace, retsnoop -d, bpftrace\n"
		"  probes FILE|REPORT.json FUNC...\n"
		"                     every place FUNC's code runs (its entry and each inline\n"
		"                     site) as kprobe_events lines, perf probe or bpftrace\n"
		"  suffixes FILE|REPORT.json\n"
		"                     ThinLTO's name.llvm.<hash> and GCC's .lto_priv.N symbols:\n"
		"                     unique without the suffix or not, and whose they are\n"
		"  diff OLD NEW       two builds (LTO vs non-LTO, original vs patched) by\n"
		"                     function; --livepatch: renames and inline carriers\n"
		"  whatif FILE|REPORT.json\n"
		"                     the text-size price of inlining each partial function\n"
		"                     everywhere or nowhere (the slides' consistent inlining)\n"
		"  report FILE|REPORT.json -o PAGE.html\n"
		"                     one self-contained HTML page to share\n"
		"  help               this text\n"
		"\n"
		"A REPORT.json is what 'inlscan scan --json' wrote: a large image is walked\n"
		"once. Run 'inlscan COMMAND --help' for a command's options.\n");
}

static void scan_usage(FILE *out)
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
		"\n"
		"Options:\n"
		"      --kernel         the running kernel (and its loaded modules), by\n"
		"                       build ID; the default with no input\n"
		"      --sysroot DIR    with --kernel: /sys, /proc and debug files under DIR\n"
		"  -j, --jobs N         worker threads, 1 to 1024 (default and most: the\n"
		"                       online CPUs)\n"
		"      --json           JSON output, schema inlscan/1 (docs/json.md)\n"
		"      --sites          list every inline site with a probe spec\n"
		"      --all            list outline functions too\n"
		"      --top N          text: show the top N partial functions (default 20)\n"
		"      --by-dir DEPTH   group by the first DEPTH directories of the\n"
		"                       declaration file\n"
		"      --debug-file F   read DWARF from F (one input only)\n"
		"  -o, --output FILE    write to FILE instead of stdout\n"
		"  -h, --help           this text\n"
		"\n"
		"Exit status: 0 ok, 1 an input could not be read, 2 usage error.\n");
}

static void denylist_usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan denylist [OPTIONS] FILE|DIR|REPORT.json...\n"
		"\n"
		"Print the symbols, as available_filter_functions names them (clones and\n"
		"suffixed names included), whose trace is incomplete: the function is also\n"
		"inlined, and a tracer on the symbol misses those calls.\n"
		"\n"
		"Options:\n"
		"      --format F       ftrace (set_ftrace_notrace; modules as sym:mod:M),\n"
		"                       retsnoop (-d @file), bpftrace (the probe list of\n"
		"                       --glob without the deny-list, for a script's\n"
		"                       attach points), plain (sym [module]), json\n"
		"                       (default: ftrace)\n"
		"      --glob PATTERN   only symbols matching PATTERN (fnmatch)\n"
		"      --min-sites N    only functions inlined at >= N sites\n"
		"      --scope S        same_tu, cross_tu (some cross-TU site: what LTO\n"
		"                       added) or any (default)\n"
		"      --dir PREFIX     only functions declared under PREFIX\n"
		"      --boot           keep functions in __init code (for ftrace_notrace=\n"
		"                       on the kernel command line); without, they are\n"
		"                       left out, as the running kernel has freed them\n"
		"      --allow-partial  write the list even if an input lacks something\n"
		"                       (said on stderr); without it nothing is written\n"
		"      --kernel         the running kernel (and its loaded modules), by\n"
		"                       build ID, its ftrace listing as the answer\n"
		"      --sysroot DIR    with --kernel: /sys, /proc and debug files under DIR\n"
		"  -j, --jobs N         worker threads\n"
		"      --debug-file F   read DWARF from F (one input only)\n"
		"  -o, --output FILE    write to FILE instead of stdout\n"
		"  -h, --help           this text\n"
		"\n"
		"Exit status: 0 ok, 1 an input could not be read or lacks something\n"
		"(without --allow-partial), 2 usage error.\n");
}

static void probes_usage(FILE *out)
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
		"\n"
		"Options:\n"
		"      --format F       kprobe (kprobe_events lines), uprobe (uprobe_events\n"
		"                       lines), perf (perf probe commands), bpftrace (a\n"
		"                       script counting every call), json (default:\n"
		"                       kprobe for a kernel image, uprobe otherwise)\n"
		"      --check-bpftrace ask the installed bpftrace (--info) whether it\n"
		"                       can probe inside functions; without, inline\n"
		"                       sites are comments in --format bpftrace\n"
		"      --allow-partial  write the points even if the input lacks something\n"
		"                       (said on stderr); without it nothing is written\n"
		"      --kernel         the running kernel's vmlinux, by build ID\n"
		"      --sysroot DIR    with --kernel: /sys, /proc and debug files under DIR\n"
		"  -j, --jobs N         worker threads\n"
		"      --debug-file F   read DWARF from F\n"
		"  -o, --output FILE    write to FILE instead of stdout\n"
		"  -h, --help           this text\n"
		"\n"
		"Exit status: 0 ok, 1 an input could not be read or a FUNC is not in it,\n"
		"2 usage error.\n");
}

static void suffixes_usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan suffixes [OPTIONS] FILE|REPORT.json\n"
		"\n"
		"Every FUNC and OBJECT symbol named base.llvm.<digits> (ThinLTO's promoted\n"
		"locals) or base.lto_priv.N (GCC LTO): whether base is unique in the image\n"
		"(the suffix could be dropped), the collisions, and the DWARF function or\n"
		"variable at the symbol's address.\n"
		"\n"
		"Options:\n"
		"      --json           JSON output\n"
		"      --kernel         the running kernel (and its loaded modules), by\n"
		"                       build ID, its ftrace listing as the answer\n"
		"      --sysroot DIR    with --kernel: /sys, /proc and debug files under DIR\n"
		"  -j, --jobs N         worker threads\n"
		"      --debug-file F   read DWARF from F\n"
		"  -o, --output FILE    write to FILE instead of stdout\n"
		"  -h, --help           this text\n"
		"\n"
		"Exit status: 0 ok, 1 the input could not be read, 2 usage error.\n");
}

static void diff_usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan diff [OPTIONS] OLD NEW\n"
		"\n"
		"Compare two builds, each an ELF file or a single-image REPORT.json: the\n"
		"summaries side by side, and every function whose status, inline sites,\n"
		"cross-TU sites or out-of-line symbol names changed. Function lists from a\n"
		"REPORT.json hold outline functions only if it was written with --all.\n"
		"\n"
		"Options:\n"
		"      --json           JSON output\n"
		"      --by-dir DEPTH   also compare by declaration directory\n"
		"      --fail-on WHAT   exit 1 if NEW has what OLD had not: new-partial,\n"
		"                       new-full, renamed (comma-separated, repeatable)\n"
		"      --livepatch      OLD is the original, NEW the patched build: list the\n"
		"                       symbols a binary-diff tool cannot pair by name\n"
		"                       (suffix hash changed, appeared, vanished; ambiguous\n"
		"                       where several candidates remain), and for every\n"
		"                       changed function each function carrying it inline.\n"
		"                       A REPORT.json needs 'scan --json --all --sites'.\n"
		"      --changed NAMES  functions the patch changes (comma-separated,\n"
		"                       repeatable); functions whose copy changed size are\n"
		"                       found without it\n"
		"  -j, --jobs N         worker threads\n"
		"  -o, --output FILE    write to FILE instead of stdout\n"
		"  -h, --help           this text\n"
		"\n"
		"Exit status: 0 ok (or nothing --fail-on names), 1 an input could not be\n"
		"read or --fail-on matched, 2 usage error.\n");
}

static void whatif_usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan whatif [OPTIONS] FILE|REPORT.json\n"
		"\n"
		"For every partial function: its out-of-line copies and their size, its\n"
		"inline sites and their code, the direct calls still reaching a copy, what\n"
		"pins the copy (exported, address stored in data), and the estimated text\n"
		"change of inlining it everywhere (copy dropped unless pinned) or nowhere\n"
		"(each inlined copy becomes a call). The model: docs/whatif.md.\n"
		"\n"
		"Options:\n"
		"      --json           JSON output\n"
		"      --top N          text: the N functions with the largest difference\n"
		"                       (default 20)\n"
		"      --by-dir DEPTH   totals per declaration directory\n"
		"      --kernel         the running kernel (and its loaded modules), by\n"
		"                       build ID, its ftrace listing as the answer\n"
		"      --sysroot DIR    with --kernel: /sys, /proc and debug files under DIR\n"
		"  -j, --jobs N         worker threads\n"
		"      --debug-file F   read DWARF from F\n"
		"  -o, --output FILE    write to FILE instead of stdout\n"
		"  -h, --help           this text\n"
		"\n"
		"Exit status: 0 ok, 1 the input could not be read, 2 usage error.\n");
}

static void report_usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan report [OPTIONS] FILE|REPORT.json\n"
		"\n"
		"Write one self-contained HTML page (no network, no external assets):\n"
		"headline figures, partial and full functions by declaration directory,\n"
		"inline sites per function, and a sortable, filterable table of functions\n"
		"(open it with #filter=TEXT&sort=COLUMN to start filtered and sorted).\n"
		"\n"
		"Options:\n"
		"      --diff OTHER     OTHER (ELF or REPORT.json) is the baseline: the\n"
		"                       LTO vs non-LTO or original vs patched view\n"
		"      --by-dir DEPTH   directories for the chart (default 1)\n"
		"      --kernel         the running kernel's vmlinux, by build ID\n"
		"      --sysroot DIR    with --kernel: /sys, /proc and debug files under DIR\n"
		"  -j, --jobs N         worker threads\n"
		"      --debug-file F   read DWARF from F\n"
		"  -o, --output FILE    write to FILE instead of stdout\n"
		"  -h, --help           this text\n"
		"\n"
		"Exit status: 0 ok, 1 an input could not be read, 2 usage error.\n");
}

static void command_usage(const struct options *o, FILE *out)
{
	if (o->cmd == CMD_REPORT) {
		report_usage(out);
		return;
	}
	if (o->cmd == CMD_WHATIF) {
		whatif_usage(out);
		return;
	}
	if (o->cmd == CMD_DENYLIST)
		denylist_usage(out);
	else if (o->cmd == CMD_PROBES)
		probes_usage(out);
	else if (o->cmd == CMD_SUFFIXES)
		suffixes_usage(out);
	else if (o->cmd == CMD_DIFF)
		diff_usage(out);
	else
		scan_usage(out);
}

static int parse_count(const char *arg, const char *what, int *out)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (*arg == '\0' || *end || v < 0 || v > 1000000) {
		fprintf(stderr, "inlscan: %s must be a number from 0 to 1000000, not '%s'\n",
			what, arg);
		return -1;
	}
	*out = (int)v;
	return 0;
}

/* More threads than CPUs only add libdw handles, each a copy's memory. */
static int parse_jobs(const char *arg, int *jobs)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (*arg == '\0' || *end || v < 1 || v > MAX_JOBS) {
		fprintf(stderr, "inlscan: --jobs must be a number from 1 to %d, not '%s'\n",
			MAX_JOBS, arg);
		return -1;
	}
	*jobs = (int)v;
	return 0;
}

enum {
	OPT_JSON = 256, OPT_SITES, OPT_ALL, OPT_TOP, OPT_DEBUG_FILE,
	OPT_BY_DIR, OPT_FORMAT, OPT_MIN_SITES, OPT_SCOPE, OPT_DIR,
	OPT_FAIL_ON, OPT_LIVEPATCH, OPT_CHANGED, OPT_DIFF, OPT_ALLOW_PARTIAL,
	OPT_CHECK_BPFTRACE, OPT_BOOT, OPT_GLOB, OPT_KERNEL, OPT_SYSROOT,
};

static const struct option longopts[] = {
	{ "jobs", required_argument, NULL, 'j' },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "sites", no_argument, NULL, OPT_SITES },
	{ "all", no_argument, NULL, OPT_ALL },
	{ "top", required_argument, NULL, OPT_TOP },
	{ "by-dir", required_argument, NULL, OPT_BY_DIR },
	{ "debug-file", required_argument, NULL, OPT_DEBUG_FILE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "min-sites", required_argument, NULL, OPT_MIN_SITES },
	{ "scope", required_argument, NULL, OPT_SCOPE },
	{ "dir", required_argument, NULL, OPT_DIR },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "livepatch", no_argument, NULL, OPT_LIVEPATCH },
	{ "changed", required_argument, NULL, OPT_CHANGED },
	{ "diff", required_argument, NULL, OPT_DIFF },
	{ "allow-partial", no_argument, NULL, OPT_ALLOW_PARTIAL },
	{ "check-bpftrace", no_argument, NULL, OPT_CHECK_BPFTRACE },
	{ "boot", no_argument, NULL, OPT_BOOT },
	{ "glob", required_argument, NULL, OPT_GLOB },
	{ "kernel", no_argument, NULL, OPT_KERNEL },
	{ "sysroot", required_argument, NULL, OPT_SYSROOT },
	{ "output", required_argument, NULL, 'o' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* Which commands take an option; the rest reject it. */
static unsigned int option_commands(int c)
{
	switch (c) {
	case OPT_JSON:
		return CMD_SCAN | CMD_SUFFIXES | CMD_DIFF | CMD_WHATIF;
	case OPT_BY_DIR:
		return CMD_SCAN | CMD_DIFF | CMD_WHATIF | CMD_REPORT;
	case OPT_DIFF:
		return CMD_REPORT;
	case OPT_TOP:
		return CMD_SCAN | CMD_WHATIF;
	case OPT_SITES:
	case OPT_ALL:
		return CMD_SCAN;
	case OPT_FAIL_ON:
	case OPT_LIVEPATCH:
	case OPT_CHANGED:
		return CMD_DIFF;
	case OPT_MIN_SITES:
	case OPT_SCOPE:
	case OPT_DIR:
	case OPT_BOOT:
	case OPT_GLOB:
		return CMD_DENYLIST;
	case OPT_FORMAT:
	case OPT_ALLOW_PARTIAL:
		return CMD_DENYLIST | CMD_PROBES;
	case OPT_CHECK_BPFTRACE:
		return CMD_PROBES;
	case OPT_KERNEL:
	case OPT_SYSROOT:
		return CMD_SCAN | CMD_DENYLIST | CMD_PROBES | CMD_SUFFIXES |
		       CMD_WHATIF | CMD_REPORT;
	}
	return CMD_SCAN | CMD_DENYLIST | CMD_PROBES | CMD_SUFFIXES | CMD_DIFF |
	       CMD_WHATIF | CMD_REPORT;
}

static int parse_fail_on(const char *arg, unsigned int *mask)
{
	static const struct {
		const char *name;
		unsigned int bit;
	} words[] = {
		{ "new-partial", FAIL_NEW_PARTIAL },
		{ "new-full", FAIL_NEW_FULL },
		{ "renamed", FAIL_RENAMED },
	};
	char *copy = xstrdup(arg), *save = NULL, *w;
	size_t i;
	int rc = 0;

	for (w = strtok_r(copy, ",", &save); w && !rc;
	     w = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < ARRAY_SIZE(words); i++)
			if (!strcmp(w, words[i].name))
				break;
		if (i < ARRAY_SIZE(words))
			*mask |= words[i].bit;
		else
			rc = -1;
	}
	free(copy);
	if (rc)
		fprintf(stderr, "inlscan diff: --fail-on takes new-partial, new-full or renamed, not '%s'\n",
			arg);
	return rc;
}

static void add_changed(struct options *o, const char *arg)
{
	char *copy = xstrdup(arg), *save = NULL, *w;

	for (w = strtok_r(copy, ",", &save); w;
	     w = strtok_r(NULL, ",", &save)) {
		o->changed = xrealloc(o->changed,
				      (o->nchanged + 1) * sizeof(*o->changed));
		o->changed[o->nchanged++] = xstrdup(w);
	}
	free(copy);
}

static int parse_scope(const char *arg, enum scope_filter *scope)
{
	if (!strcmp(arg, "any"))
		*scope = SCOPE_FILTER_ANY;
	else if (!strcmp(arg, "same_tu"))
		*scope = SCOPE_FILTER_SAME_TU;
	else if (!strcmp(arg, "cross_tu"))
		*scope = SCOPE_FILTER_CROSS_TU;
	else
		return -1;
	return 0;
}

static int apply_option(struct options *o, int c, const char *arg)
{
	int n;

	switch (c) {
	case 'j':
		return parse_jobs(arg, &o->scan.jobs);
	case OPT_JSON:
		o->json = true;
		return 0;
	case OPT_SITES:
		o->analyze.want_sites = true;
		o->render.sites = true;
		return 0;
	case OPT_ALL:
		o->render.outline = true;
		return 0;
	case OPT_TOP:
		return parse_count(arg, "--top", &o->render.top);
	case OPT_BY_DIR:
		return parse_count(arg, "--by-dir", &o->render.by_dir);
	case OPT_DEBUG_FILE:
		o->scan.debug_file = arg;
		return 0;
	case OPT_FORMAT:
		o->format = arg;
		return 0;
	case OPT_MIN_SITES:
		if (parse_count(arg, "--min-sites", &n))
			return -1;
		o->deny.min_sites = (size_t)n;
		return 0;
	case OPT_SCOPE:
		if (!parse_scope(arg, &o->deny.scope))
			return 0;
		fprintf(stderr, "inlscan: --scope is same_tu, cross_tu or any, not '%s'\n",
			arg);
		return -1;
	case OPT_DIR:
		o->deny.dir = arg;
		return 0;
	case OPT_FAIL_ON:
		return parse_fail_on(arg, &o->fail_on);
	case OPT_LIVEPATCH:
		o->livepatch = true;
		o->analyze.want_sites = true;
		return 0;
	case OPT_CHANGED:
		add_changed(o, arg);
		return 0;
	case OPT_DIFF:
		o->baseline = arg;
		return 0;
	case OPT_ALLOW_PARTIAL:
		o->allow_partial = true;
		return 0;
	case OPT_CHECK_BPFTRACE:
		o->check_bpftrace = true;
		return 0;
	case OPT_BOOT:
		o->boot = true;
		return 0;
	case OPT_GLOB:
		o->deny.glob = arg;
		return 0;
	case OPT_KERNEL:
		o->kernel = true;
		return 0;
	case OPT_SYSROOT:
		o->sysroot = arg;
		return 0;
	case 'o':
		o->output = arg;
		return 0;
	}
	return -1;
}

static int parse_format(struct options *o)
{
	if (!o->format)
		return 0;
	if (o->cmd == CMD_DENYLIST &&
	    !parse_deny_format(o->format, &o->deny_format))
		return 0;
	if (o->cmd == CMD_PROBES &&
	    !parse_probe_format(o->format, &o->probe_style.format))
		return 0;
	fprintf(stderr, "inlscan %s: unknown --format '%s'; see 'inlscan %s --help'\n",
		o->name, o->format, o->name);
	return -1;
}

static int parse_options(int argc, char **argv, struct options *o)
{
	int c, index;

	while ((c = getopt_long(argc, argv, "j:o:h", longopts, &index)) !=
	       -1) {
		if (c == 'h') {
			command_usage(o, stdout);
			exit(0);
		}
		if (c == '?' || c == ':') {
			fprintf(stderr, "Try 'inlscan %s --help'.\n", o->name);
			return EXIT_USAGE;
		}
		if (!(option_commands(c) & o->cmd)) {
			fprintf(stderr, "inlscan %s: %s is not an option of this command; try 'inlscan %s --help'\n",
				o->name, argv[optind - 1], o->name);
			return EXIT_USAGE;
		}
		if (apply_option(o, c, optarg))
			return EXIT_USAGE;
	}
	return parse_format(o) ? EXIT_USAGE : 0;
}

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
static FILE *open_output(const struct options *o, struct output *out)
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
		fprintf(stderr, "inlscan: %s%s\n",
			c->inputs->from_dir[i] ? "skipped: " : "",
			c->errors[i]);
		if (!c->inputs->from_dir[i])
			status = 1;
		grow_array((void **)&res->skipped, &cap, res->nskipped + 1,
			   sizeof(*res->skipped));
		res->skipped[res->nskipped].path = c->inputs->paths[i];
		res->skipped[res->nskipped++].error = c->errors[i];
	}
	return status;
}

/* The reports of one command and what they point into. */
struct session {
	struct input_list inputs;
	char **errors;
	struct scan_results res;
	struct image_reaper reaper;
	size_t gaps;		/* warnings and skipped inputs, said */
	struct kernel_parts kernel;	/* --kernel: what was found */
	char **kernel_paths;
};

/* What the session holds goes with the process, but for a leak checker. */
static void session_end(struct session *s)
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
		fprintf(stderr, "inlscan: no ELF files found in %s\n", args[0]);
		return 1;
	}
	if (scan.debug_file && s->inputs.n > 1) {
		fprintf(stderr, "inlscan %s: --debug-file needs exactly one input\n",
			o->name);
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

static int load_reports(char *path, struct report ***loaded, size_t *n)
{
	char *err;

	if (!report_load_json(path, loaded, n, &err))
		return 0;
	fprintf(stderr, "inlscan: %s\n", err);
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
			status |= load_reports(args[i], &loaded, &nloaded);
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

static bool any_report(const struct scan_results *res)
{
	size_t i;

	for (i = 0; i < res->nreports; i++)
		if (res->reports[i])
			return true;
	return false;
}

static int online_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (int)n;
}

/* Parse the options; at least min_args operands must follow. */
static int start_command(int argc, char **argv, struct options *o,
			 int min_args)
{
	int status = parse_options(argc, argv, o);

	if (status)
		return status;
	/* scan with no input reads the running kernel */
	if (o->cmd == CMD_SCAN && optind == argc)
		o->kernel = true;
	if (o->sysroot && !o->kernel) {
		fprintf(stderr, "inlscan %s: --sysroot goes with --kernel\n",
			o->name);
		return EXIT_USAGE;
	}
	if (o->kernel)
		min_args--;
	if (argc - optind < min_args) {
		fprintf(stderr, "inlscan %s: %s; try 'inlscan %s --help'\n",
			o->name, optind >= argc ? "no input file" : "no function name",
			o->name);
		return EXIT_USAGE;
	}
	if (o->scan.jobs > online_cpus())
		o->scan.jobs = online_cpus();
	o->render.jobs = o->scan.jobs;
	o->operands = argv + optind;
	o->noperands = (size_t)(argc - optind);
	return 0;
}

static int read_inputs(const struct options *o, char **args, size_t nargs,
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
static int kernel_inputs(const struct options *o, struct session *s,
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
		fprintf(stderr, "inlscan %s: %s\n", o->name, err);
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
static void apply_runtime(const struct options *o, struct session *s)
{
	struct ftrace_listing l;
	struct report *r;
	size_t i, off = 0, run = 0, listed = 0;

	if (ftrace_listing_read(o->sysroot ? o->sysroot : "", &l)) {
		fprintf(stderr, "inlscan %s: %s%s: what ftrace can attach comes from the image's mcount table\n",
			o->name, o->sysroot ? "no tracefs under " : "tracefs not readable (root needed)",
			o->sysroot ? shown(o->sysroot) : "");
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
	fprintf(stderr, "inlscan %s: the running kernel's ftrace (%s) lists %zu of the copies; it and the image's mcount table disagree on %zu names (%zu only in the table, %zu only in ftrace)\n",
		o->name, shown(l.tracefs), listed, off + run, off, run);
	ftrace_listing_free(&l);
}

static int read_operands(int argc, char **argv, struct options *o,
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
		fprintf(stderr, "inlscan %s: give --kernel or input files, not both\n",
			o->name);
		return EXIT_USAGE;
	}
	status = kernel_inputs(o, s, o->cmd != CMD_REPORT, &n);
	if (!status)
		status = read_inputs(o, s->kernel_paths, n, s);
	if (!status)
		apply_runtime(o, s);
	return status;
}

static void init_options(struct options *o, enum command cmd,
			 const char *name)
{
	memset(o, 0, sizeof(*o));
	o->cmd = cmd;
	o->name = name;
	o->scan.jobs = online_cpus();
	o->render.top = 20;
	o->render.by_dir = -1;
}

static int cmd_scan(int argc, char **argv)
{
	struct options o;
	struct session s = { 0 };
	struct output out;
	int status;

	init_options(&o, CMD_SCAN, "scan");
	status = read_operands(argc, argv, &o, &s);
	if (any_report(&s.res) && status != EXIT_USAGE) {
		status |= !open_output(&o, &out) ? 1 : output_close(&out, o.json
			? render_json(out.f, &s.res, &o.render)
			: render_text(out.f, &s.res, &o.render));
	}
	session_end(&s);
	return status;
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
			fprintf(stderr, "inlscan %s: left out %s: not kernel code (no kernel module, not a vmlinux), so not for a kernel deny-list\n",
				o->name, shown(r[i]->path));
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
		fprintf(stderr, "inlscan %s: left out %zu name%s in __init code, which the kernel frees after boot (set_ftrace_notrace would refuse them); --boot keeps them, for ftrace_notrace= on the kernel command line\n",
			o->name, n - k, n - k == 1 ? "" : "s");
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
		fprintf(stderr, "inlscan %s: %s lists no outline functions, which a probe list needs; rerun 'inlscan scan --json --all'\n",
			o->name, shown(r[i]->path));
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
		fprintf(stderr, "inlscan %s: refused '%s'%s%s: the name %s\n",
			o->name, shown(e[i].symbol), e[i].module ? " in " : "",
			e[i].module ? shown(e[i].module) : "", why);
	}
	return refused;
}

static int cmd_denylist(int argc, char **argv)
{
	struct options o;
	struct session s = { 0 };
	struct deny_entry *entries = NULL;
	struct attach_point *points = NULL;
	struct deny_view v = { 0 };
	struct output out;
	size_t k;
	int status;

	init_options(&o, CMD_DENYLIST, "denylist");
	status = read_operands(argc, argv, &o, &s);
	if (!status && o.deny_format == DENY_BPFTRACE && !o.deny.glob) {
		fprintf(stderr, "inlscan denylist: --format bpftrace writes the probe list of a glob without the deny-list; give it with --glob 'PATTERN'\n");
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
						      o.deny_format));
		free(entries);
		free(points);
	}
	session_end(&s);
	return status;
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
			fprintf(stderr, "inlscan probes: no function '%s' with code or inline sites in %s\n",
				shown(names[i]), shown(r->path));
			status = 1;
			continue;
		}
		sets[i].n = probe_points(r, sets[i].fn, &sets[i].points);
	}
	return status;
}

static int write_probes(const struct options *o, struct report *r,
			char **names, size_t n)
{
	struct probe_set *sets = xcalloc(n + 1, sizeof(*sets));
	size_t i, k = 0;
	int status = probe_sets(r, names, n, sets);
	struct output out;

	for (i = 0; i < n; i++)
		if (sets[i].fn)
			sets[k++] = sets[i];
	if (k)
		status |= !open_output(o, &out) ? 1 : output_close(
			&out, render_probes(out.f, sets, k, &o->probe_style));
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
		fprintf(stderr, "inlscan probes: %s is a kernel image: uprobes are for user space; use --format kprobe\n",
			shown(r->path));
		return -1;
	}
	if (!o->check_bpftrace)
		return 0;
	if (o->probe_style.format != PROBES_BPFTRACE) {
		fprintf(stderr, "inlscan probes: --check-bpftrace goes with --format bpftrace\n");
		return -1;
	}
	return bpftrace_check(&o->probe_style.bpftrace_offsets);
}

static int cmd_probes(int argc, char **argv)
{
	struct options o;
	struct session s = { 0 };
	struct report *r;
	char **names;
	size_t n, nk;
	int status;

	init_options(&o, CMD_PROBES, "probes");
	status = start_command(argc, argv, &o, 2);
	if (status)
		return status;
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
			fprintf(stderr, "inlscan probes: give one image or one single-image REPORT.json\n");
			status = EXIT_USAGE;
		}
	} else if (!r->sites_listed) {
		fprintf(stderr, "inlscan probes: %s was written without inline sites; rerun 'inlscan scan --json --sites'\n",
			shown(r->path));
		status = 1;
	} else if (!partial_accepted(o.name, s.gaps, o.allow_partial) ||
		   choose_probe_style(&o, r)) {
		status = 1;
	} else {
		status |= write_probes(&o, r, names, n);
	}
	session_end(&s);
	return status;
}

typedef int (*render_one_fn)(FILE *out, struct report *r,
			    const struct options *o);

/* Commands that print one section per input image. */
static int run_per_image(int argc, char **argv, enum command cmd,
			 const char *name, render_one_fn render)
{
	struct options o;
	struct session s = { 0 };
	struct output out;
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
	return status;
}

static int render_suffixes_of(FILE *out, struct report *r,
			      const struct options *o)
{
	return render_suffixes(out, r, o->json);
}

static int cmd_suffixes(int argc, char **argv)
{
	return run_per_image(argc, argv, CMD_SUFFIXES, "suffixes",
			     render_suffixes_of);
}

static int render_whatif_of(FILE *out, struct report *r,
			    const struct options *o)
{
	struct whatif w;
	int rc;

	whatif_compute(r, o->render.by_dir, &w);
	rc = render_whatif(out, r, &w, o->render.top, o->json);
	whatif_free(&w);
	return rc;
}

static int cmd_whatif(int argc, char **argv)
{
	return run_per_image(argc, argv, CMD_WHATIF, "whatif",
			     render_whatif_of);
}

/* One report per side: an ELF file or a single-image REPORT.json. */
static struct report *read_side(const struct options *o, char *arg,
				struct session *s, int *status)
{
	*status = read_inputs(o, &arg, 1, s);
	if (*status)
		return NULL;
	if (s->res.nreports != 1) {
		fprintf(stderr, "inlscan %s: %s holds %zu images; give one ELF file or a single-image REPORT.json\n",
			o->name, arg, s->res.nreports);
		*status = EXIT_USAGE;
		return NULL;
	}
	return s->res.reports[0];
}

static int check_livepatch_input(const struct report *r)
{
	if (r->nsymbols && r->sites_listed)
		return 0;
	fprintf(stderr, "inlscan diff --livepatch: %s lacks symbols or inline sites; rerun 'inlscan scan --json --all --sites'\n",
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
	rc = render_livepatch(out, old, new, &v, o->json);
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
	rc = render_diff(out, &d, o->json);
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

static int cmd_diff(int argc, char **argv)
{
	struct options o;
	struct session a = { 0 }, b = { 0 };
	struct report *old = NULL, *new = NULL;
	unsigned int hits = 0;
	struct output out;
	int status;

	init_options(&o, CMD_DIFF, "diff");
	status = start_command(argc, argv, &o, 1);
	if (!status && argc - optind != 2) {
		fprintf(stderr, "inlscan diff: give exactly two builds, OLD and NEW; try 'inlscan diff --help'\n");
		status = EXIT_USAGE;
	}
	if (!status)
		old = read_side(&o, argv[optind], &a, &status);
	if (old)
		new = read_side(&o, argv[optind + 1], &b, &status);
	if (new && o.livepatch)
		status = check_livepatch_input(old) |
			 check_livepatch_input(new);
	if (new && !status) {
		status = !open_output(&o, &out) ? 1 : output_close(
			&out, o.livepatch
			? write_livepatch(&o, old, new, out.f)
			: write_diff(&o, old, new, out.f, &hits));
		if (!status && (hits & o.fail_on))
			status = 1;
	}
	session_end(&a);
	session_end(&b);
	free_changed(&o);
	return status;
}

static int cmd_report(int argc, char **argv)
{
	struct options o;
	struct session s = { 0 }, base = { 0 };
	struct report *r = NULL, *old = NULL;
	struct output out;
	size_t nk;
	int status;

	init_options(&o, CMD_REPORT, "report");
	o.render.by_dir = 1;
	status = start_command(argc, argv, &o, 1);
	if (!status && argc - optind != !o.kernel) {
		fprintf(stderr, "inlscan report: give one ELF file, one single-image REPORT.json, or --kernel\n");
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

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(int argc, char **argv);
	} commands[] = {
		{ "scan", cmd_scan },
		{ "denylist", cmd_denylist },
		{ "probes", cmd_probes },
		{ "suffixes", cmd_suffixes },
		{ "diff", cmd_diff },
		{ "whatif", cmd_whatif },
		{ "report", cmd_report },
	};
	const char *cmd;
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	output_guard_signals();
	cmd = argv[1];
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
		printf("inlscan %s\n", INLSCAN_VERSION);
		return 0;
	}
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") ||
	    !strcmp(cmd, "help")) {
		usage(stdout);
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(cmd, commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "inlscan: unknown command '%s'; try 'inlscan --help'\n",
		cmd);
	return EXIT_USAGE;
}
