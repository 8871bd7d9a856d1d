/* SPDX-License-Identifier: GPL-2.0-only */
/* JSON pieces shared by every JSON writer in report/. */
#ifndef INLSCAN_JSON_UTIL_H
#define INLSCAN_JSON_UTIL_H

#include <jansson.h>
#include <stdio.h>

#include "../analyzer/model.h"

json_t *json_addr(uint64_t addr);
/* A string of any bytes, losslessly (escape.h); "" for NULL. */
json_t *json_text(const char *s);
json_t *json_str_or_null(const char *s);
json_t *owner_object(const struct symbol_owner *owner);
json_t *suffixed_object(const struct suffixed_symbol *s);
/* Dump root to out, indented, newline-terminated; frees root. */
int json_write(FILE *out, json_t *root);

#endif
