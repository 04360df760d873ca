/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmio: loads and stores of 1, 2, 4 and 8 bytes, plain, byte-reversed,
 * sign-extending and with update, to b3pr-run's MMIO devices (every one
 * an exit to userspace): PATTERN (0xF0000010) holds the bytes 01 02 03
 * 04 05 06 07 08 at increasing addresses, SCRATCH (0xF0000018) keeps what
 * is stored. Power ISA v2.07B Book I: 1.10 byte ordering (in
 * little-endian mode the lowest address holds the least significant
 * byte), 3.3.2-3.3.4 loads (lha, lwa sign-extend; lbzu updates RA),
 * 3.3.5-3.3.6 stores, 3.3.7 byte-reverse loads/stores (the opposite
 * order of the mode's own).
 *
 * r3  = lbz PATTERN+0 = 0x01, r23 = lbz PATTERN+7 = 0x08
 * r4  = lhz +2: bytes 03 04     LE 0x0403              BE 0x0304
 * r5  = lwz +4: 05 06 07 08     LE 0x08070605          BE 0x05060708
 * r6  = ld +0                   LE 0x0807060504030201  BE 0x0102030405060708
 * r7  = lhbrx +2                LE 0x0304              BE 0x0403
 * r8  = lwbrx +4                LE 0x05060708          BE 0x08070605
 * r9  = ldbrx +0                LE 0x0102030405060708  BE 0x0807060504030201
 * SCRATCH: std 0x1122334455667788, then byte 0 (r11) and byte 7 (r12):
 *                               LE 0x88, 0x11          BE 0x11, 0x88
 * stw 0xa1b2c3d4 at +0, byte 0 (r14): LE 0xd4          BE 0xa1
 * sth 0xe5f6 at +4, byte 4 (r15):     LE 0xf6          BE 0xe5
 * stb 0x99 at +7, then ld +0 (r16):
 *   LE bytes d4 c3 b2 a1 f6 e5 22 99 -> 0x9922e5f6a1b2c3d4
 *   BE bytes a1 b2 c3 d4 e5 f6 77 99 -> 0xa1b2c3d4e5f67799
 * lha +4 (r17): 0xe5f6 either way -> 0xffffffffffffe5f6
 * lwa +0 (r18): 0xa1b2c3d4 either way -> 0xffffffffa1b2c3d4
 * stwbrx 0xa1b2c3d4 at +0, byte 0 (r19): LE 0xa1       BE 0xd4
 * stdbrx 0x1122334455667788 at +0, byte 0 (r20): LE 0x11  BE 0x88
 * lbzu r21, 1(r22) with r22 = PATTERN: r21 = 0x02, r22 = 0xf0000011
 */
# expect: r3=0x0000000000000001 r23=0x0000000000000008
# expect: r17=0xffffffffffffe5f6 r18=0xffffffffa1b2c3d4
# expect: r21=0x0000000000000002 r22=0x00000000f0000011
# expect-le: r4=0x0000000000000403 r5=0x0000000008070605 r6=0x0807060504030201
# expect-le: r7=0x0000000000000304 r8=0x0000000005060708 r9=0x0102030405060708
# expect-le: r11=0x0000000000000088 r12=0x0000000000000011 r14=0x00000000000000d4
# expect-le: r15=0x00000000000000f6 r16=0x9922e5f6a1b2c3d4
# expect-le: r19=0x00000000000000a1 r20=0x0000000000000011
# expect-be: r4=0x0000000000000304 r5=0x0000000005060708 r6=0x0102030405060708
# expect-be: r7=0x0000000000000403 r8=0x0000000008070605 r9=0x0807060504030201
# expect-be: r11=0x0000000000000011 r12=0x0000000000000088 r14=0x00000000000000a1
# expect-be: r15=0x00000000000000e5 r16=0xa1b2c3d4e5f67799
# expect-be: r19=0x00000000000000d4 r20=0x0000000000000088
# expect-exit: 0
#include "guest.h"

	GUEST_START
	ra32	r24, PATTERN
	ra32	r25, SCRATCH
	lbz	r3, 0(r24)
	lbz	r23, 7(r24)
	lhz	r4, 2(r24)
	lwz	r5, 4(r24)
	ld	r6, 0(r24)
	li	r10, 2
	lhbrx	r7, r24, r10
	li	r10, 4
	lwbrx	r8, r24, r10
	ldbrx	r9, 0, r24

	li64	r10, 0x1122334455667788
	std	r10, 0(r25)
	lbz	r11, 0(r25)
	lbz	r12, 7(r25)
	ra32	r13, 0xa1b2c3d4
	stw	r13, 0(r25)
	lbz	r14, 0(r25)
	li	r20, 0
	ori	r20, r20, 0xe5f6
	sth	r20, 4(r25)
	lbz	r15, 4(r25)
	li	r20, 0x99
	stb	r20, 7(r25)
	ld	r16, 0(r25)
	lha	r17, 4(r25)
	lwa	r18, 0(r25)
	stwbrx	r13, 0, r25
	lbz	r19, 0(r25)
	stdbrx	r10, 0, r25
	lbz	r20, 0(r25)

	mr	r22, r24
	lbzu	r21, 1(r22)
	li	r10, 0
	li	r13, 0
	li	r24, 0
	li	r25, 0
	exit_imm 0
