// SPDX-License-Identifier: GPL-2.0
/*
 * Shadow segments (include/b3pr/shadow_seg.h) and guest TLB keys
 * (include/b3pr/tlb_key.h): which guest segments share a host segment,
 * which must not, and what a guest tlbie names.
 */
#include <stdlib.h>
#include <string.h>

#include "runner.h"
#include "b3pr/cpu.h"
#include "b3pr/guest_state.h"
#include "b3pr/mmu.h"
#include "b3pr/mmu64.h"
#include "b3pr/msr.h"
#include "b3pr/shadow_seg.h"
#include "b3pr/tlb_key.h"

#define PVR_POWER8	0x004d0200
#define PVR_750		0x00080200

#define IRDR		(B3PR_MSR_IR | B3PR_MSR_DR)
/* Upper BAT Vs, PEM 7.4 (mmu32.h cannot be included beside mmu64.h). */
#define BATU_VS		0x2u

static void g64(struct b3pr_guest_state *g, u64 msr)
{
	memset(g, 0, sizeof(*g));
	b3pr_guest_set_pvr(g, PVR_POWER8);
	g->msr = B3PR_MSR_SF | msr;
}

/* slbmte images: ESID | V | index, VSID << 12 | flags. */
static void slb_put(struct b3pr_guest_state *g, unsigned int i, u64 esid,
		    u64 vsid_img)
{
	g->slb[i].esid = esid | B3PR_SLB_V | i;
	g->slb[i].vsid = vsid_img;
}

static u64 key_of(const struct b3pr_guest_state *g, u64 ea, bool fetch)
{
	struct b3pr_interrupt fault;
	struct b3pr_seg_desc d;

	if (!b3pr_seg_describe(g, ea, fetch, &d, &fault))
		return 0;
	return d.key;
}

/*
 * Real mode ignores EA bits 0:3 (ISA 5.7.3): 0x0... and 0xc... EAs of one
 * real segment share it; another real segment does not.
 */
TEST(seg_real_mode_aliases_by_real_address)
{
	struct b3pr_guest_state g;
	struct b3pr_interrupt fault;
	struct b3pr_seg_desc d;

	g64(&g, 0);
	EXPECT_TRUE(b3pr_seg_describe(&g, 0xc000000010000000ULL, false, &d,
				      &fault));
	EXPECT_EQ(B3PR_SEG_REAL, d.kind);
	EXPECT_EQ(0xc00000001ULL, d.esid);
	EXPECT_EQ(key_of(&g, 0x10000000, false), d.key);
	EXPECT_TRUE(key_of(&g, 0x20000000, false) != d.key);
}

/* Two SLB entries with one VSID translate to one VA: one host segment. */
TEST(seg_virt_aliases_share_by_vsid)
{
	struct b3pr_guest_state g;

	g64(&g, IRDR);
	slb_put(&g, 0, 0x0000000010000000ULL, 0x123ULL << 12);
	slb_put(&g, 1, 0xc000000000000000ULL, 0x123ULL << 12);
	slb_put(&g, 2, 0x0000000020000000ULL, 0x124ULL << 12);
	EXPECT_EQ(key_of(&g, 0x10000000, false),
		  key_of(&g, 0xc000000000000000ULL, false));
	EXPECT_TRUE(key_of(&g, 0x10000000, false) !=
		    key_of(&g, 0x20000000, false));
	/* Fetch and data of the same segment: one host segment. */
	EXPECT_EQ(key_of(&g, 0x10000000, false), key_of(&g, 0x10000000, true));
}

/*
 * MSR[PR] picks Ks or Kp (ISA 5.7.13): the same segment at the other
 * privilege has other rights, so another host segment.
 */
TEST(seg_virt_privilege_is_part_of_the_key)
{
	struct b3pr_guest_state g;
	u64 sup;

	g64(&g, IRDR);
	slb_put(&g, 0, 0x10000000, (0x123ULL << 12) | B3PR_SLB_KP);
	sup = key_of(&g, 0x10000000, false);
	g.msr |= B3PR_MSR_PR;
	EXPECT_TRUE(sup != key_of(&g, 0x10000000, false));
}

