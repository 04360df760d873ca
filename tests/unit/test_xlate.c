// SPDX-License-Identifier: GPL-2.0
/*
 * b3pr_xlate(): real addressing (Power ISA Book III-S v2.07 5.7.3, for a
 * guest that believes it is the hypervisor; PEM 5.2 for 32-bit CPUs) and
 * the dispatch on MSR[IR] (fetches) / MSR[DR] (loads, stores).
 */
#include "test_mmu64_fixture.h"

static enum b3pr_xlate_result xl(struct b3pr_guest_state *g,
				 const struct b3pr_guest_mem *mem, u64 ea,
				 enum b3pr_access acc, struct b3pr_xlate *x,
				 struct b3pr_interrupt *f)
{
	memset(x, 0, sizeof(*x));
	memset(f, 0, sizeof(*f));
	return b3pr_xlate(g, mem, ea, acc, x, f);
}

/* ISA 5.7.3: hypervisor real mode ignores EA bits 0:3. */
TEST(xlate_real_mode_ignores_top_4_bits)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.msr &= ~B3PR_MSR_DR;
	EXPECT_EQ(B3PR_XLATE_OK, xl(&g, mem, 0xc000000000012345ULL,
				    B3PR_ACCESS_LOAD, &x, &f));
	EXPECT_EQ(0x12345ULL, x.gpa);
	EXPECT_TRUE(x.real_mode);
}

/* ISA 5.7.3: EA bit 4 is an address bit and stays. */
TEST(xlate_real_mode_keeps_bit_4)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.msr &= ~B3PR_MSR_DR;
	xl(&g, mem, 0xf800000000000000ULL, B3PR_ACCESS_STORE, &x, &f);
	EXPECT_EQ(0x0800000000000000ULL, x.gpa);
}

/* ISA 5.7.2: MSR[SF]=0 truncates the EA to 32 bits, in real mode too. */
TEST(xlate_real_mode_sf0_truncates)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.msr &= ~(B3PR_MSR_DR | B3PR_MSR_SF);
	xl(&g, mem, 0x0000000500001234ULL, B3PR_ACCESS_LOAD, &x, &f);
	EXPECT_EQ(0x1234ULL, x.gpa);
}

/* Real mode: one 4 KB page keyed by EA >> 12; any access allowed. */
TEST(xlate_real_mode_page_and_rights)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.msr &= ~B3PR_MSR_DR;
	xl(&g, mem, 0x123456ULL, B3PR_ACCESS_LOAD, &x, &f);
	EXPECT_EQ(0x123ULL, x.vpn);
	EXPECT_EQ(12, x.page_shift);
	EXPECT_TRUE(x.may_write);
	EXPECT_TRUE(x.may_exec);
}

/* ISA 5.7.3.3: real mode data: memory coherence required, guarded (M G). */
TEST(xlate_real_mode_data_wimg)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.msr &= ~B3PR_MSR_DR;
	xl(&g, mem, 0x1000ULL, B3PR_ACCESS_LOAD, &x, &f);
	EXPECT_EQ(0x3, x.wimg);
}

/* ISA 5.7.3.3: real mode fetches are not guarded: M only. */
TEST(xlate_real_mode_fetch_wimg)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.msr &= ~B3PR_MSR_IR;
	xl(&g, mem, 0x1000ULL, B3PR_ACCESS_FETCH, &x, &f);
	EXPECT_EQ(0x2, x.wimg);
}

/* MSR[IR] governs fetches: IR=0 DR=1 fetch is real (no SLB needed). */
TEST(xlate_ir_off_fetch_is_real)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.msr &= ~B3PR_MSR_IR;
	EXPECT_EQ(B3PR_XLATE_OK, xl(&g, mem, 0x5000ULL, B3PR_ACCESS_FETCH, &x,
				    &f));
	EXPECT_EQ(0x5000ULL, x.gpa);
}

/* ... and does not govern data: IR=0 DR=1 load without SLB -> DSegI. */
TEST(xlate_ir_off_load_is_translated)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.msr &= ~B3PR_MSR_IR;
	EXPECT_EQ(B3PR_XLATE_FAULT, xl(&g, mem, 0x5000ULL, B3PR_ACCESS_LOAD,
				       &x, &f));
	EXPECT_EQ(0x380, f.vector);
}

/* MSR[DR]=0 IR=1: a fetch is translated (no SLB -> ISegI). */
TEST(xlate_dr_off_fetch_is_translated)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.msr &= ~B3PR_MSR_DR;
	EXPECT_EQ(B3PR_XLATE_FAULT, xl(&g, mem, 0x5000ULL, B3PR_ACCESS_FETCH,
				       &x, &f));
	EXPECT_EQ(0x480, f.vector);
}

/*
 * Translation on, 64-bit CPU: the SLB/HPT walk. SLB 0 ESID 0 VSID 0x7,
 * EA 0x3000: page 3, hash 7 ^ 3 = 4, PTEG 0x100000 | 4 << 7 = 0x100200;
 * AVA = 0x7 << 5 = 0xe0, dw0 = 0xe0 << 7 | V = 0x7001.
 */
TEST(xlate_translated_uses_mmu64)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_970);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.slb[0].esid = B3PR_SLB_V;
	g.slb[0].vsid = 0x7ULL << 12;
	hpte_put(0x100200ULL, 0x7001ULL, 0x9000ULL | 0x12);
	EXPECT_EQ(B3PR_XLATE_OK, xl(&g, mem, 0x3abcULL, B3PR_ACCESS_LOAD, &x,
				    &f));
	EXPECT_EQ(0x9abcULL, x.gpa);
	EXPECT_FALSE(x.real_mode);
}

/* PEM 5.2: 32-bit CPUs in real mode: the real address is the EA. */
TEST(xlate_32bit_real_mode_ea_is_ra)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_750);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.msr = 0;
	EXPECT_EQ(B3PR_XLATE_OK, xl(&g, mem, 0xf0001234ULL, B3PR_ACCESS_LOAD,
				    &x, &f));
	EXPECT_EQ(0xf0001234ULL, x.gpa);
	EXPECT_TRUE(x.real_mode);
}

/*
 * PEM 7.4/7.6: a 32-bit CPU with DR=1 goes through its BATs and segment
 * registers: no BAT, SR 0 = VSID 0, an all-zero HTAB at 0 -> DSI with
 * DSISR[1] (no PTE). Depends on b3pr_mmu32_xlate (32-bit MMU helper).
 */
TEST(xlate_32bit_translated_uses_mmu32)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_750);
	struct b3pr_xlate x;
	struct b3pr_interrupt f;

	g.msr = B3PR_MSR_DR;
	g.sdr1 = 0;
	EXPECT_EQ(B3PR_XLATE_FAULT, xl(&g, mem, 0x00001234ULL,
				       B3PR_ACCESS_LOAD, &x, &f));
	EXPECT_EQ(0x300, f.vector);
	EXPECT_EQ(0x40000000, f.dsisr);
}
