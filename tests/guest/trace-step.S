/* SPDX-License-Identifier: GPL-2.0 */
/*
 * trace-step: the guest single-steps itself over native and emulated
 * instructions. Power ISA v2.07B Book III-S:
 *  - 4.2.1 MSR[SE]: a trace interrupt follows every instruction that
 *    completes without an interrupt; rfid is never traced, so the rfid
 *    that sets SE is not, and the first traced one is the next
 *  - 6.5.15 Trace interrupt at 0xd00: SRR0 = the next instruction to
 *    execute; SRR1 bit 33 = 1, 34:36 and 42:47 = 0 (none of the traced
 *    instructions is a load or store), the rest from the MSR; SE=0 in
 *    the handler, whose rfid returns into SE=1 again
 *  - mtmsrd (4.4.3) runs under the MSR it found: the one at 0x2120 that
 *    clears SE is traced, SRR1 then holding the new MSR (SE=0)
 * Traced: addi 0x2100 (native), mfmsr 0x2104 (emulated), addi 0x2108,
 * mfsprg 0x210c (emulated), two stb to the console 0x2110, 0x2114 (MMIO:
 * completed by the VMM), li 0x2118, andc 0x211c, mtmsrd 0x2120
 * (emulated): 9 traces, SRR0 = 0x2104 + 4 * i; the nop after is not.
 * r4 = 9, r10 = SRR0s off the expected sequence = 0, r11 = SRR0 of the
 * 2nd = 0x2108, r12 = of the 9th = 0x2124; r21/r22 = SRR1 of the first
 * (native) and second (emulated) = SF|ME|SE|bit 33 (+LE), r23 = SRR1 of
 * the last = SF|ME|bit 33 (+LE); msr = SF|ME (+LE) at the end.
 */
# expect: r4=0x0000000000000009 r10=0x0000000000000000
# expect: r11=0x0000000000002108 r12=0x0000000000002124
# expect-console: T
# expect-le: r21=0x8000000040001401 r22=0x8000000040001401 r23=0x8000000040001001
# expect-be: r21=0x8000000040001400 r22=0x8000000040001400 r23=0x8000000040001000
# expect-le: msr=0x8000000000001001 srr1=0x8000000040001001
# expect-be: msr=0x8000000000001000 srr1=0x8000000040001000
# expect: srr0=0x0000000000002124
# expect-exit: 0
# kvm-pr-diverges: r4 r10 r11 r12 r21 r22 r23 srr0 srr1: no trace after an emulated instruction (mfmsr, mfsprg, the console stores and mtmsrd go untraced: 4 traces, SRR0 0x2104 0x210c 0x211c 0x2120) and trace SRR1[33] = 0, ISA v2.07B Book III-S 6.5.15
#include "guest.h"

#define MSR_SE		0x400
#define TABLE		0x6000		/* SRR0 of each trace */
#define TABLE1		0x6800		/* SRR1 of each trace */

	CLAIM(d00)

	GUEST_START
	li	r4, 0
	li	r5, 0
	li	r20, TABLE
	li	r24, TABLE1
	ra32	r25, CONSOLE
	li	r9, 'T'
	li	r13, 10
	mfmsr	r3
	ori	r3, r3, MSR_SE
	mtsrr1	r3
	li	r3, 0x2100
	mtsrr0	r3
	rfid

	.org	0x2100
	addi	r5, r5, 1		/* 0x2100 native */
	mfmsr	r6			/* 0x2104 emulated */
	addi	r5, r5, 1		/* 0x2108 native */
	mfsprg	r7, 0			/* 0x210c emulated */
	stb	r9, 0(r25)		/* 0x2110 MMIO */
	stb	r13, 0(r25)		/* 0x2114 MMIO */
	li	r3, MSR_SE		/* 0x2118 native */
	andc	r3, r6, r3		/* 0x211c native */
	mtmsrd	r3, 0			/* 0x2120 emulated, clears SE */
	nop				/* 0x2124: SE=0, not traced */

	/* r10 = how many recorded SRR0 are not 0x2104 + 4 * i */
	li	r10, 0
	li	r20, TABLE
	li	r6, 0x2104
	mtctr	r4
	cmpdi	cr0, r4, 0
	beq	2f
1:	ld	r7, 0(r20)
	cmpld	cr0, r7, r6
	beq	3f
	addi	r10, r10, 1
3:	addi	r20, r20, 8
	addi	r6, r6, 4
	bdnz	1b
2:	li	r20, TABLE
	ld	r11, 8(r20)
	ld	r12, 64(r20)
	li	r24, TABLE1
	ld	r21, 0(r24)
	ld	r22, 8(r24)
	ld	r23, 64(r24)
	li	r3, 0
	li	r5, 0
	li	r6, 0
	li	r7, 0
	li	r8, 0
	li	r9, 0
	li	r13, 0
	li	r20, 0
	li	r24, 0
	li	r25, 0
	cmpdi	cr0, r3, 0		/* CR no longer depends on the traces */
	exit_imm 0

handler_d00:				/* SE=0 here: not traced */
	mfsrr0	r8
	std	r8, 0(r20)
	addi	r20, r20, 8
	mfsrr1	r8
	std	r8, 0(r24)
	addi	r24, r24, 8
	addi	r4, r4, 1
	cmpdi	cr0, r4, 16		/* a runaway trace ends the run */
	blt	4f
	exit_imm 98
4:	rfid
