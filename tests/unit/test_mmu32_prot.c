// SPDX-License-Identifier: GPL-2.0
/*
 * Page protection of 32-bit guests, PEM 7.5 ("Page Memory Protection"):
 * the key is SR[Ks] when MSR[PR] = 0 and SR[Kp] when MSR[PR] = 1, and
 * with the PTE's PP bits gives the access (PEM table of protection keys):
 *
 *   key PP   access          key PP   access
 *    0  00   read/write       1  00   none
 *    0  01   read/write       1  01   read-only
 *    0  10   read/write       1  10   read/write
 *    0  11   read-only        1  11   read-only
 *
 * Faults: DSI with DSISR[4] (0x08000000), | DSISR[6] (0x02000000) for
 * stores; ISI with SRR1[4] (0x08000000) for fetches.
 */
#include "runner.h"
#include "mmu32_fixture.h"

/*
 * The page of test_mmu32.c example A: SDR1 0x00100000, SR1 VSID 0x123,
 * EA 0x10005123, PTEG 0x00104980, PTE0 0x80009180.
 */
#define P_EA	0x10005123u
#define P_PTEG	0x00104980u
#define P_PTE0	0x80009180u

/* A guest whose SR1 has Ks = @ks, Kp = @kp, and a PTE with PP = @pp. */
static void prot_init(struct mmu32_fix *t, bool ks, bool kp, u32 pp, bool pr)
{
	mmu32_init(t, PVR_750);
	t->g.sdr1 = 0x00100000u;
	t->g.sr[1] = (ks ? 0x40000000u : 0) | (kp ? 0x20000000u : 0) | 0x123;
	if (pr)
		t->g.msr |= B3PR_MSR_PR;
	mmu32_put_pte(P_PTEG, P_PTE0, 0x00abc000u | pp);
}

static void expect_load_ok(struct mmu32_fix *t)
{
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(t, P_EA, B3PR_ACCESS_LOAD));
}

static void expect_load_denied(struct mmu32_fix *t)
{
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(t, P_EA, B3PR_ACCESS_LOAD));
	EXPECT_EQ(0x300, t->f.vector);
	EXPECT_EQ(0x08000000u, t->f.dsisr);
	EXPECT_EQ(P_EA, t->f.dar);
}

static void expect_store_ok(struct mmu32_fix *t)
{
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(t, P_EA, B3PR_ACCESS_STORE));
	EXPECT_TRUE(t->x.may_write);
}

static void expect_store_denied(struct mmu32_fix *t)
{
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(t, P_EA, B3PR_ACCESS_STORE));
	EXPECT_EQ(0x300, t->f.vector);
	EXPECT_EQ(0x0a000000u, t->f.dsisr);
}

/* Supervisor, Ks = 0: key 0. */
TEST(mmu32_prot_key0_pp00_read_write)
{
	struct mmu32_fix t;

	prot_init(&t, false, false, 0, false);
	expect_load_ok(&t);
	expect_store_ok(&t);
}

TEST(mmu32_prot_key0_pp01_read_write)
{
	struct mmu32_fix t;

	prot_init(&t, false, false, 1, false);
	expect_load_ok(&t);
	expect_store_ok(&t);
}

TEST(mmu32_prot_key0_pp10_read_write)
{
	struct mmu32_fix t;

	prot_init(&t, false, false, 2, false);
	expect_load_ok(&t);
	expect_store_ok(&t);
}

TEST(mmu32_prot_key0_pp11_read_only)
{
	struct mmu32_fix t;

	prot_init(&t, false, false, 3, false);
	expect_load_ok(&t);
	EXPECT_FALSE(t.x.may_write);
	expect_store_denied(&t);
}

/* Supervisor, Ks = 1: key 1. */
TEST(mmu32_prot_key1_pp00_no_access)
{
	struct mmu32_fix t;

	prot_init(&t, true, false, 0, false);
	expect_load_denied(&t);
	expect_store_denied(&t);
}

TEST(mmu32_prot_key1_pp01_read_only)
{
	struct mmu32_fix t;

	prot_init(&t, true, false, 1, false);
	expect_load_ok(&t);
	expect_store_denied(&t);
}

TEST(mmu32_prot_key1_pp10_read_write)
{
	struct mmu32_fix t;

	prot_init(&t, true, false, 2, false);
	expect_load_ok(&t);
	expect_store_ok(&t);
}

