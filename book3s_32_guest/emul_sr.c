// SPDX-License-Identifier: GPL-2.0
/*
 * mfsr, mfsrin, mtsr, mtsrin: the segment registers of 32-bit CPUs (PEM
 * 7.5 and chapter 8), and on the 970 the "bridge" that maps them onto SLB
 * entries 0-15 (PowerPC Architecture Book III v2.01, appendix "Bridge to
 * SLB Architecture"; 970 User's Manual). Power ISA 2.03 dropped the bridge,
 * so on POWER7/8 these are illegal instructions.
 */
#include "b3pr/cpu.h"
#include "b3pr/emulate.h"
#include "b3pr/guest_state.h"
#include "b3pr/interrupt.h"

/* SR field of mtsr/mfsr: bits 12:15 of the instruction. */
#define SR_FIELD(insn)		(((insn) >> 16) & 0xf)
/* mtsrin/mfsrin: the SR is (RB)32:35, the top nibble of the low word. */
#define SR_FROM_EA(ea)		(((ea) >> 28) & 0xf)

/* Bridge image of an SR in RS/RT (32:63): Ks Kp N 33:35, L 36, VSID 37:63 */
#define BRIDGE_FLAGS_SHIFT	28	/* Ks Kp N, right-aligned */
#define BRIDGE_L_SHIFT		27
#define BRIDGE_VSID		0x07ffffffull
/* SLB VSID word (slbmte RS): VSID from bit 51 down, Ks Kp N 52:54, L 55 */
#define SLBV_VSID_SHIFT		12
#define SLBV_FLAGS_SHIFT	9	/* Ks Kp N, right-aligned */
#define SLBV_L_SHIFT		8

static bool b3pr_sr_bridge(const struct b3pr_guest_state *g)
{
	return b3pr_cpu_is(g->cpu, B3PR_CPU_BIT(B3PR_CPU_970));
}

/*
 * Bridge mfsr: RT 33:35 = Ks Kp N, 36 = L, 37:63 = VSID 25:51 of SLB entry
 * @n, the rest 0. Undefined by the architecture when mtsr did not write
 * that entry; this returns the same fields anyway.
 */
static u64 b3pr_sr_bridge_read(const struct b3pr_guest_state *g,
			       unsigned int n)
{
	u64 v = g->slb[n].vsid;

	return ((v >> SLBV_VSID_SHIFT) & BRIDGE_VSID) |
	       (((v >> SLBV_FLAGS_SHIFT) & 7) << BRIDGE_FLAGS_SHIFT) |
	       (((v >> SLBV_L_SHIFT) & 1) << BRIDGE_L_SHIFT);
}

/*
 * Bridge mtsr: SLB entry @n gets ESID = n, V = 1, VSID 0:24 = 0,
 * VSID 25:51 = RS 37:63, Ks Kp N = RS 33:35, L = RS 36, C = 0.
 */
static void b3pr_sr_bridge_write(struct b3pr_guest_state *g, unsigned int n,
				 u64 rs)
{
	g->slb[n].esid = ((u64)n << 28) | B3PR_BIT(36) | n;
	g->slb[n].vsid = ((rs & BRIDGE_VSID) << SLBV_VSID_SHIFT) |
			 (((rs >> BRIDGE_FLAGS_SHIFT) & 7) << SLBV_FLAGS_SHIFT) |
			 (((rs >> BRIDGE_L_SHIFT) & 1) << SLBV_L_SHIFT);
}

static enum b3pr_outcome b3pr_sr_read(struct b3pr_emul *e, unsigned int n)
{
	struct b3pr_guest_state *g = e->g;

	if (b3pr_sr_bridge(g))
		g->gpr[B3PR_RT(e->insn)] = b3pr_sr_bridge_read(g, n);
	else
		g->gpr[B3PR_RT(e->insn)] = g->sr[n];
	b3pr_advance_pc(g);
	return B3PR_CONTINUE;
}

static enum b3pr_outcome b3pr_sr_write(struct b3pr_emul *e, unsigned int n)
{
	struct b3pr_guest_state *g = e->g;
	u64 rs = g->gpr[B3PR_RS(e->insn)];

	if (b3pr_sr_bridge(g)) {
		b3pr_sr_bridge_write(g, n, rs);
		e->host = B3PR_HOST_SLB_CHANGED;
	} else {
		g->sr[n] = (u32)rs;
		e->host = B3PR_HOST_SR_CHANGED;
	}
	e->arg0 = n;
	b3pr_advance_pc(g);
	return B3PR_NEEDS_HOST;
}

enum b3pr_outcome b3pr_emul_mfsr(struct b3pr_emul *e)
{
	return b3pr_sr_read(e, SR_FIELD(e->insn));
}

enum b3pr_outcome b3pr_emul_mfsrin(struct b3pr_emul *e)
{
	return b3pr_sr_read(e, SR_FROM_EA(e->g->gpr[B3PR_RB(e->insn)]));
}

enum b3pr_outcome b3pr_emul_mtsr(struct b3pr_emul *e)
{
	return b3pr_sr_write(e, SR_FIELD(e->insn));
}

enum b3pr_outcome b3pr_emul_mtsrin(struct b3pr_emul *e)
{
	return b3pr_sr_write(e, SR_FROM_EA(e->g->gpr[B3PR_RB(e->insn)]));
}
