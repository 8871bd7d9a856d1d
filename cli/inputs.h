/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_INPUTS_H
#define INLSCAN_INPUTS_H

#include <stdbool.h>
#include <stddef.h>

struct file_id {
	unsigned long long dev, ino;
};

struct input_list {
	char **paths;
	bool *from_dir;		/* found by a directory walk */
	size_t n, cap;
	size_t problems;	/* directories not walked, said on stderr */
	struct file_id *seen;	/* files and directories met in walks */
	size_t nseen, seen_cap;
};

/*
 * Files as given; directories become their ELF files, sorted, following
 * symbolic links (each file and directory once, so loops end).
 */
int input_list_expand(struct input_list *list, char *const *args,
		      size_t nargs);
void input_list_free(struct input_list *list);

#endif
