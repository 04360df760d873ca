// SPDX-License-Identifier: GPL-2.0
/*
 * mfmsr, mtmsr, mtmsrd, rfi, rfid, hrfid through b3pr_emulate(). MSR bit
 * values as in test_msr_rules.c. Encodings (ISA 1.6.7 X-form / XL-form):
 * mfmsr 31/83, mtmsr 31/146, mtmsrd 31/178 (L in bit 15 = 0x10000),
 * rfi 19/50 = 0x4c000064, rfid 19/18 = 0x4c000024, hrfid 19/274 =
 * 0x4c000224.
 */
#include "emul_guest.h"

#define MFMSR(rt)	EG_X(31, rt, 0, 0, 83)
#define MTMSR(rs, l)	(EG_X(31, rs, 0, 0, 146) | ((u32)(l) << 16))
#define MTMSRD(rs, l)	(EG_X(31, rs, 0, 0, 178) | ((u32)(l) << 16))
#define RFI		0x4c000064u
#define RFID		0x4c000024u
#define HRFID		0x4c000224u

/* 64-bit kernel state: SF|ME|IR|DR|RI */
#define KERNEL64	0x8000000000001032ULL

TEST(msr_mfmsr_reads_msr)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x1000);
	EXPECT_EQ(0x7ce000a6, MFMSR(7));	/* mfmsr r7 by hand */
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, MFMSR(7)));
	EXPECT_EQ(KERNEL64, t.g.gpr[7]);
	EXPECT_EQ(0x1004, t.g.pc);
}

TEST(msr_mfmsr_on_750_reads_32_bits)
{
	struct eg t;

	eg_init(&t, EG_750, 0x3032, 0x1000);	/* FP|ME|IR|DR|RI */
	t.g.gpr[3] = ~0ULL;
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, MFMSR(3)));
	EXPECT_EQ(0x3032ULL, t.g.gpr[3]);
}

/* mfmsr is privileged (ISA III-S, Move From MSR). */
TEST(msr_mfmsr_in_problem_state_is_privileged)
{
	struct eg t;

	eg_init(&t, EG_POWER8, 0x800000000000c030ULL, 0x1000);
	t.g.gpr[7] = 0x55;
	eg_expect_program(&t, eg_run(&t, MFMSR(7)), B3PR_SRR1_PROG_PRIV);
	EXPECT_EQ(0x55, t.g.gpr[7]);
}

TEST(msr_mtmsrd_l1_via_emulate_touches_ee_ri)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x2000);
	EXPECT_EQ(0x7ca10164, MTMSRD(5, 1));	/* mtmsrd r5,1 by hand */
	t.g.gpr[5] = 0x8000ULL | 0x4000ULL;	/* EE, and PR ignored */
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, MTMSRD(5, 1)));
	/* SF|EE|ME|IR|DR, RI cleared because r5 has no RI */
	EXPECT_EQ(0x8000000000009030ULL, t.g.msr);
	EXPECT_EQ(0x2004, t.g.pc);
}

TEST(msr_mtmsrd_to_problem_state_sets_ee_ir_dr)
{
	struct eg t;

	eg_init(&t, EG_POWER8, 0x8000000000001000ULL, 0x2000);
	t.g.gpr[9] = 0x8000000000004000ULL;	/* SF|PR */
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, MTMSRD(9, 0)));
	EXPECT_EQ(0x800000000000d030ULL, t.g.msr);
}

TEST(msr_mtmsr_on_750_sets_msr)
{
	struct eg t;

	eg_init(&t, EG_750, 0, 0x3000);
	EXPECT_EQ(0x7c600124, MTMSR(3, 0));	/* mtmsr r3 by hand */
	t.g.gpr[3] = 0x9032;			/* EE|ME|IR|DR|RI */
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, MTMSR(3, 0)));
	EXPECT_EQ(0x9032ULL, t.g.msr);
	EXPECT_EQ(0x3004, t.g.pc);
}

TEST(msr_mtmsr_in_problem_state_is_privileged)
{
	struct eg t;

	eg_init(&t, EG_750, 0x4000, 0x3000);
	t.g.gpr[3] = 0;
	eg_expect_program(&t, eg_run(&t, MTMSR(3, 0)), B3PR_SRR1_PROG_PRIV);
	EXPECT_EQ(0x4000ULL, t.g.msr);
}

