/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-tlbie: changing a valid HPTE's RPN with the ISA's sequence, while
 * translated; the next access uses the new page at once. Power ISA
 * v2.07B Book III-S 5.10.1.2 (deleting a PTE: V=0; ptesync; tlbie;
 * eieio; tlbsync; ptesync; then adding one: doubleword 1, eieio,
 * doubleword 0 with V=1, ptesync), 5.9.3.3 tlbie (L=0, 4 KB page: RB =
 * VA[14:65] in RB 0:51, B in RB 54:55 = 0b00 (256 MB); RS = LPID 0),
 * 6.5.3 DSI (no HPTE: DSISR 0x40000000).
 *
 * The HTAB (0x40000-0x7ffff) is identity mapped too, so the sequence
 * runs translated. Segment 1 (EA 0x10000000, VSID 0x1234); X = EA
 * 0x10001000 -> RA 0x321000 (0x1111 at +8); RA 0x322000 holds 0x2222
 * at +8. RB = VSID << 28 | (X & 0x0ffff000) = 0x0000012340001000.
 * Translated:
 *   r3 = ld X+8 = 0x1111 (the translation is now in use)
 *   delete the HPTE: r4 = ld X+8 takes a DSI: r5 = DSISR 0x40000000,
 *   r6 = DAR X+8 (r4 stays -1)
 *   add it back with RPN 0x322000: r7 = ld X+8 = 0x2222;
 *   std 0x7777 to X+0x10
 * Real mode: r8 = RA 0x322010 = 0x7777, r9 = RA 0x321010 = 0 (the old
 * page was not written), r19 = 1 DSI.
 */
# run-args-be: --msr 0x9000000000001000
# run-args-le: --msr 0x9000000000001001
# expect: r3=0x0000000000001111 r4=0xffffffffffffffff r5=0x0000000040000000
# expect: r6=0x0000000010001008 r7=0x0000000000002222 r8=0x0000000000007777
# expect: r9=0x0000000000000000 r19=0x0000000000000001
# expect-exit: 0
#include "guest.h"
#include "mmu64.inc"

#define VSID_D	0x1234
#define X	0x10001000

	CLAIM(300)

	GUEST_START
	poke	0x321008, 0x1111
	poke	0x322008, 0x2222
	li	r19, 0
	mmu64_setup
	ra32	r29, HTAB_BASE
1:	li	r20, VSID_CODE
	mr	r21, r29
	ori	r22, r29, PTE_M | PP_RW
	li	r23, SHAPE_4K
	bl	hpte_insert
	addi	r29, r29, 0x1000
	ra32	r26, HTAB_BASE + (0x40000 << HTAB_SIZE)
	cmpld	cr7, r29, r26
	blt	cr7, 1b
	slb_256m 2, 0x10000000, VSID_D
	hpte_map VSID_D, X, 0x321000 | PTE_M | PP_RW
	mr	r29, r20		/* the HPTE's address */
	rfid_to on, MSR_KT

on:	ra32	r20, X + 8
	ld	r3, 0(r20)
	/* delete */
	ld_be	r21, r29
	rldicr	r21, r21, 0, 62		/* V = 0 */
	std_be	r21, r29
	ptesync
	li64	r22, (VSID_D << 28) | (X & 0x0ffff000)
	li	r0, 0
	tlbie	r22, r0
	eieio
	tlbsync
	ptesync
	li	r4, -1
	ld	r4, 0(r20)		/* DSI */
	/* add, with the new RPN */
	li64	r22, 0x322000 | PTE_M | PP_RW
	addi	r23, r29, 8
	std_be	r22, r23
	eieio
	ori	r21, r21, 1		/* V = 1 */
	std_be	r21, r29
	ptesync
	ld	r7, 0(r20)
	li	r21, 0x7777
	std	r21, 8(r20)

	real_mode
	ra32	r20, 0x322010
	ld	r8, 0(r20)
	ra32	r20, 0x321010
	ld	r9, 0(r20)
	li	r20, 0
	li	r21, 0
	li	r22, 0
	li	r23, 0
	li	r29, 0
	exit_imm 0

handler_300:
	mfdsisr	r5
	mfdar	r6
	addi	r19, r19, 1
	mfsrr0	r24
	addi	r24, r24, 4
	mtsrr0	r24
	rfid

	mmu64_routines
