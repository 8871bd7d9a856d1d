// SPDX-License-Identifier: GPL-2.0-only
#include "locate.h"

#include <dirent.h>
#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/util.h"
#include "input.h"

/* Notes files are a few hundred bytes; /proc/modules a few pages. */
#define SMALL_FILE_MAX (1 << 20)

/* A small file under the sysroot, NUL-terminated; NULL if unreadable. */
static char *read_small(const char *sysroot, const char *path, size_t *len)
{
	char *full = xasprintf("%s%s", sysroot, path), *buf;
	size_t got = 0;
	ssize_t n;
	int fd = open(full, O_RDONLY | O_NONBLOCK);

	free(full);
	if (fd < 0)
		return NULL;
	buf = xmalloc(SMALL_FILE_MAX + 1);
	while (got < SMALL_FILE_MAX &&
	       (n = read(fd, buf + got, SMALL_FILE_MAX - got)) > 0)
		got += (size_t)n;
	close(fd);
	buf[got] = '\0';
	if (len)
		*len = got;
	return buf;
}

static uint32_t note_word(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

char *notes_build_id(const unsigned char *buf, size_t len)
{
	size_t off = 0, name_size, desc_size, i;
	char *hex;

	while (off + 12 <= len) {
		name_size = note_word(buf + off);
		desc_size = note_word(buf + off + 4);
		if (name_size > len || desc_size > len)
			return NULL;
		off += 12;
		if (off + ((name_size + 3) & ~3UL) + desc_size > len)
			return NULL;
		if (note_word(buf + off - 4) == NT_GNU_BUILD_ID &&
		    name_size == 4 && !memcmp(buf + off, "GNU", 4) &&
		    desc_size > 0 && desc_size <= 64) {
			off += 4;
			hex = xmalloc(desc_size * 2 + 1);
			for (i = 0; i < desc_size; i++)
				sprintf(hex + i * 2, "%02x", buf[off + i]);
			return hex;
		}
		off += ((name_size + 3) & ~3UL) + ((desc_size + 3) & ~3UL);
	}
	return NULL;
}

static char *notes_file_build_id(const char *sysroot, const char *path)
{
	size_t len;
	char *buf = read_small(sysroot, path, &len), *id;

	if (!buf)
		return NULL;
	id = notes_build_id((const unsigned char *)buf, len);
	free(buf);
	return id;
}

/* The build ID of an ELF file, hex; NULL if it has none or is no ELF. */
static char *file_build_id(const char *path)
{
	char *id = NULL;
	Elf *elf;
	int fd = open_regular(path);

	if (fd < 0)
		return NULL;
	elf_version(EV_CURRENT);
	elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (elf)
		id = input_build_id_hex(elf);
	elf_end(elf);
	close(fd);
	return id;
}

/* Where a part was looked for, for the error line. */
struct looked {
	char *text;
};

static void note_looked(struct looked *l, const char *path)
{
	char *t = xasprintf("%s%s%s", l->text ? l->text : "",
			    l->text ? ", " : "", path);

	free(l->text);
	l->text = t;
}

/* path holds the DWARF of build ID id: then it is the answer. */
static bool try_path(char *path, const char *id, struct looked *l,
		     char **found)
{
	char *file_id;

	note_looked(l, path);
	file_id = file_build_id(path);
	if (file_id && id && !strcmp(file_id, id)) {
		free(file_id);
		*found = path;
		return true;
	}
	free(file_id);
	free(path);
	return false;
}

/* /usr/lib/debug/.build-id/xx/rest.debug */
static char *build_id_path(const char *sysroot, const char *id)
{
	return xasprintf("%s/usr/lib/debug/.build-id/%.2s/%s.debug", sysroot,
			 id, id + 2);
}

/*
 * debuginfod, through the library libdw itself loads for it, so that
 * inlscan runs where it is not installed.
 */
typedef void *(*dbginfod_begin_fn)(void);
typedef int (*dbginfod_find_fn)(void *, const unsigned char *, int, char **);
typedef void (*dbginfod_progress_fn)(void *, int (*)(void *, long, long));
typedef void (*dbginfod_end_fn)(void *);

static int show_progress(void *client, long done, long total)
{
	(void)client;
	if (total > 0)
		fprintf(stderr, "\rinlscan: debuginfod: %ld of %ld MB", done >> 20,
			total >> 20);
	else
		fprintf(stderr, "\rinlscan: debuginfod: %ld MB", done >> 20);
	return 0;
}

static int hex_to_bytes(const char *hex, unsigned char *out, size_t max)
{
	size_t i, n = strlen(hex) / 2;
	unsigned int byte;

	if (n > max)
		return -1;
	for (i = 0; i < n; i++) {
		if (sscanf(hex + i * 2, "%2x", &byte) != 1)
			return -1;
		out[i] = (unsigned char)byte;
	}
	return (int)n;
}

static char *from_debuginfod(const char *id, bool progress,
			     struct looked *l)
{
	void *lib, *client;
	dbginfod_begin_fn begin;
	dbginfod_find_fn find;
	dbginfod_progress_fn set_progress;
	dbginfod_end_fn end;
	unsigned char raw[64];
	char *path = NULL, *where;
	int fd, n;

	if (!getenv("DEBUGINFOD_URLS") || !*getenv("DEBUGINFOD_URLS"))
		return NULL;
	where = xasprintf("debuginfod (%s)", getenv("DEBUGINFOD_URLS"));
	note_looked(l, where);
	free(where);
	lib = dlopen("libdebuginfod.so.1", RTLD_NOW);
	if (!lib)
		return NULL;
	begin = (dbginfod_begin_fn)dlsym(lib, "debuginfod_begin");
	find = (dbginfod_find_fn)dlsym(lib, "debuginfod_find_debuginfo");
	set_progress = (dbginfod_progress_fn)dlsym(lib,
						   "debuginfod_set_progressfn");
	end = (dbginfod_end_fn)dlsym(lib, "debuginfod_end");
	n = hex_to_bytes(id, raw, sizeof(raw));
	client = begin && find && end && n > 0 ? begin() : NULL;
	if (client) {
		if (progress && set_progress)
			set_progress(client, show_progress);
		fd = find(client, raw, n, &path);
		if (progress)
			fputc('\n', stderr);
		if (fd >= 0)
			close(fd);
		else
			path = NULL;
		end(client);
	}
	/* kept loaded: its allocations stay reachable for a leak checker */
	return path;
}

static char *find_vmlinux(const struct kernel_lookup *l, const char *rel,
			  const char *id, struct looked *looked)
{
	static const char *const paths[] = {
		"/usr/lib/debug/boot/vmlinux-%s",
		"/usr/lib/debug/lib/modules/%s/vmlinux",
		"/boot/vmlinux-%s",
		"/lib/modules/%s/build/vmlinux",
	};
	char *found = NULL, *rel_path;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(paths); i++) {
		rel_path = xasprintf(paths[i], rel);
		if (try_path(xasprintf("%s%s", l->sysroot, rel_path), id,
			     looked, &found)) {
			free(rel_path);
			return found;
		}
		free(rel_path);
	}
	if (try_path(build_id_path(l->sysroot, id), id, looked, &found))
		return found;
	return from_debuginfod(id, l->progress, looked);
}

