// SPDX-License-Identifier: GPL-2.0
/*
 * TLB management instructions (Power ISA Book III-S v2.07 5.9.3.7-10;
 * 970: ISA 2.01 tlbie RB,L; 32-bit CPUs: PEM 8 tlbie, tlbia, tlbsync).
 * There is no guest TLB: they become host requests.
 */
#include "test_mmu64_fixture.h"

#define TLBIE		x_insn(306, 0, 0, 6)	/* tlbie r6 */
#define TLBIE_L		x_insn(306, 1, 0, 6)	/* 970: tlbie r6,1 */
#define TLBIEL		x_insn(274, 0, 0, 6)	/* tlbiel r6 */
#define TLBIA		x_insn(370, 0, 0, 0)
#define TLBSYNC		x_insn(566, 0, 0, 0)

#define PRIV		(1ULL << (63 - 45))
#define ILLEGAL		(1ULL << (63 - 44))

static enum b3pr_outcome run(struct b3pr_guest_state *g,
			     const struct b3pr_guest_mem *mem, u32 insn,
			     struct b3pr_emul *e)
{
	*e = emul_for(g, mem, insn);
	return b3pr_emulate(e);
}

/* tlbie: the host gets RB as is; 4 KB page (RB L=0): arg1 = 0. */
TEST(tlb_tlbie_4k_passes_rb)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.gpr[6] = 0x0000123456789000ULL;
	EXPECT_EQ(B3PR_NEEDS_HOST, run(&g, mem, TLBIE, &e));
	EXPECT_EQ(B3PR_HOST_TLB_INVALIDATE, e.host);
	EXPECT_EQ(0x0000123456789000ULL, e.arg0);
	EXPECT_EQ(0, e.arg1);
	EXPECT_EQ(0x4004, g.pc);
}

/* ISA 2.06+ (POWER7/8): L is RB bit 63. */
TEST(tlb_tlbie_power8_l_from_rb)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.gpr[6] = 0x0000123456001001ULL;	/* 64 KB: LP 0x1, L=1 */
	run(&g, mem, TLBIE, &e);
	EXPECT_EQ(1, e.arg1);
}

/* ... and the old instruction L field (bit 10) is not L there. */
TEST(tlb_tlbie_power8_ignores_insn_l)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.gpr[6] = 0x0000123456789000ULL;
	run(&g, mem, TLBIE_L, &e);
	EXPECT_EQ(0, e.arg1);
}

/* ISA 2.01 (970): tlbie RB,L with L in instruction bit 10. */
TEST(tlb_tlbie_970_l_from_insn)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_970);
	struct b3pr_emul e;

	g.gpr[6] = 0x0000123456000000ULL;
	run(&g, mem, TLBIE_L, &e);
	EXPECT_EQ(1, e.arg1);
}

/* ... and RB bit 63 is not L on the 970. */
TEST(tlb_tlbie_970_ignores_rb_l)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_970);
	struct b3pr_emul e;

	g.gpr[6] = 0x0000123456789001ULL;
	run(&g, mem, TLBIE, &e);
	EXPECT_EQ(0, e.arg1);
}

/* PEM 8: the 750 has tlbie RB (EA), no L. */
TEST(tlb_tlbie_750)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_750);
	struct b3pr_emul e;

	g.msr = 0;
	g.gpr[6] = 0x12345000;
	EXPECT_EQ(B3PR_NEEDS_HOST, run(&g, mem, TLBIE, &e));
	EXPECT_EQ(0x12345000, e.arg0);
	EXPECT_EQ(0, e.arg1);
}

TEST(tlb_tlbie_problem_state_is_priv)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.msr |= B3PR_MSR_PR;
	EXPECT_EQ(B3PR_DELIVER, run(&g, mem, TLBIE, &e));
	EXPECT_EQ(0x700, e.irq.vector);
	EXPECT_EQ(PRIV, e.irq.srr1_bits);
	EXPECT_EQ(0x4000, g.pc);
}

