// SPDX-License-Identifier: GPL-2.0
/*
 * The shadow PTE cache's indexing (include/b3pr/spte_cache.h): each
 * removal takes exactly the entries it names, unmaps each once, and the
 * pool recycles; eviction takes the oldest entry.
 */
#include <stdlib.h>
#include <string.h>

#include "runner.h"
#include "b3pr/spte_cache.h"

#define CAP	16
#define SEGS	8

struct fixture {
	struct b3pr_spte_cache c;
	struct b3pr_spte pool[CAP];
	struct b3pr_link segs[SEGS];
	unsigned int unmapped;
	u64 last_vpn;
	u64 unmap_count[64];	/* by host_vpn, to catch double unmaps */
};

static void fake_unmap(void *ctx, struct b3pr_spte *s)
{
	struct fixture *f = ctx;

	f->unmapped++;
	f->last_vpn = s->host_vpn;
	if (s->host_vpn < 64)
		f->unmap_count[s->host_vpn]++;
}

static struct fixture *fixture_new(void)
{
	struct fixture *f = calloc(1, sizeof(*f));

	b3pr_spte_cache_init(&f->c, f->pool, CAP, f->segs, SEGS, fake_unmap, f);
	return f;
}

/* An entry for host page @vpn, guest frame @gfn, segment @seg. */
static struct b3pr_spte *add(struct fixture *f, u64 vpn, u64 gfn, u32 seg,
			     u64 key, unsigned int shift, u8 flags)
{
	struct b3pr_spte *s = b3pr_spte_get(&f->c);

	s->host_vpn = vpn;
	s->gfn = gfn;
	s->seg = seg;
	s->tlb_key = key;
	s->tlb_shift = shift;
	s->flags = flags;
	b3pr_spte_add(&f->c, s);
	return s;
}

#define TLB	(B3PR_SPTE_TRANSLATED | B3PR_SPTE_TLB)

TEST(spte_find_by_host_vpn)
{
	struct fixture *f = fixture_new();
	struct b3pr_spte *a = add(f, 1, 100, 0, 0, 12, 0);
	struct b3pr_spte *b = add(f, 2, 100, 0, 0, 12, 0);

	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 1) == a);
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 2) == b);
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 3) == NULL);
	/* A vpn in the same hash bucket as 1 (the table has 1024): none. */
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 1 + (1ULL << 40)) == NULL);
	EXPECT_EQ(2, f->c.nr);
	free(f);
}

TEST(spte_flush_seg_takes_only_that_segment)
{
	struct fixture *f = fixture_new();

	add(f, 1, 10, 3, 0, 12, 0);
	add(f, 2, 11, 3, 0, 12, 0);
	add(f, 3, 12, 4, 0, 12, 0);
	EXPECT_EQ(2, b3pr_spte_flush_seg(&f->c, 3));
	EXPECT_EQ(2, f->unmapped);
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 1) == NULL);
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 3) != NULL);
	EXPECT_EQ(0, b3pr_spte_flush_seg(&f->c, 3));
	/* An index beyond the table names nothing. */
	EXPECT_EQ(0, b3pr_spte_flush_seg(&f->c, SEGS));
	EXPECT_EQ(1, f->c.nr);
	free(f);
}

/* tlbie removes the key at its page size; real-mode entries stay. */
TEST(spte_flush_tlb_matches_key_and_size)
{
	struct fixture *f = fixture_new();

	add(f, 1, 10, 0, 0x1234, 12, TLB);
	add(f, 2, 11, 1, 0x1234, 12, TLB);	/* alias in another segment */
	add(f, 3, 12, 0, 0x1234, 24, TLB);	/* same key, 16M page */
	add(f, 4, 13, 0, 0x1235, 12, TLB);
	add(f, 5, 14, 0, 0x1234, 12, 0);	/* real mode: no TLB key */
	EXPECT_EQ(2, b3pr_spte_flush_tlb(&f->c, 0x1234, 12));
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 1) == NULL);
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 2) == NULL);
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 3) != NULL);
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 4) != NULL);
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 5) != NULL);
	EXPECT_EQ(1, b3pr_spte_flush_tlb(&f->c, 0x1234, 24));
	free(f);
}

/* A range narrower than the cache is probed frame by frame, a wider one scanned. */
TEST(spte_flush_gfns_both_ways)
{
	struct fixture *f = fixture_new();
	unsigned int i;

	for (i = 0; i < 8; i++)
		add(f, i, 100 + i, 0, 0, 12, 0);
	EXPECT_EQ(2, b3pr_spte_flush_gfns(&f->c, 102, 103));
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 2) == NULL);
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 3) == NULL);
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 4) != NULL);
	/* [0, 2^40]: wider than the 6 left, so a scan; 105.. go. */
	EXPECT_EQ(3, b3pr_spte_flush_gfns(&f->c, 105, 1ULL << 40));
	EXPECT_EQ(3, f->c.nr);
	EXPECT_EQ(0, b3pr_spte_flush_gfns(&f->c, 5, 4));	/* empty range */
	free(f);
}

