// SPDX-License-Identifier: GPL-2.0
/*
 * The 64-bit HPT walk (Power ISA Book III-S v2.07 chapter 5). Unless a
 * test says otherwise the scenario is:
 *   SLB 0: ESID 0x1 (EA 0x1000_0000..), V, B=00 (256 MB), VSID 0x123
 *   EA 0x1234_5678: segment offset 0x234_5678, 4 KB page 0x2345
 *   primary hash (5.7.7.3) = VSID ^ page = 0x123 ^ 0x2345 = 0x2266
 *   HTABSIZE 0: hash & 0x7ff = 0x266, PTEG = 0x100000 | 0x266 << 7
 *     = 0x113300
 *   VA = 0x123 || 0x234_5678; AVA = VA >> 23 = 0x123 << 5 | 0x4 = 0x2464
 *   HPTE dw0 = AVA << 7 | V = 0x123201
 *   HPTE dw1 = RPN 0xaa000 | WIMG 0b0010 (0x10) | PP 0b10 (0x2) = 0xaa012
 *   gpa = 0xaa000 | 0x678 = 0xaa678, VA >> 12 = 0x123 << 16 | 0x2345
 */
#include "test_mmu64_fixture.h"

#define EA		0x12345678ULL
#define PTEG		0x113300ULL
#define HPTE_V		0x123201ULL
#define HPTE_R		0xaa012ULL
#define SLB_ESID	(0x10000000ULL | B3PR_SLB_V)
#define SLB_VSID	(0x123ULL << 12)

static const struct b3pr_guest_mem *base(struct b3pr_guest_state *g,
					 u32 pvr)
{
	const struct b3pr_guest_mem *mem = mmu64_setup(g, pvr);

	g->slb[0].esid = SLB_ESID;
	g->slb[0].vsid = SLB_VSID;
	hpte_put(PTEG, HPTE_V, HPTE_R);
	return mem;
}

static enum b3pr_xlate_result run(struct b3pr_guest_state *g,
				  const struct b3pr_guest_mem *mem, u64 ea,
				  enum b3pr_access acc, struct b3pr_xlate *x,
				  struct b3pr_interrupt *f)
{
	memset(x, 0, sizeof(*x));
	memset(f, 0, sizeof(*f));
	return b3pr_mmu64_xlate(g, mem, ea, acc, x, f);
}

/* ISA 5.7.7.3: 256 MB hash = VSID(11:49) xor page; worked out above. */
TEST(mmu64_hash_256m_primary)
{
	EXPECT_EQ(0x2266, b3pr_mmu64_hash_256m(0x123, 0x2345));
}

/* ISA 5.7.7.3: only 39 bits of the hash exist; VSID bits 0:10 drop out. */
TEST(mmu64_hash_256m_is_39_bits)
{
	/* 50 ones xor 0, keep the low 39: 0x7f_ffff_ffff */
	EXPECT_EQ(0x7fffffffffULL, b3pr_mmu64_hash_256m((1ULL << 50) - 1, 0));
}

/*
 * ISA 5.7.7.3, 1 TB: (VSID(24:37) || 25 zeros) xor VSID(0:37) xor page.
 * VSID 0x45, page 0x123: 0x45 << 25 = 0x8a000000; 0x8a000000 ^ 0x45 ^
 * 0x123 = 0x8a000166.
 */
TEST(mmu64_hash_1t_primary)
{
	EXPECT_EQ(0x8a000166ULL, b3pr_mmu64_hash_1t(0x45, 0x123));
}

/* ISA 5.7.7.3: the 25-bit shift term keeps only VSID(24:37), 14 bits. */
TEST(mmu64_hash_1t_shift_term_truncated)
{
	/* VSID 1 << 14: shifted left 25 = bit 39, outside the hash: 0x4000 */
	EXPECT_EQ(0x4000ULL, b3pr_mmu64_hash_1t(1ULL << 14, 0));
}

