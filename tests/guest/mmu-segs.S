/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-segs: more segments than any SLB holds, touched over and over
 * through the guest's own segment-fault handling. Power ISA v2.07B
 * Book III-S 5.7.6 (the SLB; POWER8 has 32 entries), 5.9.3.1 slbmte
 * (replaces the entry at its index), 6.5.4 Data Segment interrupt (DAR
 * = the EA; returning with rfid retries the access).
 *
 * 80 segments: ESID 0x100 + i (EA (0x100 + i) << 28), VSID 0x7000 + i,
 * one HPTE each: EA of segment i -> RA 0x400000 + i * 0x1000. The
 * handler at 0x380 loads the faulting segment into SLB index 2..31 in
 * turn (30 entries): cycling through 80 segments, every first access
 * of a segment faults, as its entry went 30 loads ago.
 * 4 passes, p = 0..3, over i = 0..79: std (p << 32 | i << 8 | 0x5a) to
 * EA_i + 8p, ld it back and compare.
 * r3 = 0 mismatches seen translated, r4 = 0 mismatches found in real
 * mode afterwards (all 320 doublewords at their RAs), r5 = 320 checks,
 * r18 = 320 segment interrupts (one per visit).
 */
# run-args-be: --msr 0x9000000000001000
# run-args-le: --msr 0x9000000000001001
# expect: r3=0x0000000000000000 r4=0x0000000000000000 r5=0x0000000000000140
# expect: r18=0x0000000000000140
# expect-exit: 0
#include "guest.h"
#include "mmu64.inc"

#define NSEG	80
#define ESID0	0x100
#define VSID0	0x7000
#define RA0	0x400000

	CLAIM(380)

	GUEST_START
	li	r18, 0
	li	r30, 2			/* next SLB index */
	mmu64_setup
	li	r29, 0
1:	addi	r20, r29, VSID0
	addi	r21, r29, ESID0
	sldi	r21, r21, 28
	sldi	r22, r29, 12
	addis	r22, r22, RA0@h
	ori	r22, r22, PTE_M | PP_RW
	li	r23, SHAPE_4K
	bl	hpte_insert
	addi	r29, r29, 1
	cmpdi	cr0, r29, NSEG
	blt	cr0, 1b
	rfid_to on, MSR_KT

on:	li	r3, 0
	li	r12, 0			/* p */
2:	li	r11, 0			/* i */
3:	addi	r13, r11, ESID0
	sldi	r13, r13, 28
	sldi	r14, r12, 3
	add	r13, r13, r14		/* EA_i + 8p */
	sldi	r15, r12, 32
	sldi	r16, r11, 8
	or	r15, r15, r16
	ori	r15, r15, 0x5a
	std	r15, 0(r13)
	ld	r16, 0(r13)
	cmpd	cr0, r15, r16
	beq	cr0, 4f
	addi	r3, r3, 1
4:	addi	r11, r11, 1
	cmpdi	cr0, r11, NSEG
	blt	cr0, 3b
	addi	r12, r12, 1
	cmpdi	cr0, r12, 4
	blt	cr0, 2b

	real_mode
	li	r4, 0
	li	r5, 0
	li	r12, 0
5:	li	r11, 0
6:	sldi	r13, r11, 12
	addis	r13, r13, RA0@h
	sldi	r14, r12, 3
	add	r13, r13, r14
	sldi	r15, r12, 32
	sldi	r16, r11, 8
	or	r15, r15, r16
	ori	r15, r15, 0x5a
	ld	r16, 0(r13)
	addi	r5, r5, 1
	cmpd	cr0, r15, r16
	beq	cr0, 7f
	addi	r4, r4, 1
7:	addi	r11, r11, 1
	cmpdi	cr0, r11, NSEG
	blt	cr0, 6b
	addi	r12, r12, 1
	cmpdi	cr0, r12, 4
	blt	cr0, 5b
	.irp	r, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 29, 30
	li	r\r, 0
	.endr
	exit_imm 0

/* Load the segment of DAR into the next of SLB entries 2..31. */
handler_380:
	mfdar	r20
	srdi	r21, r20, 28
	addi	r21, r21, -ESID0
	cmpldi	cr0, r21, NSEG
	bge	cr0, 9f
	addi	r22, r21, VSID0
	sldi	r22, r22, 12		/* RS: VSID, Ks=Kp=0, 256 MB */
	rldicr	r23, r20, 0, 35		/* RB: ESID */
	oris	r23, r23, SLB_V@h
	or	r23, r23, r30
	slbmte	r22, r23
	addi	r18, r18, 1
	addi	r30, r30, 1
	cmpdi	cr0, r30, 32
	blt	cr0, 8f
	li	r30, 2
8:	rfid
9:	println	"segment fault outside the 80 segments"
	exit_imm 97

	mmu64_routines
