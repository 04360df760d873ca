/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtual-mode ends of the world switch, in module text.
 *
 * b3pr_enter_guest(struct b3pr_rm_vcpu *va, unsigned long rm_enter)
 *   Called with interrupts hard-disabled. Saves the host's non-volatile
 *   registers on the stack and r1/r2/MSR in va, then rfids to the real-mode
 *   entry stub at rm_enter (low memory). Returns, through
 *   b3pr_exit_landing, the vector the guest left through.
 *
 * b3pr_exit_landing
 *   Reached by rfid (or the kernel's own vector returning) from the
 *   real-mode exit with r1/r2 as saved, r3 = va, r13 = PACA, host MSR.
 *   Restores the non-volatiles and returns from b3pr_enter_guest.
 */
#include <asm/ppc_asm.h>
#include <asm/reg.h>

#include "b3pr-asm-offsets.h"

#define FRAME_SIZE	(32 + 18 * 8 + 16)
#define SAVE_GPR_AT(n)	(32 + ((n) - 14) * 8)

_GLOBAL(b3pr_enter_guest)
	mflr	r0
	std	r0, 16(r1)
	mfcr	r12
	stw	r12, 8(r1)
	stdu	r1, -FRAME_SIZE(r1)
	std	r14, SAVE_GPR_AT(14)(r1)
	std	r15, SAVE_GPR_AT(15)(r1)
	std	r16, SAVE_GPR_AT(16)(r1)
	std	r17, SAVE_GPR_AT(17)(r1)
	std	r18, SAVE_GPR_AT(18)(r1)
	std	r19, SAVE_GPR_AT(19)(r1)
	std	r20, SAVE_GPR_AT(20)(r1)
	std	r21, SAVE_GPR_AT(21)(r1)
	std	r22, SAVE_GPR_AT(22)(r1)
	std	r23, SAVE_GPR_AT(23)(r1)
	std	r24, SAVE_GPR_AT(24)(r1)
	std	r25, SAVE_GPR_AT(25)(r1)
	std	r26, SAVE_GPR_AT(26)(r1)
	std	r27, SAVE_GPR_AT(27)(r1)
	std	r28, SAVE_GPR_AT(28)(r1)
	std	r29, SAVE_GPR_AT(29)(r1)
	std	r30, SAVE_GPR_AT(30)(r1)
	std	r31, SAVE_GPR_AT(31)(r1)
	std	r1, VA_HOST_R1(r3)
	std	r2, VA_HOST_R2(r3)
	mfmsr	r5
	std	r5, VA_HOST_MSR(r3)
	/*
	 * Not recoverable from here on: an NMI taken once SRR0/1 hold the
	 * entry would return through them to the wrong place. MSR[RI] goes
	 * first (EE is already off), then real mode for the entry stub.
	 */
	li	r6, 0
	mtmsrd	r6, 1
	li	r6, MSR_IR | MSR_DR | MSR_RI
	andc	r5, r5, r6
	mtsrr0	r4
	mtsrr1	r5
	rfid
	b	.

_GLOBAL(b3pr_exit_landing)
	ld	r14, SAVE_GPR_AT(14)(r1)
	ld	r15, SAVE_GPR_AT(15)(r1)
	ld	r16, SAVE_GPR_AT(16)(r1)
	ld	r17, SAVE_GPR_AT(17)(r1)
	ld	r18, SAVE_GPR_AT(18)(r1)
	ld	r19, SAVE_GPR_AT(19)(r1)
	ld	r20, SAVE_GPR_AT(20)(r1)
	ld	r21, SAVE_GPR_AT(21)(r1)
	ld	r22, SAVE_GPR_AT(22)(r1)
	ld	r23, SAVE_GPR_AT(23)(r1)
	ld	r24, SAVE_GPR_AT(24)(r1)
	ld	r25, SAVE_GPR_AT(25)(r1)
	ld	r26, SAVE_GPR_AT(26)(r1)
	ld	r27, SAVE_GPR_AT(27)(r1)
	ld	r28, SAVE_GPR_AT(28)(r1)
	ld	r29, SAVE_GPR_AT(29)(r1)
	ld	r30, SAVE_GPR_AT(30)(r1)
	ld	r31, SAVE_GPR_AT(31)(r1)
	addi	r1, r1, FRAME_SIZE
	ld	r0, 16(r1)
	mtlr	r0
	lwz	r12, 8(r1)
	mtcr	r12
	lwz	r3, VA_TRAP(r3)
	blr
