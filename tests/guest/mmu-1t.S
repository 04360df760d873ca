/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-1t: a 1 TB segment (SLB B=0b01). Power ISA v2.07B Book III-S
 * 5.7.6.1 (B=0b01: 1 TB; ESID = EA[0:23], VSID = RS[2:39]; VA = VSID ||
 * EA[24:63]), 5.7.7.1 (HPTE B=0b01, AVA = VSID || EA[24:40]), 5.7.7.3
 * (1 TB hash: VSID XOR (VSID << 25) XOR (EA[24:63] >> 12), 39 bits),
 * 5.9.3.4 slbmfev/slbmfee (the entry as slbmte wrote it: RS image with
 * B; ESID || V).
 *
 * SLB index 2: EA 0x10000000000 (ESID_1T 1), VSID 0x345:
 *   RS = 0x4000000345000000, RB = 0x0000010008000002.
 * HPTEs (4 KB, PTE_M, PP=10):
 *   EA 0x10000005000 -> RA 0x320000
 *   EA 0x10300005000 -> RA 0x330000 (offset 0x300005000: above 256 MB
 *                       in the same 1 TB segment)
 * Real mode writes 0x1010 at RA 0x320010 and 0x3030 at RA 0x330010.
 * Translated: r3 = ld EA 0x10000005010 = 0x1010, r4 = ld EA
 * 0x10300005010 = 0x3030; std 0xa1 / 0xa3 at +0x10 of each.
 * r7 = slbmfev of entry 2 = 0x4000000345000000 (B kept),
 * r8 = slbmfee of entry 2 = 0x0000010008000000.
 * Real mode: r5 = RA 0x320020 = 0xa1, r6 = RA 0x330020 = 0xa3.
 */
# run-args-be: --msr 0x9000000000001000
# run-args-le: --msr 0x9000000000001001
# expect: r3=0x0000000000001010 r4=0x0000000000003030 r5=0x00000000000000a1
# expect: r6=0x00000000000000a3 r7=0x4000000345000000 r8=0x0000010008000000
# expect-console: 1t
# expect-exit: 0
#include "guest.h"
#include "mmu64.inc"

#define VSID_T	0x345

	GUEST_START
	li	r3, 0x1010
	ra32	r4, 0x320010
	std	r3, 0(r4)
	li	r3, 0x3030
	ra32	r4, 0x330010
	std	r3, 0(r4)

	mmu64_setup
	slb_1t	2, 0x10000000000, VSID_T
	hpte_map VSID_T, 0x10000005000, 0x320000 | PTE_M | PP_RW, SHAPE_4K | SHAPE_1T
	hpte_map VSID_T, 0x10300005000, 0x330000 | PTE_M | PP_RW, SHAPE_4K | SHAPE_1T
	rfid_to on, MSR_KT

on:	li64	r20, 0x10000005010
	ld	r3, 0(r20)
	li	r21, 0xa1
	std	r21, 0x10(r20)
	li64	r20, 0x10300005010
	ld	r4, 0(r20)
	li	r21, 0xa3
	std	r21, 0x10(r20)
	li	r20, 2
	slbmfev	r7, r20
	slbmfee	r8, r20
	println	"1t"
	real_mode
	ra32	r20, 0x320020
	ld	r5, 0(r20)
	ra32	r20, 0x330020
	ld	r6, 0(r20)
	li	r20, 0
	li	r21, 0
	exit_imm 0

	mmu64_routines
