/* SPDX-License-Identifier: GPL-2.0 */
/*
 * priv-spr: mtspr/mfspr round trips of the privileged SPRs a supervisor
 * uses around interrupts, each a trap to the hypervisor. Power ISA v2.07B
 * Book III-S:
 *  - 4.4.3 mtspr/mfspr: SPRG0-3 (272-275), SRR0 (26), SRR1 (27) and DAR
 *    (19) are 64-bit; DSISR (18) is a 32-bit register, so mfspr returns
 *    its value in bits 32:63 of RT and zeros in bits 0:31
 *  - 7.3 Decrementer: it counts down at the time base frequency from
 *    the value mtdec wrote; r12 = 1 when 0 <= 0x7fffffff - DEC < 2^24
 *    (it was read back within 2^24 ticks and had not passed 0)
 * The final SPRG0-3, SRR0/1, DAR and DSISR are also in the dump.
 */
# expect: r3=0x0123456789abcdef r4=0xfedcba9876543210 r5=0x1111111111111111
# expect: r6=0x8000000000000001 r7=0x0000000000002468 r8=0x800000000000d032
# expect: r9=0xdeadbeefcafef00d r10=0x00000000ffffffff r12=0x0000000000000001
# expect: sprg0=0x0123456789abcdef sprg1=0xfedcba9876543210
# expect: sprg2=0x1111111111111111 sprg3=0x8000000000000001
# expect: srr0=0x0000000000002468 srr1=0x800000000000d032
# expect: dar=0xdeadbeefcafef00d dsisr=0x00000000ffffffff
# expect-exit: 0
#include "guest.h"

	GUEST_START
	li64	r20, 0x0123456789abcdef
	li64	r21, 0xfedcba9876543210
	li64	r22, 0x1111111111111111
	li64	r23, 0x8000000000000001
	mtspr	SPRN_SPRG0, r20
	mtspr	SPRN_SPRG1, r21
	mtspr	SPRN_SPRG2, r22
	mtspr	SPRN_SPRG3, r23
	li	r24, 0x2468
	mtspr	SPRN_SRR0, r24
	li64	r24, 0x800000000000d032
	mtspr	SPRN_SRR1, r24
	li64	r24, 0xdeadbeefcafef00d
	mtspr	SPRN_DAR, r24
	li	r24, -1
	mtspr	SPRN_DSISR, r24
	li	r20, 0
	li	r21, 0
	li	r22, 0
	li	r23, 0
	li	r24, 0

	mfspr	r3, SPRN_SPRG0
	mfspr	r4, SPRN_SPRG1
	mfspr	r5, SPRN_SPRG2
	mfspr	r6, SPRN_SPRG3
	mfspr	r7, SPRN_SRR0
	mfspr	r8, SPRN_SRR1
	mfspr	r9, SPRN_DAR
	mfspr	r10, SPRN_DSISR

	ra32	r20, 0x7fffffff
	mtspr	SPRN_DEC, r20
	mfspr	r21, SPRN_DEC
	clrldi	r21, r21, 32
	subf	r22, r21, r20		/* ticks gone since the mtdec */
	li	r12, 0
	cmpdi	cr0, r22, 0
	blt	1f
	srdi.	r23, r22, 24
	bne	1f
	li	r12, 1
1:	li	r20, 0
	li	r21, 0
	li	r22, 0
	li	r23, 0
	exit_imm 0
