/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fpu-exc: an enabled floating-point exception interrupts the guest
 * itself. Power ISA v2.07B:
 *  - Book I 4.4: MSR[FE0]=MSR[FE1]=1 is the precise mode; with
 *    FPSCR[ZE]=1 (bit 59, mtfsb1 27) a divide by zero is an enabled
 *    exception: the target FPR is not changed, FPSCR gets FX (32), FEX
 *    (33), ZX (37), FPRF stays, so FPSCR = 0xc4000010 (ZE included)
 *  - Book III-S 6.5.9 Program interrupt: SRR0 = the fdiv's address,
 *    SRR1[43] = 1 (floating-point enabled exception, 0x100000)
 * The handler counts (r3), keeps SRR1[43] (r4), r6 = 1 when SRR0 was
 * the fdiv, and returns after it. r5 = f3, still 1.0; r7 = FPSCR. The
 * final MSR: SF|FP|ME|FE0|FE1 (+LE), rfid restoring all but SRR1's
 * interrupt bits (Book III-S 3.3.1).
 */
# expect: r3=0x0000000000000001 r4=0x0000000000100000 r5=0x3ff0000000000000
# expect: r6=0x0000000000000001 r7=0x00000000c4000010
# expect-le: msr=0x8000000000003901
# expect-be: msr=0x8000000000003900
# expect-exit: 0
# kvm-pr-diverges: msr: after the handler's rfid MSR keeps SRR1[43], the program interrupt's cause (rfid copies SRR1 whole), ISA v2.07B Book III-S 3.3.1 rfid
#include "guest.h"

#define MSR_FE0		0x800
#define MSR_FE1		0x100

	CLAIM(700)

	GUEST_START
	li	r3, 0
	li	r6, 0
	mfmsr	r20
	ori	r20, r20, MSR_FP | MSR_FE0 | MSR_FE1
	mtmsrd	r20
	mtfsb1	27			/* ZE */
	ra32	r20, consts
	lfd	f1, 0(r20)
	lfd	f2, 8(r20)
	fmr	f3, f1
	ra32	r29, div
div:	fdiv	f3, f1, f2
	stfd	f3, 16(r20)
	ld	r5, 16(r20)
	mffs	f4
	stfd	f4, 16(r20)
	ld	r7, 16(r20)
	li	r20, 0
	li	r23, 0
	li	r24, 0
	li	r29, 0
	exit_imm 0

handler_700:
	addi	r3, r3, 1
	mfsrr0	r23
	cmpd	r23, r29
	bne	1f
	li	r6, 1
1:	mfsrr1	r24
	andis.	r4, r24, 0x10		/* SRR1[43] */
	addi	r23, r23, 4
	mtsrr0	r23
	rfid

	.balign	8
consts:
	.quad	0x3ff0000000000000, 0	/* 1.0, 0.0 */
	.quad	0
