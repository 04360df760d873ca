/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fp-exits: an FP add and a trapped mfmsr per iteration: the guest's FP
 * registers stay its own across every exit (MSR[FP] on from the start).
 */
#include "bench.h"
	.macro	bench_body
	fadd	f1, f1, f2
	mfmsr	r5
	.endm
	GUEST_START
	mfmsr	r20
	ori	r20, r20, MSR_FP
	mtmsrd	r20
	bench_timed 100000
