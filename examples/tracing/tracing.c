/*
 * What a kernel tracer can attach to, in a user-space program built like a
 * kernel (-pg -mfentry -mrecord-mcount gives an __mcount_loc table):
 * ftrace-attachable, notrace (no mcount entry), noinstr and __kprobes
 * sections, and NOKPROBE_SYMBOL's _kprobe_blacklist.
 */
#define notrace __attribute__((no_instrument_function))
#define inline_always __attribute__((always_inline)) inline
#define NOKPROBE_SYMBOL(fn)                                                \
	static unsigned long __attribute__((used, section("_kprobe_blacklist"))) \
	_kbl_addr_##fn = (unsigned long)fn

/* incomplete: inlined twice, and its attachable copy misses both calls */
static inline_always int traced_inline(int x)
{
	return x * 5 + 2;
}

/* not attachable: inlined twice, the copy has no mcount entry (notrace) */
static notrace inline_always int notrace_inline(int x)
{
	return x * 7 - 1;
}

/* not attachable: inlined once, the copy lives in .noinstr.text */
static notrace __attribute__((section(".noinstr.text"))) inline_always int
noinstr_inline(int x)
{
	return x ^ 0x33;
}

/* partial and NOKPROBE_SYMBOL: ftrace lists it, kprobes refuse it */
static inline_always int blacklisted_inline(int x)
{
	return x + 11;
}
NOKPROBE_SYMBOL(blacklisted_inline);

/* outline, __kprobes: never inlined, kprobes refuse it */
__attribute__((noinline, section(".kprobes.text"))) int kprobes_text_fn(int x)
{
	__asm__ volatile("" : "+r"(x));
	return x - 3;
}

/* outline, notrace and noinstr: traced_inline's site here is refused */
__attribute__((noinline, section(".noinstr.text"))) notrace int
noinstr_caller(int x)
{
	return traced_inline(x) + 1;
}

int (*volatile taken[])(int) = {
	traced_inline, notrace_inline, noinstr_inline, blacklisted_inline,
};

int main(int argc, char **argv)
{
	int v = argc;

	(void)argv;
	v += traced_inline(v);
	v += notrace_inline(v) + notrace_inline(v + 1);
	v += noinstr_inline(v);
	v += blacklisted_inline(v);
	v += kprobes_text_fn(v) + noinstr_caller(v);
	v += taken[v & 3](v);
	return v & 0x7f;
}
