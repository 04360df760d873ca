// SPDX-License-Identifier: GPL-2.0
/*
 * BAT registers through mtspr/mfspr (PEM 7.4.1, Table 2-1): IBATnU/L at
 * 528 + 2n / 529 + 2n and DBATnU/L at 536 + 2n / 537 + 2n for n = 0-3;
 * n = 4-7 at 560 + 2(n-4) (IBAT) and 568 + 2(n-4) (DBAT), only on CPUs
 * with eight BAT pairs (750FX/GX, 7455 and later).
 */
#include "spr_fixture.h"

TEST(spr_bat_ibat0u_stored_in_upper)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_750);
	EXPECT_EQ(B3PR_NEEDS_HOST, spr_fx_mtspr(&fx, 528, 0x80001ffe));
	EXPECT_EQ(0x80001ffe, fx.g.ibat[0].upper);
	EXPECT_EQ(0, fx.g.ibat[0].lower);
}

TEST(spr_bat_write_reports_sprn_to_host)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_750);
	spr_fx_mtspr(&fx, 541, 0x12);
	EXPECT_EQ(B3PR_HOST_BAT_CHANGED, fx.e.host);
	EXPECT_EQ(541, fx.e.arg0);
	EXPECT_EQ(START_PC + 4, fx.g.pc);
}

TEST(spr_bat_ibat0l_stored_in_lower)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_750);
	spr_fx_mtspr(&fx, 529, 0x00000012);
	EXPECT_EQ(0x12, fx.g.ibat[0].lower);
	EXPECT_EQ(0, fx.g.ibat[0].upper);
}

TEST(spr_bat_dbat3l_is_543)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_7400);
	spr_fx_mtspr(&fx, 543, 0xf0000002);
	EXPECT_EQ(0xf0000002, fx.g.dbat[3].lower);
}

TEST(spr_bat_low_bats_land_in_their_slots)
{
	struct spr_fx fx;
	unsigned int sprn, n;

	/* write every low BAT SPR with its own number, then look */
	spr_fx_init(&fx, PVR_750);
	for (sprn = 528; sprn <= 543; sprn++)
		spr_fx_mtspr(&fx, sprn, sprn);
	for (n = 0; n < 4; n++) {
		EXPECT_EQ(528 + 2 * n, fx.g.ibat[n].upper);
		EXPECT_EQ(529 + 2 * n, fx.g.ibat[n].lower);
		EXPECT_EQ(536 + 2 * n, fx.g.dbat[n].upper);
		EXPECT_EQ(537 + 2 * n, fx.g.dbat[n].lower);
	}
	for (n = 4; n < 8; n++) {
		EXPECT_EQ(0, fx.g.ibat[n].upper);
		EXPECT_EQ(0, fx.g.dbat[n].lower);
	}
}

TEST(spr_bat_low_bats_read_back)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_7450);
	fx.g.dbat[2].upper = 0xc0001ffe;
	EXPECT_DONE(&fx, spr_fx_mfspr(&fx, 540));
	EXPECT_EQ(0xc0001ffe, fx.g.gpr[5]);
}

TEST(spr_bat_high_bats_absent_on_750)
{
	struct spr_fx fx;

	/* the plain 750 has 4 pairs: 560 is an invalid SPR (illegal) */
	spr_fx_init(&fx, PVR_750);
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 560, 0x1ffe), SRR1_ILLEGAL);
	EXPECT_EQ(0, fx.g.ibat[4].upper);
	EXPECT_EQ(0, fx.g.ibat[0].upper);
}

TEST(spr_bat_high_bats_absent_on_7450)
{
	struct spr_fx fx;

	/* 7450 (PVR 0x8000) has 4 pairs; the 7455 (0x8001) has 8 */
	spr_fx_init(&fx, PVR_7450);
	EXPECT_PROGRAM(&fx, spr_fx_mfspr(&fx, 575), SRR1_ILLEGAL);
}

