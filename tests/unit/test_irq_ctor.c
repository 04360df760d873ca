// SPDX-License-Identifier: GPL-2.0
/*
 * The b3pr_irq_*() constructors: the vector, the SRR1 bits, which of
 * SRR0/DAR/DSISR each interrupt defines (ISA 2.07 Book III-S 6.5).
 */
#include "irq_guest.h"

/* ISA 6.5: bits 33:36 = 0x78000000, 42:47 = 0x3f0000 -> 0x783f0000. */
TEST(irq_ctor_srr1_irq_bits_mask)
{
	EXPECT_EQ(0x783f0000ULL, B3PR_SRR1_IRQ_BITS);
}

/* ISA 6.5.9: 0x700, reason bit 45 (0x40000), SRR0 = this insn. */
TEST(irq_ctor_program)
{
	struct b3pr_interrupt irq = b3pr_irq_program(B3PR_SRR1_PROG_PRIV);

	EXPECT_EQ(0x700, irq.vector);
	EXPECT_EQ(0x40000, irq.srr1_bits);
	EXPECT_FALSE(irq.srr0_next);
	EXPECT_FALSE(irq.set_dar);
	EXPECT_FALSE(irq.set_dsisr);
}

/* Bits outside 33:36/42:47 (bit 0, bit 63) never reach SRR1 via a reason. */
TEST(irq_ctor_program_drops_non_interrupt_bits)
{
	u64 reason = B3PR_SRR1_PROG_TRAP | B3PR_BIT(0) | B3PR_BIT(63);
	struct b3pr_interrupt irq = b3pr_irq_program(reason);

	EXPECT_EQ(0x20000, irq.srr1_bits);
}

/* ISA 6.5.14: 0xc00 and SRR0 = the next instruction. */
TEST(irq_ctor_syscall)
{
	struct b3pr_interrupt irq = b3pr_irq_syscall();

	EXPECT_EQ(0xc00, irq.vector);
	EXPECT_TRUE(irq.srr0_next);
	EXPECT_EQ(0, irq.srr1_bits);
}

/* ISA 6.5.3: 0x300 with DAR and DSISR. */
TEST(irq_ctor_dsi)
{
	struct b3pr_interrupt irq = b3pr_irq_dsi(0x1234, B3PR_DSISR_PROT);

	EXPECT_EQ(0x300, irq.vector);
	EXPECT_TRUE(irq.set_dar);
	EXPECT_TRUE(irq.set_dsisr);
	EXPECT_EQ(0x1234, irq.dar);
	EXPECT_EQ(0x08000000, irq.dsisr);
	EXPECT_EQ(0, irq.srr1_bits);
}

/* ISA 6.5.5: 0x400, cause in SRR1, no DAR/DSISR. */
TEST(irq_ctor_isi)
{
	struct b3pr_interrupt irq = b3pr_irq_isi(B3PR_SRR1_ISI_PROT);

	EXPECT_EQ(0x400, irq.vector);
	EXPECT_EQ(0x08000000, irq.srr1_bits);
	EXPECT_FALSE(irq.set_dar);
	EXPECT_FALSE(irq.set_dsisr);
}

/* ISA 6.5.4: 0x380 with DAR only. */
TEST(irq_ctor_dseg)
{
	struct b3pr_interrupt irq = b3pr_irq_dseg(0xabcd);

	EXPECT_EQ(0x380, irq.vector);
	EXPECT_TRUE(irq.set_dar);
	EXPECT_EQ(0xabcd, irq.dar);
	EXPECT_FALSE(irq.set_dsisr);
}

/* ISA 6.5.6: 0x480, nothing else. */
TEST(irq_ctor_iseg)
{
	struct b3pr_interrupt irq = b3pr_irq_iseg();

	EXPECT_EQ(0x480, irq.vector);
	EXPECT_FALSE(irq.set_dar);
	EXPECT_EQ(0, irq.srr1_bits);
}

