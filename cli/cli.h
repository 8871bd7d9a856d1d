/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The command line: what every command's file shares. Each command
 * (its usage, its handler) lives in a file of its name; options.c parses,
 * session.c reads the inputs every command reads.
 */
#ifndef INLSCAN_CLI_H
#define INLSCAN_CLI_H

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
#include "../report/livepatch.h"
#include "../report/html.h"
#include "../report/tracer.h"
#include "../report/whatif.h"
#include "../report/escape.h"
#include "inputs.h"
#include "output.h"
#include "bpftrace.h"
#include "partial.h"

#define EXIT_USAGE 2
/* diff, as diff(1) */
#define EXIT_DIFFERENCES 1
#define EXIT_TROUBLE 2
#define MAX_JOBS 1024

enum command {
	CMD_SCAN = 1 << 0,
	CMD_DENYLIST = 1 << 1,
	CMD_PROBES = 1 << 2,
	CMD_SUFFIXES = 1 << 3,
	CMD_DIFF = 1 << 4,
	CMD_WHATIF = 1 << 5,
	CMD_REPORT = 1 << 6,
	CMD_SHOW = 1 << 7,
};

enum option_id {
	OPT_JSON = 256, OPT_SITES, OPT_ALL, OPT_TOP, OPT_DEBUG_FILE,
	OPT_BY_DIR, OPT_FORMAT, OPT_MIN_SITES, OPT_SCOPE, OPT_DIR,
	OPT_FAIL_ON, OPT_LIVEPATCH, OPT_CHANGED, OPT_DIFF, OPT_ALLOW_PARTIAL,
	OPT_CHECK_BPFTRACE, OPT_BOOT, OPT_GLOB, OPT_KERNEL, OPT_SYSROOT,
};


/* One row of option_table (option_table.c). */
struct option_spec {
	const char *name;	/* the long name */
	char short_name;	/* or 0 */
	const char *arg;	/* the argument's name in help; NULL: none */
	int id;			/* getopt's value: short_name or OPT_* */
	unsigned int commands;	/* enum command bits */
	const char *help;	/* its lines, for the text column of --help */
};

struct command_spec {
	const char *name;
	enum command cmd;
	void (*usage)(FILE *out);
	int (*run)(int argc, char **argv);
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
	bool pretty;		/* -p: JSON indented */
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
 * its own while the report is written (on the analysis' thread it left
 * the other CPUs idle); joined when the session ends.
 */
struct image_reaper {
	pthread_t thread;
	bool running;
};

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

/* Renders one report of a command that prints a section per image. */
typedef int (*render_one_fn)(FILE *out, struct report *r,
			     const struct options *o);

/* option_table.c: every option and command, once */
unsigned int option_commands(int id);
const struct option *option_longopts(void);
const char *option_shorts(void);
void print_options(FILE *out, enum command cmd);
void dump_options(FILE *out);
const struct command_spec *find_command(const char *name);
const struct command_spec *command_of(enum command cmd);
/* options.c: the command line into struct options */
void command_usage(const struct options *o, FILE *out);
int parse_options(int argc, char **argv, struct options *o);
int online_cpus(void);
int start_command(int argc, char **argv, struct options *o,
		  int min_args);
void init_options(struct options *o, enum command cmd,
		  const char *name);
/* What the options decide once parsed: threads, the operands (-o's
 * collision check) */
void finish_options(struct options *o, char **operands, size_t n);
enum json_style json_style_of(const struct options *o);
/*
 * The command's exit status. With --json, a command that fails before
 * it wrote anything prints {"error": "the last error line"} on stdout
 * (bpftool's rule), so that a JSON consumer always reads JSON.
 */
int command_end(const struct options *o, int status, bool wrote);

struct site_patterns {
	char **names, **globs;
	size_t nnames, nglobs;
};

void sites_for_patterns(struct options *o, char **patterns, size_t n,
			struct site_patterns *p);
void sites_free(struct site_patterns *p);
/* session.c: the inputs every command reads, and where output goes */
FILE *open_output(const struct options *o, struct output *out);
void session_end(struct session *s);
bool any_report(const struct scan_results *res);
int read_inputs(const struct options *o, char **args, size_t nargs,
		struct session *s);
int kernel_inputs(const struct options *o, struct session *s,
		  bool modules, size_t *n);
void apply_runtime(const struct options *o, struct session *s);
int read_operands(int argc, char **argv, struct options *o,
		  struct session *s);
struct report *read_side(const struct options *o, char *arg,
			 struct session *s, int *status);
int run_per_image(int argc, char **argv, enum command cmd,
		  const char *name, render_one_fn render);
/* one file per command: its usage and its handler */
void scan_usage(FILE *out);
int cmd_scan(int argc, char **argv);
void denylist_usage(FILE *out);
int cmd_denylist(int argc, char **argv);
void probes_usage(FILE *out);
int cmd_probes(int argc, char **argv);
void suffixes_usage(FILE *out);
int cmd_suffixes(int argc, char **argv);
void whatif_usage(FILE *out);
int cmd_whatif(int argc, char **argv);
void diff_usage(FILE *out);
int cmd_diff(int argc, char **argv);
void report_usage(FILE *out);
int cmd_report(int argc, char **argv);
void show_usage(FILE *out);
int cmd_show(int argc, char **argv);

#endif
