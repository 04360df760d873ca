/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fpu: FP, VSX and VMX registers and their status registers keep the
 * guest's values across exits to the VMM (each console byte is an MMIO
 * exit) and across whatever the host does meanwhile (a 20000-exit loop;
 * the scenario runs an FP/VMX-using process beside it). Power ISA v2.07B:
 *  - Book I 4.6: fmul 1.5 * 3.0 = 4.5 (0x4012000000000000) and
 *    fdiv 1.5 / 0 = +inf (0x7ff0000000000000), both exact
 *  - Book I 4.2.2 FPSCR after mtfsfi RN=01 (round toward zero) and the
 *    divide by zero with ZE=0: FX (bit 32) | ZX (37) | FPRF (47:51) =
 *    00101 (+infinity) | RN = 0x84005001; mffs returns it in bits 32:63
 *  - Book I 7.2.1.1: FPR n is doubleword 0 of VSR n; lxvd2x/stxvd2x move
 *    doubleword 0 at EA and doubleword 1 at EA+8 in either byte order
 *  - Book I 6.3, 6.8: vspltisw 5 + vspltisw -2 (vadduwm) = 3 in every
 *    word; VSCR (mtvscr takes bits 96:127) = NJ|SAT = 0x00010001
 *  - VRSAVE (SPR 256, Book I 6.3.3) is a 32-bit problem-state register
 * Results: r3 = f3, r4 = f4, r5 = FPSCR, r6/r7 = VSR 10's doublewords,
 * r8 = FPR 10 = VSR 10's doubleword 0, r9/r10 = VR 4's doublewords,
 * r11 = VSCR, r12 = VRSAVE, r13/r14 = VR 7's doublewords (loaded from
 * memory), r15/r16 = VSR 40 (= VR 8) written with xxlor from VSR 10.
 */
# expect: r3=0x4012000000000000 r4=0x7ff0000000000000 r5=0x0000000084005001
# expect: r6=0x0123456789abcdef r7=0xfedcba9876543210 r8=0x0123456789abcdef
# expect: r9=0x0000000300000003 r10=0x0000000300000003 r11=0x0000000000010001
# expect: r12=0x00000000a5a5a5a5 r13=0x1111222233334444 r14=0x5555666677778888
# expect: r15=0x0123456789abcdef r16=0xfedcba9876543210
# expect-console: fp: registers loaded
# expect-console: fp: after exits
# expect-exit: 0
#include "guest.h"

	.machine power8
#define MSR_VEC		0x2000000
#define MSR_VSX		0x800000

	GUEST_START
	mfmsr	r20
	ra32	r21, MSR_FP | MSR_VEC | MSR_VSX
	or	r20, r20, r21
	mtmsrd	r20

	ra32	r20, consts
	lfd	f1, 0(r20)		/* 1.5 */
	lfd	f2, 8(r20)		/* 3.0 */
	lfd	f5, 16(r20)		/* 0.0 */
	mtfsfi	7, 1			/* RN = round toward zero */
	fmul	f3, f1, f2
	fdiv	f4, f1, f5
	addi	r21, r20, 32
	lxvd2x	vs10, 0, r21
	vspltisw v2, 5
	vspltisw v3, -2
	vadduwm	v4, v2, v3
	addi	r21, r20, 48
	lvx	v5, 0, r21
	mtvscr	v5
	addi	r21, r20, 64
	lvx	v7, 0, r21
	xxlor	vs40, vs10, vs10
	ra32	r21, 0xa5a5a5a5
	mtspr	256, r21
	li	r21, 0

	println	"fp: registers loaded"
	li	r22, 20000
	mtctr	r22
	ra32	r23, SCRATCH
1:	std	r22, 0(r23)
	bdnz	1b
	println	"fp: after exits"

	ra32	r20, out
	stfd	f3, 0(r20)
	ld	r3, 0(r20)
	stfd	f4, 0(r20)
	ld	r4, 0(r20)
	mffs	f6
	stfd	f6, 0(r20)
	ld	r5, 0(r20)
	stxvd2x	vs10, 0, r20
	ld	r6, 0(r20)
	ld	r7, 8(r20)
	stfd	f10, 0(r20)
	ld	r8, 0(r20)
	stvx	v4, 0, r20
	ld	r9, 0(r20)
	ld	r10, 8(r20)
	mfvscr	v6
	stvx	v6, 0, r20
	ld	r11, IF_LE(0, 8)(r20)
	mfspr	r12, 256
	stvx	v7, 0, r20
	ld	r13, 0(r20)
	ld	r14, 8(r20)
	stxvd2x	vs40, 0, r20
	ld	r15, 0(r20)
	ld	r16, 8(r20)
	li	r20, 0
	li	r21, 0
	li	r22, 0
	li	r23, 0
	exit_imm 0

	.balign	16
consts:
	.quad	0x3ff8000000000000, 0x4008000000000000	/* 1.5, 3.0 */
	.quad	0, 0					/* 0.0 */
	.quad	0x0123456789abcdef, 0xfedcba9876543210	/* VSR 10 */
	.long	0x00010001, 0x00010001, 0x00010001, 0x00010001
	.quad	0x1111222233334444, 0x5555666677778888	/* VR 7 */
	.balign	16
out:
	.quad	0, 0
