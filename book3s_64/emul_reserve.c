// SPDX-License-Identifier: GPL-2.0
/*
 * A privileged instruction inside a lwarx/stwcx. window. On the guest's
 * CPU it does not touch the reservation, but here it is an exit, and the
 * host's exit path loses the reservation (its own atomics; QEMU's TCG
 * drops it at every interrupt), so the stwcx. fails every time and the
 * guest retries for ever. Linux's 32-bit hash_page does exactly this
 * with CONFIG_PPC_KUAP (lwarx; mfsrin; ...; stwcx.).
 *
 * So when the instruction before the trapping one is a lwarx, the window
 * is run here: the lwarx again (its load; no event the guest can see
 * happened since), the trapping instruction, then the plain integer
 * instructions up to the stwcx., which is an atomic compare-and-swap
 * against the value the lwarx loaded (the same test TCG makes). Anything
 * this does not know ends the run at an instruction boundary, and the
 * guest goes on natively from there, as before.
 */
#include "b3pr/emulate.h"
#include "b3pr/guest_mem.h"
#include "b3pr/guest_state.h"
#include "b3pr/mmu.h"
#include "b3pr/msr.h"

/* Instructions run here after the trapping one, at most. */
#define B3PR_RESV_MAX_STEPS	32

#define XER_SO		B3PR_BIT(32)
#define CR_LT		8u
#define CR_GT		4u
#define CR_EQ		2u
#define CR_SO		1u

struct b3pr_resv {
	u64 ea;		/* of the lwarx */
	u32 raw;	/* the word it loaded, in memory order */
};

enum b3pr_resv_step {
	B3PR_RESV_NEXT,		/* run, go on */
	B3PR_RESV_END,		/* run, the window is over */
	B3PR_RESV_NATIVE,	/* not run: the guest runs it itself */
};

static u64 b3pr_resv_ea_mask(const struct b3pr_guest_state *g)
{
	return g->msr & B3PR_MSR_SF ? ~0ULL : 0xffffffffULL;
}

static u32 b3pr_resv_to_host(const struct b3pr_guest_state *g, u32 raw)
{
	return g->msr & B3PR_MSR_LE ? le32_to_cpu(raw) : be32_to_cpu(raw);
}

static u32 b3pr_resv_to_mem(const struct b3pr_guest_state *g, u32 val)
{
	return g->msr & B3PR_MSR_LE ? cpu_to_le32(val) : cpu_to_be32(val);
}

/* The word at @ea, translated for @access; false on a guest fault. */
static bool b3pr_resv_word(struct b3pr_emul *e, u64 ea,
			   enum b3pr_access access, u64 *gpa, u32 *raw)
{
	struct b3pr_interrupt fault;
	struct b3pr_xlate x;

	if (ea & 3 || b3pr_xlate(e->g, e->mem, ea, access, &x, &fault) !=
	    B3PR_XLATE_OK)
		return false;
	*gpa = x.gpa;
	return access == B3PR_ACCESS_STORE ||
	       !e->mem->read(e->mem->ctx, x.gpa, raw, 4);
}

/* CR field @bf (0..7) from a comparison, with XER[SO] (Book I 3.3.9). */
static void b3pr_resv_set_cr(struct b3pr_guest_state *g, unsigned int bf,
			     s64 a, s64 b, bool unsigned_cmp)
{
	u32 c;

	if (unsigned_cmp)
		c = (u64)a < (u64)b ? CR_LT : (u64)a > (u64)b ? CR_GT : CR_EQ;
	else
		c = a < b ? CR_LT : a > b ? CR_GT : CR_EQ;
	if (g->xer & XER_SO)
		c |= CR_SO;
	g->cr = (g->cr & ~(0xfu << (28 - 4 * bf))) | c << (28 - 4 * bf);
}

/* Rc=1: CR0 from the result, 32 bits of it in 32-bit mode. */
static void b3pr_resv_rc(struct b3pr_guest_state *g, u32 insn, u64 r)
{
	if (!B3PR_RC(insn))
		return;
	if (g->msr & B3PR_MSR_SF)
		b3pr_resv_set_cr(g, 0, (s64)r, 0, false);
	else
		b3pr_resv_set_cr(g, 0, (s32)r, 0, false);
}

