/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Each function's code as a binary-diff livepatch tool compares it: its
 * bytes, with the fields relocations fill zeroed, and what each of its
 * relocations refers to (a symbol by name, a merged string by its bytes,
 * or a section and offset where no symbol covers the place).
 */
#ifndef INLSCAN_CODE_H
#define INLSCAN_CODE_H

#include "../common/records.h"
#include "input.h"

/*
 * Fill has_code, code_hash and the references of img's FUNC symbols from
 * in's main file. An ET_REL file whose relocations libdwfl applied (and
 * emptied) has none: a warning says so. A linked file keeps its
 * relocations only with --emit-relocs; without them it has none either
 * (the bytes hold resolved addresses: a moved callee would change its
 * callers), and img->has_code stays false.
 */
void code_read(struct input *in, struct image_rec *img);

#endif
