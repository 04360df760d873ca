// SPDX-License-Identifier: GPL-2.0
/*
 * An exit inside a lwarx/stwcx. window (book3s_64/emul_reserve.c): the
 * result must be what the guest's CPU gives, where the trapping
 * instruction does not touch the reservation, so the stwcx. succeeds.
 * The window is the one of Linux 6.1's 32-bit hash_page with
 * CONFIG_PPC_KUAP (arch/powerpc/mm/book3s32/hash_low.S).
 */
#include "emul_guest.h"

#define REAL32		0x1002ULL	/* ME|RI */
#define RLWINM(a, s, sh, mb, me) \
	(21u << 26 | (s) << 21 | (a) << 16 | (sh) << 11 | (mb) << 6 | (me) << 1)
#define ORI(a, s, ui)	(24u << 26 | (s) << 21 | (a) << 16 | (ui))
#define LWARX(t, a, b)	EG_X(31, t, a, b, 20)
#define STWCX(s, a, b)	(EG_X(31, s, a, b, 150) | 1)
#define MFSRIN(t, b)	EG_X(31, t, 0, b, 659)
#define ANDC(a, s, b)	EG_X(31, s, a, b, 60)
#define OR(a, s, b)	EG_X(31, s, a, b, 444)
#define BNELR		0x4c820020u	/* bclr 4,2 */
#define BNE_RETRY	0x40a2ffd8u	/* bne back to the lwarx at 0x100 */
#define MULLI(t, a, si)	(7u << 26 | (t) << 21 | (a) << 16 | (si))
#define PTE		0x2000		/* the Linux PTE's flags word, r8 */

static const u32 hash_page_window[] = {
	LWARX(6, 0, 8),			/* 0x100 */
	MFSRIN(5, 4),			/* 0x104: traps */
	RLWINM(0, 9, 28, 21, 21),	/* MSR[PR] => _PAGE_RW */
	RLWINM(5, 5, 12, 21, 21),	/* Ks => _PAGE_RW */
	ANDC(5, 5, 0),
	ANDC(5, 6, 5),
	ANDC(5, 3, 5) | 1,		/* 0x118: access & ~permission */
	RLWINM(0, 3, 29, 24, 24),
	ORI(0, 0, 0x102),		/* _PAGE_ACCESSED|_PAGE_HASHPTE */
	BNELR,				/* 0x124 */
	OR(5, 0, 6),
	STWCX(5, 0, 8),			/* 0x12c */
	BNE_RETRY,			/* 0x130 */
};

static void window_setup(struct eg *t, u32 pte, u32 access)
{
	unsigned int i;

	eg_init(t, EG_7400, REAL32, 0x104);
	for (i = 0; i < ARRAY_SIZE(hash_page_window); i++)
		eg_put_be32(0x100 + 4 * i, hash_page_window[i]);
	eg_put_be32(PTE, pte);
	t->g.gpr[3] = access;
	t->g.gpr[4] = 0x10000000;	/* EA in segment 1 */
	t->g.gpr[8] = PTE;
	t->g.gpr[9] = 0;		/* the interrupted MSR: PR=0 */
	t->g.lr = 0x3000;
	t->g.sr[1] = 0x20000000;	/* Ks=0 */
}

static enum b3pr_outcome run_exit(struct eg *t, u32 insn)
{
	memset(&t->e.irq, 0, sizeof(t->e.irq));
	t->e.insn = insn;
	return b3pr_emulate_exit(&t->e);
}

/*
 * Permitted: the PTE gets ACCESSED|HASHPTE (0x102) or'ed in by the
 * stwcx., which succeeds (CR0[EQ]); the guest goes on at the bne.
 */
TEST(reserve_hash_page_window_stwcx_succeeds)
{
	struct eg t;

	window_setup(&t, 0xf0, 0x10);
	EXPECT_EQ(B3PR_CONTINUE, run_exit(&t, MFSRIN(5, 4)));
	EXPECT_EQ(0x1f2, eg_be32(PTE));
	EXPECT_EQ(0x130, t.g.pc);
	EXPECT_EQ(0x2u, t.g.cr >> 28);		/* EQ, not SO */
	EXPECT_EQ(0xf0, t.g.gpr[6]);		/* the lwarx's value */
	EXPECT_EQ(0x1f2, t.g.gpr[5]);
}

/* Not permitted (access 0x100 is not in the PTE 0xf0): bnelr. */
TEST(reserve_hash_page_window_denied_returns)
{
	struct eg t;

	window_setup(&t, 0xf0, 0x100);
	EXPECT_EQ(B3PR_CONTINUE, run_exit(&t, MFSRIN(5, 4)));
	EXPECT_EQ(0xf0, eg_be32(PTE));
	EXPECT_EQ(0x3000, t.g.pc);
	EXPECT_EQ(0x4u, t.g.cr >> 28);		/* andc. gave GT */
}

