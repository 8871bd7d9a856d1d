// SPDX-License-Identifier: GPL-2.0-only
#include "tracefs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"

static int compare_names(const void *x, const void *y)
{
	const struct ftrace_name *a = x, *b = y;
	int c = strcmp(a->module ? a->module : "",
		       b->module ? b->module : "");

	return c ? c : strcmp(a->name, b->name);
}

/* "name" or "name [module]", as available_filter_functions prints. */
static void add_line(struct ftrace_listing *l, size_t *cap, char *line)
{
	struct ftrace_name *e;
	char *mod;

	line[strcspn(line, "\n")] = '\0';
	mod = strstr(line, " [");
	if (mod) {
		*mod = '\0';
		mod += 2;
		mod[strcspn(mod, "]")] = '\0';
	}
	if (!*line)
		return;
	e = ARRAY_PUSH(l->v, l->n, *cap);
	e->name = xstrdup(line);
	e->module = mod ? xstrdup(mod) : NULL;
}

int ftrace_listing_read(const char *sysroot, struct ftrace_listing *out)
{
	static const char *const dirs[] = {
		"/sys/kernel/tracing", "/sys/kernel/debug/tracing",
	};
	char line[1024], *path = NULL;
	size_t i, cap = 0;
	FILE *f = NULL;

	memset(out, 0, sizeof(*out));
	for (i = 0; !f && i < ARRAY_SIZE(dirs); i++) {
		free(path);
		path = xasprintf("%s%s/available_filter_functions", sysroot,
				 dirs[i]);
		f = fopen(path, "re");
		if (f)
			out->tracefs = xasprintf("%s%s", sysroot, dirs[i]);
	}
	free(path);
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		add_line(out, &cap, line);
	fclose(f);
	sort_array(out->v, out->n, sizeof(*out->v), compare_names);
	return 0;
}

int ftrace_listing_has(const struct ftrace_listing *l, const char *name,
		       const char *module)
{
	struct ftrace_name key = { .name = (char *)name,
				   .module = (char *)module };

	return bsearch(&key, l->v, l->n, sizeof(*l->v), compare_names) != NULL;
}

void ftrace_listing_free(struct ftrace_listing *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].module);
	}
	free(l->v);
	free(l->tracefs);
	memset(l, 0, sizeof(*l));
}
