/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The unit tests' one assertion: counts, and says where and why it
 * failed. Each test program prints "N passed, M failed" at the end.
 */
#ifndef INLSCAN_TEST_CHECK_H
#define INLSCAN_TEST_CHECK_H

#include <stdio.h>

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

#endif
