/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-16m: a 16 MB page. Power ISA v2.07B Book III-S 5.7.6.1 (SLB L=1,
 * LP=0b00: base page size 16 MB), 5.7.7.1 (HPTE L=1 with LP = 0 for
 * base 16 MB / actual 16 MB on POWER8; AVA keeps VA[0:54] of the
 * page-aligned VA), 5.7.7.3 (hash on EA offset >> 24), 5.7.7.4 (RA =
 * RPN[0:39] || EA[40:63]).
 *
 * Segment 3 (EA 0x30000000, VSID 0x3456, SLB index 2) with L=1; one
 * HPTE: EA 0x31000000 -> RA 0x1000000 (16 MB-aligned), PTE_M, PP=10.
 * Real mode writes 0x1616 at RA 0x1abc008.
 * Translated: r3 = ld EA 0x31abc008 = 0x1616 (offset 0xabc008 within
 * the page); std 0x6161 to EA 0x31fffff8 and 0x1010 to EA 0x31000000.
 * Real mode: r4 = RA 0x1fffff8 = 0x6161, r5 = RA 0x1000000 = 0x1010,
 * r6 = RA 0x2000000 (the next 16 MB) = 0.
 */
# run-args-be: --msr 0x9000000000001000
# run-args-le: --msr 0x9000000000001001
# expect: r3=0x0000000000001616 r4=0x0000000000006161 r5=0x0000000000001010
# expect: r6=0x0000000000000000
# expect-console: 16m
# expect-exit: 0
#include "guest.h"
#include "mmu64.inc"

#define VSID_D	0x3456

	GUEST_START
	li	r3, 0x1616
	ra32	r4, 0x1abc008
	std	r3, 0(r4)

	mmu64_setup
	slb_256m 2, 0x30000000, VSID_D, SLB_L
	hpte_map VSID_D, 0x31000000, 0x1000000 | PTE_M | PP_RW, SHAPE_16M
	rfid_to on, MSR_KT

on:	ra32	r20, 0x31abc008
	ld	r3, 0(r20)
	li	r21, 0x6161
	ra32	r20, 0x31fffff8
	std	r21, 0(r20)
	li	r21, 0x1010
	ra32	r20, 0x31000000
	std	r21, 0(r20)
	println	"16m"
	real_mode
	ra32	r20, 0x1fffff8
	ld	r4, 0(r20)
	ra32	r20, 0x1000000
	ld	r5, 0(r20)
	ra32	r20, 0x2000000
	ld	r6, 0(r20)
	li	r20, 0
	li	r21, 0
	exit_imm 0

	mmu64_routines
