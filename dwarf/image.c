// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ELF side of an input: identity, symbols in DWARF address space, and
 * the kernel's ftrace table (__mcount_loc).
 */
#include "image.h"

#include <stdlib.h>
#include <string.h>

#include "../common/util.h"

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

/* Bounds of the vmlinux ftrace table: NOTYPE symbols, not kept in syms. */
struct mcount_bounds {
	uint64_t start, stop;
	bool have_start, have_stop;
};

static void note_bound(struct mcount_bounds *b, const char *name,
		       uint64_t addr)
{
	if (!strcmp(name, "__start_mcount_loc")) {
		b->start = addr;
		b->have_start = true;
	} else if (!strcmp(name, "__stop_mcount_loc")) {
		b->stop = addr;
		b->have_stop = true;
	}
}

static void read_symbols(struct input *in, struct image_rec *img,
			 struct mcount_bounds *bounds)
{
	int n = dwfl_module_getsymtab(in->mod), i, type;
	size_t cap = 0;
	GElf_Sym sym;
	GElf_Addr addr;
	const char *name;
	struct sym_rec *s;

	for (i = 1; i < n; i++) {
		name = dwfl_module_getsym_info(in->mod, i, &sym, &addr, NULL,
					       NULL, NULL);
		type = GELF_ST_TYPE(sym.st_info);
		if (name && sym.st_shndx != SHN_UNDEF)
			note_bound(bounds, name, addr - in->bias);
		if (!name || !*name || sym.st_shndx == SHN_UNDEF ||
		    (type != STT_FUNC && type != STT_GNU_IFUNC &&
		     type != STT_OBJECT) ||
		    is_stub_symbol(name))
			continue;
		s = ARRAY_PUSH(img->syms, img->nsyms, cap);
		s->name = xstrdup(name);
		/* back from libdwfl's address space to the DWARF's */
		s->addr = addr - in->bias;
		s->size = sym.st_size;
		s->kind = type == STT_OBJECT ? SYM_OBJECT : SYM_FUNC;
		s->global = GELF_ST_BIND(sym.st_info) != STB_LOCAL;
		if (!strcmp(name, "linux_banner"))
			img->is_kernel = true;
	}
	sort_array(img->syms, img->nsyms, sizeof(*img->syms), compare_syms);
}

static uint64_t read_word(const unsigned char *p, bool is64, bool msb)
{
	uint64_t v = 0;
	int i, n = is64 ? 8 : 4;

	for (i = 0; i < n; i++)
		v |= (uint64_t)p[msb ? n - 1 - i : i] << (8 * i);
	return v;
}

static Elf_Scn *section_at(Elf *elf, uint64_t addr, GElf_Shdr *shdr)
{
	Elf_Scn *scn = NULL;

	while ((scn = elf_nextscn(elf, scn))) {
		if (gelf_getshdr(scn, shdr) && shdr->sh_type == SHT_PROGBITS &&
		    (shdr->sh_flags & SHF_ALLOC) && addr >= shdr->sh_addr &&
		    addr < shdr->sh_addr + shdr->sh_size)
			return scn;
	}
	return NULL;
}

static void push_mcount(struct image_rec *img, size_t *cap, uint64_t addr)
{
	*ARRAY_PUSH(img->mcount, img->nmcount, *cap) = addr;
}

/* Words [from, to) of a table section's data, as addresses. */
static void read_words(struct input *in, struct image_rec *img,
		       Elf_Data *data, size_t from, size_t to, size_t *cap)
{
	bool is64 = in->ehdr.e_ident[EI_CLASS] == ELFCLASS64;
	bool msb = in->ehdr.e_ident[EI_DATA] == ELFDATA2MSB;
	size_t word = is64 ? 8 : 4, off;

	if (!data || !data->d_buf || to > data->d_size)
		return;
	for (off = from; off + word <= to; off += word)
		push_mcount(img, cap,
			    read_word((unsigned char *)data->d_buf + off, is64,
				      msb));
}

