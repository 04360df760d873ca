// SPDX-License-Identifier: GPL-2.0
/*
 * What each MSR-changing instruction may change, as masks of ISA bits, and
 * the MSR bits each guest CPU family implements. Every rule is "take the
 * masked bits from the source, keep the rest, then make the value legal".
 */
#include "b3pr/msr_rules.h"
#include "b3pr/cpu.h"
#include "b3pr/msr.h"

/* ISA bits b..e inclusive of a 64-bit register. */
#define MSR_RANGE(b, e)	((~0ULL >> (b)) & (~0ULL << (63 - (e))))

#define MSR_COMMON	(B3PR_MSR_EE | B3PR_MSR_PR | B3PR_MSR_FP | \
			 B3PR_MSR_ME | B3PR_MSR_FE0 | B3PR_MSR_SE | \
			 B3PR_MSR_BE | B3PR_MSR_FE1 | B3PR_MSR_IR | \
			 B3PR_MSR_DR | B3PR_MSR_PMM | B3PR_MSR_RI)
#define MSR_6XX		(MSR_COMMON | B3PR_MSR_POW | B3PR_MSR_ILE | \
			 B3PR_MSR_IP | B3PR_MSR_LE)

/*
 * HV is in no row: the guest never runs in hypervisor state. TS and TM
 * are left out because b3pr offers no transactional memory to guests.
 * The 970 has POW but no little-endian mode (970 User's Manual, MSR).
 */
static const u64 b3pr_msr_impl[B3PR_CPU_NR_FAMILIES] = {
	[B3PR_CPU_970] = MSR_COMMON | B3PR_MSR_SF | B3PR_MSR_VEC |
			 B3PR_MSR_POW,
	[B3PR_CPU_POWER7] = MSR_COMMON | B3PR_MSR_SF | B3PR_MSR_VEC |
			    B3PR_MSR_VSX | B3PR_MSR_LE,
	[B3PR_CPU_POWER8] = MSR_COMMON | B3PR_MSR_SF | B3PR_MSR_VEC |
			    B3PR_MSR_VSX | B3PR_MSR_LE,
	[B3PR_CPU_750] = MSR_6XX,
	[B3PR_CPU_7400] = MSR_6XX | B3PR_MSR_VEC,
	[B3PR_CPU_7450] = MSR_6XX | B3PR_MSR_VEC,
};

/* ISA III-S mtmsr L=0: 32:40 42:47 49:50 52:57 60:62, and EE IR DR. */
#define MTMSR_L0	(MSR_RANGE(32, 40) | MSR_RANGE(42, 50) | \
			 MSR_RANGE(52, 62))
/* ISA III-S mtmsrd L=0 adds 0:2 4:28; 29:31 (TM) are not offered. */
#define MTMSRD_L0	(MSR_RANGE(0, 2) | MSR_RANGE(4, 28) | MTMSR_L0)
/* Both with L=1. */
#define MTMSR_L1	(B3PR_MSR_EE | B3PR_MSR_RI)
/* ISA III-S 3.3.1 rfid: 0:2 4:28 32 37:41 49:50 52:57 60:63, EE IR DR */
#define RFID_BITS	(MSR_RANGE(0, 2) | MSR_RANGE(4, 28) | B3PR_BIT(32) | \
			 MSR_RANGE(37, 41) | MSR_RANGE(48, 50) | \
			 MSR_RANGE(52, 63))
/* PEM rfi, 32-bit bits 0 5:9 16:23 25:27 29:31; not POW (13), ILE (15). */
#define RFI_BITS	(B3PR_BIT(32) | MSR_RANGE(37, 41) | \
			 MSR_RANGE(48, 55) | MSR_RANGE(57, 59) | \
			 MSR_RANGE(61, 63))
/* PEM mtmsr: MSR <- (rS), all 32 bits. */
#define MTMSR_32	MSR_RANGE(32, 63)

u64 b3pr_msr_implemented(const struct b3pr_cpu_model *cpu)
{
	return b3pr_msr_impl[cpu->family];
}

u64 b3pr_msr_sanitize(const struct b3pr_cpu_model *cpu, u64 msr)
{
	msr &= b3pr_msr_implemented(cpu);
	/* ISA III-S 3.2.1: problem state translates and takes externals. */
	if (cpu->is_64bit && (msr & B3PR_MSR_PR))
		msr |= B3PR_MSR_EE | B3PR_MSR_IR | B3PR_MSR_DR;
	return msr;
}

static u64 b3pr_msr_merge(const struct b3pr_cpu_model *cpu, u64 old, u64 src,
			  u64 mask)
{
	return b3pr_msr_sanitize(cpu, (old & ~mask) | (src & mask));
}

/*
 * L=1 exists so that EE and RI can change without a context
 * synchronisation; being privileged it always runs with PR=0, so no PR
 * rule applies.
 */
static u64 b3pr_msr_l1(const struct b3pr_cpu_model *cpu, u64 old, u64 rs)
{
	return ((old & ~MTMSR_L1) | (rs & MTMSR_L1)) &
	       b3pr_msr_implemented(cpu);
}

u64 b3pr_msr_mtmsr(const struct b3pr_cpu_model *cpu, u64 old, u64 rs,
		   bool l)
{
	if (!cpu->is_64bit)
		return b3pr_msr_merge(cpu, old, rs, MTMSR_32);
	if (l)
		return b3pr_msr_l1(cpu, old, rs);
	return b3pr_msr_merge(cpu, old, rs, MTMSR_L0);
}

u64 b3pr_msr_mtmsrd(const struct b3pr_cpu_model *cpu, u64 old, u64 rs,
		    bool l)
{
	if (l)
		return b3pr_msr_l1(cpu, old, rs);
	return b3pr_msr_merge(cpu, old, rs, MTMSRD_L0);
}

u64 b3pr_msr_rfid(const struct b3pr_cpu_model *cpu, u64 old, u64 srr1)
{
	return b3pr_msr_merge(cpu, old, srr1, RFID_BITS);
}

u64 b3pr_msr_rfi(const struct b3pr_cpu_model *cpu, u64 old, u64 srr1)
{
	return b3pr_msr_merge(cpu, old, srr1, RFI_BITS);
}

u64 b3pr_msr_return_address(u64 new_msr, u64 srr0)
{
	srr0 &= ~3ULL;
	if (!(new_msr & B3PR_MSR_SF))
		srr0 &= 0xffffffffULL;
	return srr0;
}
