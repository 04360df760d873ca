// SPDX-License-Identifier: GPL-2.0
/*
 * The table of instructions that trap when guest supervisor code runs in
 * problem state, and the one loop that finds the row for an instruction.
 */
#include "b3pr/emulate.h"
#include "b3pr/cpu.h"
#include "b3pr/guest_mem.h"
#include "b3pr/guest_state.h"
#include "b3pr/mmu.h"
#include "b3pr/msr.h"

/*
 * One row per trapping instruction. @cpus: the guest CPU families that
 * have it (elsewhere it is an illegal instruction); ROW_PRIV: privileged,
 * so a guest in problem state gets a privileged-instruction program
 * interrupt before the handler runs. Rows whose legality depends on an
 * operand (mfspr's SPR) leave the check to their handler.
 */
struct b3pr_insn_row {
	u32 mask;
	u32 match;
	b3pr_insn_handler handler;
	const char *name;
	u32 cpus;
	u32 flags;
};

#define ROW_PRIV	1u
/* rfid, hrfid, rfi: never single-step traced (exceptions/trace.c) */
#define ROW_NO_TRACE	2u

#define OPCD_MASK	0xfc000000u
#define X_MASK		0xfc0007feu	/* primary opcode and XO 21:30 */
#define XRC_MASK	0xfc0007ffu	/* ... and Rc */
#define OP(op)		((u32)(op) << 26)
#define X(op, xo)	(OP(op) | ((u32)(xo) << 1))

#define ALL		(B3PR_CPUS_64 | B3PR_CPUS_32)
#define CPU64		B3PR_CPUS_64
#define CPU32		B3PR_CPUS_32
#define ISA206		(B3PR_CPU_BIT(B3PR_CPU_POWER7) | \
			 B3PR_CPU_BIT(B3PR_CPU_POWER8))
#define ISA207		B3PR_CPU_BIT(B3PR_CPU_POWER8)
/* slbfee. came with ISA 2.05: not on the 970 */
#define SLBFEE		ISA206
/* tlbia is optional: the 970 and the 32-bit CPUs decode it */
#define TLBIA		(B3PR_CPU_BIT(B3PR_CPU_970) | CPU32)
/* Segment registers: 32-bit CPUs, and the 970's SLB bridge */
#define SRS		(B3PR_CPU_BIT(B3PR_CPU_970) | CPU32)
#define NONE		0u	/* no Book3S CPU: always illegal */