/* MASK(mb, me) of a 64-bit register (ISA Book I 3.3.14), wrapping. */
static u64 b3pr_resv_mask(unsigned int mb, unsigned int me)
{
	u64 from = ~0ULL >> mb, to = ~0ULL << (63 - me);

	return mb <= me ? from & to : from | to;
}

/* rlwinm, rlwimi: the 32-bit rotate, both halves, under the mask. */
static u64 b3pr_resv_rotl32(u64 rs, u32 insn)
{
	u32 lo = (u32)rs, sh = (insn >> 11) & 31;
	u32 rot = sh ? lo << sh | lo >> (32 - sh) : lo;

	return ((u64)rot << 32 | rot) &
	       b3pr_resv_mask(((insn >> 6) & 31) + 32, ((insn >> 1) & 31) + 32);
}

/* bc and bclr (Book I 2.4): whether the branch is taken. */
static bool b3pr_resv_bc_taken(struct b3pr_guest_state *g, u32 insn)
{
	unsigned int bo = (insn >> 21) & 31, bi = (insn >> 16) & 31;
	bool ctr_ok = true, cond_ok = true;

	if (!(bo & 4)) {
		u64 ctr = --g->ctr;

		if (!(g->msr & B3PR_MSR_SF))
			ctr = (u32)ctr;
		ctr_ok = !!ctr != !!(bo & 2);
	}
	if (!(bo & 16))
		cond_ok = !!(g->cr & (0x80000000u >> bi)) == !!(bo & 8);
	return ctr_ok && cond_ok;
}

/* The X-form instructions of opcode 31 run here; false for the rest. */
static bool b3pr_resv_x_form(struct b3pr_guest_state *g, u32 insn)
{
	u64 rs = g->gpr[B3PR_RS(insn)], rb = g->gpr[B3PR_RB(insn)];
	u64 ra = g->gpr[B3PR_RA(insn)], r;
	unsigned int bf = (insn >> 23) & 7;
	bool l = insn & (1 << 21);

	switch (B3PR_XO10(insn)) {
	case 0:		/* cmp */
	case 32:	/* cmpl */
		if (l)
			b3pr_resv_set_cr(g, bf, ra, rb, B3PR_XO10(insn));
		else if (B3PR_XO10(insn))
			b3pr_resv_set_cr(g, bf, (u32)ra, (u32)rb, true);
		else
			b3pr_resv_set_cr(g, bf, (s32)ra, (s32)rb, false);
		return true;
	case 28:	/* and */
		r = rs & rb;
		break;
	case 60:	/* andc */
		r = rs & ~rb;
		break;
	case 444:	/* or */
		r = rs | rb;
		break;
	case 412:	/* orc */
		r = rs | ~rb;
		break;
	case 316:	/* xor */
		r = rs ^ rb;
		break;
	case 124:	/* nor */
		r = ~(rs | rb);
		break;
	case 476:	/* nand */
		r = ~(rs & rb);
		break;
	case 284:	/* eqv */
		r = ~(rs ^ rb);
		break;
	case 266:	/* add, XO-form, OE=0 */
		g->gpr[B3PR_RT(insn)] = ra + rb;
		b3pr_resv_rc(g, insn, ra + rb);
		return true;
	case 40:	/* subf */
		g->gpr[B3PR_RT(insn)] = rb - ra;
		b3pr_resv_rc(g, insn, rb - ra);
		return true;
	default:
		return false;
	}
	g->gpr[B3PR_RA(insn)] = r;
	b3pr_resv_rc(g, insn, r);
	return true;
}

