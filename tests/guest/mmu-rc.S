/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-rc: reference and change recording in the guest's HPTEs. Power
 * ISA v2.07B Book III-S 5.7.8: the R bit (doubleword 1 bit 55, 0x100)
 * is set by any access translated through the HPTE (load, store or
 * fetch), the C bit (bit 56, 0x80) by a store that is performed, so a
 * page only loaded from or fetched from keeps C=0, and a store that
 * the protection refused (6.5.3) does not set C.
 *
 * Segment 1 (EA 0x10000000, VSID 0x1234), HPTEs (4 KB, PTE_M, R=C=0):
 *   A EA 0x10001000 -> RA 0x321000 PP=10: loads only
 *   B EA 0x10002000 -> RA 0x322000 PP=10: one store only
 *   C EA 0x10003000 -> RA 0x323000 PP=10: never touched
 *   D EA 0x10004000 -> RA of rc_page (code): only executed
 *   E EA 0x10005000 -> RA 0x325000 PP=10: a load, then a store
 *   F EA 0x10006000 -> RA 0x326000 PP=11: a store only, refused (DSI)
 * Real mode reads each HPTE back (the big-endian doubleword 1):
 *   r3 = A & (R|C) = 0x100, r4 = B = 0x180, r5 = C = 0, r6 = D = 0x100,
 *   r7 = E = 0x180, r8 = F & C = 0;
 *   r9 = rc_page's mark 0x99, r10 = the loads' sum 0x2 (pages are 1s),
 *   r19 = 1 DSI (F).
 */
# run-args-be: --msr 0x9000000000001000
# run-args-le: --msr 0x9000000000001001
# expect: r3=0x0000000000000100 r4=0x0000000000000180 r5=0x0000000000000000
# expect: r6=0x0000000000000100 r7=0x0000000000000180 r8=0x0000000000000000
# expect: r9=0x0000000000000099 r10=0x0000000000000002 r19=0x0000000000000001
# expect-exit: 0
# kvm-pr-diverges: r7: a store to a page first only loaded from does not set C (kvm-pr maps the page writable on the load's fault, so the store never faults), ISA v2.07B Book III-S 5.7.8
#include "guest.h"
#include "mmu64.inc"

#define VSID_D	0x1234

	CLAIM(300)

	.macro	map_rc ea, dw1
	hpte_map VSID_D, \ea, \dw1
	.endm

	GUEST_START
	li	r3, 1
	ra32	r4, 0x321000
	std	r3, 0(r4)
	ra32	r4, 0x325000
	std	r3, 0(r4)
	li	r19, 0
	li	r17, 0
	mmu64_setup
	slb_256m 2, 0x10000000, VSID_D
	map_rc	0x10001000, 0x321000 | PTE_M | PP_RW
	mr	r11, r20
	map_rc	0x10002000, 0x322000 | PTE_M | PP_RW
	mr	r12, r20
	map_rc	0x10003000, 0x323000 | PTE_M | PP_RW
	mr	r13, r20
	hpte_map_label VSID_D, 0x10004000, rc_page, PTE_M | PP_RW
	mr	r14, r20
	map_rc	0x10005000, 0x325000 | PTE_M | PP_RW
	mr	r15, r20
	map_rc	0x10006000, 0x326000 | PTE_M | PP_RO
	mr	r16, r20
	rfid_to on, MSR_KT

on:	ra32	r20, 0x10001000
	ld	r10, 0(r20)		/* A */
	ld	r21, 8(r20)
	add	r10, r10, r21
	ra32	r20, 0x10002000
	li	r21, 0x22
	std	r21, 0(r20)		/* B */
	ra32	r20, 0x10004000
	mtctr	r20
	bctrl				/* D */
	ra32	r20, 0x10005000
	ld	r21, 0(r20)		/* E: load ... */
	add	r10, r10, r21
	li	r21, 0x55
	std	r21, 8(r20)		/* ... then store */
	ra32	r20, 0x10006000
	std	r21, 0(r20)		/* F: refused */

	real_mode
	/* r3..r8 = R|C of the HPTEs whose addresses are in r11..r16 */
	.macro	rc_of rt, pte, bits=(PTE_R | PTE_C)
	addi	r20, \pte, 8
	ld_be	\rt, r20
	andi.	\rt, \rt, \bits
	li	\pte, 0
	.endm
	rc_of	r3, r11
	rc_of	r4, r12
	rc_of	r5, r13
	rc_of	r6, r14
	rc_of	r7, r15
	rc_of	r8, r16, PTE_C
	li	r20, 0
	li	r21, 0
	exit_imm 0

handler_300:
	skip_return r19

	.balign	4096
rc_page:
	li	r9, 0x99
	blr

	mmu64_routines
