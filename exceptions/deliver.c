// SPDX-License-Identifier: GPL-2.0
/*
 * Delivery of one interrupt into the guest: SRR0/SRR1, DAR/DSISR, the new
 * MSR and PC. 64-bit CPUs follow Power ISA v2.07 Book III-S 6.4-6.5 (the
 * 970 as its User's Manual narrows it); 32-bit CPUs follow PEM chapter 6
 * and the 7400/7450 manuals. LPCR[AIL] is not offered to guests, so every
 * interrupt is taken in real mode at its plain vector (AIL=0).
 */
#include "b3pr/interrupt.h"
#include "b3pr/guest_state.h"
#include "b3pr/cpu.h"
#include "b3pr/msr.h"

/* LPCR[ILE]: OS interrupts run little-endian (ISA Book III-S 2.2, LPCR). */
#define LPCR_ILE		B3PR_BIT(38)

/* MSR[TS] values (ISA 4.2.1): Transactional and Suspended. */
#define MSR_TS_T		B3PR_BIT(29)
#define MSR_TS_S		B3PR_BIT(30)

#define MSR_LOW_HALF		0x000000000000ffffULL	/* 32-bit MSR 16:31 */

enum b3pr_le_rule {
	LE_ZERO,		/* 970: no little-endian interrupts */
	LE_FROM_LPCR,		/* POWER7/8: LPCR[ILE] */
	LE_FROM_MSR,		/* 32-bit CPUs: MSR[ILE] */
};

/*
 * What each CPU family saves and keeps. Every MSR bit a row does not keep
 * or set is 0 in the handler's MSR (ISA 6.5 figure "MSR setting due to
 * interrupt"; PEM 6.4 "MSR setting due to exception"): IR, DR, EE,
 * PR, FP, VEC, VSX, FE0, FE1, SE, BE, PMM, RI, TM, POW.
 */
struct b3pr_irq_rules {
	u64 srr1_from_msr;	/* MSR bits copied into SRR1 */
	u64 msr_kept;		/* MSR bits the handler inherits */
	u64 msr_set;		/* MSR bits always 1 in the handler */
	enum b3pr_le_rule le;
};

static const struct b3pr_irq_rules b3pr_irq_rules[B3PR_CPU_NR_FAMILIES] = {
	/* ISA 6.5: SRR1 0:32, 37:41, 48:63 from the MSR; SF=1, HV, ME kept */
	[B3PR_CPU_970] = { ~B3PR_SRR1_IRQ_BITS,
			   B3PR_MSR_HV | B3PR_MSR_ME, B3PR_MSR_SF, LE_ZERO },
	[B3PR_CPU_POWER7] = { ~B3PR_SRR1_IRQ_BITS,
			      B3PR_MSR_HV | B3PR_MSR_ME, B3PR_MSR_SF,
			      LE_FROM_LPCR },
	/* TS is kept too; a transaction becomes suspended (below) */
	[B3PR_CPU_POWER8] = { ~B3PR_SRR1_IRQ_BITS,
			      B3PR_MSR_HV | B3PR_MSR_ME | B3PR_MSR_TS,
			      B3PR_MSR_SF, LE_FROM_LPCR },
	/* PEM 6.4: SRR1 16:31 from the MSR; ME, ILE, IP kept */
	[B3PR_CPU_750] = { MSR_LOW_HALF,
			   B3PR_MSR_ME | B3PR_MSR_ILE | B3PR_MSR_IP, 0,
			   LE_FROM_MSR },
	/* 7400/7450 manuals 4.3.2: SRR1[6] (VEC) is saved as well */
	[B3PR_CPU_7400] = { MSR_LOW_HALF | B3PR_MSR_VEC,
			    B3PR_MSR_ME | B3PR_MSR_ILE | B3PR_MSR_IP, 0,
			    LE_FROM_MSR },
	[B3PR_CPU_7450] = { MSR_LOW_HALF | B3PR_MSR_VEC,
			    B3PR_MSR_ME | B3PR_MSR_ILE | B3PR_MSR_IP, 0,
			    LE_FROM_MSR },
};

