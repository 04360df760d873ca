// SPDX-License-Identifier: GPL-2.0
/*
 * SLB management instructions (Power ISA Book III-S v2.07 5.9.3.1-6),
 * run through the decoder as the guest would execute them.
 */
#include "test_mmu64_fixture.h"

#define SLBMTE		x_insn(402, 5, 0, 6)	/* slbmte r5,r6 */
#define SLBIE		x_insn(434, 0, 0, 6)	/* slbie r6 */
#define SLBIA		x_insn(498, 0, 0, 0)
#define SLBMFEE		x_insn(915, 7, 0, 6)	/* slbmfee r7,r6 */
#define SLBMFEV		x_insn(851, 7, 0, 6)	/* slbmfev r7,r6 */
#define SLBFEE		(x_insn(979, 7, 0, 6) | 1)	/* slbfee. r7,r6 */

#define PRIV		(1ULL << (63 - 45))	/* SRR1[45], ISA 6.5.9 */
#define ILLEGAL		(1ULL << (63 - 44))	/* SRR1[44] */

/* RS: VSID 0x123, Ks, N; RB: ESID 0x1, V, index 3. */
#define RS_VAL		((0x123ULL << 12) | B3PR_SLB_KS | B3PR_SLB_N)
#define RB_VAL		(0x10000000ULL | B3PR_SLB_V | 3)

static enum b3pr_outcome run(struct b3pr_guest_state *g,
			     const struct b3pr_guest_mem *mem, u32 insn,
			     struct b3pr_emul *e)
{
	*e = emul_for(g, mem, insn);
	return b3pr_emulate(e);
}

/* ISA 5.9.3.1: slbmte writes entry RB(52:63) from RS and RB. */
TEST(slb_slbmte_writes_entry)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.gpr[5] = RS_VAL;
	g.gpr[6] = RB_VAL;
	EXPECT_EQ(B3PR_NEEDS_HOST, run(&g, mem, SLBMTE, &e));
	EXPECT_EQ(RB_VAL, g.slb[3].esid);
	EXPECT_EQ(RS_VAL, g.slb[3].vsid);
}

/* The host is told which entry changed; the PC moves past slbmte. */
TEST(slb_slbmte_requests_host_and_advances)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.gpr[5] = RS_VAL;
	g.gpr[6] = RB_VAL;
	run(&g, mem, SLBMTE, &e);
	EXPECT_EQ(B3PR_HOST_SLB_CHANGED, e.host);
	EXPECT_EQ(3, e.arg0);
	EXPECT_EQ(0x4004, g.pc);
}

/* ISA 5.9.3.1: reserved RB bits 37:51 and RS bits 57, 60:63 are not kept. */
TEST(slb_slbmte_drops_reserved_bits)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.gpr[5] = RS_VAL | 0x4fULL;		/* bits 57, 60:63 */
	g.gpr[6] = RB_VAL | 0x7fff000ULL;	/* bits 37:51 */
	run(&g, mem, SLBMTE, &e);
	EXPECT_EQ(RB_VAL, g.slb[3].esid);
	EXPECT_EQ(RS_VAL, g.slb[3].vsid);
}

/*
 * ISA 5.9.3.1: an index beyond the SLB is boundedly undefined; b3pr
 * writes nothing (POWER8: 32 entries, index 32 is out) and completes.
 */
TEST(slb_slbmte_index_beyond_slb_ignored)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.gpr[5] = RS_VAL;
	g.gpr[6] = 0x10000000ULL | B3PR_SLB_V | 32;
	EXPECT_EQ(B3PR_CONTINUE, run(&g, mem, SLBMTE, &e));
	EXPECT_EQ(0, g.slb[32].esid);
	EXPECT_EQ(0x4004, g.pc);
}

/* 970: no 1 TB segments, no LP field: the CPU lacks B and LP. */
TEST(slb_slbmte_970_drops_b_and_lp)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_970);
	struct b3pr_emul e;

	g.gpr[5] = B3PR_SLB_B_1T | RS_VAL | B3PR_SLB_L | B3PR_SLB_LP_64K;
	g.gpr[6] = RB_VAL;
	run(&g, mem, SLBMTE, &e);
	EXPECT_EQ(RS_VAL | B3PR_SLB_L, g.slb[3].vsid);
}

