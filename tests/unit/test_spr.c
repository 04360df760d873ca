// SPDX-License-Identifier: GPL-2.0
/*
 * mfspr/mtspr: decoding, which SPR exists where, privilege, storage.
 * Power ISA v2.07 Book III-S 4.4.4 and Figure 18; PEM 2.1 and 8.2.
 */
#include "spr_fixture.h"

/* ---- the SPR field: halves swapped (ISA Book I 3.3.17, mfspr) ---- */

TEST(spr_sprn_field_mflr_encoding)
{
	/* mflr r0 assembles to 0x7c0802a6: LR is SPR 8, RT 0 */
	EXPECT_EQ(8, B3PR_SPRN(0x7c0802a6u));
	EXPECT_EQ(0, B3PR_RT(0x7c0802a6u));
}

TEST(spr_sprn_field_mfsprg0_encoding)
{
	/* mfsprg r3,0 = 0x7c7042a6: SPR 272 = 0b01000_10000 -> 0x10, 0x08 */
	EXPECT_EQ(272, B3PR_SPRN(0x7c7042a6u));
	EXPECT_EQ(3, B3PR_RT(0x7c7042a6u));
}

TEST(spr_sprn_field_mtibatu_encoding)
{
	/* mtibatu 0,r4 = mtspr 528,r4 = 0x7c9083a6 */
	EXPECT_EQ(528, B3PR_SPRN(0x7c9083a6u));
	EXPECT_EQ(4, B3PR_RS(0x7c9083a6u));
}

TEST(spr_sprn_field_high_half_only)
{
	/* SPR 1023: both halves all ones; SPR 992 = 0b11111_00000 */
	EXPECT_EQ(1023, B3PR_SPRN(mfspr_insn(0, 1023)));
	EXPECT_EQ(992, B3PR_SPRN(mfspr_insn(0, 992)));
	EXPECT_EQ(31, B3PR_SPRN(mfspr_insn(0, 31)));
}

TEST(spr_emulate_routes_mfsprg0)
{
	struct spr_fx fx;

	/* through the decoder: 0x7c7042a6 is mfsprg r3,0 */
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.sprg[0] = 0xfeedface12345678ULL;
	fx.e.insn = 0x7c7042a6u;
	EXPECT_DONE(&fx, b3pr_emulate(&fx.e));
	EXPECT_EQ(0xfeedface12345678ULL, fx.g.gpr[3]);
}

/* ---- the table agrees with the ISA's spr0 rule ---- */

TEST(spr_table_privilege_follows_spr0_bit)
{
	/*
	 * ISA 4.4.4: "spr0=1 if and only if" the access is privileged, i.e.
	 * bit 0x10 of the SPR number. No row may make a 0x10 SPR
	 * user-accessible or an SPR without it privileged.
	 */
	static const unsigned int pvrs[] = {
		PVR_POWER8, PVR_POWER7, PVR_970, PVR_750, PVR_750FX,
		PVR_7400, PVR_7450, PVR_7455,
	};
	unsigned int i, n, bad = 0;

	for (i = 0; i < ARRAY_SIZE(pvrs); i++) {
		const struct b3pr_cpu_model *cpu =
			b3pr_cpu_model_for_pvr(pvrs[i]);

		for (n = 0; n < 1024; n++) {
			const struct b3pr_spr *s = b3pr_spr_lookup(cpu, n);
			bool priv = n & 0x10;

			if (!s)
				continue;
			if (priv && (s->read == B3PR_SPR_USER ||
				     s->write == B3PR_SPR_USER))
				bad++;
			if (!priv && (s->read > B3PR_SPR_USER ||
				      s->write > B3PR_SPR_USER))
				bad++;
			if (s->sprn != n)
				bad++;
		}
	}
	EXPECT_EQ(0, bad);
}

TEST(spr_lookup_names_sdr1)
{
	const struct b3pr_spr *s =
		b3pr_spr_lookup(b3pr_cpu_model_for_pvr(PVR_750), 25);

	EXPECT_TRUE(s && !strcmp(s->name, "SDR1"));
}

/* ---- round trips of every storage SPR a CPU has ---- */

struct rt_case {
	unsigned int sprn;
	bool is32;		/* architected 32 bits */
};

