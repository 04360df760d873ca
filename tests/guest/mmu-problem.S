/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-problem: the guest's own problem state, translated. Power ISA
 * v2.07B Book III-S:
 *  - 3.3.1 rfid: MSR[EE], [IR], [DR] <- SRR1[EE|PR], [IR|PR], [DR|PR]:
 *    entering problem state always turns translation and EE on
 *  - 6.5.9 Program interrupt, privileged instruction: SRR1 bit 45
 *    (0x40000), SRR0 = the instruction (mfmsr is privileged, 4.4.3)
 *  - 6.5.14 System Call interrupt: SRR0 = the next instruction, SRR1 the
 *    MSR (with PR=1)
 *  - 5.7.13 storage protection: key = Kp in problem state, Ks in
 *    privileged state; PP=00 is read-write with key 0, no access with
 *    key 1; PP=01 read-write / read only; 6.5.3 DSI as in mmu-dsi
 * Segment 1 (EA 0x10000000, VSID 0x1234) has Ks=0, Kp=1; its pages
 * (PTE_M): EA 0x10001000 -> RA 0x321000 PP=00, EA 0x10002000 -> RA
 * 0x322000 PP=01 (real mode writes 0x6161 at RA 0x322000). Segment 0
 * (the image) has Ks=Kp=0, PP=10: problem state may run it.
 * DEC is set far away: problem state runs with EE=1.
 *
 * Supervisor, translated: std 0x5151 to EA 0x10001008, r3 = ld it back.
 * A: rfid with SRR1 = SF|ME|PR (+LE) only, to 0x2c00 (mfmsr): program
 *    interrupt, r4 = SRR0 = 0x2c00, r5 = SRR1 = SF|EE|PR|ME|IR|DR (+LE)
 *    | 0x40000; back to supervisor.
 * B: rfid with SF|EE|PR|ME|IR|DR (+LE) to 0x2d00:
 *    0x2d00 ld  EA 0x10001008: DSI, r7 = DSISR << 32 | DAR = 0x08000000..10001008
 *    0x2d04 std EA 0x10001010: DSI, r8 = 0x0a000000..10001010
 *    0x2d08 ld  EA 0x10002000: r6 = 0x6161 (key 1, PP=01: read only)
 *    0x2d0c std EA 0x10002008: DSI, r9 = 0x0a000000..10002008
 *    r10 = SRR1 of the DSIs (all alike) = SF|EE|PR|ME|IR|DR (+LE)
 *    0x2d10 mfmsr: r11 = SRR0 = 0x2d10, r12 = SRR1 = r10 | 0x40000
 *    0x2d14 sc: r13 = SRR0 = 0x2d18, r14 = SRR1 = r10
 * Real mode at last: r15 = RA 0x321010, r16 = RA 0x322008 = 0 (the
 * problem-state stores were not performed), r19 = 3 DSIs, r18 = 2
 * program interrupts.
 */
# run-args-be: --msr 0x9000000000001000
# run-args-le: --msr 0x9000000000001001
# expect: r3=0x0000000000005151 r4=0x0000000000002c00 r6=0x0000000000006161
# expect: r7=0x0800000010001008 r8=0x0a00000010001010 r9=0x0a00000010002008
# expect: r11=0x0000000000002d10 r13=0x0000000000002d18
# expect: r15=0x0000000000000000 r16=0x0000000000000000
# expect: r18=0x0000000000000002 r19=0x0000000000000003
# expect-le: r5=0x800000000004d031 r10=0x800000000000d031 r12=0x800000000004d031
# expect-le: r14=0x800000000000d031
# expect-be: r5=0x800000000004d030 r10=0x800000000000d030 r12=0x800000000004d030
# expect-be: r14=0x800000000000d030
# expect-exit: 0
# kvm-pr-diverges: r5: rfid to MSR[PR]=1 leaves IR, DR and EE as SRR1 has them (kvm-pr copies SRR1 whole), so that problem state runs untranslated, ISA v2.07B Book III-S 3.3.1 rfid
#include "guest.h"
#include "mmu64.inc"

#define VSID_D	0x1234
#define MSR_UT	(MSR_KT | MSR_PR | MSR_EE)

	CLAIM(300)
	CLAIM(700)
	CLAIM(c00)

	GUEST_START
	ra32	r20, 0x7fffffff
	mtdec	r20
	li	r3, 0x6161
	ra32	r4, 0x322000
	std	r3, 0(r4)
	li	r17, 0
	li	r18, 0
	li	r19, 0
	mmu64_setup
	slb_256m 2, 0x10000000, VSID_D, SLB_KP
	hpte_map VSID_D, 0x10001000, 0x321000 | PTE_M | PP_00
	hpte_map VSID_D, 0x10002000, 0x322000 | PTE_M | PP_01
	rfid_to on, MSR_KT

on:	li	r21, 0x5151
	ra32	r20, 0x10001008
	std	r21, 0(r20)
	ld	r3, 0(r20)
	rfid_to 0x2c00, MSR_SF | MSR_ME | MSR_PR | LE_BIT

	.org	0x2c00
	mfmsr	r20			/* A */

case_b:	li	r17, 0
	ra32	r20, 0x10001008
	ra32	r21, 0x10001010
	ra32	r22, 0x10002000
	ra32	r23, 0x10002008
	li	r24, 0x4444
	rfid_to 0x2d00, MSR_UT

	.org	0x2d00
	ld	r25, 0(r20)		/* DSI, record 0 */
	std	r24, 0(r21)		/* DSI, record 1 */
	ld	r6, 0(r22)
	std	r24, 0(r23)		/* DSI, record 2 */
	mfmsr	r25			/* program interrupt */
	sc

handler_300:
	mr	r30, r20		/* record_fault clobbers r20, r21 */
	mr	r31, r21
	record_fault
	mr	r20, r30
	mr	r21, r31
	addi	r17, r17, 1
	addi	r19, r19, 1
	mfsrr0	r25
	addi	r25, r25, 4
	mtsrr0	r25
	rfid

handler_700:
	addi	r18, r18, 1
	mfsrr0	r25
	cmpdi	cr0, r18, 1
	bne	cr0, 1f
	mr	r4, r25			/* A: back to supervisor at case_b */
	mfsrr1	r5
	rfid_to	case_b, MSR_KT
1:	mr	r11, r25
	mfsrr1	r12
	addi	r25, r25, 4
	mtsrr0	r25
	li64	r25, MSR_UT
	mtsrr1	r25
	rfid

handler_c00:
	mfsrr0	r13
	mfsrr1	r14
	real_mode
	li	r25, 0
	get_rec	r7, 0, REC_DAR
	get_rec	r21, 0, REC_DSISR
	rldimi	r7, r21, 32, 0
	get_rec	r8, 1, REC_DAR
	get_rec	r21, 1, REC_DSISR
	rldimi	r8, r21, 32, 0
	get_rec	r9, 2, REC_DAR
	get_rec	r21, 2, REC_DSISR
	rldimi	r9, r21, 32, 0
	get_rec	r10, 0, REC_SRR1
	ra32	r20, 0x321010
	ld	r15, 0(r20)
	ra32	r20, 0x322008
	ld	r16, 0(r20)
	li	r17, 0
	li	r20, 0
	li	r21, 0
	li	r22, 0
	li	r23, 0
	li	r24, 0
	li	r30, 0
	li	r31, 0
	exit_imm 0

	mmu64_routines
