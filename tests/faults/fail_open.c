// SPDX-License-Identifier: GPL-2.0-only
/*
 * LD_PRELOAD shim for tests: open() of a path containing $FAIL_OPEN_MATCH
 * fails with ENOMEM on every thread but the main one, as a worker's
 * libdw handle fails under a memory limit.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

typedef int (*open_fn)(const char *, int, ...);

static int shim(const char *name, const char *path, int flags, va_list ap)
{
	const char *match = getenv("FAIL_OPEN_MATCH");
	open_fn real = (open_fn)dlsym(RTLD_NEXT, name);
	mode_t mode = (flags & O_CREAT) ? va_arg(ap, mode_t) : 0;

	if (match && strstr(path, match) &&
	    syscall(SYS_gettid) != getpid()) {
		errno = ENOMEM;
		return -1;
	}
	return real(path, flags, mode);
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	int fd;

	va_start(ap, flags);
	fd = shim("open", path, flags, ap);
	va_end(ap);
	return fd;
}

int open64(const char *path, int flags, ...)
{
	va_list ap;
	int fd;

	va_start(ap, flags);
	fd = shim("open64", path, flags, ap);
	va_end(ap);
	return fd;
}