/* The D-form ALU instructions; false for the rest. */
static bool b3pr_resv_d_form(struct b3pr_guest_state *g, u32 insn)
{
	u64 rs = g->gpr[B3PR_RS(insn)], si = (u64)(s16)insn, ui = insn & 0xffff;
	u64 ra0 = B3PR_RA(insn) ? g->gpr[B3PR_RA(insn)] : 0;
	unsigned int bf = (insn >> 23) & 7;
	bool l = insn & (1 << 21);
	u64 *ra = &g->gpr[B3PR_RA(insn)];

	switch (B3PR_OPCD(insn)) {
	case 14:	/* addi */
		g->gpr[B3PR_RT(insn)] = ra0 + si;
		return true;
	case 15:	/* addis */
		g->gpr[B3PR_RT(insn)] = ra0 + (si << 16);
		return true;
	case 24:	/* ori */
		*ra = rs | ui;
		return true;
	case 25:	/* oris */
		*ra = rs | ui << 16;
		return true;
	case 26:	/* xori */
		*ra = rs ^ ui;
		return true;
	case 27:	/* xoris */
		*ra = rs ^ ui << 16;
		return true;
	case 28:	/* andi. */
		*ra = rs & ui;
		break;
	case 29:	/* andis. */
		*ra = rs & ui << 16;
		break;
	case 10:	/* cmpli */
		b3pr_resv_set_cr(g, bf, l ? *ra : (u32)*ra, ui, true);
		return true;
	case 11:	/* cmpi */
		b3pr_resv_set_cr(g, bf, l ? (s64)*ra : (s32)*ra, (s64)si, false);
		return true;
	default:
		return false;
	}
	/* andi. and andis. always set CR0 */
	b3pr_resv_rc(g, insn | 1, *ra);
	return true;
}

static enum b3pr_resv_step b3pr_resv_stwcx(struct b3pr_emul *e,
					   const struct b3pr_resv *r, u32 insn)
{
	struct b3pr_guest_state *g = e->g;
	u64 ea = b3pr_ea_x_form(g, insn), gpa;
	u32 raw, cr0 = g->xer & XER_SO ? CR_SO : 0;
	int ret;

	if (ea != r->ea) {
		/* Another address than the lwarx's: it fails (Book II 4.4.2). */
		g->cr = (g->cr & 0x0fffffff) | cr0 << 28;
		b3pr_advance_pc(g);
		return B3PR_RESV_END;
	}
	if (!b3pr_resv_word(e, ea, B3PR_ACCESS_STORE, &gpa, &raw))
		return B3PR_RESV_NATIVE;
	ret = e->mem->cmpxchg32(e->mem->ctx, gpa, r->raw,
				b3pr_resv_to_mem(g, g->gpr[B3PR_RS(insn)]));
	if (ret < 0)
		return B3PR_RESV_NATIVE;
	if (ret)
		cr0 |= CR_EQ;
	g->cr = (g->cr & 0x0fffffff) | cr0 << 28;
	b3pr_advance_pc(g);
	return B3PR_RESV_END;
}

/* One instruction of the window after the trapping one. */
static enum b3pr_resv_step b3pr_resv_step(struct b3pr_emul *e,
					  const struct b3pr_resv *r, u32 insn,
					  enum b3pr_outcome *out)
{
	struct b3pr_guest_state *g = e->g;
	u64 gpa, ea;
	u32 raw;