static void round_trip_all(unsigned int pvr, const struct rt_case *c,
			   unsigned int nr)
{
	const u64 val = 0x0123456789abcdefULL;
	struct spr_fx fx;
	unsigned int i;

	spr_fx_init(&fx, pvr);
	for (i = 0; i < nr; i++) {
		u64 want = c[i].is32 || !fx.g.cpu->is_64bit ?
				val & 0xffffffffULL : val;
		u64 got = spr_fx_round_trip(&fx, c[i].sprn, val ^ i);

		if (got != (want ^ i))
			unit_fail(__FILE__, __LINE__,
				  "PVR %08x SPR %u: expected 0x%llx, got 0x%llx",
				  pvr, c[i].sprn,
				  (unsigned long long)(want ^ i),
				  (unsigned long long)got);
	}
}

TEST(spr_round_trip_power8)
{
	/* ISA v2.07 Figure 18, privileged or user, not hypervisor */
	static const struct rt_case c[] = {
		{ 1 }, { 3 }, { 8 }, { 9 }, { 13 }, { 17 }, { 18, true },
		{ 19 }, { 26 }, { 27 }, { 28 }, { 29 }, { 61 }, { 153 },
		{ 157 }, { 159, true }, { 256, true }, { 272 }, { 273 },
		{ 274 }, { 275 }, { 785 }, { 786 }, { 787, true },
		{ 788, true }, { 789, true }, { 790, true }, { 791, true },
		{ 792, true }, { 795 }, { 796 }, { 797 }, { 798 }, { 804 },
		{ 805 }, { 806 }, { 815 }, { 896 },
	};

	round_trip_all(PVR_POWER8, c, ARRAY_SIZE(c));
}

TEST(spr_round_trip_power7)
{
	static const struct rt_case c[] = {
		{ 1 }, { 8 }, { 9 }, { 17 }, { 18, true }, { 19 }, { 26 },
		{ 27 }, { 28 }, { 29 }, { 157 }, { 256, true }, { 272 },
		{ 273 }, { 274 }, { 275 }, { 786 }, { 787, true },
		{ 792, true }, { 795 }, { 796 }, { 797 }, { 798 }, { 896 },
	};

	round_trip_all(PVR_POWER7, c, ARRAY_SIZE(c));
}

TEST(spr_round_trip_970)
{
	/* 970 UM: PMC1-8 at 787-794 */
	static const struct rt_case c[] = {
		{ 1 }, { 8 }, { 9 }, { 18, true }, { 19 }, { 26 }, { 27 },
		{ 256, true }, { 272 }, { 273 }, { 274 }, { 275 }, { 786 },
		{ 787, true }, { 793, true }, { 794, true }, { 795 },
		{ 796 }, { 797 }, { 798 },
	};

	round_trip_all(PVR_970, c, ARRAY_SIZE(c));
}

TEST(spr_round_trip_750)
{
	/* PEM Table 2-1 and 750CL UM: all 32 bits wide */
	static const struct rt_case c[] = {
		{ 1 }, { 8 }, { 9 }, { 18 }, { 19 }, { 25 }, { 26 }, { 27 },
		{ 272 }, { 273 }, { 274 }, { 275 }, { 282 }, { 528 },
		{ 543 }, { 912 }, { 919 }, { 920 }, { 952 }, { 953 },
		{ 954 }, { 955 }, { 956 }, { 957 }, { 958 }, { 959 },
		{ 1008 }, { 1010 }, { 1011 }, { 1013 }, { 1017 }, { 1019 },
		{ 1020 }, { 1021 }, { 1022 },
	};

	round_trip_all(PVR_750, c, ARRAY_SIZE(c));
}

TEST(spr_round_trip_7400)
{
	/* MPC7400 RM: PIR (OpenBIOS reads it at start-up), HID0/1, VRSAVE */
	static const struct rt_case c[] = {
		{ 256 }, { 1008 }, { 1009 }, { 1023 },
	};

	round_trip_all(PVR_7400, c, ARRAY_SIZE(c));
}

TEST(spr_round_trip_7450)
{
	/* MPC7450 RM: SPRG4-7, L3CR, PIR, MMCR2, PMC5/6, writable HID1 */
	static const struct rt_case c[] = {
		{ 256 }, { 276 }, { 277 }, { 278 }, { 279 }, { 944 },
		{ 945 }, { 946 }, { 1008 }, { 1009 }, { 1018 }, { 1023 },
	};

	round_trip_all(PVR_7450, c, ARRAY_SIZE(c));
}

/* ---- where values live ---- */

