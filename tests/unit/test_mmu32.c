// SPDX-License-Identifier: GPL-2.0
/*
 * The 32-bit page table walk, PEM 7.5 ("Memory Segment Model") and 7.6
 * ("Hashed Page Tables"): segment registers, the primary and secondary
 * hash, SDR1, PTEG addresses, PTE matching, R and C, and the faults.
 *
 * Hash = VSID[5:23] XOR page index (EA bits 4:19), 19 bits.
 * PTEG = HTABORG[0:6] || (HTABORG[7:15] | (hash[0:8] & HTABMASK))
 *        || hash[9:18] || 000000
 * PTE0 = V | VSID << 7 | H << 6 | API (EA bits 4:9)
 * PTE1 = RPN (0:19) | R (0x100) | C (0x80) | WIMG (0x78) | PP (3)
 */
#include "runner.h"
#include "mmu32_fixture.h"

/*
 * Example A: SDR1 = 0x00100000 (HTABORG 1 MiB, HTABMASK 0, 64 KiB table),
 * SR1 = VSID 0x123 (Ks = Kp = 0), EA 0x10005123.
 * Page index = 0x0005; hash = 0x123 ^ 0x005 = 0x126;
 * PTEG = 0x00100000 | (0x126 << 6) = 0x00104980.
 * Secondary hash = ~0x126 & 0x7ffff = 0x7fed9; its low 10 bits 0x2d9;
 * PTEG = 0x00100000 | (0x2d9 << 6) = 0x0010b640.
 * API = EA bits 4:9 = 0; PTE0 = 0x80000000 | 0x123 << 7 = 0x80009180,
 * secondary 0x800091c0.
 */
#define A_SDR1		0x00100000u
#define A_VSID		0x123u
#define A_EA		0x10005123u
#define A_PTEG		0x00104980u
#define A_PTEG2		0x0010b640u
#define A_PTE0		0x80009180u
#define A_PTE0_H	0x800091c0u
#define A_RPN		0x00abc000u

static void a_init(struct mmu32_fix *t)
{
	mmu32_init(t, PVR_750);
	t->g.sdr1 = A_SDR1;
	t->g.sr[1] = A_VSID;
}

/* PEM 7.6: the primary hash, computed by hand above. */
TEST(mmu32_hash_primary_by_hand)
{
	EXPECT_EQ(0x126, b3pr_mmu32_hash(A_VSID, A_EA));
	EXPECT_EQ(A_PTEG, b3pr_mmu32_pteg_addr(A_SDR1, 0x126));
}

/* PEM 7.6: the secondary hash is the one's complement of the primary. */
TEST(mmu32_hash_secondary_by_hand)
{
	EXPECT_EQ(0x7fed9, b3pr_mmu32_hash2(0x126));
	EXPECT_EQ(A_PTEG2, b3pr_mmu32_pteg_addr(A_SDR1, 0x7fed9));
}

/*
 * PEM 7.6: only VSID bits 5:23 (the low 19) enter the hash. VSID 0xf80123
 * has bits 0:4 = 11111 set: 0xf80123 & 0x7ffff = 0x00123, ^ 5 = 0x126.
 * VSID bit 5 is 2^18: 0x040123 hashes to 0x40126.
 */
TEST(mmu32_hash_uses_low_19_vsid_bits)
{
	EXPECT_EQ(0x126, b3pr_mmu32_hash(0xf80123u, A_EA));
	EXPECT_EQ(0x40126, b3pr_mmu32_hash(0x040123u, A_EA));
}

/* A PTE in the primary PTEG translates: PA = RPN | byte offset. */
TEST(mmu32_primary_pte_translates)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG, A_PTE0, A_RPN | 2);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x00abc123, t.x.gpa);
	EXPECT_EQ(12, t.x.page_shift);
	EXPECT_FALSE(t.x.from_bat);
	EXPECT_FALSE(t.x.real_mode);
}

