// SPDX-License-Identifier: GPL-2.0
/*
 * SLB and TLB management instructions (Power ISA Book III-S v2.07 5.9.3).
 * The guest SLB lives in the guest state; the guest has no TLB of its
 * own to emulate, so TLB invalidations go to the host, which drops the
 * shadow PTEs they cover.
 */
#include "b3pr/emulate.h"
#include "b3pr/cpu.h"
#include "b3pr/guest_state.h"
#include "b3pr/mmu64.h"
#include "b3pr/msr.h"


/* CR0 bits (ISA Book I 2.3.1) and XER[SO]. */
#define B3PR_CR0_MASK		0xf0000000U
#define B3PR_CR0_EQ		0x20000000U
#define B3PR_CR0_SO		0x10000000U
#define B3PR_XER_SO		B3PR_BIT(32)

/* tlbie's L: the instruction's bit 10 on the 970, RB bit 63 after it. */
#define B3PR_TLBIE_INSN_L	B3PR_BIT32(10)
#define B3PR_TLBIE_RB_L		B3PR_BIT(63)
/* tlbiel RB 52:53: invalidation selector (POWER7/8). */
#define B3PR_TLBIEL_IS_SHIFT	10

static enum b3pr_outcome b3pr_mmu_changed(struct b3pr_emul *e,
					  enum b3pr_host_request host,
					  u64 arg0, u64 arg1)
{
	b3pr_advance_pc(e->g);
	e->host = host;
	e->arg0 = arg0;
	e->arg1 = arg1;
	return B3PR_NEEDS_HOST;
}

static enum b3pr_outcome b3pr_mmu_done(struct b3pr_emul *e)
{
	b3pr_advance_pc(e->g);
	return B3PR_CONTINUE;
}

/* The slbmte RS bits the guest's CPU implements. */
static u64 b3pr_slb_vsid_bits(const struct b3pr_guest_state *g)
{
	u64 bits = B3PR_SLB_VSID | B3PR_SLB_KS | B3PR_SLB_KP | B3PR_SLB_N |
		   B3PR_SLB_L | B3PR_SLB_C;

	if (g->cpu->has_1t_segments)
		bits |= B3PR_SLB_B;
	if (g->cpu->has_64k_pages)
		bits |= B3PR_SLB_LP;
	return bits;
}

/*
 * slbmte RS,RB. An index beyond the SLB is boundedly undefined (ISA
 * 5.9.3.1): b3pr writes nothing and completes the instruction.
 */
enum b3pr_outcome b3pr_emul_slbmte(struct b3pr_emul *e)
{
	struct b3pr_guest_state *g = e->g;
	u64 rs, rb;
	unsigned int index;

	rs = g->gpr[B3PR_RS(e->insn)];
	rb = g->gpr[B3PR_RB(e->insn)];
	index = rb & B3PR_SLB_INDEX;
	if (index >= g->slb_max || index >= B3PR_SLB_ENTRIES)
		return b3pr_mmu_done(e);
	e->old_slbe = g->slb[index];
	g->slb[index].esid = rb & (B3PR_SLB_ESID_256M | B3PR_SLB_V |
				   B3PR_SLB_INDEX);
	g->slb[index].vsid = rs & b3pr_slb_vsid_bits(g);
	return b3pr_mmu_changed(e, B3PR_HOST_SLB_CHANGED, index, 0);
}

/*
 * slbie RB: invalidate the entry of the segment RB's ESID and B name.
 * arg0 = that segment's EA, arg1 = RB's C and B bits (36:38) in place.
 */
enum b3pr_outcome b3pr_emul_slbie(struct b3pr_emul *e)
{
	struct b3pr_guest_state *g = e->g;
	u64 rb, b, mask;
	unsigned int i;

	rb = g->gpr[B3PR_RB(e->insn)];
	b = g->cpu->has_1t_segments ?
		(rb & B3PR_SLBIE_B) << B3PR_SLBIE_B_SHIFT : 0;
	mask = b == B3PR_SLB_B_1T ? B3PR_SLB_ESID_1T : B3PR_SLB_ESID_256M;
	for (i = 0; i < g->slb_max && i < B3PR_SLB_ENTRIES; i++) {
		struct b3pr_slb_entry *s = &g->slb[i];

		if ((s->esid & B3PR_SLB_V) && (s->vsid & B3PR_SLB_B) == b &&
		    (s->esid & mask) == (rb & mask))
			s->esid &= ~B3PR_SLB_V;
	}
	return b3pr_mmu_changed(e, B3PR_HOST_SLB_INVALIDATE, rb & mask,
				rb & (B3PR_SLBIE_C | B3PR_SLBIE_B));
}

/* slbia: every entry but entry 0 (ISA 5.9.3.3); the IH hint is ignored. */
enum b3pr_outcome b3pr_emul_slbia(struct b3pr_emul *e)
{
	struct b3pr_guest_state *g = e->g;
	unsigned int i;