/* vmlinux: the table sits inside .init.data between two symbols. */
static bool read_vmlinux_mcount(struct input *in, struct image_rec *img,
				const struct mcount_bounds *b)
{
	size_t cap = 0;
	GElf_Shdr shdr;
	Elf_Scn *scn;

	if (!b->have_start || !b->have_stop || b->stop < b->start)
		return false;
	scn = section_at(in->elf, b->start, &shdr);
	if (!scn || b->stop > shdr.sh_addr + shdr.sh_size)
		return false;
	read_words(in, img, elf_getdata(scn, NULL), b->start - shdr.sh_addr,
		   b->stop - shdr.sh_addr, &cap);
	return true;
}

/* ET_REL: each entry is a relocation against a symbol plus an addend. */
static void read_rela_table(struct input *in, struct image_rec *img,
			    Elf_Scn *rela, size_t *cap)
{
	Elf_Data *data = elf_getdata(rela, NULL);
	GElf_Rela r;
	GElf_Sym sym;
	GElf_Addr addr;
	int i;

	for (i = 0; data && gelf_getrela(data, i, &r); i++) {
		if (!dwfl_module_getsym_info(in->mod,
					     (int)GELF_R_SYM(r.r_info), &sym,
					     &addr, NULL, NULL, NULL))
			continue;
		push_mcount(img, cap, addr - in->bias + (uint64_t)r.r_addend);
	}
}

static bool is_ftrace_table(const char *name)
{
	return !strcmp(name, "__mcount_loc") ||
	       !strcmp(name, "__patchable_function_entries");
}

/*
 * Modules, objects and user programs: one or more table sections. In an
 * ET_REL file libdwfl has usually applied their relocations already (and
 * emptied the .rela section); a table whose .rela is still full is read
 * through it instead.
 */
static bool read_section_mcount(struct input *in, struct image_rec *img)
{
	size_t cap = 0, nsections = 0;
	Elf_Scn *scn = NULL;
	GElf_Shdr shdr;
	const char *name;
	bool found = false, *via_rela;
	Elf_Data *data;

	if (elf_getshdrnum(in->elf, &nsections) < 0)
		return false;
	via_rela = xcalloc(nsections + 1, sizeof(bool));
	while ((scn = elf_nextscn(in->elf, scn))) {
		name = gelf_getshdr(scn, &shdr)
			       ? input_section_name(in->elf, scn) : NULL;
		if (!name || shdr.sh_type != SHT_RELA || !shdr.sh_size ||
		    strncmp(name, ".rela", 5) || !is_ftrace_table(name + 5) ||
		    shdr.sh_info >= nsections)
			continue;
		read_rela_table(in, img, scn, &cap);
		via_rela[shdr.sh_info] = true;
		found = true;
	}
	while ((scn = elf_nextscn(in->elf, scn))) {
		name = gelf_getshdr(scn, &shdr)
			       ? input_section_name(in->elf, scn) : NULL;
		if (!name || shdr.sh_type != SHT_PROGBITS ||
		    !is_ftrace_table(name) || via_rela[elf_ndxscn(scn)])
			continue;
		data = elf_getdata(scn, NULL);
		read_words(in, img, data, 0, data ? data->d_size : 0, &cap);
		found = true;
	}
	free(via_rela);
	return found;
}

static int compare_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* __mcount_loc and __patchable_function_entries may both list a site. */
static size_t unique_u64(uint64_t *v, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (!k || v[k - 1] != v[i])
			v[k++] = v[i];
	return k;
}

void image_read_elf(struct input *in, struct image_rec *img)
{
	struct mcount_bounds bounds = { 0 };

	read_identity(in, img);
	read_lto_note(in->elf, img);
	read_symbols(in, img, &bounds);
	img->is_kernel |= in->is_module;
	img->has_mcount = read_vmlinux_mcount(in, img, &bounds) ||
			  read_section_mcount(in, img);
	sort_array(img->mcount, img->nmcount, sizeof(uint64_t), compare_u64);
	img->nmcount = unique_u64(img->mcount, img->nmcount);
}
