/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared set-up for the 64-bit MMU tests: a guest in 64-bit supervisor
 * mode with translation on, its hashed page table at 1 MiB with
 * HTABSIZE = 0 (2^11 PTEGs, so PTEG = 0x100000 | (hash & 0x7ff) << 7).
 */
#ifndef B3PR_UNIT_TEST_MMU64_FIXTURE_H
#define B3PR_UNIT_TEST_MMU64_FIXTURE_H

#include <string.h>

#include "runner.h"
#include "guest_mem_array.h"
#include "b3pr/cpu.h"
#include "b3pr/emulate.h"
#include "b3pr/guest_state.h"
#include "b3pr/mmu.h"
#include "b3pr/mmu64.h"
#include "b3pr/msr.h"

#define PVR_POWER8	0x004d0200
#define PVR_970		0x00390000
#define PVR_750		0x00080200
#define HTAB		0x100000ULL

static inline const struct b3pr_guest_mem *
mmu64_setup(struct b3pr_guest_state *g, u32 pvr)
{
	memset(g, 0, sizeof(*g));
	b3pr_guest_set_pvr(g, pvr);
	g->msr = B3PR_MSR_SF | B3PR_MSR_IR | B3PR_MSR_DR;
	g->sdr1 = HTAB;
	g->pc = 0x4000;
	return test_mem_new();
}

/* Store both doublewords of an HPTE, big-endian like the hardware's. */
static inline void hpte_put(u64 addr, u64 v, u64 r)
{
	u64 bv = cpu_to_be64(v), br = cpu_to_be64(r);

	memcpy(test_mem_ptr(addr), &bv, 8);
	memcpy(test_mem_ptr(addr + 8), &br, 8);
}

static inline u64 hpte_get_r(u64 addr)
{
	u64 br;

	memcpy(&br, test_mem_ptr(addr + 8), 8);
	return be64_to_cpu(br);
}

/* X-form instruction: primary opcode 31, RT/RS, RA, RB, XO. */
static inline u32 x_insn(u32 xo, u32 rt, u32 ra, u32 rb)
{
	return (31u << 26) | (rt << 21) | (ra << 16) | (rb << 11) | (xo << 1);
}

static inline struct b3pr_emul emul_for(struct b3pr_guest_state *g,
					const struct b3pr_guest_mem *mem,
					u32 insn)
{
	struct b3pr_emul e;

	memset(&e, 0, sizeof(e));
	e.g = g;
	e.mem = mem;
	e.insn = insn;
	return e;
}

#endif
