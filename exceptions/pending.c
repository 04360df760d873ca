// SPDX-License-Identifier: GPL-2.0
/*
 * Asynchronous interrupts waiting for the guest: which may be taken now
 * and which wins when several are pending (ISA Book III-S 6.8, PEM 6.1.4).
 *
 * Trigger model, per source:
 * - system reset, machine check, doorbell: events, cleared once delivered.
 * - decrementer: cleared once delivered (PEM 6.4.9 and the 970/POWER
 *   behaviour the ISA allows). The ISA also lets a DEC that stays negative
 *   keep the exception alive; b3pr does not model that here: whoever
 *   emulates DEC raises the source again when DEC goes negative (timer
 *   expiry, or mtdec of a negative value).
 * - external, performance monitor: level-triggered, pending until the
 *   host lowers them (interrupt controller acknowledged, MMCR0[PMAO]
 *   cleared).
 */
#include "b3pr/interrupt.h"
#include "b3pr/guest_state.h"
#include "b3pr/cpu.h"
#include "b3pr/msr.h"

#define ALL_CPUS	(B3PR_CPUS_64 | B3PR_CPUS_32)

struct b3pr_irq_source_row {
	enum b3pr_irq_source src;
	u32 vector;
	u64 enable;	/* MSR bit that must be 1 for delivery, or 0 */
	bool edge;	/* cleared once delivered */
	u32 cpus;	/* CPU families that have this source */
};

/*
 * Highest priority first (ISA 6.8): system reset, machine check, then the
 * EE-gated ones: external, decrementer, directed privileged doorbell
 * (POWER8, ISA 2.07), performance monitor. A machine check needs MSR[ME];
 * with ME=0 it would checkstop, see b3pr_irq_checkstop().
 */
static const struct b3pr_irq_source_row b3pr_irq_sources[] = {
	{ B3PR_IRQ_SYSTEM_RESET, B3PR_VEC_SYSTEM_RESET, 0, true, ALL_CPUS },
	{ B3PR_IRQ_MACHINE_CHECK, B3PR_VEC_MACHINE_CHECK, B3PR_MSR_ME, true,
	  ALL_CPUS },
	{ B3PR_IRQ_EXTERNAL, B3PR_VEC_EXTERNAL, B3PR_MSR_EE, false, ALL_CPUS },
	{ B3PR_IRQ_DECREMENTER, B3PR_VEC_DECREMENTER, B3PR_MSR_EE, true,
	  ALL_CPUS },
	{ B3PR_IRQ_DOORBELL, B3PR_VEC_DOORBELL, B3PR_MSR_EE, true,
	  B3PR_CPU_BIT(B3PR_CPU_POWER8) },
	{ B3PR_IRQ_PERFMON, B3PR_VEC_PERFMON, B3PR_MSR_EE, false, ALL_CPUS },
};

static const struct b3pr_irq_source_row *
b3pr_irq_source_row(enum b3pr_irq_source src)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(b3pr_irq_sources); i++)
		if (b3pr_irq_sources[i].src == src)
			return &b3pr_irq_sources[i];
	return NULL;
}

/* A source the guest's CPU does not have is never raised. */
void b3pr_irq_raise(struct b3pr_guest_state *g, enum b3pr_irq_source src)
{
	const struct b3pr_irq_source_row *row = b3pr_irq_source_row(src);

	if (row && b3pr_cpu_is(g->cpu, row->cpus)) {
		g->pending |= 1U << src;
		g->pending_once &= ~(1U << src);
	}
}

void b3pr_irq_raise_once(struct b3pr_guest_state *g,
			 enum b3pr_irq_source src)
{
	b3pr_irq_raise(g, src);
	if (g->pending & (1U << src))
		g->pending_once |= 1U << src;
}

void b3pr_irq_lower(struct b3pr_guest_state *g, enum b3pr_irq_source src)
{
	if ((unsigned int)src < B3PR_IRQ_NR_SOURCES) {
		g->pending &= ~(1U << src);
		g->pending_once &= ~(1U << src);
	}
}

bool b3pr_deliver_pending(struct b3pr_guest_state *g)
{
	unsigned int i;

	/* Every guest entry asks: the usual answer is quick. */
	if (!g->pending)
		return false;
	for (i = 0; i < ARRAY_SIZE(b3pr_irq_sources); i++) {
		const struct b3pr_irq_source_row *row = &b3pr_irq_sources[i];
		struct b3pr_interrupt irq;

		if (!(g->pending & (1U << row->src)) ||
		    !b3pr_cpu_is(g->cpu, row->cpus))
			continue;
		if (row->enable && !(g->msr & row->enable))
			continue;
		if (row->edge || (g->pending_once & (1U << row->src)))
			b3pr_irq_lower(g, row->src);
		/* SRR0 = g->pc: the instruction the guest would run next */
		irq = (struct b3pr_interrupt){ .vector = row->vector };
		b3pr_deliver_interrupt(g, &irq);
		return true;
	}
	return false;
}

bool b3pr_irq_checkstop(const struct b3pr_guest_state *g)
{
	return (g->pending & (1U << B3PR_IRQ_MACHINE_CHECK)) &&
	       !(g->msr & B3PR_MSR_ME);
}
