/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fpu-unavail: FP, VMX and VSX instructions with the facility off in the
 * guest's MSR interrupt into the guest, also after the guest had used the
 * facility and turned it off again. Power ISA v2.07B Book III-S:
 *  - 6.5.10 FP Unavailable (0x800), 6.5.15 Vector Unavailable (0xf20),
 *    6.5.16 VSX Unavailable (0xf40): SRR0 = the instruction's address,
 *    SRR1 33:36 and 42:47 = 0, the rest the MSR (so FP/VEC/VSX are 0)
 *  - 4.2.1: with MSR[FP]=0 no floating-point instruction can execute,
 *    whatever was loaded before
 * Each handler counts, checks SRR0 (r6 stays 1 while each SRR0 is the
 * trapping instruction) and that SRR1 has the facility off (r12 stays 1),
 * then turns the facility on in SRR1 and returns to retry.
 * r3 = FP interrupts (2: fadd, then fmr after mtmsrd FP=0), r4 = VMX (1),
 * r5 = VSX (1), r7 = 1.0 + 2.0 = 3.0, r8 = vspltisw 7 word = 7,
 * r9 = VSR 33 (= VR 1) doubleword 0 = its xxlor copy of VSR 1 = 1.0.
 */
# expect: r3=0x0000000000000002 r4=0x0000000000000001 r5=0x0000000000000001
# expect: r6=0x0000000000000001 r7=0x4008000000000000 r8=0x0000000700000007
# expect: r9=0x3ff0000000000000 r12=0x0000000000000001
# expect-exit: 0
#include "guest.h"

	.machine power8
#define MSR_VEC		0x2000000
#define MSR_VSX		0x800000

	CLAIM(800)
	CLAIM(f20)
	CLAIM(f40)

	/* r29 = where the interrupt must point, r30 = the MSR bit */
	.macro	unavail counter, bit
	addi	\counter, \counter, 1
	mfsrr0	r23
	cmpd	r23, r29
	beq	1f
	li	r6, 0
1:	mfsrr1	r23
	ra32	r24, \bit
	and.	r25, r23, r24
	beq	2f
	li	r12, 0
2:	or	r23, r23, r24
	mtsrr1	r23
	rfid
	.endm

	GUEST_START
	li	r3, 0
	li	r4, 0
	li	r5, 0
	li	r6, 1
	li	r12, 1
	ra32	r20, consts

	ra32	r29, fp1
fp1:	lfd	f1, 0(r20)		/* MSR[FP]=0: 0x800, then again */
	lfd	f2, 8(r20)
	fadd	f3, f1, f2
	stfd	f3, 16(r20)
	ld	r7, 16(r20)

	ra32	r29, vmx1
vmx1:	vspltisw v1, 7			/* MSR[VEC]=0: 0xf20 */
	stvx	v1, 0, r20
	ld	r8, 0(r20)

	ra32	r29, vsx1
vsx1:	xxlor	vs33, vs1, vs1		/* MSR[VSX]=0: 0xf40 */
	stxvd2x	vs33, 0, r20
	ld	r9, 0(r20)

	/* FP off again: the loaded registers are out of reach. */
	mfmsr	r21
	ra32	r22, MSR_FP
	andc	r21, r21, r22
	mtmsrd	r21
	ra32	r29, fp2
fp2:	fmr	f4, f3
	li	r20, 0
	li	r21, 0
	li	r22, 0
	li	r23, 0
	li	r24, 0
	li	r25, 0
	li	r29, 0
	exit_imm 0

handler_800:
	unavail	r3, MSR_FP
handler_f20:
	unavail	r4, MSR_VEC
handler_f40:
	unavail	r5, MSR_VSX

	.balign	16
consts:
	.quad	0x3ff0000000000000, 0x4000000000000000	/* 1.0, 2.0 */
	.quad	0, 0
	.quad	0, 0
