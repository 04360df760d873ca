// SPDX-License-Identifier: GPL-2.0
/*
 * Time base writes by 32-bit guests: mttbl (SPR 284) and mttbu (285) in
 * supervisor state (PEM 2.2 Time Base, 8.2 mtspr; 750 and 7450 user's
 * manuals). PEM 2.2: TB is one 64-bit counter, TBU bits 0:31 and TBL
 * bits 32:63; a carry out of TBL increments TBU; mttbl writes TBL only
 * and mttbu TBU only, which is why the PEM's sequence for a 64-bit write
 * is mttbl 0; mttbu U; mttbl L (no carry can slip in between).
 *
 * The architected rule applies where the guest's TB can be offset
 * (e->tb_is_host false). Where the guest's native mftb reads the host TB
 * (e->tb_is_host, every host b3pr runs on), the write is not applied and
 * the host is told (B3PR_HOST_TB_IGNORED), PC past the mtspr.
 */
#include "spr_fixture.h"

/* mftb r3 (TBR 268) or mftbu r3 (269) through the emulator. */
static u64 read_tb(struct spr_fx *fx, unsigned int tbr)
{
	fx->e.insn = mftb_insn(3, tbr);
	b3pr_emul_mftb(&fx->e);
	return fx->g.gpr[3];
}

/*
 * mttbl 0, mttbu 0x1234, mttbl 0x100 at host TB 0x9_87654321: guest TB
 * 0x00001234_00000100, read back 0x1234 / 0x100 at the same host TB and
 * 0x100 + 5 five ticks later.
 */
TEST(tb32_pem_write_sequence)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_750);
	fx.e.host_tb = 0x987654321ULL;
	EXPECT_DONE(&fx, spr_fx_mtspr(&fx, 284, 0));
	fx.g.pc = START_PC;
	spr_fx_mtspr(&fx, 285, 0x1234);
	fx.g.pc = START_PC;
	spr_fx_mtspr(&fx, 284, 0x100);
	EXPECT_EQ(0x1234, read_tb(&fx, 269));
	EXPECT_EQ(0x100, read_tb(&fx, 268));
	fx.e.host_tb += 5;
	EXPECT_EQ(0x105, read_tb(&fx, 268));
	EXPECT_EQ(0x1234, read_tb(&fx, 269));
}

/*
 * mttbl keeps TBU even when the value written is below the old TBL (no
 * borrow): TB 0x5_fffffff0, mttbl 0x10 -> 0x5_00000010.
 */
TEST(tb32_mttbl_keeps_tbu)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_7450);
	fx.e.host_tb = 0x5fffffff0ULL;
	spr_fx_mtspr(&fx, 284, 0x10);
	EXPECT_EQ(5, read_tb(&fx, 269));
	EXPECT_EQ(0x10, read_tb(&fx, 268));
}

/* mttbu keeps TBL: TB 0x5_00000010, mttbu 9 -> 0x9_00000010. */
TEST(tb32_mttbu_keeps_tbl)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_7400);
	fx.e.host_tb = 0x500000010ULL;
	spr_fx_mtspr(&fx, 285, 9);
	EXPECT_EQ(9, read_tb(&fx, 269));
	EXPECT_EQ(0x10, read_tb(&fx, 268));
}

/*
 * The carry: mttbl 0xffffffff with TBU 7; one tick later TBL wraps to 0
 * and TBU reads 8 (PEM 2.2, TB counts as one 64-bit register).
 */
TEST(tb32_tbl_carries_into_tbu)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_750);
	fx.e.host_tb = 0x7000000aaULL;
	spr_fx_mtspr(&fx, 284, 0xffffffff);
	EXPECT_EQ(7, read_tb(&fx, 269));
	fx.e.host_tb += 1;
	EXPECT_EQ(0, read_tb(&fx, 268));
	EXPECT_EQ(8, read_tb(&fx, 269));
}

/* Only bits 32:63 of RS are written (the SPRs are 32 bits wide). */
TEST(tb32_mttbu_uses_low_word)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_750);
	fx.e.host_tb = 0x100000000ULL;
	spr_fx_mtspr(&fx, 285, 0xabcdef0000000003ULL);
	EXPECT_EQ(3, read_tb(&fx, 269));
}

/*
 * With the TB the host's: mttbl 0x100 leaves tb_offset 0 and DEC alone,
 * steps past the mtspr and asks the host to count it (arg0 = 284,
 * arg1 = the value).
 */
TEST(tb32_write_ignored_when_tb_is_host)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_750);
	fx.e.tb_is_host = true;
	fx.e.host_tb = 0x500000010ULL;
	fx.g.dec_expires = 0x500001010ULL;	/* DEC = 0x1000 */
	EXPECT_EQ(B3PR_NEEDS_HOST, spr_fx_mtspr(&fx, 284, 0x100));
	EXPECT_EQ(B3PR_HOST_TB_IGNORED, fx.e.host);
	EXPECT_EQ(284, fx.e.arg0);
	EXPECT_EQ(0x100, fx.e.arg1);
	EXPECT_EQ(START_PC + 4, fx.g.pc);
	EXPECT_EQ(0, fx.g.tb_offset);
	EXPECT_EQ(0x1000, b3pr_guest_dec(&fx.g, fx.e.host_tb));
	EXPECT_EQ(0x10, read_tb(&fx, 268));
	EXPECT_EQ(5, read_tb(&fx, 269));
}

TEST(tb32_mttbu_ignored_when_tb_is_host)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_7455);
	fx.e.tb_is_host = true;
	EXPECT_EQ(B3PR_NEEDS_HOST, spr_fx_mtspr(&fx, 285, 0x1234));
	EXPECT_EQ(B3PR_HOST_TB_IGNORED, fx.e.host);
	EXPECT_EQ(285, fx.e.arg0);
	EXPECT_EQ(0, fx.g.tb_offset);
}

/* Privilege comes first: problem state still gets the program interrupt. */
TEST(tb32_ignored_write_still_privileged)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_750);
	fx.e.tb_is_host = true;
	spr_fx_user(&fx);
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 284, 0), SRR1_PRIV);
}

/* Other SPRs are written as ever: SPRG0 is not a TB write. */
TEST(tb32_tb_is_host_leaves_other_sprs)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_750);
	fx.e.tb_is_host = true;
	EXPECT_DONE(&fx, spr_fx_mtspr(&fx, 272, 0x42));
	EXPECT_EQ(0x42, fx.g.sprg[0]);
}