/* ISA 5.7.7.3: the secondary hash is the one's complement, 39 bits. */
TEST(mmu64_hash_secondary_is_complement)
{
	/* ~0x2266 in 39 bits = 0x7f_ffff_ffff - 0x2266 = 0x7fffffdd99 */
	EXPECT_EQ(0x7fffffdd99ULL, b3pr_mmu64_secondary_hash(0x2266));
}

/* ISA 5.7.7.1: PTEG = HTABORG | (hash & (2^(11+HTABSIZE) - 1)) << 7. */
TEST(mmu64_pteg_addr_uses_htabsize)
{
	/* HTABSIZE 2: mask 0x1fff; hash 0x12345 & 0x1fff = 0x345 -> 0x1a280 */
	EXPECT_EQ(0x4000000ULL | 0x1a280,
		  b3pr_mmu64_pteg_addr(0x4000000ULL | 2, 0x12345));
}

/* ISA 5.7.7.1: HTABORG is SDR1 bits 4:45; bits 0:3 are not part of it. */
TEST(mmu64_pteg_addr_htaborg_bits)
{
	EXPECT_EQ(0x0ffffffffffc0000ULL,
		  b3pr_mmu64_pteg_addr(0xfffffffffffc0000ULL, 0));
}

/* ISA 5.7.7.2: the basic 4 KB load translates to RPN || offset. */
TEST(mmu64_load_4k_256m_translates)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	EXPECT_EQ(B3PR_XLATE_OK, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
	EXPECT_EQ(0xaa678, x.gpa);
	EXPECT_EQ(12, x.page_shift);
	EXPECT_FALSE(x.real_mode);
}

/* struct b3pr_xlate: vpn = VA >> 12 = 0x123 << 16 | 0x2345. */
TEST(mmu64_vpn_is_va_shifted_12)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f);
	EXPECT_EQ(0x1232345ULL, x.vpn);
}

/* ISA 5.7.7.1: WIMG is HPTE dw1 bits 57:60; here 0b0010 (M). */
TEST(mmu64_wimg_from_hpte)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	/* W I M G = 0 1 1 0: 0x30 in dw1, pp 0b10 */
	hpte_put(PTEG, HPTE_V, 0xaa032);
	run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f);
	EXPECT_EQ(0x6, x.wimg);
}

/* ISA 5.7.2: MSR[SF]=0 clears EA bits 0:31 before the SLB search. */
TEST(mmu64_sf0_truncates_ea)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.msr &= ~B3PR_MSR_SF;
	EXPECT_EQ(B3PR_XLATE_OK, run(&g, mem, 0xffffffff00000000ULL | EA,
				     B3PR_ACCESS_LOAD, &x, &f));
	EXPECT_EQ(0xaa678, x.gpa);
}

/* ISA 5.7.6.1 / 6.5.4: no SLB entry for a load: DSegI, DAR = EA. */
TEST(mmu64_no_slb_load_is_dseg)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, 0x22345678ULL,
					B3PR_ACCESS_LOAD, &x, &f));
	EXPECT_EQ(0x380, f.vector);
	EXPECT_TRUE(f.set_dar);
	EXPECT_EQ(0x22345678ULL, f.dar);
}

/* ISA 6.5.4: a store without a segment is a DSegI as well. */
TEST(mmu64_no_slb_store_is_dseg)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, 0x22345678ULL,
					B3PR_ACCESS_STORE, &x, &f));
	EXPECT_EQ(0x380, f.vector);
}

/* ISA 6.5.6: no SLB entry for a fetch: ISegI at 0x480, no DAR. */
TEST(mmu64_no_slb_fetch_is_iseg)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, 0x22345678ULL,
					B3PR_ACCESS_FETCH, &x, &f));
	EXPECT_EQ(0x480, f.vector);
	EXPECT_FALSE(f.set_dar);
}

/* ISA 5.7.6.1: an entry with V=0 does not translate. */
TEST(mmu64_invalid_slb_entry_not_used)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.slb[0].esid &= ~B3PR_SLB_V;
	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
	EXPECT_EQ(0x380, f.vector);
}

