/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-dr-only: MSR[DR]=1 with MSR[IR]=0: instructions are fetched from
 * real addresses, data go through the page table. Power ISA v2.07B
 * Book III-S 5.7.3 (IR and DR enable translation separately for fetches
 * and for data; with IR=0 the fetch is a real-mode access, EA = RA),
 * 6.5.3 Data Storage interrupt (DSISR bit 33 (0x40000000): no PTE; DAR
 * = the EA), Book I 2.4 (bl: LR = CIA + 4, an effective address: here
 * the real one, since the fetch was untranslated).
 *
 * Real mode copies dr_code to RA 0x1800000, for which no HPTE exists:
 * were fetches translated, they would take an ISI there (vector 0x400
 * is unclaimed: the run would end with 99). It sits above 16 MB because
 * kvm-pr runs DR-only code below 16 MB at pc | 0xfb000000 (its "split
 * real" hack, KNOWN-DIVERGENCES.md), visible in LR and in data accesses
 * to 0xfb......, and only some of the time.
 * HPTE: EA 0x10005000 (segment 1, VSID 0x1234) -> RA 0x310000; real
 * mode writes 0x3333 at RA 0x310010. With MSR = SF|ME|DR (+LE),
 * the code at 0x1800000:
 *   bl at 0x1800000: r5 = LR = 0x1800004;
 *   lwz from EA 0x1800000 (data: translated, no HPTE): DSI with r6 =
 *   DSISR = 0x40000000, r7 = DAR = 0x1800000, r8 = SRR1 = SF|ME|DR (+LE),
 *   r9 = SRR0 = 0x180000c (the lwz);
 *   r3 = ld EA 0x10005010 = 0x3333; std 0xd0d0 to EA 0x10005020;
 * Real mode again: r4 = RA 0x310020 = 0xd0d0.
 */
# run-args-be: --msr 0x9000000000001000
# run-args-le: --msr 0x9000000000001001
# expect: r3=0x0000000000003333 r4=0x000000000000d0d0 r5=0x0000000001800004
# expect: r6=0x0000000040000000 r7=0x0000000001800000 r9=0x000000000180000c
# expect-le: r8=0x8000000000001011
# expect-be: r8=0x8000000000001010
# expect-console: dr only
# expect-exit: 0
# kvm-pr-diverges: r6,r7,r8,r9,r22,srr0,dar,dsisr: with DR=1 and IR=0 a load from the EA the guest executes from (real) reads that real page instead of taking a DSI for its missing HPTE: kvm-pr maps the real-mode fetch and the translated data through one host segment, ISA v2.07B Book III-S 5.7.3 and 6.5.3
#include "guest.h"
#include "mmu64.inc"

#define VSID_D	0x1234
#define COPY	0x1800000

	CLAIM(300)

	GUEST_START
	li	r3, 0x3333
	ra32	r4, 0x310010
	std	r3, 0(r4)
	/* dr_code to COPY, with the icache made coherent (Book II 1.8) */
	ra32	r20, dr_code
	ra32	r21, COPY
	li	r22, (dr_code_end - dr_code) / 4
	mtctr	r22
1:	lwz	r23, 0(r20)
	stw	r23, 0(r21)
	dcbst	0, r21
	sync
	icbi	0, r21
	addi	r20, r20, 4
	addi	r21, r21, 4
	bdnz	1b
	sync
	isync

	mmu64_setup
	slb_256m 2, 0x10000000, VSID_D
	hpte_map VSID_D, 0x10005000, 0x310000 | PTE_M | PP_RW
	ra32	r20, COPY
	mtctr	r20
	li64	r26, MSR_SF | MSR_ME | MSR_DR | LE_BIT
	mtsrr1	r26
	mtsrr0	r20
	rfid				/* to COPY with IR=0 DR=1 */

back:	println	"dr only"
	real_mode
	ra32	r20, 0x310020
	ld	r4, 0(r20)
	li	r20, 0
	li	r21, 0
	exit_imm 0

/* Position independent: runs at COPY. */
dr_code:
	bl	1f			/* 0x1800000 */
1:	mflr	r5			/* 0x1800004 */
	addi	r21, r5, -4
	lwz	r22, 0(r21)		/* 0x180000c: EA COPY (DSI) */
	ra32	r20, 0x10005010
	ld	r3, 0(r20)
	li	r21, 0
	ori	r21, r21, 0xd0d0
	std	r21, 0x10(r20)
	ra32	r20, back
	mtctr	r20
	bctr
dr_code_end:

handler_300:
	mfdsisr	r6
	mfdar	r7
	mfsrr1	r8
	mfsrr0	r9
	addi	r20, r9, 4
	mtsrr0	r20
	rfid

	mmu64_routines
