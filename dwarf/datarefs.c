// SPDX-License-Identifier: GPL-2.0-only
#include "datarefs.h"

#include <stdlib.h>
#include <string.h>

#include "../common/hashset.h"
#include "../common/util.h"

/* Function addresses -> index of the first symbol there, plus one. */
struct addr_set {
	uint64_t *keys;
	size_t *first;
	size_t mask;
	uint64_t lowest, highest;	/* most data words lie outside */
};

static void set_build(struct addr_set *set, const struct image_rec *img)
{
	size_t n = hashset_nslots(img->nsyms, 16), i, slot;

	set->keys = xcalloc_written(n, sizeof(*set->keys));
	set->first = xcalloc_written(n, sizeof(*set->first));
	set->mask = n - 1;
	set->lowest = UINT64_MAX;
	set->highest = 0;
	for (i = 0; i < img->nsyms; i++) {
		if (img->syms[i].kind != SYM_FUNC ||
		    (i && img->syms[i - 1].addr == img->syms[i].addr))
			continue;
		if (img->syms[i].addr < set->lowest)
			set->lowest = img->syms[i].addr;
		if (img->syms[i].addr > set->highest)
			set->highest = img->syms[i].addr;
		slot = hashset_first(hash_u64(img->syms[i].addr), n);
		while (set->first[slot])
			slot = hashset_next(slot, n);
		set->keys[slot] = img->syms[i].addr;
		set->first[slot] = i + 1;
	}
}

static void note_address(const struct addr_set *set, struct image_rec *img,
			 uint64_t addr)
{
	size_t slot, i;

	if (addr < set->lowest || addr > set->highest)
		return;
	slot = hashset_first(hash_u64(addr), set->mask + 1);
	while (set->first[slot] && set->keys[slot] != addr)
		slot = hashset_next(slot, set->mask + 1);
	if (!set->first[slot])
		return;
	for (i = set->first[slot] - 1;
	     i < img->nsyms && img->syms[i].addr == addr; i++)
		if (img->syms[i].kind == SYM_FUNC)
			img->syms[i].data_ref = true;
}

/* Sections that list functions for tools, not for calls. */
static bool tool_table(const char *name)
{
	static const char *const prefixes[] = {
		"__mcount_loc", "__patchable_function_entries",
		"_kprobe_blacklist", ".eh_frame", ".gcc_except_table", ".note",
		".BTF", ".orc_", "__ex_table", ".altinstr", ".retpoline_sites",
		".return_sites", ".call_sites", ".ibt_endbr_seal", ".smp_locks",
		"__bug_table", "__ksymtab", ".debug_", ".rela", ".rel.",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(prefixes); i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

static bool is_data(Elf *elf, Elf_Scn *scn, const GElf_Shdr *shdr)
{
	const char *name = input_section_name(elf, scn);

	if (!(shdr->sh_flags & SHF_ALLOC) ||
	    (shdr->sh_flags & SHF_EXECINSTR) || !name || tool_table(name))
		return false;
	return shdr->sh_type == SHT_PROGBITS ||
	       shdr->sh_type == SHT_INIT_ARRAY ||
	       shdr->sh_type == SHT_FINI_ARRAY ||
	       shdr->sh_type == SHT_PREINIT_ARRAY;
}

static bool in_bounds(const struct kernel_bounds *b, int start, uint64_t a)
{
	return b->found[start] && b->found[start + 1] &&
	       a >= b->addr[start] && a < b->addr[start + 1];
}

/* Every aligned pointer-sized word of a data section. */
static void scan_words(struct input *in, struct image_rec *img,
		       const struct addr_set *set,
		       const struct kernel_bounds *b, Elf_Scn *scn,
		       const GElf_Shdr *shdr)
{
	size_t word = in->ehdr.e_ident[EI_CLASS] == ELFCLASS64 ? 8 : 4, off;
	bool msb = in->ehdr.e_ident[EI_DATA] == ELFDATA2MSB;
	Elf_Data *data = elf_getdata(scn, NULL);
	uint64_t at;

	if (!data || !data->d_buf)
		return;
	for (off = (word - shdr->sh_addr % word) % word;
	     off + word <= data->d_size; off += word) {
		at = shdr->sh_addr + off;
		/* vmlinux keeps the ftrace and kprobe tables in .init.data */
		if (in_bounds(b, BOUND_MCOUNT_START, at) ||
		    in_bounds(b, BOUND_BLACKLIST_START, at))
			continue;
		note_address(set, img, read_uint((unsigned char *)data->d_buf +
						 off, word, msb));
	}
}

/*
 * Relocations that store an address in data: a relative one's addend in
 * a linked image, symbol + addend in an object file.
 */
static void scan_relocs(struct input *in, struct image_rec *img,
			const struct addr_set *set, Elf_Scn *scn,
			const GElf_Shdr *shdr, bool relocatable)
{
	Elf_Data *data = elf_getdata(scn, NULL);
	GElf_Shdr target;
	GElf_Rela r;
	GElf_Sym sym;
	GElf_Addr addr;
	Elf_Scn *tscn;
	int i;

	if (relocatable) {
		tscn = elf_getscn(in->elf, shdr->sh_info);
		if (!tscn || !gelf_getshdr(tscn, &target) ||
		    !is_data(in->elf, tscn, &target))
			return;
	}
	for (i = 0; data && gelf_getrela(data, i, &r); i++) {
		if (!relocatable) {
			if (!GELF_R_SYM(r.r_info))
				note_address(set, img, (uint64_t)r.r_addend);
			continue;
		}
		if (dwfl_module_getsym_info(in->mod, (int)GELF_R_SYM(r.r_info),
					    &sym, &addr, NULL, NULL, NULL))
			note_address(set, img, addr - in->bias +
					       (uint64_t)r.r_addend);
	}
}

void datarefs_mark(struct input *in, struct image_rec *img,
		   const struct kernel_bounds *b)
{
	bool relocatable = in->ehdr.e_type == ET_REL;
	struct addr_set set;
	Elf_Scn *scn = NULL;
	GElf_Shdr shdr;

	set_build(&set, img);
	while ((scn = elf_nextscn(in->elf, scn))) {
		if (!gelf_getshdr(scn, &shdr))
			continue;
		/* ET_REL: data relocations are listed, or where libdwfl
		 * relocated the file, applied and emptied but for the rest */
		if (shdr.sh_type == SHT_RELA && shdr.sh_size)
			scan_relocs(in, img, &set, scn, &shdr, relocatable);
		else if (is_data(in->elf, scn, &shdr))
			scan_words(in, img, &set, b, scn, &shdr);
	}
	free(set.keys);
	free(set.first);
}
