/* A header static inline: each including file gets its own copy, inlined
 * at every call (always_inline), so it is "full" and every site same-TU.
 */
#ifndef UTIL_H
#define UTIL_H

static inline __attribute__((always_inline)) int clamp_add(int a, int b)
{
	int s = a + b;

	return s > 1000 ? 1000 : s;
}

int scale(int x);
int remote_only(int x);
int lib_entry(int x);
int lib_api(int x);

#endif