u64 b3pr_vector_address(const struct b3pr_guest_state *g, u32 vec)
{
	/* PEM 6.1: MSR[IP] selects the 0xfff00000 prefix */
	if (!g->cpu->is_64bit)
		return ((g->msr & B3PR_MSR_IP) ? 0xfff00000ULL : 0) + vec;
	/* 970 User's Manual: vectors are relative to HIOR */
	if (g->cpu->has_hior)
		return g->hior + vec;
	return vec;
}

/* In 32-bit mode only the low word of an address exists (ISA 6.4). */
static u64 b3pr_mode_address(u64 msr, u64 ea)
{
	return (msr & B3PR_MSR_SF) ? ea : (u32)ea;
}

static u64 b3pr_handler_msr(const struct b3pr_guest_state *g,
			    const struct b3pr_irq_rules *r, u32 vector)
{
	u64 msr = g->msr;
	u64 new = (msr & r->msr_kept) | r->msr_set;

	/* ISA 6.5: an interrupt suspends a running transaction (TS T -> S) */
	if ((new & B3PR_MSR_TS) == MSR_TS_T)
		new = (new & ~B3PR_MSR_TS) | MSR_TS_S;
	/* ISA 6.5.2, PEM 6.4.2: no nested machine check */
	if (vector == B3PR_VEC_MACHINE_CHECK)
		new &= ~B3PR_MSR_ME;
	if ((r->le == LE_FROM_LPCR && (g->lpcr & LPCR_ILE)) ||
	    (r->le == LE_FROM_MSR && (msr & B3PR_MSR_ILE)))
		new |= B3PR_MSR_LE;
	return new;
}

void b3pr_deliver_interrupt(struct b3pr_guest_state *g,
			    const struct b3pr_interrupt *irq)
{
	const struct b3pr_irq_rules *r = &b3pr_irq_rules[g->cpu->family];
	u64 msr = g->msr;
	u64 srr0 = g->pc + (irq->srr0_next ? 4 : 0);

	g->srr0 = b3pr_mode_address(msr, srr0);
	g->srr1 = (msr & r->srr1_from_msr) | irq->srr1_bits;
	if (irq->set_dar)
		g->dar = b3pr_mode_address(msr, irq->dar);
	if (irq->set_dsisr)
		g->dsisr = irq->dsisr;
	/* the vector base depends on the old MSR (IP), which IP keeps anyway */
	g->pc = b3pr_vector_address(g, irq->vector);
	g->msr = b3pr_handler_msr(g, r, irq->vector);
}

static struct b3pr_interrupt b3pr_irq(u32 vector, u64 srr1_bits)
{
	struct b3pr_interrupt irq = {
		.vector = vector,
		.srr1_bits = srr1_bits & B3PR_SRR1_IRQ_BITS,
	};

	return irq;
}

/* ISA 6.5.9: reason in SRR1 43:47; SRR0 addresses the instruction */
struct b3pr_interrupt b3pr_irq_program(u64 reason)
{
	return b3pr_irq(B3PR_VEC_PROGRAM, reason);
}

/* ISA 6.5.14: SRR0 addresses the instruction after the sc */
struct b3pr_interrupt b3pr_irq_syscall(void)
{
	struct b3pr_interrupt irq = b3pr_irq(B3PR_VEC_SYSCALL, 0);

	irq.srr0_next = true;
	return irq;
}

/* ISA 6.5.3: DAR = the faulting EA, DSISR = the cause */
struct b3pr_interrupt b3pr_irq_dsi(u64 dar, u32 dsisr)
{
	struct b3pr_interrupt irq = b3pr_irq(B3PR_VEC_DSI, 0);

	irq.set_dar = true;
	irq.dar = dar;
	irq.set_dsisr = true;
	irq.dsisr = dsisr;
	return irq;
}

/* ISA 6.5.5: the cause is in SRR1 33:36 (and 42:47) */
struct b3pr_interrupt b3pr_irq_isi(u64 srr1_bits)
{
	return b3pr_irq(B3PR_VEC_ISI, srr1_bits);
}

