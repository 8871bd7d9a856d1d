// SPDX-License-Identifier: GPL-2.0-only
/*
 * Not a real module, but an object the way inlscan tells one: it has a
 * .gnu.linkonce.this_module section, and built with -pg -mfentry
 * -mrecord-mcount it has an __mcount_loc table like a module's.
 *
 * zed() is partial (inlined twice in mod_entry, and out-of-line) and its
 * copy has three names: kallsyms, and so ftrace, lists alpha_alias
 * (strong before weak, then by name), so that is the name a deny-list
 * must write.
 *
 * init_only() is partial too, but lives in .init.text, which the kernel
 * frees once the module is loaded: a runtime deny-list leaves it out.
 */
int zed(int x)
{
	return x * 3 + 1;
}
int alpha_alias(int x) __attribute__((alias("zed")));
int aaa_weak(int x) __attribute__((weak, alias("zed")));

int mod_entry(int x)
{
	return zed(x) + zed(x + 1);
}

__attribute__((section(".init.text"))) static int init_only(int x)
{
	return x ^ 5;
}
int (*keep_init)(int) = init_only;

__attribute__((section(".init.text"))) int init_user(int x)
{
	return init_only(x) + 1;
}

__attribute__((section(".gnu.linkonce.this_module"))) char this_module[64];
