/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The summary's counters, listed once: the JSON writer and reader, the
 * text and HTML views, the diff and the merge of partitions all walk this
 * table, so a counter added here reaches each of them.
 */
#ifndef INLSCAN_SUMMARY_H
#define INLSCAN_SUMMARY_H

#include <stddef.h>

#include "model.h"

struct summary_field {
	const char *name;	/* its JSON key */
	const char *label;	/* in words, for people */
	size_t offset;
};

/* NULL-terminated. */
extern const struct summary_field summary_fields[];

static inline size_t *summary_count(struct summary *s,
				    const struct summary_field *f)
{
	return (size_t *)((char *)s + f->offset);
}

static inline size_t summary_get(const struct summary *s,
				 const struct summary_field *f)
{
	return *(const size_t *)((const char *)s + f->offset);
}

/* Every counter of from added to to; has_ftrace is or-ed. */
void summary_add(struct summary *to, const struct summary *from);

#endif
