// SPDX-License-Identifier: GPL-2.0
/*
 * Block address translation of 32-bit guests, PEM 7.4 ("Block Address
 * Translation"): BAT register format, BL sizes, Vs/Vp, PP, priority.
 *
 * BATU = BEPI (0:14) | BL (19:29) | Vs (30) | Vp (31)
 * BATL = BRPN (0:14) | WIMG (25:28) | PP (30:31)
 * BL is a mask of ones from the right: 0 = 128 KiB ... 0x7ff = 256 MiB.
 */
#include "runner.h"
#include "mmu32_fixture.h"

/* Vs only, 128 KiB at EA 0x80000000 -> 0x01000000, WIMG 0, PP = 10. */
#define BATU_128K_VS	0x80000002u
#define BATL_16M_RW	0x01000002u

/*
 * A 32-bit guest whose page table is empty: SDR1 = 0 (HTABORG 0, 64 KiB
 * table of zeroes), so every access that misses the BATs is a page fault.
 */
static void bat_init(struct mmu32_fix *t, u32 pvr)
{
	mmu32_init(t, pvr);
}

/* PEM 7.4: BEPI matches, Vs = 1 with MSR[PR] = 0: PA = BRPN | offset. */
TEST(bat_dbat0_load_translates_to_brpn_plus_offset)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], BATU_128K_VS, BATL_16M_RW);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x80012345, B3PR_ACCESS_LOAD));
	/* 0x01000000 | (0x80012345 & 0x1ffff) = 0x01012345 */
	EXPECT_EQ(0x01012345, t.x.gpa);
	EXPECT_TRUE(t.x.from_bat);
	EXPECT_FALSE(t.x.real_mode);
}

/* PEM 7.4: a block translation's vpn is EA >> 12 (contract in mmu.h). */
TEST(bat_vpn_is_ea_page_number)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], BATU_128K_VS, BATL_16M_RW);
	mmu32_go(&t, 0x80012345, B3PR_ACCESS_LOAD);
	EXPECT_EQ(0x80012, t.x.vpn);
}

/* PEM 7.4: WIMG of the block comes from BATL bits 25:28. */
TEST(bat_wimg_from_lower_bat)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	/* WIMG = 0101 (I and G): bits 26 and 28 = 0x20 | 0x08 */
	mmu32_set_bat(&t.g.dbat[0], BATU_128K_VS, 0x01000000u | 0x28 | 2);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x80000000, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x5, t.x.wimg);
}

/*
 * PEM 7.4 block sizes: BL = 2^k - 1 maps 128 KiB << k. With BEPI
 * 0x80000000 and BRPN 0x10000000 the last byte of the block,
 * 0x80000000 + (0x20000 << k) - 1, maps to 0x10000000 + the same offset.
 */
TEST(bat_every_bl_size_maps_its_last_byte)
{
	struct mmu32_fix t;
	unsigned int k;

	bat_init(&t, PVR_750);
	for (k = 0; k <= 11; k++) {
		u32 size = 0x20000u << k;
		u32 bl = (1u << k) - 1;

		mmu32_set_bat(&t.g.dbat[0], 0x80000000u | bl << 2 | 2,
			      0x10000002u);
		EXPECT_EQ(B3PR_XLATE_OK,
			  mmu32_go(&t, 0x80000000u + size - 1,
				   B3PR_ACCESS_LOAD));
		EXPECT_EQ(0x10000000u + size - 1, t.x.gpa);
	}
}

/* The byte just past each block size is not in the block: page fault. */
TEST(bat_every_bl_size_misses_first_byte_after)
{
	struct mmu32_fix t;
	unsigned int k;

	bat_init(&t, PVR_750);
	/* BEPI 0x40000000: the block + size stays below 0x80000000 */
	for (k = 0; k <= 11; k++) {
		u32 size = 0x20000u << k;
		u32 bl = (1u << k) - 1;

		mmu32_set_bat(&t.g.dbat[0], 0x40000000u | bl << 2 | 2,
			      0x10000002u);
		EXPECT_EQ(B3PR_XLATE_FAULT,
			  mmu32_go(&t, 0x40000000u + size, B3PR_ACCESS_LOAD));
		EXPECT_EQ(0x300, t.f.vector);
		EXPECT_EQ(0x40000000u, t.f.dsisr);	/* DSISR[1] */
	}
}

