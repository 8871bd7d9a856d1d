// SPDX-License-Identifier: GPL-2.0-only
/* The classification rules, one function at a time, on hand-built data. */
#include <stdio.h>
#include <string.h>

#include "../../analyzer/classify.h"
#include "check.h"

static struct function with(size_t same, size_t cross,
			    struct outline_copy *copies, size_t n)
{
	struct function fn = { .name = "f" };

	fn.sites = same + cross;
	fn.sites_same_tu = same;
	fn.sites_cross_tu = cross;
	fn.copies = copies;
	fn.ncopies = n;
	return fn;
}

static void test_status(void)
{
	struct outline_copy copy = { .symbol = "f" };
	struct function fn;

	fn = with(2, 0, &copy, 1);
	classify_status(&fn);
	CHECK(fn.status == STATUS_PARTIAL && fn.scope == SCOPE_SAME_TU,
	      "sites and a copy: partial, same_tu (got %d, %d)", fn.status,
	      fn.scope);
	fn = with(0, 3, NULL, 0);
	classify_status(&fn);
	CHECK(fn.status == STATUS_FULL && fn.scope == SCOPE_CROSS_TU,
	      "sites, no copy: full, cross_tu (got %d, %d)", fn.status,
	      fn.scope);
	fn = with(1, 1, &copy, 1);
	classify_status(&fn);
	CHECK(fn.scope == SCOPE_BOTH, "both kinds of site: both (got %d)",
	      fn.scope);
	fn = with(0, 0, &copy, 1);
	classify_status(&fn);
	CHECK(fn.status == STATUS_OUTLINE && fn.scope == SCOPE_NONE,
	      "a copy, no site: outline, no scope (got %d, %d)", fn.status,
	      fn.scope);
}

static void test_attachable(void)
{
	struct outline_copy none = { 0 }, traced = { .symbol = "f",
						     .ftrace = true },
			    notrace = { .symbol = "f" },
			    nokprobe = { .symbol = "f", .ftrace = true,
					 .nokprobe = "_kprobe_blacklist" };

	CHECK(!copy_listed_by_ftrace(&none, false),
	      "no symbol: never listed");
	CHECK(copy_listed_by_ftrace(&notrace, false) &&
		      !copy_listed_by_ftrace(&notrace, true),
	      "no mcount entry: listed only where the image has no table");
	CHECK(copy_attachable(&traced, true) &&
		      !copy_attachable(&nokprobe, true),
	      "nokprobe code is listed but not attachable");
}

static void test_blind_spot(void)
{
	struct outline_copy plain = { .symbol = "f", .ftrace = true },
			    clone = { .symbol = "f.isra.0", .clone = "isra",
				      .ftrace = true },
			    notrace = { .symbol = "f" };
	struct function fn;

	fn = with(2, 0, &plain, 1);
	fn.status = STATUS_PARTIAL;
	CHECK(classify_blind_spot(&fn, true) == BLIND_INCOMPLETE,
	      "partial with an attachable plain copy: incomplete");
	fn = with(2, 0, &clone, 1);
	fn.status = STATUS_PARTIAL;
	CHECK(classify_blind_spot(&fn, true) == BLIND_UNTRACEABLE,
	      "only a clone copy: untraceable by name");
	fn = with(2, 0, &notrace, 1);
	fn.status = STATUS_PARTIAL;
	CHECK(classify_blind_spot(&fn, true) == BLIND_NOT_ATTACHABLE &&
		      classify_blind_spot(&fn, false) == BLIND_INCOMPLETE,
	      "no mcount entry: not attachable where the table exists");
	fn = with(2, 0, NULL, 0);
	fn.status = STATUS_FULL;
	CHECK(classify_blind_spot(&fn, true) == BLIND_UNTRACEABLE,
	      "full: untraceable");
	fn = with(0, 0, &plain, 1);
	fn.status = STATUS_OUTLINE;
	CHECK(classify_blind_spot(&fn, true) == BLIND_NONE,
	      "outline and attachable: no blind spot");
}

static void test_counts(void)
{
	struct outline_copy plain = { .symbol = "f", .ftrace = true };
	struct summary s = { 0 };
	struct function fn = with(3, 2, &plain, 1);
	uint8_t seen[3] = { DECL_SITE | DECL_CODE, DECL_SITE, DECL_CODE };
	struct decl decls[3] = { { "a.c", 1, false }, { "b.c", 2, false },
				 { "c.c", 3, false } };

	fn.status = STATUS_PARTIAL;
	fn.blind = BLIND_INCOMPLETE;
	fn.in_symtab = fn.ftrace = fn.plain_symbol = true;
	count_function(&s, &fn);
	CHECK(s.functions_partial == 1 && s.functions_partial_cross_tu == 1 &&
		      s.functions_partial_ftrace == 1 &&
		      s.functions_partial_clone_only == 0 &&
		      s.inline_sites == 5 && s.inline_sites_cross_tu == 2 &&
		      s.blind_incomplete == 1 && s.missed_inline_calls == 5,
	      "a partial function: its counters (sites %zu, missed %zu)",
	      s.inline_sites, s.missed_inline_calls);
	fn.decls = decls;
	fn.ndecls = 3;
	count_decls(&s, &fn, seen);
	CHECK(s.decls_partial == 1 && s.decls_full == 1,
	      "decls: site+code partial, site only full, code only neither (got %zu, %zu)",
	      s.decls_partial, s.decls_full);
}

int main(void)
{
	test_status();
	test_attachable();
	test_blind_spot();
	test_counts();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
