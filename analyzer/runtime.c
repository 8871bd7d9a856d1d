// SPDX-License-Identifier: GPL-2.0-only
#include "runtime.h"

#include <stdlib.h>

#include "../common/util.h"
#include "classify.h"

static void note_name(const char ***v, size_t *n, size_t *cap,
		      const char *name)
{
	/* a name's copies are adjacent: each name once */
	if (*n && (*v)[*n - 1] == name)
		return;
	*ARRAY_PUSH(*v, *n, *cap) = name;
}

void runtime_apply(struct report *r, const char *module,
		   const char *tracefs, ftrace_lists_fn lists, void *arg)
{
	struct runtime_view *v = xcalloc(1, sizeof(*v));
	struct outline_copy *c;
	size_t i, k, off_cap = 0, run_cap = 0;
	const char *name;
	bool listed;

	v->tracefs = strpool_intern(&r->strings, tracefs);
	for (i = 0; i < r->nfunctions; i++) {
		for (k = 0; k < r->functions[i].ncopies; k++) {
			c = &r->functions[i].copies[k];
			if (!c->symbol || c->init)
				continue;
			name = copy_ftrace_name(c);
			listed = lists(name, module, arg);
			v->listed += listed;
			if (c->ftrace && !listed)
				note_name(&v->offline_only,
					  &v->noffline_only, &off_cap, name);
			else if (!c->ftrace && listed &&
				 r->summary.has_ftrace)
				note_name(&v->runtime_only,
					  &v->nruntime_only, &run_cap, name);
			c->ftrace = listed;
		}
	}
	r->summary.has_ftrace = true;
	free(r->runtime);
	r->runtime = v;
}
