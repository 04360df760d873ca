/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sc: the system call interrupt into the guest's own vector 0xc00 and
 * back with rfid. Power ISA v2.07B Book III-S:
 *  - 6.5.14 System Call interrupt: SRR0 = the address of the instruction
 *    after the sc; SRR1 bits 33:36 and 42:47 = 0, the others copied from
 *    the MSR; execution resumes at vector 0xc00 (HIOR 0)
 *  - 6.5, "MSR setting due to interrupt": SF=1, ME unchanged, LE = ILE
 *    (b3pr-run sets LPCR[ILE] for a little-endian image), HV unchanged,
 *    EE, PR, IR, DR, FP, RI and the rest 0
 *  - 3.3.1 rfid: MSR <- SRR1, NIA <- SRR0
 * The sc sits at 0x2100; the handler counts in r3 and returns.
 *
 * r3 = 2 (two system calls), r4 = SRR0 = 0x2104,
 * r5 = SRR1 = the MSR at the sc = SF|ME (+LE), EE was 0,
 * r6 = MSR in the handler = SF|ME (+ILE = LE),
 * r7 = MSR after rfid = SRR1 = SF|ME (+LE),
 * second sc with MSR[EE]=1 and RI=1 at 0x2200: r8 = SRR0 = 0x2204,
 * r9 = SRR1 = SF|EE|ME|RI (+LE), r10 = handler MSR again = SF|ME (+LE).
 */
# expect: r3=0x0000000000000002 r4=0x0000000000002104 r8=0x0000000000002204
# expect-le: r5=0x8000000000001001 r6=0x8000000000001001 r7=0x8000000000001001
# expect-le: r9=0x8000000000009003 r10=0x8000000000001001
# expect-be: r5=0x8000000000001000 r6=0x8000000000001000 r7=0x8000000000001000
# expect-be: r9=0x8000000000009002 r10=0x8000000000001000
# expect-exit: 0
# kvm-pr-diverges: r6,r10: the handler runs with MSR[ME]=0 (kvm-pr enters every interrupt with MSR = SF|ILE only), ISA v2.07B Book III-S 6.5 MSR setting due to interrupt
#include "guest.h"

	CLAIM(c00)

#define LE	IF_LE(MSR_LE, 0)

	GUEST_START
	ra32	r4, 0x7fffffff
	mtdec	r4
	li	r3, 0
	b	at_2100

	.org	0x2100
at_2100:
	sc
	mfmsr	r7
	mr	r11, r4
	mr	r12, r5
	li	r20, 0
	ori	r20, r20, MSR_EE | MSR_RI
	mtmsrd	r20, 1
	b	at_2200

	.org	0x2200
at_2200:
	sc
	li	r20, 0
	mtmsrd	r20, 1
	mr	r8, r4
	mr	r9, r5
	mr	r4, r11
	mr	r5, r12
	mr	r6, r13
	li	r11, 0
	li	r12, 0
	li	r13, 0
	li	r20, 0
	exit_imm 0

handler_c00:
	addi	r3, r3, 1
	mfsrr0	r4
	mfsrr1	r5
	cmpdi	cr0, r3, 1
	bne	1f
	mfmsr	r13			/* first call: r6 via r13 */
	b	2f
1:	mfmsr	r10
2:	rfid
