// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt delivery on the 32-bit CPUs (750, 7400, 7455): PEM chapter 6
 * and the MPC7400/7450 manuals, section 4.3.2.
 *
 * The 750 starting MSR, in 64-bit numbering (32-bit bit n = bit n+32):
 *   POW bit 45 (32-bit 13) 0x40000, ILE bit 47 (32-bit 15) 0x10000
 *   EE 0x8000, PR 0x4000, FP 0x2000, ME 0x1000, SE 0x400
 *   IP 0x40, IR 0x20, DR 0x10, PM 0x4, RI 0x2, LE 0x1
 *   MSR = 0x50000 + 0xf000 + 0x400 + 0x77 = 0x5f477
 * SRR1 (PEM 6.4): bits 16:31 (0xffff) from the MSR, 1:4 and 10:15 from
 * the interrupt, others 0: 0x5f477 & 0xffff = 0xf477 (POW, ILE dropped).
 * Handler MSR (PEM 6.4): ME, ILE, IP kept, LE = ILE, the rest 0:
 *   0x1000 | 0x10000 | 0x40 | 0x1 = 0x11041
 * The 7400/7450 also save MSR[VEC] (32-bit bit 6 = bit 38, 0x2000000) in
 * SRR1 and clear it in the handler.
 */
#include "irq_guest.h"

#define M750		0x5f477ULL
#define SRR1_750	0xf477ULL
#define NEW_750		0x11041ULL
#define PC		0x00c01234ULL

static void g750(struct b3pr_guest_state *g)
{
	irq_guest(g, PVR_750, M750, PC);
	g->dar = 0x1111;
	g->dsisr = 0x2222;
}

static void deliver(struct b3pr_guest_state *g, struct b3pr_interrupt irq)
{
	b3pr_deliver_interrupt(g, &irq);
}

/* PEM 6.4.3: DSI, IP=1: 0xfff00300. */
TEST(irq_750_dsi_pc_ip1)
{
	struct b3pr_guest_state g;

	g750(&g);
	deliver(&g, b3pr_irq_dsi(0x4000, B3PR_DSISR_NOPT));
	EXPECT_EQ(0xfff00300, g.pc);
	EXPECT_EQ(PC, g.srr0);
}

/* PEM 6.4: SRR1 = MSR 16:31 only: 0xf477, no POW/ILE. */
TEST(irq_750_srr1_low_half_only)
{
	struct b3pr_guest_state g;

	g750(&g);
	deliver(&g, b3pr_irq_dsi(0x4000, B3PR_DSISR_NOPT));
	EXPECT_EQ(SRR1_750, g.srr1);
}

/* PEM 6.4.3: DAR = EA 0x4000, DSISR = 0x40000000 (bit 1). */
TEST(irq_750_dsi_dar_dsisr)
{
	struct b3pr_guest_state g;

	g750(&g);
	deliver(&g, b3pr_irq_dsi(0x4000, B3PR_DSISR_NOPT));
	EXPECT_EQ(0x4000, g.dar);
	EXPECT_EQ(0x40000000, g.dsisr);
}

/* PEM 6.4: handler MSR = ME|ILE|IP|LE(=ILE) = 0x11041. */
TEST(irq_750_handler_msr_le_from_ile)
{
	struct b3pr_guest_state g;

	g750(&g);
	deliver(&g, b3pr_irq_external());
	EXPECT_EQ(NEW_750, g.msr);
}

/* PEM 6.4: ILE=0 with LE=1 before (0x4f477): handler ME|IP = 0x1040. */
TEST(irq_750_ile0_handler_big_endian)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_750, 0x4f477, PC);
	deliver(&g, b3pr_irq_external());
	EXPECT_EQ(0x1040, g.msr);
}

/* PEM 6.1: IP=0 (0x5f437): DSI at 0x300, handler keeps IP=0: 0x11001. */
TEST(irq_750_ip0_vectors_low)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_750, 0x5f437, PC);
	deliver(&g, b3pr_irq_dsi(0x4000, 0));
	EXPECT_EQ(0x300, g.pc);
	EXPECT_EQ(0x11001, g.msr);
}

/* PEM 6.4.7: trap (32-bit bit 14 = bit 46, 0x20000): SRR1 0x2f477. */
TEST(irq_750_program_trap_srr1)
{
	struct b3pr_guest_state g;

	g750(&g);
	deliver(&g, b3pr_irq_program(B3PR_SRR1_PROG_TRAP));
	EXPECT_EQ(0xfff00700, g.pc);
	EXPECT_EQ(0x2f477, g.srr1);
}

