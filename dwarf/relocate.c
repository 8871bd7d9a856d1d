// SPDX-License-Identifier: GPL-2.0-only
/*
 * libdwfl relocates every section of an ET_REL file through
 * gelf_getrela/gelf_update_rela, one call per relocation, and then
 * rewrites each relocation section it applied: a copy-on-write copy of
 * every page of them, and a debug module's .rela.debug_info is larger
 * than its .debug_info (docs/performance.md).
 * Reading the relocation arrays as they lie in the file and writing only
 * the sections inlscan reads does the same work in a few loads and a
 * store per relocation; writing into memory reused from module to module,
 * not into fresh copy-on-write pages of the file's mapping, spares the
 * kernel a page to allocate, copy and free for every 4 KB.
 */
#include "relocate.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/util.h"

/* A relocatable file's sections and symbols, as a relocation needs them. */
struct reloc_file {
	Elf *elf;
	GElf_Ehdr ehdr;
	size_t nsections, shstrndx;
	GElf_Addr *section_address;	/* per section; 0: not allocated */
	int fd;
	struct reloc_copies *copies;
};

#define POOL_SIZE 32

/* Copies given back, for the next file's sections. */
static struct {
	pthread_mutex_t lock;
	void *buf[POOL_SIZE];
	size_t cap[POOL_SIZE];
	unsigned int n;
} pool = { .lock = PTHREAD_MUTEX_INITIALIZER };

/*
 * The pooled buffer that best fits size: the smallest big enough, or
 * else the largest, to be replaced.
 */
static unsigned int pool_pick(size_t size)
{
	unsigned int i, best = 0;
	bool fits, best_fits;

	for (i = 1; i < pool.n; i++) {
		fits = pool.cap[i] >= size;
		best_fits = pool.cap[best] >= size;
		if (fits ? !best_fits || pool.cap[i] < pool.cap[best]
			 : !best_fits && pool.cap[i] > pool.cap[best])
			best = i;
	}
	return best;
}

/* A buffer of at least size bytes, its capacity in *cap. */
static void *pool_take(size_t size, size_t *cap)
{
	void *buf = NULL;
	unsigned int i;

	*cap = 0;
	pthread_mutex_lock(&pool.lock);
	if (pool.n) {
		i = pool_pick(size);
		buf = pool.buf[i];
		*cap = pool.cap[i];
		pool.n--;
		pool.buf[i] = pool.buf[pool.n];
		pool.cap[i] = pool.cap[pool.n];
	}
	pthread_mutex_unlock(&pool.lock);
	if (*cap < size) {
		free(buf);
		/* in powers of two: sections of nearby sizes share a buffer */
		*cap = 64 * 1024;
		while (*cap < size)
			*cap *= 2;
		buf = xmalloc(*cap);
	}
	return buf;
}

static void pool_give(void *buf, size_t cap)
{
	pthread_mutex_lock(&pool.lock);
	if (pool.n < POOL_SIZE) {
		pool.buf[pool.n] = buf;
		pool.cap[pool.n++] = cap;
		buf = NULL;
	}
	pthread_mutex_unlock(&pool.lock);
	free(buf);
}

void reloc_copies_release(struct reloc_copies *copies)
{
	unsigned int i;

	for (i = 0; i < copies->n; i++)
		pool_give(copies->buf[i], copies->cap[i]);
	copies->n = 0;
}

static bool read_fully(int fd, void *buf, size_t size, off_t offset)
{
	ssize_t n;

	while (size) {
		n = pread(fd, buf, size, offset);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		buf = (char *)buf + n;
		size -= (size_t)n;
		offset += n;
	}
	return true;
}

