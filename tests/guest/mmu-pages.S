/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-pages: more pages than any TLB or shadow cache of a few thousand
 * entries holds: 8192 distinct 4 KB pages (32 MB), written and then
 * verified through translation, and verified again in real mode. Power
 * ISA v2.07B Book III-S 5.7.7 (every access is translated by its HPTE,
 * however many there are; 5.7.7.2 SDR1 HTABSIZE=2: a 1 MB HTAB of 8192
 * PTEGs, HTABORG 0x100000).
 *
 * Segment 4 (EA 0x40000000, VSID 0x4444), page i = 0..8191: EA
 * 0x40000000 + i * 4K -> RA 0x1000000 + i * 4K (the hash VSID ^ i puts
 * each page in its own PTEG). Pass 1 stores EA ^ 0x5a5a5a5a00000000 at
 * EA = page i + ((8 i) & 0xff8); pass 2 loads and compares each; real
 * mode compares each RA.
 * r3 = 0 mismatches translated, r4 = 0 mismatches in real mode,
 * r5 = 8192 pages checked.
 */
# run-args-be: --msr 0x9000000000001000
# run-args-le: --msr 0x9000000000001001
# expect: r3=0x0000000000000000 r4=0x0000000000000000 r5=0x0000000000002000
# expect-exit: 0
#define HTAB_BASE	0x100000
#define HTAB_SIZE	2
#include "guest.h"
#include "mmu64.inc"

#define NPAGES	8192
#define VSID_P	0x4444
#define EA0	0x40000000
#define RA0	0x1000000
#define MARK	0x5a5a5a5a00000000

	GUEST_START
	mmu64_setup
	slb_256m 2, EA0, VSID_P
	li	r29, 0
1:	li	r20, VSID_P
	sldi	r21, r29, 12
	addis	r21, r21, EA0@h
	sldi	r22, r29, 12
	addis	r22, r22, RA0@h
	ori	r22, r22, PTE_M | PP_RW
	li	r23, SHAPE_4K
	bl	hpte_insert
	addi	r29, r29, 1
	cmpdi	cr0, r29, NPAGES
	blt	cr0, 1b
	li64	r10, MARK
	rfid_to on, MSR_KT

	/* r13 = the EA of page r11's doubleword, r15 = its value */
	.macro	slot
	sldi	r13, r11, 12
	sldi	r14, r11, 3
	andi.	r14, r14, 0xff8
	or	r13, r13, r14
	addis	r13, r13, EA0@h
	xor	r15, r13, r10
	.endm

on:	li	r11, 0
2:	slot
	std	r15, 0(r13)
	addi	r11, r11, 1
	cmpdi	cr0, r11, NPAGES
	blt	cr0, 2b
	li	r3, 0
	li	r11, 0
3:	slot
	ld	r16, 0(r13)
	cmpd	cr0, r15, r16
	beq	cr0, 4f
	addi	r3, r3, 1
4:	addi	r11, r11, 1
	cmpdi	cr0, r11, NPAGES
	blt	cr0, 3b

	real_mode
	li	r4, 0
	li	r5, 0
	li	r11, 0
5:	slot
	addis	r14, r13, (RA0 - EA0)@h
	ld	r16, 0(r14)
	addi	r5, r5, 1
	cmpd	cr0, r15, r16
	beq	cr0, 6f
	addi	r4, r4, 1
6:	addi	r11, r11, 1
	cmpdi	cr0, r11, NPAGES
	blt	cr0, 5b
	.irp	r, 10, 11, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 29
	li	r\r, 0
	.endr
	exit_imm 0

	mmu64_routines
