// SPDX-License-Identifier: GPL-2.0
/*
 * Storage protection, no-execute and R/C recording of the 64-bit MMU
 * (Power ISA Book III-S v2.07 5.7.8, 5.7.13). Same scenario as
 * test_mmu64.c: EA 0x1234_5678, SLB 0 VSID 0x123, HPTE at 0x113300
 * with dw0 0x123201 and dw1 RPN 0xaa000 | M (0x10) | PP.
 */
#include "test_mmu64_fixture.h"

#define EA		0x12345678ULL
#define PTEG		0x113300ULL
#define HPTE_V		0x123201ULL
#define RPN_M		0xaa010ULL

static const struct b3pr_guest_mem *base(struct b3pr_guest_state *g,
					 u64 slb_flags, u64 r)
{
	const struct b3pr_guest_mem *mem = mmu64_setup(g, 0x004d0200);

	g->slb[0].esid = 0x10000000ULL | B3PR_SLB_V;
	g->slb[0].vsid = (0x123ULL << 12) | slb_flags;
	hpte_put(PTEG, HPTE_V, r);
	return mem;
}

/* pp0 in dw1 bit 0, pp1 pp2 in bits 62:63. */
static u64 pp_bits(unsigned int pp)
{
	return (pp & 3) | ((pp & 4) ? B3PR_HPTE_R_PP0 : 0);
}

static enum b3pr_xlate_result access(struct b3pr_guest_state *g,
				     const struct b3pr_guest_mem *mem,
				     enum b3pr_access acc,
				     struct b3pr_interrupt *f)
{
	struct b3pr_xlate x;

	memset(f, 0, sizeof(*f));
	return b3pr_mmu64_xlate(g, mem, EA, acc, &x, f);
}

/*
 * ISA 5.7.13, "Protection states" (pp = pp0 pp1 pp2), key 0:
 *   000 rw, 001 rw, 010 rw, 011 ro, 110 ro; 100 101 111 reserved, which
 *   b3pr (like the hardware's "no access" default in kvm-pr and QEMU)
 *   treats as no access.
 */
static const u8 key0_prot[8] = { 3, 3, 3, 1, 0, 0, 1, 0 };
/* ... key 1: 000 none, 001 ro, 010 rw, 011 ro, 110 none; rest reserved. */
static const u8 key1_prot[8] = { 0, 1, 3, 1, 0, 0, 0, 0 };

TEST(mmu64_pp_table_key0)
{
	unsigned int pp;

	for (pp = 0; pp < 8; pp++)
		EXPECT_EQ(key0_prot[pp] | pp << 4,
			  b3pr_mmu64_pp_prot(false, pp_bits(pp)) | pp << 4);
}

TEST(mmu64_pp_table_key1)
{
	unsigned int pp;

	for (pp = 0; pp < 8; pp++)
		EXPECT_EQ(key1_prot[pp] | pp << 4,
			  b3pr_mmu64_pp_prot(true, pp_bits(pp)) | pp << 4);
}

/* Loads with key 0 (MSR[PR]=0, Ks=0): fault exactly where no read. */
TEST(mmu64_prot_load_key0_all_pp)
{
	struct b3pr_guest_state g;
	struct b3pr_interrupt f;
	unsigned int pp;

	for (pp = 0; pp < 8; pp++) {
		const struct b3pr_guest_mem *mem = base(&g, 0,
							RPN_M | pp_bits(pp));
		enum b3pr_xlate_result want = key0_prot[pp] & 1 ?
			B3PR_XLATE_OK : B3PR_XLATE_FAULT;

		EXPECT_EQ(want | pp << 4,
			  access(&g, mem, B3PR_ACCESS_LOAD, &f) | pp << 4);
	}
}