TEST(spr_srr0_srr1_stored_in_fields)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER8);
	spr_fx_mtspr(&fx, 26, 0xc000000000001234ULL);
	spr_fx_mtspr(&fx, 27, 0x8000000000001032ULL);
	EXPECT_EQ(0xc000000000001234ULL, fx.g.srr0);
	EXPECT_EQ(0x8000000000001032ULL, fx.g.srr1);
}

TEST(spr_sprg_n_stored_in_sprg_n)
{
	struct spr_fx fx;
	unsigned int n;

	/* SPRGn is SPR 272 + n */
	spr_fx_init(&fx, PVR_POWER8);
	for (n = 0; n < 4; n++)
		spr_fx_mtspr(&fx, 272 + n, 0x100 + n);
	for (n = 0; n < 4; n++)
		EXPECT_EQ(0x100 + n, fx.g.sprg[n]);
}

TEST(spr_dar_dsisr_stored_in_fields)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER7);
	spr_fx_mtspr(&fx, 19, 0xdeadbeef00000000ULL);
	spr_fx_mtspr(&fx, 18, 0x42000000);
	EXPECT_EQ(0xdeadbeef00000000ULL, fx.g.dar);
	EXPECT_EQ(0x42000000, fx.g.dsisr);
}

TEST(spr_gqr_n_stored_in_gqr_n)
{
	struct spr_fx fx;

	/* 750CL UM: GQRn is SPR 912 + n */
	spr_fx_init(&fx, PVR_750);
	spr_fx_mtspr(&fx, 915, 0x00070007);
	EXPECT_EQ(0x00070007, fx.g.gqr[3]);
	EXPECT_EQ(0, fx.g.gqr[2]);
}

TEST(spr_pmc_numbering_power8)
{
	struct spr_fx fx;

	/* ISA 9.4: PMC1 is SPR 787, so PMC2 (788) is pmc[1] */
	spr_fx_init(&fx, PVR_POWER8);
	spr_fx_mtspr(&fx, 788, 0x7fffffff);
	EXPECT_EQ(0x7fffffff, fx.g.pmc[1]);
}

TEST(spr_user_pmc_mirror_reads_pmc)
{
	struct spr_fx fx;

	/* ISA 9.4: UPMC1 (771) reads PMC1 in problem state */
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.pmc[0] = 1234;
	spr_fx_user(&fx);
	EXPECT_DONE(&fx, spr_fx_mfspr(&fx, 771));
	EXPECT_EQ(1234, fx.g.gpr[5]);
}

TEST(spr_user_mirror_32bit_cpu_reads_mmcr0)
{
	struct spr_fx fx;

	/* 750 UM 2.1.2: UMMCR0 (936) reads MMCR0 at user level */
	spr_fx_init(&fx, PVR_750);
	fx.g.mmcr[0] = 0x80000000;
	spr_fx_user(&fx);
	EXPECT_DONE(&fx, spr_fx_mfspr(&fx, 936));
	EXPECT_EQ(0x80000000, fx.g.gpr[5]);
}

TEST(spr_user_mirror_write_illegal_in_problem_state)
{
	struct spr_fx fx;

	/* UMMCR0 (779 = 0x30b, spr0=0) is read-only: ISA 4.4.4 -> illegal */
	spr_fx_init(&fx, PVR_POWER8);
	spr_fx_user(&fx);
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 779, 1), SRR1_ILLEGAL);
	EXPECT_EQ(0, fx.g.mmcr[0]);
}

TEST(spr_user_mirror_write_noop_in_supervisor)
{
	struct spr_fx fx;

	/* not defined for mtspr, spr0=0, not SPR 0: no-op (ISA 4.4.4) */
	spr_fx_init(&fx, PVR_POWER8);
	EXPECT_DONE(&fx, spr_fx_mtspr(&fx, 779, 1));
	EXPECT_EQ(0, fx.g.mmcr[0]);
}

/* ---- widths ---- */

TEST(spr_32bit_spr_truncated_on_64bit_cpu)
{
	struct spr_fx fx;

	/* DSISR is 32 bits: mtspr takes RS bits 32:63 */
	spr_fx_init(&fx, PVR_POWER8);
	spr_fx_mtspr(&fx, 18, 0xffffffff12345678ULL);
	EXPECT_EQ(0x12345678, fx.g.dsisr);
}

