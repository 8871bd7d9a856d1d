/*
 * The slides' livepatch case in miniature, and each reason a binary-diff
 * tool (kpatch-build, klp-build) finds a function changed after
 * md-check.patch:
 * - its own code: md_run (the check), md_set_max;
 * - it carries a changed function inline: md_run_all, and under ThinLTO
 *   main (md_run imported into main.c);
 * - an inlining decision flipped: the patch grows md_scale past what the
 *   compilers inline, so md_scale_up and md_scale_down call it now, and
 *   md_scale appears as a new function (fully inlined before);
 * - it refers to a renamed symbol (ThinLTO): importing md_run promotes
 *   the statics it uses to name.llvm.<hash of this module>, a hash that
 *   changes with any edit of this file (md_check, md_max);
 * - only a reference moved (GCC): md_personality's jump table in .rodata
 *   sits after the one the patch adds to md_set_max;
 * - only line numbers in its code moved: md_sanity passes __LINE__, as
 *   WARN does, below the lines the patch adds;
 * and a name that holds a line number, md_initstub_<line>, renamed by the
 * lines the patch adds above it.
 */
#include "md.h"

static __attribute__((noinline)) int md_validate(int level)
{
	__asm__ volatile("" : "+r"(level));
	return level & 7;
}

/* Only md.c's own functions use it: local until an imported one does. */
static int md_max_level = 5;

__attribute__((used)) void md_set_max(int max)
{
	md_max_level = max;
}

__attribute__((used)) int md_max(void)
{
	return md_max_level;
}

__attribute__((always_inline)) inline int md_run(int level)
{
	return md_validate(level) + 1;
}

__attribute__((noinline)) int md_run_all(int n)
{
	return md_run(n) + md_run(n + 1);
}

/* Unchanged by the patch, but calls md_validate by its promoted name. */
__attribute__((noinline, used)) int md_check(int level)
{
	return md_validate(level) * 2;
}

__attribute__((noinline, used)) int md_check_all(void)
{
	return md_check(1) + md_check(2);
}

/* Small: inlined into both callers; the patch grows it past that. */
static int md_scale(int x)
{
	return x * 3 + 1;
}

__attribute__((noinline, used)) int md_scale_up(int x)
{
	return md_scale(x) * x;
}

__attribute__((noinline, used)) int md_scale_down(int x)
{
	return md_scale(x) - 1;
}

/* A jump table in .rodata, found by offset: it moves when one lands before. */
__attribute__((noinline, used)) int md_personality(int level)
{
	switch (level) {
	case 0: return md_check(level);
	case 1: return md_max() + 1;
	case 2: return md_run_all(level);
	case 3: return md_check(level + 3) * 3;
	case 4: return md_max() * 5;
	case 5: return md_run_all(level) - 7;
	case 6: return md_scale_down(level) + 9;
	default: return -1;
	}
}

/* As WARN does: the line it is on, in its code. */
__attribute__((noinline)) void md_warn(int line)
{
	__asm__ volatile("" : : "r"(line));
}

__attribute__((noinline, used)) int md_sanity(int level)
{
	if (level < 0)
		md_warn(__LINE__);
	return level;
}

/*
 * The kernel names initcall stubs after their line
 * (__initstub__kmod_md_mod__609_10455_md_init4): a patch above renames
 * them, though their code is the same.
 */
#define MD_INITCALL(fn, line)                                             \
	static __attribute__((used, noinline)) int md_initstub_##line(void) \
	{                                                                   \
		return fn() + 1;                                            \
	}                                                                   \
	int (*md_initcall_##fn)(void) = md_initstub_##line
#define MD_INITCALL_AT(fn, line) MD_INITCALL(fn, line)
MD_INITCALL_AT(md_check_all, __LINE__);
