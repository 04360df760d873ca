// SPDX-License-Identifier: GPL-2.0
/*
 * Time base and decrementer: guest TB = host TB + tb_offset; DEC is a
 * 32-bit signed count that passes 0 at dec_expires (guest TB).
 * Power ISA v2.07 Book II 5.2 (mftb), Book III-S 7.2-7.3 (TB, DEC);
 * PEM 2.2 and 8.2 for the 32-bit CPUs.
 */
#include "spr_fixture.h"

/* ---- reading the time base ---- */

TEST(tb_mftb_reads_host_plus_offset)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER8);
	fx.g.tb_offset = 500;
	fx.e.host_tb = 1000;
	fx.e.insn = mftb_insn(7, 268);
	EXPECT_DONE(&fx, b3pr_emul_mftb(&fx.e));
	EXPECT_EQ(1500, fx.g.gpr[7]);
}

TEST(tb_mftb_negative_offset)
{
	struct spr_fx fx;

	/* a guest started later than the host: 0x10000 - 0x100 */
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.tb_offset = -0x10000;
	fx.e.host_tb = 0x10100;
	fx.e.insn = mftb_insn(7, 268);
	b3pr_emul_mftb(&fx.e);
	EXPECT_EQ(0x100, fx.g.gpr[7]);
}

TEST(tb_mftb_full_64_bits_in_64bit_mode)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_970);
	fx.e.host_tb = 0x123456789abcdef0ULL;
	fx.e.insn = mftb_insn(3, 268);
	b3pr_emul_mftb(&fx.e);
	EXPECT_EQ(0x123456789abcdef0ULL, fx.g.gpr[3]);
}

TEST(tb_mftbu_reads_high_word)
{
	struct spr_fx fx;

	/* TBU is TB bits 0:31 */
	spr_fx_init(&fx, PVR_POWER8);
	fx.e.host_tb = 0x123456789abcdef0ULL;
	fx.e.insn = mftb_insn(3, 269);
	EXPECT_DONE(&fx, b3pr_emul_mftb(&fx.e));
	EXPECT_EQ(0x12345678, fx.g.gpr[3]);
}

TEST(tb_mftb_low_word_in_32bit_mode)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER8);
	fx.g.msr = 0;
	fx.e.host_tb = 0x123456789abcdef0ULL;
	fx.e.insn = mftb_insn(3, 268);
	b3pr_emul_mftb(&fx.e);
	EXPECT_EQ(0x9abcdef0, fx.g.gpr[3]);
}

TEST(tb_mftb_low_word_on_32bit_cpu)
{
	struct spr_fx fx;

	/* PEM 8.2 mftb: TBR 268 is TBL */
	spr_fx_init(&fx, PVR_750);
	fx.e.host_tb = 0x0000000500000010ULL;
	fx.e.insn = mftb_insn(3, 268);
	b3pr_emul_mftb(&fx.e);
	EXPECT_EQ(0x10, fx.g.gpr[3]);
	fx.e.insn = mftb_insn(3, 269);
	b3pr_emul_mftb(&fx.e);
	EXPECT_EQ(5, fx.g.gpr[3]);
}

TEST(tb_mftb_invalid_tbr_illegal)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER8);
	fx.e.insn = mftb_insn(3, 270);
	EXPECT_PROGRAM(&fx, b3pr_emul_mftb(&fx.e), SRR1_ILLEGAL);
}

TEST(tb_mftb_allowed_in_problem_state)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_7450);
	spr_fx_user(&fx);
	fx.e.host_tb = 77;
	fx.e.insn = mftb_insn(3, 268);
	EXPECT_DONE(&fx, b3pr_emul_mftb(&fx.e));
	EXPECT_EQ(77, fx.g.gpr[3]);
}

TEST(tb_mftb_decoded_from_instruction)
{
	struct spr_fx fx;

	/* mftb r3 assembles to 0x7c6c42e6 (TBR 268) */
	spr_fx_init(&fx, PVR_POWER8);
	fx.e.host_tb = 42;
	fx.e.insn = 0x7c6c42e6u;
	EXPECT_DONE(&fx, b3pr_emulate(&fx.e));
	EXPECT_EQ(42, fx.g.gpr[3]);
}

