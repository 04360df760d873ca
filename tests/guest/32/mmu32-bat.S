/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu32-bat: block address translation on a 750 (PVR 0x00080200, BATs
 * 0-3). PEM 7.4 (BATs are searched before the segment/page tables; a
 * BAT matches an EA when EA[0:14] & ~BL == BEPI and the BAT is valid for
 * the state: Vs in supervisor, Vp in user; RA = BRPN | EA offset;
 * 7.4.3 PP: 00 no access, x1 read only (01 and 11), 10 read/write; a
 * BAT-translated access the PP forbids takes a DSI with DSISR bit 4
 * (0x08000000), plus bit 6 (0x02000000) for a store; an EA no BAT and no
 * PTE translates: DSISR bit 1 (0x40000000)), PEM 6.4.3 (DSI: DAR = EA).
 *
 * BATs (WIMG=0010 unless said):
 *   IBAT0, DBAT0: EA 0 -> RA 0, 128 KB, PP=10 (the image)
 *   DBAT1: EA 0xF0000000 -> RA 0xF0000000, 128 KB, I|G (MMIO)
 *   DBAT2: EA 0x10000000 -> RA 0x400000, 256 KB, PP=10
 *   DBAT3: EA 0x20000000 -> RA 0x500000, 128 KB, PP=01
 *   IBAT1: EA 0x30000000 -> RA 0x600000, 128 KB: "li r9, 0x77; blr"
 * Segment registers name VSIDs with no PTE in the (empty) HTAB.
 * Real mode writes 0x11111111 at RA 0x400010, 0x55555555 at RA 0x500010.
 * Translated (MSR = ME|IR|DR):
 *   r3 = lwz EA 0x10000010 = 0x11111111; stw 0x22222222 to EA
 *   0x1003fffc (the last word of DBAT2's 256 KB)
 *   r4 = lwz EA 0x20000010 = 0x55555555 (read only reads)
 *   case 0: stw EA 0x20000020 (PP=01): DSI, r5 = DSISR 0x0a000000,
 *           r8 = DAR 0x20000020
 *   bctrl to EA 0x30000000: r9 = 0x77
 *   DBAT3L PP=11, case 1: stw EA 0x20000024: DSI, r6 = 0x0a000000,
 *           r10 = 0x20000024
 *   DBAT2U with Vs=0, Vp=1, case 2: lwz EA 0x10000010 in supervisor
 *           state: no BAT, no PTE: r7 = 0x40000000, r11 = 0x10000010
 *   the DSIs' SRR1: r15 = ME|IR|DR = 0x1030 (case 2's)
 * Real mode: r12 = RA 0x500024 = 0 and r14 = RA 0x500020 = 0 (stores
 * refused), r13 = RA 0x43fffc = 0x22222222, r19 = 3 DSIs.
 */
# expect: r3=0x0000000011111111 r4=0x0000000055555555 r5=0x000000000a000000
# expect: r6=0x000000000a000000 r7=0x0000000040000000 r8=0x0000000020000020
# expect: r9=0x0000000000000077 r10=0x0000000020000024 r11=0x0000000010000010
# expect: r12=0x0000000000000000 r13=0x0000000022222222 r14=0x0000000000000000
# expect: r15=0x0000000000001030 r19=0x0000000000000003
# run-args: --pvr 0x00080200 --msr 0x1000
# expect-exit: 0
# kvm-pr-diverges: exit,r3,r4,r5,r6,r7,r8,r9,r10,r11,r13,r15,r19: kvm-pr gives every translation of a 32-bit guest WIMG=0000 (book3s_32_mmu.c never sets it) and hands that to the host's H_ENTER, which the pseries hypervisor refuses for memory: the first translated access ends the run with an internal error, PEM 7.4/7.6 (WIMG from the BAT or PTE)
#include "guest.h"
#include "mmu32.inc"

	CLAIM(300)

	GUEST_START
	poke32	0x400010, 0x11111111
	poke32	0x500010, 0x55555555
	/* the far code at RA 0x600000, made fetchable (PEM 5.1.5.2) */
	far_code32 0x600000
	li	r19, 0
	mmu32_setup
	bat_image_io
	bat	DBATU(2), 0x10000000 | BAT_VS | BL_256K, 0x400000 | PTE_M | PP_RW
	bat	DBATU(3), 0x20000000 | BAT_VS | BL_128K, 0x500000 | PTE_M | PP_01
	bat	IBATU(1), 0x30000000 | BAT_VS | BL_128K, 0x600000 | PTE_M | PP_RW
	isync
	rfi_to	on, MSR32_KT

on:	ra32	r20, 0x10000010
	lwz	r3, 0(r20)
	ra32	r21, 0x22222222
	ra32	r20, 0x1003fffc
	stw	r21, 0(r20)
	ra32	r20, 0x20000010
	lwz	r4, 0(r20)
	li	r17, 0
	ra32	r21, 0x20000020
	stw	r20, 0(r21)
	ra32	r20, 0x30000000
	mtctr	r20
	bctrl
	ra32	r26, 0x500000 | PTE_M | PP_RO
	mtspr	DBATU(3) + 1, r26
	isync
	li	r17, 1
	ra32	r21, 0x20000024
	stw	r20, 0(r21)
	ra32	r26, 0x10000000 | BAT_VP | BL_256K
	mtspr	DBATU(2), r26
	isync
	li	r17, 2
	ra32	r21, 0x10000010
	lwz	r22, 0(r21)

	real_mode32
	get_rec32 r5, 0, REC_DSISR
	get_rec32 r6, 1, REC_DSISR
	get_rec32 r7, 2, REC_DSISR
	get_rec32 r8, 0, REC_DAR
	get_rec32 r10, 1, REC_DAR
	get_rec32 r11, 2, REC_DAR
	get_rec32 r15, 2, REC_SRR1
	ra32	r20, 0x500024
	lwz	r12, 0(r20)
	ra32	r20, 0x43fffc
	lwz	r13, 0(r20)
	ra32	r20, 0x500020
	lwz	r14, 0(r20)
	li	r17, 0
	li	r20, 0
	li	r21, 0
	li	r22, 0
	exit_imm 0

handler_300:
	record_fault32
	skip_return32 r19

	mmu32_routines
