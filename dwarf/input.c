// SPDX-License-Identifier: GPL-2.0-only
#include "input.h"

#include <elfutils/libdwelf.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/util.h"
#include "relocate.h"

/*
 * zlib cannot inflate more than about 1032:1; real DWARF inflates 3-10x.
 * Small files may still hold this much.
 */
#define INFLATE_RATIO_MAX 64
#define INFLATE_FLOOR (256ULL << 20)

static char *default_debuginfo_path;

static int find_debuginfo(Dwfl_Module *mod, void **userdata,
			  const char *modname, GElf_Addr base,
			  const char *file_name, const char *debuglink_file,
			  GElf_Word debuglink_crc, char **debuginfo_file_name)
{
	struct input *in = *userdata;
	int fd;

	if (in && in->debug_file) {
		fd = open(in->debug_file, O_RDONLY);
		if (fd >= 0)
			*debuginfo_file_name = xstrdup(in->debug_file);
		return fd;
	}
	return dwfl_standard_find_debuginfo(mod, userdata, modname, base,
					    file_name, debuglink_file,
					    debuglink_crc,
					    debuginfo_file_name);
}

static const Dwfl_Callbacks offline_callbacks = {
	.find_elf = dwfl_build_id_find_elf,
	.find_debuginfo = find_debuginfo,
	.section_address = dwfl_offline_section_address,
	.debuginfo_path = &default_debuginfo_path,
};

const char *input_section_name(Elf *elf, Elf_Scn *scn)
{
	size_t shstrndx;
	GElf_Shdr shdr;

	if (!scn || !gelf_getshdr(scn, &shdr) ||
	    elf_getshdrstrndx(elf, &shstrndx) < 0)
		return NULL;
	return elf_strptr(elf, shstrndx, shdr.sh_name);
}

static bool has_section(Elf *elf, const char *name)
{
	Elf_Scn *scn = NULL;
	const char *sname;

	while ((scn = elf_nextscn(elf, scn))) {
		sname = input_section_name(elf, scn);
		if (sname && !strcmp(sname, name))
			return true;
	}
	return false;
}

char *input_build_id_hex(Elf *elf)
{
	const unsigned char *id;
	ssize_t len = dwelf_elf_gnu_build_id(elf, (const void **)&id);
	char *hex;
	ssize_t i;

	if (len <= 0)
		return NULL;
	hex = xmalloc((size_t)len * 2 + 1);
	for (i = 0; i < len; i++)
		sprintf(hex + i * 2, "%02x", id[i]);
	return hex;
}

/*
 * Validate a first-hand file: exists, regular, an ELF header we can
 * read. *type: its e_type, ET_NONE if the header is cut short.
 */
static int check_file(const char *path, const char *what, unsigned int *type,
		      char **err)
{
	unsigned char ident[EI_NIDENT + 2];
	int fd;
	ssize_t n;

	/* a FIFO would block the open until a writer comes */
	fd = open_regular(path);
	if (fd < 0) {
		*err = errno == EINVAL
			? xasprintf("%s: %snot a regular file", path, what)
			: xasprintf("%s: %s%s", path, what, strerror(errno));
		return -1;
	}
	n = read(fd, ident, sizeof(ident));
	close(fd);
	if (n < SELFMAG || memcmp(ident, ELFMAG, SELFMAG)) {
		*err = xasprintf("%s: %snot an ELF file", path, what);
		return -1;
	}
	*type = ET_NONE;
	if (n == (ssize_t)sizeof(ident))
		*type = ident[EI_DATA] == ELFDATA2MSB
				? (unsigned int)ident[16] << 8 | ident[17]
				: (unsigned int)ident[17] << 8 | ident[16];
	return 0;
}

