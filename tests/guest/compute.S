/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compute: real-mode fixed-point work that needs no hypervisor at all
 * (no exit between the first instruction and the exit store), plus
 * b3pr-run's --set. Power ISA v2.07B Book I:
 *  - 2.4 bc/bdnz with CTR; 2.4 bl sets LR to the address after it
 *  - 3.3.9 add, addic (sets XER[CA]), adde (adds CA), mulld, divdu
 *  - 3.3.10 cmpdi/cmpld: CR field = LT GT EQ SO, SO from XER[SO] (0)
 *  - 3.3.13/3.3.14 extsb, cntlzd, popcntd, rldicl (rotate left)
 *  - 1.10 byte ordering: lwz of the word at the address of a stored
 *    doubleword reads its low half in little-endian, its high half in
 *    big-endian mode
 *
 * r3  = sum of CTR values 100..1 = 5050 = 0x13ba; the last mfctr saw 1 (r6)
 * r4  = 0x123456789 * 0x10 = 0x1234567890, r5 = r4 / 0x10 = 0x123456789
 * r9  = rotl64(0x0000000123456789, 36) = 0x3456789000000012
 * r11 = -1 + 1 = 0 (CA=1), r12 = 0 + 0 + CA = 1 (CA=0), r13 = -1 + 2 = 1 (CA=1)
 *     so XER ends with only CA (bit 34): 0x20000000
 * r14 = LR = 0x2804: the bl at 0x2800 links to the next word
 * r15 = extsb(0x80) = 0xffffffffffffff80
 * r17 = cntlzd(0x123456789) = 31, r18 = popcntd = 15 = 0xf
 * r19 = the first word of the stored r7: LE 0x23456789, BE 0x00000001
 * r22 = r20 + r21 = 0x1122334455667788 + 5 = 0x112233445566778d
 * CR: cr0 EQ (r3 = 5050), cr1 GT (r4 > 0), cr2 LT (r10 = -1 < 0),
 *     cr3 GT (0xfff...f > 5050 unsigned), cr4-7 cleared first: 0x24840000
 */
# run-args: --set r20=0x1122334455667788 --set r21=5
# expect: r3=0x00000000000013ba r6=0x0000000000000001
# expect: r4=0x0000001234567890 r5=0x0000000123456789 r9=0x3456789000000012
# expect: r11=0x0000000000000000 r12=0x0000000000000001 r13=0x0000000000000001
# expect: xer=0x0000000020000000 r14=0x0000000000002804 lr=0x0000000000002804
# expect: r15=0xffffffffffffff80 r17=0x000000000000001f r18=0x000000000000000f
# expect: r20=0x1122334455667788 r21=0x0000000000000005 r22=0x112233445566778d
# expect: cr=0x0000000024840000 ctr=0x0000000000000000
# expect-le: r19=0x0000000023456789
# expect-be: r19=0x0000000000000001
# expect-exit: 0
#include "guest.h"

	GUEST_START
	li	r3, 0
	li	r5, 100
	mtctr	r5
1:	mfctr	r6
	add	r3, r3, r6
	bdnz	1b

	li64	r7, 0x123456789
	li	r8, 0x10
	mulld	r4, r7, r8
	divdu	r5, r4, r8
	rldicl	r9, r7, 36, 0

	li	r10, -1
	addic	r11, r10, 1
	adde	r12, r0, r0
	addic	r13, r10, 2

	li	r16, 0x80
	extsb	r15, r16
	cntlzd	r17, r7
	popcntd	r18, r7

	ra32	r23, buffer
	std	r7, 0(r23)
	lwz	r19, 0(r23)

	add	r22, r20, r21

	mtcrf	0xff, r0
	cmpdi	cr0, r3, 5050
	cmpdi	cr1, r4, 0
	cmpdi	cr2, r10, 0
	cmpld	cr3, r10, r3
	b	at_2800

	.org	0x2800
at_2800:
	bl	sub
	exit_imm 0

	.org	0x2900
sub:	mflr	r14
	blr

	.data
	.balign	8
buffer:	.quad	0
