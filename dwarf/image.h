/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_IMAGE_H
#define INLSCAN_IMAGE_H

#include "../common/records.h"
#include "input.h"

/* Fill everything of img that comes from ELF rather than DWARF. */
void image_read_elf(struct input *in, struct image_rec *img);

#endif