/* Point target at a copy of its bytes from the file, in pooled memory. */
static bool copy_section(const struct reloc_file *f, Elf_Data *target,
			 const GElf_Shdr *hdr)
{
	struct reloc_copies *c = f->copies;
	unsigned int i;
	void *buf;

	/* a second relocation section for the same target */
	for (i = 0; i < c->n; i++)
		if (target->d_buf == c->buf[i])
			return true;
	if (c->n == RELOC_COPIES || target->d_size != hdr->sh_size)
		return false;
	buf = pool_take(target->d_size, &c->cap[c->n]);
	c->buf[c->n++] = buf;
	if (!read_fully(f->fd, buf, target->d_size, (off_t)hdr->sh_offset))
		return false;
	target->d_buf = buf;
	return true;
}

/*
 * The debug sections inlscan or libdw on its behalf reads. Location
 * lists, call frames and address ranges are never read: not relocated.
 */
static bool is_read_section(const char *name)
{
	static const char *const read[] = {
		".debug_info",	   ".debug_types", ".debug_line",
		".debug_rnglists", ".debug_ranges", ".debug_addr",
		".debug_str_offsets",
	};
	size_t i;

	for (i = 0; i < sizeof(read) / sizeof(read[0]); i++)
		if (!strcmp(name, read[i]))
			return true;
	return false;
}

/*
 * Bytes written by a relocation of this type, if it is one that stores
 * symbol + addend; 0 otherwise. *none: the type that stores nothing.
 */
static unsigned int absolute_size(unsigned int machine, unsigned int type,
				  bool *none)
{
	*none = type == 0;	/* R_X86_64_NONE, R_AARCH64_NONE */
	switch (machine) {
	case EM_X86_64:
		if (type == R_X86_64_64)
			return 8;
		if (type == R_X86_64_32 || type == R_X86_64_32S)
			return 4;
		break;
	case EM_AARCH64:
		if (type == R_AARCH64_ABS64)
			return 8;
		if (type == R_AARCH64_ABS32)
			return 4;
		break;
	}
	return 0;
}

static bool symbol_value(const struct reloc_file *f, const Elf64_Sym *syms,
			 size_t nsyms, size_t index, uint64_t *value)
{
	const Elf64_Sym *sym;

	if (index == STN_UNDEF) {
		*value = 0;
		return true;
	}
	if (index >= nsyms)
		return false;
	sym = &syms[index];
	if (sym->st_shndx == SHN_ABS) {
		*value = sym->st_value;
		return true;
	}
	/* undefined, common, or a section index in SHT_SYMTAB_SHNDX */
	if (sym->st_shndx == SHN_UNDEF || sym->st_shndx >= SHN_LORESERVE ||
	    sym->st_shndx >= f->nsections)
		return false;
	*value = sym->st_value + f->section_address[sym->st_shndx];
	return true;
}

static bool apply_relocations(const struct reloc_file *f, Elf_Data *relas,
			      Elf_Data *syms, Elf_Data *target)
{
	const Elf64_Rela *rela = relas->d_buf;
	size_t n = relas->d_size / sizeof(*rela), i;
	size_t nsyms = syms->d_size / sizeof(Elf64_Sym);
	unsigned char *bytes = target->d_buf;
	unsigned int size;
	uint64_t value;
	uint32_t word;
	bool none;

	for (i = 0; i < n; i++) {
		size = absolute_size(f->ehdr.e_machine,
				     (unsigned int)ELF64_R_TYPE(rela[i].r_info),
				     &none);
		if (none)
			continue;
		if (!size || target->d_size < size ||
		    rela[i].r_offset > target->d_size - size ||
		    !symbol_value(f, syms->d_buf, nsyms,
				  ELF64_R_SYM(rela[i].r_info), &value))
			return false;
		value += (uint64_t)rela[i].r_addend;
		if (size == 8) {
			memcpy(bytes + rela[i].r_offset, &value, 8);
		} else {
			word = (uint32_t)value;
			memcpy(bytes + rela[i].r_offset, &word, 4);
		}
	}
	return true;
}

