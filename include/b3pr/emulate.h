/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Emulation of the instructions that trap when guest supervisor code runs
 * in problem state. Each handler maps (guest state, instruction) to a new
 * guest state and one outcome.
 */
#ifndef B3PR_EMULATE_H
#define B3PR_EMULATE_H

#include "env.h"
#include "guest_state.h"
#include "interrupt.h"

struct b3pr_guest_state;
struct b3pr_guest_mem;

enum b3pr_outcome {
	/* Done: the guest state, PC included, is final. */
	B3PR_CONTINUE,
	/*
	 * Deliver e->irq. The PC still addresses the instruction;
	 * b3pr_deliver_interrupt() does the rest.
	 */
	B3PR_DELIVER,
	/* The host must act on e->host; see enum b3pr_host_request. */
	B3PR_NEEDS_HOST,
	/* Not emulatable: the run loop reports an internal error. */
	B3PR_FAIL,
};

/*
 * What the host must do. For the "changed" kinds the guest state is already
 * updated and the PC advanced: the host brings its shadow in line and
 * resumes. For HCALL the PC still addresses the sc; the host completes the
 * call with b3pr_complete_hcall().
 */
enum b3pr_host_request {
	B3PR_HOST_NONE,
	B3PR_HOST_HCALL,		/* PAPR hypercall, number in r3 */
	B3PR_HOST_SLB_CHANGED,		/* arg0 = SLB index, old_slbe = its old value */
	B3PR_HOST_SLB_INVALIDATE,	/* arg0 = EA, arg1 = slbie RB's B/C */
	B3PR_HOST_SLB_INVALIDATE_ALL,
	B3PR_HOST_TLB_INVALIDATE,	/* arg0 = tlbie RB, arg1 = L | IS<<1 */
	B3PR_HOST_TLB_INVALIDATE_ALL,
	B3PR_HOST_SR_CHANGED,		/* arg0 = segment register number */
	B3PR_HOST_BAT_CHANGED,		/* arg0 = SPR number written */
	B3PR_HOST_SDR1_CHANGED,
	B3PR_HOST_DEC_CHANGED,		/* arm the timer for dec_expires */
	B3PR_HOST_SPR_CHANGED,		/* arg0 = SPR number (HID, LPCR, ...) */
	/* MSR[POW] set: state updated, PC advanced; wait for an interrupt */
	B3PR_HOST_IDLE,
	/* mttbl/mttbu not applied (e->tb_is_host): arg0 = SPR, arg1 = RS */
	B3PR_HOST_TB_IGNORED,
};

/* One emulation: inputs, then what the handler decided. */
struct b3pr_emul {
	struct b3pr_guest_state *g;
	const struct b3pr_guest_mem *mem;
	u64 host_tb;		/* host timebase when the guest exited */
	u32 insn;		/* the instruction, in host byte order */
	/*
	 * The guest's native mftb reads the host TB, which the host cannot
	 * offset for problem state: a guest TB write would give it two
	 * clocks, so it is not applied (B3PR_HOST_TB_IGNORED).
	 */
	bool tb_is_host;
	/*
	 * The word before insn, where the host read it with insn (same 4K
	 * page, same translation): b3pr_emulate_exit then fetches no more.
	 */
	bool has_insn_before;
	u32 insn_before;	/* in host byte order */

	struct b3pr_interrupt irq;	/* for B3PR_DELIVER */
	enum b3pr_host_request host;	/* for B3PR_NEEDS_HOST */
	u64 arg0, arg1;
	struct b3pr_slb_entry old_slbe;	/* for B3PR_HOST_SLB_CHANGED */
};

typedef enum b3pr_outcome (*b3pr_insn_handler)(struct b3pr_emul *e);

/* Decode e->insn and run its handler. */
enum b3pr_outcome b3pr_emulate(struct b3pr_emul *e);

/* The name of the instruction @insn decodes to, or NULL: for stats/logs. */
const char *b3pr_insn_name(u32 insn);
/*
 * Whether @insn traps in problem state as the guest runs (privileged
 * instructions, mfspr/mtspr of privileged SPRs): the ones the core may
 * emulate inline where the guest would have run them itself.
 */
bool b3pr_insn_traps(u32 insn);

