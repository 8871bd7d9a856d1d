#include "util.h"

/* A global inlined within its own file (lib_entry) and called from
 * main.c: partial without LTO; with LTO the call from main.c is inlined
 * too (a cross-TU site) and the copy, now unused, disappears: full.
 */
__attribute__((always_inline)) inline int scale(int x)
{
	return x * 3 + 1;
}

/* Only called from main.c: never inlined without LTO (outline), inlined
 * across files with LTO (full, one cross-TU site).
 */
int remote_only(int x)
{
	return x ^ 0x55;
}

/* A static function lib_api calls but never inlines: under ThinLTO,
 * importing lib_api into main.c promotes it to lib_secret.llvm.<hash>.
 */
static __attribute__((noinline)) int lib_secret(int x)
{
	__asm__ volatile("" : "+r"(x));
	return x * 7;
}

int lib_api(int x)
{
	return lib_secret(x) + 1;
}

__attribute__((noinline)) int lib_entry(int x)
{
	return clamp_add(scale(x), 5);
}
