/*
 * The slides' livepatch case in miniature. md_run is inlined into
 * md_run_all here, and under ThinLTO into main.c as well, so a fix to
 * md_run must also patch every function that carries it inline.
 * Importing md_run into main.c promotes the statics it uses:
 * md_validate becomes md_validate.llvm.<hash of this module>, and the
 * hash changes with any edit of this file.
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
