/* SPDX-License-Identifier: GPL-2.0 */
/* A guest of a given CPU model for the interrupt-delivery tests. */
#ifndef B3PR_UNIT_IRQ_GUEST_H
#define B3PR_UNIT_IRQ_GUEST_H

#include <string.h>

#include "b3pr/cpu.h"
#include "b3pr/guest_state.h"
#include "b3pr/interrupt.h"
#include "b3pr/msr.h"
#include "runner.h"

#define PVR_POWER8	0x004d0200
#define PVR_POWER7	0x003f0201
#define PVR_970		0x00390000
#define PVR_750		0x00083214
#define PVR_7400	0x000c0209
#define PVR_7455	0x80010201

static inline void irq_guest(struct b3pr_guest_state *g, u32 pvr, u64 msr,
			     u64 pc)
{
	memset(g, 0, sizeof(*g));
	EXPECT_EQ(0, b3pr_guest_set_pvr(g, pvr));
	g->msr = msr;
	g->pc = pc;
}

#endif /* B3PR_UNIT_IRQ_GUEST_H */
