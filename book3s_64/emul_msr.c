// SPDX-License-Identifier: GPL-2.0
/*
 * mfmsr, mtmsr, mtmsrd and the interrupt returns. The decoder has already
 * turned problem state into a privileged-instruction interrupt and a CPU
 * without the instruction into an illegal one; the bit rules live in
 * msr_rules.c.
 */
#include "b3pr/emulate.h"
#include "b3pr/guest_state.h"
#include "b3pr/msr.h"
#include "b3pr/msr_rules.h"

/* The L field of mtmsr/mtmsrd, instruction bit 15. */
#define MTMSR_L(i)	(((i) >> 16) & 1)

enum b3pr_outcome b3pr_emul_mfmsr(struct b3pr_emul *e)
{
	e->g->gpr[B3PR_RT(e->insn)] = e->g->msr;
	b3pr_advance_pc(e->g);
	return B3PR_CONTINUE;
}

/*
 * MSR[POW] (970, 32-bit CPUs) asks for a power-saving mode until an
 * interrupt. The interrupt would not save POW in SRR1, so the guest's MSR
 * has POW=0 afterwards either way: clear it now and let the host wait.
 */
static enum b3pr_outcome b3pr_msr_written(struct b3pr_emul *e, u64 msr)
{
	e->g->msr = msr & ~B3PR_MSR_POW;
	b3pr_advance_pc(e->g);
	if (!(msr & B3PR_MSR_POW))
		return B3PR_CONTINUE;
	e->host = B3PR_HOST_IDLE;
	return B3PR_NEEDS_HOST;
}

enum b3pr_outcome b3pr_emul_mtmsr(struct b3pr_emul *e)
{
	struct b3pr_guest_state *g = e->g;
	u64 rs = g->gpr[B3PR_RS(e->insn)];
	bool l = MTMSR_L(e->insn);

	return b3pr_msr_written(e, b3pr_msr_mtmsr(g->cpu, g->msr, rs, l));
}

enum b3pr_outcome b3pr_emul_mtmsrd(struct b3pr_emul *e)
{
	struct b3pr_guest_state *g = e->g;
	u64 rs = g->gpr[B3PR_RS(e->insn)];
	bool l = MTMSR_L(e->insn);

	return b3pr_msr_written(e, b3pr_msr_mtmsrd(g->cpu, g->msr, rs, l));
}

enum b3pr_outcome b3pr_emul_rfi(struct b3pr_emul *e)
{
	struct b3pr_guest_state *g = e->g;

	g->msr = b3pr_msr_rfi(g->cpu, g->msr, g->srr1);
	g->pc = b3pr_msr_return_address(g->msr, g->srr0);
	return B3PR_CONTINUE;
}

enum b3pr_outcome b3pr_emul_rfid(struct b3pr_emul *e)
{
	struct b3pr_guest_state *g = e->g;

	g->msr = b3pr_msr_rfid(g->cpu, g->msr, g->srr1);
	g->pc = b3pr_msr_return_address(g->msr, g->srr0);
	return B3PR_CONTINUE;
}

/*
 * Hypervisor-privileged instructions (hrfid, the power-saving modes): the
 * guest is never in hypervisor state, and in privileged non-hypervisor
 * state they cause a privileged-instruction program interrupt (ISA III-S
 * 3.3.1, 3.3.2).
 */
enum b3pr_outcome b3pr_emul_hv_only(struct b3pr_emul *e)
{
	e->irq = b3pr_irq_program(B3PR_SRR1_PROG_PRIV);
	return B3PR_DELIVER;
}

enum b3pr_outcome b3pr_emul_hrfid(struct b3pr_emul *e)
{
	return b3pr_emul_hv_only(e);
}
