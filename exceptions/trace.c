// SPDX-License-Identifier: GPL-2.0
/*
 * Trace interrupts for the instructions b3pr completes on the guest's
 * behalf (Power ISA v2.07B Book III-S 4.2.1 MSR[SE] and MSR[BE], 6.5.15
 * Trace interrupt; PEM 2.3.1 and 6.4.11 for the 32-bit CPUs). The
 * guest's native instructions are traced by the host CPU itself, with
 * SE and BE in the shadow MSR.
 *
 * Single-step (SE): a trace interrupt follows every instruction that
 * completes without causing an interrupt, except rfid, hrfid and rfi,
 * which are never traced. Whether an instruction is traced depends on
 * the MSR it executed under: an mtmsr[d] that sets SE is not traced and
 * the instruction after it is; one that clears SE is. An interrupt
 * clears SE and BE, so its handler is not traced.
 *
 * Branch trace (BE): after every branch, taken or not. No instruction
 * b3pr emulates is a branch (rfid and rfi are not Branch instructions in
 * the ISA's sense), so BE only ever matters on the host.
 */
#include "b3pr/interrupt.h"
#include "b3pr/cpu.h"
#include "b3pr/guest_state.h"
#include "b3pr/msr.h"

void b3pr_trace_deliver(struct b3pr_guest_state *g, u64 traced_pc)
{
	struct b3pr_interrupt irq = b3pr_irq_trace(g->cpu);

	/* ISA v2.07B 6.5.15: SIAR = the address of the traced instruction */
	if (g->cpu->family == B3PR_CPU_POWER8)
		g->siar = traced_pc;
	b3pr_deliver_interrupt(g, &irq);
}

bool b3pr_trace_completed(struct b3pr_guest_state *g, u64 msr, u64 pc)
{
	if (!(msr & B3PR_MSR_SE))
		return false;
	b3pr_trace_deliver(g, pc);
	return true;
}
