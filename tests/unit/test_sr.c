// SPDX-License-Identifier: GPL-2.0
/*
 * mfsr, mfsrin, mtsr, mtsrin (PEM chapter 8; supervisor-level), and on
 * the 970 the SLB "bridge" (PowerPC Book III v2.01, "Bridge to SLB
 * Architecture"). Power ISA 2.03 and later (POWER7/8) have no such
 * instructions: illegal.
 *
 * Encodings (X-form, opcode 31):
 *   mtsr   SR,RS: 31 | RS << 21 | SR << 16 | 210 << 1
 *   mtsrin RS,RB: 31 | RS << 21 | RB << 11 | 242 << 1
 *   mfsr   RT,SR: 31 | RT << 21 | SR << 16 | 595 << 1
 *   mfsrin RT,RB: 31 | RT << 21 | RB << 11 | 659 << 1
 */
#include "runner.h"
#include "b3pr/cpu.h"
#include "b3pr/emulate.h"
#include "b3pr/guest_state.h"
#include "b3pr/msr.h"

#define PVR_750		0x00083214u
#define PVR_7400	0x000c0209u
#define PVR_7455	0x80010201u
#define PVR_POWER8	0x004d0200u
#define PVR_970		0x00390000u

/* 0x7c000000 | 3 << 21 | 5 << 16 | 0x1a4 */
#define MTSR_5_R3	0x7c6501a4u
/* 0x7c000000 | 4 << 21 | 7 << 16 | 0x4a6 */
#define MFSR_R4_7	0x7c8704a6u
/* 0x7c000000 | 3 << 21 | 4 << 11 | 0x1e4 */
#define MTSRIN_R3_R4	0x7c6021e4u
/* 0x7c000000 | 5 << 21 | 6 << 11 | 0x526 */
#define MFSRIN_R5_R6	0x7ca03526u

struct sr_fix {
	struct b3pr_guest_state g;
	struct b3pr_emul e;
};

static void sr_init(struct sr_fix *t, u32 pvr, u32 insn)
{
	memset(t, 0, sizeof(*t));
	b3pr_guest_set_pvr(&t->g, pvr);
	t->g.msr = B3PR_MSR_IR | B3PR_MSR_DR;
	t->g.pc = 0x1000;
	t->e.g = &t->g;
	t->e.insn = insn;
}

/* PEM 8 mtsr: SR[SR] <- (rS); the host must refresh its shadow segment. */
TEST(sr_mtsr_writes_segment_register)
{
	struct sr_fix t;

	sr_init(&t, PVR_750, MTSR_5_R3);
	t.g.gpr[3] = 0x60abcdef;
	EXPECT_EQ(B3PR_NEEDS_HOST, b3pr_emul_mtsr(&t.e));
	EXPECT_EQ(0x60abcdef, t.g.sr[5]);
	EXPECT_EQ(B3PR_HOST_SR_CHANGED, t.e.host);
	EXPECT_EQ(5, t.e.arg0);
	EXPECT_EQ(0x1004, t.g.pc);
}

/* Only SR5 changes. */
TEST(sr_mtsr_leaves_other_segment_registers)
{
	struct sr_fix t;
	unsigned int i;

	sr_init(&t, PVR_750, MTSR_5_R3);
	t.g.gpr[3] = 0x12345678;
	b3pr_emul_mtsr(&t.e);
	for (i = 0; i < 16; i++)
		if (i != 5)
			EXPECT_EQ(0, t.g.sr[i]);
}

/* A 32-bit register: only the low word of the GPR image is stored. */
TEST(sr_mtsr_stores_low_32_bits)
{
	struct sr_fix t;

	sr_init(&t, PVR_750, MTSR_5_R3);
	t.g.gpr[3] = 0xffffffff00000123ull;
	b3pr_emul_mtsr(&t.e);
	EXPECT_EQ(0x123, t.g.sr[5]);
}

