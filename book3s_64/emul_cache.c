// SPDX-License-Identifier: GPL-2.0
/*
 * Storage control, cache management and external control instructions.
 * Guest memory is coherent host memory, so most of them only step on;
 * dcbz and eciwx/ecowx touch guest memory through the guest's MMU.
 */
#include "b3pr/emulate.h"
#include "b3pr/cpu.h"
#include "b3pr/dcbz_patch.h"
#include "b3pr/guest_mem.h"
#include "b3pr/guest_state.h"
#include "b3pr/mmu.h"
#include "b3pr/msr.h"

/* WIMG as struct b3pr_xlate holds it: W=8 I=4 M=2 G=1. */
#define WIMG_W		0x8u
#define WIMG_I		0x4u

/* 970 HID5 bit 56: dcbz clears 32 bytes, not a 128-byte line. */
#define HID5_DCBZ32	B3PR_BIT(56)

/* EAR[E], 32-bit bit 0: eciwx/ecowx enabled (PEM chapter 2, EAR). */
#define EAR_E		0x80000000u

#define DCBZ_MAX	128u

static enum b3pr_outcome b3pr_step(struct b3pr_emul *e)
{
	b3pr_advance_pc(e->g);
	return B3PR_CONTINUE;
}

/* sync (lwsync, ptesync), eieio: host memory is already ordered for us. */
enum b3pr_outcome b3pr_emul_sync(struct b3pr_emul *e)
{
	return b3pr_step(e);
}

/* dcba, dcbt, dcbtst are hints; the ISA lets them do nothing (Book II 4.3). */
enum b3pr_outcome b3pr_emul_dcba(struct b3pr_emul *e)
{
	return b3pr_step(e);
}

/*
 * dcbi (privileged, checked by the decoder): discarding a block of
 * coherent host memory would expose stale data, and keeping the data is
 * one of the outcomes the guest must already accept.
 */
enum b3pr_outcome b3pr_emul_dcbi(struct b3pr_emul *e)
{
	return b3pr_step(e);
}

/*
 * dcbst, dcbf (Book II 4.3.2): write the block back to memory. The host
 * page is coherent memory and the guest's own, so that is so already.
 */
enum b3pr_outcome b3pr_emul_dcb_flush(struct b3pr_emul *e)
{
	return b3pr_step(e);
}

/* The host keeps instruction fetch coherent with the guest's stores. */
enum b3pr_outcome b3pr_emul_icbi(struct b3pr_emul *e)
{
	return b3pr_step(e);
}

/* mfdcr/mtdcr belong to Book E; no Book3S CPU has them. */
enum b3pr_outcome b3pr_emul_dcr(struct b3pr_emul *e)
{
	e->irq = b3pr_irq_program(B3PR_SRR1_PROG_ILLEGAL);
	return B3PR_DELIVER;
}

unsigned int b3pr_dcbz_size(const struct b3pr_guest_state *g)
{
	if (b3pr_cpu_is(g->cpu, B3PR_CPU_BIT(B3PR_CPU_970)) &&
	    (g->hid[5] & HID5_DCBZ32))
		return 32;
	return g->cpu->cache_line;
}

/*
 * Alignment interrupt DSISR for an X-form instruction (PEM 6.4.6; the 970
 * does the same): 15:16 <- insn 29:30, 17 <- insn 25, 18:21 <- insn
 * 21:24, 22:26 <- RT/RS, 27:31 <- RA.
 */
static u32 b3pr_align_dsisr(u32 insn)
{
	return (((insn >> 1) & 3) << 15) | (((insn >> 6) & 1) << 14) |
	       (((insn >> 7) & 0xf) << 10) | (B3PR_RT(insn) << 5) |
	       B3PR_RA(insn);
}

/*
 * Translate @ea for @access. On a guest fault, e->irq is set and the
 * outcome is DELIVER; CONTINUE means *x holds the translation.
 */
static enum b3pr_outcome b3pr_data_xlate(struct b3pr_emul *e, u64 ea,
					 enum b3pr_access access,
					 struct b3pr_xlate *x)
{
	switch (b3pr_xlate(e->g, e->mem, ea, access, x, &e->irq)) {
	case B3PR_XLATE_OK:
		return B3PR_CONTINUE;
	case B3PR_XLATE_FAULT:
		return B3PR_DELIVER;
	default:
		return B3PR_FAIL;
	}
}

/* addi RT,RA,SI (D-form, opcode 14) and bc 16,0,.-8 (bdnz back 2 words). */
#define ADDI_MASK	0xfc000000U
#define ADDI_MATCH	0x38000000U
#define BDNZ_BACK_8	0x4200fff8U
#define GUEST_PAGE	0x1000ULL

/* The two words after the guest's PC, in host byte order. */
static bool b3pr_next_two_insns(struct b3pr_emul *e, u32 *w)
{
	u64 pc = e->g->pc;

	return (pc & (GUEST_PAGE - 1)) <= GUEST_PAGE - 12 &&
	       !b3pr_read_insn(e, pc + 4, &w[0]) &&
	       !b3pr_read_insn(e, pc + 8, &w[1]);
}

/*
 * The dcbz loop of Linux's memset and clear_page on 32-byte-block CPUs:
 * "dcbz RA,RB; addi RX,RX,size; bdnz .-8", RX one of the address
 * registers. Each dcbz there is an exit (dcbz_patch.h), so the rest of
 * the loop within the guest page of @ea, whose translation the first
 * block just took, is done here as the guest would do it: the blocks
 * zeroed, RX and CTR stepped, the PC at the dcbz again or past the
 * bdnz. Not under trace (MSR[SE]/[BE]), which wants each instruction.
 * True when the loop was run (e->g is final).
 */
