// SPDX-License-Identifier: GPL-2.0-only
/*
 * Every option, once: getopt's array, the check that an option belongs
 * to the command, each command's --help and the dump from which
 * docs/generate.sh writes the man page's option list and the completion
 * are all derived from option_table. An option whose help differs by
 * command has a row per wording.
 */
#include "cli.h"

#define CMD_ALL (CMD_SCAN | CMD_DENYLIST | CMD_PROBES | CMD_SUFFIXES | \
		 CMD_DIFF | CMD_WHATIF | CMD_REPORT | CMD_SHOW)
#define CMD_KERNEL_INPUT (CMD_ALL & ~CMD_DIFF)
#define CMD_IMAGES (CMD_DENYLIST | CMD_SUFFIXES | CMD_WHATIF)

static const struct option_spec option_table[] = {
	{ "format", 0, "F", OPT_FORMAT, CMD_DENYLIST,
	  "ftrace (set_ftrace_notrace; modules as sym:mod:M),\n"
	  "retsnoop (-d @file), bpftrace (the probe list of\n"
	  "--glob without the deny-list, for a script's\n"
	  "attach points), plain (sym [module]), json\n"
	  "(default: ftrace)" },
	{ "format", 0, "F", OPT_FORMAT, CMD_PROBES,
	  "kprobe (kprobe_events lines), uprobe (uprobe_events\n"
	  "lines), perf (perf probe commands), bpftrace (a\n"
	  "script counting every call), json (default:\n"
	  "kprobe for a kernel image, uprobe otherwise)" },
	{ "check-bpftrace", 0, NULL, OPT_CHECK_BPFTRACE, CMD_PROBES,
	  "ask the installed bpftrace (--info) whether it\n"
	  "can probe inside functions; without, inline\n"
	  "sites are comments in --format bpftrace" },
	{ "glob", 0, "PATTERN", OPT_GLOB, CMD_DENYLIST,
	  "only symbols matching PATTERN (fnmatch)" },
	{ "min-sites", 0, "N", OPT_MIN_SITES, CMD_DENYLIST,
	  "only functions inlined at >= N sites" },
	{ "scope", 0, "S", OPT_SCOPE, CMD_DENYLIST,
	  "same_tu, cross_tu (some cross-TU site: what LTO\n"
	  "added) or any (default)" },
	{ "dir", 0, "PREFIX", OPT_DIR, CMD_DENYLIST,
	  "only functions declared under PREFIX" },
	{ "boot", 0, NULL, OPT_BOOT, CMD_DENYLIST,
	  "keep functions in __init code (for ftrace_notrace=\n"
	  "on the kernel command line); without, they are\n"
	  "left out, as the running kernel has freed them" },
	{ "allow-partial", 0, NULL, OPT_ALLOW_PARTIAL,
	  CMD_DENYLIST | CMD_PROBES | CMD_SHOW,
	  "write the answer even if an input lacks something\n"
	  "(said on stderr); without it nothing is written" },
	{ "json", 0, NULL, OPT_JSON, CMD_SCAN,
	  "JSON output, schema inlscan/1 (docs/json.md),\n"
	  "compact; -p indents it" },
	{ "json", 0, NULL, OPT_JSON,
	  CMD_SUFFIXES | CMD_DIFF | CMD_WHATIF | CMD_DENYLIST | CMD_PROBES |
	  CMD_SHOW,
	  "JSON output (compact; -p indents it)" },
	{ "pretty", 'p', NULL, 'p', CMD_ALL & ~CMD_REPORT,
	  "JSON indented, a member per line" },
	{ "sites", 0, NULL, OPT_SITES, CMD_SCAN,
	  "list every inline site with a probe spec" },
	{ "all", 0, NULL, OPT_ALL, CMD_SCAN,
	  "list outline functions too" },
	{ "top", 0, "N", OPT_TOP, CMD_SCAN,
	  "text: show the top N partial functions (default 20)" },
	{ "top", 0, "N", OPT_TOP, CMD_WHATIF,
	  "text: the N functions with the largest difference\n"
	  "(default 20)" },
	{ "by-dir", 0, "DEPTH", OPT_BY_DIR, CMD_SCAN,
	  "group by the first DEPTH directories of the\n"
	  "declaration file" },
	{ "by-dir", 0, "DEPTH", OPT_BY_DIR, CMD_DIFF,
	  "also compare by declaration directory" },
	{ "by-dir", 0, "DEPTH", OPT_BY_DIR, CMD_WHATIF,
	  "totals per declaration directory" },
	{ "by-dir", 0, "DEPTH", OPT_BY_DIR, CMD_REPORT,
	  "directories for the chart (default 1)" },
	{ "fail-on", 0, "WHAT", OPT_FAIL_ON, CMD_DIFF,
	  "exit 1 if NEW has what OLD had not: new-partial,\n"
	  "new-full, renamed (comma-separated, repeatable)" },
	{ "livepatch", 0, NULL, OPT_LIVEPATCH, CMD_DIFF,
	  "OLD is the original, NEW the patched build (best the\n"
	  "objects a binary-diff tool compares, vmlinux.o): the\n"
	  "symbols it cannot pair by name, the functions whose\n"
	  "code or relocations differ and why (own code, a\n"
	  "carried inline function, flipped inlining, a renamed\n"
	  "reference, layout), new and gone functions.\n"
	  "A REPORT.json needs 'scan --json --all --sites'." },
	{ "changed", 0, "NAMES", OPT_CHANGED, CMD_DIFF,
	  "functions the patch changes (comma-separated,\n"
	  "repeatable): their own code is a cause even where\n"
	  "something else explains the change" },
	{ "diff", 0, "OTHER", OPT_DIFF, CMD_REPORT,
	  "OTHER (ELF or REPORT.json) is the baseline: the\n"
	  "LTO vs non-LTO or original vs patched view" },
	{ "kernel", 0, NULL, OPT_KERNEL, CMD_SCAN,
	  "the running kernel (and its loaded modules), by\n"
	  "build ID; the default with no input" },
	{ "kernel", 0, NULL, OPT_KERNEL, CMD_IMAGES,
	  "the running kernel (and its loaded modules), by\n"
	  "build ID, its ftrace listing as the answer" },
	{ "kernel", 0, NULL, OPT_KERNEL, CMD_PROBES | CMD_REPORT | CMD_SHOW,
	  "the running kernel's vmlinux, by build ID" },
	{ "sysroot", 0, "DIR", OPT_SYSROOT, CMD_KERNEL_INPUT,
	  "with --kernel: /sys, /proc and debug files under DIR" },
	{ "jobs", 'j', "N", 'j', CMD_SCAN,
	  "worker threads, 1 to 1024 (default and most: the\n"
	  "online CPUs)" },
	{ "jobs", 'j', "N", 'j', CMD_ALL & ~CMD_SCAN,
	  "worker threads" },
	{ "debug-file", 0, "F", OPT_DEBUG_FILE, CMD_SCAN | CMD_DENYLIST,
	  "read DWARF from F (one input only)" },
	{ "debug-file", 0, "F", OPT_DEBUG_FILE,
	  CMD_PROBES | CMD_SUFFIXES | CMD_WHATIF | CMD_REPORT | CMD_SHOW,
	  "read DWARF from F" },
	{ "output", 'o', "FILE", 'o', CMD_ALL,
	  "write to FILE instead of stdout" },
	{ "help", 'h', NULL, 'h', CMD_ALL, "this text" },
};

