/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The shadow PTE cache: every host HPTE a vcpu inserted, indexed so that
 * each guest or host event removes exactly the entries it covers, each in
 * O(1): by host virtual page (one HPTE per host VA, never two), by shadow
 * segment (slbie, mtsr, ...), by guest TLB key (tlbie), by guest frame
 * (a host page going away), and in insertion order (eviction, flush).
 *
 * Portable core: the entries come from a pool the caller allocates, and
 * removing one calls the caller's ->unmap, which invalidates the HPTE and
 * drops the page; the cache itself never touches the host MMU.
 */
#ifndef B3PR_SPTE_CACHE_H
#define B3PR_SPTE_CACHE_H

#include "env.h"
#include "link.h"

#define B3PR_SPTE_WRITABLE	0x1	/* mapped writable: the page is dirty */
#define B3PR_SPTE_TRANSLATED	0x2	/* from a guest PTE or BAT */
#define B3PR_SPTE_TLB		0x4	/* from a guest PTE: tlbie removes it */

struct b3pr_spte {
	u64 host_vpn;		/* host VA >> 12 */
	u64 host_slot;		/* HPT slot the host chose */
	u64 tlb_key;		/* b3pr_tlb_key() of the guest page */
	u64 gfn;		/* guest physical address >> 12 */
	void *page;		/* the host's handle on the backing page */
	void *copy;		/* what the host maps instead, if not NULL */
	u32 seg;		/* shadow segment index */
	u8 tlb_shift;		/* guest page shift, with tlb_key */
	u8 flags;		/* B3PR_SPTE_* */
	struct b3pr_link by_vpn, by_seg, by_tlb, by_gfn, order;
};

/* Hash table sizes (powers of two) per vcpu. */
#define B3PR_SPTE_HASH_BITS	10
#define B3PR_SPTE_HASH_SIZE	(1U << B3PR_SPTE_HASH_BITS)

struct b3pr_spte_cache {
	struct b3pr_spte *pool;
	unsigned int capacity;
	unsigned int nr;		/* entries in use */
	struct b3pr_link free;		/* unused entries, through ->order */
	struct b3pr_link order;		/* in use, oldest first */
	struct b3pr_link *seg_heads;	/* nr_segs heads, by segment index */
	unsigned int nr_segs;
	struct b3pr_link vpn_heads[B3PR_SPTE_HASH_SIZE];
	struct b3pr_link tlb_heads[B3PR_SPTE_HASH_SIZE];
	struct b3pr_link gfn_heads[B3PR_SPTE_HASH_SIZE];
	/* Invalidate the HPTE of @spte and release its page. */
	void (*unmap)(void *ctx, struct b3pr_spte *spte);
	void *ctx;
	u64 evictions;			/* entries removed to make room */
};

/*
 * Set up @c over @pool[capacity] and @seg_heads[nr_segs], all caller
 * memory (contents need not be initialised).
 */
void b3pr_spte_cache_init(struct b3pr_spte_cache *c, struct b3pr_spte *pool,
			  unsigned int capacity, struct b3pr_link *seg_heads,
			  unsigned int nr_segs,
			  void (*unmap)(void *ctx, struct b3pr_spte *spte),
			  void *ctx);

/*
 * An entry to fill and then pass to b3pr_spte_add(); when the pool is
 * full the oldest entry is removed (unmapped) to make room.
 */
struct b3pr_spte *b3pr_spte_get(struct b3pr_spte_cache *c);
/* Give back an entry from b3pr_spte_get() that was never added. */
void b3pr_spte_put(struct b3pr_spte_cache *c, struct b3pr_spte *spte);
/* Index a filled entry (all fields but the links set). */
void b3pr_spte_add(struct b3pr_spte_cache *c, struct b3pr_spte *spte);

/* The entry for host virtual page @host_vpn, or NULL. */
struct b3pr_spte *b3pr_spte_find_vpn(struct b3pr_spte_cache *c,
				     u64 host_vpn);

/* Unmap and forget one entry. */
void b3pr_spte_remove(struct b3pr_spte_cache *c, struct b3pr_spte *spte);

/* Each of these unmaps what it covers and returns how many it removed. */
unsigned int b3pr_spte_flush_seg(struct b3pr_spte_cache *c, u32 seg);
unsigned int b3pr_spte_flush_tlb(struct b3pr_spte_cache *c, u64 tlb_key,
				 unsigned int tlb_shift);
/* Guest frames [first, last], inclusive. */
unsigned int b3pr_spte_flush_gfns(struct b3pr_spte_cache *c, u64 first,
				  u64 last);
/*
 * Only the writable entries of guest frames [first, last]: the next store
 * to them faults again (the dirty log).
 */
unsigned int b3pr_spte_flush_gfns_writable(struct b3pr_spte_cache *c,
					   u64 first, u64 last);
/* Every entry that came from a guest PTE or BAT (B3PR_SPTE_TRANSLATED). */
unsigned int b3pr_spte_flush_translated(struct b3pr_spte_cache *c);
unsigned int b3pr_spte_flush_all(struct b3pr_spte_cache *c);

#endif /* B3PR_SPTE_CACHE_H */
