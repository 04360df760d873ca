/* SPDX-License-Identifier: GPL-2.0 */
/*
 * program: an illegal instruction and a trap, each delivered to the
 * guest's own program interrupt vector 0x700. Power ISA v2.07B
 * Book III-S 6.5.9 Program interrupt: SRR0 = the address of the
 * instruction that caused it; SRR1 bits 33:36, 42:43 and 45:47 = 0,
 * bit 44 (0x80000) = 1 for an illegal instruction, bit 46 (0x20000) = 1
 * for a trap, the other bits copied from the MSR. An illegal instruction
 * first reaches the hypervisor (6.5.18 Hypervisor Emulation Assistance),
 * which reflects it to the partition as this illegal-instruction type
 * program interrupt, as PAPR platforms do. The handler records SRR0/SRR1
 * and resumes at SRR0 + 4.
 *
 * 0x2100: .long 0 (primary opcode 0, illegal):
 *   r4 = 0x2100, r5 = SF|ME (+LE) | 0x80000
 * 0x2104: tw 31,0,0 (trap always, Book I 3.3.11):
 *   r6 = 0x2104, r7 = SF|ME (+LE) | 0x20000
 * r3 = 2 interrupts; r8 = 0x2108, where execution went on.
 * The handler returns with rfid from SRR1, which restores every MSR bit
 * but 33:36 and 42:47 (Book III-S 3.3.1 rfid): the final MSR is SF|ME
 * (+LE) again, without the trap bit 46 of the last SRR1.
 */
# expect: r3=0x0000000000000002 r4=0x0000000000002100 r6=0x0000000000002104
# expect: r8=0x0000000000002108
# expect-le: r5=0x8000000000081001 r7=0x8000000000021001
# expect-be: r5=0x8000000000081000 r7=0x8000000000021000
# expect-le: msr=0x8000000000001001
# expect-be: msr=0x8000000000001000
# kvm-pr-diverges: msr: rfid copies SRR1 whole, so the trap bit 46 of the program interrupt's SRR1 stays in the MSR, ISA v2.07B Book III-S 3.3.1 rfid
# expect-exit: 0
#include "guest.h"

	CLAIM(700)

	GUEST_START
	li	r3, 0
	b	at_2100

	.org	0x2100
at_2100:
	.long	0
	trap
	bl	1f
1:	mflr	r8
	addi	r8, r8, -4
	exit_imm 0

handler_700:
	addi	r3, r3, 1
	cmpdi	cr0, r3, 1
	bne	1f
	mfsrr0	r4
	mfsrr1	r5
	b	2f
1:	mfsrr0	r6
	mfsrr1	r7
2:	mfsrr0	r20
	addi	r20, r20, 4
	mtsrr0	r20
	li	r20, 0
	rfid
