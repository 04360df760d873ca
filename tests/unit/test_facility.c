// SPDX-License-Identifier: GPL-2.0
/*
 * Register facilities: which guest CPU has FP, VMX, VSX and FSCR, what a
 * facility-unavailable interrupt from the guest leads to, and the guest's
 * view of its FP/VSX/VMX registers.
 */
#include "spr_fixture.h"
#include "b3pr/facility.h"

/* MSR bits by ISA number (III-S 4.2.1): VEC 38, VSX 40, FP 50, PR 49 */
#define M_VEC		BIT_ULL(63 - 38)
#define M_VSX		BIT_ULL(63 - 40)
#define M_FP		BIT_ULL(63 - 50)

static struct spr_fx fx;

static const struct b3pr_cpu_model *cpu(unsigned int pvr)
{
	return b3pr_cpu_model_for_pvr(pvr);
}

/*
 * 750 UM: FP only. 7400/7450 UMs: FP and AltiVec. 970 UM: FP and VMX.
 * ISA 2.06 (POWER7) and 2.07 (POWER8): FP, VMX and VSX.
 */
TEST(facility_per_cpu)
{
	EXPECT_EQ(M_FP, b3pr_cpu_facilities(cpu(PVR_750)));
	EXPECT_EQ(M_FP | M_VEC, b3pr_cpu_facilities(cpu(PVR_7400)));
	EXPECT_EQ(M_FP | M_VEC, b3pr_cpu_facilities(cpu(PVR_7450)));
	EXPECT_EQ(M_FP | M_VEC, b3pr_cpu_facilities(cpu(PVR_970)));
	EXPECT_EQ(M_FP | M_VEC | M_VSX, b3pr_cpu_facilities(cpu(PVR_POWER7)));
	EXPECT_EQ(M_FP | M_VEC | M_VSX, b3pr_cpu_facilities(cpu(PVR_POWER8)));
}

/* MSR[FP]=1 (ISA III-S 4.2.1): the FP unavailable exit loads FP only. */
TEST(facility_fp_on_loads_fp)
{
	u64 load = ~0ULL;

	spr_fx_init(&fx, PVR_POWER8);
	fx.g.msr |= M_FP;
	EXPECT_EQ(B3PR_FAC_LOAD, b3pr_facility_exit(&fx.g, 0x800, &load));
	EXPECT_EQ(M_FP, load);
}

/* MSR[FP]=0: the FP unavailable interrupt is the guest's (ISA 6.5.10). */
TEST(facility_fp_off_delivers)
{
	u64 load;

	spr_fx_init(&fx, PVR_750);
	EXPECT_EQ(B3PR_FAC_DELIVER, b3pr_facility_exit(&fx.g, 0x800, &load));
	EXPECT_EQ(0, load);
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.msr |= M_VEC | M_VSX;
	EXPECT_EQ(B3PR_FAC_DELIVER, b3pr_facility_exit(&fx.g, 0x800, &load));
}

/* MSR[VEC]=0 / MSR[VSX]=0: vector 0xf20 / 0xf40 (ISA 6.5.15, 6.5.16). */
TEST(facility_vec_vsx_off_deliver)
{
	u64 load;

	spr_fx_init(&fx, PVR_970);
	EXPECT_EQ(B3PR_FAC_DELIVER, b3pr_facility_exit(&fx.g, 0xf20, &load));
	spr_fx_init(&fx, PVR_POWER7);
	fx.g.msr |= M_FP | M_VEC;
	EXPECT_EQ(B3PR_FAC_DELIVER, b3pr_facility_exit(&fx.g, 0xf40, &load));
}

/*
 * VSX instructions reach VSRs 0-63, i.e. the FPRs' and the VRs' register
 * file (ISA 7.2.1.1): using VSX needs both loaded.
 */
TEST(facility_vsx_on_loads_all_three)
{
	u64 load;

	spr_fx_init(&fx, PVR_POWER8);
	fx.g.msr |= M_VSX;
	EXPECT_EQ(B3PR_FAC_LOAD, b3pr_facility_exit(&fx.g, 0xf40, &load));
	EXPECT_EQ(M_FP | M_VEC | M_VSX, load);
}

/*
 * A CPU without the facility has no such instructions: illegal (750 has
 * no AltiVec, 970 and 7450 no VSX). Their MSR cannot even hold the bit.
 */
