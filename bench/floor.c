// SPDX-License-Identifier: GPL-2.0-only
/*
 * The floor for `make bench`: open an ELF with libdw and visit every DIE
 * of every unit (dwarf_child / dwarf_siblingof), nothing else. Any DWARF
 * tool pays at least this much.
 */
#include <elfutils/libdw.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

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

int main(int argc, char **argv)
{
	Dwarf_Off off = 0, next;
	unsigned long dies = 0, units = 0;
	size_t hsize;
	Dwarf_Die cu;
	Dwarf *dbg;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: floor ELF\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY);
	dbg = fd < 0 ? NULL : dwarf_begin(fd, DWARF_C_READ);
	if (!dbg) {
		fprintf(stderr, "floor: %s: %s\n", argv[1], dwarf_errmsg(-1));
		return 1;
	}
	while (dwarf_next_unit(dbg, off, &next, &hsize, NULL, NULL, NULL,
			       NULL, NULL, NULL) == 0) {
		if (dwarf_offdie(dbg, off + hsize, &cu)) {
			dies += 1 + visit(&cu);
			units++;
		}
		off = next;
	}
	printf("%lu units, %lu DIEs\n", units, dies);
	dwarf_end(dbg);
	close(fd);
	return 0;
}