/* The vpn is the virtual address >> 12: VSID << 16 | page index. */
TEST(mmu32_vpn_is_vsid_and_page_index)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG, A_PTE0, A_RPN | 2);
	mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD);
	EXPECT_EQ(0x1230005ull, t.x.vpn);
}

/* The PTE can sit in any of the 8 slots of the PTEG (slot 7 here). */
TEST(mmu32_pte_found_in_last_slot)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG + 7 * 8, A_PTE0, A_RPN | 2);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x00abc123, t.x.gpa);
}

/* PEM 7.6: the secondary PTEG is searched when the primary has no match. */
TEST(mmu32_secondary_pte_translates)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG2 + 3 * 8, A_PTE0_H, 0x00def000u | 2);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x00def123, t.x.gpa);
}

/* A PTE with H = 0 in the secondary PTEG is not a secondary match. */
TEST(mmu32_secondary_needs_h_bit)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG2, A_PTE0, A_RPN | 2);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD));
}

/* ... nor does an H = 1 PTE match in the primary PTEG. */
TEST(mmu32_primary_rejects_h_bit)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG, A_PTE0_H, A_RPN | 2);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD));
}

/* The primary match wins when both PTEGs hold one. */
TEST(mmu32_primary_wins_over_secondary)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG2, A_PTE0_H, 0x00def000u | 2);
	mmu32_put_pte(A_PTEG + 8, A_PTE0, A_RPN | 2);
	mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD);
	EXPECT_EQ(0x00abc123, t.x.gpa);
}

/* V = 0: the entry is ignored even if the rest matches. */
TEST(mmu32_invalid_pte_not_matched)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG, A_PTE0 & ~0x80000000u, A_RPN | 2);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD));
}

/* A PTE of another VSID (0x124) in the same PTEG is not a match. */
TEST(mmu32_other_vsid_not_matched)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG, 0x80000000u | 0x124u << 7, A_RPN | 2);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD));
}

/*
 * API: EA 0x10c05000 has page index 0xc05 and API (EA 4:9) = 3; hash
 * 0x123 ^ 0xc05 = 0xd26, whose low 10 bits 0x126 give the same PTEG as
 * example A (HTABMASK 0). Its PTE0 = 0x80009180 | 3 = 0x80009183; the
 * API 0 entry of example A must not match it.
 */
TEST(mmu32_api_distinguishes_pages_of_one_pteg)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG, A_PTE0, A_RPN | 2);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, 0x10c05000, B3PR_ACCESS_LOAD));
	mmu32_put_pte(A_PTEG + 8, 0x80009183u, 0x00777000u | 2);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x10c05010, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x00777010, t.x.gpa);
}

/*
 * Example B, HTABMASK > 0: SDR1 = 0x00200003 (HTABORG 0x00200000,
 * HTABMASK 3, 256 KiB table). SR2 = VSID 0xc00, EA 0x20001000:
 * page index 1, hash = 0xc00 ^ 1 = 0xc01; hash[0:8] = 0xc01 >> 10 = 3,
 * & 3 = 3 -> PA bits 7:15 = 0x0020 | 3; hash[9:18] = 0x001.
 * PTEG = 0x00200000 | 3 << 16 | 0x001 << 6 = 0x00230040.
 * PTE0 = 0x80000000 | 0xc00 << 7 = 0x80060000.
 */
TEST(mmu32_htabmask_selects_upper_hash_bits)
{
	struct mmu32_fix t;

	mmu32_init(&t, PVR_750);
	t.g.sdr1 = 0x00200003u;
	t.g.sr[2] = 0xc00u;
	EXPECT_EQ(0x00230040u, b3pr_mmu32_pteg_addr(0x00200003u, 0xc01));
	mmu32_put_pte(0x00230040u, 0x80060000u, 0x00333000u | 2);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x20001008, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x00333008, t.x.gpa);
}

