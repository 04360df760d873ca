/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace-branch: branch trace. Power ISA v2.07B Book III-S 4.2.1 MSR[BE]:
 * a trace interrupt follows every branch instruction, taken or not, and
 * nothing else (mfmsr and mtmsrd are not branches; rfid is not a Branch
 * instruction of Book I). 6.5.15: SRR0 = the next instruction, i.e. the
 * branch target when taken; SRR1 bit 33 = 1, the rest from the MSR.
 * Branches run with BE=1: b 0x210c (taken), beq 0x2110 (not taken),
 * bdnz 0x2124 three times (taken, taken, not), bl 0x2128 (taken):
 * SRR0 = 0x210c, 0x2114, 0x2120, 0x2120, 0x2128, 0x2130.
 * r4 = 6, r10 = SRR0s off that sequence = 0, r11 = the 2nd (0x2114),
 * r12 = the 6th (0x2130), r21 = SRR1 of the first = SF|ME|BE|bit 33
 * (+LE), r8 = 3 loop passes, r9 = LR from the bl = 0x212c.
 */
# expect: r4=0x0000000000000006 r10=0x0000000000000000
# expect: r11=0x0000000000002114 r12=0x0000000000002130
# expect: r8=0x0000000000000003 r9=0x000000000000212c
# expect-le: r21=0x8000000040001201 msr=0x8000000000001001 srr1=0x8000000040001201
# expect-be: r21=0x8000000040001200 msr=0x8000000000001000 srr1=0x8000000040001200
# expect: srr0=0x0000000000002130
# expect-exit: 0
# kvm-pr-diverges: r21 srr1: trace SRR1[33] = 0, ISA v2.07B Book III-S 6.5.15
#include "guest.h"

#define MSR_BE		0x200
#define TABLE		0x6000

	CLAIM(d00)

	GUEST_START
	li	r4, 0
	li	r5, 0
	li	r8, 0
	li	r20, TABLE
	mfmsr	r3
	ori	r3, r3, MSR_BE
	mtsrr1	r3
	li	r3, 0x2100
	mtsrr0	r3
	rfid

	.org	0x2100
	addi	r5, r5, 1		/* 0x2100 */
	b	1f			/* 0x2104 taken -> 0x210c */
	addi	r5, r5, 100		/* 0x2108 skipped */
1:	cmpdi	cr0, r5, 100		/* 0x210c */
	beq	9f			/* 0x2110 not taken -> 0x2114 */
	mfmsr	r6			/* 0x2114 emulated, not a branch */
	li	r7, 3			/* 0x2118 */
	mtctr	r7			/* 0x211c */
2:	addi	r8, r8, 1		/* 0x2120 */
	bdnz	2b			/* 0x2124: 0x2120, 0x2120, 0x2128 */
	bl	3f			/* 0x2128 -> 0x2130, LR 0x212c */
	nop				/* 0x212c */
3:	mflr	r9			/* 0x2130 */
	li	r3, MSR_BE
	andc	r3, r6, r3
	mtmsrd	r3, 0			/* BE off: no more traces */
	nop
9:
	/* r10 = recorded SRR0s that differ from the expected table */
	li	r10, 0
	li	r20, TABLE
	ld	r7, 0(r20)
	li	r6, 0x210c
	bl	check
	li	r6, 0x2114
	bl	check
	li	r6, 0x2120
	bl	check
	li	r6, 0x2120
	bl	check
	li	r6, 0x2128
	bl	check
	li	r6, 0x2130
	bl	check
	li	r20, TABLE
	ld	r11, 8(r20)
	ld	r12, 40(r20)
	ld	r21, 0x800(r20)
	li	r3, 0
	li	r5, 0
	li	r6, 0
	li	r7, 0
	li	r20, 0
	exit_imm 0

check:					/* r10 += (0(r20) != r6); r20 += 8 */
	ld	r7, 0(r20)
	cmpld	cr0, r7, r6
	beq	5f
	addi	r10, r10, 1
5:	addi	r20, r20, 8
	blr

handler_d00:				/* BE=0 here */
	mfsrr0	r22
	std	r22, 0(r20)
	cmpdi	cr0, r4, 0
	bne	6f
	mfsrr1	r22
	std	r22, 0x800(r20)
6:	addi	r20, r20, 8
	addi	r4, r4, 1
	li	r22, 0
	cmpdi	cr0, r4, 16
	blt	7f
	exit_imm 98
7:	rfid
