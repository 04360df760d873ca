/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Speculation mitigations on the way into a guest: the same ones the
 * host applies on its own return to problem state, since a guest is
 * untrusted problem-state code too.
 *
 *  - L1D flush: when the host flushes by displacement (it then keeps a
 *    flush area in the PACA), read that area line by line so nothing the
 *    host left in the L1D can be probed by the guest.
 *  - Store-forwarding barrier: hwsync, a dependent load, ori 31,31,0.
 *
 * Entry: r13 PACA, real mode. Clobbers r5-r7, CTR and CR0; used by
 * enter.S before any guest register is loaded.
 */
.macro GUEST_ENTRY_MITIGATIONS
	ld	r5, B3PR_PACA_L1D_FLUSH_AREA(r13)
	cmpdi	r5, 0
	beq	2f
	ld	r6, B3PR_PACA_L1D_FLUSH_SIZE(r13)
	srdi	r6, r6, 7 + 3			/* 128-byte lines, 8 a round */
	cmpdi	r6, 0
	beq	2f
	mtctr	r6
	sync
1:	ld	r7, 0 * 128(r5)
	ld	r7, 1 * 128(r5)
	ld	r7, 2 * 128(r5)
	ld	r7, 3 * 128(r5)
	ld	r7, 4 * 128(r5)
	ld	r7, 5 * 128(r5)
	ld	r7, 6 * 128(r5)
	ld	r7, 7 * 128(r5)
	addi	r5, r5, 8 * 128
	bdnz	1b
2:	sync
	ld	r7, 0(r13)
	ori	31, 31, 0			/* speculation barrier */
.endm