/* The first byte below the block is not in it either. */
TEST(bat_every_bl_size_misses_byte_before)
{
	struct mmu32_fix t;
	unsigned int k;

	bat_init(&t, PVR_750);
	for (k = 0; k <= 11; k++) {
		u32 bl = (1u << k) - 1;

		mmu32_set_bat(&t.g.dbat[0], 0x80000000u | bl << 2 | 2,
			      0x10000002u);
		EXPECT_EQ(B3PR_XLATE_FAULT,
			  mmu32_go(&t, 0x7fffffff, B3PR_ACCESS_LOAD));
	}
}

/*
 * page_shift of a block is its size: 17 for 128 KiB ... 28 for 256 MiB
 * (documented choice: the aligned region the block maps linearly).
 */
TEST(bat_page_shift_is_block_size)
{
	struct mmu32_fix t;
	unsigned int k;

	bat_init(&t, PVR_750);
	for (k = 0; k <= 11; k++) {
		mmu32_set_bat(&t.g.dbat[0],
			      0x80000000u | ((1u << k) - 1) << 2 | 2,
			      0x10000002u);
		mmu32_go(&t, 0x80000000u, B3PR_ACCESS_LOAD);
		EXPECT_EQ(17 + k, t.x.page_shift);
	}
}

/*
 * PEM 7.4: PA = BRPN[0:3] || (BRPN[4:14] | (EA[4:14] & BL)) || EA[15:31].
 * 256 MiB block (BL = 0x7ff) at EA 0xc0000000 -> 0: EA 0xcfedcba9 gives
 * 0x0fedcba9.
 */
TEST(bat_256m_block_keeps_ea_bits_4_to_31)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], 0xc0001ffeu, 0x00000002u);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0xcfedcba9, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x0fedcba9, t.x.gpa);
}

/* The upper 32 bits of the EA do not exist on a 32-bit CPU. */
TEST(bat_ignores_ea_bits_above_32)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], BATU_128K_VS, BATL_16M_RW);
	EXPECT_EQ(B3PR_XLATE_OK,
		  mmu32_go(&t, 0xffffffff80000010ull, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x01000010, t.x.gpa);
}

/* PEM 7.4: Vs = 1, Vp = 0: valid for supervisor only; user misses. */
TEST(bat_vs_only_misses_in_problem_state)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], BATU_128K_VS, BATL_16M_RW);
	t.g.msr |= B3PR_MSR_PR;
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, 0x80000000, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x40000000u, t.f.dsisr);
}

/* PEM 7.4: Vs = 0, Vp = 1: valid for user only; supervisor misses. */
TEST(bat_vp_only_misses_in_supervisor_state)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], 0x80000001u, BATL_16M_RW);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, 0x80000000, B3PR_ACCESS_LOAD));
}

/* Vp = 1 with MSR[PR] = 1 hits. */
TEST(bat_vp_only_hits_in_problem_state)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], 0x80000001u, BATL_16M_RW);
	t.g.msr |= B3PR_MSR_PR;
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x80000004, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x01000004, t.x.gpa);
}

/* Vs = Vp = 0: the pair is off in both states. */
TEST(bat_neither_valid_bit_misses_both_states)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], 0x80000000u, BATL_16M_RW);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, 0x80000000, B3PR_ACCESS_LOAD));
	t.g.msr |= B3PR_MSR_PR;
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, 0x80000000, B3PR_ACCESS_LOAD));
}

/* Vs = Vp = 1: valid in both states. */
TEST(bat_both_valid_bits_hit_both_states)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], 0x80000003u, BATL_16M_RW);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x80000000, B3PR_ACCESS_LOAD));
	t.g.msr |= B3PR_MSR_PR;
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x80000000, B3PR_ACCESS_LOAD));
}

/*
 * PEM 7.4 "Block Memory Protection": PP = 00 no access. A load and a
 * store both take a DSI with DSISR[4] (0x08000000), stores with DSISR[6]
 * (0x02000000) too; DAR = EA.
 */
TEST(bat_pp00_denies_load_and_store)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], BATU_128K_VS, 0x01000000u);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, 0x80000040, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x300, t.f.vector);
	EXPECT_EQ(0x08000000u, t.f.dsisr);
	EXPECT_EQ(0x80000040, t.f.dar);
	EXPECT_TRUE(t.f.set_dar && t.f.set_dsisr);
	EXPECT_EQ(B3PR_XLATE_FAULT,
		  mmu32_go(&t, 0x80000040, B3PR_ACCESS_STORE));
	EXPECT_EQ(0x0a000000u, t.f.dsisr);
}