	for (i = 1; i < g->slb_max && i < B3PR_SLB_ENTRIES; i++)
		g->slb[i].esid &= ~B3PR_SLB_V;
	return b3pr_mmu_changed(e, B3PR_HOST_SLB_INVALIDATE_ALL, 0, 0);
}

/* The entry RB 52:63 names, or NULL beyond the SLB (then RT = 0). */
static const struct b3pr_slb_entry *b3pr_slb_at(const struct b3pr_emul *e)
{
	const struct b3pr_guest_state *g = e->g;
	u64 index = g->gpr[B3PR_RB(e->insn)] & B3PR_SLB_INDEX;

	if (index >= g->slb_max || index >= B3PR_SLB_ENTRIES)
		return NULL;
	return &g->slb[index];
}

/* slbmfee RT,RB: ESID || V, bits 37:63 zero (ISA 5.9.3.5). */
enum b3pr_outcome b3pr_emul_slbmfee(struct b3pr_emul *e)
{
	const struct b3pr_slb_entry *s;

	s = b3pr_slb_at(e);
	e->g->gpr[B3PR_RT(e->insn)] =
		s ? s->esid & (B3PR_SLB_ESID_256M | B3PR_SLB_V) : 0;
	return b3pr_mmu_done(e);
}

/* slbmfev RT,RB: the slbmte RS image (ISA 5.9.3.4). */
enum b3pr_outcome b3pr_emul_slbmfev(struct b3pr_emul *e)
{
	const struct b3pr_slb_entry *s;

	s = b3pr_slb_at(e);
	e->g->gpr[B3PR_RT(e->insn)] = s ? s->vsid : 0;
	return b3pr_mmu_done(e);
}

/*
 * slbfee. RT,RB (ISA 5.9.3.6): RT = the matching entry's slbmfev image,
 * or 0; CR0 = 0b00 || found || XER[SO].
 */
enum b3pr_outcome b3pr_emul_slbfee(struct b3pr_emul *e)
{
	struct b3pr_guest_state *g = e->g;
	const struct b3pr_slb_entry *s;
	u64 ea;
	u32 cr0 = 0;

	ea = g->gpr[B3PR_RB(e->insn)];
	if (!(g->msr & B3PR_MSR_SF))
		ea &= 0xffffffffULL;
	s = b3pr_slb_find(g, ea);
	g->gpr[B3PR_RT(e->insn)] = s ? s->vsid : 0;
	if (s)
		cr0 |= B3PR_CR0_EQ;
	if (g->xer & B3PR_XER_SO)
		cr0 |= B3PR_CR0_SO;
	g->cr = (g->cr & ~B3PR_CR0_MASK) | cr0;
	return b3pr_mmu_done(e);
}

static u64 b3pr_tlbie_l(const struct b3pr_emul *e, u64 rb)
{
	if (b3pr_cpu_is(e->g->cpu, B3PR_CPUS_32))
		return 0;
	if (b3pr_cpu_is(e->g->cpu, B3PR_CPU_BIT(B3PR_CPU_970)))
		return !!(e->insn & B3PR_TLBIE_INSN_L);
	return !!(rb & B3PR_TLBIE_RB_L);
}

/* tlbie RB: arg0 = RB, arg1 = L (ISA 5.9.3.8; 970: tlbie RB,L). */
enum b3pr_outcome b3pr_emul_tlbie(struct b3pr_emul *e)
{
	u64 rb;

	rb = e->g->gpr[B3PR_RB(e->insn)];
	return b3pr_mmu_changed(e, B3PR_HOST_TLB_INVALIDATE, rb,
				b3pr_tlbie_l(e, rb));
}

/* tlbiel RB: as tlbie, plus IS (RB 52:53) on POWER7/8 in arg1 bits 1:2. */
enum b3pr_outcome b3pr_emul_tlbiel(struct b3pr_emul *e)
{
	u64 rb, is = 0;

	rb = e->g->gpr[B3PR_RB(e->insn)];
	if (!b3pr_cpu_is(e->g->cpu, B3PR_CPU_BIT(B3PR_CPU_970)))
		is = (rb >> B3PR_TLBIEL_IS_SHIFT) & 3;
	return b3pr_mmu_changed(e, B3PR_HOST_TLB_INVALIDATE, rb,
				b3pr_tlbie_l(e, rb) | is << 1);
}

enum b3pr_outcome b3pr_emul_tlbia(struct b3pr_emul *e)
{
	return b3pr_mmu_changed(e, B3PR_HOST_TLB_INVALIDATE_ALL, 0, 0);
}

/* tlbsync: the emulated tlbie is complete when it returns. */
enum b3pr_outcome b3pr_emul_tlbsync(struct b3pr_emul *e)
{
	return b3pr_mmu_done(e);
}
