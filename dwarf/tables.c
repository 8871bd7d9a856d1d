// SPDX-License-Identifier: GPL-2.0-only
/*
 * Address tables of a kernel image. A vmlinux holds them inside
 * .init.data between __start_X/__stop_X symbols (absolute words); a
 * module or object holds each in its own section, as relocations.
 */
#include "tables.h"

#include <stdlib.h>
#include <string.h>

#include "../common/util.h"

static const char *const bound_names[NR_BOUNDS] = {
	[BOUND_MCOUNT_START] = "__start_mcount_loc",
	[BOUND_MCOUNT_STOP] = "__stop_mcount_loc",
	[BOUND_BLACKLIST_START] = "__start_kprobe_blacklist",
	[BOUND_BLACKLIST_STOP] = "__stop_kprobe_blacklist",
	[BOUND_KPROBES_START] = "__kprobes_text_start",
	[BOUND_KPROBES_END] = "__kprobes_text_end",
	[BOUND_NOINSTR_START] = "__noinstr_text_start",
	[BOUND_NOINSTR_END] = "__noinstr_text_end",
	[BOUND_ENTRY_START] = "__entry_text_start",
	[BOUND_ENTRY_END] = "__entry_text_end",
	[BOUND_IRQENTRY_START] = "__irqentry_text_start",
	[BOUND_IRQENTRY_END] = "__irqentry_text_end",
	[BOUND_INIT_START] = "_sinittext",
	[BOUND_INIT_END] = "_einittext",
	[BOUND_TEXT] = "_text",
};

static const char *const mcount_sections[] = {
	"__mcount_loc", "__patchable_function_entries", NULL,
};

static const char *const blacklist_sections[] = {
	"_kprobe_blacklist", NULL,
};

/* A table of addresses being read. */
struct addr_list {
	uint64_t *v;
	size_t n, cap;
};

void tables_note_symbol(struct kernel_bounds *b, const char *name,
			uint64_t addr)
{
	int i;

	if (name[0] != '_')
		return;
	for (i = 0; i < NR_BOUNDS; i++) {
		if (!strcmp(name, bound_names[i])) {
			b->addr[i] = addr;
			b->found[i] = true;
		}
	}
}

enum nokprobe tables_section_nokprobe(const char *section)
{
	if (!section)
		return NOKPROBE_NONE;
	if (!strcmp(section, ".kprobes.text"))
		return NOKPROBE_KPROBES_TEXT;
	if (!strcmp(section, ".noinstr.text"))
		return NOKPROBE_NOINSTR_TEXT;
	if (!strcmp(section, ".entry.text"))
		return NOKPROBE_ENTRY_TEXT;
	if (!strcmp(section, ".irqentry.text"))
		return NOKPROBE_IRQENTRY_TEXT;
	return NOKPROBE_NONE;
}

static bool name_in(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(name, *list))
			return true;
	return false;
}

/* Words [from, to) of a table section's data, as addresses. */
static void read_words(struct input *in, Elf_Data *data, size_t from,
		       size_t to, struct addr_list *out)
{
	bool is64 = in->ehdr.e_ident[EI_CLASS] == ELFCLASS64;
	bool msb = in->ehdr.e_ident[EI_DATA] == ELFDATA2MSB;
	size_t word = is64 ? 8 : 4, off;

	if (!data || !data->d_buf || to > data->d_size)
		return;
	for (off = from; off + word <= to; off += word)
		*ARRAY_PUSH(out->v, out->n, out->cap) = read_uint(
			(unsigned char *)data->d_buf + off, word, msb);
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

/* vmlinux: the table [start, stop) sits inside an allocated section. */
static bool read_bounded(struct input *in, const struct kernel_bounds *b,
			 int start, struct addr_list *out)
{
	uint64_t from = b->addr[start], to = b->addr[start + 1];
	GElf_Shdr shdr;
	Elf_Scn *scn;

	if (!b->found[start] || !b->found[start + 1] || to < from)
		return false;
	if (to == from)
		return true;
	scn = section_at(in->elf, from, &shdr);
	if (!scn || to > shdr.sh_addr + shdr.sh_size)
		return false;
	read_words(in, elf_getdata(scn, NULL), from - shdr.sh_addr,
		   to - shdr.sh_addr, out);
	return true;
}

/* ET_REL: each entry is a relocation against a symbol plus an addend. */
static void read_rela(struct input *in, Elf_Scn *rela, struct addr_list *out)
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
		*ARRAY_PUSH(out->v, out->n, out->cap) =
			addr - in->bias + (uint64_t)r.r_addend;
	}
}

/*
 * Modules, objects and user programs: table sections by name. An ET_REL
 * file's tables are read through their .rela sections; where libdwfl
 * relocated the file (a machine relocate.c leaves to it) it applied them
 * already and emptied the .rela sections, and the table itself is read.
 */
