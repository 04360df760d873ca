// SPDX-License-Identifier: GPL-2.0
/*
 * Vector addresses: base + offset, where the base is 0 on POWER7/8
 * (ISA 2.07 Book III-S 6.5 with LPCR[AIL]=0), HIOR on the 970 (970 User's
 * Manual, HIOR) and 0xfff00000 when MSR[IP]=1 on 32-bit CPUs (PEM 6.1).
 */
#include "irq_guest.h"

/* Every offset of enum b3pr_vector, as the ISA/PEM vector tables list them. */
static const u32 all_offsets[] = {
	0x100, 0x200, 0x300, 0x380, 0x400, 0x480, 0x500, 0x600, 0x700,
	0x800, 0x900, 0xa00, 0xc00, 0xd00, 0xf00, 0xf20, 0xf40, 0xf60,
	0x1300, 0x1400, 0x1700,
};

/* ISA 6.5: with AIL=0 a POWER8 interrupt goes to the offset itself. */
TEST(irq_vector_power8_every_offset_at_base_zero)
{
	struct b3pr_guest_state g;
	unsigned int i;

	irq_guest(&g, PVR_POWER8, B3PR_MSR_SF, 0);
	for (i = 0; i < ARRAY_SIZE(all_offsets); i++)
		EXPECT_EQ(all_offsets[i],
			  b3pr_vector_address(&g, all_offsets[i]));
}

/* ISA 6.5: POWER7 likewise; 0x500 External is at real address 0x500. */
TEST(irq_vector_power7_base_zero)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER7, B3PR_MSR_SF, 0);
	EXPECT_EQ(0x500, b3pr_vector_address(&g, B3PR_VEC_EXTERNAL));
}

/* POWER8 has no HIOR: a stray g->hior must not move the vectors. */
TEST(irq_vector_power8_ignores_hior)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER8, B3PR_MSR_SF, 0);
	g.hior = 0x4000000;
	EXPECT_EQ(0x900, b3pr_vector_address(&g, B3PR_VEC_DECREMENTER));
}

/* MSR bit 57 (IP) does not exist in the 64-bit MSR: no 0xfff00000 base. */
TEST(irq_vector_power8_ignores_msr_ip)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER8, B3PR_MSR_SF | B3PR_MSR_IP, 0);
	EXPECT_EQ(0x700, b3pr_vector_address(&g, B3PR_VEC_PROGRAM));
}

/* 970: HIOR 0x4000000 + 0x300 = 0x4000300. */
TEST(irq_vector_970_adds_hior)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_970, B3PR_MSR_SF, 0);
	g.hior = 0x4000000;
	EXPECT_EQ(0x4000300, b3pr_vector_address(&g, B3PR_VEC_DSI));
}

/* 970: every offset is HIOR (0x100000000) + offset. */
TEST(irq_vector_970_every_offset_above_hior)
{
	struct b3pr_guest_state g;
	unsigned int i;

	irq_guest(&g, PVR_970, B3PR_MSR_SF, 0);
	g.hior = 0x100000000ULL;
	for (i = 0; i < ARRAY_SIZE(all_offsets); i++)
		EXPECT_EQ(0x100000000ULL + all_offsets[i],
			  b3pr_vector_address(&g, all_offsets[i]));
}

/* 970 with HIOR=0 (reset value): 0x1300 IABR at 0x1300. */
TEST(irq_vector_970_hior_zero)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_970, B3PR_MSR_SF, 0);
	EXPECT_EQ(0x1300, b3pr_vector_address(&g, B3PR_VEC_IABR));
}

/* PEM 6.1: MSR[IP]=0 on a 750 puts 0x900 at physical 0x00000900. */
TEST(irq_vector_750_ip0_base_zero)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_750, 0, 0);
	EXPECT_EQ(0x900, b3pr_vector_address(&g, B3PR_VEC_DECREMENTER));
}

/* PEM 6.1: MSR[IP]=1 prefixes 0xfff: 0x900 goes to 0xfff00900. */
TEST(irq_vector_750_ip1_base_fff00000)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_750, B3PR_MSR_IP, 0);
	EXPECT_EQ(0xfff00900, b3pr_vector_address(&g, B3PR_VEC_DECREMENTER));
}

/* PEM 6.1 with 750 thermal management at 0x1700: 0xfff01700. */
TEST(irq_vector_750_thermal_ip1)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_750, B3PR_MSR_IP, 0);
	EXPECT_EQ(0xfff01700, b3pr_vector_address(&g, B3PR_VEC_THERMAL));
}

/* 32-bit CPUs have no HIOR: g->hior is ignored, only MSR[IP] counts. */
TEST(irq_vector_750_ignores_hior)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_750, 0, 0);
	g.hior = 0x100000;
	EXPECT_EQ(0x600, b3pr_vector_address(&g, B3PR_VEC_ALIGNMENT));
}

/* 7400 manual 4.1: AltiVec unavailable 0xf20, IP=1 -> 0xfff00f20. */
TEST(irq_vector_7400_altivec_ip1)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_7400, B3PR_MSR_IP, 0);
	EXPECT_EQ(0xfff00f20, b3pr_vector_address(&g, B3PR_VEC_ALTIVEC));
}

/* 7450 manual: SMI at 0x1400; every offset shifts by 0xfff00000 with IP. */
TEST(irq_vector_7455_every_offset_ip1)
{
	struct b3pr_guest_state g;
	unsigned int i;

	irq_guest(&g, PVR_7455, B3PR_MSR_IP, 0);
	for (i = 0; i < ARRAY_SIZE(all_offsets); i++)
		EXPECT_EQ(0xfff00000ULL + all_offsets[i],
			  b3pr_vector_address(&g, all_offsets[i]));
}
