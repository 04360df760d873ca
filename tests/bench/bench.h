/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A benchmark guest: ITERS times the loop body BODY (one instruction, or
 * a few), timed with mftb. Leaves r3 = time base ticks for the whole
 * loop, r4 = ITERS; exit value 0. Under qemu -icount shift=0 the ticks
 * count instructions of the emulated host, so they repeat run to run.
 * The loop adds one bdnz per iteration (half a tick). Guests run in
 * hypervisor state (SF|HV|ME|LE), as a machine without firmware starts,
 * so that the translated ones may write SDR1. Lines "# bench-run: NAME
 * ARGS" run the guest once per line, as NAME with more b3pr-run ARGS.
 */
#include "guest.h"

	/* The timed loop alone, for guests that set up (an MMU) first. */
	.macro	bench_timed iters
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

	.macro	bench_loop iters
	GUEST_START
	bench_timed \iters
	.endm
