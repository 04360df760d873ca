// SPDX-License-Identifier: GPL-2.0
/*
 * Which register facility a guest CPU has, what a facility-unavailable
 * interrupt from the guest means, and the guest's view of its FP, VSX
 * and VMX registers.
 */
#include "b3pr/facility.h"
#include "b3pr/cpu.h"
#include "b3pr/guest_state.h"
#include "b3pr/msr.h"
#include "b3pr/spr.h"

#define B3PR_SPRN_FSCR		153

/* The FSCR enables whose registers the host switches for the guest. */
#define B3PR_FSCR_SWITCHED	(B3PR_FSCR_TAR | B3PR_FSCR_EBB | B3PR_FSCR_DSCR)

/* Every CPU b3pr models has FP; VMX and VSX as the model says. */
u64 b3pr_cpu_facilities(const struct b3pr_cpu_model *cpu)
{
	u64 fac = B3PR_MSR_FP;

	if (cpu->has_altivec)
		fac |= B3PR_MSR_VEC;
	if (cpu->has_vsx)
		fac |= B3PR_MSR_VSX;
	return fac;
}

static u64 b3pr_facility_of_vector(u32 vector)
{
	switch (vector) {
	case B3PR_VEC_FP_UNAVAIL:
		return B3PR_MSR_FP;
	case B3PR_VEC_ALTIVEC:
		return B3PR_MSR_VEC;
	case B3PR_VEC_VSX:
		return B3PR_MSR_VSX;
	}
	return 0;
}

/*
 * A CPU without VMX or VSX has no such instructions: they are illegal
 * (ISA Book I 1.8.1 "reserved instructions"; 750 UM: no vector
 * unavailable interrupt), whatever the host could do.
 */
enum b3pr_fac_action b3pr_facility_exit(const struct b3pr_guest_state *g,
					u32 vector, u64 *load)
{
	u64 fac = b3pr_facility_of_vector(vector);

	*load = 0;
	if (!fac)
		return B3PR_FAC_UNKNOWN;
	if (!(b3pr_cpu_facilities(g->cpu) & fac))
		return B3PR_FAC_ILLEGAL;
	if (!(g->msr & fac))
		return B3PR_FAC_DELIVER;
	*load = fac == B3PR_MSR_VSX ?
		B3PR_MSR_FP | B3PR_MSR_VEC | B3PR_MSR_VSX : fac;
	return B3PR_FAC_LOAD;
}

u64 b3pr_facility_shadow_msr(const struct b3pr_guest_state *g, u64 loaded)
{
	u64 on = g->msr & loaded & B3PR_FAC_MSR_BITS &
		 b3pr_cpu_facilities(g->cpu);

	if ((loaded & (B3PR_MSR_FP | B3PR_MSR_VEC)) !=
	    (B3PR_MSR_FP | B3PR_MSR_VEC))
		on &= ~B3PR_MSR_VSX;
	/* The FP exception mode goes with FP (ISA Book I 4.4: FE0, FE1). */
	if (on & B3PR_MSR_FP)
		on |= g->msr & (B3PR_MSR_FE0 | B3PR_MSR_FE1);
	return on;
}

bool b3pr_guest_has_fscr(const struct b3pr_guest_state *g)
{
	return b3pr_spr_lookup(g->cpu, B3PR_SPRN_FSCR);
}

/*
 * FSCR governs problem state only (privileged state answers to HFSCR,
 * the hypervisor's): the guest's supervisor code, which really runs in
 * problem state, gets every facility b3pr switches.
 */
u64 b3pr_fscr_hw(const struct b3pr_guest_state *g)
{
	if (!(g->msr & B3PR_MSR_PR))
		return B3PR_FSCR_SWITCHED;
	return g->fscr & B3PR_FSCR_SWITCHED;
}

u64 b3pr_fscr_switched_cause(u64 hw_fscr)
{
	switch ((hw_fscr & B3PR_FSCR_IC_MASK) >> B3PR_FSCR_IC_SHIFT) {
	case B3PR_FSCR_IC_TAR:
		return B3PR_FSCR_TAR;
	case B3PR_FSCR_IC_EBB:
		return B3PR_FSCR_EBB;
	case B3PR_FSCR_IC_DSCR:
		return B3PR_FSCR_DSCR;
	}
	return 0;
}

struct b3pr_interrupt b3pr_fscr_unavailable(struct b3pr_guest_state *g,
					    u64 hw_fscr)
{
	g->fscr = (g->fscr & ~B3PR_FSCR_IC_MASK) |
		  (hw_fscr & B3PR_FSCR_IC_MASK);
	return b3pr_irq_fac_unavail(B3PR_VEC_FAC_UNAVAIL);
}

u64 b3pr_fpr_get(const struct b3pr_guest_state *g, unsigned int n)
{
	return g->fp.vsr[n][B3PR_VSR_DW0];
}

void b3pr_fpr_set(struct b3pr_guest_state *g, unsigned int n, u64 val)
{
	g->fp.vsr[n][B3PR_VSR_DW0] = val;
}

/* VSRs 32-63 are the VRs (ISA 7.2.1.1). */
static const void *b3pr_vsr_ptr(const struct b3pr_guest_state *g,
				unsigned int n)
{
	return n < 32 ? (const void *)g->fp.vsr[n] :
			(const void *)g->vr.vr[n - 32];
}

void b3pr_vsr_get(const struct b3pr_guest_state *g, unsigned int n,
		  u64 dw[2])
{
	u64 native[2];

	memcpy(native, b3pr_vsr_ptr(g, n), sizeof(native));
	dw[0] = native[B3PR_VSR_DW0];
	dw[1] = native[!B3PR_VSR_DW0];
}

void b3pr_vsr_set(struct b3pr_guest_state *g, unsigned int n,
		  const u64 dw[2])
{
	u64 native[2];

	native[B3PR_VSR_DW0] = dw[0];
	native[!B3PR_VSR_DW0] = dw[1];
	memcpy((void *)b3pr_vsr_ptr(g, n), native, sizeof(native));
}

/* mfvscr/mtvscr use bits 96:127 of a VR; the rest is not VSCR. */
u32 b3pr_vscr_get(const struct b3pr_guest_state *g)
{
	return g->vr.vscr[B3PR_VR_WORD3];
}

void b3pr_vscr_set(struct b3pr_guest_state *g, u32 val)
{
	memset(g->vr.vscr, 0, sizeof(g->vr.vscr));
	g->vr.vscr[B3PR_VR_WORD3] = val;
}