TEST(facility_missing_is_illegal)
{
	u64 load;

	spr_fx_init(&fx, PVR_750);
	fx.g.msr |= M_VEC;
	EXPECT_EQ(B3PR_FAC_ILLEGAL, b3pr_facility_exit(&fx.g, 0xf20, &load));
	EXPECT_EQ(B3PR_FAC_ILLEGAL, b3pr_facility_exit(&fx.g, 0xf40, &load));
	spr_fx_init(&fx, PVR_970);
	fx.g.msr |= M_VSX;
	EXPECT_EQ(B3PR_FAC_ILLEGAL, b3pr_facility_exit(&fx.g, 0xf40, &load));
	spr_fx_init(&fx, PVR_7450);
	EXPECT_EQ(B3PR_FAC_ILLEGAL, b3pr_facility_exit(&fx.g, 0xf40, &load));
}

TEST(facility_other_vector_unknown)
{
	u64 load;

	spr_fx_init(&fx, PVR_POWER8);
	EXPECT_EQ(B3PR_FAC_UNKNOWN, b3pr_facility_exit(&fx.g, 0x900, &load));
}

/*
 * The guest runs with a facility on only where its own MSR has it on and
 * its registers are loaded: a guest that turned FP off traps again.
 */
TEST(facility_shadow_follows_guest_msr)
{
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.msr |= M_FP | M_VEC;
	EXPECT_EQ(M_FP, b3pr_facility_shadow_msr(&fx.g, M_FP));
	EXPECT_EQ(M_FP | M_VEC,
		  b3pr_facility_shadow_msr(&fx.g, M_FP | M_VEC | M_VSX));
	fx.g.msr &= ~M_FP;
	EXPECT_EQ(M_VEC, b3pr_facility_shadow_msr(&fx.g, M_FP | M_VEC));
	EXPECT_EQ(0, b3pr_facility_shadow_msr(&fx.g, 0));
}

/* VSX on only with both halves of its register file loaded. */
TEST(facility_shadow_vsx_needs_fp_and_vec)
{
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.msr |= M_FP | M_VEC | M_VSX;
	EXPECT_EQ(M_FP, b3pr_facility_shadow_msr(&fx.g, M_FP | M_VSX));
	EXPECT_EQ(M_FP | M_VEC | M_VSX,
		  b3pr_facility_shadow_msr(&fx.g, M_FP | M_VEC | M_VSX));
}

/*
 * ISA Book I 4.4: MSR[FE0,FE1] choose how enabled FP exceptions interrupt;
 * they only mean something with FP on, and then they are the guest's.
 */
#define M_FE0		BIT_ULL(63 - 52)
#define M_FE1		BIT_ULL(63 - 55)

TEST(facility_shadow_fp_exception_mode)
{
	spr_fx_init(&fx, PVR_POWER8);
	fx.g.msr |= M_FP | M_FE0 | M_FE1;
	EXPECT_EQ(M_FP | M_FE0 | M_FE1, b3pr_facility_shadow_msr(&fx.g, M_FP));
	EXPECT_EQ(0, b3pr_facility_shadow_msr(&fx.g, M_VEC));
	fx.g.msr &= ~M_FE1;
	EXPECT_EQ(M_FP | M_FE0, b3pr_facility_shadow_msr(&fx.g, M_FP));
}

/* FSCR is a POWER8 register (ISA 2.07 III-S 4.4.11). */
TEST(facility_fscr_only_power8)
{
	spr_fx_init(&fx, PVR_POWER8);
	EXPECT_TRUE(b3pr_guest_has_fscr(&fx.g));
	spr_fx_init(&fx, PVR_POWER7);
	EXPECT_FALSE(b3pr_guest_has_fscr(&fx.g));
	spr_fx_init(&fx, PVR_970);
	EXPECT_FALSE(b3pr_guest_has_fscr(&fx.g));
	spr_fx_init(&fx, PVR_7450);
	EXPECT_FALSE(b3pr_guest_has_fscr(&fx.g));
}

/*
 * FSCR controls problem state: the guest's problem state gets what its
 * FSCR enables of TAR (bit 55), EBB (56), DSCR (61); its supervisor all
 * three; never TM (58), BHRB (59), PM (60), which b3pr does not switch.
 */
TEST(facility_fscr_hw)
{
	u64 tar = BIT_ULL(63 - 55), ebb = BIT_ULL(63 - 56);
	u64 dscr = BIT_ULL(63 - 61), tm = BIT_ULL(63 - 58);

	spr_fx_init(&fx, PVR_POWER8);
	fx.g.fscr = tar | tm;
	EXPECT_EQ(tar | ebb | dscr, b3pr_fscr_hw(&fx.g));
	spr_fx_user(&fx);
	EXPECT_EQ(tar, b3pr_fscr_hw(&fx.g));
	fx.g.fscr = 0;
	EXPECT_EQ(0, b3pr_fscr_hw(&fx.g));
}

