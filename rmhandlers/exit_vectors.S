/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Exit stubs, one per hooked vector. reloc/ replaces the first word of the
 * kernel's real vector V with "ba b3pr_rm_stub_V", copies that word into
 * the stub's displaced slot and writes "ba V + 4" after it.
 *
 * Entry: any interrupt at V; every register is the interrupted context's.
 * Host path (this CPU runs no guest): the stub restores everything it
 * touched (r9-r11, r13, CR; SPRG2 and EXGEN's R9-R11 slots are free at a
 * vector entry, the kernel's handler overwrites them itself), runs the
 * displaced word and continues at V + 4, as if it had never been there.
 * Only CFAR says otherwise: the hook's own branch set it, so the
 * kernel's handler records V instead of the branch before the interrupt.
 * No hook through a branch can avoid that, and the kernel uses CFAR for
 * its reports (oops, xmon) only.
 * An interrupt from supervisor state (SRR1[PR]=0) is never the guest's,
 * even while this CPU is marked as running one (the entry and exit
 * windows): it takes the host path too.
 * Guest path: branches to b3pr_rm_exit with
 *   r9    the guest's CR
 *   r10   struct b3pr_rm_vcpu of the guest
 *   r11   the vector
 *   r13   PACA
 *   the guest's r9, r10, r11 stored in r10's area, its r13 in SPRG2.
 *   PPR still the guest's (b3pr_rm_exit saves it, then goes to medium).
 */
.macro EXIT_VECTOR vec
	.globl	b3pr_rm_stub_\vec
b3pr_rm_stub_\vec:
	STUB_ENTRY B3PR_PACA_EXGEN
	STUB_HOST_PATH B3PR_PACA_EXGEN, b3pr_rm_displaced_\vec
	STUB_GUEST_PATH B3PR_PACA_EXGEN
	li	r11, \vec
	RM_BA	.Lrm_exit
	RM_VECTOR_ROW \vec, b3pr_rm_stub_\vec, b3pr_rm_displaced_\vec, B3PR_RM_AT_VECTOR
.endm

	EXIT_VECTOR 0x300	/* data storage */
	EXIT_VECTOR 0x380	/* data segment */
	EXIT_VECTOR 0x400	/* instruction storage */
	EXIT_VECTOR 0x480	/* instruction segment */
	EXIT_VECTOR 0x500	/* external */
	EXIT_VECTOR 0x600	/* alignment */
	EXIT_VECTOR 0x700	/* program: privileged, illegal, trap */
	EXIT_VECTOR 0x800	/* FP unavailable */
	EXIT_VECTOR 0x900	/* decrementer */
	EXIT_VECTOR 0xa00	/* doorbell */
	EXIT_VECTOR 0xc00	/* system call */
	EXIT_VECTOR 0xd00	/* trace */
	EXIT_VECTOR 0xf00	/* performance monitor */
	EXIT_VECTOR 0xf20	/* VMX unavailable */
	EXIT_VECTOR 0xf40	/* VSX unavailable */
	EXIT_VECTOR 0xf60	/* facility unavailable */