	switch (B3PR_OPCD(insn)) {
	case 16:	/* bc, no link */
		if (insn & 3)
			return B3PR_RESV_NATIVE;
		if (b3pr_resv_bc_taken(g, insn))
			g->pc = (g->pc + (u64)(s16)(insn & 0xfffc)) &
				b3pr_resv_ea_mask(g);
		else
			b3pr_advance_pc(g);
		return B3PR_RESV_NEXT;
	case 19:	/* bclr, no link: the window ends where it leads */
		if (B3PR_XO10(insn) != 16 || (insn & 1))
			return B3PR_RESV_NATIVE;
		if (!b3pr_resv_bc_taken(g, insn)) {
			b3pr_advance_pc(g);
			return B3PR_RESV_NEXT;
		}
		g->pc = g->lr & ~3ULL & b3pr_resv_ea_mask(g);
		return B3PR_RESV_END;
	case 20:	/* rlwimi */
		g->gpr[B3PR_RA(insn)] = b3pr_resv_rotl32(g->gpr[B3PR_RS(insn)], insn) |
			(g->gpr[B3PR_RA(insn)] &
			 ~b3pr_resv_mask(((insn >> 6) & 31) + 32,
					 ((insn >> 1) & 31) + 32));
		b3pr_resv_rc(g, insn, g->gpr[B3PR_RA(insn)]);
		break;
	case 21:	/* rlwinm */
		g->gpr[B3PR_RA(insn)] = b3pr_resv_rotl32(g->gpr[B3PR_RS(insn)], insn);
		b3pr_resv_rc(g, insn, g->gpr[B3PR_RA(insn)]);
		break;
	case 32:	/* lwz */
		ea = ((B3PR_RA(insn) ? g->gpr[B3PR_RA(insn)] : 0) +
		      (u64)(s16)insn) & b3pr_resv_ea_mask(g);
		if (!b3pr_resv_word(e, ea, B3PR_ACCESS_LOAD, &gpa, &raw))
			return B3PR_RESV_NATIVE;
		g->gpr[B3PR_RT(insn)] = b3pr_resv_to_host(g, raw);
		break;
	case 31:
		if (B3PR_XO10(insn) == 150 && B3PR_RC(insn))	/* stwcx. */
			return b3pr_resv_stwcx(e, r, insn);
		if (B3PR_XO10(insn) == 23) {			/* lwzx */
			if (!b3pr_resv_word(e, b3pr_ea_x_form(g, insn),
					    B3PR_ACCESS_LOAD, &gpa, &raw))
				return B3PR_RESV_NATIVE;
			g->gpr[B3PR_RT(insn)] = b3pr_resv_to_host(g, raw);
			break;
		}
		if (b3pr_resv_x_form(g, insn))
			break;
		goto trapping;
	default:
		if (b3pr_resv_d_form(g, insn))
			break;
		goto trapping;
	}
	b3pr_advance_pc(g);
	return B3PR_RESV_NEXT;

trapping:
	/*
	 * Another instruction that traps (mfsrin, mfmsr ...). Not sync,
	 * dcbz, mftb and the like, which the guest runs natively.
	 */
	if (!b3pr_insn_traps(insn))
		return B3PR_RESV_NATIVE;
	e->insn = insn;
	*out = b3pr_emulate(e);
	return *out == B3PR_CONTINUE ? B3PR_RESV_NEXT : B3PR_RESV_END;
}

/* lwarx RT,RA,RB: X-form, opcode 31, XO 20 (Book II 4.4.2). */
static bool b3pr_is_lwarx(u32 insn)
{
	return B3PR_OPCD(insn) == 31 && B3PR_XO10(insn) == 20;
}

/*
 * The lwarx before the trapping instruction, loaded again. False when
 * there is none, or its load would fault now (the guest sees to that).
 */
static bool b3pr_resv_reload(struct b3pr_emul *e, struct b3pr_resv *r)
{
	struct b3pr_guest_state *g = e->g;
	u64 pc = g->pc, gpa;
	u32 larx;

	if (g->msr & (B3PR_MSR_SE | B3PR_MSR_BE) || !(pc & 0xffc))
		return false;
	if (e->has_insn_before)
		larx = e->insn_before;
	else if (b3pr_read_insn(e, pc - 4, &larx))
		return false;
	if (!b3pr_is_lwarx(larx))
		return false;
	r->ea = b3pr_ea_x_form(g, larx);
	if (!b3pr_resv_word(e, r->ea, B3PR_ACCESS_LOAD, &gpa, &r->raw))
		return false;
	g->gpr[B3PR_RT(larx)] = b3pr_resv_to_host(g, r->raw);
	return true;
}

enum b3pr_outcome b3pr_emulate_exit(struct b3pr_emul *e)
{
	struct b3pr_guest_state *g = e->g;
	enum b3pr_outcome out;
	struct b3pr_resv r;
	unsigned int n;
	u32 insn;

	if (!e->mem->cmpxchg32 || !b3pr_resv_reload(e, &r))
		return b3pr_emulate(e);
	out = b3pr_emulate(e);
	for (n = 0; n < B3PR_RESV_MAX_STEPS && out == B3PR_CONTINUE; n++) {
		if (b3pr_read_insn(e, g->pc, &insn))
			break;
		if (b3pr_resv_step(e, &r, insn, &out) != B3PR_RESV_NEXT)
			break;
	}
	return out;
}
