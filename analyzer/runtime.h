/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The running kernel's own answer to "can ftrace attach here": what its
 * available_filter_functions lists replaces the image's mcount table,
 * and every disagreement between the two is kept.
 */
#ifndef INLSCAN_RUNTIME_H
#define INLSCAN_RUNTIME_H

#include "model.h"

/* Whether the running kernel's ftrace lists name (in module, or NULL). */
typedef bool (*ftrace_lists_fn)(const char *name, const char *module,
				void *arg);

/*
 * Set each copy's ftrace from what the running kernel lists (module:
 * r's module name, NULL for vmlinux) and keep in r->runtime the copies
 * the two readings disagree on. __init copies are left alone: freed
 * after boot, ftrace no longer lists them.
 */
void runtime_apply(struct report *r, const char *module,
		   const char *tracefs, ftrace_lists_fn lists, void *arg);

#endif
