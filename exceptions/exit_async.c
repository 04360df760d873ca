// SPDX-License-Identifier: GPL-2.0
/*
 * Exits that are not the guest's doing, or that the guest sees as they
 * came: host interrupts (already replayed into the host's own handler by
 * the real-mode exit), facility-unavailable and alignment interrupts.
 */
#include "b3pr/exit.h"
#include "b3pr/interrupt.h"
#include "b3pr/msr.h"
#include "b3pr/rm_vcpu.h"
#include "b3pr/vcpu_run.h"
#include "b3pr/vm.h"

int b3pr_exit_host_interrupt(struct b3pr_vcpu *vcpu, u32 vector)
{
	vcpu->exits[B3PR_EXIT_HOST_IRQ]++;
	return B3PR_RESUME;
}

static const struct {
	u32 vector;
	u64 msr_bit;
} b3pr_facilities[] = {
	{ 0x800, B3PR_MSR_FP },
	{ 0xf20, B3PR_MSR_VEC },
	{ 0xf40, B3PR_MSR_VSX },
};

/*
 * The guest used FP, VMX or VSX. With the facility off in its own MSR it
 * takes the interrupt itself; with it on, b3pr would have to load the
 * guest's register file, which it does not do yet.
 */
int b3pr_exit_facility(struct b3pr_vcpu *vcpu, u32 vector)
{
	struct b3pr_interrupt irq;
	unsigned int i;

	vcpu->exits[B3PR_EXIT_FAC_UNAVAIL]++;
	for (i = 0; i < ARRAY_SIZE(b3pr_facilities); i++)
		if (b3pr_facilities[i].vector == vector)
			break;
	if (i == ARRAY_SIZE(b3pr_facilities) ||
	    (vcpu->g.msr & b3pr_facilities[i].msr_bit))
		return b3pr_internal_error(vcpu, vector, vcpu->g.msr);
	irq = b3pr_irq_fac_unavail(vector);
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