/* A --debug-file must exist, be ELF, and carry the main file's build ID. */
static int check_debug_file(struct input *in, char **err)
{
	char *main_id, *debug_id;
	Elf *elf;
	int fd, ret = 0;
	unsigned int type;

	if (check_file(in->debug_file, "debug file: ", &type, err))
		return -1;
	fd = open(in->debug_file, O_RDONLY);
	elf = fd >= 0 ? elf_begin(fd, ELF_C_READ_MMAP, NULL) : NULL;
	if (!elf) {
		*err = xasprintf("%s: debug file: %s", in->debug_file,
				 elf_errmsg(-1));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	main_id = input_build_id_hex(in->elf);
	debug_id = input_build_id_hex(elf);
	if (main_id && debug_id && strcmp(main_id, debug_id)) {
		*err = xasprintf("%s: debug file %s does not match (build ID %s, expected %s)",
				 in->path, in->debug_file, debug_id, main_id);
		ret = -1;
	} else if (main_id && !debug_id) {
		*err = xasprintf("%s: debug file %s has no build ID, so nothing shows it belongs to this file (build ID %s); give the debug file made from it",
				 in->path, in->debug_file, main_id);
		ret = -1;
	} else if (!has_section(elf, ".debug_info")) {
		*err = xasprintf("%s: debug file has no .debug_info section",
				 in->debug_file);
		ret = -1;
	}
	free(main_id);
	free(debug_id);
	elf_end(elf);
	close(fd);
	return ret;
}

/* A .zdebug section starts "ZLIB" and its inflated size, big-endian. */
static uint64_t gnu_inflated_size(Elf_Scn *scn)
{
	Elf_Data *raw = elf_rawdata(scn, NULL);
	const unsigned char *p;
	uint64_t size = 0;
	int i;

	if (!raw || raw->d_size < 12 || memcmp(raw->d_buf, "ZLIB", 4))
		return 0;
	p = (const unsigned char *)raw->d_buf + 4;
	for (i = 0; i < 8; i++)
		size = size << 8 | p[i];
	return size;
}

/*
 * Every section's bytes inside the file, and what compressed sections
 * inflate to bounded: a small file must not claim gigabytes of DWARF.
 */
static int check_sections(struct input *in, char **err)
{
	uint64_t inflated = 0, limit;
	Elf_Scn *scn = NULL;
	GElf_Shdr shdr;
	GElf_Chdr chdr;
	const char *name;

	limit = in->file_size * INFLATE_RATIO_MAX;
	if (limit < INFLATE_FLOOR)
		limit = INFLATE_FLOOR;
	while ((scn = elf_nextscn(in->elf, scn))) {
		if (!gelf_getshdr(scn, &shdr) || shdr.sh_type == SHT_NOBITS)
			continue;
		name = input_section_name(in->elf, scn);
		if (shdr.sh_offset > in->file_size ||
		    shdr.sh_size > in->file_size - shdr.sh_offset) {
			*err = xasprintf("%s: corrupt or truncated ELF file: section %s ends past the end of the file (%llu bytes)",
					 in->path, name ? name : "?",
					 (unsigned long long)in->file_size);
			return -1;
		}
		if ((shdr.sh_flags & SHF_COMPRESSED) &&
		    gelf_getchdr(scn, &chdr))
			inflated += chdr.ch_size;
		else if (name && !strncmp(name, ".zdebug", 7))
			inflated += gnu_inflated_size(scn);
		if (inflated > limit) {
			*err = xasprintf("%s: compressed sections claim more than %llu bytes once inflated, beyond what a file of %llu bytes can hold; refusing a decompression bomb",
					 in->path, (unsigned long long)limit,
					 (unsigned long long)in->file_size);
			return -1;
		}
	}
	return 0;
}

/*
 * A download or a build cut short keeps a valid ELF header; libdwfl then
 * reports only that there is no DWARF. Say what happened instead.
 */
static int check_complete(struct input *in, char **err)
{
	uint64_t shdrs = in->ehdr.e_shoff +
			 (uint64_t)in->ehdr.e_shnum * in->ehdr.e_shentsize;
	struct stat st;

	if (stat(in->path, &st))
		return 0;
	in->file_size = (uint64_t)st.st_size;
	if (shdrs <= in->file_size)
		return check_sections(in, err);
	*err = xasprintf("%s: truncated ELF file: its section headers end at byte %llu, the file has %llu bytes",
			 in->path, (unsigned long long)shdrs,
			 (unsigned long long)st.st_size);
	return -1;
}

/* .rel.debug_* or .rela.debug_*: relocations libdwfl applies itself. */
static bool is_debug_relocation(const char *name)
{
	return name && (!strncmp(name, ".rel.debug_", 11) ||
			!strncmp(name, ".rela.debug_", 12));
}

/* One line of /proc/self/maps: its range, and its file's inode. */
struct mapping {
	uintptr_t start, end;
	unsigned long long inode;
};

static bool next_mapping(FILE *maps, struct mapping *m)
{
	char line[512];

	while (fgets(line, sizeof(line), maps))
		if (sscanf(line, "%" SCNxPTR "-%" SCNxPTR " %*s %*x %*x:%*x %llu",
			   &m->start, &m->end, &m->inode) == 3)
			return true;
	return false;
}

/*
 * The file's ELF as libdwfl laid it out (each allocated section of an
 * ET_REL file given an address), before any relocation: what libdwfl
 * hands out with its symbols. dwfl_module_getelf would first apply every
 * relocation of every section, which is most of the time spent on a
 * module; relocate.c applies those inlscan reads.
 */
static Elf *unrelocated_elf(struct input *in)
{
	GElf_Addr addr;
	GElf_Word shndx;
	GElf_Sym sym;
	Elf *elf = NULL;
	Dwarf_Addr bias;

	if (in->debug_file || dwfl_module_getsymtab(in->mod) < 1)
		return NULL;
	dwfl_module_getsym_info(in->mod, 0, &sym, &addr, &shndx, &elf, &bias);
	if (!elf || !gelf_getehdr(elf, &in->ehdr) || in->ehdr.e_type != ET_REL)
		return NULL;
	in->bias = bias;
	return elf;
}

/* Where dwfl_report_offline lays out the first file (OFFLINE_REDZONE). */
#define OFFLINE_BASE 0x10000

/*
 * A relocatable file is reported as dwfl_report_offline would report it,
 * at the same address, but without its realpath of /proc/self/fd/N: a
 * readlink for each component of the path, 24 a module.
 */
static Dwfl_Module *report_file(struct input *in, unsigned int type)
{
	Dwfl_Module *mod;
	int fd;

	if (type != ET_REL)
		return dwfl_report_offline(in->dwfl, in->path, in->path, -1);
	fd = open(in->path, O_RDONLY);
	if (fd < 0)
		return NULL;
	mod = dwfl_report_elf(in->dwfl, in->path, in->path, fd, OFFLINE_BASE,
			      false);
	if (!mod)
		close(fd);
	return mod;
}

static int open_dwfl(struct input *in, unsigned int type, char **err)
{
	void **userdata;

	in->dwfl = dwfl_begin(&offline_callbacks);
	if (!in->dwfl) {
		*err = xasprintf("%s: %s", in->path, dwfl_errmsg(-1));
		return -1;
	}
	dwfl_report_begin(in->dwfl);
	in->mod = report_file(in, type);
	if (!in->mod || dwfl_report_end(in->dwfl, NULL, NULL)) {
		*err = xasprintf("%s: cannot read ELF: %s", in->path,
				 dwfl_errmsg(-1));
		return -1;
	}
	dwfl_module_info(in->mod, &userdata, NULL, NULL, NULL, NULL, NULL,
			 NULL);
	*userdata = in;
	if (type == ET_REL)
		in->elf = unrelocated_elf(in);
	if (!in->elf)
		in->elf = dwfl_module_getelf(in->mod, &in->bias);
	if (!in->elf || !gelf_getehdr(in->elf, &in->ehdr)) {
		*err = xasprintf("%s: cannot read ELF: %s", in->path,
				 dwfl_errmsg(-1));
		return -1;
	}
	return check_complete(in, err);
}

/*
 * libdwfl applies an ET_REL file's debug relocations and empties each
 * relocation section it applied; one still full was not understood (an
 * unsupported machine or relocation type), and its DWARF reads as garbage.
 */
static int check_relocated(struct input *in, char **err)
{
	Elf *elf = dwarf_getelf(in->dbg);
	Elf_Scn *scn = NULL;
	GElf_Ehdr ehdr;
	GElf_Shdr shdr;
	const char *name;

	if (!gelf_getehdr(elf, &ehdr) || ehdr.e_type != ET_REL)
		return 0;
	while ((scn = elf_nextscn(elf, scn))) {
		if (!gelf_getshdr(scn, &shdr) || !shdr.sh_size ||
		    (shdr.sh_type != SHT_REL && shdr.sh_type != SHT_RELA))
			continue;
		name = input_section_name(elf, scn);
		if (!is_debug_relocation(name) || strstr(name, "debug_frame"))
			continue;
		*err = xasprintf("%s: libdwfl could not apply the relocations in %s (machine EM_%u); the DWARF of this object cannot be read correctly",
				 in->path, name, ehdr.e_machine);
		return -1;
	}
	return 0;
}

/*
 * A relocatable file with its own DWARF: relocated by relocate.c, read
 * by a Dwarf of ours. Anything else goes through libdwfl.
 */
static bool open_own_dwarf(struct input *in)
{
	bool relocated;
	int fd;

	if (in->debug_file || in->ehdr.e_type != ET_REL ||
	    !has_section(in->elf, ".debug_info") ||
	    has_section(in->elf, ".gnu_debugaltlink"))
		return false;
	fd = open(in->path, O_RDONLY);
	if (fd < 0)
		return false;
	relocated = relocate_debug_sections(in->elf, fd, in->bias,
					    &in->reloc_copies);
	close(fd);
	/*
	 * libdw would realpath /proc/self/fd/N (a readlink per component of
	 * the path, 19 a module) for the directory of files it never looks
	 * for here (no alt file, no split units); with the whole file in
	 * memory it has no descriptor to name.
	 */
	if (!relocated || elf_cntl(in->elf, ELF_C_FDREAD))
		return false;
	in->dbg = dwarf_begin_elf(in->elf, DWARF_C_READ, NULL);
	in->own_dbg = in->dbg != NULL;
	return in->own_dbg;
}

static int open_dwarf(struct input *in, char **err)
{
	Dwarf_Addr bias;

	if (in->debug_file && check_debug_file(in, err))
		return -1;
	if (open_own_dwarf(in))
		return 0;
	/*
	 * libdwfl relocates what it can of the file as it hands it out,
	 * ignoring what it cannot (check_relocated says so); asked for the
	 * DWARF first, it would refuse the whole file instead.
	 */
	in->elf = dwfl_module_getelf(in->mod, &in->bias);
	in->dbg = dwfl_module_getdwarf(in->mod, &bias);
	if (!in->dbg) {
		if (in->debug_file)
			*err = xasprintf("%s: cannot read DWARF of debug file %s: %s",
					 in->path, in->debug_file,
					 dwfl_errmsg(-1));
		else if (in->elf && (has_section(in->elf, ".debug_info") ||
				     has_section(in->elf, ".zdebug_info")))
			*err = xasprintf("%s: cannot read its DWARF: %s",
					 in->path, dwfl_errmsg(-1));
		else
			*err = xasprintf("%s: no DWARF debug info (build with -g, install the -dbg package, or pass --debug-file)",
					 in->path);
		return -1;
	}
	in->bias = bias;
	if (check_relocated(in, err))
		return -1;
	in->alt = dwarf_getalt(in->dbg);
	if (!in->alt && has_section(dwarf_getelf(in->dbg),
				    ".gnu_debugaltlink")) {
		*err = xasprintf("%s: dwz alt file (.gnu_debugaltlink) not found; install it next to the debug file or under /usr/lib/debug/.dwz",
				 in->path);
		return -1;
	}
	return 0;
}

static int by_start(const void *a, const void *b)
{
	const struct alloc_section *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

/* ET_REL: where libdwfl laid out each allocated section, by address. */
static void index_alloc_sections(struct input *in)
{
	struct alloc_section *section;
	Elf_Scn *scn = NULL;
	GElf_Shdr shdr;
	size_t cap = 0;

	while ((scn = elf_nextscn(in->elf, scn))) {
		/* an empty section shares its address with the next one */
		if (!gelf_getshdr(scn, &shdr) || !(shdr.sh_flags & SHF_ALLOC) ||
		    !shdr.sh_size)
			continue;
		section = ARRAY_PUSH(in->alloc, in->nalloc, cap);
		section->start = shdr.sh_addr;
		section->end = shdr.sh_addr + shdr.sh_size;
		section->scn = scn;
	}
	if (in->nalloc)
		qsort(in->alloc, in->nalloc, sizeof(*in->alloc), by_start);
}

const char *input_section_name_at(const struct input *in, uint64_t addr)
{
	size_t lo = 0, hi = in->nalloc, mid;

	addr -= in->bias;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (addr < in->alloc[mid].start)
			hi = mid;
		else if (addr >= in->alloc[mid].end)
			lo = mid + 1;
		else
			return input_section_name(in->elf, in->alloc[mid].scn);
	}
	return NULL;
}

int input_open(struct input *in, const char *path, const char *debug_file,
	       char **err)
{
	unsigned int type;

	memset(in, 0, sizeof(*in));
	in->path = path;
	in->debug_file = debug_file;
	*err = NULL;
	elf_version(EV_CURRENT);
	if (check_file(path, "", &type, err) || open_dwfl(in, type, err) ||
	    open_dwarf(in, err)) {
		input_close(in);
		return -1;
	}
	in->is_module = has_section(in->elf, ".gnu.linkonce.this_module");
	if (in->ehdr.e_type == ET_REL)
		index_alloc_sections(in);
	debug_sections_find(in->dbg, &in->sections);
	debug_sections_find(in->alt, &in->alt_sections);
	return 0;
}

void input_close(struct input *in)
{
	if (in->own_dbg)
		dwarf_end(in->dbg);
	if (in->dwfl)
		dwfl_end(in->dwfl);
	reloc_copies_release(&in->reloc_copies);
	free(in->alloc);
	memset(in, 0, sizeof(*in));
}

bool input_looks_like_elf(const char *path)
{
	unsigned char magic[SELFMAG];
	int fd = open(path, O_RDONLY | O_NONBLOCK);
	ssize_t n;

	if (fd < 0)
		return false;
	n = read(fd, magic, sizeof(magic));
	close(fd);
	return n == SELFMAG && !memcmp(magic, ELFMAG, SELFMAG);
}

/*
 * Is [p, p + len) inside a mapping of a file? libelf maps privately and
 * writable so that an ET_REL file's sections may be relocated in place;
 * other files nothing writes (what libelf decompresses or converts goes
 * to memory of its own), so their pages can be dropped and read again.
 */
static bool in_file_map(const void *p, size_t len)
{
	uintptr_t from = (uintptr_t)p;
	FILE *maps = fopen("/proc/self/maps", "r");
	struct mapping m;
	bool found = false;

	while (maps && !found && next_mapping(maps, &m))
		found = from >= m.start && from < m.end;
	if (maps)
		fclose(maps);
	return found && m.inode && len <= m.end - from;
}

/*
 * A section's data as DWARF readers see it: libdw normally decompressed
 * it in place already, and then this changes nothing.
 */
static Elf_Data *plain_data(Elf_Scn *scn, const GElf_Shdr *shdr, bool gnu)
{
	Elf_Data *data;

	if ((shdr->sh_flags & SHF_COMPRESSED) && elf_compress(scn, 0, 0) < 0)
		return NULL;
	data = elf_getdata(scn, NULL);
	/* a .zdebug_ section keeps its name once decompressed */
	if (gnu && data && data->d_size >= 4 &&
	    !memcmp(data->d_buf, "ZLIB", 4)) {
		if (elf_compress_gnu(scn, 0, 0) < 0)
			return NULL;
		data = elf_getdata(scn, NULL);
	}
	return data;
}

void debug_sections_find(Dwarf *dbg, struct debug_sections *s)
{
	Elf *elf = dbg ? dwarf_getelf(dbg) : NULL;
	Elf_Scn *scn = NULL;
	Elf_Data **slot;
	const char *name;
	GElf_Shdr shdr;
	GElf_Ehdr ehdr;
	bool gnu;

	memset(s, 0, sizeof(*s));
	while (elf && (scn = elf_nextscn(elf, scn))) {
		name = input_section_name(elf, scn);
		if (!name || !gelf_getshdr(scn, &shdr) ||
		    shdr.sh_type == SHT_NOBITS)
			continue;
		gnu = !strncmp(name, ".zdebug_", 8);
		if (!gnu && strncmp(name, ".debug_", 7))
			continue;
		name += gnu ? 8 : 7;
		if (!strcmp(name, "info"))
			slot = &s->info;
		else if (!strcmp(name, "abbrev"))
			slot = &s->abbrev;
		else if (!strcmp(name, "line"))
			slot = &s->line;
		else if (!strcmp(name, "line_str"))
			slot = &s->line_str;
		else if (!strcmp(name, "str"))
			slot = &s->str;
		else
			continue;
		*slot = plain_data(scn, &shdr, gnu);
	}
	/* ET_REL sections are relocated copies: never dropped */
	if (s->info && s->info->d_buf && gelf_getehdr(elf, &ehdr) &&
	    ehdr.e_type != ET_REL)
		s->info_in_file_map = in_file_map(s->info->d_buf,
						  s->info->d_size);
}

/*
 * Each release flushes the TLB of every CPU that runs a thread of this
 * process (an exit each under a hypervisor), so one per unit of a vmlinux
 * would be thousands. Releasing what lies between units another handle walked costs
 * nothing: this handle never touched those pages.
 */
#define RELEASE_BATCH (4u << 20)

void debug_info_walked(struct debug_sections *s, const void *start,
		       const void *end)
{
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
	uintptr_t info = s->info ? (uintptr_t)s->info->d_buf : 0;
	uintptr_t from, to;

	/* never beyond the section, whatever a corrupt unit says */
	if (!s->info_in_file_map || (uintptr_t)start < info ||
	    (uintptr_t)end > info + s->info->d_size || start >= end)
		return;
	if (!s->walked_to || (uintptr_t)start < s->walked_from)
		s->walked_from = (uintptr_t)start;
	if ((uintptr_t)end > s->walked_to)
		s->walked_to = (uintptr_t)end;
	if (s->walked_to - s->walked_from < RELEASE_BATCH &&
	    s->walked_to < info + s->info->d_size)
		return;
	from = (s->walked_from + page - 1) & ~(page - 1);
	to = s->walked_to & ~(page - 1);
	if (to > from)
		madvise((void *)from, to - from, MADV_DONTNEED);
	s->walked_from = s->walked_to = 0;
}
