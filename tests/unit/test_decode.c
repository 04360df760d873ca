// SPDX-License-Identifier: GPL-2.0
/*
 * The decoder table (decode.c): every row found by its encoding (ISA 1.6
 * instruction formats, opcodes from the ISA/PEM instruction pages),
 * operand fields ignored, unknown encodings illegal (ISA III-S 6.5.9),
 * and the CPU and privilege columns applied before any handler runs.
 */
#include <string.h>

#include "emul_guest.h"

struct name_case {
	u32 insn;
	const char *name;
};

static void expect_names(const struct name_case *c, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		const char *got = b3pr_insn_name(c[i].insn);

		EXPECT_TRUE(got);
		if (got && strcmp(got, c[i].name))
			unit_fail(__FILE__, __LINE__, "0x%08x: expected %s, got %s",
				  c[i].insn, c[i].name, got);
	}
}

/* Encodings by hand: OPCD << 26 | XO << 1, operands in RT/RA/RB. */
TEST(decode_names_msr_rows)
{
	static const struct name_case c[] = {
		{ 0x7c6000a6, "mfmsr" },	/* 31/83, RT=3 */
		{ 0x7c600124, "mtmsr" },	/* 31/146, RS=3 */
		{ 0x7c610124, "mtmsr" },	/* L=1 */
		{ 0x7c600164, "mtmsrd" },	/* 31/178 */
		{ 0x7ca10164, "mtmsrd" },	/* RS=5, L=1 */
		{ 0x4c000064, "rfi" },		/* 19/50 */
		{ 0x4c000024, "rfid" },		/* 19/18 */
		{ 0x4c000224, "hrfid" },	/* 19/274 */
	};

	expect_names(c, ARRAY_SIZE(c));
}

TEST(decode_names_power_saving_and_doorbell_rows)
{
	static const struct name_case c[] = {
		{ 0x4c000324, "doze" },		/* 19/402 */
		{ 0x4c000364, "nap" },		/* 19/434 */
		{ 0x4c0003a4, "sleep" },	/* 19/466 */
		{ 0x4c0003e4, "rvwinkle" },	/* 19/498 */
		{ 0x7c00211c, "msgsndp" },	/* 31/142, RB=4 */
		{ 0x7c00215c, "msgclrp" },	/* 31/174, RB=4 */
	};

	expect_names(c, ARRAY_SIZE(c));
}

TEST(decode_names_sc_and_trap_rows)
{
	static const struct name_case c[] = {
		{ 0x44000002, "sc" },
		{ 0x44000022, "sc" },		/* LEV=1 */
		{ 0x0c83ffff, "twi" },		/* OPCD 3 */
		{ 0x0883ffff, "tdi" },		/* OPCD 2 */
		{ 0x7fe00008, "tw" },		/* 31/4, trap */
		{ 0x7e032088, "td" },		/* 31/68 */
	};

	expect_names(c, ARRAY_SIZE(c));
}

TEST(decode_names_spr_and_mmu_rows)
{
	static const struct name_case c[] = {
		{ 0x7c7a02a6, "mfspr" },	/* 31/339, SRR0 */
		{ 0x7c7a03a6, "mtspr" },	/* 31/467 */
		{ 0x7c6c42e6, "mftb" },		/* 31/371 */
		{ 0x7c602324, "slbmte" },	/* 31/402 */
		{ 0x7c002364, "slbie" },	/* 31/434 */
		{ 0x7c0003e4, "slbia" },	/* 31/498 */
		{ 0x7c602726, "slbmfee" },	/* 31/915 */
		{ 0x7c6026a6, "slbmfev" },	/* 31/851 */
		{ 0x7c6027a7, "slbfee." },	/* 31/979, Rc=1 */
		{ 0x7c002264, "tlbie" },	/* 31/306 */
		{ 0x7c002224, "tlbiel" },	/* 31/274 */
		{ 0x7c0002e4, "tlbia" },	/* 31/370 */
		{ 0x7c00046c, "tlbsync" },	/* 31/566 */
		{ 0x7c6004a6, "mfsr" },		/* 31/595 */
		{ 0x7c602526, "mfsrin" },	/* 31/659 */
		{ 0x7c6001a4, "mtsr" },		/* 31/210 */
		{ 0x7c6021e4, "mtsrin" },	/* 31/242 */
	};

	expect_names(c, ARRAY_SIZE(c));
}

TEST(decode_names_cache_rows)
{
	static const struct name_case c[] = {
		{ 0x7c0004ac, "sync" },		/* 31/598 */
		{ 0x7c2004ac, "sync" },		/* lwsync, L=1 */
		{ 0x7c4004ac, "sync" },		/* ptesync, L=2 */
		{ 0x7c0006ac, "eieio" },	/* 31/854 */
		{ 0x7c0327ec, "dcbz" },		/* 31/1014 */
		{ 0x7c0325ec, "dcba" },		/* 31/758 */
		{ 0x7c0323ac, "dcbi" },		/* 31/470 */
		{ 0x7c0327ac, "icbi" },		/* 31/982 */
		{ 0x7ca0226c, "eciwx" },	/* 31/310 */
		{ 0x7ca0236c, "ecowx" },	/* 31/438 */
		{ 0x7c600286, "mfdcr" },	/* 31/323 */
		{ 0x7c600386, "mtdcr" },	/* 31/451 */
	};

	expect_names(c, ARRAY_SIZE(c));
}

