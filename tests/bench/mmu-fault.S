/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-fault: the first touch of a page the guest's HPT maps, per
 * iteration: a host DSI, the guest HPT walk, one host HPTE inserted.
 */
#include "mmu.inc"
	.macro	bench_body
	ld	r5, 0(r7)
	addi	r7, r7, 0x1000
	.endm
	bench_mmu_setup 4000
	ra32	r7, DATA_EA
	bench_timed 4000
	mmu64_routines
