// SPDX-License-Identifier: GPL-2.0
/*
 * Pending asynchronous interrupts: enabling (MSR[EE], MSR[ME]) and the
 * order between several pending ones (ISA 2.07 Book III-S 6.8; PEM
 * 6.1.4): system reset > machine check > external > decrementer >
 * directed privileged doorbell > performance monitor.
 *
 * Guest MSR for these tests (POWER8): SF | EE | PR | ME | IR | DR | RI
 *   = 0x8000000000000000 | 0x8000 | 0x4000 | 0x1000 | 0x20 | 0x10 | 0x2
 *   = 0x800000000000d032
 */
#include "irq_guest.h"

#define MSR_ON		0x800000000000d032ULL
#define MSR_EE_OFF	0x8000000000005032ULL	/* same without EE 0x8000 */
#define PC		0x10000800ULL

#define BIT(src)	(1U << (src))

static void p8(struct b3pr_guest_state *g, u64 msr)
{
	irq_guest(g, PVR_POWER8, msr, PC);
	g->srr0 = 0xdead;
}

/* Back in the interrupted context with EE=1, as an rfid would leave it. */
static void resume(struct b3pr_guest_state *g)
{
	g->msr = MSR_ON;
	g->pc = PC;
}

/* Nothing pending: nothing delivered, PC unchanged. */
TEST(irq_pending_none_returns_false)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	EXPECT_FALSE(b3pr_deliver_pending(&g));
	EXPECT_EQ(PC, g.pc);
}

/* enum b3pr_irq_source: EXTERNAL is source 2, so raising sets bit 2 = 0x4. */
TEST(irq_pending_raise_sets_bit)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_EXTERNAL);
	EXPECT_EQ(0x4, g.pending);
}

/* Lowering clears the bit, and nothing is delivered afterwards. */
TEST(irq_pending_lower_clears)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_EXTERNAL);
	b3pr_irq_lower(&g, B3PR_IRQ_EXTERNAL);
	EXPECT_EQ(0, g.pending);
	EXPECT_FALSE(b3pr_deliver_pending(&g));
}

/* A source number past the enum is ignored by raise and lower. */
TEST(irq_pending_out_of_range_ignored)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_NR_SOURCES);
	EXPECT_EQ(0, g.pending);
	g.pending = 0x3;
	b3pr_irq_lower(&g, B3PR_IRQ_NR_SOURCES);
	EXPECT_EQ(0x3, g.pending);
}

/* ISA 6.5.7: EE=1, external pending: 0x500, SRR0 = next insn to run. */
TEST(irq_pending_external_delivered_with_ee)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_EXTERNAL);
	EXPECT_TRUE(b3pr_deliver_pending(&g));
	EXPECT_EQ(0x500, g.pc);
	EXPECT_EQ(PC, g.srr0);
	EXPECT_EQ(MSR_ON, g.srr1);
}

/* ISA 6.5.7/6.5.11: EE=0 holds external and decrementer, state untouched. */
TEST(irq_pending_ee0_holds_external_and_decrementer)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_EE_OFF);
	b3pr_irq_raise(&g, B3PR_IRQ_EXTERNAL);
	b3pr_irq_raise(&g, B3PR_IRQ_DECREMENTER);
	EXPECT_FALSE(b3pr_deliver_pending(&g));
	EXPECT_EQ(PC, g.pc);
	EXPECT_EQ(0xdead, g.srr0);
	EXPECT_EQ(MSR_EE_OFF, g.msr);
	EXPECT_EQ(BIT(B3PR_IRQ_EXTERNAL) | BIT(B3PR_IRQ_DECREMENTER),
		  g.pending);
}

/* ISA 6.8: external outranks decrementer; DEC stays pending. */
TEST(irq_pending_external_beats_decrementer)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_DECREMENTER);
	b3pr_irq_raise(&g, B3PR_IRQ_EXTERNAL);
	EXPECT_TRUE(b3pr_deliver_pending(&g));
	EXPECT_EQ(0x500, g.pc);
	EXPECT_TRUE(g.pending & BIT(B3PR_IRQ_DECREMENTER));
}