/* The name column of --help: "  -j, --jobs N" padded to the text. */
#define HELP_NAME_WIDTH 23

static const struct command_spec command_table[] = {
	{ "scan", CMD_SCAN, scan_usage, cmd_scan },
	{ "denylist", CMD_DENYLIST, denylist_usage, cmd_denylist },
	{ "probes", CMD_PROBES, probes_usage, cmd_probes },
	{ "suffixes", CMD_SUFFIXES, suffixes_usage, cmd_suffixes },
	{ "diff", CMD_DIFF, diff_usage, cmd_diff },
	{ "whatif", CMD_WHATIF, whatif_usage, cmd_whatif },
	{ "report", CMD_REPORT, report_usage, cmd_report },
	{ "show", CMD_SHOW, show_usage, cmd_show },
};

unsigned int option_commands(int id)
{
	unsigned int cmds = 0;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(option_table); i++)
		if (option_table[i].id == id)
			cmds |= option_table[i].commands;
	return cmds;
}

/* getopt_long's array, each option once, in table order. */
const struct option *option_longopts(void)
{
	static struct option opts[ARRAY_SIZE(option_table) + 1];
	size_t i, n = 0, k;

	if (opts[0].name)
		return opts;
	for (i = 0; i < ARRAY_SIZE(option_table); i++) {
		for (k = 0; k < n; k++)
			if (opts[k].val == option_table[i].id)
				break;
		if (k < n)
			continue;
		opts[n].name = option_table[i].name;
		opts[n].has_arg = option_table[i].arg ? required_argument
						      : no_argument;
		opts[n].val = option_table[i].id;
		n++;
	}
	return opts;
}