/* ISA 5.7.6.1: only the g->slb_max entries the CPU has are searched. */
TEST(mmu64_slb_entry_beyond_cpu_size_not_used)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	/* POWER8 has 32 entries: index 40 is not part of its SLB */
	g.slb[40] = g.slb[0];
	g.slb[0].esid = 0;
	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
	EXPECT_EQ(0x380, f.vector);
}

/* ISA 6.5.3: no HPTE for a load: DSI, DSISR[1] (0x40000000), DAR. */
TEST(mmu64_no_hpte_load_dsi_nopt)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	hpte_put(PTEG, 0, 0);
	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
	EXPECT_EQ(0x300, f.vector);
	EXPECT_EQ(0x40000000, f.dsisr);
	EXPECT_EQ(EA, f.dar);
}

/* ISA 6.5.3: ... for a store also DSISR[6]: 0x42000000. */
TEST(mmu64_no_hpte_store_dsi_nopt_store)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	hpte_put(PTEG, 0, 0);
	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, EA, B3PR_ACCESS_STORE, &x,
					&f));
	EXPECT_EQ(0x42000000, f.dsisr);
}

/* ISA 6.5.5: no HPTE for a fetch: ISI with SRR1[33]. */
TEST(mmu64_no_hpte_fetch_isi_nopt)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	hpte_put(PTEG, 0, 0);
	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, EA, B3PR_ACCESS_FETCH, &x,
					&f));
	EXPECT_EQ(0x400, f.vector);
	EXPECT_EQ(1ULL << (63 - 33), f.srr1_bits);
}

/* ISA 5.7.7.2: an HPTE with V=0 never matches. */
TEST(mmu64_hpte_v0_does_not_match)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	hpte_put(PTEG, HPTE_V & ~1ULL, HPTE_R);
	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
}

/* ISA 5.7.7.2: the AVA must equal VA(0:54): VSID 0x124 gives 0x124201. */
TEST(mmu64_hpte_other_vsid_does_not_match)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	hpte_put(PTEG, 0x124201ULL, HPTE_R);
	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
}

/* ISA 5.7.7.2: the AVA's low bits are EA 36:40: 0x1 instead of 0x4. */
TEST(mmu64_hpte_other_ea_bits_do_not_match)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	/* AVA 0x2461 << 7 | V = 0x123081 */
	hpte_put(PTEG, 0x123081ULL, HPTE_R);
	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
}

/* ISA 5.7.7.2: HPTE B must equal the segment's B (1 TB HPTE here). */
TEST(mmu64_hpte_b_mismatch_does_not_match)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	hpte_put(PTEG, HPTE_V | (1ULL << 62), HPTE_R);
	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
}

/* ISA 5.7.7.2: the HPTE is found in any of the 8 slots of the PTEG. */
TEST(mmu64_hpte_found_in_last_slot)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	hpte_put(PTEG, 0, 0);
	hpte_put(PTEG + 7 * 16, HPTE_V, HPTE_R);
	EXPECT_EQ(B3PR_XLATE_OK, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
	EXPECT_EQ(0xaa678, x.gpa);
}

/*
 * ISA 5.7.7.2: secondary PTEG with H=1. Secondary hash = ~0x2266, & 0x7ff
 * = 0x599; PTEG = 0x100000 | 0x599 << 7 = 0x12cc80.
 */
TEST(mmu64_secondary_hash_hit_with_h)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	hpte_put(PTEG, 0, 0);
	hpte_put(0x12cc80ULL + 3 * 16, HPTE_V | B3PR_HPTE_V_H, 0xbb012);
	EXPECT_EQ(B3PR_XLATE_OK, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
	EXPECT_EQ(0xbb678, x.gpa);
}

/* ISA 5.7.7.2: an HPTE in the secondary PTEG with H=0 is not a match. */
TEST(mmu64_secondary_pteg_needs_h)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	hpte_put(PTEG, 0, 0);
	hpte_put(0x12cc80ULL, HPTE_V, 0xbb012);
	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
}

/* ISA 5.7.7.2: an HPTE in the primary PTEG with H=1 is not a match. */
TEST(mmu64_primary_pteg_needs_h0)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	hpte_put(PTEG, HPTE_V | B3PR_HPTE_V_H, HPTE_R);
	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
}

