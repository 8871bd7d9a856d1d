/* SPDX-License-Identifier: GPL-2.0-only */
/* What the installed bpftrace can attach, from its own --info. */
#ifndef INLSCAN_BPFTRACE_H
#define INLSCAN_BPFTRACE_H

#include <stdbool.h>

/*
 * Run `bpftrace --info` and say on stderr which version it is and
 * whether it can probe inside a function (built with bfd). Returns 0
 * with *offsets set, or -1 (said why) if no bpftrace answers.
 */
int bpftrace_check(bool *offsets);

#endif
