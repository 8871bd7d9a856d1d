/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The members of a report's function objects, in the order written: the
 * writer (json_functions.c) and the loader (load.c) both expand these, so
 * a field is added in one place. X(key, struct member, kind); kinds:
 * STRING (NULL as null), UINT, BOOL, ADDR ("0x..."), and the special
 * FTRACE (null when the image has no mcount table), PROBE ("sym+0xoff"
 * from probe_symbol and probe_offset), BLIND (blind_spot_name).
 */
#ifndef INLSCAN_JSON_KEYS_H
#define INLSCAN_JSON_KEYS_H

/* struct decl, in "decls" */
#define DECL_FIELDS(X) \
	X(file, file, STRING) \
	X(line, line, UINT) \
	X(external, external, BOOL)

/* struct outline_copy, in "out_of_line" */
#define COPY_FIELDS(X) \
	X(symbol, symbol, STRING) \
	X(address, address, ADDR) \
	X(size, size, UINT) \
	X(tu, tu, STRING) \
	X(clone, clone, STRING) \
	X(ftrace, ftrace, FTRACE) \
	X(nokprobe, nokprobe, STRING) \
	X(data_ref, data_ref, BOOL) \
	X(init, init, BOOL) \
	X(name_shared, name_shared, BOOL) \
	X(ftrace_name, ftrace_name, STRING)

/* struct inline_site, in "inline_sites" (with --sites) */
#define SITE_FIELDS(X) \
	X(caller, caller, STRING) \
	X(container, container, STRING) \
	X(tu, tu, STRING) \
	X(cross_tu, cross_tu, BOOL) \
	X(call_file, call_file, STRING) \
	X(call_line, call_line, UINT) \
	X(entry, entry, ADDR) \
	X(probe, probe_symbol, PROBE) \
	X(refused, refused, STRING)

/* struct function's counts under "sites" */
#define SITE_COUNT_FIELDS(X) \
	X(total, sites, UINT) \
	X(same_tu, sites_same_tu, UINT) \
	X(cross_tu, sites_cross_tu, UINT)

/* struct function after "out_of_line" */
#define FUNCTION_TAIL_FIELDS(X) \
	X(in_symtab, in_symtab, BOOL) \
	X(traceable_by_name, plain_symbol, BOOL) \
	X(blind_spot, blind, BLIND) \
	X(direct_calls, direct_calls, UINT) \
	X(inlined_bytes, inlined_bytes, UINT) \
	X(exported, exported, BOOL)

#endif
