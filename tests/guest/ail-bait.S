/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ail-bait: the guest's own code at EA 0xc000000000004000-0xc000000000005fff,
 * where a host with relocation-on interrupts (LPCR[AIL]=3, Power ISA
 * v2.07B Book III-S 6.5: vectors at 0xc000000000004000 + offset, taken
 * with MSR[IR]=[DR]=1) would take every interrupt of this guest through
 * the guest's own translation, in supervisor state. A hypervisor running
 * guests in problem state must never let that happen (its interrupts
 * must reach its real vectors), so the bait must never run.
 *
 * Mappings (4 KB, PP=10, WIMG=0010), segment ESID 0xc00000000 (VSID_BAIT):
 *   EA 0xc000000000004000, +0x1000 -> the bait pages
 *   EA 0xc000000000006000          -> the loop page (code)
 *   EA 0xc000000000007000          -> the caught page (data)
 * Each word of the bait branches to bait_caught, which (in supervisor
 * state only: as a guest program it would trap at mfmsr) stores its MSR
 * and SRR0 in the caught page, pushes DEC far out and rfids back. It is
 * assembled in the image's byte order: a host takes interrupts in its
 * own (LPCR[ILE]), so a scenario baits a ppc64el host with the LE image.
 *
 * The loop runs translated in the 0xc segment (so the host's SLB holds
 * it) for r3 timebase ticks (0: one round), touching the bait pages and
 * the caught page each round (so the host's page table holds them), and
 * stops early if the bait ran. Then:
 *   r3 = the MSR the bait saw = 0, r4 = its SRR0 = 0 (r5 the rounds,
 *   r24/r25 timebase values: volatile)
 */
# run-args-be: --msr 0x9000000000001000
# run-args-le: --msr 0x9000000000001001
# expect: r3=0x0000000000000000 r4=0x0000000000000000
# expect-exit: 0
# volatile: r5 r24 r25
#include "guest.h"
#include "mmu64.inc"

#define VSID_BAIT	0x7c0
#define EA_BAIT		0xc000000000004000
#define EA_LOOP		0xc000000000006000
#define EA_CAUGHT	0xc000000000007000

	GUEST_START
	mr	r19, r3
	mmu64_setup
	slb_256m 2, EA_BAIT, VSID_BAIT
	hpte_map_label VSID_BAIT, EA_BAIT, bait, PTE_M | PP_RW
	hpte_map_label VSID_BAIT, EA_BAIT + 0x1000, bait + 0x1000, PTE_M | PP_RW
	hpte_map_label VSID_BAIT, EA_LOOP, loop_page, PTE_M | PP_RW
	hpte_map_label VSID_BAIT, EA_CAUGHT, caught_page, PTE_M | PP_RW
	li64	r26, MSR_KT
	mtsrr1	r26
	li64	r26, EA_LOOP
	mtsrr0	r26
	rfid

	mmu64_routines

	.balign	0x1000
bait:
	.rept	0x1f00 / 4
	b	bait_caught
	.endr
bait_caught:
	mfmsr	r20
	mfsrr0	r21
	li64	r22, EA_CAUGHT
	std	r20, 0(r22)
	std	r21, 8(r22)
	lis	r20, 0x7fff
	mtdec	r20
	rfid
	.balign	0x1000

loop_page:
	li64	r22, EA_CAUGHT
	li64	r23, EA_BAIT
	mftb	r24
	add	r25, r24, r19
	li	r5, 0
1:	ld	r0, 0(r23)
	ld	r0, 0x1000(r23)
	addi	r5, r5, 1
	std	r5, 16(r22)
	ld	r0, 0(r22)
	cmpdi	r0, 0
	bne	2f
	mftb	r24
	cmpld	r24, r25
	blt	1b
2:	ld	r3, 0(r22)
	ld	r4, 8(r22)
	exit_imm 0
	.balign	0x1000

caught_page:
	.space	0x1000