/*
 * The dirty log write-protects a range: its writable entries go, both
 * when probed frame by frame and when scanned; read-only ones stay.
 */
TEST(spte_flush_gfns_writable_keeps_read_only)
{
	struct fixture *f = fixture_new();
	unsigned int i;

	/* Frames 100..107, odd ones writable; 104 twice (two host VAs). */
	for (i = 0; i < 8; i++)
		add(f, i, 100 + i, 0, 0, 12, i & 1 ? B3PR_SPTE_WRITABLE : 0);
	add(f, 8, 104, 0, 0, 12, B3PR_SPTE_WRITABLE);
	/* Probed: 102..104 hold 103 and the second 104 writable. */
	EXPECT_EQ(2, b3pr_spte_flush_gfns_writable(&f->c, 102, 104));
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 3) == NULL);
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 8) == NULL);
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 2) != NULL);
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 4) != NULL);
	/* Scanned (wider than the 7 left): 101, 105, 107 go. */
	EXPECT_EQ(3, b3pr_spte_flush_gfns_writable(&f->c, 0, 1ULL << 40));
	EXPECT_EQ(4, f->c.nr);
	EXPECT_EQ(5, f->unmapped);
	/* Nothing writable is left to take. */
	EXPECT_EQ(0, b3pr_spte_flush_gfns_writable(&f->c, 100, 107));
	EXPECT_EQ(4, b3pr_spte_flush_gfns(&f->c, 100, 107));
	free(f);
}

TEST(spte_flush_translated_keeps_real_mode)
{
	struct fixture *f = fixture_new();

	add(f, 1, 10, 0, 7, 12, TLB);
	add(f, 2, 11, 0, 0, 17, B3PR_SPTE_TRANSLATED);	/* from a BAT */
	add(f, 3, 12, 0, 0, 12, 0);
	EXPECT_EQ(2, b3pr_spte_flush_translated(&f->c));
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 3) != NULL);
	EXPECT_EQ(1, b3pr_spte_flush_all(&f->c));
	EXPECT_EQ(0, f->c.nr);
	free(f);
}

/* A full pool gives its oldest entry, unmapped, to the newcomer. */
TEST(spte_full_pool_evicts_oldest)
{
	struct fixture *f = fixture_new();
	unsigned int i;

	for (i = 0; i < CAP; i++)
		add(f, i, i, i % SEGS, i, 12, TLB);
	EXPECT_EQ(0, f->unmapped);
	add(f, 40, 40, 0, 40, 12, TLB);
	EXPECT_EQ(1, f->unmapped);
	EXPECT_EQ(0, f->last_vpn);
	EXPECT_EQ(1, f->c.evictions);
	EXPECT_EQ(CAP, f->c.nr);
	/* The evicted entry left every index. */
	EXPECT_TRUE(b3pr_spte_find_vpn(&f->c, 0) == NULL);
	EXPECT_EQ(0, b3pr_spte_flush_tlb(&f->c, 0, 12));
	EXPECT_EQ(0, b3pr_spte_flush_gfns(&f->c, 0, 0));
	/* Segment 0 still holds 8 and 40 (16 entries over 8 segments). */
	EXPECT_EQ(2, b3pr_spte_flush_seg(&f->c, 0));
	free(f);
}

/* Every entry is unmapped exactly once, however it goes. */
TEST(spte_no_double_unmap)
{
	struct fixture *f = fixture_new();
	unsigned int i;

	for (i = 0; i < 10; i++)
		add(f, i, i, 1, i, 12, TLB);
	b3pr_spte_flush_tlb(&f->c, 3, 12);
	b3pr_spte_flush_gfns(&f->c, 2, 4);
	b3pr_spte_flush_seg(&f->c, 1);
	b3pr_spte_flush_all(&f->c);
	for (i = 0; i < 10; i++)
		EXPECT_EQ(1, f->unmap_count[i]);
	EXPECT_EQ(10, f->unmapped);
	free(f);
}

/* An entry taken and given back unused is never unmapped. */
TEST(spte_put_back_unused)
{
	struct fixture *f = fixture_new();
	struct b3pr_spte *s = b3pr_spte_get(&f->c);

	b3pr_spte_put(&f->c, s);
	EXPECT_EQ(0, f->c.nr);
	EXPECT_EQ(0, b3pr_spte_flush_all(&f->c));
	EXPECT_EQ(0, f->unmapped);
	free(f);
}
