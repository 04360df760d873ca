/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A circular doubly linked list for the portable core, which cannot use
 * <linux/list.h>: a head is a node of its own; a node off every list
 * points at itself. And the hash that spreads keys over list heads.
 */
#ifndef B3PR_LINK_H
#define B3PR_LINK_H

#include "env.h"

struct b3pr_link {
	struct b3pr_link *next, *prev;
};

static inline void b3pr_link_init(struct b3pr_link *l)
{
	l->next = l;
	l->prev = l;
}

static inline void b3pr_link_add_tail(struct b3pr_link *head,
				      struct b3pr_link *l)
{
	l->prev = head->prev;
	l->next = head;
	head->prev->next = l;
	head->prev = l;
}

static inline void b3pr_link_del(struct b3pr_link *l)
{
	l->prev->next = l->next;
	l->next->prev = l->prev;
	b3pr_link_init(l);
}

static inline bool b3pr_link_empty(const struct b3pr_link *head)
{
	return head->next == head;
}

/*
 * A bucket of 2^@bits for @key, by Fibonacci hashing: the top bits of
 * the product spread any key well.
 */
static inline unsigned int b3pr_hash64(u64 key, unsigned int bits)
{
	return (key * 0x9e3779b97f4a7c15ULL) >> (64 - bits);
}

/* The structure of @type whose member @member is at @ptr. */
#define b3pr_link_entry(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#endif /* B3PR_LINK_H */