/* PEM 8 mtsrin: the SR is (rB)[0:3]; rB = 0xe0001000 selects SR14. */
TEST(sr_mtsrin_selects_sr_from_rb_top_bits)
{
	struct sr_fix t;

	sr_init(&t, PVR_750, MTSRIN_R3_R4);
	t.g.gpr[3] = 0x20000777;
	t.g.gpr[4] = 0xe0001000;
	EXPECT_EQ(B3PR_NEEDS_HOST, b3pr_emul_mtsrin(&t.e));
	EXPECT_EQ(0x20000777, t.g.sr[14]);
	EXPECT_EQ(B3PR_HOST_SR_CHANGED, t.e.host);
	EXPECT_EQ(14, t.e.arg0);
	EXPECT_EQ(0x1004, t.g.pc);
}

/* PEM 8 mfsr: rD <- SR[SR]. */
TEST(sr_mfsr_reads_segment_register)
{
	struct sr_fix t;

	sr_init(&t, PVR_750, MFSR_R4_7);
	t.g.sr[7] = 0xa0fedcba;
	t.g.gpr[4] = 0xdeadbeefdeadbeefull;
	EXPECT_EQ(B3PR_CONTINUE, b3pr_emul_mfsr(&t.e));
	EXPECT_EQ(0xa0fedcba, t.g.gpr[4]);
	EXPECT_EQ(0x1004, t.g.pc);
}

/* PEM 8 mfsrin: rD <- SR[(rB)[0:3]]; rB = 0x3fffffff selects SR3. */
TEST(sr_mfsrin_selects_sr_from_rb_top_bits)
{
	struct sr_fix t;

	sr_init(&t, PVR_750, MFSRIN_R5_R6);
	t.g.sr[3] = 0x00c0ffee;
	t.g.gpr[6] = 0x3fffffff;
	EXPECT_EQ(B3PR_CONTINUE, b3pr_emul_mfsrin(&t.e));
	EXPECT_EQ(0x00c0ffee, t.g.gpr[5]);
	EXPECT_EQ(0x1004, t.g.pc);
}

/* mtsr then mfsr round-trips on every 32-bit family. */
TEST(sr_round_trip_on_750_7400_7455)
{
	static const u32 pvrs[] = { PVR_750, PVR_7400, PVR_7455 };
	struct sr_fix t;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pvrs); i++) {
		sr_init(&t, pvrs[i], MTSR_5_R3);
		t.g.gpr[3] = 0x70000042;
		EXPECT_EQ(B3PR_NEEDS_HOST, b3pr_emul_mtsr(&t.e));
		t.e.insn = 0x7c8504a6u;		/* mfsr r4,5 */
		EXPECT_EQ(B3PR_CONTINUE, b3pr_emul_mfsr(&t.e));
		EXPECT_EQ(0x70000042, t.g.gpr[4]);
	}
}

/*
 * PEM 8: the four are supervisor-level. In problem state: program
 * interrupt, SRR1[13] (privileged, bit 45 of 64), nothing changed.
 */
TEST(sr_mtsr_in_problem_state_is_privileged)
{
	struct sr_fix t;

	sr_init(&t, PVR_750, MTSR_5_R3);
	t.g.msr |= B3PR_MSR_PR;
	t.g.gpr[3] = 0x1234;
	EXPECT_EQ(B3PR_DELIVER, b3pr_emulate(&t.e));
	EXPECT_EQ(0x700, t.e.irq.vector);
	EXPECT_EQ(0x40000ull, t.e.irq.srr1_bits);
	EXPECT_EQ(0, t.g.sr[5]);
	EXPECT_EQ(0x1000, t.g.pc);
}

TEST(sr_mtsrin_in_problem_state_is_privileged)
{
	struct sr_fix t;

	sr_init(&t, PVR_750, MTSRIN_R3_R4);
	t.g.msr |= B3PR_MSR_PR;
	t.g.gpr[3] = 0x1234;
	EXPECT_EQ(B3PR_DELIVER, b3pr_emulate(&t.e));
	EXPECT_EQ(0x40000ull, t.e.irq.srr1_bits);
	EXPECT_EQ(0, t.g.sr[0]);
}

