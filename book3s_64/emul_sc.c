// SPDX-License-Identifier: GPL-2.0
/* System call (sc) and the trap instructions (tw, twi, td, tdi). */
#include "b3pr/emulate.h"
#include "b3pr/cpu.h"
#include "b3pr/guest_state.h"

/*
 * sc LEV: only LEV's low bit (instruction bit 26) is defined; bits 20:25
 * are reserved (ISA Book I 2.6). 32-bit CPUs have no LEV field.
 */
#define SC_LEV1		0x20u

/*
 * sc 1 from a PAPR guest's supervisor state is a hypercall for the host.
 * Every other sc is the guest's own system call: sc 0, and sc 1 from a
 * guest that has no hypervisor above it or from its problem state (where a
 * PAPR hypervisor reflects it to the OS, as PowerVM and kvm-hv do). The
 * guest is never in hypervisor state, so no sc enters it (ISA III-S
 * 3.3.1): the interrupt goes to the guest's 0xc00, SRR0 = next insn.
 */
enum b3pr_outcome b3pr_emul_sc(struct b3pr_emul *e)
{
	struct b3pr_guest_state *g = e->g;

	if ((e->insn & SC_LEV1) && g->cpu->is_64bit && g->papr_enabled &&
	    !b3pr_guest_is_user(g)) {
		e->host = B3PR_HOST_HCALL;
		return B3PR_NEEDS_HOST;
	}
	e->irq = b3pr_irq_syscall();
	return B3PR_DELIVER;
}

/* TO field bits (instruction bits 6:10), ISA Book I 3.3.11. */
#define TO_LT		0x10u	/* signed less than */
#define TO_GT		0x08u	/* signed greater than */
#define TO_EQ		0x04u
#define TO_LTU		0x02u	/* unsigned less than */
#define TO_GTU		0x01u	/* unsigned greater than */

#define OP_TDI		2
#define OP_TWI		3
#define XO_TW		4

static u64 b3pr_exts32(u64 v)
{
	return (u64)(s64)(s32)(u32)v;
}

static bool b3pr_trap_holds(u32 to, u64 a, u64 b)
{
	return ((to & TO_LT) && (s64)a < (s64)b) ||
	       ((to & TO_GT) && (s64)a > (s64)b) ||
	       ((to & TO_EQ) && a == b) ||
	       ((to & TO_LTU) && a < b) ||
	       ((to & TO_GTU) && a > b);
}

/*
 * The word forms compare the sign-extended low words; sign extension
 * keeps the unsigned order of 32-bit values, so one 64-bit compare serves
 * both. The immediate forms compare against EXTS(SI).
 */
enum b3pr_outcome b3pr_emul_trap(struct b3pr_emul *e)
{
	struct b3pr_guest_state *g = e->g;
	u32 insn = e->insn;
	u32 op = B3PR_OPCD(insn);
	bool word = op == OP_TWI || (op == 31 && B3PR_XO10(insn) == XO_TW);
	u64 a = g->gpr[B3PR_RA(insn)];
	u64 b;

	if (op == OP_TWI || op == OP_TDI)
		b = (u64)(s64)(s16)(insn & 0xffff);
	else
		b = g->gpr[B3PR_RB(insn)];
	if (word) {
		a = b3pr_exts32(a);
		b = b3pr_exts32(b);
	}
	if (b3pr_trap_holds(B3PR_RT(insn), a, b)) {
		e->irq = b3pr_irq_program(B3PR_SRR1_PROG_TRAP);
		return B3PR_DELIVER;
	}
	b3pr_advance_pc(g);
	return B3PR_CONTINUE;
}
