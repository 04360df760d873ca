/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupts as the guest sees them (Power ISA Book III-S chapter 6;
 * 32-bit PEM chapter 6): what to deliver, and which pending source wins.
 */
#ifndef B3PR_INTERRUPT_H
#define B3PR_INTERRUPT_H

#include "env.h"

struct b3pr_guest_state;
struct b3pr_cpu_model;

/* Vector offsets from the interrupt base (0, HIOR, or 0xfff00000). */
enum b3pr_vector {
	B3PR_VEC_SYSTEM_RESET	= 0x100,
	B3PR_VEC_MACHINE_CHECK	= 0x200,
	B3PR_VEC_DSI		= 0x300,
	B3PR_VEC_DSEG		= 0x380,
	B3PR_VEC_ISI		= 0x400,
	B3PR_VEC_ISEG		= 0x480,
	B3PR_VEC_EXTERNAL	= 0x500,
	B3PR_VEC_ALIGNMENT	= 0x600,
	B3PR_VEC_PROGRAM	= 0x700,
	B3PR_VEC_FP_UNAVAIL	= 0x800,
	B3PR_VEC_DECREMENTER	= 0x900,
	B3PR_VEC_DOORBELL	= 0xa00,
	B3PR_VEC_SYSCALL	= 0xc00,
	B3PR_VEC_TRACE		= 0xd00,
	B3PR_VEC_PERFMON	= 0xf00,
	B3PR_VEC_ALTIVEC	= 0xf20,
	B3PR_VEC_VSX		= 0xf40,
	B3PR_VEC_FAC_UNAVAIL	= 0xf60,
	B3PR_VEC_IABR		= 0x1300,	/* 32-bit CPUs and 970 */
	B3PR_VEC_SMI		= 0x1400,	/* 32-bit CPUs */
	B3PR_VEC_THERMAL	= 0x1700,	/* 750 */
};

/* Program interrupt reasons: SRR1 bits 43:47 (ISA 6.5.9). */
#define B3PR_SRR1_PROG_FPE	B3PR_BIT(43)
#define B3PR_SRR1_PROG_ILLEGAL	B3PR_BIT(44)
#define B3PR_SRR1_PROG_PRIV	B3PR_BIT(45)
#define B3PR_SRR1_PROG_TRAP	B3PR_BIT(46)
#define B3PR_SRR1_PROG_ADDR	B3PR_BIT(47)	/* SRR0 holds a later insn */

/* Trace: SRR1 bit 33 is 1 on ISA 2.07 CPUs (ISA v2.07B 6.5.15). */
#define B3PR_SRR1_TRACE_207	B3PR_BIT(33)

/* ISI: SRR1 bits 33:36 (ISA 6.5.5). */
#define B3PR_SRR1_ISI_NOPT	B3PR_BIT(33)	/* no translation */
#define B3PR_SRR1_ISI_N_OR_G	B3PR_BIT(35)	/* no-execute or guarded */
#define B3PR_SRR1_ISI_PROT	B3PR_BIT(36)	/* storage protection */

/* DSI: DSISR bits (ISA 6.5.3), 32-bit numbering. */
#define B3PR_DSISR_NOPT		B3PR_BIT32(1)
#define B3PR_DSISR_PROT		B3PR_BIT32(4)
#define B3PR_DSISR_BADACCESS	B3PR_BIT32(5)	/* eciwx/ecowx, cache-inhib. */
#define B3PR_DSISR_STORE	B3PR_BIT32(6)
#define B3PR_DSISR_DABR		B3PR_BIT32(9)
#define B3PR_DSISR_KEYFAULT	B3PR_BIT32(10)	/* 64-bit: virtual page class key */
#define B3PR_DSISR_EAR_DISABLED	B3PR_BIT32(11)

/* One interrupt to deliver. Build it with the b3pr_irq_*() helpers. */
struct b3pr_interrupt {
	u32 vector;		/* enum b3pr_vector */
	u64 srr1_bits;		/* interrupt-specific SRR1 bits */
	bool srr0_next;		/* SRR0 = next instruction, not the current one */
	bool set_dar;
	bool set_dsisr;
	u64 dar;
	u32 dsisr;
};

/* Asynchronous sources the host can raise; bit positions in ->pending. */
enum b3pr_irq_source {
	B3PR_IRQ_SYSTEM_RESET,
	B3PR_IRQ_MACHINE_CHECK,
	B3PR_IRQ_EXTERNAL,
	B3PR_IRQ_DECREMENTER,
	B3PR_IRQ_DOORBELL,
	B3PR_IRQ_PERFMON,
	B3PR_IRQ_NR_SOURCES,
};

