/* SPDX-License-Identifier: GPL-2.0 */
/* Machine State Register bits (Power ISA Book III-S 4.2.1; 32-bit PEM 2.3.1). */
#ifndef B3PR_MSR_H
#define B3PR_MSR_H

#include "env.h"

#define B3PR_MSR_SF		B3PR_BIT(0)	/* 64-bit mode */
#define B3PR_MSR_HV		B3PR_BIT(3)	/* hypervisor state */
#define B3PR_MSR_TS		(B3PR_BIT(29) | B3PR_BIT(30))	/* TM state */
#define B3PR_MSR_VEC		B3PR_BIT(38)	/* AltiVec / VMX available */
#define B3PR_MSR_VSX		B3PR_BIT(40)
#define B3PR_MSR_POW		B3PR_BIT(45)	/* 32-bit CPUs: power management */
#define B3PR_MSR_ILE		B3PR_BIT(47)	/* 32-bit CPUs: interrupt LE */
#define B3PR_MSR_EE		B3PR_BIT(48)
#define B3PR_MSR_PR		B3PR_BIT(49)
#define B3PR_MSR_FP		B3PR_BIT(50)
#define B3PR_MSR_ME		B3PR_BIT(51)
#define B3PR_MSR_FE0		B3PR_BIT(52)
#define B3PR_MSR_SE		B3PR_BIT(53)
#define B3PR_MSR_BE		B3PR_BIT(54)
#define B3PR_MSR_FE1		B3PR_BIT(55)
#define B3PR_MSR_IP		B3PR_BIT(57)	/* 32-bit CPUs: vectors at 0xfff00000 */
#define B3PR_MSR_IR		B3PR_BIT(58)
#define B3PR_MSR_DR		B3PR_BIT(59)
#define B3PR_MSR_PMM		B3PR_BIT(61)
#define B3PR_MSR_RI		B3PR_BIT(62)
#define B3PR_MSR_LE		B3PR_BIT(63)

/*
 * Instruction and data translation differ (MSR[IR] != MSR[DR]): one host
 * page may then need a fetch and a data mapping that are not the same.
 */
static inline bool b3pr_msr_split_translation(u64 msr)
{
	return !(msr & B3PR_MSR_IR) != !(msr & B3PR_MSR_DR);
}

#endif /* B3PR_MSR_H */
