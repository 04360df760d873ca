// SPDX-License-Identifier: GPL-2.0
/*
 * mfspr, mtspr and mftb for a guest whose supervisor runs in problem
 * state (Power ISA v2.07 Book III-S 4.4.4 and Book II 5.2; PEM 8.2 for
 * the 32-bit CPUs). What exists and who may touch it is spr_table.c.
 */
#include "b3pr/spr.h"
#include "b3pr/cpu.h"
#include "b3pr/emulate.h"

/* Reserved SPRs that v2.07 defines as no-ops (POWER8). */
#define B3PR_SPRN_NOOP_FIRST	808
#define B3PR_SPRN_NOOP_LAST	811

/* spr0, the instruction bit that marks an SPR number privileged */
#define B3PR_SPRN_PRIV_BIT	0x10

static enum b3pr_outcome b3pr_spr_program(struct b3pr_emul *e, u64 reason)
{
	e->irq = b3pr_irq_program(reason);
	return B3PR_DELIVER;
}

static enum b3pr_outcome b3pr_spr_noop(struct b3pr_emul *e)
{
	b3pr_advance_pc(e->g);
	return B3PR_CONTINUE;
}

/*
 * An SPR number the CPU does not define for this direction (@exists: the
 * SPR is there, but read-only or write-only).
 *
 * ISA v2.07 4.4.4: privileged numbers (spr0=1) give a privileged
 * instruction interrupt in problem state and are no-ops in privileged
 * state; the others are illegal in problem state, and in privileged state
 * for mfspr 0, 4, 5, 6 and mtspr 0, no-ops otherwise. (The hypervisor
 * emulation assistance interrupt of the ISA is a program interrupt for a
 * guest without hypervisor state.) The 970 is treated the same.
 *
 * 32-bit CPUs (PEM 6.4.7, 750/7450 manuals): an invalid SPR number is an
 * illegal instruction, but mtspr to a read-only SPR (PVR, 750 HID1) is a
 * no-op in supervisor state; spr0=1 in user mode is a privileged one.
 */
static enum b3pr_outcome b3pr_spr_undefined(struct b3pr_emul *e,
					    unsigned int sprn, bool write,
					    bool exists)
{
	const struct b3pr_cpu_model *cpu = e->g->cpu;
	bool user = b3pr_guest_is_user(e->g);
	bool priv_num = sprn & B3PR_SPRN_PRIV_BIT;

	if (!cpu->is_64bit) {
		if (user && priv_num)
			return b3pr_spr_program(e, B3PR_SRR1_PROG_PRIV);
		if (!user && write && exists)
			return b3pr_spr_noop(e);
		return b3pr_spr_program(e, B3PR_SRR1_PROG_ILLEGAL);
	}
	if (cpu->family == B3PR_CPU_POWER8 &&
	    sprn >= B3PR_SPRN_NOOP_FIRST && sprn <= B3PR_SPRN_NOOP_LAST)
		return b3pr_spr_noop(e);
	if (priv_num)
		return user ? b3pr_spr_program(e, B3PR_SRR1_PROG_PRIV) :
			      b3pr_spr_noop(e);
	if (user || sprn == 0 ||
	    (!write && (sprn == 4 || sprn == 5 || sprn == 6)))
		return b3pr_spr_program(e, B3PR_SRR1_PROG_ILLEGAL);
	return b3pr_spr_noop(e);
}

/*
 * A privileged SPR in problem state, or a hypervisor one outside
 * hypervisor state: privileged instruction (ISA 4.4.4, PEM 6.4.7).
 */
static bool b3pr_spr_denied(const struct b3pr_guest_state *g, u8 level)
{
	return b3pr_spr_guest_level(g) < level;
}

enum b3pr_outcome b3pr_emul_mfspr(struct b3pr_emul *e)
{
	struct b3pr_guest_state *g = e->g;
	unsigned int sprn = B3PR_SPRN(e->insn);
	const struct b3pr_spr *spr = b3pr_spr_lookup(g->cpu, sprn);

