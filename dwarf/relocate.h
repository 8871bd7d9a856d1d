/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_RELOCATE_H
#define INLSCAN_RELOCATE_H

#include <gelf.h>
#include <stdbool.h>

/*
 * Apply in place the relocations of the debug sections inlscan reads
 * (.debug_info, .debug_line, range and address tables) in elf, an ET_REL
 * file whose allocated sections libdwfl has laid out (dwfl_report_offline
 * sets their sh_addr), to the values libdwfl would write: each symbol's
 * value plus its section's address plus bias when that section is
 * allocated, plus the addend.
 *
 * Returns true when every relocation was applied. Returns false for a
 * file this does not handle (not 64-bit little-endian x86-64 or AArch64,
 * SHT_REL, an unknown relocation type, an undefined symbol, a compressed
 * target, an offset out of bounds): some relocations may then be applied
 * already, which does not matter to libdwfl, the caller's fallback, since
 * a RELA relocation's value does not depend on what the target held.
 */
bool relocate_debug_sections(Elf *elf, GElf_Addr bias);

#endif
