/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-slb: loads from 100 segments in turn, more than the guest's SLB
 * (32) and the host's hold: per iteration the guest takes a data
 * segment interrupt, its handler slbmte's the segment (round robin over
 * entries 2-31; 0 and 1 hold the image and the MMIO page) and rfid's.
 * Segment ESID n (16-115, clear of the image's 0 and the MMIO page's 15)
 * has VSID 0x1000 + n and one page at its start, RA 0x2000000 + n * 4K.
 */
#include "bench.h"
#include "mmu64.inc"
	CLAIM(380)
	.macro	bench_body
	ld	r5, 0(r7)
	addis	r7, r7, 0x1000		/* next segment */
	cmpld	cr7, r7, r9
	blt	cr7, 2f
	mr	r7, r10
2:
	.endm

	GUEST_START
	mmu64_setup
	li	r29, 16
1:	addi	r20, r29, 0x1000
	sldi	r21, r29, 28
	sldi	r22, r29, 12
	oris	r22, r22, 0x200
	ori	r22, r22, PTE_M | PP_RW
	li	r23, SHAPE_4K
	bl	hpte_insert
	addi	r29, r29, 1
	cmpdi	cr7, r29, 115
	ble	cr7, 1b
	li	r11, 2
	li64	r10, 16 << 28
	li64	r9, 116 << 28
	mr	r7, r10
	rfid_to	2f, MSR_KT
2:	bench_timed 5000

/* r14-r17 only: bench_timed keeps its start time in r20. */
handler_380:
	mfdar	r14
	srdi	r15, r14, 28
	addi	r16, r15, 0x1000
	sldi	r16, r16, 12		/* RS: VSID, Ks=Kp=0, 4 KB */
	sldi	r17, r15, 28
	oris	r17, r17, SLB_V@h
	or	r17, r17, r11		/* RB: ESID | V | index */
	slbmte	r16, r17
	addi	r11, r11, 1
	cmpdi	cr7, r11, 32
	blt	cr7, 3f
	li	r11, 2
3:	rfid
	mmu64_routines
