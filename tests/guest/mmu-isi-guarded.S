/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-isi-guarded: an instruction fetch from guarded storage. Power ISA
 * v2.07B Book III-S 5.7.7.1/5.8.1 (WIMG G=1: guarded) and 6.5.5
 * Instruction Storage interrupt: SRR1 bit 35 (0x10000000) when the
 * fetch is from guarded storage (as for no-execute), SRR0 = the EA, the
 * rest of SRR1 from the MSR (SF|ME|IR|DR (+LE)).
 *
 * isi_page ("addi r18, r18, 1; blr") mapped at EA 0x10002000 (segment
 * 1, VSID 0x1234) with WIMG=0011 (M|G), PP=10; a bctrl there:
 * r3 = SRR0 = 0x10002000, r4 = SRR1 = SF|ME|IR|DR (+LE) | 0x10000000,
 * r18 = 0 (it never ran), r19 = 1 interrupt.
 */
# run-args-be: --msr 0x9000000000001000
# run-args-le: --msr 0x9000000000001001
# expect: r3=0x0000000010002000 r18=0x0000000000000000 r19=0x0000000000000001
# expect-le: r4=0x8000000010001031
# expect-be: r4=0x8000000010001030
# expect-exit: 0
# kvm-pr-diverges: exit,r3,r4,r19: kvm-pr hands the guest PTE's WIMG (M|G) to the host's H_ENTER, which the pseries hypervisor refuses for memory, and ends the run with an internal error; it never checks G on a fetch either, ISA v2.07B Book III-S 6.5.5
#include "guest.h"
#include "mmu64.inc"

#define VSID_D	0x1234

	CLAIM(400)

	GUEST_START
	li	r18, 0
	li	r19, 0
	li	r17, 0
	mmu64_setup
	slb_256m 2, 0x10000000, VSID_D
	hpte_map_label VSID_D, 0x10002000, isi_page, PTE_M | PTE_G | PP_RW
	rfid_to on, MSR_KT

on:	ra32	r20, 0x10002000
	mtctr	r20
	bctrl
	real_mode
	get_rec	r3, 0, REC_SRR0
	get_rec	r4, 0, REC_SRR1
	li	r20, 0
	li	r21, 0
	exit_imm 0

handler_400:
	record_fault
	lr_return r19

	.balign	4096
isi_page:
	addi	r18, r18, 1
	blr

	mmu64_routines