TEST(spr_32bit_spr_read_zero_extended)
{
	struct spr_fx fx;

	/* mfspr of a 32-bit SPR: RT bits 0:31 are 0 */
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.dsisr = 0x80000000;
	fx.g.gpr[5] = ~0ULL;
	spr_fx_mfspr(&fx, 18);
	EXPECT_EQ(0x80000000ULL, fx.g.gpr[5]);
}

TEST(spr_32bit_cpu_truncates_sprg)
{
	struct spr_fx fx;

	/* every 750 SPR is 32 bits wide (PEM 2.1) */
	spr_fx_init(&fx, PVR_750);
	spr_fx_mtspr(&fx, 272, 0x123456789ULL);
	EXPECT_EQ(0x23456789ULL, fx.g.sprg[0]);
}

TEST(spr_mfspr_full_width_in_32bit_mode)
{
	struct spr_fx fx;

	/* MSR[SF]=0 changes addressing, not the width of SRR0 */
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.msr = 0;
	fx.g.srr0 = 0x123456789aULL;
	spr_fx_mfspr(&fx, 26);
	EXPECT_EQ(0x123456789aULL, fx.g.gpr[5]);
}

TEST(spr_mfspr_advances_pc)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER8);
	EXPECT_DONE(&fx, spr_fx_mfspr(&fx, 26));
}

TEST(spr_mtspr_advances_pc)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_750);
	EXPECT_DONE(&fx, spr_fx_mtspr(&fx, 272, 1));
}

/* ---- privilege ---- */

TEST(spr_privileged_mfspr_from_problem_state)
{
	struct spr_fx fx;

	/* SRR0 (26, spr0=1) in problem state: privileged instruction */
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.srr0 = 0x1234;
	fx.g.gpr[5] = 7;
	spr_fx_user(&fx);
	EXPECT_PROGRAM(&fx, spr_fx_mfspr(&fx, 26), SRR1_PRIV);
	EXPECT_EQ(7, fx.g.gpr[5]);
}

TEST(spr_privileged_mtspr_from_problem_state)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER8);
	spr_fx_user(&fx);
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 272, 99), SRR1_PRIV);
	EXPECT_EQ(0, fx.g.sprg[0]);
}

TEST(spr_privileged_from_user_mode_32bit)
{
	struct spr_fx fx;

	/* PEM 6.4.7: user-level mtspr SDR1 -> privileged instruction */
	spr_fx_init(&fx, PVR_750);
	spr_fx_user(&fx);
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 25, 0x00ff0000), SRR1_PRIV);
	EXPECT_EQ(0, fx.g.sdr1);
}

TEST(spr_user_spr_from_problem_state)
{
	struct spr_fx fx;

	/* LR (8) and CTR (9) are problem-state registers */
	spr_fx_init(&fx, PVR_POWER8);
	spr_fx_user(&fx);
	EXPECT_DONE(&fx, spr_fx_mtspr(&fx, 8, 0x4000));
	EXPECT_EQ(0x4000, fx.g.lr);
}

TEST(spr_hv_only_mtspr_from_supervisor_is_privileged)
{
	struct spr_fx fx;

	/* LPCR (318) is a hypervisor resource: ISA 4.4.4, MSR[HV PR]=00 */
	spr_fx_init(&fx, PVR_POWER8);
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 318, 1), SRR1_PRIV);
	EXPECT_EQ(0, fx.g.lpcr);
}

TEST(spr_hv_only_mfspr_from_supervisor_is_privileged)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER8);
	EXPECT_PROGRAM(&fx, spr_fx_mfspr(&fx, 318), SRR1_PRIV);
}

TEST(spr_sdr1_hv_only_on_64bit)
{
	struct spr_fx fx;

	/* SDR1 is a hypervisor resource on 64-bit CPUs */
	spr_fx_init(&fx, PVR_POWER7);
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 25, 0x1000), SRR1_PRIV);
	EXPECT_EQ(0, fx.g.sdr1);
}

TEST(spr_hior_hv_only_on_papr_970)
{
	struct spr_fx fx;

	/* 970 UM: HIOR (311) is hypervisor-privileged; a partition lacks it */
	spr_fx_init(&fx, PVR_970);
	fx.g.papr_enabled = true;
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 311, 0x4000000), SRR1_PRIV);
	EXPECT_EQ(0, fx.g.hior);
}

TEST(spr_hid0_hv_only_on_papr_970)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_970);
	fx.g.papr_enabled = true;
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 1008, 1), SRR1_PRIV);
}