TEST(spr_bat_ibat4u_on_7455)
{
	struct spr_fx fx;

	/* IBAT4U (560) is ibat[4], not ibat[0] */
	spr_fx_init(&fx, PVR_7455);
	EXPECT_EQ(B3PR_NEEDS_HOST, spr_fx_mtspr(&fx, 560, 0xa0001ffe));
	EXPECT_EQ(0xa0001ffe, fx.g.ibat[4].upper);
	EXPECT_EQ(0, fx.g.ibat[0].upper);
	EXPECT_EQ(560, fx.e.arg0);
}

TEST(spr_bat_ibat7l_on_7455)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_7455);
	spr_fx_mtspr(&fx, 567, 0x0000002a);
	EXPECT_EQ(0x2a, fx.g.ibat[7].lower);
	EXPECT_EQ(0, fx.g.ibat[3].lower);
}

TEST(spr_bat_dbat4u_on_7455)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_7455);
	spr_fx_mtspr(&fx, 568, 0xb0000ffe);
	EXPECT_EQ(0xb0000ffe, fx.g.dbat[4].upper);
	EXPECT_EQ(0, fx.g.dbat[0].upper);
	EXPECT_EQ(0, fx.g.ibat[4].upper);
}

TEST(spr_bat_dbat7l_on_7455)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_7455);
	spr_fx_mtspr(&fx, 575, 0x00000032);
	EXPECT_EQ(0x32, fx.g.dbat[7].lower);
}

TEST(spr_bat_high_bats_land_in_their_slots)
{
	struct spr_fx fx;
	unsigned int sprn, n;

	spr_fx_init(&fx, PVR_7455);
	for (sprn = 560; sprn <= 575; sprn++)
		spr_fx_mtspr(&fx, sprn, sprn);
	for (n = 0; n < 4; n++) {
		EXPECT_EQ(0, fx.g.ibat[n].upper);
		EXPECT_EQ(0, fx.g.dbat[n].lower);
	}
	for (n = 4; n < 8; n++) {
		EXPECT_EQ(560 + 2 * (n - 4), fx.g.ibat[n].upper);
		EXPECT_EQ(561 + 2 * (n - 4), fx.g.ibat[n].lower);
		EXPECT_EQ(568 + 2 * (n - 4), fx.g.dbat[n].upper);
		EXPECT_EQ(569 + 2 * (n - 4), fx.g.dbat[n].lower);
	}
}

TEST(spr_bat_high_bats_read_back_on_7455)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_7455);
	fx.g.dbat[6].lower = 0x10000012;
	EXPECT_DONE(&fx, spr_fx_mfspr(&fx, 573));
	EXPECT_EQ(0x10000012, fx.g.gpr[5]);
}

TEST(spr_bat_high_bats_on_750fx)
{
	struct spr_fx fx;

	/* 750FX UM: IBAT4-7/DBAT4-7 behind HID2[HBE] */
	spr_fx_init(&fx, PVR_750FX);
	EXPECT_EQ(0x1ffe, spr_fx_round_trip(&fx, 562, 0x1ffe));
	EXPECT_EQ(0x1ffe, fx.g.ibat[5].upper);
}

TEST(spr_bat_value_truncated_to_32_bits)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_750);
	spr_fx_mtspr(&fx, 530, 0xffffffff80001ffeULL);
	EXPECT_EQ(0x80001ffe, fx.g.ibat[1].upper);
}

TEST(spr_bat_privileged_in_user_mode)
{
	struct spr_fx fx;

	/* 528 = 0x210 has spr0=1 */
	spr_fx_init(&fx, PVR_750);
	spr_fx_user(&fx);
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 528, 1), SRR1_PRIV);
	EXPECT_EQ(0, fx.g.ibat[0].upper);
	fx.g.pc = START_PC;
	EXPECT_PROGRAM(&fx, spr_fx_mfspr(&fx, 529), SRR1_PRIV);
}

TEST(spr_bat_absent_on_64bit_cpu)
{
	struct spr_fx fx;

	/* the 970 has no BATs: 528 is undefined, spr0=1 -> no-op */
	spr_fx_init(&fx, PVR_970);
	EXPECT_DONE(&fx, spr_fx_mtspr(&fx, 528, 1));
	EXPECT_EQ(0, fx.g.ibat[0].upper);
}
