#include <stdio.h>

#include "util.h"

/* A static helper inlined at both direct calls (always_inline) whose
 * address is also taken: partial, 2 same-TU sites, out-of-line "helper".
 */
static __attribute__((always_inline)) inline int helper(int x)
{
	return x * x + 1;
}

int (*volatile helper_ptr)(int) = helper;

int main(int argc, char **argv)
{
	int v = argc * 3;
	int r;

	(void)argv;
	r = helper(v) + helper(v + 1);
	r = clamp_add(r, v);
	r += helper_ptr(v);
	r += scale(v);
	r += remote_only(v);
	r += lib_entry(v) + lib_api(v);
	printf("%d\n", r);
	return 0;
}
