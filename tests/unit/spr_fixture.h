/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared set-up for the SPR, timebase and decrementer tests: a guest of a
 * given PVR, and instruction words built from the ISA's field layout.
 */
#ifndef B3PR_UNIT_SPR_FIXTURE_H
#define B3PR_UNIT_SPR_FIXTURE_H

#include "runner.h"
#include "b3pr/cpu.h"
#include "b3pr/emulate.h"
#include "b3pr/guest_state.h"
#include "b3pr/msr.h"
#include "b3pr/spr.h"

#define PVR_POWER8	0x004d0200
#define PVR_POWER7	0x003f0201
#define PVR_970		0x00390000
#define PVR_750		0x00083214
#define PVR_750FX	0x70000100
#define PVR_7400	0x000c0209
#define PVR_7450	0x80000201
#define PVR_7455	0x80010201

#define START_PC	0x1000

/* MSR bits 0 (SF) and 49 (PR), ISA III-S 4.2.1 */
#define MSR_SF		BIT_ULL(63)
#define MSR_PR		BIT_ULL(14)
#define MSR_HV		BIT_ULL(60)

/* Program interrupt SRR1 bits 44 (illegal) and 45 (privileged), ISA 6.5.9 */
#define SRR1_ILLEGAL	BIT_ULL(19)
#define SRR1_PRIV	BIT_ULL(18)

struct spr_fx {
	struct b3pr_guest_state g;
	struct b3pr_emul e;
};

/*
 * XFX form (ISA Book I 1.6.16): the SPR number's low five bits go in
 * instruction bits 11:15, its high five bits in 16:20.
 */
static inline unsigned int xfx(unsigned int xo, unsigned int r,
			       unsigned int n)
{
	return (31u << 26) | (r << 21) | ((n & 0x1f) << 16) |
	       ((n >> 5) << 11) | (xo << 1);
}

static inline unsigned int mfspr_insn(unsigned int rt, unsigned int n)
{
	return xfx(339, rt, n);
}

static inline unsigned int mtspr_insn(unsigned int rs, unsigned int n)
{
	return xfx(467, rs, n);
}

static inline unsigned int mftb_insn(unsigned int rt, unsigned int tbr)
{
	return xfx(371, rt, tbr);
}

/* A supervisor guest of @pvr (64-bit mode on 64-bit CPUs) at START_PC. */
static inline void spr_fx_init(struct spr_fx *fx, unsigned int pvr)
{
	memset(fx, 0, sizeof(*fx));
	if (b3pr_guest_set_pvr(&fx->g, pvr))
		unit_fail(__FILE__, __LINE__, "no model for PVR 0x%x", pvr);
	if (fx->g.cpu && fx->g.cpu->is_64bit)
		fx->g.msr = MSR_SF;
	fx->g.pc = START_PC;
	fx->e.g = &fx->g;
}

static inline void spr_fx_user(struct spr_fx *fx)
{
	fx->g.msr |= MSR_PR;
}

/* mtspr @n from r4 holding @val. */
static inline enum b3pr_outcome spr_fx_mtspr(struct spr_fx *fx,
					     unsigned int n, u64 val)
{
	fx->g.gpr[4] = val;
	fx->e.insn = mtspr_insn(4, n);
	return b3pr_emul_mtspr(&fx->e);
}

/* mfspr r5 from @n. */
static inline enum b3pr_outcome spr_fx_mfspr(struct spr_fx *fx,
					     unsigned int n)
{
	fx->e.insn = mfspr_insn(5, n);
	return b3pr_emul_mfspr(&fx->e);
}

/* Write @val with mtspr and read it back with mfspr; ~0 on a failure. */
static inline u64 spr_fx_round_trip(struct spr_fx *fx, unsigned int n,
					 u64 val)
{
	fx->g.gpr[5] = 0;
	if (spr_fx_mtspr(fx, n, val) == B3PR_DELIVER ||
	    spr_fx_mfspr(fx, n) != B3PR_CONTINUE)
		return ~0ULL;
	return fx->g.gpr[5];
}

/* The outcome was a program interrupt for @srr1 with the PC left alone. */
#define EXPECT_PROGRAM(fx, outcome, srr1)				\
	do {								\
		EXPECT_EQ(B3PR_DELIVER, (outcome));			\
		EXPECT_EQ(0x700, (fx)->e.irq.vector);			\
		EXPECT_EQ((srr1), (fx)->e.irq.srr1_bits & (srr1));	\
		EXPECT_EQ(START_PC, (fx)->g.pc);			\
	} while (0)

/* The instruction completed without an interrupt: PC moved on. */
#define EXPECT_DONE(fx, outcome)					\
	do {								\
		EXPECT_EQ(B3PR_CONTINUE, (outcome));			\
		EXPECT_EQ(START_PC + 4, (fx)->g.pc);			\
	} while (0)

#endif /* B3PR_UNIT_SPR_FIXTURE_H */
