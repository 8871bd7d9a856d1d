// SPDX-License-Identifier: GPL-2.0-only
#include "code.h"

#include <stdlib.h>
#include <string.h>

#include "../common/util.h"

/* A relocation that applies to an executable section. */
struct code_reloc {
	uint64_t offset;	/* in its section */
	uint32_t type;
	uint32_t sym;		/* in the symbol table */
	int64_t addend;
};

struct code_section {
	GElf_Shdr shdr;
	const char *name;
	Elf_Data *data;		/* NULL until read */
	struct code_reloc *relocs;	/* sorted by offset */
	size_t nrelocs, relocs_cap;
};

/* FUNC and OBJECT symbols by section and value: what a place holds. */
struct placed_symbol {
	size_t shndx;
	uint64_t value, size;
	const char *name;
};

struct code_reader {
	struct input *in;
	struct image_rec *img;
	Elf *elf;
	bool relocatable;
	Elf_Data *symdata;
	size_t nsyms, strndx;
	struct code_section *sections;
	size_t nsections;
	struct placed_symbol *placed;
	size_t nplaced;
	size_t refs_cap;
	unsigned char *buf;	/* one function's bytes, masked */
	size_t buf_cap;
};

/* x86-64: the bytes a relocation type fills, and how far past the
 * field a PC-relative one counts (its addend holds minus that). */
static unsigned int x86_64_width(uint32_t type, unsigned int *pc_bias)
{
	*pc_bias = 0;
	switch (type) {
	case R_X86_64_64: case R_X86_64_PC64: case R_X86_64_GOTOFF64:
	case R_X86_64_SIZE64: case R_X86_64_DTPOFF64: case R_X86_64_TPOFF64:
		return 8;
	case R_X86_64_16: case R_X86_64_PC16:
		return 2;
	case R_X86_64_8: case R_X86_64_PC8:
		return 1;
	case R_X86_64_PC32: case R_X86_64_PLT32: case R_X86_64_GOTPCREL:
	case R_X86_64_GOTPCRELX: case R_X86_64_REX_GOTPCRELX:
	case R_X86_64_GOTTPOFF: case R_X86_64_TLSGD: case R_X86_64_TLSLD:
	case R_X86_64_GOTPC32:
		*pc_bias = 4;
		return 4;
	case R_X86_64_NONE:
		return 0;
	}
	return 4;
}

/* Other machines: relocated fields sit inside instructions; an ET_REL
 * file leaves them zero, so the bytes compare as they are. */
static unsigned int reloc_width(const struct code_reader *r, uint32_t type,
				unsigned int *pc_bias)
{
	if (r->in->ehdr.e_machine == EM_X86_64)
		return x86_64_width(type, pc_bias);
	*pc_bias = 0;
	return 0;
}

static int compare_relocs(const void *x, const void *y)
{
	const struct code_reloc *a = x, *b = y;

	return (a->offset > b->offset) - (a->offset < b->offset);
}

static int compare_placed(const void *x, const void *y)
{
	const struct placed_symbol *a = x, *b = y;

	if (a->shndx != b->shndx)
		return a->shndx < b->shndx ? -1 : 1;
	return (a->value > b->value) - (a->value < b->value);
}

/* A section's offset of an address (linked files hold addresses). */
static uint64_t section_offset(const struct code_reader *r, size_t shndx,
			       uint64_t value)
{
	return r->relocatable ? value
			      : value - r->sections[shndx].shdr.sh_addr;
}

static void read_relocs(struct code_reader *r, Elf_Scn *scn,
			const GElf_Shdr *shdr)
{
	Elf_Data *data = elf_getdata(scn, NULL);
	struct code_section *target;
	struct code_reloc *rel;
	GElf_Rela rela;
	size_t i, n;

	if (!data || shdr->sh_info >= r->nsections || !shdr->sh_entsize)
		return;
	target = &r->sections[shdr->sh_info];
	if (!(target->shdr.sh_flags & SHF_EXECINSTR))
		return;
	n = shdr->sh_size / shdr->sh_entsize;
	for (i = 0; i < n && gelf_getrela(data, (int)i, &rela); i++) {
		rel = ARRAY_PUSH(target->relocs, target->nrelocs,
				 target->relocs_cap);
		rel->offset = section_offset(r, shdr->sh_info, rela.r_offset);
		rel->type = (uint32_t)GELF_R_TYPE(rela.r_info);
		rel->sym = (uint32_t)GELF_R_SYM(rela.r_info);
		rel->addend = rela.r_addend;
	}
}

