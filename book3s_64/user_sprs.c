// SPDX-License-Identifier: GPL-2.0
/*
 * The SPRs problem state reaches without trapping (or whose value shapes
 * what it may do): the guest's while it runs, the host's otherwise. They
 * are switched with interrupts hard-disabled around the world switch, so
 * the kernel's context switch (save_sprs/restore_sprs) and its interrupt
 * handlers only ever see the host's values. Only SPRs whose values differ
 * are written: an mtspr costs far more than an mfspr.
 *
 * The guest's writes through problem-state SPR numbers (TAR, DSCR 3,
 * VRSAVE, the EBB registers, AMR 13, PPR) reach the hardware directly, so
 * those are read back at every exit; the others are only written through
 * privileged numbers, which trap and are emulated into the guest state.
 * PPR is read by the real-mode exit, before it sets medium priority.
 *
 * Where the guest's CPU has an FSCR, TAR, the EBB registers and DSCR
 * are switched only once the guest used them in this KVM_RUN: until
 * then the hardware FSCR has them off and the first use traps
 * (b3pr_usprs_load_facility), so guests that never touch them pay
 * nothing for them on each exit.
 */
#define pr_fmt(fmt) "b3pr: " fmt

#include <linux/bits.h>
#include <linux/mm.h>
#include <asm/cputable.h>
#include <asm/mmu.h>
#include <asm/reg.h>

#include "b3pr/facility.h"
#include "b3pr/msr.h"
#include "b3pr/rm_vcpu.h"
#include "b3pr/spr.h"
#include "b3pr/switch.h"
#include "b3pr/vm.h"

/* Guest SPR numbers that tell whether its CPU has a register. */
#define B3PR_SPRN_G_TAR		815
#define B3PR_SPRN_G_EBBHR	804
#define B3PR_SPRN_G_DSCR	17
#define B3PR_SPRN_G_VRSAVE	256
#define B3PR_SPRN_G_USPRG3	259
#define B3PR_SPRN_G_CTRLF	136
#define B3PR_SPRN_G_AMR		29
#define B3PR_SPRN_G_IAMR	61
#define B3PR_SPRN_G_PPR		896

/* The AMR/IAMR bits of storage key @k (ISA 5.7.13: key 0 in bits 0:1). */
#define B3PR_AMR_KEY(k)		(3ULL << (62 - 2 * (k)))
#define B3PR_HOST_KERNEL_KEY	3	/* hash-pkey.h HASH_DEFAULT_KERNEL_KEY */

/* PPR[PRI] (bits 11:13) medium, what HMT_MEDIUM sets (Book II 3.2) */
#define B3PR_PPR_MEDIUM		(4ULL << 50)

static bool b3pr_guest_has(const struct b3pr_guest_state *g,
			   unsigned int sprn)
{
	return b3pr_spr_lookup(g->cpu, sprn);
}

/*
 * Which SPRs this guest gets its own of: those its CPU has and the host
 * has too; FSCR, AMR, IAMR and UAMOR wherever the host has them, so that
 * the guest never runs with the VMM's facility enables or keys.
 */
void b3pr_usprs_prepare(struct b3pr_vcpu *vcpu)
{
	struct b3pr_switch_state *sw = &vcpu->run_state.sw;
	const struct b3pr_guest_state *g = &vcpu->g;
	u32 m = BIT(B3PR_USPR_SPRG3) * b3pr_guest_has(g, B3PR_SPRN_G_USPRG3);

	if (cpu_has_feature(CPU_FTR_ARCH_207S)) {
		m |= BIT(B3PR_USPR_FSCR) | BIT(B3PR_USPR_IAMR);
		if (b3pr_guest_has(g, B3PR_SPRN_G_TAR))
			m |= BIT(B3PR_USPR_TAR);
		if (b3pr_guest_has(g, B3PR_SPRN_G_EBBHR))
			m |= BIT(B3PR_USPR_EBBHR) | BIT(B3PR_USPR_EBBRR) |
			     BIT(B3PR_USPR_BESCR);
	}
	if (cpu_has_feature(CPU_FTR_ARCH_206))
		m |= BIT(B3PR_USPR_AMR) | BIT(B3PR_USPR_UAMOR);
	if (cpu_has_feature(CPU_FTR_DSCR) &&
	    b3pr_guest_has(g, B3PR_SPRN_G_DSCR))
		m |= BIT(B3PR_USPR_DSCR);
	if (cpu_has_feature(CPU_FTR_ALTIVEC) &&
	    b3pr_guest_has(g, B3PR_SPRN_G_VRSAVE))
		m |= BIT(B3PR_USPR_VRSAVE);
	if (cpu_has_feature(CPU_FTR_CTRL) &&
	    b3pr_guest_has(g, B3PR_SPRN_G_CTRLF))
		m |= BIT(B3PR_USPR_CTRL);
	if (cpu_has_feature(CPU_FTR_HAS_PPR) &&
	    b3pr_guest_has(g, B3PR_SPRN_G_PPR))
		m |= BIT(B3PR_USPR_PPR);
	vcpu->run_state.rm->has_ppr = !!(m & BIT(B3PR_USPR_PPR));
	vcpu->run_state.rm->has_amr = !!(m & BIT(B3PR_USPR_AMR));
	sw->guest_fscr = b3pr_guest_has_fscr(g);
	sw->usprs_lazy = 0;
	if (sw->guest_fscr)
		sw->usprs_lazy = m & (BIT(B3PR_USPR_TAR) | BIT(B3PR_USPR_DSCR) |
				      BIT(B3PR_USPR_EBBHR) |
				      BIT(B3PR_USPR_EBBRR) |
				      BIT(B3PR_USPR_BESCR));
	sw->usprs = m & ~sw->usprs_lazy;
	sw->fscr_loaded = 0;
	sw->guest_amr = b3pr_guest_has(g, B3PR_SPRN_G_AMR);
	sw->guest_iamr = b3pr_guest_has(g, B3PR_SPRN_G_IAMR);
	/*
	 * The guest's memory is mapped with the host kernel's storage key
	 * (key 0 where the host has no keys), which the host's code uses
	 * too: the guest may not deny it, or neither could run.
	 */
	sw->amr_keep = mmu_has_feature(MMU_FTR_PKEY) ?
		       B3PR_AMR_KEY(B3PR_HOST_KERNEL_KEY) : B3PR_AMR_KEY(0);
}

