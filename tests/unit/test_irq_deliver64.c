// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt delivery on the 64-bit CPUs (POWER8, POWER7, 970): Power ISA
 * v2.07 Book III-S 6.4 (processing) and 6.5 (each interrupt).
 *
 * The POWER8 starting MSR, bit by bit (ISA 4.2.1, bit 0 = 2^63):
 *   SF   bit 0   0x8000000000000000
 *   TS=T bit 29  0x0000000400000000  (transactional, TS = 0b10)
 *   VEC  bit 38  0x0000000002000000
 *   VSX  bit 40  0x0000000000800000
 *   EE 48, PR 49, FP 50, ME 51   0x8000+0x4000+0x2000+0x1000 = 0xf000
 *   FE0 52 0x800, SE 53 0x400                              -> 0xfc00
 *   IR 58 0x20, DR 59 0x10, RI 62 0x2, LE 63 0x1           -> 0x33
 *   MSR = 0x800000040280fc33
 * SRR1 (ISA 6.5): bits 0:32, 37:41, 48:63 from the MSR; every set bit
 * above lies in those ranges, so with no interrupt bits SRR1 = MSR.
 * Handler MSR (ISA 6.5 "MSR setting due to interrupt"): SF=1, HV and ME
 * unchanged, TS T -> S (bit 30 = 0x200000000), LE = LPCR[ILE], rest 0:
 *   ILE=0: 0x8000000000000000 | 0x1000 | 0x200000000 = 0x8000000200001000
 *   ILE=1: ... | LE                                  = 0x8000000200001001
 */
#include "irq_guest.h"

#define P8_MSR		0x800000040280fc33ULL
#define P8_NEW_MSR	0x8000000200001000ULL
#define LPCR_ILE_BIT	0x0000000002000000ULL	/* LPCR bit 38 */
#define PC		0x10001234ULL

static void p8(struct b3pr_guest_state *g)
{
	irq_guest(g, PVR_POWER8, P8_MSR, PC);
	g->srr0 = 0xdead;
	g->srr1 = 0xdead;
	g->dar = 0x1111;
	g->dsisr = 0x2222;
}

static void deliver(struct b3pr_guest_state *g, struct b3pr_interrupt irq)
{
	b3pr_deliver_interrupt(g, &irq);
}

/* ISA 6.5.3: DSI goes to 0x300. */
TEST(irq_p8_dsi_pc)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_dsi(0x5000, B3PR_DSISR_NOPT));
	EXPECT_EQ(0x300, g.pc);
}

/* ISA 6.5.3: SRR0 = the address of the instruction that caused it. */
TEST(irq_p8_dsi_srr0_is_current_insn)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_dsi(0x5000, B3PR_DSISR_NOPT));
	EXPECT_EQ(PC, g.srr0);
}

/* ISA 6.5.3: SRR1 33:36, 42:47 = 0, the rest from the MSR = 0x8..fc33. */
TEST(irq_p8_dsi_srr1_copies_msr)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_dsi(0x5000, B3PR_DSISR_NOPT));
	EXPECT_EQ(0x800000040280fc33ULL, g.srr1);
}

/* ISA 6.5.3: DAR = EA, DSISR = cause; NOPT (bit 1) | STORE (bit 6). */
TEST(irq_p8_dsi_sets_dar_and_dsisr)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_dsi(0xc000000012345678ULL,
				 B3PR_DSISR_NOPT | B3PR_DSISR_STORE));
	EXPECT_EQ(0xc000000012345678ULL, g.dar);
	EXPECT_EQ(0x42000000, g.dsisr);
}

/* ISA 6.5: handler MSR with LPCR[ILE]=0 is 0x8000000200001000. */
TEST(irq_p8_handler_msr_ile0)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_dsi(0x5000, 0));
	EXPECT_EQ(0x8000000200001000ULL, g.msr);
}

