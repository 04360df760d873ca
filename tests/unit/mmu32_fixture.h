/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A 32-bit guest for the MMU tests: a CPU model, translation on, 64 MiB of
 * zeroed memory, and helpers to write PTEs and BATs as the guest would.
 */
#ifndef B3PR_UNIT_MMU32_FIXTURE_H
#define B3PR_UNIT_MMU32_FIXTURE_H

#include "b3pr/cpu.h"
#include "b3pr/guest_state.h"
#include "b3pr/mmu.h"
#include "b3pr/mmu32.h"
#include "b3pr/msr.h"
#include "guest_mem_array.h"

#define PVR_750		0x00083214u	/* 4 BAT pairs */
#define PVR_7400	0x000c0209u	/* 4 BAT pairs */
#define PVR_7455	0x80010201u	/* 8 BAT pairs */

struct mmu32_fix {
	struct b3pr_guest_state g;
	const struct b3pr_guest_mem *mem;
	struct b3pr_xlate x;
	struct b3pr_interrupt f;
};

static inline void mmu32_init(struct mmu32_fix *t, u32 pvr)
{
	memset(t, 0, sizeof(*t));
	b3pr_guest_set_pvr(&t->g, pvr);
	t->g.msr = B3PR_MSR_IR | B3PR_MSR_DR;
	t->mem = test_mem_new();
}

static inline enum b3pr_xlate_result mmu32_go(struct mmu32_fix *t, u64 ea,
					      enum b3pr_access access)
{
	memset(&t->f, 0, sizeof(t->f));
	return b3pr_mmu32_xlate(&t->g, t->mem, ea, access, &t->x, &t->f);
}

static inline void mmu32_put32(u32 gpa, u32 val)
{
	u32 be = cpu_to_be32(val);

	memcpy(test_mem_ptr(gpa), &be, 4);
}

static inline u32 mmu32_get32(u32 gpa)
{
	u32 be;

	memcpy(&be, test_mem_ptr(gpa), 4);
	return be32_to_cpu(be);
}

/* One PTE (two big-endian words) at guest real address @gpa. */
static inline void mmu32_put_pte(u32 gpa, u32 w0, u32 w1)
{
	mmu32_put32(gpa, w0);
	mmu32_put32(gpa + 4, w1);
}

static inline void mmu32_set_bat(struct b3pr_bat *bat, u32 upper, u32 lower)
{
	bat->upper = upper;
	bat->lower = lower;
}

#endif
