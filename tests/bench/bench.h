/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A benchmark guest: ITERS times the loop body BODY (one instruction, or
 * a few), timed with mftb. Leaves r3 = time base ticks for the whole
 * loop, r4 = ITERS; exit value 0. Under qemu -icount shift=0 the ticks
 * count instructions of the emulated host, so they repeat run to run.
 * The loop adds one bdnz per iteration (half a tick).
 */
#include "guest.h"

	.macro	bench_loop iters
	GUEST_START
	ra32	r20, 0x7fffffff
	mtdec	r20
	li	r5, 0
	li	r6, MSR_RI
	ra32	r4, \iters
	ra32	r25, SCRATCH
	mtctr	r4
	mftb	r20
1:	bench_body
	bdnz	1b
	mftb	r21
	subf	r3, r20, r21
	exit_imm 0
	.endm