/* Stores with key 0: fault exactly where no write. */
TEST(mmu64_prot_store_key0_all_pp)
{
	struct b3pr_guest_state g;
	struct b3pr_interrupt f;
	unsigned int pp;

	for (pp = 0; pp < 8; pp++) {
		const struct b3pr_guest_mem *mem = base(&g, 0,
							RPN_M | pp_bits(pp));
		enum b3pr_xlate_result want = key0_prot[pp] & 2 ?
			B3PR_XLATE_OK : B3PR_XLATE_FAULT;

		EXPECT_EQ(want | pp << 4,
			  access(&g, mem, B3PR_ACCESS_STORE, &f) | pp << 4);
	}
}

/* Loads with key 1 (MSR[PR]=0, Ks=1). */
TEST(mmu64_prot_load_key1_all_pp)
{
	struct b3pr_guest_state g;
	struct b3pr_interrupt f;
	unsigned int pp;

	for (pp = 0; pp < 8; pp++) {
		const struct b3pr_guest_mem *mem =
			base(&g, B3PR_SLB_KS, RPN_M | pp_bits(pp));
		enum b3pr_xlate_result want = key1_prot[pp] & 1 ?
			B3PR_XLATE_OK : B3PR_XLATE_FAULT;

		EXPECT_EQ(want | pp << 4,
			  access(&g, mem, B3PR_ACCESS_LOAD, &f) | pp << 4);
	}
}

/* Stores with key 1. */
TEST(mmu64_prot_store_key1_all_pp)
{
	struct b3pr_guest_state g;
	struct b3pr_interrupt f;
	unsigned int pp;

	for (pp = 0; pp < 8; pp++) {
		const struct b3pr_guest_mem *mem =
			base(&g, B3PR_SLB_KS, RPN_M | pp_bits(pp));
		enum b3pr_xlate_result want = key1_prot[pp] & 2 ?
			B3PR_XLATE_OK : B3PR_XLATE_FAULT;

		EXPECT_EQ(want | pp << 4,
			  access(&g, mem, B3PR_ACCESS_STORE, &f) | pp << 4);
	}
}

/* ISA 5.7.13: problem state uses Kp: Kp=1 Ks=0, pp 001 -> read only. */
TEST(mmu64_key_kp_in_problem_state)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, B3PR_SLB_KP, RPN_M | 1);
	struct b3pr_interrupt f;

	g.msr |= B3PR_MSR_PR;
	EXPECT_EQ(B3PR_XLATE_FAULT, access(&g, mem, B3PR_ACCESS_STORE, &f));
	EXPECT_EQ(B3PR_XLATE_OK, access(&g, mem, B3PR_ACCESS_LOAD, &f));
}

/* ISA 5.7.13: supervisor state uses Ks: Kp=1 Ks=0, pp 001 -> read/write. */
TEST(mmu64_key_ks_in_supervisor_state)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, B3PR_SLB_KP, RPN_M | 1);
	struct b3pr_interrupt f;

	EXPECT_EQ(B3PR_XLATE_OK, access(&g, mem, B3PR_ACCESS_STORE, &f));
}

/* ISA 6.5.3: a protection fault on a load: DSISR[4] = 0x08000000. */
TEST(mmu64_prot_load_dsisr)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, B3PR_SLB_KS, RPN_M | 0);
	struct b3pr_interrupt f;

	EXPECT_EQ(B3PR_XLATE_FAULT, access(&g, mem, B3PR_ACCESS_LOAD, &f));
	EXPECT_EQ(0x300, f.vector);
	EXPECT_EQ(0x08000000, f.dsisr);
	EXPECT_EQ(EA, f.dar);
}

/* ISA 6.5.3: a protection fault on a store: DSISR[4,6] = 0x0a000000. */
TEST(mmu64_prot_store_dsisr)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, 0, RPN_M | 3);
	struct b3pr_interrupt f;

	EXPECT_EQ(B3PR_XLATE_FAULT, access(&g, mem, B3PR_ACCESS_STORE, &f));
	EXPECT_EQ(0x0a000000, f.dsisr);
	EXPECT_EQ(EA, f.dar);
}