/* The sections, the relocations of executable ones, the symbol table. */
static bool read_sections(struct code_reader *r)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr shdr;
	size_t i;

	if (elf_getshdrnum(r->elf, &r->nsections))
		return false;
	r->sections = xcalloc(r->nsections + 1, sizeof(*r->sections));
	while ((scn = elf_nextscn(r->elf, scn))) {
		i = elf_ndxscn(scn);
		if (i >= r->nsections || !gelf_getshdr(scn, &shdr))
			continue;
		r->sections[i].shdr = shdr;
		r->sections[i].name = input_section_name(r->elf, scn);
		if (shdr.sh_type == SHT_SYMTAB && shdr.sh_entsize) {
			r->symdata = elf_getdata(scn, NULL);
			r->nsyms = shdr.sh_size / shdr.sh_entsize;
			r->strndx = shdr.sh_link;
		}
	}
	while ((scn = elf_nextscn(r->elf, scn)))
		if (gelf_getshdr(scn, &shdr) && shdr.sh_type == SHT_RELA)
			read_relocs(r, scn, &shdr);
	for (i = 0; i < r->nsections; i++)
		sort_array(r->sections[i].relocs, r->sections[i].nrelocs,
			   sizeof(struct code_reloc), compare_relocs);
	return r->symdata != NULL;
}

static void place_symbols(struct code_reader *r)
{
	size_t i, n = r->nsyms, cap = 0;
	struct placed_symbol *p;
	GElf_Sym sym;
	int type;

	for (i = 1; i < n && gelf_getsym(r->symdata, (int)i, &sym); i++) {
		type = GELF_ST_TYPE(sym.st_info);
		if ((type != STT_FUNC && type != STT_OBJECT) ||
		    sym.st_shndx == SHN_UNDEF || sym.st_shndx >= SHN_LORESERVE ||
		    sym.st_shndx >= r->nsections)
			continue;
		p = ARRAY_PUSH(r->placed, r->nplaced, cap);
		p->shndx = sym.st_shndx;
		p->value = section_offset(r, sym.st_shndx, sym.st_value);
		p->size = sym.st_size;
		p->name = elf_strptr(r->elf, r->strndx, sym.st_name);
	}
	sort_array(r->placed, r->nplaced, sizeof(*r->placed), compare_placed);
}

/* The symbol of section shndx whose bytes hold offset, or NULL. */
static const struct placed_symbol *symbol_holding(const struct code_reader *r,
						  size_t shndx,
						  uint64_t offset)
{
	size_t lo = 0, hi = r->nplaced, mid;
	const struct placed_symbol *p;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		p = &r->placed[mid];
		if (p->shndx < shndx || (p->shndx == shndx &&
					 p->value <= offset))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo > 0; lo--) {
		p = &r->placed[lo - 1];
		if (p->shndx != shndx)
			return NULL;
		if (offset < p->value + (p->size ? p->size : 1) && p->name &&
		    *p->name)
			return p;
		if (p->size)
			return NULL;
	}
	return NULL;
}

static Elf_Data *section_data(struct code_reader *r, size_t shndx)
{
	struct code_section *s = &r->sections[shndx];

	if (!s->data && s->shdr.sh_type != SHT_NOBITS)
		s->data = elf_getdata(elf_getscn(r->elf, shndx), NULL);
	return s->data;
}

/* A merged string at offset of section shndx: the whole string. */
static bool string_at(struct code_reader *r, size_t shndx, int64_t offset,
		      struct code_ref *ref)
{
	Elf_Data *data = section_data(r, shndx);
	const char *bytes, *start, *end;

	if (!data || !data->d_buf || offset < 0 ||
	    (uint64_t)offset >= data->d_size)
		return false;
	bytes = data->d_buf;
	start = bytes + offset;
	while (start > bytes && start[-1])
		start--;
	end = memchr(start, 0, data->d_size - (size_t)(start - bytes));
	if (!end)
		return false;
	ref->kind = CODE_TARGET_STRING;
	ref->target = xstrdup(start);
	ref->delta = offset - (start - bytes);
	return true;
}

/* What the place a section symbol plus addend points at is. */
static void resolve_section_target(struct code_reader *r, size_t shndx,
				   int64_t place, unsigned int pc_bias,
				   struct code_ref *ref)
{
	const struct code_section *s = &r->sections[shndx];
	const struct placed_symbol *p;
	int64_t at = place + pc_bias;

	if ((s->shdr.sh_flags & SHF_STRINGS) && string_at(r, shndx, at, ref)) {
		ref->delta -= pc_bias;
		return;
	}
	p = at >= 0 ? symbol_holding(r, shndx, (uint64_t)at) : NULL;
	if (p) {
		ref->kind = CODE_TARGET_SYMBOL;
		ref->target = xstrdup(p->name);
		ref->delta = place - (int64_t)p->value;
		return;
	}
	ref->kind = CODE_TARGET_SECTION;
	ref->target = xstrdup(s->name ? s->name : "?");
	ref->delta = place;
}

