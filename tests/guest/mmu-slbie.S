/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-slbie: after slbie of a segment, the next access to it takes the
 * data segment interrupt, and the other segments still translate.
 * Power ISA v2.07B Book III-S 5.9.3.2 slbie (RB = ESID (0:35) || C (36)
 * || B (37:38): invalidates the SLB entry of that segment; context
 * synchronizing with isync after it, 5.10.3), 6.5.4 Data Segment
 * interrupt (vector 0x380, DAR = the EA).
 *
 * Segments 1 (EA 0x10000000, VSID 0x1234, SLB index 2) and 2 (EA
 * 0x20000000, VSID 0x2345, index 3); HPTEs EA 0x10001000 -> RA 0x321000
 * (0x1111 at +8) and EA 0x20001000 -> RA 0x322000 (0x2222 at +8).
 * Translated:
 *   r3 = ld EA 0x10001008 = 0x1111, r4 = ld EA 0x20001008 = 0x2222
 *   slbie 0x10000000; isync
 *   r5 = ld EA 0x10001008: data segment interrupt, r5 stays -1,
 *   r6 = DAR = 0x10001008, r7 = SRR0 = that ld (0x2c00)
 *   r8 = ld EA 0x20001008 = 0x2222 (segment 2 untouched)
 *   slbmte segment 1 again: r9 = ld EA 0x10001008 = 0x1111
 * r19 = 1 segment interrupt.
 */
# run-args-be: --msr 0x9000000000001000
# run-args-le: --msr 0x9000000000001001
# expect: r3=0x0000000000001111 r4=0x0000000000002222 r5=0xffffffffffffffff
# expect: r6=0x0000000010001008 r7=0x0000000000002c00 r8=0x0000000000002222
# expect: r9=0x0000000000001111 r19=0x0000000000000001
# expect-exit: 0
#include "guest.h"
#include "mmu64.inc"

#define VSID_D	0x1234
#define VSID_E	0x2345

	CLAIM(380)

	GUEST_START
	poke	0x321008, 0x1111
	poke	0x322008, 0x2222
	li	r19, 0
	mmu64_setup
	slb_256m 2, 0x10000000, VSID_D
	slb_256m 3, 0x20000000, VSID_E
	hpte_map VSID_D, 0x10001000, 0x321000 | PTE_M | PP_RW
	hpte_map VSID_E, 0x20001000, 0x322000 | PTE_M | PP_RW
	rfid_to on, MSR_KT

on:	ra32	r20, 0x10001008
	ra32	r21, 0x20001008
	ld	r3, 0(r20)
	ld	r4, 0(r21)
	ra32	r22, 0x10000000
	slbie	r22
	isync
	li	r5, -1
	b	at_2c00

	.org	0x2c00
at_2c00:
	ld	r5, 0(r20)
	ld	r8, 0(r21)
	slb_256m 2, 0x10000000, VSID_D
	isync
	ld	r9, 0(r20)
	real_mode
	li	r20, 0
	li	r21, 0
	li	r22, 0
	exit_imm 0

handler_380:
	mfdar	r6
	mfsrr0	r7
	addi	r19, r19, 1
	addi	r23, r7, 4
	mtsrr0	r23
	rfid

	mmu64_routines
