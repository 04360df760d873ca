/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-ir-only: MSR[IR]=1 with MSR[DR]=0: instructions are fetched
 * through the page table, data accesses are real. Power ISA v2.07B
 * Book III-S 5.7.3 (IR and DR are separate), 5.7.7 (instruction
 * translation), Book I 2.4 (bl: LR = CIA + 4, the effective address).
 *
 * HPTEs (4 KB, PTE_M, PP=10), beside mmu64.inc's identity map:
 *   EA 0x10007000 (segment 1, VSID 0x1234) -> RA of ir_page (code)
 *   EA 0x200000 (segment 0) -> RA 0x300000: a decoy that translated
 *                data accesses would use
 * Real mode writes 0x1111 at RA 0x200010, 0x2222 at RA 0x300010 and
 * 0x3f3f at RA 0x3f0000 (no HPTE maps EA 0x3f0000).
 * With MSR = SF|ME|IR (+LE), bctrl to EA 0x10007000, where ir_page:
 *   r3 = ld 0x200010 = 0x1111 (real, not the decoy's 0x2222)
 *   std 0x1e1e to 0x200018 (real)
 *   r6 = ld 0x3f0000 = 0x3f3f (no DSI: real)
 *   bl at EA 0x10007010: r4 = LR = 0x10007014
 * Real mode: r5 = RA 0x200018 = 0x1e1e, r7 = RA 0x300018 = 0.
 */
# run-args-be: --msr 0x9000000000001000
# run-args-le: --msr 0x9000000000001001
# expect: r3=0x0000000000001111 r4=0x0000000010007014 r5=0x0000000000001e1e
# expect: r6=0x0000000000003f3f r7=0x0000000000000000
# expect-console: ir only
# expect-exit: 0
#include "guest.h"
#include "mmu64.inc"

#define VSID_D	0x1234

	GUEST_START
	poke	0x200010, 0x1111
	poke	0x300010, 0x2222
	poke	0x3f0000, 0x3f3f

	mmu64_setup
	slb_256m 2, 0x10000000, VSID_D
	hpte_map VSID_CODE, 0x200000, 0x300000 | PTE_M | PP_RW
	hpte_map_label VSID_D, 0x10007000, ir_page, PTE_M | PP_RW
	rfid_to on, MSR_SF | MSR_ME | MSR_IR | LE_BIT

on:	ra32	r20, 0x10007000
	mtctr	r20
	bctrl
	println	"ir only"
	real_mode
	ra32	r20, 0x200018
	ld	r5, 0(r20)
	ra32	r20, 0x300018
	ld	r7, 0(r20)
	li	r20, 0
	li	r21, 0
	exit_imm 0

	.balign	4096
ir_page:
	mflr	r10			/* EA 0x10007000 */
	ra32	r20, 0x200010
	bl	1f			/* EA 0x10007010 */
1:	mflr	r4
	ld	r3, 0(r20)
	li	r21, 0x1e1e
	std	r21, 8(r20)
	ra32	r20, 0x3f0000
	ld	r6, 0(r20)
	mtlr	r10
	blr

	mmu64_routines
