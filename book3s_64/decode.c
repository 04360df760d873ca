// SPDX-License-Identifier: GPL-2.0
/*
 * The table of instructions that trap when guest supervisor code runs in
 * problem state, and the one loop that finds the row for an instruction.
 */
#include "b3pr/emulate.h"
#include "b3pr/guest_state.h"
#include "b3pr/msr.h"

struct b3pr_insn_row {
	u32 mask;
	u32 match;
	b3pr_insn_handler handler;
	const char *name;
};

#define OPCD_MASK	0xfc000000u
#define X_MASK		0xfc0007feu	/* primary opcode and XO 21:30 */
#define XRC_MASK	0xfc0007ffu	/* ... and Rc */
#define OP(op)		((u32)(op) << 26)
#define X(op, xo)	(OP(op) | ((u32)(xo) << 1))

static const struct b3pr_insn_row b3pr_insn_table[] = {
	{ X_MASK, X(31, 83), b3pr_emul_mfmsr, "mfmsr" },
	{ X_MASK, X(31, 146), b3pr_emul_mtmsr, "mtmsr" },
	{ X_MASK, X(31, 178), b3pr_emul_mtmsrd, "mtmsrd" },
	{ X_MASK, X(19, 50), b3pr_emul_rfi, "rfi" },
	{ X_MASK, X(19, 18), b3pr_emul_rfid, "rfid" },
	{ X_MASK, X(19, 274), b3pr_emul_hrfid, "hrfid" },
	{ 0xfc000002u, OP(17) | 2, b3pr_emul_sc, "sc" },
	{ OPCD_MASK, OP(3), b3pr_emul_trap, "twi" },
	{ OPCD_MASK, OP(2), b3pr_emul_trap, "tdi" },
	{ X_MASK, X(31, 4), b3pr_emul_trap, "tw" },
	{ X_MASK, X(31, 68), b3pr_emul_trap, "td" },
	{ X_MASK, X(31, 339), b3pr_emul_mfspr, "mfspr" },
	{ X_MASK, X(31, 467), b3pr_emul_mtspr, "mtspr" },
	{ X_MASK, X(31, 371), b3pr_emul_mftb, "mftb" },
	{ X_MASK, X(31, 402), b3pr_emul_slbmte, "slbmte" },
	{ X_MASK, X(31, 434), b3pr_emul_slbie, "slbie" },
	{ X_MASK, X(31, 498), b3pr_emul_slbia, "slbia" },
	{ X_MASK, X(31, 915), b3pr_emul_slbmfee, "slbmfee" },
	{ X_MASK, X(31, 851), b3pr_emul_slbmfev, "slbmfev" },
	{ XRC_MASK, X(31, 979) | 1, b3pr_emul_slbfee, "slbfee." },
	{ X_MASK, X(31, 306), b3pr_emul_tlbie, "tlbie" },
	{ X_MASK, X(31, 274), b3pr_emul_tlbiel, "tlbiel" },
	{ X_MASK, X(31, 370), b3pr_emul_tlbia, "tlbia" },
	{ X_MASK, X(31, 566), b3pr_emul_tlbsync, "tlbsync" },
	{ X_MASK, X(31, 595), b3pr_emul_mfsr, "mfsr" },
	{ X_MASK, X(31, 659), b3pr_emul_mfsrin, "mfsrin" },
	{ X_MASK, X(31, 210), b3pr_emul_mtsr, "mtsr" },
	{ X_MASK, X(31, 242), b3pr_emul_mtsrin, "mtsrin" },
	{ X_MASK, X(31, 598), b3pr_emul_sync, "sync" },
	{ X_MASK, X(31, 854), b3pr_emul_sync, "eieio" },
	{ X_MASK, X(31, 1014), b3pr_emul_dcbz, "dcbz" },
	{ X_MASK, X(31, 758), b3pr_emul_dcba, "dcba" },
	{ X_MASK, X(31, 470), b3pr_emul_dcbi, "dcbi" },
	{ X_MASK, X(31, 982), b3pr_emul_icbi, "icbi" },
	{ X_MASK, X(31, 310), b3pr_emul_eciwx, "eciwx" },
	{ X_MASK, X(31, 438), b3pr_emul_ecowx, "ecowx" },
	{ X_MASK, X(31, 323), b3pr_emul_dcr, "mfdcr" },
	{ X_MASK, X(31, 451), b3pr_emul_dcr, "mtdcr" },
};

static const struct b3pr_insn_row *b3pr_find_row(u32 insn)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(b3pr_insn_table); i++)
		if ((insn & b3pr_insn_table[i].mask) == b3pr_insn_table[i].match)
			return &b3pr_insn_table[i];
	return NULL;
}

enum b3pr_outcome b3pr_emulate(struct b3pr_emul *e)
{
	const struct b3pr_insn_row *row = b3pr_find_row(e->insn);

	e->host = B3PR_HOST_NONE;
	if (!row) {
		/* Not an instruction of the guest's CPU: ISA 6.5.9. */
		e->irq = b3pr_irq_program(B3PR_SRR1_PROG_ILLEGAL);
		return B3PR_DELIVER;
	}
	return row->handler(e);
}

const char *b3pr_insn_name(u32 insn)
{
	const struct b3pr_insn_row *row = b3pr_find_row(insn);

	return row ? row->name : NULL;
}

void b3pr_advance_pc(struct b3pr_guest_state *g)
{
	g->pc += 4;
	if (!(g->msr & B3PR_MSR_SF))
		g->pc &= 0xffffffffull;
}

u64 b3pr_ea_x_form(const struct b3pr_guest_state *g, u32 insn)
{
	u64 ea = g->gpr[B3PR_RB(insn)];

	if (B3PR_RA(insn))
		ea += g->gpr[B3PR_RA(insn)];
	if (!(g->msr & B3PR_MSR_SF))
		ea &= 0xffffffffull;
	return ea;
}

bool b3pr_guest_is_user(const struct b3pr_guest_state *g)
{
	return g->msr & B3PR_MSR_PR;
}

void b3pr_complete_hcall(struct b3pr_guest_state *g)
{
	b3pr_advance_pc(g);
}