/* With HTABMASK 0 the same hash lands at 0x00200040: the mask matters. */
TEST(mmu32_htabmask_zero_ignores_upper_hash_bits)
{
	struct mmu32_fix t;

	mmu32_init(&t, PVR_750);
	t.g.sdr1 = 0x00200000u;
	t.g.sr[2] = 0xc00u;
	mmu32_put_pte(0x00230040u, 0x80060000u, 0x00333000u | 2);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, 0x20001008, B3PR_ACCESS_LOAD));
	mmu32_put_pte(0x00200040u, 0x80060000u, 0x00333000u | 2);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x20001008, B3PR_ACCESS_LOAD));
}

/*
 * Example B secondary: ~0xc01 & 0x7ffff = 0x7f3fe; hash[0:8] = 0x1fc,
 * & 3 = 0; hash[9:18] = 0x3fe. PTEG = 0x00200000 | 0x3fe << 6 =
 * 0x0020ff80. PTE0 with H = 0x80060040.
 */
TEST(mmu32_htabmask_secondary_pteg)
{
	struct mmu32_fix t;

	mmu32_init(&t, PVR_750);
	t.g.sdr1 = 0x00200003u;
	t.g.sr[2] = 0xc00u;
	mmu32_put_pte(0x0020ff80u, 0x80060040u, 0x00444000u | 2);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x20001008, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x00444008, t.x.gpa);
}

/*
 * PEM 7.6 / 6.4.3: no PTE in either PTEG: DSI, DSISR[1] (0x40000000),
 * DAR = EA.
 */
TEST(mmu32_not_found_load_is_dsi_bit1)
{
	struct mmu32_fix t;

	a_init(&t);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x300, t.f.vector);
	EXPECT_EQ(0x40000000u, t.f.dsisr);
	EXPECT_EQ(A_EA, t.f.dar);
	EXPECT_TRUE(t.f.set_dar && t.f.set_dsisr);
}

/* A store adds DSISR[6]: 0x40000000 | 0x02000000. */
TEST(mmu32_not_found_store_is_dsi_bits_1_and_6)
{
	struct mmu32_fix t;

	a_init(&t);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, A_EA, B3PR_ACCESS_STORE));
	EXPECT_EQ(0x42000000u, t.f.dsisr);
}

/* A fetch: ISI with SRR1[1] (bit 33 of 64: 0x40000000). */
TEST(mmu32_not_found_fetch_is_isi_bit1)
{
	struct mmu32_fix t;

	a_init(&t);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, A_EA, B3PR_ACCESS_FETCH));
	EXPECT_EQ(0x400, t.f.vector);
	EXPECT_EQ(0x40000000u, t.f.srr1_bits);
}

/* The DAR holds the 32-bit EA even if the caller passes more bits. */
TEST(mmu32_fault_dar_is_32_bit)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_go(&t, 0xabcd000000000000ull | A_EA, B3PR_ACCESS_LOAD);
	EXPECT_EQ(A_EA, t.f.dar);
}

/*
 * 750GX UM Table 5-3: a load or store to a T = 1 segment is a DSI with
 * DSISR[5] (0x04000000); a store adds DSISR[6].
 */
TEST(mmu32_direct_store_segment_load_is_dsi_bit5)
{
	struct mmu32_fix t;

	a_init(&t);
	t.g.sr[1] = 0x80000000u | A_VSID;
	mmu32_put_pte(A_PTEG, A_PTE0, A_RPN | 2);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x300, t.f.vector);
	EXPECT_EQ(0x04000000u, t.f.dsisr);
	EXPECT_EQ(A_EA, t.f.dar);
}

TEST(mmu32_direct_store_segment_store_is_dsi_bits_5_and_6)
{
	struct mmu32_fix t;

	a_init(&t);
	t.g.sr[1] = 0x80000000u;
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, A_EA, B3PR_ACCESS_STORE));
	EXPECT_EQ(0x06000000u, t.f.dsisr);
}