TEST(decode_unknown_has_no_name)
{
	EXPECT_FALSE(b3pr_insn_name(0));
	/* addi r3,r3,1 = 14 << 26 | 3 << 21 | 3 << 16 | 1: never traps */
	EXPECT_FALSE(b3pr_insn_name(0x38630001));
	/* slbfee without Rc (0x7c6027a6) is an invalid form */
	EXPECT_FALSE(b3pr_insn_name(0x7c6027a6));
}

TEST(decode_unknown_opcode_is_illegal)
{
	struct eg t;

	eg_init(&t, EG_POWER8, 0x8000000000001032ULL, 0x1000);
	eg_expect_program(&t, eg_run(&t, 0), B3PR_SRR1_PROG_ILLEGAL);
}

TEST(decode_unknown_xo_is_illegal_on_750)
{
	struct eg t;

	eg_init(&t, EG_750, 0x1032, 0x1000);
	/* 31/1 is no instruction: 0x7c000002 */
	eg_expect_program(&t, eg_run(&t, 0x7c000002), B3PR_SRR1_PROG_ILLEGAL);
}

/* Illegal wins over privileged: the CPU does not have the instruction. */
TEST(decode_illegal_before_privileged)
{
	struct eg t;

	eg_init(&t, EG_750, 0x4000, 0x1000);	/* problem state */
	eg_expect_program(&t, eg_run(&t, 0x4c000024), /* rfid */
			  B3PR_SRR1_PROG_ILLEGAL);
}

TEST(decode_without_cpu_model_fails)
{
	struct eg t;

	eg_init(&t, EG_POWER8, 0, 0x1000);
	t.g.cpu = NULL;
	EXPECT_EQ(B3PR_FAIL, eg_run(&t, 0x7c0004ac));
}

TEST(decode_clears_host_request)
{
	struct eg t;

	eg_init(&t, EG_POWER8, 0x8000000000001032ULL, 0x1000);
	t.e.host = B3PR_HOST_HCALL;
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, 0x7c0004ac));	/* sync */
	EXPECT_EQ(B3PR_HOST_NONE, t.e.host);
}

/* doze/nap/sleep/rvwinkle came with ISA 2.06: POWER7 has them. */
TEST(decode_rvwinkle_on_power7_is_privileged)
{
	struct eg t;

	eg_init(&t, EG_POWER7, 0x8000000000001032ULL, 0x1000);
	eg_expect_program(&t, eg_run(&t, 0x4c0003e4), B3PR_SRR1_PROG_PRIV);
}

TEST(decode_doze_on_7455_is_illegal)
{
	struct eg t;

	eg_init(&t, EG_7455, 0x1032, 0x1000);
	eg_expect_program(&t, eg_run(&t, 0x4c000324), B3PR_SRR1_PROG_ILLEGAL);
}

/*
 * msgsndp RB (ISA v2.07): RB 32:36 = 5 (directed privileged doorbell),
 * RB 57:63 = target thread 0 -> the doorbell becomes pending.
 */
#define DB_PRIV		(5ULL << 27)
#define DB_PENDING	(1U << B3PR_IRQ_DOORBELL)

TEST(decode_msgsndp_raises_doorbell)
{
	struct eg t;

	eg_init(&t, EG_POWER8, 0x8000000000001032ULL, 0x1000);
	t.g.gpr[4] = DB_PRIV;
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, 0x7c00211c));
	EXPECT_EQ(DB_PENDING, t.g.pending & DB_PENDING);
	EXPECT_EQ(0x1004, t.g.pc);
}

TEST(decode_msgsndp_to_missing_thread_does_nothing)
{
	struct eg t;

	eg_init(&t, EG_POWER8, 0x8000000000001032ULL, 0x1000);
	t.g.gpr[4] = DB_PRIV | 1;		/* thread 1: not in the core */
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, 0x7c00211c));
	EXPECT_EQ(0, t.g.pending & DB_PENDING);
}

TEST(decode_msgsndp_other_type_does_nothing)
{
	struct eg t;

	eg_init(&t, EG_POWER8, 0x8000000000001032ULL, 0x1000);
	t.g.gpr[4] = 3ULL << 27;		/* type 3 */
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, 0x7c00211c));
	EXPECT_EQ(0, t.g.pending & DB_PENDING);
}

TEST(decode_msgclrp_clears_doorbell)
{
	struct eg t;

	eg_init(&t, EG_POWER8, 0x8000000000001032ULL, 0x1000);
	t.g.pending = DB_PENDING;
	t.g.gpr[4] = DB_PRIV;
	EXPECT_EQ(B3PR_CONTINUE, eg_run(&t, 0x7c00215c));
	EXPECT_EQ(0, t.g.pending & DB_PENDING);
	EXPECT_EQ(0x1004, t.g.pc);
}

TEST(decode_msgsndp_in_problem_state_is_privileged)
{
	struct eg t;

	eg_init(&t, EG_POWER8, 0x800000000000d032ULL, 0x1000);
	t.g.gpr[4] = DB_PRIV;
	eg_expect_program(&t, eg_run(&t, 0x7c00211c), B3PR_SRR1_PROG_PRIV);
	EXPECT_EQ(0, t.g.pending & DB_PENDING);
}

/* msgsndp is ISA 2.07: POWER7 does not have it. */
TEST(decode_msgsndp_on_power7_is_illegal)
{
	struct eg t;

	eg_init(&t, EG_POWER7, 0x8000000000001032ULL, 0x1000);
	eg_expect_program(&t, eg_run(&t, 0x7c00211c), B3PR_SRR1_PROG_ILLEGAL);
}
