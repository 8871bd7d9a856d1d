// SPDX-License-Identifier: GPL-2.0-only
/*
 * Debug relocations applied by relocate.c, through input_open, against
 * libdwfl's own relocation of the same files: the sections inlscan reads
 * must come out byte for byte the same, and differ from the file as it
 * lies on disk. Files relocate.c leaves to libdwfl (32-bit SHT_REL,
 * compressed sections) must still read the same through the fallback.
 * The objects are compiled here by gcc and clang.
 */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../dwarf/input.h"
#include "check.h"

static const char source_a[] =
	"static int counter;\n"
	"static inline int bump(int x) { return counter += x; }\n"
	"int step(int x) { return bump(x) + bump(2 * x); }\n"
	"int (*hook)(int) = step;\n"
	"__attribute__((section(\".text.other\")))\n"
	"int other(int x) { return x * 3 + counter; }\n";

static const char source_b[] =
	"extern int step(int);\n"
	"int twice(int x) { return step(x) * 2; }\n";

struct object {
	const char *name;
	const char *build;	/* run in the test's directory */
	bool own;		/* relocated by relocate.c, not libdwfl */
};

static const struct object objects[] = {
	{ "gcc.o", "gcc -O2 -g -c a.c -o gcc.o", true },
	{ "gcc-dwarf4.o", "gcc -O2 -gdwarf-4 -c a.c -o gcc-dwarf4.o", true },
	{ "clang.o", "clang -O2 -g -c a.c -o clang.o", true },
	{ "two-units.o",
	  "gcc -O2 -g -c a.c -o a.o && gcc -O2 -g -c b.c -o b.o && "
	  "ld -r a.o b.o -o two-units.o", true },
	{ "aarch64.o",
	  "clang --target=aarch64-linux-gnu -O2 -g -c a.c -o aarch64.o",
	  true },
	{ "i386.o", "gcc -m32 -O2 -g -c a.c -o i386.o", false },
	{ "compressed.o", "gcc -O2 -g -gz -c a.c -o compressed.o", false },
};

static const char *const read_sections[] = {
	".debug_info", ".debug_line", ".debug_rnglists", ".debug_ranges",
	".debug_addr", ".debug_str_offsets",
};

static char *debuginfo_path;

static const Dwfl_Callbacks offline = {
	.find_elf = dwfl_build_id_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.section_address = dwfl_offline_section_address,
	.debuginfo_path = &debuginfo_path,
};

static Elf_Data *section_data(Elf *elf, const char *want)
{
	Elf_Scn *scn = NULL;
	const char *name;

	while ((scn = elf_nextscn(elf, scn))) {
		name = input_section_name(elf, scn);
		if (name && !strcmp(name, want))
			return elf_getdata(scn, NULL);
	}
	return NULL;
}

static bool same_data(const Elf_Data *a, const Elf_Data *b)
{
	return a && b && a->d_size == b->d_size &&
	       !memcmp(a->d_buf, b->d_buf, a->d_size);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* The file's DWARF as libdwfl relocates it: the reference. */
static Dwfl *open_libdwfl(const char *path, Elf **elf)
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
	*elf = dbg ? dwarf_getelf(dbg) : NULL;
	return dwfl;
}

static void compare_sections(const struct object *o, Elf *ours,
			     Elf *reference, Elf *on_disk)
{
	Elf_Data *mine, *theirs;
	size_t i, compared = 0;

	for (i = 0; i < sizeof(read_sections) / sizeof(read_sections[0]);
	     i++) {
		mine = section_data(ours, read_sections[i]);
		theirs = section_data(reference, read_sections[i]);
		if (!mine && !theirs)
			continue;
		compared++;
		CHECK(same_data(mine, theirs), "%s: %s differs from libdwfl's",
		      o->name, read_sections[i]);
	}
	CHECK(compared >= 2, "%s: only %zu debug sections compared", o->name,
	      compared);
	/* relocations were there to apply: the file itself differs */
	if (o->own)
		CHECK(!same_data(section_data(ours, ".debug_info"),
				 section_data(on_disk, ".debug_info")),
		      "%s: .debug_info reads as unrelocated", o->name);
}

static void test_object(const struct object *o)
{
	struct input in;
	Elf *reference = NULL, *on_disk;
	Dwfl *dwfl;
	char *err = NULL;
	int fd;

	if (system(o->build)) {
		CHECK(false, "%s: could not build: %s", o->name, o->build);
		return;
	}
	if (input_open(&in, o->name, NULL, &err)) {
		CHECK(false, "%s: %s", o->name, err);
		free(err);
		return;
	}
	CHECK(in.own_dbg == o->own, "%s: relocated by %s", o->name,
	      in.own_dbg ? "relocate.c" : "libdwfl");
	dwfl = open_libdwfl(o->name, &reference);
	fd = open(o->name, O_RDONLY);
	on_disk = elf_begin(fd, ELF_C_READ, NULL);
	CHECK(reference && on_disk, "%s: libdwfl or libelf cannot read it",
	      o->name);
	if (reference && on_disk)
		compare_sections(o, dwarf_getelf(in.dbg), reference, on_disk);
	elf_end(on_disk);
	close(fd);
	dwfl_end(dwfl);
	input_close(&in);
}

int main(void)
{
	char dir[] = "/tmp/inlscan-relocate-XXXXXX";
	char cmd[64 + sizeof(dir)];
	size_t i;

	if (!mkdtemp(dir) || chdir(dir)) {
		perror("test_relocate: temporary directory");
		return 1;
	}
	elf_version(EV_CURRENT);
	write_file("a.c", source_a);
	write_file("b.c", source_b);
	for (i = 0; i < sizeof(objects) / sizeof(objects[0]); i++)
		test_object(&objects[i]);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (chdir("/") || system(cmd))
		perror("test_relocate: cleaning up");
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
