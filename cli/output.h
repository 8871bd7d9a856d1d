/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Where a command's output goes. A regular file is written whole or not
 * at all: into a temporary file beside it, synced, then renamed over it,
 * so a full disk or a kill never leaves half a deny-list. Other targets
 * (stdout, a pipe, a tracefs file) are written directly. Every write is
 * checked up to the final close.
 */
#ifndef INLSCAN_OUTPUT_H
#define INLSCAN_OUTPUT_H

#include <stdio.h>

struct output {
	const char *path;	/* NULL: standard output */
	char *tmp;		/* the temporary file renamed to path */
	FILE *f;
};

/*
 * Open path (NULL: stdout) for writing. Refuses, with a message, a path
 * that is one of the inputs (same device and inode). Returns 0 or -1.
 */
int output_open(struct output *out, const char *path,
		const char *const *inputs, size_t ninputs);
/*
 * Finish: render_rc is what the renderer returned (non-zero: failed).
 * Flushes, syncs and renames, or removes the temporary file; says on
 * stderr what failed. Returns 0 or 1.
 */
int output_close(struct output *out, int render_rc);
/*
 * A kill removes the temporary file; an input that shrinks while mapped
 * (SIGBUS) ends the run with one clear line instead of a crash.
 */
void output_guard_signals(void);

/* "inlscan CMD: " (or "inlscan: " without one), the message, a newline */
void cli_err(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* What the last cli_err said, prefix included ("" if nothing). */
const char *cli_last_error(void);

#endif
