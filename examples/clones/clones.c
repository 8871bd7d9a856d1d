/* GCC clones: a tracer must name these functions by their clone symbols.
 *
 * - sum_fields: static, never inlined, only reads two fields through its
 *   pointer argument: IPA-SRA passes the fields instead (sum_fields.isra.0).
 * - compute: static, never inlined, always called with mode == 2: IPA-CP
 *   specialises it (compute.constprop.0).
 * Both are "outline" yet cannot be traced under their plain names.
 */
#include <stdio.h>

struct pair {
	int a, b, unused[8];
};

static __attribute__((noinline)) int sum_fields(struct pair *p)
{
	return p->a * 3 + p->b;
}

static __attribute__((noinline)) int compute(int mode, int x)
{
	int i, r = x;

	for (i = 0; i < mode; i++)
		r = r * 31 + i;
	return r;
}

int main(int argc, char **argv)
{
	struct pair p = { .a = argc, .b = argc + 1 };

	(void)argv;
	printf("%d %d %d\n", sum_fields(&p), compute(2, argc),
	       compute(2, argc + 5));
	return 0;
}
