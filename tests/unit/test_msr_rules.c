// SPDX-License-Identifier: GPL-2.0
/*
 * The MSR update rules as pure functions (msr_rules.c). MSR bits in
 * 64-bit ISA numbering, as hex: SF(0)=0x8000000000000000,
 * HV(3)=0x1000000000000000, TM(31)=0x100000000, VEC(38)=0x2000000,
 * VSX(40)=0x800000, POW(45)=0x40000, ILE(47)=0x10000, EE(48)=0x8000,
 * PR(49)=0x4000, FP(50)=0x2000, ME(51)=0x1000, FE0(52)=0x800,
 * SE(53)=0x400, BE(54)=0x200, FE1(55)=0x100, IP(57)=0x40, IR(58)=0x20,
 * DR(59)=0x10, PMM(61)=0x4, RI(62)=0x2, LE(63)=0x1.
 */
#include "b3pr/cpu.h"
#include "b3pr/msr_rules.h"
#include "emul_guest.h"
#include "runner.h"

static const struct b3pr_cpu_model *cpu(u32 pvr)
{
	const struct b3pr_cpu_model *c = b3pr_cpu_model_for_pvr(pvr);

	EXPECT_TRUE(c);
	return c;
}

/* ISA III-S mtmsrd L=1: MSR48 62 <- (RS)48 62, nothing else. */
TEST(msr_mtmsrd_l1_sets_only_ee_and_ri)
{
	/* old SF|ME|IR|DR, RS all ones: + EE(0x8000) + RI(0x2) */
	EXPECT_EQ(0x8000000000009032ULL,
		  b3pr_msr_mtmsrd(cpu(EG_POWER8), 0x8000000000001030ULL,
				  ~0ULL, true));
}

TEST(msr_mtmsrd_l1_clears_only_ee_and_ri)
{
	/* old SF|EE|ME|IR|DR|RI|LE = ..9033, RS = 0: EE and RI go, 0x1031 */
	EXPECT_EQ(0x8000000000001031ULL,
		  b3pr_msr_mtmsrd(cpu(EG_POWER8), 0x8000000000009033ULL, 0,
				  true));
}

TEST(msr_mtmsr_l1_sets_only_ee_and_ri)
{
	/* same rule for mtmsr L=1: old ME, RS all ones -> EE|ME|RI = 0x9002 */
	EXPECT_EQ(0x9002ULL,
		  b3pr_msr_mtmsr(cpu(EG_POWER8), 0x1000ULL, ~0ULL, true));
}

/* ISA III-S mtmsrd L=0 copies bits 0:2, so SF. */
TEST(msr_mtmsrd_l0_sets_sf)
{
	/* old ME; RS SF|IR|DR -> SF|ME|IR|DR */
	EXPECT_EQ(0x8000000000001030ULL,
		  b3pr_msr_mtmsrd(cpu(EG_POWER8), 0x1000ULL,
				  0x8000000000000030ULL, false));
}

TEST(msr_mtmsrd_l0_clears_sf)
{
	/* old SF|ME|IR|DR; RS IR|DR -> ME|IR|DR */
	EXPECT_EQ(0x1030ULL,
		  b3pr_msr_mtmsrd(cpu(EG_POWER8), 0x8000000000001030ULL,
				  0x30ULL, false));
}

/* mtmsrd does not alter HV; the guest is never in hypervisor state. */
TEST(msr_mtmsrd_l0_cannot_set_hv)
{
	/* RS SF|HV|ME, old ME: SF comes, HV does not -> SF|ME */
	EXPECT_EQ(0x8000000000001000ULL,
		  b3pr_msr_mtmsrd(cpu(EG_POWER8), 0x1000ULL,
				  0x9000000000001000ULL, false));
}

/* mtmsrd/mtmsr do not alter ME (bit 51 is outside their bit lists). */
TEST(msr_mtmsrd_l0_cannot_clear_me)
{
	EXPECT_EQ(0x1000ULL,
		  b3pr_msr_mtmsrd(cpu(EG_POWER8), 0x1000ULL, 0, false));
}

TEST(msr_mtmsrd_l0_cannot_set_me)
{
	EXPECT_EQ(0ULL, b3pr_msr_mtmsrd(cpu(EG_POWER8), 0, 0x1000ULL, false));
}

TEST(msr_mtmsr_l0_cannot_set_me)
{
	EXPECT_EQ(0ULL, b3pr_msr_mtmsr(cpu(EG_POWER8), 0, 0x1000ULL, false));
}

/* mtmsrd/mtmsr do not alter LE: bit 63 is outside 60:62. */
TEST(msr_mtmsrd_l0_keeps_le_set)
{
	/* old SF|ME|LE, RS SF -> unchanged */
	EXPECT_EQ(0x8000000000001001ULL,
		  b3pr_msr_mtmsrd(cpu(EG_POWER8), 0x8000000000001001ULL,
				  0x8000000000000000ULL, false));
}