/* PP = 01: read-only; the load works, the store faults (DSISR 4 and 6). */
TEST(bat_pp01_is_read_only)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], BATU_128K_VS, 0x01000001u);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x80000040, B3PR_ACCESS_LOAD));
	EXPECT_FALSE(t.x.may_write);
	EXPECT_EQ(B3PR_XLATE_FAULT,
		  mmu32_go(&t, 0x80000040, B3PR_ACCESS_STORE));
	EXPECT_EQ(0x0a000000u, t.f.dsisr);
}

/* PP = 10: read/write. */
TEST(bat_pp10_is_read_write)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], BATU_128K_VS, 0x01000002u);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x80000040, B3PR_ACCESS_LOAD));
	EXPECT_TRUE(t.x.may_write);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x80000040, B3PR_ACCESS_STORE));
	EXPECT_EQ(0x01000040, t.x.gpa);
}

/* PP = 11: read-only too (kvm-pr treats it as read/write). */
TEST(bat_pp11_is_read_only)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], BATU_128K_VS, 0x01000003u);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x80000040, B3PR_ACCESS_LOAD));
	EXPECT_EQ(B3PR_XLATE_FAULT,
		  mmu32_go(&t, 0x80000040, B3PR_ACCESS_STORE));
	EXPECT_EQ(0x0a000000u, t.f.dsisr);
}

/*
 * 750GX UM 5.1.6.1: a BAT hit that violates protection faults; the page
 * table is not consulted even if a PTE would allow the store.
 */
TEST(bat_protection_fault_does_not_fall_back_to_page_table)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], BATU_128K_VS, 0x01000001u);
	/*
	 * SR8 VSID 0: EA 0x80000040 has page index 0, hash 0, PTEG at
	 * SDR1 0 + 0; PTE0 = V | VSID 0 | H 0 | API 0 = 0x80000000;
	 * PTE1 = RPN 0x00200000, PP = 10.
	 */
	mmu32_put_pte(0, 0x80000000u, 0x00200002u);
	EXPECT_EQ(B3PR_XLATE_FAULT,
		  mmu32_go(&t, 0x80000040, B3PR_ACCESS_STORE));
	EXPECT_EQ(0x0a000000u, t.f.dsisr);
}

/* PEM 7.4: a BAT hit takes precedence over the page table. */
TEST(bat_takes_priority_over_page_table)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], BATU_128K_VS, BATL_16M_RW);
	mmu32_put_pte(0, 0x80000000u, 0x00200002u);	/* as above */
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x80000040, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x01000040, t.x.gpa);
	EXPECT_TRUE(t.x.from_bat);
}

/* PEM 7.4 / 750GX Table 4-3: a BAT hit wins over a T = 1 segment. */
TEST(bat_takes_priority_over_direct_store_segment)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	t.g.sr[8] = 0x80000000u;
	mmu32_set_bat(&t.g.dbat[0], BATU_128K_VS, BATL_16M_RW);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x80000040, B3PR_ACCESS_LOAD));
}

/* PEM 7.4: loads and stores use only the DBATs. */
TEST(bat_ibat_does_not_translate_loads)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.ibat[0], BATU_128K_VS, BATL_16M_RW);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, 0x80000000, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x300, t.f.vector);
}

/* ... and fetches only the IBATs: a DBAT-only block misses, ISI SRR1[1]. */
TEST(bat_dbat_does_not_translate_fetches)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], BATU_128K_VS, BATL_16M_RW);
	EXPECT_EQ(B3PR_XLATE_FAULT,
		  mmu32_go(&t, 0x80000000, B3PR_ACCESS_FETCH));
	EXPECT_EQ(0x400, t.f.vector);
	EXPECT_EQ(0x40000000u, t.f.srr1_bits);
}

/* An IBAT translates fetches. */
TEST(bat_ibat_translates_fetch)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.ibat[0], BATU_128K_VS, BATL_16M_RW);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x80000100, B3PR_ACCESS_FETCH));
	EXPECT_EQ(0x01000100, t.x.gpa);
	EXPECT_TRUE(t.x.may_exec);
}

/* PEM 7.4: IBAT PP = 00 forbids fetching: ISI with SRR1[4] (0x08000000). */
TEST(bat_ibat_pp00_fetch_is_protection_isi)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.ibat[0], BATU_128K_VS, 0x01000000u);
	EXPECT_EQ(B3PR_XLATE_FAULT,
		  mmu32_go(&t, 0x80000000, B3PR_ACCESS_FETCH));
	EXPECT_EQ(0x400, t.f.vector);
	EXPECT_EQ(0x08000000u, t.f.srr1_bits);
}

