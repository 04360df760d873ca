// SPDX-License-Identifier: GPL-2.0
/*
 * sc (ISA III-S 3.3.1; SC-form: OPCD 17, LEV 20:26, bit 30 = 1, so sc 0 =
 * 0x44000002 and sc 1 = 0x44000022) and the traps (ISA Book I 3.3.11).
 */
#include "emul_guest.h"

#define SC0		0x44000002u
#define SC1		0x44000022u
#define TW(to, ra, rb)	EG_X(31, to, ra, rb, 4)
#define TD(to, ra, rb)	EG_X(31, to, ra, rb, 68)
#define TWI(to, ra, si)	EG_D(3, to, ra, si)
#define TDI(to, ra, si)	EG_D(2, to, ra, si)

#define KERNEL64	0x8000000000001032ULL	/* SF|ME|IR|DR|RI */
#define USER64		0x800000000000d032ULL	/* + EE|PR */

static void expect_syscall(struct eg *t, enum b3pr_outcome out)
{
	EXPECT_EQ(B3PR_DELIVER, out);
	EXPECT_EQ(0xc00, t->e.irq.vector);
	EXPECT_TRUE(t->e.irq.srr0_next);	/* SRR0 <- iea CIA + 4 */
	EXPECT_EQ(t->pc0, t->g.pc);
}

TEST(sc_zero_from_problem_state_is_system_call)
{
	struct eg t;

	eg_init(&t, EG_POWER8, USER64, 0x10000100);
	expect_syscall(&t, eg_run(&t, SC0));
}

TEST(sc_zero_from_papr_supervisor_is_system_call)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x1000);
	t.g.papr_enabled = true;
	expect_syscall(&t, eg_run(&t, SC0));
}

/* sc 1 from a PAPR guest's kernel: a hypercall; PC stays on the sc. */
TEST(sc_one_papr_supervisor_is_hcall)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x1000);
	t.g.papr_enabled = true;
	t.g.gpr[3] = 0x04;			/* H_ENTER, untouched */
	EXPECT_EQ(B3PR_NEEDS_HOST, eg_run(&t, SC1));
	EXPECT_EQ(B3PR_HOST_HCALL, t.e.host);
	EXPECT_EQ(0x1000, t.g.pc);
	EXPECT_EQ(0x04, t.g.gpr[3]);
}

TEST(sc_complete_hcall_steps_past_sc)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x1000);
	b3pr_complete_hcall(&t.g);
	EXPECT_EQ(0x1004, t.g.pc);
}

/* From problem state a PAPR hypervisor reflects sc 1 to the OS. */
TEST(sc_one_papr_problem_state_is_system_call)
{
	struct eg t;

	eg_init(&t, EG_POWER8, USER64, 0x10000000);
	t.g.papr_enabled = true;
	expect_syscall(&t, eg_run(&t, SC1));
}

/* Without PAPR there is no hypervisor above the guest: its own 0xc00. */
TEST(sc_one_without_papr_is_system_call)
{
	struct eg t;

	eg_init(&t, EG_970, KERNEL64, 0x1000);
	expect_syscall(&t, eg_run(&t, SC1));
}

/* 32-bit CPUs: sc has no LEV field (PEM 8, sc). */
TEST(sc_one_on_750_is_system_call)
{
	struct eg t;

	eg_init(&t, EG_750, 0x1032, 0x1000);
	t.g.papr_enabled = true;
	expect_syscall(&t, eg_run(&t, SC1));
}

/* ISA Book I 2.6: LEV bits 0:5 (insn 20:25) are reserved; only 26 counts. */
TEST(sc_reserved_lev_bits_are_ignored)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x1000);
	t.g.papr_enabled = true;
	/* LEV = 0b1000001: insn 0x44000002 | 0x41 << 5 = 0x44000822 */
	EXPECT_EQ(B3PR_NEEDS_HOST, eg_run(&t, 0x44000822));
	/* LEV = 2: 0x44000042, low LEV bit 0 -> system call */
	expect_syscall(&t, eg_run(&t, 0x44000042));
}

TEST(sc_is_not_privileged_on_750)
{
	struct eg t;

	eg_init(&t, EG_750, 0x4000, 0x1000);
	expect_syscall(&t, eg_run(&t, SC0));
}

static void expect_trap(struct eg *t, enum b3pr_outcome out)
{
	eg_expect_program(t, out, B3PR_SRR1_PROG_TRAP);
}

static void expect_no_trap(struct eg *t, enum b3pr_outcome out)
{
	EXPECT_EQ(B3PR_CONTINUE, out);
	EXPECT_EQ(t->pc0 + 4, t->g.pc);
}

/* A POWER8 kernel at 0x2000 running @insn with r3 = @a, r4 = @b. */
static enum b3pr_outcome trap_run(struct eg *t, u32 insn, u64 a, u64 b)
{
	eg_init(t, EG_POWER8, KERNEL64, 0x2000);
	t->g.gpr[3] = a;
	t->g.gpr[4] = b;
	return eg_run(t, insn);
}