TEST(msr_mtmsrd_l0_cannot_set_le)
{
	EXPECT_EQ(0x8000000000000000ULL,
		  b3pr_msr_mtmsrd(cpu(EG_POWER8), 0x8000000000000000ULL,
				  0x8000000000000001ULL, false));
}

TEST(msr_mtmsr_l0_cannot_clear_le)
{
	EXPECT_EQ(0x1001ULL,
		  b3pr_msr_mtmsr(cpu(EG_POWER8), 0x1001ULL, 0, false));
}

/* ISA III-S 3.2.1 / mtmsrd: PR=1 sets EE, IR and DR too. */
TEST(msr_mtmsrd_pr_forces_ee_ir_dr)
{
	/* old SF|ME; RS SF|PR -> SF|EE|PR|ME|IR|DR = ..8000+4000+1000+30 */
	EXPECT_EQ(0x800000000000d030ULL,
		  b3pr_msr_mtmsrd(cpu(EG_POWER8), 0x8000000000001000ULL,
				  0x8000000000004000ULL, false));
}

TEST(msr_mtmsr_pr_forces_ee_ir_dr)
{
	/* old ME; RS PR -> EE|PR|ME|IR|DR = 0xd030 */
	EXPECT_EQ(0xd030ULL,
		  b3pr_msr_mtmsr(cpu(EG_POWER8), 0x1000ULL, 0x4000ULL, false));
}

/* mtmsr (the 32-bit form) leaves MSR 0:31 alone, SF included. */
TEST(msr_mtmsr_l0_keeps_sf)
{
	EXPECT_EQ(0x8000000000001030ULL,
		  b3pr_msr_mtmsr(cpu(EG_POWER8), 0x8000000000001000ULL,
				 0x30ULL, false));
	EXPECT_EQ(0x1000ULL,
		  b3pr_msr_mtmsr(cpu(EG_POWER8), 0x1000ULL,
				 0x8000000000000000ULL, false));
}

/*
 * POWER8 implements in 32:63: VEC VSX EE PR FP ME FE0 SE BE FE1 IR DR PMM
 * RI LE. mtmsr of all ones from 0 gets all but ME and LE:
 * 0x2000000 | 0x800000 | 0xef00 | 0x30 | 0x6 = 0x280ef36.
 */
TEST(msr_mtmsr_unimplemented_bits_stay_zero)
{
	EXPECT_EQ(0x280ef36ULL,
		  b3pr_msr_mtmsr(cpu(EG_POWER8), 0, 0xffffffffULL, false));
}

/* TM/TS (29:31) are not offered to guests: mtmsrd cannot set them. */
TEST(msr_mtmsrd_tm_not_offered)
{
	EXPECT_EQ(0ULL, b3pr_msr_mtmsrd(cpu(EG_POWER8), 0, 0x700000000ULL,
					false));
}

/* ISA III-S 3.3.1 rfid: SF and LE come from SRR1. */
TEST(msr_rfid_restores_sf_and_le)
{
	/* SRR1 SF|EE|IR|DR|RI|LE, old ME -> ..9000+30+2+1 = ..9033 */
	EXPECT_EQ(0x8000000000009033ULL,
		  b3pr_msr_rfid(cpu(EG_POWER8), 0x1000ULL,
				0x8000000000008033ULL));
}

/* rfid: MSR51 <- (MSR3 & SRR1 51) | (~MSR3 & MSR51): with HV=0, kept. */
TEST(msr_rfid_keeps_me)
{
	EXPECT_EQ(0x1000ULL, b3pr_msr_rfid(cpu(EG_POWER8), 0x1000ULL, 0));
	EXPECT_EQ(0ULL, b3pr_msr_rfid(cpu(EG_POWER8), 0, 0x1000ULL));
}

/* rfid: MSR3 <- MSR3 & SRR1 3: from HV=0 it stays 0. */
TEST(msr_rfid_cannot_set_hv)
{
	EXPECT_EQ(0x8000000000001000ULL,
		  b3pr_msr_rfid(cpu(EG_POWER8), 0x1000ULL,
				0x9000000000000000ULL));
}

TEST(msr_rfid_pr_forces_ee_ir_dr)
{
	/* SRR1 SF|PR, old ME -> SF|EE|PR|ME|IR|DR */
	EXPECT_EQ(0x800000000000d030ULL,
		  b3pr_msr_rfid(cpu(EG_POWER8), 0x1000ULL,
				0x8000000000004000ULL));
}