/*
 * PEM 6.4.7: SRR1[13] means "privileged" and is not MSR[POW]: with POW=1
 * and a trap, bit 13 (0x40000) stays 0.
 */
TEST(irq_750_srr1_pow_not_copied)
{
	struct b3pr_guest_state g;

	g750(&g);
	deliver(&g, b3pr_irq_program(B3PR_SRR1_PROG_TRAP));
	EXPECT_EQ(0, g.srr1 & 0x40000);
}

/* PEM 6.4.7: privileged (bit 13 = 0x40000): SRR1 0x4f477. */
TEST(irq_750_program_priv_srr1)
{
	struct b3pr_guest_state g;

	g750(&g);
	deliver(&g, b3pr_irq_program(B3PR_SRR1_PROG_PRIV));
	EXPECT_EQ(0x4f477, g.srr1);
}

/* PEM 6.4.4: ISI no-PTE (32-bit bit 1 = 0x40000000): SRR1 0x4000f477. */
TEST(irq_750_isi_srr1)
{
	struct b3pr_guest_state g;

	g750(&g);
	deliver(&g, b3pr_irq_isi(B3PR_SRR1_ISI_NOPT));
	EXPECT_EQ(0xfff00400, g.pc);
	EXPECT_EQ(0x4000f477, g.srr1);
	EXPECT_EQ(0x1111, g.dar);
}

/* PEM 6.4.10: sc at 0xfffffffc: SRR0 = next = 0 (32-bit wrap). */
TEST(irq_750_syscall_srr0_wraps)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_750, M750, 0xfffffffc);
	deliver(&g, b3pr_irq_syscall());
	EXPECT_EQ(0xfff00c00, g.pc);
	EXPECT_EQ(0, g.srr0);
}

/* PEM 6.4.10: sc at 0xc01234: SRR0 = 0xc01238. */
TEST(irq_750_syscall_srr0_next)
{
	struct b3pr_guest_state g;

	g750(&g);
	deliver(&g, b3pr_irq_syscall());
	EXPECT_EQ(0xc01238, g.srr0);
}

/* PEM 6.4.6: alignment at 0xfff00600, DAR 32 bits, DSISR as given. */
TEST(irq_750_alignment)
{
	struct b3pr_guest_state g;

	g750(&g);
	deliver(&g, b3pr_irq_alignment(0x100000002ULL, 0x00008000));
	EXPECT_EQ(0xfff00600, g.pc);
	EXPECT_EQ(0x2, g.dar);
	EXPECT_EQ(0x00008000, g.dsisr);
}

/* PEM 6.4.2: machine check at 0xfff00200, ME=0: ILE|IP|LE = 0x10041. */
TEST(irq_750_machine_check_clears_me)
{
	struct b3pr_guest_state g;

	g750(&g);
	deliver(&g, b3pr_irq_machine_check(0));
	EXPECT_EQ(0xfff00200, g.pc);
	EXPECT_EQ(0x10041, g.msr);
	EXPECT_EQ(SRR1_750, g.srr1);
}

/* PEM 6.4.1: system reset at 0xfff00100 keeps ME: 0x11041. */
TEST(irq_750_system_reset)
{
	struct b3pr_guest_state g;

	g750(&g);
	deliver(&g, b3pr_irq_system_reset());
	EXPECT_EQ(0xfff00100, g.pc);
	EXPECT_EQ(NEW_750, g.msr);
}

/* PEM 6.4.8/6.4.9: FP unavailable 0xfff00800, decrementer 0xfff00900. */
TEST(irq_750_fp_unavail_and_decrementer)
{
	struct b3pr_guest_state g;

	g750(&g);
	deliver(&g, b3pr_irq_fac_unavail(B3PR_VEC_FP_UNAVAIL));
	EXPECT_EQ(0xfff00800, g.pc);
	g750(&g);
	deliver(&g, b3pr_irq_decrementer());
	EXPECT_EQ(0xfff00900, g.pc);
}

/* PEM 6.4.11: trace at 0xfff00d00, SE cleared in the handler. */
TEST(irq_750_trace)
{
	struct b3pr_guest_state g;

	g750(&g);
	deliver(&g, b3pr_irq_trace(g.cpu));
	EXPECT_EQ(0xfff00d00, g.pc);
	EXPECT_EQ(PC, g.srr0);
	/* SRR1 1:4 and 10:15 cleared, 16:31 from the MSR: 0xf477 */
	EXPECT_EQ(SRR1_750, g.srr1);
	EXPECT_EQ(0, g.msr & B3PR_MSR_SE);
}