/* ISA 6.5: LPCR[ILE]=1 (bit 38) sets MSR[LE]: 0x8000000200001001. */
TEST(irq_p8_handler_msr_le_from_lpcr_ile)
{
	struct b3pr_guest_state g;

	p8(&g);
	g.lpcr = LPCR_ILE_BIT;
	deliver(&g, b3pr_irq_dsi(0x5000, 0));
	EXPECT_EQ(0x8000000200001001ULL, g.msr);
}

/* LPCR[ILE]=0 takes a little-endian guest into a big-endian handler. */
TEST(irq_p8_le_guest_ile0_gets_be_handler)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_external());
	EXPECT_EQ(0, g.msr & B3PR_MSR_LE);
}

/* TS=S (bit 30) stays S: 0x8000000000000000 | ME | 0x200000000. */
TEST(irq_p8_ts_suspended_stays_suspended)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER8, B3PR_MSR_SF | B3PR_BIT(30) | B3PR_MSR_ME |
		  B3PR_MSR_EE, PC);
	deliver(&g, b3pr_irq_external());
	EXPECT_EQ(0x8000000200001000ULL, g.msr);
}

/* TS=0: SF | ME = 0x8000000000001000, no TS bit appears. */
TEST(irq_p8_ts_nontransactional_stays_zero)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER8, B3PR_MSR_SF | B3PR_MSR_ME | B3PR_MSR_EE |
		  B3PR_MSR_PR, PC);
	deliver(&g, b3pr_irq_external());
	EXPECT_EQ(0x8000000000001000ULL, g.msr);
}

/* ISA 6.5: SRR1 keeps the TS the interrupted code had (T, bit 29). */
TEST(irq_p8_srr1_keeps_transactional_ts)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_external());
	EXPECT_EQ(0x0000000400000000ULL, g.srr1 & B3PR_MSR_TS);
}

/* ISA 6.5: ME unchanged; from ME=0 the handler has SF only (TS=0). */
TEST(irq_p8_me0_stays_me0)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER8, B3PR_MSR_SF | B3PR_MSR_EE, PC);
	deliver(&g, b3pr_irq_decrementer());
	EXPECT_EQ(0x8000000000000000ULL, g.msr);
}

/* ISA 6.5: HV unchanged: SF|HV|ME = 0x9000000000001000 stays so. */
TEST(irq_p8_hv_unchanged)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER8, 0x9000000000001000ULL, PC);
	deliver(&g, b3pr_irq_program(B3PR_SRR1_PROG_ILLEGAL));
	EXPECT_EQ(0x9000000000001000ULL, g.msr);
}

/* ISA 6.5.2: machine check at 0x200 and MSR[ME]=0: 0x8000000200000000. */
TEST(irq_p8_machine_check_clears_me)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_machine_check(0));
	EXPECT_EQ(0x200, g.pc);
	EXPECT_EQ(0x8000000200000000ULL, g.msr);
}

/* ISA 6.5.2: cause bit 42 (0x200000) joins the MSR copy: 0x...02a0fc33. */
TEST(irq_p8_machine_check_srr1_cause)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_machine_check(B3PR_BIT(42)));
	EXPECT_EQ(0x8000000402a0fc33ULL, g.srr1);
}

/* ISA 6.5.2: SRR1[62] = MSR[RI]; RI=0 before gives 0 in SRR1. */
TEST(irq_p8_machine_check_srr1_ri_from_msr)
{
	struct b3pr_guest_state g;

	p8(&g);
	g.msr &= ~B3PR_MSR_RI;
	deliver(&g, b3pr_irq_machine_check(0));
	EXPECT_EQ(0, g.srr1 & B3PR_BIT(62));
	EXPECT_EQ(0, g.msr & B3PR_MSR_RI);
}

/* ISA 6.5: RI is 0 in the handler, and 1 in SRR1 when it was 1. */
TEST(irq_p8_ri_saved_and_cleared)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_program(B3PR_SRR1_PROG_TRAP));
	EXPECT_EQ(B3PR_BIT(62), g.srr1 & B3PR_BIT(62));
	EXPECT_EQ(0, g.msr & B3PR_MSR_RI);
}