/* Switch SPR @sprn to @val when it is in the set, keeping the host's. */
#define B3PR_USPR_IN(sw, i, sprn, val) do {				\
	if ((sw)->usprs & BIT(i)) {					\
		u64 h_ = mfspr(sprn), v_ = (val);			\
		(sw)->host[i] = h_;					\
		if (h_ != v_)						\
			mtspr(sprn, v_);				\
	}								\
} while (0)

/* Back to the host's value; the guest's, which it may have written, into @dst. */
#define B3PR_USPR_OUT(sw, i, sprn, dst) do {				\
	if ((sw)->usprs & BIT(i)) {					\
		u64 v_ = mfspr(sprn);					\
		(dst) = v_;						\
		if (v_ != (sw)->host[i])				\
			mtspr(sprn, (sw)->host[i]);			\
	}								\
} while (0)

/* Back to the host's value, for an SPR the guest cannot write directly. */
#define B3PR_USPR_RESTORE(sw, i, sprn, val) do {			\
	if (((sw)->usprs & BIT(i)) && (sw)->host[i] != (val))		\
		mtspr(sprn, (sw)->host[i]);				\
} while (0)

/*
 * What the hardware holds for the guest. UAMOR: in guest supervisor state
 * all of AMR is the guest's (mtspr 13 there is masked by AMOR, which a
 * partition without its own hypervisor has all ones); in its problem
 * state, its UAMOR. A CPU without these registers gets 0.
 */
static u64 b3pr_uamor_hw(const struct b3pr_vcpu *vcpu)
{
	const struct b3pr_switch_state *sw = &vcpu->run_state.sw;
	const struct b3pr_guest_state *g = &vcpu->g;

	if (!sw->guest_amr)
		return 0;
	return ((g->msr & B3PR_MSR_PR) ? g->uamor : ~0ULL) & ~sw->amr_keep;
}

static u64 b3pr_amr_hw(const struct b3pr_vcpu *vcpu)
{
	const struct b3pr_switch_state *sw = &vcpu->run_state.sw;

	return sw->guest_amr ? vcpu->g.amr & ~sw->amr_keep : 0;
}

static u64 b3pr_iamr_hw(const struct b3pr_vcpu *vcpu)
{
	const struct b3pr_switch_state *sw = &vcpu->run_state.sw;

	return sw->guest_iamr ? vcpu->g.iamr & ~sw->amr_keep : 0;
}

static u64 b3pr_fscr_hw_of(const struct b3pr_vcpu *vcpu)
{
	const struct b3pr_switch_state *sw = &vcpu->run_state.sw;

	return sw->guest_fscr ? b3pr_fscr_hw(&vcpu->g) & sw->fscr_loaded : 0;
}

void b3pr_usprs_load_facility(struct b3pr_vcpu *vcpu, u64 fscr_bit)
{
	struct b3pr_switch_state *sw = &vcpu->run_state.sw;
	u32 m = 0;

	if (fscr_bit & B3PR_FSCR_TAR)
		m |= BIT(B3PR_USPR_TAR);
	if (fscr_bit & B3PR_FSCR_DSCR)
		m |= BIT(B3PR_USPR_DSCR);
	if (fscr_bit & B3PR_FSCR_EBB)
		m |= BIT(B3PR_USPR_EBBHR) | BIT(B3PR_USPR_EBBRR) |
		     BIT(B3PR_USPR_BESCR);
	sw->usprs |= m & sw->usprs_lazy;
	sw->fscr_loaded |= fscr_bit;
}

