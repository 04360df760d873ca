/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The architected rules for changing the guest's MSR (Power ISA v2.07
 * Book III-S 3.2.1 MSR, 3.3.1 rfid, and the Move To MSR instructions;
 * 32-bit PEM chapter 8, mtmsr and rfi). Pure
 * functions of the guest's CPU model, the old MSR and the source value,
 * for the emulated instructions, the register ioctls and the tests alike.
 * The guest is never in hypervisor state, so these are the rules for
 * privileged non-hypervisor state: MSR[HV] is always 0 and no rule here
 * can set it.
 */
#ifndef B3PR_MSR_RULES_H
#define B3PR_MSR_RULES_H

#include "env.h"

struct b3pr_cpu_model;

/* The MSR bits the guest's CPU implements; the others read as 0. */
u64 b3pr_msr_implemented(const struct b3pr_cpu_model *cpu);

/*
 * @msr made a value the guest's CPU can hold: bits the CPU lacks (HV
 * included) cleared and, on 64-bit CPUs, MSR[PR]=1 forcing EE, IR and DR
 * to 1 (ISA III-S 3.2.1). For values that come from no instruction,
 * such as a VMM's KVM_SET_REGS.
 */
u64 b3pr_msr_sanitize(const struct b3pr_cpu_model *cpu, u64 msr);

/*
 * mtmsr RS,L. 64-bit CPUs: L=0 changes bits 32:40 42:50 52:62 (never SF,
 * HV, ME or LE), L=1 only EE and RI. 32-bit CPUs: the whole 32-bit MSR.
 */
u64 b3pr_msr_mtmsr(const struct b3pr_cpu_model *cpu, u64 old, u64 rs,
		   bool l);

/* mtmsrd RS,L: as mtmsr L=0 plus bits 0:2 4:28 (SF); L=1 EE and RI only. */
u64 b3pr_msr_mtmsrd(const struct b3pr_cpu_model *cpu, u64 old, u64 rs,
		    bool l);

/*
 * rfid: bits 0:2 4:28 32 37:41 48:50 52:63 from SRR1; ME and HV are kept
 * (a non-hypervisor rfid cannot change them).
 */
u64 b3pr_msr_rfid(const struct b3pr_cpu_model *cpu, u64 old, u64 srr1);

/*
 * rfi on a 32-bit CPU: SRR1 bits 0 5:9 16:23 25:27 29:31 (32-bit
 * numbering); POW and ILE are kept.
 */
u64 b3pr_msr_rfi(const struct b3pr_cpu_model *cpu, u64 old, u64 srr1);

/*
 * Where rfi/rfid continue: SRR0 word aligned, and its high 32 bits
 * cleared when the new MSR has SF=0 (the ISA's "iea").
 */
u64 b3pr_msr_return_address(u64 new_msr, u64 srr0);

#endif /* B3PR_MSR_RULES_H */
