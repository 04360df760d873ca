/* SPDX-License-Identifier: GPL-2.0 */
/* Machine State Register bits (Power ISA Book III-S 4.2.1; 32-bit PEM 2.3.1). */
#ifndef B3PR_MSR_H
#define B3PR_MSR_H

#include "env.h"

#define B3PR_MSR_SF		PPC_BIT(0)	/* 64-bit mode */
#define B3PR_MSR_HV		PPC_BIT(3)	/* hypervisor state */
#define B3PR_MSR_TS		(PPC_BIT(29) | PPC_BIT(30))	/* TM state */
#define B3PR_MSR_VEC		PPC_BIT(38)	/* AltiVec / VMX available */
#define B3PR_MSR_VSX		PPC_BIT(40)
#define B3PR_MSR_POW		PPC_BIT(45)	/* 32-bit CPUs: power management */
#define B3PR_MSR_ILE		PPC_BIT(47)	/* 32-bit CPUs: interrupt LE */
#define B3PR_MSR_EE		PPC_BIT(48)
#define B3PR_MSR_PR		PPC_BIT(49)
#define B3PR_MSR_FP		PPC_BIT(50)
#define B3PR_MSR_ME		PPC_BIT(51)
#define B3PR_MSR_FE0		PPC_BIT(52)
#define B3PR_MSR_SE		PPC_BIT(53)
#define B3PR_MSR_BE		PPC_BIT(54)
#define B3PR_MSR_FE1		PPC_BIT(55)
#define B3PR_MSR_IP		PPC_BIT(57)	/* 32-bit CPUs: vectors at 0xfff00000 */
#define B3PR_MSR_IR		PPC_BIT(58)
#define B3PR_MSR_DR		PPC_BIT(59)
#define B3PR_MSR_PMM		PPC_BIT(61)
#define B3PR_MSR_RI		PPC_BIT(62)
#define B3PR_MSR_LE		PPC_BIT(63)

#endif /* B3PR_MSR_H */