TEST(tb_mfspr_268_reads_tb_on_power8)
{
	struct spr_fx fx;

	/* v2.07: mfspr 268/269 read TB/TBU in any state */
	spr_fx_init(&fx, PVR_POWER8);
	spr_fx_user(&fx);
	fx.g.tb_offset = 1;
	fx.e.host_tb = 0x100000002ULL;
	EXPECT_DONE(&fx, spr_fx_mfspr(&fx, 268));
	EXPECT_EQ(0x100000003ULL, fx.g.gpr[5]);
	fx.g.pc = START_PC;
	spr_fx_mfspr(&fx, 269);
	EXPECT_EQ(1, fx.g.gpr[5]);
}

TEST(tb_mfspr_268_invalid_on_750)
{
	struct spr_fx fx;

	/* 750 UM: TB is read with mftb only; mfspr 268 is invalid */
	spr_fx_init(&fx, PVR_750);
	EXPECT_PROGRAM(&fx, spr_fx_mfspr(&fx, 268), SRR1_ILLEGAL);
}

/* ---- writing the time base ---- */

TEST(tb_mttbl_hv_only_on_power8)
{
	struct spr_fx fx;

	/* ISA 7.2: TBL (284) is written in hypervisor state only */
	spr_fx_init(&fx, PVR_POWER8);
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 284, 0), SRR1_PRIV);
	EXPECT_EQ(0, fx.g.tb_offset);
}

TEST(tb_mttbu_hv_only_on_papr_970)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_970);
	fx.g.papr_enabled = true;
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 285, 0), SRR1_PRIV);
}

TEST(tb_mttbl_sets_low_word_on_750)
{
	struct spr_fx fx;

	/*
	 * host TB 0x5_00000010, guest TB equal; mttbl 0x100 -> guest TB
	 * 0x5_00000100, so tb_offset = 0xf0.
	 */
	spr_fx_init(&fx, PVR_750);
	fx.e.host_tb = 0x0000000500000010ULL;
	EXPECT_DONE(&fx, spr_fx_mtspr(&fx, 284, 0x100));
	EXPECT_EQ(0xf0, fx.g.tb_offset);
}

TEST(tb_mttbu_sets_high_word_on_750)
{
	struct spr_fx fx;

	/* guest TB 0x5_00000010 -> mttbu 7 -> 0x7_00000010: +0x2_00000000 */
	spr_fx_init(&fx, PVR_750);
	fx.e.host_tb = 0x0000000500000010ULL;
	spr_fx_mtspr(&fx, 285, 7);
	EXPECT_EQ(0x200000000LL, fx.g.tb_offset);
}

TEST(tb_mttbl_then_mftb_reads_value)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_7400);
	fx.g.tb_offset = 12345;
	fx.e.host_tb = 0x99999999ULL;
	spr_fx_mtspr(&fx, 284, 0xabcd);
	fx.e.insn = mftb_insn(3, 268);
	b3pr_emul_mftb(&fx.e);
	EXPECT_EQ(0xabcd, fx.g.gpr[3]);
}

TEST(tb_mttbl_privileged_in_user_mode_750)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_750);
	spr_fx_user(&fx);
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 284, 0), SRR1_PRIV);
}

TEST(tb_write_keeps_dec_value)
{
	struct spr_fx fx;

	/* DEC counts independently: moving TB must not move DEC (PEM 2.2) */
	spr_fx_init(&fx, PVR_750);
	fx.e.host_tb = 1000;
	fx.g.dec_expires = 1500;		/* DEC = 500 */
	spr_fx_mtspr(&fx, 284, 50000);
	EXPECT_EQ(500, b3pr_guest_dec(&fx.g, 1000));
}

TEST(tb_mfspr_of_write_number_is_noop_on_power8)
{
	struct spr_fx fx;

	/* 284 is not defined for mfspr; spr0=1, privileged: no-op */
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.gpr[5] = 3;
	EXPECT_DONE(&fx, spr_fx_mfspr(&fx, 284));
	EXPECT_EQ(3, fx.g.gpr[5]);
}

/* ---- the decrementer ---- */

TEST(dec_mtdec_sets_expiry)
{
	struct spr_fx fx;

	/* guest TB 5000 + 100 = 5100; DEC 1000 -> zero at 6100 */
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.tb_offset = 100;
	fx.e.host_tb = 5000;
	EXPECT_EQ(B3PR_NEEDS_HOST, spr_fx_mtspr(&fx, 22, 1000));
	EXPECT_EQ(6100, fx.g.dec_expires);
}

