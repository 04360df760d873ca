// SPDX-License-Identifier: GPL-2.0
/*
 * Single-step trace after the instructions b3pr emulates (Power ISA
 * v2.07B Book III-S 4.2.1 MSR[SE], 6.5.15 Trace interrupt; PEM 6.4.11).
 * The rules, worked out once:
 *  - an instruction that completes without an interrupt, executed with
 *    MSR[SE]=1, is followed by a trace interrupt at 0xd00 (vector base as
 *    for any interrupt) with SRR0 = the next instruction;
 *  - rfid, hrfid and rfi are never traced;
 *  - the MSR the instruction executed under decides: mtmsrd setting SE
 *    is not traced, mtmsrd clearing it is;
 *  - SRR1: POWER8 (v2.07) sets bit 33 (0x40000000) and SIAR = the traced
 *    instruction; POWER7, 970 and the 32-bit CPUs set no bit;
 *  - the handler runs with SE=0 (6.5, "MSR setting due to interrupt").
 * MSR bits: SF 0x8000000000000000, EE 0x8000, PR 0x4000, ME 0x1000,
 * SE 0x400, BE 0x200, IR 0x20, DR 0x10, RI 0x2; POW (32-bit) 0x40000.
 */
#include "emul_guest.h"
#include "b3pr/spr.h"

#define MFMSR(rt)	EG_X(31, rt, 0, 0, 83)
#define MTMSR(rs)	EG_X(31, rs, 0, 0, 146)
#define MTMSRD(rs, l)	(EG_X(31, rs, 0, 0, 178) | ((u32)(l) << 16))
#define MFSPR(rt, n)	EG_X(31, rt, (n) & 0x1f, (n) >> 5, 339)
#define MTSPR(n, rs)	EG_X(31, rs, (n) & 0x1f, (n) >> 5, 467)
#define TW(to, ra, rb)	EG_X(31, to, ra, rb, 4)
#define RFI		0x4c000064u
#define RFID		0x4c000024u
#define SC		0x44000002u

#define SE		0x400ULL
#define BE		0x200ULL
/* SF|ME|IR|DR|RI, and with SE */
#define K64		0x8000000000001032ULL
#define K64_SE		0x8000000000001432ULL
/* the POWER8 handler: SF|ME */
#define P8_HANDLER	0x8000000000001000ULL
#define SRR1_207	0x40000000ULL

/*
 * mfmsr r7 at 0x1000 with SE: r7 = 0x8000000000001432, then the trace:
 * SRR0 = 0x1004, SRR1 = MSR | bit 33 = 0x8000000040001432, PC = 0xd00,
 * MSR = SF|ME, SIAR = 0x1000.
 */
TEST(trace_p8_after_mfmsr)
{
	struct eg t;

	eg_init(&t, EG_POWER8, K64_SE, 0x1000);
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, MFMSR(7)));
	EXPECT_EQ(K64_SE, t.g.gpr[7]);
	EXPECT_EQ(0xd00, t.g.pc);
	EXPECT_EQ(0x1004, t.g.srr0);
	EXPECT_EQ(0x8000000040001432ULL, t.g.srr1);
	EXPECT_EQ(P8_HANDLER, t.g.msr);
	EXPECT_EQ(0x1000, t.g.siar);
}

/* SE=0: nothing but the instruction; BE alone traces only branches. */
TEST(trace_none_without_se)
{
	struct eg t;

	eg_init(&t, EG_POWER8, K64, 0x1000);
	eg_run(&t, MFMSR(7));
	EXPECT_EQ(0x1004, t.g.pc);
	eg_init(&t, EG_POWER8, K64 | BE, 0x1000);
	t.g.srr0 = 0x5555;
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, MFMSR(7)));
	EXPECT_EQ(0x1004, t.g.pc);
	EXPECT_EQ(0x5555, t.g.srr0);
	EXPECT_EQ(K64 | BE, t.g.msr);
}

/* 6.5.15: rfid is never traced, with SE before or after it. */
TEST(trace_rfid_never_traced)
{
	struct eg t;

	/* out of SE: SRR1 = K64, continue at 0x3000 with SE=0 */
	eg_init(&t, EG_POWER8, K64_SE, 0x1000);
	t.g.srr0 = 0x3000;
	t.g.srr1 = K64;
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, RFID));
	EXPECT_EQ(0x3000, t.g.pc);
	EXPECT_EQ(K64, t.g.msr);
	/* into SE: the first instruction at 0x3000 is the traced one */
	eg_init(&t, EG_POWER8, K64, 0x1000);
	t.g.srr0 = 0x3000;
	t.g.srr1 = K64_SE;
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, RFID));
	EXPECT_EQ(0x3000, t.g.pc);
	EXPECT_EQ(K64_SE, t.g.msr);
	/* ... and when that is emulated too, it traces: SRR0 = 0x3004 */
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, MFMSR(3)));
	EXPECT_EQ(0xd00, t.g.pc);
	EXPECT_EQ(0x3004, t.g.srr0);
	EXPECT_EQ(0x3000, t.g.siar);
}

