/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A guest of a given CPU model for the emulation tests (decode, MSR, sc,
 * traps, caches): zeroed state, 64 MiB of zeroed memory, and encoders for
 * the instruction forms, so that a test reads like the ISA's tables.
 */
#ifndef B3PR_UNIT_EMUL_GUEST_H
#define B3PR_UNIT_EMUL_GUEST_H

#include <string.h>

#include "b3pr/cpu.h"
#include "b3pr/emulate.h"
#include "b3pr/guest_state.h"
#include "b3pr/interrupt.h"
#include "b3pr/msr.h"
#include "guest_mem_array.h"
#include "runner.h"

#define EG_POWER8	0x004d0200u
#define EG_POWER7	0x003f0201u
#define EG_970		0x00390000u
#define EG_750		0x00083214u
#define EG_7400		0x000c0209u
#define EG_7455		0x80010201u

/* X-form: OPCD 0:5, RT 6:10, RA 11:15, RB 16:20, XO 21:30 (ISA 1.6.7). */
#define EG_X(op, rt, ra, rb, xo)					\
	(((u32)(op) << 26) | ((u32)(rt) << 21) | ((u32)(ra) << 16) |	\
	 ((u32)(rb) << 11) | ((u32)(xo) << 1))
/* D-form with TO in RT: twi, tdi. */
#define EG_D(op, rt, ra, si)						\
	(((u32)(op) << 26) | ((u32)(rt) << 21) | ((u32)(ra) << 16) |	\
	 ((u32)(si) & 0xffff))

struct eg {
	struct b3pr_guest_state g;
	struct b3pr_emul e;
	u64 pc0;
};

static inline void eg_init(struct eg *t, u32 pvr, u64 msr, u64 pc)
{
	memset(t, 0, sizeof(*t));
	EXPECT_EQ(0, b3pr_guest_set_pvr(&t->g, pvr));
	t->g.msr = msr;
	t->g.pc = pc;
	t->pc0 = pc;
	t->e.g = &t->g;
	t->e.mem = test_mem_new();
}

static inline enum b3pr_outcome eg_run(struct eg *t, u32 insn)
{
	memset(&t->e.irq, 0, sizeof(t->e.irq));
	t->e.insn = insn;
	return b3pr_emulate(&t->e);
}

/* The outcome is a program interrupt for @reason, PC left on the insn. */
static inline void eg_expect_program(struct eg *t, enum b3pr_outcome out,
				     u64 reason)
{
	EXPECT_EQ(B3PR_DELIVER, out);
	EXPECT_EQ(0x700, t->e.irq.vector);
	EXPECT_EQ(reason, t->e.irq.srr1_bits);
	EXPECT_EQ(t->pc0, t->g.pc);
}

static inline void eg_fill(u64 gpa, u8 byte, unsigned int len)
{
	memset(test_mem_ptr(gpa), byte, len);
}

static inline u8 eg_byte(u64 gpa)
{
	return *(u8 *)test_mem_ptr(gpa);
}

/* A big-endian word (an instruction, a PTE word) at @gpa. */
static inline void eg_put_be32(u64 gpa, u32 w)
{
	u8 *p = test_mem_ptr(gpa);

	p[0] = w >> 24;
	p[1] = w >> 16;
	p[2] = w >> 8;
	p[3] = w;
}

static inline u32 eg_be32(u64 gpa)
{
	const u8 *p = test_mem_ptr(gpa);

	return (u32)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

#endif /* B3PR_UNIT_EMUL_GUEST_H */
