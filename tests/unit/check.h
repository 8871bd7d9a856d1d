/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The unit tests' one assertion: counts, and says where and why it
 * failed. Each test program prints "N passed, M failed" at the end.
 */
#ifndef INLSCAN_TEST_CHECK_H
#define INLSCAN_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int passed, failed;

#define CHECK(cond, ...)                                        \
	do {                                                    \
		if (cond) {                                     \
			passed++;                               \
		} else {                                        \
			failed++;                               \
			printf("FAIL %s:%d: ", __FILE__, __LINE__); \
			printf(__VA_ARGS__);                    \
			printf("\n");                           \
		}                                               \
	} while (0)

/* got == want as integers; a failure prints both. */
#define CHECK_EQ(got, want, ...)                                        \
	do {                                                            \
		long long got_ = (long long)(got);                      \
		long long want_ = (long long)(want);                    \
		if (got_ == want_) {                                    \
			passed++;                                       \
		} else {                                                \
			failed++;                                       \
			printf("FAIL %s:%d: ", __FILE__, __LINE__);     \
			printf(__VA_ARGS__);                            \
			printf(": got %lld, want %lld\n", got_, want_); \
		}                                                       \
	} while (0)

/* The same for strings (NULL equals only NULL). */
#define CHECK_STREQ(got, want, ...)                                     \
	do {                                                            \
		const char *got_ = (got), *want_ = (want);              \
		if (got_ == want_ ||                                    \
		    (got_ && want_ && !strcmp(got_, want_))) {          \
			passed++;                                       \
		} else {                                                \
			failed++;                                       \
			printf("FAIL %s:%d: ", __FILE__, __LINE__);     \
			printf(__VA_ARGS__);                            \
			printf(": got '%s', want '%s'\n",               \
			       got_ ? got_ : "(null)",                  \
			       want_ ? want_ : "(null)");               \
		}                                                       \
	} while (0)

#endif