/* ISA 6.5.1: system reset at 0x100 keeps ME: 0x8000000200001000. */
TEST(irq_p8_system_reset_keeps_me)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_system_reset());
	EXPECT_EQ(0x100, g.pc);
	EXPECT_EQ(0x8000000200001000ULL, g.msr);
	EXPECT_EQ(PC, g.srr0);
}

/* ISA 6.5.9: privileged (bit 45 = 0x40000): SRR1 0x800000040284fc33. */
TEST(irq_p8_program_priv_srr1)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_program(B3PR_SRR1_PROG_PRIV));
	EXPECT_EQ(0x700, g.pc);
	EXPECT_EQ(PC, g.srr0);
	EXPECT_EQ(0x800000040284fc33ULL, g.srr1);
}

/* ISA 6.5.9: trap (bit 46 = 0x20000): SRR1 0x800000040282fc33. */
TEST(irq_p8_program_trap_srr1)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_program(B3PR_SRR1_PROG_TRAP));
	EXPECT_EQ(0x800000040282fc33ULL, g.srr1);
}

/* ISA 6.5.9: illegal (bit 44 = 0x80000): SRR1 0x800000040288fc33. */
TEST(irq_p8_program_illegal_srr1)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_program(B3PR_SRR1_PROG_ILLEGAL));
	EXPECT_EQ(0x800000040288fc33ULL, g.srr1);
}

/* ISA 6.5.9: FP enabled (bit 43 = 0x100000): SRR1 0x800000040290fc33. */
TEST(irq_p8_program_fpe_srr1)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_program(B3PR_SRR1_PROG_FPE));
	EXPECT_EQ(0x800000040290fc33ULL, g.srr1);
}

/* ISA 6.5.9: a program interrupt leaves DAR and DSISR alone. */
TEST(irq_p8_program_keeps_dar_dsisr)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_program(B3PR_SRR1_PROG_PRIV));
	EXPECT_EQ(0x1111, g.dar);
	EXPECT_EQ(0x2222, g.dsisr);
}

/* ISA 6.5.14: sc: SRR0 = next instruction 0x10001238, PC 0xc00. */
TEST(irq_p8_syscall_srr0_next)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_syscall());
	EXPECT_EQ(0xc00, g.pc);
	EXPECT_EQ(0x10001238ULL, g.srr0);
	EXPECT_EQ(P8_MSR, g.srr1);
}

/* ISA 6.5.5: ISI no-PTE (bit 33 = 0x40000000): SRR1 0x800000044280fc33. */
TEST(irq_p8_isi_nopt_srr1)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_isi(B3PR_SRR1_ISI_NOPT));
	EXPECT_EQ(0x400, g.pc);
	EXPECT_EQ(0x800000044280fc33ULL, g.srr1);
}

/* ISA 6.5.5: protection (bit 36 = 0x8000000): SRR1 0x800000040a80fc33. */
TEST(irq_p8_isi_prot_srr1)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_isi(B3PR_SRR1_ISI_PROT));
	EXPECT_EQ(0x800000040a80fc33ULL, g.srr1);
}

/* ISA 6.5.5: N or G (bit 35 = 0x10000000): SRR1 0x800000041280fc33. */
TEST(irq_p8_isi_n_or_g_srr1)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_isi(B3PR_SRR1_ISI_N_OR_G));
	EXPECT_EQ(0x800000041280fc33ULL, g.srr1);
}

/* ISA 6.5.5: ISI sets neither DAR nor DSISR. */
TEST(irq_p8_isi_keeps_dar_dsisr)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_isi(B3PR_SRR1_ISI_NOPT));
	EXPECT_EQ(0x1111, g.dar);
	EXPECT_EQ(0x2222, g.dsisr);
}

/* ISA 6.5.4: data segment at 0x380, DAR = EA, DSISR left alone. */
TEST(irq_p8_dseg_sets_dar_only)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_dseg(0xd000000000000010ULL));
	EXPECT_EQ(0x380, g.pc);
	EXPECT_EQ(0xd000000000000010ULL, g.dar);
	EXPECT_EQ(0x2222, g.dsisr);
}

