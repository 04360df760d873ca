/* SPDX-License-Identifier: GPL-2.0 */
/* priv-mfmsr: a trapped and emulated mfmsr per iteration. */
#include "bench.h"
	.macro	bench_body
	mfmsr	r5
	.endm
	bench_loop 100000