/* "af-key.ko.debug" names module af_key: the kernel's spelling. */
static bool names_module(const char *file, const char *module)
{
	size_t i;

	for (i = 0; module[i]; i++) {
		if (module[i] == file[i] ||
		    (module[i] == '_' && file[i] == '-'))
			continue;
		return false;
	}
	return !strcmp(file + i, ".ko") || !strcmp(file + i, ".ko.debug");
}

/* The file for module under dir, searched depth-first; NULL if none. */
static char *module_under(const char *dir, const char *module, int depth)
{
	DIR *d = depth < 8 ? opendir(dir) : NULL;
	struct dirent *e;
	char *path, *found = NULL;

	while (d && !found && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (names_module(e->d_name, module)) {
			found = path;
			break;
		}
		if (e->d_type == DT_DIR || e->d_type == DT_UNKNOWN)
			found = module_under(path, module, depth + 1);
		free(path);
	}
	if (d)
		closedir(d);
	return found;
}

static char *find_module(const struct kernel_lookup *l, const char *rel,
			 const char *module, const char *id,
			 struct looked *looked)
{
	static const char *const trees[] = {
		"/usr/lib/debug/lib/modules/%s", "/lib/modules/%s",
	};
	char *dir, *rel_dir, *found = NULL, *path;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(trees); i++) {
		rel_dir = xasprintf(trees[i], rel);
		dir = xasprintf("%s%s", l->sysroot, rel_dir);
		free(rel_dir);
		path = module_under(dir, module, 0);
		free(dir);
		if (path && try_path(path, id, looked, &found))
			return found;
	}
	if (try_path(build_id_path(l->sysroot, id), id, looked, &found))
		return found;
	return from_debuginfod(id, l->progress, looked);
}

