/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Guest entry, in real mode.
 *
 * Entry (rfid from b3pr_enter_guest, book3s_64/switch_virt.S):
 *   MSR   host MSR with IR=DR=0, EE=0
 *   r3    struct b3pr_rm_vcpu (linear-map address, real-mode reachable)
 *   r13   PACA
 *   The host's non-volatile state is saved on its stack; r1/r2/MSR in r3.
 * Before the guest registers are loaded, the host's speculation
 * mitigations for a return to problem state (entry_mitigations.S).
 * Exit: rfid into the guest with its registers and shadow MSR; every GPR,
 * CR, LR, CTR, XER, SRR0/1 belong to the guest from here on.
 */
	.globl	b3pr_rm_enter
b3pr_rm_enter:
	/*
	 * From here an interrupt on this CPU may find the guest's SLB: an
	 * NMI restores the host's before the kernel's handler runs, and an
	 * interrupt from problem state is a guest exit (MSR[RI] is 0 until
	 * the guest runs, so none of them returns here).
	 */
	RM_CPU_VCPU_SLOT r5, r6
	std	r3, 0(r5)

	/*
	 * Replace the host's SLB with the guest's shadow segments. The
	 * hypervisor may reload the bolted entries from the SLB shadow at
	 * any time: tell it there are none while the guest's are in.
	 */
	ld	r5, B3PR_PACA_SLBSHADOW(r13)
	li	r0, 0
	stb	r0, B3PR_SLBSHADOW_PERSISTENT(r5)
	slbmte	r0, r0			/* slbia spares entry 0: clear it */
	slbia
	lwz	r5, VA_SLB_COUNT(r3)
	addi	r6, r3, VA_SLB
	cmpwi	r5, 0
	beq	2f
	mtctr	r5
1:	ld	r7, 0(r6)		/* ESID | V | index */
	ld	r8, 8(r6)		/* VSID | flags */
	slbmte	r8, r7
	addi	r6, r6, 16
	bdnz	1b
2:	isync

	GUEST_ENTRY_MITIGATIONS

	ld	r5, VA_PC(r3)
	mtsrr0	r5
	ld	r5, VA_SHADOW_MSR(r3)
	mtsrr1	r5
	lwz	r5, VA_CR(r3)
	mtcr	r5
	ld	r5, VA_LR(r3)
	mtlr	r5
	ld	r5, VA_CTR(r3)
	mtctr	r5
	ld	r5, VA_XER(r3)
	mtxer	r5
	ld	r0, VA_GPR + 0 * 8(r3)
	ld	r1, VA_GPR + 1 * 8(r3)
	ld	r2, VA_GPR + 2 * 8(r3)
	ld	r4, VA_GPR + 4 * 8(r3)
	ld	r5, VA_GPR + 5 * 8(r3)
	ld	r6, VA_GPR + 6 * 8(r3)
	ld	r7, VA_GPR + 7 * 8(r3)
	ld	r8, VA_GPR + 8 * 8(r3)
	ld	r9, VA_GPR + 9 * 8(r3)
	ld	r10, VA_GPR + 10 * 8(r3)
	ld	r11, VA_GPR + 11 * 8(r3)
	ld	r12, VA_GPR + 12 * 8(r3)
	ld	r13, VA_GPR + 13 * 8(r3)
	ld	r14, VA_GPR + 14 * 8(r3)
	ld	r15, VA_GPR + 15 * 8(r3)
	ld	r16, VA_GPR + 16 * 8(r3)
	ld	r17, VA_GPR + 17 * 8(r3)
	ld	r18, VA_GPR + 18 * 8(r3)
	ld	r19, VA_GPR + 19 * 8(r3)
	ld	r20, VA_GPR + 20 * 8(r3)
	ld	r21, VA_GPR + 21 * 8(r3)
	ld	r22, VA_GPR + 22 * 8(r3)
	ld	r23, VA_GPR + 23 * 8(r3)
	ld	r24, VA_GPR + 24 * 8(r3)
	ld	r25, VA_GPR + 25 * 8(r3)
	ld	r26, VA_GPR + 26 * 8(r3)
	ld	r27, VA_GPR + 27 * 8(r3)
	ld	r28, VA_GPR + 28 * 8(r3)
	ld	r29, VA_GPR + 29 * 8(r3)
	ld	r30, VA_GPR + 30 * 8(r3)
	ld	r31, VA_GPR + 31 * 8(r3)
	ld	r3, VA_GPR + 3 * 8(r3)
	rfid
	b	.			/* no speculation past rfid */
