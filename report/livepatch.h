/* SPDX-License-Identifier: GPL-2.0-only */
/* The livepatch view (analyzer/livepatch.h), as text or JSON. */
#ifndef INLSCAN_REPORT_LIVEPATCH_H
#define INLSCAN_REPORT_LIVEPATCH_H

#include <stdbool.h>
#include <stdio.h>

#include "../analyzer/livepatch.h"
#include "render.h"

int render_livepatch(FILE *out, const struct report *old,
		     const struct report *new,
		     const struct livepatch_view *v, enum json_style json);

#endif
