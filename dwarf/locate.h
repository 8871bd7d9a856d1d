/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The running kernel and its loaded modules, by build ID, and the files
 * with their DWARF: the standard debug paths first, each file's build ID
 * checked, then debuginfod when DEBUGINFOD_URLS is set. Everything is
 * read under a sysroot, so that a copy of another machine's /sys, /proc
 * and debug tree can stand in for this one.
 */
#ifndef INLSCAN_LOCATE_H
#define INLSCAN_LOCATE_H

#include <stdbool.h>
#include <stddef.h>

struct kernel_lookup {
	const char *sysroot;	/* "" for this machine */
	bool modules;		/* the loaded modules too */
	bool progress;		/* a debuginfod download's progress on stderr */
};

/* One part of the running kernel. */
struct kernel_part {
	char *name;		/* "vmlinux", or the module's name */
	char *build_id;		/* hex, as the running kernel has it */
	char *path;		/* the debug file found; NULL if none */
};

struct kernel_parts {
	char *release;		/* uname -r of the running kernel */
	struct kernel_part *v;	/* the vmlinux first, then modules by name */
	size_t n;
};

/*
 * Find them. Returns 0 (a module without debug file has path NULL and
 * is said on stderr), or -1 with *err (caller frees): the vmlinux's
 * build ID or debug file cannot be found, and what to install.
 */
int kernel_locate(const struct kernel_lookup *l, struct kernel_parts *out,
		  char **err);
void kernel_parts_free(struct kernel_parts *p);

/* The GNU build ID in an ELF note blob (a notes file), hex; or NULL. */
char *notes_build_id(const unsigned char *buf, size_t len);

#endif