static bool b3pr_dcbz_loop(struct b3pr_emul *e, u64 ea, u64 gpa,
			   unsigned int size, const u8 *zeros)
{
	struct b3pr_guest_state *g = e->g;
	u32 ra = B3PR_RA(e->insn), rb = B3PR_RB(e->insn), rx;
	bool sf = g->msr & B3PR_MSR_SF;
	u64 page = ea & ~(GUEST_PAGE - 1), ctr;
	u32 w[2];

	if (g->msr & (B3PR_MSR_SE | B3PR_MSR_BE) || !b3pr_next_two_insns(e, w))
		return false;
	rx = B3PR_RT(w[0]);
	if ((w[0] & ADDI_MASK) != ADDI_MATCH || B3PR_RA(w[0]) != rx ||
	    !rx || (rx != ra && rx != rb) || (s16)w[0] != (s32)size ||
	    w[1] != BDNZ_BACK_8)
		return false;
	for (;;) {
		g->gpr[rx] += size;
		ctr = --g->ctr;
		if (!(sf ? ctr : (u32)ctr)) {
			g->pc += 12;
			return true;
		}
		ea = b3pr_ea_x_form(g, e->insn);
		if ((ea & ~(GUEST_PAGE - 1)) != page) {
			/* Stopped at the dcbz: the next page has its own exit. */
			return true;
		}
		if (e->mem->write(e->mem->ctx,
				  (gpa & ~(GUEST_PAGE - 1)) |
				  (ea & (GUEST_PAGE - 1) & ~(u64)(size - 1)),
				  zeros, size))
			return true;	/* left at the dcbz, which faults */
	}
}

/*
 * dcbz: zero the block holding EA (ISA Book II 4.3.2; PEM 8). A block in
 * write-through or caching-inhibited storage cannot be established in the
 * cache, so the ISA gives an alignment interrupt (III-S 6.5.8).
 */
enum b3pr_outcome b3pr_emul_dcbz(struct b3pr_emul *e)
{
	static const u8 zeros[DCBZ_MAX];
	struct b3pr_guest_state *g = e->g;
	unsigned int size = b3pr_dcbz_size(g);
	u64 ea = b3pr_ea_x_form(g, e->insn);
	struct b3pr_xlate x;
	enum b3pr_outcome out;
	unsigned int done;
	u64 gpa;

	out = b3pr_data_xlate(e, ea, B3PR_ACCESS_STORE, &x);
	if (out != B3PR_CONTINUE)
		return out;
	if (x.wimg & (WIMG_W | WIMG_I)) {
		e->irq = b3pr_irq_alignment(ea, b3pr_align_dsisr(e->insn));
		return B3PR_DELIVER;
	}
	/* A block never crosses a page, so the block is at gpa's block. */
	gpa = x.gpa & ~(u64)(size - 1);
	for (done = 0; done < size; done += DCBZ_MAX) {
		unsigned int n = size - done < DCBZ_MAX ? size - done : DCBZ_MAX;

		if (e->mem->write(e->mem->ctx, gpa + done, zeros, n))
			return B3PR_FAIL;
	}
	if (size <= sizeof(zeros) && b3pr_dcbz_loop(e, ea, x.gpa, size, zeros))
		return B3PR_CONTINUE;
	return b3pr_step(e);
}

/*
 * eciwx/ecowx (PEM 8, 32-bit CPUs only): with EAR[E]=0 a DSI with
 * DSISR[11]; otherwise a word access, which must be word aligned (PEM
 * 6.4.6), to the translated address.
 */
static enum b3pr_outcome b3pr_ecxwx(struct b3pr_emul *e, bool store)
{
	struct b3pr_guest_state *g = e->g;
	u64 ea = b3pr_ea_x_form(g, e->insn);
	u32 rt = B3PR_RT(e->insn);
	struct b3pr_xlate x;
	enum b3pr_outcome out;
	u32 val;

	if (!(g->ear & EAR_E)) {
		e->irq = b3pr_irq_dsi(ea, B3PR_DSISR_EAR_DISABLED |
				      (store ? B3PR_DSISR_STORE : 0));
		return B3PR_DELIVER;
	}
	if (ea & 3) {
		e->irq = b3pr_irq_alignment(ea, b3pr_align_dsisr(e->insn));
		return B3PR_DELIVER;
	}
	out = b3pr_data_xlate(e, ea, store ? B3PR_ACCESS_STORE :
			      B3PR_ACCESS_LOAD, &x);
	if (out != B3PR_CONTINUE)
		return out;
	if (store) {
		if (b3pr_write_be32(e->mem, x.gpa, (u32)g->gpr[rt]))
			return B3PR_FAIL;
	} else {
		if (b3pr_read_be32(e->mem, x.gpa, &val))
			return B3PR_FAIL;
		g->gpr[rt] = val;
	}
	return b3pr_step(e);
}

enum b3pr_outcome b3pr_emul_eciwx(struct b3pr_emul *e)
{
	return b3pr_ecxwx(e, false);
}

enum b3pr_outcome b3pr_emul_ecowx(struct b3pr_emul *e)
{
	return b3pr_ecxwx(e, true);
}