/* Once external is lowered and EE is back, the decrementer comes. */
TEST(irq_pending_decrementer_after_external_lowered)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_DECREMENTER);
	b3pr_irq_raise(&g, B3PR_IRQ_EXTERNAL);
	b3pr_deliver_pending(&g);
	b3pr_irq_lower(&g, B3PR_IRQ_EXTERNAL);
	resume(&g);
	EXPECT_TRUE(b3pr_deliver_pending(&g));
	EXPECT_EQ(0x900, g.pc);
}

/* Delivery clears EE (ISA 6.5), so a second call delivers nothing. */
TEST(irq_pending_delivery_masks_further_ones)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_EXTERNAL);
	b3pr_deliver_pending(&g);
	EXPECT_FALSE(b3pr_deliver_pending(&g));
	EXPECT_EQ(0x500, g.pc);
}

/* External is level-triggered: still pending after delivery. */
TEST(irq_pending_external_level_stays_pending)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_EXTERNAL);
	b3pr_deliver_pending(&g);
	EXPECT_EQ(BIT(B3PR_IRQ_EXTERNAL), g.pending);
}

/* ... and taken again as soon as EE is 1 again. */
TEST(irq_pending_external_redelivered_when_ee_returns)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_EXTERNAL);
	b3pr_deliver_pending(&g);
	resume(&g);
	EXPECT_TRUE(b3pr_deliver_pending(&g));
	EXPECT_EQ(0x500, g.pc);
}

/* Decrementer is cleared when delivered (PEM 6.4.9; b3pr's choice). */
TEST(irq_pending_decrementer_cleared_after_delivery)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_DECREMENTER);
	EXPECT_TRUE(b3pr_deliver_pending(&g));
	EXPECT_EQ(0x900, g.pc);
	EXPECT_EQ(0, g.pending);
}

/* ... so with EE back it is not taken a second time. */
TEST(irq_pending_decrementer_not_redelivered)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_DECREMENTER);
	b3pr_deliver_pending(&g);
	resume(&g);
	EXPECT_FALSE(b3pr_deliver_pending(&g));
	EXPECT_EQ(PC, g.pc);
}

/* ISA 6.5.2: machine check is not gated by EE: EE=0, ME=1 -> 0x200. */
TEST(irq_pending_machine_check_ignores_ee)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_EE_OFF);
	b3pr_irq_raise(&g, B3PR_IRQ_MACHINE_CHECK);
	EXPECT_TRUE(b3pr_deliver_pending(&g));
	EXPECT_EQ(0x200, g.pc);
	EXPECT_EQ(0, g.pending);
	EXPECT_EQ(0, g.msr & B3PR_MSR_ME);
}

/* ISA 6.8: machine check outranks external. */
TEST(irq_pending_machine_check_beats_external)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_EXTERNAL);
	b3pr_irq_raise(&g, B3PR_IRQ_MACHINE_CHECK);
	EXPECT_TRUE(b3pr_deliver_pending(&g));
	EXPECT_EQ(0x200, g.pc);
	EXPECT_EQ(BIT(B3PR_IRQ_EXTERNAL), g.pending);
}

/* ISA 6.5.2: with ME=0 a machine check is a checkstop, never delivered. */
TEST(irq_pending_machine_check_held_when_me0)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON & ~B3PR_MSR_ME);
	b3pr_irq_raise(&g, B3PR_IRQ_MACHINE_CHECK);
	EXPECT_FALSE(b3pr_deliver_pending(&g));
	EXPECT_EQ(PC, g.pc);
	EXPECT_TRUE(b3pr_irq_checkstop(&g));
}