/* ISA 6.5.8: 0x600 with DAR and DSISR. */
TEST(irq_ctor_alignment)
{
	struct b3pr_interrupt irq = b3pr_irq_alignment(0x77, 0x1000);

	EXPECT_EQ(0x600, irq.vector);
	EXPECT_TRUE(irq.set_dar && irq.set_dsisr);
	EXPECT_EQ(0x77, irq.dar);
	EXPECT_EQ(0x1000, irq.dsisr);
}

/* The unavailable interrupts keep the vector they are given. */
TEST(irq_ctor_fac_unavail_vector)
{
	EXPECT_EQ(0x800, b3pr_irq_fac_unavail(B3PR_VEC_FP_UNAVAIL).vector);
	EXPECT_EQ(0xf20, b3pr_irq_fac_unavail(B3PR_VEC_ALTIVEC).vector);
	EXPECT_EQ(0xf40, b3pr_irq_fac_unavail(B3PR_VEC_VSX).vector);
	EXPECT_EQ(0xf60, b3pr_irq_fac_unavail(B3PR_VEC_FAC_UNAVAIL).vector);
}

/* ISA 6.5.2: 0x200 with implementation-specific SRR1 cause bits. */
TEST(irq_ctor_machine_check)
{
	struct b3pr_interrupt irq = b3pr_irq_machine_check(B3PR_BIT(42));

	EXPECT_EQ(0x200, irq.vector);
	EXPECT_EQ(0x200000, irq.srr1_bits);
}

/* Asynchronous ones: own vector, SRR0 = current, no SRR1 bits. */
TEST(irq_ctor_asynchronous)
{
	EXPECT_EQ(0x100, b3pr_irq_system_reset().vector);
	EXPECT_EQ(0x500, b3pr_irq_external().vector);
	EXPECT_EQ(0x900, b3pr_irq_decrementer().vector);
	EXPECT_EQ(0xa00, b3pr_irq_doorbell().vector);
	EXPECT_EQ(0xf00, b3pr_irq_perfmon().vector);
	EXPECT_FALSE(b3pr_irq_external().srr0_next);
	EXPECT_EQ(0, b3pr_irq_decrementer().srr1_bits);
}

/*
 * Trace 0xd00 and IABR 0x1300 report against g->pc as is. Trace SRR1
 * bits: ISA v2.07B 6.5.15 bit 33 (0x40000000) on POWER8; PEM 6.4.11 and
 * the earlier 64-bit CPUs none.
 */
TEST(irq_ctor_trace_and_iabr)
{
	const struct b3pr_cpu_model *p8 = b3pr_cpu_model_for_pvr(PVR_POWER8);
	const struct b3pr_cpu_model *p7 = b3pr_cpu_model_for_pvr(PVR_POWER7);
	const struct b3pr_cpu_model *m970 = b3pr_cpu_model_for_pvr(PVR_970);
	const struct b3pr_cpu_model *m750 = b3pr_cpu_model_for_pvr(PVR_750);
	const struct b3pr_cpu_model *m7455 = b3pr_cpu_model_for_pvr(PVR_7455);

	EXPECT_EQ(0xd00, b3pr_irq_trace(p8).vector);
	EXPECT_FALSE(b3pr_irq_trace(p8).srr0_next);
	EXPECT_EQ(0x40000000, b3pr_irq_trace(p8).srr1_bits);
	EXPECT_EQ(0, b3pr_irq_trace(p7).srr1_bits);
	EXPECT_EQ(0, b3pr_irq_trace(m970).srr1_bits);
	EXPECT_EQ(0, b3pr_irq_trace(m750).srr1_bits);
	EXPECT_EQ(0, b3pr_irq_trace(m7455).srr1_bits);
	EXPECT_EQ(0x1300, b3pr_irq_iabr().vector);
	EXPECT_FALSE(b3pr_irq_iabr().set_dar);
}
