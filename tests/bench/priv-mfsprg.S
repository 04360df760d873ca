/* SPDX-License-Identifier: GPL-2.0 */
/* priv-mfsprg: a trapped and emulated mfspr SPRG0 per iteration. */
#include "bench.h"
	.macro	bench_body
	mfsprg	r5, 0
	.endm
	bench_loop 100000