/* Checkstop is only machine check with ME=0. */
TEST(irq_pending_checkstop_needs_me0)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_MACHINE_CHECK);
	EXPECT_FALSE(b3pr_irq_checkstop(&g));
	p8(&g, MSR_ON & ~B3PR_MSR_ME);
	b3pr_irq_raise(&g, B3PR_IRQ_EXTERNAL);
	EXPECT_FALSE(b3pr_irq_checkstop(&g));
}

/* b3pr's choice: a held (ME=0) machine check does not block external. */
TEST(irq_pending_me0_machine_check_lets_external_through)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON & ~B3PR_MSR_ME);
	b3pr_irq_raise(&g, B3PR_IRQ_MACHINE_CHECK);
	b3pr_irq_raise(&g, B3PR_IRQ_EXTERNAL);
	EXPECT_TRUE(b3pr_deliver_pending(&g));
	EXPECT_EQ(0x500, g.pc);
	EXPECT_TRUE(g.pending & BIT(B3PR_IRQ_MACHINE_CHECK));
}

/* ISA 6.5.1: system reset ignores EE and ME, and is cleared. */
TEST(irq_pending_system_reset_ignores_ee_and_me)
{
	struct b3pr_guest_state g;

	p8(&g, B3PR_MSR_SF | B3PR_MSR_PR);
	b3pr_irq_raise(&g, B3PR_IRQ_SYSTEM_RESET);
	EXPECT_TRUE(b3pr_deliver_pending(&g));
	EXPECT_EQ(0x100, g.pc);
	EXPECT_EQ(0, g.pending);
}

/* ISA 6.8: system reset outranks machine check. */
TEST(irq_pending_system_reset_beats_machine_check)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_MACHINE_CHECK);
	b3pr_irq_raise(&g, B3PR_IRQ_SYSTEM_RESET);
	EXPECT_TRUE(b3pr_deliver_pending(&g));
	EXPECT_EQ(0x100, g.pc);
	EXPECT_EQ(BIT(B3PR_IRQ_MACHINE_CHECK), g.pending);
}

/* ISA 6.5.13: POWER8 doorbell at 0xa00, cleared once taken. */
TEST(irq_pending_doorbell_power8)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_DOORBELL);
	EXPECT_TRUE(b3pr_deliver_pending(&g));
	EXPECT_EQ(0xa00, g.pc);
	EXPECT_EQ(0, g.pending);
}

/* ISA 6.8: decrementer outranks the doorbell. */
TEST(irq_pending_decrementer_beats_doorbell)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_DOORBELL);
	b3pr_irq_raise(&g, B3PR_IRQ_DECREMENTER);
	b3pr_deliver_pending(&g);
	EXPECT_EQ(0x900, g.pc);
	EXPECT_EQ(BIT(B3PR_IRQ_DOORBELL), g.pending);
}

/* ISA 6.8: the doorbell outranks the performance monitor. */
TEST(irq_pending_doorbell_beats_perfmon)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_PERFMON);
	b3pr_irq_raise(&g, B3PR_IRQ_DOORBELL);
	b3pr_deliver_pending(&g);
	EXPECT_EQ(0xa00, g.pc);
}

/* msgsndp is ISA 2.07: POWER7 has no doorbell, raising it does nothing. */
TEST(irq_pending_doorbell_ignored_on_power7)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER7, MSR_ON, PC);
	b3pr_irq_raise(&g, B3PR_IRQ_DOORBELL);
	EXPECT_EQ(0, g.pending);
	EXPECT_FALSE(b3pr_deliver_pending(&g));
}

/* The 750 has no doorbell either. */
TEST(irq_pending_doorbell_ignored_on_750)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_750, B3PR_MSR_EE | B3PR_MSR_ME, PC);
	b3pr_irq_raise(&g, B3PR_IRQ_DOORBELL);
	EXPECT_EQ(0, g.pending);
}

/* Performance monitor at 0xf00, level-triggered (MMCR0[PMAO]). */
TEST(irq_pending_perfmon_stays_pending)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_PERFMON);
	EXPECT_TRUE(b3pr_deliver_pending(&g));
	EXPECT_EQ(0xf00, g.pc);
	EXPECT_EQ(BIT(B3PR_IRQ_PERFMON), g.pending);
}