/* ISA 5.7.7.2: the primary PTEG is searched first. */
TEST(mmu64_primary_wins_over_secondary)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	hpte_put(0x12cc80ULL, HPTE_V | B3PR_HPTE_V_H, 0xbb012);
	run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f);
	EXPECT_EQ(0xaa678, x.gpa);
}

/*
 * ISA 5.7.6.1 / 5.7.7.3, 1 TB segment (POWER8). EA 0x100_0012_3456:
 * ESID(0:23) = 0x1, offset 0x12_3456, 4 KB page 0x123. VSID (38 bits)
 * 0x45, i.e. RS VSID field 0x45 << 12, at RS bit 39 = << 24.
 * hash = 0x8a000166 (mmu64_hash_1t_primary), & 0x7ff = 0x166,
 * PTEG = 0x100000 | 0x166 << 7 = 0x10b300.
 * AVA = VA >> 23 = 0x45 << 17 | 0x123456 >> 23 = 0x8a0000;
 * dw0 = B=01 | 0x8a0000 << 7 | V = 0x4000000045000001.
 */
TEST(mmu64_load_4k_1t_translates)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.slb[5].esid = 0x10000000000ULL | B3PR_SLB_V;
	g.slb[5].vsid = B3PR_SLB_B_1T | (0x45ULL << 24);
	hpte_put(0x10b300ULL, 0x4000000045000001ULL, 0x55012);
	EXPECT_EQ(B3PR_XLATE_OK, run(&g, mem, 0x10000123456ULL,
				     B3PR_ACCESS_LOAD, &x, &f));
	EXPECT_EQ(0x55456, x.gpa);
	/* VA >> 12 = 0x45 << 28 | 0x123 */
	EXPECT_EQ(0x450000123ULL, x.vpn);
}

/* ISA 5.7.6.1: a 1 TB entry matches on ESID 0:23 only (EA 0x10f_f000_0000). */
TEST(mmu64_1t_segment_matches_whole_terabyte)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);

	g.slb[2].esid = 0x10000000000ULL | B3PR_SLB_V;
	g.slb[2].vsid = B3PR_SLB_B_1T | (0x45ULL << 24);
	(void)mem;
	EXPECT_TRUE(b3pr_slb_find(&g, 0x10ff0000000ULL) == &g.slb[2]);
	EXPECT_TRUE(!b3pr_slb_find(&g, 0x20000000000ULL));
}

/* ISA 5.7.6.1: a 256 MB entry covers only its 256 MB (0x2000_0000 no). */
TEST(mmu64_256m_segment_matches_only_its_esid)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);

	(void)mem;
	EXPECT_TRUE(b3pr_slb_find(&g, 0x1fffffffULL) == &g.slb[0]);
	EXPECT_TRUE(!b3pr_slb_find(&g, 0x20000000ULL));
}

/* 970 User's Manual: no 1 TB segments; a B=01 entry never matches. */
TEST(mmu64_970_has_no_1t_segments)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_970);

	g.slb[2].esid = 0x10000000000ULL | B3PR_SLB_V;
	g.slb[2].vsid = B3PR_SLB_B_1T | (0x45ULL << 24);
	(void)mem;
	EXPECT_TRUE(!b3pr_slb_find(&g, 0x10000123456ULL));
}

/*
 * 64 KB pages (POWER8): SLB L=1 LP=01. Page = 0x234_5678 >> 16 = 0x234;
 * hash = 0x123 ^ 0x234 = 0x317; PTEG = 0x100000 | 0x317 << 7 = 0x118b80.
 * dw0 = AVA 0x2464 << 7 | L | V = 0x123205; dw1 = RPN 0x1a0000 | LP
 * encoding 0x1000 (RPN 48:51 = 0b0001) | 0x12; gpa = 0x1a0000 | 0x5678.
 */
