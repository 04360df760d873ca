/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-64k: a 64 KB page in a segment whose SLB entry says so. Power ISA
 * v2.07B Book III-S 5.7.6.1 (SLB L||LP names the segment's base page
 * size: L=1, LP=0b01 is 64 KB on POWER8), 5.7.7.1 (HPTE L=1, the actual
 * size in LP, the low bits of ARPN: 0b0001 in doubleword 1 bits 48:51
 * (0x1000) for base 64 KB / actual 64 KB on POWER8, as its
 * ibm,segment-page-sizes says), 5.7.7.3 (hash on EA offset >> 16),
 * 5.7.7.4 (RA = RPN[0:47] || EA[48:63]).
 *
 * Segment 2 (EA 0x20000000, VSID 0x2345, SLB index 2) with L|LP=0x110;
 * one HPTE: EA 0x20010000 -> RA 0x360000 (64 KB), PTE_M, PP=10.
 * Real mode writes 0x6464 at RA 0x36a008.
 * Translated: r3 = ld EA 0x2001a008 = 0x6464 (offset 0xa008: beyond a
 * 4 KB page, so only a 64 KB translation finds it); std 0x4646 to EA
 * 0x2001fff8 and 0x4040 to EA 0x20010000.
 * Real mode: r4 = RA 0x36fff8 = 0x4646, r5 = RA 0x360000 = 0x4040,
 * r6 = RA 0x37fff8 (the next 64 KB) = 0: nothing went past the page.
 */
# run-args-be: --msr 0x9000000000001000
# run-args-le: --msr 0x9000000000001001
# expect: r3=0x0000000000006464 r4=0x0000000000004646 r5=0x0000000000004040
# expect: r6=0x0000000000000000
# expect-console: 64k
# expect-exit: 0
#include "guest.h"
#include "mmu64.inc"

#define VSID_D	0x2345

	GUEST_START
	li	r3, 0x6464
	ra32	r4, 0x36a008
	std	r3, 0(r4)

	mmu64_setup
	slb_256m 2, 0x20000000, VSID_D, SLB_L | SLB_LP_64K
	hpte_map VSID_D, 0x20010000, 0x360000 | LP_64K | PTE_M | PP_RW, SHAPE_64K
	rfid_to on, MSR_KT

on:	ra32	r20, 0x2001a008
	ld	r3, 0(r20)
	li	r21, 0x4646
	ra32	r20, 0x2001fff8
	std	r21, 0(r20)
	li	r21, 0x4040
	ra32	r20, 0x20010000
	std	r21, 0(r20)
	println	"64k"
	real_mode
	ra32	r20, 0x36fff8
	ld	r4, 0(r20)
	ra32	r20, 0x360000
	ld	r5, 0(r20)
	ra32	r20, 0x37fff8
	ld	r6, 0(r20)
	li	r20, 0
	li	r21, 0
	exit_imm 0

	mmu64_routines