TEST(sr_mfsr_in_problem_state_is_privileged)
{
	struct sr_fix t;

	sr_init(&t, PVR_750, MFSR_R4_7);
	t.g.msr |= B3PR_MSR_PR;
	t.g.sr[7] = 0x55;
	t.g.gpr[4] = 0x99;
	EXPECT_EQ(B3PR_DELIVER, b3pr_emulate(&t.e));
	EXPECT_EQ(0x40000ull, t.e.irq.srr1_bits);
	EXPECT_EQ(0x99, t.g.gpr[4]);
	EXPECT_EQ(0x1000, t.g.pc);
}

TEST(sr_mfsrin_in_problem_state_is_privileged)
{
	struct sr_fix t;

	sr_init(&t, PVR_750, MFSRIN_R5_R6);
	t.g.msr |= B3PR_MSR_PR;
	EXPECT_EQ(B3PR_DELIVER, b3pr_emulate(&t.e));
	EXPECT_EQ(0x40000ull, t.e.irq.srr1_bits);
}

/* The decoder table sends the four encodings to these handlers. */
TEST(sr_decoder_dispatches_all_four)
{
	struct sr_fix t;

	sr_init(&t, PVR_750, MTSR_5_R3);
	t.g.gpr[3] = 0x11;
	EXPECT_EQ(B3PR_NEEDS_HOST, b3pr_emulate(&t.e));
	EXPECT_EQ(0x11, t.g.sr[5]);
	t.e.insn = MTSRIN_R3_R4;
	t.g.gpr[4] = 0x90000000;
	EXPECT_EQ(B3PR_NEEDS_HOST, b3pr_emulate(&t.e));
	EXPECT_EQ(0x11, t.g.sr[9]);
	t.e.insn = MFSR_R4_7;
	t.g.sr[7] = 0x77;
	EXPECT_EQ(B3PR_CONTINUE, b3pr_emulate(&t.e));
	EXPECT_EQ(0x77, t.g.gpr[4]);
	t.e.insn = MFSRIN_R5_R6;
	t.g.gpr[6] = 0x50000000;
	t.g.sr[5] = 0x55;
	EXPECT_EQ(B3PR_CONTINUE, b3pr_emulate(&t.e));
	EXPECT_EQ(0x55, t.g.gpr[5]);
	EXPECT_EQ(0x1010, t.g.pc);
}

/*
 * POWER8 (Power ISA 2.07) has no segment registers and no bridge: each of
 * the four is an illegal instruction, SRR1[12] (bit 44 of 64: 0x80000),
 * even in problem state.
 */
TEST(sr_all_four_illegal_on_power8)
{
	static const u32 insns[] = {
		MTSR_5_R3, MTSRIN_R3_R4, MFSR_R4_7, MFSRIN_R5_R6
	};
	struct sr_fix t;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(insns); i++) {
		sr_init(&t, PVR_POWER8, insns[i]);
		EXPECT_EQ(B3PR_DELIVER, b3pr_emulate(&t.e));
		EXPECT_EQ(0x700, t.e.irq.vector);
		EXPECT_EQ(0x80000ull, t.e.irq.srr1_bits);
		EXPECT_EQ(0x1000, t.g.pc);
		t.g.msr |= B3PR_MSR_PR;
		EXPECT_EQ(B3PR_DELIVER, b3pr_emulate(&t.e));
		EXPECT_EQ(0x80000ull, t.e.irq.srr1_bits);
	}
}

/*
 * 970 bridge mtsr 5,r3 with RS = 0x60012345 (Ks = 1, Kp = 1, N = 0,
 * L = 0, VSID 0x12345). SLB entry 5: ESID = 5 (5 << 28), V (bit 36 =
 * 1 << 27), index 5: 0x58000005. VSID word: 0x12345 << 12 | Ks (bit 52,
 * 1 << 11) | Kp (bit 53, 1 << 10) = 0x12345c00.
 */
TEST(sr_970_mtsr_writes_slb_entry)
{
	struct sr_fix t;

	sr_init(&t, PVR_970, MTSR_5_R3);
	t.g.gpr[3] = 0x60012345;
	EXPECT_EQ(B3PR_NEEDS_HOST, b3pr_emul_mtsr(&t.e));
	EXPECT_EQ(0x58000005ull, t.g.slb[5].esid);
	EXPECT_EQ(0x12345c00ull, t.g.slb[5].vsid);
	EXPECT_EQ(B3PR_HOST_SLB_CHANGED, t.e.host);
	EXPECT_EQ(5, t.e.arg0);
	EXPECT_EQ(0x1004, t.g.pc);
}