TEST(msr_mtmsrd_in_problem_state_is_privileged)
{
	struct eg t;

	eg_init(&t, EG_POWER8, 0x800000000000c030ULL, 0x3000);
	eg_expect_program(&t, eg_run(&t, MTMSRD(3, 1)), B3PR_SRR1_PROG_PRIV);
}

/* mtmsrd is a 64-bit instruction: illegal on a 32-bit CPU. */
TEST(msr_mtmsrd_on_750_is_illegal)
{
	struct eg t;

	eg_init(&t, EG_750, 0, 0x3000);
	eg_expect_program(&t, eg_run(&t, MTMSRD(3, 0)),
			  B3PR_SRR1_PROG_ILLEGAL);
}

/*
 * 970 MSR[POW]: power saving until an interrupt. The guest state is
 * final (POW reads 0 after the wake-up, PC past the mtmsrd) and the host
 * is asked to wait.
 */
TEST(msr_mtmsrd_pow_on_970_requests_idle)
{
	struct eg t;

	eg_init(&t, EG_970, KERNEL64, 0x4000);
	t.g.gpr[4] = KERNEL64 | 0x40000 | 0x8000;	/* + POW + EE */
	EXPECT_EQ(B3PR_NEEDS_HOST, eg_run(&t, MTMSRD(4, 0)));
	EXPECT_EQ(B3PR_HOST_IDLE, t.e.host);
	EXPECT_EQ(KERNEL64 | 0x8000, t.g.msr);
	EXPECT_EQ(0x4004, t.g.pc);
}

TEST(msr_mtmsr_pow_on_750_requests_idle)
{
	struct eg t;

	eg_init(&t, EG_750, 0x1032, 0x4000);
	t.g.gpr[4] = 0x49032;				/* POW|EE|ME|IR|DR|RI */
	EXPECT_EQ(B3PR_NEEDS_HOST, eg_run(&t, MTMSR(4, 0)));
	EXPECT_EQ(B3PR_HOST_IDLE, t.e.host);
	EXPECT_EQ(0x9032ULL, t.g.msr);
	EXPECT_EQ(0x4004, t.g.pc);
}

/* POWER8 has no MSR[POW] (bit 45 reserved): nothing to wait for. */
TEST(msr_mtmsrd_pow_on_power8_continues)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x4000);
	t.g.gpr[4] = KERNEL64 | 0x40000;
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, MTMSRD(4, 0)));
	EXPECT_EQ(KERNEL64, t.g.msr);
}

/* ISA III-S 3.3.1: NIA <- SRR0 0:61 || 0b00, MSR from SRR1. */
TEST(msr_rfid_returns_to_srr0)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x5000);
	t.g.srr0 = 0xc000000000012340ULL;
	t.g.srr1 = 0x800000000000b033ULL;	/* SF|EE|FP|ME|IR|DR|RI|LE */
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, RFID));
	EXPECT_EQ(0xc000000000012340ULL, t.g.pc);
	EXPECT_EQ(0x800000000000b033ULL, t.g.msr);
}

/* rfid to SF=0: "iea" clears the high 32 bits of the new PC. */
TEST(msr_rfid_to_32bit_clears_pc_high_bits)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x5000);
	t.g.srr0 = 0xc000000000012340ULL;
	t.g.srr1 = 0x9030;			/* EE|ME|IR|DR, SF=0 */
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, RFID));
	EXPECT_EQ(0x12340ULL, t.g.pc);
	EXPECT_EQ(0x9030ULL, t.g.msr);
}

TEST(msr_rfid_clears_low_pc_bits)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x5000);
	t.g.srr0 = 0x10000003ULL;
	t.g.srr1 = 0x8000000000001032ULL;
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, RFID));
	EXPECT_EQ(0x10000000ULL, t.g.pc);
}

TEST(msr_rfid_to_problem_state_forces_ee_ir_dr)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x5000);
	t.g.srr0 = 0x10000000ULL;
	t.g.srr1 = 0x8000000000004000ULL;	/* SF|PR only */
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, RFID));
	/* SF|EE|PR|ME(kept)|IR|DR */
	EXPECT_EQ(0x800000000000d030ULL, t.g.msr);
}

