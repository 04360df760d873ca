/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu-isi: Instruction Storage interrupts of translated fetches. Power
 * ISA v2.07B Book III-S 6.5.5 Instruction Storage interrupt: SRR0 = the
 * EA of the instruction that could not be fetched (here the branch
 * target), SRR1 bit 33 (0x40000000) no HPTE, bit 35 (0x10000000) the
 * fetch is from a no-execute page (HPTE N=1) or a no-execute segment
 * (SLB N=1) (or guarded storage: mmu-isi-guarded), bit 36 (0x08000000)
 * not permitted by 5.7.13 (a fetch needs read access: key 1 with PP=00
 * has none), the other bits of 33:36 and 42:47 = 0, the rest from the
 * MSR (SF|ME|IR|DR (+LE)).
 *
 * isi_page: "addi r18, r18, 1; blr". HPTEs to it (4 KB, PTE_M):
 *   n  EA          segment (VSID, SLB)     HPTE        SRR1 cause
 *   0  0x30004000  3 (0x3333, N=1)         PP=10       0x10000000
 *   1  0x10001000  1 (0x1234)              none        0x40000000
 *   2  0x10002000  1                       PP=10, N=1  0x10000000
 *   3  0x20003000  2 (0x2345, Ks=1)        PP=00       0x08000000
 * and that run: 0x10005000 (PP=10), 0x10006000 (PP=11: read only
 * executes), 0x20004000 (key 1, PP=01: read only executes): r18 = 3.
 * Case n (at 0x2c00 + 32 n) is a bctrl to its EA with r17 = n; the
 * handler records SRR0 and SRR1 and returns to LR (0x2c00 + 32 (n + 1))
 * with MSR SF|ME|IR|DR (+LE), which the dump's srr0/srr1 show last
 * (srr0 0x2c80).
 * r3..r6 = SRR0 of cases 0..3 (= their EAs), r7..r10 = their SRR1s,
 * r19 = 4 interrupts.
 */
# run-args-be: --msr 0x9000000000001000
# run-args-le: --msr 0x9000000000001001
# expect: r3=0x0000000030004000 r4=0x0000000010001000 r5=0x0000000010002000
# expect: r6=0x0000000020003000 r18=0x0000000000000003 r19=0x0000000000000004
# expect: srr0=0x0000000000002c80
# expect-le: r7=0x8000000010001031 r8=0x8000000040001031 r9=0x8000000010001031
# expect-le: r10=0x8000000008001031 srr1=0x8000000000001031
# expect-be: r7=0x8000000010001030 r8=0x8000000040001030 r9=0x8000000010001030
# expect-be: r10=0x8000000008001030 srr1=0x8000000000001030
# expect-exit: 0
# kvm-pr-diverges: r3,r7,r18,r19: a fetch from a segment with SLB N=1 runs instead of taking an ISI with SRR1 bit 35 (kvm-pr keeps the SLB N bit but never checks it), ISA v2.07B Book III-S 5.7.6.1 and 6.5.5
#include "guest.h"
#include "mmu64.inc"

#define VSID_D	0x1234
#define VSID_K	0x2345
#define VSID_N	0x3333

	CLAIM(400)

	.macro	isi_case n, ea
	li	r17, \n
	li64	r20, \ea
	mtctr	r20
	bctrl
	.endm

	.macro	map_isi vsid, ea, flags
	hpte_map_label \vsid, \ea, isi_page, \flags
	.endm

	GUEST_START
	li	r18, 0
	li	r19, 0
	mmu64_setup
	slb_256m 2, 0x10000000, VSID_D
	slb_256m 3, 0x20000000, VSID_K, SLB_KS
	slb_256m 4, 0x30000000, VSID_N, SLB_N
	map_isi	VSID_N, 0x30004000, PTE_M | PP_RW
	map_isi	VSID_D, 0x10002000, PTE_M | PTE_N | PP_RW
	map_isi	VSID_K, 0x20003000, PTE_M | PP_00
	map_isi	VSID_D, 0x10005000, PTE_M | PP_RW
	map_isi	VSID_D, 0x10006000, PTE_M | PP_RO
	map_isi	VSID_K, 0x20004000, PTE_M | PP_01
	rfid_to on, MSR_KT

on:	b	faults

	.org	0x2c00
faults:
	isi_case 0, 0x30004000
	isi_case 1, 0x10001000
	isi_case 2, 0x10002000
	isi_case 3, 0x20003000
	isi_case 9, 0x10005000
	isi_case 9, 0x10006000
	isi_case 9, 0x20004000
	real_mode
	get_rec	r3, 0, REC_SRR0
	get_rec	r4, 1, REC_SRR0
	get_rec	r5, 2, REC_SRR0
	get_rec	r6, 3, REC_SRR0
	get_rec	r7, 0, REC_SRR1
	get_rec	r8, 1, REC_SRR1
	get_rec	r9, 2, REC_SRR1
	get_rec	r10, 3, REC_SRR1
	li	r17, 0
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