TEST(mmu32_prot_key1_pp11_read_only)
{
	struct mmu32_fix t;

	prot_init(&t, true, false, 3, false);
	expect_load_ok(&t);
	expect_store_denied(&t);
}

/* User (MSR[PR] = 1) with Kp = 1: key 1 as well, whatever Ks is. */
TEST(mmu32_prot_user_kp1_pp00_no_access)
{
	struct mmu32_fix t;

	prot_init(&t, false, true, 0, true);
	expect_load_denied(&t);
	expect_store_denied(&t);
}

TEST(mmu32_prot_user_kp1_pp01_read_only)
{
	struct mmu32_fix t;

	prot_init(&t, false, true, 1, true);
	expect_load_ok(&t);
	expect_store_denied(&t);
}

TEST(mmu32_prot_user_kp1_pp10_read_write)
{
	struct mmu32_fix t;

	prot_init(&t, false, true, 2, true);
	expect_load_ok(&t);
	expect_store_ok(&t);
}

TEST(mmu32_prot_user_kp1_pp11_read_only)
{
	struct mmu32_fix t;

	prot_init(&t, false, true, 3, true);
	expect_load_ok(&t);
	expect_store_denied(&t);
}

/* User with Kp = 0: key 0, so PP = 00 is read/write even with Ks = 1. */
TEST(mmu32_prot_user_uses_kp_not_ks)
{
	struct mmu32_fix t;

	prot_init(&t, true, false, 0, true);
	expect_load_ok(&t);
	expect_store_ok(&t);
}

/* Supervisor uses Ks: Kp = 1 alone does not restrict it. */
TEST(mmu32_prot_supervisor_uses_ks_not_kp)
{
	struct mmu32_fix t;

	prot_init(&t, false, true, 0, false);
	expect_load_ok(&t);
	expect_store_ok(&t);
}

/* User with Kp = 0 and PP = 11: read-only (key 0 row). */
TEST(mmu32_prot_user_kp0_pp11_read_only)
{
	struct mmu32_fix t;

	prot_init(&t, false, false, 3, true);
	expect_load_ok(&t);
	expect_store_denied(&t);
}

/* A fetch needs read access: key 1, PP 00 gives an ISI with SRR1[4]. */
TEST(mmu32_prot_fetch_key1_pp00_is_isi_bit4)
{
	struct mmu32_fix t;

	prot_init(&t, true, false, 0, false);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, P_EA, B3PR_ACCESS_FETCH));
	EXPECT_EQ(0x400, t.f.vector);
	EXPECT_EQ(0x08000000u, t.f.srr1_bits);
}

/* Read-only pages can be executed: key 1, PP 01. */
TEST(mmu32_prot_fetch_from_read_only_page)
{
	struct mmu32_fix t;

	prot_init(&t, true, false, 1, false);
	EXPECT_EQ(B3PR_XLATE_OK, mmu32_go(&t, P_EA, B3PR_ACCESS_FETCH));
	EXPECT_TRUE(t.x.may_exec);
	EXPECT_FALSE(t.x.may_write);
}

/*
 * Guarded and no-access at once: both SRR1[3] and SRR1[4] are set, each
 * bit being defined on its own (PEM 6.4.4): 0x10000000 | 0x08000000.
 */
TEST(mmu32_prot_fetch_guarded_and_no_access_sets_both_bits)
{
	struct mmu32_fix t;

	prot_init(&t, true, false, 0, false);
	mmu32_put_pte(P_PTEG, P_PTE0, 0x00abc000u | 0x08);
	EXPECT_EQ(B3PR_XLATE_FAULT, mmu32_go(&t, P_EA, B3PR_ACCESS_FETCH));
	EXPECT_EQ(0x18000000u, t.f.srr1_bits);
}

/* The table as the shadow MMU reads it: b3pr_mmu32_pp(key, pp). */
TEST(mmu32_prot_pp_table_matches_pem)
{
	/* read = 1, write = 2, as in the table at the top of the file */
	static const u32 want[2][4] = { { 3, 3, 3, 1 }, { 0, 1, 3, 1 } };
	unsigned int key, pp;

	for (key = 0; key < 2; key++)
		for (pp = 0; pp < 4; pp++)
			EXPECT_EQ(want[key][pp], b3pr_mmu32_pp(key, pp));
}