/* mtmsrd r3,0 setting SE runs under SE=0: not traced, SE now on. */
TEST(trace_mtmsrd_setting_se_not_traced)
{
	struct eg t;

	eg_init(&t, EG_POWER8, K64, 0x1000);
	t.g.gpr[3] = K64_SE;
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, MTMSRD(3, 0)));
	EXPECT_EQ(0x1004, t.g.pc);
	EXPECT_EQ(K64_SE, t.g.msr);
}

/*
 * mtmsrd clearing SE ran under SE=1: traced, and SRR1 holds the MSR it
 * left: 0x8000000000001032 | bit 33 = 0x8000000040001032.
 */
TEST(trace_mtmsrd_clearing_se_traced)
{
	struct eg t;

	eg_init(&t, EG_POWER8, K64_SE, 0x1000);
	t.g.gpr[3] = K64;
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, MTMSRD(3, 0)));
	EXPECT_EQ(0xd00, t.g.pc);
	EXPECT_EQ(0x1004, t.g.srr0);
	EXPECT_EQ(0x8000000040001032ULL, t.g.srr1);
}

/*
 * mtmsrd r3,1 alters only EE and RI (both from r3 = 0x8000: EE=1, RI=0)
 * and keeps SE: traced, SRR1 = 0x8000000000009430 | bit 33.
 */
TEST(trace_mtmsrd_l1_traced)
{
	struct eg t;

	eg_init(&t, EG_POWER8, K64_SE, 0x1000);
	t.g.gpr[3] = 0x8000;
	eg_run(&t, MTMSRD(3, 1));
	EXPECT_EQ(0xd00, t.g.pc);
	EXPECT_EQ(0x8000000040009430ULL, t.g.srr1);
}

/*
 * An instruction that causes an interrupt is not traced: mfmsr in the
 * guest's problem state (privileged), sc (system call), a trap that
 * traps. The PC stays on the instruction for the delivery.
 */
TEST(trace_not_after_an_interrupt)
{
	struct eg t;

	eg_init(&t, EG_POWER8, K64_SE | 0xc000, 0x1000);	/* PR, EE */
	t.g.srr0 = 0x5555;
	eg_expect_program(&t, eg_run(&t, MFMSR(3)), B3PR_SRR1_PROG_PRIV);
	EXPECT_EQ(0x5555, t.g.srr0);
	eg_init(&t, EG_POWER8, K64_SE, 0x1000);
	EXPECT_EQ(B3PR_DELIVER, eg_run(&t, SC));
	EXPECT_EQ(0xc00, t.e.irq.vector);
	EXPECT_EQ(0x1000, t.g.pc);
	/* tw 4,r0,r0: "equal" holds, the trap is taken */
	eg_init(&t, EG_POWER8, K64_SE, 0x1000);
	eg_expect_program(&t, eg_run(&t, TW(4, 0, 0)), B3PR_SRR1_PROG_TRAP);
}

/* tw 0,r0,r0 never traps: it completes, so it is traced (SRR0 0x1004). */
TEST(trace_after_trap_not_taken)
{
	struct eg t;

	eg_init(&t, EG_POWER8, K64_SE, 0x1000);
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, TW(0, 0, 0)));
	EXPECT_EQ(0xd00, t.g.pc);
	EXPECT_EQ(0x1004, t.g.srr0);
}

/* mtdec: the host still hears of the new DEC, the guest sees its trace. */
TEST(trace_after_mtdec_keeps_host_request)
{
	struct eg t;

	eg_init(&t, EG_POWER8, K64_SE, 0x1000);
	t.g.gpr[4] = 1000;
	EXPECT_EQ(B3PR_NEEDS_HOST, eg_run(&t, MTSPR(B3PR_SPRN_DEC, 4)));
	EXPECT_EQ(B3PR_HOST_DEC_CHANGED, t.e.host);
	EXPECT_EQ(0xd00, t.g.pc);
	EXPECT_EQ(0x1004, t.g.srr0);
}

/*
 * 32-bit mode on POWER8: mfmsr at 0xfffffffc, the next instruction
 * wraps to 0, so SRR0 = 0; SIAR = 0xfffffffc; the handler has SF=1.
 */
