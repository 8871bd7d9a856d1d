// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ELF side of an input: identity and symbols in DWARF address space;
 * tables.c reads the kernel's tracing tables.
 */
#include "image.h"

#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "datarefs.h"
#include "tables.h"

#define LINUX_ELFNOTE_LTO_INFO 0x101

static const char *machine_name(unsigned int machine)
{
	switch (machine) {
	case EM_X86_64:
		return "x86_64";
	case EM_386:
		return "i386";
	case EM_AARCH64:
		return "aarch64";
	case EM_ARM:
		return "arm";
	case EM_RISCV:
		return "riscv";
	case EM_PPC64:
		return "ppc64";
	case EM_PPC:
		return "ppc";
	case EM_S390:
		return "s390";
	case EM_LOONGARCH:
		return "loongarch";
	case EM_MIPS:
		return "mips";
	}
	return NULL;
}

static enum elf_kind elf_kind_of(unsigned int type)
{
	switch (type) {
	case ET_REL:
		return ELF_KIND_REL;
	case ET_EXEC:
		return ELF_KIND_EXEC;
	case ET_DYN:
		return ELF_KIND_DYN;
	}
	return ELF_KIND_OTHER;
}

static void read_identity(struct input *in, struct image_rec *img)
{
	const char *machine = machine_name(in->ehdr.e_machine);

	img->path = xstrdup(in->path);
	img->machine = machine ? xstrdup(machine)
			       : xasprintf("EM_%u", in->ehdr.e_machine);
	img->elf_kind = elf_kind_of(in->ehdr.e_type);
	img->build_id = input_build_id_hex(in->elf);
}

static void read_lto_note(Elf *elf, struct image_rec *img)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr shdr;
	GElf_Nhdr nhdr;
	Elf_Data *data;
	size_t off, name_off, desc_off;
	uint32_t value;

	img->lto_note = LTO_NOTE_ABSENT;
	while ((scn = elf_nextscn(elf, scn))) {
		if (!gelf_getshdr(scn, &shdr) || shdr.sh_type != SHT_NOTE)
			continue;
		data = elf_getdata(scn, NULL);
		off = 0;
		while (data && (off = gelf_getnote(data, off, &nhdr, &name_off,
						   &desc_off)) > 0) {
			if (nhdr.n_type != LINUX_ELFNOTE_LTO_INFO ||
			    nhdr.n_namesz != 6 || nhdr.n_descsz != 4 ||
			    memcmp((char *)data->d_buf + name_off, "Linux", 6))
				continue;
			memcpy(&value, (char *)data->d_buf + desc_off, 4);
			img->lto_note = value ? LTO_NOTE_CLANG : LTO_NOTE_OFF;
		}
	}
}

/* Padding and CFI stubs are FUNC symbols but not functions. */
static bool is_stub_symbol(const char *name)
{
	return !strncmp(name, "__pfx_", 6) || !strncmp(name, "__cfi_", 6);
}

static int compare_syms(const void *a, const void *b)
{
	const struct sym_rec *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The section holding a symbol, by name, from the ELF that has it. */
static const char *symbol_section(Elf *elf, GElf_Word shndx)
{
	Elf_Scn *scn = elf && shndx != SHN_UNDEF && shndx < SHN_LORESERVE
			       ? elf_getscn(elf, shndx) : NULL;

	return scn ? input_section_name(elf, scn) : NULL;
}

/* A module interface: EXPORT_SYMBOL leaves __ksymtab_<name>. */
static void note_export(struct image_rec *img, size_t *cap, const char *name)
{
	if (!strncmp(name, "__ksymtab_", 10) && name[10])
		*ARRAY_PUSH(img->exported, img->nexported, *cap) =
			xstrdup(name + 10);
}

/*
 * A shared object's interface (or a PIE's, with -rdynamic): the functions
 * its .dynsym defines with default visibility.
 */
static void read_dynamic_exports(struct input *in, struct image_rec *img,
				 size_t *cap)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr shdr;
	Elf_Data *data;
	GElf_Sym sym;
	const char *name;
	int i;

	while ((scn = elf_nextscn(in->elf, scn))) {
		if (!gelf_getshdr(scn, &shdr) || shdr.sh_type != SHT_DYNSYM)
			continue;
		data = elf_getdata(scn, NULL);
		for (i = 1; data && gelf_getsym(data, i, &sym); i++) {
			if (GELF_ST_TYPE(sym.st_info) != STT_FUNC ||
			    sym.st_shndx == SHN_UNDEF ||
			    GELF_ST_BIND(sym.st_info) == STB_LOCAL ||
			    GELF_ST_VISIBILITY(sym.st_other) != STV_DEFAULT)
				continue;
			name = elf_strptr(in->elf, shdr.sh_link, sym.st_name);
			if (name && *name)
				*ARRAY_PUSH(img->exported, img->nexported,
					    *cap) = xstrdup(name);
		}
	}
}

/*
 * kallsyms sorts the names at one address (scripts/kallsyms.c): strong
 * before weak, fewer leading underscores first, then in nm -n's order,
 * which is by name; ftrace and kallsyms_lookup show the first.
 */
static bool kallsyms_first(const struct sym_rec *a, const struct sym_rec *b)
{
	size_t ua = strspn(a->name, "_"), ub = strspn(b->name, "_");

	if (a->weak != b->weak)
		return !a->weak;
	if (ua != ub)
		return ua < ub;
	return strcmp(a->name, b->name) < 0;
}

