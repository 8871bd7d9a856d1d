/*
 * The two cases the slides' "consistent inlining" proposal turns on.
 *
 * tiny_sum: a one-line helper inlined at nine call sites, whose address
 * is also stored in a table: the out-of-line copy must stay for the
 * pointer, and inlining it everywhere costs nothing more.
 *
 * big_mix: a large function inlined once (flatten forces it into
 * mix_flat) and, with GCC, called directly from five other functions:
 * inlining it everywhere would copy its body five more times; inlining it
 * nowhere costs one call instruction. (clang 19 inlines all six calls.)
 */
static inline __attribute__((always_inline)) int tiny_sum(int a, int b)
{
	return a + b;
}

int (*volatile tiny_table[])(int, int) = { tiny_sum };

int tiny_users(const int *v)
{
	int r = tiny_sum(v[0], v[1]);

	r ^= tiny_sum(v[2], r) * 3;
	r ^= tiny_sum(v[3], r) * 5;
	r ^= tiny_sum(v[4], r) * 7;
	r ^= tiny_sum(v[5], r) * 9;
	r ^= tiny_sum(v[6], r) * 11;
	r ^= tiny_sum(v[7], r) * 13;
	r ^= tiny_sum(v[8], r) * 15;
	return tiny_sum(v[9], r);
}

int big_mix(const int *v, int n)
{
	int i, acc = 0x12345, sum = 0, max = v[0];

	for (i = 0; i < n; i++) {
		acc ^= v[i] * 0x9e3779b1;
		acc = (acc << 7) | ((unsigned int)acc >> 25);
		if (acc & 1)
			acc += v[(i + 3) % n] * 31;
		else
			acc -= v[(i + 5) % n] * 17;
		acc ^= acc >> 11;
	}
	for (i = 0; i < n; i++) {
		sum += v[i] / (i + 1) + (v[i] % 7) * acc;
		if (v[i] > max)
			max = v[i];
	}
	for (i = n - 1; i >= 0; i--) {
		acc = acc * 0x01000193 ^ (v[i] + sum);
		if (acc < 0)
			acc = -acc / 3;
	}
	return acc + sum * 13 + max;
}

__attribute__((flatten)) int mix_flat(const int *v, int n)
{
	return big_mix(v, n) + 1;
}

int mix_a(const int *v) { return big_mix(v, 4); }
int mix_b(const int *v) { return big_mix(v, 8) * 2; }
int mix_c(const int *v) { return big_mix(v + 1, 3) - 1; }
int mix_d(const int *v) { return big_mix(v, 16) ^ 5; }
int mix_e(const int *v) { return big_mix(v + 2, 6) + 7; }
