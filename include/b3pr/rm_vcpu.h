/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The part of a vcpu that the real-mode world switch reads and writes.
 * It lives in the kernel's linear map below the real-mode limit, so the
 * stubs reach it with translation off through the same address.
 */
#ifndef B3PR_RM_VCPU_H
#define B3PR_RM_VCPU_H

#include <linux/types.h>

/* Shadow SLB entries loaded on every entry (the host's SLB has 32). */
#define B3PR_SHADOW_SLB_ENTRIES	32

struct b3pr_rm_slbe {
	u64 esid;	/* slbmte RB: ESID | V | index */
	u64 vsid;	/* slbmte RS */
};

struct b3pr_rm_vcpu {
	/* Guest registers: loaded on entry, saved on exit */
	u64 gpr[32];
	u64 pc;
	u64 lr;
	u64 ctr;
	u64 xer;
	u32 cr;
	u32 trap;		/* the vector the guest left through */
	u64 shadow_msr;		/* the MSR the guest runs under */
	u64 exit_msr;		/* SRR1 at exit: shadow MSR + interrupt bits */
	u64 dar;
	u32 dsisr;
	u32 slb_count;
	u64 ppr;		/* the guest's PPR at exit, if has_ppr */
	u32 has_ppr;		/* the host CPU has a PPR (POWER7 and later) */
	u32 has_amr;		/* the AMR is switched (user_sprs.c) */
	u64 exit_amr;		/* the AMR the guest left with, if has_amr */
	u64 host_amr;		/* the kernel's, back before host code runs */
	/* Host state the exit path returns to */
	u64 host_r1;
	u64 host_r2;
	u64 host_msr;
	/* An NMI the guest was interrupted by (rmhandlers/nmi.S) */
	u64 nmi_cont;		/* real address of the kernel's handler path */
	u32 nmi_fwnmi;		/* 1: came through the FWNMI entry, r3 = savep */
	u32 nmi_pad;
	struct b3pr_rm_slbe slb[B3PR_SHADOW_SLB_ENTRIES];
};

#endif /* B3PR_RM_VCPU_H */
