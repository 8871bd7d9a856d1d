/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_DATAREFS_H
#define INLSCAN_DATAREFS_H

#include "../common/records.h"
#include "input.h"
#include "tables.h"

/*
 * Mark the FUNC symbols whose address is stored in the image's data: a
 * pointer-sized word in an allocated data section (a linked image), a
 * dynamic relocation's addend (PIE, shared objects), or a relocation from
 * a data section (ET_REL). Evidence that a function is called through a
 * pointer, so its out-of-line copy must stay. Tables that list functions
 * for the tools themselves (ftrace, kprobes, unwinding) are not evidence.
 */
void datarefs_mark(struct input *in, struct image_rec *img,
		   const struct kernel_bounds *b);

#endif