/*
 * A PowerMac G5's OS runs in hypervisor state (the 970 resets with
 * MSR[HV]=1): OpenBIOS sets SDR1 and the HIDs from supervisor code.
 */
TEST(spr_mac_970_supervisor_owns_hv_sprs)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_970);
	EXPECT_EQ(B3PR_NEEDS_HOST, spr_fx_mtspr(&fx, 25, 0x0fe00000));
	EXPECT_EQ(0x0fe00000, fx.g.sdr1);
	EXPECT_EQ(B3PR_HOST_SDR1_CHANGED, fx.e.host);
	spr_fx_init(&fx, PVR_970);
	EXPECT_TRUE(spr_fx_mtspr(&fx, 311, 0x4000000) != B3PR_DELIVER);
	EXPECT_EQ(0x4000000, fx.g.hior);
	/* still none of it from problem state */
	spr_fx_init(&fx, PVR_970);
	fx.g.msr |= MSR_PR;
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 25, 0x0fe00000), SRR1_PRIV);
	EXPECT_EQ(0, fx.g.sdr1);
}

TEST(spr_hv_spr_allowed_in_hypervisor_state)
{
	struct spr_fx fx;
	enum b3pr_outcome o;

	/* MSR[HV PR]=10 may write LPCR; the host must apply it */
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.msr |= MSR_HV;
	o = spr_fx_mtspr(&fx, 318, 0x0000000000040000ULL);
	EXPECT_EQ(B3PR_NEEDS_HOST, o);
	EXPECT_EQ(B3PR_HOST_SPR_CHANGED, fx.e.host);
	EXPECT_EQ(318, fx.e.arg0);
	EXPECT_EQ(0x40000, fx.g.lpcr);
	EXPECT_EQ(START_PC + 4, fx.g.pc);
}

TEST(spr_purr_read_priv_write_hv)
{
	struct spr_fx fx;

	/* ISA Figure 18: PURR (309) mfspr privileged, mtspr hypervisor */
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.purr = 5555;
	EXPECT_DONE(&fx, spr_fx_mfspr(&fx, 309));
	EXPECT_EQ(5555, fx.g.gpr[5]);
	fx.g.pc = START_PC;
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 309, 1), SRR1_PRIV);
	EXPECT_EQ(5555, fx.g.purr);
}

TEST(spr_unmodelled_hv_spr_privileged_from_supervisor)
{
	struct spr_fx fx;

	/* HSPRG0 (304) exists, so it is privileged, not a no-op */
	spr_fx_init(&fx, PVR_POWER8);
	EXPECT_PROGRAM(&fx, spr_fx_mfspr(&fx, 304), SRR1_PRIV);
}

/* ---- read-only and write-only ---- */

TEST(spr_pvr_read)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_7455);
	EXPECT_DONE(&fx, spr_fx_mfspr(&fx, 287));
	EXPECT_EQ(PVR_7455, fx.g.gpr[5]);
}

TEST(spr_pvr_mtspr_noop_in_supervisor_64)
{
	struct spr_fx fx;

	/* PVR is not defined for mtspr; spr0=1 -> no-op (ISA 4.4.4) */
	spr_fx_init(&fx, PVR_POWER8);
	EXPECT_DONE(&fx, spr_fx_mtspr(&fx, 287, 0x12345678));
	EXPECT_EQ(PVR_POWER8, fx.g.pvr);
}

TEST(spr_pvr_mtspr_privileged_in_problem_state)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER8);
	spr_fx_user(&fx);
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 287, 1), SRR1_PRIV);
}

TEST(spr_pvr_mtspr_noop_in_supervisor_750)
{
	struct spr_fx fx;

	/* 750GX UM 2.3: mtspr PVR or HID1 in supervisor is a no-op */
	spr_fx_init(&fx, PVR_750);
	EXPECT_DONE(&fx, spr_fx_mtspr(&fx, 287, 0x12345678));
	EXPECT_EQ(PVR_750, fx.g.pvr);
}

TEST(spr_hid1_read_only_on_750)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_750);
	fx.g.hid[1] = 0x80000000;
	EXPECT_DONE(&fx, spr_fx_mtspr(&fx, 1009, 0));
	EXPECT_EQ(0x80000000, fx.g.hid[1]);
}