/* Several FUNC symbols at one address: which one ftrace lists. */
static void mark_ftrace_aliases(struct image_rec *img)
{
	size_t i, k, end, best;

	for (i = 0; i < img->nsyms; i = end) {
		best = i;
		for (end = i + 1; end < img->nsyms &&
				  img->syms[end].addr == img->syms[i].addr;
		     end++)
			if (img->syms[end].kind == SYM_FUNC &&
			    (img->syms[best].kind != SYM_FUNC ||
			     kallsyms_first(&img->syms[end], &img->syms[best])))
				best = end;
		for (k = i; k < end; k++)
			if (k != best && img->syms[k].kind == SYM_FUNC &&
			    img->syms[best].kind == SYM_FUNC)
				img->syms[k].ftrace_alias = (uint32_t)best + 1;
	}
}

static int compare_sym_names(const void *a, const void *b)
{
	const struct sym_rec *x = *(const struct sym_rec *const *)a;
	const struct sym_rec *y = *(const struct sym_rec *const *)b;

	return strcmp(x->name, y->name);
}

/*
 * The kernel refuses a kprobe on a name kallsyms holds more than once
 * (functions and, with KALLSYMS_ALL, data): such names are marked so
 * that probes anchor elsewhere.
 */
static void mark_shared_names(struct image_rec *img)
{
	struct sym_rec **by_name = xcalloc(img->nsyms + 1, sizeof(*by_name));
	size_t i, k, end;

	for (i = 0; i < img->nsyms; i++)
		by_name[i] = &img->syms[i];
	sort_array(by_name, img->nsyms, sizeof(*by_name), compare_sym_names);
	for (i = 0; i < img->nsyms; i = end) {
		for (end = i + 1; end < img->nsyms &&
				  !strcmp(by_name[end]->name, by_name[i]->name);
		     end++)
			;
		for (k = i; end - i > 1 && k < end; k++)
			by_name[k]->name_shared = true;
	}
	free(by_name);
}

static void read_symbols(struct input *in, struct image_rec *img,
			 struct kernel_bounds *bounds)
{
	int n = dwfl_module_getsymtab(in->mod), i, type;
	size_t cap = 0, exported_cap = 0;
	GElf_Sym sym;
	GElf_Addr addr;
	GElf_Word shndx;
	Elf *elf;
	const char *name;
	struct sym_rec *s;

	for (i = 1; i < n; i++) {
		elf = NULL;
		name = dwfl_module_getsym_info(in->mod, i, &sym, &addr, &shndx,
					       &elf, NULL);
		type = GELF_ST_TYPE(sym.st_info);
		if (name && sym.st_shndx != SHN_UNDEF) {
			tables_note_symbol(bounds, name, addr - in->bias);
			note_export(img, &exported_cap, name);
		}
		if (!name || !*name || sym.st_shndx == SHN_UNDEF ||
		    (type != STT_FUNC && type != STT_GNU_IFUNC &&
		     type != STT_OBJECT) ||
		    is_stub_symbol(name))
			continue;
		s = ARRAY_PUSH(img->syms, img->nsyms, cap);
		memset(s, 0, sizeof(*s));
		s->name = xstrdup(name);
		/* back from libdwfl's address space to the DWARF's */
		s->addr = addr - in->bias;
		s->size = sym.st_size;
		s->kind = type == STT_OBJECT ? SYM_OBJECT : SYM_FUNC;
		s->global = GELF_ST_BIND(sym.st_info) != STB_LOCAL;
		s->weak = GELF_ST_BIND(sym.st_info) == STB_WEAK;
		s->elf_index = (uint32_t)i;
		if (s->kind == SYM_FUNC)
			s->nokprobe = tables_section_nokprobe(
				symbol_section(elf, shndx));
		if (!strcmp(name, "linux_banner"))
			img->is_kernel = true;
	}
	sort_array(img->syms, img->nsyms, sizeof(*img->syms), compare_syms);
	mark_ftrace_aliases(img);
	if (bounds->found[BOUND_TEXT] && !in->is_module)
		mark_shared_names(img);
	read_dynamic_exports(in, img, &exported_cap);
	sort_array(img->exported, img->nexported, sizeof(*img->exported),
		   compare_strings);
}

/* Executable segments, so a report can turn an address into a file offset. */
static void read_segments(struct input *in, struct image_rec *img)
{
	size_t n, i, cap = 0;
	struct load_segment *seg;
	GElf_Phdr phdr;

	if (elf_getphdrnum(in->elf, &n))
		return;
	for (i = 0; i < n; i++) {
		if (!gelf_getphdr(in->elf, (int)i, &phdr) ||
		    phdr.p_type != PT_LOAD || !(phdr.p_flags & PF_X))
			continue;
		seg = ARRAY_PUSH(img->segments, img->nsegments, cap);
		seg->vaddr = phdr.p_vaddr;
		seg->offset = phdr.p_offset;
		seg->size = phdr.p_filesz;
	}
}

void image_read_elf(struct input *in, struct image_rec *img)
{
	struct kernel_bounds bounds = { 0 };

	read_identity(in, img);
	read_segments(in, img);
	read_lto_note(in->elf, img);
	read_symbols(in, img, &bounds);
	img->is_kernel |= in->is_module;
	tables_read(in, img, &bounds);
	datarefs_mark(in, img, &bounds);
}
