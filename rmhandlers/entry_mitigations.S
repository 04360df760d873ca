/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Speculation mitigations at the world switch: the ones the host applies
 * on its own return to problem state (on the way into a guest) and on
 * its own entry from problem state (on the way out), since a guest is
 * untrusted problem-state code too.
 *
 *  - L1D flush, so nothing the host left in the L1D can be probed by the
 *    guest (into the guest: the kernel's rfi-flush), and nothing the
 *    guest left there is used by the host's speculation (out of it: the
 *    kernel's entry-flush). The host's own kind, each way
 *    (book3s_64/host_flush.c): ori 30, mtspr TRIG2, or reading the PACA's
 *    flush area after stopping the prefetch streams; none where the host
 *    does none.
 *  - Store-forwarding barrier, each way: hwsync, a dependent load,
 *    ori 31,31,0 (the kernel's hwsync kind; the others it may choose do
 *    no more).
 *
 * Real mode, r13 the PACA. Clobber r5-r7, CTR and CR0.
 */

/* The L1D flush of the kind (b3pr/l1d_flush.h bits) in quad \kind. */
.macro RM_L1D_FLUSH kind
	RM_DATA	ld, r5, \kind, 0
	andi.	r6, r5, B3PR_L1D_FLUSH_ORI30
	beq	3f
	ori	31, 31, 0			/* speculation barrier */
	ori	30, 30, 0			/* L1D flush */
3:	andi.	r6, r5, B3PR_L1D_FLUSH_MTTRIG
	beq	4f
	mtspr	SPRN_TRIG2, r0			/* L1D flush */
4:	andi.	r6, r5, B3PR_L1D_FLUSH_DISPLACEMENT
	beq	2f
	ld	r5, B3PR_PACA_L1D_FLUSH_AREA(r13)
	cmpdi	r5, 0
	beq	2f
	ld	r6, B3PR_PACA_L1D_FLUSH_SIZE(r13)
	srdi	r6, r6, 7 + 3			/* 128-byte lines, 8 a round */
	cmpdi	r6, 0
	beq	2f
	mtctr	r6
	lis	r7, 0x60000000@h		/* stop all prefetch streams */
	dcbt	0, r7, 0b01010
	sync
	/* Staggered within the lines, as the host's own flush does. */
1:	ld	r7, (0x80 + 8) * 0(r5)
	ld	r7, (0x80 + 8) * 1(r5)
	ld	r7, (0x80 + 8) * 2(r5)
	ld	r7, (0x80 + 8) * 3(r5)
	ld	r7, (0x80 + 8) * 4(r5)
	ld	r7, (0x80 + 8) * 5(r5)
	ld	r7, (0x80 + 8) * 6(r5)
	ld	r7, (0x80 + 8) * 7(r5)
	addi	r5, r5, 0x80 * 8
	bdnz	1b
2:
.endm

.macro RM_STF_BARRIER
	sync
	ld	r7, 0(r13)
	ori	31, 31, 0			/* speculation barrier */
.endm

/* enter.S, before any guest register is loaded. */
.macro GUEST_ENTRY_MITIGATIONS
	RM_L1D_FLUSH b3pr_rmq_l1d_flush
	RM_STF_BARRIER
.endm

/* exit.S, once the guest's registers are saved, before host code runs. */
.macro GUEST_EXIT_MITIGATIONS
	RM_STF_BARRIER
	RM_L1D_FLUSH b3pr_rmq_entry_flush
.endm
