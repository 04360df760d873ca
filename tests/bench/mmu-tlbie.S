/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-tlbie: tlbie of a mapped page and the touch that maps it again,
 * per iteration, with 2048 other pages mapped; at two guest memory
 * sizes, which must not change the cost.
 *
 * tlbie RB for a 4 KB page in a 256 MB segment (ISA 2.07 5.9.3.8):
 * (VSID << 28 | EA offset) with the page offset clear.
 */
# bench-run: mmu-tlbie-64m --mem 64M
# bench-run: mmu-tlbie-512m --mem 512M
#include "mmu.inc"
	.macro	bench_body
	tlbie	r8, r0
	ptesync
	ld	r5, 0(r7)
	.endm
	bench_mmu_setup 2049
	ra32	r7, DATA_EA
	li	r9, 2049
	mtctr	r9
1:	ld	r5, 0(r7)
	addi	r7, r7, 0x1000
	bdnz	1b
	ra32	r7, DATA_EA
	li64	r8, VSID_DATA << 28
	bench_timed 2000
	mmu64_routines
