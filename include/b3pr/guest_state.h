/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The architected state of one guest vcpu, as the guest sees it (the MSR
 * here is the guest's MSR, not the shadow MSR the host runs it under).
 * Every SPR the portable core knows has its storage here; which SPR exists
 * on which CPU, and who may touch it, is the table in book3s_64/spr_table.c.
 */
#ifndef B3PR_GUEST_STATE_H
#define B3PR_GUEST_STATE_H

#include "env.h"

#define B3PR_SLB_ENTRIES	64
#define B3PR_NR_SR		16
#define B3PR_NR_BATS		8

struct b3pr_cpu_model;

/* One SLB entry, kept in the register images slbmte takes (RS, RB). */
struct b3pr_slb_entry {
	u64 esid;	/* ESID (0:35) | V (36) | index (52:63), as slbmte RB */
	u64 vsid;	/* B (0:1) | VSID (2:51) | Ks Kp N L C (52:56) | LP (58:59) */
};

/*
 * The FP/VSX register file in the layout the host kernel's FP save and
 * load code uses, so the world switch can hand it to them: VSR n (n < 32)
 * as a host-native 128-bit value, FPR n being its doubleword 0 (ISA
 * 7.2.1.1: the FPRs overlay VSRs 0-31), then FPSCR.
 */
struct b3pr_fp_state {
	_Alignas(16) u64 vsr[32][2];
	u64 fpscr;
};

/* VRs (VSRs 32-63) and VSCR, as host-native 128-bit values. */
struct b3pr_vr_state {
	_Alignas(16) u32 vr[32][4];
	_Alignas(16) u32 vscr[4];	/* VSCR in bits 96:127 */
};

/* Where ISA doubleword 0 and word 3 sit in a host-native 128-bit value. */
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define B3PR_VSR_DW0		0
#define B3PR_VR_WORD3		3
#else
#define B3PR_VSR_DW0		1
#define B3PR_VR_WORD3		0
#endif

/* A BAT pair as mtspr writes it: upper = BEPI|BL|Vs|Vp, lower = BRPN|WIMG|PP. */
struct b3pr_bat {
	u32 upper;
	u32 lower;
};

struct b3pr_guest_state {
	const struct b3pr_cpu_model *cpu;	/* from pvr: b3pr_cpu_model_for_pvr() */

	u64 gpr[32];
	u64 pc;
	u64 msr;
	u32 cr;
	u64 xer;
	u64 lr;
	u64 ctr;

	/* FP, VSX and VMX (exceptions: the host loads them lazily) */
	struct b3pr_fp_state fp;
	struct b3pr_vr_state vr;

	/* Interrupt state */
	u64 srr0, srr1;
	u64 sprg[8];		/* SPRG0-3; SPRG4-7 on the 7450 */
	u64 dar;
	u32 dsisr;
	u64 hior;		/* interrupt vector base (970 HIOR; 0 elsewhere) */
	u64 lpcr;		/* only LPCR[ILE] and LPCR[AIL] are guest-visible */

	/* Time: guest TB = host TB + tb_offset; DEC reaches 0 at dec_expires. */
	s64 tb_offset;
	u64 dec_expires;

	/* MMU */
	u64 sdr1;
	struct b3pr_slb_entry slb[B3PR_SLB_ENTRIES];
	u32 slb_max;		/* entries the guest's CPU has (from cpu model) */
	u32 sr[B3PR_NR_SR];
	struct b3pr_bat ibat[B3PR_NR_BATS];
	struct b3pr_bat dbat[B3PR_NR_BATS];

	/* Identification */
	u32 pvr;
	u32 pir;

	/* Implementation registers (970 and 32-bit CPUs) */
	u64 hid[6];		/* HID0 .. HID5 */
	u32 gqr[8];		/* 750CL paired-single quantisation */
	u32 thrm[3];
	u32 l2cr, l3cr, ictc;
	u64 iabr, dabr, dabrx, ear;

	/* Performance monitor */
	u64 mmcr[3];		/* MMCR0 .. MMCR2 */
	u64 mmcra;
	u32 pmc[8];
	u64 siar, sdar;

	/* Later 64-bit CPUs */
	u64 cfar, dscr, purr, spurr, tar, fscr, ppr, amr, uamor, iamr;
	u64 bescr, ebbhr, ebbrr, pspb, ic, vtb, ctrl;
	u32 vrsave;

	/* Interrupts waiting for delivery: a bitmap of enum b3pr_irq_source. */
	u32 pending;
	u32 pending_once;	/* of those, cleared when delivered */
	bool papr_enabled;	/* sc 1 from guest supervisor = hypercall */
};

#endif /* B3PR_GUEST_STATE_H */