/* A fetch from a T = 1 segment: ISI with SRR1[3] (0x10000000). */
TEST(mmu32_direct_store_segment_fetch_is_isi_bit3)
{
	struct mmu32_fix t;

	a_init(&t);
	t.g.sr[1] = 0x80000000u;
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, A_EA, B3PR_ACCESS_FETCH));
	EXPECT_EQ(0x400, t.f.vector);
	EXPECT_EQ(0x10000000u, t.f.srr1_bits);
}

/* Only the SR of the EA's segment counts: SR0 T = 1 leaves SR1 alone. */
TEST(mmu32_segment_chosen_by_ea_bits_0_3)
{
	struct mmu32_fix t;

	a_init(&t);
	t.g.sr[0] = 0x80000000u;
	t.g.sr[2] = 0x80000000u;
	mmu32_put_pte(A_PTEG, A_PTE0, A_RPN | 2);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD));
}

/* PEM 7.5: N = 1 forbids fetches, ISI SRR1[3], even with a valid PTE. */
TEST(mmu32_no_execute_segment_fetch_is_isi_bit3)
{
	struct mmu32_fix t;

	a_init(&t);
	t.g.sr[1] = 0x10000000u | A_VSID;
	mmu32_put_pte(A_PTEG, A_PTE0, A_RPN | 2);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, A_EA, B3PR_ACCESS_FETCH));
	EXPECT_EQ(0x10000000u, t.f.srr1_bits);
}

/* N = 1 is checked before the search: no PTE still gives SRR1[3] only. */
TEST(mmu32_no_execute_checked_before_search)
{
	struct mmu32_fix t;

	a_init(&t);
	t.g.sr[1] = 0x10000000u | A_VSID;
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, A_EA, B3PR_ACCESS_FETCH));
	EXPECT_EQ(0x10000000u, t.f.srr1_bits);
}

/* N = 1 does not affect loads and stores; may_exec is false. */
TEST(mmu32_no_execute_segment_allows_loads)
{
	struct mmu32_fix t;

	a_init(&t);
	t.g.sr[1] = 0x10000000u | A_VSID;
	mmu32_put_pte(A_PTEG, A_PTE0, A_RPN | 2);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD));
	EXPECT_FALSE(t.x.may_exec);
}

/* 750GX UM Table 5-3: fetch from a PTE with G = 1: ISI SRR1[3]. */
TEST(mmu32_guarded_page_fetch_is_isi_bit3)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG, A_PTE0, A_RPN | 0x08 | 2);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, A_EA, B3PR_ACCESS_FETCH));
	EXPECT_EQ(0x10000000u, t.f.srr1_bits);
}

/* Loads from guarded pages are fine; WIMG reports G (bit value 1). */
TEST(mmu32_guarded_page_load_allowed)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG, A_PTE0, A_RPN | 0x08 | 2);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x1, t.x.wimg);
	EXPECT_FALSE(t.x.may_exec);
}

/* WIMG = 1010 (W and M): PTE1 bits 25 and 27 = 0x40 | 0x10. */
TEST(mmu32_wimg_from_pte)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG, A_PTE0, A_RPN | 0x50 | 2);
	mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD);
	EXPECT_EQ(0xa, t.x.wimg);
}

/* A fetch from an executable page works and reports may_exec. */
TEST(mmu32_fetch_translates)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG, A_PTE0, A_RPN | 2);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, A_EA, B3PR_ACCESS_FETCH));
	EXPECT_EQ(0x00abc123, t.x.gpa);
	EXPECT_TRUE(t.x.may_exec);
}

/* PEM 7.5 "Page History Recording": a load sets R (0x100), not C. */
TEST(mmu32_load_sets_r_only)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG, A_PTE0, A_RPN | 2);
	mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD);
	EXPECT_EQ(A_RPN | 0x100 | 2, mmu32_get32(A_PTEG + 4));
	EXPECT_EQ(A_PTE0, mmu32_get32(A_PTEG));
}