static void resolve_target(struct code_reader *r, const struct code_reloc *rel,
			   unsigned int pc_bias, struct code_ref *ref)
{
	GElf_Sym sym;
	const char *name;
	int type;

	if (!gelf_getsym(r->symdata, (int)rel->sym, &sym)) {
		ref->kind = CODE_TARGET_SECTION;
		ref->target = xstrdup("?");
		ref->delta = rel->addend;
		return;
	}
	type = GELF_ST_TYPE(sym.st_info);
	name = elf_strptr(r->elf, r->strndx, sym.st_name);
	if ((type == STT_SECTION || !name || !*name) &&
	    sym.st_shndx != SHN_UNDEF && sym.st_shndx < r->nsections) {
		resolve_section_target(r, sym.st_shndx,
				       (int64_t)section_offset(r, sym.st_shndx,
							       sym.st_value) +
					       rel->addend,
				       pc_bias, ref);
		return;
	}
	ref->kind = CODE_TARGET_SYMBOL;
	ref->target = xstrdup(name ? name : "");
	ref->delta = rel->addend;
}

/* First relocation of sec at or after offset. */
static size_t first_reloc(const struct code_section *sec, uint64_t offset)
{
	size_t lo = 0, hi = sec->nrelocs, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (sec->relocs[mid].offset < offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void read_function(struct code_reader *r, struct sym_rec *s)
{
	const struct code_section *sec;
	const struct code_reloc *rel;
	struct code_ref *ref;
	unsigned int width, pc_bias;
	Elf_Data *data;
	uint64_t start, at;
	const char *name;
	GElf_Sym sym;
	size_t k;

	if (!gelf_getsym(r->symdata, (int)s->elf_index, &sym) ||
	    !(name = elf_strptr(r->elf, r->strndx, sym.st_name)) ||
	    strcmp(name, s->name) || sym.st_shndx == SHN_UNDEF ||
	    sym.st_shndx >= r->nsections || !sym.st_size)
		return;
	sec = &r->sections[sym.st_shndx];
	data = section_data(r, sym.st_shndx);
	start = section_offset(r, sym.st_shndx, sym.st_value);
	if (!data || !data->d_buf || start > data->d_size ||
	    sym.st_size > data->d_size - start)
		return;
	if (r->buf_cap < sym.st_size) {
		r->buf_cap = sym.st_size;
		r->buf = xrealloc(r->buf, r->buf_cap);
	}
	memcpy(r->buf, (const char *)data->d_buf + start, sym.st_size);
	s->first_ref = (uint32_t)r->img->ncode_refs;
	for (k = first_reloc(sec, start); k < sec->nrelocs; k++) {
		rel = &sec->relocs[k];
		if (rel->offset >= start + sym.st_size)
			break;
		at = rel->offset - start;
		width = reloc_width(r, rel->type, &pc_bias);
		if (width && at + width <= sym.st_size)
			memset(r->buf + at, 0, width);
		ref = ARRAY_PUSH(r->img->code_refs, r->img->ncode_refs,
				 r->refs_cap);
		memset(ref, 0, sizeof(*ref));
		ref->offset = (uint32_t)at;
		ref->type = rel->type;
		resolve_target(r, rel, pc_bias, ref);
	}
	s->nrefs = (uint32_t)(r->img->ncode_refs - s->first_ref);
	s->code_hash = hash_bytes(r->buf, sym.st_size);
	s->code_at = r->img->ncode_bytes;
	if (r->img->code_bytes_cap - r->img->ncode_bytes < sym.st_size) {
		r->img->code_bytes_cap = (r->img->code_bytes_cap +
					  sym.st_size) * 2;
		r->img->code_bytes = xrealloc(r->img->code_bytes,
					      r->img->code_bytes_cap);
	}
	memcpy(r->img->code_bytes + s->code_at, r->buf, sym.st_size);
	r->img->ncode_bytes += sym.st_size;
	s->has_code = true;
}

static bool any_code_relocs(const struct code_reader *r)
{
	size_t i;

	for (i = 0; i < r->nsections; i++)
		if (r->sections[i].nrelocs)
			return true;
	return false;
}

static void reader_free(struct code_reader *r)
{
	size_t i;

	for (i = 0; i < r->nsections; i++)
		free(r->sections[i].relocs);
	free(r->sections);
	free(r->placed);
	free(r->buf);
}

void code_read(struct input *in, struct image_rec *img)
{
	struct code_reader r = { .in = in, .img = img, .elf = in->elf };
	size_t i;

	r.relocatable = in->ehdr.e_type == ET_REL;
	if (r.relocatable && !in->own_dbg) {
		image_add_warning(img, xasprintf("code not compared: libdwfl applied this object's relocations (machine EM_%u), so what its functions refer to is lost",
				    in->ehdr.e_machine));
		return;
	}
	if (!r.elf || !read_sections(&r)) {
		image_add_warning(img, xstrdup("code not compared: no symbol table in the main file"));
		reader_free(&r);
		return;
	}
	/* linked without --emit-relocs: bytes hold resolved addresses, and
	 * a moved callee would change every caller */
	if (!r.relocatable && !any_code_relocs(&r)) {
		reader_free(&r);
		return;
	}
	place_symbols(&r);
	for (i = 0; i < img->nsyms; i++)
		if (img->syms[i].kind == SYM_FUNC)
			read_function(&r, &img->syms[i]);
	img->has_code = true;
	reader_free(&r);
}
