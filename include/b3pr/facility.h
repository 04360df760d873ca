/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The register facilities a guest uses without trapping once they are
 * on: FP, VMX and VSX (MSR bits, Power ISA Book III-S 4.2.1), and the
 * problem-state facilities FSCR enables on POWER8 (ISA 2.07 III-S 4.4.11).
 * Pure rules of the guest CPU model and guest state; the host's lazy
 * register switching (book3s_64/fpsimd.c) and the exit handlers act on
 * what these decide.
 */
#ifndef B3PR_FACILITY_H
#define B3PR_FACILITY_H

#include "env.h"
#include "interrupt.h"

struct b3pr_guest_state;
struct b3pr_cpu_model;

/* The MSR facility bits: FP, VEC, VSX. */
#define B3PR_FAC_MSR_BITS	(B3PR_BIT(50) | B3PR_BIT(38) | B3PR_BIT(40))

/* FSCR (ISA 2.07 III-S 4.4.11): bits 0:7 the interrupt cause, enables. */
#define B3PR_FSCR_IC_MASK	0xff00000000000000ULL
#define B3PR_FSCR_IC_SHIFT	56
#define B3PR_FSCR_TAR		B3PR_BIT(55)
#define B3PR_FSCR_EBB		B3PR_BIT(56)
#define B3PR_FSCR_TM		B3PR_BIT(58)
#define B3PR_FSCR_BHRB		B3PR_BIT(59)
#define B3PR_FSCR_PM		B3PR_BIT(60)
#define B3PR_FSCR_DSCR		B3PR_BIT(61)
/* FSCR[IC] values: the bit number from the right of the enable */
#define B3PR_FSCR_IC_DSCR	2
#define B3PR_FSCR_IC_TM		5
#define B3PR_FSCR_IC_EBB	7
#define B3PR_FSCR_IC_TAR	8

/* Facility MSR bits (FP, VEC, VSX) the guest's CPU implements. */
u64 b3pr_cpu_facilities(const struct b3pr_cpu_model *cpu);

enum b3pr_fac_action {
	B3PR_FAC_LOAD,		/* the guest may: load what *load names */
	B3PR_FAC_DELIVER,	/* its MSR has it off: deliver the vector */
	B3PR_FAC_ILLEGAL,	/* its CPU has no such facility: illegal insn */
	B3PR_FAC_UNKNOWN,	/* not an FP/VMX/VSX unavailable vector */
};

/*
 * An FP (0x800), VMX (0xf20) or VSX (0xf40) unavailable interrupt taken
 * while the guest ran. A VSX load needs FP and VMX too (VSRs 0-31 are the
 * FPRs' register file, 32-63 the VRs').
 */
enum b3pr_fac_action b3pr_facility_exit(const struct b3pr_guest_state *g,
					u32 vector, u64 *load);

/*
 * The facility bits of the MSR the guest runs under, given the facilities
 * whose guest registers are loaded: what the guest's MSR enables and is
 * loaded (VSX only with FP and VMX loaded as well), and with FP the
 * guest's FP exception mode (FE0, FE1).
 */
u64 b3pr_facility_shadow_msr(const struct b3pr_guest_state *g, u64 loaded);

/* True when the guest's CPU has an FSCR (POWER8). */
bool b3pr_guest_has_fscr(const struct b3pr_guest_state *g);

/*
 * The FSCR the hardware holds while the guest runs: of the facilities
 * whose registers the host switches (TAR, EBB, DSCR), all in guest
 * supervisor state, the guest FSCR's enables in its problem state, and
 * nothing else, so that what the guest's FSCR disables or b3pr does not
 * offer traps. For guest CPUs with FSCR (b3pr_guest_has_fscr): those
 * without get 0, so that every such use traps.
 */
u64 b3pr_fscr_hw(const struct b3pr_guest_state *g);

/*
 * The FSCR enable (TAR, EBB or DSCR) of the facility whose use raised a
 * facility-unavailable interrupt with @hw_fscr, where b3pr switches that
 * facility's registers; 0 for any other cause.
 */
u64 b3pr_fscr_switched_cause(u64 hw_fscr);

/*
 * A facility-unavailable interrupt (0xf60) the hardware raised with
 * @hw_fscr (its IC field says which facility) while a guest with an FSCR
 * ran: record the cause in the guest's FSCR[IC] and return what to
 * deliver (ISA 2.07 III-S 6.5.24: SRR1 33:36 42:47 are 0).
 */
struct b3pr_interrupt b3pr_fscr_unavailable(struct b3pr_guest_state *g,
					    u64 hw_fscr);

/* FPRs, VSRs (two doublewords, ISA order: [0] is bits 0:63), VSCR. */
u64 b3pr_fpr_get(const struct b3pr_guest_state *g, unsigned int n);
void b3pr_fpr_set(struct b3pr_guest_state *g, unsigned int n, u64 val);
void b3pr_vsr_get(const struct b3pr_guest_state *g, unsigned int n,
		  u64 dw[2]);
void b3pr_vsr_set(struct b3pr_guest_state *g, unsigned int n,
		  const u64 dw[2]);
u32 b3pr_vscr_get(const struct b3pr_guest_state *g);
void b3pr_vscr_set(struct b3pr_guest_state *g, u32 val);

#endif /* B3PR_FACILITY_H */