/*
 * Deliver @irq into @g: SRR0/SRR1, DAR/DSISR, the new MSR and PC, with the
 * rules of the guest's CPU model. g->pc must be the address of the
 * instruction the interrupt is reported against.
 */
void b3pr_deliver_interrupt(struct b3pr_guest_state *g,
			    const struct b3pr_interrupt *irq);

/* The address of vector @vec for the guest's current MSR and base. */
u64 b3pr_vector_address(const struct b3pr_guest_state *g, u32 vec);

/* Mark an asynchronous source pending or not. */
void b3pr_irq_raise(struct b3pr_guest_state *g, enum b3pr_irq_source src);
/* Raise @src for one delivery only, even where it is level-triggered. */
void b3pr_irq_raise_once(struct b3pr_guest_state *g,
			 enum b3pr_irq_source src);
void b3pr_irq_lower(struct b3pr_guest_state *g, enum b3pr_irq_source src);

/*
 * If a pending source may be taken now (MSR[EE] and priorities, ISA 6.8),
 * deliver the highest-priority one and return true. Decrementer and
 * doorbell are cleared once delivered; external stays until lowered
 * (level-triggered), like the host's own interrupt controller, unless it
 * was raised with b3pr_irq_raise_once().
 */
bool b3pr_deliver_pending(struct b3pr_guest_state *g);

/* Constructors for the synchronous interrupts the core raises. */
struct b3pr_interrupt b3pr_irq_program(u64 reason);
struct b3pr_interrupt b3pr_irq_syscall(void);
struct b3pr_interrupt b3pr_irq_dsi(u64 dar, u32 dsisr);
struct b3pr_interrupt b3pr_irq_isi(u64 srr1_bits);
struct b3pr_interrupt b3pr_irq_dseg(u64 dar);
struct b3pr_interrupt b3pr_irq_iseg(void);
struct b3pr_interrupt b3pr_irq_alignment(u64 dar, u32 dsisr);
struct b3pr_interrupt b3pr_irq_fac_unavail(u32 vector);

/*
 * Appended by the interrupt-delivery part.
 *
 * SRR1 bits an interrupt sets itself: 33:36 and 42:47 (ISA 6.5; on 32-bit
 * CPUs the same bits, numbered 1:4 and 10:15 in PEM 6.4). Constructors
 * keep their srr1_bits inside this mask.
 */
#define B3PR_SRR1_IRQ_BITS	0x00000000783f0000ULL

/* Constructors for the remaining interrupts (asynchronous ones included). */
struct b3pr_interrupt b3pr_irq_system_reset(void);
struct b3pr_interrupt b3pr_irq_machine_check(u64 srr1_bits);
struct b3pr_interrupt b3pr_irq_external(void);
struct b3pr_interrupt b3pr_irq_decrementer(void);
struct b3pr_interrupt b3pr_irq_doorbell(void);
struct b3pr_interrupt b3pr_irq_perfmon(void);
/*
 * Trace (0xd00) on @cpu: call once the traced instruction completed and
 * g->pc moved on. b3pr_trace_deliver() also sets SIAR where the CPU does.
 */
struct b3pr_interrupt b3pr_irq_trace(const struct b3pr_cpu_model *cpu);
struct b3pr_interrupt b3pr_irq_iabr(void);

/*
 * True when a machine check is pending while MSR[ME]=0: real hardware
 * enters checkstop (ISA 6.5.2, PEM 6.4.2). b3pr_deliver_pending() never
 * delivers it then; the run loop should stop the vcpu.
 */
bool b3pr_irq_checkstop(const struct b3pr_guest_state *g);

/*
 * Trace interrupts (exceptions/trace.c). The host traces the guest's
 * native instructions itself (the shadow MSR carries SE and BE); these
 * are for the ones b3pr completes on the guest's behalf.
 *
 * Deliver a trace interrupt for the instruction at @traced_pc, whose
 * successor g->pc already addresses.
 */
void b3pr_trace_deliver(struct b3pr_guest_state *g, u64 traced_pc);

/*
 * The instruction at @pc, executed under @msr, completed without an
 * interrupt and g->pc moved past it: deliver the single-step trace
 * interrupt @msr asks for. True when one was delivered.
 */
bool b3pr_trace_completed(struct b3pr_guest_state *g, u64 msr, u64 pc);

#endif /* B3PR_INTERRUPT_H */
