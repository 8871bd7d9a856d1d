// SPDX-License-Identifier: GPL-2.0-only
/*
 * Two shapes of "an inlined f inside f" that GCC -O2 emits, only one of
 * which is a call:
 *
 * unlink_node() has a cheap header (a NULL check) and a larger body. GCC
 * splits it (the body becomes unlink_node.part.0), inlines the header at
 * each call, and inlines the body back into each copy of the header: in
 * the DWARF an inlined unlink_node sits inside unlink_node, called from
 * unlink_node's own declaration line. Those are not calls: the calls are
 * the three in drop_all() and drop_two().
 *
 * tree_size() calls itself; GCC inlines that recursion into itself once:
 * an inlined tree_size inside tree_size, called from a line of its body.
 * Those are real calls, and stay inline sites.
 */
struct node {
	struct node *next, *prev;
	long v[8];
};

long sink;
void record(struct node *n);

static void unlink_node(struct node *n)
{
	if (__builtin_expect(n == 0, 1))
		return;
	n->next->prev = n->prev;
	n->prev->next = n->next;
	record(n->next);
	sink += n->v[1];
	n->next = (void *)0x100;
}

void drop_all(struct node **v, int k)
{
	for (int i = 0; i < k; i++)
		unlink_node(v[i]);
}

void drop_two(struct node *a, struct node *b)
{
	unlink_node(a);
	unlink_node(b);
}

/* keeps an out-of-line copy, as an exported function would */
void (*unlink_hook)(struct node *) = unlink_node;

struct tree {
	struct tree *l, *r;
};

static inline int tree_size(const struct tree *t)
{
	if (!t)
		return 0;
	return 1 + tree_size(t->l) + tree_size(t->r);
}

int forest_size(const struct tree *a)
{
	return tree_size(a);
}
