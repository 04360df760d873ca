/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu32-bat-high: BATs 4-7 of a 7455 (PVR 0x80010201), which translate
 * only while HID0[HIGH_BAT_EN] (bit 8, 0x00800000) is set. MPC7450 RISC
 * Microprocessor Family Reference Manual 2.1.5.1 (HID0[HIGH_BAT_EN]:
 * "0: additional BATs disabled; 1: enabled"; 7455 and later) and 5.3
 * (BATs 4-7: IBAT4U-7L SPRs 560-567, DBAT4U-7L 568-575), PEM 7.4 as in
 * mmu32-bat (no BAT, no PTE: DSI, DSISR 0x40000000). (Linux sets
 * HIGH_BAT_EN itself on these CPUs before using BATs 4-7; QEMU 7.2's
 * 7455 ignores the bit and translates through BATs 4-7 always, as
 * kvm-pr does: r3, r8, r10, r19 differ there, the rest agrees.)
 *
 * BATs 0-1 map the image and the MMIO page; the HTAB is empty. With
 * HID0 = 0:
 *   DBAT4: EA 0x10000000 -> RA 0x400000 PP=10
 *   DBAT5: EA 0x20000000 -> RA 0x500000 PP=01
 *   IBAT4: EA 0x30000000 -> RA 0x600000 ("li r9, 0x77; blr")
 *   DBAT7: EA 0x40000000 -> RA 0x700000 PP=10   (all 128 KB, M)
 * Real mode writes 0x11111111 at RA 0x400010, 0x55555555 at RA
 * 0x500010, 0x77777777 at RA 0x700008.
 * Translated, HIGH_BAT_EN=0: lwz EA 0x10000010 takes a DSI: r3 stays
 * -1, r8 = DSISR 0x40000000, r10 = DAR 0x10000010.
 * HID0 = HIGH_BAT_EN: r11 = mfspr HID0 = 0x00800000,
 *   r4 = lwz EA 0x10000010 = 0x11111111, stw 0x44 to EA 0x10000020,
 *   r5 = lwz EA 0x20000010 = 0x55555555, bctrl EA 0x30000000: r9 = 0x77,
 *   r6 = lwz EA 0x40000008 = 0x77777777.
 * Real mode: r7 = RA 0x400020 = 0x44, r19 = 1 DSI.
 */
# expect: r3=0xffffffffffffffff r4=0x0000000011111111 r5=0x0000000055555555
# expect: r6=0x0000000077777777 r7=0x0000000000000044 r8=0x0000000040000000
# expect: r9=0x0000000000000077 r10=0x0000000010000010 r11=0x0000000000800000
# expect: r19=0x0000000000000001
# run-args: --pvr 0x80010201 --msr 0x1000
# expect-exit: 0
# kvm-pr-diverges: exit,r3,r4,r5,r6,r7,r8,r9,r10,r11,r19: kvm-pr gives every translation of a 32-bit guest WIMG=0000 (book3s_32_mmu.c never sets it) and hands that to the host's H_ENTER, which the pseries hypervisor refuses for memory: the first translated access ends the run with an internal error, PEM 7.4/7.6 (WIMG from the BAT or PTE)
#include "guest.h"
#include "mmu32.inc"

	CLAIM(300)

	GUEST_START
	poke32	0x400010, 0x11111111
	poke32	0x500010, 0x55555555
	poke32	0x700008, 0x77777777
	far_code32 0x600000
	li	r19, 0
	li	r17, 0
	li	r26, 0
	mtspr	SPRN_HID0, r26
	mmu32_setup
	li	r26, 0
	.irp	n, 4, 5, 6, 7
	mtspr	IBATHU(\n), r26
	mtspr	DBATHU(\n), r26
	.endr
	bat_image_io
	bat	DBATHU(4), 0x10000000 | BAT_VS | BL_128K, 0x400000 | PTE_M | PP_RW
	bat	DBATHU(5), 0x20000000 | BAT_VS | BL_128K, 0x500000 | PTE_M | PP_01
	bat	IBATHU(4), 0x30000000 | BAT_VS | BL_128K, 0x600000 | PTE_M | PP_RW
	bat	DBATHU(7), 0x40000000 | BAT_VS | BL_128K, 0x700000 | PTE_M | PP_RW
	isync
	rfi_to	on, MSR32_KT

on:	li	r3, -1
	ra32	r20, 0x10000010
	lwz	r3, 0(r20)
	ra32	r26, HID0_HIGH_BAT_EN
	mtspr	SPRN_HID0, r26
	isync
	mfspr	r11, SPRN_HID0
	ra32	r20, 0x10000010
	lwz	r4, 0(r20)
	li	r21, 0x44
	stw	r21, 0x10(r20)
	ra32	r20, 0x20000010
	lwz	r5, 0(r20)
	ra32	r20, 0x30000000
	mtctr	r20
	bctrl
	ra32	r20, 0x40000008
	lwz	r6, 0(r20)
	real_mode32
	ra32	r20, 0x400020
	lwz	r7, 0(r20)
	get_rec32 r8, 0, REC_DSISR
	get_rec32 r10, 0, REC_DAR
	li	r20, 0
	li	r21, 0
	exit_imm 0

handler_300:
	record_fault32
	skip_return32 r19

	mmu32_routines
