// SPDX-License-Identifier: GPL-2.0
/*
 * The shadow PTE cache (include/b3pr/spte_cache.h): a fixed pool of
 * entries on five intrusive lists. Hash chains are short by construction
 * (as many buckets as a quarter of the pool), so every lookup and every
 * removal is constant time per entry it touches.
 */
#include "b3pr/spte_cache.h"

#define b3pr_spte_of(ptr, member) \
	b3pr_link_entry(ptr, struct b3pr_spte, member)

static unsigned int b3pr_spte_hash(u64 key)
{
	return b3pr_hash64(key, B3PR_SPTE_HASH_BITS);
}

static unsigned int b3pr_spte_tlb_hash(u64 key, unsigned int shift)
{
	return b3pr_spte_hash(key ^ ((u64)shift << 56));
}

void b3pr_spte_cache_init(struct b3pr_spte_cache *c, struct b3pr_spte *pool,
			  unsigned int capacity, struct b3pr_link *seg_heads,
			  unsigned int nr_segs,
			  void (*unmap)(void *ctx, struct b3pr_spte *spte),
			  void *ctx)
{
	unsigned int i;

	memset(c, 0, sizeof(*c));
	c->pool = pool;
	c->capacity = capacity;
	c->seg_heads = seg_heads;
	c->nr_segs = nr_segs;
	c->unmap = unmap;
	c->ctx = ctx;
	b3pr_link_init(&c->free);
	b3pr_link_init(&c->order);
	for (i = 0; i < B3PR_SPTE_HASH_SIZE; i++) {
		b3pr_link_init(&c->vpn_heads[i]);
		b3pr_link_init(&c->tlb_heads[i]);
		b3pr_link_init(&c->gfn_heads[i]);
	}
	for (i = 0; i < nr_segs; i++)
		b3pr_link_init(&seg_heads[i]);
	for (i = 0; i < capacity; i++) {
		struct b3pr_spte *s = &pool[i];

		memset(s, 0, sizeof(*s));
		b3pr_link_init(&s->by_vpn);
		b3pr_link_init(&s->by_seg);
		b3pr_link_init(&s->by_tlb);
		b3pr_link_init(&s->by_gfn);
		b3pr_link_add_tail(&c->free, &s->order);
	}
}

struct b3pr_spte *b3pr_spte_get(struct b3pr_spte_cache *c)
{
	struct b3pr_spte *s;

	if (b3pr_link_empty(&c->free)) {
		if (b3pr_link_empty(&c->order))
			return NULL;	/* a pool of zero entries */
		c->evictions++;
		b3pr_spte_remove(c, b3pr_spte_of(c->order.next, order));
	}
	s = b3pr_spte_of(c->free.next, order);
	b3pr_link_del(&s->order);
	return s;
}

void b3pr_spte_put(struct b3pr_spte_cache *c, struct b3pr_spte *spte)
{
	b3pr_link_add_tail(&c->free, &spte->order);
}

void b3pr_spte_add(struct b3pr_spte_cache *c, struct b3pr_spte *s)
{
	b3pr_link_add_tail(&c->vpn_heads[b3pr_spte_hash(s->host_vpn)],
			   &s->by_vpn);
	b3pr_link_add_tail(&c->gfn_heads[b3pr_spte_hash(s->gfn)], &s->by_gfn);
	if (s->seg < c->nr_segs)
		b3pr_link_add_tail(&c->seg_heads[s->seg], &s->by_seg);
	if (s->flags & B3PR_SPTE_TLB)
		b3pr_link_add_tail(&c->tlb_heads[b3pr_spte_tlb_hash(s->tlb_key,
								   s->tlb_shift)],
				   &s->by_tlb);
	b3pr_link_add_tail(&c->order, &s->order);
	c->nr++;
}

struct b3pr_spte *b3pr_spte_find_vpn(struct b3pr_spte_cache *c, u64 host_vpn)
{
	struct b3pr_link *head = &c->vpn_heads[b3pr_spte_hash(host_vpn)];
	struct b3pr_link *l;

	for (l = head->next; l != head; l = l->next)
		if (b3pr_spte_of(l, by_vpn)->host_vpn == host_vpn)
			return b3pr_spte_of(l, by_vpn);
	return NULL;
}

void b3pr_spte_remove(struct b3pr_spte_cache *c, struct b3pr_spte *s)
{
	c->unmap(c->ctx, s);
	b3pr_link_del(&s->by_vpn);
	b3pr_link_del(&s->by_seg);
	b3pr_link_del(&s->by_tlb);
	b3pr_link_del(&s->by_gfn);
	b3pr_link_del(&s->order);
	s->page = NULL;
	b3pr_link_add_tail(&c->free, &s->order);
	c->nr--;
}