/* A 1 TB segment's 256 MB pieces are distinct host segments. */
TEST(seg_virt_1t_pieces)
{
	struct b3pr_guest_state g;

	g64(&g, IRDR);
	slb_put(&g, 0, 0x0000010000000000ULL, B3PR_SLB_B_1T | (0x55ULL << 24));
	EXPECT_TRUE(key_of(&g, 0x0000010000000000ULL, false) != 0);
	EXPECT_TRUE(key_of(&g, 0x0000010000000000ULL, false) !=
		    key_of(&g, 0x0000010010000000ULL, false));
}

/* No SLB entry with IR=DR=1: the guest's segment interrupt. */
TEST(seg_virt_missing_gives_segment_interrupt)
{
	struct b3pr_guest_state g;
	struct b3pr_interrupt fault;
	struct b3pr_seg_desc d;

	g64(&g, IRDR);
	EXPECT_FALSE(b3pr_seg_describe(&g, 0x30000000, false, &d, &fault));
	EXPECT_EQ(B3PR_VEC_DSEG, fault.vector);
	EXPECT_FALSE(b3pr_seg_describe(&g, 0x30000000, true, &d, &fault));
	EXPECT_EQ(B3PR_VEC_ISEG, fault.vector);
}

/*
 * IR != DR: host pages of the segment hold real fetches and translated
 * data, so it is named by EA and differs between the two split modes.
 */
TEST(seg_split_modes_by_ea)
{
	struct b3pr_guest_state g;
	u64 dr_only, ir_only;

	g64(&g, B3PR_MSR_DR);
	EXPECT_TRUE(key_of(&g, 0x10000000, true) != 0);	/* no SLB needed */
	dr_only = key_of(&g, 0x10000000, false);
	g.msr = B3PR_MSR_SF | B3PR_MSR_IR;
	ir_only = key_of(&g, 0x10000000, false);
	EXPECT_TRUE(dr_only != ir_only);
	EXPECT_TRUE(ir_only != key_of(&g, 0x20000000, false));
}

/* MSR[SF]=0: the host sees 32-bit EAs (ISA 5.7.2). */
TEST(seg_host_ea_32bit_mode)
{
	struct b3pr_guest_state g;

	g64(&g, 0);
	g.msr &= ~B3PR_MSR_SF;
	EXPECT_EQ(0x10000000ULL, b3pr_seg_host_ea(&g, 0xffffffff10000000ULL));
}

/*
 * 32-bit: the segment register's VSID names the segment; a BAT that
 * covers part of it (PEM 7.4: BEPI 0x1000_0000, BL=0 (128 KiB), Vs=1)
 * makes it EA-named, for supervisor only (Vp=0).
 */
TEST(seg32_sr_and_bat)
{
	struct b3pr_guest_state g;
	struct b3pr_interrupt fault;
	struct b3pr_seg_desc d;

	memset(&g, 0, sizeof(g));
	b3pr_guest_set_pvr(&g, PVR_750);
	g.msr = IRDR;
	g.sr[1] = 0x00000abc;
	g.sr[2] = 0x00000abc;
	g.sr[3] = 0x00000abd;
	EXPECT_TRUE(b3pr_seg_describe(&g, 0x10000000, false, &d, &fault));
	EXPECT_EQ(B3PR_SEG_VIRT, d.kind);
	EXPECT_EQ(d.key, key_of(&g, 0x20000000, false));
	EXPECT_TRUE(d.key != key_of(&g, 0x30000000, false));

	g.dbat[0].upper = 0x10000000 | BATU_VS;
	g.dbat[0].lower = 0x00500000 | 0x2;
	EXPECT_TRUE(b3pr_seg_describe(&g, 0x10000000, false, &d, &fault));
	EXPECT_EQ(B3PR_SEG_EA, d.kind);
	EXPECT_TRUE(d.key != key_of(&g, 0x20000000, false));
	g.msr |= B3PR_MSR_PR;
	EXPECT_TRUE(b3pr_seg_describe(&g, 0x10000000, false, &d, &fault));
	EXPECT_EQ(B3PR_SEG_VIRT, d.kind);
}

