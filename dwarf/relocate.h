/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef INLSCAN_RELOCATE_H
#define INLSCAN_RELOCATE_H

#include <gelf.h>
#include <stdbool.h>

#define RELOC_COPIES 8

/*
 * The sections relocate_debug_sections wrote: copies in memory reused
 * from one file to the next, held until the file's DWARF is closed.
 */
struct reloc_copies {
	void *buf[RELOC_COPIES];
	size_t cap[RELOC_COPIES];
	unsigned int n;
};

/*
 * Relocate the debug sections inlscan reads (.debug_info, .debug_line,
 * range and address tables) of elf, an ET_REL file open as fd whose
 * allocated sections libdwfl has laid out (dwfl_report_offline sets their
 * sh_addr). Each such section is read from fd into a copy that its
 * Elf_Data then points to, and each relocation writes there what libdwfl
 * would: the symbol's value, plus its section's address and bias when
 * that section is allocated, plus the addend.
 *
 * Returns true when every relocation was applied. Returns false for a
 * file this does not handle (not 64-bit little-endian x86-64 or AArch64,
 * SHT_REL, an unknown relocation type, an undefined symbol, a compressed
 * target, an offset out of bounds): some sections may then be relocated
 * already, which does not matter to libdwfl, the caller's fallback, since
 * a RELA relocation's value does not depend on what the target held.
 * Either way the copies stay in use until reloc_copies_release.
 */
bool relocate_debug_sections(Elf *elf, int fd, GElf_Addr bias,
			     struct reloc_copies *copies);

/* Give back the copies once nothing reads the sections any more. */
void reloc_copies_release(struct reloc_copies *copies);

#endif