TEST(trace_p8_32bit_mode_wraps)
{
	struct eg t;

	eg_init(&t, EG_POWER8, 0x1432, 0xfffffffc);
	eg_run(&t, MFMSR(3));
	EXPECT_EQ(0xd00, t.g.pc);
	EXPECT_EQ(0, t.g.srr0);
	EXPECT_EQ(0x40001432ULL, t.g.srr1);
	EXPECT_EQ(0xfffffffcULL, t.g.siar);
	EXPECT_EQ(P8_HANDLER, t.g.msr);
}

/* The 970: vector at HIOR + 0xd00, SRR1 = the MSR, SIAR untouched. */
TEST(trace_970_at_hior_no_srr1_bits)
{
	struct eg t;

	eg_init(&t, EG_970, K64_SE, 0x1000);
	t.g.hior = 0x4000000;
	t.g.siar = 0x5555;
	eg_run(&t, MFSPR(5, 272));
	EXPECT_EQ(0x4000d00, t.g.pc);
	EXPECT_EQ(K64_SE, t.g.srr1);
	EXPECT_EQ(0x5555, t.g.siar);
}

/* POWER7: no SRR1 bit either (v2.06), vector at 0xd00. */
TEST(trace_p7_no_srr1_bits)
{
	struct eg t;

	eg_init(&t, EG_POWER7, K64_SE, 0x1000);
	eg_run(&t, MFMSR(3));
	EXPECT_EQ(0xd00, t.g.pc);
	EXPECT_EQ(K64_SE, t.g.srr1);
}

/*
 * 750, MSR = ME|SE|IR|DR|RI = 0x1432, IP=0: mfspr r5,SPRG1 traced at
 * 0xd00 (PEM 6.4.11), SRR1 = MSR 16:31 = 0x1432, handler MSR = ME.
 */
TEST(trace_750_after_mfspr)
{
	struct eg t;

	eg_init(&t, EG_750, 0x1432, 0x1000);
	t.g.sprg[1] = 0x77;
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, MFSPR(5, 273)));
	EXPECT_EQ(0x77, t.g.gpr[5]);
	EXPECT_EQ(0xd00, t.g.pc);
	EXPECT_EQ(0x1004, t.g.srr0);
	EXPECT_EQ(0x1432, t.g.srr1);
	EXPECT_EQ(0x1000, t.g.msr);
}

/* 7450 with IP=1 (0x40): 0xfff00d00. */
TEST(trace_7450_ip_prefix)
{
	struct eg t;

	eg_init(&t, EG_7455, 0x1472, 0x1000);
	eg_run(&t, MFMSR(3));
	EXPECT_EQ(0xfff00d00ULL, t.g.pc);
	EXPECT_EQ(0x1472, t.g.srr1);
}

/* PEM 6.4.11: rfi is not traced. */
TEST(trace_750_rfi_not_traced)
{
	struct eg t;

	eg_init(&t, EG_750, 0x1432, 0x1000);
	t.g.srr0 = 0x3000;
	t.g.srr1 = 0x1032;
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, RFI));
	EXPECT_EQ(0x3000, t.g.pc);
	EXPECT_EQ(0x1032, t.g.msr);
}

/* mtmsr setting POW enters power saving (host idles): not traced. */
TEST(trace_750_pow_not_traced)
{
	struct eg t;

	eg_init(&t, EG_750, 0x1432, 0x1000);
	t.g.gpr[3] = 0x41432;
	EXPECT_EQ(B3PR_NEEDS_HOST, eg_run(&t, MTMSR(3)));
	EXPECT_EQ(B3PR_HOST_IDLE, t.e.host);
	EXPECT_EQ(0x1004, t.g.pc);
	EXPECT_EQ(0x1432, t.g.msr);
}

/* b3pr_trace_completed() by itself, as the MMIO path uses it. */
TEST(trace_completed_helper)
{
	struct eg t;

	eg_init(&t, EG_POWER8, K64, 0x1004);
	EXPECT_FALSE(b3pr_trace_completed(&t.g, K64, 0x1000));
	EXPECT_EQ(0x1004, t.g.pc);
	EXPECT_TRUE(b3pr_trace_completed(&t.g, K64_SE, 0x1000));
	EXPECT_EQ(0xd00, t.g.pc);
	EXPECT_EQ(0x1004, t.g.srr0);
	EXPECT_EQ(0x1000, t.g.siar);
}

/* An ignored mttbl still completed: traced, host still told. */
TEST(trace_after_ignored_tb_write)
{
	struct eg t;

	eg_init(&t, EG_750, 0x1432, 0x1000);
	t.e.tb_is_host = true;
	EXPECT_EQ(B3PR_NEEDS_HOST, eg_run(&t, MTSPR(B3PR_SPRN_TBWL, 3)));
	EXPECT_EQ(B3PR_HOST_TB_IGNORED, t.e.host);
	EXPECT_EQ(0xd00, t.g.pc);
	EXPECT_EQ(0x1004, t.g.srr0);
}