static bool read_sections(struct input *in, const char *const *names,
			  struct addr_list *out)
{
	size_t nsections = 0;
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
		    strncmp(name, ".rela", 5) || !name_in(name + 5, names) ||
		    shdr.sh_info >= nsections)
			continue;
		read_rela(in, scn, out);
		via_rela[shdr.sh_info] = true;
		found = true;
	}
	while ((scn = elf_nextscn(in->elf, scn))) {
		name = gelf_getshdr(scn, &shdr)
			       ? input_section_name(in->elf, scn) : NULL;
		if (!name || shdr.sh_type != SHT_PROGBITS ||
		    !name_in(name, names) || via_rela[elf_ndxscn(scn)])
			continue;
		data = elf_getdata(scn, NULL);
		read_words(in, data, 0, data ? data->d_size : 0, out);
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

/* Sorted, each address once: two tables may list the same site. */
static size_t sort_unique(uint64_t *v, size_t n)
{
	size_t i, k = 0;

	sort_array(v, n, sizeof(*v), compare_u64);
	for (i = 0; i < n; i++)
		if (!k || v[k - 1] != v[i])
			v[k++] = v[i];
	return k;
}

static bool read_table(struct input *in, const struct kernel_bounds *b,
		       int start, const char *const *sections,
		       uint64_t **v, size_t *n)
{
	struct addr_list list = { 0 };
	bool found = read_bounded(in, b, start, &list) ||
		     read_sections(in, sections, &list);

	*v = list.v;
	*n = sort_unique(list.v, list.n);
	return found;
}

static void add_nokprobe(struct image_rec *img, size_t *cap, uint64_t start,
			 uint64_t end, enum nokprobe why)
{
	struct nokprobe_range *r;

	if (end <= start)
		return;
	r = ARRAY_PUSH(img->nokprobe, img->nnokprobe, *cap);
	r->start = start;
	r->end = end;
	r->why = why;
}

static int compare_ranges(const void *a, const void *b)
{
	const struct nokprobe_range *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

/*
 * vmlinux: the no-kprobe text areas are bounded by symbols; elsewhere they
 * are sections, whose functions image.c marks as it reads symbols.
 */
static void read_nokprobe_ranges(struct image_rec *img,
				 const struct kernel_bounds *b)
{
	static const struct {
		int start;
		enum nokprobe why;
	} areas[] = {
		{ BOUND_KPROBES_START, NOKPROBE_KPROBES_TEXT },
		{ BOUND_NOINSTR_START, NOKPROBE_NOINSTR_TEXT },
		{ BOUND_ENTRY_START, NOKPROBE_ENTRY_TEXT },
		{ BOUND_IRQENTRY_START, NOKPROBE_IRQENTRY_TEXT },
	};
	size_t i, cap = img->nnokprobe;

	for (i = 0; i < ARRAY_SIZE(areas); i++)
		if (b->found[areas[i].start] && b->found[areas[i].start + 1])
			add_nokprobe(img, &cap, b->addr[areas[i].start],
				     b->addr[areas[i].start + 1],
				     areas[i].why);
	for (i = 0; i < img->nsyms; i++)
		if (img->syms[i].nokprobe)
			add_nokprobe(img, &cap, img->syms[i].addr,
				     img->syms[i].addr + img->syms[i].size,
				     img->syms[i].nokprobe);
	sort_array(img->nokprobe, img->nnokprobe, sizeof(*img->nokprobe),
		   compare_ranges);
}

/* vmlinux: between _sinittext and _einittext; a module: .init.text. */
static void read_init_text(struct input *in, struct image_rec *img,
			   const struct kernel_bounds *b)
{
	struct addr_range *r;
	const char *name;
	size_t i, cap = 0;

	if (b->found[BOUND_INIT_START] && b->found[BOUND_INIT_END]) {
		r = ARRAY_PUSH(img->init_text, img->ninit_text, cap);
		r->start = b->addr[BOUND_INIT_START];
		r->end = b->addr[BOUND_INIT_END];
	}
	for (i = 0; i < in->nalloc; i++) {
		name = input_section_name(in->elf, in->alloc[i].scn);
		if (!name || strcmp(name, ".init.text"))
			continue;
		r = ARRAY_PUSH(img->init_text, img->ninit_text, cap);
		r->start = in->alloc[i].start;
		r->end = in->alloc[i].end;
	}
	img->has_text_base = b->found[BOUND_TEXT];
	img->text_base = b->addr[BOUND_TEXT];
}

void tables_read(struct input *in, struct image_rec *img,
		 const struct kernel_bounds *b)
{
	read_init_text(in, img, b);
	img->has_mcount = read_table(in, b, BOUND_MCOUNT_START,
				     mcount_sections, &img->mcount,
				     &img->nmcount);
	read_table(in, b, BOUND_BLACKLIST_START, blacklist_sections,
		   &img->kprobe_blacklist, &img->nkprobe_blacklist);
	read_nokprobe_ranges(img, b);
}
