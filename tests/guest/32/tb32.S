/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tb32: a 750 (PVR 0x00080200) in supervisor state writes its time base
 * and reads it back. PEM 2.2 Time Base and 8.2 mtspr/mftb, 750 User's
 * Manual: TB is one 64-bit counter (TBU bits 0:31, TBL 32:63) that
 * carries out of TBL into TBU; mttbl (SPR 284) writes TBL only, mttbu
 * (285) TBU only; DEC counts down on its own.
 *  r10 = 1: after mttbl 0; mttbu 0x1234; mttbl 0x100, mftbu reads 0x1234
 *  r11 = 1: ... and mftb reads 0x100 + (ticks since), below 0x100 + 2^28
 *  r12 = 1: mttbl 0xfff00000 keeps TBU: mftbu still reads 0x1234
 *  r13 = 1: once TBL wrapped (2^20 ticks later), TBU is 0x1235
 *  r14 = 1: mttbu 0x77 keeps counting from TBL: mftbu reads 0x77
 *  r15 = 1: DEC went down by less than 2^20 across the three TB writes
 * A host limitation, not the ISA: the guest's mftb executes natively in
 * problem state, where it reads the host's time base and cannot trap,
 * so a VMM cannot show it a written TB; b3pr keeps the guest's TB equal
 * to the host's and ignores the write, and so does kvm-pr (r10-r14 0).
 */
# expect: r10=0x0000000000000001 r11=0x0000000000000001 r12=0x0000000000000001
# expect: r13=0x0000000000000001 r14=0x0000000000000001 r15=0x0000000000000001
# expect-exit: 0
# run-args: --pvr 0x00080200 --msr 0x1000
# host-limited: r10 r11 r12 r13 r14: mftb runs natively in problem state and reads the host time base, which no VMM can offset there: TB writes are ignored (tests/guest/KNOWN-DIVERGENCES.md), PEM 2.2
#include "guest.h"

#define SPRN_TBWL	284
#define SPRN_TBWU	285

	/*
	 * The 750 reads TB with mftb (31/371) only, mfspr 268 is invalid
	 * there (750 User's Manual), and gas assembles mftb as mfspr: encode it.
	 * TBR 268 = 0b01000_01100, halves swapped into bits 11:20.
	 */
	.macro	mftb750 rt
	.long	0x7c0c42e6 | (\rt << 21)
	.endm
	.macro	mftbu750 rt
	.long	0x7c0d42e6 | (\rt << 21)
	.endm

	.macro	read_tb hi, lo, tmp	/* PEM 2.2: TBU, TBL, TBU again */
99:	mftbu750 \hi
	mftb750	\lo
	mftbu750 \tmp
	cmpw	cr0, \hi, \tmp
	bne	99b
	.endm

	.macro	flag r, cond, a, b	/* r = (a cond b) */
	li	\r, 1
	cmplw	cr0, \a, \b
	b\cond	98f
	li	\r, 0
98:
	.endm

	GUEST_START
	lis	r3, 0x7fff
	ori	r3, r3, 0xffff
	mtdec	r3
	mfdec	r16
	li	r3, 0
	mtspr	SPRN_TBWL, r3
	li	r3, 0x1234
	mtspr	SPRN_TBWU, r3
	li	r3, 0x100
	mtspr	SPRN_TBWL, r3
	mfdec	r17
	read_tb	5, 6, 7
	li	r3, 0x1234
	flag	r10, eq, r5, r3
	addi	r8, r6, -0x100
	lis	r3, 0x1000
	flag	r11, lt, r8, r3

	lis	r3, 0xfff0
	mtspr	SPRN_TBWL, r3
	mftbu750 5
	li	r3, 0x1234
	flag	r12, eq, r5, r3
	/* wait for TBL to wrap: bounded by 2^24 reads */
	lis	r3, 0x100
	mtctr	r3
	lis	r4, 0x8000
1:	mftb750	6
	cmplw	cr0, r6, r4
	bdnzf	lt, 1b
	read_tb	5, 6, 7
	li	r3, 0x1235
	flag	r13, eq, r5, r3

	li	r3, 0x77
	mtspr	SPRN_TBWU, r3
	mftbu750 5
	flag	r14, eq, r5, r3

	subf	r5, r17, r16
	lis	r3, 0x10
	flag	r15, lt, r5, r3

	li	r3, 0
	li	r4, 0
	li	r5, 0
	li	r6, 0
	li	r7, 0
	li	r8, 0
	li	r16, 0
	li	r17, 0
	mtctr	r3			/* the wait's count depends on the TB */
	exit_imm 0