/* A 256 MiB BAT at 0xf000_0000 (BL = 0x7ff) covers segment 15 only. */
TEST(seg32_bat_block_extent)
{
	struct b3pr_guest_state g;

	memset(&g, 0, sizeof(g));
	b3pr_guest_set_pvr(&g, PVR_750);
	g.ibat[1].upper = 0xf0000000 | (0x7ff << 2) | BATU_VS;
	EXPECT_TRUE(b3pr_seg32_has_bat(&g, 15, false));
	EXPECT_FALSE(b3pr_seg32_has_bat(&g, 14, false));
	EXPECT_FALSE(b3pr_seg32_has_bat(&g, 15, true));
}

struct retired {
	unsigned int n;
	u32 last;
};

static void note_retire(void *ctx, u32 index)
{
	struct retired *r = ctx;

	r->n++;
	r->last = index;
}

static struct b3pr_seg_desc desc(u64 key, enum b3pr_seg_kind kind, u64 esid)
{
	struct b3pr_seg_desc d = { .key = key, .kind = kind, .esid = esid };

	return d;
}

TEST(sseg_same_key_same_index_lru_eviction)
{
	struct b3pr_sseg_table *t = calloc(1, sizeof(*t));
	struct retired r = { 0 };
	struct b3pr_seg_desc d;
	unsigned int i;
	u32 first, again;

	b3pr_sseg_init(t, note_retire, &r);
	d = desc(1000, B3PR_SEG_VIRT, 1);
	first = b3pr_sseg_get(t, &d);
	again = b3pr_sseg_get(t, &d);
	EXPECT_EQ(first, again);
	EXPECT_EQ(first, b3pr_sseg_find(t, 1000));
	EXPECT_EQ(-1, b3pr_sseg_find(t, 1001));
	/* Fill the table; key 1000 was the oldest but is used again last. */
	for (i = 1; i < B3PR_SHADOW_SEGS; i++) {
		d = desc(2000 + i, B3PR_SEG_VIRT, i);
		b3pr_sseg_get(t, &d);
	}
	EXPECT_EQ(0, r.n);
	d = desc(1000, B3PR_SEG_VIRT, 1);
	b3pr_sseg_get(t, &d);
	d = desc(9999, B3PR_SEG_VIRT, 9);
	b3pr_sseg_get(t, &d);
	EXPECT_EQ(1, r.n);
	EXPECT_EQ(-1, b3pr_sseg_find(t, 2001));	/* the oldest went */
	EXPECT_EQ(first, b3pr_sseg_find(t, 1000));
	free(t);
}

TEST(sseg_drop_ea_only_in_range)
{
	struct b3pr_sseg_table *t = calloc(1, sizeof(*t));
	struct retired r = { 0 };
	struct b3pr_seg_desc d;

	b3pr_sseg_init(t, note_retire, &r);
	d = desc(1, B3PR_SEG_EA, 5);
	b3pr_sseg_get(t, &d);
	d = desc(2, B3PR_SEG_EA, 6);
	b3pr_sseg_get(t, &d);
	d = desc(3, B3PR_SEG_VIRT, 5);
	b3pr_sseg_get(t, &d);
	b3pr_sseg_drop_ea(t, 5, 5);
	EXPECT_EQ(1, r.n);
	EXPECT_EQ(-1, b3pr_sseg_find(t, 1));
	EXPECT_TRUE(b3pr_sseg_find(t, 2) >= 0);
	EXPECT_TRUE(b3pr_sseg_find(t, 3) >= 0);	/* VA-named: stays */
	b3pr_sseg_drop_ea(t, 0, ~0ULL);
	EXPECT_EQ(2, r.n);
	free(t);
}