/* rfid does not restore SRR1 33:36 42:47, the interrupt's own bits. */
TEST(msr_rfid_ignores_interrupt_bits)
{
	/* 33:36 = 0x78000000, 42:47 = 0x3f0000 */
	EXPECT_EQ(0x8000000000000000ULL,
		  b3pr_msr_rfid(cpu(EG_POWER8), 0, 0x80000000783f0000ULL));
}

/* 970 User's Manual: no little-endian mode, so LE stays 0. */
TEST(msr_rfid_970_has_no_le)
{
	EXPECT_EQ(0x8000000000000000ULL,
		  b3pr_msr_rfid(cpu(EG_970), 0, 0x8000000000000001ULL));
}

/* The 970 implements POW (45); the rule keeps it for the handler. */
TEST(msr_mtmsrd_970_pow_implemented)
{
	EXPECT_EQ(0x8000000000048000ULL,
		  b3pr_msr_mtmsrd(cpu(EG_970), 0, 0x8000000000048000ULL,
				  false));
}

TEST(msr_mtmsrd_power8_pow_unimplemented)
{
	EXPECT_EQ(0x8000ULL, b3pr_msr_mtmsrd(cpu(EG_POWER8), 0, 0x48000ULL,
					     false));
}

/* NIA <- iea SRR0 0:61 || 0b00: 32-bit mode drops the high word. */
TEST(msr_return_address_sf0_clears_high_word)
{
	EXPECT_EQ(0x9abcdef4ULL,
		  b3pr_msr_return_address(0, 0x123456789abcdef7ULL));
}

TEST(msr_return_address_sf1_keeps_high_word)
{
	EXPECT_EQ(0xc000000000001234ULL,
		  b3pr_msr_return_address(0x8000000000000000ULL,
					  0xc000000000001237ULL));
}

/*
 * PEM mtmsr: MSR <- (rS). 750 implements POW ILE EE PR FP ME FE0 SE BE
 * FE1 IP IR DR PM RI LE: 0x40000|0x10000|0xff00|0x40|0x30|0x4|0x2|0x1.
 */
TEST(msr_750_mtmsr_takes_whole_word)
{
	EXPECT_EQ(0x5ff77ULL,
		  b3pr_msr_mtmsr(cpu(EG_750), 0, 0xffffffffULL, false));
}

/* 7400: the same plus VEC (32-bit bit 6) = 0x2000000. */
TEST(msr_7400_mtmsr_has_vec)
{
	EXPECT_EQ(0x205ff77ULL,
		  b3pr_msr_mtmsr(cpu(EG_7400), 0, 0xffffffffULL, false));
}

/* 32-bit CPUs have no PR => IR/DR rule: user code may run untranslated. */
TEST(msr_750_pr_does_not_force_translation)
{
	EXPECT_EQ(0x4000ULL, b3pr_msr_mtmsr(cpu(EG_750), 0, 0x4000ULL, false));
}

/* 32-bit CPUs: mtmsr can change ME and LE (no hypervisor above them). */
TEST(msr_750_mtmsr_changes_me_and_le)
{
	EXPECT_EQ(0x1001ULL, b3pr_msr_mtmsr(cpu(EG_750), 0, 0x1001ULL, false));
	EXPECT_EQ(0ULL, b3pr_msr_mtmsr(cpu(EG_750), 0x1001ULL, 0, false));
}

/* PEM rfi: SRR1 16:23 25:27 30:31 (32-bit numbering); POW, ILE kept. */
TEST(msr_750_rfi_keeps_pow_and_ile)
{
	/* old POW|ILE|ME, SRR1 EE|IR|DR: ME (bit 19) comes from SRR1 */
	EXPECT_EQ(0x58030ULL,
		  b3pr_msr_rfi(cpu(EG_750), 0x51000ULL, 0x8030ULL));
}

TEST(msr_750_rfi_cannot_set_ile)
{
	EXPECT_EQ(0x8000ULL, b3pr_msr_rfi(cpu(EG_750), 0, 0x18000ULL));
}

TEST(msr_7455_rfi_restores_vec)
{
	EXPECT_EQ(0x2008000ULL,
		  b3pr_msr_rfi(cpu(EG_7455), 0, 0x2008000ULL));
}

TEST(msr_750_rfi_ignores_high_srr1)
{
	EXPECT_EQ(0x8000ULL,
		  b3pr_msr_rfi(cpu(EG_750), 0, 0xffffffff00008000ULL));
}

/* A host-supplied MSR: HV dropped, PR rule applied. */
TEST(msr_sanitize_drops_hv_applies_pr_rule)
{
	EXPECT_EQ(0x800000000000c030ULL,
		  b3pr_msr_sanitize(cpu(EG_POWER8), 0x9000000000004000ULL));
}
