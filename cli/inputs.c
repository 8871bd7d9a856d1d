// SPDX-License-Identifier: GPL-2.0-only
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../common/util.h"
#include "../dwarf/input.h"

static void add(struct input_list *list, char *path, bool from_dir)
{
	size_t cap = list->cap;

	grow_array((void **)&list->paths, &list->cap, list->n + 1,
		   sizeof(char *));
	grow_array((void **)&list->from_dir, &cap, list->n + 1, sizeof(bool));
	list->paths[list->n] = path;
	list->from_dir[list->n++] = from_dir;
}

static void walk_dir(struct input_list *list, const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct stat st;
	char **names = NULL, *path;
	size_t n = 0, cap = 0, i;

	if (!d || depth > 64) {
		if (d)
			closedir(d);
		return;
	}
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			*ARRAY_PUSH(names, n, cap) = xstrdup(e->d_name);
	closedir(d);
	/* sorted, so the report order does not depend on the filesystem */
	sort_array(names, n, sizeof(*names), compare_strings);
	for (i = 0; i < n; i++) {
		path = xasprintf("%s/%s", dir, names[i]);
		free(names[i]);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			walk_dir(list, path, depth + 1);
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    input_looks_like_elf(path)) {
			add(list, path, true);
			continue;
		}
		free(path);
	}
	free(names);
}

int input_list_expand(struct input_list *list, char *const *args,
		      size_t nargs)
{
	struct stat st;
	size_t i;

	for (i = 0; i < nargs; i++) {
		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode))
			walk_dir(list, args[i], 0);
		else
			add(list, xstrdup(args[i]), false);
	}
	return 0;
}

void input_list_free(struct input_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		free(list->paths[i]);
	free(list->paths);
	free(list->from_dir);
	memset(list, 0, sizeof(*list));
}
