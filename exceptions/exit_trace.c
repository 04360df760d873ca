// SPDX-License-Identifier: GPL-2.0
/*
 * Trace exits: a guest instruction that ran natively with the guest's
 * MSR[SE] or MSR[BE] in the shadow MSR completed, and the host took the
 * trace interrupt (0xd00) after it. The guest sees it as its own.
 */
#include <asm/cputable.h>
#include <asm/reg.h>

#include "b3pr/exit.h"
#include "b3pr/interrupt.h"
#include "b3pr/msr.h"
#include "b3pr/rm_vcpu.h"
#include "b3pr/vcpu_run.h"
#include "b3pr/vm.h"

int b3pr_exit_trace(struct b3pr_vcpu *vcpu, u32 vector)
{
	struct b3pr_guest_state *g = &vcpu->g;
	u64 traced = 0;

	vcpu->exits[B3PR_EXIT_TRACE]++;
	/* The shadow MSR has SE and BE only while the guest's does. */
	if (!(g->msr & (B3PR_MSR_SE | B3PR_MSR_BE)))
		return b3pr_internal_error(vcpu, vector,
					   vcpu->run_state.rm->exit_msr);
	/*
	 * g->pc is the host's SRR0, the next instruction. Which one was
	 * traced (a branch may have come from anywhere) only an ISA 2.07
	 * host says, in its SIAR.
	 */
	if (cpu_has_feature(CPU_FTR_ARCH_207S))
		traced = mfspr(SPRN_SIAR);
	b3pr_trace_deliver(g, traced);
	return B3PR_RESUME;
}
