/* SPDX-License-Identifier: GPL-2.0 */
/* compute: an add per iteration, no exit at all. */
#include "bench.h"
	.macro	bench_body
	addi	r5, r5, 1
	.endm
	bench_loop 100000