/* A store sets R and C (0x100 | 0x80). */
TEST(mmu32_store_sets_r_and_c)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG, A_PTE0, A_RPN | 2);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, A_EA, B3PR_ACCESS_STORE));
	EXPECT_EQ(A_RPN | 0x180 | 2, mmu32_get32(A_PTEG + 4));
}

/* A fetch sets R. */
TEST(mmu32_fetch_sets_r)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG, A_PTE0, A_RPN | 2);
	mmu32_go(&t, A_EA, B3PR_ACCESS_FETCH);
	EXPECT_EQ(A_RPN | 0x100 | 2, mmu32_get32(A_PTEG + 4));
}

/* A store that is not allowed changes neither R nor C. */
TEST(mmu32_denied_store_leaves_r_and_c)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG, A_PTE0, A_RPN | 3);	/* key 0, PP 11: RO */
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, A_EA, B3PR_ACCESS_STORE));
	EXPECT_EQ(A_RPN | 3, mmu32_get32(A_PTEG + 4));
}

/* R and C are updated where the PTE was found: the secondary slot. */
TEST(mmu32_secondary_pte_gets_r_and_c)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG2 + 16, A_PTE0_H, 0x00def000u | 2);
	mmu32_go(&t, A_EA, B3PR_ACCESS_STORE);
	EXPECT_EQ(0x00def000u | 0x180 | 2, mmu32_get32(A_PTEG2 + 20));
}

/*
 * A load from a writable page with C = 0 may not be mapped writable, or
 * the guest's later store would not set C. Once C = 1 it may.
 */
TEST(mmu32_may_write_waits_for_c)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG, A_PTE0, A_RPN | 2);
	mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD);
	EXPECT_FALSE(t.x.may_write);
	mmu32_go(&t, A_EA, B3PR_ACCESS_STORE);
	EXPECT_TRUE(t.x.may_write);
	mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD);
	EXPECT_TRUE(t.x.may_write);
}

/* A page table outside guest memory: BAD_TABLE (64 MiB of memory). */
TEST(mmu32_pteg_outside_memory_is_bad_table)
{
	struct mmu32_fix t;

	a_init(&t);
	t.g.sdr1 = 0x08000000u;		/* 128 MiB */
	EXPECT_EQ(B3PR_XLATE_BAD_TABLE, mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD));
}

/* PEM 7.2: MSR[DR] = 0: real mode for data, EA = real address. */
TEST(mmu32_real_mode_data)
{
	struct mmu32_fix t;

	a_init(&t);
	t.g.msr = B3PR_MSR_IR;
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, A_EA, B3PR_ACCESS_STORE));
	EXPECT_EQ(A_EA, t.x.gpa);
	EXPECT_TRUE(t.x.real_mode);
	EXPECT_EQ(A_EA >> 12, t.x.vpn);
	/* 750GX UM 5.2: real-mode accesses are WIMG = 0011 */
	EXPECT_EQ(0x3, t.x.wimg);
}

/* MSR[IR] = 0 makes fetches real while data stay translated. */
TEST(mmu32_real_mode_fetch_only_with_ir_off)
{
	struct mmu32_fix t;

	a_init(&t);
	t.g.msr = B3PR_MSR_DR;
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, A_EA, B3PR_ACCESS_FETCH));
	EXPECT_TRUE(t.x.real_mode);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD));
}

/* A PTE hit while an IBAT covers the EA: fetches would use the IBAT. */
TEST(mmu32_page_may_exec_false_when_ibat_covers_ea)
{
	struct mmu32_fix t;

	a_init(&t);
	mmu32_put_pte(A_PTEG, A_PTE0, A_RPN | 2);
	mmu32_set_bat(&t.g.ibat[3], 0x10000002u, 0x02000002u);
	mmu32_go(&t, A_EA, B3PR_ACCESS_LOAD);
	EXPECT_FALSE(t.x.may_exec);
}
