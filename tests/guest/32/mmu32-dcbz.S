/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu32-dcbz: dcbz on a 750 (PVR 0x00080200) zeroes exactly its 32-byte
 * cache block, the one holding the EA, and nothing around it. PEM 8
 * (dcbz: "all bytes of the block containing the EA are cleared"), 750
 * User's Manual 1.2 / 3.1 (32-byte cache blocks); once in real mode and
 * once translated through a DBAT (PEM 7.4).
 *
 * Real mode: 256 bytes of 0xaa at RA 0x300000 (128-byte aligned, so a
 * 128-byte dcbz would show), dcbz 0x300048: zero bytes: r3 = 32, the
 * first at offset r4 = 0x40, the last at r5 = 0x5f.
 * Translated, DBAT2 EA 0x10000000 -> RA 0x400000 (128 KB, M, PP=10):
 * 256 bytes of 0xaa at RA 0x400000, dcbz EA 0x100000bc: r6 = 32,
 * r7 = 0xa0, r8 = 0xbf.
 */
# expect: r3=0x0000000000000020 r4=0x0000000000000040 r5=0x000000000000005f
# expect: r6=0x0000000000000020 r7=0x00000000000000a0 r8=0x00000000000000bf
# run-args: --pvr 0x00080200 --msr 0x1000
# expect-exit: 0
# kvm-pr-diverges: exit,r6,r7,r8: kvm-pr gives every translation of a 32-bit guest WIMG=0000 (book3s_32_mmu.c never sets it) and hands that to the host's H_ENTER, which the pseries hypervisor refuses for memory: the first translated access ends the run with an internal error, PEM 7.4/7.6 (WIMG from the BAT or PTE)
#include "guest.h"
#include "mmu32.inc"

	GUEST_START
	fill	0x300000
	fill	0x400000
	ra32	r20, 0x300048
	dcbz	0, r20
	zeros	0x300000, r3, r4, r5
	mmu32_setup
	bat_image_io
	bat	DBATU(2), 0x10000000 | BAT_VS | BL_128K, 0x400000 | PTE_M | PP_RW
	isync
	rfi_to	on, MSR32_KT
on:	ra32	r20, 0x100000bc
	dcbz	0, r20
	real_mode32
	zeros	0x400000, r6, r7, r8
	li	r20, 0
	li	r21, 0
	li	r22, 0
	exit_imm 0

	mmu32_routines
