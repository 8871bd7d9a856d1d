// SPDX-License-Identifier: GPL-2.0-only
/*
 * inlscan: which functions a symbol-based tracer cannot fully see because
 * the compiler inlined them, from the DWARF of a vmlinux, module or ELF.
 */
#include "cli.h"

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
