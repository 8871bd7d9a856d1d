/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel's tracing tables read from an image: the ftrace table
 * (__mcount_loc, __patchable_function_entries) and what kprobes refuse
 * (_kprobe_blacklist, .kprobes.text, .noinstr.text, entry text).
 */
#ifndef INLSCAN_TABLES_H
#define INLSCAN_TABLES_H

#include "../common/records.h"
#include "input.h"

/* vmlinux keeps its tables between linker symbols, not in sections. */
enum kernel_bound {
	BOUND_MCOUNT_START,
	BOUND_MCOUNT_STOP,
	BOUND_BLACKLIST_START,
	BOUND_BLACKLIST_STOP,
	BOUND_KPROBES_START,
	BOUND_KPROBES_END,
	BOUND_NOINSTR_START,
	BOUND_NOINSTR_END,
	BOUND_ENTRY_START,
	BOUND_ENTRY_END,
	BOUND_IRQENTRY_START,
	BOUND_IRQENTRY_END,
	BOUND_INIT_START,
	BOUND_INIT_END,
	BOUND_TEXT,
	NR_BOUNDS,
};

struct kernel_bounds {
	uint64_t addr[NR_BOUNDS];
	bool found[NR_BOUNDS];
};

/* Remember sym if it is one of the bounds (address in DWARF space). */
void tables_note_symbol(struct kernel_bounds *b, const char *name,
			uint64_t addr);
/* The no-kprobe reason of code in a section of this name. */
enum nokprobe tables_section_nokprobe(const char *section);
/* Fill img's mcount, kprobe blacklist, no-kprobe and init ranges. */
void tables_read(struct input *in, struct image_rec *img,
		 const struct kernel_bounds *b);

#endif
