/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mftb: the time base only goes forward. Power ISA v2.07B Book II 5.2
 * (Time Base): a 64-bit counter incremented at a constant frequency;
 * mftb (mfspr 268) reads all 64 bits in 64-bit mode. 1,000 reads: each
 * is >= the one before (r10 counts the reads that went backwards: 0),
 * and the last is > the first (r11 = 1). TBU (mfspr 269) reads bits
 * 0:31, so TBU of a later read >= the first read's high half (r12 = 1).
 * The raw time base values (r3-r6) differ from run to run.
 */
# expect: r10=0x0000000000000000 r11=0x0000000000000001 r12=0x0000000000000001
# volatile: r3 r4 r5 r6
# expect-exit: 0
#include "guest.h"

	GUEST_START
	mftb	r3
	mr	r4, r3
	li	r10, 0
	li	r20, 1000
	mtctr	r20
1:	mfspr	r5, SPRN_TBL
	cmpld	cr0, r5, r4
	bge	2f
	addi	r10, r10, 1
2:	mr	r4, r5
	bdnz	1b
	li	r11, 0
	cmpld	cr0, r4, r3
	ble	3f
	li	r11, 1
3:	mfspr	r6, SPRN_TBU
	srdi	r20, r3, 32
	li	r12, 0
	cmpld	cr0, r6, r20
	blt	4f
	li	r12, 1
4:	li	r20, 0
	exit_imm 0
