// SPDX-License-Identifier: GPL-2.0-only
/*
 * The floor for `make bench`: open ELF files with libdw and visit every
 * DIE of every unit (dwarf_child / dwarf_siblingof), nothing else. Any
 * DWARF tool pays at least this much. A relocatable file (a kernel
 * module) is opened through libdwfl, which applies its debug
 * relocations, as a tool must before its DWARF reads right.
 */
#include <elfutils/libdwfl.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdio.h>
#include <unistd.h>

static char *debuginfo_path;

static const Dwfl_Callbacks offline = {
	.find_elf = dwfl_build_id_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.section_address = dwfl_offline_section_address,
	.debuginfo_path = &debuginfo_path,
};

static unsigned long visit(Dwarf_Die *parent)
{
	unsigned long n = 0;
	Dwarf_Die child;
	int rc = dwarf_child(parent, &child);

	while (rc == 0) {
		n += 1 + visit(&child);
		rc = dwarf_siblingof(&child, &child);
	}
	return n;
}

static void visit_units(Dwarf *dbg, unsigned long *units,
			unsigned long *dies)
{
	Dwarf_Off off = 0, next;
	size_t hsize;
	Dwarf_Die cu;

	while (dwarf_next_unit(dbg, off, &next, &hsize, NULL, NULL, NULL,
			       NULL, NULL, NULL) == 0) {
		if (dwarf_offdie(dbg, off + hsize, &cu)) {
			*dies += 1 + visit(&cu);
			(*units)++;
		}
		off = next;
	}
}

static int is_relocatable(int fd)
{
	Elf *elf = elf_begin(fd, ELF_C_READ, NULL);
	GElf_Ehdr ehdr;
	int rel = elf && gelf_getehdr(elf, &ehdr) && ehdr.e_type == ET_REL;

	elf_end(elf);
	return rel;
}

static int visit_relocated(const char *path, unsigned long *units,
			   unsigned long *dies)
{
	Dwfl *dwfl = dwfl_begin(&offline);
	Dwfl_Module *mod;
	Dwarf_Addr bias;
	Dwarf *dbg = NULL;

	dwfl_report_begin(dwfl);
	mod = dwfl_report_offline(dwfl, path, path, -1);
	dwfl_report_end(dwfl, NULL, NULL);
	if (mod)
		dbg = dwfl_module_getdwarf(mod, &bias);
	if (dbg)
		visit_units(dbg, units, dies);
	dwfl_end(dwfl);
	return dbg ? 0 : -1;
}

static int visit_file(const char *path, unsigned long *units,
		      unsigned long *dies)
{
	int fd = open(path, O_RDONLY), rc = -1;
	Dwarf *dbg;

	if (fd < 0)
		return -1;
	if (is_relocatable(fd)) {
		close(fd);
		return visit_relocated(path, units, dies);
	}
	dbg = dwarf_begin(fd, DWARF_C_READ);
	if (dbg) {
		visit_units(dbg, units, dies);
		dwarf_end(dbg);
		rc = 0;
	}
	close(fd);
	return rc;
}

int main(int argc, char **argv)
{
	unsigned long dies = 0, units = 0;
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: floor ELF...\n");
		return 2;
	}
	elf_version(EV_CURRENT);
	for (i = 1; i < argc; i++) {
		if (visit_file(argv[i], &units, &dies)) {
			fprintf(stderr, "floor: %s: %s\n", argv[i],
				dwarf_errmsg(-1));
			return 1;
		}
	}
	printf("%d files, %lu units, %lu DIEs\n", argc - 1, units, dies);
	return 0;
}
