/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_DESCRIBE_H
#define INLSCAN_DESCRIBE_H

#include "join.h"
#include "model.h"

/* Fill the input block of r (needs r's summary and suffixes done). */
void describe_input(const struct image_rec *img, const struct join *j,
		    struct report *r);

#endif