/* IBAT PP = 01 (read-only) allows fetching. */
TEST(bat_ibat_pp01_allows_fetch)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.ibat[0], BATU_128K_VS, 0x01000001u);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x80000000, B3PR_ACCESS_FETCH));
}

/*
 * 750GX UM Table 5-3: fetch with a matching xBAT[G] = 1 is an ISI with
 * SRR1[3] (0x10000000).
 */
TEST(bat_ibat_guarded_fetch_is_isi_bit3)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.ibat[0], BATU_128K_VS, 0x01000000u | 0x08 | 2);
	EXPECT_EQ(B3PR_XLATE_FAULT,
		  mmu32_go(&t, 0x80000000, B3PR_ACCESS_FETCH));
	EXPECT_EQ(0x10000000u, t.f.srr1_bits);
}

/* A DBAT hit reports exec only when the IBATs map the EA the same way. */
TEST(bat_dbat_may_exec_only_with_matching_ibat)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], BATU_128K_VS, BATL_16M_RW);
	mmu32_go(&t, 0x80000000, B3PR_ACCESS_LOAD);
	EXPECT_FALSE(t.x.may_exec);
	mmu32_set_bat(&t.g.ibat[2], BATU_128K_VS, BATL_16M_RW);
	mmu32_go(&t, 0x80000000, B3PR_ACCESS_LOAD);
	EXPECT_TRUE(t.x.may_exec);
	/* an IBAT to another place does not count */
	mmu32_set_bat(&t.g.ibat[2], BATU_128K_VS, 0x02000002u);
	mmu32_go(&t, 0x80000000, B3PR_ACCESS_LOAD);
	EXPECT_FALSE(t.x.may_exec);
}

/* An IBAT hit reports write only when a DBAT maps it the same, writable. */
TEST(bat_ibat_may_write_only_with_writable_dbat)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.ibat[0], BATU_128K_VS, BATL_16M_RW);
	mmu32_go(&t, 0x80000000, B3PR_ACCESS_FETCH);
	EXPECT_FALSE(t.x.may_write);
	mmu32_set_bat(&t.g.dbat[1], BATU_128K_VS, 0x01000001u);
	mmu32_go(&t, 0x80000000, B3PR_ACCESS_FETCH);
	EXPECT_FALSE(t.x.may_write);
	mmu32_set_bat(&t.g.dbat[1], BATU_128K_VS, BATL_16M_RW);
	mmu32_go(&t, 0x80000000, B3PR_ACCESS_FETCH);
	EXPECT_TRUE(t.x.may_write);
}

/*
 * Each of the 8 pairs translates on the 7455 (8 BAT pairs, 7450 RM 5.3)
 * with HID0[HIGH_BAT_EN] set (7450 RM 2.1.5.1): pair i maps EA 0x80000000 + i * 128 KiB to 0x01000000 + i * 128 KiB.
 */
TEST(bat_each_of_8_dbats_translates_on_7455)
{
	struct mmu32_fix t;
	unsigned int i;

	for (i = 0; i < 8; i++) {
		bat_init(&t, PVR_7455);
		t.g.hid[0] = B3PR_HID0_HIGH_BAT_EN;
		mmu32_set_bat(&t.g.dbat[i], (0x80000000u + (i << 17)) | 2,
			      (0x01000000u + (i << 17)) | 2);
		EXPECT_EQ(B3PR_XLATE_OK,
			  mmu32_go(&t, 0x80000000u + (i << 17) + 8,
				   B3PR_ACCESS_LOAD));
		EXPECT_EQ(0x01000000u + (i << 17) + 8, t.x.gpa);
	}
}

TEST(bat_each_of_8_ibats_translates_on_7455)
{
	struct mmu32_fix t;
	unsigned int i;

	for (i = 0; i < 8; i++) {
		bat_init(&t, PVR_7455);
		t.g.hid[0] = B3PR_HID0_HIGH_BAT_EN;
		mmu32_set_bat(&t.g.ibat[i], (0x80000000u + (i << 17)) | 2,
			      (0x01000000u + (i << 17)) | 2);
		EXPECT_EQ(B3PR_XLATE_OK,
			  mmu32_go(&t, 0x80000000u + (i << 17),
				   B3PR_ACCESS_FETCH));
		EXPECT_EQ(0x01000000u + (i << 17), t.x.gpa);
	}
}

/*
 * 7450 RM 2.1.5.1: with HID0[HIGH_BAT_EN] = 0 (its reset value) BATs 4-7
 * of the 7455 do not translate; BATs 0-3 do.
 */