/* FSCR[IC] (ISA 2.07 III-S 4.4.11): 2 DSCR, 5 TM, 7 EBB, 8 TAR */
TEST(facility_fscr_switched_cause)
{
	EXPECT_EQ(BIT_ULL(63 - 55), b3pr_fscr_switched_cause(8ULL << 56));
	EXPECT_EQ(BIT_ULL(63 - 56), b3pr_fscr_switched_cause(7ULL << 56));
	EXPECT_EQ(BIT_ULL(63 - 61),
		  b3pr_fscr_switched_cause((2ULL << 56) | BIT_ULL(63 - 55)));
	EXPECT_EQ(0, b3pr_fscr_switched_cause(5ULL << 56));	/* TM */
	EXPECT_EQ(0, b3pr_fscr_switched_cause(4ULL << 56));	/* BHRB */
	EXPECT_EQ(0, b3pr_fscr_switched_cause(BIT_ULL(63 - 55)));
}

/*
 * ISA 2.07 6.5.24: FSCR[IC] (bits 0:7) says which facility; SRR1 33:36
 * and 42:47 are 0. The guest's enables stay as they were.
 */
TEST(facility_fscr_unavailable_sets_ic)
{
	u64 tar = BIT_ULL(63 - 55);
	struct b3pr_interrupt irq;

	spr_fx_init(&fx, PVR_POWER8);
	fx.g.fscr = (3ULL << 56) | tar;
	irq = b3pr_fscr_unavailable(&fx.g, (8ULL << 56) | BIT_ULL(63 - 61));
	EXPECT_EQ(0xf60, irq.vector);
	EXPECT_EQ(0, irq.srr1_bits);
	EXPECT_EQ((8ULL << 56) | tar, fx.g.fscr);
}

/*
 * ISA 7.2.1.1: FPR n is doubleword 0 (bits 0:63) of VSR n; VSR 32+n is
 * VR n. VSCR is bits 96:127 of what mfvscr writes (ISA 6.3).
 */
TEST(facility_fpr_is_vsr_dw0)
{
	u64 dw[2] = { 0x1122334455667788ULL, 0x99aabbccddeeff00ULL };
	u64 got[2];

	spr_fx_init(&fx, PVR_POWER8);
	b3pr_vsr_set(&fx.g, 5, dw);
	EXPECT_EQ(dw[0], b3pr_fpr_get(&fx.g, 5));
	b3pr_fpr_set(&fx.g, 5, 0x4000000000000000ULL);
	b3pr_vsr_get(&fx.g, 5, got);
	EXPECT_EQ(0x4000000000000000ULL, got[0]);
	EXPECT_EQ(dw[1], got[1]);
}

TEST(facility_vsr_high_is_vr)
{
	u64 dw[2] = { 0x0102030405060708ULL, 0x090a0b0c0d0e0f10ULL };
	u64 got[2];
	u32 word0;

	spr_fx_init(&fx, PVR_POWER8);
	b3pr_vsr_set(&fx.g, 32 + 7, dw);
	/* VR 7 as a host-native 128-bit value: word 0 is bits 0:31 */
	memcpy(got, fx.g.vr.vr[7], sizeof(got));
	EXPECT_EQ(dw[0], got[B3PR_VSR_DW0]);
	word0 = fx.g.vr.vr[7][B3PR_VR_WORD3 ? 0 : 3];
	EXPECT_EQ(0x01020304, word0);
	b3pr_vsr_get(&fx.g, 39, got);
	EXPECT_EQ(dw[1], got[1]);
	EXPECT_EQ(0, b3pr_fpr_get(&fx.g, 7));
}

TEST(facility_vscr_word3)
{
	spr_fx_init(&fx, PVR_970);
	memset(fx.g.vr.vscr, 0xff, sizeof(fx.g.vr.vscr));
	b3pr_vscr_set(&fx.g, 0x00010001);	/* NJ (bit 111), SAT (127) */
	EXPECT_EQ(0x00010001, b3pr_vscr_get(&fx.g));
	EXPECT_EQ(0x00010001, fx.g.vr.vscr[B3PR_VR_WORD3]);
	EXPECT_EQ(0, fx.g.vr.vscr[B3PR_VR_WORD3 ^ 3]);
}
