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
#include "../report/escape.h"
#include "output.h"

/* Deeper trees are not what a modules directory looks like. */
#define MAX_DEPTH 64

static void add(struct input_list *list, char *path, bool from_dir)
{
	size_t cap = list->cap;

	grow_array((void **)&list->paths, &list->cap, list->n + 1,
		   sizeof(char *));
	grow_array((void **)&list->from_dir, &cap, list->n + 1, sizeof(bool));
	list->paths[list->n] = path;
	list->from_dir[list->n++] = from_dir;
}

/* Whether st's file was met before in a walk; remembers it if not. */
static bool seen_before(struct input_list *list, const struct stat *st)
{
	struct file_id *id;
	size_t i;

	for (i = 0; i < list->nseen; i++)
		if (list->seen[i].dev == (unsigned long long)st->st_dev &&
		    list->seen[i].ino == (unsigned long long)st->st_ino)
			return true;
	id = ARRAY_PUSH(list->seen, list->nseen, list->seen_cap);
	id->dev = (unsigned long long)st->st_dev;
	id->ino = (unsigned long long)st->st_ino;
	return false;
}

static void walk_dir(struct input_list *list, const char *dir, int depth);

/* One entry of a directory: a subdirectory or an ELF file, links followed. */
static void walk_entry(struct input_list *list, char *path, int depth)
{
	struct stat st;

	if (stat(path, &st) || seen_before(list, &st)) {
		free(path);
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		walk_dir(list, path, depth + 1);
		free(path);
	} else if (S_ISREG(st.st_mode) && input_looks_like_elf(path)) {
		add(list, path, true);
	} else {
		free(path);
	}
}

static void walk_dir(struct input_list *list, const char *dir, int depth)
{
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;

	if (depth > MAX_DEPTH) {
		cli_err(NULL, "skipped %s: deeper than %d directories below the input",
			shown(dir), MAX_DEPTH);
		list->problems++;
		return;
	}
	d = opendir(dir);
	if (!d) {
		cli_err(NULL, "skipped %s: %s",
			shown(dir), strerror(errno));
		list->problems++;
		return;
	}
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			*ARRAY_PUSH(names, n, cap) = xstrdup(e->d_name);
	closedir(d);
	/* sorted, so the report order does not depend on the filesystem */
	sort_array(names, n, sizeof(*names), compare_strings);
	for (i = 0; i < n; i++) {
		walk_entry(list, xasprintf("%s/%s", dir, names[i]), depth);
		free(names[i]);
	}
	free(names);
}

int input_list_expand(struct input_list *list, char *const *args,
		      size_t nargs)
{
	struct stat st;
	size_t i;

	for (i = 0; i < nargs; i++) {
		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode) &&
		    !seen_before(list, &st))
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
	free(list->seen);
	memset(list, 0, sizeof(*list));
}
