/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-4k: translation on (MSR[IR]=[DR]=1) with 4 KB pages in 256 MB
 * segments; loads, stores and instruction fetches go to the real page
 * the HPTE names, not to the EA. Power ISA v2.07B Book III-S 5.7.4-5.7.7
 * (SLB lookup, VA = VSID || EA[36:63], hashed page table search, RA =
 * RPN || EA[52:63]); 3.3.1 rfid (MSR <- SRR1, here SF|ME|IR|DR (+LE));
 * mmu64.inc for the HPTE and SLB formats.
 *
 * Mappings (4 KB, PP=10, WIMG=0010), beside mmu64.inc's identity map of
 * the image and the MMIO page:
 *   EA 0x200000   (segment 0, VSID 0x5a5) -> RA 0x300000
 *   EA 0x10005000 (segment 1, VSID 0x1234) -> RA 0x310000
 *   EA 0x10007000 (segment 1)              -> RA of far_page (code)
 * Real mode first writes 0x1111 at RA 0x200010, 0x2222 at 0x300010,
 * 0x3333 at 0x310018.
 *
 * Translated:
 *   r3 = ld EA 0x200010 = RA 0x300010 = 0x2222 (not 0x1111)
 *   r4 = ld EA 0x10005018 = RA 0x310018 = 0x3333
 *   std 0xaaaa to EA 0x200020 (RA 0x300020), 0xbbbb to EA 0x10005ff8
 *   (RA 0x310ff8); bctrl to EA 0x10007000 runs far_page's code: r9 =
 *   0x77, r11 = its own LR after "bl" = EA 0x1000700c (LR holds EAs)
 *   console "translated" through the MMIO page's HPTE
 * Real mode again (mtmsrd):
 *   r5 = RA 0x300020 = 0xaaaa, r6 = RA 0x200020 = 0 (never written),
 *   r7 = RA 0x310ff8 = 0xbbbb, r8 = RA 0x200010 = 0x1111 (unchanged)
 * Then translated again, and the exit store goes through the MMIO HPTE:
 * msr = SF|ME|IR|DR (+LE).
 */
# run-args-be: --msr 0x9000000000001000
# run-args-le: --msr 0x9000000000001001
# expect: r3=0x0000000000002222 r4=0x0000000000003333 r5=0x000000000000aaaa
# expect: r6=0x0000000000000000 r7=0x000000000000bbbb r8=0x0000000000001111
# expect: r9=0x0000000000000077 r11=0x000000001000700c
# expect-le: msr=0x8000000000001031
# expect-be: msr=0x8000000000001030
# expect-console: translated
# expect-exit: 0
#include "guest.h"
#include "mmu64.inc"

#define VSID_D	0x1234

	GUEST_START
	poke	0x200010, 0x1111
	poke	0x300010, 0x2222
	poke	0x310018, 0x3333

	mmu64_setup
	slb_256m 2, 0x10000000, VSID_D
	hpte_map VSID_CODE, 0x200000, 0x300000 | PTE_M | PP_RW
	hpte_map VSID_D, 0x10005000, 0x310000 | PTE_M | PP_RW
	hpte_map_label VSID_D, 0x10007000, far_page, PTE_M | PP_RW
	rfid_to on, MSR_KT

on:	ra32	r20, 0x200010
	ld	r3, 0(r20)
	ra32	r20, 0x10005018
	ld	r4, 0(r20)
	li	r21, 0
	ori	r21, r21, 0xaaaa
	ra32	r20, 0x200020
	std	r21, 0(r20)
	li	r21, 0
	ori	r21, r21, 0xbbbb
	ra32	r20, 0x10005ff8
	std	r21, 0(r20)
	ra32	r20, 0x10007000
	mtctr	r20
	bctrl
	println	"translated"

	real_mode
	ra32	r20, 0x300020
	ld	r5, 0(r20)
	ra32	r20, 0x200020
	ld	r6, 0(r20)
	ra32	r20, 0x310ff8
	ld	r7, 0(r20)
	ra32	r20, 0x200010
	ld	r8, 0(r20)
	rfid_to done, MSR_KT
done:	li	r20, 0
	li	r21, 0
	exit_imm 0

	.balign	4096
far_page:
	mflr	r10
	li	r9, 0x77
	bl	1f
1:	mflr	r11
	mtlr	r10
	blr

	mmu64_routines
