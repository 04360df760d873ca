/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-dsi: Data Storage interrupts of translated accesses, with the
 * registers the ISA gives. Power ISA v2.07B Book III-S 6.5.3 Data
 * Storage interrupt: SRR0 = the faulting instruction, SRR1 bits 33:36
 * and 42:47 = 0 and the rest from the MSR (here SF|ME|IR|DR (+LE)),
 * DAR = the EA, DSISR bit 33 (0x40000000) no HPTE in the primary or
 * secondary PTEG, bit 36 (0x08000000) the access is not permitted by
 * 5.7.13 (PP with key = Ks in privileged state), bit 38 (0x02000000)
 * a store; 5.7.13 Table "PP bits": key 0: 00/01/10 read-write, 11 read
 * only; key 1: 00 none, 01 and 11 read only, 10 read-write.
 *
 * Segments: 1 (EA 0x10000000, VSID 0x1234, Ks=0) and 2 (EA 0x20000000,
 * VSID 0x2345, Ks=1). HPTEs (4 KB, PTE_M):
 *   EA 0x10002000 -> RA 0x322000 PP=11 (read only)
 *   EA 0x20003000 -> RA 0x323000 PP=00 (key 1: no access)
 *   EA 0x20004000 -> RA 0x324000 PP=01 (key 1: read only)
 *   EA 0x10001000: none
 * Each case sits at FAULTS + 32 n, its access at + 24:
 *   n  access                   DSISR        SRR0    DAR
 *   0  ld  EA 0x10001008        0x40000000   0x2c18  0x10001008
 *   1  std EA 0x10001010        0x42000000   0x2c38  0x10001010
 *   2  std EA 0x10002018        0x0a000000   0x2c58  0x10002018
 *   3  ld  EA 0x20003020        0x08000000   0x2c78  0x20003020
 *   4  std EA 0x20003028        0x0a000000   0x2c98  0x20003028
 *   5  std EA 0x20004030        0x0a000000   0x2cb8  0x20004030
 * r3..r8 = DSISR << 32 | SRR0 of cases 0..5, r9..r14 = their DARs,
 * r15 = AND, r16 = OR of their SRR1s (both SF|ME|IR|DR (+LE)),
 * r19 = 6 interrupts; loads that are allowed: r17 = ld EA 0x10002000
 * (PP=11) = 0x7272, r18 = ld EA 0x20004000 (key 1, PP=01) = 0x7474.
 * The dump's dar/dsisr/srr1 are case 5's, its srr0 case 5's + 4 (the
 * handler's return address). Real mode afterwards:
 * r30 = RA 0x322018 | RA 0x323028 | RA 0x324030 = 0 (no store done).
 */
# run-args-be: --msr 0x9000000000001000
# run-args-le: --msr 0x9000000000001001
# expect: r3=0x4000000000002c18 r4=0x4200000000002c38 r5=0x0a00000000002c58
# expect: r6=0x0800000000002c78 r7=0x0a00000000002c98 r8=0x0a00000000002cb8
# expect: r9=0x0000000010001008 r10=0x0000000010001010 r11=0x0000000010002018
# expect: r12=0x0000000020003020 r13=0x0000000020003028 r14=0x0000000020004030
# expect: r17=0x0000000000007272 r18=0x0000000000007474 r19=0x0000000000000006
# expect: r30=0x0000000000000000
# expect: srr0=0x0000000000002cbc dar=0x0000000020004030 dsisr=0x000000000a000000
# expect-le: r15=0x8000000000001031 r16=0x8000000000001031 srr1=0x8000000000001031
# expect-be: r15=0x8000000000001030 r16=0x8000000000001030 srr1=0x8000000000001030
# expect-exit: 0
#include "guest.h"
#include "mmu64.inc"

#define VSID_D	0x1234
#define VSID_K	0x2345
#define FAULTS	0x2c00

	CLAIM(300)

	GUEST_START
	poke	0x322000, 0x7272
	poke	0x324000, 0x7474
	li	r19, 0

	mmu64_setup
	slb_256m 2, 0x10000000, VSID_D
	slb_256m 3, 0x20000000, VSID_K, SLB_KS
	hpte_map VSID_D, 0x10002000, 0x322000 | PTE_M | PP_RO
	hpte_map VSID_K, 0x20003000, 0x323000 | PTE_M | PP_00
	hpte_map VSID_K, 0x20004000, 0x324000 | PTE_M | PP_01
	li	r22, 0x5555		/* what the stores would write */
	rfid_to on, MSR_KT

on:	ra32	r20, 0x10002000
	ld	r17, 0(r20)
	ra32	r20, 0x20004000
	ld	r18, 0(r20)
	mr	r29, r17
	b	faults

	.org	FAULTS
faults:
	fault_case FAULTS, 0, ld, 0x10001008
	fault_case FAULTS, 1, std, 0x10001010
	fault_case FAULTS, 2, std, 0x10002018
	fault_case FAULTS, 3, ld, 0x20003020
	fault_case FAULTS, 4, std, 0x20003028
	fault_case FAULTS, 5, std, 0x20004030

	real_mode
	mr	r17, r29
	li	r29, 0
	get_dsisr_srr0 r3, 0
	get_dsisr_srr0 r4, 1
	get_dsisr_srr0 r5, 2
	get_dsisr_srr0 r6, 3
	get_dsisr_srr0 r7, 4
	get_dsisr_srr0 r8, 5
	get_rec	r9, 0, REC_DAR
	get_rec	r10, 1, REC_DAR
	get_rec	r11, 2, REC_DAR
	get_rec	r12, 3, REC_DAR
	get_rec	r13, 4, REC_DAR
	get_rec	r14, 5, REC_DAR
	li	r15, -1
	li	r16, 0
	li	r23, 0
1:	ra32	r20, REC + REC_SRR1
	sldi	r21, r23, 5
	ldx	r21, r20, r21
	and	r15, r15, r21
	or	r16, r16, r21
	addi	r23, r23, 1
	cmpdi	cr0, r23, 6
	blt	cr0, 1b
	ra32	r20, 0x322018
	ld	r30, 0(r20)
	ra32	r20, 0x323028
	ld	r21, 0(r20)
	or	r30, r30, r21
	ra32	r20, 0x324030
	ld	r21, 0(r20)
	or	r30, r30, r21
	li	r20, 0
	li	r21, 0
	li	r22, 0
	li	r23, 0
	exit_imm 0

handler_300:
	record_fault
	skip_return r19

	mmu64_routines