	if (!spr || spr->read == B3PR_SPR_NONE)
		return b3pr_spr_undefined(e, sprn, false, spr);
	if (b3pr_spr_denied(g, spr->read))
		return b3pr_spr_program(e, B3PR_SRR1_PROG_PRIV);
	g->gpr[B3PR_RT(e->insn)] = b3pr_spr_read(g, spr, e->host_tb);
	b3pr_advance_pc(g);
	return B3PR_CONTINUE;
}

/* How each kind of write is reported to the host. */
static const enum b3pr_host_request b3pr_spr_host_request[] = {
	[B3PR_SPR_N_NONE] = B3PR_HOST_NONE,
	[B3PR_SPR_N_DEC] = B3PR_HOST_DEC_CHANGED,
	[B3PR_SPR_N_SDR1] = B3PR_HOST_SDR1_CHANGED,
	[B3PR_SPR_N_BAT] = B3PR_HOST_BAT_CHANGED,
	[B3PR_SPR_N_SPR] = B3PR_HOST_SPR_CHANGED,
};

/*
 * mttbl/mttbu (PEM 2.2, 8.2; ISA III-S 7.2 in hypervisor state). Where
 * the guest's mftb runs natively (every host today: mftb never traps in
 * problem state, and no problem-state offset of the TB exists), the
 * write is dropped and the host told, so that every guest read of TB,
 * native or emulated, and the DEC agree on one clock. Otherwise
 * b3pr_spr_write() applies the architected rule.
 */
static bool b3pr_spr_tb_ignored(struct b3pr_emul *e, const struct b3pr_spr *spr,
				u64 val)
{
	if (!e->tb_is_host || (spr->kind != B3PR_SPR_K_TBL_W &&
			       spr->kind != B3PR_SPR_K_TBU_W))
		return false;
	b3pr_advance_pc(e->g);
	e->host = B3PR_HOST_TB_IGNORED;
	e->arg0 = spr->sprn;
	e->arg1 = val;
	return true;
}

enum b3pr_outcome b3pr_emul_mtspr(struct b3pr_emul *e)
{
	struct b3pr_guest_state *g = e->g;
	unsigned int sprn = B3PR_SPRN(e->insn);
	const struct b3pr_spr *spr = b3pr_spr_lookup(g->cpu, sprn);
	u64 val = g->gpr[B3PR_RS(e->insn)];

	if (!spr || spr->write == B3PR_SPR_NONE)
		return b3pr_spr_undefined(e, sprn, true, spr);
	if (b3pr_spr_denied(g, spr->write))
		return b3pr_spr_program(e, B3PR_SRR1_PROG_PRIV);
	/* ISA 5.7.4: problem state changes only the AMR bits UAMOR allows */
	if ((spr->flags & B3PR_SPR_F_UAMOR) && b3pr_guest_is_user(g))
		val = (g->amr & ~g->uamor) | (val & g->uamor);
	if (b3pr_spr_tb_ignored(e, spr, val))
		return B3PR_NEEDS_HOST;
	b3pr_spr_write(g, spr, e->host_tb, val);
	b3pr_advance_pc(g);

	e->host = b3pr_spr_host_request[spr->notify];
	if (e->host == B3PR_HOST_NONE)
		return B3PR_CONTINUE;
	e->arg0 = sprn;
	e->arg1 = 0;
	return B3PR_NEEDS_HOST;
}

/*
 * mftb (Book II 5.2.1; PEM 8.2): TBR 268 is the TB, its low word in 32-bit
 * mode or on a 32-bit CPU; 269 is TBU. Any other TBR is invalid.
 */
enum b3pr_outcome b3pr_emul_mftb(struct b3pr_emul *e)
{
	struct b3pr_guest_state *g = e->g;
	unsigned int tbr = B3PR_SPRN(e->insn);
	u64 tb = b3pr_guest_tb(g, e->host_tb);
	u64 val;

	if (tbr == B3PR_SPRN_TBRL)
		val = (g->msr & B3PR_MSR_SF) ? tb : (u32)tb;
	else if (tbr == B3PR_SPRN_TBRU)
		val = tb >> 32;
	else
		return b3pr_spr_program(e, B3PR_SRR1_PROG_ILLEGAL);
	g->gpr[B3PR_RT(e->insn)] = val;
	b3pr_advance_pc(g);
	return B3PR_CONTINUE;
}
