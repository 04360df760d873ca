/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu32-htab: segment registers and the hashed page table of a 750
 * (PVR 0x00080200), with R/C recording. PEM 7.5 (EA[0:3] selects SR n;
 * VA = VSID || EA[4:31]), 7.6 (PTE search in the primary then the
 * secondary PTEG, RA = RPN || EA[20:31]), 7.5.3 (key = Ks in supervisor
 * state; PP as in mmu32.inc), 7.6.3 (R set by any access, C by a store
 * performed), 7.7.1 (SDR1: HTABORG 0x40000, HTABMASK 0: 64 KB), 7.8.3
 * (mtsr: the next access uses the new segment register, after isync),
 * 6.4.3 (DSI: DSISR 0x40000000 no PTE, 0x08000000 protection, 0x02000000
 * store; DAR = EA), 2.3.x mfsr.
 *
 * No BATs. SR0 VSID 0x100 (the image, identity mapped, PP=10), SR15
 * VSID 0x10f (MMIO page, I|G), SR1 VSID 0x111, SR2 VSID 0x222 | Ks.
 * PTEs (4 KB, M):
 *   EA 0x10005000 -> RA 0x310000 PP=10   EA 0x10006000 -> RA 0x311000
 *   EA 0x10007000 -> RA 0x312000         EA 0x10008000 -> RA 0x313000
 *   EA 0x20003000 -> RA 0x314000 PP=00   EA 0x20004000 -> RA 0x315000 PP=01
 *   VSID 0x333: EA 0x10005000 -> RA 0x316000
 * Real mode writes 0x31313131 at RA 0x310010, 0x36363636 at RA 0x316010.
 * Translated (MSR = ME|IR|DR):
 *   r3 = lwz EA 0x10005010 = 0x31313131; stw 0x3f3f3f3f to EA 0x10005ffc
 *   lwz EA 0x10006000 (load only), stw to EA 0x10007000 (store only),
 *   EA 0x10008000 untouched
 *   case 0: lwz EA 0x20003000 (key 1, PP=00): r6 = DSISR 0x08000000,
 *           r7 = DAR 0x20003000
 *   case 1: stw EA 0x20004008 (key 1, PP=01): r8 = 0x0a000000
 *   case 2: lwz EA 0x10009000 (no PTE): r9 = 0x40000000
 *   mtsr 1 = VSID 0x333; isync: r10 = lwz EA 0x10005010 = 0x36363636
 *   r14 = mfsr 2 = 0x40000222
 * Real mode: r4 = RA 0x310ffc = 0x3f3f3f3f; word 1 & (R|C) of the PTEs
 * for EA 0x10006000, 0x10007000, 0x10008000: r11 = 0x100, r12 = 0x180,
 * r13 = 0; r19 = 3 DSIs.
 */
# expect: r3=0x0000000031313131 r4=0x000000003f3f3f3f r6=0x0000000008000000
# expect: r7=0x0000000020003000 r8=0x000000000a000000 r9=0x0000000040000000
# expect: r10=0x0000000036363636 r11=0x0000000000000100 r12=0x0000000000000180
# expect: r13=0x0000000000000000 r14=0x0000000040000222 r19=0x0000000000000003
# run-args: --pvr 0x00080200 --msr 0x1000
# expect-exit: 0
# kvm-pr-diverges: exit,r3,r4,r6,r7,r8,r9,r10,r11,r12,r13,r14,r19: kvm-pr gives every translation of a 32-bit guest WIMG=0000 (book3s_32_mmu.c never sets it) and hands that to the host's H_ENTER, which the pseries hypervisor refuses for memory: the first translated access ends the run with an internal error, PEM 7.4/7.6 (WIMG from the BAT or PTE)
#include "guest.h"
#include "mmu32.inc"

	CLAIM(300)

	GUEST_START
	poke32	0x310010, 0x31313131
	poke32	0x316010, 0x36363636
	li	r19, 0
	li	r17, 0
	mmu32_setup
	sr_set	1, 0x111
	sr_set	2, SR_KS | 0x222
	isync
	li	r29, 0
1:	li	r20, 0x100
	mr	r21, r29
	ori	r22, r29, PTE_M | PP_RW
	bl	hpte32_insert
	addi	r29, r29, 0x1000
	ra32	r26, _image_end
	cmplw	cr7, r29, r26
	blt	cr7, 1b
	hpte32_map 0x10f, 0xF0000000, 0xF0000000 | PTE_IG | PP_RW
	hpte32_map 0x111, 0x10005000, 0x310000 | PTE_M | PP_RW
	hpte32_map 0x111, 0x10006000, 0x311000 | PTE_M | PP_RW
	mr	r11, r20
	hpte32_map 0x111, 0x10007000, 0x312000 | PTE_M | PP_RW
	mr	r12, r20
	hpte32_map 0x111, 0x10008000, 0x313000 | PTE_M | PP_RW
	mr	r13, r20
	hpte32_map 0x222, 0x20003000, 0x314000 | PTE_M | PP_00
	hpte32_map 0x222, 0x20004000, 0x315000 | PTE_M | PP_01
	hpte32_map 0x333, 0x10005000, 0x316000 | PTE_M | PP_RW
	li	r29, 0
	rfi_to	on, MSR32_KT

on:	ra32	r20, 0x10005010
	lwz	r3, 0(r20)
	ra32	r21, 0x3f3f3f3f
	ra32	r20, 0x10005ffc
	stw	r21, 0(r20)
	ra32	r20, 0x10006000
	lwz	r22, 0(r20)
	ra32	r20, 0x10007000
	stw	r21, 0(r20)
	li	r17, 0
	ra32	r20, 0x20003000
	lwz	r22, 0(r20)
	li	r17, 1
	ra32	r20, 0x20004008
	stw	r21, 0(r20)
	li	r17, 2
	ra32	r20, 0x10009000
	lwz	r22, 0(r20)
	sr_set	1, 0x333
	isync
	ra32	r20, 0x10005010
	lwz	r10, 0(r20)
	mfsr	r14, 2

	real_mode32
	ra32	r20, 0x310ffc
	lwz	r4, 0(r20)
	.irp	r, 11, 12, 13
	lwz	r\r, 4(r\r)
	andi.	r\r, r\r, PTE_R | PTE_C
	.endr
	get_rec32 r6, 0, REC_DSISR
	get_rec32 r7, 0, REC_DAR
	get_rec32 r8, 1, REC_DSISR
	get_rec32 r9, 2, REC_DSISR
	li	r17, 0
	li	r20, 0
	li	r21, 0
	li	r22, 0
	exit_imm 0

handler_300:
	record_fault32
	skip_return32 r19

	mmu32_routines