TEST(spr_hid1_writable_on_7450)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_7450);
	EXPECT_EQ(B3PR_NEEDS_HOST, spr_fx_mtspr(&fx, 1009, 0x1234));
	EXPECT_EQ(0x1234, fx.g.hid[1]);
}

TEST(spr_pir_read_only_on_power8)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER8);
	fx.g.pir = 3;
	EXPECT_DONE(&fx, spr_fx_mtspr(&fx, 1023, 9));
	EXPECT_EQ(3, fx.g.pir);
	fx.g.pc = START_PC;
	EXPECT_DONE(&fx, spr_fx_mfspr(&fx, 1023));
	EXPECT_EQ(3, fx.g.gpr[5]);
}

TEST(spr_ctrl_written_at_152_read_at_136)
{
	struct spr_fx fx;

	/* ISA Figure 18: CTRL is mtspr 152 (privileged), mfspr 136 (user) */
	spr_fx_init(&fx, PVR_POWER8);
	EXPECT_DONE(&fx, spr_fx_mtspr(&fx, 152, 1));
	EXPECT_EQ(1, fx.g.ctrl);
	spr_fx_user(&fx);
	fx.g.pc = START_PC;
	EXPECT_DONE(&fx, spr_fx_mfspr(&fx, 136));
	EXPECT_EQ(1, fx.g.gpr[5]);
}

TEST(spr_ctrlt_read_is_noop_in_supervisor)
{
	struct spr_fx fx;

	/* 152 is not defined for mfspr; spr0=1 in privileged state: no-op */
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.ctrl = 1;
	fx.g.gpr[5] = 0xaa;
	EXPECT_DONE(&fx, spr_fx_mfspr(&fx, 152));
	EXPECT_EQ(0xaa, fx.g.gpr[5]);
}

/* ---- SPRs a CPU lacks: ISA 4.4.4 and PEM rules ---- */

TEST(spr_undefined_privileged_number_noop_in_supervisor_64)
{
	struct spr_fx fx;

	/* 1008 (HID0) is no POWER8 SPR here; 0x3f0 has spr0=1 */
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.gpr[5] = 0xdead;
	EXPECT_DONE(&fx, spr_fx_mfspr(&fx, 1008));
	EXPECT_EQ(0xdead, fx.g.gpr[5]);
}

TEST(spr_undefined_privileged_number_priv_in_problem_state_64)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER8);
	spr_fx_user(&fx);
	EXPECT_PROGRAM(&fx, spr_fx_mfspr(&fx, 1008), SRR1_PRIV);
}

TEST(spr_undefined_user_number_illegal_in_problem_state_64)
{
	struct spr_fx fx;

	/* SPR 7: spr0=0, undefined, problem state -> illegal */
	spr_fx_init(&fx, PVR_POWER8);
	spr_fx_user(&fx);
	EXPECT_PROGRAM(&fx, spr_fx_mfspr(&fx, 7), SRR1_ILLEGAL);
	fx.g.pc = START_PC;
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 7, 0), SRR1_ILLEGAL);
}

TEST(spr_undefined_user_number_noop_in_supervisor_64)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER8);
	fx.g.gpr[5] = 0x55;
	EXPECT_DONE(&fx, spr_fx_mfspr(&fx, 7));
	EXPECT_EQ(0x55, fx.g.gpr[5]);
}

TEST(spr_mfspr_0_4_5_6_illegal_in_supervisor_64)
{
	static const unsigned int n[] = { 0, 4, 5, 6 };
	struct spr_fx fx;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(n); i++) {
		spr_fx_init(&fx, PVR_POWER8);
		EXPECT_PROGRAM(&fx, spr_fx_mfspr(&fx, n[i]), SRR1_ILLEGAL);
	}
}

TEST(spr_mtspr_0_illegal_in_supervisor_64)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER7);
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 0, 0), SRR1_ILLEGAL);
}

TEST(spr_mtspr_4_5_6_noop_in_supervisor_64)
{
	/* for mtspr only SPR 0 is singled out */
	static const unsigned int n[] = { 4, 5, 6 };
	struct spr_fx fx;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(n); i++) {
		spr_fx_init(&fx, PVR_POWER8);
		EXPECT_DONE(&fx, spr_fx_mtspr(&fx, n[i], 0));
	}
}

