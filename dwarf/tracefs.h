/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the running kernel's ftrace says it can trace: the names in
 * available_filter_functions, read from tracefs under a sysroot.
 */
#ifndef INLSCAN_TRACEFS_H
#define INLSCAN_TRACEFS_H

#include <stddef.h>

/* A name ftrace lists, and the module it is in (NULL: vmlinux). */
struct ftrace_name {
	char *name;
	char *module;
};

struct ftrace_listing {
	char *tracefs;		/* the directory read */
	struct ftrace_name *v;	/* sorted by module, then name */
	size_t n;
};

/*
 * Read available_filter_functions from SYSROOT/sys/kernel/tracing or
 * SYSROOT/sys/kernel/debug/tracing. Returns 0, or -1 if neither can be
 * read (not root, no tracefs): then out is empty.
 */
int ftrace_listing_read(const char *sysroot, struct ftrace_listing *out);
void ftrace_listing_free(struct ftrace_listing *l);
/* Whether name (in module, NULL: vmlinux) is listed. */
int ftrace_listing_has(const struct ftrace_listing *l, const char *name,
		       const char *module);

#endif