void b3pr_usprs_enter(struct b3pr_vcpu *vcpu)
{
	struct b3pr_switch_state *sw = &vcpu->run_state.sw;
	struct b3pr_guest_state *g = &vcpu->g;

	B3PR_USPR_IN(sw, B3PR_USPR_FSCR, SPRN_FSCR, b3pr_fscr_hw_of(vcpu));
	B3PR_USPR_IN(sw, B3PR_USPR_TAR, SPRN_TAR, g->tar);
	B3PR_USPR_IN(sw, B3PR_USPR_DSCR, SPRN_DSCR, g->dscr);
	B3PR_USPR_IN(sw, B3PR_USPR_VRSAVE, SPRN_VRSAVE, g->vrsave);
	B3PR_USPR_IN(sw, B3PR_USPR_EBBHR, SPRN_EBBHR, g->ebbhr);
	B3PR_USPR_IN(sw, B3PR_USPR_EBBRR, SPRN_EBBRR, g->ebbrr);
	B3PR_USPR_IN(sw, B3PR_USPR_BESCR, SPRN_BESCR, g->bescr);
	B3PR_USPR_IN(sw, B3PR_USPR_SPRG3, SPRN_SPRG3, g->sprg[3]);
	/* CTRL: only the run latch (bit 63) is writable, through CTRLT. */
	if (sw->usprs & BIT(B3PR_USPR_CTRL)) {
		sw->host[B3PR_USPR_CTRL] = mfspr(SPRN_CTRLF) & CTRL_RUNLATCH;
		if (sw->host[B3PR_USPR_CTRL] != (g->ctrl & CTRL_RUNLATCH))
			mtspr(SPRN_CTRLT, g->ctrl & CTRL_RUNLATCH);
	}
	B3PR_USPR_IN(sw, B3PR_USPR_UAMOR, SPRN_UAMOR, b3pr_uamor_hw(vcpu));
	B3PR_USPR_IN(sw, B3PR_USPR_IAMR, SPRN_IAMR, b3pr_iamr_hw(vcpu));
	B3PR_USPR_IN(sw, B3PR_USPR_AMR, SPRN_AMR, b3pr_amr_hw(vcpu));
	/* The real-mode exit puts it back before any host code runs. */
	vcpu->run_state.rm->host_amr = sw->host[B3PR_USPR_AMR];
	/* Last: the host's code up to the entry runs at the guest's priority. */
	B3PR_USPR_IN(sw, B3PR_USPR_PPR, SPRN_PPR, g->ppr);
}

void b3pr_usprs_exit(struct b3pr_vcpu *vcpu)
{
	struct b3pr_switch_state *sw = &vcpu->run_state.sw;
	struct b3pr_guest_state *g = &vcpu->g;
	u64 keep = sw->amr_keep;
	u64 amr;

	/* The real-mode exit already gave the kernel its keys back. */
	if (sw->usprs & BIT(B3PR_USPR_AMR)) {
		amr = vcpu->run_state.rm->exit_amr;
		if (sw->guest_amr)
			g->amr = (amr & ~keep) | (g->amr & keep);
	}
	B3PR_USPR_RESTORE(sw, B3PR_USPR_IAMR, SPRN_IAMR, b3pr_iamr_hw(vcpu));
	B3PR_USPR_RESTORE(sw, B3PR_USPR_UAMOR, SPRN_UAMOR, b3pr_uamor_hw(vcpu));
	B3PR_USPR_OUT(sw, B3PR_USPR_FSCR, SPRN_FSCR, sw->exit_fscr);
	B3PR_USPR_OUT(sw, B3PR_USPR_TAR, SPRN_TAR, g->tar);
	B3PR_USPR_OUT(sw, B3PR_USPR_DSCR, SPRN_DSCR, g->dscr);
	B3PR_USPR_OUT(sw, B3PR_USPR_VRSAVE, SPRN_VRSAVE, g->vrsave);
	B3PR_USPR_OUT(sw, B3PR_USPR_EBBHR, SPRN_EBBHR, g->ebbhr);
	B3PR_USPR_OUT(sw, B3PR_USPR_EBBRR, SPRN_EBBRR, g->ebbrr);
	B3PR_USPR_OUT(sw, B3PR_USPR_BESCR, SPRN_BESCR, g->bescr);
	/* The real-mode exit saved the guest's PPR and set medium. */
	if (sw->usprs & BIT(B3PR_USPR_PPR)) {
		g->ppr = vcpu->run_state.rm->ppr;
		if (sw->host[B3PR_USPR_PPR] != B3PR_PPR_MEDIUM)
			mtspr(SPRN_PPR, sw->host[B3PR_USPR_PPR]);
	}
	B3PR_USPR_RESTORE(sw, B3PR_USPR_SPRG3, SPRN_SPRG3, g->sprg[3]);
	B3PR_USPR_RESTORE(sw, B3PR_USPR_CTRL, SPRN_CTRLT,
			  g->ctrl & CTRL_RUNLATCH);
}