/* tlbiel by VA: as tlbie, IS = 0. */
TEST(tlb_tlbiel_by_va)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.gpr[6] = 0x0000123456789000ULL;
	EXPECT_EQ(B3PR_NEEDS_HOST, run(&g, mem, TLBIEL, &e));
	EXPECT_EQ(B3PR_HOST_TLB_INVALIDATE, e.host);
	EXPECT_EQ(0x0000123456789000ULL, e.arg0);
	EXPECT_EQ(0, e.arg1);
}

/* POWER7/8 tlbiel RB 52:53 = IS; 0b11 (0xc00) = a whole set: arg1 = 3 << 1. */
TEST(tlb_tlbiel_is_field)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.gpr[6] = (5ULL << 12) | 0xc00;
	run(&g, mem, TLBIEL, &e);
	EXPECT_EQ(6, e.arg1);
}

/* The 970's tlbiel has no IS field. */
TEST(tlb_tlbiel_970_has_no_is)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_970);
	struct b3pr_emul e;

	g.gpr[6] = 0xc00;
	run(&g, mem, TLBIEL, &e);
	EXPECT_EQ(0, e.arg1);
}

TEST(tlb_tlbiel_problem_state_is_priv)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.msr |= B3PR_MSR_PR;
	EXPECT_EQ(B3PR_DELIVER, run(&g, mem, TLBIEL, &e));
	EXPECT_EQ(PRIV, e.irq.srr1_bits);
}

/* tlbia exists on the 970: invalidate everything. */
TEST(tlb_tlbia_970_invalidates_all)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_970);
	struct b3pr_emul e;

	EXPECT_EQ(B3PR_NEEDS_HOST, run(&g, mem, TLBIA, &e));
	EXPECT_EQ(B3PR_HOST_TLB_INVALIDATE_ALL, e.host);
	EXPECT_EQ(0x4004, g.pc);
}

/* ... and on the 32-bit CPUs (PEM 8, tlbia). */
TEST(tlb_tlbia_750_invalidates_all)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_750);
	struct b3pr_emul e;

	g.msr = 0;
	EXPECT_EQ(B3PR_NEEDS_HOST, run(&g, mem, TLBIA, &e));
	EXPECT_EQ(B3PR_HOST_TLB_INVALIDATE_ALL, e.host);
}

/* POWER7/8 do not implement tlbia: illegal instruction, even privileged. */
TEST(tlb_tlbia_power8_is_illegal)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	EXPECT_EQ(B3PR_DELIVER, run(&g, mem, TLBIA, &e));
	EXPECT_EQ(ILLEGAL, e.irq.srr1_bits);
}

TEST(tlb_tlbia_problem_state_is_priv)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_970);
	struct b3pr_emul e;

	g.msr |= B3PR_MSR_PR;
	EXPECT_EQ(B3PR_DELIVER, run(&g, mem, TLBIA, &e));
	EXPECT_EQ(PRIV, e.irq.srr1_bits);
}

/* tlbsync: nothing outstanding in emulation; step past it. */
TEST(tlb_tlbsync_continues)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	EXPECT_EQ(B3PR_CONTINUE, run(&g, mem, TLBSYNC, &e));
	EXPECT_EQ(0x4004, g.pc);
}

TEST(tlb_tlbsync_problem_state_is_priv)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.msr |= B3PR_MSR_PR;
	EXPECT_EQ(B3PR_DELIVER, run(&g, mem, TLBSYNC, &e));
	EXPECT_EQ(PRIV, e.irq.srr1_bits);
}

/* 32-bit mode: the next instruction address wraps at 4 GB (Book I 1.10.3). */
TEST(tlb_tlbsync_pc_wraps_in_32bit_mode)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.msr &= ~B3PR_MSR_SF;
	g.pc = 0xfffffffcULL;
	run(&g, mem, TLBSYNC, &e);
	EXPECT_EQ(0, g.pc);
}