static const struct b3pr_insn_row b3pr_insn_table[] = {
	/* MSR and returns: ISA III-S 3.3.1 and Move To MSR; PEM rfi */
	{ X_MASK, X(31, 83), b3pr_emul_mfmsr, "mfmsr", ALL, ROW_PRIV },
	{ X_MASK, X(31, 146), b3pr_emul_mtmsr, "mtmsr", ALL, ROW_PRIV },
	{ X_MASK, X(31, 178), b3pr_emul_mtmsrd, "mtmsrd", CPU64, ROW_PRIV },
	/* rfi left the 64-bit architecture with rfid */
	{ X_MASK, X(19, 50), b3pr_emul_rfi, "rfi", CPU32,
	  ROW_PRIV | ROW_NO_TRACE },
	{ X_MASK, X(19, 18), b3pr_emul_rfid, "rfid", CPU64,
	  ROW_PRIV | ROW_NO_TRACE },
	{ X_MASK, X(19, 274), b3pr_emul_hrfid, "hrfid", CPU64,
	  ROW_PRIV | ROW_NO_TRACE },
	/* Power-saving modes: ISA III-S 3.3.2 (v2.06 on) */
	{ X_MASK, X(19, 402), b3pr_emul_hv_only, "doze", ISA206, ROW_PRIV },
	{ X_MASK, X(19, 434), b3pr_emul_hv_only, "nap", ISA206, ROW_PRIV },
	{ X_MASK, X(19, 466), b3pr_emul_hv_only, "sleep", ISA206, ROW_PRIV },
	{ X_MASK, X(19, 498), b3pr_emul_hv_only, "rvwinkle", ISA206,
	  ROW_PRIV },
	/* Directed privileged doorbells: ISA v2.07 III-S 5.9 */
	{ X_MASK, X(31, 142), b3pr_emul_msgsndp, "msgsndp", ISA207, ROW_PRIV },
	{ X_MASK, X(31, 174), b3pr_emul_msgclrp, "msgclrp", ISA207, ROW_PRIV },
	/* System call and traps: ISA III-S 3.3.1, Book I 3.3.11 */
	{ 0xfc000002u, OP(17) | 2, b3pr_emul_sc, "sc", ALL, 0 },
	{ OPCD_MASK, OP(3), b3pr_emul_trap, "twi", ALL, 0 },
	{ OPCD_MASK, OP(2), b3pr_emul_trap, "tdi", CPU64, 0 },
	{ X_MASK, X(31, 4), b3pr_emul_trap, "tw", ALL, 0 },
	{ X_MASK, X(31, 68), b3pr_emul_trap, "td", CPU64, 0 },
	/* SPRs: legality depends on the SPR, the handlers check it */
	{ X_MASK, X(31, 339), b3pr_emul_mfspr, "mfspr", ALL, 0 },
	{ X_MASK, X(31, 467), b3pr_emul_mtspr, "mtspr", ALL, 0 },
	{ X_MASK, X(31, 371), b3pr_emul_mftb, "mftb", ALL, 0 },
	/* SLB and TLB management: ISA III-S 5.9.3 */
	{ X_MASK, X(31, 402), b3pr_emul_slbmte, "slbmte", CPU64, ROW_PRIV },
	{ X_MASK, X(31, 434), b3pr_emul_slbie, "slbie", CPU64, ROW_PRIV },
	{ X_MASK, X(31, 498), b3pr_emul_slbia, "slbia", CPU64, ROW_PRIV },
	{ X_MASK, X(31, 915), b3pr_emul_slbmfee, "slbmfee", CPU64, ROW_PRIV },
	{ X_MASK, X(31, 851), b3pr_emul_slbmfev, "slbmfev", CPU64, ROW_PRIV },
	{ XRC_MASK, X(31, 979) | 1, b3pr_emul_slbfee, "slbfee.", SLBFEE,
	  ROW_PRIV },
	{ X_MASK, X(31, 306), b3pr_emul_tlbie, "tlbie", ALL, ROW_PRIV },
	{ X_MASK, X(31, 274), b3pr_emul_tlbiel, "tlbiel", CPU64, ROW_PRIV },
	{ X_MASK, X(31, 370), b3pr_emul_tlbia, "tlbia", TLBIA, ROW_PRIV },
	{ X_MASK, X(31, 566), b3pr_emul_tlbsync, "tlbsync", ALL, ROW_PRIV },
	/* Segment registers: PEM 7.5; the 970 bridge (Book III v2.01) */
	{ X_MASK, X(31, 595), b3pr_emul_mfsr, "mfsr", SRS, ROW_PRIV },
	{ X_MASK, X(31, 659), b3pr_emul_mfsrin, "mfsrin", SRS, ROW_PRIV },
	{ X_MASK, X(31, 210), b3pr_emul_mtsr, "mtsr", SRS, ROW_PRIV },
	{ X_MASK, X(31, 242), b3pr_emul_mtsrin, "mtsrin", SRS, ROW_PRIV },
	/* Storage control and caches: ISA Book II 4.3, PEM 8 */
	{ X_MASK, X(31, 598), b3pr_emul_sync, "sync", ALL, 0 },
	{ X_MASK, X(31, 854), b3pr_emul_sync, "eieio", ALL, 0 },
	{ X_MASK, X(31, 1014), b3pr_emul_dcbz, "dcbz", ALL, 0 },
	{ X_MASK, X(31, 758), b3pr_emul_dcba, "dcba", ALL, 0 },
	{ X_MASK, X(31, 470), b3pr_emul_dcbi, "dcbi", ALL, ROW_PRIV },
	{ X_MASK, X(31, 982), b3pr_emul_icbi, "icbi", ALL, 0 },
	/*
	 * Never trapped, but run here when their block is in a page the
	 * host maps execute-only: b3pr_exit_same_page_access().
	 */
	{ X_MASK, X(31, 54), b3pr_emul_dcb_flush, "dcbst", ALL, 0 },
	{ X_MASK, X(31, 86), b3pr_emul_dcb_flush, "dcbf", ALL, 0 },
	{ X_MASK, X(31, 278), b3pr_emul_dcba, "dcbt", ALL, 0 },
	{ X_MASK, X(31, 246), b3pr_emul_dcba, "dcbtst", ALL, 0 },
	/* External control: PEM 8; dropped from the 64-bit architecture */
	{ X_MASK, X(31, 310), b3pr_emul_eciwx, "eciwx", CPU32, 0 },
	{ X_MASK, X(31, 438), b3pr_emul_ecowx, "ecowx", CPU32, 0 },
	/* Device control registers are Book E only */
	{ X_MASK, X(31, 323), b3pr_emul_dcr, "mfdcr", NONE, 0 },
	{ X_MASK, X(31, 451), b3pr_emul_dcr, "mtdcr", NONE, 0 },
};