/* ISA 6.5.6: instruction segment at 0x480, SRR1 = MSR copy. */
TEST(irq_p8_iseg)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_iseg());
	EXPECT_EQ(0x480, g.pc);
	EXPECT_EQ(PC, g.srr0);
	EXPECT_EQ(P8_MSR, g.srr1);
	EXPECT_EQ(0x1111, g.dar);
}

/* ISA 6.5.8: alignment at 0x600 with DAR and DSISR. */
TEST(irq_p8_alignment_dar_dsisr)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_alignment(0x10002003, 0x00004321));
	EXPECT_EQ(0x600, g.pc);
	EXPECT_EQ(0x10002003, g.dar);
	EXPECT_EQ(0x00004321, g.dsisr);
	EXPECT_EQ(P8_MSR, g.srr1);
}

/* ISA 6.5.7: external at 0x500, SRR0 = the instruction not yet run. */
TEST(irq_p8_external)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_external());
	EXPECT_EQ(0x500, g.pc);
	EXPECT_EQ(PC, g.srr0);
	EXPECT_EQ(P8_MSR, g.srr1);
	EXPECT_EQ(P8_NEW_MSR, g.msr);
}

/* ISA 6.5.10: FP unavailable at 0x800. */
TEST(irq_p8_fp_unavail)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_fac_unavail(B3PR_VEC_FP_UNAVAIL));
	EXPECT_EQ(0x800, g.pc);
	EXPECT_EQ(PC, g.srr0);
	EXPECT_EQ(P8_MSR, g.srr1);
}

/* ISA 6.5.11: decrementer at 0x900. */
TEST(irq_p8_decrementer)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_decrementer());
	EXPECT_EQ(0x900, g.pc);
	EXPECT_EQ(P8_MSR, g.srr1);
}

/* ISA 6.5.13: directed privileged doorbell at 0xa00. */
TEST(irq_p8_doorbell)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_doorbell());
	EXPECT_EQ(0xa00, g.pc);
	EXPECT_EQ(P8_NEW_MSR, g.msr);
}

/*
 * ISA v2.07B 6.5.15: trace at 0xd00, SRR0 = g->pc (already the next
 * insn); SRR1[33] = 1 (0x40000000), the other bits from the MSR:
 * 0x800000040280fc33 | 0x40000000 = 0x800000044280fc33.
 */
TEST(irq_p8_trace)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_trace(g.cpu));
	EXPECT_EQ(0xd00, g.pc);
	EXPECT_EQ(PC, g.srr0);
	EXPECT_EQ(0x800000044280fc33ULL, g.srr1);
	EXPECT_EQ(0, g.msr & B3PR_MSR_SE);
}

/*
 * POWER7 (ISA v2.06) and the 970 set no trace bit: SRR1 is the MSR with
 * 33:36 and 42:47 cleared; P8_MSR has none of them set, so SRR1 = MSR.
 */
TEST(irq_p7_970_trace_srr1_is_msr)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER7, P8_MSR, PC);
	deliver(&g, b3pr_irq_trace(g.cpu));
	EXPECT_EQ(P8_MSR, g.srr1);
	irq_guest(&g, PVR_970, P8_MSR, PC);
	deliver(&g, b3pr_irq_trace(g.cpu));
	EXPECT_EQ(0xd00, g.pc);
	EXPECT_EQ(P8_MSR, g.srr1);
}

/* ISA 6.5: performance monitor at 0xf00; PMM is 0 in the handler. */
TEST(irq_p8_perfmon_clears_pmm)
{
	struct b3pr_guest_state g;

	p8(&g);
	g.msr |= B3PR_MSR_PMM;
	deliver(&g, b3pr_irq_perfmon());
	EXPECT_EQ(0xf00, g.pc);
	EXPECT_EQ(B3PR_BIT(61), g.srr1 & B3PR_BIT(61));
	EXPECT_EQ(0, g.msr & B3PR_MSR_PMM);
}

