// SPDX-License-Identifier: GPL-2.0
/*
 * TEMPORARY: weak stand-ins for core functions still being written, so the
 * unit binary links while parts of the core land one by one. Removed once
 * every part is in.
 */
#include "b3pr/emulate.h"
#include "b3pr/cpu.h"
#include "b3pr/mmu.h"
#include "b3pr/guest_state.h"

#define STUB(fn)							\
	__attribute__((weak)) enum b3pr_outcome fn(struct b3pr_emul *e)	\
	{ return B3PR_FAIL; }

STUB(b3pr_emul_mfmsr) STUB(b3pr_emul_mtmsr) STUB(b3pr_emul_mtmsrd)
STUB(b3pr_emul_rfi) STUB(b3pr_emul_rfid) STUB(b3pr_emul_hrfid)
STUB(b3pr_emul_sc) STUB(b3pr_emul_trap) STUB(b3pr_emul_mfspr)
STUB(b3pr_emul_mtspr) STUB(b3pr_emul_mftb) STUB(b3pr_emul_slbmte)
STUB(b3pr_emul_slbie) STUB(b3pr_emul_slbia) STUB(b3pr_emul_slbmfee)
STUB(b3pr_emul_slbmfev) STUB(b3pr_emul_slbfee) STUB(b3pr_emul_tlbie)
STUB(b3pr_emul_tlbiel) STUB(b3pr_emul_tlbia) STUB(b3pr_emul_tlbsync)
STUB(b3pr_emul_mfsr) STUB(b3pr_emul_mfsrin) STUB(b3pr_emul_mtsr)
STUB(b3pr_emul_mtsrin) STUB(b3pr_emul_sync) STUB(b3pr_emul_dcbz)
STUB(b3pr_emul_dcba) STUB(b3pr_emul_dcbi) STUB(b3pr_emul_icbi)
STUB(b3pr_emul_eciwx) STUB(b3pr_emul_ecowx) STUB(b3pr_emul_dcr)

__attribute__((weak)) struct b3pr_interrupt b3pr_irq_program(u64 reason)
{
	struct b3pr_interrupt irq = { .vector = 0x700, .srr1_bits = reason };

	return irq;
}

__attribute__((weak)) void b3pr_deliver_interrupt(struct b3pr_guest_state *g,
						  const struct b3pr_interrupt *i)
{
}


__attribute__((weak)) enum b3pr_xlate_result
b3pr_xlate(struct b3pr_guest_state *g, const struct b3pr_guest_mem *mem,
	   u64 ea, enum b3pr_access access, struct b3pr_xlate *out,
	   struct b3pr_interrupt *fault)
{
	return B3PR_XLATE_BAD_TABLE;
}
