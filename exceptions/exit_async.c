// SPDX-License-Identifier: GPL-2.0
/*
 * Exits that are not the guest's doing, or that the guest sees as they
 * came: host interrupts (already replayed into the host's own handler by
 * the real-mode exit), facility-unavailable and alignment interrupts.
 */
#include "b3pr/exit.h"
#include "b3pr/facility.h"
#include "b3pr/interrupt.h"
#include "b3pr/msr.h"
#include "b3pr/rm_hook.h"
#include "b3pr/rm_vcpu.h"
#include "b3pr/vcpu_run.h"
#include "b3pr/vm.h"

int b3pr_exit_host_interrupt(struct b3pr_vcpu *vcpu, u32 vector)
{
	vcpu->exits[B3PR_EXIT_HOST_IRQ]++;
	return B3PR_RESUME;
}

/*
 * A machine check while the guest ran, already through the kernel's own
 * handler (rmhandlers/nmi.S): the guest was running, so it gets one too,
 * with the cause the hardware gave (kvm-pr does the same). A guest with
 * MSR[ME]=0 would checkstop (ISA 6.5.2): the VMM hears of it instead.
 */
int b3pr_exit_machine_check(struct b3pr_vcpu *vcpu, u32 vector)
{
	struct b3pr_rm_vcpu *rm = vcpu->run_state.rm;
	struct b3pr_interrupt irq =
		b3pr_irq_machine_check(rm->exit_msr & B3PR_SRR1_CAUSE_BITS);

	vcpu->exits[B3PR_EXIT_HOST_IRQ]++;
	if (!(vcpu->g.msr & B3PR_MSR_ME))
		return b3pr_internal_error(vcpu, vector, rm->exit_msr);
	b3pr_deliver_interrupt(&vcpu->g, &irq);
	return B3PR_RESUME;
}

/*
 * Facility unavailable through FSCR (POWER8 guests): the first use of a
 * facility whose registers the host switches lazily, which the guest's
 * FSCR allows, loads them and retries; anything else is the guest's, with
 * the cause the hardware recorded. A guest CPU without FSCR has none of
 * those facilities, and its SPR and instruction rules decide (the
 * hardware FSCR is 0 under such guests, so each use traps here).
 */
static int b3pr_exit_fscr(struct b3pr_vcpu *vcpu, u32 vector)
{
	struct b3pr_switch_state *sw = &vcpu->run_state.sw;
	struct b3pr_interrupt irq;
	u64 fac;

	if (!sw->guest_fscr)
		return b3pr_exit_program(vcpu, vector);
	fac = b3pr_fscr_switched_cause(sw->exit_fscr);
	if (fac && !(sw->fscr_loaded & fac) &&
	    (b3pr_fscr_hw(&vcpu->g) & fac)) {
		b3pr_usprs_load_facility(vcpu, fac);
		return B3PR_RESUME;
	}
	irq = b3pr_fscr_unavailable(&vcpu->g, sw->exit_fscr);
	b3pr_deliver_interrupt(&vcpu->g, &irq);
	return B3PR_RESUME;
}

/*
 * The guest used FP, VMX or VSX. With the facility on in its MSR its
 * registers are loaded (the next entry puts them in the CPU); with it
 * off it takes the interrupt itself; a CPU without the facility has no
 * such instructions.
 */
int b3pr_exit_facility(struct b3pr_vcpu *vcpu, u32 vector)
{
	struct b3pr_interrupt irq;
	u64 load;

	vcpu->exits[B3PR_EXIT_FAC_UNAVAIL]++;
	if (vector == B3PR_VEC_FAC_UNAVAIL)
		return b3pr_exit_fscr(vcpu, vector);
	switch (b3pr_facility_exit(&vcpu->g, vector, &load)) {
	case B3PR_FAC_LOAD:
		/* A host without the facility cannot give it either. */
		if (!b3pr_fpsimd_claim(vcpu, load))
			return B3PR_RESUME;
		fallthrough;
	case B3PR_FAC_ILLEGAL:
		irq = b3pr_irq_program(B3PR_SRR1_PROG_ILLEGAL);
		break;
	case B3PR_FAC_DELIVER:
		irq = b3pr_irq_fac_unavail(vector);
		break;
	default:
		return b3pr_internal_error(vcpu, vector, vcpu->g.msr);
	}
	b3pr_deliver_interrupt(&vcpu->g, &irq);
	return B3PR_RESUME;
}

int b3pr_exit_alignment(struct b3pr_vcpu *vcpu, u32 vector)
{
	struct b3pr_rm_vcpu *rm = vcpu->run_state.rm;
	struct b3pr_interrupt irq = b3pr_irq_alignment(rm->dar, rm->dsisr);

	vcpu->exits[B3PR_EXIT_GUEST_FAULT]++;
	b3pr_deliver_interrupt(&vcpu->g, &irq);
	return B3PR_RESUME;
}