/* ISA 6.5: vector unavailable at 0xf20; VEC saved in SRR1, 0 after. */
TEST(irq_p8_altivec_unavail)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_fac_unavail(B3PR_VEC_ALTIVEC));
	EXPECT_EQ(0xf20, g.pc);
	EXPECT_EQ(B3PR_BIT(38), g.srr1 & B3PR_BIT(38));
	EXPECT_EQ(0, g.msr & B3PR_MSR_VEC);
}

/* ISA 6.5: VSX unavailable at 0xf40; VSX saved in SRR1, 0 after. */
TEST(irq_p8_vsx_unavail)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_fac_unavail(B3PR_VEC_VSX));
	EXPECT_EQ(0xf40, g.pc);
	EXPECT_EQ(B3PR_BIT(40), g.srr1 & B3PR_BIT(40));
	EXPECT_EQ(0, g.msr & B3PR_MSR_VSX);
}

/* ISA 6.5: facility unavailable at 0xf60. */
TEST(irq_p8_facility_unavail)
{
	struct b3pr_guest_state g;

	p8(&g);
	deliver(&g, b3pr_irq_fac_unavail(B3PR_VEC_FAC_UNAVAIL));
	EXPECT_EQ(0xf60, g.pc);
	EXPECT_EQ(P8_MSR, g.srr1);
}

/* ISA 6.5: handler runs with IR=DR=EE=PR=FP=FE0=SE=0. */
TEST(irq_p8_handler_translation_and_state_off)
{
	struct b3pr_guest_state g;
	u64 off = B3PR_MSR_IR | B3PR_MSR_DR | B3PR_MSR_EE | B3PR_MSR_PR |
		  B3PR_MSR_FP | B3PR_MSR_FE0 | B3PR_MSR_SE;

	p8(&g);
	deliver(&g, b3pr_irq_external());
	EXPECT_EQ(0, g.msr & off);
}

/* LPCR[AIL]=3 (bits 39:40 = 0x1800000) is not offered: still 0x500, IR=0. */
TEST(irq_p8_ail_ignored)
{
	struct b3pr_guest_state g;

	p8(&g);
	g.lpcr = 0x1800000;
	deliver(&g, b3pr_irq_external());
	EXPECT_EQ(0x500, g.pc);
	EXPECT_EQ(0, g.msr & (B3PR_MSR_IR | B3PR_MSR_DR));
}

/* ISA 6.4: in 32-bit mode sc at 0xfffffffc: SRR0 = 0x100000000 mod 2^32 = 0. */
TEST(irq_p8_32bit_mode_truncates_srr0)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER8, B3PR_MSR_EE | B3PR_MSR_PR | B3PR_MSR_ME,
		  0xfffffffc);
	deliver(&g, b3pr_irq_syscall());
	EXPECT_EQ(0, g.srr0);
}

/* ISA 6.4: 32-bit mode, only the low word: pc 0x100001000 -> SRR0 0x1000. */
TEST(irq_p8_32bit_mode_srr0_low_word)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER8, B3PR_MSR_ME, 0x100001000ULL);
	deliver(&g, b3pr_irq_program(B3PR_SRR1_PROG_PRIV));
	EXPECT_EQ(0x1000, g.srr0);
}

/* ISA 6.5.3: 32-bit mode zeroes the high word: 0xffffffff00002000 -> 0x2000 */
TEST(irq_p8_32bit_mode_truncates_dar)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER8, B3PR_MSR_ME, 0x1000);
	deliver(&g, b3pr_irq_dsi(0xffffffff00002000ULL, B3PR_DSISR_NOPT));
	EXPECT_EQ(0x2000, g.dar);
}

/* ISA 6.5: from 32-bit mode (EE|PR|ME = 0xd000) SRR1 = 0xd000, handler SF=1. */
TEST(irq_p8_32bit_mode_handler_is_64bit)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER8, B3PR_MSR_EE | B3PR_MSR_PR | B3PR_MSR_ME,
		  0x2000);
	deliver(&g, b3pr_irq_external());
	EXPECT_EQ(0xd000, g.srr1);
	EXPECT_EQ(0x8000000000001000ULL, g.msr);
}