unsigned int b3pr_spte_flush_seg(struct b3pr_spte_cache *c, u32 seg)
{
	unsigned int n = 0;

	if (seg >= c->nr_segs)
		return 0;
	while (!b3pr_link_empty(&c->seg_heads[seg])) {
		b3pr_spte_remove(c, b3pr_spte_of(c->seg_heads[seg].next,
						 by_seg));
		n++;
	}
	return n;
}

unsigned int b3pr_spte_flush_tlb(struct b3pr_spte_cache *c, u64 tlb_key,
				 unsigned int tlb_shift)
{
	struct b3pr_link *head =
		&c->tlb_heads[b3pr_spte_tlb_hash(tlb_key, tlb_shift)];
	struct b3pr_link *l, *next;
	unsigned int n = 0;

	for (l = head->next; l != head; l = next) {
		struct b3pr_spte *s = b3pr_spte_of(l, by_tlb);

		next = l->next;
		if (s->tlb_key == tlb_key && s->tlb_shift == tlb_shift) {
			b3pr_spte_remove(c, s);
			n++;
		}
	}
	return n;
}

/* Every entry of frame @gfn that has all of @flags. */
static unsigned int b3pr_spte_flush_gfn(struct b3pr_spte_cache *c, u64 gfn,
					u8 flags)
{
	struct b3pr_link *head = &c->gfn_heads[b3pr_spte_hash(gfn)];
	struct b3pr_link *l, *next;
	unsigned int n = 0;

	for (l = head->next; l != head; l = next) {
		struct b3pr_spte *s = b3pr_spte_of(l, by_gfn);

		next = l->next;
		if (s->gfn == gfn && (s->flags & flags) == flags) {
			b3pr_spte_remove(c, s);
			n++;
		}
	}
	return n;
}

/* Remove the entries in use that @pick chooses, oldest first. */
static unsigned int b3pr_spte_flush_where(struct b3pr_spte_cache *c,
					  bool (*pick)(const struct b3pr_spte *,
						       u64, u64),
					  u64 a, u64 b)
{
	struct b3pr_link *l, *next;
	unsigned int n = 0;

	for (l = c->order.next; l != &c->order; l = next) {
		struct b3pr_spte *s = b3pr_spte_of(l, order);

		next = l->next;
		if (pick(s, a, b)) {
			b3pr_spte_remove(c, s);
			n++;
		}
	}
	return n;
}

static bool b3pr_spte_in_gfns(const struct b3pr_spte *s, u64 first, u64 last)
{
	return s->gfn >= first && s->gfn <= last;
}

static bool b3pr_spte_writable_in_gfns(const struct b3pr_spte *s, u64 first,
				       u64 last)
{
	return (s->flags & B3PR_SPTE_WRITABLE) &&
	       b3pr_spte_in_gfns(s, first, last);
}

static bool b3pr_spte_is_translated(const struct b3pr_spte *s, u64 a, u64 b)
{
	return s->flags & B3PR_SPTE_TRANSLATED;
}

static bool b3pr_spte_any(const struct b3pr_spte *s, u64 a, u64 b)
{
	return true;
}

/*
 * A range wider than the cache holds is cheaper to scan than to probe
 * frame by frame: either way the work is bounded by the smaller of the
 * two, never by guest memory size alone.
 */
static unsigned int b3pr_spte_flush_range(struct b3pr_spte_cache *c,
					  u64 first, u64 last, bool writable)
{
	unsigned int n = 0;
	u64 gfn;

	if (last < first)
		return 0;
	if (last - first >= c->nr)
		return b3pr_spte_flush_where(c, writable ?
					     b3pr_spte_writable_in_gfns :
					     b3pr_spte_in_gfns, first, last);
	for (gfn = first; gfn <= last; gfn++)
		n += b3pr_spte_flush_gfn(c, gfn,
					 writable ? B3PR_SPTE_WRITABLE : 0);
	return n;
}

unsigned int b3pr_spte_flush_gfns(struct b3pr_spte_cache *c, u64 first,
				  u64 last)
{
	return b3pr_spte_flush_range(c, first, last, false);
}

unsigned int b3pr_spte_flush_gfns_writable(struct b3pr_spte_cache *c,
					   u64 first, u64 last)
{
	return b3pr_spte_flush_range(c, first, last, true);
}

unsigned int b3pr_spte_flush_translated(struct b3pr_spte_cache *c)
{
	return b3pr_spte_flush_where(c, b3pr_spte_is_translated, 0, 0);
}

unsigned int b3pr_spte_flush_all(struct b3pr_spte_cache *c)
{
	return b3pr_spte_flush_where(c, b3pr_spte_any, 0, 0);
}
