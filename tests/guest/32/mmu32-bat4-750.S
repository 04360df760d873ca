/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu32-bat4-750: a 750 has BATs 0-3 only. PEM 7.4 and the 750 User's
 * Manual (2.1.2, SPR encodings: no IBAT4-7/DBAT4-7). So "DBAT4" (SPRs
 * 568/569) does not translate: an EA only it would map takes a DSI with
 * DSISR bit 1 (0x40000000, no PTE). Whether the mtspr itself is an
 * illegal instruction (PEM 6.4.7, as b3pr reads it: SRR1 0x00080000) or
 * a no-op (QEMU's 750) is left open here: r3, r4 are volatile.
 *
 * BATs 0-1 map the image and the MMIO page as in mmu32-bat; the HTAB is
 * empty. Real mode writes 0x44444444 at RA 0x700008.
 * mtspr 569 (DBAT4L: EA 0x40000000 -> RA 0x700000), mtspr 568
 * (DBAT4U); a program interrupt, if any, is counted in r3 (SRR1 in r4)
 * and skipped;
 * lwz EA 0x40000008: r5 = DSISR 0x40000000, r6 = DAR 0x40000008,
 * r7 = -1 (not loaded), r19 = 1 DSI.
 */
# volatile: r3 r4
# expect: r5=0x0000000040000000
# expect: r6=0x0000000040000008 r7=0xffffffffffffffff r19=0x0000000000000001
# run-args: --pvr 0x00080200 --msr 0x1000
# expect-exit: 0
# kvm-pr-diverges: exit,r5,r6,r7,r19: kvm-pr gives every translation of a 32-bit guest WIMG=0000 (book3s_32_mmu.c never sets it) and hands that to the host's H_ENTER, which the pseries hypervisor refuses for memory: the first translated access ends the run with an internal error, PEM 7.4/7.6 (WIMG from the BAT or PTE)
#include "guest.h"
#include "mmu32.inc"

	CLAIM(300)
	CLAIM(700)

	GUEST_START
	poke32	0x700008, 0x44444444
	li	r3, 0
	li	r19, 0
	li	r17, 0
	mmu32_setup
	bat_image_io
	isync
	rfi_to	on, MSR32_KT

on:	bat	DBATHU(4), 0x40000000 | BAT_VS | BL_128K, 0x700000 | PTE_M | PP_RW
	isync
	li	r7, -1
	ra32	r20, 0x40000008
	lwz	r7, 0(r20)
	real_mode32
	get_rec32 r5, 0, REC_DSISR
	get_rec32 r6, 0, REC_DAR
	li	r20, 0
	li	r21, 0
	exit_imm 0

handler_300:
	record_fault32
	skip_return32 r19

handler_700:
	addi	r3, r3, 1
	mfsrr1	r4
	mfsrr0	r20
	addi	r20, r20, 4
	mtsrr0	r20
	rfi

	mmu32_routines
