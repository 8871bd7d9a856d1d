// SPDX-License-Identifier: GPL-2.0-only
#include "bpftrace.h"

#include <stdio.h>
#include <string.h>

#include "output.h"

/* "  key: value": the value, without the line end, into buf. */
static bool info_value(const char *line, const char *key, char *buf,
		       size_t len)
{
	const char *p = line + strspn(line, " \t");
	size_t n = strlen(key);

	if (strncmp(p, key, n) || p[n] != ':')
		return false;
	p += n + 1;
	p += strspn(p, " \t");
	snprintf(buf, len, "%.*s", (int)strcspn(p, "\r\n"), p);
	return true;
}

int bpftrace_check(bool *offsets)
{
	char line[256], version[64] = "", bfd[16] = "";
	FILE *info = popen("bpftrace --info 2>&1", "r");
	int rc;

	if (!info) {
		cli_err("probes", "cannot run bpftrace: %m");
		return -1;
	}
	while (fgets(line, sizeof(line), info)) {
		info_value(line, "version", version, sizeof(version));
		info_value(line, "bfd", bfd, sizeof(bfd));
	}
	rc = pclose(info);
	if (rc || !version[0]) {
		cli_err("probes", "--check-bpftrace: no bpftrace answered 'bpftrace --info'; install it (apt install bpftrace) or leave the option out");
		return -1;
	}
	*offsets = !strcmp(bfd, "yes");
	if (*offsets)
		cli_err("probes", "bpftrace %s can probe inside functions (bfd: yes): inline sites included",
			version);
	else
		cli_err("probes", "bpftrace %s cannot probe inside a function (bfd: %s): inline sites are left as comments; a bpftrace built with bfd attaches them, or use --format kprobe/uprobe",
			version, bfd[0] ? bfd : "not listed");
	return 0;
}
