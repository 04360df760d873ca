/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System reset and machine check stubs: the real vectors 0x100 and 0x200
 * and, on pseries, the FWNMI entries the kernel registered with
 * ibm,nmi-register (where the hypervisor sends them instead). They
 * cannot be masked, so they come at any instant: in the guest, in the
 * entry and exit windows, in host code. The kernel's handler must never
 * run on the guest's SLB (it would fault on its own text, or fetch what
 * the guest mapped at the kernel's addresses).
 *
 * Entry: as the kernel's own handler would be entered; for an FWNMI entry
 * r3 points to a big-endian save slot holding the interrupted r3 (PAPR).
 * Uses the kernel's own NMI save area's (EXNMI or EXMC) R9-R12 slots and
 * SPRG2, which the kernel's handler overwrites right after
 * (rm_macros.S: STUB_ENTRY, STUB_HOST_PATH, STUB_GUEST_PATH).
 *
 * This CPU runs no guest: everything restored, the entry's first word,
 * then on into the kernel's handler, as if the stub had never been there.
 *
 * Entry or exit window (marked as running a guest, SRR1[PR]=0): the
 * host's bolted SLB goes back, then the kernel's handler, with the
 * interrupted context as it was. MSR[RI] is 0 there, so the kernel
 * treats it as unrecoverable, as it does its own RI=0 windows.
 *
 * In the guest (SRR1[PR]=1): a full guest exit through b3pr_rm_exit with
 * the vector 0x100 or 0x200, which instead of returning to
 * b3pr_exit_landing enters the kernel's handler as if the NMI had hit
 * the landing point in host state: SRR0 the landing point, SRR1 the
 * host's MSR (EE=0, RI=1) with the interrupt's cause bits, r3 the vcpu
 * area (for FWNMI, in the save slot). The kernel's handler does what its
 * settings say (NMI IPI, crash dump, debugger, oops and panic) and, if it
 * returns, returns to the landing point with everything as it was.
 */
.macro NMI_VECTOR name, trap, area, where, fwnmi
	.globl	b3pr_rm_stub_\name
b3pr_rm_stub_\name:
	STUB_ENTRY \area
	std	r12, \area + EX_R12(r13)
	RM_RESTORE_HOST_SLB r10, r11, r12
	ld	r12, \area + EX_R12(r13)
	STUB_HOST_PATH \area, b3pr_rm_displaced_\name
	STUB_GUEST_PATH \area
	RM_ADDR	r11, b3pr_rm_displaced_\name
	std	r11, VA_NMI_CONT(r10)
	li	r11, \fwnmi
	stw	r11, VA_NMI_FWNMI(r10)
	li	r11, \trap
	RM_BA	.Lrm_exit
	RM_VECTOR_ROW \trap, b3pr_rm_stub_\name, b3pr_rm_displaced_\name, \where
.endm

	NMI_VECTOR sreset, 0x100, B3PR_PACA_EXNMI, B3PR_RM_AT_VECTOR, 0
	NMI_VECTOR mcheck, 0x200, B3PR_PACA_EXMC, B3PR_RM_AT_VECTOR, 0
	NMI_VECTOR fwnmi_sreset, 0x100, B3PR_PACA_EXNMI, B3PR_RM_AT_FWNMI_SRESET, 1
	NMI_VECTOR fwnmi_mcheck, 0x200, B3PR_PACA_EXMC, B3PR_RM_AT_FWNMI_MCHECK, 1