/* ISA 6.5.4: DAR = the EA; DSISR is left alone (undefined) */
struct b3pr_interrupt b3pr_irq_dseg(u64 dar)
{
	struct b3pr_interrupt irq = b3pr_irq(B3PR_VEC_DSEG, 0);

	irq.set_dar = true;
	irq.dar = dar;
	return irq;
}

/* ISA 6.5.6 */
struct b3pr_interrupt b3pr_irq_iseg(void)
{
	return b3pr_irq(B3PR_VEC_ISEG, 0);
}

/* ISA 6.5.8, PEM 6.4.6: DAR = operand EA, DSISR = instruction fields */
struct b3pr_interrupt b3pr_irq_alignment(u64 dar, u32 dsisr)
{
	struct b3pr_interrupt irq = b3pr_irq(B3PR_VEC_ALIGNMENT, 0);

	irq.set_dar = true;
	irq.dar = dar;
	irq.set_dsisr = true;
	irq.dsisr = dsisr;
	return irq;
}

/*
 * FP (0x800), VMX (0xf20), VSX (0xf40) or facility (0xf60) unavailable:
 * SRR1 33:36, 42:47 are 0 (ISA 6.5.10 and the Unavailable interrupts
 * of 6.5). For 0xf60 the caller
 * sets FSCR[IC] itself.
 */
struct b3pr_interrupt b3pr_irq_fac_unavail(u32 vector)
{
	return b3pr_irq(vector, 0);
}

/* ISA 6.5.1: not from power saving, so SRR1 42:45 (wake state) are 0 */
struct b3pr_interrupt b3pr_irq_system_reset(void)
{
	return b3pr_irq(B3PR_VEC_SYSTEM_RESET, 0);
}

/* ISA 6.5.2: SRR1 33:36, 42:47 are implementation-specific causes */
struct b3pr_interrupt b3pr_irq_machine_check(u64 srr1_bits)
{
	return b3pr_irq(B3PR_VEC_MACHINE_CHECK, srr1_bits);
}

/* ISA 6.5.7: SRR0 = the next instruction the guest would have run */
struct b3pr_interrupt b3pr_irq_external(void)
{
	return b3pr_irq(B3PR_VEC_EXTERNAL, 0);
}

/* ISA 6.5.11 */
struct b3pr_interrupt b3pr_irq_decrementer(void)
{
	return b3pr_irq(B3PR_VEC_DECREMENTER, 0);
}

/* ISA 6.5.13: directed privileged doorbell (msgsndp) */
struct b3pr_interrupt b3pr_irq_doorbell(void)
{
	return b3pr_irq(B3PR_VEC_DOORBELL, 0);
}

/* ISA 6.5, Performance Monitor */
struct b3pr_interrupt b3pr_irq_perfmon(void)
{
	return b3pr_irq(B3PR_VEC_PERFMON, 0);
}

/*
 * ISA v2.07B 6.5.15: SRR0 = the next instruction to execute, i.e. g->pc;
 * SRR1[33] = 1, [34] = 0, [35:36] would report a traced load or store
 * (b3pr traces none it emulates as such), [42:47] = 0. The 970 (PowerPC
 * AS v2.01), POWER7 (v2.06) and the 32-bit CPUs (PEM 6.4.11: SRR1 1:4
 * and 10:15 cleared) set none of these bits.
 */
struct b3pr_interrupt b3pr_irq_trace(const struct b3pr_cpu_model *cpu)
{
	u64 bits = 0;

	if (cpu->family == B3PR_CPU_POWER8)
		bits = B3PR_SRR1_TRACE_207;
	return b3pr_irq(B3PR_VEC_TRACE, bits);
}

/* PEM/7400/970 manuals: SRR0 = the instruction that matched IABR */
struct b3pr_interrupt b3pr_irq_iabr(void)
{
	return b3pr_irq(B3PR_VEC_IABR, 0);
}