/* TO bit 0 (0x10): a <s b. tw compares EXTS of the low words. */
TEST(trap_tw_lt_signed_holds)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x2000);
	EXPECT_EQ(0x7e032008, TW(16, 3, 4));	/* tw 16,r3,r4 by hand */
	t.g.gpr[3] = 0xffffffffULL;		/* low word -1 */
	t.g.gpr[4] = 1;
	expect_trap(&t, eg_run(&t, TW(16, 3, 4)));
}

/* 0x80000000 is negative as a word, positive as a doubleword. */
TEST(trap_tw_uses_low_word_sign)
{
	struct eg t;

	expect_trap(&t, trap_run(&t, TW(16, 3, 4), 0x80000000ULL, 0));
	expect_no_trap(&t, trap_run(&t, TD(16, 3, 4), 0x80000000ULL, 0));
}

/* TO bit 3 (0x02): a <u b; 0xffffffff <u 1 is false. */
TEST(trap_tw_ltu_does_not_hold)
{
	struct eg t;

	expect_no_trap(&t, trap_run(&t, TW(2, 3, 4), 0xffffffffULL, 1));
}

/* TO bit 4 (0x01): a >u b; 0xffffffff >u 1. */
TEST(trap_tw_gtu_holds)
{
	struct eg t;

	expect_trap(&t, trap_run(&t, TW(1, 3, 4), 0xffffffffULL, 1));
}

/* TO bit 1 (0x08): a >s b; -1 >s 1 is false. */
TEST(trap_tw_gt_signed_does_not_hold)
{
	struct eg t;

	expect_no_trap(&t, trap_run(&t, TW(8, 3, 4), 0xffffffffULL, 1));
}

/* TO bit 2 (0x04): equality of the low words only for tw. */
TEST(trap_tw_eq_ignores_high_words)
{
	struct eg t;

	expect_trap(&t, trap_run(&t, TW(4, 3, 4), 0x100000005ULL, 5));
}

TEST(trap_td_eq_compares_doublewords)
{
	struct eg t;

	expect_no_trap(&t, trap_run(&t, TD(4, 3, 4), 0x100000005ULL, 5));
}

/* td 8: 1 >s 0x8000000000000000 (the most negative doubleword). */
TEST(trap_td_gt_signed_holds)
{
	struct eg t;

	expect_trap(&t, trap_run(&t, TD(8, 3, 4), 1, 0x8000000000000000ULL));
}

/* twi: a = EXTS(RA 32:63) = -1, b = EXTS(SI) = -1. */
TEST(trap_twi_sign_extends_si)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x2000);
	EXPECT_EQ(0x0c83ffff, TWI(4, 3, -1));	/* twi 4,r3,-1 by hand */
	t.g.gpr[3] = 0xffffffffULL;
	expect_trap(&t, eg_run(&t, TWI(4, 3, -1)));
}

/* tdi: 0x00000000ffffffff != EXTS(-1) = 0xffffffffffffffff. */
TEST(trap_tdi_compares_doublewords)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x2000);
	EXPECT_EQ(0x0883ffff, TDI(4, 3, -1));
	t.g.gpr[3] = 0xffffffffULL;
	expect_no_trap(&t, eg_run(&t, TDI(4, 3, -1)));
}

TEST(trap_tdi_ltu_holds)
{
	struct eg t;

	eg_init(&t, EG_970, KERNEL64, 0x2000);
	t.g.gpr[3] = 3;
	expect_trap(&t, eg_run(&t, TDI(2, 3, 100)));
}

TEST(trap_to_zero_never_traps)
{
	struct eg t;

	eg_init(&t, EG_POWER8, KERNEL64, 0x2000);
	expect_no_trap(&t, eg_run(&t, TW(0, 3, 3)));
}

/* "trap" = tw 31,0,0 = 0x7fe00008: every condition, always holds. */
TEST(trap_unconditional_traps)
{
	struct eg t;

	eg_init(&t, EG_750, 0x1032, 0x2000);
	expect_trap(&t, eg_run(&t, 0x7fe00008));
}

/* Traps are not privileged: problem state gets the trap, not PRIV. */
TEST(trap_from_problem_state_is_trap)
{
	struct eg t;

	eg_init(&t, EG_POWER8, USER64, 0x10000000);
	expect_trap(&t, eg_run(&t, 0x7fe00008));
}

/* In 32-bit mode the stepped PC wraps at 4 GiB. */
TEST(trap_not_taken_wraps_pc_in_32bit_mode)
{
	struct eg t;

	eg_init(&t, EG_POWER8, 0x1032, 0xfffffffcULL);
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, TW(0, 3, 3)));
	EXPECT_EQ(0ULL, t.g.pc);
}

/* td/tdi are 64-bit instructions. */
TEST(trap_td_on_750_is_illegal)
{
	struct eg t;

	eg_init(&t, EG_750, 0x1032, 0x2000);
	eg_expect_program(&t, eg_run(&t, TD(31, 0, 0)),
			  B3PR_SRR1_PROG_ILLEGAL);
}

TEST(trap_tdi_on_7455_is_illegal)
{
	struct eg t;

	eg_init(&t, EG_7455, 0x1032, 0x2000);
	eg_expect_program(&t, eg_run(&t, TDI(31, 0, 0)),
			  B3PR_SRR1_PROG_ILLEGAL);
}