TEST(dec_mtdec_asks_host_to_rearm)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_750);
	spr_fx_mtspr(&fx, 22, 1000);
	EXPECT_EQ(B3PR_HOST_DEC_CHANGED, fx.e.host);
	EXPECT_EQ(START_PC + 4, fx.g.pc);
}

TEST(dec_mfdec_counts_down)
{
	struct spr_fx fx;

	/* written 1000 at host TB 5000, read at 5300: 700 left */
	spr_fx_init(&fx, PVR_POWER8);
	fx.e.host_tb = 5000;
	spr_fx_mtspr(&fx, 22, 1000);
	fx.e.host_tb = 5300;
	spr_fx_mfspr(&fx, 22);
	EXPECT_EQ(700, fx.g.gpr[5]);
}

TEST(dec_mtdec_negative_value)
{
	struct spr_fx fx;

	/* DEC = 0xffffffff is -1: expired one tick ago */
	spr_fx_init(&fx, PVR_POWER8);
	fx.e.host_tb = 5000;
	spr_fx_mtspr(&fx, 22, 0xffffffff);
	EXPECT_EQ(4999, fx.g.dec_expires);
	spr_fx_mfspr(&fx, 22);
	EXPECT_EQ(0xffffffff, fx.g.gpr[5]);
}

TEST(dec_mfdec_wraps_negative_after_zero)
{
	struct spr_fx fx;

	/* 10 ticks set, 30 passed: -20 = 0xffffffec, high word zero */
	spr_fx_init(&fx, PVR_POWER8);
	fx.e.host_tb = 100;
	spr_fx_mtspr(&fx, 22, 10);
	fx.e.host_tb = 130;
	spr_fx_mfspr(&fx, 22);
	EXPECT_EQ(0xffffffecULL, fx.g.gpr[5]);
}

TEST(dec_mtdec_uses_low_32_bits_of_rs)
{
	struct spr_fx fx;

	/* RS bits 32:63 = 0x10: positive 16, whatever bits 0:31 hold */
	spr_fx_init(&fx, PVR_POWER8);
	fx.e.host_tb = 1000;
	spr_fx_mtspr(&fx, 22, 0xffffffff00000010ULL);
	EXPECT_EQ(1016, fx.g.dec_expires);
}

TEST(dec_largest_positive_value)
{
	struct spr_fx fx;

	/* 0x7fffffff is the largest count before the sign flips */
	spr_fx_init(&fx, PVR_7450);
	fx.e.host_tb = 0;
	spr_fx_mtspr(&fx, 22, 0x7fffffff);
	EXPECT_EQ(0x7fffffffULL, fx.g.dec_expires);
	EXPECT_FALSE(b3pr_guest_dec_expired(&fx.g, 0x7fffffff));
	EXPECT_TRUE(b3pr_guest_dec_expired(&fx.g, 0x80000000ULL));
}

TEST(dec_follows_tb_offset)
{
	struct spr_fx fx;

	/* the same host TB, a different guest TB: dec_expires in guest TB */
	spr_fx_init(&fx, PVR_POWER7);
	fx.g.tb_offset = -4000;
	fx.e.host_tb = 5000;
	spr_fx_mtspr(&fx, 22, 10);
	EXPECT_EQ(1010, fx.g.dec_expires);
}

TEST(dec_privileged_in_problem_state)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER8);
	spr_fx_user(&fx);
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 22, 1), SRR1_PRIV);
	fx.g.pc = START_PC;
	EXPECT_PROGRAM(&fx, spr_fx_mfspr(&fx, 22), SRR1_PRIV);
	EXPECT_EQ(0, fx.g.dec_expires);
}

TEST(dec_expired_when_sign_bit_set)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER8);
	fx.g.dec_expires = 100;
	EXPECT_FALSE(b3pr_guest_dec_expired(&fx.g, 99));
	EXPECT_FALSE(b3pr_guest_dec_expired(&fx.g, 100));
	EXPECT_TRUE(b3pr_guest_dec_expired(&fx.g, 101));
}

TEST(dec_one_reg_round_trip)
{
	struct spr_fx fx;
	u64 v = 0;

	spr_fx_init(&fx, PVR_POWER8);
	EXPECT_EQ(B3PR_SPR_OK, b3pr_spr_set(&fx.g, 22, 2000, 300));
	EXPECT_EQ(2300, fx.g.dec_expires);
	EXPECT_EQ(B3PR_SPR_OK, b3pr_spr_get(&fx.g, 22, 2100, &v));
	EXPECT_EQ(200, v);
}