/* ISA 5.9.3: slbmte is privileged. */
TEST(slb_slbmte_problem_state_is_priv)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.msr |= B3PR_MSR_PR;
	g.gpr[5] = RS_VAL;
	g.gpr[6] = RB_VAL;
	EXPECT_EQ(B3PR_DELIVER, run(&g, mem, SLBMTE, &e));
	EXPECT_EQ(0x700, e.irq.vector);
	EXPECT_EQ(PRIV, e.irq.srr1_bits);
	EXPECT_EQ(0, g.slb[3].esid);
	EXPECT_EQ(0x4000, g.pc);
}

/* PEM: 32-bit CPUs have no SLB: slbmte is an illegal instruction. */
TEST(slb_slbmte_32bit_cpu_is_illegal)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_750);
	struct b3pr_emul e;

	g.msr = 0;
	EXPECT_EQ(B3PR_DELIVER, run(&g, mem, SLBMTE, &e));
	EXPECT_EQ(ILLEGAL, e.irq.srr1_bits);
}

/* An entry written by slbmte translates (SLB 3, ESID 1, VSID 0x123). */
TEST(slb_slbmte_then_segment_found)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.gpr[5] = RS_VAL;
	g.gpr[6] = RB_VAL;
	run(&g, mem, SLBMTE, &e);
	EXPECT_TRUE(b3pr_slb_find(&g, 0x12345678ULL) == &g.slb[3]);
}

static void two_entries(struct b3pr_guest_state *g)
{
	/* 1: 256 MB ESID 0x1; 2: 1 TB ESID 0x1 (EA 0x100_0000_0000) */
	g->slb[1].esid = 0x10000000ULL | B3PR_SLB_V | 1;
	g->slb[1].vsid = 0x123ULL << 12;
	g->slb[2].esid = 0x10000000000ULL | B3PR_SLB_V | 2;
	g->slb[2].vsid = B3PR_SLB_B_1T | (0x45ULL << 24);
}

/* ISA 5.9.3.2: slbie invalidates the entry with RB's ESID and B. */
TEST(slb_slbie_invalidates_256m_entry)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	two_entries(&g);
	/* RB 36:63 are C, B and reserved bits, not an EA offset */
	g.gpr[6] = 0x10000000ULL;	/* ESID 0x1, C=0, B=00 */
	EXPECT_EQ(B3PR_NEEDS_HOST, run(&g, mem, SLBIE, &e));
	EXPECT_FALSE(g.slb[1].esid & B3PR_SLB_V);
	EXPECT_TRUE(g.slb[2].esid & B3PR_SLB_V);
}

/* The host gets the segment's EA (ESID only) and RB's C/B bits. */
TEST(slb_slbie_host_args)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	two_entries(&g);
	g.gpr[6] = 0x10000000ULL | B3PR_SLBIE_C;
	run(&g, mem, SLBIE, &e);
	EXPECT_EQ(B3PR_HOST_SLB_INVALIDATE, e.host);
	EXPECT_EQ(0x10000000ULL, e.arg0);
	EXPECT_EQ(B3PR_SLBIE_C, e.arg1);
	EXPECT_EQ(0x4004, g.pc);
}

/* ISA 5.9.3.2: B=01 in RB (bit 38) selects the 1 TB entry only. */
TEST(slb_slbie_1t_entry)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	two_entries(&g);
	g.gpr[6] = 0x10000000000ULL | (1ULL << (63 - 38));
	run(&g, mem, SLBIE, &e);
	EXPECT_FALSE(g.slb[2].esid & B3PR_SLB_V);
	EXPECT_TRUE(g.slb[1].esid & B3PR_SLB_V);
	EXPECT_EQ(1ULL << (63 - 38), e.arg1);
}