/*
 * ISA 2.07 5.9.3.8 tlbie, 4 KB page in a 256 MB segment: Linux builds RB
 * as (VA >> 12) << 12 with RB(0:15) cleared. VSID 0x123456789, EA offset
 * 0x1234000: VA >> 12 = 0x123456789 << 16 | 0x1234. RB = (0x56789 << 28)
 * | 0x1234000 (VSID bits above the low 20 fall in RB(0:15)), so RB >> 12
 * = 0x56789_1234; the translation's key must be the same.
 */
TEST(tlb_key_4k_matches_linux_rb)
{
	struct b3pr_guest_state g;
	struct b3pr_xlate x = { 0 };
	u64 keys[B3PR_TLBIE_MAX_KEYS];
	unsigned int shifts[B3PR_TLBIE_MAX_KEYS], shift;
	u64 rb = (0x56789ULL << 28) | 0x1234000ULL;

	g64(&g, IRDR);
	x.vpn = (0x123456789ULL << 16) | 0x1234;
	x.page_shift = 12;
	EXPECT_EQ(0x567891234ULL, b3pr_tlb_key(&g, &x, &shift));
	EXPECT_EQ(12, shift);
	EXPECT_EQ(1, b3pr_tlbie_keys(&g, rb, 0, keys, shifts));
	EXPECT_EQ(0x567891234ULL, keys[0]);
	EXPECT_EQ(12, shifts[0]);
	/* The page next door has another key. */
	EXPECT_EQ(0x567891235ULL, ({
		x.vpn++;
		b3pr_tlb_key(&g, &x, &shift);
	}));
}

/*
 * 16 MB page (L=1): the key is VA >> 24; x.vpn names the 4 KB piece
 * that faulted, anywhere in the page. tlbie L=1 tries 64 KB and 16 MB.
 */
TEST(tlb_key_large_pages)
{
	struct b3pr_guest_state g;
	struct b3pr_xlate x = { 0 };
	u64 keys[B3PR_TLBIE_MAX_KEYS];
	unsigned int shifts[B3PR_TLBIE_MAX_KEYS], shift, n;
	u64 va = (0x77ULL << 28) | 0x3000000ULL;	/* 16 MB aligned */
	u64 key;

	g64(&g, IRDR);
	x.vpn = (va >> 12) + 0xabc;
	x.page_shift = 24;
	key = b3pr_tlb_key(&g, &x, &shift);
	EXPECT_EQ(va >> 24, key);
	EXPECT_EQ(24, shift);
	n = b3pr_tlbie_keys(&g, va | 1, 1, keys, shifts);
	EXPECT_EQ(2, n);
	EXPECT_EQ(16, shifts[0]);
	EXPECT_EQ(24, shifts[1]);
	EXPECT_EQ(key, keys[1]);
}

/*
 * PEM 8 tlbie: EA(4:19) selects the entries, in any segment: the key is
 * the page index within the segment, whatever the VSID.
 */
TEST(tlb_key_32bit_page_index)
{
	struct b3pr_guest_state g;
	struct b3pr_xlate x = { 0 };
	u64 keys[B3PR_TLBIE_MAX_KEYS];
	unsigned int shifts[B3PR_TLBIE_MAX_KEYS], shift;

	memset(&g, 0, sizeof(g));
	b3pr_guest_set_pvr(&g, PVR_750);
	x.vpn = (0xabcULL << 16) | 0x2345;
	x.page_shift = 12;
	EXPECT_EQ(0x2345, b3pr_tlb_key(&g, &x, &shift));
	EXPECT_EQ(1, b3pr_tlbie_keys(&g, 0x72345678, 0, keys, shifts));
	EXPECT_EQ(0x2345, keys[0]);
}
