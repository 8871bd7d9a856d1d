/* SPDX-License-Identifier: GPL-2.0-only */
/* JSON pieces shared by every document in report/, on json_writer.h. */
#ifndef INLSCAN_JSON_UTIL_H
#define INLSCAN_JSON_UTIL_H

#include "../analyzer/model.h"
#include "json_writer.h"

/* A symbol's DWARF owner: an object, or null when it has none. */
void jw_owner(struct json_writer *w, const struct symbol_owner *owner);
void jw_suffixed(struct json_writer *w, const struct suffixed_symbol *s);
/* What was read, the same object in every document. */
void jw_input(struct json_writer *w, const struct report *r);
/* '{' and the "schema" member every document starts with. */
void jw_document_start(struct json_writer *w);

#endif