/* A stwcx. to another address than the lwarx's fails. */
TEST(reserve_stwcx_other_address_fails)
{
	struct eg t;

	window_setup(&t, 0xf0, 0x10);
	eg_put_be32(0x12c, STWCX(5, 0, 7));
	t.g.gpr[7] = PTE + 8;
	t.g.xer = B3PR_BIT(32);			/* SO */
	EXPECT_EQ(B3PR_CONTINUE, run_exit(&t, MFSRIN(5, 4)));
	EXPECT_EQ(0xf0, eg_be32(PTE));
	EXPECT_EQ(0, eg_be32(PTE + 8));
	EXPECT_EQ(0x130, t.g.pc);
	EXPECT_EQ(0x1u, t.g.cr >> 28);		/* SO only: failed */
}

/* An instruction it does not run: the guest takes over there. */
TEST(reserve_unknown_instruction_left_to_the_guest)
{
	struct eg t;

	window_setup(&t, 0xf0, 0x10);
	eg_put_be32(0x10c, MULLI(5, 5, 3));
	EXPECT_EQ(B3PR_CONTINUE, run_exit(&t, MFSRIN(5, 4)));
	EXPECT_EQ(0x10c, t.g.pc);
	EXPECT_EQ(0xf0, eg_be32(PTE));
}

/*
 * The word before the trapping one, read by the host with it (the same
 * page): that word decides, memory is not read for it again.
 */
TEST(reserve_word_before_from_the_fetch)
{
	struct eg t;

	window_setup(&t, 0xf0, 0x10);
	eg_put_be32(0x100, ORI(0, 0, 0));	/* not what was fetched */
	t.e.has_insn_before = true;
	t.e.insn_before = LWARX(6, 0, 8);
	EXPECT_EQ(B3PR_CONTINUE, run_exit(&t, MFSRIN(5, 4)));
	EXPECT_EQ(0x1f2, eg_be32(PTE));
	EXPECT_EQ(0x130, t.g.pc);
	EXPECT_EQ(0xf0, t.g.gpr[6]);
}

/* ... and a fetched word that is no lwarx: the instruction alone. */
TEST(reserve_fetched_word_before_not_lwarx)
{
	struct eg t;

	window_setup(&t, 0xf0, 0x10);
	t.e.has_insn_before = true;
	t.e.insn_before = ORI(0, 0, 0);
	EXPECT_EQ(B3PR_CONTINUE, run_exit(&t, MFSRIN(5, 4)));
	EXPECT_EQ(0x108, t.g.pc);
	EXPECT_EQ(0xf0, eg_be32(PTE));
}

/* No lwarx before it: the trapping instruction alone. */
TEST(reserve_no_lwarx_emulates_one)
{
	struct eg t;

	window_setup(&t, 0xf0, 0x10);
	eg_put_be32(0x100, ORI(0, 0, 0));	/* nop */
	EXPECT_EQ(B3PR_CONTINUE, run_exit(&t, MFSRIN(5, 4)));
	EXPECT_EQ(0x108, t.g.pc);
	EXPECT_EQ(0x20000000, t.g.gpr[5]);
	EXPECT_EQ(0xf0, eg_be32(PTE));
}

/* Under trace each instruction is the guest's own. */
TEST(reserve_not_under_trace)
{
	struct eg t;

	window_setup(&t, 0xf0, 0x10);
	t.g.msr |= B3PR_MSR_SE;
	run_exit(&t, MFSRIN(5, 4));
	EXPECT_EQ(0xd00, t.g.pc);		/* trace after the mfsrin */
	EXPECT_EQ(0xf0, eg_be32(PTE));
}

#define MFSPR(t, n)	EG_X(31, t, (n) & 31, (n) >> 5, 339)

/*
 * mfspr of a problem-state SPR does not trap on the host (the TB's upper
 * half, Linux's mftbu): inside the window it is left to the guest.
 */
TEST(reserve_user_spr_read_left_to_the_guest)
{
	struct eg t;

	EXPECT_FALSE(b3pr_insn_traps(MFSPR(9, 269)));
	EXPECT_TRUE(b3pr_insn_traps(MFSPR(9, 26)));	/* SRR0 */
	EXPECT_TRUE(b3pr_insn_traps(MFSRIN(5, 4)));
	EXPECT_FALSE(b3pr_insn_traps(EG_X(31, 0, 0, 0, 598)));	/* sync */
	window_setup(&t, 0xf0, 0x10);
	eg_put_be32(0x10c, MFSPR(9, 269));
	EXPECT_EQ(B3PR_CONTINUE, run_exit(&t, MFSRIN(5, 4)));
	EXPECT_EQ(0x10c, t.g.pc);
	EXPECT_EQ(0xf0, eg_be32(PTE));
}
