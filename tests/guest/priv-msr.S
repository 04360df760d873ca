/* SPDX-License-Identifier: GPL-2.0 */
/*
 * priv-msr: mfmsr, mtmsrd L=1 and L=0, rfid, from the guest's privileged
 * non-hypervisor state (MSR[HV]=0, MSR[PR]=0). Each is privileged and
 * traps to the hypervisor, which emulates it. Power ISA v2.07B Book III-S:
 *  - 4.4.3 mtmsrd: L=1 alters only MSR[EE] and MSR[RI]; L=0 alters bits
 *    0:2 4:28 32:40 42:47 49:50 52:57 60:62, never HV (3), ME (51) or
 *    LE (63) from privileged non-hypervisor state
 *  - 3.3.1 rfid: MSR[ME] from SRR1 only in hypervisor state
 *    ("MSR51 <- (MSR3 & SRR1 51) | (~MSR3 & MSR51)"), NIA <- SRR0
 * b3pr-run starts with MSR = SF|ME (0x8000000000001000) plus LE (0x1)
 * for a little-endian image.
 *
 * r3  = initial MSR                                    SF|ME
 * r5  = after mtmsrd L=1 with EE|RI|FP: EE, RI only    SF|EE|ME|RI
 * r7  = after mtmsrd L=1 with 0: EE, RI cleared        SF|ME
 * r9  = after mtmsrd L=0 with SF|FP|ME|RI             SF|FP|ME|RI
 * r11 = after mtmsrd L=0 with SF|RI (ME clear): ME stays  SF|ME|RI
 * r13 = after rfid with SRR1 = SF|RI (ME clear): ME stays SF|ME|RI,
 *       and execution goes on at SRR0 = 0x2400
 * msr = after a last mtmsrd L=0 with SF|ME: SF|ME
 * (each plus 0x1 in the little-endian build)
 */
# expect-le: r3=0x8000000000001001 r5=0x8000000000009003 r7=0x8000000000001001
# expect-le: r9=0x8000000000003003 r11=0x8000000000001003 r13=0x8000000000001003
# expect-le: msr=0x8000000000001001
# expect-be: r3=0x8000000000001000 r5=0x8000000000009002 r7=0x8000000000001000
# expect-be: r9=0x8000000000003002 r11=0x8000000000001002 r13=0x8000000000001002
# expect-be: msr=0x8000000000001000
# expect: r14=0x0000000000000001 srr0=0x0000000000002400
# expect-exit: 0
# kvm-pr-diverges: r11,r13: mtmsrd L=0 and rfid clear MSR[ME] from privileged non-hypervisor state (kvm-pr copies RS / SRR1 whole), ISA v2.07B Book III-S 4.4.3 mtmsrd and 3.3.1 rfid
#include "guest.h"

#define LE	IF_LE(MSR_LE, 0)

	GUEST_START
	/* A DEC far from expiry, so that MSR[EE]=1 takes no interrupt. */
	ra32	r4, 0x7fffffff
	mtdec	r4

	mfmsr	r3
	li64	r4, MSR_EE | MSR_RI | MSR_FP
	mtmsrd	r4, 1
	mfmsr	r5
	li	r6, 0
	mtmsrd	r6, 1
	mfmsr	r7

	li64	r8, MSR_SF | MSR_FP | MSR_ME | MSR_RI | LE
	mtmsrd	r8, 0
	mfmsr	r9
	li64	r10, MSR_SF | MSR_RI | LE
	mtmsrd	r10, 0
	mfmsr	r11

	li64	r12, MSR_SF | MSR_RI | LE
	mtsrr1	r12
	ra32	r12, 0x2400
	mtsrr0	r12
	li	r14, 0
	rfid
	li	r14, 99			/* never: rfid does not fall through */

	.org	0x2400
	mfmsr	r13
	addi	r14, r14, 1
	li64	r4, MSR_SF | MSR_ME | LE
	mtmsrd	r4, 0
	exit_imm 0