/* Finish a B3PR_HOST_HCALL: return values already in r3.., step past sc. */
void b3pr_complete_hcall(struct b3pr_guest_state *g);

/* Instruction fields (ISA 1.6.28: bits numbered from 0 at the MSB). */
#define B3PR_OPCD(i)		(((i) >> 26) & 0x3f)
#define B3PR_XO10(i)		(((i) >> 1) & 0x3ff)	/* X-form XO, 21:30 */
#define B3PR_RT(i)		(((i) >> 21) & 0x1f)
#define B3PR_RS(i)		B3PR_RT(i)
#define B3PR_RA(i)		(((i) >> 16) & 0x1f)
#define B3PR_RB(i)		(((i) >> 11) & 0x1f)
#define B3PR_RC(i)		((i) & 1)
/* The 10-bit SPR field has its halves swapped (ISA mfspr). */
#define B3PR_SPRN(i)		((((i) >> 16) & 0x1f) | (((i) >> 6) & 0x3e0))

/*
 * b3pr_emulate for an exit at the guest PC, which may sit inside a
 * lwarx/stwcx. window (book3s_64/emul_reserve.c): the window is run to
 * its end so that the reservation the exit lost does not fail the guest's
 * stwcx. for ever.
 */
enum b3pr_outcome b3pr_emulate_exit(struct b3pr_emul *e);

/*
 * The instruction at @ea, fetched through the guest's MMU (setting R as
 * a fetch would), in host byte order: 0, or -1 when it cannot be fetched.
 */
int b3pr_read_insn(struct b3pr_emul *e, u64 ea, u32 *insn);

/* Step past the emulated instruction, wrapping as the current mode does. */
void b3pr_advance_pc(struct b3pr_guest_state *g);

/* Effective address RA|0 + RB, truncated to 32 bits when MSR[SF]=0. */
u64 b3pr_ea_x_form(const struct b3pr_guest_state *g, u32 insn);

/* Privileged-instruction check: guest problem state gets a program irq. */
bool b3pr_guest_is_user(const struct b3pr_guest_state *g);

/*
 * Handlers, one per trapping instruction; decode.c holds the table.
 * MSR and returns (book3s_64/emul_msr.c)
 */
enum b3pr_outcome b3pr_emul_mfmsr(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_mtmsr(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_mtmsrd(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_rfi(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_rfid(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_hrfid(struct b3pr_emul *e);
/* doze nap sleep rvwinkle: hypervisor-only, so privileged for the guest */
enum b3pr_outcome b3pr_emul_hv_only(struct b3pr_emul *e);
/* System call and traps (book3s_64/emul_sc.c) */
enum b3pr_outcome b3pr_emul_sc(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_trap(struct b3pr_emul *e);	/* tw td twi tdi */
/* Directed privileged doorbells (book3s_64/emul_doorbell.c) */
enum b3pr_outcome b3pr_emul_msgsndp(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_msgclrp(struct b3pr_emul *e);
/* SPRs and time (book3s_64/emul_spr.c) */
enum b3pr_outcome b3pr_emul_mfspr(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_mtspr(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_mftb(struct b3pr_emul *e);
/* 64-bit MMU (book3s_64/emul_mmu64.c) */
enum b3pr_outcome b3pr_emul_slbmte(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_slbie(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_slbia(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_slbmfee(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_slbmfev(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_slbfee(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_tlbie(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_tlbiel(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_tlbia(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_tlbsync(struct b3pr_emul *e);
/* 32-bit segment registers (book3s_32_guest/emul_sr.c) */
enum b3pr_outcome b3pr_emul_mfsr(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_mfsrin(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_mtsr(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_mtsrin(struct b3pr_emul *e);
/* Caches, storage control, external control (book3s_64/emul_cache.c) */
enum b3pr_outcome b3pr_emul_sync(struct b3pr_emul *e);	/* sync eieio */
enum b3pr_outcome b3pr_emul_dcbz(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_dcba(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_dcbi(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_icbi(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_dcb_flush(struct b3pr_emul *e);	/* dcbst dcbf */
enum b3pr_outcome b3pr_emul_eciwx(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_ecowx(struct b3pr_emul *e);
enum b3pr_outcome b3pr_emul_dcr(struct b3pr_emul *e);	/* mfdcr mtdcr */

#endif /* B3PR_EMULATE_H */