TEST(mmu64_load_64k_page)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.slb[0].vsid = SLB_VSID | B3PR_SLB_L | B3PR_SLB_LP_64K;
	hpte_put(0x118b80ULL, 0x123205ULL, 0x1a1012ULL);
	EXPECT_EQ(B3PR_XLATE_OK, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
	EXPECT_EQ(0x1a5678ULL, x.gpa);
	EXPECT_EQ(16, x.page_shift);
}

/* ISA 5.7.7.1: a 64 KB segment needs HPTE L=1 (L=0 -> no match). */
TEST(mmu64_64k_segment_rejects_4k_hpte)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.slb[0].vsid = SLB_VSID | B3PR_SLB_L | B3PR_SLB_LP_64K;
	hpte_put(0x118b80ULL, 0x123201ULL, 0x1a1012ULL);
	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
}

/* The 970 has no 64 KB pages: an L=1 LP=01 segment translates nothing. */
TEST(mmu64_970_has_no_64k_pages)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_970);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.slb[0].vsid = SLB_VSID | B3PR_SLB_L | B3PR_SLB_LP_64K;
	hpte_put(0x118b80ULL, 0x123205ULL, 0x1a1012ULL);
	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
	EXPECT_EQ(0x300, f.vector);
}

/*
 * 16 MB pages: SLB L=1 LP=00. Page = 0x234_5678 >> 24 = 0x2; hash =
 * 0x123 ^ 0x2 = 0x121; PTEG = 0x100000 | 0x121 << 7 = 0x109080.
 * dw0 = 0x2464 << 7 | L | V = 0x123205; dw1 = RPN 0x2000000 | 0x12.
 * gpa = 0x2000000 | 0x34_5678.
 */
TEST(mmu64_load_16m_page)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.slb[0].vsid = SLB_VSID | B3PR_SLB_L;
	hpte_put(0x109080ULL, 0x123205ULL, 0x2000012ULL);
	EXPECT_EQ(B3PR_XLATE_OK, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
	EXPECT_EQ(0x2345678ULL, x.gpa);
	EXPECT_EQ(24, x.page_shift);
}

/* The 970's large page is 16 MB (same numbers as mmu64_load_16m_page). */
TEST(mmu64_970_load_16m_page)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_970);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.slb[0].vsid = SLB_VSID | B3PR_SLB_L;
	hpte_put(0x109080ULL, 0x123205ULL, 0x2000012ULL);
	EXPECT_EQ(B3PR_XLATE_OK, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
	EXPECT_EQ(0x2345678ULL, x.gpa);
}

/* ISA 5.7.7.2: AVA bit 54 (EA bit 40) lies inside a 16 MB page: ignored. */
TEST(mmu64_16m_ignores_ava_bit_inside_page)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	/* AVA 0x2465 << 7 | L | V = 0x123285 */
	g.slb[0].vsid = SLB_VSID | B3PR_SLB_L;
	hpte_put(0x109080ULL, 0x123285ULL, 0x2000012ULL);
	EXPECT_EQ(B3PR_XLATE_OK, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
}

/* ISA 5.7.7.1: a 16 MB HPTE has LP = 0; the 64 KB encoding does not match. */
TEST(mmu64_16m_segment_rejects_64k_encoding)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.slb[0].vsid = SLB_VSID | B3PR_SLB_L;
	hpte_put(0x109080ULL, 0x123205ULL, 0x2001012ULL);
	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
}

/* ISA 5.7.7.1: HPTE L=1 in a 4 KB segment does not match. */
TEST(mmu64_4k_segment_rejects_large_hpte)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	hpte_put(PTEG, HPTE_V | B3PR_HPTE_V_L, HPTE_R);
	EXPECT_EQ(B3PR_XLATE_FAULT, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f));
}

/* A page table outside guest memory: the caller's problem, not a DSI. */
TEST(mmu64_pteg_outside_memory_is_bad_table)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.sdr1 = 0x10000000ULL;	/* 256 MiB, beyond the 64 MiB array */
	EXPECT_EQ(B3PR_XLATE_BAD_TABLE, run(&g, mem, EA, B3PR_ACCESS_LOAD, &x,
					    &f));
}
