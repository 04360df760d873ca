// SPDX-License-Identifier: GPL-2.0
/*
 * Directed privileged doorbells (ISA v2.07 III-S 5.9.2, msgsndp and
 * msgclrp). A b3pr vcpu is a core of one thread, so the only thread a
 * doorbell can reach is the sender itself.
 */
#include "b3pr/emulate.h"
#include "b3pr/guest_state.h"

/* RB 32:36: message type; 5 = directed privileged doorbell. */
#define DBELL_TYPE(rb)		(((rb) >> 27) & 0x1f)
#define DBELL_TYPE_PRIV		5
/* RB 57:63: the target thread within the sender's core. */
#define DBELL_TIR(rb)		((rb) & 0x7f)

enum b3pr_outcome b3pr_emul_msgsndp(struct b3pr_emul *e)
{
	u64 rb = e->g->gpr[B3PR_RB(e->insn)];

	/* Other types, and threads the core lacks, receive nothing. */
	if (DBELL_TYPE(rb) == DBELL_TYPE_PRIV && DBELL_TIR(rb) == 0)
		b3pr_irq_raise(e->g, B3PR_IRQ_DOORBELL);
	b3pr_advance_pc(e->g);
	return B3PR_CONTINUE;
}

enum b3pr_outcome b3pr_emul_msgclrp(struct b3pr_emul *e)
{
	u64 rb = e->g->gpr[B3PR_RB(e->insn)];

	if (DBELL_TYPE(rb) == DBELL_TYPE_PRIV)
		b3pr_irq_lower(e->g, B3PR_IRQ_DOORBELL);
	b3pr_advance_pc(e->g);
	return B3PR_CONTINUE;
}