TEST(msr_rfid_cannot_enter_hypervisor_state)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x5000);
	t.g.srr1 = 0x9000000000001032ULL;	/* HV|SF|ME|IR|DR|RI */
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, RFID));
	EXPECT_EQ(KERNEL64, t.g.msr);
}

TEST(msr_rfid_in_problem_state_is_privileged)
{
	struct eg t;

	eg_init(&t, EG_POWER8, 0x800000000000c030ULL, 0x5000);
	t.g.srr0 = 0x1234;
	eg_expect_program(&t, eg_run(&t, RFID), B3PR_SRR1_PROG_PRIV);
	EXPECT_EQ(0x800000000000c030ULL, t.g.msr);
}

TEST(msr_rfid_on_7400_is_illegal)
{
	struct eg t;

	eg_init(&t, EG_7400, 0x1032, 0x5000);
	eg_expect_program(&t, eg_run(&t, RFID), B3PR_SRR1_PROG_ILLEGAL);
}

/* hrfid is hypervisor privileged; the guest is never in HV state. */
TEST(msr_hrfid_in_supervisor_state_is_privileged)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x6000);
	t.g.gpr[0] = 0;
	eg_expect_program(&t, eg_run(&t, HRFID), B3PR_SRR1_PROG_PRIV);
	EXPECT_EQ(KERNEL64, t.g.msr);
}

TEST(msr_hrfid_on_970_is_privileged)
{
	struct eg t;

	eg_init(&t, EG_970, KERNEL64, 0x6000);
	eg_expect_program(&t, eg_run(&t, HRFID), B3PR_SRR1_PROG_PRIV);
}

TEST(msr_hrfid_on_750_is_illegal)
{
	struct eg t;

	eg_init(&t, EG_750, 0x1032, 0x6000);
	eg_expect_program(&t, eg_run(&t, HRFID), B3PR_SRR1_PROG_ILLEGAL);
}

/* PEM rfi: NIA <- SRR0 0:29 || 0b00; MSR bits from SRR1. */
TEST(msr_rfi_on_750_returns_to_srr0)
{
	struct eg t;

	eg_init(&t, EG_750, 0x1032, 0x7000);
	t.g.srr0 = 0xc0003007ULL;
	t.g.srr1 = 0xd032;			/* EE|PR|ME|IR|DR|RI */
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, RFI));
	EXPECT_EQ(0xc0003004ULL, t.g.pc);
	EXPECT_EQ(0xd032ULL, t.g.msr);
}

TEST(msr_rfi_on_750_keeps_ile)
{
	struct eg t;

	eg_init(&t, EG_750, 0x11032, 0x7000);	/* ILE|ME|IR|DR|RI */
	t.g.srr0 = 0x100;
	t.g.srr1 = 0x1030;			/* ME|IR|DR */
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, RFI));
	EXPECT_EQ(0x11030ULL, t.g.msr);
}

/* rfi left the architecture for 64-bit server CPUs: illegal there. */
TEST(msr_rfi_on_power8_is_illegal)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x7000);
	eg_expect_program(&t, eg_run(&t, RFI), B3PR_SRR1_PROG_ILLEGAL);
}

TEST(msr_rfi_on_970_is_illegal)
{
	struct eg t;

	eg_init(&t, EG_970, KERNEL64, 0x7000);
	eg_expect_program(&t, eg_run(&t, RFI), B3PR_SRR1_PROG_ILLEGAL);
}

TEST(msr_rfi_in_problem_state_is_privileged)
{
	struct eg t;

	eg_init(&t, EG_7455, 0x4000, 0x7000);
	eg_expect_program(&t, eg_run(&t, RFI), B3PR_SRR1_PROG_PRIV);
}

/* Power-saving instructions: hypervisor privileged (ISA III-S 3.3.2). */
TEST(msr_nap_on_power8_is_privileged)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x8000);
	/* nap = 19/434: 0x4c000000 | 434 << 1 = 0x4c000364 */
	eg_expect_program(&t, eg_run(&t, 0x4c000364), B3PR_SRR1_PROG_PRIV);
}

TEST(msr_nap_on_970_is_illegal)
{
	struct eg t;

	eg_init(&t, EG_970, KERNEL64, 0x8000);
	eg_expect_program(&t, eg_run(&t, 0x4c000364), B3PR_SRR1_PROG_ILLEGAL);
}