static void add_part(struct kernel_parts *p, size_t *cap, const char *name,
		     char *id, char *path)
{
	struct kernel_part *part = ARRAY_PUSH(p->v, p->n, *cap);

	part->name = xstrdup(name);
	part->build_id = id;
	part->path = path;
}

/* Loaded modules, from /proc/modules, with their build IDs. */
static void locate_modules(const struct kernel_lookup *l,
			   struct kernel_parts *p, size_t *cap)
{
	char *list = read_small(l->sysroot, "/proc/modules", NULL), *line,
	     *save = NULL, name[256], *notes, *id;
	struct looked looked;

	for (line = list ? strtok_r(list, "\n", &save) : NULL; line;
	     line = strtok_r(NULL, "\n", &save)) {
		if (sscanf(line, "%255s", name) != 1)
			continue;
		notes = xasprintf("/sys/module/%s/notes/.note.gnu.build-id",
				  name);
		id = notes_file_build_id(l->sysroot, notes);
		free(notes);
		memset(&looked, 0, sizeof(looked));
		add_part(p, cap, name, id,
			 id ? find_module(l, p->release, name, id, &looked)
			    : NULL);
		if (!p->v[p->n - 1].path)
			fprintf(stderr, "inlscan: module %s (build ID %s): no debug file found (looked in %s)\n",
				name, id ? id : "unknown",
				looked.text ? looked.text : "nowhere");
		free(looked.text);
	}
	free(list);
}

static char *release_of(const char *sysroot)
{
	char *rel = read_small(sysroot, "/proc/sys/kernel/osrelease", NULL);

	if (rel)
		rel[strcspn(rel, "\n")] = '\0';
	return rel;
}

int kernel_locate(const struct kernel_lookup *l, struct kernel_parts *out,
		  char **err)
{
	struct looked looked = { 0 };
	char *id, *path;
	size_t cap = 0;

	memset(out, 0, sizeof(*out));
	*err = NULL;
	out->release = release_of(l->sysroot);
	id = notes_file_build_id(l->sysroot, "/sys/kernel/notes");
	if (!out->release || !id) {
		*err = xasprintf("cannot tell the running kernel: %s%s unreadable; is %s a Linux system root?",
				 l->sysroot, id ? "/proc/sys/kernel/osrelease"
						: "/sys/kernel/notes",
				 *l->sysroot ? l->sysroot : "/");
		free(id);
		return -1;
	}
	path = find_vmlinux(l, out->release, id, &looked);
	if (!path) {
		*err = xasprintf("no debug vmlinux for the running kernel %s (build ID %s) in %s; install linux-image-%s-dbg (apt) or run 'dnf debuginfo-install kernel', or set DEBUGINFOD_URLS",
				 out->release, id, looked.text, out->release);
		free(looked.text);
		free(id);
		return -1;
	}
	free(looked.text);
	add_part(out, &cap, "vmlinux", id, path);
	if (l->modules)
		locate_modules(l, out, &cap);
	return 0;
}

void kernel_parts_free(struct kernel_parts *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].name);
		free(p->v[i].build_id);
		free(p->v[i].path);
	}
	free(p->v);
	free(p->release);
	memset(p, 0, sizeof(*p));
}