TEST(spr_reserved_noop_808_811_power8)
{
	struct spr_fx fx;
	unsigned int n;

	/* ISA v2.07 4.4.4: 808-811 are no-ops even in problem state */
	for (n = 808; n <= 811; n++) {
		spr_fx_init(&fx, PVR_POWER8);
		spr_fx_user(&fx);
		EXPECT_DONE(&fx, spr_fx_mfspr(&fx, n));
		fx.g.pc = START_PC;
		EXPECT_DONE(&fx, spr_fx_mtspr(&fx, n, 0));
	}
}

TEST(spr_808_illegal_in_problem_state_power7)
{
	struct spr_fx fx;

	/* before v2.07 808 (0x328, spr0=0) is simply undefined */
	spr_fx_init(&fx, PVR_POWER7);
	spr_fx_user(&fx);
	EXPECT_PROGRAM(&fx, spr_fx_mfspr(&fx, 808), SRR1_ILLEGAL);
}

TEST(spr_undefined_illegal_in_supervisor_32bit)
{
	struct spr_fx fx;

	/* 750 UM 2.3: an invalid SPR field is an illegal instruction */
	spr_fx_init(&fx, PVR_750);
	EXPECT_PROGRAM(&fx, spr_fx_mfspr(&fx, 1023), SRR1_ILLEGAL);
}

TEST(spr_undefined_privileged_number_in_user_mode_32bit)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_750);
	spr_fx_user(&fx);
	EXPECT_PROGRAM(&fx, spr_fx_mfspr(&fx, 1023), SRR1_PRIV);
	fx.g.pc = START_PC;
	EXPECT_PROGRAM(&fx, spr_fx_mfspr(&fx, 7), SRR1_ILLEGAL);
}

TEST(spr_sprg4_7_only_on_7450)
{
	struct spr_fx fx;

	/* MPC7450 RM: SPRG4-7 are SPR 276-279; the 750 and 7400 lack them */
	spr_fx_init(&fx, PVR_7450);
	EXPECT_EQ(0x4567, spr_fx_round_trip(&fx, 279, 0x4567));
	EXPECT_EQ(0x4567, fx.g.sprg[7]);
	spr_fx_init(&fx, PVR_750);
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 276, 1), SRR1_ILLEGAL);
	spr_fx_init(&fx, PVR_7400);
	EXPECT_PROGRAM(&fx, spr_fx_mfspr(&fx, 277), SRR1_ILLEGAL);
	EXPECT_EQ(0, fx.g.sprg[4]);
}

TEST(spr_vrsave_absent_on_750)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_750);
	EXPECT_PROGRAM(&fx, spr_fx_mfspr(&fx, 256), SRR1_ILLEGAL);
}

TEST(spr_gqr_absent_on_7450)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_7450);
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 912, 1), SRR1_ILLEGAL);
	EXPECT_EQ(0, fx.g.gqr[0]);
}

/* ---- aliases ---- */

TEST(spr_dscr_user_alias_power8)
{
	struct spr_fx fx;

	/* v2.07: DSCR is SPR 17 (privileged) and SPR 3 (problem state) */
	spr_fx_init(&fx, PVR_POWER8);
	spr_fx_user(&fx);
	EXPECT_DONE(&fx, spr_fx_mtspr(&fx, 3, 0x10));
	EXPECT_EQ(0x10, fx.g.dscr);
	fx.g.msr &= ~MSR_PR;
	fx.g.pc = START_PC;
	EXPECT_DONE(&fx, spr_fx_mfspr(&fx, 17));
	EXPECT_EQ(0x10, fx.g.gpr[5]);
}

TEST(spr_dscr_user_alias_absent_on_power7)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER7);
	spr_fx_user(&fx);
	EXPECT_PROGRAM(&fx, spr_fx_mfspr(&fx, 3), SRR1_ILLEGAL);
}

TEST(spr_dscr_privileged_number_from_problem_state)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER8);
	spr_fx_user(&fx);
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 17, 1), SRR1_PRIV);
}

TEST(spr_sprg3_user_read_alias)
{
	struct spr_fx fx;

	/* SPR 259 reads SPRG3 in problem state; it cannot be written */
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.sprg[3] = 0x77;
	spr_fx_user(&fx);
	EXPECT_DONE(&fx, spr_fx_mfspr(&fx, 259));
	EXPECT_EQ(0x77, fx.g.gpr[5]);
	fx.g.pc = START_PC;
	EXPECT_PROGRAM(&fx, spr_fx_mtspr(&fx, 259, 1), SRR1_ILLEGAL);
	EXPECT_EQ(0x77, fx.g.sprg[3]);
}