/* getopt_long's short options: "j:o:h" */
const char *option_shorts(void)
{
	static char shorts[2 * ARRAY_SIZE(option_table) + 1];
	size_t i, n = 0;

	if (shorts[0])
		return shorts;
	for (i = 0; i < ARRAY_SIZE(option_table); i++) {
		if (!option_table[i].short_name ||
		    strchr(shorts, option_table[i].short_name))
			continue;
		shorts[n++] = option_table[i].short_name;
		if (option_table[i].arg)
			shorts[n++] = ':';
	}
	return shorts;
}

static void print_option_help(FILE *out, const struct option_spec *spec)
{
	const char *line = spec->help, *end;
	int width;

	if (spec->short_name)
		width = fprintf(out, "  -%c, --%s", spec->short_name,
				spec->name);
	else
		width = fprintf(out, "      --%s", spec->name);
	if (spec->arg)
		width += fprintf(out, " %s", spec->arg);
	do {
		fprintf(out, "%*s", width < HELP_NAME_WIDTH
				   ? HELP_NAME_WIDTH - width : 1, "");
		end = line + strcspn(line, "\n");
		fprintf(out, "%.*s\n", (int)(end - line), line);
		line = *end ? end + 1 : end;
		width = 0;
	} while (*line);
}

void print_options(FILE *out, enum command cmd)
{
	size_t i;

	fprintf(out, "Options:\n");
	for (i = 0; i < ARRAY_SIZE(option_table); i++)
		if (option_table[i].commands & cmd)
			print_option_help(out, &option_table[i]);
}

const struct command_spec *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(command_table); i++)
		if (!strcmp(command_table[i].name, name))
			return &command_table[i];
	return NULL;
}

const struct command_spec *command_of(enum command cmd)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(command_table); i++)
		if (command_table[i].cmd == cmd)
			return &command_table[i];
	return &command_table[0];
}

/*
 * One line per option and command: "COMMAND\t-S\t--NAME\tARG\tHELP", the
 * help's lines joined by spaces, "-" where there is none. For
 * docs/generate.sh, which writes the man page's list and the completion.
 */
void dump_options(FILE *out)
{
	const struct option_spec *spec;
	const char *p;
	size_t i, c;

	for (c = 0; c < ARRAY_SIZE(command_table); c++)
		for (i = 0; i < ARRAY_SIZE(option_table); i++) {
			spec = &option_table[i];
			if (!(spec->commands & command_table[c].cmd))
				continue;
			fprintf(out, "%s\t", command_table[c].name);
			if (spec->short_name)
				fprintf(out, "-%c", spec->short_name);
			else
				fputc('-', out);
			fprintf(out, "\t--%s\t%s\t", spec->name,
				spec->arg ? spec->arg : "-");
			for (p = spec->help; *p; p++)
				fputc(*p == '\n' ? ' ' : *p, out);
			fputc('\n', out);
		}
}
