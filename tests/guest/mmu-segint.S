/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-segint: the segment interrupts, for an EA that no SLB entry
 * translates. Power ISA v2.07B Book III-S 5.7.6.2 (SLB search; no match:
 * segment interrupt), 6.5.4 Data Segment interrupt (vector 0x380: SRR0 =
 * the instruction, SRR1 bits 33:36 and 42:47 = 0, the rest from the MSR,
 * DAR = the EA), 6.5.6 Instruction Segment interrupt (vector 0x480:
 * SRR0 = the EA of the instruction not fetched, SRR1 as above).
 *
 * SLB: entries 0 and 1 of mmu64.inc only; nothing for ESIDs 5, 6, 7.
 *   case 0: ld  EA 0x50000008 at 0x2c18:  0x380, DAR 0x50000008
 *   case 1: std EA 0x60000010 at 0x2c38:  0x380, DAR 0x60000010
 *   case 2: bctrl to EA 0x70000000:        0x480, SRR0 0x70000000
 * r3 = DAR 0, r4 = SRR0 0 = 0x2c18, r5 = DAR 1, r6 = SRR0 1 = 0x2c38,
 * r7, r8 = SRR1 0, 1 = SF|ME|IR|DR (+LE), r9 = SRR0 2 = 0x70000000,
 * r10 = SRR1 2 = SF|ME|IR|DR (+LE), r18 = 2 data and r19 = 1
 * instruction segment interrupts. The dump's srr1 is case 2's, its
 * srr0 0x2c58 (the handler returns to LR, after case 2's bctrl), its
 * dar case 1's (an instruction segment interrupt leaves DAR alone).
 * DSISR is not set by either (6.5.4 names only DAR): not checked.
 */
# run-args-be: --msr 0x9000000000001000
# run-args-le: --msr 0x9000000000001001
# expect: r3=0x0000000050000008 r4=0x0000000000002c18 r5=0x0000000060000010
# expect: r6=0x0000000000002c38 r9=0x0000000070000000
# expect: r18=0x0000000000000002 r19=0x0000000000000001
# expect: srr0=0x0000000000002c58 dar=0x0000000060000010
# expect-le: r7=0x8000000000001031 r8=0x8000000000001031 r10=0x8000000000001031
# expect-le: srr1=0x8000000000001031
# expect-be: r7=0x8000000000001030 r8=0x8000000000001030 r10=0x8000000000001030
# expect-be: srr1=0x8000000000001030
# expect-exit: 0
#include "guest.h"
#include "mmu64.inc"

#define FAULTS	0x2c00

	CLAIM(380)
	CLAIM(480)

	GUEST_START
	li	r18, 0
	li	r19, 0
	mmu64_setup
	rfid_to on, MSR_KT
on:	b	faults

	.org	FAULTS
faults:
	fault_case FAULTS, 0, ld, 0x50000008
	fault_case FAULTS, 1, std, 0x60000010
	li	r17, 2
	ra32	r20, 0x70000000
	mtctr	r20
	bctrl
	real_mode
	get_rec	r3, 0, REC_DAR
	get_rec	r4, 0, REC_SRR0
	get_rec	r5, 1, REC_DAR
	get_rec	r6, 1, REC_SRR0
	get_rec	r7, 0, REC_SRR1
	get_rec	r8, 1, REC_SRR1
	get_rec	r9, 2, REC_SRR0
	get_rec	r10, 2, REC_SRR1
	li	r17, 0
	li	r20, 0
	li	r21, 0
	li	r22, 0
	exit_imm 0

handler_380:
	record_fault
	skip_return r18

handler_480:
	record_fault
	addi	r19, r19, 1
	mflr	r20
	mtsrr0	r20
	rfid

	mmu64_routines