/* ISA 5.9.3.2: B must match: B=00 does not hit the 1 TB entry. */
TEST(slb_slbie_b_must_match)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	two_entries(&g);
	g.gpr[6] = 0x10000000000ULL;
	run(&g, mem, SLBIE, &e);
	EXPECT_TRUE(g.slb[2].esid & B3PR_SLB_V);
}

/* slbie with an ESID no entry has changes no entry. */
TEST(slb_slbie_other_esid_untouched)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	two_entries(&g);
	g.gpr[6] = 0x20000000ULL;
	run(&g, mem, SLBIE, &e);
	EXPECT_TRUE(g.slb[1].esid & B3PR_SLB_V);
	EXPECT_TRUE(g.slb[2].esid & B3PR_SLB_V);
}

TEST(slb_slbie_problem_state_is_priv)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	two_entries(&g);
	g.msr |= B3PR_MSR_PR;
	g.gpr[6] = 0x10000000ULL;
	EXPECT_EQ(B3PR_DELIVER, run(&g, mem, SLBIE, &e));
	EXPECT_EQ(PRIV, e.irq.srr1_bits);
	EXPECT_TRUE(g.slb[1].esid & B3PR_SLB_V);
}

/* ISA 5.9.3.3: slbia invalidates every entry except entry 0. */
TEST(slb_slbia_keeps_entry_0)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	two_entries(&g);
	g.slb[0].esid = B3PR_SLB_V;
	g.slb[31].esid = 0x70000000ULL | B3PR_SLB_V | 31;
	EXPECT_EQ(B3PR_NEEDS_HOST, run(&g, mem, SLBIA, &e));
	EXPECT_EQ(B3PR_HOST_SLB_INVALIDATE_ALL, e.host);
	EXPECT_TRUE(g.slb[0].esid & B3PR_SLB_V);
	EXPECT_FALSE(g.slb[1].esid & B3PR_SLB_V);
	EXPECT_FALSE(g.slb[2].esid & B3PR_SLB_V);
	EXPECT_FALSE(g.slb[31].esid & B3PR_SLB_V);
	EXPECT_EQ(0x4004, g.pc);
}

TEST(slb_slbia_problem_state_is_priv)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	two_entries(&g);
	g.msr |= B3PR_MSR_PR;
	EXPECT_EQ(B3PR_DELIVER, run(&g, mem, SLBIA, &e));
	EXPECT_TRUE(g.slb[1].esid & B3PR_SLB_V);
}

/* ISA 5.9.3.5: slbmfee RT = ESID || V || zeros (no index bits). */
TEST(slb_slbmfee_reads_esid_and_v)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	two_entries(&g);
	g.gpr[6] = 1;
	EXPECT_EQ(B3PR_CONTINUE, run(&g, mem, SLBMFEE, &e));
	EXPECT_EQ(0x10000000ULL | B3PR_SLB_V, g.gpr[7]);
	EXPECT_EQ(0x4004, g.pc);
}

/* ISA 5.9.3.5: the index is RB bits 52:63; higher RB bits are ignored. */
TEST(slb_slbmfee_index_from_low_12_bits)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	two_entries(&g);
	g.gpr[6] = 0xffff000000001000ULL | 1;
	run(&g, mem, SLBMFEE, &e);
	EXPECT_EQ(0x10000000ULL | B3PR_SLB_V, g.gpr[7]);
}

/* ISA 5.9.3.4: slbmfev RT = B || VSID || Ks Kp N L C || 0 || LP || 0000. */
TEST(slb_slbmfev_reads_vsid_half)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	two_entries(&g);
	g.gpr[6] = 2;
	EXPECT_EQ(B3PR_CONTINUE, run(&g, mem, SLBMFEV, &e));
	EXPECT_EQ(B3PR_SLB_B_1T | (0x45ULL << 24), g.gpr[7]);
}

/* Boundedly undefined beyond the SLB: b3pr returns 0. */
TEST(slb_slbmfee_beyond_slb_reads_zero)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.slb[40].esid = B3PR_SLB_V;
	g.gpr[6] = 40;
	g.gpr[7] = 0xdead;
	run(&g, mem, SLBMFEE, &e);
	EXPECT_EQ(0, g.gpr[7]);
}

