// SPDX-License-Identifier: GPL-2.0-only
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/util.h"
#include "../report/escape.h"

/*
 * The temporary file being written, for the signal handlers to remove:
 * a signal handler has nothing but globals to go on.
 */
static char *volatile pending_tmp;

static void remove_pending(void)
{
	char *tmp = pending_tmp;

	if (tmp)
		unlink(tmp);
}

/* libelf maps inputs: one that shrinks under us faults on read. */
static void on_sigbus(int sig)
{
	static const char msg[] =
		"inlscan: an input file shrank or vanished while it was being read (SIGBUS); nothing written, rerun once it is complete\n";

	(void)sig;
	remove_pending();
	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0)
		_exit(1);
	_exit(1);
}

static void on_stop(int sig)
{
	remove_pending();
	signal(sig, SIG_DFL);
	raise(sig);
}

void output_guard_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_sigbus;
	sigaction(SIGBUS, &sa, NULL);
	sa.sa_handler = on_stop;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static int is_an_input(const char *path, const struct stat *target,
		       const char *const *inputs, size_t ninputs)
{
	struct stat st;
	size_t i;

	for (i = 0; i < ninputs; i++) {
		if (!inputs[i] || stat(inputs[i], &st))
			continue;
		if (st.st_dev == target->st_dev && st.st_ino == target->st_ino) {
			cli_err(NULL, "-o %s is the input %s; write the output elsewhere",
				shown(path), shown(inputs[i]));
			return 1;
		}
	}
	return 0;
}

/* A new file's mode is what fopen would give it; an old one keeps its. */
static void set_mode(int fd, const struct stat *old)
{
	mode_t mask;

	if (old) {
		(void)fchmod(fd, old->st_mode & 07777);
		return;
	}
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
}

static int open_temporary(struct output *out, const struct stat *old)
{
	const char *slash = strrchr(out->path, '/');
	int fd;

	if (slash)
		out->tmp = xasprintf("%.*s/.%s.XXXXXX",
				     (int)(slash - out->path), out->path,
				     slash + 1);
	else
		out->tmp = xasprintf(".%s.XXXXXX", out->path);
	fd = mkstemp(out->tmp);
	if (fd < 0) {
		cli_err(NULL, "cannot write %s: %s",
			shown(out->path), strerror(errno));
		free(out->tmp);
		out->tmp = NULL;
		return -1;
	}
	set_mode(fd, old);
	out->f = fdopen(fd, "w");
	if (!out->f) {
		cli_err(NULL, "cannot write %s: %s",
			shown(out->path), strerror(errno));
		close(fd);
		unlink(out->tmp);
		free(out->tmp);
		out->tmp = NULL;
		return -1;
	}
	pending_tmp = out->tmp;
	return 0;
}

int output_open(struct output *out, const char *path,
		const char *const *inputs, size_t ninputs)
{
	struct stat st;
	bool exists;

	memset(out, 0, sizeof(*out));
	out->path = path;
	if (!path) {
		out->f = stdout;
		return 0;
	}
	exists = stat(path, &st) == 0;
	if (exists && is_an_input(path, &st, inputs, ninputs))
		return -1;
	/* a pipe, a device or a tracefs file is written in place */
	if (exists && !S_ISREG(st.st_mode)) {
		out->f = fopen(path, "w");
		if (!out->f) {
			cli_err(NULL, "cannot write %s: %s",
				shown(path), strerror(errno));
			return -1;
		}
		return 0;
	}
	return open_temporary(out, exists ? &st : NULL);
}

static int finish_stream(struct output *out)
{
	int rc = 0;

	errno = 0;
	if (fflush(out->f) || ferror(out->f))
		rc = errno ? errno : EIO;
	if (!rc && out->tmp && fsync(fileno(out->f)))
		rc = errno;
	errno = 0;
	if (fclose(out->f) && !rc)
		rc = errno ? errno : EIO;
	out->f = NULL;
	return rc;
}

int output_close(struct output *out, int render_rc)
{
	const char *name = out->path ? out->path : "standard output";
	int err = finish_stream(out);

	if (!err && !render_rc && out->tmp && rename(out->tmp, out->path))
		err = errno;
	if (out->tmp && (err || render_rc))
		unlink(out->tmp);
	pending_tmp = NULL;
	free(out->tmp);
	out->tmp = NULL;
	if (err)
		cli_err(NULL, "writing %s failed: %s",
			shown(name), strerror(err));
	else if (render_rc)
		cli_err(NULL, "writing %s failed",
			shown(name));
	return err || render_rc ? 1 : 0;
}

/* The last error line, for the JSON error document (command_end). */
static char last_error[1024];

void cli_err(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = cmd ? snprintf(last_error, sizeof(last_error), "inlscan %s: ", cmd)
		: snprintf(last_error, sizeof(last_error), "inlscan: ");
	fputs(last_error, stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	va_start(ap, fmt);
	vsnprintf(last_error + n, sizeof(last_error) - (size_t)n, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

const char *cli_last_error(void)
{
	return last_error;
}