/* The relocations in scn (a SHT_RELA section), if their target is read. */
static bool relocate_section(const struct reloc_file *f, Elf_Scn *scn,
			     const GElf_Shdr *hdr)
{
	Elf_Scn *target_scn = elf_getscn(f->elf, hdr->sh_info);
	Elf_Scn *symtab = elf_getscn(f->elf, hdr->sh_link);
	Elf_Data *relas, *syms, *target;
	GElf_Shdr target_hdr;
	const char *name;

	if (!target_scn || !gelf_getshdr(target_scn, &target_hdr))
		return false;
	name = elf_strptr(f->elf, f->shstrndx, target_hdr.sh_name);
	if (!name)
		return false;
	/* libdwfl decompresses what it relocates: leave those to it */
	if (!strncmp(name, ".zdebug", 7))
		return false;
	if (!is_read_section(name) || (target_hdr.sh_flags & SHF_ALLOC))
		return true;
	if ((target_hdr.sh_flags & SHF_COMPRESSED) ||
	    target_hdr.sh_type == SHT_NOBITS ||
	    hdr->sh_entsize != sizeof(Elf64_Rela))
		return false;
	relas = elf_getdata(scn, NULL);
	syms = symtab ? elf_getdata(symtab, NULL) : NULL;
	target = elf_getdata(target_scn, NULL);
	if (!relas || relas->d_type != ELF_T_RELA || !syms ||
	    syms->d_type != ELF_T_SYM || !target || !target->d_buf ||
	    !copy_section(f, target, &target_hdr))
		return false;
	return apply_relocations(f, relas, syms, target);
}

/* Does the relocation section hdr apply to a section not loaded? */
static bool relocates_debug(const struct reloc_file *f, const GElf_Shdr *hdr)
{
	GElf_Shdr target;

	return !gelf_getshdr(elf_getscn(f->elf, hdr->sh_info), &target) ||
	       !(target.sh_flags & SHF_ALLOC);
}

static bool read_section_addresses(struct reloc_file *f, GElf_Addr bias)
{
	GElf_Shdr hdr;
	size_t i;

	f->section_address = xcalloc(f->nsections, sizeof(GElf_Addr));
	for (i = 0; i < f->nsections; i++) {
		if (!gelf_getshdr(elf_getscn(f->elf, i), &hdr))
			return false;
		if (hdr.sh_flags & SHF_ALLOC)
			f->section_address[i] = hdr.sh_addr + bias;
	}
	return true;
}

/* Values are stored as this host holds them: a little-endian file only. */
static bool can_relocate(struct reloc_file *f)
{
	const char *ident;

	ident = elf_getident(f->elf, NULL);
	return __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && ident &&
	       ident[EI_CLASS] == ELFCLASS64 &&
	       ident[EI_DATA] == ELFDATA2LSB &&
	       gelf_getehdr(f->elf, &f->ehdr) && f->ehdr.e_type == ET_REL &&
	       (f->ehdr.e_machine == EM_X86_64 ||
		f->ehdr.e_machine == EM_AARCH64) &&
	       !elf_getshdrnum(f->elf, &f->nsections) &&
	       !elf_getshdrstrndx(f->elf, &f->shstrndx);
}

bool relocate_debug_sections(Elf *elf, int fd, GElf_Addr bias,
			     struct reloc_copies *copies)
{
	struct reloc_file f = { .elf = elf, .fd = fd, .copies = copies };
	Elf_Scn *scn = NULL;
	GElf_Shdr hdr;
	bool ok;

	if (!can_relocate(&f))
		return false;
	ok = read_section_addresses(&f, bias);
	while (ok && (scn = elf_nextscn(elf, scn))) {
		if (!gelf_getshdr(scn, &hdr)) {
			ok = false;
		} else if (hdr.sh_type == SHT_REL) {
			/* addends in the target: not what this applies */
			ok = !relocates_debug(&f, &hdr);
		} else if (hdr.sh_type == SHT_RELA) {
			ok = relocate_section(&f, scn, &hdr);
		}
	}
	free(f.section_address);
	return ok;
}
