/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Guest registers the world switch changes besides GPRs and the SLB: the
 * FP/VMX/VSX register file, lazily (book3s_64/fpsimd.c), and the SPRs
 * problem state reaches without trapping (book3s_64/user_sprs.c).
 */
#ifndef B3PR_SWITCH_H
#define B3PR_SWITCH_H

#include <linux/types.h>

struct b3pr_vcpu;

/* SPRs the guest and the host both have, switched around each entry. */
enum b3pr_uspr {
	B3PR_USPR_FSCR,
	B3PR_USPR_TAR,
	B3PR_USPR_DSCR,
	B3PR_USPR_VRSAVE,
	B3PR_USPR_EBBHR,
	B3PR_USPR_EBBRR,
	B3PR_USPR_BESCR,
	B3PR_USPR_SPRG3,
	B3PR_USPR_CTRL,
	B3PR_USPR_AMR,
	B3PR_USPR_IAMR,
	B3PR_USPR_UAMOR,
	B3PR_USPR_PPR,
	B3PR_USPR_NR,
};

struct b3pr_switch_state {
	u64 fac_owned;		/* MSR_FP/VEC/VSX the guest's registers own */
	u8 host_load_fp;	/* the thread's load_fp/load_vec meanwhile */
	u8 host_load_vec;
	u32 usprs;		/* BIT(enum b3pr_uspr) switched for this guest */
	u32 usprs_lazy;		/* ... and those switched from first use on */
	u64 fscr_loaded;	/* FSCR enables whose registers are switched */
	u64 host[B3PR_USPR_NR];	/* the host's values during an entry */
	u64 exit_fscr;		/* the FSCR the guest left with (its IC) */
	u64 amr_keep;		/* AMR/IAMR bits the guest may not change */
	/* What the guest's CPU has, from the SPR table at KVM_RUN */
	bool guest_fscr, guest_amr, guest_iamr;
};

/* fpsimd.c: with preemption enabled, outside the world switch */
int b3pr_fpsimd_claim(struct b3pr_vcpu *vcpu, u64 fac);
void b3pr_fpsimd_put(struct b3pr_vcpu *vcpu);
/* With interrupts hard-disabled, right before the entry: MSR bits to add */
u64 b3pr_fpsimd_enter(struct b3pr_vcpu *vcpu);

/* user_sprs.c */
void b3pr_usprs_prepare(struct b3pr_vcpu *vcpu);	/* at KVM_RUN */
void b3pr_usprs_enter(struct b3pr_vcpu *vcpu);		/* interrupts off */
void b3pr_usprs_exit(struct b3pr_vcpu *vcpu);		/* interrupts off */
/* The guest's first use of FSCR facility @fscr_bit (TAR, EBB, DSCR). */
void b3pr_usprs_load_facility(struct b3pr_vcpu *vcpu, u64 fscr_bit);

#endif /* B3PR_SWITCH_H */