static const struct b3pr_insn_row *b3pr_find_row(u32 insn)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(b3pr_insn_table); i++)
		if ((insn & b3pr_insn_table[i].mask) == b3pr_insn_table[i].match)
			return &b3pr_insn_table[i];
	return NULL;
}

/*
 * The instruction completed: the guest state is final (CONTINUE) or the
 * host only has to bring its shadow in line. A hypercall completes later,
 * and an MSR[POW] entry into power saving is not traced, as the ISA's
 * power-saving instructions are not.
 */
static bool b3pr_emul_completed(const struct b3pr_emul *e,
				enum b3pr_outcome out)
{
	return out == B3PR_CONTINUE ||
	       (out == B3PR_NEEDS_HOST && e->host != B3PR_HOST_HCALL &&
		e->host != B3PR_HOST_IDLE);
}

enum b3pr_outcome b3pr_emulate(struct b3pr_emul *e)
{
	const struct b3pr_insn_row *row = b3pr_find_row(e->insn);
	u64 msr = e->g->msr, pc = e->g->pc;
	enum b3pr_outcome out;

	e->host = B3PR_HOST_NONE;
	if (!e->g->cpu)
		return B3PR_FAIL;
	/* ISA III-S 6.5.9: not an instruction of the guest's CPU */
	if (!row || !b3pr_cpu_is(e->g->cpu, row->cpus)) {
		e->irq = b3pr_irq_program(B3PR_SRR1_PROG_ILLEGAL);
		return B3PR_DELIVER;
	}
	if ((row->flags & ROW_PRIV) && b3pr_guest_is_user(e->g)) {
		e->irq = b3pr_irq_program(B3PR_SRR1_PROG_PRIV);
		return B3PR_DELIVER;
	}
	out = row->handler(e);
	/* ISA III-S 6.5.15: the trace the guest would have seen */
	if (!(row->flags & ROW_NO_TRACE) && b3pr_emul_completed(e, out))
		b3pr_trace_completed(e->g, msr, pc);
	return out;
}

const char *b3pr_insn_name(u32 insn)
{
	const struct b3pr_insn_row *row = b3pr_find_row(insn);

	return row ? row->name : NULL;
}

bool b3pr_insn_traps(u32 insn)
{
	const struct b3pr_insn_row *row = b3pr_find_row(insn);
	u32 op31 = insn & X_MASK;

	/*
	 * mfspr/mtspr trap for the privileged SPRs, those with bit 0x10 of
	 * the number set (ISA Book III 5.4.4); the others (LR, CTR, TB
	 * reads ...) run as the host runs them.
	 */
	if (op31 == X(31, 339) || op31 == X(31, 467))
		return B3PR_SPRN(insn) & 0x10;
	return row && (row->flags & ROW_PRIV);
}

void b3pr_advance_pc(struct b3pr_guest_state *g)
{
	g->pc += 4;
	if (!(g->msr & B3PR_MSR_SF))
		g->pc &= 0xffffffffull;
}

int b3pr_read_insn(struct b3pr_emul *e, u64 ea, u32 *insn)
{
	struct b3pr_interrupt fault;
	struct b3pr_xlate x;
	u32 raw;

	if (b3pr_xlate(e->g, e->mem, ea, B3PR_ACCESS_FETCH, &x, &fault) !=
	    B3PR_XLATE_OK || e->mem->read(e->mem->ctx, x.gpa, &raw, 4))
		return -1;
	*insn = e->g->msr & B3PR_MSR_LE ? le32_to_cpu(raw) : be32_to_cpu(raw);
	return 0;
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
