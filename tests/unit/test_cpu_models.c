// SPDX-License-Identifier: GPL-2.0
/*
 * CPU models by PVR: the version field (PVR bits 0:15) picks the model,
 * the revision (16:31) does not. Values from the user's manuals.
 */
#include "spr_fixture.h"

static const struct b3pr_cpu_model *model(unsigned int pvr)
{
	return b3pr_cpu_model_for_pvr(pvr);
}

TEST(cpu_pvr_power8)
{
	const struct b3pr_cpu_model *m = model(PVR_POWER8);

	EXPECT_TRUE(m);
	EXPECT_EQ(B3PR_CPU_POWER8, m->family);
	EXPECT_TRUE(m->is_64bit);
	EXPECT_EQ(32, m->slb_entries);
	EXPECT_EQ(0, m->nr_bats);
	EXPECT_TRUE(m->has_vsx);
}

TEST(cpu_pvr_power7)
{
	const struct b3pr_cpu_model *m = model(PVR_POWER7);

	EXPECT_EQ(B3PR_CPU_POWER7, m->family);
	EXPECT_TRUE(m->has_1t_segments);
	EXPECT_FALSE(m->has_hior);
}

TEST(cpu_pvr_970)
{
	const struct b3pr_cpu_model *m = model(PVR_970);

	/* 970 UM: 64 SLB entries, HIOR, 128-byte lines, VMX, no VSX */
	EXPECT_EQ(B3PR_CPU_970, m->family);
	EXPECT_EQ(64, m->slb_entries);
	EXPECT_TRUE(m->has_hior);
	EXPECT_EQ(128, m->cache_line);
	EXPECT_TRUE(m->has_altivec);
	EXPECT_FALSE(m->has_vsx);
	EXPECT_FALSE(m->has_1t_segments);
}

TEST(cpu_pvr_970mp_and_fx)
{
	EXPECT_EQ(B3PR_CPU_970, model(0x00440100)->family);
	EXPECT_EQ(B3PR_CPU_970, model(0x003c0300)->family);
}

TEST(cpu_pvr_750_gekko)
{
	const struct b3pr_cpu_model *m = model(PVR_750);

	EXPECT_EQ(B3PR_CPU_750, m->family);
	EXPECT_FALSE(m->is_64bit);
	EXPECT_EQ(4, m->nr_bats);
	EXPECT_EQ(32, m->cache_line);
	EXPECT_EQ(0, m->slb_entries);
	EXPECT_FALSE(m->has_altivec);
}

TEST(cpu_pvr_750fx_has_8_bats)
{
	EXPECT_EQ(B3PR_CPU_750, model(PVR_750FX)->family);
	EXPECT_EQ(8, model(PVR_750FX)->nr_bats);
}

TEST(cpu_pvr_7400)
{
	const struct b3pr_cpu_model *m = model(PVR_7400);

	EXPECT_EQ(B3PR_CPU_7400, m->family);
	EXPECT_EQ(4, m->nr_bats);
	EXPECT_TRUE(m->has_altivec);
}

TEST(cpu_pvr_7450_has_4_bats)
{
	EXPECT_EQ(B3PR_CPU_7450, model(PVR_7450)->family);
	EXPECT_EQ(4, model(PVR_7450)->nr_bats);
}

TEST(cpu_pvr_7455_has_8_bats)
{
	EXPECT_EQ(B3PR_CPU_7450, model(PVR_7455)->family);
	EXPECT_EQ(8, model(PVR_7455)->nr_bats);
}

TEST(cpu_revision_does_not_matter)
{
	EXPECT_TRUE(model(0x004d0100) == model(0x004d0200));
	EXPECT_TRUE(model(0x80010101) == model(0x80010302));
}

TEST(cpu_unknown_pvr)
{
	struct b3pr_guest_state g;

	memset(&g, 0, sizeof(g));
	/* POWER9 (0x004e) and a made-up PVR are not emulated */
	EXPECT_FALSE(model(0x004e1200));
	EXPECT_FALSE(model(0x12340000));
	EXPECT_TRUE(b3pr_guest_set_pvr(&g, 0x12340000) != 0);
	EXPECT_FALSE(g.cpu);
}

TEST(cpu_set_pvr_fills_guest_state)
{
	struct b3pr_guest_state g;

	memset(&g, 0, sizeof(g));
	EXPECT_EQ(0, b3pr_guest_set_pvr(&g, PVR_970));
	EXPECT_EQ(PVR_970, g.pvr);
	EXPECT_TRUE(g.cpu == model(PVR_970));
	EXPECT_EQ(64, g.slb_max);
}

TEST(cpu_is_family_mask)
{
	const struct b3pr_cpu_model *m = model(PVR_7455);

	EXPECT_TRUE(b3pr_cpu_is(m, B3PR_CPUS_32));
	EXPECT_FALSE(b3pr_cpu_is(m, B3PR_CPUS_64));
	EXPECT_TRUE(b3pr_cpu_is(model(PVR_POWER7), B3PR_CPUS_64));
}

TEST(cpu_every_model_consistent)
{
	static const unsigned int pvrs[] = {
		0x00390000, 0x003c0000, 0x00440000, 0x00450000, 0x003f0000,
		0x004a0000, 0x004b0000, 0x004c0000, 0x004d0000, 0x00080000,
		0x70000000, 0x70020000, 0x000c0000, 0x800c0000, 0x80000000,
		0x80010000, 0x80020000, 0x80030000, 0x80040000,
	};
	unsigned int i;

	/* 64-bit: SLB, no BATs; 32-bit: 4 or 8 BAT pairs, no SLB */
	for (i = 0; i < ARRAY_SIZE(pvrs); i++) {
		const struct b3pr_cpu_model *m = model(pvrs[i]);

		EXPECT_TRUE(m);
		if (!m)
			continue;
		EXPECT_EQ(pvrs[i], m->pvr_match);
		if (m->is_64bit) {
			EXPECT_TRUE(m->slb_entries == 32 ||
				    m->slb_entries == 64);
			EXPECT_EQ(0, m->nr_bats);
		} else {
			EXPECT_TRUE(m->nr_bats == 4 || m->nr_bats == 8);
			EXPECT_EQ(0, m->slb_entries);
		}
	}
}