/* The performance monitor waits for EE=1. */
TEST(irq_pending_perfmon_gated_by_ee)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_EE_OFF);
	b3pr_irq_raise(&g, B3PR_IRQ_PERFMON);
	EXPECT_FALSE(b3pr_deliver_pending(&g));
}

/* ISA 6.8: external outranks performance monitor. */
TEST(irq_pending_external_beats_perfmon)
{
	struct b3pr_guest_state g;

	p8(&g, MSR_ON);
	b3pr_irq_raise(&g, B3PR_IRQ_PERFMON);
	b3pr_irq_raise(&g, B3PR_IRQ_EXTERNAL);
	b3pr_deliver_pending(&g);
	EXPECT_EQ(0x500, g.pc);
}

/*
 * PEM 6.4.9 on a 750 with IP=1, ILE=1, EE=1, ME=1 (0x19040): decrementer
 * at 0xfff00900, handler MSR ME|ILE|IP|LE = 0x11041.
 */
TEST(irq_pending_750_decrementer_ip1)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_750, 0x19040, 0x3000);
	b3pr_irq_raise(&g, B3PR_IRQ_DECREMENTER);
	EXPECT_TRUE(b3pr_deliver_pending(&g));
	EXPECT_EQ(0xfff00900, g.pc);
	EXPECT_EQ(0x3000, g.srr0);
	EXPECT_EQ(0x9040, g.srr1);
	EXPECT_EQ(0x11041, g.msr);
	EXPECT_EQ(0, g.pending);
}

/* PEM 6.1.4 on a 7455: external before decrementer too. */
TEST(irq_pending_7455_external_beats_decrementer)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_7455, B3PR_MSR_EE | B3PR_MSR_ME, 0x3000);
	b3pr_irq_raise(&g, B3PR_IRQ_DECREMENTER);
	b3pr_irq_raise(&g, B3PR_IRQ_EXTERNAL);
	b3pr_deliver_pending(&g);
	EXPECT_EQ(0x500, g.pc);
}

/* 970: a pending external goes to HIOR + 0x500 = 0x4000500. */
TEST(irq_pending_970_external_at_hior)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_970, MSR_ON, PC);
	g.hior = 0x4000000;
	b3pr_irq_raise(&g, B3PR_IRQ_EXTERNAL);
	EXPECT_TRUE(b3pr_deliver_pending(&g));
	EXPECT_EQ(0x4000500, g.pc);
}

/*
 * A one-shot external (KVM_INTERRUPT_SET) is taken once: after delivery
 * nothing stays pending, so the handler's rfid back to EE=1 does not take
 * it again (ISA 6.5.7: the interrupt is taken while the exception exists).
 */
TEST(irq_pending_external_once_is_taken_once)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER8, MSR_ON, PC);
	b3pr_irq_raise_once(&g, B3PR_IRQ_EXTERNAL);
	EXPECT_TRUE(b3pr_deliver_pending(&g));
	EXPECT_EQ(0x500, g.pc);
	EXPECT_EQ(0, g.pending);
	EXPECT_EQ(0, g.pending_once);
}

/* A level external raised after a one-shot one stays until lowered. */
TEST(irq_pending_external_level_overrides_once)
{
	struct b3pr_guest_state g;

	irq_guest(&g, PVR_POWER8, MSR_ON, PC);
	b3pr_irq_raise_once(&g, B3PR_IRQ_EXTERNAL);
	b3pr_irq_raise(&g, B3PR_IRQ_EXTERNAL);
	EXPECT_TRUE(b3pr_deliver_pending(&g));
	EXPECT_EQ(1U << B3PR_IRQ_EXTERNAL, g.pending);
	b3pr_irq_lower(&g, B3PR_IRQ_EXTERNAL);
	EXPECT_EQ(0, g.pending);
}
