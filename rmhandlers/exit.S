/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Guest exit, in real mode, from an exit stub (exit_vectors.S).
 *
 * Entry: r9 guest CR, r10 vcpu area, r11 vector, r13 PACA, SRR0/SRR1/
 * DAR/DSISR as the interrupt left them, guest r9-r11 already saved, guest
 * r13 in SPRG2, everything else still the guest's, PPR (thread priority)
 * included. CR is scratch (its guest value is in r9).
 * Exit: the host's bolted SLB entries back, r1/r2 the host's, r3 the vcpu
 * area, SRR0 = b3pr_exit_landing, SRR1 = the host MSR. Host interrupts
 * (external, decrementer, doorbell, performance monitor) are replayed by
 * branching to the kernel's own vector, which returns to the landing
 * point itself; every other exit rfids there directly.
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

	/* This CPU no longer runs a guest. */
	lhz	r9, B3PR_PACA_INDEX(r13)
	sldi	r9, r9, 3
	li	r0, 0
	RM_DATA	std, r0, b3pr_rm_cpu_vcpu, r9

	/* The host's SLB: flush, then its bolted entries from the shadow. */
	slbmte	r0, r0
	slbia
	ld	r9, B3PR_PACA_SLBSHADOW(r13)
	li	r5, B3PR_SLBSHADOW_SAVEAREA
	li	r6, SLB_NUM_BOLTED
	mtctr	r6
1:
#ifdef __LITTLE_ENDIAN__
	ldbrx	r7, r9, r5		/* the shadow is big-endian */
	addi	r5, r5, 8
	ldbrx	r8, r9, r5
#else
	ldx	r7, r9, r5
	addi	r5, r5, 8
	ldx	r8, r9, r5
#endif
	addi	r5, r5, 8
	andis.	r0, r7, SLB_ESID_V@h
	beq	2f
	slbmte	r8, r7
2:	bdnz	1b
	li	r6, SLB_NUM_BOLTED
	stb	r6, B3PR_SLBSHADOW_PERSISTENT(r9)
	isync

	/* Back to b3pr_exit_landing with the host's r1, r2 and MSR. */
	ld	r1, VA_HOST_R1(r10)
	ld	r2, VA_HOST_R2(r10)
	RM_DATA	ld, r0, b3pr_rmq_exit_landing, 0
	mtsrr0	r0
	ld	r0, VA_HOST_MSR(r10)
	mr	r3, r10
	lwz	r4, VA_TRAP(r10)
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
	 * interrupted context to have had MSR[EE]=1, and hard-disables it.
	 */
3:	ori	r0, r0, MSR_EE
	mtsrr1	r0
	cmpwi	r4, 0x500
	beqa	0x500
	cmpwi	r4, 0x900
	beqa	0x900
	cmpwi	r4, 0xa00
	beqa	0xa00
	ba	0xf00
