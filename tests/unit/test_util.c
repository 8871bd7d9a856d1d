// SPDX-License-Identifier: GPL-2.0-only
/*
 * common/util.c: the string hash every partition and the string pool
 * rely on (equal bytes, equal hash, whatever their address; every byte
 * counts, the last ones of a word included), and zeroed allocation.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/util.h"
#include "check.h"

#define MAX_LEN 40

/* The same bytes at every offset within a word hash alike. */
static void test_hash_ignores_address(void)
{
	static const char text[] = "__x64_sys_perf_event_open.llvm.1234567";
	char buf[MAX_LEN + 16];
	size_t len, shift;
	bool same = true;

	for (len = 0; len < sizeof(text); len++) {
		for (shift = 1; shift < 8; shift++) {
			memcpy(buf + shift, text, len);
			same &= hash_bytes(buf + shift, len) ==
				hash_bytes(text, len);
		}
	}
	CHECK(same, "a string hashes differently at another address");
}

/* Changing any one byte, or the length, changes the hash. */
static void test_hash_sees_every_byte(void)
{
	char a[MAX_LEN], b[MAX_LEN];
	size_t len, i, missed = 0, len_missed = 0;

	memset(a, 'x', sizeof(a));
	for (len = 1; len <= MAX_LEN; len++) {
		for (i = 0; i < len; i++) {
			memcpy(b, a, len);
			b[i] = 'y';
			missed += hash_bytes(a, len) == hash_bytes(b, len);
		}
		/* a zero byte past the end must not read as the same */
		memset(b, 'x', len - 1);
		b[len - 1] = '\0';
		len_missed += hash_bytes(b, len) == hash_bytes(b, len - 1);
	}
	CHECK(!missed, "%zu one-byte changes left the hash as it was",
	      missed);
	CHECK(!len_missed, "%zu trailing zero bytes did not count",
	      len_missed);
}

/* Names that differ only in a suffix spread over partitions. */
static void test_hash_spreads_suffixes(void)
{
	size_t counts[4] = { 0 }, i;
	char name[32];

	for (i = 0; i < 4000; i++) {
		snprintf(name, sizeof(name), "trace_event_raw_event_%zu", i);
		counts[hash_bytes(name, strlen(name)) % 4]++;
	}
	for (i = 0; i < 4; i++)
		CHECK(counts[i] > 800 && counts[i] < 1200,
		      "partition %zu of 4 got %zu of 4000 names", i,
		      counts[i]);
}

static void test_calloc_written(void)
{
	size_t n = 3 << 20, i, nonzero = 0;
	uint64_t *table = xcalloc_written(n, sizeof(*table));
	char *empty = xcalloc_written(0, 8);

	for (i = 0; i < n; i++)
		nonzero += table[i] != 0;
	CHECK(!nonzero, "%zu of %zu words not zero", nonzero, n);
	table[n - 1] = 1;	/* all of it is ours: ASan would say */
	CHECK(empty != NULL, "no memory for an empty table");
	free(table);
	free(empty);
}

/* Memory malloc hands back dirty is zeroed too, not only fresh pages. */
static void test_calloc_written_reused(void)
{
	size_t round, i, nonzero = 0;
	volatile unsigned char *dirty;	/* stores a free would drop */
	unsigned char *table;

	for (round = 0; round < 8; round++) {
		dirty = xmalloc(4096);
		for (i = 0; i < 4096; i++)
			dirty[i] = 0xa5;
		free((void *)dirty);
		table = xcalloc_written(512, 8);
		for (i = 0; i < 4096; i++)
			nonzero += table[i] != 0;
		free(table);
	}
	CHECK(!nonzero, "%zu bytes not zero in reused memory", nonzero);
}

int main(void)
{
	test_hash_ignores_address();
	test_hash_sees_every_byte();
	test_hash_spreads_suffixes();
	test_calloc_written();
	test_calloc_written_reused();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
