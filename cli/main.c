// SPDX-License-Identifier: GPL-2.0-only
/*
 * inlscan: which functions a symbol-based tracer cannot fully see because
 * the compiler inlined them, from the DWARF of a vmlinux, module or ELF.
 */
#include "cli.h"

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: inlscan [-V|--version] [-h|--help] COMMAND [OPTIONS] ...\n"
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
		"  show FUNC|GLOB... [FILE|DIR|REPORT.json]\n"
		"                     one function's story: copies, sites by caller, the\n"
		"                     calls a trace sees and misses, its probe lines\n"
		"  help [COMMAND]     this text, or COMMAND's options\n"
		"\n"
		"A REPORT.json is what 'inlscan scan --json' wrote: a large image is walked\n"
		"once. Run 'inlscan COMMAND --help' for a command's options.\n");
}

/*
 * help, help COMMAND, and help --options: the option table dumped for
 * docs/generate.sh.
 */
static int help(int argc, char **argv)
{
	const struct command_spec *c;

	if (argc < 3) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[2], "--options")) {
		dump_options(stdout);
		return 0;
	}
	c = find_command(argv[2]);
	if (!c) {
		cli_err("help", "no command '%s'; try 'inlscan --help'",
			argv[2]);
		return EXIT_USAGE;
	}
	c->usage(stdout);
	return 0;
}

int main(int argc, char **argv)
{
	const struct command_spec *c;
	const char *cmd;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	output_guard_signals();
	cmd = argv[1];
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V") ||
	    !strcmp(cmd, "version")) {
		printf("inlscan %s\n", INLSCAN_VERSION);
		return 0;
	}
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h"))
		return help(2, argv);
	if (!strcmp(cmd, "help"))
		return help(argc, argv);
	c = find_command(cmd);
	if (c)
		return c->run(argc - 1, argv + 1);
	cli_err(NULL, "unknown command '%s'; try 'inlscan --help'", cmd);
	return EXIT_USAGE;
}
