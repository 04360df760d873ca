/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fscr-priv: FSCR governs problem state only. Power ISA v2.07B Book
 * III-S 4.4.11 (FSCR): "controls the availability of various facilities
 * in problem state"; privileged state has them whatever FSCR says (its
 * control is HFSCR, the hypervisor's). With FSCR at its reset value 0 the
 * guest's supervisor writes and reads TAR (815), DSCR through SPR 3 and
 * EBBHR (804) without a Facility Unavailable interrupt (0xf60, counted in
 * r6 by a handler that skips the instruction).
 * r3 = TAR, r4 = DSCR, r5 = EBBHR, r6 = 0xf60 interrupts (0).
 */
# expect: r3=0x0000000000abc000 r4=0x0000000000000003 r5=0x0000000000def000
# expect: r6=0x0000000000000000 srr0=0x0000000000000000 srr1=0x0000000000000000
# expect-exit: 0
# kvm-pr-diverges: r3,r4,r5,r6,srr0,srr1: Facility Unavailable (0xf60) for TAR, DSCR and EBB in the guest's supervisor state while its FSCR has them off; ISA v2.07B Book III-S 4.4.11 FSCR
#include "guest.h"

	CLAIM(f60)

	GUEST_START
	li	r6, 0
	li	r3, 0
	li	r4, 0
	li	r5, 0
	li	r20, 0
	mtspr	153, r20		/* FSCR = 0 */
	ra32	r20, 0xabc000
	mtspr	815, r20
	li	r20, 3
	mtspr	3, r20
	ra32	r20, 0xdef000
	mtspr	804, r20
	li	r20, 0
	mfspr	r3, 815
	mfspr	r4, 3
	mfspr	r5, 804
	exit_imm 0

handler_f60:
	addi	r6, r6, 1
	mfsrr0	r23
	addi	r23, r23, 4
	mtsrr0	r23
	li	r23, 0
	rfid