TEST(bat_high_pairs_need_high_bat_en_on_7455)
{
	struct mmu32_fix t;
	unsigned int i;

	for (i = 0; i < 8; i++) {
		bat_init(&t, PVR_7455);
		mmu32_set_bat(&t.g.dbat[i], 0x80000002u, 0x01000002u);
		EXPECT_EQ(i < 4 ? B3PR_XLATE_OK : B3PR_XLATE_FAULT,
			  mmu32_go(&t, 0x80000000, B3PR_ACCESS_LOAD));
	}
}

/* The 750 and 7400 have 4 pairs: 0-3 translate, 4-7 do not exist. */
TEST(bat_only_4_dbats_on_750_and_7400)
{
	static const u32 pvrs[] = { PVR_750, PVR_7400 };
	struct mmu32_fix t;
	unsigned int p, i;

	for (p = 0; p < ARRAY_SIZE(pvrs); p++) {
		for (i = 0; i < 8; i++) {
			bat_init(&t, pvrs[p]);
			mmu32_set_bat(&t.g.dbat[i], 0x80000002u, 0x01000002u);
			EXPECT_EQ(i < 4 ? B3PR_XLATE_OK : B3PR_XLATE_FAULT,
				  mmu32_go(&t, 0x80000000, B3PR_ACCESS_LOAD));
		}
	}
}

TEST(bat_only_4_ibats_on_750_and_7400)
{
	static const u32 pvrs[] = { PVR_750, PVR_7400 };
	struct mmu32_fix t;
	unsigned int p, i;

	for (p = 0; p < ARRAY_SIZE(pvrs); p++) {
		for (i = 0; i < 8; i++) {
			bat_init(&t, pvrs[p]);
			mmu32_set_bat(&t.g.ibat[i], 0x80000002u, 0x01000002u);
			EXPECT_EQ(i < 4 ? B3PR_XLATE_OK : B3PR_XLATE_FAULT,
				  mmu32_go(&t, 0x80000000,
					   B3PR_ACCESS_FETCH));
		}
	}
}

/* Two pairs that both hit: the lower-numbered one is used. */
TEST(bat_lowest_matching_pair_wins)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_7455);
	t.g.hid[0] = B3PR_HID0_HIGH_BAT_EN;
	mmu32_set_bat(&t.g.dbat[5], BATU_128K_VS, 0x02000002u);
	mmu32_set_bat(&t.g.dbat[1], BATU_128K_VS, BATL_16M_RW);
	mmu32_go(&t, 0x80000000, B3PR_ACCESS_LOAD);
	EXPECT_EQ(0x01000000, t.x.gpa);
}

/* A high pair (BAT6) maps a 256 MiB block on the 7455 like any other. */
TEST(bat_high_pair_maps_256m_block_on_7455)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_7455);
	t.g.hid[0] = B3PR_HID0_HIGH_BAT_EN;
	mmu32_set_bat(&t.g.dbat[6], 0xd0001ffeu, 0x20000002u);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0xd1234567, B3PR_ACCESS_STORE));
	EXPECT_EQ(0x21234567, t.x.gpa);
	EXPECT_EQ(28, t.x.page_shift);
}

/* The BAT helpers agree with the walk: bat_find reports the pair index. */
TEST(bat_find_reports_pair_index)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_7455);
	t.g.hid[0] = B3PR_HID0_HIGH_BAT_EN;
	mmu32_set_bat(&t.g.dbat[7], 0x80000003u, BATL_16M_RW);
	EXPECT_EQ(7, b3pr_mmu32_bat_find(t.g.dbat, 8, 0x8001ffff, false));
	EXPECT_EQ(-1, b3pr_mmu32_bat_find(t.g.dbat, 4, 0x8001ffff, false));
	EXPECT_EQ(-1, b3pr_mmu32_bat_find(t.g.dbat, 8, 0x80020000, true));
}

/* BATs are not used in real mode (MSR[DR] = 0): EA = real address. */
TEST(bat_not_used_in_real_mode)
{
	struct mmu32_fix t;

	bat_init(&t, PVR_750);
	mmu32_set_bat(&t.g.dbat[0], BATU_128K_VS, BATL_16M_RW);
	t.g.msr &= ~B3PR_MSR_DR;
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, 0x80000040, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x80000040, t.x.gpa);
	EXPECT_TRUE(t.x.real_mode);
	EXPECT_FALSE(t.x.from_bat);
}