/* ISA 5.7.13: a read-only page can be executed (fetch needs read). */
TEST(mmu64_fetch_from_read_only_page)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, 0, RPN_M | 3);
	struct b3pr_interrupt f;

	EXPECT_EQ(B3PR_XLATE_OK, access(&g, mem, B3PR_ACCESS_FETCH, &f));
}

/* ISA 5.7.13, 6.5.5: no access authority on a fetch: ISI, SRR1[36]. */
TEST(mmu64_fetch_no_access_isi_prot)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, B3PR_SLB_KS, RPN_M | 0);
	struct b3pr_interrupt f;

	EXPECT_EQ(B3PR_XLATE_FAULT, access(&g, mem, B3PR_ACCESS_FETCH, &f));
	EXPECT_EQ(0x400, f.vector);
	EXPECT_EQ(1ULL << (63 - 36), f.srr1_bits);
}

/* ISA 5.7.13: SLB N=1: fetch gives ISI with SRR1[35]. */
TEST(mmu64_fetch_slb_noexec_isi)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, B3PR_SLB_N, RPN_M | 2);
	struct b3pr_interrupt f;

	EXPECT_EQ(B3PR_XLATE_FAULT, access(&g, mem, B3PR_ACCESS_FETCH, &f));
	EXPECT_EQ(0x400, f.vector);
	EXPECT_EQ(1ULL << (63 - 35), f.srr1_bits);
}

/* ISA 5.7.13: SLB N=1 concerns fetches only: loads still work. */
TEST(mmu64_slb_noexec_allows_load)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, B3PR_SLB_N, RPN_M | 2);
	struct b3pr_interrupt f;

	EXPECT_EQ(B3PR_XLATE_OK, access(&g, mem, B3PR_ACCESS_LOAD, &f));
}

/* ISA 5.7.13: SLB N=1 faults before the table search (no HPTE needed). */
TEST(mmu64_slb_noexec_without_hpte_is_n_fault)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, B3PR_SLB_N, RPN_M | 2);
	struct b3pr_interrupt f;

	hpte_put(PTEG, 0, 0);
	EXPECT_EQ(B3PR_XLATE_FAULT, access(&g, mem, B3PR_ACCESS_FETCH, &f));
	EXPECT_EQ(1ULL << (63 - 35), f.srr1_bits);
}

/* ISA 5.7.13: HPTE N=1 (dw1 bit 61, 0x4): fetch gives ISI SRR1[35]. */
TEST(mmu64_fetch_hpte_noexec_isi)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, 0, RPN_M | 0x4 | 2);
	struct b3pr_interrupt f;

	EXPECT_EQ(B3PR_XLATE_FAULT, access(&g, mem, B3PR_ACCESS_FETCH, &f));
	EXPECT_EQ(0x400, f.vector);
	EXPECT_EQ(1ULL << (63 - 35), f.srr1_bits);
}

/* ISA 5.7.13: guarded storage (G, dw1 bit 60, 0x8): fetch ISI SRR1[35]. */
TEST(mmu64_fetch_guarded_isi)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, 0, RPN_M | 0x8 | 2);
	struct b3pr_interrupt f;

	EXPECT_EQ(B3PR_XLATE_FAULT, access(&g, mem, B3PR_ACCESS_FETCH, &f));
	EXPECT_EQ(1ULL << (63 - 35), f.srr1_bits);
}

/* ISA 5.7.13: guarded storage can be loaded from. */
TEST(mmu64_guarded_allows_load)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, 0, RPN_M | 0x8 | 2);
	struct b3pr_interrupt f;

	EXPECT_EQ(B3PR_XLATE_OK, access(&g, mem, B3PR_ACCESS_LOAD, &f));
}

/* ISA 5.7.13: N and PP both deny a fetch: N/G is reported. */
TEST(mmu64_fetch_noexec_reported_before_prot)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, B3PR_SLB_KS,
						RPN_M | 0x4 | 0);
	struct b3pr_interrupt f;

	access(&g, mem, B3PR_ACCESS_FETCH, &f);
	EXPECT_EQ(1ULL << (63 - 35), f.srr1_bits);
}