/* N = RS bit 35 -> SLB bit 54 (1 << 9); L = RS bit 36 -> bit 55 (1 << 8). */
TEST(sr_970_mtsr_n_and_l_bits)
{
	struct sr_fix t;

	sr_init(&t, PVR_970, MTSR_5_R3);
	t.g.gpr[3] = 0x10000001;
	b3pr_emul_mtsr(&t.e);
	EXPECT_EQ(0x1200ull, t.g.slb[5].vsid);
	t.g.gpr[3] = 0x08000001;
	b3pr_emul_mtsr(&t.e);
	EXPECT_EQ(0x1100ull, t.g.slb[5].vsid);
}

/* RS bits 0:32 (the upper word and T) do not reach the SLB entry. */
TEST(sr_970_mtsr_ignores_rs_upper_bits)
{
	struct sr_fix t;

	sr_init(&t, PVR_970, MTSR_5_R3);
	t.g.gpr[3] = 0xffffffff80000001ull;
	b3pr_emul_mtsr(&t.e);
	EXPECT_EQ(0x1000ull, t.g.slb[5].vsid);
}

/* mtsrin on the 970: entry (RB)32:35 = 0xc: ESID 0xc, index 12. */
TEST(sr_970_mtsrin_selects_entry_from_rb)
{
	struct sr_fix t;

	sr_init(&t, PVR_970, MTSRIN_R3_R4);
	t.g.gpr[3] = 0x00000042;
	t.g.gpr[4] = 0x00000000c0000000ull;
	EXPECT_EQ(B3PR_NEEDS_HOST, b3pr_emul_mtsrin(&t.e));
	/* 0xc << 28 | 1 << 27 | 12 = 0xc800000c */
	EXPECT_EQ(0xc800000cull, t.g.slb[12].esid);
	EXPECT_EQ(0x42000ull, t.g.slb[12].vsid);
	EXPECT_EQ(12, t.e.arg0);
}

/*
 * 970 bridge mfsr: RT 33:35 = Ks Kp N, 36 = L, 37:63 = VSID 25:51. SLB 7
 * VSID word 0x0abcd000 | Kp (1 << 10) | N (1 << 9) gives
 * 0x20000000 | 0x10000000 | 0xabcd = 0x3000abcd.
 */
TEST(sr_970_mfsr_reads_slb_entry)
{
	struct sr_fix t;

	sr_init(&t, PVR_970, MFSR_R4_7);
	t.g.slb[7].vsid = 0x0abcd600ull;
	EXPECT_EQ(B3PR_CONTINUE, b3pr_emul_mfsr(&t.e));
	EXPECT_EQ(0x3000abcdull, t.g.gpr[4]);
	EXPECT_EQ(0x1004, t.g.pc);
}

/* What mtsr writes, mfsrin reads back (RB = 0x30000000: entry 3). */
TEST(sr_970_round_trip)
{
	struct sr_fix t;

	sr_init(&t, PVR_970, 0x7c6301a4u);	/* mtsr 3,r3 */
	t.g.gpr[3] = 0x7fffffff;
	b3pr_emul_mtsr(&t.e);
	t.e.insn = MFSRIN_R5_R6;
	t.g.gpr[6] = 0x30000000;
	EXPECT_EQ(B3PR_CONTINUE, b3pr_emul_mfsrin(&t.e));
	EXPECT_EQ(0x7fffffffull, t.g.gpr[5]);
}

/* The 970 bridge instructions are privileged too. */
TEST(sr_970_mtsr_in_problem_state_is_privileged)
{
	struct sr_fix t;

	sr_init(&t, PVR_970, MTSR_5_R3);
	t.g.msr |= B3PR_MSR_PR;
	t.g.gpr[3] = 0x1;
	EXPECT_EQ(B3PR_DELIVER, b3pr_emulate(&t.e));
	EXPECT_EQ(0x40000ull, t.e.irq.srr1_bits);
	EXPECT_EQ(0ull, t.g.slb[5].esid);
}