TEST(spr_amr_user_write_masked_by_uamor)
{
	struct spr_fx fx;

	/*
	 * ISA 5.7.4: problem-state mtspr AMR changes only the bits set in
	 * UAMOR: old 0xf0..., UAMOR 0x0f..., RS all ones -> 0xff...
	 */
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.amr = 0xf000000000000000ULL;
	fx.g.uamor = 0x0f00000000000000ULL;
	spr_fx_user(&fx);
	EXPECT_DONE(&fx, spr_fx_mtspr(&fx, 13, ~0ULL));
	EXPECT_EQ(0xff00000000000000ULL, fx.g.amr);
}

/* ---- writes the host must hear about ---- */

TEST(spr_sdr1_write_needs_host_32bit)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_750);
	EXPECT_EQ(B3PR_NEEDS_HOST, spr_fx_mtspr(&fx, 25, 0x00ff0001));
	EXPECT_EQ(B3PR_HOST_SDR1_CHANGED, fx.e.host);
	EXPECT_EQ(0x00ff0001, fx.g.sdr1);
	EXPECT_EQ(START_PC + 4, fx.g.pc);
}

TEST(spr_hid0_write_needs_host_32bit)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_7455);
	EXPECT_EQ(B3PR_NEEDS_HOST, spr_fx_mtspr(&fx, 1008, 0x00800000));
	EXPECT_EQ(B3PR_HOST_SPR_CHANGED, fx.e.host);
	EXPECT_EQ(1008, fx.e.arg0);
	EXPECT_EQ(0x00800000, fx.g.hid[0]);
}

TEST(spr_plain_write_needs_no_host)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER8);
	spr_fx_mtspr(&fx, 272, 1);
	EXPECT_EQ(B3PR_HOST_NONE, fx.e.host);
}

/* ---- the host-side (ONE_REG) interface ---- */

TEST(spr_one_reg_sets_hior_on_970)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_970);
	EXPECT_EQ(B3PR_SPR_OK, b3pr_spr_set(&fx.g, 311, 0, 0x4000000));
	EXPECT_EQ(0x4000000, fx.g.hior);
}

TEST(spr_one_reg_hior_absent_on_power8)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER8);
	EXPECT_EQ(B3PR_SPR_NO_SUCH, b3pr_spr_set(&fx.g, 311, 0, 1));
}

TEST(spr_one_reg_get_nonexistent)
{
	struct spr_fx fx;
	u64 v = 0;

	/* the 750 has no DSCR */
	spr_fx_init(&fx, PVR_750);
	EXPECT_EQ(B3PR_SPR_NO_SUCH, b3pr_spr_get(&fx.g, 17, 0, &v));
}

TEST(spr_one_reg_set_read_only)
{
	struct spr_fx fx;

	spr_fx_init(&fx, PVR_POWER8);
	EXPECT_EQ(B3PR_SPR_NOT_WRITABLE, b3pr_spr_set(&fx.g, 287, 0, 1));
	EXPECT_EQ(PVR_POWER8, fx.g.pvr);
}

TEST(spr_one_reg_get_write_only)
{
	struct spr_fx fx;
	u64 v = 0;

	spr_fx_init(&fx, PVR_POWER8);
	EXPECT_EQ(B3PR_SPR_NOT_READABLE, b3pr_spr_get(&fx.g, 152, 0, &v));
}

TEST(spr_one_reg_ignores_privilege)
{
	struct spr_fx fx;
	u64 v = 0;

	/* the VMM may read LPCR whatever state the guest is in */
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.lpcr = 0x8;
	spr_fx_user(&fx);
	EXPECT_EQ(B3PR_SPR_OK, b3pr_spr_get(&fx.g, 318, 0, &v));
	EXPECT_EQ(0x8, v);
}

TEST(spr_unmodelled_spr_reads_zero)
{
	struct spr_fx fx;

	/* MSSCR0 (1014) exists on the 7450; b3pr keeps no value */
	spr_fx_init(&fx, PVR_7450);
	EXPECT_DONE(&fx, spr_fx_mtspr(&fx, 1014, 0xffff));
	fx.g.pc = START_PC;
	fx.g.gpr[5] = 1;
	EXPECT_DONE(&fx, spr_fx_mfspr(&fx, 1014));
	EXPECT_EQ(0, fx.g.gpr[5]);
}