/* 750 manual: performance monitor at 0xfff00f00, PM cleared. */
TEST(irq_750_perfmon_clears_pm)
{
	struct b3pr_guest_state g;

	g750(&g);
	deliver(&g, b3pr_irq_perfmon());
	EXPECT_EQ(0xfff00f00, g.pc);
	EXPECT_EQ(0, g.msr & B3PR_MSR_PMM);
}

/* 750 manual: IABR 0xfff01300, SRR0 = the matching instruction. */
TEST(irq_750_iabr)
{
	struct b3pr_guest_state g;

	g750(&g);
	deliver(&g, b3pr_irq_iabr());
	EXPECT_EQ(0xfff01300, g.pc);
	EXPECT_EQ(PC, g.srr0);
}

/* 750 manual: thermal management at 0xfff01700, SRR1 = MSR copy. */
TEST(irq_750_thermal)
{
	struct b3pr_guest_state g;
	struct b3pr_interrupt irq = { .vector = B3PR_VEC_THERMAL };

	g750(&g);
	b3pr_deliver_interrupt(&g, &irq);
	EXPECT_EQ(0xfff01700, g.pc);
	EXPECT_EQ(SRR1_750, g.srr1);
	EXPECT_EQ(NEW_750, g.msr);
}

/* The 750 has no VEC: a stray bit 38 is not saved in SRR1. */
TEST(irq_750_srr1_no_vec)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_750, M750 | B3PR_BIT(38), PC);
	deliver(&g, b3pr_irq_external());
	EXPECT_EQ(SRR1_750, g.srr1);
}

/* 7400 manual 4.3.2: SRR1[6] = MSR[VEC]: 0x205f477 -> 0x200f477. */
TEST(irq_7400_srr1_saves_vec)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_7400, M750 | B3PR_MSR_VEC, PC);
	deliver(&g, b3pr_irq_external());
	EXPECT_EQ(0x200f477, g.srr1);
}

/* 7400 manual: handler MSR has VEC=0: 0x11041. */
TEST(irq_7400_handler_clears_vec)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_7400, M750 | B3PR_MSR_VEC, PC);
	deliver(&g, b3pr_irq_external());
	EXPECT_EQ(0xfff00500, g.pc);
	EXPECT_EQ(NEW_750, g.msr);
}

/* 7400 manual: AltiVec unavailable at 0xfff00f20. */
TEST(irq_7400_altivec_unavail)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_7400, M750, PC);
	deliver(&g, b3pr_irq_fac_unavail(B3PR_VEC_ALTIVEC));
	EXPECT_EQ(0xfff00f20, g.pc);
}

/* 7400 manual 4.6.15: SMI at 0xfff01400, SRR0 = the next instruction. */
TEST(irq_7400_smi)
{
	struct b3pr_guest_state g;
	struct b3pr_interrupt irq = { .vector = B3PR_VEC_SMI };

	irq_guest(&g, PVR_7400, M750, PC);
	b3pr_deliver_interrupt(&g, &irq);
	EXPECT_EQ(0xfff01400, g.pc);
	EXPECT_EQ(PC, g.srr0);
}

/* 7450 manual 4.3.2: SRR1 saves VEC like the 7400: 0x200f477. */
TEST(irq_7455_srr1_saves_vec)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_7455, M750 | B3PR_MSR_VEC, PC);
	deliver(&g, b3pr_irq_perfmon());
	EXPECT_EQ(0xfff00f00, g.pc);
	EXPECT_EQ(0x200f477, g.srr1);
	EXPECT_EQ(NEW_750, g.msr);
}

/* 7455 with IP=0, ILE=0 (EE|PR|ME = 0xd000): external at 0x500, MSR ME. */
TEST(irq_7455_external_ip0)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_7455, 0xd000, PC);
	deliver(&g, b3pr_irq_external());
	EXPECT_EQ(0x500, g.pc);
	EXPECT_EQ(0xd000, g.srr1);
	EXPECT_EQ(0x1000, g.msr);
}

/* PEM 6.4: the 32-bit handler MSR has no SF and no high-word bit. */
TEST(irq_750_handler_msr_high_word_zero)
{
	struct b3pr_guest_state g;

	g750(&g);
	deliver(&g, b3pr_irq_dsi(0, 0));
	EXPECT_EQ(0, g.msr >> 32);
}
