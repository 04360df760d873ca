/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmu32-dcbz-hidden: a 750 (PVR 0x00080200) that reads, rewrites and
 * runs its own code around a dcbz sees exactly what its memory holds,
 * however the hypervisor makes that dcbz clear 32 bytes. PEM 8 dcbz
 * (the block of the EA, 32 bytes on the 750, 750 UM 3.1), PEM 5.1.5 /
 * Book II 1.8 (instruction storage: after a store, dcbst, sync, icbi,
 * isync, the new instruction runs).
 *
 * Real mode, one code page:
 *   r10 = lwz of the word at dcbz_here = 0x7c004fec (dcbz 0,r9: 31 << 26
 *   | 9 << 11 | 1014 << 1), as assembled, though the page has run;
 *   dcbz_here clears RA 0x300040..0x30005f of 256 bytes of 0xaa:
 *   r3 = 32 zero bytes, r4 = first 0x40, r5 = last 0x5f;
 *   patch_here holds "li r11, 1"; the program stores "li r11, 0x55"
 *   (0x39600055) over it, makes it visible to fetches and runs it:
 *   r11 = 0x55; r12 = lwz patch_here = 0x39600055.
 */
# expect: r3=0x0000000000000020 r4=0x0000000000000040 r5=0x000000000000005f
# expect: r10=0x000000007c004fec r11=0x0000000000000055 r12=0x0000000039600055
# run-args: --pvr 0x00080200 --msr 0x1000
# expect-exit: 0
# kvm-pr-diverges: r10: kvm-pr rewrites the dcbz in the guest's own memory into an invalid instruction that traps (kvmppc_patch_dcbz(), book3s_pr.c) and the guest reads the rewritten word back, PEM 8 (dcbz) and 5.1.5 (the guest's storage holds what it stored)
#include "guest.h"
#include "mmu32.inc"

	GUEST_START
	fill	0x300000

	ra32	r20, dcbz_here
	lwz	r10, 0(r20)
	ra32	r9, 0x300048
dcbz_here:
	dcbz	0, r9

	zeros	0x300000, r3, r4, r5

	ra32	r20, patch_here
	ra32	r21, 0x39600055		/* li r11, 0x55 */
	stw	r21, 0(r20)
	dcbst	0, r20
	sync
	icbi	0, r20
	isync
patch_here:
	li	r11, 1
	lwz	r12, 0(r20)
	li	r20, 0
	li	r21, 0
	li	r22, 0
	exit_imm 0
