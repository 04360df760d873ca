/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Guest exit, in real mode, from an exit stub (exit_vectors.S).
 *
 * Entry: r9 guest CR, r10 vcpu area, r11 vector, r13 PACA, SRR0/SRR1/
 * DAR/DSISR as the interrupt left them, guest r9-r11 already saved, guest
 * r13 in SPRG2, everything else still the guest's, PPR (thread priority)
 * and AMR included. CR is scratch (its guest value is in r9).
 * Exit: the host's bolted SLB entries back, r1/r2 the host's, r3 the vcpu
 * area, SRR0 = b3pr_exit_landing, SRR1 = the host MSR. Host interrupts
 * (external, decrementer, doorbell, performance monitor) are replayed by
 * branching to the kernel's own vector, which returns to the landing
 * point itself, and so are NMIs (system reset, machine check: the
 * kernel's handler path the NMI stub recorded); every other exit rfids
 * there directly.
 */
	.globl	b3pr_rm_exit
b3pr_rm_exit:
.Lrm_exit:
	stw	r9, VA_CR(r10)
	stw	r11, VA_TRAP(r10)
	std	r0, VA_GPR + 0 * 8(r10)
	/* The guest's thread priority, then the normal one for the exit. */
	lwz	r0, VA_HAS_PPR(r10)
	cmpwi	r0, 0
	beq	5f
	mfspr	r0, SPRN_PPR
	std	r0, VA_PPR(r10)
5:	HMT_MEDIUM
	std	r1, VA_GPR + 1 * 8(r10)
	std	r2, VA_GPR + 2 * 8(r10)
	std	r3, VA_GPR + 3 * 8(r10)
	std	r4, VA_GPR + 4 * 8(r10)
	std	r5, VA_GPR + 5 * 8(r10)
	std	r6, VA_GPR + 6 * 8(r10)
	std	r7, VA_GPR + 7 * 8(r10)
	std	r8, VA_GPR + 8 * 8(r10)
	std	r12, VA_GPR + 12 * 8(r10)
	std	r14, VA_GPR + 14 * 8(r10)
	std	r15, VA_GPR + 15 * 8(r10)
	std	r16, VA_GPR + 16 * 8(r10)
	std	r17, VA_GPR + 17 * 8(r10)
	std	r18, VA_GPR + 18 * 8(r10)
	std	r19, VA_GPR + 19 * 8(r10)
	std	r20, VA_GPR + 20 * 8(r10)
	std	r21, VA_GPR + 21 * 8(r10)
	std	r22, VA_GPR + 22 * 8(r10)
	std	r23, VA_GPR + 23 * 8(r10)
	std	r24, VA_GPR + 24 * 8(r10)
	std	r25, VA_GPR + 25 * 8(r10)
	std	r26, VA_GPR + 26 * 8(r10)
	std	r27, VA_GPR + 27 * 8(r10)
	std	r28, VA_GPR + 28 * 8(r10)
	std	r29, VA_GPR + 29 * 8(r10)
	std	r30, VA_GPR + 30 * 8(r10)
	std	r31, VA_GPR + 31 * 8(r10)
	mfspr	r0, SPRN_SPRG2
	std	r0, VA_GPR + 13 * 8(r10)
	mflr	r0
	std	r0, VA_LR(r10)
	mfctr	r0
	std	r0, VA_CTR(r10)
	mfxer	r0
	std	r0, VA_XER(r10)
	mfsrr0	r0
	std	r0, VA_PC(r10)
	mfsrr1	r0
	std	r0, VA_EXIT_MSR(r10)
	mfdar	r0
	std	r0, VA_DAR(r10)
	mfdsisr	r0
	stw	r0, VA_DSISR(r10)

	/*
	 * What the kernel's own entry from problem state does first: its
	 * AMR back (KUAP locks user access through it), then the entry
	 * speculation barrier and L1D flush.
	 */
	lwz	r0, VA_HAS_AMR(r10)
	cmpwi	r0, 0
	beq	8f
	mfspr	r0, SPRN_AMR
	std	r0, VA_EXIT_AMR(r10)
	ld	r0, VA_HOST_AMR(r10)
	mtspr	SPRN_AMR, r0
	isync
8:	GUEST_EXIT_MITIGATIONS

	/*
	 * The host's SLB; only then is this CPU no longer marked as running
	 * a guest (an NMI before that restores it itself).
	 */
	RM_RESTORE_HOST_SLB r5, r6, r7
	RM_CPU_VCPU_SLOT r5, r6
	li	r0, 0
	std	r0, 0(r5)

	/* Back to b3pr_exit_landing with the host's r1, r2 and MSR. */
	ld	r1, VA_HOST_R1(r10)
	ld	r2, VA_HOST_R2(r10)
	RM_DATA	ld, r0, b3pr_rmq_exit_landing, 0
	mtsrr0	r0
	ld	r0, VA_HOST_MSR(r10)
	mr	r3, r10
	lwz	r4, VA_TRAP(r10)
	cmpwi	r4, 0x100
	beq	6f
	cmpwi	r4, 0x200
	beq	6f
	cmpwi	r4, 0x500
	beq	3f
	cmpwi	r4, 0x900
	beq	3f
	cmpwi	r4, 0xa00
	beq	3f
	cmpwi	r4, 0xf00
	beq	3f
	mtsrr1	r0
	rfid
	b	.

	/*
	 * Replay: the kernel's own vector takes the interrupt as if it had
	 * come at the landing point. Its masked-interrupt path expects the
	 * interrupted context to have had MSR[EE]=1, and hard-disables it
	 * where the interrupt needs that; the PACA must agree that EE was
	 * on (no PACA_IRQ_HARD_DIS), or the kernel is left with EE=1 while
	 * it believes it hard-disabled. The run loop hard-disables again
	 * once back.
	 */
3:	lbz	r5, B3PR_PACA_IRQ_HAPPENED(r13)
	andi.	r5, r5, ~PACA_IRQ_HARD_DIS & 0xff
	stb	r5, B3PR_PACA_IRQ_HAPPENED(r13)
	ori	r0, r0, MSR_EE
	mtsrr1	r0
	cmpwi	r4, 0x500
	beqa	0x500
	cmpwi	r4, 0x900
	beqa	0x900
	cmpwi	r4, 0xa00
	beqa	0xa00
	ba	0xf00

	/*
	 * NMI (rmhandlers/nmi.S): into the kernel's handler as if it had hit
	 * the landing point, with the host's MSR and the interrupt's cause
	 * bits (SRR1 33:36 and 42:47).
	 */
6:	ld	r5, VA_EXIT_MSR(r10)
	lis	r6, B3PR_SRR1_CAUSE_BITS@h
	and	r5, r5, r6
	andc	r0, r0, r6
	or	r0, r0, r5
	mtsrr1	r0
	lwz	r5, VA_NMI_FWNMI(r10)
	cmpwi	r5, 0
	beq	7f
	/*
	 * FWNMI: r3 was the save slot, which holds the guest's r3; it gets
	 * the landing point's r3, which the kernel's handler restores.
	 */
	ld	r3, VA_GPR + 3 * 8(r10)
	RM_LD_BE(r6, 0, r3)
	std	r6, VA_GPR + 3 * 8(r10)
	RM_ST_BE(r10, 0, r3)
7:	ld	r5, VA_NMI_CONT(r10)
	mtctr	r5
	bctr