TEST(slb_slbmfev_beyond_slb_reads_zero)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.slb[32].vsid = 0x1000;
	g.gpr[6] = 32;
	g.gpr[7] = 0xdead;
	run(&g, mem, SLBMFEV, &e);
	EXPECT_EQ(0, g.gpr[7]);
}

TEST(slb_slbmfev_problem_state_is_priv)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.msr |= B3PR_MSR_PR;
	g.gpr[7] = 0xdead;
	EXPECT_EQ(B3PR_DELIVER, run(&g, mem, SLBMFEV, &e));
	EXPECT_EQ(0xdead, g.gpr[7]);
}

TEST(slb_slbmfee_problem_state_is_priv)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.msr |= B3PR_MSR_PR;
	EXPECT_EQ(B3PR_DELIVER, run(&g, mem, SLBMFEE, &e));
	EXPECT_EQ(PRIV, e.irq.srr1_bits);
}

/*
 * ISA 5.9.3.6: slbfee. finds the entry for EA = RB: RT = its slbmfev
 * image, CR0 = 0b0010 (EQ) with XER[SO]=0; CR1..7 unchanged.
 */
TEST(slb_slbfee_found)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	two_entries(&g);
	g.cr = 0xd1234567;
	g.gpr[6] = 0x10000abcdefULL;	/* in the 1 TB segment */
	EXPECT_EQ(B3PR_CONTINUE, run(&g, mem, SLBFEE, &e));
	EXPECT_EQ(B3PR_SLB_B_1T | (0x45ULL << 24), g.gpr[7]);
	EXPECT_EQ(0x21234567, g.cr);
	EXPECT_EQ(0x4004, g.pc);
}

/* ISA 5.9.3.6: no match: RT = 0, CR0 = 0b0000. */
TEST(slb_slbfee_not_found)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	two_entries(&g);
	g.cr = 0xf0000000;
	g.gpr[7] = 0xdead;
	g.gpr[6] = 0x30000000ULL;
	run(&g, mem, SLBFEE, &e);
	EXPECT_EQ(0, g.gpr[7]);
	EXPECT_EQ(0, g.cr);
}

/* ISA 5.9.3.6: CR0[SO] is a copy of XER[SO] (XER bit 32). */
TEST(slb_slbfee_copies_so)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	two_entries(&g);
	g.xer = 0x80000000ULL;
	g.gpr[6] = 0x30000000ULL;
	run(&g, mem, SLBFEE, &e);
	EXPECT_EQ(0x10000000, g.cr);
	g.gpr[6] = 0x12345678ULL;
	run(&g, mem, SLBFEE, &e);
	EXPECT_EQ(0x30000000, g.cr);
}

/* ISA 5.7.2: in 32-bit mode the EA's high-order 32 bits are 0. */
TEST(slb_slbfee_32bit_mode_truncates_ea)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	two_entries(&g);
	g.msr &= ~B3PR_MSR_SF;
	g.gpr[6] = 0xffffffff12345678ULL;
	run(&g, mem, SLBFEE, &e);
	EXPECT_EQ(0x123ULL << 12, g.gpr[7]);
}

/* slbfee. is ISA 2.05: the 970 (ISA 2.01) does not have it. */
TEST(slb_slbfee_970_is_illegal)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_970);
	struct b3pr_emul e;

	EXPECT_EQ(B3PR_DELIVER, run(&g, mem, SLBFEE, &e));
	EXPECT_EQ(ILLEGAL, e.irq.srr1_bits);
}

TEST(slb_slbfee_problem_state_is_priv)
{
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem = mmu64_setup(&g, PVR_POWER8);
	struct b3pr_emul e;

	g.msr |= B3PR_MSR_PR;
	EXPECT_EQ(B3PR_DELIVER, run(&g, mem, SLBFEE, &e));
	EXPECT_EQ(PRIV, e.irq.srr1_bits);
}