/* 64-bit mode keeps all of SRR0: sc at 0xc000000000001000 -> ...1004. */
TEST(irq_p8_64bit_mode_srr0_full)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER8, B3PR_MSR_SF | B3PR_MSR_ME,
		  0xc000000000001000ULL);
	deliver(&g, b3pr_irq_syscall());
	EXPECT_EQ(0xc000000000001004ULL, g.srr0);
}

/*
 * POWER7: MSR SF|VEC|VSX|EE|PR|FP|ME|IR|DR|RI = 0x8000000002800000 |
 * 0xf000 | 0x32 = 0x800000000280f032; SRR1 = that; with LPCR[ILE]=1 the
 * handler MSR is SF|ME|LE = 0x8000000000001001.
 */
TEST(irq_p7_le_from_lpcr_ile)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER7, 0x800000000280f032ULL, PC);
	g.lpcr = LPCR_ILE_BIT;
	deliver(&g, b3pr_irq_dsi(0x3000, B3PR_DSISR_PROT));
	EXPECT_EQ(0x300, g.pc);
	EXPECT_EQ(0x800000000280f032ULL, g.srr1);
	EXPECT_EQ(0x8000000000001001ULL, g.msr);
}

/* POWER7, LPCR[ILE]=0: SF|ME = 0x8000000000001000. */
TEST(irq_p7_ile0_big_endian)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER7, 0x800000000280f032ULL, PC);
	deliver(&g, b3pr_irq_decrementer());
	EXPECT_EQ(0x900, g.pc);
	EXPECT_EQ(0x8000000000001000ULL, g.msr);
}

/*
 * 970: MSR SF|VEC|EE|PR|FP|ME|IR|DR|RI = 0x8000000002000000 | 0xf000 |
 * 0x32 = 0x800000000200f032. HIOR 0x4000000: DSI at 0x4000300.
 */
TEST(irq_970_dsi_at_hior)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_970, 0x800000000200f032ULL, PC);
	g.hior = 0x4000000;
	deliver(&g, b3pr_irq_dsi(0x7000, B3PR_DSISR_NOPT));
	EXPECT_EQ(0x4000300, g.pc);
	EXPECT_EQ(0x800000000200f032ULL, g.srr1);
	EXPECT_EQ(0x7000, g.dar);
}

/* 970 has no interrupt little-endian: even LPCR bit 38 set gives LE=0. */
TEST(irq_970_never_le)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_970, 0x800000000200f033ULL, PC);
	g.lpcr = LPCR_ILE_BIT;
	deliver(&g, b3pr_irq_external());
	EXPECT_EQ(0x8000000000001000ULL, g.msr);
}

/* 970 IABR (970 User's Manual, 0x1300) at HIOR + 0x1300 = 0x4001300. */
TEST(irq_970_iabr_at_hior)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_970, 0x800000000200f032ULL, PC);
	g.hior = 0x4000000;
	deliver(&g, b3pr_irq_iabr());
	EXPECT_EQ(0x4001300, g.pc);
	EXPECT_EQ(PC, g.srr0);
}

/* 970 machine check: HIOR + 0x200, ME cleared: SF only. */
TEST(irq_970_machine_check)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_970, 0x800000000200f032ULL, PC);
	g.hior = 0x4000000;
	deliver(&g, b3pr_irq_machine_check(0));
	EXPECT_EQ(0x4000200, g.pc);
	EXPECT_EQ(0x8000000000000000ULL, g.msr);
}

/* 970 from 32-bit mode: sc at 0x7ffffffc -> SRR0 0x80000000, handler SF=1. */
TEST(irq_970_32bit_mode_syscall)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_970, B3PR_MSR_EE | B3PR_MSR_ME, 0x7ffffffc);
	deliver(&g, b3pr_irq_syscall());
	EXPECT_EQ(0xc00, g.pc);
	EXPECT_EQ(0x80000000, g.srr0);
	EXPECT_EQ(0x9000, g.srr1);
	EXPECT_EQ(0x8000000000001000ULL, g.msr);
}