/* may_exec / may_write report the page's rights for the shadow MMU. */
TEST(mmu64_may_exec_false_for_noexec_page)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, 0, RPN_M | 0x4 | 2);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	b3pr_mmu64_xlate(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f);
	EXPECT_FALSE(x.may_exec);
}

TEST(mmu64_may_exec_true_for_plain_page)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, 0, RPN_M | 2);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	b3pr_mmu64_xlate(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f);
	EXPECT_TRUE(x.may_exec);
}

/*
 * ISA 5.7.8: C must be set by the first store, so a writable page with
 * C=0 is reported read-only after a load (the store comes back here).
 */
TEST(mmu64_may_write_waits_for_change_bit)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, 0, RPN_M | 2);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	b3pr_mmu64_xlate(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f);
	EXPECT_FALSE(x.may_write);
	b3pr_mmu64_xlate(&g, mem, EA, B3PR_ACCESS_STORE, &x, &f);
	EXPECT_TRUE(x.may_write);
}

/* A read-only page is never writable, whatever C says. */
TEST(mmu64_may_write_false_for_read_only)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, 0, RPN_M | B3PR_HPTE_R_C |
						3);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	b3pr_mmu64_xlate(&g, mem, EA, B3PR_ACCESS_LOAD, &x, &f);
	EXPECT_FALSE(x.may_write);
}

/* ISA 5.7.8: a load sets R (dw1 bit 55, 0x100) and not C. */
TEST(mmu64_load_sets_r_only)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, 0, RPN_M | 2);
	struct b3pr_interrupt f;

	access(&g, mem, B3PR_ACCESS_LOAD, &f);
	EXPECT_EQ(RPN_M | 2 | 0x100, hpte_get_r(PTEG));
}

/* ISA 5.7.8: a store sets R and C (dw1 bit 56, 0x80). */
TEST(mmu64_store_sets_r_and_c)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, 0, RPN_M | 2);
	struct b3pr_interrupt f;

	access(&g, mem, B3PR_ACCESS_STORE, &f);
	EXPECT_EQ(RPN_M | 2 | 0x180, hpte_get_r(PTEG));
}

/* ISA 5.7.8: a fetch sets R. */
TEST(mmu64_fetch_sets_r)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, 0, RPN_M | 2);
	struct b3pr_interrupt f;

	access(&g, mem, B3PR_ACCESS_FETCH, &f);
	EXPECT_EQ(RPN_M | 2 | 0x100, hpte_get_r(PTEG));
}

/* A refused store records nothing (neither R nor C). */
TEST(mmu64_fault_sets_no_rc)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, 0, RPN_M | 3);
	struct b3pr_interrupt f;

	access(&g, mem, B3PR_ACCESS_STORE, &f);
	EXPECT_EQ(RPN_M | 3, hpte_get_r(PTEG));
}

/* R/C updates leave the first doubleword alone. */
TEST(mmu64_rc_update_keeps_dw0)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, 0, RPN_M | 2);
	struct b3pr_interrupt f;
	u64 raw;

	access(&g, mem, B3PR_ACCESS_STORE, &f);
	memcpy(&raw, test_mem_ptr(PTEG), 8);
	EXPECT_EQ(HPTE_V, be64_to_cpu(raw));
}

/* R in the secondary PTEG's HPTE (0x12cc80, see test_mmu64.c). */
TEST(mmu64_rc_update_in_secondary_hpte)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = base(&g, 0, RPN_M | 2);
	struct b3pr_interrupt f;

	hpte_put(PTEG, 0, 0);
	hpte_put(0x12cc80ULL + 16, HPTE_V | B3PR_HPTE_V_H, RPN_M | 2);
	access(&g, mem, B3PR_ACCESS_STORE, &f);
	EXPECT_EQ(RPN_M | 2 | 0x180, hpte_get_r(0x12cc80ULL + 16));
}
